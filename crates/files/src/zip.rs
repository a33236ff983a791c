//! The few zip members a .docx is read from: the central directory, then each member asked
//! for, stored or deflated, inflated within limits (a zip bomb is refused, never unpacked).

use crate::{FileError, Limits};

pub struct Zip<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry<'a>>,
}

struct Entry<'a> {
    name: &'a [u8],
    method: u16,
    compressed: usize,
    size: usize,
    offset: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

impl<'a> Zip<'a> {
    /// The archive's directory; a damaged or truncated one is an error naming what is wrong.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Zip<'a>, FileError> {
        // the end of central directory record: within the last 64 KB + 22 bytes
        let from = bytes.len().saturating_sub(0xFFFF + 22);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
            .ok_or_else(|| FileError::damaged("zip", "its directory (the end of the archive) is missing: the file is truncated or damaged"))?;
        let count = u16_at(bytes, eocd + 10).unwrap_or(0) as usize;
        let dir = u32_at(bytes, eocd + 16).unwrap_or(usize::MAX);
        if count > limits.zip_entries {
            return Err(FileError::too_big(format!(
                "the archive lists {count} members (at most {} are read)",
                limits.zip_entries
            )));
        }
        let mut entries = Vec::with_capacity(count);
        let mut at = dir;
        for _ in 0..count {
            let bad = || FileError::damaged("zip", "its directory is damaged");
            if bytes.get(at..at + 4) != Some(b"PK\x01\x02") {
                return Err(bad());
            }
            let method = u16_at(bytes, at + 10).ok_or_else(bad)?;
            let compressed = u32_at(bytes, at + 20).ok_or_else(bad)?;
            let size = u32_at(bytes, at + 24).ok_or_else(bad)?;
            let name_len = u16_at(bytes, at + 28).ok_or_else(bad)? as usize;
            let extra = u16_at(bytes, at + 30).ok_or_else(bad)? as usize;
            let comment = u16_at(bytes, at + 32).ok_or_else(bad)? as usize;
            let offset = u32_at(bytes, at + 42).ok_or_else(bad)?;
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(bad)?;
            entries.push(Entry {
                name,
                method,
                compressed,
                size,
                offset,
            });
            at += 46 + name_len + extra + comment;
        }
        Ok(Zip { bytes, entries })
    }

    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name.as_bytes())
    }

    /// A member's bytes, inflated; `None` when the archive has no such member.
    pub fn read(&self, name: &str, limits: &Limits) -> Result<Option<Vec<u8>>, FileError> {
        let Some(e) = self.entries.iter().find(|e| e.name == name.as_bytes()) else {
            return Ok(None);
        };
        let bad = || FileError::damaged("zip", &format!("its member {name} is damaged"));
        let b = self.bytes;
        if b.get(e.offset..e.offset + 4) != Some(b"PK\x03\x04") {
            return Err(bad());
        }
        let name_len = u16_at(b, e.offset + 26).ok_or_else(bad)? as usize;
        let extra = u16_at(b, e.offset + 28).ok_or_else(bad)? as usize;
        let start = e.offset + 30 + name_len + extra;
        let data = b.get(start..start + e.compressed).ok_or_else(bad)?;
        if e.size > limits.inflated {
            return Err(FileError::too_big(format!(
                "its member {name} unpacks to {} MB (at most {} MB are read)",
                e.size >> 20,
                limits.inflated >> 20
            )));
        }
        match e.method {
            0 => Ok(Some(data.to_vec())),
            8 => crate::inflate(data, limits.inflated, false)
                .map(Some)
                .map_err(|e| match e {
                    crate::Inflate::TooBig => FileError::too_big(format!(
                        "its member {name} unpacks to more than {} MB (a zip bomb?)",
                        limits.inflated >> 20
                    )),
                    crate::Inflate::Damaged => bad(),
                }),
            m => Err(FileError::damaged(
                "zip",
                &format!("its member {name} is packed with method {m}, which gouji does not read"),
            )),
        }
    }
}
