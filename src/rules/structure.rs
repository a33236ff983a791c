//! The reviewers' structure checks (warnings, each with where): `DOC-PARTS` (the six parts
//! present and in order), `DOC-TEMPLATE` (template text left in), `DOC-P5` (part 五 empty or
//! only 「无」), `DOC-FEES` (表三（六）2 > 0 while part 六 says nothing of 信息处理费). The
//! publication deadline (条例 第四十九条) is `YEAR`'s (`rules/report.rs`).
//!
//! Invariant: only a whole report is held to its structure — a paste of tables alone, or an
//! input where fewer than two part headings were found (gouji cannot tell its structure), is
//! not; a part whose table was read is present, whether or not its heading was.

use crate::format::{CellId, Part, PARTS, TEMPLATE_TEXT};
use crate::model::{Finding, Rule, Severity, Value};
use crate::read::Report;

pub fn check(report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    let s = &report.structure;
    if report.tables_alone || s.headings.len() < 2 {
        return out;
    }
    parts(report, &mut out);
    template(report, &mut out);
    part5(report, &mut out);
    fees(report, &mut out);
    out
}

fn parts(report: &Report, out: &mut Vec<Finding>) {
    let s = &report.structure;
    let present = |p: u8| {
        s.headings.iter().any(|&(q, _)| q == p)
            || match p {
                2 => report.sheet.has_part(Part::P2),
                3 => report.sheet.has_part(Part::P3),
                4 => report.sheet.has_part(Part::P4),
                _ => false,
            }
    };
    let missing: Vec<u8> = (1..=6).filter(|&p| !present(p)).collect();
    if !missing.is_empty() {
        let zh: Vec<&str> = missing.iter().map(|&p| PARTS[p as usize - 1].0).collect();
        let en: Vec<&str> = missing.iter().map(|&p| PARTS[p as usize - 1].1).collect();
        // where: the heading after which the first missing part should stand
        let pos = s
            .headings
            .iter()
            .rfind(|&&(q, _)| q < missing[0])
            .or(s.headings.first())
            .map(|&(_, pos)| pos);
        out.push(
            Finding::new(
                Rule::DocParts,
                Severity::Warning,
                format!(
                    "报告缺少{}：年度报告应包括格式规定的六个部分",
                    zh.join("、")
                ),
                format!(
                    "The report lacks {}: a report has the six parts of the format",
                    en.join(", ")
                ),
            )
            .at(pos),
        );
    }
    let mut highest = 0;
    for &(p, pos) in &s.headings {
        if p < highest {
            out.push(
                Finding::new(
                    Rule::DocParts,
                    Severity::Warning,
                    format!(
                        "{}排在{}之后：各部分应按格式规定的顺序排列",
                        PARTS[p as usize - 1].0,
                        PARTS[highest as usize - 1].0
                    ),
                    format!(
                        "{} comes after {}: the parts should be in the format's order",
                        PARTS[p as usize - 1].1,
                        PARTS[highest as usize - 1].1
                    ),
                )
                .at(Some(pos)),
            );
            break;
        }
        highest = p;
    }
}

fn template(report: &Report, out: &mut Vec<Finding>) {
    let t = &report.structure.template;
    let Some(&(_, _, pos)) = t.first() else {
        return;
    };
    let zh: Vec<String> = t
        .iter()
        .map(|&(k, n, _)| format!("「{}」{n}处", TEMPLATE_TEXT[k].1))
        .collect();
    let en: Vec<String> = t
        .iter()
        .map(|&(k, n, _)| format!("“{}” ×{n}", TEMPLATE_TEXT[k].1))
        .collect();
    out.push(
        Finding::new(
            Rule::DocTemplate,
            Severity::Warning,
            format!("正文中留有模板文字：{}；请替换为实际内容", zh.join("、")),
            format!(
                "Template text is left in the prose: {}; replace it with the report's own",
                en.join(", ")
            ),
        )
        .at(Some(pos)),
    );
}

fn part5(report: &Report, out: &mut Vec<Finding>) {
    let s = &report.structure;
    let Some(body) = &s.part5 else { return };
    let pos = s
        .headings
        .iter()
        .find(|&&(p, _)| p == 5)
        .map(|&(_, pos)| pos);
    let (zh, en) = match body.as_str() {
        "" => (
            "第五部分「存在的主要问题及改进情况」没有内容",
            "Part 5 (problems and improvements) is empty",
        ),
        "无" | "暂无" | "没有" => (
            "第五部分「存在的主要问题及改进情况」只写了「无」",
            "Part 5 (problems and improvements) says only “none”",
        ),
        _ => return,
    };
    out.push(
        Finding::new(
            Rule::DocP5,
            Severity::Warning,
            format!("{zh}：应如实说明存在的问题和改进措施"),
            format!("{en}: the report should state its problems and what is done about them"),
        )
        .at(pos),
    );
}

fn fees(report: &Report, out: &mut Vec<Finding>) {
    let Some(id) = CellId::of("p3.other.fee_unpaid", "total") else {
        return;
    };
    let Some(cell) = report.sheet.get(id) else {
        return;
    };
    let Value::Int(n) = cell.value else { return };
    if n <= 0 || report.structure.part6_fees == Some(true) {
        return;
    }
    let mut f = Finding::new(
        Rule::DocFees,
        Severity::Warning,
        format!(
            "第三部分「申请人逾期未按收费通知要求缴纳费用」总计为{n}，说明本年发出过收费通知，但第六部分未说明收取信息处理费的情况"
        ),
        format!(
            "Part 3 counts {n} applications dropped for an unpaid fee, so fees were charged, but part 6 says nothing of the fees (信息处理费)"
        ),
    )
    .at(cell.pos);
    f.cells = vec![id];
    out.push(f);
}
