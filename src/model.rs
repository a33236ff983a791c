//! The internal model between the phases: the cells read (a [`Sheet`]) and [`Finding`]s.
//!
//! Invariant: a sheet holds at most one cell per [`CellKey`]; cells keep their raw text and
//! where they came from. Nothing here knows about JSON or HTML (see `result` and `render`).

use crate::format::{CellKey, FormatId, Part};
use crate::read::tokens::Pos;
use crate::read::value::{Parsed, Problem, Value};
use std::hash::Hasher;

#[derive(Clone, Debug)]
pub struct Cell {
    pub key: CellKey,
    pub raw: Raw,
    pub value: Value,
    pub unit: Option<crate::read::tokens::Unit>,
    pub problem: Option<Problem>,
    pub pos: Option<Pos>,
    /// The cell's number among the formats' cells ([`CellKey::slot`]), `NO_SLOT` for a key that
    /// is not one of them. (Fits where `pos` leaves padding: the cell does not grow.)
    pub slot: u16,
}

pub const NO_SLOT: u16 = u16::MAX;

/// The cells read from a report, in reading order, with an index by key.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    cells: Vec<Cell>,
    /// Where each cell of the formats is in `cells`, by [`CellKey::slot`] (`NONE`: not read).
    by_slot: Vec<u32>,
    /// Cells whose keys are not in the format tables (none in practice), searched in order.
    others: Vec<(CellKey, usize)>,
}

const NONE: u32 = u32::MAX;

impl Sheet {
    /// An empty sheet with room for every cell of a report, so it never grows mid-read.
    pub fn with_room() -> Self {
        Sheet {
            cells: Vec::with_capacity(256),
            by_slot: vec![NONE; crate::format::slots()],
            others: Vec::new(),
        }
    }

    pub fn insert(&mut self, key: CellKey, raw: &str, parsed: Parsed, pos: Option<Pos>) {
        self.insert_at(key, key.slot(), raw, parsed, pos);
    }

    /// [`Sheet::insert`] for a caller that knows the key's number ([`CellKey::slot`]).
    #[inline(always)]
    pub fn insert_numbered(
        &mut self,
        key: CellKey,
        slot: u16,
        raw: &str,
        parsed: Parsed,
        pos: Option<Pos>,
    ) {
        debug_assert_eq!(
            key.slot(),
            Some(usize::from(slot)).filter(|_| slot != NO_SLOT)
        );
        let slot = (slot != NO_SLOT).then_some(usize::from(slot));
        self.insert_at(key, slot, raw, parsed, pos);
    }

    #[inline(always)]
    fn insert_at(
        &mut self,
        key: CellKey,
        slot: Option<usize>,
        raw: &str,
        parsed: Parsed,
        pos: Option<Pos>,
    ) {
        // built where it is stored (pushed or put in place), not built and then moved
        let cell = || Cell {
            key,
            raw: Raw::default(),
            value: parsed.value,
            unit: parsed.unit,
            problem: parsed.problem,
            pos,
            slot: slot.and_then(|s| u16::try_from(s).ok()).unwrap_or(NO_SLOT),
        };
        let at = self.cells.len();
        // where the key was read before, if it was: read again, the cell is replaced
        let old = match slot {
            Some(slot) => {
                if self.by_slot.len() <= slot {
                    self.by_slot.resize(crate::format::slots(), NONE);
                }
                match self.by_slot[slot] {
                    NONE => {
                        self.by_slot[slot] = u32::try_from(at).unwrap_or(NONE);
                        None
                    }
                    old => Some(old as usize),
                }
            }
            None => match self.others.iter().find(|(k, _)| *k == key) {
                Some(&(_, old)) => Some(old),
                None => {
                    self.others.push((key, at));
                    None
                }
            },
        };
        // the text is copied into the cell where it lies: copied into a new cell that is then
        // moved, its bytes would be stored narrow and loaded wide, and the load stalls
        let i = match old {
            Some(old) => {
                self.cells[old] = cell();
                old
            }
            None => {
                self.cells.push(cell());
                at
            }
        };
        self.cells[i].raw.assign(raw);
    }

    pub fn get(&self, key: CellKey) -> Option<&Cell> {
        self.index_of(key).map(|i| &self.cells[i])
    }

    /// The position of a cell in `cells()`.
    pub fn index_of(&self, key: CellKey) -> Option<usize> {
        match key.slot() {
            Some(slot) => self
                .by_slot
                .get(slot)
                .filter(|&&i| i != NONE)
                .map(|&i| i as usize),
            None => self.others.iter().find(|(k, _)| *k == key).map(|&(_, i)| i),
        }
    }

