//! HTML to the grid the core checks: one reading for both hosts.
//!
//! The reading — which nodes are rows, which are cells, what a cell's text is — is [`grid`],
//! written once over the [`Dom`] trait. The page gives it the browser's own DOM (DOMParser, in
//! `crates/wasm`); the command line gives it [`parse`]'s tree, a small HTML parser of its own
//! (tags, attributes, entities, comments, raw-text elements, the implied ends of `p`, `li`,
//! `td`, `tr` and the table sections). A DOM test in Chromium runs both on every HTML fixture
//! and compares the grids.
//!
//! Invariant: the grid's rows are a table's rows with rowspan/colspan expanded
//! (`gouji::read::grid::expand`), and one row per block of other text.

use gouji::read::grid::{expand, SpanCell};
use std::borrow::Cow;

/// A node as the reading sees it.
pub enum Node<'a> {
    Text(Cow<'a, str>),
    /// An element, its tag name in upper case (as the DOM's `tagName` gives it).
    Element(Cow<'a, str>),
    /// A comment, a doctype, anything else: not read.
    Other,
}

/// A document tree: the browser's DOM or [`Tree`].
pub trait Dom {
    type Id: Clone;
    fn children(&self, id: &Self::Id) -> Vec<Self::Id>;
    fn node(&self, id: &Self::Id) -> Node<'_>;
    fn attr(&self, id: &Self::Id, name: &str) -> Option<String>;
}

/// The body's rows: tables with spans expanded, other text one row per block.
pub fn grid<D: Dom>(dom: &D, body: &D::Id) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut line = String::new();
    let mut sources: Sources<D::Id> = None;
    walk(dom, body, &mut rows, &mut line, &mut sources);
    flush(&mut rows, &mut line, &mut sources);
    rows
}

/// The element (a `<td>` or `<th>`) a position of [`grid`]'s grid was read from, found by the
/// same reading: where a correction of that cell is written back into the markup (an
/// editor's content). `None` for a position no table cell covers (a block of text, a gap).
pub fn source_of<D: Dom>(dom: &D, body: &D::Id, row: usize, cell: usize) -> Option<D::Id> {
    let mut rows = Vec::new();
    let mut line = String::new();
    let mut sources = Some(Vec::new());
    walk(dom, body, &mut rows, &mut line, &mut sources);
    flush(&mut rows, &mut line, &mut sources);
    sources?.get(row)?.get(cell).cloned().flatten()
}

/// Where each grid position came from, when asked for: one row per grid row.
type Sources<Id> = Option<Vec<Vec<Option<Id>>>>;

fn skipped(tag: &str) -> bool {
    matches!(
        tag,
        "SCRIPT"
            | "STYLE"
            | "TEMPLATE"
            | "NOSCRIPT"
            | "HEAD"
            | "TITLE"
            | "svg"
            | "SVG"
            | "MATH"
            | "IFRAME"
            | "OBJECT"
    )
}

fn block(tag: &str) -> bool {
    matches!(
        tag,
        "P" | "DIV"
            | "H1"
            | "H2"
            | "H3"
            | "H4"
            | "H5"
            | "H6"
            | "LI"
            | "UL"
            | "OL"
            | "SECTION"
            | "ARTICLE"
            | "HEADER"
            | "FOOTER"
            | "BLOCKQUOTE"
            | "PRE"
            | "TR"
            | "DL"
            | "DT"
            | "DD"
            | "CENTER"
            | "FORM"
            | "MAIN"
            | "NAV"
    )
}

fn flush<Id>(rows: &mut Vec<Vec<String>>, line: &mut String, sources: &mut Sources<Id>) {
    let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        rows.push(vec![text]);
        if let Some(s) = sources {
            s.resize_with(rows.len(), Vec::new);
        }
    }
    line.clear();
}

