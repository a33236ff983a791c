//! gouji (勾稽): checks the figures of a 政府信息公开工作年度报告 (a Chinese government information
//! disclosure annual report) against the official formats' relations.
//!
//! `check(text)` reads a pasted report in any layout, applies every rule, and returns the
//! [`CheckResult`] of docs/result.md; `render_html` draws it on the official table layout.
//! The core has no browser dependency and does no I/O; see ARCHITECTURE.md.
//!
//! ```
//! use gouji::{check, Options};
//!
//! // part 四 of a report, tab-separated as Word or a browser copies it: the review total is 9,
//! // but its results add up to 8
//! let text = "四、政府信息公开行政复议、行政诉讼情况\n\
//!     行政复议\t\t\t\t\t行政诉讼\n\
//!     结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n\
//!     \t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\
//!     3\t1\t0\t4\t9\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
//! let result = check(text, &Options::default());
//! let f = result.findings.iter().find(|f| f.rule == "P4-SUM").expect("the review total");
//! assert_eq!((f.expected, f.actual), (Some(8), Some(9)));
//! assert!(f.suspects.iter().any(|s| s.cell == "p4.review.total" && s.fix == 8));
//! ```

pub mod batch;
pub mod bytes;
pub mod edit;
pub mod export;
pub mod fold;
pub mod format;
pub mod model;
pub mod read;
pub mod render;
pub mod result;
pub mod rules;
pub mod seen;
mod wire;

pub use format::FormatId;
pub use result::CheckResult;

use format::CellId;
use model::{Severity, Sheet};
use read::Report;
use result::{CellOut, Cells, FindingOut, Summary, Tables, SCHEMA};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the caller may choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Check against this format instead of the one the report's year calls for.
    pub format: Option<FormatId>,
}

/// Checks pasted text: a whole report, or its tables alone, in any supported layout.
pub fn check(text: &str, options: &Options) -> CheckResult {
    let report = read::read_text(text, options.format);
    finish(report, options)
}

/// Compares this year's result with last year's: `X-CARRY`, `X-PREV`, `X-TEXT` added to
/// `this` (after confirming the two are one body's consecutive years, `X-MATCH` when not).
/// The texts are the two reports as read (their prose, for the sentences copied).
pub fn compare(this: &mut CheckResult, this_text: &str, prev: &CheckResult, prev_text: &str) {
    rules::cross::compare(this, this_text, prev, prev_text)
}

/// A grid's text for [`compare`] (its sentences): each row's cells joined by tabs, a row a line.
pub fn grid_text<S: AsRef<str>>(rows: &[Vec<S>]) -> String {
    let mut text = String::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                text.push('\t');
            }
            text.push_str(cell.as_ref());
        }
        text.push('\n');
    }
    text
}

/// Checks a PDF's text, given page by page (each page's lines as rebuilt from its glyphs):
/// the pages are read as one text, and every position says its page (`{page, line, col}`).
pub fn check_pdf<S: AsRef<str>>(pages: &[S], options: &Options) -> CheckResult {
    let mut text = String::with_capacity(pages.iter().map(|p| p.as_ref().len() + 1).sum());
    let mut starts = Vec::with_capacity(pages.len());
    let mut line = 1u32;
    for p in pages {
        starts.push(line);
        let p = p.as_ref();
        text.push_str(p);
        if !p.is_empty() && !p.ends_with('\n') {
            text.push('\n');
        }
        line = line.saturating_add(p.lines().count() as u32);
    }
    let mut r = check(&text, options);
    r.input = model::Input::Pdf;
    for (_, c) in r.cells.0.iter_mut() {
        c.at = c.at.map(|a| a.on_page(&starts));
    }
    for f in r.findings.iter_mut() {
        f.at = f.at.map(|a| a.on_page(&starts));
    }
    r
}

/// Checks a grid: rows of cell strings, rowspan/colspan already expanded (the HTML path).
pub fn check_grid<S: AsRef<str>>(rows: &[Vec<S>], options: &Options) -> CheckResult {
    let report = read::read_grid(rows, options.format);
    finish(report, options)
}

