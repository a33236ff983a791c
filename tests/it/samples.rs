//! Each real sample gives exactly its expected findings and cell values
//! (`tests/fixtures/samples/*.expected`, checked by hand against the text).

use super::support::{fixture, run, summary, SAMPLES};
use gouji::read::prose::{figures, Claim};
use gouji::result::At;

#[test]
fn samples_give_their_expected_results() {
    for name in SAMPLES {
        let result = run(&fixture(&format!("samples/{name}.txt")));
        gouji_testkit::invariants::assert_result(&result);
        gouji_testkit::invariants::assert_inert_html(&gouji::render_html(&result));
        let expected = fixture(&format!("samples/{name}.expected"));
        let mut findings = Vec::new();
        let mut cells = 0;
        for line in expected
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
            match kind {
                "format" => assert_eq!(result.format, rest, "{name}: format"),
                "year" => assert_eq!(
                    result.year.map(|y| y.to_string()).as_deref(),
                    Some(rest),
                    "{name}: year"
                ),
                "title" => assert_eq!(result.title.as_deref(), Some(rest), "{name}: title"),
                "input" => assert_eq!(result.input, rest, "{name}: input"),
                "cells_read" => assert_eq!(
                    result.summary.cells_read.to_string(),
                    rest,
                    "{name}: cells_read"
                ),
                "finding" => findings.push(rest.trim_end().to_owned()),
                "cell" => {
                    cells += 1;
                    let mut parts = rest.split(' ');
                    let (id, raw, at) = (
                        parts.next().unwrap(),
                        parts.next().unwrap(),
                        parts.next().unwrap(),
                    );
                    let cell = result
                        .cells
                        .get(id)
                        .unwrap_or_else(|| panic!("{name}: cell {id} not read"));
                    let raw = if raw == "(blank)" { "" } else { raw };
                    assert_eq!(cell.raw, raw, "{name}: {id}");
                    let (l, c) = at.trim_start_matches('@').split_once(':').unwrap();
                    assert_eq!(
                        cell.at,
                        Some(At::Text {
                            line: l.parse().unwrap(),
                            col: c.parse().unwrap()
                        }),
                        "{name}: {id} position"
                    );
                }
                other => panic!("{name}: unknown expectation {other}"),
            }
        }
        assert_eq!(
            cells,
            result.cells.0.len(),
            "{name}: every cell read is expected"
        );
        let mut got = summary(&result);
        got.sort();
        findings.sort();
        assert_eq!(got, findings, "{name}: findings");
    }
}

#[test]
fn hongze_matches_formats_md_section_7() {
    let r = run(&fixture("samples/hongze-2023.txt"));
    let review = r
        .findings
        .iter()
        .find(|f| f.cells.iter().any(|c| c == "p4.review.total"))
        .unwrap();
    assert_eq!(
        (review.rule.id(), review.expected, review.actual),
        ("P4-SUM", Some(11), Some(0))
    );
    assert_eq!(
        review.message,
        "行政复议：结果维持10 + 结果纠正1 + 其他结果0 + 尚未审结0 = 11，但总计填报为0"
    );
    assert_eq!(
        review.message_en,
        "Administrative review: 10 + 1 + 0 + 0 = 11, but the total is 0"
    );
    assert_eq!(
        r.cells
            .get("p3.new.natural")
            .unwrap()
            .value
            .and_then(|v| v.as_i64()),
        Some(21)
    );
    assert_eq!(r.tables.p3, Some(gouji::FormatId::F2019));
    assert_eq!(r.tables.p2, Some(gouji::FormatId::F2021));
}

