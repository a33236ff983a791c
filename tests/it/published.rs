//! Reports as published (issue 13): whole rows left blank, a blank 总计 column, a row torn in
//! conversion. Fixtures in `tests/fixtures/published/`, made the way such reports come: a
//! tab-separated table (a browser's copy) that writes zero as an empty cell.

use super::support::{fixture, run};
use gouji::result::CheckResult;

fn findings_of<'r>(r: &'r CheckResult, rule: &str) -> Vec<&'r gouji::result::FindingOut> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn whole_blank_rows_are_read_as_blank_cells_not_missing_rows() {
    let r = run(&fixture("published/blank-zero-cells.tsv.txt"));
    // every cell of the three tables read: the rows left blank are there, their cells blank
    assert_eq!(r.summary.cells_read, 200);
    assert!(
        findings_of(&r, "TABLE-MISSING").is_empty(),
        "{:?}",
        r.findings
    );
    for id in [
        "p3.granted.natural",
        "p3.withheld.state_secret.total",
        "p3.other.misc.total",
    ] {
        let c = r.cells.get(id).unwrap_or_else(|| panic!("{id} read"));
        assert!(c.blank && c.raw.is_empty() && c.at.is_some(), "{id}: {c:?}");
    }
    // clean but blank: passed, with one note for the table's blank cells
    assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
    let blank = findings_of(&r, "CELL-BLANK");
    assert_eq!(blank.len(), 1);
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    assert!(
        blank[0].message.contains("第三部分有115格未填数字"),
        "{}",
        blank[0].message
    );
    assert_eq!(blank[0].cells.len(), 115);
}

#[test]
fn a_blank_total_column_is_one_finding_with_one_action() {
    let r = run(&fixture("published/blank-rows-and-total-column.tsv.txt"));
    assert_eq!(r.summary.cells_read, 200);
    assert_eq!(r.summary.unread, 0);
    // one cause, one error: the blank totals, each to be filled with its row's sum
    assert_eq!(r.summary.errors, 1, "{:?}", r.findings);
    let f = &findings_of(&r, "P3-ROW")[0];
    assert!(f.message.contains("「总计」列有16行空白"), "{}", f.message);
    assert!(
        f.message.contains("请按各列之和补全总计列"),
        "{}",
        f.message
    );
    // its cells: the 16 blank totals first, then the other cells of the 总计 column's relations
    // it stands for — （七）总计 among them (docs/result.md: a merged finding names every relation)
    assert!(f.cells.len() > 16, "{:?}", f.cells);
    assert!(
        f.cells.iter().all(|c| c.ends_with(".total")),
        "{:?}",
        f.cells
    );
    assert!(
        f.cells.iter().any(|c| c == "p3.total.total"),
        "{:?}",
        f.cells
    );
    // every relation it stands for is inside it: 16 rows and the column's 2
    let rules: Vec<&str> = f.relations.iter().map(|b| b.rule.id()).collect();
    assert_eq!(
        rules.iter().filter(|r| **r == "P3-ROW").count(),
        16,
        "{rules:?}"
    );
    assert_eq!(rules.len(), 18, "{rules:?}");
    assert!(rules.contains(&"P3-SUM"), "{rules:?}");
    let sum = f
        .relations
        .iter()
        .find(|b| b.rule.id() == "P3-SUM")
        .unwrap();
    assert!(
        sum.cells.iter().any(|c| c == "p3.total.total"),
        "{:?}",
        sum.cells
    );
    assert!(sum.expected != sum.actual && !sum.message.is_empty());
    // every fix is needed, not one of them: said as what to do, row by row
    assert!(f.fix_all);
    // the fixes fill in sums; none turns a figure into 0 to match a blank
    assert_eq!(f.suspects.len(), 16);
    assert!(f.suspects.iter().all(|s| s.fix > 0), "{:?}", f.suspects);
    assert!(
        f.suspects
            .iter()
            .any(|s| s.cell == "p3.new.total" && s.fix == 6635),
        "{:?}",
        f.suspects
    );
    // the 总计 column's own relations break through those blanks: inside the one finding
    assert!(f.message.contains("列向关系也不成立"), "{}", f.message);
    assert!(findings_of(&r, "P3-SUM").is_empty() && findings_of(&r, "P3-BAL").is_empty());
    // a blank is not a figure: the prose is not compared with it
    assert!(findings_of(&r, "TXT-NUM").is_empty(), "{:?}", r.findings);
    // the page shows the verdict and at most a handful of findings
    let html = gouji::render_html(&r);
    assert!(
        html.matches("<li id=\"gouji-finding-").count() <= 6,
        "{html}"
    );
    // the fixes are worded as one action, not as alternatives, with one button for them all
    let fixes = &html[html.find("gouji-fixes").unwrap()..];
    let fixes = &fixes[..fixes.find("</span>").unwrap()];
    assert!(
        fixes.contains("逐行补全：") && !fixes.contains("，或 "),
        "{fixes}"
    );
    assert!(html.contains("class=\"gouji-fix-all\""), "{html}");
    let en = gouji::render::html_lang(&r, gouji::render::Lang::En);
    assert!(
        en.contains("Fill in each: ") && !en.contains("Most likely"),
        "{en}"
    );
}

