//! The result as JSON, byte for byte what `serde_json` writes, without its per-piece overhead:
//! the command line writes thousands of results, each of some 200 cells.
//!
//! [`check_json`] writes a check straight from the sheet (the result's cells are never built);
//! [`write_json`] writes a built [`CheckResult`]. Both go through [`write_result`]. Invariant
//! (asserted by the test kit's `assert_check_json` and `assert_result` for every text the tests
//! and fuzzers check): equal to `serde_json::to_vec` of the result.

use gouji::format::CellId;
use gouji::model::Raw;
use gouji::result::{At, CheckResult, FindingOut, Num, Summary, Tables, SCHEMA};
use gouji::Options;

/// [`gouji::check`] written as one line of JSON into `out`, byte for byte `serde_json` of its
/// result, without building the result (the command line's batches): returns its summary.
pub fn check_json(text: &str, options: &Options, out: &mut Vec<u8>) -> serde_json::Result<Summary> {
    check_json_checked(text, options, out).map(|c| c.summary)
}

/// [`check_json`], giving back the check itself (a batch keeps its summary row and what a
/// cross-year comparison needs of it).
pub fn check_json_checked(
    text: &str,
    options: &Options,
    out: &mut Vec<u8>,
) -> serde_json::Result<gouji::Checked> {
    let checked = gouji::check_text(text, options);
    let report = &checked.report;
    let head = Head {
        schema: SCHEMA,
        format: checked.format.as_str(),
        year: checked.year,
        title: report.meta.title.as_deref(),
        input: report.input.as_str(),
    };
    let cells = report.sheet.cells().iter().map(|c| {
        let name = CellName::Cell(c.id);
        let cell = CellJson {
            value: gouji::result::num(c.value),
            raw: &c.raw,
            blank: c.value == gouji::model::Value::Blank,
            at: c.pos.map(At::from),
            unit: c.unit.map(gouji::model::Unit::as_str),
            read: c.split.then_some("split"),
        };
        (name, cell)
    });
    let findings: Vec<FindingOut> = checked.findings.iter().map(FindingOut::from).collect();
    let tail = Tail {
        findings: &findings,
        summary: &checked.summary,
        tables: &checked.tables,
        indicators: &checked.indicators,
        version: gouji::VERSION,
    };
    write_result(out, head, cells, tail)?;
    Ok(checked)
}

/// A built result as one line of JSON, byte for byte `serde_json::to_vec(r)`.
pub fn write_json(r: &CheckResult, out: &mut Vec<u8>) -> serde_json::Result<()> {
    if r.prev.is_some() || r.input == gouji::model::Input::Image {
        // a result compared with last year's (a pair, not a batch's usual result), or read from
        // a picture (its cells' boxes and confidences, seconds of reading to a microsecond of
        // writing): serde's own
        return serde_json::to_writer(&mut *out, r);
    }
    let head = Head {
        schema: r.schema,
        format: r.format.as_str(),
        year: r.year,
        title: r.title.as_deref(),
        input: r.input.as_str(),
    };
    let cells = r.cells.0.iter().map(|(id, c)| {
        let cell = CellJson {
            value: c.value,
            raw: &c.raw,
            blank: c.blank,
            at: c.at,
            unit: c.unit.as_deref(),
            read: c.read.as_deref(),
        };
        let name = CellId::parse(id).map_or(CellName::Id(id), CellName::Cell);
        (name, cell)
    });
    let tail = Tail {
        findings: &r.findings,
        summary: &r.summary,
        tables: &r.tables,
        indicators: &r.indicators,
        version: &r.version,
    };
    write_result(out, head, cells, tail)
}

/// The fields before the cells, as [`write_result`] writes them.
pub struct Head<'a> {
    pub schema: u32,
    pub format: &'a str,
    pub year: Option<i32>,
    pub title: Option<&'a str>,
    pub input: &'a str,
}

