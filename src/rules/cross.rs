//! Last year's report beside this one (docs/formats.md §6, `X-CARRY`, `X-PREV`), and the share of
//! this report's sentences copied from last year's (`X-TEXT`).
//!
//! These compare two *results* (the wire shape), so every host can pair any two reports it has
//! checked — two files, a folder's reports of one body, the page's second input. Before any
//! comparison the pair is confirmed: the same body (the titles' body names, normalised) and
//! consecutive years; a pair that is not is said (`X-MATCH`), never compared blindly.
//!
//! Invariant: a cross-year finding names this year's cells in `cells` and last year's in
//! `prev_cells`; the result says which report it was compared with (`prev`).

use crate::format::{CellId, FormatId, ReportFormat};
use crate::model::{Rule, Severity, Source};
use crate::result::{At, CheckResult, FindingOut, Indicators, PrevOut, SuspectOut};
use serde::{Deserialize, Serialize};

/// The body a report's title names, normalised for matching two years' reports: the title
/// without white space, its year and the words of the report's kind, and a government named by
/// its place (「洪泽区人民政府2023年政府信息公开工作年度报告」, 「洪泽区政府信息公开工作年度报告」 and
/// 「洪泽区人民政府办公室…」 are all 「洪泽区」; 「淮安市财政局…」 is 「淮安市财政局」).
pub fn body(title: &str) -> Option<String> {
    let mut t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    for kind in [
        "政府信息公开工作年度报告",
        "政府信息公开年度报告",
        "信息公开工作年度报告",
        "政务公开工作年度报告",
        "年度报告",
    ] {
        if let Some(i) = t.find(kind) {
            t.truncate(i);
            break;
        }
    }
    // the year: 「2023年」, 「2023年度」, 「二〇二三年」 at the end or the start
    let is_year_char = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c);
    for suffix in ["年度", "年"] {
        if let Some(s) = t.strip_suffix(suffix) {
            let kept = s.trim_end_matches(is_year_char);
            if kept.len() < s.len() {
                t = kept.to_owned();
                break;
            }
        }
    }
    let t = t.trim_start_matches("关于").trim_end_matches('的');
    let t = t
        .trim_start_matches(is_year_char)
        .trim_start_matches("年度")
        .trim_start_matches('年');
    // a government's report is titled by the place, the government or its office: one body
    let mut t = t;
    for office in [
        "人民政府办公室",
        "人民政府办公厅",
        "政府办公室",
        "政府办公厅",
        "人民政府",
        "政府",
    ] {
        if let Some(place) = t.strip_suffix(office).filter(|p| !p.is_empty()) {
            t = place;
            break;
        }
    }
    (!t.is_empty()).then(|| t.to_owned())
}

/// What a cross-year comparison needs of a report, and no more: its title, year and format,
/// the figures of the cells compared (with their positions), its sentences as hashes, and a
/// fingerprint of all its figures (two files with the same figures are one report, as a batch
/// pairs them). A batch keeps one per report (a few hundred bytes), not the report's result;
/// the page's batch carries it from its workers as JSON (every number within 2^53).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Last {
    pub title: Option<String>,
    pub year: Option<i32>,
    pub format: ReportFormat,
    pub p2: Option<FormatId>,
    pub indicators: Indicators,
    #[serde(with = "figures_wire")]
    figures: Vec<(&'static str, i64, Option<At>)>,
    sentences: Vec<u64>,
    /// Every cell's id and figure (blank, a number, or neither), hashed and summed (the order
    /// the cells were read in does not count); 0 for a report with no cell read.
    pub fingerprint: u64,
}

