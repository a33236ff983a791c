//! The readers: from pasted text or a grid to a [`Report`] — the cells of the three tables
//! (with where each came from), the report's title and year, and the figures in its prose.
//!
//! Phases: lines of tokens (`tokens`) → part regions (`outline`) → each table (`part2`,
//! `part3`, `part4`, over a `stream` of its labels and figures) → prose figures (`prose`).
//! Invariant: reading never fails; what cannot be read becomes a finding.

mod cells;
pub mod columns;
pub mod glued;
pub mod grid;
pub mod outline;
pub mod part2;
pub mod part3;
pub mod part4;
pub mod prose;
pub mod stream;
pub mod tokens;
pub mod value;

use crate::format::{FormatId, Part};
use crate::model::{Finding, Input, Rule, Severity, Sheet, Variants};
use outline::{Meta, Outline, Prose};
use tokens::{Line, Split};

/// Everything read from one input.
#[derive(Debug, Default)]
pub struct Report {
    pub sheet: Sheet,
    /// Findings made while reading (rows not found, extra rows, unreadable figures).
    pub findings: Vec<Finding>,
    pub variants: Variants,
    pub meta: Meta,
    pub figures: Vec<prose::Figure>,
    /// How the input was read.
    pub input: Input,
    /// Only tables were given: no title and no heading of a prose part.
    pub tables_alone: bool,
    /// Part 二's blocks were not all of one format.
    pub p2_mixed: bool,
    /// The parts' headings, part 五's and 六's text, template text left in.
    pub structure: outline::Structure,
}

/// Reads text as pasted: a whole report or its tables, in any of the supported layouts.
pub fn read_text(text: &str, format: Option<FormatId>) -> Report {
    let doc = tokens::lines_of_text(text);
    let lines = doc.lines();
    let mut report = read_lines(&lines, format);
    if !matches!(report.input, Input::Figures | Input::Glued) {
        report.input = text_layout(&lines);
    }
    if report.sheet.is_empty() {
        report.findings = vec![unusable(text, &lines, &report)];
    }
    report
}

/// Reads a grid: rows of cell strings with rowspan/colspan already expanded.
pub fn read_grid<S: AsRef<str>>(rows: &[Vec<S>], format: Option<FormatId>) -> Report {
    let doc = tokens::lines_of_grid(rows);
    let lines = doc.lines();
    let mut report = read_lines(&lines, format);
    report.input = Input::Grid;
    if report.sheet.is_empty() {
        report.findings = vec![unusable("", &lines, &report)];
    }
    report
}

fn read_lines(lines: &[Line], format: Option<FormatId>) -> Report {
    let o = outline::outline(lines);
    let mut r = Report {
        input: Input::Text,
        sheet: Sheet::with_room(),
        ..Report::default()
    };
    let prose = Prose::from_lines(lines, |i| o.in_region(i));
    r.meta = outline::meta(lines, &o, &prose);
    r.structure = outline::structure(lines, &o, &prose);
    let hint = format.or_else(|| r.meta.title_year.and_then(FormatId::for_year));

    let mut findings = Vec::new();
    // the tables' figures run together (a crawler's textContent): split by their relations
    if glued::run_together(lines) {
        let g = glued::read(lines, &mut r.sheet, &mut findings, hint);
        (r.variants.p2, r.variants.p3, r.variants.p4) = (g.p2, g.p3, g.p4);
        r.input = Input::Glued;
    } else {
        read_tables(lines, &o, &mut r, &mut findings, hint);
    }
    // a partial paste: no title, and none of the prose parts (一、五、六) that a whole report has
    r.tables_alone =
        r.meta.title.is_none() && !o.headings.iter().any(|&(_, p)| matches!(p, 1 | 5 | 6));
    r.figures = prose::figures(&prose);
    missing_tables(&o, &mut r, &mut findings);
    r.findings = findings;
    r
}

