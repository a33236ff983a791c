//! The two official formats as data: tables, rows, columns and cell ids (FORMATS.md §2–4).
//!
//! Invariant: every cell id the program emits is built from these tables; no other module
//! spells a row or column id. Readers match labels through the `keys` given here.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

pub mod part2;
pub mod part3;
pub mod part4;

/// An official format (FORMATS.md, top).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatId {
    F2019,
    F2021,
}

impl FormatId {
    pub fn as_str(self) -> &'static str {
        match self {
            FormatId::F2019 => "F2019",
            FormatId::F2021 => "F2021",
        }
    }

    /// The format in force for a report year (`None` before the 2019 revision).
    pub fn for_year(year: i32) -> Option<FormatId> {
        match year {
            2019 | 2020 => Some(FormatId::F2019),
            y if y >= 2021 => Some(FormatId::F2021),
            _ => None,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            FormatId::F2019 => "2019年版格式",
            FormatId::F2021 => "2021年版格式",
        }
    }
}

/// What a column's cells hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A count of items: an integer ≥ 0.
    Count,
    /// A signed change (本年增/减).
    Signed,
    /// Money with a unit written in the cell (元 / 万元 / 亿元), F2019 采购总金额.
    Money,
    /// A decimal amount whose unit is in the header (万元), F2021 收费金额.
    Amount,
}

/// A column of a table.
#[derive(Debug)]
pub struct Column {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub kind: ValueKind,
    /// Folded fragments that identify the column in a header.
    pub keys: &'static [&'static str],
}

/// The three tables of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    P2,
    P3,
    P4,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::P2, Part::P3, Part::P4];

    pub fn zh(self) -> &'static str {
        match self {
            Part::P2 => "二、主动公开政府信息情况",
            Part::P3 => "三、收到和处理政府信息公开申请情况",
            Part::P4 => "四、政府信息公开行政复议、行政诉讼情况",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Part::P2 => "Part 2: proactive disclosure",
            Part::P3 => "Part 3: applications received and handled",
            Part::P4 => "Part 4: administrative review and litigation",
        }
    }

    pub fn short_zh(self) -> &'static str {
        match self {
            Part::P2 => "第二部分",
            Part::P3 => "第三部分",
            Part::P4 => "第四部分",
        }
    }

    pub fn short_en(self) -> &'static str {
        match self {
            Part::P2 => "Part 2",
            Part::P3 => "Part 3",
            Part::P4 => "Part 4",
        }
    }
}

/// A cell's identity: its row path (`p3.granted`) and column (`natural`), both static.
#[derive(Clone, Copy, Debug, Eq, PartialOrd, Ord)]
pub struct CellKey {
    pub row: &'static str,
    pub col: &'static str,
}

/// Keys built from the format's tables share their strings: compare addresses first.
impl PartialEq for CellKey {
    fn eq(&self, other: &Self) -> bool {
        fn same(a: &str, b: &str) -> bool {
            (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
        }
        same(self.row, other.row) && same(self.col, other.col)
    }
}

/// Hashes the ends of the ids, not every byte: row ids share their prefix (`p3.`), and the
/// sheet looks keys up often. Equal keys have equal ends, so this is a valid hash.
impl std::hash::Hash for CellKey {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        fn tail(s: &[u8]) -> u64 {
            match s.len().checked_sub(8) {
                Some(at) => {
                    let mut b = [0u8; 8];
                    b.copy_from_slice(&s[at..]);
                    u64::from_le_bytes(b)
                }
                None => s.iter().fold(0, |h, &x| (h << 8) | u64::from(x)),
            }
        }
        let (r, c) = (self.row.as_bytes(), self.col.as_bytes());
        h.write_u64(
            tail(r) ^ ((r.len() as u64) << 56) ^ tail(c).rotate_left(29) ^ (c.len() as u64),
        );
    }
}

impl CellKey {
    pub const fn new(row: &'static str, col: &'static str) -> Self {
        CellKey { row, col }
    }

    /// The cell id of FORMATS.md, e.g. `p3.granted.natural`.
    pub fn id(&self) -> String {
        let mut s = String::with_capacity(self.row.len() + self.col.len() + 1);
        s.push_str(self.row);
        s.push('.');
        s.push_str(self.col);
        s
    }

    pub fn part(&self) -> Part {
        match self.row.as_bytes().get(1) {
            Some(b'2') => Part::P2,
            Some(b'3') => Part::P3,
            _ => Part::P4,
        }
    }