/// The compared figures on the wire: the cell ids as strings, read back as the format's own.
mod figures_wire {
    use super::At;
    use crate::format::CellId;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Figures = Vec<(&'static str, i64, Option<At>)>;

    pub fn serialize<S: Serializer>(f: &Figures, s: S) -> Result<S::Ok, S::Error> {
        f.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Figures, D::Error> {
        let wire: Vec<(String, i64, Option<At>)> = Vec::deserialize(d)?;
        wire.into_iter()
            .map(|(id, v, at)| match CellId::parse(&id) {
                Some(c) => Ok((c.id(), v, at)),
                None => Err(serde::de::Error::custom(format!("not a cell id: {id}"))),
            })
            .collect()
    }
}

/// The cells a comparison reads, this year's or last year's: part 三's carry-over rows in every
/// column, part 二's running counts. Their ids come from the format's tables (a cell spelt here
/// by hand was once never compared: `public_interest` for `nonprofit`).
fn compared() -> &'static [&'static str] {
    static IDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let p3 = ["p3.carried_in", "p3.carried_out"]
            .into_iter()
            .flat_map(|row| {
                crate::format::part3::COLUMNS
                    .iter()
                    .filter_map(move |c| CellId::of(row, c.id))
            });
        let p2 = [
            ("p2.licensing", "prev"),
            ("p2.licensing", "change"),
            ("p2.other_services", "prev"),
            ("p2.other_services", "change"),
            ("p2.penalty", "prev"),
            ("p2.penalty", "change"),
            ("p2.coercion", "prev"),
            ("p2.coercion", "change"),
            ("p2.fees", "prev"),
            ("p2.fees", "change"),
            ("p2.rules", "in_force"),
            ("p2.rules", "issued"),
            ("p2.rules", "repealed"),
            ("p2.normative", "in_force"),
            ("p2.normative", "issued"),
            ("p2.normative", "repealed"),
        ]
        .into_iter()
        .filter_map(|(row, col)| CellId::of(row, col));
        p3.chain(p2).map(CellId::id).collect()
    })
}

/// A cell as [`Last`] takes it: its id, its figure if an integer, whether it is blank, where.
type CellFacts<'a> = (&'a str, Option<i64>, bool, Option<At>);

/// Hashes stay within 2^53, so that they cross into JavaScript as numbers, exactly.
const HASH_BITS: u64 = (1 << 53) - 1;

impl Last {
    /// A result's part in a comparison; `text` is the report as read (for its sentences).
    pub fn of(r: &CheckResult, text: &str) -> Last {
        let cells = r.cells.0.iter().map(|(id, c)| {
            let id: &str = id;
            (id, c.value.and_then(|v| v.as_i64()), c.blank, c.at)
        });
        Last::made(
            (r.title.clone(), r.year, r.format, r.tables.p2, r.indicators),
            cells,
            text,
        )
    }

    /// The same of a check made without building its result (the command line's batch of
    /// texts): the same `Last` as [`Last::of`] of that check's result (a test holds them equal).
    pub fn of_checked(c: &crate::Checked, text: &str) -> Last {
        let cells = c.report.sheet.cells().iter().map(|cell| {
            let v = crate::result::num(cell.value).and_then(|v| v.as_i64());
            let blank = cell.value == crate::model::Value::Blank;
            (cell.id.id(), v, blank, cell.pos.map(At::from))
        });
        Last::made(
            (
                c.report.meta.title.clone(),
                c.year,
                c.format,
                c.tables.p2,
                c.indicators,
            ),
            cells,
            text,
        )
    }

    #[allow(clippy::type_complexity)]
    fn made<'a>(
        (title, year, format, p2, indicators): (
            Option<String>,
            Option<i32>,
            ReportFormat,
            Option<FormatId>,
            Indicators,
        ),
        cells: impl Iterator<Item = CellFacts<'a>>,
        text: &str,
    ) -> Last {
        use std::hash::Hasher;
        let mut figures = Vec::new();
        let mut fingerprint = 0u64;
        for (id, v, blank, at) in cells {
            let mut h = crate::bytes::Fnv::default();
            h.write(id.as_bytes());
            match (blank, v) {
                (true, _) => h.write_u8(0),
                (false, Some(v)) => {
                    h.write_u8(1);
                    h.write_i64(v);
                }
                (false, None) => h.write_u8(2),
            }
            fingerprint = fingerprint.wrapping_add(h.finish());
            let figure = if blank { Some(0) } else { v };
            if let (Some(v), Some(&k)) = (figure, compared().iter().find(|&&k| k == id)) {
                figures.push((k, v, at));
            }
        }
        Last {
            title,
            year,
            format,
            p2,
            indicators,
            figures,
            sentences: hashes(text),
            fingerprint: fingerprint & HASH_BITS,
        }
    }

    /// The body the title names (see [`body`]).
    pub fn body(&self) -> Option<String> {
        self.title.as_deref().and_then(body)
    }

    fn figure(&self, id: &str) -> Option<i64> {
        self.figures
            .iter()
            .find(|(k, _, _)| *k == id)
            .map(|(_, v, _)| *v)
    }

    fn at(&self, id: &str) -> Option<At> {
        self.figures
            .iter()
            .find(|(k, _, _)| *k == id)
            .and_then(|(_, _, a)| *a)
    }
}

