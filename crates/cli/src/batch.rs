//! Many reports at once, the command line's part: files and folders (walked recursively, in a
//! stable order), checked on every core, results streamed in that order, a progress line on a
//! terminal, the summary table for a terminal. What a batch makes of its files — rows,
//! verdicts, pairs, the summary CSV and JSON — is the core's (`gouji::batch`), the page's too.
//!
//! Invariant: memory does not grow with the reports' sizes: a worker holds one file at a time;
//! the writer holds at most a window of finished results waiting for their turn; what is kept
//! per report to the end is its summary row and, when the batch pairs, what its own check kept
//! for a comparison (`gouji::rules::cross::Last`, a few hundred bytes): no report is read
//! twice.

use gouji::batch::{Row, Totals};
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

/// A file checked by a worker: what to write, in order.
#[derive(Default)]
pub struct Done {
    pub out: Vec<u8>,
    pub err: Option<String>,
    pub code: u8,
    /// `None` for a walked file that is no report (skipped).
    pub row: Option<Row>,
    /// What pairing needs of the report, kept from its check (when the batch pairs).
    pub last: Option<gouji::rules::cross::Last>,
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
            r.verdict.words(r.errors),
            r.errors,
            r.warnings,
            worst
        )?;
    }
    let t = Totals::of(rows, skipped);
    writeln!(
        out,
        "  合计 total: {} reports, {} with errors; {} errors, {} warnings, {} unread; {} files skipped",
        t.reports, t.with_errors, t.errors, t.warnings, t.unread, t.skipped
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