/// The three tables of an input printed with their cells apart, each from its region (or, with
/// no headings, figures alone).
fn read_tables(
    lines: &[Line],
    o: &Outline,
    r: &mut Report,
    findings: &mut Vec<Finding>,
    hint: Option<FormatId>,
) {
    if let Some(range) = o.region(Part::P2) {
        let p2 = part2::read(&lines[range], &mut r.sheet, findings, hint);
        r.variants.p2 = p2.variant();
        r.p2_mixed = p2.mixed();
    }
    let p3_lines = match o.region(Part::P3) {
        Some(range) => &lines[range],
        // figures alone: the whole input may be part 三's 161 or 175 numbers
        None if o.headings.is_empty() && o.region(Part::P2).is_none() => lines,
        None => &[],
    };
    let mut p4_done = false;
    if !p3_lines.is_empty() {
        if let Some(p3) = part3::read(p3_lines, &mut r.sheet, findings) {
            r.variants.p3 = Some(p3.variant);
            if p3.figures_only {
                r.input = Input::Figures;
            }
        } else if o.region(Part::P3).is_none() {
            p4_done = read_figures_p3_p4(lines, r);
        }
    }
    if !p4_done {
        if let Some(range) = o.region(Part::P4) {
            r.variants.p4 = part4::read(&lines[range], &mut r.sheet, findings);
        } else if o.headings.is_empty() && r.sheet.is_empty() {
            // 15 figures alone
            r.variants.p4 = part4_alone(lines, &mut r.sheet);
            if r.variants.p4 {
                r.input = Input::Figures;
            }
        }
    }
}

/// Figures alone for part 三 and part 四 together (176 or 190 numbers).
fn read_figures_p3_p4(lines: &[Line], r: &mut Report) -> bool {
    let stream = stream::Stream::build(lines);
    let n = stream.value_count();
    if n != 161 + 15 && n != 175 + 15 {
        return false;
    }
    let values: Vec<&tokens::Token> = stream.values().collect();
    let split = n == 175 + 15;
    let p3 = crate::format::part3::rows(split);
    let (v3, v4) = values.split_at(n - 15);
    let grid = crate::format::part3::grid(split);
    for (cells, chunk) in grid[..p3.len()].iter().zip(v3.chunks(7)) {
        for ((c, &id), t) in crate::format::part3::COLUMNS.iter().zip(cells).zip(chunk) {
            r.sheet
                .insert(id, t.text, value::parse(t.text, c.kind), Some(t.pos));
        }
    }
    for (&id, t) in crate::format::part4::cell_ids().iter().zip(v4) {
        r.sheet.insert(
            id,
            t.text,
            value::parse(t.text, crate::format::ValueKind::Count),
            Some(t.pos),
        );
    }
    r.variants.p3 = Some(if split {
        FormatId::F2021
    } else {
        FormatId::F2019
    });
    r.variants.p4 = true;
    r.input = Input::Figures;
    true
}

fn part4_alone(lines: &[Line], sheet: &mut Sheet) -> bool {
    let stream = stream::Stream::build(lines);
    if stream.value_count() != 15 {
        return false;
    }
    let mut sink = Vec::new();
    part4::read(lines, sheet, &mut sink) && sink.is_empty()
}

fn missing_tables(o: &Outline, r: &mut Report, findings: &mut Vec<Finding>) {
    if r.sheet.is_empty() {
        return;
    }
    let severity = if r.tables_alone {
        Severity::Info
    } else {
        Severity::Error
    };
    for part in Part::ALL {
        if r.sheet.has_part(part)
            || findings.iter().any(|f| {
                f.rule == Rule::TableMissing && f.cells.first().is_some_and(|c| c.part() == part)
            })
        {
            continue;
        }
        let why = if o.region(part).is_some() {
            "（有标题，但没有读到数字）"
        } else {
            ""
        };
        let why_en = if o.region(part).is_some() {
            " (its heading is there, but no figures)"
        } else {
            ""
        };
        // no figures at all under its heading: the input lacks the table (an image pasted as
        // text gives nothing either, and cannot be told apart), so it is the report's finding
        findings.push(Finding::new(
            Rule::TableMissing,
            severity,
            format!("未找到{}表格{}", part.short_zh(), why),
            format!("{}: table not found{}", part.short_en(), why_en),
        ));
    }
}

