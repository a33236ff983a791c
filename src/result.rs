//! The result object of docs/result.md: the one wire shape of every interface (CLI `--json`, the
//! JavaScript API, the widget's event).
//!
//! Invariant: only this module derives `Serialize`/`Deserialize` for the contract, and field
//! names equal the contract's keys. Add fields freely; rename or drop none without bumping
//! `SCHEMA`.

use crate::format::{FormatId, ReportFormat};
use crate::model::Pos;
use crate::model::Value;
use crate::model::{Cell, Finding, Input, Raw, Rule, Severity, Source};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

pub const SCHEMA: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub schema: u32,
    /// "F2019" | "F2021" | "mixed" | "unknown"
    pub format: ReportFormat,
    pub year: Option<i32>,
    pub title: Option<String>,
    /// How the input was read: "text" | "tsv" | "pipe" | "figures" | "grid" | "html" | "form"
    pub input: Input,
    pub cells: Cells,
    pub findings: Vec<FindingOut>,
    pub summary: Summary,
    /// The variant each table was read as (`null` where the table was not read).
    #[serde(default)]
    pub tables: Tables,
    /// The report's indicators (公开率, 纠错率, 结转率), from its tables.
    #[serde(default)]
    pub indicators: Indicators,
    /// The gouji version that made this result.
    #[serde(default)]
    pub version: String,
    /// Last year's report, where this one was compared with it (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<PrevOut>,
}

/// What evaluators compute from a report's tables, each a fraction (0.823 for 82.3 %), `null`
/// where a cell is missing or the denominator is 0:
/// - `disclosure_rate` 公开率: (（一）予以公开 + （二）部分公开) / （七）总计, of the 总计 column;
/// - `review_correction_rate` 行政复议纠错率: 结果纠正 / 总计;
/// - `suit_correction_rate` 行政诉讼纠错率: 结果纠正 / 总计, both kinds of suit together;
/// - `carry_rate` 结转率: 四、结转下年度 / (一、本年新收 + 二、上年结转).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Indicators {
    #[serde(serialize_with = "rate")]
    pub disclosure_rate: Option<f64>,
    #[serde(serialize_with = "rate")]
    pub review_correction_rate: Option<f64>,
    #[serde(serialize_with = "rate")]
    pub suit_correction_rate: Option<f64>,
    #[serde(serialize_with = "rate")]
    pub carry_rate: Option<f64>,
}

/// A rate as JavaScript writes it: a whole one (0, 1) as an integer, so that every host's JSON
/// of a result is the same bytes.
fn rate<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.fract() == 0.0 => s.serialize_some(&(x as i64)),
        Some(x) => s.serialize_some(&x),
        None => s.serialize_none(),
    }
}

impl Indicators {
    /// The indicators of the cells `figure` gives (a cell's figure by id, blank as 0).
    pub fn of(figure: impl Fn(&str) -> Option<i64>) -> Indicators {
        let ratio = |num: Option<i64>, den: Option<i64>| match (num, den) {
            (Some(n), Some(d)) if d > 0 && n >= 0 => {
                Some((n as f64 / d as f64 * 10_000.0).round() / 10_000.0)
            }
            _ => None,
        };
        let sum = |ids: &[&str]| ids.iter().map(|id| figure(id)).sum::<Option<i64>>();
        Indicators {
            disclosure_rate: ratio(
                sum(&["p3.granted.total", "p3.partial.total"]),
                figure("p3.total.total"),
            ),
            review_correction_rate: ratio(figure("p4.review.corrected"), figure("p4.review.total")),
            suit_correction_rate: ratio(
                sum(&["p4.suit_direct.corrected", "p4.suit_after_review.corrected"]),
                sum(&["p4.suit_direct.total", "p4.suit_after_review.total"]),
            ),
            carry_rate: ratio(
                figure("p3.carried_out.total"),
                sum(&["p3.new.total", "p3.carried_in.total"]),
            ),
        }
    }
}

