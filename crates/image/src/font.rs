//! The page's own font: the digits the network reads surely on a page teach how that page
//! prints each digit, and settle the network's doubts about the page's other glyphs
//! ([`PageFont`]). Used by `digits::read_glyphs`; learnt once a page (`read_boxes`, `loose`).

use crate::digits::{features, net, of_the_line, Glyph, Net, CLASSES, OTHER};

/// A digit the network reads this surely teaches the page's font.
const EXEMPLARY: f32 = 0.995;

/// The digits of one page as the network read them surely: its font, printed the same way
/// wherever a figure is (a page's figures are set in one face and size, and a screenshot's
/// are pixel for pixel alike). A glyph the network doubts — a thin "0", one pixel thick at a
/// screenshot's size, is a ring as a 口 is — that matches one of them within a few pixels is
/// read as that digit, as surely. The network still reads every glyph; this only settles
/// its doubts by the page's own evidence, and never where two digits match as well.
#[derive(Default)]
pub struct PageFont {
    /// Per digit, a few of its sure glyphs of each size.
    exemplars: Vec<(usize, Glyph, f32)>,
}

impl PageFont {
    /// Learns the page's font from every cell's glyphs.
    pub fn learn(cells: &[Vec<Glyph>]) -> PageFont {
        let net = net();
        let mut hid = Vec::new();
        let mut exemplars: Vec<(usize, Glyph, f32)> = Vec::new();
        for gs in cells {
            let tallest = gs.iter().map(|g| g.rect.h()).max().unwrap_or(0);
            for g in gs.iter().filter(|g| of_the_line(&g.rect, tallest)) {
                let p = net.forward(&features(g), &mut hid);
                let (d, &pd) = p[..OTHER]
                    .iter()
                    .enumerate()
                    .max_by(|a, b| a.1.total_cmp(b.1))
                    .unwrap_or((0, &0.0));
                let alike = exemplars
                    .iter()
                    .filter(|(e, x, _)| {
                        *e == d && x.rect.w() == g.rect.w() && x.rect.h() == g.rect.h()
                    })
                    .count();
                if pd >= EXEMPLARY && alike < 4 {
                    exemplars.push((d, g.clone(), pd));
                }
            }
        }
        PageFont { exemplars }
    }

    /// The network's reading of a glyph, its doubt settled by the page's font where it can be.
    pub(crate) fn classify(&self, g: &Glyph, net: &Net, hid: &mut Vec<f32>) -> [f32; CLASSES] {
        let p = net.forward(&features(g), hid);
        let best = p[..OTHER].iter().copied().fold(0.0, f32::max);
        if best >= EXEMPLARY || self.exemplars.is_empty() {
            return p;
        }
        // the nearest exemplar of each digit, in pixels that differ
        let mut nearest = [u32::MAX; OTHER];
        let mut sure = [0f32; OTHER];
        for (d, x, pd) in &self.exemplars {
            if let Some(m) = mismatch(g, x) {
                if m < nearest[*d] {
                    nearest[*d] = m;
                    sure[*d] = *pd;
                }
            }
        }
        // the network's own likeliest digit, printed as a sure one of the page is (a pixel's
        // tolerance), and no other digit of the page that near: confirmed, a little less
        // surely than its exemplar
        let d = (0..OTHER)
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(0);
        let others = (0..OTHER)
            .filter(|&k| k != d)
            .map(|k| nearest[k])
            .min()
            .unwrap_or(u32::MAX);
        if nearest[d] == 0 && others >= 2 {
            let mut q = [0f32; CLASSES];
            q[d] = sure[d] * 0.98;
            let rest = (1.0 - q[d]) / (CLASSES - 1) as f32;
            for (k, v) in q.iter_mut().enumerate() {
                if k != d {
                    *v = rest;
                }
            }
            return q;
        }
        p
    }
}

/// How far apart two glyphs of about one size are (a pixel or two either way): the ink of
/// each with no ink of the other within a pixel of it, counted, the two laid centre on centre.
/// A pixel's tolerance, because one digit printed at two positions a fraction of a pixel apart
/// is a stroke one pixel thick in one place and two in the other; `None` when their sizes
/// differ more.
fn mismatch(a: &Glyph, b: &Glyph) -> Option<u32> {
    let (aw, ah, bw, bh) = (a.rect.w(), a.rect.h(), b.rect.w(), b.rect.h());
    if aw.abs_diff(bw) > 2 || ah.abs_diff(bh) > 2 {
        return None;
    }
    // b's pixel (x, y) in a's frame: b shifted by half the difference of their sizes
    let (dx, dy) = (
        (i64::from(aw) - i64::from(bw)) / 2,
        (i64::from(ah) - i64::from(bh)) / 2,
    );
    let ink = |g: &Glyph, x: i64, y: i64| -> bool {
        let (w, h) = (i64::from(g.rect.w()), i64::from(g.rect.h()));
        x >= 0 && y >= 0 && x < w && y < h && g.ink[(y * w + x) as usize]
    };
    let near = |g: &Glyph, x: i64, y: i64| -> bool {
        (-1..=1).any(|oy| (-1..=1).any(|ox| ink(g, x + ox, y + oy)))
    };
    let mut m = 0;
    for y in 0..i64::from(ah) {
        for x in 0..i64::from(aw) {
            if ink(a, x, y) && !near(b, x - dx, y - dy) {
                m += 1;
            }
        }
    }
    for y in 0..i64::from(bh) {
        for x in 0..i64::from(bw) {
            if ink(b, x, y) && !near(a, x + dx, y + dy) {
                m += 1;
            }
        }
    }
    Some(m)
}
