//! The command line: `gouji check [--json | --html] [--format auto|F2019|F2021] FILE...`.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 unusable input or an I/O error. Results stream
//! one file at a time, so memory does not grow with the number of files. A thin layer over the
//! core: it reads files ([`input`]), asks the core, and writes findings, JSON ([`json`]) or HTML.

pub mod args;
pub mod batch;
pub mod check;
pub mod input;
pub mod json;

use args::{Command, Output};
use gouji::model::Source;
use gouji::result::CheckResult;
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
  --json     the result object (docs/result.md), one JSON object per line per file; after them,
             what pairing found: {\"pair\": {\"file\", \"prev\"}, \"findings\": [...]}, a report
             given twice {\"same\": {\"file\", \"first\"}}, two different reports of one body
             and year {\"clash\": {\"file\", \"others\"}, \"findings\": [...]} (neither paired)
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
        Command::Check(c) => check::check(c),
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

/// Where a finding points, as a compiler says it: `FILE:LINE:COL`, `FILE:pPAGE:LINE:COL`,
/// `FILE:row R:cell C`, `FILE:pPAGE:X,Y`, or the file alone.
fn place(name: &str, at: Option<gouji::result::At>) -> String {
    use gouji::result::At;
    match at {
        Some(At::Text { line, col }) => format!("{name}:{line}:{col}"),
        Some(At::Pdf { page, line, col }) => format!("{name}:p{page}:{line}:{col}"),
        Some(At::Grid { row, cell }) => format!("{name}:row {row}:cell {cell}"),
        Some(At::Image { page, x, y, .. }) => format!("{name}:p{page}:{x},{y}"),
        None => name.to_owned(),
    }
}

/// Findings of a pair or of a batch, as a report's are written: `FILE:WHERE: severity[RULE]`.
pub(crate) fn human_findings(
    out: &mut impl Write,
    file: &str,
    found: &[gouji::result::FindingOut],
) -> io::Result<()> {
    for f in found {
        let place = place(file, f.at);
        writeln!(out, "{place}: {}[{}]: {}", f.severity, f.rule, f.message)?;
        writeln!(out, "  = {}", f.message_en)?;
    }
    Ok(())
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

/// A file's content checked in full.
/// Writes a result made in full (a file read into a grid); returns its exit code.
pub(crate) fn emit_result(
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
            if json.len() >= check::JSON_BATCH {
                out.write_all(json)?;
                json.clear();
            }
        }
        Output::Html => writeln!(out, "{}", gouji::render_html(r))?,
        Output::Human => human(out, name, r)?,
    }
    Ok(gouji::batch::Verdict::of(&r.summary).exit_code())
}

fn human(out: &mut impl Write, name: &str, r: &CheckResult) -> io::Result<()> {
    use gouji::result::At as Pos;
    for f in &r.findings {
        let place = place(name, f.at);
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