/// The report a result was compared with: its title, year and format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrevOut {
    pub title: Option<String>,
    pub year: Option<i32>,
    pub format: ReportFormat,
    /// Last year's indicators, for the change (this year's `indicators` beside them).
    #[serde(default)]
    pub indicators: Indicators,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tables {
    pub p2: Option<FormatId>,
    pub p3: Option<FormatId>,
    pub p4: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellOut {
    pub value: Option<Num>,
    pub raw: Raw,
    #[serde(default, skip_serializing_if = "is_false")]
    pub blank: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<At>,
    /// 元 / 万元 / 亿元, where the cell states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// How the figure was obtained when not simply printed there: "split" (recovered from
    /// figures run together), "image" (recognised in a picture); absent for a figure read as
    /// printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<String>,
    /// For a figure read from a picture: how likely the reading is (0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A figure: an integer where the cell holds one, else a decimal.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Num {
    Int(i64),
    Dec(f64),
}

/// JavaScript has one number type: a whole number read back is an `Int` again.
impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Num;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Num, E> {
                Ok(Num::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Num, E> {
                i64::try_from(v).map(Num::Int).map_err(E::custom)
            }
            fn visit_f64<E>(self, v: f64) -> Result<Num, E> {
                const SAFE: f64 = 9_007_199_254_740_991.0;
                if v.fract() == 0.0 && v.abs() <= SAFE {
                    Ok(Num::Int(v as i64))
                } else {
                    Ok(Num::Dec(v))
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl Num {
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Num::Int(v) => Some(v),
            Num::Dec(_) => None,
        }
    }
}

/// The cells by id, in reading order (a JSON object). Ids are static strings when the core
/// made them (no allocation per cell), owned when read back from JSON or JavaScript.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cells(pub Vec<(Cow<'static, str>, CellOut)>);

impl Cells {
    pub fn get(&self, id: &str) -> Option<&CellOut> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, c)| c)
    }
}

impl Serialize for Cells {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Cells {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cells;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of cells by id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Cells, A::Error> {
                let mut v = Vec::new();
                while let Some((k, c)) = a.next_entry::<String, CellOut>()? {
                    v.push((Cow::Owned(k), c));
                }
                Ok(Cells(v))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FindingOut {
    pub rule: Rule,
    /// "error" | "warning" | "info"
    pub severity: Severity,
    /// "report" | "reading" (absent in results of round 1: the report's)
    #[serde(default)]
    pub source: Source,
    pub cells: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<i64>,
    pub suspects: Vec<SuspectOut>,
    /// Every suspect's fix is needed, not one of them (one cause with several cells to fill:
    /// a 总计 column left unfilled). Absent when the suspects are alternatives.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fix_all: bool,
    pub message: String,
    pub message_en: String,
    /// Where the finding points in the input (its key cell or prose figure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<At>,
    /// The relations one wrong cell breaks, when the finding stands for several (absent
    /// otherwise): the first is the finding's own `rule`, `expected` and `actual`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<RelationOut>,
    /// Last year's cells a cross-year finding names (absent otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prev_cells: Vec<String>,
}

/// One failing relation inside a finding that stands for several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelationOut {
    pub rule: Rule,
    pub cells: Vec<String>,
    pub expected: i64,
    pub actual: i64,
    pub message: String,
    pub message_en: String,
}

/// Where a cell or finding came from: `{line, col}` in text (1-based, columns in Unicode
/// characters), `{row, cell}` in a grid (0-based, after rowspan/colspan expansion).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum At {
    /// In a picture: its page (1-based) and the cell's box in that page's pixels. First, as it
    /// has the most fields.
    Image {
        page: u32,
        x: u32,
        y: u32,
        w: u32,
        h: u32,
    },
    /// On a PDF's page: its line as rebuilt from glyph positions (1-based, counted on the page)
    /// and column (1-based, in characters). First: an untagged enum writes the first variant
    /// whose fields match, and a PDF position has a line and a column too.
    Pdf {
        page: u32,
        line: u32,
        col: u32,
    },
    Text {
        line: u32,
        col: u32,
    },
    Grid {
        row: u32,
        cell: u32,
    },
}

/// Read back by its keys (not `untagged`, whose buffering costs the WebAssembly build dearly).
impl<'de> Deserialize<'de> for At {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Any {
            page: Option<u32>,
            line: Option<u32>,
            col: Option<u32>,
            row: Option<u32>,
            cell: Option<u32>,
            x: Option<u32>,
            y: Option<u32>,
            w: Option<u32>,
            h: Option<u32>,
        }
        let a = Any::deserialize(d)?;
        if let (Some(page), Some(x), Some(y), Some(w), Some(h)) = (a.page, a.x, a.y, a.w, a.h) {
            return Ok(At::Image { page, x, y, w, h });
        }
        match (a.line, a.col, a.row, a.cell) {
            (Some(line), Some(col), _, _) => Ok(match a.page {
                Some(page) => At::Pdf { page, line, col },
                None => At::Text { line, col },
            }),
            (_, _, Some(row), Some(cell)) => Ok(At::Grid { row, cell }),
            _ => Err(serde::de::Error::custom(
                "a position is {line, col}, {page, line, col}, {row, cell} or {page, x, y, w, h}",
            )),
        }
    }
}

