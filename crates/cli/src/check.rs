//! `gouji check`: each file read, checked and written in its own buffer on every core
//! ([`batch::run`]), then the batch's pairs compared from what each report's own check kept
//! (`gouji::batch`: no report is read twice), then the summaries. What a batch makes of a file
//! and of them all is the core's (`gouji::batch`); this module keeps threads and writing.

use crate::args::{self, Output};
use crate::{batch, emit_result, input, json};
use gouji::batch::{Disposition, Note, Row};
use gouji::result::CheckResult;
use gouji::rules::cross::Last;
use gouji::Options;
use gouji_files::{Content, FileError};
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// How much JSON output gathers before it is written: half a pipe's buffer (a reader at
/// the other end keeps pace; 64 KB writes stall on a full pipe and measured slower).
pub const JSON_BATCH: usize = 32 * 1024;

/// What every file of the batch is checked with.
struct Asked<'a> {
    options: Options,
    output: Output,
    /// Last year's report (`--prev`), what the comparisons need of it.
    prev: Option<&'a Last>,
    /// Each report's full summary row is kept (a summary was asked for).
    keep_rows: bool,
    /// What pairing needs of each report is kept from its check (several files, no `--prev`).
    keep_last: bool,
    want_cells: bool,
}

/// What the batch keeps of its reports to the end.
#[derive(Default)]
struct Kept {
    rows: Vec<Row>,
    lasts: Vec<Option<Last>>,
    skipped: usize,
    worst: u8,
}