/// A cell's fields, as [`write_result`] writes them (borrowed from a [`CellOut`] or a sheet's
/// cell).
pub struct CellJson<'c> {
    pub value: Option<Num>,
    pub raw: &'c Raw,
    pub blank: bool,
    pub at: Option<At>,
    pub unit: Option<&'c str>,
    /// "split" for a figure recovered from figures run together.
    pub read: Option<&'c str>,
}

/// How a cell is named in the JSON: by its number among the formats' cells (its id then
/// comes from a table), or by its id.
pub enum CellName<'c> {
    Cell(CellId),
    Id(&'c str),
}

/// The fields after the cells.
pub struct Tail<'a> {
    pub findings: &'a [FindingOut],
    pub summary: &'a Summary,
    pub tables: &'a Tables,
    pub indicators: &'a gouji::result::Indicators,
    pub version: &'a str,
}

/// Writes a result, its cells given as (name, fields): the one writer of both
/// [`write_json`] and [`check_json`].
pub fn write_result<'c>(
    out: &mut Vec<u8>,
    head: Head,
    cells: impl ExactSizeIterator<Item = (CellName<'c>, CellJson<'c>)>,
    tail: Tail,
) -> serde_json::Result<()> {
    use serde_json::to_writer as put;
    out.extend_from_slice(b"{\"schema\":");
    put(&mut *out, &head.schema)?;
    out.extend_from_slice(b",\"format\":");
    json_str(out, head.format);
    out.extend_from_slice(b",\"year\":");
    put(&mut *out, &head.year)?;
    out.extend_from_slice(b",\"title\":");
    put(&mut *out, &head.title)?;
    out.extend_from_slice(b",\"input\":");
    json_str(out, head.input);
    out.extend_from_slice(b",\"cells\":{");
    // room for the usual cell: no growing on the way
    out.reserve(cells.len() * 96);
    let starts = entry_starts();
    for (i, (name, c)) in cells.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if usual_cell(out, &name, &c, starts) {
            continue;
        }
        let id = match name {
            CellName::Cell(s) => match starts.get(s.index()) {
                Some((start, len)) if *len > 0 => {
                    put_cut(out, start, usize::from(*len));
                    None
                }
                _ => Some(s.id()),
            },
            CellName::Id(id) => Some(id),
        };
        if let Some(id) = id {
            json_str(out, id);
            out.extend_from_slice(b":{\"value\":");
        }
        match (c.value, c.raw.padded()) {
            // the usual cell: its text is its number written plainly, so both are that text
            (Some(Num::Int(_)), Some((bytes, len))) if is_plain_int(&bytes[..len]) => {
                put_cut::<{ gouji::model::RAW_INLINE }>(out, bytes, len);
                out.extend_from_slice(b",\"raw\":\"");
                put_cut::<{ gouji::model::RAW_INLINE }>(out, bytes, len);
                out.push(b'"');
            }
            (value, _) => {
                match value {
                    None => out.extend_from_slice(b"null"),
                    Some(Num::Int(v)) => json_int(out, v),
                    Some(Num::Dec(v)) => put(&mut *out, &v)?,
                }
                out.extend_from_slice(b",\"raw\":");
                json_raw(out, c.raw);
            }
        }
        if c.blank {
            out.extend_from_slice(b",\"blank\":true");
        }
        if let Some(At::Pdf { page, .. }) = c.at {
            out.extend_from_slice(b",\"at\":{\"page\":");
            json_u32(out, page);
        }
        let at = match c.at {
            Some(At::Pdf { line, col, .. }) => {
                Some((&b",\"line\":"[..], line, &b",\"col\":"[..], col))
            }
            Some(At::Text { line, col }) => {
                Some((&b",\"at\":{\"line\":"[..], line, &b",\"col\":"[..], col))
            }
            Some(At::Grid { row, cell }) => {
                Some((&b",\"at\":{\"row\":"[..], row, &b",\"cell\":"[..], cell))
            }
            // results read from pictures are written by serde (`write_json`)
            Some(At::Image { .. }) | None => None,
        };
        if let Some((first, a, second, b)) = at {
            out.extend_from_slice(first);
            json_u32(out, a);
            out.extend_from_slice(second);
            json_u32(out, b);
            out.push(b'}');
        }
        if let Some(unit) = c.unit {
            out.extend_from_slice(b",\"unit\":");
            json_str(out, unit);
        }
        if let Some(read) = c.read {
            out.extend_from_slice(b",\"read\":");
            json_str(out, read);
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"},\"findings\":");
    put(&mut *out, tail.findings)?;
    out.extend_from_slice(b",\"summary\":");
    put(&mut *out, tail.summary)?;
    out.extend_from_slice(b",\"tables\":");
    put(&mut *out, tail.tables)?;
    out.extend_from_slice(b",\"indicators\":");
    put(&mut *out, tail.indicators)?;
    out.extend_from_slice(b",\"version\":");
    json_str(out, tail.version);
    out.push(b'}');
    Ok(())
}