#[test]
fn a_total_column_printed_as_zeros_is_one_finding_like_a_blank_one() {
    let r = run(&fixture("published/zero-total-column.tsv.txt"));
    assert_eq!(r.summary.errors, 1, "{:?}", r.findings);
    let f = &findings_of(&r, "P3-ROW")[0];
    assert!(f.message.contains("「总计」列有5行填为0"), "{}", f.message);
    assert!(f.fix_all && f.suspects.len() == 5, "{:?}", f.suspects);
    assert_eq!(f.relations.len(), 5);
    assert!(f
        .relations
        .iter()
        .all(|b| b.rule.id() == "P3-ROW" && b.actual == 0));
    // the 0s of a column left unfilled are not figures the prose disagrees with
    assert!(findings_of(&r, "TXT-NUM").is_empty(), "{:?}", r.findings);
    // one 0 total among figures is that row's own error, with its own fix
    let one = fixture("published/zero-total-column.tsv.txt").replacen(
        "\t3\t0\t0\t0\t0\t0\t0",
        "\t3\t0\t0\t0\t0\t0\t3",
        1,
    );
    let r = run(&one);
    assert!(
        findings_of(&r, "P3-ROW").iter().all(|f| !f.fix_all),
        "{:?}",
        r.findings
    );
}

#[test]
fn a_zero_forced_by_a_blank_is_never_offered_as_a_fix() {
    // one row's total blank, its cells filled: the fix is the row's sum, not 0 for its cells
    let text = fixture("published/blank-zero-cells.tsv.txt").replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t\t\t\t\t\t3",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t\t\t\t\t\t",
    );
    let r = run(&text);
    let row: Vec<_> = findings_of(&r, "P3-ROW");
    assert_eq!(row.len(), 1, "{:?}", r.findings);
    assert!(
        row[0]
            .suspects
            .iter()
            .all(|s| s.fix != 0 || !s.cell.starts_with("p3.partial")),
        "{:?}",
        row[0].suspects
    );
    for f in &r.findings {
        for s in &f.suspects {
            let blank_beside = f
                .cells
                .iter()
                .any(|c| *c != s.cell && r.cells.get(c).is_some_and(|c| c.blank));
            assert!(!(s.fix == 0 && blank_beside), "{}: {} → 0", f.rule, s.cell);
        }
    }
}

#[test]
fn a_torn_row_is_what_gouji_could_not_read_not_the_reports_error() {
    let r = run(&fixture("published/torn-row.tsv.txt"));
    let torn: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.source == "reading")
        .collect();
    assert_eq!(torn.len(), 1, "{:?}", r.findings);
    assert!(
        torn[0].message.contains("读到6个数字，应为7个"),
        "{}",
        torn[0].message
    );
    // not counted as the report's error, not the verdict
    assert_eq!(r.summary.errors, 0);
    assert_eq!(r.summary.unread, 1);
    // the relations through the row it could not read are not reported as broken
    assert!(
        !r.findings
            .iter()
            .any(|f| f.source == "report" && f.severity == "error"),
        "{:?}",
        r.findings
    );
    let html = gouji::render_html(&r);
    assert!(html.contains("gouji-unread"), "shown apart");
    assert!(
        html.contains("请直接粘贴网页或 Word 中的表格"),
        "with what to do"
    );
}

