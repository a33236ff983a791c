//! gouji (勾稽): checks the figures of a 政府信息公开工作年度报告 (a Chinese government information
//! disclosure annual report) against the official formats' relations.
//!
//! `check(text)` reads a pasted report in any layout, applies every rule, and returns the
//! [`CheckResult`] of RESULT.md; `render_html` draws it on the official table layout.
//! The core has no browser dependency; see ARCHITECTURE.md.

pub mod edit;
pub mod fold;
pub mod format;
pub mod model;
pub mod read;
pub mod render;
pub mod result;
pub mod rules;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use format::FormatId;
pub use result::CheckResult;

use model::{Severity, Sheet};
use read::Report;
use result::{format_name, CellOut, Cells, FindingOut, Summary, Tables, SCHEMA};

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
    finish(&report, options)
}

/// Checks a grid: rows of cell strings, rowspan/colspan already expanded (the HTML path).
pub fn check_grid<S: AsRef<str>>(rows: &[Vec<S>], options: &Options) -> CheckResult {
    let report = read::read_grid(rows, options.format);
    finish(&report, options)
}

/// The result drawn as HTML: the three tables on the official layout, marked, and the findings.
pub fn render_html(result: &CheckResult) -> String {
    render::html(result)
}

fn finish(report: &Report, options: &Options) -> CheckResult {
    let findings = rules::check(report, options.format);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let summary = Summary {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        cells_read: report.sheet.len(),
    };
    let year = rules::report::report_year(report);
    CheckResult {
        schema: SCHEMA,
        format: format_of(report, year),
        year,
        title: report.meta.title.clone(),
        input: report.input.to_owned(),
        cells: cells_out(&report.sheet),
        findings: findings.iter().map(FindingOut::from).collect(),
        summary,
        tables: Tables {
            p2: format_name(report.variants.p2),
            p3: format_name(report.variants.p3),
            p4: report.variants.p4,
        },
        version: VERSION.to_owned(),
    }
}

fn cells_out(sheet: &Sheet) -> Cells {
    Cells(
        sheet
            .cells()
            .iter()
            .map(|c| (c.key.id(), CellOut::from(c)))
            .collect(),
    )
}

fn format_of(report: &Report, year: Option<i32>) -> String {
    let v = report.variants;
    let name = match (v.p2, v.p3) {
        _ if report.sheet.is_empty() => "unknown",
        _ if report.p2_mixed => "mixed",
        (Some(a), Some(b)) if a != b => "mixed",
        (Some(a), _) | (None, Some(a)) => a.as_str(),
        (None, None) => year
            .and_then(FormatId::for_year)
            .map_or("unknown", FormatId::as_str),
    };
    name.to_owned()
}
