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

/// The options every check takes (all optional): `{ format: "auto" | "F2019" | "F2021", prev }`.
struct Asked {
    options: Options,
    /// Last year's report (`prev`), checked, with its text (for the sentences it shares).
    prev: Option<(CheckResult, String)>,
    /// `batch: "file name"`: the result also carries `batch: { row, last }`, the summary row
    /// and what pairing needs of the report (`gouji::batch`), for the page's batch.
    batch: Option<String>,
}

fn options_of(value: Option<CheckOptions>) -> Result<Asked, JsError> {
    let Some(value) = value
        .map(JsValue::from)
        .filter(|v| !v.is_undefined() && !v.is_null())
    else {
        return Ok(Asked {
            options: Options::default(),
            prev: None,
            batch: None,
        });
    };
    let format = match get(&value, "format").as_string() {
        None => None,
        Some(name) => FormatId::parse_choice(&name).map_err(to_js_error)?,
    };
    Ok(Asked {
        options: Options { format },
        prev: prev_of(&get(&value, "prev"))?,
        batch: get(&value, "batch").as_string(),
    })
}

/// The page's first-load module checks one report: `prev` is refused, saying which module has it.
#[cfg(not(feature = "prev"))]
fn prev_of(v: &JsValue) -> Result<Option<(CheckResult, String)>, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    Err(JsError::new(
        "this build of gouji checks one report at a time: prev (last year's report) is in gouji-core.js",
    ))
}

/// `prev`: last year's report as text, or `{ text }`, `{ grid }`, `{ html }`, `{ pages }` (a
/// PDF's, as the file readers give them), `{ pictured }` (a picture's, as the image module
/// reads it). It is checked in its own year's format.
#[cfg(feature = "prev")]
fn prev_of(v: &JsValue) -> Result<Option<(CheckResult, String)>, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let options = Options::default();
    if let Some(text) = v.as_string() {
        return Ok(Some((gouji::check(&text, &options), text)));
    }
    let bad = || {
        JsError::new(
            "prev is last year's report: a string, or { text }, { grid }, { html }, { pages } or { pictured }",
        )
    };
    if !v.is_object() {
        return Err(bad());
    }
    if let Some(text) = get(v, "text").as_string() {
        return Ok(Some((gouji::check(&text, &options), text)));
    }
    if let Some(html) = get(v, "html").as_string() {
        let rows = grid_of_html(&html)?;
        let mut r = gouji::check_grid(&rows, &options);
        r.input = Input::Html;
        return Ok(Some((r, gouji::grid_text(&rows))));
    }
    let grid = get(v, "grid");
    if !grid.is_undefined() {
        let rows = grid_of_js(&grid)?;
        return Ok(Some((
            gouji::check_grid(&rows, &options),
            gouji::grid_text(&rows),
        )));
    }
    let pages = get(v, "pages");
    if !pages.is_undefined() {
        let pages = pages_of(&pages)?;
        return Ok(Some((gouji::check_pdf(&pages, &options), pages.concat())));
    }
    // a picture's readings (the image module's `pictured`): figures, no sentences
    let pictured = get(v, "pictured");
    if !pictured.is_undefined() {
        let pictured: gouji::seen::Pictured =
            serde_wasm_bindgen::from_value(pictured).map_err(to_js_error)?;
        return Ok(Some((gouji::seen::check_seen(&pictured), String::new())));
    }
    Err(bad())
}

/// The result, compared with last year's report when one was given.
fn finish(
    result: CheckResult,
    text: impl FnOnce() -> String,
    asked: Asked,
) -> Result<JsValue, JsError> {
    #[cfg(feature = "prev")]
    {
        let mut result = result;
        let text = (asked.prev.is_some() || asked.batch.is_some()).then(text);
        if let (Some((prev, prev_text)), Some(text)) = (asked.prev, &text) {
            gouji::compare(&mut result, text, &prev, &prev_text);
        }
        let out = to_js(&result)?;
        if let (Some(file), Some(text)) = (asked.batch, &text) {
            #[derive(serde::Serialize)]
            struct Batch {
                row: gouji::batch::Row,
                last: gouji::rules::cross::Last,
            }
            let batch = Batch {
                row: gouji::batch::Row::of(&file, &result),
                last: gouji::rules::cross::Last::of(&result, text),
            };
            let batch = serde::Serialize::serialize(&batch, &SERIALIZER).map_err(to_js_error)?;
            js_sys::Reflect::set(&out, &JsValue::from_str("batch"), &batch)
                .map_err(|_| JsError::new("the result could not take its batch row"))?;
        }
        Ok(out)
    }
    #[cfg(not(feature = "prev"))]
    {
        let _ = (text, asked.prev, asked.batch);
        to_js(&result)
    }
}

