//! Times each step of the check_render fuzz target over a corpus directory (native, release).
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let mut t = [0f64; 8];
    let mut n = 0;
    let mut html_bytes = 0usize;
    let mut worst = (0f64, String::new());
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let data = std::fs::read(&p).unwrap();
        let text = String::from_utf8_lossy(&data);
        let s0 = Instant::now();
        let r = gouji::check(&text, &gouji::Options::default());
        let s1 = Instant::now();
        gouji_testkit::invariants::assert_result(&r);
        let s2 = Instant::now();
        let html = gouji::render_html(&r);
        let s3 = Instant::now();
        html_bytes += html.len();
        gouji_testkit::invariants::assert_inert_html(&html);
        let s4 = Instant::now();
        let clean = gouji::render::tables_html(&r, gouji::render::Lang::En);
        gouji_testkit::invariants::assert_inert_html(&clean);
        let s5 = Instant::now();
        let tsv = gouji::render::tables_tsv(&r);
        let s6 = Instant::now();
        let again = gouji::check(&tsv, &gouji::Options::default());
        gouji_testkit::invariants::assert_result(&again);
        let s7 = Instant::now();
        let d = [
            s1 - s0,
            s2 - s1,
            s3 - s2,
            s4 - s3,
            s5 - s4,
            s6 - s5,
            s7 - s6,
        ];
        for (i, x) in d.iter().enumerate() {
            t[i] += x.as_secs_f64();
        }
        let tot = (s7 - s0).as_secs_f64();
        if tot > worst.0 {
            worst = (tot, p.display().to_string());
        }
        n += 1;
    }
    let names = [
        "check",
        "assert",
        "render_html",
        "inert",
        "tables_html+inert",
        "tsv",
        "recheck",
    ];
    for i in 0..7 {
        println!("{:>20} {:8.1} µs/input", names[i], t[i] / n as f64 * 1e6);
    }
    println!("html {} bytes/input", html_bytes / n);
    println!("inputs {n}; worst {:.1} ms {}", worst.0 * 1e3, worst.1);
}
