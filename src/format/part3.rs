//! Part 三 — 收到和处理政府信息公开申请情况 (docs/formats.md §3).

use super::{CellId, Column, FormatId, ValueKind};
use std::sync::OnceLock;

pub const COLUMNS: [Column; 7] = [
    col("natural", "自然人", "natural persons", &["自然人"]),
    col("business", "商业企业", "businesses", &["商业企业", "商业"]),
    col(
        "research",
        "科研机构",
        "research institutions",
        &["科研机构", "科研"],
    ),
    col(
        "nonprofit",
        "社会公益组织",
        "non-profits",
        &["社会公益组织", "公益"],
    ),
    col(
        "legal",
        "法律服务机构",
        "legal service providers",
        &["法律服务机构", "法律服务"],
    ),
    col("other_org", "其他", "other organisations", &["其他"]),
    col("total", "总计", "total", &["总计"]),
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

/// A 小计 column of 法人或其他组织 that some reports add (not in the format).
pub const ORG_SUBTOTAL: Column = col("org_subtotal", "小计", "organisations, subtotal", &["小计"]);

/// The index of the 总计 column.
pub const TOTAL_COL: usize = 6;

/// What a row contributes to the table's relations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// 一 or 二: left side of the balance.
    Intake,
    /// A result item (（一）…（六） and their sub-items): summed into （七）总计.
    Result,
    /// A subtotal row of a group, not in the format (some reports add one).
    Subtotal(Group),
    /// （七）总计.
    Total,
    /// 四、结转下年度继续办理: right side of the balance with （七）.
    Outflow,
}

/// The label groups （三）（四）（五）（六）.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Withheld,
    Unavailable,
    Rejected,
    Other,
}

impl Group {
    pub fn zh(self) -> &'static str {
        match self {
            Group::Withheld => "（三）不予公开",
            Group::Unavailable => "（四）无法提供",
            Group::Rejected => "（五）不予处理",
            Group::Other => "（六）其他处理",
        }
    }
}

#[derive(Debug)]
pub struct Row {
    pub id: &'static str,
    /// The row's own label as printed (without its group label).
    pub zh: &'static str,
    pub en: &'static str,
    pub group: Option<Group>,
    pub role: Role,
    /// Folded label fragments that identify the row; the earliest match wins.
    pub keys: &'static [&'static str],
}

const fn row(
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    group: Option<Group>,
    role: Role,
    keys: &'static [&'static str],
) -> Row {
    Row {
        id,
        zh,
        en,
        group,
        role,
        keys,
    }
}

use Group::*;
use Role::*;

