//! The figures in a cell: its ink cut into glyphs, each glyph classified by a small network of
//! our own (`digits.bin`, trained by `tools/src/bin/train_digits.rs` on digits and Chinese
//! characters rendered from the fonts government documents are set in), and the cell's
//! readings, best first, each with its probability.
//!
//! - A **glyph** is a connected piece of ink, with the pieces above or below it (a broken stroke,
//!   a character of several parts) joined to it; specks far smaller than the cell's glyphs are
//!   dropped, and a dot on the baseline between digits is a decimal point.
//! - The **classifier** sees a glyph scaled to 16 × 16 (aspect kept) and its aspect ratio, and
//!   answers the ten digits or "not a digit" (class 10: a character, a bracket).
//! - A **cell** is a figure only when every glyph is a digit (or one decimal point) on one line;
//!   its other readings change one or two glyphs to their runner-up.
//!
//! Invariant: the features are computed by one function, [`features`], for training and for
//! reading alike.

use crate::font::PageFont;
use crate::grid::Rect;
use crate::page::Ink;

/// The side of the square a glyph is scaled to.
pub const SIDE: usize = 16;
/// Features: the scaled glyph, then its aspect ratio and its fill.
pub const FEATURES: usize = SIDE * SIDE + 2;
/// Classes: the ten digits, then "not a digit".
pub const CLASSES: usize = 11;
pub const OTHER: usize = 10;

/// A glyph: its box (in the page) and its ink.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub rect: Rect,
    /// The glyph's ink, `rect.w() × rect.h()`, row by row.
    pub ink: Vec<bool>,
}

/// The glyphs in a cell's box of the page, left to right; specks and what is left of the
/// cell's ruling lines dropped.
pub fn glyphs(ink: &Ink, r: Rect) -> Vec<Glyph> {
    glyphs_in(ink, r, true)
}

/// The glyphs of a word found without ruling lines (`loose`): its box, a pixel around it.
pub fn word_glyphs(ink: &Ink, r: Rect) -> Vec<Glyph> {
    let r = Rect {
        x0: r.x0.saturating_sub(1),
        y0: r.y0.saturating_sub(1),
        x1: (r.x1 + 1).min(ink.w as u32),
        y1: (r.y1 + 1).min(ink.h as u32),
    };
    glyphs_in(ink, r, false)
}

