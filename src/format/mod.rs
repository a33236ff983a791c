//! The two official formats as data: tables, rows, columns and cell ids (docs/formats.md §2–4).
//!
//! Invariant: every cell id the program emits is built from these tables; no other module
//! spells a row or column id. Readers match labels through the `keys` given here.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

pub mod part2;
pub mod part3;
pub mod part4;

/// An official format (docs/formats.md, top). Its name on the wire and on every command line,
/// option and attribute is `F2019` or `F2021`, read by one [`FromStr`](std::str::FromStr).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatId {
    F2019,
    F2021,
}

/// A format name that is not one: says which names are accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat {
    pub name: String,
    /// Whether `auto` (the format the report's year calls for) was one of the choices.
    pub auto: bool,
}

impl std::fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let choices = if self.auto {
            "auto, F2019 or F2021"
        } else {
            "F2019 or F2021"
        };
        write!(f, "unknown format “{}”: use {choices}", self.name)
    }
}

impl std::error::Error for UnknownFormat {}

impl std::str::FromStr for FormatId {
    type Err = UnknownFormat;

    /// `F2019` or `F2021` (also `f2019`, `2019`, …): anything else is an error, never a guess.
    fn from_str(name: &str) -> Result<FormatId, UnknownFormat> {
        match name.trim() {
            "F2019" | "f2019" | "2019" => Ok(FormatId::F2019),
            "F2021" | "f2021" | "2021" => Ok(FormatId::F2021),
            _ => Err(UnknownFormat {
                name: name.to_owned(),
                auto: false,
            }),
        }
    }
}

impl FormatId {
    /// A format option: `auto` (or nothing) for the format of the report's year, else a name
    /// [`FromStr`](std::str::FromStr) reads.
    pub fn parse_choice(name: &str) -> Result<Option<FormatId>, UnknownFormat> {
        match name.trim() {
            "" | "auto" => Ok(None),
            other => other
                .parse()
                .map(Some)
                .map_err(|e| UnknownFormat { auto: true, ..e }),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FormatId::F2019 => "F2019",
            FormatId::F2021 => "F2021",
        }
    }

    /// The format in force for a report year (`None` before the 2019 revision).
    pub fn for_year(year: i32) -> Option<FormatId> {
        match year {
            2019 | 2020 => Some(FormatId::F2019),
            y if y >= 2021 => Some(FormatId::F2021),
            _ => None,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            FormatId::F2019 => "2019年版格式",
            FormatId::F2021 => "2021年版格式",
        }
    }
}

/// The format a report was read as, on the wire: an official format, a mix of both, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    F2019,
    F2021,
    Mixed,
    Unknown,
}

impl ReportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::F2019 => "F2019",
            ReportFormat::F2021 => "F2021",
            ReportFormat::Mixed => "mixed",
            ReportFormat::Unknown => "unknown",
        }
    }

    pub fn from_name(name: &str) -> Option<ReportFormat> {
        [
            ReportFormat::F2019,
            ReportFormat::F2021,
            ReportFormat::Mixed,
            ReportFormat::Unknown,
        ]
        .into_iter()
        .find(|f| f.as_str() == name)
    }

    /// The official format, if it is one.
    pub fn official(self) -> Option<FormatId> {
        match self {
            ReportFormat::F2019 => Some(FormatId::F2019),
            ReportFormat::F2021 => Some(FormatId::F2021),
            ReportFormat::Mixed | ReportFormat::Unknown => None,
        }
    }
}

impl From<FormatId> for ReportFormat {
    fn from(f: FormatId) -> Self {
        match f {
            FormatId::F2019 => ReportFormat::F2019,
            FormatId::F2021 => ReportFormat::F2021,
        }
    }
}

impl FormatId {
    fn from_name(name: &str) -> Option<FormatId> {
        [FormatId::F2019, FormatId::F2021]
            .into_iter()
            .find(|f| f.as_str() == name)
    }
}

crate::wire::wire_name!(FormatId, as_str, from_name, "format");
crate::wire::wire_name!(ReportFormat, as_str, from_name, "format");
// a picture's cells passed between the page's modules (`gouji::seen::Pictured`)
crate::wire::wire_name!(CellId, id, parse, "cell id");

/// What a column's cells hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A count of items: an integer ≥ 0.
    Count,
    /// A signed change (本年增/减).
    Signed,
    /// Money with a unit written in the cell (元 / 万元 / 亿元), F2019 采购总金额.
    Money,
    /// A decimal amount whose unit is in the header (万元), F2021 收费金额.
    Amount,
}

/// A column of a table.
#[derive(Debug)]
pub struct Column {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub kind: ValueKind,
    /// Folded fragments that identify the column in a header.
    pub keys: &'static [&'static str],
}

/// What a cell holds: a part 二 cell by its column (a count, or an amount of money); every
/// cell of parts 三 and 四 a count.
pub fn value_kind(id: CellId) -> ValueKind {
    match id.part() {
        Part::P2 => part2::find_column(id).map_or(ValueKind::Count, |c| c.kind),
        _ => ValueKind::Count,
    }
}