    /// Looks a cell id up in the format tables.
    pub fn parse(id: &str) -> Option<CellKey> {
        let ids = ids();
        ids.binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
            .map(|i| ids[i].1)
    }

    /// The cell's number among all cells of the formats (`0..slots()`): a sheet indexes its
    /// cells by it. Keys made from the format tables are found by the addresses of their
    /// strings (no hashing of text); any other key by its text.
    #[inline]
    pub fn slot(self) -> Option<usize> {
        type ByKey = HashMap<CellKey, u16, BuildHasherDefault<crate::model::Fnv>>;
        static BY_ADDRESS: OnceLock<AddressTable> = OnceLock::new();
        static BY_KEY: OnceLock<ByKey> = OnceLock::new();
        let numbered = || ids().iter().enumerate().map(|(i, (_, k))| (*k, i as u16));
        let by_address = BY_ADDRESS
            .get_or_init(|| AddressTable::new(numbered().map(|(k, i)| (k.addresses(), i))));
        if let Some(i) = by_address.get(self.addresses()) {
            return Some(usize::from(i));
        }
        BY_KEY
            .get_or_init(|| numbered().collect())
            .get(&self)
            .map(|&i| usize::from(i))
    }

    fn addresses(self) -> (u64, u64) {
        (address(self.row), address(self.col))
    }
}

/// A string's address and length together: two strings may share an address (one a prefix
/// of the other) but not both. Never 0.
fn address(s: &str) -> u64 {
    (s.as_ptr() as u64) ^ ((s.len() as u64) << 56)
}

/// The cells of the formats by the addresses of their keys' strings: open addressing in a
/// table four times their number, so a lookup is a multiply and, mostly, one comparison.
struct AddressTable {
    entries: Vec<(u64, u64, u16)>,
    shift: u32,
}

impl AddressTable {
    fn new(cells: impl Iterator<Item = ((u64, u64), u16)>) -> Self {
        let cells: Vec<((u64, u64), u16)> = cells.collect();
        let size = (cells.len() * 4).next_power_of_two().max(16);
        let mut t = AddressTable {
            entries: vec![(0, 0, 0); size],
            shift: 64 - size.trailing_zeros(),
        };
        for ((a, b), i) in cells {
            let mut h = t.home(a, b);
            while t.entries[h].0 != 0 {
                h = (h + 1) & (size - 1);
            }
            t.entries[h] = (a, b, i);
        }
        t
    }

    fn home(&self, a: u64, b: u64) -> usize {
        let h = (a ^ b.rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    #[inline]
    fn get(&self, (a, b): (u64, u64)) -> Option<u16> {
        let mask = self.entries.len() - 1;
        let mut h = self.home(a, b);
        loop {
            let (x, y, i) = self.entries[h];
            if x == a && y == b {
                return Some(i);
            }
            if x == 0 {
                return None;
            }
            h = (h + 1) & mask;
        }
    }
}

/// The id of the cell numbered `slot` (a number [`CellKey::slot`] gave).
pub fn id_of_slot(slot: usize) -> Option<&'static str> {
    ids().get(slot).map(|(id, _)| id.as_str())
}

/// The number of the cell whose id is `id` when `id` is the very string [`id_of_slot`] gave
/// (found by its address, as [`CellKey::slot`] finds keys); `None` for any other string.
pub fn slot_of_id(id: &str) -> Option<usize> {
    static BY_ADDRESS: OnceLock<AddressTable> = OnceLock::new();
    let numbered = || {
        ids()
            .iter()
            .enumerate()
            .map(|(i, (id, _))| ((address(id), 0), i as u16))
    };
    BY_ADDRESS
        .get_or_init(|| AddressTable::new(numbered()))
        .get((address(id), 0))
        .map(usize::from)
}

/// How many cells the formats have: the range of [`CellKey::slot`].
pub fn slots() -> usize {
    ids().len()
}

/// Every cell id with its key, sorted by id: built once.
fn ids() -> &'static [(String, CellKey)] {
    static IDS: OnceLock<Vec<(String, CellKey)>> = OnceLock::new();
    IDS.get_or_init(|| {
        let mut v: Vec<(String, CellKey)> = all_cells().map(|k| (k.id(), k)).collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    })
}

/// Every cell of every table of both formats (with optional rows), in official order.
pub fn all_cells() -> impl Iterator<Item = CellKey> {
    part2::cells()
        .chain(part3::all_cells())
        .chain(part4::cells())
}
