//! Tables without ruling lines — a CMS page saved without its stylesheet, a table set
//! borderless — read by the alignment of their figures instead of the cells their rules
//! enclose.
//!
//! 1. **Words.** The page's marks (connected ink), each joined to its neighbours on the line
//!    that are closer than half its height: a figure is one word ("96171.6", "-57"), a label
//!    another, and the wide space between a table's columns parts them.
//! 2. **What each word is**, by the reader of ruled cells (`digits`, with the page's font):
//!    a figure, a doubtful one, or text; a figure that text follows closely is a label's
//!    number ("2.其他法律…").
//! 3. **Lines.** The figures that share a line, left to right, with the text to their left
//!    (the row's label, which may wrap onto lines above and below). Only the lines of tables
//!    are kept: a line of three figures or more, or one whose figures stand under such a
//!    line's (a figure in running text stands under nothing).
//! 4. **Columns.** A borderless table shows a blank cell as nothing: a line with fewer figures
//!    than the line of the same table nearest it is given that line's columns, its figures
//!    placed where they stand under them and the others blank — only when each figure stands
//!    under one column of its own.
//!
//! The lines are then rows of cells as the ruled reader makes them (a label, the figures, the
//! blanks), and `form` places them on the official form the same way: a table whose rows do
//! not fit is said, not forced.
//!
//! Invariant: a cell is a word that was read, or a blank under a column that other lines of
//! its table fill; nothing is guessed from a single line.

use crate::digits::{self, Content, Glyph};
use crate::font::PageFont;
use crate::grid::Rect;
use crate::page::Ink;

/// A mark this many pixels tall or wide or more is no glyph (a rule, a picture, a logo).
const MAX_MARK: u32 = 120;

/// How far (in heights of its figures) a line looks for the line of its table whose columns it
/// stands under: a table's rows are two or three figures' heights apart, and part 二's blocks
/// two rows of headings apart.
const REACH: u32 = 12;

/// The smallest figure read without ruling lines: 7 pixels tall (a 9 px face's digits).
const MIN_TYPE: u32 = 7;

/// The cells of the page's tables read by alignment, as the ruled reader gives its cells.
pub fn cells(ink: &Ink) -> Vec<(Rect, Content)> {
    let marks = marks(ink);
    let mut words = words(&marks);
    // the page's size of type: the middle height of its words; a word far smaller is a speck
    // (a scan's paper, a JPEG's noise) or a mark of punctuation, no figure
    let mut heights: Vec<u32> = words
        .iter()
        .map(Rect::h)
        .filter(|&h| h >= MIN_TYPE)
        .collect();
    heights.sort_unstable();
    let typical = heights.get(heights.len() / 2).copied().unwrap_or(MIN_TYPE);
    words.retain(|w| w.h() >= MIN_TYPE.max(typical * 3 / 5));
    let glyphs: Vec<Vec<Glyph>> = words.iter().map(|w| digits::word_glyphs(ink, *w)).collect();
    let font = PageFont::learn(&glyphs);
    let mut read: Vec<(Rect, Content)> = words
        .iter()
        .zip(&glyphs)
        .map(|(w, gs)| (*w, digits::read_glyphs(gs, &font)))
        .collect();
    // a label set against its figure ("行政事业性收费96171.6"): the figure split off
    let mut split = Vec::new();
    for (k, (r, c)) in read.iter_mut().enumerate() {
        if matches!(c, Content::Text) {
            if let Some((label, figure)) = figure_after_label(ink, &glyphs[k], &font) {
                split.push(figure);
                r.x1 = label;
            }
        }
    }
    read.extend(split);
    // a figure that text follows closely on its line is the label's number ("2.其他…")
    let numbers: Vec<usize> = (0..read.len())
        .filter(|&i| {
            let (r, c) = &read[i];
            matches!(c, Content::Figure(_) | Content::Doubtful(_))
                && read.iter().any(|(t, tc)| {
                    matches!(tc, Content::Text)
                        && t.x0 >= r.x1
                        && t.x0 - r.x1 <= r.h()
                        && overlaps(t.y0, t.y1, r.y0, r.y1)
                })
        })
        .collect();
    for i in numbers {
        read[i].1 = Content::Text;
    }
    let lines = strays_dropped(tables(lines(&read)));
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let columns = columns_for(&lines, i);
        // a line of few figures with no label, that its table's columns would fill with blanks,
        // is no row (a heading's mark read as a figure): left out
        if line.label.is_none()
            && columns
                .as_ref()
                .is_some_and(|c| c.len() > line.figures.len())
        {
            continue;
        }
        let (y0, y1) = (line.y0, line.y1);
        if let Some(label) = line.label {
            out.push((
                Rect {
                    x0: label.0,
                    y0,
                    x1: label.1,
                    y1,
                },
                Content::Text,
            ));
        }
        match columns {
            Some(cols) => {
                for (x0, x1) in cols {
                    let at = line
                        .figures
                        .iter()
                        .find(|(r, _)| overlaps(r.x0, r.x1, x0, x1));
                    match at {
                        Some((r, c)) => out.push((
                            Rect {
                                x0: r.x0,
                                y0,
                                x1: r.x1,
                                y1,
                            },
                            c.clone(),
                        )),
                        None => out.push((Rect { x0, y0, x1, y1 }, Content::Empty)),
                    }
                }
            }
            None => {
                for (r, c) in &line.figures {
                    out.push((
                        Rect {
                            x0: r.x0,
                            y0,
                            x1: r.x1,
                            y1,
                        },
                        c.clone(),
                    ));
                }
            }
        }
    }
    out
}

