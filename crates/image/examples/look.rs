//! A developer's look at what the reader finds on a page: `cargo run -p gouji-image --example
//! look -- PAGE.jpg OUT.png` draws the straightened page with its rules (red) and cells (blue).
use gouji_image::{decode, digits, grid, page};
use zune_core::bit_depth::BitDepth;
use zune_core::colorspace::ColorSpace;
use zune_core::options::EncoderOptions;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read");
    let g = if bytes.starts_with(b"\x89PNG") {
        decode::png(&bytes)
    } else {
        decode::jpeg(&bytes)
    }
    .expect("decode");
    let t = std::time::Instant::now();
    let inset = gouji_image::inset_for(&g);
    let st = page::straighten(g);
    let t1 = t.elapsed();
    let ink = page::binarise(&st.gray, 12);
    let hs = grid::horizontal(&ink);
    let vs = grid::vertical(&ink, &hs);
    let cells = grid::cells(ink.w, ink.h, &hs, &vs);
    let read = gouji_image::read_boxes(&ink, cells.clone(), inset);
    eprintln!("inset {inset}");
    eprintln!(
        "angle {:.3}°, {} h, {} v, {} cells; straighten {:?}, all {:?}",
        st.turn.angle.to_degrees(),
        hs.len(),
        vs.len(),
        cells.len(),
        t1,
        t.elapsed()
    );
    let mut sorted = cells.clone();
    sorted.sort_by_key(|c| (c.y0 / 8, c.x0));
    let mut line = String::new();
    let mut last = u32::MAX;
    for c in &sorted {
        if c.y0 / 8 != last {
            println!("{line}");
            line.clear();
            last = c.y0 / 8;
        }
        if std::env::var("CELL").ok().as_deref() == Some(&format!("{},{}", c.x0 / 10, c.y0 / 10)) {
            for y in c.y0..c.y1 {
                let row: String = (c.x0..c.x1)
                    .map(|x| {
                        if ink.at(x as usize, y as usize) {
                            '#'
                        } else {
                            '.'
                        }
                    })
                    .collect();
                eprintln!("{row}");
            }
            let mut hid = Vec::new();
            for g in digits::glyphs(&ink, *c) {
                let p = digits::net().forward(&digits::features(&g), &mut hid);
                eprintln!(
                    "{:?} {:?}",
                    g.rect,
                    p.iter().map(|v| (v * 100.0) as u32).collect::<Vec<_>>()
                );
            }
        }
        line.push_str(&format!("[{},{}]", c.x0 / 10, c.y0 / 10));
        let content = read.iter().find(|(r, _)| r == c).map(|(_, k)| k.clone());
        match content.unwrap_or(digits::Content::Empty) {
            digits::Content::Empty => line.push_str(" _"),
            digits::Content::Text => line.push_str(" T"),
            digits::Content::Figure(r) | digits::Content::Doubtful(r) => {
                line.push_str(&format!(" {}({:.2}", r[0].0, r[0].1));
                if let Some(b) = r.get(1) {
                    line.push_str(&format!("|{}:{:.2}", b.0, b.1));
                }
                line.push(')');
            }
        }
    }
    println!("{line}");
    let (w, h) = (ink.w, ink.h);
    let mut rgb = vec![0u8; w * h * 3];
    for i in 0..w * h {
        let v = if ink.px[i] {
            0
        } else {
            st.gray.px[i] / 2 + 128
        };
        rgb[i * 3..i * 3 + 3].copy_from_slice(&[v, v, v]);
    }
    let mut put = |x: u32, y: u32, c: [u8; 3]| {
        let (x, y) = (x as usize, y as usize);
        if x < w && y < h {
            rgb[(y * w + x) * 3..(y * w + x) * 3 + 3].copy_from_slice(&c);
        }
    };
    for r in &hs {
        for x in r.from..r.to {
            put(x, r.at, [255, 0, 0]);
        }
    }
    for r in &vs {
        for y in r.from..r.to {
            put(r.at, y, [255, 0, 0]);
        }
    }
    for c in &cells {
        for x in c.x0 + 2..c.x1 - 2 {
            put(x, c.y0 + 2, [0, 0, 255]);
            put(x, c.y1 - 3, [0, 0, 255]);
        }
        for y in c.y0 + 2..c.y1 - 2 {
            put(c.x0 + 2, y, [0, 0, 255]);
            put(c.x1 - 3, y, [0, 0, 255]);
        }
    }
    let opts = EncoderOptions::new(w, h, ColorSpace::RGB, BitDepth::Eight);
    let png = zune_png::PngEncoder::new(&rgb, opts).encode();
    std::fs::write(&args[2], png).expect("write");
}
