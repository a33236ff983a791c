//! Part 二 rules: P2-PUB, P2-NEG, P2-INFORCE, P2-UNIT.

use super::{describe, shown};
use crate::format::CellId;
use crate::model::Value;
use crate::model::{Finding, Rule, Severity, Sheet};

const ROWS_1: [&str; 2] = ["p2.rules", "p2.normative"];
const ROWS_PREV: [&str; 5] = [
    "p2.licensing",
    "p2.other_services",
    "p2.penalty",
    "p2.coercion",
    "p2.fees",
];

fn int(sheet: &Sheet, row: &'static str, col: &'static str) -> Option<i64> {
    sheet.at(row, col).and_then(|c| match c.value {
        Value::Int(v) => Some(v),
        _ => None,
    })
}

fn label(row: &str) -> (&'static str, &'static str) {
    crate::format::part2::find_row(row).map_or(("", ""), |r| (r.zh, r.en))
}

pub fn check(sheet: &Sheet) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in ROWS_1 {
        let (zh, en) = label(row);
        if let (Some(p), Some(t)) = (int(sheet, row, "published"), int(sheet, row, "total")) {
            if p > t {
                let cells = CellId::row_of(row, &["published", "total"]);
                out.push(
                    Finding::new(
                        Rule::P2Pub,
                        Severity::Warning,
                        format!("第二部分「{zh}」：本年新公开数量{p}大于对外公开总数量{t}"),
                        format!("Part 2, {en}: published this year ({p}) exceeds published in total ({t})"),
                    )
                    .with_cells(cells)
                    .at(sheet.at(row, "published").and_then(|c| c.pos)),
                );
            }
        }
        if let (Some(i), Some(f), Some(r)) = (
            int(sheet, row, "issued"),
            int(sheet, row, "in_force"),
            int(sheet, row, "repealed"),
        ) {
            if i > f + r {
                let cells = CellId::row_of(row, &["issued", "repealed", "in_force"]);
                out.push(
                    Finding::new(
                        Rule::P2InForce,
                        Severity::Warning,
                        format!("第二部分「{zh}」：本年制发件数{i}大于现行有效件数{f}与本年废止件数{r}之和{}", f + r),
                        format!("Part 2, {en}: issued this year ({i}) exceeds in force + repealed ({f} + {r} = {})", f + r),
                    )
                    .with_cells(cells)
                    .at(sheet.at(row, "issued").and_then(|c| c.pos)),
                );
            }
        }
    }
    for row in ROWS_PREV {
        let (zh, en) = label(row);
        if let (Some(p), Some(c)) = (int(sheet, row, "prev"), int(sheet, row, "change")) {
            if p + c < 0 {
                let cells = CellId::row_of(row, &["prev", "change"]);
                out.push(
                    Finding::new(
                        Rule::P2Neg,
                        Severity::Error,
                        format!("第二部分「{zh}」：上一年项目数量{p} + 本年增/减{c} = {}，项目数量不能为负", p + c),
                        format!("Part 2, {en}: items last year {p} + change {c} = {}, which is negative", p + c),
                    )
                    .with_cells(cells)
                    .at(sheet.at(row, "change").and_then(|c| c.pos)),
                );
            }
        }
    }
    let amount = CellId::of("p2.procurement", "amount");
    if let Some((amount, cell)) = amount.and_then(|a| Some((a, sheet.get(a)?))) {
        if matches!(cell.value, Value::Int(_) | Value::Dec(_)) && cell.unit.is_none() {
            let (place, place_en) = describe(amount);
            let (v, _) = shown(sheet, amount);
            out.push(
                Finding::new(
                    Rule::P2Unit,
                    Severity::Warning,
                    format!("{place}「{v}」没有写单位（元、万元或亿元），金额无法确定"),
                    format!("{place_en}: “{v}” has no unit (元, 万元 or 亿元), so the amount is unknown"),
                )
                .with_cells(vec![amount])
                .at(cell.pos),
            );
        }
    }
    out
}
