//! JS values to Rust, by hand: serde's deserializers (and the float formatting their errors
//! pull in) would double the size of the first-load module; these few readers cover the shapes
//! the API takes.

use crate::*;

pub(crate) fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub(crate) fn string_field(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

pub(crate) fn int_of(v: &JsValue) -> Option<i64> {
    let f = v.as_f64()?;
    (f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0).then_some(f as i64)
}

pub(crate) fn num_field(obj: &JsValue, key: &str) -> Option<i64> {
    int_of(&get(obj, key))
}

/// A cell's text: a string, a whole number, or empty for null/undefined (gouji-content-js's
/// reading, the one every export uses). `checkCells`' (not in the page's first load).
#[cfg(feature = "prev")]
pub(crate) fn text_of(v: &JsValue) -> Result<String, JsError> {
    gouji_content_js::cell_text(v)
        .ok_or_else(|| JsError::new("cells must be strings (or whole numbers)"))
}

pub(crate) fn entries(obj: &JsValue) -> Vec<(String, JsValue)> {
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

pub(crate) fn grid_of_js(rows: &JsValue) -> Result<Vec<Vec<String>>, JsError> {
    gouji_content_js::rows(rows).map_err(JsError::new)
}

pub(crate) fn at_of(v: &JsValue) -> Option<At> {
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

pub(crate) fn strings(v: &JsValue) -> Vec<String> {
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
pub(crate) fn relations_of(v: &JsValue) -> Vec<RelationOut> {
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

pub(crate) fn suspects_of(v: &JsValue) -> Vec<SuspectOut> {
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

pub(crate) fn indicators_of(ind: &JsValue) -> gouji::result::Indicators {
    let rate = |k: &str| get(ind, k).as_f64();
    gouji::result::Indicators {
        disclosure_rate: rate("disclosure_rate"),
        review_correction_rate: rate("review_correction_rate"),
        suit_correction_rate: rate("suit_correction_rate"),
        carry_rate: rate("carry_rate"),
    }
}

/// A result object (as `check` returned it, perhaps edited by the page) read back.
pub(crate) fn result_from_js(v: &JsValue) -> Result<CheckResult, JsError> {
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
