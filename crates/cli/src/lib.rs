//! The command line: `gouji check [--json | --html] [--format auto|F2019|F2021] FILE...`.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 unusable input or an I/O error. Results stream
//! one file at a time, so memory does not grow with the number of files. A thin layer over the
//! core: it reads files ([`input`]), asks the core, and writes findings, JSON ([`json`]) or HTML.

pub mod input;
pub mod json;

use gouji::model::Source;
use gouji::result::{CheckResult, Summary};
use gouji::{FormatId, Options};
use gouji_files::Content;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str = "\
gouji — checks the figures of a 政府信息公开工作年度报告

Usage:
  gouji check [--json | --html] [--format auto|F2019|F2021] [--prev LAST] FILE...
  gouji read FILE...     what gouji reads from each file, as text (tables as tab-separated rows)
  gouji --version

FILE may be - for standard input. Files are told by their bytes, not their names: a Word
.docx, a saved web page (HTML), or text (UTF-8, UTF-16 with a BOM, or GBK). An old .doc/.wps,
an image or another archive is refused with what to do.

--prev LAST compares each FILE with last year's report LAST (any kind of file): this year's
上年结转 against last year's 结转下年度 (X-CARRY), part 二's running counts (X-PREV), sentences
copied from last year (X-TEXT); a pair of different bodies or years is said, not compared.

Output:
  (default)  one line per finding, like a compiler: FILE:LINE:COL: error[RULE]: message
  --json     the result object (RESULT.md), one JSON object per line per file
  --html     the annotated tables as an HTML fragment

Exit status: 0 no errors, 1 errors found, 2 unusable input or I/O error.
";

#[derive(Clone, Copy, PartialEq)]
enum Output {
    Human,
    Json,
    Html,
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("gouji: {msg}");
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("check") => {}
        Some("read") => return read_command(it.as_slice()),
        Some("--version" | "-V") => {
            println!("gouji {}", gouji::VERSION);
            return Ok(0);
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            return Ok(0);
        }
        Some(other) => return Err(format!("unknown command “{other}”")),
        None => return Err("no command given".to_owned()),
    }
    let mut output = Output::Human;
    let mut options = Options::default();
    let mut files: Vec<&str> = Vec::new();
    let mut prev_file: Option<&str> = None;
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => output = Output::Json,
            "--prev" => {
                prev_file = Some(
                    it.next()
                        .ok_or("--prev needs last year's report: --prev LAST THIS")?,
                );
            }
            s if s.starts_with("--prev=") => prev_file = Some(&s["--prev=".len()..]),
            "--html" => output = Output::Html,
            "--format" => {
                let v = it
                    .next()
                    .ok_or("--format needs a value: auto, F2019 or F2021")?;
                options.format = parse_format(v)?;
            }
            s if s.starts_with("--format=") => {
                options.format = parse_format(&s["--format=".len()..])?
            }
            "-" => files.push("-"),
            s if s.starts_with('-') => return Err(format!("unknown option “{s}”")),
            s => files.push(s),
        }
    }
    if files.is_empty() {
        return Err("no FILE given (use - for standard input)".to_owned());
    }
    // last year's report, checked once, beside each report checked
    let prev = match prev_file {
        Some(p) => {
            let mut bytes = Vec::new();
            let content = input::read_bytes(p, &mut bytes)
                .and_then(|n| input::content(&bytes[..n]))
                .map_err(|e| format!("{p} (--prev): {e}"))?;
            Some(checked(&content, &options))
        }
        None => None,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut worst = 0u8;
    // reused from file to file: the batch allocates no new buffer per report
    let (mut bytes, mut json) = (Vec::new(), Vec::new());
    for name in files {
        let read = input::read_bytes(name, &mut bytes).and_then(|n| input::content(&bytes[..n]));
        let code = match (read, &prev) {
            (Ok(content), Some((last, last_text))) => {
                let (mut r, text) = checked(&content, &options);
                gouji::compare(&mut r, &text, last, last_text);
                emit_result(&mut out, &mut json, name, &r, output).map_err(|e| e.to_string())?
            }
            (Ok(content), None) => emit(&mut out, &mut json, name, &content, &options, output)
                .map_err(|e| e.to_string())?,
            (Err(msg), _) => {
                out.write_all(&json).map_err(|e| e.to_string())?;
                json.clear();
                out.flush().ok();
                eprintln!("{name}: error: {msg}");
                2
            }
        };
        worst = worst.max(code);
    }
    out.write_all(&json).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(worst)
}

/// `gouji read FILE...`: what gouji reads from each file, as text (a grid's rows with tabs),
/// for a user to see what a PDF or a Word file gave before it is checked.
fn read_command(files: &[String]) -> Result<u8, String> {
    if files.is_empty() {
        return Err("no FILE given (use - for standard input)".to_owned());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bytes = Vec::new();
    let mut worst = 0;
    for name in files {
        let read = input::read_bytes(name, &mut bytes).and_then(|n| input::content(&bytes[..n]));
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

fn parse_format(v: &str) -> Result<Option<FormatId>, String> {
    FormatId::parse_choice(v).map_err(|e| e.to_string())
}

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

/// A file's content checked in full, and its text as read (for the sentences a cross-year
/// comparison looks at).
fn checked(content: &Content, options: &Options) -> (CheckResult, String) {
    match content {
        Content::Text(text) => (gouji::check(text, options), text.to_string()),
        Content::Pdf { pages } => (gouji::check_pdf(pages, options), pages.concat()),
        Content::Grid { rows, input, .. } => {
            let mut r = gouji::check_grid(rows, options);
            r.input = *input;
            let text: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
            (r, text.join("\n"))
        }
    }
}

/// Checks one file's content and writes its result; returns its exit code.
fn emit(
    out: &mut impl Write,
    json: &mut Vec<u8>,
    name: &str,
    content: &Content,
    options: &Options,
    output: Output,
) -> io::Result<u8> {
    let text = match content {
        Content::Text(text) => text,
        Content::Pdf { pages } => {
            let r = gouji::check_pdf(pages, options);
            return emit_result(out, json, name, &r, output);
        }
        Content::Grid { rows, input, .. } => {
            let mut r = gouji::check_grid(rows, options);
            r.input = *input;
            return emit_result(out, json, name, &r, output);
        }
    };
    let summary = match output {
        Output::Json => {
            // written straight from the check, without building the result; results
            // gather in `json` and go out a few at a time (one write per report costs as
            // much as writing its JSON)
            let summary = json::check_json(text, options, json)?;
            json.push(b'\n');
            if json.len() >= JSON_BATCH {
                out.write_all(json)?;
                json.clear();
            }
            summary
        }
        Output::Html => {
            let r = gouji::check(text, options);
            writeln!(out, "{}", gouji::render_html(&r))?;
            r.summary
        }
        Output::Human => {
            let r = gouji::check(text, options);
            human(out, name, &r)?;
            r.summary
        }
    };
    Ok(exit_code(&summary))
}

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
            None => name.to_owned(),
        };
        match f.source {
            Source::Report => writeln!(out, "{place}: {}[{}]: {}", f.severity, f.rule, f.message)?,
            // not the report's error: what gouji could not read, and what to do
            Source::Reading => writeln!(out, "{place}: unread[{}]: {}", f.rule, f.message)?,
        }
        writeln!(out, "  = {}", f.message_en)?;
        // one wrong cell: the relations it breaks, each in its own words
        for b in &f.relations {
            writeln!(out, "  = [{}] {}", b.rule, b.message)?;
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
            writeln!(out, "  = fix: {} → {}{at}", s.cell, s.fix)?;
        }
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
