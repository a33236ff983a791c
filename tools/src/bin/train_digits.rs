//! Trains the digit classifier gouji reads tables in pictures with, and writes it to
//! `crates/image/src/digits.bin`.
//!
//! ```text
//! apt-get install fonts-liberation fonts-dejavu-core fonts-arphic-uming fonts-arphic-ukai \
//!     fonts-wqy-zenhei fonts-wqy-microhei fonts-noto-cjk
//! cargo run --release -p gouji-tools --bin train_digits [-- OUT]
//! ```
//!
//! The samples: figures (one to six digits, and decimals) and strings of the form's Chinese
//! labels, rendered from the fonts government documents are set in or match — 宋体 (AR PL
//! UMing, Noto Serif CJK), 楷体 (AR PL UKai), 黑体 (WenQuanYi, Noto Sans CJK), Times and Arial
//! (Liberation Serif and Sans), DejaVu — at 9 to 48 pixels (8–16 pt at 96–300 dpi), on paper
//! of any light, blurred, speckled, with noise; then made black and white and cut into glyphs
//! by the reader's own code (`page::binarise`, `digits::glyphs`, `digits::features`), so the
//! network learns what it will see. A digit glyph is its digit; every glyph of the labels is
//! "not a digit". Reproducible: one fixed seed; a font not installed is skipped and said.
//! The fonts are held out one at a time in the report below (accuracy on a font not trained on).

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};
use gouji_image::decode::Gray;
use gouji_image::digits::{self, Net, CLASSES, FEATURES, OTHER};
use gouji_image::grid::Rect;
use gouji_image::page;

const FONTS: &[&str] = &[
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
];