/// The glyphs in a box, left to right; specks dropped, and with `ruled`, the remnants of the
/// ruling lines along its edges (a box cut tight around a word has none: its "1" at an edge is
/// a stroke, not a rule).
fn glyphs_in(ink: &Ink, r: Rect, ruled: bool) -> Vec<Glyph> {
    // a box inside the page, or nothing
    let r = Rect {
        x0: r.x0,
        y0: r.y0,
        x1: r.x1.min(ink.w as u32),
        y1: r.y1.min(ink.h as u32),
    };
    if r.x1 <= r.x0 || r.y1 <= r.y0 {
        return Vec::new();
    }
    let (x0, y0) = (r.x0 as usize, r.y0 as usize);
    let (w, h) = (r.w() as usize, r.h() as usize);
    if w == 0 || h == 0 {
        return Vec::new();
    }
    // the cell's ink, with what is left of its ruling lines along its edges wiped: a row
    // (column) near an edge that is mostly ink
    let mut cell: Vec<bool> = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .map(|(x, y)| ink.at(x0 + x, y0 + y))
        .collect();
    // (a remnant runs on to the box's ends, as its rule does; a figure's stroke beside a
    // rule, in a cell without padding, stops short of them)
    let near = if ruled { 6.min(h / 3) } else { 0 };
    let reaches_x = |cell: &[bool], y: usize| {
        (0..3.min(w))
            .chain(w.saturating_sub(3)..w)
            .any(|x| cell[y * w + x])
    };
    for y in (0..near).chain(h.saturating_sub(near)..h) {
        if cell[y * w..(y + 1) * w].iter().filter(|&&b| b).count() * 2 > w && reaches_x(&cell, y) {
            cell[y * w..(y + 1) * w].fill(false);
        }
    }
    let near = if ruled { 6.min(w / 3) } else { 0 };
    let reaches_y = |cell: &[bool], x: usize| {
        (0..3.min(h))
            .chain(h.saturating_sub(3)..h)
            .any(|y| cell[y * w + x])
    };
    for x in (0..near).chain(w.saturating_sub(near)..w) {
        if (0..h).filter(|&y| cell[y * w + x]).count() * 2 > h && reaches_y(&cell, x) {
            for y in 0..h {
                cell[y * w + x] = false;
            }
        }
    }
    if ink.dusty {
        prune(&mut cell, w, h);
    }
    let mut label = vec![0u32; w * h];
    let mut comps: Vec<Rect> = Vec::new();
    let mut stack = Vec::new();
    for sy in 0..h {
        for sx in 0..w {
            if label[sy * w + sx] != 0 || !cell[sy * w + sx] {
                continue;
            }
            let id = comps.len() as u32 + 1;
            label[sy * w + sx] = id;
            stack.push((sx, sy));
            let mut b = Rect {
                x0: sx as u32,
                y0: sy as u32,
                x1: sx as u32 + 1,
                y1: sy as u32 + 1,
            };
            while let Some((x, y)) = stack.pop() {
                b.x0 = b.x0.min(x as u32);
                b.y0 = b.y0.min(y as u32);
                b.x1 = b.x1.max(x as u32 + 1);
                b.y1 = b.y1.max(y as u32 + 1);
                for (dx, dy) in [
                    (-1i32, -1i32),
                    (0, -1),
                    (1, -1),
                    (-1, 0),
                    (1, 0),
                    (-1, 1),
                    (0, 1),
                    (1, 1),
                ] {
                    let (nx, ny) = (x as i32 + dx, y as i32 + dy);
                    if nx < 0 || ny < 0 || nx >= w as i32 || ny >= h as i32 {
                        continue;
                    }
                    let (nx, ny) = (nx as usize, ny as usize);
                    if label[ny * w + nx] == 0 && cell[ny * w + nx] {
                        label[ny * w + nx] = id;
                        stack.push((nx, ny));
                    }
                }
            }
            comps.push(b);
        }
    }
    // what is left of a ruling line at the box's edge: long and thin, hugging an edge and
    // running on to one of the box's ends (a skewed scan's rule leaves a part of its length;
    // a "1" set against the rule of a cell without padding stops short of the ends)
    let edge_line = |b: &Rect| {
        let (x0, y0, x1, y1) = (b.x0 as usize, b.y0 as usize, b.x1 as usize, b.y1 as usize);
        ruled
            && ((b.w() as usize * 3 > w
                && b.h() <= 4
                && (y0 <= 1 || y1 + 1 >= h)
                && (x0 <= 2 || x1 + 2 >= w))
                || (b.h() as usize * 3 > h
                    && b.w() <= 4
                    && (x0 <= 1 || x1 + 1 >= w)
                    && (y0 <= 2 || y1 + 2 >= h)))
    };
    let mut keep: Vec<(Rect, Vec<u32>)> = comps
        .iter()
        .enumerate()
        .filter(|(_, b)| !edge_line(b))
        .map(|(i, b)| (*b, vec![i as u32 + 1]))
        .collect();
    let tallest = keep.iter().map(|(b, _)| b.h()).max().unwrap_or(0);
    if tallest == 0 {
        return Vec::new();
    }
    // the band of the glyphs that count: specks above or below it are not the cell's
    let line: Vec<Rect> = keep
        .iter()
        .filter(|(b, _)| of_the_line(b, tallest))
        .map(|(b, _)| *b)
        .collect();
    let band_top = line.iter().map(|b| b.y0).min().unwrap_or(0);
    let band_bottom = line.iter().map(|b| b.y1).max().unwrap_or(0);
    keep.retain(|(b, _)| b.y1 > band_top && b.y0 < band_bottom);
    // specks: far smaller than the tallest glyph (a decimal point is judged later)
    keep.retain(|(b, _)| b.h() * 7 >= tallest || b.w() * 7 >= tallest);
    // and small marks (a third of the glyphs' height each way, or less: a scan's dust and
    // speckle, a low-resolution scan's above all, where a speck is a sixth of a digit) where
    // no decimal point stands — on the line's foot, between two of its glyphs
    let point_may_be = |b: &Rect| {
        b.y1 + tallest / 4 >= band_bottom
            && b.y0 * 2 >= band_top + band_bottom
            && line.iter().any(|g| g.x1 <= b.x0 + 1)
            && line.iter().any(|g| g.x0 + 1 >= b.x1)
    };
    keep.retain(|(b, _)| b.h() * 3 > tallest || b.w() * 3 > tallest || point_may_be(b));
    // pieces overlapping in x are one glyph: the line's pieces first (a digit broken in two
    // tall halves), then each smaller piece joins the glyph it overlaps most (a digit a scan
    // broke into a body and crumbs, the crumbs on either side of it in x); never a speck
    // another speck
    keep.sort_by_key(|(b, _)| b.x0);
    let overlap = |m: &Rect, b: &Rect| m.x1.min(b.x1).saturating_sub(m.x0.max(b.x0));
    let join = |m: &mut (Rect, Vec<u32>), (b, ids): (Rect, Vec<u32>)| {
        m.0.x0 = m.0.x0.min(b.x0);
        m.0.y0 = m.0.y0.min(b.y0);
        m.0.x1 = m.0.x1.max(b.x1);
        m.0.y1 = m.0.y1.max(b.y1);
        m.1.extend(ids);
    };
    let (line, small): (Vec<_>, Vec<_>) =
        keep.into_iter().partition(|(b, _)| of_the_line(b, tallest));
    let mut merged: Vec<(Rect, Vec<u32>)> = Vec::new();
    for piece in line {
        match merged.last_mut() {
            Some(m) if overlap(&m.0, &piece.0) * 2 > piece.0.w().min(m.0.w()) => join(m, piece),
            _ => merged.push(piece),
        }
    }
    let mut alone = Vec::new();
    for piece in small {
        let best = merged
            .iter_mut()
            .map(|m| (overlap(&m.0, &piece.0), m))
            .filter(|(o, m)| *o * 2 > piece.0.w().min(m.0.w()))
            .max_by_key(|(o, _)| *o);
        match best {
            Some((_, m)) => join(m, piece),
            None => alone.push(piece),
        }
    }
    merged.extend(alone);
    merged.sort_by_key(|(b, _)| b.x0);
    merged
        .into_iter()
        .map(|(b, ids)| {
            let mut g = vec![false; (b.w() * b.h()) as usize];
            for y in b.y0..b.y1 {
                for x in b.x0..b.x1 {
                    let l = label[y as usize * w + x as usize];
                    if l != 0 && ids.contains(&l) {
                        g[((y - b.y0) * b.w() + (x - b.x0)) as usize] = true;
                    }
                }
            }
            Glyph {
                rect: Rect {
                    x0: b.x0 + r.x0,
                    y0: b.y0 + r.y0,
                    x1: b.x1 + r.x0,
                    y1: b.y1 + r.y0,
                },
                ink: g,
            }
        })
        .collect()
}

