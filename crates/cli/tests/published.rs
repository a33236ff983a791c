//! The corpus of reports as published (`tests/published/`, issue 20): every real report the
//! project has, in every shape it is obtained in — the sample's text, the official PDF and Word
//! file, a CMS's saved page (zero written as a digit or as `&nbsp;`), the browser's clipboard
//! HTML, Markdown — each file read as the command line reads it and held to its folder's
//! `expected`: the format, every cell (blank as `(blank)`), how many were read, how many were
//! unread, and every finding (severity, rule, the suspects with their fixes). The page runs the
//! same corpus (`tests/e2e/corpus.test.mjs`).

use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/published")
}

struct Expected {
    format: String,
    cells_read: usize,
    unread: usize,
    findings: Vec<String>,
    cells: Vec<(String, String)>,
}

fn expected(dir: &Path) -> Expected {
    let text = std::fs::read_to_string(dir.join("expected"))
        .unwrap_or_else(|e| panic!("{}: expected: {e}", dir.display()));
    let mut x = Expected {
        format: String::new(),
        cells_read: 0,
        unread: 0,
        findings: Vec::new(),
        cells: Vec::new(),
    };
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
        match kind {
            "format" => x.format = rest.to_owned(),
            "cells_read" => x.cells_read = rest.parse().unwrap(),
            "unread" => x.unread = rest.parse().unwrap(),
            "finding" => x.findings.push(rest.to_owned()),
            "cell" => {
                let (id, raw) = rest.split_once(' ').unwrap();
                let raw = if raw == "(blank)" { "" } else { raw };
                x.cells.push((id.to_owned(), raw.to_owned()));
            }
            other => panic!("{}: unknown expectation {other}", dir.display()),
        }
    }
    x
}

/// (severity, rule, suspects as `cell=fix`) of each finding, sorted.
fn findings(r: &gouji::result::CheckResult) -> Vec<String> {
    let mut v = gouji_testkit::invariants::summary(r);
    v.sort();
    v
}

#[test]
fn every_shape_of_every_published_report_gives_its_expected_result() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/published")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let (mut files, mut cells) = (0, 0);
    for dir in &dirs {
        let x = expected(dir);
        let mut shapes: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().is_some_and(|n| n != "expected"))
            .collect();
        shapes.sort();
        assert!(!shapes.is_empty(), "{}: no file", dir.display());
        for path in shapes {
            let name = path.display().to_string();
            let bytes = std::fs::read(&path).unwrap();
            let content = gouji_cli::input::content(&bytes)
                .unwrap_or_else(|e| panic!("{name}: not read: {e}"));
            let r = content.check(&gouji::Options::default());
            gouji_testkit::invariants::assert_result(&r);
            assert_eq!(r.format.to_string(), x.format, "{name}: format");
            assert_eq!(
                r.summary.unread, x.unread,
                "{name}: unread: {:#?}",
                r.findings
            );
            let mut want = x.findings.clone();
            want.sort();
            assert_eq!(findings(&r), want, "{name}: findings");
            for (id, raw) in &x.cells {
                let c = r
                    .cells
                    .get(id)
                    .unwrap_or_else(|| panic!("{name}: cell {id} not read"));
                assert_eq!(&c.raw.to_string(), raw, "{name}: {id}");
                assert_eq!(c.blank, raw.is_empty(), "{name}: {id} blank");
            }
            assert_eq!(r.summary.cells_read, x.cells_read, "{name}: cells read");
            assert_eq!(
                r.cells.0.len(),
                x.cells.len(),
                "{name}: every cell read is expected"
            );
            files += 1;
            cells += x.cells.len();
        }
    }
    // the corpus is what the closing note counts: at least the cases it was made with
    assert!(
        dirs.len() >= 8 && files >= 25,
        "{} cases, {files} files",
        dirs.len()
    );
    println!(
        "corpus: {} reports' cases, {files} files, {cells} cells checked",
        dirs.len()
    );
}
