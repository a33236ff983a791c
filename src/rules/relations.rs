//! The equations of parts 三 and 四, and "which cell is wrong?" (docs/formats.md §6).
//!
//! Every relation reads `Σ lhs = Σ rhs`; `expected` is Σ rhs (what the total side should be)
//! and `actual` is Σ lhs. A single wrong cell breaks exactly the relations through it, so for
//! each cluster of failing relations (linked by shared cells) the suspects are the cells that
//! lie on every failing relation of the cluster and on no passing one, and for which one value
//! ≥ 0 satisfies them all. Invariant: a suspect's fix, applied alone, makes its cluster pass.

use super::shown;
use crate::format::part3::{self, Role, COLUMNS as P3_COLS, ORG_SUBTOTAL, TOTAL_COL};
use crate::format::part4::{self, COLUMNS as P4_COLS};
use crate::format::{CellId, Column};
use crate::model::{Finding, Rule, Severity, Suspect};
use crate::read::Report;

/// One equation: `Σ lhs = Σ rhs`, its cells kept in the [`Relations`]' shared list.
#[derive(Debug, Clone)]
pub struct Relation {
    pub rule: Rule,
    lhs: (u32, u32),
    rhs: (u32, u32),
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

/// The relations of a report, their cells in one list (one allocation, not two per relation):
/// each cell by its position in the sheet's cells (`ABSENT` where it was not read), so the
/// checks compare and read positions; keys are looked at only to word a finding.
#[derive(Debug, Default)]
pub struct Relations {
    at: Vec<u32>,
    pub list: Vec<Relation>,
}

const ABSENT: u32 = u32::MAX;

impl Relations {
    /// Adds `Σ lhs = Σ rhs`, each cell by its sheet position.
    fn push(
        &mut self,
        rule: Rule,
        lhs: impl IntoIterator<Item = u32>,
        rhs: impl IntoIterator<Item = u32>,
        what: What,
    ) {
        let at = |at: &Vec<u32>| u32::try_from(at.len()).unwrap_or(u32::MAX);
        let l0 = at(&self.at);
        self.at.extend(lhs);
        let l1 = at(&self.at);
        self.at.extend(rhs);
        let r1 = at(&self.at);
        self.list.push(Relation {
            rule,
            lhs: (l0, l1),
            rhs: (l1, r1),
            what,
        });
    }

    fn positions(&self, (a, b): (u32, u32)) -> &[u32] {
        &self.at[a as usize..b as usize]
    }

    /// The sheet positions of all a relation's cells: lhs then rhs (adjacent in the list).
    fn cells_at(&self, r: &Relation) -> &[u32] {
        self.positions((r.lhs.0, r.rhs.1))
    }

    /// A relation's cells by sheet position, each with its sign (+1 on the lhs, −1 on the
    /// rhs): the relation holds when Σ sign × value = 0.
    pub fn terms<'a>(&'a self, r: &'a Relation) -> impl Iterator<Item = (u32, i64)> + 'a {
        let lhs = self.positions(r.lhs).iter().map(|&p| (p, 1));
        lhs.chain(self.positions(r.rhs).iter().map(|&p| (p, -1)))
    }

    /// +1 for a cell on the lhs, −1 on the rhs.
    fn coef(&self, r: &Relation, p: u32) -> i64 {
        if self.positions(r.lhs).contains(&p) {
            1
        } else {
            -1
        }
    }
}

/// The seven columns and the 小计 some reports add.
const P3_WIDTH: usize = P3_COLS.len() + 1;
const ORG_COL: usize = P3_COLS.len();

/// The column at index `c` of a part 三 grid row: the seven, then the 小计.
fn column(c: usize) -> &'static Column {
    P3_COLS.get(c).unwrap_or(&ORG_SUBTOTAL)
}

fn position(sheet: &crate::model::Sheet, key: CellId) -> u32 {
    sheet
        .index_of(key)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(ABSENT)
}