/// Writes the usual cell whole, if `c` is one: named from the table, its text its integer
/// written plainly, a line and column below 10,000, neither blank nor with a unit. Room is
/// made for it once and each piece copied at a fixed size into it (no growth checks, the
/// length not stored piece by piece); `false`, and nothing written, for any other cell.
#[inline(always)]
fn usual_cell(
    out: &mut Vec<u8>,
    name: &CellName,
    c: &CellJson,
    starts: &[([u8; ENTRY_START], u8)],
) -> bool {
    const RAW: usize = gouji::model::RAW_INLINE;
    let (
        CellName::Cell(s),
        Some(Num::Int(_)),
        Some((raw, raw_len)),
        Some(At::Text { line, col }),
        false,
        None,
        None,
    ) = (name, c.value, c.raw.padded(), c.at, c.blank, c.unit, c.read)
    else {
        return false;
    };
    let Some((start, start_len)) = starts.get(s.index()).filter(|(_, len)| *len > 0) else {
        return false;
    };
    if line > 9999 || col > 9999 || !is_plain_int(&raw[..raw_len]) {
        return false;
    }
    let at = out.len();
    out.resize(at + ENTRY_START + 2 * RAW + 40, 0);
    let w = &mut out[at..];
    let mut i = 0;
    let mut put = |bytes: &[u8], len: usize| {
        w[i..i + bytes.len()].copy_from_slice(bytes);
        i += len;
    };
    put(start, usize::from(*start_len));
    put(raw, raw_len);
    put(b",\"raw\":\"", 8);
    put(raw, raw_len);
    put(b"\",\"at\":{\"line\":", 15);
    let (word, len) = digits(line);
    put(&word.to_le_bytes(), len);
    put(b",\"col\":", 7);
    let (word, len) = digits(col);
    put(&word.to_le_bytes(), len);
    put(b"}}", 2);
    out.truncate(at + i);
    true
}

/// Appends the first `len` bytes of `bytes`: a fixed-size copy (a few moves, where a short
/// copy of varying size is a call), then cut.
#[inline(always)]
fn put_cut<const N: usize>(out: &mut Vec<u8>, bytes: &[u8; N], len: usize) {
    let at = out.len();
    out.extend_from_slice(bytes);
    out.truncate(at + len);
}

/// The longest cell entry start written from the table; longer ids (none today) are
/// written piece by piece.
const ENTRY_START: usize = 64;

/// `"<id>":{"value":` for every cell of the formats, by cell number, padded for
/// [`put_cut`] (length 0: too long for the table).
fn entry_starts() -> &'static [([u8; ENTRY_START], u8)] {
    static STARTS: std::sync::OnceLock<Vec<([u8; ENTRY_START], u8)>> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        CellId::all()
            .map(|cell| {
                let mut start = Vec::new();
                json_str(&mut start, cell.id());
                start.extend_from_slice(b":{\"value\":");
                let mut padded = [0; ENTRY_START];
                match padded.get_mut(..start.len()) {
                    Some(p) => {
                        p.copy_from_slice(&start);
                        (padded, start.len() as u8)
                    }
                    None => (padded, 0),
                }
            })
            .collect()
    })
}