/// The hashes of [`sentences`], without building them, in one pass over the bytes: sentence
/// ends and white space told by their UTF-8 bytes, characters counted by their lead bytes, and
/// a piece's bytes hashed (white space skipped) only when it is a sentence — most lines of a
/// report are table rows. Quarantined cleverness (a batch hashes every report's text): its
/// plain twin is [`sentences`], and a property test runs both.
fn hashes(text: &str) -> Vec<u64> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut n, mut digits) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // the length of the character here, and whether it ends a sentence or is white space
        let (len, end, space) = match c {
            b'\n' => (1, true, false),
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => (1, false, true),
            0x00..=0x7f => (1, false, false),
            0xc2 if b.get(i + 1) == Some(&0xa0) => (2, false, true),
            0xe3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => (3, false, true),
            0xe3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => (3, true, false),
            0xef if matches!(b.get(i + 1..i + 3), Some(&[0xbc, 0x81 | 0x9f | 0x9b])) => {
                (3, true, false)
            }
            0xc0..=0xdf => (2, false, false),
            0xe0..=0xef => (3, false, false),
            _ => (4, false, false),
        };
        if end {
            if is_sentence(n, digits) {
                out.push(hash_without_spaces(&b[start..i]));
            }
            (start, n, digits) = (i + len, 0, 0);
        } else if !space {
            n += 1;
            digits += usize::from(c.is_ascii_digit());
        }
        i += len;
    }
    if is_sentence(n, digits) {
        out.push(hash_without_spaces(&b[start.min(b.len())..]));
    }
    out.shrink_to_fit();
    out
}

/// A piece's bytes hashed, its white space (as [`is_space`] has it) left out.
fn hash_without_spaces(piece: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::bytes::Fnv::default();
    let (mut from, mut i) = (0, 0);
    while i < piece.len() {
        let skip = match piece[i] {
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => 1,
            0xc2 if piece.get(i + 1) == Some(&0xa0) => 2,
            0xe3 if piece.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => 3,
            _ => 0,
        };
        if skip > 0 {
            h.write(&piece[from..i]);
            i += skip;
            from = i;
        } else {
            i += 1;
        }
    }
    h.write(&piece[from..]);
    h.finish() & HASH_BITS
}

/// White space within a sentence: what the two sentence readers skip.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\x0b' | '\x0c' | '\u{a0}' | '\u{3000}'
    )
}

/// Where sentences end: 。！？； and line ends.
const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '\n', '；'];

/// A sentence worth comparing: twelve characters or more, mostly not figures.
fn is_sentence(chars: usize, digits: usize) -> bool {
    chars >= 12 && digits * 3 < chars
}

fn finding(rule: Rule, severity: Severity, zh: String, en: String) -> FindingOut {
    FindingOut::from(&crate::model::Finding::new(rule, severity, zh, en))
}

/// Compares this year's result with last year's, adding the cross-year findings to `this`
/// (and recounting its summary). `this_text` and `prev_text` are the two reports as read (their
/// prose, for the share of sentences copied).
pub fn compare(this: &mut CheckResult, this_text: &str, prev: &CheckResult, prev_text: &str) {
    let last = Last::of(prev, prev_text);
    let found = findings(&Last::of(this, this_text), &last);
    add(this, &last, found);
}