/// (rule, severity) of the report's findings, sorted, for comparing two readings of one report.
fn report_findings(r: &CheckResult) -> Vec<(String, String)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.source == "report")
        .map(|f| (f.rule.to_string(), f.severity.to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn a_pdfs_text_in_reading_order_reads_as_the_report() {
    // `pdftotext -raw` of the official PDFs: every cell and finding as in the text samples
    for name in ["hongze-2023", "huaian-2024"] {
        let raw = run(&fixture(&format!("published/pdf-raw-{name}.txt")));
        let text = run(&fixture(&format!("samples/{name}.txt")));
        assert_eq!(raw.summary.cells_read, text.summary.cells_read, "{name}");
        for (id, c) in &text.cells.0 {
            let got = raw.cells.get(id).map(|c| c.value);
            assert_eq!(got, Some(c.value), "{name}: {id}");
        }
        assert_eq!(report_findings(&raw), report_findings(&text), "{name}");
    }
}

#[test]
fn a_pdfs_text_in_block_order_is_said_to_have_lost_its_structure() {
    // `pdftotext` without -layout (and several viewers' "copy all"): every label first, then
    // the figures a column at a time. Its tables cannot be read as rows; they are said to be
    // unreadable, never reported as arithmetic errors.
    for (name, errors) in [("hongze-2023", 2), ("huaian-2024", 0)] {
        let r = run(&fixture(&format!("published/pdf-block-order-{name}.txt")));
        let text = run(&fixture(&format!("samples/{name}.txt")));
        let lost: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.source == "reading")
            .collect();
        assert!(
            lost.iter()
                .any(|f| f.message.contains("第三部分表格的结构在复制时丢失")),
            "{name}: {:?}",
            r.findings
        );
        // the errors left are the report's own (hongze's two P4-SUM), nothing gouji made up
        assert_eq!(r.summary.errors, errors, "{name}: {:?}", r.findings);
        let own: Vec<_> = report_findings(&r)
            .into_iter()
            .filter(|(_, s)| s == "error")
            .collect();
        let expected: Vec<_> = report_findings(&text)
            .into_iter()
            .filter(|(_, s)| s == "error")
            .collect();
        assert_eq!(own, expected, "{name}");
        // a report whose tables could not be read is not said to pass
        let html = gouji::render_html(&r);
        if errors == 0 {
            assert!(html.contains("未能完整检查"), "{name}");
            assert!(!html.contains("通过："), "{name}");
        }
    }
}

/// The `<td>` of a cell in the rendered tables.
fn td<'h>(html: &'h str, id: &str) -> &'h str {
    let at = html
        .find(&format!("id=\"gouji-cell-{id}\""))
        .unwrap_or_else(|| panic!("{id} drawn"));
    let start = html[..at].rfind("<td").unwrap_or(at);
    let end = at + html[at..].find("</td>").unwrap_or(0);
    &html[start..end]
}

#[test]
fn the_table_shows_the_cause() {
    // the cell to fix strongly, the other cells of its relation lightly
    let r = run(&fixture("samples/hongze-2023.txt"));
    let html = gouji::render_html(&r);
    let wrong = td(&html, "p4.review.total");
    assert!(
        wrong.contains("error suspect") && wrong.contains("✗最可能有误"),
        "{wrong}"
    );
    let related = td(&html, "p4.review.upheld");
    assert!(
        related.contains(" related") && !related.contains("error"),
        "{related}"
    );
    // blank cells as blank (not painted as warnings)
    let r = run(&fixture("published/blank-zero-cells.tsv.txt"));
    let html = gouji::render_html(&r);
    let blank = td(&html, "p3.granted.natural");
    assert!(
        blank.contains(" blank") && blank.contains(">空<") && !blank.contains("warning"),
        "{blank}"
    );
    // a cell gouji could not read as not read
    let r = run(&fixture("published/torn-row.tsv.txt"));
    let html = gouji::render_html(&r);
    let unread = td(&html, "p3.partial.natural");
    assert!(
        unread.contains(" unread") && unread.contains("?未读"),
        "{unread}"
    );
}

