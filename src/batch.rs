//! What a batch of many reports makes of each file and of them all — one rule for every host
//! (the command line's folder walk, the page's batch, the single-file page), so that the same
//! folder gives the same summary, byte for byte:
//! - [`disposition`]: which file is a row of the summary, which is passed over, and why;
//! - [`Row`] and its [`Verdict`]: a report's line of the summary;
//! - [`pairing`]: the reports of one body in consecutive years, paired for the cross-year
//!   checks, each from what its own check kept ([`Last`]: no report is read twice); the same
//!   report given twice (the same figures: a PDF and its saved page) is one report, and two
//!   different reports of one body and year are said, neither paired blindly;
//! - [`merge`]: what the pairs found, counted into their rows;
//! - [`summary_csv`] and [`Summary`]: the summary as CSV (with a BOM) and as JSON.
//!
//! The hosts keep only what is theirs: threads or workers, progress, the table, writing.

use crate::model::{Rule, Severity, Source};
use crate::result::{CheckResult, FindingOut, Indicators};
use crate::rules::cross::{self, Last};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A file of a batch: a row of the summary, or passed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// A report: checked, or a report's file that could not be read (a damaged, encrypted or
    /// scanned PDF, a broken .docx) — a row, unreadable, so that a reviewer sees it.
    Row,
    /// A file of a folder that is no report: an image, an archive, an old binary Office file,
    /// a text or page with no report in it. Said, not counted.
    Skip(&'static str),
}

/// The rule: `kind` is what the file's bytes say it is (`gouji_files::Kind::as_str`: "pdf",
/// "docx", "zip", "doc", "html", "text", "binary"); `cells_read` is `None` for a file the
/// readers refused, else how many cells its check read; `walked` says it was found in a
/// folder (a file named on its own is always a row: its user asked for it).
pub fn disposition(kind: &str, cells_read: Option<usize>, walked: bool) -> Disposition {
    if !walked {
        return Disposition::Row;
    }
    match (kind, cells_read) {
        ("zip" | "doc" | "binary", _) => Disposition::Skip("not a report file"),
        ("text" | "html", Some(0)) => Disposition::Skip("no report in it"),
        ("text" | "html", None) => Disposition::Skip("not text gouji reads"),
        // a folder's picture: a scan or screenshot of a report is a row; a logo, a photo,
        // a picture that cannot be decoded are passed over
        ("image", Some(0)) => Disposition::Skip("no table in it"),
        ("image", None) => Disposition::Skip("not a picture gouji reads"),
        _ => Disposition::Row,
    }
}

/// What became of a report, in a word: the summary's verdict column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every table read, nothing wrong.
    #[default]
    Pass,
    /// The report's own errors (the count is the row's).
    Errors,
    /// Nothing wrong found, but not everything could be read.
    Partial,
    /// No table read: nothing could be checked.
    Unusable,
    /// The file could not be read at all (damaged, encrypted, scanned with no table found).
    Unreadable,
}

impl Verdict {
    pub fn of(s: &crate::result::Summary) -> Verdict {
        if s.cells_read == 0 {
            Verdict::Unusable
        } else if s.errors > 0 {
            Verdict::Errors
        } else if s.unread > 0 {
            Verdict::Partial
        } else {
            Verdict::Pass
        }
    }

    /// The verdict as the summary writes it, in both languages (`errors`: how many).
    pub fn words(self, errors: usize) -> String {
        match self {
            Verdict::Pass => "通过 passed".to_owned(),
            Verdict::Errors => format!("{errors} 处错误 errors"),
            Verdict::Partial => "未能完整检查 not fully checked".to_owned(),
            Verdict::Unusable => "无法检查 unusable".to_owned(),
            Verdict::Unreadable => "无法读取 unreadable".to_owned(),
        }
    }

    /// The command line's exit status for it: 0 no errors, 1 errors, 2 nothing checked.
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::Pass | Verdict::Partial => 0,
            Verdict::Errors => 1,
            Verdict::Unusable | Verdict::Unreadable => 2,
        }
    }
}