/// The relations of the tables as read (only those whose cells are all there).
pub fn relations(report: &Report) -> Relations {
    let sheet = &report.sheet;
    // room for every relation of a report: ~70 relations over ~600 cells
    let mut out = Relations {
        at: Vec::with_capacity(640),
        list: Vec::with_capacity(80),
    };
    if let Some(variant) = report.variants.p3 {
        let split = part3::splits_other(variant);
        let rows = part3::rows(split);
        let n = rows.len();
        // the rows, then the subtotal rows some reports add; each cell's sheet position (by
        // its id, `part3::grid`) looked up once, however many relations it is on
        let row_of = |r: usize| match rows.get(r) {
            Some(row) => *row,
            None => &part3::SUBTOTALS[r - n],
        };
        let grid: Vec<[u32; P3_WIDTH]> = part3::grid(split)
            .iter()
            .map(|cells| cells.map(|c| position(sheet, c)))
            .collect();
        // the subtotal rows read: (their index in the grid, their group)
        let subtotals: Vec<(usize, part3::Group)> = (n..n + part3::SUBTOTALS.len())
            .filter_map(|r| {
                let Role::Subtotal(g) = row_of(r).role else {
                    return None;
                };
                // the F2019 single （六） row shares the id of the F2021 subtotal
                let fits = g != part3::Group::Other || split;
                (fits && grid[r][0] != ABSENT).then_some((r, g))
            })
            .collect();
        for r in (0..n).chain(subtotals.iter().map(|&(r, _)| r)) {
            let (row, cells) = (row_of(r), &grid[r]);
            let parts = cells[..TOTAL_COL].iter().copied();
            out.push(Rule::P3Row, [cells[TOTAL_COL]], parts, What::Row(row));
            if cells[ORG_COL] != ABSENT {
                let parts = cells[1..TOTAL_COL].iter().copied();
                out.push(Rule::P3Row, [cells[ORG_COL]], parts, What::OrgSubtotal(row));
            }
        }
        let find = |role: Role| rows.iter().position(|r| r.role == role);
        let (new, total, cout) = (find(Role::Intake), find(Role::Total), find(Role::Outflow));
        let results: Vec<usize> = (0..n).filter(|&r| rows[r].role == Role::Result).collect();
        let with_subtotal = total.is_some_and(|t| grid[t][ORG_COL] != ABSENT);
        let columns = (0..P3_COLS.len()).chain(with_subtotal.then_some(ORG_COL));
        for c in columns {
            let col = column(c);
            if let Some(total) = total {
                let results = results.iter().map(|&r| grid[r][c]);
                out.push(Rule::P3Sum, [grid[total][c]], results, What::Column(col));
            }
            for &(sub, g) in &subtotals {
                let members = (0..n)
                    .filter(|&r| rows[r].group == Some(g))
                    .map(|r| grid[r][c]);
                let what = What::Subtotal(row_of(sub), col);
                out.push(Rule::P3Sum, [grid[sub][c]], members, what);
            }
            if let (Some(new), Some(total), Some(cout)) = (new, total, cout) {
                if n > 1 {
                    let lhs = [grid[total][c], grid[cout][c]];
                    let rhs = [grid[new][c], grid[1][c]];
                    out.push(Rule::P3Bal, lhs, rhs, What::Balance(col));
                }
            }
        }
    }
    let p4 = part4::cell_ids();
    for (gi, row) in p4.chunks_exact(P4_COLS.len()).enumerate() {
        let at = |c: &CellId| position(sheet, *c);
        out.push(
            Rule::P4Sum,
            [at(&row[part4::TOTAL_COL])],
            row[..part4::TOTAL_COL].iter().map(at),
            What::Review(gi),
        );
    }
    let Relations { at, list, .. } = &mut out;
    list.retain(|r| {
        at[r.lhs.0 as usize..r.rhs.1 as usize]
            .iter()
            .all(|&p| p != ABSENT)
    });
    out
}

