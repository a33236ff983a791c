//! PDF objects: the lexer and parser of PDF's object syntax, shared by the file's objects and
//! its content streams, and the file's object table.
//!
//! The table is found by scanning for `N G obj` (and inside object streams), not from the
//! cross-reference table: a damaged or missing xref, an incremental update, a file cut short
//! all still read what is there. Later definitions win, as incremental updates intend.

use crate::{FileError, Limits};
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
    /// A stream: its dictionary and where its data lies in the file.
    Stream(Dict, std::ops::Range<usize>),
    /// An operator of a content stream (`Tj`, `BT`, …).
    Op(Vec<u8>),
}

pub type Dict = Vec<(Vec<u8>, Obj)>;

pub fn get<'d>(d: &'d Dict, key: &str) -> Option<&'d Obj> {
    d.iter().find(|(k, _)| k == key.as_bytes()).map(|(_, v)| v)
}

impl Obj {
    pub fn num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) => Some(*n),
            _ => None,
        }
    }
    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }
    pub fn array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// The deepest nesting of arrays and dictionaries parsed.
const MAX_NEST: usize = 64;

/// A parser over bytes: a file's, or a content stream's.
pub struct Lexer<'a> {
    pub b: &'a [u8],
    pub at: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(b: &'a [u8], at: usize) -> Self {
        Lexer { b, at }
    }

    pub fn skip_white(&mut self) {
        while self.at < self.b.len() {
            let c = self.b[self.at];
            if is_white(c) {
                self.at += 1;
            } else if c == b'%' {
                while self.at < self.b.len() && !matches!(self.b[self.at], b'\r' | b'\n') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    fn word(&mut self) -> &'a [u8] {
        let from = self.at;
        while self.at < self.b.len() && !is_white(self.b[self.at]) && !is_delim(self.b[self.at]) {
            self.at += 1;
        }
        &self.b[from..self.at]
    }

    /// The next object; `None` at the end or on a byte that starts none (then skipped).
    /// `N G R` is a reference only in a file's objects (`refs`), never in content.
    pub fn next(&mut self, refs: bool) -> Option<Obj> {
        self.next_nested(refs, 0)
    }

    fn next_nested(&mut self, refs: bool, depth: usize) -> Option<Obj> {
        self.skip_white();
        let c = *self.b.get(self.at)?;
        match c {
            b'/' => {
                self.at += 1;
                let raw = self.word();
                Some(Obj::Name(unescape_name(raw)))
            }
            b'(' => Some(Obj::Str(self.literal())),
            b'<' if self.b.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                let mut d = Dict::new();
                loop {
                    self.skip_white();
                    match self.b.get(self.at) {
                        None => return Some(Obj::Dict(d)),
                        Some(b'>') => {
                            // `>>`, or a lone `>` the file ends with
                            self.at += 1 + usize::from(self.b.get(self.at + 1) == Some(&b'>'));
                            return Some(Obj::Dict(d));
                        }
                        _ => {}
                    }
                    let key = match self.next_nested(refs, depth + 1)? {
                        Obj::Name(n) => n,
                        _ => continue,
                    };
                    self.skip_white();
                    if self.b.get(self.at) == Some(&b'>') {
                        continue;
                    }
                    let v = if depth < MAX_NEST {
                        self.next_nested(refs, depth + 1)?
                    } else {
                        Obj::Null
                    };
                    d.push((key, v));
                }
            }
            b'<' => Some(Obj::Str(self.hex())),
            b'[' => {
                self.at += 1;
                let mut a = Vec::new();
                loop {
                    self.skip_white();
                    match self.b.get(self.at) {
                        None => return Some(Obj::Array(a)),
                        Some(b']') => {
                            self.at += 1;
                            return Some(Obj::Array(a));
                        }
                        _ => {}
                    }
                    if depth >= MAX_NEST {
                        self.at += 1;
                        continue;
                    }
                    let before = self.at;
                    match self.next_nested(refs, depth + 1) {
                        Some(Obj::Op(op)) if refs && op == b"R" => {
                            // `N G R` inside an array: the two numbers before make the ref
                            if let [.., Obj::Num(n), Obj::Num(_)] = a.as_slice() {
                                let n = *n as u32;
                                a.truncate(a.len() - 2);
                                a.push(Obj::Ref(n));
                            }
                        }
                        Some(o) => a.push(o),
                        None => {
                            if self.at == before {
                                self.at += 1;
                            }
                        }
                    }
                }
            }
            b'>' | b']' | b')' | b'{' | b'}' => {
                self.at += 1;
                self.next_nested(refs, depth)
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let w = self.word();
                let n = parse_num(w);
                if refs {
                    // a reference: `N G R`
                    let save = self.at;
                    self.skip_white();
                    let g_from = self.at;
                    let g = self.word();
                    if !g.is_empty() && g.iter().all(u8::is_ascii_digit) && g_from > save {
                        self.skip_white();
                        if self.b.get(self.at) == Some(&b'R')
                            && self
                                .b
                                .get(self.at + 1)
                                .is_none_or(|&c| is_white(c) || is_delim(c))
                        {
                            self.at += 1;
                            return Some(Obj::Ref(n as u32));
                        }
                    }
                    self.at = save;
                }
                Some(Obj::Num(n))
            }
            _ => {
                let w = self.word();
                if w.is_empty() {
                    self.at += 1;
                    return Some(Obj::Op(vec![c]));
                }
                Some(match w {
                    b"true" => Obj::Bool(true),
                    b"false" => Obj::Bool(false),
                    b"null" => Obj::Null,
                    _ => Obj::Op(w.to_vec()),
                })
            }
        }
    }

    fn literal(&mut self) -> Vec<u8> {
        self.at += 1;
        let mut out = Vec::new();
        let mut depth = 1;
        while let Some(&c) = self.b.get(self.at) {
            self.at += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                b'\\' => {
                    let Some(&e) = self.b.get(self.at) else { break };
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.b.get(self.at) == Some(&b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.b.get(self.at) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        self.at += 1;
        let mut out = Vec::new();
        let mut half: Option<u8> = None;
        while let Some(&c) = self.b.get(self.at) {
            self.at += 1;
            let v = match c {
                b'>' => break,
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => continue,
            };
            match half.take() {
                Some(h) => out.push(h << 4 | v),
                None => half = Some(v),
            }
        }
        if let Some(h) = half {
            out.push(h << 4);
        }
        out
    }
}

fn parse_num(w: &[u8]) -> f64 {
    std::str::from_utf8(w)
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' && i + 2 < raw.len() {
            if let Ok(v) =
                u8::from_str_radix(std::str::from_utf8(&raw[i + 1..i + 3]).unwrap_or("x"), 16)
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// Where each object is: at an offset in the file, or the `i`-th of an object stream.
#[derive(Clone, Copy, Debug)]
enum Place {
    At(usize),
    InStream(u32, usize),
}

/// The objects of a file.
pub struct File<'a> {
    pub bytes: &'a [u8],
    places: HashMap<u32, Place>,
    /// Objects read out of object streams (kept: each stream is inflated once).
    packed: std::cell::RefCell<HashMap<u32, Vec<Obj>>>,
    pub limits: Limits,
    /// The dictionaries of the file's trailers and cross-reference streams.
    pub trailers: Vec<Dict>,
}

impl<'a> File<'a> {
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<File<'a>, FileError> {
        let mut places = HashMap::new();
        let mut i = 0;
        // every `N G obj`: a digit run, white space, a digit run, white space, `obj`
        while let Some(k) = find(bytes, i, b"obj") {
            i = k + 3;
            if bytes
                .get(k + 3)
                .is_some_and(|&c| !is_white(c) && !is_delim(c))
            {
                continue;
            }
            let Some((num, _)) = number_before(bytes, k) else {
                continue;
            };
            places.insert(num, Place::At(k + 3));
            if places.len() > limits.objects {
                return Err(FileError::too_big(format!(
                    "the PDF holds more than {} objects",
                    limits.objects
                )));
            }
        }
        let mut file = File {
            bytes,
            places,
            packed: Default::default(),
            limits: limits.clone(),
            trailers: Vec::new(),
        };
        // trailers: `trailer << … >>`, and cross-reference streams
        let mut i = 0;
        while let Some(k) = find(bytes, i, b"trailer") {
            i = k + 7;
            if let Some(Obj::Dict(d)) = Lexer::new(bytes, k + 7).next(true) {
                file.trailers.push(d);
            }
        }
        let nums: Vec<u32> = file.places.keys().copied().collect();
        let mut streams = Vec::new();
        for n in nums {
            if let Some(Obj::Stream(d, _)) = file.get(n) {
                match get(&d, "Type").and_then(Obj::name) {
                    Some(b"XRef") => file.trailers.push(d),
                    Some(b"ObjStm") => streams.push((n, d)),
                    _ => {}
                }
            }
        }
        for (n, d) in streams {
            // the header's object numbers: each such object is the i-th of the stream
            let count = get(&d, "N").and_then(Obj::num).unwrap_or(0.0) as usize;
            let Some(stream) = file.get(n) else { continue };
            if let Some(data) = file.stream_data(&stream) {
                let mut lx = Lexer::new(&data, 0);
                for i in 0..count.min(limits.objects) {
                    let (Some(Obj::Num(num)), Some(Obj::Num(_))) = (lx.next(false), lx.next(false))
                    else {
                        break;
                    };
                    file.places
                        .entry(num as u32)
                        .or_insert(Place::InStream(n, i));
                }
            }
        }
        Ok(file)
    }

    /// Object `n`, as stored (`None` where there is none).
    pub fn get(&self, n: u32) -> Option<Obj> {
        match *self.places.get(&n)? {
            Place::At(at) => {
                let mut lx = Lexer::new(self.bytes, at);
                let obj = lx.next(true)?;
                if let Obj::Dict(d) = &obj {
                    lx.skip_white();
                    if self
                        .bytes
                        .get(lx.at..)
                        .is_some_and(|b| b.starts_with(b"stream"))
                    {
                        let mut start = lx.at + 6;
                        if self.bytes.get(start) == Some(&b'\r') {
                            start += 1;
                        }
                        if self.bytes.get(start) == Some(&b'\n') {
                            start += 1;
                        }
                        let stated = match get(d, "Length") {
                            Some(Obj::Num(n)) => Some(*n as usize),
                            Some(Obj::Ref(r)) if *r != n => match self.get(*r) {
                                Some(Obj::Num(n)) => Some(n as usize),
                                _ => None,
                            },
                            _ => None,
                        };
                        let fits = |len: usize| {
                            start.checked_add(len).is_some_and(|end| {
                                end <= self.bytes.len()
                                    && find(self.bytes, end, b"endstream")
                                        .is_some_and(|e| e - end < 32)
                            })
                        };
                        let end = match stated.filter(|&l| fits(l)) {
                            Some(len) => start + len,
                            // a wrong length: the data runs to `endstream`
                            None => find(self.bytes, start, b"endstream")
                                .map(|e| trim_eol(self.bytes, start, e))
                                .unwrap_or(self.bytes.len()),
                        };
                        return Some(Obj::Stream(d.clone(), start..end));
                    }
                }
                Some(obj)
            }
            Place::InStream(s, i) => {
                if let Some(objs) = self.packed.borrow().get(&s) {
                    return objs.get(i).cloned();
                }
                let stream = self.get(s)?;
                let d = stream.dict()?.clone();
                let data = self.stream_data(&stream)?;
                let count = get(&d, "N").and_then(Obj::num).unwrap_or(0.0) as usize;
                let first = get(&d, "First").and_then(Obj::num).unwrap_or(0.0) as usize;
                let mut lx = Lexer::new(&data, 0);
                let mut offsets = Vec::new();
                for _ in 0..count.min(self.limits.objects) {
                    let (Some(Obj::Num(_)), Some(Obj::Num(off))) = (lx.next(false), lx.next(false))
                    else {
                        break;
                    };
                    offsets.push(off as usize);
                }
                let objs: Vec<Obj> = offsets
                    .iter()
                    .map(|&off| {
                        Lexer::new(&data, first.saturating_add(off))
                            .next(true)
                            .unwrap_or(Obj::Null)
                    })
                    .collect();
                let found = objs.get(i).cloned();
                self.packed.borrow_mut().insert(s, objs);
                found
            }
        }
    }

    /// `obj` with references followed (a few hops at most: a cycle ends as null).
    pub fn resolve(&self, obj: &Obj) -> Obj {
        let mut o = obj.clone();
        for _ in 0..8 {
            match o {
                Obj::Ref(n) => o = self.get(n).unwrap_or(Obj::Null),
                _ => return o,
            }
        }
        Obj::Null
    }

    pub fn resolve_in(&self, d: &Dict, key: &str) -> Option<Obj> {
        get(d, key).map(|o| self.resolve(o))
    }

    /// A stream's data with its filters undone; `None` for a filter gouji does not read
    /// (images' DCT, JBIG2 …) or damaged data.
    pub fn stream_data(&self, stream: &Obj) -> Option<Vec<u8>> {
        match stream {
            Obj::Stream(d, r) => self.decode(d, self.bytes.get(r.clone())?),
            _ => None,
        }
    }

    fn decode(&self, d: &Dict, raw: &[u8]) -> Option<Vec<u8>> {
        let filters: Vec<Obj> = match self.resolve_in(d, "Filter") {
            None | Some(Obj::Null) => return Some(raw.to_vec()),
            Some(Obj::Array(a)) => a,
            Some(f) => vec![f],
        };
        let parms: Vec<Obj> = match self.resolve_in(d, "DecodeParms") {
            Some(Obj::Array(a)) => a,
            Some(p) => vec![p],
            None => Vec::new(),
        };
        let mut data = raw.to_vec();
        for (i, f) in filters.iter().enumerate() {
            data = match f.name()? {
                b"FlateDecode" | b"Fl" => {
                    let out = crate::inflate(&data, self.limits.inflated, true)
                        .or_else(|_| crate::inflate(&data, self.limits.inflated, false))
                        .ok()?;
                    match parms.get(i).map(|p| self.resolve(p)) {
                        Some(Obj::Dict(p)) => predict(&p, out)?,
                        _ => out,
                    }
                }
                b"ASCIIHexDecode" | b"AHx" => {
                    Lexer::new(&[b"<", data.as_slice()].concat(), 0).hex()
                }
                _ => return None,
            };
        }
        Some(data)
    }
}

/// Undoes a PNG predictor (`/Predictor` ≥ 10) on inflated rows.
fn predict(p: &Dict, data: Vec<u8>) -> Option<Vec<u8>> {
    let predictor = get(p, "Predictor").and_then(Obj::num).unwrap_or(1.0) as u32;
    if predictor < 10 {
        return Some(data);
    }
    let colors = get(p, "Colors")
        .and_then(Obj::num)
        .unwrap_or(1.0)
        .clamp(1.0, 4.0) as usize;
    let bits = get(p, "BitsPerComponent")
        .and_then(Obj::num)
        .unwrap_or(8.0)
        .clamp(1.0, 16.0) as usize;
    let columns = get(p, "Columns")
        .and_then(Obj::num)
        .unwrap_or(1.0)
        .clamp(1.0, 1e6) as usize;
    let bpp = (colors * bits).div_ceil(8);
    let row = (colors * bits * columns).div_ceil(8);
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (kind, line) = chunk.split_first()?;
        let mut cur = line.to_vec();
        cur.resize(row, 0);
        for i in 0..row {
            let a = if i >= bpp { cur[i - bpp] } else { 0 };
            let b = prev[i];
            let c = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = cur[i].wrapping_add(match kind {
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => {
                    let p = i16::from(a) + i16::from(b) - i16::from(c);
                    let (pa, pb, pc) = (
                        (p - i16::from(a)).abs(),
                        (p - i16::from(b)).abs(),
                        (p - i16::from(c)).abs(),
                    );
                    if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    }
                }
                _ => 0,
            });
        }
        out.extend_from_slice(&cur);
        prev = cur;
    }
    Some(out)
}

