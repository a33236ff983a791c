//! The command line: `gouji check [--json | --html] [--format auto|F2019|F2021] FILE...`.
//!
//! Exit codes: 0 no errors, 1 errors found, 2 unusable input or an I/O error. Results stream
//! one file at a time, so memory does not grow with the number of files.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command line is native only; on wasm32 the crate is the library.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use gouji::result::{CheckResult, Summary};
    use gouji::{FormatId, Options};
    use std::borrow::Cow;
    use std::io::{self, BufWriter, Read, Write};
    use std::process::ExitCode;

    const USAGE: &str = "\
gouji — checks the figures of a 政府信息公开工作年度报告

Usage:
  gouji check [--json | --html] [--format auto|F2019|F2021] FILE...
  gouji --version

FILE may be - for standard input. Text must be UTF-8 (or UTF-16 with a BOM).

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
        while let Some(a) = it.next() {
            match a.as_str() {
                "--json" => output = Output::Json,
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
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let mut worst = 0u8;
        // reused from file to file: the batch allocates no new buffer per report
        let (mut bytes, mut json) = (Vec::new(), Vec::new());
        for name in files {
            let code = match read_input(name, &mut bytes) {
                Ok(text) => emit(&mut out, &mut json, name, &text, &options, output)
                    .map_err(|e| e.to_string())?,
                Err(msg) => {
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

    /// How much JSON output gathers before it is written: half a pipe's buffer (a reader at
    /// the other end keeps pace; 64 KB writes stall on a full pipe and measured slower).
    const JSON_BATCH: usize = 32 * 1024;

    fn parse_format(v: &str) -> Result<Option<FormatId>, String> {
        match v {
            "auto" => Ok(None),
            "F2019" | "f2019" | "2019" => Ok(Some(FormatId::F2019)),
            "F2021" | "f2021" | "2021" => Ok(Some(FormatId::F2021)),
            _ => Err(format!("unknown format “{v}”: use auto, F2019 or F2021")),
        }
    }

    fn read_input<'b>(name: &str, bytes: &'b mut Vec<u8>) -> Result<Cow<'b, str>, String> {
        let n = if name == "-" {
            read_all(&mut io::stdin(), bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?
        } else {
            std::fs::File::open(name)
                .and_then(|mut f| read_all(&mut f, bytes))
                .map_err(|e| format!("cannot read: {e}"))?
        };
        decode(&bytes[..n])
    }

    /// Reads to the end into `buf` (kept initialised and only ever grown, so a batch reads
    /// each file with one `read` and one more to see its end); returns the length read.
    fn read_all(from: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<usize> {
        let mut n = 0;
        loop {
            if n == buf.len() {
                buf.resize((buf.len() * 2).max(1 << 16), 0);
            }
            match from.read(&mut buf[n..]) {
                Ok(0) => return Ok(n),
                Ok(k) => n += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused, not guessed.
    fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
        let utf16 = |b: &[u8], le: bool| {
            let units: Vec<u16> = b
                .chunks_exact(2)
                .map(|c| {
                    if le {
                        u16::from_le_bytes([c[0], c[1]])
                    } else {
                        u16::from_be_bytes([c[0], c[1]])
                    }
                })
                .collect();
            String::from_utf16(&units)
                .map(Cow::Owned)
                .map_err(|_| "invalid UTF-16 text".to_owned())
        };
        let utf8 = |b| {
            simdutf8::basic::from_utf8(b)
                .map(Cow::Borrowed)
                .map_err(|_| not_utf8(b))
        };
        match bytes {
            [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
            [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
            [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
            _ => utf8(bytes),
        }
    }

    fn not_utf8(bytes: &[u8]) -> String {
        let at = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let binary = bytes.iter().take(4096).any(|&b| b == 0);
        if binary {
            format!("not a text file (binary data at byte {at})")
        } else {
            format!("not UTF-8 text (invalid byte at offset {at}); a GBK/GB18030 file can be converted with `iconv -f GB18030 -t UTF-8`")
        }
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

    /// Checks one text and writes its result; returns its exit code.
    fn emit(
        out: &mut impl Write,
        json: &mut Vec<u8>,
        name: &str,
        text: &str,
        options: &Options,
        output: Output,
    ) -> io::Result<u8> {
        let summary = match output {
            Output::Json => {
                // written straight from the check, without building the result; results
                // gather in `json` and go out a few at a time (one write per report costs as
                // much as writing its JSON)
                let summary = gouji::check_json(text, options, json)?;
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

    fn human(out: &mut impl Write, name: &str, r: &CheckResult) -> io::Result<()> {
        use gouji::result::At as Pos;
        for f in &r.findings {
            let place = match f.at {
                Some(Pos::Text { line, col }) => format!("{name}:{line}:{col}"),
                Some(Pos::Grid { row, cell }) => format!("{name}:row {row}:cell {cell}"),
                None => name.to_owned(),
            };
            writeln!(out, "{place}: {}[{}]: {}", f.severity, f.rule, f.message)?;
            writeln!(out, "  = {}", f.message_en)?;
            for s in &f.suspects {
                let at = match r.cells.get(&s.cell).and_then(|c| c.at) {
                    Some(Pos::Text { line, col }) => format!(" (at {line}:{col})"),
                    _ => String::new(),
                };
                writeln!(out, "  = fix: {} → {}{at}", s.cell, s.fix)?;
            }
        }
        let s = &r.summary;
        let verdict = if s.cells_read == 0 {
            "无法检查 unusable".to_owned()
        } else if s.errors == 0 {
            "通过 passed".to_owned()
        } else {
            format!("{} 处错误 errors", s.errors)
        };
        writeln!(
            out,
            "{name}: {verdict}; {} errors, {} warnings, {} infos, {} cells read ({}{})",
            s.errors,
            s.warnings,
            s.infos,
            s.cells_read,
            r.format,
            r.year.map(|y| format!(", {y}")).unwrap_or_default()
        )
    }
}