/// One report's line of the summary (the page's batch table, the command line's summary and
/// both hosts' CSV and JSON).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub file: String,
    /// The body its title names (`cross::body`).
    pub body: Option<String>,
    pub year: Option<i32>,
    /// "F2019" | "F2021" | "mixed" | "unknown"
    pub format: String,
    pub verdict: Verdict,
    pub errors: usize,
    pub warnings: usize,
    pub unread: usize,
    /// The most serious finding, in words: the first of the report's own that is not a note,
    /// else the first (for a file not read: why).
    pub worst: String,
    pub worst_en: String,
    /// `null` for a file not read.
    pub indicators: Option<Indicators>,
    /// Last year's report it was compared with, within the batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<String>,
    /// The earlier file of the batch that is the same report (the same figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
}

impl Row {
    /// A checked report's row.
    pub fn of(file: &str, r: &CheckResult) -> Row {
        let findings = r
            .findings
            .iter()
            .map(|f| (f.rule, f.source, f.severity, &f.message, &f.message_en));
        Row::made(
            file,
            (
                r.title.as_deref(),
                r.year,
                r.format,
                &r.summary,
                r.indicators,
            ),
            findings,
        )
    }

    /// The same row of a check made without building its result (the command line's batch of
    /// texts).
    pub fn of_checked(file: &str, c: &crate::Checked) -> Row {
        let findings = c
            .findings
            .iter()
            .map(|f| (f.rule, f.source, f.severity, &f.message, &f.message_en));
        Row::made(
            file,
            (
                c.report.meta.title.as_deref(),
                c.year,
                c.format,
                &c.summary,
                c.indicators,
            ),
            findings,
        )
    }

    /// `findings` as (rule, whose, severity, message, in English), most serious first.
    #[allow(clippy::type_complexity)]
    fn made<'f>(
        file: &str,
        (title, year, format, s, indicators): (
            Option<&str>,
            Option<i32>,
            crate::format::ReportFormat,
            &crate::result::Summary,
            Indicators,
        ),
        mut findings: impl Iterator<Item = (Rule, Source, Severity, &'f String, &'f String)> + Clone,
    ) -> Row {
        let worst = findings
            .clone()
            .find(|&(_, source, severity, _, _)| {
                source == Source::Report && severity != Severity::Info
            })
            .or_else(|| findings.next());
        Row {
            file: file.to_owned(),
            body: title.and_then(cross::body),
            year,
            format: format.as_str().to_owned(),
            verdict: Verdict::of(s),
            errors: s.errors,
            warnings: s.warnings,
            unread: s.unread,
            worst: worst.map_or(String::new(), |(rule, _, _, m, _)| format!("{rule} {m}")),
            worst_en: worst.map_or(String::new(), |(rule, _, _, _, m)| format!("{rule} {m}")),
            indicators: Some(indicators),
            pair: None,
            same_as: None,
        }
    }

    /// The row of a report's file that could not be read: why, in both languages.
    pub fn unreadable(file: &str, zh: &str, en: &str) -> Row {
        Row {
            file: file.to_owned(),
            format: "unknown".to_owned(),
            verdict: Verdict::Unreadable,
            worst: zh.to_owned(),
            worst_en: en.to_owned(),
            ..Row::default()
        }
    }

    /// What a pair's comparison found (`found`, of [`pair_findings`]), counted in this year's
    /// row: its errors and warnings, its verdict, and its worst where the pair's error is the
    /// first error of the row.
    pub fn add_pair(&mut self, prev_file: &str, found: &[FindingOut]) {
        let count = |s: Severity| found.iter().filter(|f| f.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        if errors > 0 && self.errors == 0 {
            if let Some(f) = found.iter().find(|f| f.severity == Severity::Error) {
                self.worst = format!("{} {}", f.rule, f.message);
                self.worst_en = format!("{} {}", f.rule, f.message_en);
            }
        }
        self.errors += errors;
        self.warnings += warnings;
        if self.errors > 0 && matches!(self.verdict, Verdict::Pass | Verdict::Partial) {
            self.verdict = Verdict::Errors;
        }
        self.pair = Some(prev_file.to_owned());
    }
}

/// What pairing knows of a report: the body its title names, its year, and its figures'
/// fingerprint (the same figures: the same report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub body: String,
    pub year: i32,
    pub fingerprint: u64,
}

