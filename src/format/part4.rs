//! Part 四 — 行政复议、行政诉讼 (docs/formats.md §4): 15 cells in one row.

use super::{CellId, Column, ValueKind};

pub struct Group {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Folded label fragments that name the group where part 四 is printed as a table per
    /// group (or a column per group); the last one before a group's figures names them.
    pub keys: &'static [&'static str],
}

pub const GROUPS: [Group; 3] = [
    Group {
        id: "p4.review",
        zh: "行政复议",
        en: "Administrative review",
        keys: &["行政复议"],
    },
    Group {
        id: "p4.suit_direct",
        zh: "行政诉讼（未经复议直接起诉）",
        en: "Lawsuits filed directly",
        keys: &["直接起诉", "未经复议"],
    },
    Group {
        id: "p4.suit_after_review",
        zh: "行政诉讼（复议后起诉）",
        en: "Lawsuits after review",
        keys: &["复议后起诉", "复议后"],
    },
];

pub const COLUMNS: [Column; 5] = [
    col("upheld", "结果维持", "upheld", &["维持"]),
    col("corrected", "结果纠正", "corrected", &["纠正"]),
    col("other", "其他结果", "other outcome", &["其他"]),
    col("pending", "尚未审结", "pending", &["审结"]),
    col("total", "总计", "total", &["总计", "合计"]),
];

const fn col(
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    keys: &'static [&'static str],
) -> Column {
    Column {
        id,
        zh,
        en,
        kind: ValueKind::Count,
        keys,
    }
}

pub const TOTAL_COL: usize = 4;

/// The 15 cells in official (reading) order.
/// The fifteen cells of the table, in official order (groups, then columns).
pub fn cell_ids() -> &'static [CellId] {
    static CELLS: std::sync::OnceLock<Vec<CellId>> = std::sync::OnceLock::new();
    CELLS.get_or_init(|| cells().filter_map(|(r, c)| CellId::of(r, c)).collect())
}

pub fn cells() -> impl Iterator<Item = (&'static str, &'static str)> {
    GROUPS
        .iter()
        .flat_map(|g| COLUMNS.iter().map(move |c| (g.id, c.id)))
}
