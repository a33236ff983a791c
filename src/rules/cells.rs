//! CELL-VALUE (a cell that is not a valid figure for its column) and CELL-BLANK (a required
//! cell left blank, `-`, `/`, `—` or `无`).

use super::describe;
use crate::format::Part;
use crate::model::{Finding, Rule, Severity, Sheet};
use crate::model::{Problem, Value};

pub fn check(sheet: &Sheet) -> Vec<Finding> {
    let mut out = Vec::new();
    for cell in sheet.cells() {
        let Some(problem) = cell.problem else {
            continue;
        };
        let (place, place_en) = describe(cell.id);
        let raw = &cell.raw;
        let (severity, zh, en) = match problem {
            Problem::NotANumber => (
                Severity::Error,
                format!("{place}填的是「{raw}」，不是数字"),
                format!("{place_en}: “{raw}” is not a number"),
            ),
            Problem::Negative => (
                Severity::Error,
                format!("{place}为负数「{raw}」，件数不能为负"),
                format!("{place_en}: “{raw}” is negative"),
            ),
            Problem::Fraction => (
                Severity::Error,
                format!("{place}为小数「{raw}」，件数应为整数"),
                format!("{place_en}: “{raw}” is a fraction; counts are whole numbers"),
            ),
            Problem::TooLarge => (
                Severity::Error,
                format!("{place}的数字「{raw}」过大"),
                format!("{place_en}: “{raw}” is implausibly large"),
            ),
            Problem::UnitSuffix(u) => {
                let v = match cell.value {
                    Value::Int(v) => v.to_string(),
                    _ => raw.to_string(),
                };
                (
                    Severity::Info,
                    format!("{place}带有单位「{u}」，已按数字{v}读取"),
                    format!("{place_en}: the unit “{u}” was dropped and {v} read"),
                )
            }
        };
        out.push(
            Finding::new(Rule::CellValue, severity, zh, en)
                .with_cells(vec![cell.id])
                .at(cell.pos),
        );
    }
    // blank cells: one finding per table (one cause: blanks where the format asks for figures),
    // its cells marked in the table rather than listed in words
    let cells = sheet.cells();
    if !cells.iter().any(|c| matches!(c.value, Value::Blank)) {
        return out;
    }
    for part in Part::ALL {
        let blanks: Vec<_> = cells
            .iter()
            .filter(|c| c.value == Value::Blank && c.id.part() == part)
            .collect();
        let Some(first) = blanks.first() else {
            continue;
        };
        let (zh, en) = if blanks.len() == 1 {
            let place = describe(first.id);
            (
                format!("{}未填数字（「{}」），按0计算", place.0, first.raw),
                format!("{}: blank (“{}”), counted as 0", place.1, first.raw),
            )
        } else {
            (
                format!(
                    "{}有{}格未填数字，按0计算（已在表中标出）",
                    part.short_zh(),
                    blanks.len()
                ),
                format!(
                    "{}: {} cells are blank, counted as 0 (marked in the table)",
                    part.short_en(),
                    blanks.len()
                ),
            )
        };
        out.push(
            Finding::new(Rule::CellBlank, Severity::Warning, zh, en)
                .with_cells(blanks.iter().map(|c| c.id).collect())
                .at(first.pos),
        );
    }
    out
}
