//! The options every check takes (`format`, `prev`, `batch`), and the result made of a check
//! with them: compared with last year's report, carrying its batch row.

use crate::*;
/// The options every check takes (all optional): `{ format: "auto" | "F2019" | "F2021", prev }`.
pub(crate) struct Asked {
    pub(crate) options: Options,
    /// Last year's report (`prev`), checked, with its text (for the sentences it shares).
    prev: Option<(CheckResult, String)>,
    /// `batch: "file name"`: the result also carries `batch: { row, last }`, the summary row
    /// and what pairing needs of the report (`gouji::batch`), for the page's batch. (Not in the
    /// page's first load: its batch loads the whole core.)
    #[cfg(feature = "prev")]
    batch: Option<String>,
}

pub(crate) fn options_of(value: Option<CheckOptions>) -> Result<Asked, JsError> {
    let Some(value) = value
        .map(JsValue::from)
        .filter(|v| !v.is_undefined() && !v.is_null())
    else {
        return Ok(Asked {
            options: Options::default(),
            prev: None,
            #[cfg(feature = "prev")]
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
        #[cfg(feature = "prev")]
        batch: get(&value, "batch").as_string(),
    })
}

/// The page's first-load module checks one report: `prev` is refused, saying which module has it.
#[cfg(not(feature = "prev"))]
pub(crate) fn prev_of(v: &JsValue) -> Result<Option<(CheckResult, String)>, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    Err(JsError::new(
        "this build of gouji checks one report at a time: prev (last year's report) is in gouji-core.js",
    ))
}

/// `prev`: last year's report as text, or any content [`checked_content`] takes. It is checked
/// in its own year's format.
#[cfg(feature = "prev")]
pub(crate) fn prev_of(v: &JsValue) -> Result<Option<(CheckResult, String)>, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let options = Options::default();
    if let Some(text) = v.as_string() {
        return Ok(Some((gouji::check(&text, &options), text)));
    }
    checked_content(v, &options, "prev is last year's report: a string, or").map(Some)
}

/// A file's content as the page's reading gives it (content.js; the file readers' `readFile`;
/// the picture reader's `pictured`), checked: `{ text }`, `{ html }`, `{ grid, input? }` (a saved
/// page's or a Word file's tables; `input` "html" or "docx"), `{ pages }` (a PDF's text, page by
/// page), `{ pictured }` (a picture's readings). With the report's text (for its sentences).
/// `what` begins the message for any other value.
#[cfg(feature = "prev")]
pub(crate) fn checked_content(
    v: &JsValue,
    options: &Options,
    what: &str,
) -> Result<(CheckResult, String), JsError> {
    let bad = || {
        JsError::new(&format!(
            "{what} {{ text }}, {{ grid }}, {{ html }}, {{ pages }} or {{ pictured }}"
        ))
    };
    use gouji_content_js::Read;
    let read = gouji_content_js::read(v).map_err(|e| match e {
        Some(what) => JsError::new(what),
        None => bad(),
    })?;
    Ok(match read {
        Read::Text(text) => (gouji::check(&text, options), text),
        Read::Grid { rows, input } => {
            let mut r = gouji::check_grid(&rows, options);
            if let Some(input) = input {
                r.input = input;
            }
            (r, gouji::grid_text(&rows))
        }
        Read::Html(html) => {
            let rows = grid_of_html(&html)?;
            let mut r = gouji::check_grid(&rows, options);
            r.input = Input::Html;
            (r, gouji::grid_text(&rows))
        }
        Read::Pages(pages) => {
            let mut r = gouji::check_pdf(&pages, options);
            r.input = Input::Pdf;
            (r, pages.concat())
        }
        // a picture's readings (the image module's `pictured`): figures, no sentences
        Read::Pictured(pictured) => {
            let pictured: gouji::seen::Pictured =
                serde_wasm_bindgen::from_value(pictured).map_err(to_js_error)?;
            (gouji::seen::check_seen(&pictured), String::new())
        }
    })
}

/// The result, compared with last year's report when one was given.
pub(crate) fn finish(
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
        let _ = (text, asked.prev);
        to_js(&result)
    }
}

pub(crate) fn pages_of(pages: &JsValue) -> Result<Vec<String>, JsError> {
    gouji_content_js::pages(pages).map_err(JsError::new)
}

pub(crate) fn to_js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

pub(crate) fn to_js(result: &CheckResult) -> Result<JsValue, JsError> {
    serde::Serialize::serialize(result, &SERIALIZER).map_err(to_js_error)
}
