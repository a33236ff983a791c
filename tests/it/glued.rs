//! Figures run together (issue 22): the tables' cells joined with nothing between them, as a
//! crawler's `textContent` gives them, decoded by the tables' own relations — every cell the
//! relations leave one reading read (`read: "split"`), nothing read that they leave open, a
//! report's own error still found, and no cell ever read wrong when the report itself holds a
//! typo (every single-figure error injected into every fixture).

use super::support::{fixture, run};
use gouji::format::{part3, part4, CellId};
use gouji::model::Source;
use gouji::result::CheckResult;
use std::collections::BTreeMap;

/// A report's part 三 and 四 cells (id → figure as printed).
type Cells = BTreeMap<&'static str, String>;

/// A sample's part 三 and 四 cells, from its hand-checked expectations.
fn sample_cells(name: &str) -> Cells {
    fixture(&format!("samples/{name}.expected"))
        .lines()
        .filter_map(|l| l.strip_prefix("cell "))
        .filter_map(|l| {
            let mut p = l.split(' ');
            let id = CellId::parse(p.next()?)?;
            let raw = p.next()?;
            matches!(id.part(), gouji::format::Part::P3 | gouji::format::Part::P4)
                .then(|| (id.id(), raw.to_owned()))
        })
        .collect()
}

/// The report's tables as a crawler's `textContent` gives them: each row's label, then its
/// figures with nothing between them (a line per row, as the page's source breaks them).
fn run_together(cells: &Cells) -> String {
    let split = cells.contains_key("p3.other.misc.total");
    let mut t = String::from("三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况\n自然人法人或其他组织总计\n商业企业科研机构社会公益组织法律服务机构其他\n");
    let grid = part3::grid(split);
    let mut group = None;
    for (row, ids) in part3::rows(split).iter().zip(grid) {
        // a group's label before its first sub-item only, as the table prints it
        if row.group.is_some() && row.group == group {
            t.push_str(row.zh);
        } else {
            t.push_str(&gouji::read::part3::row_label(row));
        }
        group = row.group;
        for id in &ids[..7] {
            t.push_str(&cells[id.id()]);
        }
        t.push('\n');
    }
    t.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计\n");
    for id in part4::cell_ids() {
        t.push_str(&cells[id.id()]);
    }
    t.push('\n');
    t
}

/// The cells read from `text` and how: (figure, recovered by splitting), by id.
fn read(text: &str) -> (CheckResult, BTreeMap<String, (String, bool)>) {
    let r = run(text);
    let cells = r
        .cells
        .0
        .iter()
        .map(|(k, c)| {
            (
                k.to_string(),
                (c.raw.to_string(), c.read.as_deref() == Some("split")),
            )
        })
        .collect();
    (r, cells)
}

#[test]
fn the_samples_run_together_are_read_back_cell_for_cell() {
    for name in ["huaian-2024", "guidong-2020"] {
        let cells = sample_cells(name);
        let (r, got) = read(&run_together(&cells));
        assert_eq!(r.input, gouji::model::Input::Glued, "{name}");
        // every part 三 cell recovered, each exactly as printed, each marked as split
        for (id, raw) in &cells {
            if id.starts_with("p3.") {
                assert_eq!(got.get(*id), Some(&(raw.clone(), true)), "{name}: {id}");
            }
        }
        // and what was read is never another figure
        for (id, (raw, _)) in &got {
            assert_eq!(Some(raw), cells.get(id.as_str()), "{name}: {id}");
        }
        // the reports are consistent: no error from what was split
        assert_eq!(r.summary.errors, 0, "{name}: {:?}", r.findings);
    }
}