/// A word of text that ends in a figure set against it: where the label ends, and the
/// figure's cell. The figure is the longest run of the word's last glyphs that reads surely
/// as one, its glyphs shorter than the label's last (a digit beside a Chinese character).
fn figure_after_label(ink: &Ink, gs: &[Glyph], font: &PageFont) -> Option<(u32, (Rect, Content))> {
    let mut best = None;
    for k in 1..gs.len() {
        let (label, tail) = gs.split_at(gs.len() - k);
        let last = label.last()?;
        let tallest = tail.iter().map(|g| g.rect.h()).max()?;
        if tallest * 5 > last.rect.h() * 4 {
            continue;
        }
        // its glyphs found again in its own box: a decimal point, a speck beside the label's
        // characters, is a point beside the digits
        let r = Rect {
            x0: last.rect.x1 + 1,
            y0: tail.iter().map(|g| g.rect.y0).min()?,
            x1: tail.iter().map(|g| g.rect.x1).max()?,
            y1: tail.iter().map(|g| g.rect.y1).max()?,
        };
        if r.x1 <= r.x0 {
            continue;
        }
        match digits::read_glyphs(&digits::word_glyphs(ink, r), font) {
            Content::Figure(v) if v[0].1 >= gouji::seen::SURE => {
                best = Some((last.rect.x1, (r, Content::Figure(v))));
            }
            _ => {}
        }
    }
    best
}

fn overlaps(a0: u32, a1: u32, b0: u32, b1: u32) -> bool {
    a0 < b1 && b0 < a1
}

/// The boxes of the page's connected marks (8-connected), specks and rules left out.
fn marks(ink: &Ink) -> Vec<Rect> {
    let (w, h) = (ink.w, ink.h);
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for sy in 0..h {
        for sx in 0..w {
            if seen[sy * w + sx] || !ink.px[sy * w + sx] {
                continue;
            }
            seen[sy * w + sx] = true;
            stack.push((sx, sy));
            let mut b = Rect {
                x0: sx as u32,
                y0: sy as u32,
                x1: sx as u32 + 1,
                y1: sy as u32 + 1,
            };
            let mut area = 0u32;
            while let Some((x, y)) = stack.pop() {
                area += 1;
                b.x0 = b.x0.min(x as u32);
                b.y0 = b.y0.min(y as u32);
                b.x1 = b.x1.max(x as u32 + 1);
                b.y1 = b.y1.max(y as u32 + 1);
                for ny in y.saturating_sub(1)..=(y + 1).min(h - 1) {
                    for nx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
                        let i = ny * w + nx;
                        if !seen[i] && ink.px[i] {
                            seen[i] = true;
                            stack.push((nx, ny));
                        }
                    }
                }
            }
            if area >= 2 && b.w() < MAX_MARK && b.h() < MAX_MARK {
                out.push(b);
            }
        }
    }
    out
}

