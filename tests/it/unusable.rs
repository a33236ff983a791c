//! Unusable input gives one clear finding, `format: "unknown"`, and no panic.

use super::support::{fixture, run};

#[test]
fn unusable_inputs_give_one_clear_finding() {
    let binary: String = (0u8..=255)
        .cycle()
        .take(3000)
        .map(char::from)
        .collect::<String>()
        .replace('\n', "\0");
    let cases: [(&str, String, &str); 8] = [
        ("empty", String::new(), "输入为空"),
        ("blank lines", "\n \n\t\n".to_owned(), "输入为空"),
        ("binary", binary, "不是文本"),
        (
            "unrelated prose",
            fixture("unusable/prose.txt"),
            "未找到政府信息公开年报的表格",
        ),
        (
            "pre-2019 report",
            fixture("unusable/pre2019.txt"),
            "2019年以前",
        ),
        (
            "tables as images",
            fixture("unusable/images.txt"),
            "表格可能是图片",
        ),
        // one row's figures with no label: no telling which row of part 三 they are
        (
            "a lone row of 7 figures",
            "3\t0\t1\t0\t0\t0\t4\n".to_owned(),
            "只有 7 个数字",
        ),
        (
            "figures of no table's count",
            "1 2 3\n4 5 6\n7 8 9 10\n".to_owned(),
            "只有 10 个数字",
        ),
    ];
    for (what, text, says) in cases {
        let r = run(&text);
        assert_eq!(r.format, "unknown", "{what}");
        assert_eq!(r.summary.cells_read, 0, "{what}");
        assert_eq!(r.findings.len(), 1, "{what}: {:?}", r.findings);
        let f = &r.findings[0];
        assert_eq!(
            (f.rule.id(), f.severity.as_str()),
            ("TABLE-MISSING", "error"),
            "{what}"
        );
        assert!(f.message.contains(says), "{what}: {}", f.message);
        assert!(!f.message_en.is_empty());
    }
}

#[test]
fn figures_run_together_are_split_by_the_relations_not_guessed() {
    // issue 22: each row here splits only one way (seven digits, seven counts), so every part
    // 三 cell is recovered and marked so — and nothing is read that the relations leave open
    let r = run(&fixture("unusable/run-together.txt"));
    assert_eq!(r.input, gouji::model::Input::Glued);
    let p3: Vec<_> = r
        .cells
        .0
        .iter()
        .filter(|(id, _)| id.starts_with("p3."))
        .collect();
    assert_eq!(p3.len(), 161, "{:?}", r.findings);
    assert!(p3
        .iter()
        .all(|(_, c)| c.read.as_deref() == Some("split") && c.raw.len() == 1));
    assert_eq!(
        r.cells
            .get("p3.new.total")
            .map(|c| c.raw.to_string())
            .as_deref(),
        Some("4")
    );
    assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
}

#[test]
fn a_row_with_a_glued_figure_is_not_read() {
    // one row's seven figures glued into one: that row is reported, the others read
    let text = fixture("rules/P3-ROW.pass.txt").replace(
        "（一）予以公开\t6\t2421\t0\t0\t2301\t78\t4806",
        "（一）予以公开\t624210023017804806",
    );
    let r = run(&text);
    assert!(r.cells.get("p3.granted.natural").is_none());
    assert!(r.cells.get("p3.partial.natural").is_some());
    let f = r
        .findings
        .iter()
        .find(|f| f.cells.iter().any(|c| c == "p3.granted.natural"))
        .unwrap();
    assert_eq!(f.rule, "TABLE-MISSING");
    assert!(f.message.contains("连在一起"), "{}", f.message);
}