impl Key {
    /// A report's key, where its title names a body and it has a year.
    pub fn of(last: &Last) -> Option<Key> {
        Some(Key {
            body: last.body()?,
            year: last.year?,
            fingerprint: last.fingerprint,
        })
    }
}

/// The pairs of a batch, and what kept some reports from pairing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairing {
    /// (this year's report, last year's), in this year's order.
    pub pairs: Vec<(usize, usize)>,
    /// (a report, the earlier one it repeats): one body, one year, the same figures.
    pub same: Vec<(usize, usize)>,
    /// Reports of one body and one year whose figures differ, in the batch's order: none of
    /// them is paired (which is the report?), each is told of the others.
    pub clashes: Vec<Vec<usize>>,
}

/// The batch's pairs: for each report, the report of the same body a year before it, looked
/// up by (body, year) — linear in the batch. A report given twice pairs once (the first file
/// of it); two different reports of one body and year pair with nothing.
pub fn pairing(keys: &[Option<Key>]) -> Pairing {
    // each (body, year): its reports, in the batch's order
    let mut groups: HashMap<(&str, i32), Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            groups.entry((k.body.as_str(), k.year)).or_default().push(i);
        }
    }
    let mut out = Pairing::default();
    // each (body, year) with one report (however many files of it): that report's first file
    let mut one: HashMap<(&str, i32), usize> = HashMap::new();
    let mut firsts: Vec<(usize, Vec<usize>)> = groups
        .into_iter()
        .map(|(key, members)| {
            let fingerprint = |i: usize| keys[i].as_ref().map_or(0, |k| k.fingerprint);
            let mut distinct: Vec<usize> = Vec::new();
            for &i in &members {
                match distinct.iter().find(|&&d| fingerprint(d) == fingerprint(i)) {
                    Some(&d) => out.same.push((i, d)),
                    None => distinct.push(i),
                }
            }
            if distinct.len() == 1 {
                one.insert(key, distinct[0]);
            }
            (members[0], distinct)
        })
        .collect();
    firsts.sort_unstable();
    for (_, distinct) in firsts {
        if distinct.len() > 1 {
            out.clashes.push(distinct);
        }
    }
    out.same.sort_unstable();
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        if one.get(&(k.body.as_str(), k.year)) != Some(&i) {
            continue;
        }
        if let Some(&j) = k
            .year
            .checked_sub(1)
            .and_then(|y| one.get(&(k.body.as_str(), y)))
        {
            out.pairs.push((i, j));
        }
    }
    out
}

/// The cross-year findings of a pair, without the note that the pair was confirmed (a batch
/// pairs only reports whose titles and years say they are a pair).
pub fn pair_findings(this: &Last, prev: &Last) -> Vec<FindingOut> {
    cross::findings(this, prev)
        .into_iter()
        .filter(|f| f.rule != Rule::XMatch)
        .collect()
}

/// What pairing said of one report, as the hosts write it after the reports (the command
/// line's JSON lines): `{"pair": {"file", "prev"}, "findings": […]}`,
/// `{"same": {"file", "first"}}`, `{"clash": {"file", "others"}, "findings": […]}`.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// This year's report compared with last year's: what was found.
    Pair {
        file: String,
        prev: String,
        findings: Vec<FindingOut>,
    },
    /// The same report as an earlier file: not paired again.
    Same { file: String, first: String },
    /// Another report of the same body and year, with other figures: not paired.
    Clash {
        file: String,
        others: Vec<String>,
        findings: Vec<FindingOut>,
    },
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        #[derive(Serialize)]
        struct Head<'a> {
            file: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            prev: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            first: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            others: Option<&'a [String]>,
        }
        let head = |file| Head {
            file,
            prev: None,
            first: None,
            others: None,
        };
        let mut m = s.serialize_map(None)?;
        match self {
            Note::Pair {
                file,
                prev,
                findings,
            } => {
                let prev = Some(prev.as_str());
                m.serialize_entry("pair", &Head { prev, ..head(file) })?;
                m.serialize_entry("findings", findings)?;
            }
            Note::Same { file, first } => {
                let first = Some(first.as_str());
                m.serialize_entry(
                    "same",
                    &Head {
                        first,
                        ..head(file)
                    },
                )?;
            }
            Note::Clash {
                file,
                others,
                findings,
            } => {
                let others = Some(others.as_slice());
                m.serialize_entry(
                    "clash",
                    &Head {
                        others,
                        ..head(file)
                    },
                )?;
                m.serialize_entry("findings", findings)?;
            }
        }
        m.end()
    }
}

