//! The three tables on the official layout, every cell marked by what was found on it.

use super::{finding_anchor, Html, Lang, Mark};
use crate::format::part2::{self, BLOCKS};
use crate::format::part3::{self, Group, Role, COLUMNS as P3_COLS};
use crate::format::part4::{self, COLUMNS as P4_COLS};
use crate::format::{CellId, Column, FormatId};
use crate::model::Severity;
use crate::result::{CellOut, CheckResult, Num};

/// The id of the cell at `row` and `col` of the format tables.
pub(super) fn cell_id(row: &str, col: &str) -> &'static str {
    CellId::of(row, col).map_or("", CellId::id)
}

pub(super) fn value_cell(h: &mut Html, r: &CheckResult, id: &str, lang: Lang) {
    let cell = h.ix.cell(id);
    let mut digits = [0u8; 24];
    let value = cell.map_or("", |c| shown_in(c, &mut digits));
    if h.clean {
        h.leaf("td", &[], value);
        return;
    }
    let ix = h.ix;
    let (worst, which) = ix.marks(id);
    let suspect = ix.suspects.contains(id);
    // the cell to fix strongly; the other cells of its relations lightly; a cell of an error
    // that singles out none as an error (any of them may be the one)
    let mark = match worst {
        Some(Severity::Error) if suspect => Mark::Suspect,
        Some(Severity::Error) if ix.unsingled.contains(id) => Mark::Error,
        Some(Severity::Error) => Mark::Related,
        Some(Severity::Warning) => Mark::Warning,
        Some(Severity::Info) => Mark::Info,
        None => Mark::None,
    };
    let severity = match mark {
        Mark::Suspect => " error suspect",
        Mark::Error => " error",
        Mark::Related => " related",
        Mark::Warning => " warning",
        Mark::Info => " info",
        Mark::None => "",
    };
    let state = match cell {
        None if ix.unread.contains(id) => " unread",
        None => " missing",
        Some(c) if c.blank => " blank",
        // read from a picture: a reading not sure enough is marked, to compare with the picture
        Some(c) if c.confidence.is_some_and(|p| p < crate::seen::SURE) => " unsure",
        // recovered from figures run together: drawn apart, said so
        Some(c) if c.read.as_deref() == Some("split") => " split",
        Some(_) => "",
    };
    h.start("td");
    h.attr("id", &["gouji-cell-", id]);
    h.attr("class", &["gouji-cell", severity, state]);
    h.attr("data-cell", &[id]);
    if !which.is_empty() {
        let mut described = String::new();
        let mut tip = String::new();
        for (k, &i) in which.iter().enumerate() {
            if k > 0 {
                described.push(' ');
                tip.push('\n');
            }
            described.push_str(&finding_anchor(i));
            tip.push_str(lang.pick(&r.findings[i].message, &r.findings[i].message_en));
        }
        h.attr("aria-describedby", &[&described]);
        h.attr("title", &[&tip]);
    } else if state == " unsure" {
        h.attr(
            "title",
            &[lang.pick(
                "从图片识别，把握不大：请与图片核对",
                "read from the picture, not sure: compare it with the picture",
            )],
        );
    } else if state == " split" {
        h.attr(
            "title",
            &[lang.pick(
                "由勾稽关系拆分：原文数字连在一起，按表格的勾稽关系唯一拆出",
                "split by the relations: the figures ran together, and the tables' relations leave this one reading",
            )],
        );
    }
    h.out.push('>');
    h.leaf("span", &[("class", "gouji-v")], value);
    let words = match mark {
        Mark::Suspect => Some(lang.pick("✗最可能有误", "✗ most likely wrong")),
        Mark::Error => Some(lang.pick("✗错", "✗ error")),
        Mark::Related => Some(lang.pick("·相关", "· related")),
        Mark::Warning => Some(lang.pick("!提醒", "! warning")),
        _ if state == " unread" => Some(lang.pick("?未读", "? not read")),
        _ if cell.is_none() => Some(lang.pick("?缺", "? missing")),
        _ if state == " blank" => Some(lang.pick("空", "blank")),
        _ if state == " split" => Some(lang.pick("拆分", "split")),
        _ if state == " unsure" => Some(lang.pick("?核对", "? check")),
        _ => None,
    };
    if let Some(words) = words {
        h.leaf("span", &[("class", "gouji-mark")], words);
    }
    h.close("td");
}

