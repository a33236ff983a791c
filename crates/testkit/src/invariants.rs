//! What must hold of every result and every rendering, whatever the input: asserted by the
//! tests, the property tests and the fuzz targets (panics with the reason when broken).

use gouji::format::{CellId, ReportFormat};
use gouji::model::{Input, Severity, Source};
use gouji::result::{At, CheckResult};

/// The command line's JSON of a text, written without building the result, is the JSON of
/// the result [`gouji::check`] gives, byte for byte.
pub fn assert_check_json(text: &str, options: &gouji::Options) {
    let mut direct = Vec::new();
    let summary = gouji_cli::json::check_json(text, options, &mut direct).expect("JSON written");
    let r = gouji::check(text, options);
    assert!(
        direct == serde_json::to_vec(&r).expect("JSON written"),
        "check_json differs from the result's JSON"
    );
    assert_eq!(summary, r.summary, "check_json's summary");
}

/// A result is consistent with itself and with the contract of docs/result.md.
pub fn assert_result(r: &CheckResult) {
    let mut fast = Vec::new();
    gouji_cli::json::write_json(r, &mut fast).expect("JSON written");
    assert!(
        fast == serde_json::to_vec(r).expect("JSON written"),
        "write_json differs from serde_json"
    );
    // the report's findings by severity; what gouji could not read apart, whatever its severity
    let count = |s: Severity| {
        r.findings
            .iter()
            .filter(|f| f.severity == s && f.source == Source::Report)
            .count()
    };
    let unread = r.findings.iter().filter(|f| f.source == Source::Reading);
    assert_eq!(r.summary.unread, unread.count(), "summary.unread");
    assert_eq!(r.summary.errors, count(Severity::Error), "summary.errors");
    assert_eq!(
        r.summary.warnings,
        count(Severity::Warning),
        "summary.warnings"
    );
    assert_eq!(r.summary.infos, count(Severity::Info), "summary.infos");
    assert_eq!(r.summary.cells_read, r.cells.0.len(), "summary.cells_read");
    if r.summary.cells_read == 0 && r.input != Input::Form {
        assert_eq!(r.format, ReportFormat::Unknown, "no cells, yet a format");
        assert_eq!(r.findings.len(), 1, "unusable input gives one finding");
    }
    for (id, cell) in &r.cells.0 {
        assert!(CellId::parse(id).is_some(), "cell id {id}");
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
            assert!(CellId::parse(id).is_some(), "{}: cell id {id}", f.rule);
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

/// The elements the renderer may emit.
fn known_tag(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "p"
            | "span"
            | "ol"
            | "ul"
            | "li"
            | "a"
            | "button"
            | "table"
            | "caption"
            | "thead"
            | "tbody"
            | "tr"
            | "th"
            | "td"
    )
}

/// The attributes the renderer may emit (besides `data-*` and `aria-*`).
fn known_attr(name: &str) -> bool {
    matches!(
        name,
        "class"
            | "id"
            | "lang"
            | "role"
            | "href"
            | "title"
            | "colspan"
            | "rowspan"
            | "scope"
            | "type"
    ) || name.starts_with("data-")
        || name.starts_with("aria-")
}

/// The renderer's HTML holds only its own inert elements and attributes: no script, no event
/// handler, no URL but in-page anchors, whatever text it was given.
pub fn assert_inert_html(html: &str) {
    // a plain byte scan: this runs on every rendering the fuzzers make
    let at = |s: &str, byte: u8| s.bytes().position(|b| b == byte);
    let mut rest = html;
    while let Some(i) = at(rest, b'<') {
        rest = &rest[i + 1..];
        let end = at(rest, b'>').expect("a tag is closed");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let name = &tag[..at(tag, b' ').unwrap_or(tag.len())];
        assert!(known_tag(name), "element <{name}>");
        // attributes: name="value" pairs, values escaped (no raw quotes or angle brackets inside)
        let mut attrs = &tag[name.len()..];
        while let Some(eq) = gouji::bytes::find(attrs, "=\"") {
            let attr = attrs[..eq].trim();
            assert!(known_attr(attr), "attribute {attr}");
            let value_end = at(&attrs[eq + 2..], b'"').expect("an attribute value is closed");
            let value = &attrs[eq + 2..eq + 2 + value_end];
            assert!(
                at(value, b'<').is_none() && at(value, b'>').is_none(),
                "unescaped value {value}"
            );
            if attr == "href" {
                assert!(value.starts_with('#'), "href {value}");
            }
            if attr == "type" {
                assert_eq!(value, "button", "a button that submits nothing");
            }
            attrs = &attrs[eq + 2 + value_end + 1..];
        }
        assert!(attrs.trim().is_empty(), "stray text in a tag: {attrs}");
    }
}

/// Each finding as "severity rule cell=fix…" (its suspects), for comparing with a fixture's
/// expectations by eye.
pub fn summary(r: &CheckResult) -> Vec<String> {
    r.findings
        .iter()
        .map(|f| {
            let s: Vec<String> = f
                .suspects
                .iter()
                .map(|s| format!("{}={}", s.cell, s.fix))
                .collect();
            format!("{} {} {}", f.severity, f.rule, s.join(" "))
                .trim_end()
                .to_owned()
        })
        .collect()
}