/// The children of `id` worth reading: text (tag `None`) and elements other than scripts,
/// styles and the like (with their tag).
/// (Tags and texts borrowed from the tree where it holds them: a page of many small nodes —
/// hostile nesting above all — costs no allocation per node for them.)
type Readable<'d, Id> = Vec<(Id, Option<Cow<'d, str>>, Option<Cow<'d, str>>)>;

fn readable<'d, D: Dom>(dom: &'d D, id: &D::Id) -> Readable<'d, D::Id> {
    dom.children(id)
        .into_iter()
        .filter_map(|c| match dom.node(&c) {
            Node::Text(t) => Some((c, None, Some(t))),
            Node::Element(tag) => (!skipped(&tag)).then_some((c, Some(tag), None)),
            Node::Other => None,
        })
        .collect()
}

fn walk<D: Dom>(
    dom: &D,
    id: &D::Id,
    rows: &mut Vec<Vec<String>>,
    line: &mut String,
    sources: &mut Sources<D::Id>,
) {
    for (child, tag, text) in readable(dom, id) {
        let Some(t) = tag else {
            line.push_str(text.as_deref().unwrap_or(""));
            continue;
        };
        if t == "TABLE" && holds_table(dom, &child) {
            // a layout table (an old CMS's page in a table, the article in one of its cells):
            // its cells are blocks of the page, the report's tables inside them read as tables
            flush(rows, line, sources);
            let mut trs = Vec::new();
            collect_rows(dom, &child, &mut trs);
            for (tr, _) in trs {
                for (td, _) in element_children(dom, &tr) {
                    walk(dom, &td, rows, line, sources);
                    flush(rows, line, sources);
                }
            }
        } else if t == "TABLE" {
            flush(rows, line, sources);
            let (table, from) = table_rows(dom, &child, sources.is_some());
            if let Some(s) = sources {
                s.extend(from.into_iter().take(table.len()));
                s.resize_with(rows.len() + table.len(), Vec::new);
            }
            rows.extend(table);
        } else if t == "BR" {
            flush(rows, line, sources);
        } else if block(&t) {
            flush(rows, line, sources);
            walk(dom, &child, rows, line, sources);
            flush(rows, line, sources);
        } else {
            walk(dom, &child, rows, line, sources);
        }
    }
}

/// Whether a table is a layout around a page (an old CMS's article in one of its cells), not a
/// table of figures: the tables in its cells have more cells than it has itself. A table of
/// figures with a small table in a cell stays a table. The count stops as soon as it is
/// decided, so hostile nesting costs no more than a few nodes a level.
fn holds_table<D: Dom>(dom: &D, table: &D::Id) -> bool {
    let mut trs = Vec::new();
    collect_rows(dom, table, &mut trs);
    let mut own = 0usize;
    let mut stack: Vec<D::Id> = Vec::new();
    for (tr, _) in &trs {
        for (td, t) in element_children(dom, tr) {
            if t == "TD" || t == "TH" {
                own += 1;
                stack.extend(dom.children(&td));
            }
        }
    }
    let mut nested = 0usize;
    while let Some(n) = stack.pop() {
        if let Node::Element(tag) = dom.node(&n) {
            if tag == "TD" || tag == "TH" {
                nested += 1;
                if nested > own {
                    return true;
                }
            }
            if skipped(&tag) {
                continue;
            }
        }
        stack.extend(dom.children(&n));
    }
    false
}

fn element_children<'d, D: Dom>(dom: &'d D, id: &D::Id) -> Vec<(D::Id, Cow<'d, str>)> {
    dom.children(id)
        .into_iter()
        .filter_map(|c| match dom.node(&c) {
            Node::Element(tag) => Some((c, tag)),
            _ => None,
        })
        .collect()
}

/// The rows of a table (its own, not those of tables nested in it), spans expanded; and, when
/// asked for, where each position came from.
type TableRows<Id> = (Vec<Vec<String>>, Vec<Vec<Option<Id>>>);

