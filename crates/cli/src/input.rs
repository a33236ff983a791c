//! Files to what the core checks: read into a reused buffer; PDF, .docx and HTML told by
//! their bytes (`gouji_files`); text decoded as UTF-8 (borrowed), UTF-16 with a BOM or GBK;
//! anything else is refused with what to do, never guessed.

use gouji_files::FileError;
use std::borrow::Cow;
use std::io::{self, Read};

/// A file's bytes (or standard input's, for `-`) into `bytes`; returns how many.
/// Why not: in both languages (the English shown on the terminal, both in a summary).
pub fn read_bytes(name: &std::path::Path, bytes: &mut Vec<u8>) -> Result<usize, FileError> {
    if name == std::path::Path::new("-") {
        read_all(&mut io::stdin(), bytes).map_err(|e| FileError {
            zh: format!("无法读取标准输入：{e}"),
            en: format!("cannot read standard input: {e}"),
        })
    } else {
        std::fs::File::open(name)
            .and_then(|mut f| read_all(&mut f, bytes))
            .map_err(|e| FileError {
                zh: format!("无法读取：{e}"),
                en: format!("cannot read: {e}"),
            })
    }
}

/// A file as what the core checks, told by its bytes (PDF, .docx, HTML, text); text is
/// validated once, with SIMD, and borrowed.
pub fn content(bytes: &[u8]) -> Result<gouji_files::Content<'_>, FileError> {
    match gouji_files::binary_kind(bytes) {
        Some(kind) => gouji_files::read_binary(kind, bytes, &gouji_files::Limits::default()),
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
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, FileError> {
    let utf8 = |b| {
        simdutf8::basic::from_utf8(b)
            .map(Cow::Borrowed)
            .map_err(|_| not_utf8(b))
    };
    match bytes {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => gouji_files::decode_text(bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
        // not UTF-8: GBK/GB18030 text is read as such, anything else refused
        _ => utf8(bytes).or_else(|e| gouji_files::decode_text(bytes).map_err(|_| e)),
    }
}

fn not_utf8(bytes: &[u8]) -> FileError {
    let at = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let binary = bytes.iter().take(4096).any(|&b| b == 0);
    if binary {
        FileError {
            zh: format!("不是 gouji 能读的报告文件（第 {at} 字节起是二进制数据）：请提供 PDF、Word（.docx）、保存的网页或文本"),
            en: format!("not a report file gouji reads (binary data at byte {at}): give the report as PDF, .docx, a saved web page or text"),
        }
    } else {
        FileError {
            zh: format!("既不是 UTF-8 也不是 GBK 文本（第 {at} 字节无效）：请另存为 UTF-8 文本"),
            en: format!(
                "neither UTF-8 nor GBK text (invalid byte at offset {at}): save it as UTF-8 text"
            ),
        }
    }
}
