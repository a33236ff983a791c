//! PDF to text, from the file itself: the page tree, each page's content streams run for
//! their glyphs ([`text`]), and the glyphs laid out as lines of text the way `pdftotext
//! -layout` lays them out — lines by baseline, characters by x on a grid of half-em columns,
//! so the PDF-text readers of the core read them (wrapped labels, vertical labels one
//! character per line, figures aligned under their columns).
//!
//! Invariant: never a panic, never an empty result without saying why — a scan (images, no
//! text), an encrypted file, a damaged one, each is a [`FileError`] with what to do.

pub mod object;
pub mod text;

use crate::{FileError, Limits};
use object::{get, Dict, File, Obj};
use text::Glyph;

/// A PDF's text: each page's lines; or, for a scan (images and no text), each page's picture.
#[derive(Debug)]
pub struct Pdf {
    pub pages: Vec<Vec<String>>,
    pub scans: Vec<crate::Picture>,
}

impl Pdf {
    /// Each page's lines as one text.
    pub fn page_texts(&self) -> Vec<String> {
        self.pages
            .iter()
            .map(|lines| {
                let mut t = lines.join("\n");
                t.push('\n');
                t
            })
            .collect()
    }

    /// The pages' lines as one text, a line per line (pages follow each other).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            for line in page {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }
}

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Pdf, FileError> {
    // a PDF ends with `%%EOF` (a download cut short does not): what a part of a file holds
    // is not read as the whole report
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    if object::find(tail, 0, b"%%EOF").is_none() {
        return Err(FileError::damaged(
            "PDF",
            "it ends before its end marker %%EOF: the download or copy was cut short",
        ));
    }
    let file = File::open(bytes, limits)?;
    if file.trailers.iter().any(|t| get(t, "Encrypt").is_some()) {
        return Err(FileError::refused(
            "这个 PDF 文件已加密（设有打开或复制权限密码），gouji 无法读取其中的文字：请使用未加密的 PDF，或在「填写表格」中录入",
            "this PDF is encrypted, so gouji cannot read its text: give an unencrypted PDF, or fill in the form",
        ));
    }
    let root = file
        .trailers
        .iter()
        .rev()
        .find_map(|t| match get(t, "Root") {
            Some(Obj::Ref(r)) => Some(*r),
            _ => None,
        })
        .and_then(|r| file.get(r))
        .or_else(|| file.catalog())
        .ok_or_else(|| {
            FileError::damaged("PDF", "its catalog (the list of its pages) is missing")
        })?;
    let pages_root = root
        .dict()
        .and_then(|d| file.resolve_in(d, "Pages"))
        .ok_or_else(|| FileError::damaged("PDF", "its page tree is missing"))?;
    let mut leaves = Vec::new();
    let mut seen = std::collections::HashSet::new();
    collect_pages(&file, &pages_root, None, &mut leaves, &mut seen, 0, limits)?;
    if leaves.is_empty() {
        return Err(FileError::damaged("PDF", "it has no pages"));
    }
    let mut pages = Vec::with_capacity(leaves.len());
    let (mut glyphs, mut images) = (0, 0);
    let mut largest = Vec::with_capacity(leaves.len());
    for (n, (page, resources)) in leaves.iter().enumerate() {
        let contents = contents(&file, page).ok_or_else(|| {
            FileError::damaged(
                "PDF",
                &format!("the content of its page {} cannot be unpacked", n + 1),
            )
        })?;
        let p = text::page(&file, page, resources, &contents);
        glyphs += p.glyphs.len();
        images += p.images;
        largest.push(p.largest);
        pages.push(layout(&p.glyphs));
    }
    if glyphs == 0 && images > 0 {
        let mut scans = Vec::new();
        for (n, obj) in largest.iter().enumerate() {
            if let Some(obj) = obj {
                scans.push(picture(&file, obj, n as u32 + 1)?);
            }
        }
        return Ok(Pdf { pages, scans });
    }
    if glyphs == 0 {
        return Err(if images > 0 {
            crate::no_tables_seen(true)
        } else {
            FileError::refused(
                "这个 PDF 中没有可读的文字：请用文字版 PDF，或在「填写表格」中录入",
                "this PDF has no text to read: give a text PDF, or fill in the form",
            )
        });
    }
    Ok(Pdf {
        pages,
        scans: Vec::new(),
    })
}