#[test]
fn a_markdown_conversion_that_tore_labels_from_figures_is_not_the_reports_error() {
    // a PDF turned into Markdown: part 二's label rows and figure rows apart, a column lost
    let r = run(&fixture("published/markdown-torn-part2.txt"));
    let text = run(&fixture("samples/hongze-2023.txt"));
    // the report's own errors only (hongze's two P4-SUM); the torn blocks said to be unread
    assert_eq!(report_findings(&r), report_findings(&text));
    let torn: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.source == "reading")
        .collect();
    assert_eq!(torn.len(), 2, "{:?}", r.findings);
    assert!(torn.iter().all(|f| f.message.contains("在复制时分开了")));
    // a torn block stores none of its cells rather than a row's figures under another row
    for id in [
        "p2.rules.issued",
        "p2.normative.in_force",
        "p2.coercion.decisions",
    ] {
        assert!(r.cells.get(id).is_none(), "{id} read from a torn block");
    }
    // the blocks that kept their structure are read
    assert_eq!(
        r.cells
            .get("p2.licensing.decisions")
            .map(|c| c.raw.as_str()),
        Some("550")
    );
}

#[test]
fn blank_rows_of_part_two_are_blank_cells_too() {
    let text = fixture("published/blank-zero-cells.tsv.txt")
        .replace("规章\t27\t5\t34", "规章\t\t\t")
        .replace("行政强制\t77668", "行政强制\t");
    let r = run(&text);
    assert!(
        findings_of(&r, "TABLE-MISSING").is_empty(),
        "{:?}",
        r.findings
    );
    for id in [
        "p2.rules.issued",
        "p2.rules.in_force",
        "p2.coercion.decisions",
    ] {
        assert!(r.cells.get(id).is_some_and(|c| c.blank), "{id}");
    }
    assert!(
        findings_of(&r, "CELL-BLANK")
            .iter()
            .any(|f| f.message.contains("第二部分有4格未填数字")),
        "{:?}",
        r.findings
    );
}

