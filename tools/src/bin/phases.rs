//! Times the phases of a check: `cargo run --release -p gouji-tools --bin phases -- FILE`.
use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a file")).unwrap();
    let n = 1000;
    let time = |name: &str, f: &mut dyn FnMut()| {
        // the best of five rounds: the least disturbed by other work on the machine
        let best = (0..5)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..n {
                    f();
                }
                t.elapsed().as_secs_f64() * 1e6 / n as f64
            })
            .fold(f64::INFINITY, f64::min);
        println!("{name:<12} {best:>7.1} µs");
    };
    time("lines", &mut || {
        std::hint::black_box(gouji::read::tokens::lines_of_text(&text));
    });
    let doc = gouji::read::tokens::lines_of_text(&text);
    let lines = doc.lines();
    time("outline", &mut || {
        std::hint::black_box(gouji::read::outline::outline(&lines));
    });
    let o = gouji::read::outline::outline(&lines);
    time("prose", &mut || {
        std::hint::black_box(gouji::read::outline::Prose::from_lines(&lines, |i| {
            o.in_region(i)
        }));
    });
    let prose = gouji::read::outline::Prose::from_lines(&lines, |i| o.in_region(i));
    time("meta", &mut || {
        std::hint::black_box(gouji::read::outline::meta(&lines, &o, &prose));
    });
    time("figures", &mut || {
        std::hint::black_box(gouji::read::prose::figures(&prose));
    });
    use gouji::format::Part;
    use gouji::model::Sheet;
    for (name, part) in [
        ("part2", Part::P2),
        ("part3", Part::P3),
        ("part4", Part::P4),
    ] {
        let Some(range) = o.region(part) else {
            continue;
        };
        let region = &lines[range];
        time(name, &mut || {
            let mut sheet = Sheet::with_room();
            let mut findings = Vec::new();
            match part {
                Part::P2 => drop(gouji::read::part2::read(
                    region,
                    &mut sheet,
                    &mut findings,
                    None,
                )),
                Part::P3 => drop(gouji::read::part3::read(region, &mut sheet, &mut findings)),
                Part::P4 => drop(gouji::read::part4::read(region, &mut sheet, &mut findings)),
            }
            std::hint::black_box((sheet, findings));
        });
    }
    time("sheet", &mut || {
        std::hint::black_box(Sheet::with_room());
    });
    time("doc.lines", &mut || {
        std::hint::black_box(doc.lines());
    });
    time("read_text", &mut || {
        std::hint::black_box(gouji::read::read_text(&text, None));
    });
    let report = gouji::read::read_text(&text, None);
    time("rules", &mut || {
        std::hint::black_box(gouji::rules::check(&report, None));
    });
    time("check", &mut || {
        std::hint::black_box(gouji::check(&text, &gouji::Options::default()));
    });
}