fn pages_of(pages: &JsValue) -> Result<Vec<String>, JsError> {
    array(pages, "pages")?
        .iter()
        .map(|p| {
            p.as_string()
                .ok_or_else(|| JsError::new("each page must be a string"))
        })
        .collect()
}

fn to_js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

pub(crate) fn to_js(result: &CheckResult) -> Result<JsValue, JsError> {
    serde::Serialize::serialize(result, &SERIALIZER).map_err(to_js_error)
}

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

/// Every cell of a result as rows of a CSV table (file, body, year, format, part, row, column,
/// cell id, value, blank, where it was read, how: `split`/`image`), after the header (with a
/// BOM) unless `header` is false; with no result, the header alone. The command line's
/// `--cells-csv` writes the same rows.
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = cellsCsv)]
pub fn cells_csv(
    #[wasm_bindgen(unchecked_param_type = "CheckResult | null")] result: JsValue,
    file: Option<String>,
    header: Option<bool>,
) -> Result<String, JsError> {
    let mut out = String::new();
    if header.unwrap_or(true) {
        out.push_str(gouji::export::CELLS_CSV_HEADER);
    }
    if !result.is_null() && !result.is_undefined() {
        gouji::export::cells_csv(file.as_deref().unwrap_or(""), &result_of(result)?, &mut out);
    }
    Ok(out)
}

/// What a batch makes of a file (the command line's rule, one for every host): `null` for a
/// row of the summary, or why it is passed over. `kind` is what the file's bytes say it is
/// (`readFile`'s kind, or "text"/"html"), `cellsRead` null for a file that could not be read,
/// `walked` whether it was found in a folder.
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = batchDisposition)]
pub fn batch_disposition(kind: &str, cells_read: Option<u32>, walked: bool) -> Option<String> {
    match gouji::batch::disposition(kind, cells_read.map(|n| n as usize), walked) {
        gouji::batch::Disposition::Row => None,
        gouji::batch::Disposition::Skip(why) => Some(why.to_owned()),
    }
}

/// The summary row of a report's file that could not be read (`zh`, `en`: why).
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = batchUnreadable, unchecked_return_type = "BatchRow")]
pub fn batch_unreadable(file: &str, zh: &str, en: &str) -> Result<JsValue, JsError> {
    serde::Serialize::serialize(&gouji::batch::Row::unreadable(file, zh, en), &SERIALIZER)
        .map_err(to_js_error)
}

/// A batch's pairs (`gouji::batch::pair_batch`): `rows` the reports' summary rows, `lasts`
/// what each one's check kept (`batch.last`, or `null`). Returns the rows with what pairing
/// found counted in, and the notes to show (`{pair}`, `{same}`, `{clash}`, in the rows' order).
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = pairBatch, unchecked_return_type = "{ rows: BatchRow[], notes: BatchNote[] }")]
pub fn pair_batch(
    #[wasm_bindgen(unchecked_param_type = "BatchRow[]")] rows: JsValue,
    #[wasm_bindgen(unchecked_param_type = "(object | null)[]")] lasts: JsValue,
) -> Result<JsValue, JsError> {
    let mut rows: Vec<gouji::batch::Row> =
        serde_wasm_bindgen::from_value(rows).map_err(to_js_error)?;
    let lasts: Vec<Option<gouji::rules::cross::Last>> =
        serde_wasm_bindgen::from_value(lasts).map_err(to_js_error)?;
    if lasts.len() != rows.len() {
        return Err(JsError::new("pairBatch: one last (or null) per row"));
    }
    let notes = gouji::batch::pair_batch(&mut rows, &lasts);
    #[derive(serde::Serialize)]
    struct Paired {
        rows: Vec<gouji::batch::Row>,
        notes: Vec<gouji::batch::Note>,
    }
    serde::Serialize::serialize(&Paired { rows, notes }, &SERIALIZER).map_err(to_js_error)
}

/// The batch's summary as CSV (with a BOM; the command line's `--summary-csv`, byte for byte).
#[cfg(feature = "prev")]
#[wasm_bindgen(js_name = summaryCsv)]
pub fn summary_csv(
    #[wasm_bindgen(unchecked_param_type = "BatchRow[]")] rows: JsValue,
    skipped: u32,
) -> Result<String, JsError> {
    let rows: Vec<gouji::batch::Row> = serde_wasm_bindgen::from_value(rows).map_err(to_js_error)?;
    Ok(gouji::batch::summary_csv(&rows, skipped as usize))
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

/// The gouji version.
#[wasm_bindgen]
pub fn version() -> String {
    gouji::VERSION.to_owned()
}

// ---- HTML to grid -------------------------------------------------------------------------
// The browser parses (DOMParser: no script runs, nothing loads); the reading of the tree is
// gouji_files::html::grid, the one the command line runs over its own parser.

const ELEMENT: u16 = 1;
const TEXT: u16 = 3;

fn grid_of_html(html: &str) -> Result<Vec<Vec<String>>, JsError> {
    let parser = DomParser::new().map_err(|_| JsError::new("this browser has no DOMParser"))?;
    let doc = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| JsError::new("the HTML could not be parsed"))?;
    Ok(match doc.body() {
        Some(body) => gouji_files::html::grid(&BrowserDom, &Node::from(body)),
        None => Vec::new(),
    })
}