/// `found` (of [`findings`]) added to `this`, which now says it was compared with `last`.
pub fn add(this: &mut CheckResult, last: &Last, found: Vec<FindingOut>) {
    this.prev = Some(PrevOut {
        title: last.title.clone(),
        year: last.year,
        format: last.format,
        indicators: last.indicators,
    });
    // the cross-year findings after this report's own, errors first
    // a stable partition by severity, as `rules::check` orders (no sort: smaller in WebAssembly)
    let mut by: [Vec<FindingOut>; 3] = Default::default();
    for f in std::mem::take(&mut this.findings).into_iter().chain(found) {
        let k = Severity::ALL
            .iter()
            .position(|&s| s == f.severity)
            .unwrap_or(2);
        by[k].push(f);
    }
    this.findings = by.into_iter().flatten().collect();
    recount(this);
}

/// Whether two reports are one body's consecutive years, as far as their titles and years say:
/// `Some(false)` when they say not, `None` when they cannot tell.
pub fn is_pair(this: &Last, prev: &Last) -> Option<bool> {
    let bodies = (this.body(), prev.body());
    match (bodies, this.year, prev.year) {
        ((Some(a), Some(b)), _, _) if a != b => Some(false),
        (_, Some(y1), Some(y0)) if y1 != y0 + 1 => Some(false),
        ((Some(_), Some(_)), Some(_), Some(_)) => Some(true),
        _ => None,
    }
}

/// The cross-year findings of `this` beside `prev`.
pub fn findings(this: &Last, prev: &Last) -> Vec<FindingOut> {
    let mut out = Vec::new();
    let name = prev
        .title
        .clone()
        .unwrap_or_else(|| "上一年度报告".to_owned());
    let (b1, b2) = (this.body(), prev.body());
    let mismatch = match (&b1, &b2, this.year, prev.year) {
        (Some(a), Some(b), _, _) if a != b => Some((
            format!("两份报告不是同一机关的：本报告为「{a}」，上一年度报告为「{b}」；未做跨年度核对"),
            format!("The two reports are of different bodies (“{a}” and “{b}”): no cross-year check was made"),
        )),
        (_, _, Some(y1), Some(y0)) if y1 != y0 + 1 => Some((
            format!("两份报告不是相邻年度的：本报告为{y1}年，另一份为{y0}年；未做跨年度核对"),
            format!("The two reports are not of consecutive years ({y1} and {y0}): no cross-year check was made"),
        )),
        _ => None,
    };
    if let Some((zh, en)) = mismatch {
        // the pair given is not this report's last year: said, as a warning, and not compared
        out.push(finding(Rule::XMatch, Severity::Warning, zh, en));
        return out;
    }
    if is_pair(this, prev).is_none() {
        out.push(finding(
            Rule::XMatch,
            Severity::Info,
            "未能从标题确认两份报告属于同一机关、相邻年度；已按上一年度报告核对".to_owned(),
            "Could not confirm from the titles that the two reports are of one body and consecutive years; checked as last year's report".to_owned(),
        ));
    }
    carry(this, prev, &name, &mut out);
    previous(this, prev, &name, &mut out);
    copied(this, prev, &name, &mut out);
    out
}

fn recount(r: &mut CheckResult) {
    let count = |s: Severity| {
        r.findings
            .iter()
            .filter(|f| f.severity == s && f.source == Source::Report)
            .count()
    };
    r.summary.errors = count(Severity::Error);
    r.summary.warnings = count(Severity::Warning);
    r.summary.infos = count(Severity::Info);
    r.summary.unread = r
        .findings
        .iter()
        .filter(|f| f.source == Source::Reading)
        .count();
}

