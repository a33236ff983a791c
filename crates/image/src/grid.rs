//! Tables found in a straightened black-and-white page: ruling lines, then the cells they
//! enclose.
//!
//! - A **horizontal line** is a run of ink at least [`min_rule`] long (gaps of a few pixels
//!   bridged: JPEG and speckles break thin lines), rows of such runs merged into one line.
//! - A **vertical line** is a run of ink that joins two horizontal lines at both its ends: the
//!   strokes of characters inside a cell never do, so text is never taken for a rule.
//! - The **cells** are the regions the lines enclose: the lines are drawn (each lengthened a
//!   little, so that a line stopping short of its crossing still closes its cell) and the
//!   regions of the rest labelled; a region that fills its box is a cell.
//!
//! Invariant: linear in the pixels; cells never overlap.

use crate::page::Ink;

/// A rectangle in pixels: `x0..x1`, `y0..y1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Rect {
    pub x0: u32,
    pub y0: u32,
    pub x1: u32,
    pub y1: u32,
}

impl Rect {
    pub fn w(&self) -> u32 {
        self.x1 - self.x0
    }
    pub fn h(&self) -> u32 {
        self.y1 - self.y0
    }
}

/// A ruling line: `at` is its row (horizontal) or column (vertical), `from..to` its extent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub at: u32,
    pub thick: u32,
    pub from: u32,
    pub to: u32,
}

/// The shortest run taken for a horizontal rule: a narrow table cell's width.
pub fn min_rule(w: usize) -> usize {
    (w / 24).max(30)
}

/// Runs of ink along one row (or column), gaps up to `gap` bridged, at least `min` long and
/// at least nine tenths ink (a line of bold text bridged by its gaps is not): `(from, to)`.
fn runs(line: impl Iterator<Item = bool>, gap: usize, min: usize, out: &mut Vec<(u32, u32)>) {
    let mut start: Option<usize> = None;
    let mut last = 0usize;
    let mut inked = 0usize;
    let close = |s: usize, last: usize, inked: usize, out: &mut Vec<(u32, u32)>| {
        let len = last + 1 - s;
        if len >= min && inked * 10 >= len * 9 {
            out.push((s as u32, last as u32 + 1));
        }
    };
    for (i, ink) in line.enumerate() {
        if !ink {
            continue;
        }
        match start {
            Some(_) if i - last <= gap + 1 => inked += 1,
            Some(s) => {
                close(s, last, inked, out);
                start = Some(i);
                inked = 1;
            }
            None => {
                start = Some(i);
                inked = 1;
            }
        }
        last = i;
    }
    if let Some(s) = start {
        close(s, last, inked, out);
    }
}

/// Merges runs found on neighbouring rows (columns) into lines.
fn merge(mut segs: Vec<(u32, u32, u32)>) -> Vec<Rule> {
    // (row, from, to), sorted by row; the lines still growing are those that took a run on
    // one of the last two rows
    segs.sort_unstable();
    let mut lines: Vec<Rule> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut row = u32::MAX;
    for (at, from, to) in segs {
        if at != row {
            row = at;
            open.retain(|&i| lines[i].at + lines[i].thick + 1 >= at);
        }
        let hit = open
            .iter()
            .copied()
            .find(|&i| from < lines[i].to && to > lines[i].from);
        match hit {
            Some(i) => {
                let l = &mut lines[i];
                l.thick = at + 1 - l.at;
                l.from = l.from.min(from);
                l.to = l.to.max(to);
            }
            None => {
                open.push(lines.len());
                lines.push(Rule {
                    at,
                    thick: 1,
                    from,
                    to,
                });
            }
        }
    }
    // a thick run of ink (a filled block, a bold heading) is not a rule
    lines.retain(|l| l.thick <= 8);
    lines
}

