//! One passing and one failing fixture per rule (`tests/fixtures/rules/RULE.{pass,fail}.txt`).

use super::support::{fixture, run};

/// (rule, severity, a cell the failing finding must name or "" for none, suspect `cell=fix` or "").
const CASES: [(&str, &str, &str, &str); 15] = [
    (
        "P3-ROW",
        "error",
        "p3.granted.total",
        "p3.granted.total=4806",
    ),
    (
        "P3-SUM",
        "error",
        "p3.rejected.confirm.business",
        "p3.rejected.confirm.business=8",
    ),
    ("P3-BAL", "error", "p3.carried_in.natural", ""),
    ("P4-SUM", "error", "p4.review.total", "p4.review.total=8"),
    ("P2-PUB", "warning", "p2.rules.published", ""),
    ("P2-NEG", "error", "p2.licensing.change", ""),
    ("P2-INFORCE", "warning", "p2.rules.issued", ""),
    ("P2-UNIT", "warning", "p2.procurement.amount", ""),
    ("CELL-VALUE", "error", "p3.withheld.process.research", ""),
    ("CELL-BLANK", "warning", "p3.withheld.enforcement.total", ""),
    ("TABLE-MISSING", "error", "", ""),
    ("TABLE-EXTRA", "info", "", ""),
    ("FMT-MIX", "warning", "", ""),
    ("TXT-NUM", "warning", "p3.new.total", ""),
    ("YEAR", "warning", "", ""),
];

#[test]
fn every_rule_has_a_passing_and_a_failing_fixture() {
    for (rule, severity, cell, suspect) in CASES {
        let pass = run(&fixture(&format!("rules/{rule}.pass.txt")));
        assert!(pass.summary.cells_read > 0, "{rule}.pass reads no cells");
        assert!(
            !pass
                .findings
                .iter()
                .any(|f| f.rule == rule && f.severity != "info"),
            "{rule}.pass: {:?}",
            pass.findings.iter().map(|f| &f.message).collect::<Vec<_>>()
        );
        let fail = run(&fixture(&format!("rules/{rule}.fail.txt")));
        let hits: Vec<_> = fail
            .findings
            .iter()
            .filter(|f| f.rule == rule && f.severity == severity)
            .collect();
        assert!(
            !hits.is_empty(),
            "{rule}.fail: no {severity} {rule} in {:?}",
            fail.findings
        );
        if !cell.is_empty() {
            assert!(
                hits.iter().any(|f| f.cells.iter().any(|c| c == cell)),
                "{rule}.fail: {cell} not named"
            );
        }
        if let Some((c, fix)) = suspect.split_once('=') {
            let fix: i64 = fix.parse().unwrap();
            assert!(
                hits.iter()
                    .any(|f| f.suspects.iter().any(|s| s.cell == c && s.fix == fix)),
                "{rule}.fail: suspect {suspect} missing in {:?}",
                hits.iter().map(|f| &f.suspects).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn a_table_pasted_alone_reports_the_others_as_information() {
    let r = run(&fixture("rules/P3-ROW.pass.txt"));
    assert_eq!(r.summary.errors, 0);
    let missing: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "TABLE-MISSING")
        .collect();
    assert_eq!(missing.len(), 2);
    assert!(missing.iter().all(|f| f.severity == "info"));
}

#[test]
fn a_whole_report_missing_a_table_is_an_error() {
    let r = run(&fixture("rules/TABLE-MISSING.fail.txt"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "TABLE-MISSING")
        .unwrap();
    assert_eq!(f.severity, "error");
    assert!(f.message.contains("第四部分"), "{}", f.message);
}

#[test]
fn the_p3_row_suspect_is_unique_and_fixes_the_cell() {
    let r = run(&fixture("rules/P3-ROW.fail.txt"));
    for f in r.findings.iter().filter(|f| f.severity == "error") {
        assert_eq!(f.suspects.len(), 1, "{}", f.message);
    }
}

#[test]
fn a_report_published_after_the_deadline_is_flagged() {
    let on_time = run(&fixture("samples/guidong-2020.txt"));
    assert!(!on_time.findings.iter().any(|f| f.rule == "YEAR"));
    let late =
        run(&fixture("samples/guidong-2020.txt")
            .replace("发布时间:2021-01-18", "发布时间:2021-05-18"));
    let f = late
        .findings
        .iter()
        .find(|f| f.rule == "YEAR")
        .expect("a late report is flagged");
    assert_eq!(f.severity, "warning");
    assert!(
        f.message.contains("2021年5月18日") && f.message.contains("3月31日"),
        "{}",
        f.message
    );
}