/// Marks joined into words: neighbours on a line (overlapping by half the smaller's height)
/// closer than half the taller's height.
fn words(marks: &[Rect]) -> Vec<Rect> {
    let n = marks.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| marks[i].y0);
    for a in 0..n {
        let i = order[a];
        let ri = marks[i];
        for &j in &order[a + 1..] {
            let rj = marks[j];
            if rj.y0 >= ri.y1 {
                break;
            }
            let v = ri.y1.min(rj.y1).saturating_sub(ri.y0.max(rj.y0));
            let small = ri.h().min(rj.h());
            let tall = ri.h().max(rj.h());
            // the space between them (none where they overlap)
            let gap = rj.x0.saturating_sub(ri.x1).max(ri.x0.saturating_sub(rj.x1));
            if v * 2 >= small && gap * 2 <= tall {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut boxes: std::collections::HashMap<usize, Rect> = std::collections::HashMap::new();
    for (i, &m) in marks.iter().enumerate() {
        let r = find(&mut parent, i);
        boxes
            .entry(r)
            .and_modify(|b| {
                b.x0 = b.x0.min(m.x0);
                b.y0 = b.y0.min(m.y0);
                b.x1 = b.x1.max(m.x1);
                b.y1 = b.y1.max(m.y1);
            })
            .or_insert(m);
    }
    let mut out: Vec<Rect> = boxes.into_values().collect();
    out.sort_by_key(|r| (r.y0, r.x0));
    out
}

/// A line of figures: its band, its figures left to right, and the extent of the text to
/// their left on the band (its label), if any.
struct Line {
    y0: u32,
    y1: u32,
    figures: Vec<(Rect, Content)>,
    label: Option<(u32, u32)>,
}

/// The words read, as lines of figures.
fn lines(read: &[(Rect, Content)]) -> Vec<Line> {
    let figure = |c: &Content| matches!(c, Content::Figure(_) | Content::Doubtful(_));
    let mut lines: Vec<Line> = Vec::new();
    let mut figs: Vec<&(Rect, Content)> = read.iter().filter(|(_, c)| figure(c)).collect();
    figs.sort_by_key(|(r, _)| (r.y0 + r.y1, r.x0));
    for f in figs {
        let (r, _) = f;
        let joins = lines.iter_mut().rev().take(3).find(|l| {
            let v = l.y1.min(r.y1).saturating_sub(l.y0.max(r.y0));
            v * 2 >= r.h().min(l.y1 - l.y0)
        });
        match joins {
            Some(l) => {
                l.y0 = l.y0.min(r.y0);
                l.y1 = l.y1.max(r.y1);
                l.figures.push(f.clone());
            }
            None => lines.push(Line {
                y0: r.y0,
                y1: r.y1,
                figures: vec![f.clone()],
                label: None,
            }),
        }
    }
    for l in &mut lines {
        l.figures.sort_by_key(|(r, _)| r.x0);
        let first = l.figures[0].0.x0;
        // text on the band, left of the figures: the label (a wrapped one reaches above and
        // below the band; it counts where it overlaps it)
        let texts = read.iter().filter(|(r, c)| {
            matches!(c, Content::Text) && r.x1 <= first && overlaps(r.y0, r.y1, l.y0, l.y1)
        });
        for (r, _) in texts {
            l.label = Some(match l.label {
                None => (r.x0, r.x1),
                Some((a, b)) => (a.min(r.x0), b.max(r.x1)),
            });
        }
    }
    lines.sort_by_key(|l| l.y0);
    lines
}

/// The lines of tables: those of three figures or more, and those whose every figure stands
/// under a figure of a line kept within a few lines' height, and so on (part 二's rows of one
/// figure under its rows of three, [`REACH`]). A figure in running text stands under nothing:
/// a page of prose gives no line.
fn tables(lines: Vec<Line>) -> Vec<Line> {
    let mut keep: Vec<bool> = lines.iter().map(|l| l.figures.len() >= 3).collect();
    loop {
        let mut more = false;
        for i in 0..lines.len() {
            if keep[i] {
                continue;
            }
            let l = &lines[i];
            let reach = (l.y1 - l.y0) * REACH;
            let under = |j: usize| {
                keep[j]
                    && lines[j].y0.abs_diff(l.y0) <= reach
                    && l.figures.iter().all(|(r, _)| {
                        lines[j]
                            .figures
                            .iter()
                            .any(|(q, _)| overlaps(r.x0, r.x1, q.x0, q.x1))
                    })
            };
            if (0..lines.len()).any(under) {
                keep[i] = true;
                more = true;
            }
        }
        if !more {
            break;
        }
    }
    lines
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(l, _)| l)
        .collect()
}

/// Each line without its stray marks: a figure at the left or right end of its line under which
/// no other line of its table (within [`REACH`]) has a figure, while the line's other figures
/// stand in columns — a piece of a wrapped label read as a digit, which would make a column
/// of its own and shift its table's blanks. A figure between supported ones is kept (a column
/// blank in every other row); a line all of whose figures stand alone is kept whole (a table
/// of one row, part 四).
fn strays_dropped(mut lines: Vec<Line>) -> Vec<Line> {
    let under = |r: &Rect, m: &Line| {
        m.figures
            .iter()
            .any(|(q, _)| overlaps(r.x0, r.x1, q.x0, q.x1))
    };
    let supported: Vec<Vec<bool>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let reach = (l.y1 - l.y0) * REACH;
            // the lines of its table: near, and under whose figures half of its own stand
            // (part 四's row of fifteen is no line of part 三's table above it)
            let table: Vec<&Line> = lines
                .iter()
                .enumerate()
                .filter(|(j, m)| {
                    *j != i
                        && m.y0.abs_diff(l.y0) <= reach
                        && l.figures.iter().filter(|(r, _)| under(r, m)).count() * 2
                            >= l.figures.len()
                })
                .map(|(_, m)| m)
                .collect();
            l.figures
                .iter()
                .map(|(r, _)| table.iter().any(|m| under(r, m)))
                .collect()
        })
        .collect();
    for (l, sup) in lines.iter_mut().zip(supported) {
        let (Some(first), Some(last)) = (sup.iter().position(|&s| s), sup.iter().rposition(|&s| s))
        else {
            continue;
        };
        let keep: Vec<bool> = (0..sup.len()).map(|k| k >= first && k <= last).collect();
        let mut k = 0;
        l.figures.retain(|_| {
            k += 1;
            keep[k - 1]
        });
    }
    lines
}

