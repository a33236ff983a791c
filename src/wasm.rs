//! The WebAssembly boundary: the only module that knows about JavaScript. Each export converts
//! its input, calls the core, and converts the output with the one serializer below.
//!
//! HTML is read with the browser's own parser (`DOMParser`, which runs no script and loads
//! nothing); its tables become grid rows with spans expanded by `read::grid`, its other text
//! one row per block, and the grid goes to the core's grid entry point.

use crate::read::grid::{expand, SpanCell};
use crate::render::{self, Lang};
use crate::result::CheckResult;
use crate::{FormatId, Options};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// Missing as `null`, maps as plain objects (RESULT.md's `cells` is an object).
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../www/gouji-types.d.ts");

/// The options every check takes (all optional).
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    /// "auto" (default), "F2019" or "F2021".
    format: Option<String>,
}

fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let o: JsOptions = serde_wasm_bindgen::from_value(value).map_err(to_js_error)?;
    let format = match o.format.as_deref() {
        None | Some("auto") | Some("") => None,
        Some("F2019") => Some(FormatId::F2019),
        Some("F2021") => Some(FormatId::F2021),
        Some(other) => {
            return Err(JsError::new(&format!(
                "unknown format “{other}”: use auto, F2019 or F2021"
            )))
        }
    };
    Ok(Options { format })
}

fn to_js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn to_js(result: &CheckResult) -> Result<JsValue, JsError> {
    serde::Serialize::serialize(result, &SERIALIZER).map_err(to_js_error)
}

/// Checks pasted text; returns the result object of RESULT.md.
#[wasm_bindgen(js_name = check, unchecked_return_type = "CheckResult")]
pub fn check(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "CheckOptions")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&crate::check(text, &options(options_value)?))
}

/// Checks a grid: an array of rows, each an array of cell strings (spans already expanded).
#[wasm_bindgen(js_name = checkGrid, unchecked_return_type = "CheckResult")]
pub fn check_grid(
    #[wasm_bindgen(unchecked_param_type = "string[][]")] rows: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CheckOptions")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    let rows: Vec<Vec<String>> = serde_wasm_bindgen::from_value(rows).map_err(to_js_error)?;
    to_js(&crate::check_grid(&rows, &options(options_value)?))
}

/// Reads HTML (a clipboard's `text/html`, a saved page) into grid rows: tables with spans
/// expanded, other text one row per block.
#[wasm_bindgen(js_name = htmlToGrid, unchecked_return_type = "string[][]")]
pub fn html_to_grid(html: &str) -> Result<JsValue, JsError> {
    let rows = grid_of_html(html)?;
    serde::Serialize::serialize(&rows, &SERIALIZER).map_err(to_js_error)
}

/// Checks HTML: `htmlToGrid` then `checkGrid`; the result's `input` is "html".
#[wasm_bindgen(js_name = checkHtml, unchecked_return_type = "CheckResult")]
pub fn check_html(
    html: &str,
    #[wasm_bindgen(unchecked_param_type = "CheckOptions")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    let rows = grid_of_html(html)?;
    let mut result = crate::check_grid(&rows, &options(options_value)?);
    result.input = "html".to_owned();
    to_js(&result)
}

fn result_of(value: JsValue) -> Result<CheckResult, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(to_js_error)
}

/// The result drawn as HTML (verdict, findings, the tables on the official layout).
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "CheckResult")] result: JsValue,
    lang: Option<String>,
) -> Result<String, JsError> {
    Ok(render::html_lang(
        &result_of(result)?,
        Lang::parse(lang.as_deref().unwrap_or("zh")),
    ))
}

/// The three tables as plain HTML, for the clipboard.
#[wasm_bindgen(js_name = tablesHtml)]
pub fn tables_html(
    #[wasm_bindgen(unchecked_param_type = "CheckResult")] result: JsValue,
    lang: Option<String>,
) -> Result<String, JsError> {
    Ok(render::tables_html(
        &result_of(result)?,
        Lang::parse(lang.as_deref().unwrap_or("zh")),
    ))
}

/// The three tables as tab-separated text, for the clipboard.
#[wasm_bindgen(js_name = tablesTsv)]
pub fn tables_tsv(
    #[wasm_bindgen(unchecked_param_type = "CheckResult")] result: JsValue,
) -> Result<String, JsError> {
    Ok(render::tables_tsv(&result_of(result)?))
}