/// `X-CARRY`: this year's 二、上年结转 is last year's 四、结转下年度继续办理, column by column.
fn carry(this: &Last, prev: &Last, name: &str, out: &mut Vec<FindingOut>) {
    // the columns as the format names them (the cell ids come from the format's tables)
    for c in &crate::format::part3::COLUMNS {
        let (col, zh, en) = (c.id, c.zh, c.en);
        let (a, b) = (
            format!("p3.carried_in.{col}"),
            format!("p3.carried_out.{col}"),
        );
        let (Some(now), Some(then)) = (this.figure(&a), prev.figure(&b)) else {
            continue;
        };
        if now == then {
            continue;
        }
        let mut f = finding(
            Rule::XCarry,
            Severity::Error,
            format!("第三部分「二、上年结转政府信息公开申请数量」「{zh}」列填报为{now}，但上一年度报告（{name}）「四、结转下年度继续办理」为{then}"),
            format!("Part 3, carried over from last year, {en}: {now}, but last year's report carried {then} over to this year"),
        );
        f.cells = vec![a.clone()];
        f.prev_cells = vec![b];
        f.expected = Some(then);
        f.actual = Some(now);
        f.suspects = vec![SuspectOut {
            cell: a.clone(),
            fix: then,
        }];
        f.at = this.at(&a);
        out.push(f);
    }
}

/// `X-PREV`: part 二's running counts carried from last year (F2019: 上一年项目数量 = last year's
/// 上一年项目数量 + 本年增/减; F2021: 现行有效件数 = last year's + 本年制发 − 本年废止). Across a
/// format change the comparison does not apply, and is said so.
fn previous(this: &Last, prev: &Last, name: &str, out: &mut Vec<FindingOut>) {
    let format = |r: &Last| {
        r.p2.or(match r.format {
            ReportFormat::F2019 => Some(FormatId::F2019),
            ReportFormat::F2021 => Some(FormatId::F2021),
            _ => None,
        })
    };
    let (now, then) = (format(this), format(prev));
    match (now, then) {
        (Some(a), Some(b)) if a != b => out.push(finding(
            Rule::XPrev,
            Severity::Info,
            format!("两份报告第二部分格式不同（上一年度为{}，本年度为{}）：第二部分的跨年度核对不适用；第三部分的结转仍已核对", b.zh(), a.zh()),
            format!("Part 2 follows different formats in the two reports ({} last year, {} this year): its cross-year check does not apply; part 3's carry-over was still checked", b.as_str(), a.as_str()),
        )),
        (Some(FormatId::F2019), Some(FormatId::F2019)) => {
            for (row, zh) in [
                ("licensing", "行政许可"),
                ("other_services", "其他对外管理服务事项"),
                ("penalty", "行政处罚"),
                ("coercion", "行政强制"),
                ("fees", "行政事业性收费"),
            ] {
                let cell = |c: &str| format!("p2.{row}.{c}");
                let (Some(now), Some(p), Some(d)) = (
                    this.figure(&cell("prev")),
                    prev.figure(&cell("prev")),
                    prev.figure(&cell("change")),
                ) else {
                    continue;
                };
                if now != p + d {
                    let mut f = finding(
                        Rule::XPrev,
                        Severity::Warning,
                        format!("第二部分「{zh}」上一年项目数量填报为{now}，但上一年度报告（{name}）为{p}、本年增/减{d}，应为{}", p + d),
                        format!("Part 2, {row}: last year's count is {now}, but last year's report gives {p} and a change of {d}, so {}", p + d),
                    );
                    f.cells = vec![cell("prev")];
                    f.prev_cells = vec![cell("prev"), cell("change")];
                    f.expected = Some(p + d);
                    f.actual = Some(now);
                    f.at = this.at(&cell("prev"));
                    out.push(f);
                }
            }
        }
        (Some(FormatId::F2021), Some(FormatId::F2021)) => {
            for (row, zh) in [("rules", "规章"), ("normative", "行政规范性文件")] {
                let cell = |c: &str| format!("p2.{row}.{c}");
                let (Some(now), Some(issued), Some(repealed), Some(then)) = (
                    this.figure(&cell("in_force")),
                    this.figure(&cell("issued")),
                    this.figure(&cell("repealed")),
                    prev.figure(&cell("in_force")),
                ) else {
                    continue;
                };
                let expected = then + issued - repealed;
                if now != expected {
                    let mut f = finding(
                        Rule::XPrev,
                        Severity::Warning,
                        format!("第二部分「{zh}」现行有效件数填报为{now}，但上一年度报告（{name}）为{then}，加本年制发{issued}、减本年废止{repealed}应为{expected}"),
                        format!("Part 2, {row}: {now} in force, but last year's {then} + {issued} issued − {repealed} repealed = {expected}"),
                    );
                    f.cells = vec![cell("in_force"), cell("issued"), cell("repealed")];
                    f.prev_cells = vec![cell("in_force")];
                    f.expected = Some(expected);
                    f.actual = Some(now);
                    f.at = this.at(&cell("in_force"));
                    out.push(f);
                }
            }
        }
        _ => {}
    }
}