#[test]
fn part_4_cells_are_read_where_one_split_holds_and_said_where_not() {
    // 淮安's 复议后起诉 12 1 1 6 20 runs together as 1211620: 1 2 1 16 20 and 1 2 11 6 20 add
    // up as well; the first two groups and the shared 20 are read, the rest said with its
    // candidates
    let cells = sample_cells("huaian-2024");
    let (r, got) = read(&run_together(&cells));
    for id in [
        "p4.review.total",
        "p4.suit_direct.pending",
        "p4.suit_after_review.total",
    ] {
        assert_eq!(
            got.get(id).map(|c| c.0.as_str()),
            Some(cells[id].as_str()),
            "{id}"
        );
    }
    assert!(!got.contains_key("p4.suit_after_review.corrected"));
    let open: Vec<_> = r
        .findings
        .iter()
        .filter(|f| {
            f.source == Source::Reading
                && f.severity == gouji::model::Severity::Error
                && f.cells.iter().any(|c| c.starts_with("p4."))
        })
        .collect();
    assert_eq!(open.len(), 1, "{:?}", r.findings);
    assert!(
        open[0].message.contains("12 1 1 6 20"),
        "{}",
        open[0].message
    );
    assert!(open[0]
        .cells
        .iter()
        .all(|c| c.starts_with("p4.suit_after_review")));
}

#[test]
fn a_genuine_column_error_run_together_is_the_reports_error_with_its_cells() {
    // 予以公开's natural persons and total each one more: the row adds up, its columns do not
    let mut cells = sample_cells("huaian-2024");
    cells.insert("p3.granted.natural", "1289".into());
    cells.insert("p3.granted.total", "1363".into());
    let (r, got) = read(&run_together(&cells));
    assert_eq!(got["p3.granted.natural"].0, "1289");
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.source == Source::Report && f.severity == gouji::model::Severity::Error)
        .collect();
    assert!(!errors.is_empty(), "{:?}", r.findings);
    let named = |rule: &str, cell: &str| {
        errors.iter().any(|f| {
            (f.rule == rule && f.cells.iter().any(|c| c == cell))
                || f.relations
                    .iter()
                    .any(|b| b.rule == rule && b.cells.iter().any(|c| c == cell))
        })
    };
    assert!(named("P3-SUM", "p3.granted.natural"), "{:?}", errors);
}

/// A small report: 一 and （七）总计 run together as `220000022` (22 0 … 22, or 2 20 … 22) and
/// read only through the columns.
fn small(new: [i64; 7], granted: [i64; 7], partial: [i64; 7], total: [i64; 7]) -> Cells {
    let mut cells = Cells::new();
    let split = true;
    for (row, ids) in part3::rows(split).iter().zip(part3::grid(split)) {
        let v = match row.id {
            "p3.new" => new,
            "p3.granted" => granted,
            "p3.partial" => partial,
            "p3.total" => total,
            _ => [0; 7],
        };
        for (id, x) in ids[..7].iter().zip(v) {
            cells.insert(id.id(), x.to_string());
        }
    }
    for id in part4::cell_ids() {
        cells.insert(id.id(), "0".into());
    }
    cells
}

#[test]
fn rows_ambiguous_alone_are_read_where_the_columns_leave_one_reading() {
    let cells = small(
        [2, 20, 0, 0, 0, 0, 22],
        [2, 0, 0, 0, 0, 0, 2],
        [0, 20, 0, 0, 0, 0, 20],
        [2, 20, 0, 0, 0, 0, 22],
    );
    let text = run_together(&cells);
    assert!(text.contains("一、本年新收政府信息公开申请数量220000022"));
    let (r, got) = read(&text);
    for id in [
        "p3.new.natural",
        "p3.new.business",
        "p3.total.natural",
        "p3.total.business",
    ] {
        assert_eq!(
            got.get(id).map(|c| c.0.as_str()),
            Some(cells[id].as_str()),
            "{id}"
        );
    }
    assert_eq!(
        (r.summary.errors, r.summary.unread),
        (0, 0),
        "{:?}",
        r.findings
    );
}