/// Writes `new` over the cell that starts at `line:col` and reads `old` (see `edit`); `undefined`
/// when the text there is not `old`.
#[wasm_bindgen(js_name = setCellText)]
pub fn set_cell_text(text: &str, line: u32, col: u32, old: &str, new: &str) -> Option<String> {
    crate::edit::set_cell_text(text, line, col, old, new)
}

/// The gouji version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

// ---- HTML to grid -------------------------------------------------------------------------

const ELEMENT: u16 = 1;
const TEXT: u16 = 3;

fn grid_of_html(html: &str) -> Result<Vec<Vec<String>>, JsError> {
    let parser = DomParser::new().map_err(|_| JsError::new("this browser has no DOMParser"))?;
    let doc = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| JsError::new("the HTML could not be parsed"))?;
    let mut rows = Vec::new();
    if let Some(body) = doc.body() {
        let mut line = String::new();
        walk(body.as_ref(), &mut rows, &mut line);
        flush(&mut rows, &mut line);
    }
    Ok(rows)
}

fn tag(e: &Element) -> String {
    e.tag_name().to_ascii_uppercase()
}

fn skipped(tag: &str) -> bool {
    matches!(
        tag,
        "SCRIPT"
            | "STYLE"
            | "TEMPLATE"
            | "NOSCRIPT"
            | "HEAD"
            | "TITLE"
            | "svg"
            | "SVG"
            | "MATH"
            | "IFRAME"
            | "OBJECT"
    )
}

fn block(tag: &str) -> bool {
    matches!(
        tag,
        "P" | "DIV"
            | "H1"
            | "H2"
            | "H3"
            | "H4"
            | "H5"
            | "H6"
            | "LI"
            | "UL"
            | "OL"
            | "SECTION"
            | "ARTICLE"
            | "HEADER"
            | "FOOTER"
            | "BLOCKQUOTE"
            | "PRE"
            | "TR"
            | "DL"
            | "DT"
            | "DD"
            | "CENTER"
            | "FORM"
            | "MAIN"
            | "NAV"
    )
}

fn flush(rows: &mut Vec<Vec<String>>, line: &mut String) {
    let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        rows.push(vec![text]);
    }
    line.clear();
}

fn walk(node: &Node, rows: &mut Vec<Vec<String>>, line: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            TEXT => line.push_str(&child.text_content().unwrap_or_default()),
            ELEMENT => {
                let Some(e) = child.dyn_ref::<Element>() else {
                    continue;
                };
                let t = tag(e);
                if skipped(&t) {
                    continue;
                }
                if t == "TABLE" {
                    flush(rows, line);
                    rows.extend(table_rows(e));
                } else if t == "BR" {
                    flush(rows, line);
                } else if block(&t) {
                    flush(rows, line);
                    walk(&child, rows, line);
                    flush(rows, line);
                } else {
                    walk(&child, rows, line);
                }
            }
            _ => {}
        }
    }
}

/// The rows of a table (its own, not those of tables nested in it), spans expanded.
fn table_rows(table: &Element) -> Vec<Vec<String>> {
    let mut trs: Vec<Element> = Vec::new();
    collect_rows(table, &mut trs);
    let cells: Vec<Vec<SpanCell>> = trs
        .iter()
        .map(|tr| {
            let mut row = Vec::new();
            let kids = tr.children();
            for i in 0..kids.length() {
                let Some(td) = kids.item(i) else { continue };
                let t = tag(&td);
                if t != "TD" && t != "TH" {
                    continue;
                }
                let span = |name: &str| {
                    td.get_attribute(name)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                };
                let mut text = String::new();
                cell_text(td.as_ref(), &mut text);
                row.push(SpanCell {
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                    rowspan: span("rowspan"),
                    colspan: span("colspan"),
                });
            }
            row
        })
        .collect();
    expand(&cells)
}

fn collect_rows(e: &Element, out: &mut Vec<Element>) {
    let kids = e.children();
    for i in 0..kids.length() {
        let Some(k) = kids.item(i) else { continue };
        match tag(&k).as_str() {
            "TR" => out.push(k),
            "THEAD" | "TBODY" | "TFOOT" => collect_rows(&k, out),
            _ => {}
        }
    }
}

/// A cell's text: line breaks and blocks inside it become spaces; scripts and styles are skipped.
fn cell_text(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            TEXT => out.push_str(&child.text_content().unwrap_or_default()),
            ELEMENT => {
                let Some(e) = child.dyn_ref::<Element>() else {
                    continue;
                };
                let t = tag(e);
                if skipped(&t) {
                    continue;
                }
                if t == "BR" || block(&t) {
                    out.push(' ');
                }
                cell_text(&child, out);
                if block(&t) {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}
