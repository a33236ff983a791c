//! Reading HTML with the browser's own parser : a saved government page and a Word table, with rowspan/colspan, blank cells and
//! nested markup, read as the same cells as the text.
use crate as wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn cell_raw(r: &JsValue, id: &str) -> Option<String> {
    let c = get(&get(r, "cells"), id);
    if c.is_undefined() {
        None
    } else {
        get(&c, "raw").as_string()
    }
}

#[wasm_bindgen_test]
fn a_saved_government_page_reads_like_its_text() {
    let page = include_str!("../../../../tests/fixtures/html/gov-page.html");
    let r = wasm::check_html(page, None).unwrap();
    assert_eq!(get(&r, "input").as_string().as_deref(), Some("html"));
    assert_none(&r, &["errors", "warnings"]);
    reads_like_huaian(&r);
    assert_eq!(get(&r, "year").as_f64(), Some(2024.0));
    // grid positions: row and cell after span expansion
    let at = get(&get(&get(&r, "cells"), "p3.new.natural"), "at");
    assert!(get(&at, "row").as_f64().is_some() && get(&at, "cell").as_f64().is_some());
    // parsing ran no script of the page
    assert!(
        js_sys::Reflect::get(&js_sys::global(), &"__gouji_pwned".into())
            .unwrap()
            .is_undefined()
    );
}

#[wasm_bindgen_test]
fn a_value_cell_spanning_columns_is_one_value() {
    // 第二十条第（五）（六）（八）项 of a CMS page: <td colspan="3">447228</td> under 本年处理决定数量
    let page = include_str!("../../../../tests/fixtures/html/colspan-values.html");
    assert!(
        page.contains(r#"<td colspan="3"><p style="margin:0"><span style="font-size:14px">447228"#)
    );
    let r = wasm::check_html(page, None).unwrap();
    assert_none(&r, &["errors", "unread"]);
    reads_like_huaian(&r);
}

/// The result's summary counts none of `counts` (the findings in the message when it does).
fn assert_none(r: &JsValue, counts: &[&str]) {
    let findings: String = js_sys::JSON::stringify(&get(r, "findings")).unwrap().into();
    for k in counts {
        assert_eq!(
            get(&get(r, "summary"), k).as_f64(),
            Some(0.0),
            "{k}: {findings}"
        );
    }
}

/// Every cell of the result reads as in the text sample of the same report (huaian-2024).
fn reads_like_huaian(r: &JsValue) {
    let text = gouji::check(
        include_str!("../../../../tests/fixtures/samples/huaian-2024.txt"),
        &gouji::Options::default(),
    );
    for (id, c) in &text.cells.0 {
        assert_eq!(cell_raw(r, id).as_deref(), Some(c.raw.as_str()), "{id}");
    }
}

#[wasm_bindgen_test]
fn a_word_table_with_a_blank_cell() {
    let html = include_str!("../../../../tests/fixtures/html/word-table.html");
    let r = wasm::check_html(html, None).unwrap();
    let text = gouji::check(
        include_str!("../../../../tests/fixtures/samples/hongze-2023.txt"),
        &gouji::Options::default(),
    );
    for (id, c) in text.cells.0.iter().filter(|(id, _)| !id.starts_with("p2.")) {
        if id == "p3.granted.business" {
            assert_eq!(cell_raw(&r, id).as_deref(), Some(""), "the blank cell");
        } else {
            assert_eq!(cell_raw(&r, id).as_deref(), Some(c.raw.as_str()), "{id}");
        }
    }
    let findings = js_sys::Array::from(&get(&r, "findings"));
    let rules: Vec<String> = findings
        .iter()
        .map(|f| get(&f, "rule").as_string().unwrap())
        .collect();
    assert_eq!(
        rules.iter().filter(|r| *r == "P4-SUM").count(),
        2,
        "{rules:?}"
    );
    assert!(rules.iter().any(|r| r == "CELL-BLANK"), "{rules:?}");
}

#[wasm_bindgen_test]
fn html_to_grid_expands_spans() {
    let grid = wasm::html_to_grid(
        "<p>标题</p><table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>3</td></tr><tr><td>（二）<b>部分</b>公开</td><td></td><td>1</td></tr></table>",
    )
    .unwrap();
    let rows: Vec<Vec<String>> = js_sys::Array::from(&grid)
        .iter()
        .map(|r| {
            js_sys::Array::from(&r)
                .iter()
                .map(|c| c.as_string().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            vec!["标题".to_owned()],
            vec![
                "三、本年度办理结果".into(),
                "（一）予以公开".into(),
                "（一）予以公开".into(),
                "3".into()
            ],
            vec![
                "三、本年度办理结果".into(),
                "（二）部分公开".into(),
                "".into(),
                "1".into()
            ],
        ]
    );
}

#[wasm_bindgen_test]
fn the_browsers_parser_and_the_command_lines_read_every_html_fixture_alike() {
    // one reading (gouji_files::html::grid) over two trees: DOMParser's and gouji's own
    let pages = [
        (
            "gov-page",
            include_str!("../../../../tests/fixtures/html/gov-page.html"),
        ),
        (
            "word-table",
            include_str!("../../../../tests/fixtures/html/word-table.html"),
        ),
        (
            "colspan-values",
            include_str!("../../../../tests/fixtures/html/colspan-values.html"),
        ),
        (
            "markup-edge-cases",
            include_str!("../../../../tests/fixtures/html/markup-edge-cases.html"),
        ),
        (
            "hostile",
            include_str!("../../../../tests/e2e/pages/hostile.html"),
        ),
        ("two", include_str!("../../../../tests/e2e/pages/two.html")),
    ];
    for (name, html) in pages {
        let browser = wasm::grid_of_html(html).unwrap_or_else(|_| panic!("{name}: DOMParser"));
        let native = gouji_files::html::read(html);
        assert!(!native.is_empty(), "{name}: nothing read");
        for (i, (b, n)) in browser.iter().zip(&native).enumerate() {
            assert_eq!(b, n, "{name}: row {i}");
        }
        assert_eq!(browser.len(), native.len(), "{name}: rows");
    }
}