/// Checks figures typed into the empty official form, given as (cell id, text) pairs. A row
/// where nothing was typed is left out (its relations wait); in a row where something was
/// typed, the cells left empty are blank. Ids that are not cells of the format are ignored.
pub fn check_cells<S: AsRef<str>>(cells: &[(S, S)], format: FormatId) -> CheckResult {
    let mut report = Report {
        input: model::Input::Form,
        tables_alone: true,
        sheet: Sheet::with_room(),
        ..Report::default()
    };
    let typed = |id: &str| {
        cells
            .iter()
            .rev()
            .find(|(k, _)| k.as_ref() == id)
            .map(|(_, v)| v.as_ref().trim())
    };
    let mut rows: Vec<(&'static str, Vec<(CellId, format::ValueKind)>)> = Vec::new();
    for (_, v) in format::part2::blocks(format) {
        for r in v.rows {
            rows.push((
                r.id,
                v.columns
                    .iter()
                    .filter_map(|c| Some((CellId::of(r.id, c.id)?, c.kind)))
                    .collect(),
            ));
        }
    }
    for r in format::part3::rows(format::part3::splits_other(format)) {
        rows.push((
            r.id,
            format::part3::COLUMNS
                .iter()
                .filter_map(|c| Some((CellId::of(r.id, c.id)?, c.kind)))
                .collect(),
        ));
    }
    for g in &format::part4::GROUPS {
        rows.push((
            g.id,
            format::part4::COLUMNS
                .iter()
                .filter_map(|c| Some((CellId::of(g.id, c.id)?, c.kind)))
                .collect(),
        ));
    }
    for (_, keys) in rows {
        if !keys
            .iter()
            .any(|(k, _)| typed(k.id()).is_some_and(|t| !t.is_empty()))
        {
            continue;
        }
        for (k, kind) in keys {
            let raw = typed(k.id()).unwrap_or("");
            report
                .sheet
                .insert(k, raw, read::value::parse(raw, kind), None);
        }
    }
    report.variants = model::Variants {
        p2: Some(format),
        p3: Some(format),
        p4: true,
    };
    finish(
        report,
        &Options {
            format: Some(format),
        },
    )
}

/// The result drawn as HTML: the three tables on the official layout, marked, and the findings.
pub fn render_html(result: &CheckResult) -> String {
    render::html(result)
}

/// A check before its result is built: the report read and what the rules found. A writer
/// that streams the result (the command line's `--json`) takes it from here; [`check`] builds
/// it with [`Checked::into_result`].
pub struct Checked {
    pub indicators: result::Indicators,
    pub report: Report,
    pub findings: Vec<model::Finding>,
    pub summary: Summary,
    pub year: Option<i32>,
    pub format: format::ReportFormat,
    pub tables: Tables,
}

/// Reads and checks pasted text, as [`check`] does, without building the result.
pub fn check_text(text: &str, options: &Options) -> Checked {
    assess(read::read_text(text, options.format), options)
}

fn assess(report: Report, options: &Options) -> Checked {
    assess_with(report, options, |_, _| {})
}

/// [`assess`], with the findings adjusted before they are counted (a reader that knows more
/// about whose a finding is: `seen`).
pub(crate) fn assess_with(
    report: Report,
    options: &Options,
    adjust: impl FnOnce(&Report, &mut Vec<model::Finding>),
) -> Checked {
    let mut findings = rules::check(&report, options.format);
    adjust(&report, &mut findings);
    let count = |s: Severity| {
        findings
            .iter()
            .filter(|f| f.severity == s && f.source == model::Source::Report)
            .count()
    };
    let summary = Summary {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        unread: findings
            .iter()
            .filter(|f| f.source == model::Source::Reading)
            .count(),
        cells_read: report.sheet.len(),
    };
    let year = rules::report::report_year(&report);
    let indicators = result::Indicators::of(|id| {
        let c = report.sheet.get(format::CellId::parse(id)?)?;
        match c.value {
            model::Value::Blank => Some(0),
            v => v.arith(),
        }
    });
    Checked {
        indicators,
        format: format_of(&report, year),
        findings,
        summary,
        year,
        tables: Tables {
            p2: report.variants.p2,
            p3: report.variants.p3,
            p4: report.variants.p4,
        },
        report,
    }
}

impl Checked {
    /// The result object of docs/result.md.
    pub fn into_result(mut self) -> CheckResult {
        CheckResult {
            schema: SCHEMA,
            format: self.format,
            year: self.year,
            title: self.report.meta.title.take(),
            input: self.report.input,
            cells: cells_out(std::mem::take(&mut self.report.sheet)),
            findings: self.findings.iter().map(FindingOut::from).collect(),
            summary: self.summary,
            tables: self.tables,
            indicators: self.indicators,
            version: VERSION.to_owned(),
            prev: None,
        }
    }
}

fn finish(report: Report, options: &Options) -> CheckResult {
    assess(report, options).into_result()
}

/// The cells as the contract has them; the raw texts move, not copied.
fn cells_out(sheet: Sheet) -> Cells {
    Cells(
        sheet
            .into_cells()
            .into_iter()
            .map(|c| (c.id.id().into(), CellOut::from(c)))
            .collect(),
    )
}

fn format_of(report: &Report, year: Option<i32>) -> format::ReportFormat {
    use format::ReportFormat::{Mixed, Unknown};
    let v = report.variants;
    match (v.p2, v.p3) {
        _ if report.sheet.is_empty() => Unknown,
        _ if report.p2_mixed => Mixed,
        (Some(a), Some(b)) if a != b => Mixed,
        (Some(a), _) | (None, Some(a)) => a.into(),
        (None, None) => year
            .and_then(FormatId::for_year)
            .map_or(Unknown, Into::into),
    }
}
