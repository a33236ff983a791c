//! The WebAssembly boundary without a DOM: each
//! export gives, for each sample, exactly the native core's result; the serializer makes plain
//! objects and nulls; render takes a result back.
use crate as wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const SAMPLES: [(&str, &str, &str); 3] = [
    (
        "guidong-2020",
        include_str!("../../../../tests/fixtures/samples/guidong-2020.txt"),
        include_str!("../../../../tests/fixtures/samples/guidong-2020.json"),
    ),
    (
        "hongze-2023",
        include_str!("../../../../tests/fixtures/samples/hongze-2023.txt"),
        include_str!("../../../../tests/fixtures/samples/hongze-2023.json"),
    ),
    (
        "huaian-2024",
        include_str!("../../../../tests/fixtures/samples/huaian-2024.txt"),
        include_str!("../../../../tests/fixtures/samples/huaian-2024.json"),
    ),
];

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().into()
}

#[wasm_bindgen_test]
fn check_gives_the_native_result_for_each_sample() {
    for (name, text, native) in SAMPLES {
        let r = wasm::check(text, None).unwrap();
        assert_eq!(json(&r), native, "{name}");
    }
}

#[wasm_bindgen_test]
fn cells_are_a_plain_object_and_missing_values_are_null() {
    let r = wasm::check("（一）予以公开\t3\t0\t0\t0\t0\t0\t3", None).unwrap();
    let cells = get(&r, "cells");
    let proto = js_sys::Object::get_prototype_of(&cells);
    assert!(
        JsValue::from(proto).loose_eq(&JsValue::from(js_sys::Object::get_prototype_of(
            &js_sys::Object::new()
        )))
    );
    assert!(get(&r, "year").is_null());
    assert!(get(&r, "title").is_null());
    let blank = wasm::check("（七）总计\t1\t\t0\t0\t0\t0\t1", None).unwrap();
    let cell = get(&get(&blank, "cells"), "p3.total.business");
    assert!(get(&cell, "value").is_null());
    assert_eq!(get(&cell, "blank").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn render_takes_the_result_back() {
    for (name, text, _) in SAMPLES {
        let r = wasm::check(text, None).unwrap();
        let html = wasm::render(r.clone(), None).unwrap();
        assert_eq!(
            html,
            gouji::render_html(&gouji::check(text, &gouji::Options::default())),
            "{name}"
        );
        let tsv = wasm::tables_tsv(r).unwrap();
        assert!(tsv.contains("三、收到和处理政府信息公开申请情况"));
    }
}

#[wasm_bindgen_test]
fn grids_and_the_form() {
    // the tables of a clean sample, as tab-separated rows, read back as a grid
    let tsv = wasm::tables_tsv(wasm::check(SAMPLES[2].1, None).unwrap()).unwrap();
    let rows = js_sys::Array::new();
    for line in tsv.lines() {
        let row = js_sys::Array::new();
        for cell in line.split_whitespace() {
            row.push(&JsValue::from_str(cell));
        }
        rows.push(&row);
    }
    let r = wasm::check_grid(rows.into(), None).unwrap();
    assert_eq!(get(&get(&r, "summary"), "errors").as_f64(), Some(0.0));
    let cells = js_sys::Object::new();
    js_sys::Reflect::set(&cells, &"p4.review.upheld".into(), &"2".into()).unwrap();
    js_sys::Reflect::set(&cells, &"p4.review.total".into(), &"3".into()).unwrap();
    let form = wasm::check_cells(cells.into(), "F2021").unwrap();
    assert_eq!(get(&form, "input").as_string().as_deref(), Some("form"));
    assert_eq!(get(&get(&form, "summary"), "errors").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn caller_mistakes_are_errors_not_panics() {
    let bad = js_sys::Object::new();
    js_sys::Reflect::set(&bad, &"format".into(), &"F1999".into()).unwrap();
    assert!(wasm::check("x", Some(bad.unchecked_into())).is_err());
    assert!(wasm::check_grid(JsValue::from_str("not rows"), None).is_err());
    assert!(wasm::render(JsValue::from_f64(1.0), None).is_err());
    // one reading of format names, the command line's: unknown names are errors naming the
    // accepted ones, never a silent F2021 (the form included)
    assert_eq!(wasm::format_name("2019").ok().as_deref(), Some("F2019"));
    assert_eq!(wasm::format_name("").ok().as_deref(), Some("auto"));
    let message = |e: wasm_bindgen::JsError| {
        js_sys::Error::from(JsValue::from(e))
            .message()
            .as_string()
            .unwrap_or_default()
    };
    let err = wasm::format_name("F1999").map(|_| ()).unwrap_err();
    assert_eq!(
        message(err),
        "unknown format “F1999”: use auto, F2019 or F2021"
    );
    let err = wasm::check_cells(js_sys::Object::new().into(), "auto")
        .map(|_| ())
        .unwrap_err();
    assert_eq!(message(err), "unknown format “auto”: use F2019 or F2021");
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
    assert_eq!(
        wasm::set_cell_text("a 1", 1, 3, "1", "2").as_deref(),
        Some("a 2")
    );
}

#[wasm_bindgen_test]
fn prev_compares_with_last_years_report_in_every_variant() {
    let this = include_str!("../../../../tests/fixtures/samples/huaian-2024.txt");
    let last = include_str!("../../../../tests/fixtures/prev/huaian-2023-carry.txt");
    let mut native = gouji::check(this, &gouji::Options::default());
    let prev = gouji::check(last, &gouji::Options::default());
    gouji::compare(&mut native, this, &prev, last);
    let native = json(&wasm::to_js(&native).unwrap());
    assert!(
        native.contains("X-CARRY"),
        "the pair must disagree: {native}"
    );
    let options = |prev: JsValue| {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"prev".into(), &prev).unwrap();
        Some(o.unchecked_into::<wasm::CheckOptions>())
    };
    // last year's text, as a string and as { text }
    let r = wasm::check(this, options(last.into())).unwrap();
    assert_eq!(json(&r), native);
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"text".into(), &last.into()).unwrap();
    assert_eq!(json(&wasm::check(this, options(o.into())).unwrap()), native);
    // last year's as a grid: the same X-CARRY findings (its cells' positions are a grid's)
    let rows = js_sys::Array::new();
    for line in last.lines() {
        let row = js_sys::Array::new();
        for cell in line.split_whitespace() {
            row.push(&cell.into());
        }
        rows.push(&row);
    }
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"grid".into(), &rows).unwrap();
    let r = wasm::check(this, options(o.into())).unwrap();
    let carry = |r: &JsValue| {
        js_sys::Array::from(&get(r, "findings"))
            .iter()
            .filter(|f| get(f, "rule").as_string().as_deref() == Some("X-CARRY"))
            .map(|f| get(&f, "message").as_string().unwrap())
            .collect::<Vec<_>>()
    };
    let from_text = carry(&wasm::check(this, options(last.into())).unwrap());
    assert!(!from_text.is_empty());
    assert_eq!(carry(&r), from_text);
    assert_eq!(
        get(&get(&r, "prev"), "year").as_f64(),
        Some(2023.0),
        "prev says which report"
    );
    // anything else is refused with what prev must be
    let e = wasm::check(this, options(JsValue::from(3))).unwrap_err();
    let e: JsValue = e.into();
    assert!(get(&e, "message")
        .as_string()
        .unwrap()
        .contains("last year's report"));
}

/// `checkContent`: one dispatch for every kind of content the page reads, each checked as its
/// own export checks it, with its `input`; anything else refused, naming the kinds taken.
#[wasm_bindgen_test]
fn check_content_dispatches_each_kind_as_its_own_export() {
    let obj = |pairs: &[(&str, JsValue)]| {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            js_sys::Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
        }
        JsValue::from(o)
    };
    let (_, text, native) = SAMPLES[1];
    let r = wasm::check_content(obj(&[("text", text.into())]), None).unwrap();
    assert_eq!(json(&r), native);
    let pages = js_sys::Array::of1(&text.into());
    let r = wasm::check_content(obj(&[("pages", pages.into())]), None).unwrap();
    assert_eq!(get(&r, "input").as_string().as_deref(), Some("pdf"));
    assert_eq!(get(&get(&r, "summary"), "errors").as_f64(), Some(2.0));
    let rows = js_sys::Array::new();
    for line in text.lines() {
        let row = js_sys::Array::new();
        for cell in line.split_whitespace() {
            row.push(&cell.into());
        }
        rows.push(&row);
    }
    let r = wasm::check_content(
        obj(&[("grid", rows.into()), ("input", "docx".into())]),
        None,
    )
    .unwrap();
    assert_eq!(get(&r, "input").as_string().as_deref(), Some("docx"));
    let err = wasm::check_content(obj(&[("words", "x".into())]), None).unwrap_err();
    let msg: String = JsValue::from(err)
        .dyn_into::<js_sys::Error>()
        .unwrap()
        .message()
        .into();
    assert!(msg.contains("{ pages }"), "{msg}");
}