/// The horizontal rules of a page.
pub fn horizontal(ink: &Ink) -> Vec<Rule> {
    let min = min_rule(ink.w);
    let mut segs = Vec::new();
    let mut row = Vec::new();
    for y in 0..ink.h {
        row.clear();
        runs(
            ink.px[y * ink.w..(y + 1) * ink.w].iter().copied(),
            3,
            min,
            &mut row,
        );
        segs.extend(row.iter().map(|&(a, b)| (y as u32, a, b)));
    }
    merge(segs)
}

/// The vertical rules of a page: for each column, between each two horizontal rules that
/// cross it one after the other, a rule where nearly all of that stretch is ink (a pixel to
/// either side counted: a thin line keeps a pixel of skew). Faint and broken lines are found,
/// and text never is: no stroke of a character spans a row from rule to rule.
pub fn vertical(ink: &Ink, hs: &[Rule]) -> Vec<Rule> {
    let tol = 4u32;
    let mut sorted: Vec<&Rule> = hs.iter().collect();
    sorted.sort_by_key(|r| r.at);
    let mut segs = Vec::new();
    let mut across: Vec<&Rule> = Vec::new();
    for x in 0..ink.w as u32 {
        across.clear();
        across.extend(
            sorted
                .iter()
                .filter(|r| x + tol >= r.from && x < r.to + tol),
        );
        for pair in across.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (y0, y1) = (a.at + a.thick, b.at);
            if y1 <= y0 + 2 {
                continue;
            }
            let xs = x.saturating_sub(1) as usize..(x as usize + 2).min(ink.w);
            let inked = (y0..y1)
                .filter(|&y| xs.clone().any(|xx| ink.at(xx, y as usize)))
                .count() as u32;
            if inked * 100 >= (y1 - y0) * 85 {
                segs.push((x, a.at, b.at + b.thick));
            }
        }
    }
    // neighbouring columns of one stretch are one line: keep its middle column
    segs.sort_unstable_by_key(|&(x, a, _)| (a, x));
    let mut out: Vec<Rule> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let (x0, a, b) = segs[i];
        let mut j = i + 1;
        while j < segs.len() && segs[j].1 == a && segs[j].2 == b && segs[j].0 == segs[j - 1].0 + 1 {
            j += 1;
        }
        let x1 = segs[j - 1].0;
        out.push(Rule {
            at: x0 + (x1 - x0) / 2,
            thick: 1,
            from: a,
            to: b,
        });
        i = j;
    }
    out
}

/// Rules the page leaves out, added: a table cut by the page's end (continued on the next
/// page) has no rule under its last row, nor over its first row on the next page. Where the
/// outermost rule of a table has vertical rules running on past it, side by side to one end,
/// a rule is added there, so the last row is a row.
pub fn close_open_ends(ink: &Ink, hs: &mut Vec<Rule>) {
    let mut added = Vec::new();
    for (i, l) in hs.iter().enumerate() {
        for down in [true, false] {
            // another rule beyond this one, over the same columns: not an open end
            let beyond = hs.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.from < l.to
                    && o.to > l.from
                    && if down { o.at > l.at } else { o.at < l.at }
                    && o.to.min(l.to) - o.from.max(l.from) > (l.to - l.from) / 2
            });
            if beyond {
                continue;
            }
            // the runs of ink leaving the rule, column by column: where each ends
            let mut ends: Vec<u32> = Vec::new();
            let mut x = l.from;
            while x < l.to {
                let mut y = if down { l.at + l.thick } else { l.at };
                let mut gap = 0;
                let mut len = 0u32;
                loop {
                    let next = if down {
                        y as usize
                    } else {
                        (y as usize).wrapping_sub(1)
                    };
                    if next >= ink.h || gap > 3 {
                        break;
                    }
                    if ink.at(x as usize, next) {
                        gap = 0;
                    } else {
                        gap += 1;
                    }
                    len += 1;
                    y = if down { y + 1 } else { y - 1 };
                }
                let len = len.saturating_sub(gap);
                if len >= 20 {
                    ends.push(if down {
                        l.at + l.thick + len
                    } else {
                        l.at - len
                    });
                    x += 4;
                } else {
                    x += 1;
                }
            }
            if ends.len() < 3 {
                continue;
            }
            ends.sort_unstable();
            let mid = ends[ends.len() / 2];
            let near = ends.iter().filter(|&&e| e.abs_diff(mid) <= 6).count();
            if near >= 3 && near * 2 >= ends.len() {
                added.push(Rule {
                    at: if down { mid } else { mid.saturating_sub(1) },
                    thick: 1,
                    from: l.from,
                    to: l.to,
                });
            }
        }
    }
    hs.extend(added);
}