impl At {
    /// A position in the text of a PDF's pages, one after another, as on its page:
    /// `page_starts` are the text's line numbers (1-based) where each page begins.
    pub fn on_page(self, page_starts: &[u32]) -> At {
        match self {
            At::Text { line, col } => {
                let page = page_starts.partition_point(|&s| s <= line).max(1);
                let first = page_starts.get(page - 1).copied().unwrap_or(1);
                At::Pdf {
                    page: page as u32,
                    line: line - first + 1,
                    col,
                }
            }
            other => other,
        }
    }
}

impl From<Pos> for At {
    fn from(p: Pos) -> Self {
        match p {
            Pos::Text { line, col } => At::Text { line, col },
            Pos::Grid { row, cell } => At::Grid { row, cell },
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuspectOut {
    pub cell: String,
    pub fix: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The report's errors, warnings and notes (findings whose `source` is "report").
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// What gouji could not read (findings whose `source` is "reading"), whatever their severity.
    #[serde(default)]
    pub unread: usize,
    pub cells_read: usize,
}

/// A value as the contract has it: a number, or none (blank or text).
pub fn num(v: Value) -> Option<Num> {
    match v {
        Value::Int(v) => Some(Num::Int(v)),
        Value::Dec(v) => Some(Num::Dec(v)),
        Value::Blank | Value::Text => None,
    }
}

impl From<Cell> for CellOut {
    fn from(c: Cell) -> Self {
        CellOut {
            value: num(c.value),
            blank: c.value == Value::Blank,
            raw: c.raw,
            at: c.pos.map(At::from),
            unit: c.unit.map(|u| u.as_str().to_owned()),
            read: c.split.then(|| "split".to_owned()),
            confidence: None,
        }
    }
}

impl From<&Finding> for FindingOut {
    fn from(f: &Finding) -> Self {
        FindingOut {
            rule: f.rule,
            severity: f.severity,
            source: f.source,
            cells: f.cells.iter().map(|k| k.id().to_owned()).collect(),
            expected: f.expected,
            actual: f.actual,
            suspects: f
                .suspects
                .iter()
                .map(|s| SuspectOut {
                    cell: s.cell.id().to_owned(),
                    fix: s.fix,
                })
                .collect(),
            fix_all: f.fix_all,
            message: f.message.clone(),
            message_en: f.message_en.clone(),
            at: f.pos.map(At::from),
            relations: f
                .relations
                .iter()
                .map(|b| RelationOut {
                    rule: b.rule,
                    cells: b.cells.iter().map(|k| k.id().to_owned()).collect(),
                    expected: b.expected,
                    actual: b.actual,
                    message: b.message.clone(),
                    message_en: b.message_en.clone(),
                })
                .collect(),
            prev_cells: Vec::new(),
        }
    }
}
