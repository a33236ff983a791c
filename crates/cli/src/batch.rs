//! Many reports at once: files and folders (walked recursively, in a stable order), checked on
//! every core, results streamed in that order, a progress line on a terminal, and at the end
//! the reports of one body in consecutive years paired for the cross-year checks, and the
//! summary table (also as CSV with a BOM, or JSON).
//!
//! Invariant: memory does not grow with the reports' sizes: a worker holds one file at a time;
//! the writer holds at most a window of finished results waiting for their turn; what is kept
//! per report to the end is its summary row and its body and year. The reports found to pair
//! are read again at the end for their comparison (`gouji::rules::cross::Last`), so a batch
//! with no pair pays nothing for pairing.

use gouji::model::{Rule, Severity, Source};
use gouji::rules::cross::{self, Last};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};

/// A file to check: its name as shown, and whether it was found by walking a folder (then a
/// file that is no report is skipped, not an error).
#[derive(Clone, Debug)]
pub struct Job {
    /// The file as the OS names it (not necessarily UTF-8), opened as such.
    pub path: std::path::PathBuf,
    /// Its name as shown (lossily, where not UTF-8).
    pub name: String,
    pub walked: bool,
}

impl Job {
    fn of(path: std::path::PathBuf, walked: bool) -> Job {
        let name = path.to_string_lossy().into_owned();
        Job { path, name, walked }
    }
}

/// The files named, folders walked recursively (their entries sorted by name; hidden files
/// and folders left out). A name that is neither is kept, for the reading to say so.
pub fn expand(names: &[std::ffi::OsString]) -> Vec<Job> {
    let mut out = Vec::new();
    for name in names {
        let path = Path::new(name);
        if name != "-" && path.is_dir() {
            walk(path, &mut out);
        } else {
            out.push(Job::of(path.to_path_buf(), false));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Job>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(Job::of(dir.to_path_buf(), false));
        return;
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(Job::of(p, true));
        }
    }
}

/// One report's line of the summary.
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub file: String,
    pub body: Option<String>,
    pub year: Option<i32>,
    pub format: String,
    pub verdict: String,
    pub errors: usize,
    pub warnings: usize,
    pub unread: usize,
    /// The most serious finding, in words.
    pub worst: String,
    pub code: u8,
    pub indicators: gouji::result::Indicators,
}

/// A file checked by a worker: what to write, in order.
pub struct Done {
    pub out: Vec<u8>,
    pub err: Option<String>,
    pub code: u8,
    /// `None` for a walked file that is no report (skipped).
    pub row: Option<Row>,
    /// The body and year its title and text say (for pairing), where both are known.
    pub key: Option<(String, i32)>,
    /// Its cells as rows of the cells CSV (`--cells-csv`), when asked for.
    pub cells: String,
}

/// How many finished results may wait for their turn, per worker.
const WINDOW: usize = 8;

