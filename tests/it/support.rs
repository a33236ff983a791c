//! Helpers shared by the tests.

use gouji::result::CheckResult;
use gouji::{check, Options};
use std::path::PathBuf;

pub fn fixture_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

pub fn fixture(rel: &str) -> String {
    std::fs::read_to_string(fixture_path(rel)).unwrap_or_else(|e| panic!("fixture {rel}: {e}"))
}

/// Checks `text`; every check of the tests also asserts that the command line's JSON of it is
/// the result's.
pub fn run(text: &str) -> CheckResult {
    gouji_testkit::invariants::assert_check_json(text, &Options::default());
    check(text, &Options::default())
}

pub const SAMPLES: [&str; 3] = ["guidong-2020", "hongze-2023", "huaian-2024"];

/// (rule, severity, suspects as `cell=fix`) of each finding, for comparing by eye.
pub use gouji_testkit::invariants::summary;

/// Whether some finding names `cell` as a suspect with this fix.
pub fn has_suspect(r: &CheckResult, cell: &str, fix: i64) -> bool {
    r.findings
        .iter()
        .any(|f| f.suspects.iter().any(|s| s.cell == cell && s.fix == fix))
}

/// A rule's outcome in a result: a finding of its own, or one of the relations inside a
/// finding that stands for several broken by one cell (the finding's suspects are its own).
pub struct Outcome<'a> {
    pub rule: gouji::model::Rule,
    pub severity: gouji::model::Severity,
    pub source: gouji::model::Source,
    pub message: &'a str,
    pub expected: Option<i64>,
    pub actual: Option<i64>,
    pub cells: &'a [String],
    pub suspects: &'a [gouji::result::SuspectOut],
}

pub fn outcomes(r: &CheckResult) -> Vec<Outcome<'_>> {
    let mut out = Vec::new();
    for f in &r.findings {
        let of = |rule, message, expected, actual, cells| Outcome {
            rule,
            severity: f.severity,
            source: f.source,
            message,
            expected,
            actual,
            cells,
            suspects: &f.suspects,
        };
        if f.relations.is_empty() {
            out.push(of(f.rule, &f.message, f.expected, f.actual, &f.cells));
        }
        for b in &f.relations {
            out.push(of(
                b.rule,
                &b.message,
                Some(b.expected),
                Some(b.actual),
                &b.cells,
            ));
        }
    }
    out
}