/// The pairs' findings (`found`, one list per pair of `p.pairs`, of [`pair_findings`]) and
/// what pairing said, counted into the rows (`rows[i]` is the report of `keys[i]`); the notes
/// to write, in the rows' order (a report's note after the notes of the reports before it).
pub fn merge(rows: &mut [Row], p: &Pairing, found: Vec<Vec<FindingOut>>) -> Vec<Note> {
    let mut notes: Vec<(usize, Note)> = Vec::new();
    // each paired report's comparison, by its index (a repeat of it shares it)
    let mut compared: HashMap<usize, (String, Vec<FindingOut>)> = HashMap::new();
    for (&(i, j), found) in p.pairs.iter().zip(found) {
        let prev = rows[j].file.clone();
        rows[i].add_pair(&prev, &found);
        notes.push((
            i,
            Note::Pair {
                file: rows[i].file.clone(),
                prev: prev.clone(),
                findings: found.clone(),
            },
        ));
        compared.insert(i, (prev, found));
    }
    for &(i, first) in &p.same {
        // one report: its every file's row says what the comparison of its first found
        if let Some((prev, found)) = compared.get(&first) {
            rows[i].add_pair(prev, found);
        }
        let first = rows[first].file.clone();
        rows[i].same_as = Some(first.clone());
        let file = rows[i].file.clone();
        notes.push((i, Note::Same { file, first }));
    }
    for group in &p.clashes {
        for &i in group {
            let others: Vec<String> = group
                .iter()
                .filter(|&&k| k != i)
                .map(|&k| rows[k].file.clone())
                .collect();
            let finding = clash(&rows[i], &others);
            rows[i].warnings += 1;
            if rows[i].worst.is_empty() || rows[i].errors == 0 && rows[i].warnings == 1 {
                rows[i].worst = format!("{} {}", finding.rule, finding.message);
                rows[i].worst_en = format!("{} {}", finding.rule, finding.message_en);
            }
            let file = rows[i].file.clone();
            notes.push((
                i,
                Note::Clash {
                    file,
                    others,
                    findings: vec![finding],
                },
            ));
        }
    }
    notes.sort_by_key(|(i, _)| *i);
    notes.into_iter().map(|(_, n)| n).collect()
}

/// `X-MATCH` for a report the batch holds another, different report of (one body, one year).
fn clash(row: &Row, others: &[String]) -> FindingOut {
    let body = row.body.as_deref().unwrap_or("");
    let year = row.year.map_or(String::new(), |y| y.to_string());
    let list = others.join("、");
    FindingOut::from(&crate::model::Finding::new(
        Rule::XMatch,
        Severity::Warning,
        format!("本批次中另有{body}{year}年度的报告（{list}），数字与本报告不同：不知哪一份是定稿，均未做跨年度核对"),
        format!("The batch holds another {year} report of {body} ({}) with other figures: which is final is not known, so neither was compared across years", others.join(", ")),
    ))
}

/// Pairs a batch in one go, on one thread (the page): [`pair_batch_on`] with the pairs
/// compared one after the other.
pub fn pair_batch(rows: &mut [Row], lasts: &[Option<Last>]) -> Vec<Note> {
    pair_batch_on(rows, lasts, |pairs, compare| {
        pairs.iter().map(compare).collect()
    })
}

/// A comparison of one pair (this year's index, last year's) of a batch.
pub type Compare<'a> = dyn Fn(&(usize, usize)) -> Vec<FindingOut> + Sync + 'a;