/// A scan's dust on a figure's strokes pruned: an ink pixel with at most one inked neighbour
/// (of eight) is a speck or a speck's tail — a stroke's pixel has two or more, but for a thin
/// stroke's very end, which loses a pixel — so a speck touching a digit no longer changes its
/// shape. One pass, on a copy; a box no taller than a small figure (under 8 pixels) is left
/// alone (its strokes are all ends).
fn prune(cell: &mut [bool], w: usize, h: usize) {
    if h < 8 || w < 3 {
        return;
    }
    let src = cell.to_vec();
    for y in 0..h {
        for x in 0..w {
            if !src[y * w + x] {
                continue;
            }
            let mut n = 0;
            for ny in y.saturating_sub(1)..(y + 2).min(h) {
                for nx in x.saturating_sub(1)..(x + 2).min(w) {
                    n += usize::from((nx, ny) != (x, y) && src[ny * w + nx]);
                }
            }
            if n <= 1 {
                cell[y * w + x] = false;
            }
        }
    }
}

/// A piece at least half the height of the cell's tallest: a glyph of the line of figures
/// (smaller ones are specks, dots, minus signs, or parts of a glyph).
pub(crate) fn of_the_line(r: &Rect, tallest: u32) -> bool {
    r.h() * 2 >= tallest
}

