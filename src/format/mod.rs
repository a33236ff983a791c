//! The two official formats as data: tables, rows, columns and cell ids (FORMATS.md §2–4).
//!
//! Invariant: every cell id the program emits is built from these tables; no other module
//! spells a row or column id. Readers match labels through the `keys` given here.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

pub mod part2;
pub mod part3;
pub mod part4;

/// An official format (FORMATS.md, top).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatId {
    F2019,
    F2021,
}

impl FormatId {
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

/// The three tables of a report.
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
    by_name: HashMap<(&'static str, &'static str), CellId, BuildHasherDefault<NameHasher>>,
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
        cells.sort_by(|a, b| a.id.cmp(&b.id));
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

    /// The cell id of FORMATS.md, e.g. `p3.granted.natural`.
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

/// FNV-1a over a (row, column) pair: the names are short; SipHash is needlessly slow here.
#[derive(Default)]
struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Every (row, column) of every table of both formats (with optional rows), in official order.
fn all_cells() -> impl Iterator<Item = (&'static str, &'static str)> {
    part2::cells()
        .chain(part3::all_cells())
        .chain(part4::cells())
}
