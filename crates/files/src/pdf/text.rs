//! The text of a page: its content streams run through PDF's text operators, each glyph
//! placed where it is drawn (text matrix × current transformation), its characters from the
//! font's `ToUnicode` CMap.
//!
//! Fonts read: Type0 (CID) fonts under Identity-H and Identity-V (the WPS and Word exports
//! government offices produce), with their `W`/`DW` widths; simple fonts with `Widths`.
//! A code with no `ToUnicode` entry is read as its Latin-1 character in a simple font and
//! as nothing in a CID font (never as a wrong character).

use super::object::{get, Dict, File, Lexer, Obj};
use std::collections::HashMap;

/// A glyph as drawn: its text, where its origin is on the page (PDF space: points, y up),
/// how far it advances, and the size it is drawn at.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub advance: f64,
    pub size: f64,
    pub vertical: bool,
}

pub struct Font {
    /// Bytes per code: 2 for Identity-H/V, else from the CMap's code space (1 for a simple font).
    code_len: usize,
    vertical: bool,
    unicode: HashMap<u32, String>,
    widths: HashMap<u32, f64>,
    default_width: f64,
    simple: bool,
}

impl Font {
    pub fn load(file: &File, dict: &Dict) -> Font {
        let subtype = get(dict, "Subtype").and_then(Obj::name).unwrap_or(b"");
        let simple = subtype != b"Type0";
        let encoding = file.resolve_in(dict, "Encoding");
        let enc_name = encoding.as_ref().and_then(Obj::name).unwrap_or(b"");
        let mut font = Font {
            code_len: if simple { 1 } else { 2 },
            vertical: enc_name.ends_with(b"-V"),
            unicode: HashMap::new(),
            widths: HashMap::new(),
            default_width: if simple { 0.0 } else { 1000.0 },
            simple,
        };
        if let Some(Obj::Stream(d, _)) = &encoding {
            // an embedded CMap: its writing mode
            if get(d, "WMode").and_then(Obj::num) == Some(1.0) {
                font.vertical = true;
            }
        }
        if let Some(cmap @ Obj::Stream(..)) = file.resolve_in(dict, "ToUnicode") {
            if let Some(data) = file.stream_data(&cmap) {
                font.read_cmap(&data);
            }
        }
        if simple {
            let first = file
                .resolve_in(dict, "FirstChar")
                .and_then(|o| o.num())
                .unwrap_or(0.0);
            if let Some(Obj::Array(w)) = file.resolve_in(dict, "Widths") {
                for (i, v) in w.iter().enumerate() {
                    if let Some(v) = file.resolve(v).num() {
                        font.widths.insert(first as u32 + i as u32, v);
                    }
                }
            }
            font.default_width = 500.0;
        } else if let Some(Obj::Array(desc)) = file.resolve_in(dict, "DescendantFonts") {
            if let Some(Obj::Dict(cid)) = desc.first().map(|d| file.resolve(d)) {
                if let Some(dw) = file.resolve_in(&cid, "DW").and_then(|o| o.num()) {
                    font.default_width = dw;
                }
                if let Some(Obj::Array(w)) = file.resolve_in(&cid, "W") {
                    font.read_widths(file, &w);
                }
            }
        }
        font
    }

    /// `W`: `c [w1 w2 …]` and `c1 c2 w` entries.
    fn read_widths(&mut self, file: &File, w: &[Obj]) {
        let mut i = 0;
        while i < w.len() && self.widths.len() < 70_000 {
            let Some(c) = file.resolve(&w[i]).num() else {
                break;
            };
            match w.get(i + 1).map(|o| file.resolve(o)) {
                Some(Obj::Array(ws)) => {
                    for (k, v) in ws.iter().enumerate() {
                        if let Some(v) = file.resolve(v).num() {
                            self.widths.insert(c as u32 + k as u32, v);
                        }
                    }
                    i += 2;
                }
                Some(Obj::Num(last)) => {
                    let v = w
                        .get(i + 2)
                        .map(|o| file.resolve(o))
                        .and_then(|o| o.num())
                        .unwrap_or(self.default_width);
                    let (c, last) = (c as u32, (last as u32).min(c as u32 + 70_000));
                    for code in c..=last {
                        self.widths.insert(code, v);
                    }
                    i += 3;
                }
                _ => break,
            }
        }
    }

