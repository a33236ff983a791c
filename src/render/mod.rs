//! The result drawn as HTML: verdict, findings, and the three tables on the official layout
//! with every cell's value; error and warning cells carry a class, a text marker and an id,
//! and the findings link to them.
//!
//! Invariant: escaping by construction. Tags and attribute names are `&'static str`; every
//! piece of text and every attribute value goes through `escape`, so input text can never
//! become markup.

mod clipboard;
mod tables;
mod verdict;

pub use clipboard::{tables_html, tables_tsv};
use tables::{part2_table, part3_table, part4_table};
use verdict::{findings, verdict};

use crate::bytes::Fnv;
use crate::format::FormatId;
use crate::model::{Input, Severity, Source};
use crate::result::{CellOut, CheckResult};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Lang {
        if s.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
    fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// How a cell is marked on the table.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    /// The cell the arithmetic singles out: fix this one.
    Suspect,
    /// On an error that singles out no cell.
    Error,
    /// On an error whose cell to fix is another.
    Related,
    Warning,
    Info,
    None,
}

/// A string builder that cannot emit unescaped text.
struct Html<'r> {
    out: String,
    /// Plain tables for copying back into Word, WPS or a CMS: no marks, ids or classes.
    clean: bool,
    ix: &'r Index<'r>,
}

/// The result's cells and the findings on each, by cell id: built once per drawing, so that
/// drawing a table is linear in its cells and findings.
#[derive(Default)]
struct Index<'r> {
    cells: Map<&'r str, &'r CellOut>,
    /// (worst severity, finding indices) of the findings that name each cell.
    marks: Map<&'r str, (Severity, Vec<usize>)>,
    /// The cells some finding names as its suspect.
    suspects: HashSet<&'r str, BuildHasherDefault<Fnv>>,
    /// The cells of an error that singles out no cell (each of them may be the wrong one).
    unsingled: HashSet<&'r str, BuildHasherDefault<Fnv>>,
    /// The cells of what gouji could not read.
    unread: HashSet<&'r str, BuildHasherDefault<Fnv>>,
}

impl<'r> Index<'r> {
    fn new(r: &'r CheckResult) -> Self {
        let mut ix = Index::default();
        for (k, c) in &r.cells.0 {
            // the first of two cells with one id, as `Cells::get` has it
            ix.cells.entry(k.as_ref()).or_insert(c);
        }
        for (i, f) in r.findings.iter().enumerate() {
            // what gouji could not read marks no cell as the report's error, only as not read
            if f.source == Source::Reading {
                ix.unread.extend(f.cells.iter().map(String::as_str));
                continue;
            }
            // blank cells are shown as blank: the one CELL-BLANK note paints no cell
            if f.rule == crate::model::Rule::CellBlank {
                continue;
            }
            if f.severity == Severity::Error && f.suspects.is_empty() {
                ix.unsingled.extend(f.cells.iter().map(String::as_str));
            }
            // every relation a finding stands for draws its cells as related
            let ids = f
                .cells
                .iter()
                .chain(f.relations.iter().flat_map(|b| &b.cells))
                .chain(f.suspects.iter().map(|s| &s.cell));
            for id in ids {
                let (worst, which) = ix
                    .marks
                    .entry(id.as_str())
                    .or_insert((Severity::Info, Vec::new()));
                if which.last() == Some(&i) {
                    continue;
                }
                which.push(i);
                // the worst: errors before warnings before information
                *worst = (*worst).min(f.severity);
            }
            ix.suspects
                .extend(f.suspects.iter().map(|s| s.cell.as_str()));
        }
        ix
    }

    fn cell(&self, id: &str) -> Option<&'r CellOut> {
        self.cells.get(id).copied()
    }

    /// The worst severity among the findings that name a cell, and those findings.
    fn marks(&self, id: &str) -> (Option<Severity>, &[usize]) {
        match self.marks.get(id) {
            Some((worst, which)) => (Some(*worst), which),
            None => (None, &[]),
        }
    }
}

impl Html<'_> {
    fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.start(tag);
        for (k, v) in attrs {
            self.attr(k, &[v]);
        }
        self.out.push('>');
    }
    /// `<tag`: attributes follow, then `>`.
    fn start(&mut self, tag: &'static str) {
        self.out.push('<');
        self.out.push_str(tag);
    }
    /// An attribute whose value is the pieces joined, each escaped.
    fn attr(&mut self, name: &'static str, pieces: &[&str]) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        for p in pieces {
            escape(&mut self.out, p);
        }
        self.out.push('"');
    }
    fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }
    fn text(&mut self, s: &str) {
        escape(&mut self.out, s);
    }
    fn leaf(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag);
    }
}

fn escape(out: &mut String, s: &str) {
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
}

/// Ids used in the markup: `gouji-cell-p3.new.natural`, `gouji-finding-3`.
pub fn cell_anchor(id: &str) -> String {
    format!("gouji-cell-{id}")
}

pub fn finding_anchor(i: usize) -> String {
    format!("gouji-finding-{}", i + 1)
}

pub fn html(result: &CheckResult) -> String {
    html_lang(result, Lang::Zh)
}

pub fn html_lang(r: &CheckResult, lang: Lang) -> String {
    let ix = Index::new(r);
    let mut h = Html {
        out: String::with_capacity(32 * 1024),
        clean: false,
        ix: &ix,
    };
    h.open(
        "div",
        &[
            ("class", "gouji-result"),
            ("lang", lang.pick("zh-CN", "en")),
        ],
    );
    verdict(&mut h, r, lang);
    findings(&mut h, r, lang);
    let format = table_format(r);
    // the form shows its (empty) tables to be filled in
    if r.summary.cells_read > 0 || r.input == Input::Form {
        part3_table(&mut h, r, lang, r.tables.p3.unwrap_or(format));
        part4_table(&mut h, r, lang);
        part2_table(&mut h, r, lang, r.tables.p2.unwrap_or(format));
    }
    h.close("div");
    h.out
}

pub(super) fn table_format(r: &CheckResult) -> FormatId {
    r.format
        .official()
        .or_else(|| r.year.and_then(FormatId::for_year))
        .unwrap_or(FormatId::F2021)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut h = Html {
            out: String::new(),
            clean: false,
            ix: &Index::default(),
        };
        h.leaf(
            "td",
            &[("title", "\"><script>")],
            "<img src=x onerror=alert(1)>&",
        );
        assert_eq!(
            h.out,
            "<td title=\"&quot;&gt;&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt;&amp;</td>"
        );
    }
}