/// Pairs a batch: [`pairing`] of the reports' keys, each pair's [`pair_findings`] as `on`
/// runs them (a host's threads: `on` gives each pair's findings, in the pairs' order), and
/// [`merge`]. `lasts[i]` is what `rows[i]`'s check kept (`None`: not a report read).
pub fn pair_batch_on(
    rows: &mut [Row],
    lasts: &[Option<Last>],
    on: impl FnOnce(&[(usize, usize)], &Compare) -> Vec<Vec<FindingOut>>,
) -> Vec<Note> {
    let keys: Vec<Option<Key>> = lasts.iter().map(|l| l.as_ref().and_then(Key::of)).collect();
    let p = pairing(&keys);
    let compare = |&(i, j): &(usize, usize)| match (&lasts[i], &lasts[j]) {
        (Some(a), Some(b)) => pair_findings(a, b),
        _ => Vec::new(),
    };
    let found = on(&p.pairs, &compare);
    merge(rows, &p, found)
}

/// The summary's totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub reports: usize,
    pub with_errors: usize,
    pub errors: usize,
    pub warnings: usize,
    pub unread: usize,
    pub skipped: usize,
}

impl Totals {
    pub fn of(rows: &[Row], skipped: usize) -> Totals {
        rows.iter().fold(
            Totals {
                reports: rows.len(),
                skipped,
                ..Totals::default()
            },
            |t, r| Totals {
                with_errors: t.with_errors + usize::from(r.errors > 0),
                errors: t.errors + r.errors,
                warnings: t.warnings + r.warnings,
                unread: t.unread + r.unread,
                ..t
            },
        )
    }
}

/// The summary as JSON: `{ "reports": [rows], "totals": {…} }`.
#[derive(Clone, Debug, Serialize)]
pub struct Summary<'a> {
    pub reports: &'a [Row],
    pub totals: Totals,
}

