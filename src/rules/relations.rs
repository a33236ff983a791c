//! The equations of parts 三 and 四, and "which cell is wrong?" (FORMATS.md §6).
//!
//! Every relation reads `Σ lhs = Σ rhs`; `expected` is Σ rhs (what the total side should be)
//! and `actual` is Σ lhs. A single wrong cell breaks exactly the relations through it, so for
//! each cluster of failing relations (linked by shared cells) the suspects are the cells that
//! lie on every failing relation of the cluster and on no passing one, and for which one value
//! ≥ 0 satisfies them all. Invariant: a suspect's fix, applied alone, makes its cluster pass.

use super::shown;
use crate::format::part3::{self, Role, COLUMNS as P3_COLS, ORG_SUBTOTAL, TOTAL_COL};
use crate::format::part4::{self, COLUMNS as P4_COLS};
use crate::format::{CellKey, Column};
use crate::model::{Finding, Rule, Severity, Suspect};
use crate::read::Report;

#[derive(Debug)]
pub struct Relation {
    pub rule: Rule,
    pub lhs: Vec<CellKey>,
    pub rhs: Vec<CellKey>,
    what: What,
}

#[derive(Debug, Clone, Copy)]
enum What {
    Row(&'static part3::Row),
    /// 小计 of 法人或其他组织 (a column some reports add) = the five organisation columns.
    OrgSubtotal(&'static part3::Row),
    Column(&'static Column),
    Subtotal(&'static part3::Row, &'static Column),
    Balance(&'static Column),
    Review(usize),
}

impl Relation {
    pub fn cells(&self) -> impl Iterator<Item = CellKey> + '_ {
        self.lhs.iter().chain(&self.rhs).copied()
    }

    fn coef(&self, key: CellKey) -> i64 {
        if self.lhs.contains(&key) {
            1
        } else {
            -1
        }
    }
}

/// The relations of the tables as read (only those whose cells are all there).
pub fn relations(report: &Report) -> Vec<Relation> {
    let sheet = &report.sheet;
    let mut out = Vec::new();
    let present = |row: &'static str| sheet.get(CellKey::new(row, P3_COLS[0].id)).is_some();
    if let Some(variant) = report.variants.p3 {
        let rows = part3::rows(part3::splits_other(variant));
        let subtotals: Vec<&'static part3::Row> = part3::SUBTOTALS
            .iter()
            .filter(|r| {
                let Role::Subtotal(g) = r.role else {
                    return false;
                };
                // the F2019 single （六） row shares the id of the F2021 subtotal
                (g != part3::Group::Other || part3::splits_other(variant)) && present(r.id)
            })
            .collect();
        for row in rows.iter().copied().chain(subtotals.iter().copied()) {
            let parts: Vec<CellKey> = P3_COLS[..TOTAL_COL]
                .iter()
                .map(|c| CellKey::new(row.id, c.id))
                .collect();
            out.push(Relation {
                rule: Rule::P3Row,
                lhs: vec![CellKey::new(row.id, P3_COLS[TOTAL_COL].id)],
                rhs: parts,
                what: What::Row(row),
            });
            if sheet.get(CellKey::new(row.id, ORG_SUBTOTAL.id)).is_some() {
                out.push(Relation {
                    rule: Rule::P3Row,
                    lhs: vec![CellKey::new(row.id, ORG_SUBTOTAL.id)],
                    rhs: P3_COLS[1..TOTAL_COL]
                        .iter()
                        .map(|c| CellKey::new(row.id, c.id))
                        .collect(),
                    what: What::OrgSubtotal(row),
                });
            }
        }
        let find = |role: Role| rows.iter().find(|r| r.role == role).copied();
        let with_subtotal = sheet
            .get(CellKey::new("p3.total", ORG_SUBTOTAL.id))
            .is_some();
        let columns = P3_COLS.iter().chain(with_subtotal.then_some(&ORG_SUBTOTAL));
        for col in columns {
            let results: Vec<CellKey> = rows
                .iter()
                .filter(|r| r.role == Role::Result)
                .map(|r| CellKey::new(r.id, col.id))
                .collect();
            if let Some(total) = find(Role::Total) {
                out.push(Relation {
                    rule: Rule::P3Sum,
                    lhs: vec![CellKey::new(total.id, col.id)],
                    rhs: results,
                    what: What::Column(col),
                });
            }
            for sub in &subtotals {
                let Role::Subtotal(g) = sub.role else {
                    continue;
                };
                let members = rows
                    .iter()
                    .filter(|r| r.group == Some(g))
                    .map(|r| CellKey::new(r.id, col.id))
                    .collect();
                out.push(Relation {
                    rule: Rule::P3Sum,
                    lhs: vec![CellKey::new(sub.id, col.id)],
                    rhs: members,
                    what: What::Subtotal(sub, col),
                });
            }
            if let (Some(new), Some(cin), Some(total), Some(cout)) = (
                find(Role::Intake),
                rows.get(1).copied(),
                find(Role::Total),
                find(Role::Outflow),
            ) {
                out.push(Relation {
                    rule: Rule::P3Bal,
                    lhs: vec![
                        CellKey::new(total.id, col.id),
                        CellKey::new(cout.id, col.id),
                    ],
                    rhs: vec![CellKey::new(new.id, col.id), CellKey::new(cin.id, col.id)],
                    what: What::Balance(col),
                });
            }
        }
    }
    for (gi, g) in part4::GROUPS.iter().enumerate() {
        out.push(Relation {
            rule: Rule::P4Sum,
            lhs: vec![CellKey::new(g.id, P4_COLS[part4::TOTAL_COL].id)],
            rhs: P4_COLS[..part4::TOTAL_COL]
                .iter()
                .map(|c| CellKey::new(g.id, c.id))
                .collect(),
            what: What::Review(gi),
        });
    }
    out.retain(|r| r.cells().all(|k| sheet.get(k).is_some()));
    out
}

pub fn check(report: &Report) -> Vec<Finding> {
    let sheet = &report.sheet;
    let rels = relations(report);
    let value = |k: CellKey| sheet.get(k).and_then(|c| c.value.arith());
    // residual = Σ lhs − Σ rhs, for relations whose cells are all figures
    let residuals: Vec<Option<i64>> = rels
        .iter()
        .map(|r| {
            let l: Option<i64> = r.lhs.iter().map(|&k| value(k)).sum();
            let h: Option<i64> = r.rhs.iter().map(|&k| value(k)).sum();
            Some(l? - h?)
        })
        .collect();
    let failing: Vec<usize> = (0..rels.len())
        .filter(|&i| residuals[i].is_some_and(|r| r != 0))
        .collect();
    if failing.is_empty() {
        return Vec::new();
    }
    // clusters of failing relations linked by shared cells
    let mut cluster: Vec<usize> = (0..failing.len()).collect();
    fn root(c: &mut [usize], mut i: usize) -> usize {
        while c[i] != i {
            c[i] = c[c[i]];
            i = c[i];
        }
        i
    }
    for a in 0..failing.len() {
        for b in a + 1..failing.len() {
            if rels[failing[a]]
                .cells()
                .any(|k| rels[failing[b]].cells().any(|j| j == k))
            {
                let (ra, rb) = (root(&mut cluster, a), root(&mut cluster, b));
                cluster[ra] = rb;
            }
        }
    }
    let roots: Vec<usize> = (0..failing.len()).map(|i| root(&mut cluster, i)).collect();
    let mut suspects_of: Vec<Vec<Suspect>> = vec![Vec::new(); failing.len()];
    for r in 0..failing.len() {
        if roots[r] != r {
            continue;
        }
        let members: Vec<usize> = (0..failing.len())
            .filter(|&i| roots[i] == r)
            .map(|i| failing[i])
            .collect();
        let mut suspects = Vec::new();
        let first = &rels[members[0]];
        for k in first.cells() {
            if suspects.iter().any(|s: &Suspect| s.cell == k) {
                continue;
            }
            let on_all = members.iter().all(|&m| rels[m].cells().any(|j| j == k));
            let on_passing =
                (0..rels.len()).any(|i| residuals[i] == Some(0) && rels[i].cells().any(|j| j == k));
            if !on_all || on_passing {
                continue;
            }
            let Some(old) = value(k) else { continue };
            let fixes: Vec<i64> = members
                .iter()
                .map(|&m| old - residuals[m].unwrap_or(0) * rels[m].coef(k))
                .collect();
            let fix = fixes[0];
            if fix >= 0 && fixes.iter().all(|&f| f == fix) {
                suspects.push(Suspect { cell: k, fix });
            }
        }
        for i in (0..failing.len()).filter(|&i| roots[i] == r) {
            suspects_of[i] = suspects.clone();
        }
    }
    failing
        .iter()
        .zip(suspects_of)
        .map(|(&i, suspects)| finding(report, &rels[i], residuals[i].unwrap_or(0), suspects))
        .collect()
}

fn finding(report: &Report, rel: &Relation, residual: i64, suspects: Vec<Suspect>) -> Finding {
    let sheet = &report.sheet;
    let v = |k: CellKey| sheet.get(k).and_then(|c| c.value.arith()).unwrap_or(0);
    let expected: i64 = rel.rhs.iter().map(|&k| v(k)).sum();
    let actual = expected + residual;
    let s = |k: CellKey| shown(sheet, k);
    let (zh, en) = match rel.what {
        What::Row(row) => {
            let parts: Vec<String> = rel
                .rhs
                .iter()
                .zip(P3_COLS.iter())
                .map(|(&k, c)| format!("{}{}", c.zh, s(k).0))
                .collect();
            let parts_en: Vec<String> = rel.rhs.iter().map(|&k| s(k).1).collect();
            let (t, t_en) = s(rel.lhs[0]);
            let label = if matches!(row.role, Role::Subtotal(_)) {
                row.zh.to_owned()
            } else {
                crate::read::part3::row_label(row)
            };
            (
                format!(
                    "第三部分「{label}」行：{} = {expected}，但总计填报为{t}",
                    parts.join(" + ")
                ),
                format!(
                    "Part 3, row “{}”: {} = {expected}, but the total is {t_en}",
                    row.en,
                    parts_en.join(" + ")
                ),
            )
        }
        What::OrgSubtotal(row) => {
            let parts: Vec<String> = rel
                .rhs
                .iter()
                .zip(&P3_COLS[1..])
                .map(|(&k, c)| format!("{}{}", c.zh, s(k).0))
                .collect();
            let parts_en: Vec<String> = rel.rhs.iter().map(|&k| s(k).1).collect();
            let (t, t_en) = s(rel.lhs[0]);
            (
                format!(
                    "第三部分「{}」行：{} = {expected}，但「法人或其他组织」小计填报为{t}",
                    crate::read::part3::row_label(row),
                    parts.join(" + ")
                ),
                format!(
                    "Part 3, row “{}”: {} = {expected}, but the organisations' subtotal is {t_en}",
                    row.en,
                    parts_en.join(" + ")
                ),
            )
        }
        What::Column(col) => {
            let (t, t_en) = s(rel.lhs[0]);
            (
                format!("第三部分「{}」列：第三项（一）至（六）各项之和为{expected}，但（七）总计填报为{t}", col.zh),
                format!("Part 3, column “{}”: items (1)–(6) add up to {expected}, but (7) total is {t_en}", col.en),
            )
        }
        What::Subtotal(row, col) => {
            let (t, t_en) = s(rel.lhs[0]);
            (
                format!("第三部分「{}」列：「{}」各项之和为{expected}，但小计填报为{t}", col.zh, row.zh),
                format!("Part 3, column “{}”: the items of “{}” add up to {expected}, but the subtotal is {t_en}", col.en, row.en),
            )
        }
        What::Balance(col) => {
            let [a, b] = [s(rel.rhs[0]), s(rel.rhs[1])];
            let [c, d] = [s(rel.lhs[0]), s(rel.lhs[1])];
            (
                format!(
                    "第三部分「{}」列：第一项{} + 第二项{} = {expected}，但第三项（七）总计{} + 第四项{} = {actual}",
                    col.zh, a.0, b.0, c.0, d.0
                ),
                format!(
                    "Part 3, column “{}”: I + II = {} + {} = {expected}, but (7) total + IV = {} + {} = {actual}",
                    col.en, a.1, b.1, c.1, d.1
                ),
            )
        }
        What::Review(gi) => {
            let g = &part4::GROUPS[gi];
            let parts: Vec<String> = rel
                .rhs
                .iter()
                .zip(P4_COLS.iter())
                .map(|(&k, c)| format!("{}{}", c.zh, s(k).0))
                .collect();
            let parts_en: Vec<String> = rel.rhs.iter().map(|&k| s(k).1).collect();
            let (t, t_en) = s(rel.lhs[0]);
            (
                format!(
                    "{}：{} = {expected}，但总计填报为{t}",
                    g.zh,
                    parts.join(" + ")
                ),
                format!(
                    "{}: {} = {expected}, but the total is {t_en}",
                    g.en,
                    parts_en.join(" + ")
                ),
            )
        }
    };
    let pos_cell = suspects.first().map_or(rel.lhs[0], |s| s.cell);
    let mut f = Finding::new(rel.rule, Severity::Error, zh, en)
        .with_cells(rel.cells().collect())
        .at(sheet.get(pos_cell).and_then(|c| c.pos));
    f.expected = Some(expected);
    f.actual = Some(actual);
    f.suspects = suspects;
    f
}