pub const NEW: Row = row(
    "p3.new",
    "一、本年新收政府信息公开申请数量",
    "I. New applications this year",
    None,
    Intake,
    &["本年新收", "新收政府信息公开申请", "新收"],
);
pub const CARRIED_IN: Row = row(
    "p3.carried_in",
    "二、上年结转政府信息公开申请数量",
    "II. Carried over from last year",
    None,
    Intake,
    &["上年结转", "上年度结转"],
);
pub const GRANTED: Row = row(
    "p3.granted",
    "（一）予以公开",
    "(1) Disclosed",
    None,
    Result,
    &["予以公开"],
);
pub const PARTIAL: Row = row(
    "p3.partial",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "(2) Partly disclosed",
    None,
    Result,
    &["部分公开"],
);
pub const WITHHELD: [Row; 8] = [
    row(
        "p3.withheld.state_secret",
        "1.属于国家秘密",
        "Withheld: state secret",
        Some(Withheld),
        Result,
        &["国家秘密"],
    ),
    row(
        "p3.withheld.law_forbidden",
        "2.其他法律行政法规禁止公开",
        "Withheld: forbidden by other laws",
        Some(Withheld),
        Result,
        &[
            "法律行政法规禁止",
            "其他法律行政",
            "法规禁止公开",
            "禁止公开",
        ],
    ),
    row(
        "p3.withheld.three_safety",
        "3.危及“三安全一稳定”",
        "Withheld: endangers security or stability",
        Some(Withheld),
        Result,
        &["三安全一稳定", "三安全", "危及"],
    ),
    row(
        "p3.withheld.third_party",
        "4.保护第三方合法权益",
        "Withheld: third-party rights",
        Some(Withheld),
        Result,
        &["第三方合法权益", "保护第三方", "第三方"],
    ),
    row(
        "p3.withheld.internal",
        "5.属于三类内部事务信息",
        "Withheld: internal affairs",
        Some(Withheld),
        Result,
        &["内部事务"],
    ),
    row(
        "p3.withheld.process",
        "6.属于四类过程性信息",
        "Withheld: process information",
        Some(Withheld),
        Result,
        &["过程性信息", "过程性"],
    ),
    row(
        "p3.withheld.enforcement",
        "7.属于行政执法案卷",
        "Withheld: enforcement files",
        Some(Withheld),
        Result,
        &["行政执法案卷", "执法案卷"],
    ),
    row(
        "p3.withheld.query",
        "8.属于行政查询事项",
        "Withheld: administrative query matters",
        Some(Withheld),
        Result,
        &["行政查询事项", "查询事项"],
    ),
];
pub const UNAVAILABLE: [Row; 3] = [
    row(
        "p3.unavailable.not_held",
        "1.本机关不掌握相关政府信息",
        "Unavailable: not held",
        Some(Unavailable),
        Result,
        &["不掌握"],
    ),
    row(
        "p3.unavailable.needs_creation",
        "2.没有现成信息需要另行制作",
        "Unavailable: would have to be created",
        Some(Unavailable),
        Result,
        &["另行制作", "没有现成信息"],
    ),
    row(
        "p3.unavailable.unclear",
        "3.补正后申请内容仍不明确",
        "Unavailable: still unclear after correction",
        Some(Unavailable),
        Result,
        &["仍不明确", "补正后申请"],
    ),
];
pub const REJECTED: [Row; 5] = [
    row(
        "p3.rejected.petition",
        "1.信访举报投诉类申请",
        "Not processed: petitions and complaints",
        Some(Rejected),
        Result,
        &["信访举报投诉", "信访", "举报投诉"],
    ),
    row(
        "p3.rejected.repeat",
        "2.重复申请",
        "Not processed: repeated application",
        Some(Rejected),
        Result,
        &["重复申请"],
    ),
    row(
        "p3.rejected.publication",
        "3.要求提供公开出版物",
        "Not processed: publications requested",
        Some(Rejected),
        Result,
        &["公开出版物", "出版物"],
    ),
    row(
        "p3.rejected.excessive",
        "4.无正当理由大量反复申请",
        "Not processed: excessive repeated applications",
        Some(Rejected),
        Result,
        &["大量反复"],
    ),
    row(
        "p3.rejected.confirm",
        "5.要求行政机关确认或重新出具已获取信息",
        "Not processed: confirmation of information already obtained",
        Some(Rejected),
        Result,
        &["要求行政机关确认", "确认或重新出具", "重新出具"],
    ),
];
/// F2019's single （六）其他处理 row (also seen under F2021 part 二 tables).
pub const OTHER_SINGLE: Row = row(
    "p3.other",
    "（六）其他处理",
    "(6) Other handling",
    None,
    Result,
    &["其他处理"],
);
pub const OTHER_SPLIT: [Row; 3] = [
    row(
        "p3.other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "Other: no correction in time",
        Some(Other),
        Result,
        &["逾期不补正", "不补正"],
    ),
    row(
        "p3.other.fee_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "Other: fee not paid",
        Some(Other),
        Result,
        &["未按收费", "收费通知", "缴纳费用"],
    ),
    row(
        "p3.other.misc",
        "3.其他",
        "Other: miscellaneous",
        Some(Other),
        Result,
        &["3.其他", "(3)其他"],
    ),
];
pub const TOTAL: Row = row(
    "p3.total",
    "（七）总计",
    "(7) Total",
    None,
    Total,
    &["总计", "合计"],
);
pub const CARRIED_OUT: Row = row(
    "p3.carried_out",
    "四、结转下年度继续办理",
    "IV. Carried over to next year",
    None,
    Outflow,
    &["结转下年度", "下年度继续办理", "结转下年"],
);