/// The three tables of a report.
/// The six parts of a report, as the official formats name them (index 0 = part 一): what the
/// reviewers' structure check (`DOC-PARTS`) looks for, in this order.
pub const PARTS: [(&str, &str); 6] = [
    ("第一部分「总体情况」", "part 1 (overview)"),
    (
        "第二部分「主动公开政府信息情况」",
        "part 2 (proactive disclosure)",
    ),
    (
        "第三部分「收到和处理政府信息公开申请情况」",
        "part 3 (applications)",
    ),
    (
        "第四部分「政府信息公开行政复议、行政诉讼情况」",
        "part 4 (review and litigation)",
    ),
    (
        "第五部分「存在的主要问题及改进情况」",
        "part 5 (problems and improvements)",
    ),
    ("第六部分「其他需要报告的事项」", "part 6 (other matters)"),
];

/// Text of the official template that a drafter is to replace (`DOC-TEMPLATE`): as it reads
/// after folding (full-width brackets and letters become ASCII), and as it is shown.
pub const TEMPLATE_TEXT: [(&str, &str); 4] = [
    ("(文字描述)", "（文字描述）"),
    ("XX", "XX"),
    ("××", "××"),
    ("某某", "某某"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    P2,
    P3,
    P4,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::P2, Part::P3, Part::P4];

    pub fn zh(self) -> &'static str {
        match self {
            Part::P2 => "二、主动公开政府信息情况",
            Part::P3 => "三、收到和处理政府信息公开申请情况",
            Part::P4 => "四、政府信息公开行政复议、行政诉讼情况",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Part::P2 => "Part 2: proactive disclosure",
            Part::P3 => "Part 3: applications received and handled",
            Part::P4 => "Part 4: administrative review and litigation",
        }
    }

    pub fn short_zh(self) -> &'static str {
        match self {
            Part::P2 => "第二部分",
            Part::P3 => "第三部分",
            Part::P4 => "第四部分",
        }
    }

    pub fn short_en(self) -> &'static str {
        match self {
            Part::P2 => "Part 2",
            Part::P3 => "Part 3",
            Part::P4 => "Part 4",
        }
    }
}

/// A cell of the formats: its number in the one table of every cell of both formats (with
/// their optional rows), generated once from the format tables and sorted by id, so that cells
/// compare, hash and order as numbers and order as their ids do. Two bytes: a sheet indexes
/// its cells by it, and the result's ids and the JSON writer's tables are read by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId(u16);

/// One entry of the table: the cell's id (`p3.granted.natural`) and its row and column.
struct CellDef {
    id: String,
    row: &'static str,
    col: &'static str,
}

struct CellTable {
    /// Sorted by id: a cell's number is its place here.
    cells: Vec<CellDef>,
    /// By (row, column), for [`CellId::of`].
    by_name: HashMap<(&'static str, &'static str), CellId, BuildHasherDefault<crate::bytes::Fnv>>,
}

fn table() -> &'static CellTable {
    static TABLE: OnceLock<CellTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut cells: Vec<CellDef> = all_cells()
            .map(|(row, col)| CellDef {
                id: format!("{row}.{col}"),
                row,
                col,
            })
            .collect();
        // equal ids are the same cell (dedup below): no stable sort needed, nor its code in the
        // WebAssembly module
        cells.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        cells.dedup_by(|a, b| a.id == b.id);
        assert!(cells.len() < usize::from(u16::MAX), "cells fit a u16");
        let by_name = cells
            .iter()
            .enumerate()
            .map(|(i, c)| ((c.row, c.col), CellId(i as u16)))
            .collect();
        CellTable { cells, by_name }
    })
}

impl CellId {
    /// The cell of `row` (`p3.granted`) and column (`natural`), if the formats have it.
    #[inline]
    pub fn of(row: &str, col: &str) -> Option<CellId> {
        table().by_name.get(&(row, col)).copied()
    }

    /// The cells of `row` in `cols`, those the formats have.
    pub fn row_of(row: &str, cols: &[&str]) -> Vec<CellId> {
        cols.iter().filter_map(|c| CellId::of(row, c)).collect()
    }

    /// Looks a cell id (`p3.granted.natural`) up in the format tables.
    pub fn parse(id: &str) -> Option<CellId> {
        let cells = &table().cells;
        cells
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| CellId(i as u16))
    }

    /// How many cells the formats have: every `CellId` is below it.
    pub fn count() -> usize {
        table().cells.len()
    }

    /// Every cell, in the order of their ids.
    pub fn all() -> impl Iterator<Item = CellId> {
        (0..Self::count()).map(|i| CellId(i as u16))
    }

    /// The cell's number: its place in [`CellId::all`].
    #[inline]
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    fn def(self) -> &'static CellDef {
        &table().cells[self.index()]
    }

    /// The cell id of docs/formats.md, e.g. `p3.granted.natural`.
    pub fn id(self) -> &'static str {
        &self.def().id
    }

    /// The row path, e.g. `p3.granted`.
    pub fn row(self) -> &'static str {
        self.def().row
    }

    /// The column, e.g. `natural`.
    pub fn col(self) -> &'static str {
        self.def().col
    }

    pub fn part(self) -> Part {
        match self.row().as_bytes().get(1) {
            Some(b'2') => Part::P2,
            Some(b'3') => Part::P3,
            _ => Part::P4,
        }
    }
}

/// Every (row, column) of every table of both formats (with optional rows), in official order.
fn all_cells() -> impl Iterator<Item = (&'static str, &'static str)> {
    part2::cells()
        .chain(part3::all_cells())
        .chain(part4::cells())
}
