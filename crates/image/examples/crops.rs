//! The cells gouji placed, as crops for a side-by-side with another reader (tools/bench/
//! tesseract.sh): `cargo run --release -p gouji-image --example crops -- OUT REPORT.txt
//! PAGE…` writes each placed cell's box from its page (three pixels in, clear of its rules)
//! as OUT/<cell id>.pgm, and OUT/cells.tsv:
//! the cell id, the figure the report's text has, gouji's first reading (the network alone)
//! and gouji's reading after the tables' arithmetic; the time gouji took is printed.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, text, pages) = (&args[0], &args[1], &args[2..]);
    std::fs::create_dir_all(out).expect("out dir");
    let grays: Vec<_> = pages
        .iter()
        .map(|f| {
            let b = std::fs::read(f).expect("read");
            if b.starts_with(b"\x89PNG") {
                gouji_image::decode::png(&b)
            } else {
                gouji_image::decode::jpeg(&b)
            }
            .expect("decode")
        })
        .collect();
    let t = std::time::Instant::now();
    let seen = gouji_image::read(grays.clone());
    let checked = gouji::seen::check_seen(&seen);
    let took = t.elapsed();
    let expected = gouji::check(
        &std::fs::read_to_string(text).expect("text"),
        &gouji::Options::default(),
    );
    let mut tsv = String::from("cell\texpected\tnetwork\tarithmetic\n");
    for s in &seen.cells {
        let g = &grays[s.page as usize - 1];
        // three pixels inside the box: the figure without its ruling lines, as fair to
        // another reader as can be
        let (x0, y0) = (s.x + 3, s.y + 3);
        let (w, h) = (s.w.saturating_sub(6).max(1), s.h.saturating_sub(6).max(1));
        let mut pgm = format!("P5\n{w} {h}\n255\n").into_bytes();
        for y in y0..y0 + h {
            for x in x0..x0 + w {
                pgm.push(g.px[(y as usize).min(g.h - 1) * g.w + (x as usize).min(g.w - 1)]);
            }
        }
        std::fs::write(format!("{out}/{}.pgm", s.id.id()), pgm).expect("write");
        let cell = |r: &gouji::result::CheckResult| {
            r.cells
                .0
                .iter()
                .find(|(k, _)| k == s.id.id())
                .map(|(_, c)| c.raw.to_string())
                .unwrap_or_default()
        };
        let first = s.readings.first().map(|r| r.0.as_str()).unwrap_or("");
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            s.id.id(),
            cell(&expected),
            first,
            cell(&checked)
        ));
    }
    std::fs::write(format!("{out}/cells.tsv"), tsv).expect("write");
    println!(
        "{} cells, read and checked in {:.0} ms",
        seen.cells.len(),
        took.as_secs_f64() * 1e3
    );
}