/// A page's picture as stored: a JPEG as it is (`DCTDecode`), samples inflated (`FlateDecode`
/// or none); the encodings gouji does not decode refused by name, with what to do.
fn picture(file: &File, obj: &Obj, page: u32) -> Result<crate::Picture, FileError> {
    use crate::{Encoding, Picture};
    let Obj::Stream(d, range) = obj else {
        return Err(FileError::damaged(
            "PDF",
            "an image of a page is not a stream",
        ));
    };
    let filters: Vec<Vec<u8>> = match file.resolve_in(d, "Filter") {
        None | Some(Obj::Null) => Vec::new(),
        Some(Obj::Array(a)) => a
            .iter()
            .filter_map(|f| f.name().map(<[u8]>::to_vec))
            .collect(),
        Some(f) => f.name().map(<[u8]>::to_vec).into_iter().collect(),
    };
    let n = |k: &str| {
        file.resolve_in(d, k)
            .and_then(|o| o.num())
            .unwrap_or(0.0)
            .clamp(0.0, 1e6) as usize
    };
    // the picture's bytes as stored (decoded by the picture reader)
    let stored = || {
        file.bytes
            .get(range.clone())
            .map(<[u8]>::to_vec)
            .ok_or_else(|| FileError::damaged("PDF", "a page's picture is cut short"))
    };
    let refuse = |what: &str| {
        FileError::refused(
            &format!("这份扫描件的图片用 {what} 压缩，gouji 尚不能读取：请用扫描软件另存为 JPEG 或 PNG 图片（或以 JPEG 压缩的 PDF）再试，或在「填写表格」中录入"),
            &format!("this scan's pictures are compressed with {what}, which gouji cannot read yet: save the scan as JPEG or PNG pictures (or a JPEG PDF) and try again, or fill in the form"),
        )
    };
    match filters.last().map(Vec::as_slice) {
        Some(b"DCTDecode" | b"DCT") if filters.len() == 1 => Ok(Picture {
            page,
            encoding: Encoding::Jpeg,
            data: stored()?,
        }),
        Some(b"JBIG2Decode") => Err(refuse("JBIG2")),
        Some(b"JPXDecode") => Err(refuse("JPEG 2000 (JPX)")),
        Some(b"CCITTFaxDecode" | b"CCF") if filters.len() == 1 => {
            // an office scanner's bilevel page: its code handed on as stored, with what it
            // takes to decode it (the picture reader decodes Group 4 and Group 3 1-D)
            let parms = match file
                .resolve_in(d, "DecodeParms")
                .or_else(|| file.resolve_in(d, "DP"))
            {
                Some(Obj::Dict(p)) => Some(p),
                Some(Obj::Array(a)) => a.first().map(|o| file.resolve(o)).and_then(|o| match o {
                    Obj::Dict(p) => Some(p),
                    _ => None,
                }),
                _ => None,
            };
            let param = |k: &str| {
                parms
                    .as_ref()
                    .and_then(|p| get(p, k))
                    .map(|o| file.resolve(o))
            };
            let k = param("K").and_then(|o| o.num()).unwrap_or(0.0) as i32;
            let columns = param("Columns").and_then(|o| o.num()).unwrap_or(1728.0);
            let black_is_1 = matches!(param("BlackIs1"), Some(Obj::Bool(true)));
            // a Decode of [1 0] shows the samples the other way round
            let inverted = match file.resolve_in(d, "Decode") {
                Some(Obj::Array(a)) => a.first().and_then(Obj::num).is_some_and(|v| v >= 1.0),
                _ => false,
            };
            let w = if n("Width") > 0 {
                n("Width")
            } else {
                columns.clamp(0.0, 1e6) as usize
            };
            let h = n("Height");
            Ok(Picture {
                page,
                encoding: Encoding::Fax {
                    w,
                    h,
                    k,
                    black_is_ink: !(black_is_1 ^ inverted),
                },
                data: stored()?,
            })
        }
        Some(b"CCITTFaxDecode" | b"CCF") => Err(refuse("CCITT")),
        None | Some(b"FlateDecode" | b"Fl") => {
            let comps = match file.resolve_in(d, "ColorSpace") {
                Some(Obj::Name(c)) if c == b"DeviceRGB" || c == b"CalRGB" => 3,
                Some(Obj::Name(c)) if c == b"DeviceCMYK" => 4,
                Some(Obj::Array(a)) if a.first().and_then(Obj::name) == Some(b"ICCBased") => {
                    a.get(1)
                        .map(|s| file.resolve(s))
                        .and_then(|s| match s {
                            Obj::Stream(sd, _) => get(&sd, "N").and_then(Obj::num),
                            _ => None,
                        })
                        .unwrap_or(3.0) as usize
                }
                Some(Obj::Array(a)) if a.first().and_then(Obj::name) == Some(b"Indexed") => {
                    return Err(refuse("an indexed palette"))
                }
                _ => 1,
            };
            let bits = n("BitsPerComponent").max(1);
            let (w, h) = (n("Width"), n("Height"));
            let data = file
                .stream_data(obj)
                .ok_or_else(|| FileError::damaged("PDF", "a page's picture cannot be unpacked"))?;
            Ok(Picture {
                page,
                encoding: Encoding::Raw { w, h, comps, bits },
                data,
            })
        }
        Some(other) => Err(refuse(&String::from_utf8_lossy(other))),
    }
}

