//! The WebAssembly boundary: the only module that knows about JavaScript. Each export converts
//! its input, calls the core, and converts the output with the one serializer below.
//!
//! HTML is read with the browser's own parser (`DOMParser`, which runs no script and loads
//! nothing); its tables become grid rows with spans expanded by `read::grid`, its other text
//! one row per block, and the grid goes to the core's grid entry point.

use gouji::format::ReportFormat;
use gouji::model::{Input, Rule, Severity, Source};
use gouji::render::{self, Lang};
use gouji::result::{
    At, CellOut, Cells, CheckResult, FindingOut, Num, RelationOut, Summary, SuspectOut, Tables,
};
use gouji::{FormatId, Options};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// Missing as `null`, maps as plain objects (docs/result.md's `cells` is an object).
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../../../www/gouji-types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// `{ format?: "auto" | "F2019" | "F2021" }` (see gouji-types.d.ts).
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type CheckOptions;
}

#[cfg(feature = "prev")]
mod batch;
mod html;
mod js;
mod options;

#[cfg(feature = "prev")]
pub use batch::*;
use html::*;
use js::*;
use options::*;

/// Checks pasted text; returns the result object of docs/result.md.
#[wasm_bindgen(js_name = check, unchecked_return_type = "CheckResult")]
pub fn check(text: &str, options: Option<CheckOptions>) -> Result<JsValue, JsError> {
    let asked = options_of(options)?;
    finish(
        gouji::check(text, &asked.options),
        || text.to_owned(),
        asked,
    )
}

/// Checks a grid: an array of rows, each an array of cell strings (spans already expanded).
#[wasm_bindgen(js_name = checkGrid, unchecked_return_type = "CheckResult")]
pub fn check_grid(
    #[wasm_bindgen(unchecked_param_type = "string[][]")] rows: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsError> {
    let rows = grid_of_js(&rows)?;
    let asked = options_of(options)?;
    finish(
        gouji::check_grid(&rows, &asked.options),
        || gouji::grid_text(&rows),
        asked,
    )
}

/// Checks a PDF's text, page by page (what the file readers' `readFile` gives for a PDF):
/// every position says its page, `{page, line, col}`.
#[wasm_bindgen(js_name = checkPdf, unchecked_return_type = "CheckResult")]
pub fn check_pdf(
    #[wasm_bindgen(unchecked_param_type = "string[]")] pages: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsError> {
    let pages = pages_of(&pages)?;
    let asked = options_of(options)?;
    finish(
        gouji::check_pdf(&pages, &asked.options),
        || pages.concat(),
        asked,
    )
}

/// Reads HTML (a clipboard's `text/html`, a saved page) into grid rows: tables with spans
/// expanded, other text one row per block.
#[wasm_bindgen(js_name = htmlToGrid, unchecked_return_type = "string[][]")]
pub fn html_to_grid(html: &str) -> Result<JsValue, JsError> {
    let rows = grid_of_html(html)?;
    serde::Serialize::serialize(&rows, &SERIALIZER).map_err(to_js_error)
}

/// Checks HTML: `htmlToGrid` then `checkGrid`; the result's `input` is "html". (Not in the
/// page's first load, whose view reads HTML with `htmlToGrid` and checks the grid.)
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = checkHtml, unchecked_return_type = "CheckResult")]
pub fn check_html(html: &str, options: Option<CheckOptions>) -> Result<JsValue, JsError> {
    let rows = grid_of_html(html)?;
    let asked = options_of(options)?;
    let mut result = gouji::check_grid(&rows, &asked.options);
    result.input = Input::Html;
    finish(result, || gouji::grid_text(&rows), asked)
}

/// Checks a file's content, whatever its kind, as the page's reading gives it (content.js, the
/// file readers, the picture reader): `{ text }`, `{ html }`, `{ grid, input? }`, `{ pages }` or
/// `{ pictured }` — one dispatch, here, for every host. (Not in the page's first load.)
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = checkContent, unchecked_return_type = "CheckResult")]
pub fn check_content(
    #[wasm_bindgen(unchecked_param_type = "Content")] content: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsError> {
    let asked = options_of(options)?;
    let (result, text) = checked_content(&content, &asked.options, "checkContent takes")?;
    finish(result, || text, asked)
}

/// Checks figures typed into the empty official form: `cells` maps cell ids to text. (Not in
/// the page's first load: the page loads the whole core when the form is opened.)
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = checkCells, unchecked_return_type = "CheckResult")]
pub fn check_cells(
    #[wasm_bindgen(unchecked_param_type = "{ [id: string]: string }")] cells: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"F2019\" | \"F2021\"")] format: &str,
) -> Result<JsValue, JsError> {
    let cells: Vec<(String, String)> = entries(&cells)
        .into_iter()
        .map(|(k, v)| Ok((k, text_of(&v)?)))
        .collect::<Result<_, JsError>>()?;
    let format: FormatId = format.parse().map_err(to_js_error)?;
    to_js(&gouji::check_cells(&cells, format))
}

/// Checks the figures read from a picture (a scan's pages, a screenshot): `pictured` is what
/// the image module's `readPictures` gives — each placed cell's readings, best first, with
/// their probabilities, and its box. The tables' arithmetic chooses among the readings; every
/// cell is `read: "image"` with its `confidence` and `at: { page, x, y, w, h }`. A cell the
/// user has confirmed is given as one reading of probability 1. (Not in the page's first load:
/// the page loads the whole core with the image module.)
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = checkSeen, unchecked_return_type = "CheckResult")]
pub fn check_seen(
    #[wasm_bindgen(unchecked_param_type = "Pictured")] pictured: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsError> {
    let asked = options_of(options)?;
    let pictured: gouji::seen::Pictured =
        serde_wasm_bindgen::from_value(pictured).map_err(to_js_error)?;
    finish(gouji::seen::check_seen(&pictured), String::new, asked)
}

/// The `<td>` (or `<th>`) under `root` that a position `{row, cell}` of the grid read from
/// `root` came from (the same reading as `checkHtml`'s): where the widget writes a fix into an
/// editor's content. `undefined` for a position no table cell covers. (Not in the page's first
/// load: the widget ships the whole core.)
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = cellSource)]
pub fn cell_source(root: &Node, row: u32, cell: u32) -> Option<Node> {
    gouji_files::html::source_of(&BrowserDom, root, row as usize, cell as usize)
}

fn result_of(value: JsValue) -> Result<CheckResult, JsError> {
    result_from_js(&value)
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
    gouji::edit::set_cell_text(text, line, col, old, new)
}

/// A format option's name as gouji reads it everywhere: `"auto"`, `"F2019"` or `"F2021"` for any
/// spelling the command line accepts; an error naming the accepted ones for anything else. The
/// widget and the iframe check their `format` with it, so every host says the same.
#[wasm_bindgen(js_name = formatName)]
pub fn format_name(name: &str) -> Result<String, JsError> {
    let choice = FormatId::parse_choice(name).map_err(to_js_error)?;
    Ok(choice.map_or("auto", FormatId::as_str).to_owned())
}

/// The body a report's title names, normalised as the cross-year pairing matches two years'
/// reports (「淮安市人民政府2024年政府信息公开工作年度报告」 → 「淮安市」); null for none.
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = bodyName)]
pub fn body_name(title: &str) -> Option<String> {
    gouji::rules::cross::body(title)
}

/// The gouji version. (Not in the page's first load: the page shows the result's `version`.)
#[cfg(feature = "prev")]
#[wasm_bindgen]
pub fn version() -> String {
    gouji::VERSION.to_owned()
}

#[cfg(test)]
mod tests;