/// The Chinese of the form's tables and headings: what a cell that is not a figure holds.
const LABELS: &str = "信息内容本年制发件数废止件数现行有效件数规章行政规范性文件本年处理决定数量行政许可处罚强制\
收费金额单位万元事业性第二十条项收到和处理政府信息公开申请情况申请人自然人法人或其他组织商业企业科研机构社会公益\
法律服务总计本列数据的勾稽关系为第一项加第二项之和等于三四新收上年结转办理结果予以部分区分只计这情形不计属于国家秘密\
法规禁止危及安全稳定保护方合权益内部事务过程性执法案卷查询事项无法提供本机关不掌握相关没有现成需要另行制作补正后仍\
不明确不予处理信访举报投诉类重复要求获取出版物无正当理由大量反复确认或重新出具已获取信息逾期未按通知缴纳费用再其他\
复议诉讼维持纠正尚未审结未经直接起诉后主动存在的主要问题及改进情况（）、“”：，。";

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn f(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `text` rendered in `font` at `px` pixels, on paper, with the picture's troubles.
fn render(font: &FontVec, text: &str, px: f32, rng: &mut Rng) -> Gray {
    let scaled = font.as_scaled(PxScale::from(px));
    let track = if rng.f() < 0.3 { px * 0.08 } else { 0.0 };
    let width: f32 = text
        .chars()
        .map(|c| scaled.h_advance(font.glyph_id(c)) + track)
        .sum();
    let pad = (px * 0.6) as usize + 4;
    let (w, h) = (
        width.ceil() as usize + 2 * pad,
        px.ceil() as usize + 2 * pad,
    );
    let mut cover = vec![0f32; w * h];
    let mut x = pad as f32;
    let base = pad as f32 + scaled.ascent() * 0.9;
    for c in text.chars() {
        let id = font.glyph_id(c);
        let g = id.with_scale_and_position(PxScale::from(px), ab_glyph::point(x, base));
        if let Some(o) = font.outline_glyph(g) {
            let b = o.px_bounds();
            o.draw(|gx, gy, v| {
                let (xx, yy) = (b.min.x as i64 + gx as i64, b.min.y as i64 + gy as i64);
                if xx >= 0 && yy >= 0 && (xx as usize) < w && (yy as usize) < h {
                    let i = yy as usize * w + xx as usize;
                    cover[i] = (cover[i] + v).min(1.0);
                }
            });
        }
        x += scaled.h_advance(id) + track;
    }
    // blur (a scan's optics, a screenshot's smoothing)
    if rng.f() < 0.5 {
        let k = rng.f() * 0.6;
        let src = cover.clone();
        for y in 1..h - 1 {
            for x in 1..w - 1 {
                let n = src[y * w + x - 1]
                    + src[y * w + x + 1]
                    + src[(y - 1) * w + x]
                    + src[(y + 1) * w + x];
                cover[y * w + x] = src[y * w + x] * (1.0 - k) + n * k / 4.0;
            }
        }
    }
    let paper = 200.0 + rng.f() * 55.0;
    let inkv = rng.f() * 90.0;
    let noise = rng.f() * 25.0;
    let mut g = Gray::new(w, h, 255);
    for (px, c) in g.px.iter_mut().zip(&cover) {
        let v = paper * (1.0 - c) + inkv * c + (rng.f() - 0.5) * 2.0 * noise;
        *px = v.clamp(0.0, 255.0) as u8;
    }
    // speckles: a few, or (a third of the renderings) a scan's dust at up to 2.5 % of the
    // pixels — at 150 dpi a speck is a sixth of a digit, and touches its strokes
    for _ in 0..rng.below(4) {
        let i = rng.below(w * h);
        g.px[i] = (inkv as u8).saturating_add(20);
    }
    if rng.f() < 0.35 {
        let n = (w * h) as f32 * rng.f() * 0.025;
        for _ in 0..n as usize {
            let i = rng.below(w * h);
            g.px[i] = (inkv as u8).saturating_add(20 + rng.below(80) as u8);
        }
    }
    g
}

struct Sample {
    x: [f32; FEATURES],
    y: usize,
    font: usize,
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "crates/image/src/digits.bin".into());
    let mut fonts = Vec::new();
    for (i, path) in FONTS.iter().enumerate() {
        match std::fs::read(path)
            .ok()
            .and_then(|b| FontVec::try_from_vec_and_index(b, 0).ok())
        {
            Some(f) => fonts.push((i, f)),
            None => eprintln!("skipped (not installed): {path}"),
        }
    }
    let labels: Vec<char> = LABELS.chars().collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut samples: Vec<Sample> = Vec::new();
    let (mut made, mut lost) = (0usize, 0usize);
    for &(fi, ref font) in &fonts {
        for round in 0..700 {
            let px = 9.0 + rng.f() * 39.0;
            let digit_text = round % 4 != 3;
            let text: String = if digit_text {
                let n = 1 + rng.below(6);
                let mut s: String = (0..n)
                    .map(|_| char::from(b'0' + rng.below(10) as u8))
                    .collect();
                if n >= 3 && rng.f() < 0.1 {
                    s.insert(n - 1, '.');
                }
                s
            } else {
                (0..1 + rng.below(5))
                    .map(|_| labels[rng.below(labels.len())])
                    .collect()
            };
            let g = render(font, &text, px, &mut rng);
            // the glyphs whole, dust and all (not pruned as a scan's are when read: trained on
            // pruned glyphs too, the network lost a screenshot's thin strokes — measured; the
            // dust it learns here is what pruning leaves the reader less of)
            let mut ink = page::binarise(&g, 12);
            ink.dusty = false;
            let rect = Rect {
                x0: 0,
                y0: 0,
                x1: g.w as u32,
                y1: g.h as u32,
            };
            let gs = digits::glyphs(&ink, rect);
            made += 1;
            if digit_text {
                let ds: Vec<usize> = text
                    .bytes()
                    .filter(u8::is_ascii_digit)
                    .map(|b| usize::from(b - b'0'))
                    .collect();
                // the decimal point is not classified: drop its glyph
                let gs: Vec<_> = gs
                    .iter()
                    .filter(|gl| {
                        gl.rect.h() * 3 >= gs.iter().map(|g| g.rect.h()).max().unwrap_or(0)
                    })
                    .collect();
                if gs.len() != ds.len() {
                    lost += 1;
                    continue;
                }
                for (gl, &d) in gs.iter().zip(&ds) {
                    samples.push(Sample {
                        x: digits::features(gl),
                        y: d,
                        font: fi,
                    });
                }
            } else {
                for gl in &gs {
                    samples.push(Sample {
                        x: digits::features(gl),
                        y: OTHER,
                        font: fi,
                    });
                }
            }
        }
    }
    eprintln!(
        "{} samples from {} renderings ({} digit renderings whose glyphs did not come apart, left out), {} fonts",
        samples.len(),
        made,
        lost,
        fonts.len()
    );
    // held out: each font in turn, on a short training, to say how well an unseen face reads
    if std::env::var_os("HOLDOUT").is_some() {
        for &(fi, _) in &fonts {
            let train: Vec<&Sample> = samples.iter().filter(|s| s.font != fi).collect();
            let test: Vec<&Sample> = samples.iter().filter(|s| s.font == fi).collect();
            let net = train_net(&train, 48, 6, &mut Rng(7));
            eprintln!(
                "held out {}: {:.2}% right",
                FONTS[fi],
                100.0 * accuracy(&net, &test)
            );
        }
    }
    let all: Vec<&Sample> = samples.iter().collect();
    let net = train_net(&all, 48, 12, &mut Rng(11));
    eprintln!("training set: {:.2}% right", 100.0 * accuracy(&net, &all));
    std::fs::write(&out, net.to_bytes()).expect("write the network");
    eprintln!("wrote {out} ({} bytes)", net.to_bytes().len());
}

