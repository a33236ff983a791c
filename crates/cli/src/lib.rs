//! The command line: `gouji check [--json | --html] [--format auto|F2019|F2021] FILE...`.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 unusable input or an I/O error. Results stream
//! one file at a time, so memory does not grow with the number of files. A thin layer over the
//! core: it reads files ([`input`]), asks the core, and writes findings, JSON ([`json`]) or HTML.

pub mod args;
pub mod batch;
pub mod input;
pub mod json;

use args::{Command, Output};
use gouji::model::Source;
use gouji::result::{CheckResult, Summary};
use gouji::Options;
use gouji_files::Content;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
gouji — checks the figures of a 政府信息公开工作年度报告

Usage:
  gouji check [--json | --html] [--format auto|F2019|F2021] [--prev LAST]
              [--jobs N] [--summary-csv FILE] [--summary-json FILE] [--cells-csv FILE]
              FILE|DIR...
  gouji read FILE...     what gouji reads from each file, as text (tables as tab-separated rows)
  gouji --version

FILE may be - for standard input. Files are told by their bytes, not their names: a PDF, a
Word .docx, a saved web page (HTML), or text (UTF-8, UTF-16 with a BOM, or GBK). A scanned PDF
or a PNG/JPEG picture (a screenshot) has its tables' figures recognised (each cell marked as
read from the picture, with how sure). An encrypted or damaged PDF, a JBIG2 or JPX scan, an
old .doc/.wps or another archive is refused with what to do. A DIR is walked recursively; its
files that are no report (a picture with no table of the form among them) are skipped.

--prev LAST compares each FILE with last year's report LAST (any kind of file): this year's
上年结转 against last year's 结转下年度 (X-CARRY), part 二's running counts (X-PREV), sentences
copied from last year (X-TEXT); a pair of different bodies or years is said, not compared.
Without it, reports of one body in consecutive years within the batch are paired.

Batches: checked on all cores (--jobs N to choose), results in the files' order; a summary
table at the end; --summary-csv FILE (UTF-8 with a BOM, for Excel), --summary-json FILE;
--cells-csv FILE: every cell of every report, a row each (file, body, year, format, part, row,
column, cell id, value, blank, where it was read, how: split/image), to pivot in Excel.

Output:
  (default)  one line per finding, like a compiler: FILE:LINE:COL: error[RULE]: message
  --json     the result object (docs/result.md), one JSON object per line per file; a pair found
             in a batch adds a line {\"pair\": {\"file\", \"prev\"}, \"findings\": [...]}
  --html     the annotated tables as an HTML fragment

Exit status: 0 no errors, 1 errors found, 2 unusable input or I/O error (the worst of a batch).
";

pub fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)).and_then(run) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("gouji: {msg}");
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<u8, String> {
    match command {
        Command::Check(c) => check(c),
        Command::Read(files) => read_command(&files),
        Command::Version => {
            println!("gouji {}", gouji::VERSION);
            Ok(0)
        }
        Command::Help => {
            print!("{USAGE}");
            Ok(0)
        }
    }
}

