//! Whole-report rules: FMT-MIX (format variant vs year, tables of different formats), YEAR
//! (title, statistics period, body and publication date), TXT-NUM (prose vs tables).

use crate::format::{part4, CellId, FormatId};
use crate::model::{Finding, Rule, Severity};
use crate::read::prose::Claim;
use crate::read::Report;

pub fn check(report: &Report, format: Option<FormatId>) -> Vec<Finding> {
    let mut out = Vec::new();
    fmt_mix(report, format, &mut out);
    year(report, &mut out);
    txt_num(report, &mut out);
    out
}

/// The report year: the title's, else the statistics period's.
pub fn report_year(report: &Report) -> Option<i32> {
    report
        .meta
        .title_year
        .or(report.meta.period_year.map(|p| p.0))
}

fn fmt_mix(report: &Report, format: Option<FormatId>, out: &mut Vec<Finding>) {
    let v = report.variants;
    let p3_desc = |f: FormatId| match f {
        FormatId::F2019 => (
            "第三部分「（六）其他处理」只有一行（2019年版格式）",
            "part 3 has the single (6) “other handling” row of the 2019 format",
        ),
        FormatId::F2021 => (
            "第三部分「（六）其他处理」分为三行（2021年版格式）",
            "part 3 splits (6) “other handling” into three rows (2021 format)",
        ),
    };
    if let (Some(p2), Some(p3)) = (v.p2, v.p3) {
        if p2 != p3 {
            let (d, d_en) = p3_desc(p3);
            out.push(Finding::new(
                Rule::FmtMix,
                Severity::Warning,
                format!("表格格式混用：第二部分为{}，而{}", p2.zh(), d),
                format!(
                    "Formats are mixed: part 2 follows the {} format, while {}",
                    p2.as_str(),
                    d_en
                ),
            ));
            return;
        }
    }
    if report.p2_mixed {
        out.push(Finding::new(
            Rule::FmtMix,
            Severity::Warning,
            "表格格式混用：第二部分各项表格分属2019年版和2021年版格式".to_owned(),
            "Formats are mixed: the blocks of part 2 follow both the 2019 and the 2021 format"
                .to_owned(),
        ));
        return;
    }
    let expected = format.or_else(|| report_year(report).and_then(FormatId::for_year));
    let Some(expected) = expected else { return };
    let Some(actual) = v.p2.or(v.p3) else { return };
    if actual != expected {
        let (zh, en) = match (format, report_year(report)) {
            (Some(_), _) => (
                format!("指定检查{}", expected.zh()),
                format!("the {} format was asked for", expected.as_str()),
            ),
            (None, Some(y)) => (
                format!("{y}年度报告应使用{}", expected.zh()),
                format!(
                    "a report for {y} should use the {} format",
                    expected.as_str()
                ),
            ),
            (None, None) => return,
        };
        out.push(Finding::new(
            Rule::FmtMix,
            Severity::Warning,
            format!("{zh}，但表格为{}", actual.zh()),
            format!("{en}, but the tables follow the {} format", actual.as_str()),
        ));
    }
}

fn year(report: &Report, out: &mut Vec<Finding>) {
    let m = &report.meta;
    if let (Some(t), Some((p, pos))) = (m.title_year, m.period_year) {
        if t != p {
            out.push(
                Finding::new(
                    Rule::Year,
                    Severity::Warning,
                    format!("标题为{t}年度，但统计期限写的是{p}年"),
                    format!("The title says {t}, but the statistics period says {p}"),
                )
                .at(Some(pos)),
            );
        }
    }
    let Some(y) = report_year(report) else { return };
    if !m.body_years.is_empty() && !m.body_years.iter().any(|&(b, _)| b == y) {
        let (b, pos) = m.body_years[0];
        out.push(
            Finding::new(
                Rule::Year,
                Severity::Warning,
                format!("报告为{y}年度，但正文写的是「{b}年」"),
                format!("The report is for {y}, but the body speaks of {b}"),
            )
            .at(Some(pos)),
        );
    }
    if let Some((py, pm, pd)) = m.published {
        // 条例 第四十九条: departments by 1月31日, a government's combined report by 3月31日
        let title = m.title.as_deref().unwrap_or("");
        let department = ["局", "委员会", "办公室", "厅", "中心", "委", "办"]
            .iter()
            .any(|w| title.contains(w));
        let (dm, dd) = if department { (1, 31) } else { (3, 31) };
        if (py, pm, pd) > (y + 1, dm, dd) {
            out.push(
                Finding::new(
                    Rule::Year,
                    Severity::Warning,
                    format!(
                        "发布日期{py}年{pm}月{pd}日晚于条例规定的{}年{dm}月{dd}日",
                        y + 1
                    ),
                    format!(
                    "Published on {py}-{pm:02}-{pd:02}, after the deadline of {}-{dm:02}-{dd:02}",
                    y + 1
                ),
                )
                .at(m.published_at),
            );
        }
    }
}

