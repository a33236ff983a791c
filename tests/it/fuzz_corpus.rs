//! The fuzzers' seeds, minimised corpora and any input that once broke a target, run through
//! check + render with every invariant asserted: a smoke run of the fuzzing in the test suite.

use gouji_testkit::invariants::{assert_inert_html, assert_result};
use std::path::PathBuf;

fn files(dir: &str) -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_none_or(|x| x != "md") {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn fuzz_inputs_keep_the_invariants() {
    let mut n = 0;
    for path in [
        "fuzz/seeds",
        "fuzz/seeds-glued",
        "fuzz/corpus-min",
        "fuzz/regressions",
    ]
    .iter()
    .flat_map(|d| files(d))
    {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let r = gouji::check(&text, &gouji::Options::default());
        assert_result(&r);
        gouji_testkit::invariants::assert_check_json(&text, &gouji::Options::default());
        assert_inert_html(&gouji::render_html(&r));
        let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
        assert_result(&gouji::check_grid(&rows, &gouji::Options::default()));
        n += 1;
    }
    assert!(n >= 50, "only {n} fuzz inputs");
}