/// The browser's DOM as the reading sees it.
struct BrowserDom;

impl gouji_files::html::Dom for BrowserDom {
    type Id = Node;

    fn children(&self, node: &Node) -> Vec<Node> {
        let kids = node.child_nodes();
        (0..kids.length()).filter_map(|i| kids.item(i)).collect()
    }

    fn node(&self, node: &Node) -> gouji_files::html::Node<'_> {
        use gouji_files::html::Node as N;
        match node.node_type() {
            TEXT => N::Text(node.text_content().unwrap_or_default().into()),
            ELEMENT => match node.dyn_ref::<Element>() {
                Some(e) => N::Element(e.tag_name().to_ascii_uppercase().into()),
                None => N::Other,
            },
            _ => N::Other,
        }
    }

    fn attr(&self, node: &Node, name: &str) -> Option<String> {
        node.dyn_ref::<Element>()?.get_attribute(name)
    }
}

// ---- JS values to Rust, by hand ------------------------------------------------------------
// serde's deserializers (and the float formatting their errors pull in) would double the size
// of the WebAssembly module; these few readers cover the shapes the API takes.

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn string_field(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

fn int_of(v: &JsValue) -> Option<i64> {
    let f = v.as_f64()?;
    (f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0).then_some(f as i64)
}

fn num_field(obj: &JsValue, key: &str) -> Option<i64> {
    int_of(&get(obj, key))
}

fn array(v: &JsValue, what: &str) -> Result<js_sys::Array, JsError> {
    if js_sys::Array::is_array(v) {
        Ok(js_sys::Array::from(v))
    } else {
        Err(JsError::new(&format!("{what} must be an array")))
    }
}

/// A cell's text: a string, a whole number, or empty for null/undefined.
fn text_of(v: &JsValue) -> Result<String, JsError> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if v.is_null() || v.is_undefined() {
        return Ok(String::new());
    }
    int_of(v)
        .map(|i| i.to_string())
        .ok_or_else(|| JsError::new("cells must be strings (or whole numbers)"))
}

fn entries(obj: &JsValue) -> Vec<(String, JsValue)> {
    let Some(o) = obj.dyn_ref::<js_sys::Object>() else {
        return Vec::new();
    };
    js_sys::Object::entries(o)
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1)))
        })
        .collect()
}

fn grid_of_js(rows: &JsValue) -> Result<Vec<Vec<String>>, JsError> {
    array(rows, "rows")?
        .iter()
        .map(|row| {
            array(&row, "each row")?
                .iter()
                .map(|c| text_of(&c))
                .collect()
        })
        .collect()
}

fn at_of(v: &JsValue) -> Option<At> {
    if !v.is_object() {
        return None;
    }
    let n = |k| num_field(v, k).and_then(|x| u32::try_from(x).ok());
    if let (Some(page), Some(x), Some(y), Some(w), Some(h)) =
        (n("page"), n("x"), n("y"), n("w"), n("h"))
    {
        return Some(At::Image { page, x, y, w, h });
    }
    match (n("line"), n("col"), n("row"), n("cell")) {
        (Some(line), Some(col), _, _) => Some(match n("page") {
            Some(page) => At::Pdf { page, line, col },
            None => At::Text { line, col },
        }),
        (_, _, Some(row), Some(cell)) => Some(At::Grid { row, cell }),
        _ => None,
    }
}

fn strings(v: &JsValue) -> Vec<String> {
    if js_sys::Array::is_array(v) {
        js_sys::Array::from(v)
            .iter()
            .filter_map(|s| s.as_string())
            .collect()
    } else {
        Vec::new()
    }
}

/// The relations inside a finding that stands for several (none where absent or unknown).
fn relations_of(v: &JsValue) -> Vec<RelationOut> {
    if !js_sys::Array::is_array(v) {
        return Vec::new();
    }
    js_sys::Array::from(v)
        .iter()
        .filter_map(|b| {
            Some(RelationOut {
                rule: Rule::from_id(&string_field(&b, "rule")?)?,
                cells: strings(&get(&b, "cells")),
                expected: num_field(&b, "expected")?,
                actual: num_field(&b, "actual")?,
                message: string_field(&b, "message")?,
                message_en: string_field(&b, "message_en").unwrap_or_default(),
            })
        })
        .collect()
}

