//! A picture made ready for finding tables: turned straight (a scan is turned by a degree or
//! so) and made black and white for uneven light.
//!
//! Invariant: every step is linear in the pixels (integral images, a bounded angle search over
//! a sample of the dark pixels); coordinates after [`straighten`] are those of the turned
//! picture, and [`Turn::to_source`] maps them back to the picture as given.

use crate::decode::Gray;

/// A black-and-white picture: `true` where ink is.
#[derive(Clone, Debug, Default)]
pub struct Ink {
    pub w: usize,
    pub h: usize,
    pub px: Vec<bool>,
    /// Made from a scan or a photo (not [`crisp`]): its glyphs may carry dust, which the cell
    /// reader prunes (a screenshot's thin strokes are left whole).
    pub dusty: bool,
}

impl Ink {
    #[inline]
    pub fn at(&self, x: usize, y: usize) -> bool {
        self.px[y * self.w + x]
    }
}

/// Whether a picture is crisp — drawn, not scanned: most of its pixels one value exactly (a
/// screenshot's white), where a scan's paper and a JPEG's noise vary from pixel to pixel.
pub fn crisp(g: &Gray) -> bool {
    let mut count = [0usize; 256];
    for &v in &g.px {
        count[usize::from(v)] += 1;
    }
    count.iter().max().copied().unwrap_or(0) * 2 > g.px.len()
}

/// Ink where a pixel is darker than its neighbourhood's mean by more than `pct` percent
/// (Bradley's method over an integral image: uneven light and gray shading stay white, ruling
/// lines and text become ink). The window is a sixteenth of the picture's shorter side.
pub fn binarise(g: &Gray, pct: u32) -> Ink {
    let (w, h) = (g.w, g.h);
    let mut sum = vec![0u64; (w + 1) * (h + 1)];
    for y in 0..h {
        let mut row = 0u64;
        for x in 0..w {
            row += u64::from(g.px[y * w + x]);
            sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row;
        }
    }
    let r = (w.min(h) / 32).clamp(8, 64);
    let mut px = vec![false; w * h];
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
        for x in 0..w {
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            let n = ((x1 - x0) * (y1 - y0)) as u64;
            let s = sum[y1 * (w + 1) + x1] + sum[y0 * (w + 1) + x0]
                - sum[y0 * (w + 1) + x1]
                - sum[y1 * (w + 1) + x0];
            let v = u64::from(g.px[y * w + x]);
            // darker than the mean by pct percent, and not paper-white
            px[y * w + x] = v * n * 100 < s * u64::from(100 - pct) && v < 235;
        }
    }
    Ink {
        w,
        h,
        px,
        dusty: !crisp(g),
    }
}

/// The picture turned straight, and the turn that straightened it.
pub struct Straight {
    pub gray: Gray,
    pub turn: Turn,
}

/// A turn about a picture's centre: the one mapping from the straightened picture back to the
/// picture as given (each straightened pixel is sampled there; a cell's box is reported there).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Turn {
    /// Radians; the picture as given is the straightened one turned by `angle`.
    pub angle: f64,
    cx: f64,
    cy: f64,
    sin: f64,
    cos: f64,
}

impl Turn {
    pub fn new(w: usize, h: usize, angle: f64) -> Turn {
        let (sin, cos) = angle.sin_cos();
        Turn {
            angle,
            cx: w as f64 / 2.0,
            cy: h as f64 / 2.0,
            sin,
            cos,
        }
    }

    /// A point of the straightened picture in the picture as given.
    #[inline]
    pub fn to_source(&self, x: f64, y: f64) -> (f64, f64) {
        let (dx, dy) = (x - self.cx, y - self.cy);
        (
            self.cx + dx * self.cos - dy * self.sin,
            self.cy + dx * self.sin + dy * self.cos,
        )
    }
}

/// The skew of a page: the angle (radians, within ±3°) at which its dark pixels' rows line up
/// best — text lines and ruling lines make sharp peaks in the row profile when straight.
pub fn skew(ink: &Ink) -> f64 {
    // a sample of the ink: at most ~300,000 points
    let count = ink.px.iter().filter(|&&b| b).count();
    let step = (count / 300_000).max(1);
    let mut pts = Vec::with_capacity(count / step + 1);
    let mut i = 0usize;
    for y in 0..ink.h {
        for x in 0..ink.w {
            if ink.px[y * ink.w + x] {
                if i % step == 0 {
                    pts.push((x as f64, y as f64));
                }
                i += 1;
            }
        }
    }
    if pts.len() < 100 {
        return 0.0;
    }
    let score = |a: f64| -> u64 {
        let t = a.tan();
        let mut bins = vec![0u32; ink.h + ink.w / 10 + 2];
        let off = (ink.w as f64 * t.abs()) as isize + 1;
        for &(x, y) in &pts {
            let b = (y - x * t).round() as isize + off;
            if let Some(c) = usize::try_from(b).ok().and_then(|b| bins.get_mut(b)) {
                *c += 1;
            }
        }
        bins.iter().map(|&c| u64::from(c) * u64::from(c)).sum()
    };
    let deg = std::f64::consts::PI / 180.0;
    let best = |from: f64, to: f64, by: f64| {
        let mut a = from;
        let (mut best, mut best_score) = (0.0, 0u64);
        while a <= to + 1e-9 {
            let s = score(a * deg);
            if s > best_score {
                (best, best_score) = (a, s);
            }
            a += by;
        }
        best
    };
    let coarse = best(-3.0, 3.0, 0.2);
    let fine = best(coarse - 0.2, coarse + 0.2, 0.02);
    fine * deg
}

/// The page turned straight (bilinear), when it is turned by more than a twentieth of a degree.
pub fn straighten(g: Gray) -> Straight {
    let small = binarise(&g, 15);
    let angle = skew(&small);
    if angle.abs() < 0.05f64.to_radians() {
        let turn = Turn::new(g.w, g.h, 0.0);
        return Straight { gray: g, turn };
    }
    let (w, h) = (g.w, g.h);
    let mut out = Gray::new(w, h, 255);
    let turn = Turn::new(w, h, angle);
    for y in 0..h {
        for x in 0..w {
            let (sx, sy) = turn.to_source(x as f64, y as f64);
            if sx < 0.0 || sy < 0.0 {
                continue;
            }
            let (x0, y0) = (sx as usize, sy as usize);
            if x0 + 1 >= w || y0 + 1 >= h {
                continue;
            }
            let (fx, fy) = (sx - x0 as f64, sy - y0 as f64);
            let p = |x, y| f64::from(g.at(x, y));
            let v = p(x0, y0) * (1.0 - fx) * (1.0 - fy)
                + p(x0 + 1, y0) * fx * (1.0 - fy)
                + p(x0, y0 + 1) * (1.0 - fx) * fy
                + p(x0 + 1, y0 + 1) * fx * fy;
            out.px[y * w + x] = v.round() as u8;
        }
    }
    Straight { gray: out, turn }
}