    /// The position in `cells()` of the cell numbered `slot` ([`CellKey::slot`]).
    pub fn index_of_slot(&self, slot: u16) -> Option<usize> {
        self.by_slot
            .get(usize::from(slot))
            .filter(|&&i| i != NONE)
            .map(|&i| i as usize)
    }

    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    pub fn into_cells(self) -> Vec<Cell> {
        self.cells
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    pub fn has_part(&self, part: Part) -> bool {
        self.cells.iter().any(|c| c.key.part() == part)
    }
}

/// A cell's text as written: short (a figure, a blank mark) so kept inline, without an
/// allocation per cell; longer text goes to the heap. Reads as a `&str`.
#[derive(Clone)]
pub struct Raw(RawRepr);

#[derive(Clone)]
enum RawRepr {
    Inline { len: u8, bytes: [u8; RAW_INLINE] },
    Heap(Box<str>),
}

/// What fits beside the length byte in the size of a `Box<str>` and its tag.
pub const RAW_INLINE: usize = 22;

impl Raw {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // always whole characters copied from a `&str`: the check cannot fail
            RawRepr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            RawRepr::Heap(s) => s,
        }
    }
}

impl Raw {
    /// The text's bytes in a fixed-size array (the rest zero) and its length, when inline:
    /// for writers that copy a fixed size and then cut.
    pub fn padded(&self) -> Option<(&[u8; RAW_INLINE], usize)> {
        match &self.0 {
            RawRepr::Inline { len, bytes } => Some((bytes, usize::from(*len))),
            RawRepr::Heap(_) => None,
        }
    }
}

impl Raw {
    /// Sets the text, in place where it fits.
    #[inline]
    pub fn assign(&mut self, s: &str) {
        match &mut self.0 {
            RawRepr::Inline { len, bytes } if s.len() <= RAW_INLINE => {
                copy_short(bytes, s.as_bytes());
                *len = s.len() as u8;
            }
            _ => *self = Raw::from(s),
        }
    }
}

/// Copies `src` (at most `N` bytes) to the start of `dst` by two fixed-size copies that
/// overlap: a short copy of varying size is otherwise a call to `memcpy`.
#[inline(always)]
fn copy_short<const N: usize>(dst: &mut [u8; N], src: &[u8]) {
    let n = src.len();
    match n {
        0 => {}
        1..=3 => {
            dst[0] = src[0];
            dst[n / 2] = src[n / 2];
            dst[n - 1] = src[n - 1];
        }
        4..=7 => {
            dst[..4].copy_from_slice(&src[..4]);
            dst[n - 4..n].copy_from_slice(&src[n - 4..]);
        }
        8..=15 => {
            dst[..8].copy_from_slice(&src[..8]);
            dst[n - 8..n].copy_from_slice(&src[n - 8..]);
        }
        _ => {
            dst[..16].copy_from_slice(&src[..16]);
            dst[n - 16..n].copy_from_slice(&src[n - 16..]);
        }
    }
}

impl From<&str> for Raw {
    fn from(s: &str) -> Self {
        if s.len() <= RAW_INLINE {
            let mut bytes = [0; RAW_INLINE];
            copy_short(&mut bytes, s.as_bytes());
            // fits in a u8: RAW_INLINE < 256
            Raw(RawRepr::Inline {
                len: s.len() as u8,
                bytes,
            })
        } else {
            Raw(RawRepr::Heap(s.into()))
        }
    }
}

impl From<String> for Raw {
    fn from(s: String) -> Self {
        if s.len() <= RAW_INLINE {
            Raw::from(s.as_str())
        } else {
            Raw(RawRepr::Heap(s.into_boxed_str()))
        }
    }
}

impl Default for Raw {
    fn default() -> Self {
        Raw(RawRepr::Inline {
            len: 0,
            bytes: [0; RAW_INLINE],
        })
    }
}