/// Checks `jobs` with `workers` threads running `work`, handing each result to `write` in the
/// jobs' order as soon as it is its turn.
pub fn run<W, F>(jobs: &[Job], workers: usize, work: W, mut write: F) -> io::Result<()>
where
    W: Fn(&Job) -> Done + Sync,
    F: FnMut(usize, Done) -> io::Result<()>,
{
    let workers = workers.clamp(1, 64).min(jobs.len().max(1));
    // (next job to claim, next result to write)
    let state = Arc::new((Mutex::new((0usize, 0usize)), Condvar::new()));
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Done)>();
    std::thread::scope(|scope| -> io::Result<()> {
        for _ in 0..workers {
            let (tx, state, work) = (tx.clone(), state.clone(), &work);
            scope.spawn(move || loop {
                let i = {
                    let (lock, cv) = &*state;
                    let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
                    // wait while too many results already wait to be written
                    while s.0 < jobs.len() && s.0 >= s.1 + WINDOW * workers {
                        s = cv.wait(s).unwrap_or_else(|e| e.into_inner());
                    }
                    if s.0 >= jobs.len() {
                        return;
                    }
                    s.0 += 1;
                    s.0 - 1
                };
                if tx.send((i, work(&jobs[i]))).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        for (i, done) in rx {
            waiting.insert(i, done);
            while let Some(done) = waiting.remove(&next) {
                write(next, done)?;
                next += 1;
                let (lock, cv) = &*state;
                lock.lock().unwrap_or_else(|e| e.into_inner()).1 = next;
                cv.notify_all();
            }
        }
        Ok(())
    })
}

/// A progress line on standard error, when it is a terminal (nothing when piped).
pub struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    pub fn new(total: usize) -> Self {
        Progress {
            total,
            on: total > 1 && io::stderr().is_terminal(),
        }
    }

    pub fn tick(&self, done: usize, name: &str) {
        if self.on {
            let width = 30;
            let filled = done * width / self.total.max(1);
            let short: String = name
                .chars()
                .rev()
                .take(40)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            eprint!(
                "\r\x1b[2K[{}{}] {done}/{} {short}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }

    pub fn clear(&self) {
        if self.on {
            eprint!("\r\x1b[2K");
        }
    }
}

/// What a summary row is made of: a built result's, or a check's made without one.
pub struct Facts<'a> {
    pub title: Option<&'a str>,
    pub year: Option<i32>,
    pub format: gouji::format::ReportFormat,
    pub summary: &'a gouji::result::Summary,
    pub indicators: gouji::result::Indicators,
}

impl Row {
    /// A checked report's row; `findings` as (rule, whose, severity, message), most serious
    /// first: the worst is the first of the report's own that is not a note, else the first.
    pub fn of<'f>(
        file: &str,
        code: u8,
        r: Facts,
        findings: impl Iterator<Item = (Rule, Source, Severity, &'f str)> + Clone,
    ) -> Row {
        let worst = findings
            .clone()
            .find(|&(_, source, severity, _)| {
                source == Source::Report && severity != Severity::Info
            })
            .or_else(|| findings.clone().next())
            .map(|(rule, _, _, message)| format!("{rule} {message}"))
            .unwrap_or_default();
        let s = r.summary;
        Row {
            file: file.to_owned(),
            verdict: verdict(s.errors, s.unread, s.cells_read),
            errors: s.errors,
            warnings: s.warnings,
            unread: s.unread,
            worst,
            format: r.format.as_str().to_owned(),
            indicators: r.indicators,
            ..Row::key(r.title, r.year, code)
        }
    }

    /// What pairing needs of a report, and no more (when no summary is asked for).
    pub fn key(title: Option<&str>, year: Option<i32>, code: u8) -> Row {
        Row {
            body: title.and_then(cross::body),
            year,
            code,
            ..Row::default()
        }
    }
}

/// The row of a built result.
pub fn row(file: &str, r: &gouji::CheckResult, code: u8) -> Row {
    let facts = Facts {
        title: r.title.as_deref(),
        year: r.year,
        format: r.format,
        summary: &r.summary,
        indicators: r.indicators,
    };
    let findings = r
        .findings
        .iter()
        .map(|f| (f.rule, f.source, f.severity, f.message.as_str()));
    Row::of(file, code, facts, findings)
}

pub fn verdict(errors: usize, unread: usize, cells: usize) -> String {
    if cells == 0 {
        "无法检查 unusable".to_owned()
    } else if errors > 0 {
        format!("{errors} 处错误 errors")
    } else if unread > 0 {
        "未能完整检查 not fully checked".to_owned()
    } else {
        "通过 passed".to_owned()
    }
}

/// The pairs of a batch: for each report, the report of the same body a year before it (the
/// first such, in the batch's order), by the titles' body names, normalised (`cross::body`),
/// looked up by (body, year): linear in the batch.
pub fn pairs(keys: &[Option<(String, i32)>]) -> Vec<(usize, usize)> {
    let mut first: std::collections::HashMap<(&str, i32), usize> = std::collections::HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some((b, y)) = k {
            first.entry((b.as_str(), *y)).or_insert(i);
        }
    }
    keys.iter()
        .enumerate()
        .filter_map(|(i, k)| {
            let (b, y) = k.as_ref()?;
            let j = *first.get(&(b.as_str(), y.checked_sub(1)?))?;
            Some((i, j))
        })
        .collect()
}

/// The cross-year findings of a pair, without the note that the pair was confirmed.
pub fn pair_findings(this: &Last, prev: &Last) -> Vec<gouji::result::FindingOut> {
    cross::findings(this, prev)
        .into_iter()
        .filter(|f| f.rule != Rule::XMatch)
        .collect()
}

fn rate(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The summary as CSV: a UTF-8 BOM (Excel on Windows reads it as UTF-8), a header row, a row
/// per report, the totals last.
pub fn summary_csv(rows: &[Row], skipped: usize) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("文件 file,机关 body,年度 year,格式 format,结论 verdict,错误 errors,提醒 warnings,未能读取 unread,最主要的问题 worst,公开率 disclosure_rate,行政复议纠错率 review_correction_rate,行政诉讼纠错率 suit_correction_rate,结转率 carry_rate\r\n");
    for r in rows {
        let fields = [
            csv_field(&r.file),
            csv_field(r.body.as_deref().unwrap_or("")),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.format.clone(),
            csv_field(&r.verdict),
            r.errors.to_string(),
            r.warnings.to_string(),
            r.unread.to_string(),
            csv_field(&r.worst),
            rate(r.indicators.disclosure_rate),
            rate(r.indicators.review_correction_rate),
            rate(r.indicators.suit_correction_rate),
            rate(r.indicators.carry_rate),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    let t = totals(rows);
    out.push_str(&format!(
        "合计 total ({} reports; {} skipped),,,,{} with errors,{},{},{},\r\n",
        rows.len(),
        skipped,
        t.0,
        t.1,
        t.2,
        t.3
    ));
    out
}

/// (reports with errors, errors, warnings, unread)
fn totals(rows: &[Row]) -> (usize, usize, usize, usize) {
    rows.iter().fold((0, 0, 0, 0), |t, r| {
        (
            t.0 + usize::from(r.errors > 0),
            t.1 + r.errors,
            t.2 + r.warnings,
            t.3 + r.unread,
        )
    })
}

/// The summary as JSON: `{ "reports": [...], "totals": {...} }`.
pub fn summary_json(rows: &[Row], skipped: usize) -> String {
    let reports: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "file": r.file, "body": r.body, "year": r.year, "format": r.format,
                "verdict": r.verdict, "errors": r.errors, "warnings": r.warnings,
                "unread": r.unread, "worst": r.worst, "indicators": r.indicators,
            })
        })
        .collect();
    let t = totals(rows);
    serde_json::json!({
        "reports": reports,
        "totals": { "reports": rows.len(), "with_errors": t.0, "errors": t.1, "warnings": t.2, "unread": t.3, "skipped": skipped },
    })
    .to_string()
}

