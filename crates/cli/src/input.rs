//! Files to text: read into a reused buffer, decoded as UTF-8 (borrowed) or UTF-16 with a
//! BOM; anything else is refused with what to do, never guessed.

use std::borrow::Cow;
use std::io::{self, Read};

pub fn read_input<'b>(name: &str, bytes: &'b mut Vec<u8>) -> Result<Cow<'b, str>, String> {
    let n = if name == "-" {
        read_all(&mut io::stdin(), bytes).map_err(|e| format!("cannot read standard input: {e}"))?
    } else {
        std::fs::File::open(name)
            .and_then(|mut f| read_all(&mut f, bytes))
            .map_err(|e| format!("cannot read: {e}"))?
    };
    decode(&bytes[..n])
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

/// UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused, not guessed.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
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
        String::from_utf16(&units)
            .map(Cow::Owned)
            .map_err(|_| "invalid UTF-16 text".to_owned())
    };
    let utf8 = |b| {
        simdutf8::basic::from_utf8(b)
            .map(Cow::Borrowed)
            .map_err(|_| not_utf8(b))
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
        _ => utf8(bytes),
    }
}

fn not_utf8(bytes: &[u8]) -> String {
    let at = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let binary = bytes.iter().take(4096).any(|&b| b == 0);
    if binary {
        format!("not a text file (binary data at byte {at})")
    } else {
        format!("not UTF-8 text (invalid byte at offset {at}); a GBK/GB18030 file can be converted with `iconv -f GB18030 -t UTF-8`")
    }
}
