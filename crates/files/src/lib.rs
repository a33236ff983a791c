//! Report files to what the core checks, by their bytes, never by their names: PDF, Word
//! .docx, HTML (a saved page), and text in UTF-8, UTF-16 or GBK. Old binary Word and WPS files,
//! other archives, images and damaged files are refused with what to do.
//!
//! One implementation for both hosts: the command line calls [`read`], and so does the
//! WebAssembly module the page loads when a file is dropped.
//!
//! Invariant: reading never panics and never guesses; every refusal is a [`FileError`] that
//! names what was wrong (in Chinese and English) and what the user can do. Every size a file
//! states is checked against [`Limits`] before anything is allocated for it.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod xml;
pub mod zip;

use std::borrow::Cow;

/// A picture as stored in a file: a page of a scan, a screenshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    /// The page it is (1-based).
    pub page: u32,
    pub encoding: Encoding,
    pub data: Vec<u8>,
}

/// How a picture's bytes are encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Jpeg,
    Png,
    /// Samples, rows padded to a byte (a PDF image's `FlateDecode` data).
    Raw {
        w: usize,
        h: usize,
        comps: usize,
        bits: usize,
    },
    /// CCITT fax code (a PDF image's `CCITTFaxDecode` data): `k` < 0 Group 4, 0 Group 3 1-D,
    /// > 0 Group 3 2-D; `black_is_ink`: the code's black shows dark.
    Fax {
        w: usize,
        h: usize,
        k: i32,
        black_is_ink: bool,
    },
}

/// What a file's bytes say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Docx,
    /// A zip that is not a Word document (.xlsx, .pptx, a folder packed).
    Zip,
    /// An OLE compound file: an old binary .doc, .wps, .xls or .et.
    Ole,
    Html,
    Text,
    /// A PNG or JPEG picture (a screenshot, a scanned page).
    Image,
    /// Another picture format (GIF, TIFF, WebP), or other binary data.
    Binary,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Docx => "docx",
            Kind::Zip => "zip",
            Kind::Ole => "doc",
            Kind::Html => "html",
            Kind::Text => "text",
            Kind::Image => "image",
            Kind::Binary => "binary",
        }
    }
}

/// The sizes a file may make gouji read (a hostile file states huge ones).
#[derive(Clone, Debug)]
pub struct Limits {
    /// The most bytes one zip member or PDF stream may inflate to.
    pub inflated: usize,
    /// The most members a zip may list.
    pub zip_entries: usize,
    /// The most pages of a PDF read.
    pub pages: usize,
    /// The most objects a PDF may hold.
    pub objects: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            inflated: 64 << 20,
            zip_entries: 10_000,
            pages: 200,
            objects: 500_000,
        }
    }
}

/// Why a file could not be read, and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub zh: String,
    pub en: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for FileError {}

impl FileError {
    pub fn refused(zh: &str, en: &str) -> Self {
        FileError {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    /// A file of kind `what` that is damaged: `why` in English, the Chinese saying so plainly.
    pub fn damaged(what: &str, why: &str) -> Self {
        FileError {
            zh: format!("文件已损坏或不完整（{what}：{why}）：请重新下载或另存一份再试"),
            en: format!(
                "the {what} file is damaged or incomplete ({why}): download or save it again"
            ),
        }
    }

    pub fn too_big(why: String) -> Self {
        FileError {
            zh: format!("文件过大或异常（{why}），未读取：请确认这是年度报告本身"),
            en: format!("the file is too large or malformed ({why}); not read: make sure it is the report itself"),
        }
    }
}

/// What a file holds, ready for the core.
#[derive(Debug)]
pub enum Content<'a> {
    /// Text, as the text readers take it.
    Text(Cow<'a, str>),
    /// A PDF's text, page by page, rebuilt from its glyphs' positions (`gouji::check_pdf`).
    Pdf { pages: Vec<String> },
    /// Rows of cells, as `gouji::check_grid` takes them; `input` is "html" or "docx".
    Grid {
        rows: Vec<Vec<String>>,
        input: gouji::model::Input,
        tables: usize,
    },
    /// Pictures (a scan's pages, a screenshot), decoded: their tables' figures are read by
    /// `gouji_image` (feature `images`).
    #[cfg(feature = "images")]
    Pictures {
        pages: Vec<gouji_image::decode::Gray>,
        /// A scanned PDF's pages (else a picture file).
        scan: bool,
    },
}

impl Content<'_> {
    /// The check of what the file holds, its `input` saying how it was read ("pdf", "docx",
    /// "html", or the text's layout): one dispatch for every host.
    pub fn check(&self, options: &gouji::Options) -> gouji::result::CheckResult {
        match self {
            Content::Text(text) => gouji::check(text, options),
            Content::Pdf { pages } => gouji::check_pdf(pages, options),
            Content::Grid { rows, input, .. } => {
                let mut r = gouji::check_grid(rows, options);
                r.input = *input;
                r
            }
            #[cfg(feature = "images")]
            Content::Pictures { pages, .. } => {
                gouji::seen::check_seen(&gouji_image::read(pages.clone()))
            }
        }
    }

    /// What the file holds as text (for the sentences a cross-year comparison looks at).
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Content::Text(text) => Cow::Borrowed(text),
            Content::Pdf { pages } => pages.concat().into(),
            Content::Grid { rows, .. } => gouji::grid_text(rows).into(),
            #[cfg(feature = "images")]
            Content::Pictures { .. } => Cow::Borrowed(""),
        }
    }
}