impl std::ops::Deref for Raw {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Raw {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Raw {
    fn eq(&self, other: &Raw) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Raw {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Raw {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Raw {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Raw {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Raw {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Raw {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Raw::from)
    }
}

/// FNV-1a: the sheet's keys are short static strings; SipHash is needlessly slow here.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        // a final mix, so that the low bits (the table's buckets) depend on every input bit
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51afd7ed558ccd);
        h ^ (h >> 33)
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(0x100000001b3).rotate_left(31) ^ v;
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

/// Rule ids: part of the output contract (FORMATS.md §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    P3Row,
    P3Sum,
    P3Bal,
    P4Sum,
    P2Pub,
    P2Neg,
    P2InForce,
    P2Unit,
    CellValue,
    CellBlank,
    TableMissing,
    TableExtra,
    FmtMix,
    TxtNum,
    Year,
}

impl Rule {
    pub fn id(self) -> &'static str {
        match self {
            Rule::P3Row => "P3-ROW",
            Rule::P3Sum => "P3-SUM",
            Rule::P3Bal => "P3-BAL",
            Rule::P4Sum => "P4-SUM",
            Rule::P2Pub => "P2-PUB",
            Rule::P2Neg => "P2-NEG",
            Rule::P2InForce => "P2-INFORCE",
            Rule::P2Unit => "P2-UNIT",
            Rule::CellValue => "CELL-VALUE",
            Rule::CellBlank => "CELL-BLANK",
            Rule::TableMissing => "TABLE-MISSING",
            Rule::TableExtra => "TABLE-EXTRA",
            Rule::FmtMix => "FMT-MIX",
            Rule::TxtNum => "TXT-NUM",
            Rule::Year => "YEAR",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A one-cell fix: setting `cell` to `fix` satisfies every failing relation through it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suspect {
    pub cell: CellKey,
    pub fix: i64,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub cells: Vec<CellKey>,
    pub expected: Option<i64>,
    pub actual: Option<i64>,
    pub suspects: Vec<Suspect>,
    pub message: String,
    pub message_en: String,
    /// Where to point the user: the suspect's or the relation's key cell, or a prose figure.
    pub pos: Option<Pos>,
}

impl Finding {
    pub fn new(rule: Rule, severity: Severity, message: String, message_en: String) -> Self {
        Finding {
            rule,
            severity,
            cells: Vec::new(),
            expected: None,
            actual: None,
            suspects: Vec::new(),
            message,
            message_en,
            pos: None,
        }
    }

    pub fn with_cells(mut self, cells: Vec<CellKey>) -> Self {
        self.cells = cells;
        self
    }

    pub fn at(mut self, pos: Option<Pos>) -> Self {
        self.pos = pos;
        self
    }
}

/// Which variant each table was read as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Variants {
    pub p2: Option<FormatId>,
    /// F2019 when part 三 has the single （六） row, F2021 when it has the three sub-rows.
    pub p3: Option<FormatId>,
    pub p4: bool,
}

#[cfg(test)]
mod tests {
    use super::{copy_short, Cell, Raw, RAW_INLINE};

    #[test]
    fn short_copies_write_exactly_the_source() {
        for n in 0..=RAW_INLINE {
            let src: Vec<u8> = (1..=n as u8).collect();
            let mut dst = [0xAA; RAW_INLINE];
            copy_short(&mut dst, &src);
            assert_eq!(&dst[..n], &src[..], "{n}");
            assert!(dst[n..].iter().all(|&b| b == 0xAA), "{n}");
        }
    }

    #[test]
    fn a_cell_stays_within_96_bytes() {
        // a sheet holds some 200 cells, written and read by every stage: its unit is a byte
        // and its number rides in padding (a smaller cell measured faster)
        assert!(
            std::mem::size_of::<Cell>() <= 96,
            "{}",
            std::mem::size_of::<Cell>()
        );
    }

    #[test]
    fn a_cell_read_again_replaces_the_first_reading() {
        use crate::format::CellKey;
        use crate::read::value::{parse, Value};
        let key = CellKey::new(
            crate::format::part3::NEW.id,
            crate::format::part3::COLUMNS[0].id,
        );
        let long = "一个超过二十二个字节的很长的文字";
        let mut sheet = super::Sheet::with_room();
        sheet.insert(
            key,
            long,
            parse(long, crate::format::ValueKind::Count),
            None,
        );
        sheet.insert(
            key,
            "12",
            parse("12", crate::format::ValueKind::Count),
            None,
        );
        assert_eq!(sheet.len(), 1);
        let cell = sheet.get(key).expect("the cell");
        assert_eq!((cell.raw.as_str(), cell.value), ("12", Value::Int(12)));
    }

    #[test]
    fn raw_text_reads_back_inline_and_on_the_heap() {
        // 22 bytes fit inline; 23 do not; multi-byte characters are kept whole either way
        for s in [
            "",
            "21",
            "—",
            "1234567890123456789012",
            "12345678901234567890123",
            "一二三四五六七八",
        ] {
            let raw = Raw::from(s);
            assert_eq!(raw.as_str(), s);
            assert_eq!(Raw::from(s.to_owned()), raw);
            assert_eq!(format!("{raw}"), s);
        }
    }
}