fn suspects_of(v: &JsValue) -> Vec<SuspectOut> {
    if !js_sys::Array::is_array(v) {
        return Vec::new();
    }
    js_sys::Array::from(v)
        .iter()
        .filter_map(|s| {
            Some(SuspectOut {
                cell: string_field(&s, "cell")?,
                fix: num_field(&s, "fix")?,
            })
        })
        .collect()
}

fn indicators_of(ind: &JsValue) -> gouji::result::Indicators {
    let rate = |k: &str| get(ind, k).as_f64();
    gouji::result::Indicators {
        disclosure_rate: rate("disclosure_rate"),
        review_correction_rate: rate("review_correction_rate"),
        suit_correction_rate: rate("suit_correction_rate"),
        carry_rate: rate("carry_rate"),
    }
}

/// A result object (as `check` returned it, perhaps edited by the page) read back.
fn result_from_js(v: &JsValue) -> Result<CheckResult, JsError> {
    if !v.is_object() {
        return Err(JsError::new(
            "render takes the result object that check returned",
        ));
    }
    let cells = entries(&get(v, "cells"))
        .into_iter()
        .map(|(id, c)| {
            let value = get(&c, "value");
            let value = int_of(&value)
                .map(Num::Int)
                .or_else(|| value.as_f64().map(Num::Dec));
            let cell = CellOut {
                value,
                raw: string_field(&c, "raw").unwrap_or_default().into(),
                blank: get(&c, "blank").as_bool().unwrap_or(false),
                at: at_of(&get(&c, "at")),
                unit: string_field(&c, "unit"),
                read: string_field(&c, "read"),
                confidence: get(&c, "confidence").as_f64().map(|x| x as f32),
            };
            (id.into(), cell)
        })
        .collect();
    let mut findings = Vec::new();
    if js_sys::Array::is_array(&get(v, "findings")) {
        for f in js_sys::Array::from(&get(v, "findings")).iter() {
            let name = |k: &str| string_field(&f, k).unwrap_or_default();
            let (rule, severity) = (name("rule"), name("severity"));
            let (Some(rule), Some(severity)) =
                (Rule::from_id(&rule), Severity::from_name(&severity))
            else {
                return Err(JsError::new(&format!(
                    "render takes the result object that check returned: unknown rule “{rule}” or severity “{severity}”"
                )));
            };
            findings.push(FindingOut {
                rule,
                severity,
                // absent in a result of round 1: the report's
                source: Source::from_name(&name("source")).unwrap_or_default(),
                cells: strings(&get(&f, "cells")),
                expected: num_field(&f, "expected"),
                actual: num_field(&f, "actual"),
                suspects: suspects_of(&get(&f, "suspects")),
                fix_all: get(&f, "fix_all").as_bool().unwrap_or(false),
                message: name("message"),
                message_en: name("message_en"),
                at: at_of(&get(&f, "at")),
                relations: relations_of(&get(&f, "relations")),
                prev_cells: strings(&get(&f, "prev_cells")),
            });
        }
    }
    let summary = get(v, "summary");
    let count = |k| {
        num_field(&summary, k)
            .and_then(|x| usize::try_from(x).ok())
            .unwrap_or(0)
    };
    let tables = get(v, "tables");
    let prev = get(v, "prev");
    let prev = prev.is_object().then(|| gouji::result::PrevOut {
        title: string_field(&prev, "title"),
        year: num_field(&prev, "year").and_then(|y| i32::try_from(y).ok()),
        format: string_field(&prev, "format")
            .and_then(|f| ReportFormat::from_name(&f))
            .unwrap_or(ReportFormat::Unknown),
        indicators: indicators_of(&get(&prev, "indicators")),
    });
    let indicators = indicators_of(&get(v, "indicators"));
    Ok(CheckResult {
        indicators,
        prev,
        schema: num_field(v, "schema")
            .and_then(|x| u32::try_from(x).ok())
            .unwrap_or(gouji::result::SCHEMA),
        format: string_field(v, "format")
            .and_then(|f| ReportFormat::from_name(&f))
            .unwrap_or(ReportFormat::Unknown),
        year: num_field(v, "year").and_then(|y| i32::try_from(y).ok()),
        title: string_field(v, "title"),
        input: string_field(v, "input")
            .and_then(|i| Input::from_name(&i))
            .unwrap_or_default(),
        cells: Cells(cells),
        findings,
        summary: Summary {
            errors: count("errors"),
            warnings: count("warnings"),
            infos: count("infos"),
            unread: count("unread"),
            cells_read: count("cells_read"),
        },
        tables: Tables {
            p2: string_field(&tables, "p2").and_then(|f| f.parse().ok()),
            p3: string_field(&tables, "p3").and_then(|f| f.parse().ok()),
            p4: get(&tables, "p4").as_bool().unwrap_or(false),
        },
        version: string_field(v, "version").unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests;
