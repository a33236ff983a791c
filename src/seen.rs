//! Figures seen in a picture (a scan, a screenshot): each cell's readings, best first, chosen
//! among by the tables' own arithmetic, then checked as any report is.
//!
//! The picture reader (`crates/image`) places each figure on the form and gives its candidate
//! readings with their probabilities; this module owns what the arithmetic makes of them:
//!
//! 1. **The checksum.** Start from every cell's best reading. While some relation is broken,
//!    take the one change of one cell to another of its readings that leaves the fewest
//!    relations broken (fewer than before; ties to the likelier reading). A cell so changed is
//!    read as its runner-up and marked (its confidence is that reading's).
//! 2. **Confirmed.** A relation that holds, all of whose cells but one are sure, confirms
//!    that one: it is sure too ([`CONFIRMED`]), for a misreading would have broken it. So a
//!    thin "0" the network doubted, in a row and a column that add up, is not left marked
//!    (a cell read as its runner-up stays marked: the user sees that it was mended).
//! 3. **Whose error.** A relation still broken is the report's error only when every cell on
//!    it was read with high confidence ([`SURE`]); otherwise the finding is a *reading* one
//!    that names the cells to compare with the picture — never the report blamed for a digit
//!    gouji may have misread.
//!
//! Invariant: every cell read here is `read: "image"` with its `confidence` and its box; a
//! cell the picture left open (no reading) is not in `cells`.

use crate::format::{CellId, FormatId, Part};
use crate::model::{self, Finding, Input, Rule, Severity, Sheet, Source};
use crate::read::{self, Report};
use crate::result::{At, CheckResult};
use crate::rules::relations;

/// A cell read from a picture.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Seen {
    pub id: CellId,
    /// Its readings, best first, each with its probability; empty for a blank cell.
    pub readings: Vec<(String, f32)>,
    /// The page (1-based) and the cell's box in that page's pixels, as given.
    pub page: u32,
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

/// What a picture reader found: the cells it placed, the formats their rows fit (part 二's
/// blocks and part 三's rows each tell theirs), and what it could not read (each said as a
/// reading finding).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Pictured {
    pub cells: Vec<Seen>,
    pub p2: Option<FormatId>,
    pub p3: Option<FormatId>,
    /// Tables or rows seen but not placed, in Chinese and English.
    pub unread: Vec<(String, String)>,
}

/// A reading at least this likely is sure: a relation whose cells are all sure and broken is
/// the report's error.
pub const SURE: f32 = 0.9;

/// What is said of a scan (`scan`) or a picture in which no cell of the report's tables was
/// placed, in Chinese and English: one sentence for every host (the command line's row, the
/// page's notice and its batch's row).
pub fn nothing_seen(scan: bool) -> (&'static str, &'static str) {
    if scan {
        (
            "这是扫描件（图片），未能从中识别出年度报告的表格：请用文字版 PDF，或在「填写表格」中录入",
            "this PDF is a scan (images), and none of the report's tables were recognised in it: give a text PDF, or fill in the form",
        )
    } else {
        (
            "这是一张图片，未能从中识别出年度报告的表格：请用文字版 PDF、Word 文件或网页，或在「填写表格」中录入",
            "this is a picture, and none of the report's tables were recognised in it: give a text PDF, a Word file or the web page, or fill in the form",
        )
    }
}

/// The confidence of a reading the arithmetic confirms (see [`check_seen`]).
pub const CONFIRMED: f32 = 0.95;