/// Tells a file's kind by its bytes.
pub fn sniff(bytes: &[u8]) -> Kind {
    if let Some(kind) = binary_kind(bytes) {
        return kind;
    }
    match decode_text(bytes) {
        Ok(text) if is_html(&text) => Kind::Html,
        Ok(_) => Kind::Text,
        Err(_) => Kind::Binary,
    }
}

/// The kinds told by their first bytes alone (PDF, zip, OLE, images); `None` for what may be
/// text (HTML or text: see [`is_html`]). Cheap: a batch of text files pays a few compares.
pub fn binary_kind(bytes: &[u8]) -> Option<Kind> {
    let head = &bytes[..bytes.len().min(1024)];
    // `%PDF-` within the first KB (some files have a few bytes before it)
    if bytes.starts_with(b"%PDF-") || gouji::bytes::find_bytes(head, b"%PDF-").is_some() {
        return Some(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // a zip that cannot be opened is read as a Word file, so that the reading says what
        // is wrong with it (truncated, too many members) instead of "not a Word document"
        let is_word = zip::Zip::open(bytes, &Limits::default())
            .map(|z| z.has("word/document.xml"))
            .unwrap_or(true);
        return Some(if is_word { Kind::Docx } else { Kind::Zip });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Kind::Ole);
    }
    if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") {
        return Some(Kind::Image);
    }
    const IMAGES: [&[u8]; 4] = [b"GIF8", b"II*\0", b"MM\0*", b"RIFF"];
    IMAGES
        .iter()
        .any(|m| bytes.starts_with(m))
        .then_some(Kind::Binary)
}

/// HTML: a doctype or an `<html>` at the start, or markup of a table near it.
pub fn is_html(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    // text that does not begin with markup is no page (the usual case: decided at once)
    if !text.starts_with('<') {
        return false;
    }
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || head.contains("<table")
        || head.contains("<body")
        || head.contains("<meta")
}

/// Text: UTF-8 (a BOM or none), UTF-16 with a BOM, or GBK/GB18030 (with the `gbk` feature);
/// anything else is refused, not guessed.
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, FileError> {
    let utf16 = |b: &[u8], le: bool| {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map(Cow::Owned).map_err(|_| {
            FileError::refused(
                "文件不是有效的 UTF-16 文本",
                "the file is not valid UTF-16 text",
            )
        })
    };
    let body = match bytes {
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, false),
        [0xEF, 0xBB, 0xBF, rest @ ..] => rest,
        _ => bytes,
    };
    if let Ok(s) = std::str::from_utf8(body) {
        return if s.bytes().take(4096).any(|b| b == 0) {
            Err(not_text())
        } else {
            Ok(Cow::Borrowed(s))
        };
    }
    if body.iter().take(4096).any(|&b| b == 0) {
        return Err(not_text());
    }
    gbk(body)
}

fn not_text() -> FileError {
    FileError::refused(
        "这个文件不是文本，也不是 PDF、Word（.docx）或网页：请拖入年度报告的 PDF、.docx、网页或文本文件",
        "this file is not text, PDF, Word (.docx) or a web page: give the report as PDF, .docx, HTML or text",
    )
}

#[cfg(feature = "gbk")]
fn gbk(body: &[u8]) -> Result<Cow<'_, str>, FileError> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(body);
    if had_errors {
        return Err(FileError::refused(
            "文件既不是 UTF-8 也不是 GBK 文本：请另存为 UTF-8 文本",
            "the file is neither UTF-8 nor GBK text: save it as UTF-8",
        ));
    }
    Ok(Cow::Owned(text.into_owned()))
}

#[cfg(not(feature = "gbk"))]
fn gbk(_: &[u8]) -> Result<Cow<'_, str>, FileError> {
    Err(FileError::refused(
        "文件不是 UTF-8 文本（可能是 GBK 编码）：请另存为 UTF-8 文本",
        "the file is not UTF-8 text (GBK?): save it as UTF-8",
    ))
}