/// [`shown`] without allocating: an integer is written into `buf`.
pub(super) fn shown_in<'a>(c: &'a CellOut, buf: &'a mut [u8; 24]) -> &'a str {
    match c.value {
        Some(Num::Int(v)) => {
            use std::io::Write;
            let mut w = &mut buf[..];
            let _ = write!(w, "{v}");
            let n = 24 - w.len();
            std::str::from_utf8(&buf[..n]).unwrap_or("")
        }
        Some(Num::Dec(_)) | None => &c.raw,
    }
}

/// A cell's value as written in a clean table: the figure, or the text as given.
pub(super) fn shown(c: &crate::result::CellOut) -> String {
    match c.value {
        Some(Num::Int(v)) => v.to_string(),
        Some(Num::Dec(_)) | None => c.raw.to_string(),
    }
}

/// Opens one of the three tables, with its id (`gouji-p3`, …) and caption.
pub(super) fn open_table(h: &mut Html, id: &'static str, caption: &str) {
    let class = format!("gouji-table {id}");
    h.open("table", &[("class", &class), ("id", id)]);
    h.leaf("caption", &[], caption);
}

pub(super) fn th(h: &mut Html, text: &str, colspan: usize, rowspan: usize, scope: &'static str) {
    let (c, r) = (colspan.to_string(), rowspan.to_string());
    let mut attrs: Vec<(&'static str, &str)> = vec![("scope", scope)];
    if colspan > 1 {
        attrs.push(("colspan", &c));
    }
    if rowspan > 1 {
        attrs.push(("rowspan", &r));
    }
    h.leaf("th", &attrs, text);
}

pub(super) fn part3_table(h: &mut Html, r: &CheckResult, lang: Lang, format: FormatId) {
    let split = part3::splits_other(format);
    let rows = part3::rows(split);
    let subtotal = |g: Group| -> Option<&'static part3::Row> {
        part3::SUBTOTALS.iter().find(|s| {
            s.role == Role::Subtotal(g)
                && (g != Group::Other || split)
                && r.cells.get(cell_id(s.id, "natural")).is_some()
        })
    };
    let with_subtotal = r
        .cells
        .0
        .iter()
        .any(|(id, _)| id.starts_with("p3.") && id.ends_with(".org_subtotal"));
    let mut cols: Vec<&'static Column> = P3_COLS.iter().collect();
    if with_subtotal {
        cols.insert(6, &part3::ORG_SUBTOTAL);
    }
    let orgs = if with_subtotal { 6 } else { 5 };
    open_table(
        h,
        "gouji-p3",
        lang.pick(
            "三、收到和处理政府信息公开申请情况",
            "3. Applications received and handled",
        ),
    );
    h.open("thead", &[]);
    h.open("tr", &[]);
    th(
        h,
        lang.pick(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "(In each column: I + II = III + IV)",
        ),
        3,
        3,
        "col",
    );
    th(
        h,
        lang.pick("申请人情况", "Applicants"),
        orgs + 2,
        1,
        "colgroup",
    );
    h.close("tr");
    h.open("tr", &[]);
    th(h, lang.pick(P3_COLS[0].zh, P3_COLS[0].en), 1, 2, "col");
    th(
        h,
        lang.pick("法人或其他组织", "Legal persons and other organisations"),
        5,
        1,
        "colgroup",
    );
    th(h, lang.pick(P3_COLS[6].zh, P3_COLS[6].en), 1, 2, "col");
    h.close("tr");
    h.open("tr", &[]);
    for c in &cols[1..=orgs] {
        th(h, lang.pick(c.zh, c.en), 1, 1, "col");
    }
    h.close("tr");
    h.close("thead");
    h.open("tbody", &[]);
    let results_span = rows
        .iter()
        .filter(|x| matches!(x.role, Role::Result | Role::Total))
        .count()
        + [
            Group::Withheld,
            Group::Unavailable,
            Group::Rejected,
            Group::Other,
        ]
        .iter()
        .filter(|&&g| subtotal(g).is_some())
        .count();
    let mut first_result = true;
    let mut group_open: Option<Group> = None;
    for row in rows {
        // a subtotal row, where the report has one, before its group
        if let Some(g) = row.group {
            if group_open != Some(g) {
                if let Some(sub) = subtotal(g) {
                    h.open("tr", &[("class", "gouji-subtotal")]);
                    if first_result {
                        th(
                            h,
                            lang.pick("三、本年度办理结果", "III. Results this year"),
                            1,
                            results_span,
                            "rowgroup",
                        );
                        first_result = false;
                    }
                    let label = match lang {
                        Lang::Zh => format!("{}（小计）", sub.zh),
                        Lang::En => sub.en.to_owned(),
                    };
                    th(h, &label, 2, 1, "row");
                    for c in &cols {
                        value_cell(h, r, cell_id(sub.id, c.id), lang);
                    }
                    h.close("tr");
                }
            }
        }
        h.open("tr", &[]);
        match row.role {
            Role::Intake | Role::Outflow => th(h, lang.pick(row.zh, row.en), 3, 1, "row"),
            _ => {
                if first_result {
                    th(
                        h,
                        lang.pick("三、本年度办理结果", "III. Results this year"),
                        1,
                        results_span,
                        "rowgroup",
                    );
                    first_result = false;
                }
                match row.group {
                    Some(g) => {
                        if group_open != Some(g) {
                            let span = rows.iter().filter(|x| x.group == Some(g)).count();
                            th(h, lang.pick(g.zh(), group_en(g)), 1, span, "rowgroup");
                        }
                        th(h, lang.pick(row.zh, row.en), 1, 1, "row");
                    }
                    None => th(h, lang.pick(row.zh, row.en), 2, 1, "row"),
                }
            }
        }
        group_open = row.group;
        for c in &cols {
            value_cell(h, r, cell_id(row.id, c.id), lang);
        }
        h.close("tr");
    }
    h.close("tbody");
    h.close("table");
}