/// A glyph's features: its ink scaled into a 16 × 16 square (the longer side filling it, the
/// other centred; each cell of the square the share of ink it covers), its aspect ratio, and
/// the share of its box that is ink.
pub fn features(g: &Glyph) -> [f32; FEATURES] {
    let (w, h) = (g.rect.w() as f32, g.rect.h() as f32);
    let mut f = [0f32; FEATURES];
    let side = w.max(h);
    let scale = SIDE as f32 / side;
    let (ox, oy) = (
        (SIDE as f32 - w * scale) / 2.0,
        (SIDE as f32 - h * scale) / 2.0,
    );
    let mut count = [0f32; SIDE * SIDE];
    let mut inked = 0usize;
    let gw = g.rect.w() as usize;
    // each source pixel spread over the target cells its square covers
    for y in 0..g.rect.h() as usize {
        for x in 0..gw {
            let on = g.ink[y * gw + x];
            inked += usize::from(on);
            let (tx0, ty0) = (x as f32 * scale + ox, y as f32 * scale + oy);
            let (tx1, ty1) = (tx0 + scale, ty0 + scale);
            let mut ty = ty0.floor() as usize;
            while (ty as f32) < ty1 && ty < SIDE {
                let cy = ((ty + 1) as f32).min(ty1) - (ty as f32).max(ty0);
                let mut tx = tx0.floor() as usize;
                while (tx as f32) < tx1 && tx < SIDE {
                    let cx = ((tx + 1) as f32).min(tx1) - (tx as f32).max(tx0);
                    let a = cx * cy;
                    count[ty * SIDE + tx] += a;
                    if on {
                        f[ty * SIDE + tx] += a;
                    }
                    tx += 1;
                }
                ty += 1;
            }
        }
    }
    for i in 0..SIDE * SIDE {
        if count[i] > 0.0 {
            f[i] /= count[i].max(1.0);
        }
    }
    f[SIDE * SIDE] = w / h;
    f[SIDE * SIDE + 1] = inked as f32 / (w * h);
    f
}

/// A small network: features → hidden (ReLU) → classes (softmax).
pub struct Net {
    pub hidden: usize,
    /// `hidden × FEATURES`, then `hidden` biases, then `CLASSES × hidden`, then `CLASSES`.
    pub w: Vec<f32>,
}

impl Net {
    pub fn size(hidden: usize) -> usize {
        hidden * FEATURES + hidden + CLASSES * hidden + CLASSES
    }

    /// The network in `digits.bin`: a little-endian u32 (hidden size), then f32s.
    pub fn from_bytes(b: &[u8]) -> Option<Net> {
        let hidden = u32::from_le_bytes(b.get(..4)?.try_into().ok()?) as usize;
        let w: Vec<f32> = b
            .get(4..)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        (hidden > 0 && hidden < 4096 && w.len() == Net::size(hidden)).then_some(Net { hidden, w })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = (self.hidden as u32).to_le_bytes().to_vec();
        for v in &self.w {
            out.extend(v.to_le_bytes());
        }
        out
    }

    /// The hidden layer's activations, and the class probabilities.
    pub fn forward(&self, x: &[f32; FEATURES], hid: &mut Vec<f32>) -> [f32; CLASSES] {
        let n = self.hidden;
        let (w1, rest) = self.w.split_at(n * FEATURES);
        let (b1, rest) = rest.split_at(n);
        let (w2, b2) = rest.split_at(CLASSES * n);
        hid.clear();
        for j in 0..n {
            let row = &w1[j * FEATURES..(j + 1) * FEATURES];
            let s: f32 = row.iter().zip(x.iter()).map(|(a, b)| a * b).sum::<f32>() + b1[j];
            hid.push(s.max(0.0));
        }
        let mut out = [0f32; CLASSES];
        for (k, o) in out.iter_mut().enumerate() {
            let row = &w2[k * n..(k + 1) * n];
            *o = row.iter().zip(hid.iter()).map(|(a, b)| a * b).sum::<f32>() + b2[k];
        }
        softmax(&mut out);
        out
    }
}

pub fn softmax(v: &mut [f32; CLASSES]) {
    let m = v.iter().copied().fold(f32::MIN, f32::max);
    let mut s = 0.0;
    for x in v.iter_mut() {
        *x = (*x - m).exp();
        s += *x;
    }
    for x in v.iter_mut() {
        *x /= s;
    }
}

