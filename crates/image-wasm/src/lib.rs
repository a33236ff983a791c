//! The picture reader (`gouji_image`) for the page, as a module of its own: loaded only when a
//! picture, a screenshot or a scanned PDF arrives, so neither the first load nor the file
//! readers carry the decoders and the digit classifier's weights. It reads; the core (the
//! page's whole module, `checkSeen`) checks what it read — one check, in one place.

use gouji_image::decode::Gray;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

fn error(zh: &str, en: &str) -> JsValue {
    let out = js_sys::Object::new();
    set(&out, "error", &zh.into());
    set(&out, "error_en", &en.into());
    out.into()
}

/// Reads the pictures as the file readers give them (`readFile`'s `pictures`: `{ page,
/// encoding: "jpeg" | "png" | "raw" | "fax", …, data }` (gouji-content-js's shape), one per page): `{ pictured,
/// pages }`, where `pictured` is what `checkSeen` checks (each placed cell's readings, best
/// first, and its box) and `pages` each page as read, `{ page, w, h, gray }` (one byte a pixel),
/// from which the page draws each cell's crop. `{ error, error_en }` when a picture cannot be
/// decoded (what was wrong and what to do), or, with `nothing: true`, when no cell of the
/// report's tables was placed (`scan`: the pictures are a PDF's pages; the words are the
/// command line's). Never throws for a bad picture.
#[wasm_bindgen(js_name = readPictures)]
pub fn read_pictures(pictures: &JsValue, scan: bool) -> JsValue {
    let Some(list) = pictures.dyn_ref::<js_sys::Array>() else {
        return error("没有图片", "no pictures were given");
    };
    let mut pages: Vec<Gray> = Vec::with_capacity(list.length() as usize);
    for p in list.iter() {
        let Some(picture) = gouji_content_js::read_picture(&p) else {
            return error(
                "图片的编码未知",
                "a picture's encoding is not jpeg, png, raw or fax",
            );
        };
        let gray = gouji_files::decode_picture(&picture);
        match gray {
            Ok(g) => pages.push(g),
            Err(e) => return error(&e.zh, &e.en),
        }
    }
    let shown = js_sys::Array::new();
    for (i, g) in pages.iter().enumerate() {
        let o = js_sys::Object::new();
        set(&o, "page", &(i as u32 + 1).into());
        set(&o, "w", &(g.w as u32).into());
        set(&o, "h", &(g.h as u32).into());
        set(
            &o,
            "gray",
            &js_sys::Uint8Array::from(g.px.as_slice()).into(),
        );
        shown.push(&o);
    }
    let pictured = gouji_image::read(pages);
    if pictured.cells.is_empty() {
        let (zh, en) = gouji::seen::nothing_seen(scan);
        let out = error(zh, en);
        set(out.unchecked_ref(), "nothing", &true.into());
        return out;
    }
    let out = js_sys::Object::new();
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    match serde::Serialize::serialize(&pictured, &serializer) {
        Ok(v) => set(&out, "pictured", &v),
        Err(e) => return error("图片识别的结果无法交给检查", &e.to_string()),
    }
    set(&out, "pages", &shown);
    out.into()
}