#[test]
fn a_part_4_row_left_blank_is_fifteen_blank_cells_in_text_and_grid() {
    // the figure row of part 四 left blank (no review, no suit): a row of fifteen empty cells
    let r = run(&fixture("published/blank-part4-row.tsv.txt"));
    assert!(
        findings_of(&r, "TABLE-MISSING").is_empty(),
        "{:?}",
        r.findings
    );
    assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
    let c = r
        .cells
        .get("p4.suit_after_review.total")
        .expect("read as blank");
    assert!(c.blank && c.at.is_some(), "{c:?}");
    let blank = findings_of(&r, "CELL-BLANK");
    assert!(
        blank
            .iter()
            .any(|f| f.message.contains("第四部分有15格未填数字") && f.cells.len() == 15),
        "{:?}",
        blank.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    // the same as a grid (an HTML table's empty <td>s)
    let header: Vec<String> = ["行政复议", "行政诉讼"].map(String::from).to_vec();
    let mut rows: Vec<Vec<String>> = vec![
        vec!["四、政府信息公开行政复议、行政诉讼情况".into()],
        header,
    ];
    rows.push(vec![String::new(); 15]);
    let g = gouji::check_grid(&rows, &gouji::Options::default());
    assert_eq!(g.summary.cells_read, 15, "{:?}", g.findings);
    assert!(g.cells.get("p4.review.total").is_some_and(|c| c.blank));
    // a part 四 with its heading and no figure row at all is still missing
    let gone = run(&fixture("published/blank-part4-row.tsv.txt").replace(&"\t".repeat(14), ""));
    assert!(findings_of(&gone, "TABLE-MISSING")
        .iter()
        .any(|f| f.message.contains("第四部分")));
}

/// Part 四's fifteen figures of 淮安 2024, in official order.
const HUAIAN_P4: [&str; 15] = [
    "72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20",
];

fn p4_raws(r: &CheckResult) -> Vec<String> {
    gouji::format::part4::cells()
        .map(|(row, col)| {
            r.cells
                .get(&format!("{row}.{col}"))
                .map_or("?".to_owned(), |c| c.raw.to_string())
        })
        .collect()
}

#[test]
fn part_4_in_parts_is_placed_by_the_header_each_figure_sits_under() {
    // a column per group (figures in rows of three), a row per group (labelled), three rows of
    // five under one header (the groups in the form's order): each as its headers place it
    for name in [
        "part4-column-per-group.md",
        "part4-row-per-group.md",
        "part4-rows-no-labels.md",
    ] {
        let r = run(&fixture(&format!("published/{name}")));
        assert_eq!(p4_raws(&r), HUAIAN_P4, "{name}");
        assert_eq!(
            (r.summary.errors, r.summary.unread),
            (0, 0),
            "{name}: {:?}",
            r.findings
        );
    }
    // columns printed in another order: placed by their header words, not by position
    let text = fixture("published/part4-row-per-group.md")
        .replace(
            "| 类别 | 结果维持 | 结果纠正 |",
            "| 类别 | 结果纠正 | 结果维持 |",
        )
        .replace("| 行政复议 | 72 | 64 |", "| 行政复议 | 64 | 72 |")
        .replace("| 13 | 4 |", "| 4 | 13 |")
        .replace("| 12 | 1 | 1 |", "| 1 | 12 | 1 |");
    assert_eq!(p4_raws(&run(&text)), HUAIAN_P4);
}

#[test]
fn part_4_interleaved_with_its_header_words_is_still_said_lost_not_read() {
    // the other side of the line: a PDF's block order puts header words between runs that are
    // not a group's five figures under a header of five: not placed, said as lost
    let r = run(&fixture("published/pdf-block-order-huaian-2024.txt"));
    assert!(r.cells.0.iter().all(|(k, _)| !k.starts_with("p4.")));
    assert!(
        r.findings
            .iter()
            .any(|f| f.source == gouji::model::Source::Reading
                && f.cells.iter().any(|c| c == "p4.review.total")
                && f.message.contains("第四部分表格的结构在复制时丢失")),
        "{:?}",
        r.findings
    );
    // a table per group whose figure row lost one figure: not 15 placed, never shifted
    let text = fixture("published/part4-row-per-group.md")
        .replace("| 13 | 4 | 8 | 1 | 26 |", "| 13 | 4 | 8 | 26 |");
    let r = run(&text);
    assert!(
        r.cells.0.iter().all(|(k, _)| !k.starts_with("p4.")),
        "{:?}",
        r.cells
    );
    assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
    assert!(r.summary.unread > 0);
}

#[test]
fn labels_and_value_rows_torn_apart_are_placed_by_order_only_where_they_balance() {
    // three labels, then their three value rows: placed in the template's order
    let r = run(&fixture("published/torn-labels-then-values.md"));
    assert_eq!(
        (r.summary.errors, r.summary.unread),
        (0, 0),
        "{:?}",
        r.findings
    );
    let raw = |r: &CheckResult, id: &str| r.cells.get(id).map(|c| c.raw.to_string());
    assert_eq!(raw(&r, "p3.granted.total").as_deref(), Some("1362"));
    assert_eq!(raw(&r, "p3.partial.total").as_deref(), Some("454"));
    assert_eq!(
        raw(&r, "p3.withheld.state_secret.total").as_deref(),
        Some("2")
    );
    // one value row lost: no row of the stretch is read, its figures are said, and no cell is
    // filled from another row (state_secret once took 予以公开's 1362)
    let r = run(&fixture("published/torn-unbalanced.md"));
    for id in [
        "p3.granted.total",
        "p3.partial.total",
        "p3.withheld.state_secret.total",
    ] {
        assert_eq!(raw(&r, id), None, "{id}");
    }
    let torn: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.source == gouji::model::Source::Reading)
        .collect();
    assert_eq!(torn.len(), 1, "{:?}", r.findings);
    assert!(
        torn[0].message.contains("1288 21 0 0 50 3 1362"),
        "{}",
        torn[0].message
    );
    assert!(torn[0].cells.iter().any(|c| c == "p3.partial.natural"));
    assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
}

#[test]
fn a_part_2_row_left_out_is_a_warning_not_an_error() {
    let text = fixture("samples/huaian-2024.txt");
    let start = text.find("\n规章 ").unwrap() + 1;
    let end = start + text[start..].find('\n').unwrap() + 1;
    let r = run(&format!("{}{}", &text[..start], &text[end..]));
    let missing: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "TABLE-MISSING")
        .collect();
    assert_eq!(missing.len(), 1, "{:?}", r.findings);
    assert_eq!(missing[0].severity, gouji::model::Severity::Warning);
    assert!(missing[0].cells.iter().all(|c| c.starts_with("p2.rules.")));
    assert_eq!(r.summary.errors, 0);
}