impl File<'_> {
    /// The last object that is a catalog, for a file whose trailer is lost.
    fn catalog(&self) -> Option<Obj> {
        let mut found = None;
        let mut i = 0;
        while let Some(k) = object::find(self.bytes, i, b"/Catalog") {
            i = k + 8;
            // the object this lies in: the last `obj` before it
            let start = self.bytes[..k].windows(3).rposition(|w| w == b"obj")?;
            let obj = object::Lexer::new(self.bytes, start + 3).next(true);
            if obj
                .as_ref()
                .and_then(Obj::dict)
                .is_some_and(|d| get(d, "Type").and_then(Obj::name) == Some(b"Catalog"))
            {
                found = obj;
            }
        }
        found
    }
}

/// The page tree's leaves, each with the resources it inherits.
fn collect_pages(
    file: &File,
    node: &Obj,
    inherited: Option<&Dict>,
    out: &mut Vec<(Dict, Dict)>,
    seen: &mut std::collections::HashSet<u32>,
    depth: usize,
    limits: &Limits,
) -> Result<(), FileError> {
    if depth > 64 {
        return Ok(());
    }
    let Some(d) = node.dict() else { return Ok(()) };
    let resources = file
        .resolve_in(d, "Resources")
        .and_then(|o| o.dict().cloned())
        .or_else(|| inherited.cloned())
        .unwrap_or_default();
    match file.resolve_in(d, "Kids") {
        Some(Obj::Array(kids)) => {
            for k in &kids {
                if let Obj::Ref(r) = k {
                    if !seen.insert(*r) {
                        continue; // a cycle in the page tree
                    }
                }
                let kid = file.resolve(k);
                collect_pages(file, &kid, Some(&resources), out, seen, depth + 1, limits)?;
            }
        }
        _ => {
            if out.len() >= limits.pages {
                return Err(FileError::too_big(format!(
                    "the PDF has more than {} pages",
                    limits.pages
                )));
            }
            out.push((d.clone(), resources));
        }
    }
    Ok(())
}

/// A page's content streams, one after another; `None` when one cannot be unpacked.
fn contents(file: &File, page: &Dict) -> Option<Vec<u8>> {
    let streams: Vec<Obj> = match get(page, "Contents") {
        Some(Obj::Array(a)) => a.iter().map(|o| file.resolve(o)).collect(),
        Some(o) => match file.resolve(o) {
            Obj::Array(a) => a.iter().map(|o| file.resolve(o)).collect(),
            s => vec![s],
        },
        None => Vec::new(),
    };
    let mut out = Vec::new();
    for s in streams {
        if let Obj::Stream(..) = s {
            out.extend_from_slice(&file.stream_data(&s)?);
            out.push(b'\n');
        }
    }
    Some(out)
}

/// How many columns a character takes in a line of text: two for CJK and full-width forms.
fn columns(c: char) -> usize {
    let u = c as u32;
    if (0x1100..=0x115F).contains(&u)
        || (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u)
        || (0x20000..=0x3FFFD).contains(&u)
    {
        2
    } else {
        1
    }
}

/// A page's glyphs as lines of text: lines by baseline, top first; in a line, characters by
/// x on a grid of columns half a character wide (a gap between glyphs is at least a space,
/// glyphs drawn side by side stay together).
pub fn layout(glyphs: &[Glyph]) -> Vec<String> {
    if glyphs.is_empty() {
        return Vec::new();
    }
    // the grid: the usual width of a half-width column, from the glyphs drawn across
    let mut units: Vec<f64> = glyphs
        .iter()
        .filter(|g| !g.vertical && g.advance > 0.0)
        .map(|g| g.advance / g.text.chars().map(columns).sum::<usize>().max(1) as f64)
        .collect();
    units.sort_by(f64::total_cmp);
    let unit = units
        .get(units.len() / 2)
        .copied()
        .filter(|u| *u > 0.5)
        .unwrap_or(5.0);
    let mut order: Vec<&Glyph> = glyphs.iter().collect();
    order.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    let mut base = f64::NAN;
    let mut base_size = 0.0f64;
    for g in order {
        let near = (base - g.y).abs() <= 0.35 * base_size.max(g.size).max(1.0);
        if lines.is_empty() || !near {
            lines.push(Vec::new());
            base = g.y;
            base_size = g.size;
        }
        if let Some(l) = lines.last_mut() {
            l.push(g);
        }
    }
    lines
        .into_iter()
        .map(|mut line| {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut s = String::new();
            let mut cursor = 0usize;
            let mut prev_end = f64::NEG_INFINITY;
            for g in line {
                let target = (g.x / unit).round().max(0.0) as usize;
                let gap = g.x - prev_end;
                let col = if gap > 0.3 * g.size.max(1.0) {
                    target.max(cursor + usize::from(cursor > 0))
                } else {
                    cursor.max(target.min(cursor))
                };
                for _ in cursor..col.min(cursor + 400) {
                    s.push(' ');
                }
                s.push_str(&g.text);
                cursor = col + g.text.chars().map(columns).sum::<usize>();
                prev_end = g.x + g.advance;
            }
            s.trim_end().to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect()
}
