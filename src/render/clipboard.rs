//! The corrected tables to copy back into Word, WPS, Excel or a CMS: HTML without marks, and
//! tab-separated rows.

use super::table_format;
use super::tables::{cell_id, part2_table, part3_table, part4_table, shown};
use super::Index;
use super::{Html, Lang};
use crate::format::part2::BLOCKS;
use crate::format::part3::{self, COLUMNS as P3_COLS};
use crate::format::part4::{self, COLUMNS as P4_COLS};
use crate::result::CheckResult;

/// The three tables as plain HTML in report order (二, 三, 四), for the clipboard.
pub fn tables_html(r: &CheckResult, lang: Lang) -> String {
    let ix = Index::new(r);
    let mut h = Html {
        out: String::with_capacity(16 * 1024),
        clean: true,
        ix: &ix,
    };
    let format = table_format(r);
    part2_table(&mut h, r, lang, r.tables.p2.unwrap_or(format));
    part3_table(&mut h, r, lang, r.tables.p3.unwrap_or(format));
    part4_table(&mut h, r, lang);
    h.out
}

/// The three tables as tab-separated text in report order, one table row per line, for the
/// clipboard (Excel, WPS and Word tables take it as cells).
pub fn tables_tsv(r: &CheckResult) -> String {
    let format = table_format(r);
    let ix = Index::new(r);
    let value = |id: &str| ix.cell(id).map(shown).unwrap_or_default();
    let mut out = String::new();
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.join("\t"));
        out.push('\n');
    };
    line(vec!["二、主动公开政府信息情况".to_owned()]);
    for block in &BLOCKS {
        let Some(v) = block.variant(r.tables.p2.unwrap_or(format)) else {
            continue;
        };
        line(vec![block.zh.to_owned()]);
        line(
            std::iter::once("信息内容")
                .chain(v.columns.iter().map(|c| c.zh))
                .map(str::to_owned)
                .collect(),
        );
        for row in v.rows {
            line(
                std::iter::once(row.zh.to_owned())
                    .chain(v.columns.iter().map(|c| value(cell_id(row.id, c.id))))
                    .collect(),
            );
        }
    }
    line(vec!["三、收到和处理政府信息公开申请情况".to_owned()]);
    line(
        std::iter::once("申请人情况")
            .chain(P3_COLS.iter().map(|c| c.zh))
            .map(str::to_owned)
            .collect(),
    );
    let split = part3::splits_other(r.tables.p3.unwrap_or(format));
    for row in part3::rows(split) {
        let label = crate::read::part3::row_label(row);
        line(
            std::iter::once(label)
                .chain(P3_COLS.iter().map(|c| value(cell_id(row.id, c.id))))
                .collect(),
        );
    }
    line(vec!["四、政府信息公开行政复议、行政诉讼情况".to_owned()]);
    let mut header = Vec::new();
    for g in &part4::GROUPS {
        for c in &P4_COLS {
            header.push(format!("{}{}", g.zh, c.zh));
        }
    }
    line(header);
    line(part4::cell_ids().iter().map(|c| value(c.id())).collect());
    out
}