/// The majority layout of the lines that hold figures.
fn text_layout(lines: &[Line]) -> Input {
    let (mut tabs, mut pipes, mut spaces) = (0, 0, 0);
    let has_values = |l: &&Line| l.tokens.iter().any(|t| t.kind == tokens::TokenKind::Value);
    for l in lines.iter().filter(has_values) {
        match l.split {
            Split::Tabs => tabs += 1,
            Split::Pipes => pipes += 1,
            _ => spaces += 1,
        }
    }
    if tabs > spaces && tabs >= pipes {
        Input::Tsv
    } else if pipes > spaces {
        Input::Pipe
    } else {
        Input::Text
    }
}

/// The one finding for input that holds no report table, saying why.
fn unusable(text: &str, lines: &[Line], r: &Report) -> Finding {
    let (zh, en) = if text.trim().is_empty() && lines.is_empty() {
        (
            "输入为空：请粘贴年报全文或表格".to_owned(),
            "The input is empty: paste a report or its tables".to_owned(),
        )
    } else if looks_binary(text) {
        (
            "输入不是文本（可能是二进制文件，如 PDF 或 Word 原文件）：请复制其中的文字后粘贴".to_owned(),
            "The input is not text (perhaps a binary file such as a PDF or Word file): copy its text and paste that".to_owned(),
        )
    } else if let Some(n) = figures_alone(lines) {
        (
            format!("只有 {n} 个数字，没有行名或表头，无法判断它们属于哪张表、哪一行：请连同行名一起复制，或粘贴第三部分的全部 175（2019年版 161）个数字、第四部分的全部 15 个数字"),
            format!("Only {n} figures, with no row labels or headers: there is no telling which table or row they belong to. Copy them with their labels, or paste all 175 (161 in the 2019 format) figures of part 3 or all 15 of part 4"),
        )
    } else if glued_rows(lines) >= 3 {
        (
            "表格数字连在一起（网页抓取的纯文本，没有空格、制表符或换行分隔），未能按勾稽关系拆分：请从原网页复制表格本身，或直接填写表格".to_owned(),
            "The tables' figures run together (a web page's text as crawled, nothing between cells) and could not be split by the tables' relations: copy the table itself from the original page, or fill in the form".to_owned(),
        )
    } else if let Some(y) = r.meta.old_year.or(r.meta.title_year.filter(|&y| y < 2019)) {
        (
            format!("这似乎是2019年以前的年报（{y}年度）：gouji 只检查2019年版和2021年版格式的年报"),
            format!("This looks like a report from before 2019 ({y}): gouji checks only the 2019 and 2021 formats"),
        )
    } else if lines.iter().any(|l| {
        outline::line_key(l, 48).is_some_and(|k| {
            k.contains("主动公开") || k.contains("收到和处理") || k.contains("行政复议")
        })
    }) && r.meta.title.is_some()
    {
        (
            "找到了年报的标题和各部分标题，但没有读到表格中的数字：表格可能是图片。请复制可选中的文字，或直接填写表格".to_owned(),
            "The report's headings are there but no table figures: the tables may be images. Paste selectable text, or fill in the form".to_owned(),
        )
    } else {
        (
            "未找到政府信息公开年报的表格：请粘贴年报全文或其中的表格".to_owned(),
            "No annual report table found: paste a report or its tables".to_owned(),
        )
    };
    Finding::new(Rule::TableMissing, Severity::Error, zh, en)
}

/// The number of figures, if the input holds figures and nothing else.
fn figures_alone(lines: &[Line]) -> Option<usize> {
    let mut n = 0;
    for t in lines.iter().flat_map(|l| l.tokens) {
        if t.kind != tokens::TokenKind::Value {
            return None;
        }
        n += usize::from(!t.text.is_empty());
    }
    (n > 0).then_some(n)
}

/// Lines where a part 三 row label runs straight into a long string of digits.
pub(crate) fn glued_rows(lines: &[Line]) -> usize {
    let rows = crate::format::part3::rows(true);
    lines
        .iter()
        .filter_map(|l| outline::line_key(l, 200))
        .filter(|k| {
            let digits = k.chars().rev().take_while(char::is_ascii_digit).count();
            digits >= 7
                && rows
                    .iter()
                    .any(|r| r.keys.iter().any(|key| k.contains(key)))
        })
        .count()
}

fn looks_binary(text: &str) -> bool {
    let total = text.chars().count();
    if total == 0 {
        return false;
    }
    let odd = text
        .chars()
        .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
        .count();
    odd * 20 > total || text.contains('\0')
}
