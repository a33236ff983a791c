//! Runs a phase on a file many times, for profilers:
//! `cargo run --release -p gouji-tools --bin profile -- FILE [N] [lines|outline|prose|figures|part3|rules|read|json|check]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("a file");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let opts = gouji::Options::default();
    for _ in 0..n {
        match args.get(3).map(String::as_str) {
            Some("lines") => {
                std::hint::black_box(gouji::read::tokens::lines_of_text(std::hint::black_box(
                    &text,
                )));
            }
            Some("outline") => {
                let doc = gouji::read::tokens::lines_of_text(&text);
                let lines = doc.lines();
                for _ in 0..10 {
                    std::hint::black_box(gouji::read::outline::outline(&lines));
                }
            }
            Some("prose") => {
                let doc = gouji::read::tokens::lines_of_text(&text);
                let lines = doc.lines();
                let o = gouji::read::outline::outline(&lines);
                for _ in 0..10 {
                    std::hint::black_box(gouji::read::outline::Prose::from_lines(&lines, |i| {
                        o.in_region(i)
                    }));
                }
            }
            Some("figures") => {
                let doc = gouji::read::tokens::lines_of_text(&text);
                let lines = doc.lines();
                let o = gouji::read::outline::outline(&lines);
                let prose = gouji::read::outline::Prose::from_lines(&lines, |i| o.in_region(i));
                for _ in 0..10 {
                    std::hint::black_box(gouji::read::prose::figures(&prose));
                }
            }
            Some("part3") => {
                let doc = gouji::read::tokens::lines_of_text(&text);
                let lines = doc.lines();
                let o = gouji::read::outline::outline(&lines);
                let region = &lines[o.region(gouji::format::Part::P3).expect("a part 三")];
                for _ in 0..10 {
                    let mut sheet = gouji::model::Sheet::with_room();
                    let mut findings = Vec::new();
                    gouji::read::part3::read(region, &mut sheet, &mut findings);
                    std::hint::black_box((sheet, findings));
                }
            }
            Some("rules") => {
                let report = gouji::read::read_text(&text, None);
                for _ in 0..10 {
                    std::hint::black_box(gouji::rules::check(&report, None));
                }
            }
            Some("json") => {
                let result = gouji::check(&text, &opts);
                let mut out = Vec::new();
                for _ in 0..10 {
                    out.clear();
                    gouji_cli::json::write_json(&result, &mut out).expect("JSON");
                    std::hint::black_box(&out);
                }
            }
            Some("read") => {
                std::hint::black_box(gouji::read::read_text(std::hint::black_box(&text), None));
            }
            _ => {
                std::hint::black_box(gouji::check(std::hint::black_box(&text), &opts));
            }
        }
    }
}
