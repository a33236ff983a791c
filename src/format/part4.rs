//! Part 四 — 行政复议、行政诉讼 (FORMATS.md §4): 15 cells in one row.

use super::{CellKey, Column, ValueKind};

pub struct Group {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

pub const GROUPS: [Group; 3] = [
    Group {
        id: "p4.review",
        zh: "行政复议",
        en: "Administrative review",
    },
    Group {
        id: "p4.suit_direct",
        zh: "行政诉讼（未经复议直接起诉）",
        en: "Lawsuits filed directly",
    },
    Group {
        id: "p4.suit_after_review",
        zh: "行政诉讼（复议后起诉）",
        en: "Lawsuits after review",
    },
];

pub const COLUMNS: [Column; 5] = [
    col("upheld", "结果维持", "upheld"),
    col("corrected", "结果纠正", "corrected"),
    col("other", "其他结果", "other outcome"),
    col("pending", "尚未审结", "pending"),
    col("total", "总计", "total"),
];

const fn col(id: &'static str, zh: &'static str, en: &'static str) -> Column {
    Column {
        id,
        zh,
        en,
        kind: ValueKind::Count,
        keys: &[],
    }
}

pub const TOTAL_COL: usize = 4;

/// The 15 cells in official (reading) order.
pub fn cells() -> impl Iterator<Item = CellKey> {
    GROUPS
        .iter()
        .flat_map(|g| COLUMNS.iter().map(move |c| CellKey::new(g.id, c.id)))
}