/// The columns line `i` is read under: those of the nearest line of its table with more
/// figures (within [`REACH`]), when each of line `i`'s figures stands under one
/// column of its own; `None` to read it as it stands.
fn columns_for(lines: &[Line], i: usize) -> Option<Vec<(u32, u32)>> {
    let line = &lines[i];
    let height = line.y1 - line.y0;
    let reach = height * REACH;
    let mut near: Vec<(u32, usize)> = lines
        .iter()
        .enumerate()
        .filter(|(j, l)| *j != i && l.figures.len() > line.figures.len())
        .map(|(j, l)| (l.y0.abs_diff(line.y0), j))
        .filter(|(d, _)| *d <= reach)
        .collect();
    near.sort();
    for (_, j) in near {
        let cols: Vec<(u32, u32)> = lines[j].figures.iter().map(|(r, _)| (r.x0, r.x1)).collect();
        let mut used = vec![false; cols.len()];
        let fits = line.figures.iter().all(|(r, _)| {
            let under: Vec<usize> = (0..cols.len())
                .filter(|&k| overlaps(r.x0, r.x1, cols[k].0, cols[k].1))
                .collect();
            match under.as_slice() {
                [k] if !used[*k] => {
                    used[*k] = true;
                    true
                }
                _ => false,
            }
        });
        if fits {
            return Some(cols);
        }
    }
    None
}
