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
    match key.part() {
        Part::P3 => {
            let (row_zh, row_en) = part3::find_row(key.row())
                .map_or((key.row().to_owned(), key.row().to_owned()), |r| {
                    (crate::read::part3::row_label(r), r.en.to_owned())
                });
            let col = part3::COLUMNS.iter().find(|c| c.id == key.col());
            (
                format!(
                    "第三部分「{}」行「{}」列",
                    row_zh,
                    col.map_or(key.col(), |c| c.zh)
                ),
                format!(
                    "Part 3, row “{}”, column “{}”",
                    row_en,
                    col.map_or(key.col(), |c| c.en)
                ),
            )
        }
        Part::P4 => {
            let g = part4::GROUPS.iter().find(|g| g.id == key.row());
            let col = part4::COLUMNS.iter().find(|c| c.id == key.col());
            (
                format!(
                    "第四部分{}「{}」",
                    g.map_or(key.row(), |g| g.zh),
                    col.map_or(key.col(), |c| c.zh)
                ),
                format!(
                    "Part 4, {}, {}",
                    g.map_or(key.row(), |g| g.en),
                    col.map_or(key.col(), |c| c.en)
                ),
            )
        }
        Part::P2 => {
            let row = p2::find_row(key.row());
            let col = p2::find_column(key);
            (
                format!(
                    "第二部分「{}」「{}」",
                    row.map_or(key.row(), |r| r.zh),
                    col.map_or(key.col(), |c| c.zh)
                ),
                format!(
                    "Part 2, {}, {}",
                    row.map_or(key.row(), |r| r.en),
                    col.map_or(key.col(), |c| c.en)
                ),
            )
        }
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