/// A cell's raw text as a JSON string: short text that needs no escape in one fixed-size
/// copy, the rest by [`json_str`].
fn json_raw(out: &mut Vec<u8>, raw: &Raw) {
    const N: usize = gouji::model::RAW_INLINE;
    match raw.padded() {
        Some((bytes, len)) if !bytes[..len].iter().any(|&b| needs_escape(b)) => {
            out.push(b'"');
            put_cut::<N>(out, bytes, len);
            out.push(b'"');
        }
        _ => json_str(out, raw),
    }
}

/// Digits as an integer is written: no sign, no leading zero, at most 18 (so the number they
/// were read as is exactly them).
fn is_plain_int(b: &[u8]) -> bool {
    match b {
        [b'0'] => true,
        [b'1'..=b'9', ..] => gouji::bytes::is_plain_digits(b),
        _ => false,
    }
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// A JSON string as `serde_json` escapes it: `"` `\`, and the control characters (the usual
/// five by letter, the rest as `\u00xx`); everything else as it is.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let b = s.as_bytes();
    let mut from = 0;
    // eight bytes at a time past those that need no escape (all of most strings)
    let mut clean = 0;
    while clean + 8 <= b.len() {
        let w = gouji::bytes::word(&b[clean..]);
        let marks = gouji::bytes::below_mask(w, 0x20)
            | gouji::bytes::eq_mask(w, b'"')
            | gouji::bytes::eq_mask(w, b'\\');
        if marks != 0 {
            break;
        }
        clean += 8;
    }
    for (i, &x) in b.iter().enumerate().skip(clean) {
        if !needs_escape(x) {
            continue;
        }
        out.extend_from_slice(&b[from..i]);
        match x {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            0x0D => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(x >> 4)]);
                out.push(HEX[usize::from(x & 0xF)]);
            }
        }
        from = i + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// Two ASCII digits for each number below 100.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839404142434445464748495051525354555657585960\
    6162636465666768697071727374757677787980818283848586878889909192939495969798\
    99";

fn pair(p: u32) -> u32 {
    let p = 2 * p as usize % PAIRS.len();
    u32::from(u16::from_le_bytes([PAIRS[p], PAIRS[p + 1]]))
}

/// [`json_int`] for a line or column: below 10,000 (nearly all) inline, in one short store.
#[inline(always)]
fn json_u32(out: &mut Vec<u8>, n: u32) {
    if n > 9999 {
        return json_int(out, i64::from(n));
    }
    let (word, len) = digits(n);
    put_cut(out, &word.to_le_bytes(), len);
}

/// The digits of `n` (below 10,000) in a word, the first lowest, and how many there are.
#[inline(always)]
fn digits(n: u32) -> (u32, usize) {
    match n {
        0..=9 => (u32::from(b'0') + n, 1),
        10..=99 => (pair(n), 2),
        100..=999 => ((u32::from(b'0') + n / 100) | (pair(n % 100) << 8), 3),
        _ => (pair(n / 100 % 100) | (pair(n % 100) << 16), 4),
    }
}

