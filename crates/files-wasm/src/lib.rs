//! The file readers (`gouji_files`) for the page, as a module of their own: the page loads it
//! only when a PDF or Word file is dropped, so its first load stays light. It reads; the core
//! (the page's other module) checks what it read.

use wasm_bindgen::prelude::*;

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

/// Reads a file's bytes: `{ kind: "pdf", pages }` (each page's text), `{ kind: "docx" | "html", grid,
/// tables }` or `{ kind: "text", text }`; `{ error, error_en }` when it cannot be read (what
/// was wrong and what to do). Never throws for a bad file.
#[wasm_bindgen(js_name = readFile)]
pub fn read_file(bytes: &[u8]) -> JsValue {
    let out = js_sys::Object::new();
    match gouji_files::read(bytes, &gouji_files::Limits::default()) {
        Ok(gouji_files::Content::Pdf { pages }) => {
            let list = js_sys::Array::new();
            for p in &pages {
                list.push(&p.as_str().into());
            }
            set(&out, "kind", &"pdf".into());
            set(&out, "pages", &list);
        }
        Ok(gouji_files::Content::Grid {
            rows,
            input,
            tables,
        }) => {
            let grid = js_sys::Array::new();
            for row in rows {
                let r = js_sys::Array::new();
                for cell in row {
                    r.push(&cell.into());
                }
                grid.push(&r);
            }
            set(&out, "kind", &input.as_str().into());
            set(&out, "grid", &grid);
            set(&out, "tables", &(tables as u32).into());
        }
        Ok(gouji_files::Content::Text(text)) => {
            set(&out, "kind", &"text".into());
            set(&out, "text", &text.as_ref().into());
        }
        Err(e) => {
            set(&out, "error", &e.zh.into());
            set(&out, "error_en", &e.en.into());
        }
    }
    out.into()
}
