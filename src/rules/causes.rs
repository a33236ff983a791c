//! One cause, one finding: the findings of the rules regrouped by what caused them, and fixes no
//! drafter would make taken out.
//!
//! - **A 总计 column left unfilled.** Part 三 rows whose 总计 is blank — or printed as 0 in a
//!   column that holds no other figure — while their other cells hold figures each break their
//!   row (P3-ROW), and through those totals the 总计 column's own relations (P3-SUM, P3-BAL) may
//!   break too. One cause: one finding naming those totals, with one action (fill in each row's
//!   sum: every fix is needed, `fix_all`), every relation it stands for listed inside it.
//! - **A zero forced by a blank.** A suspect whose fix is 0 on a relation that has a blank cell
//!   would turn a figure into 0 to match a blank: no drafter makes that change, so it is not
//!   offered (the relation is still reported).

use super::describe;
use crate::format::part3;
use crate::format::CellId;
use crate::model::{Broken, Finding, Rule, Severity, Sheet, Suspect, Value};

/// The findings with their causes grouped (see the module's documentation).
pub fn group(sheet: &Sheet, findings: Vec<Finding>) -> Vec<Finding> {
    let findings = unfilled_total_column(sheet, findings);
    findings
        .into_iter()
        .map(|f| without_zeros_forced_by_blanks(sheet, f))
        .collect()
}

fn is_blank(sheet: &Sheet, id: crate::format::CellId) -> bool {
    sheet.get(id).is_some_and(|c| c.value == Value::Blank)
}

/// Whether part 三's 总计 column was printed as 0 while its rows hold figures: no row's total
/// holds another figure, and some row's other cells do.
pub fn zero_total_column(sheet: &Sheet) -> bool {
    let total = part3::COLUMNS[part3::TOTAL_COL].id;
    // (a total of 0, a total holding a figure, another cell holding a figure)
    let (mut zero, mut total_figure, mut figure) = (false, false, false);
    for c in sheet.cells() {
        if c.id.part() != crate::format::Part::P3 {
            continue;
        }
        let positive = matches!(c.value, Value::Int(v) if v > 0);
        if c.id.col() == total {
            zero |= c.value == Value::Int(0);
            total_figure |= positive;
        } else {
            figure |= positive;
        }
    }
    zero && figure && !total_figure
}

/// How a 总计 column was left unfilled: blank, or 0 throughout.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unfilled {
    Blank,
    Zero,
}

/// The P3-ROW findings whose 总计 is left unfilled (two or more), and the 总计 column relations
/// that run through those totals, made one finding.
fn unfilled_total_column(sheet: &Sheet, findings: Vec<Finding>) -> Vec<Finding> {
    let total = part3::COLUMNS[part3::TOTAL_COL].id;
    let figure = |c: CellId| sheet.get(c).map(|c| c.value);
    let zero_column = zero_total_column(sheet);
    let unfilled = |c: CellId| match figure(c) {
        Some(Value::Blank) => Some(Unfilled::Blank),
        Some(Value::Int(0)) if zero_column => Some(Unfilled::Zero),
        _ => None,
    };
    // a row's unfilled total, with the sum its other cells give
    let row_total = |f: &Finding| {
        (f.rule == Rule::P3Row)
            .then(|| f.cells.iter().copied().find(|c| c.col() == total))
            .flatten()
            .and_then(|c| unfilled(c).map(|how| (c, f.expected.unwrap_or(0), how)))
            .filter(|&(_, sum, _)| sum > 0)
    };
    let totals: Vec<_> = findings.iter().filter_map(row_total).collect();
    if totals.len() < 2 {
        return findings;
    }
    let through = |f: &Finding| {
        matches!(f.rule, Rule::P3Sum | Rule::P3Bal)
            && f.cells.iter().all(|c| c.col() == total)
            && f.cells.iter().any(|c| totals.iter().any(|t| t.0 == *c))
    };
    let member = |f: &Finding| row_total(f).is_some() || through(f);
    let Some(first) = findings.iter().position(member) else {
        return findings;
    };
    let how = if totals.iter().all(|t| t.2 == Unfilled::Zero) {
        Unfilled::Zero
    } else {
        Unfilled::Blank
    };
    let fixes: Vec<(CellId, i64)> = totals.iter().map(|&(c, sum, _)| (c, sum)).collect();
    let members: Vec<&Finding> = findings.iter().filter(|f| member(f)).collect();
    let grouped = unfilled_column_finding(sheet, &fixes, how, &members);
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for (i, f) in findings.into_iter().enumerate() {
        if i == first {
            // the grouped finding stands where the first of its members stood
            out.push(grouped.clone());
        }
        if !member(&f) {
            out.push(f);
        }
    }
    out
}

