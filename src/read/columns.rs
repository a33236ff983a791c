//! Space-aligned rows (PDF text) printed with fewer figures than columns: a blank cell prints
//! nothing, so its figures are placed under the columns of the complete rows nearby.
//!
//! Invariant: a row is placed only when every figure sits clearly under one column, in order;
//! otherwise the reader reports the row, never spreads figures by guesswork.

use super::stream::Group;
use super::tokens::{Split, Token};
use crate::model::Pos;

/// Where a complete space-aligned row put its figures: (line, [(first col, last col)]).
pub type Columns = (u32, Vec<(u32, u32)>);

fn span(t: &Token) -> Option<(u32, u32, u32)> {
    match t.pos {
        Pos::Text { line, col } => {
            let n = u32::try_from(t.text.chars().count()).unwrap_or(1).max(1);
            Some((line, col, col + n - 1))
        }
        Pos::Grid { .. } => None,
    }
}

pub fn columns_of(g: &Group, width: usize) -> Option<Columns> {
    if g.split != Split::Spaces || g.tokens.len() != width {
        return None;
    }
    let mut cols = vec![(0, 0); width];
    let mut line0 = None;
    for (c, t) in cols.iter_mut().zip(&g.tokens) {
        let (line, a, b) = span(t)?;
        if *line0.get_or_insert(line) != line {
            return None;
        }
        *c = (a, b);
    }
    Some((line0?, cols))
}

/// A space-aligned row printed with fewer figures than columns (a blank cell prints nothing in
/// PDF text): places each figure under a column of the complete rows nearby. Every way of
/// placing the figures in order is scored by how far each figure lies from its column's extent;
/// the best is taken only if it is close and clearly better than the next. `None` otherwise.
pub fn align<'t, 'a>(
    runs: &[Group<'t, 'a>],
    columns: &[Columns],
    width: usize,
) -> Option<Vec<(Option<&'t Token<'a>>, Pos)>> {
    let [run] = runs else { return None };
    let k = run.tokens.len();
    if run.split != Split::Spaces || k == 0 || k >= width {
        return None;
    }
    let spans: Vec<(u32, u32)> = run
        .tokens
        .iter()
        .map(|t| span(t).map(|(_, a, b)| (a, b)))
        .collect::<Option<_>>()?;
    let (line, _, _) = span(run.tokens[0])?;
    if run
        .tokens
        .iter()
        .any(|t| span(t).is_none_or(|s| s.0 != line))
    {
        return None;
    }
    // the extent of each column over the complete rows near this one (PDF pages shift columns)
    let (_, base) = columns.iter().min_by_key(|(l, _)| l.abs_diff(line))?;
    // rows nearby whose columns line up with the nearest one (not those of another PDF page)
    let lines_up = |cols: &[(u32, u32)]| {
        cols.iter()
            .zip(base)
            .all(|(&(a, b), &(c, d))| a.abs_diff(c).min(b.abs_diff(d)) <= 2)
    };
    let near: Vec<&Columns> = columns
        .iter()
        .filter(|(l, cols)| l.abs_diff(line) <= 12 && lines_up(cols))
        .chain(std::iter::once(
            columns.iter().min_by_key(|(l, _)| l.abs_diff(line))?,
        ))
        .collect();
    let mut extent = vec![(u32::MAX, 0u32); width];
    for (_, cols) in &near {
        for (e, &(a, b)) in extent.iter_mut().zip(cols) {
            *e = (e.0.min(a), e.1.max(b));
        }
    }
    let dist =
        |(a, b): (u32, u32), (lo, hi): (u32, u32)| lo.saturating_sub(b).max(a.saturating_sub(hi));
    // every increasing choice of k columns out of seven (at most 35)
    let mut best: Option<(u32, u32, Vec<usize>)> = None; // (cost, worst, columns)
    let mut second = u32::MAX;
    let mut choice: Vec<usize> = (0..k).collect();
    loop {
        let costs: Vec<u32> = choice
            .iter()
            .zip(&spans)
            .map(|(&j, &sp)| dist(sp, extent[j]))
            .collect();
        let cost: u32 = costs.iter().sum();
        let worst = costs.iter().copied().max().unwrap_or(0);
        match &best {
            Some((c, _, _)) if cost >= *c => second = second.min(cost),
            _ => {
                if let Some((c, _, _)) = &best {
                    second = second.min(*c);
                }
                best = Some((cost, worst, choice.clone()));
            }
        }
        // next combination in lexicographic order
        let Some(i) = (0..k).rev().find(|&i| choice[i] < width - k + i) else {
            break;
        };
        choice[i] += 1;
        for j in i + 1..k {
            choice[j] = choice[j - 1] + 1;
        }
    }
    let (cost, worst, chosen) = best?;
    if worst > 4 || second < cost + 2 {
        return None;
    }
    let mut out: Vec<(Option<&Token>, Pos)> = extent
        .iter()
        .map(|&(_, hi)| (None, Pos::Text { line, col: hi }))
        .collect();
    for (&j, t) in chosen.iter().zip(&run.tokens) {
        out[j] = (Some(*t), t.pos);
    }
    Some(out)
}