/// The network gouji reads with.
pub fn net() -> &'static Net {
    static NET: std::sync::OnceLock<Net> = std::sync::OnceLock::new();
    NET.get_or_init(|| {
        Net::from_bytes(include_bytes!("digits.bin")).unwrap_or(Net {
            hidden: 1,
            w: vec![0.0; Net::size(1)],
        })
    })
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// No ink: a blank cell.
    Empty,
    /// A figure: its readings, best first, with their probabilities (summing to at most 1).
    Figure(Vec<(String, f32)>),
    /// Something other than a figure (a label, a heading).
    Text,
    /// Glyphs shaped as digits that the network doubts are digits (a thin "0" of a
    /// screenshot, a ring like 口): its readings, as a figure's. A figure in a row of
    /// figures, text elsewhere (a heading's stroke read as "1") — `form` decides.
    Doubtful(Vec<(String, f32)>),
}

/// The glyphs of a cell's box, inside its ruling lines (two pixels in: a scan's rule is
/// rough; see [`cell_glyphs_inset`]).
pub fn cell_glyphs(ink: &Ink, r: Rect) -> Vec<Glyph> {
    cell_glyphs_inset(ink, r, 2)
}

/// The glyphs of a cell's box, `inset` pixels inside its ruling lines: one pixel for a
/// screenshot's cell without padding, whose figure stands against the rule.
pub fn cell_glyphs_inset(ink: &Ink, r: Rect, inset: u32) -> Vec<Glyph> {
    if r.w() <= 2 * inset + 2 || r.h() <= 2 * inset + 2 {
        return Vec::new();
    }
    glyphs(
        ink,
        Rect {
            x0: r.x0 + inset,
            y0: r.y0 + inset,
            x1: r.x1 - inset,
            y1: r.y1 - inset,
        },
    )
}

/// A glyph read "not a digit" less surely than this, yet shaped as one, leaves its cell a
/// figure in doubt rather than text.
const IN_DOUBT: f32 = 0.97;