fn trim_eol(b: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && matches!(b[end - 1], b'\r' | b'\n') {
        end -= 1;
    }
    end
}

/// The object number of `N G obj` ending just before `k` (`obj`'s offset).
fn number_before(b: &[u8], k: usize) -> Option<(u32, u32)> {
    let mut i = k;
    let skip_white = |i: &mut usize| {
        while *i > 0 && is_white(b[*i - 1]) {
            *i -= 1;
        }
    };
    let digits = |i: &mut usize| {
        let end = *i;
        while *i > 0 && b[*i - 1].is_ascii_digit() {
            *i -= 1;
        }
        (end > *i && end - *i <= 10)
            .then(|| std::str::from_utf8(&b[*i..end]).ok()?.parse::<u32>().ok())
            .flatten()
    };
    let before = i;
    skip_white(&mut i);
    if i == before {
        return None;
    }
    let gen = digits(&mut i)?;
    let mid = i;
    skip_white(&mut i);
    if i == mid {
        return None;
    }
    let num = digits(&mut i)?;
    if i > 0 && !is_white(b[i - 1]) && !is_delim(b[i - 1]) {
        return None;
    }
    Some((num, gen))
}

/// Where `needle` next occurs from `from` (the project's one substring search,
/// `gouji::bytes::find_bytes`).
pub fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    gouji::bytes::find_bytes(b.get(from..)?, needle).map(|k| from + k)
}
