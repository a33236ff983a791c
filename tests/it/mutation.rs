//! Mutation test: every part 三 and part 四 cell of each sample, +1 and −1 (where the count
//! stays ≥ 0), edited in the text where the cell was read, is caught by an error naming it;
//! where the sample was clean around the cell, the cell is a suspect with its original value.

use super::support::{fixture, has_suspect, run, SAMPLES};
use gouji::result::{At, CheckResult};

/// Replaces the token at `line:col` (1-based, columns in characters) of `text`.
fn replace_at(text: &str, line: u32, col: u32, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i + 1 == line as usize {
            let start: usize = l
                .char_indices()
                .nth(col as usize - 1)
                .map(|(b, _)| b)
                .unwrap();
            assert!(
                l[start..].starts_with(old),
                "line {line}: {:?} is not at col {col}",
                old
            );
            out.push_str(&l[..start]);
            out.push_str(new);
            out.push_str(&l[start + old.len()..]);
        } else {
            out.push_str(l);
        }
    }
    out
}

fn touches(r: &CheckResult, id: &str) -> bool {
    r.findings.iter().any(|f| {
        f.severity == "error"
            && (f.cells.iter().any(|c| c == id) || f.suspects.iter().any(|s| s.cell == id))
    })
}

#[test]
fn every_single_cell_error_is_caught_and_located() {
    let mut mutations = 0;
    for name in SAMPLES {
        let text = fixture(&format!("samples/{name}.txt"));
        let base = run(&text);
        for (id, cell) in base
            .cells
            .0
            .iter()
            .filter(|(id, _)| id.starts_with("p3.") || id.starts_with("p4."))
        {
            let Some(value) = cell.value.and_then(|v| v.as_i64()) else {
                continue;
            };
            let Some(At::Text { line, col }) = cell.at else {
                panic!("{name}: {id} has no position")
            };
            let clean_before = !touches(&base, id);
            for delta in [1i64, -1] {
                let new = value + delta;
                if new < 0 {
                    continue;
                }
                mutations += 1;
                let mutated = replace_at(&text, line, col, &cell.raw, &new.to_string());
                let r = run(&mutated);
                assert_eq!(
                    r.cells
                        .get(id)
                        .and_then(|c| c.value)
                        .and_then(|v| v.as_i64()),
                    Some(new),
                    "{name}: {id} {delta:+} not read back"
                );
                assert_eq!(
                    r.summary.cells_read, base.summary.cells_read,
                    "{name}: {id} {delta:+} changed the reading"
                );
                assert!(
                    touches(&r, id),
                    "{name}: {id} {delta:+} not caught: {:?}",
                    r.findings
                );
                if clean_before {
                    let suspected = has_suspect(&r, id, value);
                    assert!(
                        suspected,
                        "{name}: {id} {delta:+} is not the suspect with fix {value}: {:?}",
                        r.findings
                    );
                }
            }
        }
    }
    assert!(mutations > 600, "only {mutations} mutations");
}

/// A cell left blank in a PDF prints nothing: the row has six figures. Each part 三 cell of the
/// space-aligned samples, blanked, is read as blank under the right column (never shifted), and
/// a non-zero one is the suspect with its value.
#[test]
fn a_blank_cell_in_pdf_text_is_placed_by_column() {
    let mut blanked = 0;
    for name in ["hongze-2023", "huaian-2024"] {
        let text = fixture(&format!("samples/{name}.txt"));
        let base = run(&text);
        for (id, cell) in base.cells.0.iter().filter(|(id, _)| id.starts_with("p3.")) {
            let Some(value) = cell.value.and_then(|v| v.as_i64()) else {
                continue;
            };
            let Some(At::Text { line, col }) = cell.at else {
                continue;
            };
            let spaces = " ".repeat(cell.raw.chars().count());
            let r = run(&replace_at(&text, line, col, &cell.raw, &spaces));
            blanked += 1;
            let read = r
                .cells
                .get(id)
                .unwrap_or_else(|| panic!("{name}: blank {id} not read: {:?}", r.findings));
            assert!(read.blank, "{name}: {id} not blank");
            for (other, c) in r.cells.0.iter().filter(|(o, _)| o != id) {
                assert_eq!(
                    c.raw,
                    base.cells.get(other).unwrap().raw,
                    "{name}: blanking {id} moved {other}"
                );
            }
            assert!(
                r.findings
                    .iter()
                    .any(|f| f.rule == "CELL-BLANK" && f.cells.iter().any(|c| c == id)),
                "{name}: {id}"
            );
            if value != 0 {
                let suspected = has_suspect(&r, id, value);
                assert!(
                    suspected,
                    "{name}: blank {id} is not the suspect with fix {value}"
                );
            }
        }
    }
    assert!(blanked > 300, "only {blanked}");
}