/// Reads a file by what its bytes are.
pub fn read<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Content<'a>, FileError> {
    if let Some(kind) = binary_kind(bytes) {
        return read_binary(kind, bytes, limits);
    }
    let text = decode_text(bytes)?;
    Ok(text_content(text))
}

/// Text as the core takes it: HTML read into its grid, other text as it is.
pub fn text_content(text: Cow<'_, str>) -> Content<'_> {
    if is_html(&text) {
        Content::Grid {
            rows: html::read(&text),
            input: gouji::model::Input::Html,
            tables: 0,
        }
    } else {
        Content::Text(text)
    }
}

/// Reads a file of a kind [`binary_kind`] told.
pub fn read_binary<'a>(
    kind: Kind,
    bytes: &'a [u8],
    limits: &Limits,
) -> Result<Content<'a>, FileError> {
    match kind {
        Kind::Pdf => {
            let pdf = pdf::read(bytes, limits)?;
            if !pdf.scans.is_empty() {
                // decoded and read where pictures are read (feature `images`); the page's file
                // module hands them to its image module instead (crates/files-wasm)
                #[cfg(feature = "images")]
                return pictures(&pdf.scans, true);
                #[cfg(not(feature = "images"))]
                return Err(no_tables_seen(true));
            }
            Ok(Content::Pdf {
                pages: pdf.page_texts(),
            })
        }
        #[cfg(feature = "images")]
        Kind::Image => pictures(&[Picture {
            page: 1,
            encoding: if bytes.starts_with(b"\x89PNG") {
                Encoding::Png
            } else {
                Encoding::Jpeg
            },
            data: bytes.to_vec(),
        }], false),
        Kind::Docx => {
            let (rows, tables) = docx::read(bytes, limits)?;
            Ok(Content::Grid {
                rows,
                input: gouji::model::Input::Docx,
                tables,
            })
        }
        Kind::Zip => Err(FileError::refused(
            "这个 zip 文件不是 Word 文档：请用年度报告的 .docx、PDF 或网页文件",
            "this zip file is not a Word document: give the report as .docx, PDF or a web page",
        )),
        Kind::Ole => Err(FileError::refused(
            "这是旧版 Word（.doc）或 WPS（.wps）文件，gouji 不读取：请在 Word / WPS 中另存为 .docx",
            "this is an old Word (.doc) or WPS (.wps) file, which gouji does not read: save it as .docx in Word or WPS",
        )),
        #[cfg(not(feature = "images"))]
        Kind::Image => Err(no_tables_seen(false)),
        Kind::Html | Kind::Text => read(bytes, limits),
        Kind::Binary => Err(not_text()),
    }
}

/// Pictures decoded, each refused with what to do when it cannot be.
#[cfg(feature = "images")]
fn pictures(pics: &[Picture], scan: bool) -> Result<Content<'static>, FileError> {
    let mut pages = Vec::with_capacity(pics.len());
    for p in pics {
        pages.push(decode_picture(p)?);
    }
    Ok(Content::Pictures { pages, scan })
}

/// A picture as stored, decoded by its encoding's decoder: the one mapping of every host (the
/// command line's reading, the page's picture module).
#[cfg(feature = "images")]
pub fn decode_picture(p: &Picture) -> Result<gouji_image::decode::Gray, FileError> {
    use gouji_image::decode;
    match p.encoding {
        Encoding::Jpeg => decode::jpeg(&p.data),
        Encoding::Png => decode::png(&p.data),
        Encoding::Raw { w, h, comps, bits } => decode::raw(w, h, comps, bits, &p.data),
        Encoding::Fax {
            w,
            h,
            k,
            black_is_ink,
        } => decode::fax(w, h, k, black_is_ink, &p.data),
    }
    .map_err(|e| FileError { zh: e.zh, en: e.en })
}

/// A scan (`scan`) or a picture in which none of the report's tables were found — or, where
/// pictures are not read (the page's file module), which it cannot read: one message for both,
/// so every host says the same of the same file.
pub fn no_tables_seen(scan: bool) -> FileError {
    let (zh, en) = gouji::seen::nothing_seen(scan);
    FileError::refused(zh, en)
}

/// Why an inflate stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Inflate {
    TooBig,
    Damaged,
}

/// Inflates deflate data (`zlib`: with its zlib header, as PDF streams have it), to at most
/// `limit` bytes.
pub fn inflate(data: &[u8], limit: usize, zlib: bool) -> Result<Vec<u8>, Inflate> {
    use miniz_oxide::inflate::{self, TINFLStatus};
    let r = if zlib {
        inflate::decompress_to_vec_zlib_with_limit(data, limit)
    } else {
        inflate::decompress_to_vec_with_limit(data, limit)
    };
    r.map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => Inflate::TooBig,
        _ => Inflate::Damaged,
    })
}