#[inline]
fn json_int(out: &mut Vec<u8>, v: i64) {
    let mut n = v.unsigned_abs();
    if v < 0 {
        out.push(b'-');
    }
    if n < 100_000_000 {
        // up to eight digits, gathered in a register from the last (each step shifts those
        // gathered up one place and puts the next before them), stored at once
        let pair = |p: u64| u64::from(pair(p as u32));
        let (mut word, mut len) = (0u64, 0);
        while n >= 100 {
            word = (word << 16) | pair(n % 100);
            n /= 100;
            len += 2;
        }
        if n >= 10 {
            word = (word << 16) | pair(n);
            len += 2;
        } else {
            word = (word << 8) | u64::from(b'0' + n as u8);
            len += 1;
        }
        return put_cut(out, &word.to_le_bytes(), len);
    }
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    while n > 0 {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&buf[at..]);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// [`super::usual_cell`]'s plain twin: the entry as serde_json writes the contract's cell.
    fn cell_plain(id: &str, c: &super::CellJson) -> Vec<u8> {
        let cell = gouji::result::CellOut {
            value: c.value,
            raw: c.raw.clone(),
            blank: c.blank,
            at: c.at,
            unit: c.unit.map(str::to_owned),
            read: c.read.map(str::to_owned),
            confidence: None,
        };
        let mut out = serde_json::to_vec(id).unwrap();
        out.push(b':');
        out.extend(serde_json::to_vec(&cell).unwrap());
        out
    }

    proptest! {
        #[test]
        fn the_usual_cell_is_written_as_serde_json_writes_it(
            index in 0usize..400,
            digits in "[0-9]{1,20}",
            line in 0u32..20_000,
            col in 0u32..20_000,
        ) {
            let Some(cell) = gouji::format::CellId::all().nth(index % gouji::format::CellId::count()) else {
                return Ok(());
            };
            let raw = gouji::model::Raw::from(digits.as_str());
            let c = super::CellJson {
                value: digits.parse::<i64>().ok().map(super::Num::Int),
                raw: &raw,
                blank: false,
                at: Some(super::At::Text { line, col }),
                unit: None,
                read: None,
            };
            let mut fast = Vec::new();
            if super::usual_cell(&mut fast, &super::CellName::Cell(cell), &c, super::entry_starts()) {
                prop_assert_eq!(fast, cell_plain(cell.id(), &c));
            } else {
                prop_assert!(fast.is_empty(), "nothing written when it is not the usual cell");
            }
        }
    }

    proptest! {
        #[test]
        fn strings_and_integers_are_written_as_serde_json_writes_them(s in any::<String>(), v in any::<i64>()) {
            let mut out = Vec::new();
            super::json_str(&mut out, &s);
            prop_assert_eq!(&out, &serde_json::to_vec(&s).unwrap());
            out.clear();
            super::json_int(&mut out, v);
            prop_assert_eq!(&out, &serde_json::to_vec(&v).unwrap());
            out.clear();
            let small = v as u32;
            super::json_u32(&mut out, small);
            prop_assert_eq!(&out, &serde_json::to_vec(&small).unwrap());
        }
    }

    #[test]
    fn plain_integers_are_those_written_as_their_number() {
        for (text, plain) in [
            ("0", true),
            ("7", true),
            ("2766", true),
            ("123456789012345678", true),
            ("1234567890123456789", false),
            ("00", false),
            ("012", false),
            ("-1", false),
            ("+1", false),
            ("1,000", false),
            ("", false),
        ] {
            assert_eq!(super::is_plain_int(text.as_bytes()), plain, "{text:?}");
        }
    }

    #[test]
    fn edge_strings_and_integers() {
        for s in [
            "",
            "\"",
            "\\",
            "\u{0}\u{1f}\u{7f}\u{2028}",
            "a\tb\nc\rd\u{8}\u{c}",
            "洪泽区",
        ] {
            let mut out = Vec::new();
            super::json_str(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
        for v in [
            0,
            -1,
            9,
            10,
            99,
            100,
            12_345_678,
            -99_999_999,
            100_000_000,
            i64::MIN,
            i64::MAX,
        ]
        .into_iter()
        .chain(-1_000..1_000)
        .chain((1..19).flat_map(|e| [-1, 0, 1].map(|d| 10i64.pow(e) + d)))
        {
            let mut out = Vec::new();
            super::json_int(&mut out, v);
            assert_eq!(out, serde_json::to_vec(&v).unwrap(), "{v}");
        }
        for n in (0..20_000).chain([99_999, 100_000, u32::MAX]) {
            let mut out = Vec::new();
            super::json_u32(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap(), "{n}");
        }
    }
}