/// A figure's readings from its glyphs (each classified by the network, its doubts settled by
/// the page's font), or `Text`.
pub fn read_glyphs(gs: &[Glyph], font: &PageFont) -> Content {
    if gs.is_empty() {
        return Content::Empty;
    }
    let tallest = gs.iter().map(|g| g.rect.h()).max().unwrap_or(0);
    // the line of the glyphs that count (specks anywhere in the cell do not)
    let big: Vec<usize> = (0..gs.len())
        .filter(|&i| of_the_line(&gs[i].rect, tallest))
        .collect();
    let top = big.iter().map(|&i| gs[i].rect.y0).min().unwrap_or(0);
    let bottom = big.iter().map(|&i| gs[i].rect.y1).max().unwrap_or(0);
    // one line of glyphs of one height (a decimal point aside)
    if bottom - top > tallest + tallest / 2 {
        return Content::Text;
    }
    let net = net();
    let mut hid = Vec::new();
    // per glyph: its classes' probabilities, or a decimal point
    let mut per: Vec<Option<[f32; CLASSES]>> = Vec::with_capacity(gs.len());
    let (first, last) = (big.first().copied(), big.last().copied());
    // a minus sign before the digits; doubt from marks that are neither digit nor speck
    let mut minus = false;
    let mut doubt = 1.0f32;
    for (i, g) in gs.iter().enumerate() {
        if !of_the_line(&g.rect, tallest) {
            // small: a decimal point (filled, on the baseline, between digits), a minus sign
            // (a flat stroke at mid-height before them), or a speck
            let filled = g.ink.iter().filter(|&&b| b).count() * 2 >= g.ink.len();
            let on_base = g.rect.y1 + tallest / 5 >= bottom && g.rect.y0 * 2 > top + bottom;
            let between = first.is_some_and(|f| f < i) && last.is_some_and(|l| l > i);
            let dot = filled && on_base && between && g.rect.w() * 3 < tallest;
            let mid = (g.rect.y0 + g.rect.y1) / 2;
            // a printed minus: a solid bar half a digit's height long or more (a speck of a
            // scan is shorter)
            let flat = g.rect.w() >= 3 * g.rect.h() && g.rect.w() * 5 >= tallest * 2 && filled;
            let near = first.is_some_and(|f| gs[f].rect.x0 <= g.rect.x1 + tallest);
            let centred = mid * 4 > top * 3 + bottom && mid * 4 < top + bottom * 3;
            if dot {
                per.push(None);
            } else if flat
                && centred
                && near
                && first.is_some_and(|f| i < f)
                && !minus
                && per.is_empty()
            {
                minus = true;
            } else if flat && first.is_none() {
                // a dash alone: "no figure" (the core reads "-" as blank)
                return Content::Figure(vec![("-".to_owned(), 0.95)]);
            } else if g.rect.w() * 2 >= tallest {
                // a wide stroke elsewhere: not a figure
                return Content::Text;
            } else if g.rect.w() * 4 >= tallest || g.rect.h() * 4 >= tallest {
                // a mark too big to be a speck and not a digit: read, but in doubt
                doubt *= 0.5;
            }
            continue;
        }
        if g.rect.h() * 10 < tallest * 7 {
            return Content::Text;
        }
        let p = font.classify(g, net, &mut hid);
        if g.rect.w() * 10 > g.rect.h() * 9 {
            // wider than a digit: digits touching (a scan's blur joins them), unless read
            // as one digit more surely than as several
            let whole = p[..OTHER].iter().copied().fold(0.0, f32::max);
            match split_touching(g, net, font, &mut hid) {
                Some((score, parts)) if p[OTHER] > 0.5 || score > whole => {
                    per.extend(parts.into_iter().map(Some));
                    continue;
                }
                _ if p[OTHER] > 0.5 => return Content::Text,
                _ => {}
            }
        }
        per.push(Some(p));
    }
    if per.iter().filter(|p| p.is_none()).count() > 1 {
        return Content::Text;
    }
    // text when a glyph is surely not a digit, or most are more likely not; a glyph in
    // doubt among digits is read with the doubt in its probability (a figure's confidence)
    let others = per.iter().flatten().filter(|p| p[OTHER] > 0.5).count();
    let digits = per.iter().flatten().count();
    if per.iter().flatten().any(|p| p[OTHER] > 0.9) || others * 2 > digits {
        // glyphs shaped as digits (each of the line, none wide) that the network only finds
        // less likely digits than not: a thin figure at a screenshot's small size (a "0" one
        // pixel thick is a ring, as a 口 is) — read, in doubt (its probability is the digits'
        // alone), for the tables' arithmetic to confirm or not; anything surely not a digit
        // is text
        let digit_shaped = big
            .iter()
            .all(|&i| gs[i].rect.w() * 10 <= gs[i].rect.h() * 8)
            && big.len() == digits
            && per.iter().flatten().all(|p| p[OTHER] < IN_DOUBT);
        if !digit_shaped {
            return Content::Text;
        }
        let mut r = readings(&per);
        for (t, p) in r.iter_mut() {
            if minus {
                t.insert(0, '-');
            }
            *p *= doubt;
        }
        return Content::Doubtful(r);
    }
    let mut r = readings(&per);
    for (t, p) in r.iter_mut() {
        if minus {
            t.insert(0, '-');
        }
        *p *= doubt;
    }
    // a reading this unlikely is no sure figure: one only in a row of sure ones (a mark in a
    // tiny box of a page's heading is not a row of part 二)
    if r.first().is_none_or(|(_, p)| *p < UNLIKELY) {
        return Content::Doubtful(r);
    }
    Content::Figure(r)
}

/// A figure read less likely than this is doubtful (see [`Content::Doubtful`]).
const UNLIKELY: f32 = 0.1;

/// The columns `a..b` of a glyph, trimmed to their ink.
fn columns(g: &Glyph, a: u32, b: u32) -> Option<Glyph> {
    let w = g.rect.w();
    let rows: Vec<u32> = (0..g.rect.h())
        .filter(|&y| (a..b).any(|x| g.ink[(y * w + x) as usize]))
        .collect();
    let (&y0, &y1) = (rows.first()?, rows.last()?);
    let (nw, nh) = (b - a, y1 + 1 - y0);
    let mut ink = Vec::with_capacity((nw * nh) as usize);
    for y in y0..=y1 {
        for x in a..b {
            ink.push(g.ink[(y * w + x) as usize]);
        }
    }
    Some(Glyph {
        rect: Rect {
            x0: g.rect.x0 + a,
            y0: g.rect.y0 + y0,
            x1: g.rect.x0 + b,
            y1: g.rect.y0 + y1 + 1,
        },
        ink,
    })
}