fn accuracy(net: &Net, s: &[&Sample]) -> f32 {
    let mut hid = Vec::new();
    let right = s
        .iter()
        .filter(|s| {
            let p = net.forward(&s.x, &mut hid);
            let best = (0..CLASSES)
                .max_by(|&a, &b| p[a].total_cmp(&p[b]))
                .unwrap_or(0);
            best == s.y
        })
        .count();
    right as f32 / s.len().max(1) as f32
}

/// Plain stochastic gradient descent on the cross-entropy.
fn train_net(s: &[&Sample], hidden: usize, epochs: usize, rng: &mut Rng) -> Net {
    let mut w = vec![0f32; Net::size(hidden)];
    let scale1 = (2.0 / FEATURES as f32).sqrt();
    let scale2 = (2.0 / hidden as f32).sqrt();
    for (i, v) in w.iter_mut().enumerate() {
        let s = if i < hidden * FEATURES {
            scale1
        } else {
            scale2
        };
        *v = (rng.f() - 0.5) * 2.0 * s;
    }
    let mut net = Net { hidden, w };
    let mut order: Vec<usize> = (0..s.len()).collect();
    let mut hid = Vec::new();
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let lr = 0.02 * (1.0 - epoch as f32 / epochs as f32) + 0.002;
        for &k in &order {
            let x = &s[k].x;
            let p = net.forward(x, &mut hid);
            let n = hidden;
            let (w1, rest) = net.w.split_at_mut(n * FEATURES);
            let (b1, rest) = rest.split_at_mut(n);
            let (w2, b2) = rest.split_at_mut(CLASSES * n);
            let mut dh = vec![0f32; n];
            for c in 0..CLASSES {
                let g = p[c] - if c == s[k].y { 1.0 } else { 0.0 };
                for j in 0..n {
                    dh[j] += g * w2[c * n + j];
                    w2[c * n + j] -= lr * g * hid[j];
                }
                b2[c] -= lr * g;
            }
            for j in 0..n {
                if hid[j] <= 0.0 {
                    continue;
                }
                let g = dh[j];
                for (wv, xv) in w1[j * FEATURES..(j + 1) * FEATURES]
                    .iter_mut()
                    .zip(x.iter())
                {
                    *wv -= lr * g * xv;
                }
                b1[j] -= lr * g;
            }
        }
    }
    net
}
