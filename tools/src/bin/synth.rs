//! Writes a synthetic report: `cargo run --release -p gouji-tools --bin synth -- SEED F2019|F2021 LAYOUT`,
//! or a batch of them: `-- --batch DIR N`.
use gouji::FormatId;
use gouji_testkit::synth::{figures, write, Layout};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `-- --batch DIR N`: the benchmark's batch, N whole reports (format and layout drawn)
    if args.get(1).map(String::as_str) == Some("--batch") {
        let dir = std::path::Path::new(&args[2]);
        let n: u64 = args[3].parse().expect("a count");
        std::fs::create_dir_all(dir).expect("a directory");
        for seed in 0..n {
            let path = dir.join(format!("{seed:05}.txt"));
            std::fs::write(path, gouji_testkit::synth::report(seed)).expect("written");
        }
        return;
    }
    let seed: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let format = if args.get(2).map(String::as_str) == Some("F2019") {
        FormatId::F2019
    } else {
        FormatId::F2021
    };
    let layout = match args.get(3).map(String::as_str) {
        Some("tabs") => Layout::Tabs,
        Some("spaces") => Layout::Spaces,
        Some("pipes") => Layout::Pipes,
        Some("figures") => Layout::Figures,
        _ => Layout::OnePerLine,
    };
    print!("{}", write(format, layout, &figures(seed, format)));
}
