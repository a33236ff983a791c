//! Real-world variants of the format (docs/formats.md §3): subtotal rows under a group label, a 小计
//! column for 法人或其他组织, a blank cell in PDF text. Each is read, checked as what it is, and
//! reported as not in the format.

use super::support::{fixture, outcomes, run};

#[test]
fn subtotal_rows_are_checked_as_subtotals() {
    let r = run(&fixture("variants/subtotal-rows.txt"));
    assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
    assert!(r.cells.get("p3.withheld.natural").is_some());
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "TABLE-EXTRA" && f.message.contains("小计行")));
    let bad = run(&fixture("variants/subtotal-rows.bad.txt"));
    let all = outcomes(&bad);
    let sum = all
        .iter()
        .find(|f| f.rule == "P3-SUM")
        .expect("the subtotal is checked");
    assert!(sum.message.contains("小计"), "{}", sum.message);
    assert_eq!(sum.suspects.len(), 1);
    assert_eq!(sum.suspects[0].cell, "p3.withheld.natural");
}

#[test]
fn a_subtotal_column_is_checked_as_a_subtotal() {
    let r = run(&fixture("variants/subtotal-column.txt"));
    assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
    assert_eq!(
        r.cells
            .0
            .iter()
            .filter(|(id, _)| id.ends_with(".org_subtotal"))
            .count(),
        25
    );
    // the official columns are read where they are, not shifted by the extra one
    let plain = run(&fixture("rules/P3-ROW.pass.txt"));
    for (id, c) in plain.cells.0.iter() {
        assert_eq!(r.cells.get(id).map(|x| &x.raw), Some(&c.raw), "{id}");
    }
    let bad = run(&fixture("variants/subtotal-column.bad.txt"));
    let f = bad.findings.iter().find(|f| f.rule == "P3-ROW").unwrap();
    assert_eq!(f.suspects[0].cell, "p3.granted.org_subtotal");
    let html = gouji::render_html(&bad);
    assert!(html.contains("id=\"gouji-cell-p3.granted.org_subtotal\""));
}

#[test]
fn a_blank_total_in_pdf_text_is_a_blank_cell() {
    let r = run(&fixture("variants/hongze-blank-total.txt"));
    let cell = r.cells.get("p3.granted.total").unwrap();
    assert!(cell.blank);
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "CELL-BLANK" && f.cells.iter().any(|c| c == "p3.granted.total")));
}

/// A blank cell in a part 二 row of PDF text prints nothing: the row's figures are placed by
/// the columns of the other row of the block.
#[test]
fn a_blank_cell_in_a_pdf_part_2_row_is_placed_by_column() {
    let text = fixture("samples/hongze-2023.txt").replace(
        "行政规范性文件          0          5       5",
        "行政规范性文件                     5       5",
    );
    let r = run(&text);
    let issued = r.cells.get("p2.normative.issued").expect("the row is read");
    assert!(issued.blank);
    assert_eq!(
        r.cells.get("p2.normative.repealed").map(|c| c.raw.as_str()),
        Some("5")
    );
    assert_eq!(
        r.cells.get("p2.normative.in_force").map(|c| c.raw.as_str()),
        Some("5")
    );
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "CELL-BLANK" && f.cells.iter().any(|c| c == "p2.normative.issued")));
}
