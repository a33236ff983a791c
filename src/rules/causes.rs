//! One cause, one finding: the findings of the rules regrouped by what caused them, and fixes no
//! drafter would make taken out.
//!
//! - **A blank 总计 column.** Part 三 rows whose 总计 is blank while their other cells hold
//!   figures each break their row (P3-ROW), and through those blanks the 总计 column's own
//!   relations (P3-SUM, P3-BAL) break too. One cause: one finding naming the blank totals, with
//!   one action (fill in each row's sum) and the broken relations counted inside it.
//! - **A zero forced by a blank.** A suspect whose fix is 0 on a relation that has a blank cell
//!   would turn a figure into 0 to match a blank: no drafter makes that change, so it is not
//!   offered (the relation is still reported).

use super::describe;
use crate::format::part3;
use crate::format::CellId;
use crate::model::{Finding, Rule, Severity, Sheet, Suspect, Value};

/// The findings with their causes grouped (see the module's documentation).
pub fn group(sheet: &Sheet, findings: Vec<Finding>) -> Vec<Finding> {
    let findings = blank_total_column(sheet, findings);
    findings
        .into_iter()
        .map(|f| without_zeros_forced_by_blanks(sheet, f))
        .collect()
}

fn is_blank(sheet: &Sheet, id: crate::format::CellId) -> bool {
    sheet.get(id).is_some_and(|c| c.value == Value::Blank)
}

/// The P3-ROW findings whose 总计 is blank (two or more), and the 总计 column relations that
/// run through those blanks, made one finding.
fn blank_total_column(sheet: &Sheet, findings: Vec<Finding>) -> Vec<Finding> {
    let total = part3::COLUMNS.last().map_or("total", |c| c.id);
    // a row's blank total, with the sum its other cells give
    let blank_total = |f: &Finding| {
        (f.rule == Rule::P3Row)
            .then(|| f.cells.iter().copied().find(|c| c.col() == total))
            .flatten()
            .filter(|&c| is_blank(sheet, c))
            .map(|c| (c, f.expected.unwrap_or(0)))
    };
    let blanks: Vec<_> = findings.iter().filter_map(blank_total).collect();
    if blanks.len() < 2 {
        return findings;
    }
    let through_blanks = |f: &Finding| {
        matches!(f.rule, Rule::P3Sum | Rule::P3Bal)
            && f.cells.iter().all(|c| c.col() == total)
            && f.cells.iter().any(|&c| is_blank(sheet, c))
    };
    let member = |f: &Finding| blank_total(f).is_some() || through_blanks(f);
    let Some(first) = findings.iter().position(member) else {
        return findings;
    };
    let folded = findings.iter().filter(|f| through_blanks(f)).count();
    let grouped = blank_column_finding(sheet, &blanks, folded);
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

/// The one finding of a blank 总计 column: its blank totals, each with its row's sum as the fix.
fn blank_column_finding(
    sheet: &Sheet,
    blanks: &[(crate::format::CellId, i64)],
    folded: usize,
) -> Finding {
    let rows: Vec<String> = blanks.iter().take(3).map(|(c, _)| short_row(*c)).collect();
    let (more, more_en) = if blanks.len() > 3 {
        ("等", ", …")
    } else {
        ("", "")
    };
    let (also, also_en) = match folded {
        0 => (String::new(), String::new()),
        n => (
            format!("；由此「总计」列的{n}个列向关系也不成立"),
            format!("; {n} relations of the total column fail through them"),
        ),
    };
    let first_en = describe(blanks[0].0).1;
    let mut g = Finding::new(
        Rule::P3Row,
        Severity::Error,
        format!(
            "第三部分「总计」列有{}行空白（{}{more}），这些行的其他各列填有数字：请按各列之和补全总计列{also}",
            blanks.len(),
            rows.join("、"),
        ),
        format!(
            "Part 3: the total column is blank in {} rows whose other columns hold figures (first: {first_en}{more_en}): fill in each row's total as the sum of its columns{also_en}",
            blanks.len(),
        ),
    )
    .with_cells(blanks.iter().map(|(c, _)| *c).collect())
    .at(sheet.get(blanks[0].0).and_then(|c| c.pos));
    g.suspects = blanks
        .iter()
        .map(|&(cell, fix)| crate::model::Suspect { cell, fix })
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
