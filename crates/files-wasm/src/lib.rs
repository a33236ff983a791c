//! The file readers (`gouji_files`) for the page, as a module of their own: the page loads it
//! only when a PDF or Word file is dropped, so its first load stays light. It reads; the core
//! (the page's other module) checks what it read.

use wasm_bindgen::prelude::*;

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

/// What a file's first bytes say it is (`gouji_files::binary_kind`): "pdf", "docx", "zip",
/// "doc", "image", "binary", or `undefined` for what may be text. With [`is_html`], the two
/// halves of `gouji_files::sniff`: the page's own sniff (content.js) is held to them by a test.
#[wasm_bindgen(js_name = binaryKind)]
pub fn binary_kind(bytes: &[u8]) -> Option<String> {
    gouji_files::binary_kind(bytes).map(|k| k.as_str().to_owned())
}

/// Whether a text is a saved page (`gouji_files::is_html`).
#[wasm_bindgen(js_name = isHtml)]
pub fn is_html(text: &str) -> bool {
    gouji_files::is_html(text)
}

/// Reads a file's bytes: `{ kind: "pdf", pages }` (each page's text), `{ kind: "docx" | "html", grid,
/// input, tables }`, `{ kind: "text", text }` (gouji-content-js's shape, which the core's
/// `checkContent` takes back), or for a picture or a scan `{ kind: "image" | "pdf",
/// pictures: [{ page, encoding: "jpeg" | "png" | "raw" | "fax", w, h, comps, bits, k, black,
/// data }] }` (as stored,
/// for the image module, gouji-image.js); `{ error, error_en, kind }` when it cannot be read
/// (what was wrong and what to do, and what its bytes say it is: "pdf", "docx", "zip", "doc",
/// "html", "text", "image", "binary"). Never throws for a bad file.
#[wasm_bindgen(js_name = readFile)]
pub fn read_file(bytes: &[u8]) -> JsValue {
    let out = js_sys::Object::new();
    let limits = gouji_files::Limits::default();
    let read = match gouji_files::binary_kind(bytes) {
        // a picture, or a scan's pages: handed to the image module as they are stored (this
        // module decodes no picture)
        Some(gouji_files::Kind::Image) => {
            let encoding = if bytes.starts_with(b"\x89PNG") {
                gouji_files::Encoding::Png
            } else {
                gouji_files::Encoding::Jpeg
            };
            let picture = gouji_files::Picture {
                page: 1,
                encoding,
                data: bytes.to_vec(),
            };
            return pictures(&out, "image", &[picture]);
        }
        Some(gouji_files::Kind::Pdf) => match gouji_files::pdf::read(bytes, &limits) {
            Ok(pdf) if !pdf.scans.is_empty() => return pictures(&out, "pdf", &pdf.scans),
            Ok(pdf) => Ok(gouji_files::Content::Pdf {
                pages: pdf.page_texts(),
            }),
            Err(e) => Err(e),
        },
        _ => gouji_files::read(bytes, &limits),
    };
    match read {
        // text, a PDF's pages, a grid: the one shape both modules share (gouji-content-js)
        Ok(content) if gouji_content_js::write(&content, &out) => {}
        // pictures are read by the image module, not this one (a workspace build may turn
        // the readers' `images` feature on for the command line)
        #[allow(unreachable_patterns)]
        Ok(_) => {
            set(&out, "error", &"这是图片（扫描件或截图）：网页版尚不能识别其中的表格，请用命令行 gouji check，或在「填写表格」中录入".into());
            set(&out, "error_en", &"this is a picture (a scan or a screenshot): the page cannot read its tables yet; use the command line (gouji check), or fill in the form".into());
            set(&out, "kind", &gouji_files::sniff(bytes).as_str().into());
        }
        Err(e) => {
            set(&out, "error", &e.zh.into());
            set(&out, "error_en", &e.en.into());
            set(&out, "kind", &gouji_files::sniff(bytes).as_str().into());
        }
    }
    out.into()
}

/// The pictures as stored: `{ kind, pictures: [{ page, encoding, w, h, comps, bits, data }] }`.
fn pictures(out: &js_sys::Object, kind: &str, pictures: &[gouji_files::Picture]) -> JsValue {
    let list = js_sys::Array::new();
    for p in pictures {
        list.push(&gouji_content_js::write_picture(p));
    }
    set(out, "kind", &kind.into());
    set(out, "pictures", &list);
    out.clone().into()
}

/// `wasm-pack test --node crates/files-wasm`: the readers compiled to WebAssembly read the
/// official files as the native build reads them.
#[cfg(test)]
mod tests {
    use super::read_file;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn get(v: &JsValue, k: &str) -> JsValue {
        js_sys::Reflect::get(v, &k.into()).unwrap()
    }

    #[wasm_bindgen_test]
    fn the_official_files_read_as_natively() {
        let files: [(&str, &[u8]); 3] = [
            (
                "pdf",
                include_bytes!("../../../tests/fixtures/files/hongze-2023.pdf"),
            ),
            (
                "pdf",
                include_bytes!("../../../tests/fixtures/files/huaian-2024.pdf"),
            ),
            (
                "docx",
                include_bytes!("../../../tests/fixtures/files/huaian-2024.docx"),
            ),
        ];
        for (kind, bytes) in files {
            let out = read_file(bytes);
            assert_eq!(get(&out, "kind").as_string().as_deref(), Some(kind));
            match gouji_files::read(bytes, &gouji_files::Limits::default()).unwrap() {
                gouji_files::Content::Pdf { pages } => {
                    let js = js_sys::Array::from(&get(&out, "pages"));
                    let js: Vec<String> = js.iter().map(|p| p.as_string().unwrap()).collect();
                    assert_eq!(js, pages);
                }
                gouji_files::Content::Grid { rows, .. } => {
                    let js = js_sys::Array::from(&get(&out, "grid"));
                    assert_eq!(js.length() as usize, rows.len());
                    let first = js_sys::Array::from(&js.get(0));
                    assert_eq!(
                        first.get(0).as_string().as_deref(),
                        Some(rows[0][0].as_str())
                    );
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[wasm_bindgen_test]
    fn a_bad_file_is_an_error_object_not_a_throw() {
        let out = read_file(b"%PDF-1.4 cut short");
        assert!(get(&out, "error")
            .as_string()
            .unwrap()
            .contains("损坏或不完整"));
        assert!(get(&out, "error_en")
            .as_string()
            .unwrap()
            .contains("damaged"));
    }
}