/// Checks the figures read from a picture.
pub fn check_seen(p: &Pictured) -> CheckResult {
    let mut chosen: Vec<usize> = vec![0; p.cells.len()];
    let report = build(p, &chosen);
    // the checksum: one change at a time, while it mends more relations than it breaks
    let rels = relations::relations(&report);
    let pos_of: Vec<Option<usize>> = p
        .cells
        .iter()
        .map(|s| report.sheet.index_of(s.id))
        .collect();
    let value_of = |s: &Seen, k: usize| -> Option<i64> {
        match s.readings.get(k) {
            None => Some(0),
            Some((t, _)) => t.parse::<i64>().ok(),
        }
    };
    let n = report.sheet.len();
    let mut values: Vec<Option<i64>> = vec![None; n];
    let mut owner: Vec<Option<usize>> = vec![None; n];
    for (i, s) in p.cells.iter().enumerate() {
        if let Some(at) = pos_of[i] {
            values[at] = value_of(s, 0);
            owner[at] = Some(i);
        }
    }
    let broken = |values: &[Option<i64>], only: Option<u32>| -> usize {
        rels.list
            .iter()
            .filter(|r| only.is_none_or(|p| rels.terms(r).any(|(q, _)| q == p)))
            .filter(|r| {
                let mut sum = 0i64;
                for (q, sign) in rels.terms(r) {
                    match values.get(q as usize).copied().flatten() {
                        Some(v) => sum += sign * v,
                        None => return false,
                    }
                }
                sum != 0
            })
            .count()
    };
    for _ in 0..64 {
        if broken(&values, None) == 0 {
            break;
        }
        let mut best: Option<(usize, f32, usize, usize)> = None; // (gain, prob, cell, reading)
        for at in 0..n {
            let Some(i) = owner[at] else { continue };
            let before = broken(&values, Some(at as u32));
            if before == 0 {
                continue;
            }
            let s = &p.cells[i];
            for k in 0..s.readings.len() {
                if k == chosen[i] {
                    continue;
                }
                let keep = values[at];
                values[at] = value_of(s, k);
                let after = broken(&values, Some(at as u32));
                values[at] = keep;
                if after < before {
                    let gain = before - after;
                    let prob = s.readings[k].1;
                    if best.is_none_or(|(g, pr, _, _)| gain > g || gain == g && prob > pr) {
                        best = Some((gain, prob, i, k));
                    }
                }
            }
        }
        let Some((_, _, i, k)) = best else { break };
        chosen[i] = k;
        if let Some(at) = pos_of[i] {
            values[at] = value_of(&p.cells[i], k);
        }
    }
    let report = build(p, &chosen);
    let read_as = |i: usize| -> f32 {
        p.cells[i]
            .readings
            .get(chosen[i])
            .map_or(1.0, |(_, pr)| *pr)
    };
    // confirmed by the arithmetic: the one doubtful cell of a relation that holds, all its
    // other cells sure, is sure too (were it misread, the relation would not hold); again
    // while that makes another relation's last doubtful cell sure
    let mut sure: Vec<bool> = (0..p.cells.len()).map(|i| read_as(i) >= SURE).collect();
    loop {
        let mut more = false;
        for r in &rels.list {
            let mut sum = 0i64;
            let mut doubtful = Vec::new();
            let mut whole = true;
            for (q, sign) in rels.terms(r) {
                match values.get(q as usize).copied().flatten() {
                    Some(v) => sum += sign * v,
                    None => whole = false,
                }
                match owner.get(q as usize).copied().flatten() {
                    Some(i) if !sure[i] => doubtful.push(i),
                    Some(_) => {}
                    None => whole = false,
                }
            }
            if whole && sum == 0 {
                // (a cell the checksum read as a runner-up stays marked, as read so)
                if let [i] = doubtful.as_slice() {
                    if chosen[*i] == 0 {
                        sure[*i] = true;
                        more = true;
                    }
                }
            }
        }
        if !more {
            break;
        }
    }
    let confidence = |i: usize| -> f32 {
        if sure[i] {
            read_as(i).max(CONFIRMED)
        } else {
            read_as(i)
        }
    };
    let unsure: Vec<CellId> = (0..p.cells.len())
        .filter(|&i| confidence(i) < SURE)
        .map(|i| p.cells[i].id)
        .collect();
    let options = crate::Options::default();
    let mut checked = crate::assess_with(report, &options, |_, findings| {
        for f in findings.iter_mut() {
            let arithmetic = matches!(f.rule, Rule::P3Row | Rule::P3Sum | Rule::P3Bal | Rule::P4Sum);
            let cells = f
                .cells
                .iter()
                .chain(f.relations.iter().flat_map(|b| b.cells.iter()));
            let doubtful: Vec<CellId> = cells.filter(|c| unsure.contains(c)).copied().collect();
            if arithmetic && f.source == Source::Report && !doubtful.is_empty() {
                let mut names: Vec<&str> = doubtful.iter().map(|c| c.id()).collect();
                names.sort_unstable();
                names.dedup();
                f.source = Source::Reading;
                f.severity = Severity::Warning;
                f.message = format!(
                    "图片中的数字可能识别有误，请对照图片核对 {}：{}",
                    names.join("、"),
                    f.message
                );
                f.message_en = format!(
                    "a figure may be misread from the picture; compare {} with the picture: {}",
                    names.join(", "),
                    f.message_en
                );
            }
        }
        if p.cells.is_empty() {
            // nothing placed: one finding (an unusable input says one thing), with what was
            // seen but not placed
            let (mut zh, mut en) = (
                "未能从图片中识别出年度报告的表格：请用文字版 PDF、Word 文件或网页，或在「填写表格」中录入".to_owned(),
                "none of the report's tables were recognised in the picture: give a text PDF, a Word file or the web page, or fill in the form".to_owned(),
            );
            for (z, e) in &p.unread {
                zh.push('（');
                zh.push_str(z);
                zh.push('）');
                en.push_str(" (");
                en.push_str(e);
                en.push(')');
            }
            findings.push(
                Finding::new(Rule::TableMissing, Severity::Warning, zh, en).reading(),
            );
            return;
        }
        for (zh, en) in &p.unread {
            findings.push(
                Finding::new(Rule::TableMissing, Severity::Warning, zh.clone(), en.clone())
                    .reading(),
            );
        }
    })
    .into_result();
    checked.input = Input::Image;
    for (i, s) in p.cells.iter().enumerate() {
        if let Some((_, out)) = checked.cells.0.iter_mut().find(|(k, _)| k == s.id.id()) {
            out.read = Some("image".to_owned());
            out.confidence = Some((confidence(i) * 100.0).round() / 100.0);
            out.at = Some(At::Image {
                page: s.page,
                x: s.x,
                y: s.y,
                w: s.w,
                h: s.h,
            });
        }
    }
    checked
}

