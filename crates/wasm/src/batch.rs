//! The batch's exports: what the page's batch asks of the core (`gouji::batch`: one batch for
//! every host) — a file's disposition, an unreadable file's row, the pairs, the summary CSV — and
//! every cell as CSV rows. Not in the page's first load.

use crate::*;
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