/// Digits that touch, cut apart: for two to eight parts (a screenshot's small serif figures
/// touch all along: "88283" is one mark), each cut at the column of least ink
/// near its even place; the parts kept when every one is a digit, the likeliest count chosen.
fn split_touching(
    g: &Glyph,
    net: &Net,
    font: &PageFont,
    hid: &mut Vec<f32>,
) -> Option<(f32, Vec<[f32; CLASSES]>)> {
    let (w, h) = (g.rect.w(), g.rect.h());
    let ink_in = |x: u32| (0..h).filter(|&y| g.ink[(y * w + x) as usize]).count();
    let mut best: Option<(f32, Vec<[f32; CLASSES]>)> = None;
    for k in 2..=8u32 {
        // each part at least a third of the height wide ("1" is narrow), at most the height
        if w < k * h / 3 || w > k * h + h / 2 {
            continue;
        }
        // the cuts to try: at the column of least ink near each even place; for two parts,
        // every column of the middle third too (two digits joined along a stroke — a "3"'s
        // top and a "7"'s bar — have no thin column between them)
        let mut tries: Vec<Vec<u32>> = Vec::new();
        let mut cuts = vec![0u32];
        for i in 1..k {
            let at = w * i / k;
            let span = (w / k / 3).max(1);
            let lo = at.saturating_sub(span).max(cuts[cuts.len() - 1] + 1);
            let hi = (at + span).min(w - 1);
            let c = (lo..=hi).min_by_key(|&x| (ink_in(x), x.abs_diff(at)))?;
            cuts.push(c);
        }
        cuts.push(w);
        tries.push(cuts);
        if k == 2 {
            tries.extend(
                (w / 3..=w * 2 / 3)
                    .filter(|&c| c > 0 && c < w)
                    .map(|c| vec![0, c, w]),
            );
        }
        for cuts in tries {
            let mut parts = Vec::new();
            let mut score = 1.0f32;
            for win in cuts.windows(2) {
                let Some(part) = columns(g, win[0], win[1]) else {
                    score = 0.0;
                    break;
                };
                let p = font.classify(&part, net, hid);
                let top = p[..OTHER].iter().copied().fold(0.0, f32::max);
                if p[OTHER] > 0.5 {
                    score = 0.0;
                    break;
                }
                score *= top;
                parts.push(p);
            }
            if score > 0.0 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, parts));
            }
        }
    }
    best
}

/// The cell's readings: the best digit of each glyph, then one or two glyphs changed to their
/// runner-up, by probability (the product of the glyphs'), best first, at most eight.
fn readings(per: &[Option<[f32; CLASSES]>]) -> Vec<(String, f32)> {
    // each glyph's digits by probability (the "other" class left out)
    let ranked: Vec<Option<Vec<(usize, f32)>>> = per
        .iter()
        .map(|p| {
            p.map(|p| {
                let mut r: Vec<(usize, f32)> = (0..10).map(|d| (d, p[d])).collect();
                r.sort_by(|a, b| b.1.total_cmp(&a.1));
                r.truncate(3);
                r
            })
        })
        .collect();
    let text = |choice: &[usize]| -> (String, f32) {
        let mut s = String::new();
        let mut p = 1.0f32;
        for (r, &c) in ranked.iter().zip(choice) {
            match r {
                None => s.push('.'),
                Some(r) => {
                    s.push(char::from(b'0' + r[c].0 as u8));
                    p *= r[c].1;
                }
            }
        }
        (s, p)
    };
    let n = ranked.len();
    let mut out = vec![text(&vec![0; n])];
    for i in 0..n {
        for k in 1..3 {
            if ranked[i].as_ref().is_some_and(|r| r.len() > k) {
                let mut c = vec![0; n];
                c[i] = k;
                out.push(text(&c));
            }
        }
        for j in i + 1..n {
            if ranked[i].is_some() && ranked[j].is_some() {
                let mut c = vec![0; n];
                c[i] = 1;
                c[j] = 1;
                out.push(text(&c));
            }
        }
    }
    // a figure is never printed with a leading zero
    out.retain(|(s, _)| !(s.len() > 1 && s.starts_with('0') && !s.starts_with("0.")));
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out.dedup_by(|a, b| a.0 == b.0);
    out.retain(|(_, p)| *p > 1e-4);
    out.truncate(8);
    out
}