fn txt_num(report: &Report, out: &mut Vec<Finding>) {
    let sheet = &report.sheet;
    // a figure of the table: a blank is not one (the prose is not compared with a blank), nor
    // a 0 of a part 三 总计 column left unfilled (one finding of its own says so)
    let zero_totals = super::causes::zero_total_column(sheet);
    let int = |row: &'static str, col: &'static str| {
        sheet.at(row, col).and_then(|c| match c.value {
            crate::model::Value::Int(0) if zero_totals && row.starts_with("p3.") => None,
            crate::model::Value::Int(v) => Some(v),
            _ => None,
        })
    };
    let suits = |col: &'static str| {
        let a = int(part4::GROUPS[1].id, col)?;
        let b = int(part4::GROUPS[2].id, col)?;
        Some(a + b)
    };
    let mut seen: Vec<(Claim, i64)> = Vec::new();
    for f in &report.figures {
        if seen.contains(&(f.claim, f.value)) {
            continue;
        }
        seen.push((f.claim, f.value));
        let (table, cells, what, what_en): (Option<i64>, Vec<CellId>, &str, &str) = match f.claim {
            Claim::New => (
                int("p3.new", "total"),
                CellId::row_of("p3.new", &["total"]),
                "第三部分「本年新收政府信息公开申请数量」总计",
                "part 3 new applications, total",
            ),
            Claim::CarriedIn => (
                int("p3.carried_in", "total"),
                CellId::row_of("p3.carried_in", &["total"]),
                "第三部分「上年结转政府信息公开申请数量」总计",
                "part 3 carried over from last year, total",
            ),
            Claim::CarriedOut => (
                int("p3.carried_out", "total"),
                CellId::row_of("p3.carried_out", &["total"]),
                "第三部分「结转下年度继续办理」总计",
                "part 3 carried over to next year, total",
            ),
            Claim::Handled => (
                int("p3.total", "total"),
                CellId::row_of("p3.total", &["total"]),
                "第三部分「（七）总计」",
                "part 3 (7) total",
            ),
            Claim::Review => (
                int("p4.review", "total"),
                CellId::row_of("p4.review", &["total"]),
                "第四部分行政复议总计",
                "part 4 administrative review, total",
            ),
            Claim::ReviewOutcome(col) => {
                let c = part4::COLUMNS
                    .iter()
                    .find(|c| c.id == col)
                    .map_or(col, |c| c.zh);
                (
                    int("p4.review", col),
                    CellId::row_of("p4.review", &[col]),
                    c,
                    col,
                )
            }
            Claim::Suits => (
                suits("total"),
                suit_cells("total"),
                "第四部分行政诉讼总计（未经复议直接起诉与复议后起诉之和）",
                "part 4 lawsuits, total (direct + after review)",
            ),
            Claim::SuitOutcome(col) => {
                let c = part4::COLUMNS
                    .iter()
                    .find(|c| c.id == col)
                    .map_or(col, |c| c.zh);
                (suits(col), suit_cells(col), c, col)
            }
        };
        let Some(table) = table else { continue };
        // 「收到申请N件」 sometimes counts last year's carried-over applications too
        let with_carried = int("p3.new", "total")
            .zip(int("p3.carried_in", "total"))
            .map(|(a, b)| a + b);
        if f.claim == Claim::New && with_carried == Some(f.value) {
            continue;
        }
        if table != f.value {
            let what = match f.claim {
                Claim::ReviewOutcome(_) => format!("第四部分行政复议「{what}」"),
                Claim::SuitOutcome(_) => format!("第四部分行政诉讼「{what}」（两类之和）"),
                _ => what.to_owned(),
            };
            out.push(
                Finding::new(
                    Rule::TxtNum,
                    Severity::Warning,
                    format!("正文「{}」与表中{}{}不一致", f.phrase, what, table),
                    format!(
                        "The text says “{}” ({}), but the table's {} is {}",
                        f.phrase, f.value, what_en, table
                    ),
                )
                .with_cells(cells)
                .at(Some(f.pos)),
            );
        }
    }
}

/// A column of both lawsuit rows (直接起诉, 复议后起诉).
fn suit_cells(col: &str) -> Vec<CellId> {
    ["p4.suit_direct", "p4.suit_after_review"]
        .iter()
        .filter_map(|row| CellId::of(row, col))
        .collect()
}