pub(super) fn group_en(g: Group) -> &'static str {
    match g {
        Group::Withheld => "(3) Withheld",
        Group::Unavailable => "(4) Cannot be provided",
        Group::Rejected => "(5) Not processed",
        Group::Other => "(6) Other handling",
    }
}

pub(super) fn part4_table(h: &mut Html, r: &CheckResult, lang: Lang) {
    open_table(
        h,
        "gouji-p4",
        lang.pick(
            "四、政府信息公开行政复议、行政诉讼情况",
            "4. Administrative review and litigation",
        ),
    );
    h.open("thead", &[]);
    h.open("tr", &[]);
    th(
        h,
        lang.pick("行政复议", "Administrative review"),
        5,
        1,
        "colgroup",
    );
    th(h, lang.pick("行政诉讼", "Lawsuits"), 10, 1, "colgroup");
    h.close("tr");
    h.open("tr", &[]);
    for c in &P4_COLS {
        th(h, lang.pick(c.zh, c.en), 1, 2, "col");
    }
    th(
        h,
        lang.pick("未经复议直接起诉", "Filed directly"),
        5,
        1,
        "colgroup",
    );
    th(
        h,
        lang.pick("复议后起诉", "Filed after review"),
        5,
        1,
        "colgroup",
    );
    h.close("tr");
    h.open("tr", &[]);
    for _ in 0..2 {
        for c in &P4_COLS {
            th(h, lang.pick(c.zh, c.en), 1, 1, "col");
        }
    }
    h.close("tr");
    h.close("thead");
    h.open("tbody", &[]);
    h.open("tr", &[]);
    for key in part4::cell_ids() {
        value_cell(h, r, key.id(), lang);
    }
    h.close("tr");
    h.close("tbody");
    h.close("table");
}

pub(super) fn part2_table(h: &mut Html, r: &CheckResult, lang: Lang, format: FormatId) {
    open_table(
        h,
        "gouji-p2",
        lang.pick("二、主动公开政府信息情况", "2. Proactive disclosure"),
    );
    let width = part2::blocks(format)
        .map(|(_, v)| v.columns.len())
        .max()
        .unwrap_or(3);
    for block in &BLOCKS {
        let Some(variant) = block.variant(format) else {
            continue;
        };
        h.open("tbody", &[]);
        h.open("tr", &[]);
        th(h, block.zh, width + 1, 1, "colgroup");
        h.close("tr");
        h.open("tr", &[]);
        th(h, lang.pick("信息内容", "Item"), 1, 1, "col");
        for (i, c) in variant.columns.iter().enumerate() {
            let span = if i + 1 == variant.columns.len() {
                width - variant.columns.len() + 1
            } else {
                1
            };
            th(h, lang.pick(c.zh, c.en), span, 1, "col");
        }
        h.close("tr");
        for row in variant.rows {
            h.open("tr", &[]);
            th(h, lang.pick(row.zh, row.en), 1, 1, "row");
            for (i, c) in variant.columns.iter().enumerate() {
                value_cell(h, r, cell_id(row.id, c.id), lang);
                if i + 1 == variant.columns.len() {
                    for _ in variant.columns.len()..width {
                        h.leaf("td", &[("class", "gouji-pad"), ("aria-hidden", "true")], "");
                    }
                }
            }
            h.close("tr");
        }
        h.close("tbody");
    }
    h.close("table");
}