/// The one finding of a 总计 column left unfilled: its totals, each with its row's sum as the
/// fix (all of them needed), and every relation it stands for.
fn unfilled_column_finding(
    sheet: &Sheet,
    totals: &[(CellId, i64)],
    how: Unfilled,
    members: &[&Finding],
) -> Finding {
    let rows: Vec<String> = totals.iter().take(3).map(|(c, _)| short_row(*c)).collect();
    let (more, more_en) = if totals.len() > 3 {
        ("等", ", …")
    } else {
        ("", "")
    };
    let column_relations = members.iter().filter(|f| f.rule != Rule::P3Row).count();
    let (also, also_en) = match column_relations {
        0 => (String::new(), String::new()),
        n => (
            format!("；由此「总计」列的{n}个列向关系也不成立"),
            format!("; {n} relations of the total column fail through them"),
        ),
    };
    let (state, state_en) = match how {
        Unfilled::Blank => ("空白", "blank"),
        Unfilled::Zero => ("填为0", "0"),
    };
    let first_en = describe(totals[0].0).1;
    let mut g = Finding::new(
        Rule::P3Row,
        Severity::Error,
        format!(
            "第三部分「总计」列有{}行{state}（{}{more}），这些行的其他各列填有数字：请按各列之和补全总计列{also}",
            totals.len(),
            rows.join("、"),
        ),
        format!(
            "Part 3: the total column is {state_en} in {} rows whose other columns hold figures (first: {first_en}{more_en}): fill in each row's total as the sum of its columns{also_en}",
            totals.len(),
        ),
    )
    .at(sheet.get(totals[0].0).and_then(|c| c.pos));
    // the totals to fill first, then the other cells of the 总计 column's relations (（七）总计
    // among them); the rows' other cells are in `relations`
    let mut cells: Vec<CellId> = totals.iter().map(|(c, _)| *c).collect();
    for f in members.iter().filter(|f| f.rule != Rule::P3Row) {
        for &c in &f.cells {
            if !cells.contains(&c) {
                cells.push(c);
            }
        }
    }
    g.cells = cells;
    g.suspects = totals
        .iter()
        .map(|&(cell, fix)| Suspect { cell, fix })
        .collect();
    g.fix_all = true;
    g.relations = members
        .iter()
        .map(|f| Broken {
            rule: f.rule,
            cells: f.cells.clone(),
            expected: f.expected.unwrap_or(0),
            actual: f.actual.unwrap_or(0),
            message: f.message.clone(),
            message_en: f.message_en.clone(),
        })
        .collect();
    g
}

/// A part 三 row's label, short: its own words without the format's explanation in brackets.
fn short_row(cell: crate::format::CellId) -> String {
    let label = part3::find_row(cell.row())
        .map_or_else(|| cell.row().to_owned(), crate::read::part3::row_label);
    match label.char_indices().skip(4).find(|&(_, c)| c == '（') {
        Some((i, _)) => label[..i].to_owned(),
        None => label,
    }
}

/// The finding without the suspects that would set a figure to 0 to match a blank cell.
fn without_zeros_forced_by_blanks(sheet: &Sheet, mut f: Finding) -> Finding {
    let Finding {
        cells, suspects, ..
    } = &mut f;
    keep_offered(sheet, cells, suspects);
    f
}

/// Takes out the suspects that would set a figure to 0 to match a blank among `cells`.
pub fn keep_offered(sheet: &Sheet, cells: &[CellId], suspects: &mut Vec<Suspect>) {
    suspects.retain(|s| !(s.fix == 0 && cells.iter().any(|&c| c != s.cell && is_blank(sheet, c))));
}
