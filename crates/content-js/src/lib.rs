//! A file's content as JavaScript sees it — one shape, written here and read back here, for
//! both WebAssembly modules: the file readers' (`crates/files-wasm`, [`write`]: what
//! `readFile` gives) and the core's (`crates/wasm`, [`read`]: what `checkContent` and a
//! check's `prev` take). The page's own reading (`www/content.js`) passes it on as it is.
//!
//! - `{ kind: "text", text }` — text;
//! - `{ kind: "pdf", pages }` — a PDF's text, page by page;
//! - `{ kind, grid, input, tables }` — a saved page's or a Word file's tables as rows of cells
//!   (`kind` and `input` "html" or "docx");
//! - read back only: `{ html }` (a page for the browser's parser) and `{ pictured }` (what the
//!   picture reader read: `gouji::seen::Pictured`, left to the caller's deserializer).
//!
//! And a picture as stored (a scan's page, a picture file), which the readers' module hands
//! over undecoded and the picture module decodes: [`write_picture`], [`read_picture`]
//! (`{ page, encoding: "jpeg" | "png" | "raw" | "fax", w, h, comps, bits, k, black, data }`).
//!
//! Invariant: every key is named once, here ([`KEY`]); a shape `write` makes, `read` takes.

use gouji::model::Input;
use gouji_files::Content;
use wasm_bindgen::JsValue;

/// The keys of the shape.
pub struct Keys {
    pub kind: &'static str,
    pub text: &'static str,
    pub pages: &'static str,
    pub grid: &'static str,
    pub input: &'static str,
    pub tables: &'static str,
    pub html: &'static str,
    pub pictured: &'static str,
}

pub const KEY: Keys = Keys {
    kind: "kind",
    text: "text",
    pages: "pages",
    grid: "grid",
    input: "input",
    tables: "tables",
    html: "html",
    pictured: "pictured",
};

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Writes a file's content (text, a PDF's pages, a grid) onto `out`; `false` for a content this
/// shape does not carry (pictures: the readers' module hands them over as stored).
pub fn write(content: &Content, out: &js_sys::Object) -> bool {
    match content {
        Content::Text(text) => {
            set(out, KEY.kind, &"text".into());
            set(out, KEY.text, &text.as_ref().into());
        }
        Content::Pdf { pages } => {
            let list = js_sys::Array::new();
            for p in pages {
                list.push(&p.as_str().into());
            }
            set(out, KEY.kind, &"pdf".into());
            set(out, KEY.pages, &list);
        }
        Content::Grid {
            rows,
            input,
            tables,
        } => {
            let grid = js_sys::Array::new();
            for row in rows {
                let r = js_sys::Array::new();
                for cell in row {
                    r.push(&cell.into());
                }
                grid.push(&r);
            }
            set(out, KEY.kind, &input.as_str().into());
            set(out, KEY.grid, &grid);
            set(out, KEY.input, &input.as_str().into());
            set(out, KEY.tables, &(*tables as u32).into());
        }
        #[allow(unreachable_patterns)]
        _ => return false,
    }
    true
}

/// A content read back, to be checked.
pub enum Read {
    Text(String),
    Pages(Vec<String>),
    Grid {
        rows: Vec<Vec<String>>,
        /// "html" or "docx" where said.
        input: Option<Input>,
    },
    /// A page, for the browser's parser.
    Html(String),
    /// What the picture reader read, as it gave it.
    Pictured(JsValue),
}

/// A content read back: `Err` says what is wrong with it (`None`: no shape at all).
pub fn read(v: &JsValue) -> Result<Read, Option<&'static str>> {
    if !v.is_object() {
        return Err(None);
    }
    if let Some(text) = get(v, KEY.text).as_string() {
        return Ok(Read::Text(text));
    }
    let grid = get(v, KEY.grid);
    if !grid.is_undefined() {
        let rows = rows(&grid).map_err(Some)?;
        let input = get(v, KEY.input)
            .as_string()
            .and_then(|i| Input::from_name(&i));
        return Ok(Read::Grid { rows, input });
    }
    if let Some(html) = get(v, KEY.html).as_string() {
        return Ok(Read::Html(html));
    }
    let list = get(v, KEY.pages);
    if !list.is_undefined() {
        return pages(&list).map(Read::Pages).map_err(Some);
    }
    let pictured = get(v, KEY.pictured);
    if !pictured.is_undefined() {
        return Ok(Read::Pictured(pictured));
    }
    Err(None)
}

