//! Part 二 — 主动公开政府信息情况 (docs/formats.md §2): stacked blocks, one per 第二十条 item.

use super::{CellId, Column, FormatId, ValueKind};

#[derive(Debug)]
pub struct Row {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub keys: &'static [&'static str],
}

/// One format's version of a block: its columns and rows.
#[derive(Debug)]
pub struct Variant {
    pub format: FormatId,
    pub columns: &'static [Column],
    pub rows: &'static [Row],
}

#[derive(Debug)]
pub struct Block {
    /// The item numeral of 第二十条第（X）项.
    pub item: &'static str,
    pub zh: &'static str,
    pub variants: &'static [Variant],
}

impl Block {
    pub fn variant(&self, format: FormatId) -> Option<&'static Variant> {
        self.variants.iter().find(|v| v.format == format)
    }
}

const fn col(
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    kind: ValueKind,
    keys: &'static [&'static str],
) -> Column {
    Column {
        id,
        zh,
        en,
        kind,
        keys,
    }
}

const fn row(
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    keys: &'static [&'static str],
) -> Row {
    Row { id, zh, en, keys }
}

use FormatId::*;
use ValueKind::*;

const RULES: Row = row("p2.rules", "规章", "Rules", &["规章"]);
const NORMATIVE: Row = row(
    "p2.normative",
    "规范性文件",
    "Normative documents",
    &["规范性文件"],
);
const LICENSING: Row = row(
    "p2.licensing",
    "行政许可",
    "Administrative licensing",
    &["行政许可"],
);
const OTHER_SERVICES: Row = row(
    "p2.other_services",
    "其他对外管理服务事项",
    "Other external services",
    &["对外管理服务", "其他对外管理"],
);
const PENALTY: Row = row(
    "p2.penalty",
    "行政处罚",
    "Administrative penalties",
    &["行政处罚"],
);
const COERCION: Row = row(
    "p2.coercion",
    "行政强制",
    "Administrative coercion",
    &["行政强制"],
);
const FEES: Row = row(
    "p2.fees",
    "行政事业性收费",
    "Administrative fees",
    &["事业性收费", "行政事业性"],
);
const PROCUREMENT: Row = row(
    "p2.procurement",
    "政府集中采购",
    "Central government procurement",
    &["集中采购"],
);

const PREV: Column = col(
    "prev",
    "上一年项目数量",
    "items last year",
    Count,
    &["上一年项目", "上年项目"],
);
const CHANGE: Column = col(
    "change",
    "本年增/减",
    "change this year",
    Signed,
    &["增/减", "增减"],
);
const DECISIONS_2019: Column = col(
    "decisions",
    "处理决定数量",
    "decisions",
    Count,
    &["处理决定"],
);
const DECISIONS_2021: Column = col(
    "decisions",
    "本年处理决定数量",
    "decisions this year",
    Count,
    &["处理决定"],
);

pub const BLOCKS: [Block; 5] = [
    Block {
        item: "一",
        zh: "第二十条第（一）项",
        variants: &[
            Variant {
                format: F2019,
                columns: &[
                    col(
                        "made",
                        "本年新制作数量",
                        "made this year",
                        Count,
                        &["新制作"],
                    ),
                    col(
                        "published",
                        "本年新公开数量",
                        "published this year",
                        Count,
                        &["新公开"],
                    ),
                    col(
                        "total",
                        "对外公开总数量",
                        "published in total",
                        Count,
                        &["对外公开总数", "公开总数"],
                    ),
                ],
                rows: &[RULES, NORMATIVE],
            },
            Variant {
                format: F2021,
                columns: &[
                    col(
                        "issued",
                        "本年制发件数",
                        "issued this year",
                        Count,
                        &["制发"],
                    ),
                    col(
                        "repealed",
                        "本年废止件数",
                        "repealed this year",
                        Count,
                        &["废止"],
                    ),
                    col("in_force", "现行有效件数", "in force", Count, &["现行有效"]),
                ],
                rows: &[RULES, NORMATIVE],
            },
        ],
    },
    Block {
        item: "五",
        zh: "第二十条第（五）项",
        variants: &[
            Variant {
                format: F2019,
                columns: &[PREV, CHANGE, DECISIONS_2019],
                rows: &[LICENSING, OTHER_SERVICES],
            },
            Variant {
                format: F2021,
                columns: &[DECISIONS_2021],
                rows: &[LICENSING],
            },
        ],
    },
    Block {
        item: "六",
        zh: "第二十条第（六）项",
        variants: &[
            Variant {
                format: F2019,
                columns: &[PREV, CHANGE, DECISIONS_2019],
                rows: &[PENALTY, COERCION],
            },
            Variant {
                format: F2021,
                columns: &[DECISIONS_2021],
                rows: &[PENALTY, COERCION],
            },
        ],
    },
    Block {
        item: "八",
        zh: "第二十条第（八）项",
        variants: &[
            Variant {
                format: F2019,
                columns: &[PREV, CHANGE],
                rows: &[FEES],
            },
            Variant {
                format: F2021,
                columns: &[col(
                    "amount",
                    "本年收费金额（单位：万元）",
                    "fees collected (10k yuan)",
                    Amount,
                    &["收费金额"],
                )],
                rows: &[FEES],
            },
        ],
    },
    Block {
        item: "九",
        zh: "第二十条第（九）项",
        variants: &[Variant {
            format: F2019,
            columns: &[
                col(
                    "projects",
                    "采购项目数量",
                    "procurement projects",
                    Count,
                    &["采购项目"],
                ),
                col(
                    "amount",
                    "采购总金额",
                    "procurement amount",
                    Money,
                    &["采购总金额", "总金额"],
                ),
            ],
            rows: &[PROCUREMENT],
        }],
    },
];

/// The blocks a format prints.
pub fn blocks(format: FormatId) -> impl Iterator<Item = (&'static Block, &'static Variant)> {
    BLOCKS
        .iter()
        .filter_map(move |b| b.variant(format).map(|v| (b, v)))
}

pub fn find_row(id: &str) -> Option<&'static Row> {
    BLOCKS
        .iter()
        .flat_map(|b| b.variants.iter())
        .flat_map(|v| v.rows.iter())
        .find(|r| r.id == id)
}

pub fn find_column(key: CellId) -> Option<&'static Column> {
    BLOCKS
        .iter()
        .flat_map(|b| b.variants.iter())
        .filter(|v| v.rows.iter().any(|r| r.id == key.row()))
        .flat_map(|v| v.columns.iter())
        .find(|c| c.id == key.col())
}

/// Every part 二 cell of both formats.
pub fn cells() -> impl Iterator<Item = (&'static str, &'static str)> {
    BLOCKS.iter().flat_map(|b| b.variants.iter()).flat_map(|v| {
        v.rows
            .iter()
            .flat_map(move |r| v.columns.iter().map(move |c| (r.id, c.id)))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_variant_has_few_rows() {
        // the reader marks the rows it has read in a 64-bit mask
        for block in &super::BLOCKS {
            for v in block.variants {
                assert!(v.rows.len() <= 64, "{}", block.zh);
            }
        }
    }
}