/// Subtotal rows that some reports add under a group label (not in the format).
pub const SUBTOTALS: [Row; 4] = [
    row(
        "p3.withheld",
        "（三）不予公开",
        "(3) Withheld, subtotal",
        None,
        Subtotal(Withheld),
        &["不予公开"],
    ),
    row(
        "p3.unavailable",
        "（四）无法提供",
        "(4) Unavailable, subtotal",
        None,
        Subtotal(Unavailable),
        &["无法提供"],
    ),
    row(
        "p3.rejected",
        "（五）不予处理",
        "(5) Not processed, subtotal",
        None,
        Subtotal(Rejected),
        &["不予处理"],
    ),
    row(
        "p3.other",
        "（六）其他处理",
        "(6) Other handling, subtotal",
        None,
        Subtotal(Other),
        &["其他处理"],
    ),
];

/// The rows of a part 三 variant, in official order. `split_other`: F2021's three （六） rows.
/// Listed once.
pub fn rows(split_other: bool) -> &'static [&'static Row] {
    static ROWS: [OnceLock<Vec<&'static Row>>; 2] = [OnceLock::new(), OnceLock::new()];
    ROWS[usize::from(split_other)].get_or_init(|| {
        let mut v: Vec<&'static Row> = vec![&NEW, &CARRIED_IN, &GRANTED, &PARTIAL];
        v.extend(WITHHELD.iter());
        v.extend(UNAVAILABLE.iter());
        v.extend(REJECTED.iter());
        if split_other {
            v.extend(OTHER_SPLIT.iter());
        } else {
            v.push(&OTHER_SINGLE);
        }
        v.push(&TOTAL);
        v.push(&CARRIED_OUT);
        v
    })
}

/// How many rows, from the first, both formats share (those before （六）其他处理).
pub fn shared_rows() -> usize {
    static SHARED: OnceLock<usize> = OnceLock::new();
    *SHARED.get_or_init(|| {
        rows(true)
            .iter()
            .zip(rows(false))
            .take_while(|(a, b)| std::ptr::eq(**a, **b))
            .count()
    })
}

/// The cells of `rows(split_other)` and then [`SUBTOTALS`], by the seven columns and the 小计
/// column: looked up once, for code that walks the whole table.
pub fn grid(split_other: bool) -> &'static [[CellId; 8]] {
    static GRIDS: [OnceLock<Vec<[CellId; 8]>>; 2] = [OnceLock::new(), OnceLock::new()];
    GRIDS[usize::from(split_other)].get_or_init(|| {
        rows(split_other)
            .iter()
            .copied()
            .chain(SUBTOTALS.iter())
            .map(|r| {
                let mut cells = COLUMNS
                    .iter()
                    .chain([&ORG_SUBTOTAL])
                    .map(|c| CellId::of(r.id, c.id).expect("every part 三 row has every column"));
                std::array::from_fn(|_| cells.next().expect("eight columns"))
            })
            .collect()
    })
}

/// The variant of part 三 that a format prints.
pub fn splits_other(format: FormatId) -> bool {
    format == FormatId::F2021
}

pub fn find_row(id: &str) -> Option<&'static Row> {
    rows(true)
        .iter()
        .copied()
        .chain(std::iter::once(&OTHER_SINGLE))
        .chain(SUBTOTALS.iter())
        .find(|r| r.id == id)
}

/// Every part 三 cell of both variants, subtotal rows included.
pub fn all_cells() -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(true)
        .iter()
        .copied()
        .chain(std::iter::once(&OTHER_SINGLE))
        .chain(SUBTOTALS[..3].iter())
        .flat_map(|r| {
            COLUMNS
                .iter()
                .chain(std::iter::once(&ORG_SUBTOTAL))
                .map(move |c| (r.id, c.id))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_names_every_cell_of_the_table() {
        for split in [false, true] {
            let grid = grid(split);
            let rows: Vec<&Row> = rows(split)
                .iter()
                .copied()
                .chain(SUBTOTALS.iter())
                .collect();
            assert_eq!(grid.len(), rows.len());
            for (r, cells) in rows.iter().zip(grid) {
                for (c, &cell) in COLUMNS.iter().chain([&ORG_SUBTOTAL]).zip(cells) {
                    assert_eq!(cell.id(), format!("{}.{}", r.id, c.id));
                }
            }
        }
    }
}