pub fn check(report: &Report) -> Vec<Finding> {
    let sheet = &report.sheet;
    let all = relations(report);
    let rels = &all.list;
    let cells = sheet.cells();
    let value = |p: u32| cells.get(p as usize).and_then(|c| c.value.arith());
    // residual = Σ lhs − Σ rhs, for relations whose cells are all figures
    let residuals: Vec<Option<i64>> = rels
        .iter()
        .map(|r| {
            let l: Option<i64> = all.positions(r.lhs).iter().map(|&p| value(p)).sum();
            let h: Option<i64> = all.positions(r.rhs).iter().map(|&p| value(p)).sum();
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
            if all
                .cells_at(&rels[failing[a]])
                .iter()
                .any(|p| all.cells_at(&rels[failing[b]]).contains(p))
            {
                let (ra, rb) = (root(&mut cluster, a), root(&mut cluster, b));
                cluster[ra] = rb;
            }
        }
    }
    let roots: Vec<usize> = (0..failing.len()).map(|i| root(&mut cluster, i)).collect();
    // the cells of the relations that hold: none of them is a suspect
    let mut on_passing = vec![false; cells.len()];
    for (r, _) in rels.iter().zip(&residuals).filter(|(_, &x)| x == Some(0)) {
        for &p in all.cells_at(r) {
            on_passing[p as usize] = true;
        }
    }
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
        for &p in all.cells_at(first) {
            let k = cells[p as usize].id;
            if suspects.iter().any(|s: &Suspect| s.cell == k) {
                continue;
            }
            let on_all = members.iter().all(|&m| all.cells_at(&rels[m]).contains(&p));
            if !on_all || on_passing[p as usize] {
                continue;
            }
            let Some(old) = value(p) else { continue };
            let fixes: Vec<i64> = members
                .iter()
                .map(|&m| old - residuals[m].unwrap_or(0) * all.coef(&rels[m], p))
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
    let mut findings: Vec<Option<Finding>> = failing
        .iter()
        .zip(suspects_of)
        .map(|(&i, suspects)| {
            Some(finding(
                report,
                &all,
                &rels[i],
                residuals[i].unwrap_or(0),
                suspects,
            ))
        })
        .collect();
    // one cause, one finding: a cluster that one cell explains is one finding, its relations
    // listed inside it, standing where the first of them stood
    for r in 0..failing.len() {
        let members: Vec<usize> = (0..failing.len()).filter(|&i| roots[i] == r).collect();
        if members.len() < 2 {
            continue;
        }
        let parts: Vec<Finding> = members.iter().filter_map(|&i| findings[i].take()).collect();
        match one_cause(sheet, parts) {
            Ok(one) => findings[members[0]] = Some(one),
            Err(parts) => {
                for (&i, f) in members.iter().zip(parts) {
                    findings[i] = Some(f);
                }
            }
        }
    }
    findings.into_iter().flatten().collect()
}

/// The findings of a cluster as one, when a single cell explains them all (some suspect left
/// once fixes no drafter would make are taken out); else the findings as they were.
fn one_cause(sheet: &crate::model::Sheet, parts: Vec<Finding>) -> Result<Finding, Vec<Finding>> {
    let mut cells: Vec<CellId> = Vec::new();
    for f in &parts {
        for &c in &f.cells {
            if !cells.contains(&c) {
                cells.push(c);
            }
        }
    }
    let mut suspects = parts[0].suspects.clone();
    super::causes::keep_offered(sheet, &cells, &mut suspects);
    let Some(&first) = suspects.first() else {
        return Err(parts);
    };
    let n = parts.len();
    let (place, place_en) = super::describe(first.cell);
    let (now, now_en) = shown(sheet, first.cell);
    let (zh, en) = if suspects.len() == 1 {
        (
            format!(
                "{place}填报为{now}，与{n}处勾稽关系不符；改为{}则全部成立",
                first.fix
            ),
            format!(
                "{place_en} is {now_en}, which breaks {n} relations; {} satisfies them all",
                first.fix
            ),
        )
    } else {
        let others: Vec<String> = suspects[1..]
            .iter()
            .map(|s| format!("{}（{}）", super::describe(s.cell).0, s.fix))
            .collect();
        (
            format!(
                "{n}处勾稽关系因同一处数字不成立：{place}改为{}，或{}，任改一处即全部成立",
                first.fix,
                others.join("、")
            ),
            format!(
                "{n} relations fail through one figure: setting {place_en} to {} (or one of {} other cells) satisfies them all",
                first.fix,
                suspects.len() - 1
            ),
        )
    };
    let head = &parts[0];
    let mut one = Finding::new(head.rule, head.severity, zh, en)
        .with_cells(cells)
        .at(sheet.get(first.cell).and_then(|c| c.pos).or(head.pos));
    one.expected = head.expected;
    one.actual = head.actual;
    one.suspects = suspects;
    one.relations = parts
        .into_iter()
        .map(|f| crate::model::Broken {
            rule: f.rule,
            cells: f.cells,
            expected: f.expected.unwrap_or(0),
            actual: f.actual.unwrap_or(0),
            message: f.message,
            message_en: f.message_en,
        })
        .collect();
    Ok(one)
}

/// A failing relation in words, Chinese and English: its cells' figures, the sum they give
/// (`expected`) and what the report states (`actual`).
fn wording(
    sheet: &crate::model::Sheet,
    what: What,
    lhs: &[CellId],
    rhs: &[CellId],
    expected: i64,
    actual: i64,
) -> (String, String) {
    let s = |k: CellId| shown(sheet, k);
    match what {
        What::Row(row) => {
            let parts: Vec<String> = rhs
                .iter()
                .zip(P3_COLS.iter())
                .map(|(&k, c)| format!("{}{}", c.zh, s(k).0))
                .collect();
            let parts_en: Vec<String> = rhs.iter().map(|&k| s(k).1).collect();
            let (t, t_en) = s(lhs[0]);
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
            let parts: Vec<String> = rhs
                .iter()
                .zip(&P3_COLS[1..])
                .map(|(&k, c)| format!("{}{}", c.zh, s(k).0))
                .collect();
            let parts_en: Vec<String> = rhs.iter().map(|&k| s(k).1).collect();
            let (t, t_en) = s(lhs[0]);
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
            let (t, t_en) = s(lhs[0]);
            (
                format!("第三部分「{}」列：第三项（一）至（六）各项之和为{expected}，但（七）总计填报为{t}", col.zh),
                format!("Part 3, column “{}”: items (1)–(6) add up to {expected}, but (7) total is {t_en}", col.en),
            )
        }
        What::Subtotal(row, col) => {
            let (t, t_en) = s(lhs[0]);
            (
                format!("第三部分「{}」列：「{}」各项之和为{expected}，但小计填报为{t}", col.zh, row.zh),
                format!("Part 3, column “{}”: the items of “{}” add up to {expected}, but the subtotal is {t_en}", col.en, row.en),
            )
        }
        What::Balance(col) => {
            let [a, b] = [s(rhs[0]), s(rhs[1])];
            let [c, d] = [s(lhs[0]), s(lhs[1])];
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
            let parts: Vec<String> = rhs
                .iter()
                .zip(P4_COLS.iter())
                .map(|(&k, c)| format!("{}{}", c.zh, s(k).0))
                .collect();
            let parts_en: Vec<String> = rhs.iter().map(|&k| s(k).1).collect();
            let (t, t_en) = s(lhs[0]);
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
    }
}

fn finding(
    report: &Report,
    all: &Relations,
    rel: &Relation,
    residual: i64,
    suspects: Vec<Suspect>,
) -> Finding {
    let sheet = &report.sheet;
    let keys = |span| -> Vec<CellId> {
        all.positions(span)
            .iter()
            .map(|&p| sheet.cells()[p as usize].id)
            .collect()
    };
    let (lhs, rhs) = (keys(rel.lhs), keys(rel.rhs));
    let v = |k: CellId| sheet.get(k).and_then(|c| c.value.arith()).unwrap_or(0);
    let expected: i64 = rhs.iter().map(|&k| v(k)).sum();
    let actual = expected + residual;
    let (zh, en) = wording(sheet, rel.what, &lhs, &rhs, expected, actual);
    let pos_cell = suspects.first().map_or(lhs[0], |s| s.cell);
    let mut f = Finding::new(rel.rule, Severity::Error, zh, en)
        .with_cells(keys((rel.lhs.0, rel.rhs.1)))
        .at(sheet.get(pos_cell).and_then(|c| c.pos));
    f.expected = Some(expected);
    f.actual = Some(actual);
    f.suspects = suspects;
    f
}