/// A cell's text: a string, a whole number, or empty for null/undefined.
pub fn cell_text(v: &JsValue) -> Option<String> {
    if let Some(s) = v.as_string() {
        return Some(s);
    }
    if v.is_null() || v.is_undefined() {
        return Some(String::new());
    }
    // a whole number only (formatting any float would double the module)
    v.as_f64()
        .filter(|f| f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0)
        .map(|f| (f as i64).to_string())
}

fn array(v: &JsValue, what: &'static str) -> Result<js_sys::Array, &'static str> {
    if js_sys::Array::is_array(v) {
        Ok(js_sys::Array::from(v))
    } else {
        Err(what)
    }
}

/// Rows of cells (a grid: `checkGrid`'s, or a content's `grid`); `Err` says what is wrong.
pub fn rows(v: &JsValue) -> Result<Vec<Vec<String>>, &'static str> {
    array(v, "rows must be an array")?
        .iter()
        .map(|row| {
            array(&row, "each row must be an array")?
                .iter()
                .map(|c| cell_text(&c).ok_or("cells must be strings (or whole numbers)"))
                .collect()
        })
        .collect()
}

/// A PDF's text, page by page; `Err` says what is wrong.
pub fn pages(v: &JsValue) -> Result<Vec<String>, &'static str> {
    array(v, "pages must be an array")?
        .iter()
        .map(|p| p.as_string().ok_or("each page must be a string"))
        .collect()
}

/// A picture as stored, for the picture module.
pub fn write_picture(p: &gouji_files::Picture) -> js_sys::Object {
    use gouji_files::Encoding;
    let o = js_sys::Object::new();
    set(&o, "page", &p.page.into());
    let size = |w: usize, h: usize| {
        set(&o, "w", &(w as u32).into());
        set(&o, "h", &(h as u32).into());
    };
    let encoding = match p.encoding {
        Encoding::Jpeg => "jpeg",
        Encoding::Png => "png",
        Encoding::Raw { w, h, comps, bits } => {
            size(w, h);
            set(&o, "comps", &(comps as u32).into());
            set(&o, "bits", &(bits as u32).into());
            "raw"
        }
        Encoding::Fax {
            w,
            h,
            k,
            black_is_ink,
        } => {
            size(w, h);
            set(&o, "k", &k.into());
            set(&o, "black", &black_is_ink.into());
            "fax"
        }
    };
    set(&o, "encoding", &encoding.into());
    set(
        &o,
        "data",
        &js_sys::Uint8Array::from(p.data.as_slice()).into(),
    );
    o
}

/// A picture as [`write_picture`] wrote it; `None` for an encoding it does not name.
pub fn read_picture(v: &JsValue) -> Option<gouji_files::Picture> {
    use gouji_files::Encoding;
    let n = |k: &str| get(v, k).as_f64().unwrap_or(0.0).clamp(0.0, 1e6) as usize;
    let encoding = match get(v, "encoding").as_string().as_deref() {
        Some("jpeg") => Encoding::Jpeg,
        Some("png") => Encoding::Png,
        Some("raw") => Encoding::Raw {
            w: n("w"),
            h: n("h"),
            comps: n("comps"),
            bits: n("bits"),
        },
        Some("fax") => Encoding::Fax {
            w: n("w"),
            h: n("h"),
            k: get(v, "k").as_f64().unwrap_or(0.0).clamp(-1.0, 1.0) as i32,
            black_is_ink: get(v, "black").as_bool().unwrap_or(true),
        },
        _ => return None,
    };
    Some(gouji_files::Picture {
        page: n("page").max(1) as u32,
        encoding,
        data: js_sys::Uint8Array::new(&get(v, "data")).to_vec(),
    })
}