    /// A `ToUnicode` CMap: its code space (how many bytes a code takes), `bfchar` and `bfrange`.
    fn read_cmap(&mut self, data: &[u8]) {
        let mut lx = Lexer::new(data, 0);
        let mut toks = Vec::new();
        while let Some(o) = lx.next(false) {
            toks.push(o);
            if toks.len() > 400_000 {
                break;
            }
        }
        let mut i = 0;
        let hex = |o: &Obj| match o {
            Obj::Str(s) => Some(s.clone()),
            _ => None,
        };
        let code = |s: &[u8]| s.iter().take(4).fold(0u32, |a, &b| a << 8 | u32::from(b));
        while i < toks.len() {
            match &toks[i] {
                Obj::Op(op) if op == b"begincodespacerange" => {
                    if let Some(lo) = toks.get(i + 1).and_then(hex) {
                        if (1..=4).contains(&lo.len()) {
                            self.code_len = lo.len();
                        }
                    }
                    i += 1;
                }
                Obj::Op(op) if op == b"beginbfchar" => {
                    i += 1;
                    while let (Some(src), Some(dst)) =
                        (toks.get(i).and_then(hex), toks.get(i + 1).and_then(hex))
                    {
                        self.unicode.insert(code(&src), utf16(&dst));
                        i += 2;
                    }
                }
                Obj::Op(op) if op == b"beginbfrange" => {
                    i += 1;
                    while let (Some(lo), Some(hi)) =
                        (toks.get(i).and_then(hex), toks.get(i + 1).and_then(hex))
                    {
                        let (lo, hi) = (code(&lo), code(&hi).min(code(&lo).saturating_add(65_535)));
                        match toks.get(i + 2) {
                            Some(Obj::Str(dst)) => {
                                let base = utf16(dst);
                                let mut chars: Vec<char> = base.chars().collect();
                                for c in lo..=hi {
                                    self.unicode.insert(c, chars.iter().collect());
                                    if let Some(last) = chars.last_mut() {
                                        *last = char::from_u32(*last as u32 + 1).unwrap_or(*last);
                                    }
                                }
                            }
                            Some(Obj::Array(dsts)) => {
                                for (k, d) in dsts.iter().enumerate() {
                                    if let Obj::Str(d) = d {
                                        self.unicode.insert(lo + k as u32, utf16(d));
                                    }
                                }
                            }
                            _ => {}
                        }
                        i += 3;
                    }
                }
                _ => i += 1,
            }
        }
    }

    fn codes<'s>(&self, s: &'s [u8]) -> impl Iterator<Item = u32> + 's {
        let n = self.code_len.max(1);
        s.chunks(n)
            .map(|c| c.iter().fold(0u32, |a, &b| a << 8 | u32::from(b)))
    }

    fn text(&self, code: u32) -> String {
        match self.unicode.get(&code) {
            Some(t) => t.clone(),
            None if self.simple => char::from_u32(code).map(String::from).unwrap_or_default(),
            None => String::new(),
        }
    }

    fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            / 1000.0
    }
}

fn utf16(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
        .chars()
        .filter(|&c| c != '\u{FFFD}' && c != '\0')
        .collect()
}

type Matrix = [f64; 6];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

