//! The rules of docs/formats.md §6, applied to what was read.
//!
//! - `relations`: the equations (P3-ROW, P3-SUM, P3-BAL, P4-SUM) and "which cell is wrong?"
//! - `part2`: P2-PUB, P2-NEG, P2-INFORCE, P2-UNIT
//! - `cells`: CELL-VALUE, CELL-BLANK
//! - `report`: FMT-MIX, YEAR, TXT-NUM
//! - `causes`: one cause, one finding (a blank 总计 column; no zero forced by a blank)
//! - `structure`: DOC-PARTS, DOC-TEMPLATE, DOC-P5, DOC-FEES (the reviewers' structure checks)
//! - `cross`: last year's report beside this one (X-CARRY, X-PREV, X-TEXT, X-MATCH), on results
//!
//! Invariant: rules only read the report; each finding names its cells by key.

pub mod causes;
pub mod cells;
pub mod cross;
pub mod part2;
pub mod relations;
pub mod report;
pub mod structure;

use crate::format::FormatId;
use crate::format::{part2 as p2, part3, part4, CellId, Part};
use crate::model::Value;
use crate::model::{Finding, Severity, Sheet};
use crate::read::Report;

/// Every finding for a report, reading findings included, errors first.
pub fn check(report: &Report, format: Option<FormatId>) -> Vec<Finding> {
    let mut out = report.findings.clone();
    if report.sheet.is_empty() {
        return out;
    }
    out.extend(cells::check(&report.sheet));
    out.extend(relations::check(report));
    out.extend(part2::check(&report.sheet));
    out.extend(report::check(report, format));
    out.extend(structure::check(report));
    let out = causes::group(&report.sheet, out);
    // errors first, then warnings, then information, each in the order found
    let mut sorted = Vec::with_capacity(out.len());
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        sorted.extend(out.iter().filter(|f| f.severity == severity).cloned());
    }
    sorted
}

/// A cell's place in words: 第三部分「（一）予以公开」行「自然人」列.
pub fn describe(key: CellId) -> (String, String) {
    let l = labels(key);
    match key.part() {
        Part::P3 => (
            format!("第三部分「{}」行「{}」列", l.row, l.column),
            format!("Part 3, row “{}”, column “{}”", l.row_en, l.column_en),
        ),
        Part::P4 => (
            format!("第四部分{}「{}」", l.row, l.column),
            format!("Part 4, {}, {}", l.row_en, l.column_en),
        ),
        Part::P2 => (
            format!("第二部分「{}」「{}」", l.row, l.column),
            format!("Part 2, {}, {}", l.row_en, l.column_en),
        ),
    }
}

/// A cell's row and column as the format labels them, in both languages.
pub struct Labels {
    pub row: String,
    pub row_en: &'static str,
    pub column: &'static str,
    pub column_en: &'static str,
}

/// The labels of a cell's row and column, from the format's tables (the id where a table has
/// none).
pub fn labels(key: CellId) -> Labels {
    let (row, row_en, col) = match key.part() {
        Part::P3 => {
            let r = part3::find_row(key.row());
            (
                r.map_or_else(|| key.row().to_owned(), crate::read::part3::row_label),
                r.map_or(key.row(), |r| r.en),
                part3::COLUMNS.iter().find(|c| c.id == key.col()),
            )
        }
        Part::P4 => {
            let g = part4::GROUPS.iter().find(|g| g.id == key.row());
            (
                g.map_or(key.row(), |g| g.zh).to_owned(),
                g.map_or(key.row(), |g| g.en),
                part4::COLUMNS.iter().find(|c| c.id == key.col()),
            )
        }
        Part::P2 => {
            let r = p2::find_row(key.row());
            (
                r.map_or(key.row(), |r| r.zh).to_owned(),
                r.map_or(key.row(), |r| r.en),
                p2::find_column(key),
            )
        }
    };
    Labels {
        row,
        row_en,
        column: col.map_or(key.col(), |c| c.zh),
        column_en: col.map_or(key.col(), |c| c.en),
    }
}

/// A cell's value as shown in a message: the figure, or 空 / blank.
pub fn shown(sheet: &Sheet, key: CellId) -> (String, String) {
    match sheet.get(key).map(|c| c.value) {
        Some(Value::Int(v)) => (v.to_string(), v.to_string()),
        // a decimal is shown as written (formatting floats is large in WebAssembly)
        Some(Value::Dec(_)) => {
            let raw = sheet.get(key).map_or(String::new(), |c| c.raw.to_string());
            (raw.clone(), raw)
        }
        Some(Value::Blank) => ("空".to_owned(), "blank".to_owned()),
        Some(Value::Text) | None => ("?".to_owned(), "?".to_owned()),
    }
}