fn table_rows<D: Dom>(dom: &D, table: &D::Id, sources: bool) -> TableRows<D::Id> {
    let mut trs = Vec::new();
    collect_rows(dom, table, &mut trs);
    let mut ids: Vec<D::Id> = Vec::new();
    let cells: Vec<Vec<SpanCell>> = trs
        .iter()
        .map(|(tr, tag)| {
            let mut row = Vec::new();
            if tag == "CAPTION" {
                let mut text = String::new();
                cell_text(dom, tr, &mut text);
                row.push(SpanCell {
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                    rowspan: 1,
                    colspan: 1,
                });
                if sources {
                    ids.push(tr.clone());
                }
                return row;
            }
            for (td, t) in element_children(dom, tr) {
                if t != "TD" && t != "TH" {
                    continue;
                }
                let span = |name: &str| {
                    dom.attr(&td, name)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                };
                let mut text = String::new();
                cell_text(dom, &td, &mut text);
                row.push(SpanCell {
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                    rowspan: span("rowspan"),
                    colspan: span("colspan"),
                });
                if sources {
                    ids.push(td);
                }
            }
            row
        })
        .collect();
    let from = if sources {
        gouji::read::grid::expand_sources(&cells)
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|k| k.and_then(|k| ids.get(k).cloned()))
                    .collect()
            })
            .collect()
    } else {
        Vec::new()
    };
    (expand(&cells), from)
}

fn collect_rows<'d, D: Dom>(dom: &'d D, id: &D::Id, out: &mut Vec<(D::Id, Cow<'d, str>)>) {
    for (k, t) in element_children(dom, id) {
        match t.as_ref() {
            // a caption is often the part heading: keep it as a row of its own
            "TR" | "CAPTION" => out.push((k, t)),
            "THEAD" | "TBODY" | "TFOOT" => collect_rows(dom, &k, out),
            _ => {}
        }
    }
}

/// A cell's text: line breaks and blocks inside it become spaces; scripts and styles skipped.
fn cell_text<D: Dom>(dom: &D, id: &D::Id, out: &mut String) {
    for (child, tag, text) in readable(dom, id) {
        let Some(t) = tag else {
            out.push_str(text.as_deref().unwrap_or(""));
            continue;
        };
        if t == "BR" || block(&t) {
            out.push(' ');
        }
        cell_text(dom, &child, out);
        if block(&t) {
            out.push(' ');
        }
    }
}

mod entities;
mod tree;
pub use tree::{parse, read, Tree};

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn tables_with_spans_and_implied_ends_read_as_the_dom_reads_them() {
        let html = "<!DOCTYPE html><html><head><title>t</title><style>td{}</style></head><body>\
            <p>四、政府信息公开行政复议、行政诉讼情况<p>second &amp; more&nbsp;x\
            <table><tr><td rowspan=2>行政复议<td colspan=\"2\">a<tr><td>1<td>2\
            <tr><td>x<br>y</td><td><!-- c --><span>3</span></td></table>\
            <script>var x = '<table>';</script><div>tail</div></body></html>";
        let rows = read(html);
        assert_eq!(
            rows,
            vec![
                vec!["四、政府信息公开行政复议、行政诉讼情况".to_owned()],
                vec!["second & more x".to_owned()],
                vec!["行政复议".into(), "a".into(), "a".into()],
                vec!["行政复议".into(), "1".into(), "2".into()],
                vec!["x y".into(), "3".into()],
                vec!["tail".into()],
            ]
        );
    }

    #[test]
    fn hostile_markup_never_panics_and_stays_text() {
        for html in [
            "<",
            "<a",
            "<td colspan=99999999999999>1",
            "&#xFFFFFFFF;&#0;&",
            "</table></x>",
            "<table><tr><td><table><td>1</table>2",
        ] {
            let _ = read(html);
        }
        let deep = "<div>".repeat(100_000) + "x";
        assert_eq!(read(&deep), vec![vec!["x".to_owned()]]);
    }
}