#[derive(Clone)]
struct State {
    ctm: Matrix,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// How much of a page's content is read: operators, and the depth of forms drawn in forms.
pub struct Budget {
    pub ops: usize,
    pub depth: usize,
}

/// The glyphs a page draws, and whether it draws images (a scan has images and no glyphs).
pub struct Page {
    pub glyphs: Vec<Glyph>,
    pub images: usize,
    /// The largest image the page draws (a scan's page), its stream: what a scan is read from.
    pub largest: Option<Obj>,
}

pub fn page(file: &File, page: &Dict, resources: &Dict, contents: &[u8]) -> Page {
    let mut out = Page {
        glyphs: Vec::new(),
        images: 0,
        largest: None,
    };
    let mut budget = Budget {
        ops: 2_000_000,
        depth: 0,
    };
    let _ = page;
    run(file, resources, contents, IDENTITY, &mut out, &mut budget);
    out
}

fn run(
    file: &File,
    resources: &Dict,
    contents: &[u8],
    ctm: Matrix,
    out: &mut Page,
    budget: &mut Budget,
) {
    // the fonts of these resources, by their resource name, loaded when first used
    let mut fonts: HashMap<Vec<u8>, Font> = HashMap::new();
    let font_dict = file
        .resolve_in(resources, "Font")
        .and_then(|o| o.dict().cloned())
        .unwrap_or_default();
    let xobjects = file
        .resolve_in(resources, "XObject")
        .and_then(|o| o.dict().cloned())
        .unwrap_or_default();
    let mut st = State {
        ctm,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    let mut stack: Vec<State> = Vec::new();
    let mut current_font: Option<Vec<u8>> = None;
    let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
    let mut operands: Vec<Obj> = Vec::new();
    let mut lx = Lexer::new(contents, 0);
    while let Some(o) = lx.next(false) {
        let Obj::Op(op) = o else {
            if operands.len() < 64 {
                operands.push(o);
            }
            continue;
        };
        if budget.ops == 0 {
            return;
        }
        budget.ops -= 1;
        let n = |i: usize| operands.get(i).and_then(Obj::num).unwrap_or(0.0);
        match op.as_slice() {
            b"q" if stack.len() < 256 => stack.push(st.clone()),
            b"Q" => {
                if let Some(s) = stack.pop() {
                    st = s;
                }
            }
            b"cm" if operands.len() >= 6 => {
                st.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &st.ctm);
            }
            b"BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            b"Tf" if operands.len() >= 2 => {
                if let Some(name) = operands[0].name() {
                    let k = name.to_vec();
                    if !fonts.contains_key(&k) {
                        let f =
                            file.resolve_in(&font_dict, std::str::from_utf8(name).unwrap_or(""));
                        let font = match f.as_ref().and_then(Obj::dict) {
                            Some(d) => Font::load(file, d),
                            None => Font::load(file, &Dict::new()),
                        };
                        fonts.insert(k.clone(), font);
                    }
                    current_font = Some(k);
                }
                st.size = n(1);
            }
            b"Tc" => st.char_space = n(0),
            b"Tw" => st.word_space = n(0),
            b"Tz" => st.scale = n(0) / 100.0,
            b"TL" => st.leading = n(0),
            b"Ts" => st.rise = n(0),
            b"Td" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                tm = tlm;
            }
            b"TD" => {
                st.leading = -n(1);
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                tm = tlm;
            }
            b"Tm" if operands.len() >= 6 => {
                tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                tm = tlm;
            }
            b"T*" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -st.leading], &tlm);
                tm = tlm;
            }
            b"Tj" | b"'" | b"\"" | b"TJ" => {
                if op == b"'" || op == b"\"" {
                    if op == b"\"" {
                        st.word_space = n(0);
                        st.char_space = n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -st.leading], &tlm);
                    tm = tlm;
                }
                let font = current_font.as_ref().and_then(|k| fonts.get(k));
                if let Some(font) = font {
                    let items: Vec<Obj> = match operands.last() {
                        Some(Obj::Array(a)) if op == b"TJ" => a.clone(),
                        Some(s @ Obj::Str(_)) => vec![s.clone()],
                        _ => Vec::new(),
                    };
                    for item in items {
                        match item {
                            Obj::Str(s) => show(font, &s, &st, &mut tm, &mut out.glyphs),
                            Obj::Num(adj) => {
                                let d = -adj / 1000.0 * st.size;
                                let t = if font.vertical {
                                    [1.0, 0.0, 0.0, 1.0, 0.0, d]
                                } else {
                                    [1.0, 0.0, 0.0, 1.0, d * st.scale, 0.0]
                                };
                                tm = mul(&t, &tm);
                            }
                            _ => {}
                        }
                    }
                }
            }
            b"Do" => {
                let name = operands.first().and_then(Obj::name).map(<[u8]>::to_vec);
                if let Some(name) = name {
                    let x = file.resolve_in(&xobjects, std::str::from_utf8(&name).unwrap_or(""));
                    if let Some(Obj::Stream(d, _)) = &x {
                        match get(d, "Subtype").and_then(Obj::name) {
                            Some(b"Image") => {
                                out.images += 1;
                                let area = |d: &Dict| {
                                    let n = |k| get(d, k).and_then(Obj::num).unwrap_or(0.0);
                                    n("Width") * n("Height")
                                };
                                let bigger = match &out.largest {
                                    Some(Obj::Stream(old, _)) => area(d) > area(old),
                                    _ => true,
                                };
                                if bigger {
                                    out.largest = x.clone();
                                }
                            }
                            Some(b"Form") if budget.depth < 8 => {
                                if let Some(data) = x.as_ref().and_then(|s| file.stream_data(s)) {
                                    let m = match file.resolve_in(d, "Matrix") {
                                        Some(Obj::Array(a)) if a.len() == 6 => {
                                            let v: Vec<f64> =
                                                a.iter().map(|o| o.num().unwrap_or(0.0)).collect();
                                            [v[0], v[1], v[2], v[3], v[4], v[5]]
                                        }
                                        _ => IDENTITY,
                                    };
                                    let res = file
                                        .resolve_in(d, "Resources")
                                        .and_then(|o| o.dict().cloned())
                                        .unwrap_or_else(|| resources.clone());
                                    budget.depth += 1;
                                    run(file, &res, &data, mul(&m, &st.ctm), out, budget);
                                    budget.depth -= 1;
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            b"BI" => {
                // an inline image: its data runs to `EI`
                out.images += 1;
                if let Some(k) = super::object::find(contents, lx.at, b"ID") {
                    let mut at = k + 2;
                    while let Some(e) = super::object::find(contents, at, b"EI") {
                        let ws_before = e > 0 && contents[e - 1].is_ascii_whitespace();
                        let ws_after = contents.get(e + 2).is_none_or(|c| c.is_ascii_whitespace());
                        at = e + 2;
                        if ws_before && ws_after {
                            break;
                        }
                    }
                    lx.at = at;
                }
            }
            _ => {}
        }
        operands.clear();
    }
}

fn show(font: &Font, s: &[u8], st: &State, tm: &mut Matrix, out: &mut Vec<Glyph>) {
    for code in font.codes(s) {
        let trm = mul(
            &mul(&[st.size * st.scale, 0.0, 0.0, st.size, 0.0, st.rise], tm),
            &st.ctm,
        );
        let w = font.width(code);
        let text = font.text(code);
        // the size drawn: the length of the text space's unit vertical vector on the page
        let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
        let advance_h = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt() * w;
        let single_space = font.code_len == 1 && code == 32;
        if font.vertical {
            let ty = -st.size + st.char_space + if single_space { st.word_space } else { 0.0 };
            if !text.trim().is_empty() {
                out.push(Glyph {
                    text,
                    x: trm[4],
                    y: trm[5],
                    advance: size,
                    size,
                    vertical: true,
                });
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, ty], tm);
        } else {
            let tx = (w * st.size + st.char_space + if single_space { st.word_space } else { 0.0 })
                * st.scale;
            if !text.trim().is_empty() && out.len() < 2_000_000 {
                out.push(Glyph {
                    text,
                    x: trm[4],
                    y: trm[5],
                    advance: advance_h,
                    size,
                    vertical: false,
                });
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
    }
}