/// The cells the rules enclose, each a rectangle, in no particular order.
pub fn cells(w: usize, h: usize, hs: &[Rule], vs: &[Rule]) -> Vec<Rect> {
    if hs.len() < 2 || vs.len() < 2 {
        return Vec::new();
    }
    let mut wall = vec![false; w * h];
    let ext = 6u32;
    let mut fill = |x0: u32, x1: u32, y0: u32, y1: u32| {
        let (x1, y1) = (x1.min(w as u32), y1.min(h as u32));
        for y in y0..y1 {
            for x in x0..x1 {
                wall[y as usize * w + x as usize] = true;
            }
        }
    };
    for r in hs {
        fill(r.from.saturating_sub(ext), r.to + ext, r.at, r.at + r.thick);
    }
    for r in vs {
        fill(r.at, r.at + r.thick, r.from.saturating_sub(ext), r.to + ext);
    }
    // label the regions that are not wall (4-connected, by scanning with a stack)
    let mut seen = wall;
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
        let mut n = 0usize;
        let mut edge = false;
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            n += 1;
            x0 = x0.min(x);
            x1 = x1.max(x);
            y0 = y0.min(y);
            y1 = y1.max(y);
            if x == 0 || y == 0 || x + 1 == w || y + 1 == h {
                edge = true;
            }
            let mut push = |j: usize| {
                if !seen[j] {
                    seen[j] = true;
                    stack.push(j);
                }
            };
            if x > 0 {
                push(i - 1);
            }
            if x + 1 < w {
                push(i + 1);
            }
            if y > 0 {
                push(i - w);
            }
            if y + 1 < h {
                push(i + w);
            }
        }
        let area = (x1 + 1 - x0) * (y1 + 1 - y0);
        // a cell fills its box; the page around the tables touches the edge and does not
        if !edge && n * 100 >= area * 92 && x1 - x0 >= 6 && y1 - y0 >= 6 {
            out.push(Rect {
                x0: x0 as u32,
                y0: y0 as u32,
                x1: x1 as u32 + 1,
                y1: y1 as u32 + 1,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_bridge_small_gaps() {
        let mut out = Vec::new();
        let line = "..#####..###.....##########".bytes().map(|b| b == b'#');
        runs(line, 2, 5, &mut out);
        assert_eq!(out, vec![(17, 27)], "the first run is a fifth gaps");
        out.clear();
        runs(
            "..######.####....".bytes().map(|b| b == b'#'),
            2,
            5,
            &mut out,
        );
        assert_eq!(out, vec![(2, 13)]);
    }

    #[test]
    fn a_two_by_two_table_has_four_cells() {
        let (w, h) = (100usize, 60usize);
        let mut px = vec![false; w * h];
        for x in 10..90 {
            for y in [10, 30, 50] {
                px[y * w + x] = true;
            }
        }
        for y in 10..51 {
            for x in [10, 50, 89] {
                px[y * w + x] = true;
            }
        }
        let ink = Ink {
            w,
            h,
            px,
            dusty: false,
        };
        let hs = horizontal(&ink);
        assert_eq!(hs.len(), 3);
        let vs = vertical(&ink, &hs);
        assert_eq!(vs.len(), 6, "three columns, two stretches each");
        let mut cs = cells(w, h, &hs, &vs);
        cs.sort_by_key(|r| (r.y0, r.x0));
        assert_eq!(cs.len(), 4);
        assert_eq!((cs[0].x0, cs[0].y0, cs[0].x1, cs[0].y1), (11, 11, 50, 30));
    }
}
