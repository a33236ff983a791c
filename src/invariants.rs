//! What must hold of every result and every rendering, whatever the input: asserted by the
//! tests, the property tests and the fuzz targets (panics with the reason when broken).

use crate::format::CellKey;
use crate::result::{At, CheckResult};

/// A result is consistent with itself and with the contract of RESULT.md.
pub fn assert_result(r: &CheckResult) {
    let count = |s: &str| r.findings.iter().filter(|f| f.severity == s).count();
    assert_eq!(r.summary.errors, count("error"), "summary.errors");
    assert_eq!(r.summary.warnings, count("warning"), "summary.warnings");
    assert_eq!(r.summary.infos, count("info"), "summary.infos");
    assert_eq!(r.summary.cells_read, r.cells.0.len(), "summary.cells_read");
    assert!(
        ["F2019", "F2021", "mixed", "unknown"].contains(&r.format.as_str()),
        "format {}",
        r.format
    );
    if r.summary.cells_read == 0 && r.input != "form" {
        assert_eq!(r.format, "unknown", "no cells, yet a format");
        assert_eq!(r.findings.len(), 1, "unusable input gives one finding");
    }
    for (id, cell) in &r.cells.0 {
        assert!(CellKey::parse(id).is_some(), "cell id {id}");
        assert_at(cell.at);
        assert!(
            !(cell.blank && cell.value.is_some()),
            "{id}: blank with a value"
        );
    }
    for f in &r.findings {
        assert!(
            !f.message.is_empty() && !f.message_en.is_empty(),
            "{}: empty message",
            f.rule
        );
        for id in f.cells.iter().chain(f.suspects.iter().map(|s| &s.cell)) {
            assert!(CellKey::parse(id).is_some(), "{}: cell id {id}", f.rule);
        }
        for s in &f.suspects {
            assert!(s.fix >= 0, "{}: negative fix for {}", f.rule, s.cell);
            assert!(
                f.cells.contains(&s.cell),
                "{}: suspect {} not among its cells",
                f.rule,
                s.cell
            );
        }
        assert_at(f.at);
    }
}

fn assert_at(at: Option<At>) {
    if let Some(At::Text { line, col }) = at {
        assert!(line >= 1 && col >= 1, "position {line}:{col}");
    }
}

const TAGS: [&str; 13] = [
    "div", "p", "span", "ol", "li", "a", "table", "caption", "thead", "tbody", "tr", "th", "td",
];
const ATTRS: [&str; 10] = [
    "class",
    "id",
    "lang",
    "role",
    "href",
    "title",
    "colspan",
    "rowspan",
    "scope",
    "aria-hidden",
];

/// The renderer's HTML holds only its own inert elements and attributes: no script, no event
/// handler, no URL but in-page anchors, whatever text it was given.
pub fn assert_inert_html(html: &str) {
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("a tag is closed");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let name = tag.split(' ').next().unwrap_or("");
        assert!(TAGS.contains(&name), "element <{name}>");
        // attributes: name="value" pairs, values escaped (no raw quotes or angle brackets inside)
        let mut attrs = &tag[name.len()..];
        while let Some(eq) = attrs.find("=\"") {
            let attr = attrs[..eq].trim();
            assert!(
                ATTRS.contains(&attr) || attr.starts_with("data-") || attr.starts_with("aria-"),
                "attribute {attr}"
            );
            let value_end = attrs[eq + 2..]
                .find('"')
                .expect("an attribute value is closed");
            let value = &attrs[eq + 2..eq + 2 + value_end];
            assert!(
                !value.contains('<') && !value.contains('>'),
                "unescaped value {value}"
            );
            if attr == "href" {
                assert!(value.starts_with('#'), "href {value}");
            }
            attrs = &attrs[eq + 2 + value_end + 1..];
        }
        assert!(attrs.trim().is_empty(), "stray text in a tag: {attrs}");
    }
}