/// The summary as a table for a terminal: a line per report, the totals last.
pub fn summary_table(out: &mut impl Write, rows: &[Row], skipped: usize) -> io::Result<()> {
    writeln!(out, "\n汇总 summary: {} reports", rows.len())?;
    for r in rows {
        let worst: String = r.worst.chars().take(60).collect();
        writeln!(
            out,
            "  {}  {}  {}  {}  {}  E{} W{}  {}",
            r.file,
            r.body.as_deref().unwrap_or("?"),
            r.year.map_or("?".to_owned(), |y| y.to_string()),
            r.format,
            r.verdict,
            r.errors,
            r.warnings,
            worst
        )?;
    }
    let t = totals(rows);
    writeln!(
        out,
        "  合计 total: {} reports, {} with errors; {} errors, {} warnings, {} unread; {} files skipped",
        rows.len(),
        t.0,
        t.1,
        t.2,
        t.3,
        skipped
    )
}

/// Results waiting to be written, each in its own buffer; written together (one vectored write
/// for several reports) once they make `batch` bytes, without being copied into one buffer.
#[derive(Default)]
pub struct Gathered {
    parts: Vec<Vec<u8>>,
    len: usize,
}

impl Gathered {
    pub fn push<W: Write>(
        &mut self,
        part: Vec<u8>,
        out: &mut io::BufWriter<W>,
        batch: usize,
    ) -> io::Result<()> {
        if part.is_empty() {
            return Ok(());
        }
        self.len += part.len();
        self.parts.push(part);
        if self.len >= batch {
            self.flush(out)?;
        }
        Ok(())
    }

    /// Writes what waits, after what the writer holds (the order of the output is kept).
    pub fn flush<W: Write>(&mut self, out: &mut io::BufWriter<W>) -> io::Result<()> {
        if self.parts.is_empty() {
            return Ok(());
        }
        out.flush()?;
        let w = out.get_mut();
        let mut slices: Vec<io::IoSlice> = self.parts.iter().map(|p| io::IoSlice::new(p)).collect();
        let mut rest: &mut [io::IoSlice] = &mut slices;
        while !rest.is_empty() {
            match w.write_vectored(rest) {
                Ok(0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WriteZero,
                        "the output took nothing",
                    ))
                }
                Ok(n) => io::IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.parts.clear();
        self.len = 0;
        Ok(())
    }
}