impl<'a> Summary<'a> {
    pub fn of(rows: &'a [Row], skipped: usize) -> Summary<'a> {
        Summary {
            reports: rows,
            totals: Totals::of(rows, skipped),
        }
    }
}

/// The header of the summary CSV.
pub const SUMMARY_CSV_HEADER: &str = "文件 file,机关 body,年度 year,格式 format,结论 verdict,错误 errors,提醒 warnings,未能读取 unread,最主要的问题 worst,公开率 disclosure_rate,行政复议纠错率 review_correction_rate,行政诉讼纠错率 suit_correction_rate,结转率 carry_rate\r\n";

/// The summary as CSV: a UTF-8 BOM (Excel on Windows reads it as UTF-8), a header row, a row
/// per report, the totals last.
pub fn summary_csv(rows: &[Row], skipped: usize) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(SUMMARY_CSV_HEADER);
    let rate = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for r in rows {
        let i = r.indicators.unwrap_or_default();
        let fields = [
            crate::export::csv_field(&r.file),
            crate::export::csv_field(r.body.as_deref().unwrap_or("")),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.format.clone(),
            crate::export::csv_field(&r.verdict.words(r.errors)),
            r.errors.to_string(),
            r.warnings.to_string(),
            r.unread.to_string(),
            crate::export::csv_field(&r.worst),
            rate(i.disclosure_rate),
            rate(i.review_correction_rate),
            rate(i.suit_correction_rate),
            rate(i.carry_rate),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    let t = Totals::of(rows, skipped);
    out.push_str(&format!(
        "合计 total ({} reports; {} skipped),,,,{} with errors,{},{},{},\r\n",
        t.reports, t.skipped, t.with_errors, t.errors, t.warnings, t.unread
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::{disposition, Disposition::*};
    use super::{merge, pairing, Key, Note, Row, Verdict};

    fn key(body: &str, year: i32, fingerprint: u64) -> Option<Key> {
        Some(Key {
            body: body.to_owned(),
            year,
            fingerprint,
        })
    }

    #[test]
    fn one_bodys_consecutive_years_pair_and_nothing_else_does() {
        let keys = [
            key("洪泽区", 2023, 1),
            None,
            key("洪泽区", 2022, 2),
            key("淮安市", 2023, 3),
            key("洪泽区", 2021, 4),
            key("淮安市", 2021, 5),
        ];
        let p = pairing(&keys);
        assert_eq!(
            p.pairs,
            vec![(0, 2), (2, 4)],
            "淮安 2023 and 2021 are no pair"
        );
        assert!(p.same.is_empty() && p.clashes.is_empty());
    }

    #[test]
    fn the_same_report_twice_pairs_once_and_two_different_ones_not_at_all() {
        // 2023 as a PDF and as its saved page (the same figures); 2022 twice, different
        let keys = [
            key("洪泽区", 2023, 7),
            key("洪泽区", 2022, 8),
            key("洪泽区", 2023, 7),
            key("洪泽区", 2022, 9),
            key("洪泽区", 2021, 10),
        ];
        let p = pairing(&keys);
        assert_eq!(p.same, vec![(2, 0)]);
        assert_eq!(p.clashes, vec![vec![1, 3]]);
        assert!(
            p.pairs.is_empty(),
            "2023's last year is not known: {:?}",
            p.pairs
        );
        let keys = [
            key("洪泽区", 2023, 7),
            key("洪泽区", 2022, 8),
            key("洪泽区", 2023, 7),
        ];
        assert_eq!(
            pairing(&keys).pairs,
            vec![(0, 1)],
            "the first file of 2023 pairs, once"
        );
    }

    #[test]
    fn what_pairing_said_is_counted_in_the_rows() {
        let row = |file: &str| Row {
            file: file.to_owned(),
            body: Some("洪泽区".to_owned()),
            year: Some(2023),
            format: "F2021".to_owned(),
            ..Row::default()
        };
        let mut rows = vec![row("a.pdf"), row("b.pdf"), row("c.html")];
        let p = pairing(&[
            key("洪泽区", 2023, 1),
            key("洪泽区", 2023, 2),
            key("洪泽区", 2023, 1),
        ]);
        let notes = merge(&mut rows, &p, Vec::new());
        assert_eq!(rows[0].warnings, 1, "a.pdf is told of b.pdf");
        assert_eq!(rows[1].warnings, 1);
        assert!(rows[1].worst.starts_with("X-MATCH"), "{}", rows[1].worst);
        assert_eq!(rows[2].same_as.as_deref(), Some("a.pdf"));
        assert_eq!(rows[2].warnings, 0, "a repeat is no warning");
        assert_eq!(
            rows[0].verdict,
            Verdict::Pass,
            "a warning leaves the verdict"
        );
        assert!(
            matches!(&notes[2], Note::Same { file, first } if file == "c.html" && first == "a.pdf")
        );
        assert_eq!(notes.len(), 3);
    }

    #[test]
    fn a_pairs_error_makes_the_verdict_and_the_worst() {
        let mut r = Row {
            file: "a".to_owned(),
            warnings: 2,
            worst: "P3-ROW x".to_owned(),
            ..Row::default()
        };
        let mut f = crate::result::FindingOut::from(&crate::model::Finding::new(
            crate::model::Rule::XCarry,
            crate::model::Severity::Error,
            "结转不符".to_owned(),
            "carry".to_owned(),
        ));
        f.cells = vec!["p3.carried_in.total".to_owned()];
        r.add_pair("b", &[f]);
        assert_eq!((r.errors, r.verdict), (1, Verdict::Errors));
        assert_eq!(r.worst, "X-CARRY 结转不符");
        assert_eq!(r.pair.as_deref(), Some("b"));
        let mut unusable = Row {
            verdict: Verdict::Unusable,
            ..Row::default()
        };
        unusable.add_pair("b", &[]);
        assert_eq!(
            unusable.verdict,
            Verdict::Unusable,
            "pairing never passes a report unread"
        );
    }

    #[test]
    fn a_folders_reports_are_rows_and_its_other_files_passed_over() {
        assert_eq!(
            disposition("pdf", None, true),
            Row,
            "a scanned PDF is a report unread"
        );
        assert_eq!(disposition("docx", None, true), Row);
        assert_eq!(disposition("text", Some(0), true), Skip("no report in it"));
        assert_eq!(disposition("binary", None, true), Skip("not a report file"));
        assert_eq!(disposition("doc", None, true), Skip("not a report file"));
        assert_eq!(disposition("text", Some(200), true), Row);
        assert_eq!(disposition("image", Some(0), true), Skip("no table in it"));
        assert_eq!(disposition("image", Some(40), true), Row);
        assert_eq!(
            disposition("image", None, true),
            Skip("not a picture gouji reads")
        );
        assert_eq!(
            disposition("binary", None, false),
            Row,
            "named on its own: a row"
        );
    }
}