pub fn check(c: args::Check) -> Result<u8, String> {
    let options = Options { format: c.format };
    let prev = match &c.prev {
        Some(p) => Some(last_year(Path::new(p), &options)?),
        None => None,
    };
    let jobs = batch::expand(&c.files);
    let mut cells_out = cells_writer(c.cells_csv.as_deref())?;
    let asked = Asked {
        options,
        output: c.output,
        prev: prev.as_ref(),
        keep_rows: c.output == Output::Human || c.summary_csv.is_some() || c.summary_json.is_some(),
        keep_last: prev.is_none() && jobs.len() > 1,
        want_cells: cells_out.is_some(),
    };
    let stdout = io::stdout();
    // results gather and go out a few at a time (one write per report costs as much as
    // writing its JSON)
    let mut out = BufWriter::with_capacity(JSON_BATCH, stdout.lock());
    let mut kept = check_all(&jobs, &asked, c.jobs, &mut out, cells_out.as_mut())?;
    // reports of one body in consecutive years, paired: the cross-year checks
    if asked.keep_last {
        pair_all(&mut kept, c.jobs, c.output, &mut out).map_err(|e| e.to_string())?;
    }
    let Kept {
        rows,
        skipped,
        worst,
        ..
    } = kept;
    if c.output == Output::Human && rows.len() + skipped > 1 {
        batch::summary_table(&mut out, &rows, skipped).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    if let (Some(f), Some(path)) = (&mut cells_out, &c.cells_csv) {
        f.flush()
            .map_err(|e| format!("{} (--cells-csv): {e}", path.display()))?;
    }
    if let Some(path) = c.summary_csv {
        std::fs::write(&path, gouji::batch::summary_csv(&rows, skipped))
            .map_err(|e| format!("{} (--summary-csv): {e}", path.display()))?;
    }
    if let Some(path) = c.summary_json {
        let summary = gouji::batch::Summary::of(&rows, skipped);
        let json = serde_json::to_string(&summary).map_err(|e| e.to_string())?;
        std::fs::write(&path, json)
            .map_err(|e| format!("{} (--summary-json): {e}", path.display()))?;
    }
    Ok(worst)
}

/// Last year's report (`--prev`), checked once: what the comparisons need of it.
fn last_year(path: &Path, options: &Options) -> Result<Last, String> {
    let mut bytes = Vec::new();
    let content = input::read_bytes(path, &mut bytes)
        .and_then(|n| input::content(&bytes[..n]))
        .map_err(|e| format!("{} (--prev): {e}", path.to_string_lossy()))?;
    Ok(Last::of(&content.check(options), &content.text()))
}

/// Every cell of every report, as rows of a table (a file written as the reports come).
fn cells_writer(path: Option<&Path>) -> Result<Option<BufWriter<std::fs::File>>, String> {
    let Some(path) = path else { return Ok(None) };
    let fail = |e: io::Error| format!("{} (--cells-csv): {e}", path.display());
    let mut f = std::fs::File::create(path)
        .map(BufWriter::new)
        .map_err(fail)?;
    f.write_all(gouji::export::CELLS_CSV_HEADER.as_bytes())
        .map_err(fail)?;
    Ok(Some(f))
}

/// Checks every job on `workers` threads, writing each result in the jobs' order.
fn check_all(
    jobs: &[batch::Job],
    asked: &Asked,
    workers: usize,
    out: &mut BufWriter<io::StdoutLock>,
    mut cells_out: Option<&mut BufWriter<std::fs::File>>,
) -> Result<Kept, String> {
    let progress = batch::Progress::new(jobs.len());
    let mut kept = Kept::default();
    // the results waiting to go out, written together with one vectored write: each result's
    // buffer goes to the output as it is, not copied into a buffer first
    let mut waiting = batch::Gathered::default();
    batch::run(
        jobs,
        workers,
        |job| check_job(job, asked),
        |i, done| {
            if let Some(f) = &mut cells_out {
                f.write_all(done.cells.as_bytes())?;
            }
            waiting.push(done.out, out, JSON_BATCH)?;
            if let Some(err) = &done.err {
                waiting.flush(out)?;
                out.flush()?;
                progress.clear();
                eprintln!("{err}");
            }
            kept.worst = kept.worst.max(done.code);
            match done.row {
                Some(row) => {
                    kept.rows.push(row);
                    kept.lasts.push(done.last);
                }
                None => kept.skipped += usize::from(done.code == 0),
            }
            progress.tick(i + 1, &jobs[i].name);
            Ok(())
        },
    )
    .map_err(|e| e.to_string())?;
    waiting.flush(out).map_err(|e| e.to_string())?;
    progress.clear();
    Ok(kept)
}

/// The batch's pairs (`gouji::batch::pairing`), their comparisons on every core, counted into
/// the rows; what pairing said written after the reports.
fn pair_all(
    kept: &mut Kept,
    workers: usize,
    output: Output,
    out: &mut impl Write,
) -> io::Result<()> {
    let notes = gouji::batch::pair_batch_on(&mut kept.rows, &kept.lasts, |pairs, compare| {
        on_every_core(pairs, workers, compare)
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect()
    });
    for note in notes {
        write_note(out, output, &note)?;
    }
    kept.worst = kept
        .rows
        .iter()
        .map(|r| r.verdict.exit_code())
        .fold(kept.worst, u8::max);
    Ok(())
}

/// `f` of every item, on `workers` threads (the items dealt out in turn), by the items' order;
/// `None` for an item whose worker failed.
fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<Option<R>> {
    let workers = workers.clamp(1, items.len().max(1));
    let mut out: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                s.spawn(move || {
                    (w..items.len())
                        .step_by(workers)
                        .map(|k| (k, f(&items[k])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (k, r) in h.join().unwrap_or_default() {
                out[k] = Some(r);
            }
        }
    });
    out
}

/// What pairing said of a report: in the human output, lines like a report's; in JSON, one
/// line `{"pair": {"file", "prev", "findings"}}`, `{"same": {"file", "first"}}` or
/// `{"clash": {"file", "others", "findings"}}`.
fn write_note(out: &mut impl Write, output: Output, note: &Note) -> io::Result<()> {
    match output {
        Output::Json => {
            serde_json::to_writer(&mut *out, note)?;
            writeln!(out)
        }
        Output::Html => Ok(()),
        Output::Human => match note {
            Note::Pair {
                file,
                prev,
                findings,
            } => {
                writeln!(
                    out,
                    "{file}: 与上一年度报告 {prev} 核对 checked against last year's report"
                )?;
                crate::human_findings(out, file, findings)?;
                if findings.is_empty() {
                    writeln!(out, "  = 跨年度核对无问题 no cross-year finding")?;
                }
                Ok(())
            }
            Note::Same { file, first } => writeln!(
                out,
                "{file}: 与 {first} 数字相同，是同一份报告，不再重复配对 the same figures as {first}: one report, paired once"
            ),
            Note::Clash { file, findings, .. } => crate::human_findings(out, file, findings),
        },
    }
}

/// What became of a file of a batch when it was opened.
enum Opened<'b> {
    /// A report to check, as its bytes say it is.
    Report(Content<'b>),
    /// Not read: what was wrong, and what to do.
    Unreadable(FileError),
    /// A folder's file that is no report (an image, an archive, an old .doc): why.
    Skipped(&'static str),
}

/// A picture's check, made when it is opened: a scan or picture in which no table of the form
/// was found is a file gouji could not read (a folder's picture: passed over), as the page's
/// file module says of it, not a report that holds nothing.
fn seen_or_not<'b>(
    content: Content<'b>,
    walked: bool,
    options: &Options,
) -> (Opened<'b>, Option<CheckResult>) {
    let Content::Pictures { scan, .. } = &content else {
        return (Opened::Report(content), None);
    };
    let scan = *scan;
    let r = content.check(options);
    if r.summary.cells_read > 0 {
        return (Opened::Report(content), Some(r));
    }
    if walked && !scan {
        return (Opened::Skipped("no table in it"), None);
    }
    (Opened::Unreadable(gouji_files::no_tables_seen(scan)), None)
}

thread_local! {
    /// Each worker's file buffer, reused from file to file (kept initialised, only grown).
    static BYTES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A file opened by the core's rule (`gouji::batch::disposition`): a folder's other files
/// (images, archives, old .doc) are passed over before they are read, a report's file that
/// cannot be read is a row; a picture's result is made as it is opened.
fn open<'b>(
    job: &batch::Job,
    bytes: &'b [u8],
    options: &Options,
) -> (Opened<'b>, Option<CheckResult>) {
    let kind = gouji_files::binary_kind(bytes).map_or("text", |k| k.as_str());
    let unread = gouji::batch::disposition(kind, None, job.walked);
    match (unread, kind) {
        // a folder's pictures are read: a scan or a screenshot may be a report
        (Disposition::Skip(why), k) if k != "text" && k != "image" => (Opened::Skipped(why), None),
        _ => match (input::content(bytes), unread) {
            (Ok(c), _) => seen_or_not(c, job.walked, options),
            (Err(_), Disposition::Skip(why)) => (Opened::Skipped(why), None),
            (Err(e), Disposition::Row) => (Opened::Unreadable(e), None),
        },
    }
}

/// A file of a batch that is no row of its summary: said, not counted.
fn skipped(name: &str, why: &str) -> batch::Done {
    batch::Done {
        err: Some(format!("{name}: skipped ({why})")),
        ..batch::Done::default()
    }
}

/// One file of a batch, read, checked and written into its own buffer.
fn check_job(job: &batch::Job, asked: &Asked) -> batch::Done {
    BYTES.with(|b| {
        let mut bytes = b.borrow_mut();
        let name = job.name.as_str();
        let (opened, seen) = match input::read_bytes(&job.path, &mut bytes) {
            Err(e) => (Opened::Unreadable(e), None),
            Ok(n) => open(job, &bytes[..n], &asked.options),
        };
        let content = match opened {
            Opened::Report(c) => c,
            Opened::Skipped(why) => return skipped(name, why),
            Opened::Unreadable(e) => {
                return batch::Done {
                    err: Some(format!("{name}: error: {}", e.en)),
                    code: 2,
                    row: Some(Row::unreadable(name, &e.zh, &e.en)),
                    ..batch::Done::default()
                }
            }
        };
        let mut out = Vec::new();
        match check_content(&content, seen, name, asked, &mut out) {
            // a folder's text or page that holds no report: passed over (gouji::batch)
            Ok(done) if done.cells_read == 0 && !is_row(&content, job.walked) => {
                skipped(name, "no report in it")
            }
            Ok(done) => batch::Done {
                out,
                err: None,
                code: done.row.verdict.exit_code(),
                row: Some(if asked.keep_rows {
                    done.row
                } else {
                    // what pairing and the exit status need of it
                    Row {
                        file: done.row.file,
                        verdict: done.row.verdict,
                        errors: done.row.errors,
                        ..Row::default()
                    }
                }),
                // standard input cannot be named as last year's report
                last: done.last.filter(|_| name != "-"),
                cells: done.cells,
            },
            Err(e) => batch::Done {
                err: Some(format!("{name}: error: {e}")),
                code: 2,
                ..batch::Done::default()
            },
        }
    })
}

/// Whether a checked file that read no cell is still a row (the core's rule, by its kind).
fn is_row(content: &Content, walked: bool) -> bool {
    let kind = match content {
        Content::Text(_) => "text",
        Content::Pdf { .. } | Content::Pictures { scan: true, .. } => "pdf",
        Content::Grid { input, .. } => input.as_str(),
        Content::Pictures { scan: false, .. } => "image",
    };
    gouji::batch::disposition(kind, Some(0), walked) == Disposition::Row
}

/// A report checked and written.
struct Checked {
    row: Row,
    last: Option<Last>,
    cells_read: usize,
    cells: String,
}

fn check_content(
    content: &Content,
    seen: Option<CheckResult>,
    name: &str,
    asked: &Asked,
    out: &mut Vec<u8>,
) -> serde_json::Result<Checked> {
    match (content, asked.prev, asked.output) {
        // the usual case of a batch: text to JSON, written straight from the check
        (Content::Text(text), None, Output::Json) if !asked.want_cells => {
            let c = json::check_json_checked(text, &asked.options, out)?;
            out.push(b'\n');
            Ok(Checked {
                row: Row::of_checked(name, &c),
                last: asked.keep_last.then(|| Last::of_checked(&c, text)),
                cells_read: c.summary.cells_read,
                cells: String::new(),
            })
        }
        _ => {
            let mut r = seen.unwrap_or_else(|| content.check(&asked.options));
            let text = (asked.prev.is_some() || asked.keep_last).then(|| content.text());
            if let (Some(last), Some(text)) = (asked.prev, &text) {
                let this = Last::of(&r, text);
                let found = gouji::rules::cross::findings(&this, last);
                gouji::rules::cross::add(&mut r, last, found);
            }
            let mut cells = String::new();
            if asked.want_cells {
                gouji::export::cells_csv(name, &r, &mut cells);
            }
            let mut json = Vec::new();
            emit_result(out, &mut json, name, &r, asked.output).map_err(serde_json::Error::io)?;
            out.extend_from_slice(&json);
            Ok(Checked {
                row: Row::of(name, &r),
                last: text.filter(|_| asked.keep_last).map(|t| Last::of(&r, &t)),
                cells_read: r.summary.cells_read,
                cells,
            })
        }
    }
}
