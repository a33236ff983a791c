//! The library, called from Rust: check a report file and print each finding with its fix.
//!
//! `cargo run --example check_file -- tests/fixtures/samples/hongze-2023.txt`

use gouji::{check, Options};

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: check_file FILE");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let result = check(&text, &Options::default());
    for f in &result.findings {
        println!("{} {}: {}", f.severity, f.rule, f.message);
        for s in &f.suspects {
            println!("  fix: {} → {}", s.cell, s.fix);
        }
    }
    println!(
        "{}: {} errors, {} warnings, {} cells read ({})",
        path,
        result.summary.errors,
        result.summary.warnings,
        result.summary.cells_read,
        result.format
    );
    std::process::ExitCode::from(u8::from(result.summary.errors > 0))
}
