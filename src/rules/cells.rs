//! CELL-VALUE (a cell that is not a valid figure for its column) and CELL-BLANK (a required
//! cell left blank, `-`, `/`, `—` or `无`).

use super::describe;
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
    // blank cells, one finding per row
    let cells = sheet.cells();
    if !cells.iter().any(|c| matches!(c.value, Value::Blank)) {
        return out;
    }
    let mut i = 0;
    while i < cells.len() {
        let row = cells[i].id.row();
        let end = i + cells[i..].iter().take_while(|c| c.id.row() == row).count();
        let blanks: Vec<_> = cells[i..end]
            .iter()
            .filter(|c| c.value == Value::Blank)
            .collect();
        if !blanks.is_empty() {
            let first = describe(blanks[0].id);
            let (zh, en) = if blanks.len() == 1 {
                (
                    format!("{}未填数字（「{}」），按0计算", first.0, blanks[0].raw),
                    format!("{}: blank (“{}”), counted as 0", first.1, blanks[0].raw),
                )
            } else {
                let places: Vec<String> = blanks.iter().map(|c| describe(c.id).0).collect();
                let places_en: Vec<String> = blanks.iter().map(|c| describe(c.id).1).collect();
                (
                    format!("{}格未填数字，按0计算：{}", blanks.len(), places.join("；")),
                    format!(
                        "{} cells are blank, counted as 0: {}",
                        blanks.len(),
                        places_en.join("; ")
                    ),
                )
            };
            out.push(
                Finding::new(Rule::CellBlank, Severity::Warning, zh, en)
                    .with_cells(blanks.iter().map(|c| c.id).collect())
                    .at(blanks[0].pos),
            );
        }
        i = end;
    }
    out
}