fn check(c: args::Check) -> Result<u8, String> {
    let output = c.output;
    let options = Options { format: c.format };
    let (prev_file, summary_csv, summary_json, workers) =
        (c.prev, c.summary_csv, c.summary_json, c.jobs);
    // last year's report, checked once, beside each report checked
    let prev = match prev_file {
        Some(p) => {
            let mut bytes = Vec::new();
            let content = input::read_bytes(Path::new(&p), &mut bytes)
                .and_then(|n| input::content(&bytes[..n]))
                .map_err(|e| format!("{} (--prev): {e}", p.to_string_lossy()))?;
            // what the comparisons need of it, made once
            Some(gouji::rules::cross::Last::of(
                &content.check(&options),
                &content.text(),
            ))
        }
        None => None,
    };
    let jobs = batch::expand(&c.files);
    let prev = prev.as_ref();
    // each report's summary row is kept only for a summary; the rest is a few bytes a report
    let keep_rows = output == Output::Human || summary_csv.is_some() || summary_json.is_some();
    // every cell of every report, as rows of a table (a file written as the reports come)
    let mut cells_out = match &c.cells_csv {
        Some(path) => {
            let mut f = std::fs::File::create(path)
                .map(BufWriter::new)
                .map_err(|e| format!("{} (--cells-csv): {e}", path.display()))?;
            f.write_all(gouji::export::CELLS_CSV_HEADER.as_bytes())
                .map_err(|e| format!("{} (--cells-csv): {e}", path.display()))?;
            Some(f)
        }
        None => None,
    };
    let want_cells = cells_out.is_some();
    let work = |job: &batch::Job| check_job(job, &options, output, prev, keep_rows, want_cells);
    let stdout = io::stdout();
    // results gather and go out a few at a time (one write per report costs as much as
    // writing its JSON)
    let mut out = BufWriter::with_capacity(JSON_BATCH, stdout.lock());
    let progress = batch::Progress::new(jobs.len());
    let (mut rows, mut keys, mut names) = (Vec::new(), Vec::new(), Vec::new());
    let (mut worst, mut skipped) = (0u8, 0usize);
    // the results waiting to go out, written together with one vectored write: each result's
    // buffer goes to the output as it is, not copied into a buffer first
    let mut waiting = batch::Gathered::default();
    batch::run(&jobs, workers, work, |i, done| {
        if let Some(f) = &mut cells_out {
            f.write_all(done.cells.as_bytes())?;
        }
        waiting.push(done.out, &mut out, JSON_BATCH)?;
        if let Some(err) = &done.err {
            waiting.flush(&mut out)?;
            out.flush()?;
            progress.clear();
            eprintln!("{err}");
        }
        match done.row {
            Some(row) => {
                worst = worst.max(done.code);
                rows.push(if keep_rows {
                    row
                } else {
                    batch::Row {
                        code: row.code,
                        ..batch::Row::default()
                    }
                });
                keys.push(done.key);
                names.push(i);
            }
            None => skipped += 1,
        }
        progress.tick(i + 1, &jobs[i].name);
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    waiting.flush(&mut out).map_err(|e| e.to_string())?;
    progress.clear();
    // reports of one body in consecutive years, paired: the cross-year checks
    if prev.is_none() && rows.len() > 1 {
        let pairs = batch::pairs(&keys);
        // every report a pair needs read again once (not once per pair it is in), on every core
        let mut needed: Vec<usize> = pairs.iter().flat_map(|&(i, j)| [i, j]).collect();
        needed.sort_unstable();
        needed.dedup();
        let lasts = on_every_core(&needed, workers, |&k| {
            last_of(&jobs[names[k]].path, &options)
        });
        let last = |k: usize| {
            needed
                .binary_search(&k)
                .ok()
                .and_then(|at| lasts[at].as_ref()?.as_ref())
        };
        for (i, j) in pairs {
            let (Some(this), Some(last)) = (last(i), last(j)) else {
                continue;
            };
            let found = batch::pair_findings(this, last);
            let errors = found
                .iter()
                .filter(|f| f.severity == gouji::model::Severity::Error)
                .count();
            let warnings = found
                .iter()
                .filter(|f| f.severity == gouji::model::Severity::Warning)
                .count();
            write_pair(
                &mut out,
                output,
                &jobs[names[i]].name,
                &jobs[names[j]].name,
                &found,
            )
            .map_err(|e| e.to_string())?;
            let row = &mut rows[i];
            row.errors += errors;
            row.warnings += warnings;
            if errors > 0 {
                if row.code == 0 {
                    row.code = 1;
                }
                worst = worst.max(1);
                if let Some(f) = found.first() {
                    row.worst = format!("{} {}", f.rule, f.message);
                }
            }
            row.verdict = batch::verdict(row.errors, row.unread, 1);
        }
    }
    if output == Output::Human && rows.len() + skipped > 1 {
        batch::summary_table(&mut out, &rows, skipped).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    if let (Some(f), Some(path)) = (&mut cells_out, &c.cells_csv) {
        f.flush()
            .map_err(|e| format!("{} (--cells-csv): {e}", path.display()))?;
    }
    if let Some(path) = summary_csv {
        std::fs::write(&path, batch::summary_csv(&rows, skipped))
            .map_err(|e| format!("{} (--summary-csv): {e}", path.display()))?;
    }
    if let Some(path) = summary_json {
        std::fs::write(&path, batch::summary_json(&rows, skipped))
            .map_err(|e| format!("{} (--summary-json): {e}", path.display()))?;
    }
    Ok(worst)
}

/// A pair of one body's consecutive reports found in a batch, and what their comparison
/// found: in the human output, lines like a report's; in JSON, one line
/// `{"pair": {"file", "prev"}, "findings": [...]}`.
fn write_pair(
    out: &mut impl Write,
    output: Output,
    file: &str,
    prev: &str,
    found: &[gouji::result::FindingOut],
) -> io::Result<()> {
    match output {
        Output::Json => {
            serde_json::to_writer(
                &mut *out,
                &serde_json::json!({ "pair": { "file": file, "prev": prev }, "findings": found }),
            )?;
            writeln!(out)
        }
        Output::Html => Ok(()),
        Output::Human => {
            writeln!(
                out,
                "{file}: 与上一年度报告 {prev} 核对 checked against last year's report"
            )?;
            for f in found {
                let place = match f.at {
                    Some(gouji::result::At::Text { line, col }) => format!("{file}:{line}:{col}"),
                    Some(gouji::result::At::Pdf { page, line, col }) => {
                        format!("{file}:p{page}:{line}:{col}")
                    }
                    Some(gouji::result::At::Grid { row, cell }) => {
                        format!("{file}:row {row}:cell {cell}")
                    }
                    Some(gouji::result::At::Image { page, x, y, .. }) => {
                        format!("{file}:p{page}:{x},{y}")
                    }
                    None => file.to_owned(),
                };
                writeln!(out, "{place}: {}[{}]: {}", f.severity, f.rule, f.message)?;
                writeln!(out, "  = {}", f.message_en)?;
            }
            if found.is_empty() {
                writeln!(out, "  = 跨年度核对无问题 no cross-year finding")?;
            }
            Ok(())
        }
    }
}

/// What became of a file of a batch when it was opened.
enum Opened<'b> {
    /// A report to check, as its bytes say it is.
    Report(Content<'b>),
    /// Not read: what was wrong, and what to do.
    Unreadable(String),
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
    (
        Opened::Unreadable(gouji_files::no_tables_seen(scan).en),
        None,
    )
}

thread_local! {
    /// Each worker's file buffer, reused from file to file (kept initialised, only grown).
    static BYTES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
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

/// What a cross-year comparison needs of a file, read again (`None` if it no longer reads).
fn last_of(path: &Path, options: &Options) -> Option<gouji::rules::cross::Last> {
    if path == Path::new("-") {
        return None;
    }
    let mut bytes = Vec::new();
    let n = input::read_bytes(path, &mut bytes).ok()?;
    let content = input::content(&bytes[..n]).ok()?;
    Some(gouji::rules::cross::Last::of(
        &content.check(options),
        &content.text(),
    ))
}

/// One file of a batch, read, checked and written into its own buffer.
fn check_job(
    job: &batch::Job,
    options: &Options,
    output: Output,
    prev: Option<&gouji::rules::cross::Last>,
    keep_rows: bool,
    want_cells: bool,
) -> batch::Done {
    BYTES.with(|b| {
        let mut bytes = b.borrow_mut();
        let name = job.name.as_str();
        // a folder's other files (images, archives, old .doc) are passed over, a report's file
        // that cannot be read is a row: the one rule of every host (gouji::batch)
        use gouji::batch::{disposition, Disposition};
        // a picture's result, made as it was opened
        let mut seen: Option<CheckResult> = None;
        let opened = match input::read_bytes(&job.path, &mut bytes) {
            Err(msg) => Opened::Unreadable(msg),
            Ok(n) => {
                let kind = gouji_files::binary_kind(&bytes[..n]).map_or("text", |k| k.as_str());
                // what the rule makes of it if it cannot be read (a folder's other file: passed
                // over before it is read at all)
                let unread = disposition(kind, None, job.walked);
                match (unread, kind) {
                    // a folder's pictures are read: a scan or a screenshot may be a report
                    (Disposition::Skip(why), k) if k != "text" && k != "image" => {
                        Opened::Skipped(why)
                    }
                    _ => match (input::content(&bytes[..n]), unread) {
                        (Ok(c), _) => {
                            let (opened, r) = seen_or_not(c, job.walked, options);
                            seen = r;
                            opened
                        }
                        (Err(_), Disposition::Skip(why)) => Opened::Skipped(why),
                        (Err(msg), Disposition::Row) => Opened::Unreadable(msg),
                    },
                }
            }
        };
        let mut out = Vec::new();
        let content = match opened {
            Opened::Report(c) => c,
            Opened::Skipped(why) => {
                return batch::Done {
                    out,
                    err: Some(format!("{name}: skipped ({why})")),
                    code: 0,
                    row: None,
                    key: None,
                    cells: String::new(),
                }
            }
            Opened::Unreadable(msg) => {
                let row = batch::Row {
                    file: name.to_owned(),
                    verdict: "无法读取 unreadable".to_owned(),
                    worst: msg.clone(),
                    format: "unknown".to_owned(),
                    code: 2,
                    ..batch::Row::default()
                };
                return batch::Done {
                    out,
                    err: Some(format!("{name}: error: {msg}")),
                    code: 2,
                    row: Some(row),
                    key: None,
                    cells: String::new(),
                };
            }
        };
        // what the rule needs of a checked file's kind: a text or page, or a file the readers made
        let content_kind = match &content {
            Content::Text(_) => "text",
            Content::Pdf { .. } => "pdf",
            Content::Grid { input, .. } => input.as_str(),
            Content::Pictures { scan: true, .. } => "pdf",
            Content::Pictures { scan: false, .. } => "image",
        };
        let written = match (&content, prev, output) {
            // the usual case of a batch: text to JSON, written straight from the check
            (Content::Text(text), None, Output::Json) if !want_cells => {
                json::check_json_checked(text, options, &mut out).map(|c| {
                    out.push(b'\n');
                    let code = exit_code(&c.summary);
                    let row = if keep_rows {
                        checked_row(name, &c, code)
                    } else {
                        batch::Row::key(c.report.meta.title.as_deref(), c.year, code)
                    };
                    (row, code, c.summary.cells_read, String::new())
                })
            }
            _ => {
                let mut r = seen.take().unwrap_or_else(|| content.check(options));
                if let Some(last) = prev {
                    let this = gouji::rules::cross::Last::of(&r, &content.text());
                    let found = gouji::rules::cross::findings(&this, last);
                    gouji::rules::cross::add(&mut r, last, found);
                }
                let mut json = Vec::new();
                let mut cells = String::new();
                if want_cells {
                    gouji::export::cells_csv(name, &r, &mut cells);
                }
                emit_result(&mut out, &mut json, name, &r, output)
                    .map(|code| {
                        out.extend_from_slice(&json);
                        (
                            batch::row(name, &r, code),
                            code,
                            r.summary.cells_read,
                            cells,
                        )
                    })
                    .map_err(serde_json::Error::io)
            }
        };
        match written {
            // a folder's text or page that holds no report: passed over (gouji::batch)
            Ok((_, _, 0, _))
                if disposition(content_kind, Some(0), job.walked) != Disposition::Row =>
            {
                batch::Done {
                    out: Vec::new(),
                    err: Some(format!("{name}: skipped (no report in it)")),
                    code: 0,
                    row: None,
                    key: None,
                    cells: String::new(),
                }
            }
            Ok((row, code, _, cells)) => batch::Done {
                out,
                err: None,
                code,
                // stdin cannot be read again for a comparison
                key: row.body.clone().zip(row.year).filter(|_| name != "-"),
                row: Some(row),
                cells,
            },
            Err(e) => batch::Done {
                out: Vec::new(),
                err: Some(format!("{name}: error: {e}")),
                code: 2,
                row: None,
                key: None,
                cells: String::new(),
            },
        }
    })
}

/// The summary row of a check made without its result (the batch's fast path).
fn checked_row(name: &str, c: &gouji::Checked, code: u8) -> batch::Row {
    let facts = batch::Facts {
        title: c.report.meta.title.as_deref(),
        year: c.year,
        format: c.format,
        summary: &c.summary,
        indicators: c.indicators,
    };
    let findings = c
        .findings
        .iter()
        .map(|f| (f.rule, f.source, f.severity, f.message.as_str()));
    batch::Row::of(name, code, facts, findings)
}

/// `gouji read FILE...`: what gouji reads from each file, as text (a grid's rows with tabs),
/// for a user to see what a PDF or a Word file gave before it is checked.
fn read_command(files: &[std::ffi::OsString]) -> Result<u8, String> {
    if files.is_empty() {
        return Err("no FILE given (use - for standard input)".to_owned());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bytes = Vec::new();
    let mut worst = 0;
    for file in files {
        let name = file.to_string_lossy();
        let read = input::read_bytes(Path::new(file), &mut bytes)
            .and_then(|n| input::content(&bytes[..n]));
        match read {
            Ok(Content::Text(text)) => out.write_all(text.as_bytes()).map_err(|e| e.to_string())?,
            // a form feed between pages, as pdftotext writes them
            Ok(Content::Pdf { pages }) => out
                .write_all(pages.join("\x0c").as_bytes())
                .map_err(|e| e.to_string())?,
            Ok(Content::Grid { rows, .. }) => {
                for row in rows {
                    writeln!(out, "{}", row.join("\t")).map_err(|e| e.to_string())?;
                }
            }
            // a picture's figures as placed on the form: cell, readings with their
            // probabilities (best first), page and box
            Ok(Content::Pictures { pages, .. }) => {
                let seen = gouji_image::read(pages);
                for c in &seen.cells {
                    let readings: Vec<String> = c
                        .readings
                        .iter()
                        .map(|(t, p)| format!("{t} ({p:.2})"))
                        .collect();
                    writeln!(
                        out,
                        "{}\t{}\tp{}:{},{} {}x{}",
                        c.id.id(),
                        if readings.is_empty() {
                            "(blank)".to_owned()
                        } else {
                            readings.join(" | ")
                        },
                        c.page,
                        c.x,
                        c.y,
                        c.w,
                        c.h
                    )
                    .map_err(|e| e.to_string())?;
                }
                for (zh, _) in &seen.unread {
                    writeln!(out, "# {zh}").map_err(|e| e.to_string())?;
                }
            }
            Err(msg) => {
                out.flush().ok();
                eprintln!("{name}: error: {msg}");
                worst = 2;
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(worst)
}

/// How much JSON output gathers before it is written: half a pipe's buffer (a reader at
/// the other end keeps pace; 64 KB writes stall on a full pipe and measured slower).
const JSON_BATCH: usize = 32 * 1024;

/// 2: nothing of a report could be read; 1: errors found; 0: none.
fn exit_code(summary: &Summary) -> u8 {
    if summary.cells_read == 0 {
        2
    } else if summary.errors > 0 {
        1
    } else {
        0
    }
}

/// A file's content checked in full.
/// Writes a result made in full (a file read into a grid); returns its exit code.
fn emit_result(
    out: &mut impl Write,
    json: &mut Vec<u8>,
    name: &str,
    r: &CheckResult,
    output: Output,
) -> io::Result<u8> {
    match output {
        Output::Json => {
            json::write_json(r, json)?;
            json.push(b'\n');
            if json.len() >= JSON_BATCH {
                out.write_all(json)?;
                json.clear();
            }
        }
        Output::Html => writeln!(out, "{}", gouji::render_html(r))?,
        Output::Human => human(out, name, r)?,
    }
    Ok(exit_code(&r.summary))
}

fn human(out: &mut impl Write, name: &str, r: &CheckResult) -> io::Result<()> {
    use gouji::result::At as Pos;
    for f in &r.findings {
        let place = match f.at {
            Some(Pos::Text { line, col }) => format!("{name}:{line}:{col}"),
            Some(Pos::Pdf { page, line, col }) => format!("{name}:p{page}:{line}:{col}"),
            Some(Pos::Grid { row, cell }) => format!("{name}:row {row}:cell {cell}"),
            Some(Pos::Image { page, x, y, .. }) => format!("{name}:p{page}:{x},{y}"),
            None => name.to_owned(),
        };
        match f.source {
            Source::Report => writeln!(out, "{place}: {}[{}]: {}", f.severity, f.rule, f.message)?,
            // not the report's error: what gouji could not read, and what to do
            Source::Reading => writeln!(out, "{place}: unread[{}]: {}", f.rule, f.message)?,
        }
        writeln!(out, "  = {}", f.message_en)?;
        // one cause: the relations it breaks, each in its own words (the first few: a column
        // left unfilled stands for one relation per row; --json lists them all)
        const SHOWN: usize = 4;
        for b in f.relations.iter().take(SHOWN) {
            writeln!(out, "  = [{}] {}", b.rule, b.message)?;
        }
        if f.relations.len() > SHOWN {
            let more = f.relations.len() - SHOWN;
            writeln!(out, "  = … {more} more relations (--json lists every one)")?;
        }
        if f.source == Source::Reading {
            writeln!(out, "  = gouji could not read this (not counted as the report's error): check the original, or give the table itself (a web page's or Word's table, the PDF file)")?;
        }
        for s in &f.suspects {
            let at = match r.cells.get(&s.cell).and_then(|c| c.at) {
                Some(Pos::Text { line, col }) => format!(" (at {line}:{col})"),
                Some(Pos::Pdf { page, line, col }) => format!(" (at p{page}:{line}:{col})"),
                _ => String::new(),
            };
            // every fix of a cause needed (a column to fill), or one of several
            let what = if f.fix_all { "fill" } else { "fix" };
            writeln!(out, "  = {what}: {} → {}{at}", s.cell, s.fix)?;
        }
    }
    let how = |what: &str| {
        r.cells
            .0
            .iter()
            .filter(|(_, c)| c.read.as_deref() == Some(what))
            .count()
    };
    let (split, seen) = (how("split"), how("image"));
    if seen > 0 {
        let unsure = r
            .cells
            .0
            .iter()
            .filter(|(_, c)| c.confidence.is_some_and(|p| p < gouji::seen::SURE))
            .count();
        writeln!(
            out,
            "{name}: {seen} 格从图片识别，其中 {unsure} 格把握不大 {seen} cells read from the picture, {unsure} of them unsure"
        )?;
    }
    if split > 0 {
        writeln!(
            out,
            "{name}: 表格数字连在一起，{split} 格由勾稽关系拆分 figures ran together: {split} cells split by the tables' relations"
        )?;
    }
    let s = &r.summary;
    let verdict = if s.cells_read == 0 {
        "无法检查 unusable".to_owned()
    } else if s.errors == 0 && s.unread > 0 {
        format!(
            "未能完整检查，{} 处未能读取 not fully checked, {} not read",
            s.unread, s.unread
        )
    } else if s.errors == 0 {
        "通过 passed".to_owned()
    } else {
        format!("{} 处错误 errors", s.errors)
    };
    writeln!(
        out,
        "{name}: {verdict}; {} errors, {} warnings, {} infos, {} unread, {} cells read ({}{})",
        s.errors,
        s.warnings,
        s.infos,
        s.unread,
        s.cells_read,
        r.format,
        r.year.map(|y| format!(", {y}")).unwrap_or_default()
    )
}
