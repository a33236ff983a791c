//! Files to what the core checks: read into a reused buffer; PDF, .docx and HTML told by
//! their bytes (`gouji_files`); text decoded as UTF-8 (borrowed), UTF-16 with a BOM or GBK;
//! anything else is refused with what to do, never guessed.

use std::borrow::Cow;
use std::io::{self, Read};

/// A file's bytes (or standard input's, for `-`) into `bytes`; returns how many.
pub fn read_bytes(name: &std::path::Path, bytes: &mut Vec<u8>) -> Result<usize, String> {
    if name == std::path::Path::new("-") {
        read_all(&mut io::stdin(), bytes).map_err(|e| format!("cannot read standard input: {e}"))
    } else {
        std::fs::File::open(name)
            .and_then(|mut f| read_all(&mut f, bytes))
            .map_err(|e| format!("cannot read: {e}"))
    }
}

/// A file as what the core checks, told by its bytes (PDF, .docx, HTML, text); text is
/// validated once, with SIMD, and borrowed.
pub fn content(bytes: &[u8]) -> Result<gouji_files::Content<'_>, String> {
    match gouji_files::binary_kind(bytes) {
        Some(kind) => {
            gouji_files::read_binary(kind, bytes, &gouji_files::Limits::default()).map_err(|e| e.en)
        }
        None => decode(bytes).map(gouji_files::text_content),
    }
}

/// Reads to the end into `buf` (kept initialised and only ever grown, so a batch reads
/// each file with one `read` and one more to see its end); returns the length read.
pub fn read_all(from: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut n = 0;
    loop {
        if n == buf.len() {
            buf.resize((buf.len() * 2).max(1 << 16), 0);
        }
        match from.read(&mut buf[n..]) {
            Ok(0) => return Ok(n),
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// UTF-8 (with or without BOM), validated with SIMD and borrowed; UTF-16 with a BOM and GBK as
/// the file readers decode them (`gouji_files::decode_text`); anything else is refused, not
/// guessed.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    let utf8 = |b| {
        simdutf8::basic::from_utf8(b)
            .map(Cow::Borrowed)
            .map_err(|_| not_utf8(b))
    };
    match bytes {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => gouji_files::decode_text(bytes).map_err(|e| e.en),
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
        // not UTF-8: GBK/GB18030 text is read as such, anything else refused
        _ => utf8(bytes).or_else(|e| gouji_files::decode_text(bytes).map_err(|_| e)),
    }
}

fn not_utf8(bytes: &[u8]) -> String {
    let at = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let binary = bytes.iter().take(4096).any(|&b| b == 0);
    if binary {
        format!("not a report file gouji reads (binary data at byte {at}): give the report as PDF, .docx, a saved web page or text")
    } else {
        format!("neither UTF-8 nor GBK text (invalid byte at offset {at}): save it as UTF-8 text")
    }
}