#[test]
fn rows_the_columns_leave_open_are_not_read_and_their_candidates_are_said() {
    // 22 0 … 22 in 一, （一） and （七）: 2 20 … 22 in all three adds up as well
    let cells = small(
        [22, 0, 0, 0, 0, 0, 22],
        [22, 0, 0, 0, 0, 0, 22],
        [0; 7],
        [22, 0, 0, 0, 0, 0, 22],
    );
    let (r, got) = read(&run_together(&cells));
    for id in ["p3.new.natural", "p3.granted.business", "p3.total.natural"] {
        assert!(!got.contains_key(id), "{id} read though open");
    }
    // the totals are the same in both readings: read
    assert_eq!(got["p3.total.total"].0, "22");
    let open: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.source == Source::Reading)
        .collect();
    assert_eq!(open.len(), 1, "{:?}", r.findings);
    let m = &open[0].message;
    assert!(m.contains("「（一）予以公开」220000022 可拆为："), "{m}");
    assert!(
        m.contains("22 0 0 0 0 0 22") && m.contains("2 20 0 0 0 0 22"),
        "{m}"
    );
    assert!(
        open[0].message.contains("请对照原文"),
        "{}",
        open[0].message
    );
    assert_eq!(r.summary.errors, 0);
}

#[test]
fn a_crawled_line_of_several_rows_and_the_next_items_number_are_told_apart() {
    // 「…1.属于国家秘密00000002.其他法律…」: the 2 of 「2.」 is the next row's number
    let cells = sample_cells("guidong-2020");
    let text = run_together(&cells)
        .replace("\n2.其他法律", "2.其他法律")
        .replace("\n3.危及", "3.危及");
    assert!(text.contains("00000002.其他法律"), "{text}");
    let (_, got) = read(&text);
    assert_eq!(got["p3.withheld.state_secret.total"].0, "0");
    assert_eq!(
        got["p3.withheld.law_forbidden.natural"].0,
        cells["p3.withheld.law_forbidden.natural"]
    );
}

#[test]
fn hostile_runs_answer_at_once_too_long_to_decode() {
    let mut cells = sample_cells("huaian-2024");
    cells.insert("p3.granted.natural", "9".repeat(10_000));
    let (r, got) = read(&run_together(&cells));
    assert!(!got.contains_key("p3.granted.natural"));
    assert!(
        r.findings.iter().any(|f| f.message.contains("太长")),
        "{:?}",
        r.findings
    );
}

/// Every single-figure error a drafter makes in one cell: a digit changed, two neighbouring
/// digits swapped, a digit dropped (never a figure with a leading zero, never an empty one).
fn typos(raw: &str) -> Vec<String> {
    let b = raw.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        for d in b'0'..=b'9' {
            if d != b[i] && !(i == 0 && d == b'0' && b.len() > 1) {
                let mut t = b.to_vec();
                t[i] = d;
                out.push(String::from_utf8(t).unwrap());
            }
        }
        if i + 1 < b.len() && b[i] != b[i + 1] && !(i == 0 && b[1] == b'0') {
            let mut t = b.to_vec();
            t.swap(i, i + 1);
            out.push(String::from_utf8(t).unwrap());
        }
        if b.len() > 1 && !(i == 0 && b[1] == b'0') {
            let mut t = b.to_vec();
            t.remove(i);
            out.push(String::from_utf8(t).unwrap());
        }
    }
    out
}

#[test]
fn no_cell_is_ever_read_wrong_when_the_report_holds_a_typo() {
    // the rule of ARCHITECTURE.md and `read::glued`: a cell is read only where both decodings
    // agree; a part 四 reading that a typo could have made is said uncertain (a note naming its
    // cells)
    let (mut runs, mut read_cells) = (0, 0);
    for name in ["huaian-2024", "guidong-2020"] {
        let clean = sample_cells(name);
        for (&id, raw) in &clean {
            for typo in typos(raw) {
                let mut cells = clean.clone();
                cells.insert(id, typo.clone());
                let (r, got) = read(&run_together(&cells));
                let uncertain: Vec<&String> = r
                    .findings
                    .iter()
                    .filter(|f| f.message.contains("一处笔误"))
                    .flat_map(|f| &f.cells)
                    .collect();
                for (cell, (v, _)) in &got {
                    if uncertain.contains(&cell) {
                        continue;
                    }
                    assert_eq!(
                        Some(v),
                        cells.get(cell.as_str()),
                        "{name}: {id} typed {typo} (was {raw}): {cell} read as {v}"
                    );
                }
                runs += 1;
                read_cells += got.len();
            }
        }
    }
    assert!(runs > 1000, "{runs}");
    println!("{runs} typos injected, {read_cells} cells read, none wrong");
}
