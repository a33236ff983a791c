//! A developer's look at the borderless reader: `cargo run -p gouji-image --example loose --
//! PAGE.png` prints each line of figures it finds (its band, its label's extent, its cells);
//! with `RECT=x0,y0,x1,y1`, the glyphs of that box and the network's probabilities for each.
fn main() {
    let path = std::env::args().nth(1).expect("a picture");
    let bytes = std::fs::read(&path).expect("read");
    let g = if bytes.starts_with(b"\x89PNG") {
        gouji_image::decode::png(&bytes)
    } else {
        gouji_image::decode::jpeg(&bytes)
    }
    .expect("decode");
    let st = gouji_image::page::straighten(g);
    let ink = gouji_image::page::binarise(&st.gray, 12);
    if let Ok(r) = std::env::var("RECT") {
        let v: Vec<u32> = r.split(',').map(|x| x.parse().unwrap()).collect();
        let rect = gouji_image::grid::Rect {
            x0: v[0],
            y0: v[1],
            x1: v[2],
            y1: v[3],
        };
        let mut hid = Vec::new();
        for g in gouji_image::digits::word_glyphs(&ink, rect) {
            for y in 0..g.rect.h() {
                let row: String = (0..g.rect.w())
                    .map(|x| {
                        if g.ink[(y * g.rect.w() + x) as usize] {
                            '#'
                        } else {
                            '.'
                        }
                    })
                    .collect();
                eprintln!("{row}");
            }
            let p =
                gouji_image::digits::net().forward(&gouji_image::digits::features(&g), &mut hid);
            eprintln!(
                "{:?} {:?}",
                g.rect,
                p.iter().map(|v| (v * 100.0) as u32).collect::<Vec<_>>()
            );
        }
        return;
    }
    let cells = gouji_image::loose::cells(&ink);
    let mut last = u32::MAX;
    let mut line = String::new();
    for (r, c) in &cells {
        if r.y0 != last {
            println!("{line}");
            line = format!("y {:>4}-{:<4}", r.y0, r.y1);
            last = r.y0;
        }
        line.push_str(&match c {
            gouji_image::digits::Content::Empty => format!(" [{}]_", r.x0),
            gouji_image::digits::Content::Text => format!(" [{}]T", r.x0),
            gouji_image::digits::Content::Figure(v) => format!(" [{}]{}", r.x0, v[0].0),
            gouji_image::digits::Content::Doubtful(v) => format!(" [{}]{}?", r.x0, v[0].0),
        });
    }
    println!("{line}");
}