/// The report of the cells as chosen: each cell's reading `chosen[i]` (a blank cell blank).
fn build(p: &Pictured, chosen: &[usize]) -> Report {
    let mut report = Report {
        input: Input::Image,
        tables_alone: true,
        sheet: Sheet::with_room(),
        ..Report::default()
    };
    for (i, s) in p.cells.iter().enumerate() {
        let raw = s.readings.get(chosen[i]).map_or("", |(t, _)| t.as_str());
        let kind = crate::format::value_kind(s.id);
        report
            .sheet
            .insert(s.id, raw, read::value::parse(raw, kind), None);
    }
    let has = |part: Part| p.cells.iter().any(|c| c.id.part() == part);
    report.variants = model::Variants {
        p2: p.p2.filter(|_| has(Part::P2)),
        p3: p.p3.filter(|_| has(Part::P3)),
        p4: has(Part::P4),
    };
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Part 四's review group as seen: each cell's readings, best first.
    fn review(readings: [&[(&str, f32)]; 5]) -> Pictured {
        let cols = ["upheld", "corrected", "other", "pending", "total"];
        Pictured {
            cells: cols
                .iter()
                .zip(readings)
                .map(|(c, r)| Seen {
                    id: CellId::of("p4.review", c).unwrap(),
                    readings: r.iter().map(|(t, p)| ((*t).to_owned(), *p)).collect(),
                    page: 1,
                    x: 0,
                    y: 0,
                    w: 10,
                    h: 10,
                })
                .collect(),
            ..Pictured::default()
        }
    }

    fn cell<'a>(r: &'a CheckResult, id: &str) -> &'a crate::result::CellOut {
        &r.cells.0.iter().find(|(k, _)| k == id).unwrap().1
    }

    #[test]
    fn a_runner_up_that_mends_the_arithmetic_is_read() {
        // 64 misread as 84 (a 6 and an 8 look alike): the runner-up makes the row add up
        let p = review([
            &[("72", 0.99)],
            &[("84", 0.6), ("64", 0.35)],
            &[("178", 0.99)],
            &[("37", 0.99)],
            &[("351", 0.99)],
        ]);
        let r = check_seen(&p);
        assert_eq!(cell(&r, "p4.review.corrected").raw.as_str(), "64");
        assert_eq!(cell(&r, "p4.review.corrected").confidence, Some(0.35));
        assert_eq!(cell(&r, "p4.review.total").read.as_deref(), Some("image"));
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!(r.input, Input::Image);
    }

    #[test]
    fn a_sum_that_fails_on_sure_readings_is_the_reports_error() {
        let p = review([
            &[("10", 0.99)],
            &[("1", 0.98)],
            &[("0", 0.99)],
            &[("0", 0.99)],
            &[("0", 0.99)],
        ]);
        let r = check_seen(&p);
        assert_eq!(r.summary.errors, 1);
        assert_eq!(r.findings[0].rule, Rule::P4Sum);
        assert_eq!(r.findings[0].source, Source::Report);
    }

    #[test]
    fn a_sum_that_fails_on_an_unsure_reading_is_a_reading_finding() {
        // nothing mends it, and one of its figures was read with little confidence: the
        // picture must be looked at, the report is not blamed
        let p = review([
            &[("10", 0.99)],
            &[("7", 0.55), ("1", 0.2)],
            &[("0", 0.99)],
            &[("0", 0.99)],
            &[("20", 0.99)],
        ]);
        let r = check_seen(&p);
        assert_eq!(r.summary.errors, 0);
        assert_eq!(r.summary.unread, 1);
        assert_eq!(r.findings[0].rule, Rule::P4Sum);
        assert_eq!(r.findings[0].source, Source::Reading);
        assert!(r.findings[0].message.contains("p4.review.corrected"));
    }

    #[test]
    fn a_sum_that_holds_confirms_its_one_doubtful_reading_and_not_two() {
        // the one doubtful cell of a sum that holds is confirmed: were it misread, the sum
        // would not hold
        let p = review([
            &[("72", 0.99)],
            &[("0", 0.16)],
            &[("178", 0.99)],
            &[("37", 0.99)],
            &[("287", 0.99)],
        ]);
        let r = check_seen(&p);
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!(cell(&r, "p4.review.corrected").confidence, Some(CONFIRMED));
        // two doubtful cells in it: a misreading of one may hide another; both stay in doubt
        let p = review([
            &[("72", 0.99)],
            &[("0", 0.16)],
            &[("0", 0.5)],
            &[("215", 0.99)],
            &[("287", 0.99)],
        ]);
        let r = check_seen(&p);
        assert_eq!(cell(&r, "p4.review.corrected").confidence, Some(0.16));
        assert_eq!(cell(&r, "p4.review.other").confidence, Some(0.5));
    }
}