/// The prose figures the samples' README lists are read (and agree with the tables).
#[test]
fn prose_figures_of_the_samples_are_read() {
    let cases: [(&str, &[(Claim, i64)]); 3] = [
        ("guidong-2020", &[(Claim::New, 4)]),
        ("hongze-2023", &[(Claim::New, 21)]),
        (
            "huaian-2024",
            &[
                (Claim::New, 3119),
                (Claim::CarriedIn, 34),
                (Claim::CarriedOut, 103),
                (Claim::Review, 351),
                (Claim::Suits, 46),
            ],
        ),
    ];
    for (name, want) in cases {
        let text = fixture(&format!("samples/{name}.txt"));
        let doc = gouji::read::tokens::lines_of_text(&text);
        let lines = doc.lines();
        let o = gouji::read::outline::outline(&lines);
        let prose = gouji::read::outline::Prose::from_lines(&lines, |i| o.in_region(i));
        let got: Vec<(Claim, i64)> = figures(&prose)
            .into_iter()
            .map(|f| (f.claim, f.value))
            .collect();
        for w in want {
            assert!(got.contains(w), "{name}: {w:?} not among {got:?}");
        }
    }
}

/// The JSON of each sample's result, pinned: the WebAssembly tests compare the JavaScript
/// object against these files, so the boundary gives exactly the native result.
/// `GOUJI_BLESS=1 cargo test` rewrites them after a deliberate change.
#[test]
fn sample_results_match_their_pinned_json() {
    for name in SAMPLES {
        let json = serde_json::to_string(&run(&fixture(&format!("samples/{name}.txt")))).unwrap();
        let path = super::support::fixture_path(&format!("samples/{name}.json"));
        if std::env::var_os("GOUJI_BLESS").is_some() {
            std::fs::write(&path, &json).unwrap();
        }
        let pinned = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            pinned == json,
            "{name}: the result differs from {name}.json (GOUJI_BLESS=1 to accept)"
        );
    }
}

/// The wire keys of docs/result.md are pinned.
#[test]
fn result_keys_are_the_contract() {
    let v: serde_json::Value =
        serde_json::to_value(run(&fixture("samples/hongze-2023.txt"))).unwrap();
    let sorted = |o: &serde_json::Value| {
        let mut k: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        sorted(&v),
        [
            "cells",
            "findings",
            "format",
            "indicators",
            "input",
            "schema",
            "summary",
            "tables",
            "title",
            "version",
            "year"
        ]
    );
    let f = &v["findings"][0];
    assert_eq!(
        sorted(f),
        [
            "actual",
            "at",
            "cells",
            "expected",
            "message",
            "message_en",
            "rule",
            "severity",
            "source",
            "suspects"
        ]
    );
    let c = &v["cells"]["p4.review.total"];
    assert_eq!(c["value"], 0);
    assert_eq!(c["raw"], "0");
    assert_eq!(c["at"]["line"], 149);
    assert_eq!(
        sorted(&v["summary"]),
        ["cells_read", "errors", "infos", "unread", "warnings"]
    );
}

/// The indicators evaluators compute, from the tables (huaian-2024: (1362 + 454) / 3050, 64 / 351,
/// (4 + 1) / (26 + 20), 103 / (3119 + 34)); none where a denominator is 0 (hongze's review total).
#[test]
fn indicators_are_computed_from_the_tables() {
    let r = run(&fixture("samples/huaian-2024.txt"));
    let i = r.indicators;
    assert_eq!(i.disclosure_rate, Some(0.5954));
    assert_eq!(i.review_correction_rate, Some(0.1823));
    assert_eq!(i.suit_correction_rate, Some(0.1087));
    assert_eq!(i.carry_rate, Some(0.0327));
    let h = run(&fixture("samples/hongze-2023.txt"));
    assert_eq!(h.indicators.review_correction_rate, None);
    assert_eq!(h.indicators.disclosure_rate, Some(0.1905));
    let html = gouji::render_html(&r);
    assert!(
        html.contains("公开率 59.5% · 行政复议纠错率 18.2% · 行政诉讼纠错率 10.9% · 结转率 3.3%"),
        "indicators shown"
    );
}
