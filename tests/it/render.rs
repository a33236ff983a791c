//! The HTML rendering: official layout, marked cells, linked findings, escaping.

use super::support::{fixture, run};
use gouji::render_html;

#[test]
fn wrong_cells_are_marked_and_linked() {
    let html = render_html(&run(&fixture("samples/hongze-2023.txt")));
    assert!(html.contains("发现 2 处错误、1 处提醒"));
    let cell = html
        .split("id=\"gouji-cell-p4.review.total\"")
        .nth(1)
        .unwrap();
    let cell = &cell[..cell.find("</td>").unwrap()];
    assert!(cell.contains("error suspect"), "{cell}");
    assert!(
        cell.contains("aria-describedby=\"gouji-finding-1"),
        "{cell}"
    );
    assert!(
        cell.contains("✗"),
        "a text marker, not colour alone: {cell}"
    );
    assert!(html.contains("href=\"#gouji-cell-p4.review.total\""));
    // the table of each part, with the official header note
    for id in ["gouji-p2", "gouji-p3", "gouji-p4"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(html.contains("本列数据的勾稽关系为"));
    assert_eq!(html.matches("<td id=\"gouji-cell-p3.").count(), 161);
}

#[test]
fn a_clean_report_still_shows_its_tables() {
    let html = render_html(&run(&fixture("samples/huaian-2024.txt")));
    assert!(html.contains("通过：各项数据勾稽关系正确"));
    assert_eq!(html.matches("<td id=\"gouji-cell-p3.").count(), 175);
    assert!(!html.contains("gouji-cell error"));
}

#[test]
fn input_text_cannot_become_markup() {
    let evil = fixture("rules/TABLE-EXTRA.fail.txt")
        .replace("其他主动公开文件", "<img src=x onerror=alert(1)>");
    let evil = evil.replace("规章\t10", "规章\t<script>alert(1)</script>");
    let html = render_html(&run(&evil));
    assert!(!html.contains("<img"), "unescaped img");
    assert!(!html.contains("<script"), "unescaped script");
    assert!(html.contains("&lt;script&gt;") || html.contains("&lt;img"));
}

#[test]
fn clean_tables_for_the_clipboard() {
    let r = run(&fixture("samples/huaian-2024.txt"));
    let tsv = gouji::render::tables_tsv(&r);
    assert!(
        tsv.contains("（一）予以公开\t1288\t21\t0\t0\t50\t3\t1362\n"),
        "{tsv}"
    );
    // the TSV reads back to the same figures
    let again = run(&tsv);
    for (id, c) in &r.cells.0 {
        assert_eq!(again.cells.get(id).map(|x| x.value), Some(c.value), "{id}");
    }
    let html = gouji::render::tables_html(&r, gouji::render::Lang::Zh);
    assert!(!html.contains("gouji-cell") && !html.contains("✗"));
    assert!(html.contains("<td>1288</td>"));
}

#[test]
fn the_form_checks_what_was_typed() {
    use gouji::{check_cells, FormatId};
    let empty = check_cells::<&str>(&[], FormatId::F2021);
    assert_eq!((empty.summary.cells_read, empty.findings.len()), (0, 0));
    assert_eq!(empty.input, "form");
    // one row typed, its total wrong
    let typed = [
        ("p3.new.natural", "3"),
        ("p3.new.business", "1"),
        ("p3.new.total", "5"),
    ];
    let r = check_cells(&typed, FormatId::F2021);
    assert_eq!(r.summary.cells_read, 7);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "P3-ROW")
        .expect("the row is checked");
    assert_eq!(f.suspects[0].cell, "p3.new.total");
    assert_eq!(f.suspects[0].fix, 4);
    assert!(r.findings.iter().any(|f| f.rule == "CELL-BLANK"));
    let html = gouji::render_html(&r);
    assert_eq!(html.matches("<td id=\"gouji-cell-p3.").count(), 175);
}

#[test]
fn one_wrong_cell_is_one_item_with_its_relations_inside() {
    let html = render_html(&run(&fixture("rules/P3-SUM.fail.txt")));
    assert!(html.contains("发现 1 处错误"), "one cause, one error");
    let item = html.split("class=\"gouji-finding error\"").nth(1).unwrap();
    let item = &item[..item.find("</ul>").expect("the relations inside the item")];
    assert!(item.contains("class=\"gouji-relations\""), "{item}");
    assert!(item.contains("<li data-rule=\"P3-ROW\">"), "{item}");
    assert!(item.contains("<li data-rule=\"P3-SUM\">"), "{item}");
    assert_eq!(html.matches("class=\"gouji-finding error\"").count(), 1);
    // the one cell to fix is the suspect; the other cells of both relations are related
    let cell = html
        .split("id=\"gouji-cell-p3.rejected.confirm.business\"")
        .nth(1)
        .unwrap();
    assert!(cell[..cell.find("</td>").unwrap()].contains("suspect"));
}