/// The sentences of a report's text worth comparing: split at 。！？； and line ends, white
/// space (ASCII, no-break and ideographic spaces) dropped, at least twelve characters, mostly not figures (a table row is no sentence).
pub fn sentences(text: &str) -> Vec<String> {
    text.split(SENTENCE_ENDS)
        .map(|s| s.chars().filter(|&c| !is_space(c)).collect::<String>())
        .filter(|s| {
            is_sentence(
                s.chars().count(),
                s.chars().filter(|c| c.is_ascii_digit()).count(),
            )
        })
        .collect()
}

/// This report's sentences, and how many of them stand verbatim in last year's.
pub fn overlap(this_text: &str, prev_text: &str) -> (usize, usize) {
    shared(&hashes(this_text), &hashes(prev_text))
}

fn shared(this: &[u64], prev: &[u64]) -> (usize, usize) {
    let prev: std::collections::HashSet<u64> = prev.iter().copied().collect();
    (this.iter().filter(|h| prev.contains(h)).count(), this.len())
}

/// `X-TEXT`: over half of this report's sentences copied verbatim from last year's.
fn copied(this: &Last, prev: &Last, name: &str, out: &mut Vec<FindingOut>) {
    let (shared, total) = shared(&this.sentences, &prev.sentences);
    if total >= 4 && shared * 2 > total {
        let pct = shared * 100 / total;
        out.push(finding(
            Rule::XText,
            Severity::Warning,
            format!("本报告{total}句文字中有{shared}句（{pct}%）与上一年度报告（{name}）完全相同：年报应反映本年度的工作"),
            format!("{shared} of this report's {total} sentences ({pct}%) are word for word last year's report"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::body;
    use proptest::prelude::*;

    proptest! {
        /// The fast sentence hashes are the hashes of the plain sentences.
        #[test]
        fn hashes_are_the_plain_sentences_hashed(text in "[ 。！？\\n\\r；a1二三，\\t\u{3000}\u{a0}\u{2003}é]{0,300}") {
            use std::hash::Hasher;
            let plain: Vec<u64> = super::sentences(&text).iter().map(|s| {
                let mut h = crate::bytes::Fnv::default();
                h.write(s.as_bytes());
                h.finish() & super::HASH_BITS
            }).collect();
            prop_assert_eq!(super::hashes(&text), plain);
        }
    }

    #[test]
    fn a_titles_body_is_the_title_without_its_year_and_kind() {
        for (title, want) in [
            ("洪泽区人民政府2023年政府信息公开工作年度报告", "洪泽区"),
            ("淮安市人民政府 2024 年政府信息公开工作年度报告", "淮安市"),
            (
                "桂东县人民政府办公室2020年度政府信息公开工作年度报告",
                "桂东县",
            ),
            ("桂东县政府信息公开工作年度报告", "桂东县"),
            ("2022年北京市财政局政府信息公开工作年度报告", "北京市财政局"),
            ("关于某某局二〇二一年政府信息公开年度报告", "某某局"),
        ] {
            assert_eq!(body(title).as_deref(), Some(want), "{title}");
        }
        assert_eq!(body("2023年政府信息公开工作年度报告"), None);
    }
}
