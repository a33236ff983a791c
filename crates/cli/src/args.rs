//! The command line's arguments, over `lexopt`: options in UTF-8 (`--jobs 4`, `--jobs=4`,
//! `-j4`), file names as the OS gives them (`OsString`, shown lossily only when printed: a GBK
//! name from a Windows zip unpacked on Linux is a file like any other), `--` before names that
//! start with a dash.

use gouji::FormatId;
use lexopt::prelude::*;
use std::ffi::OsString;
use std::path::PathBuf;

/// What the command line was asked.
#[derive(Debug)]
pub enum Command {
    Check(Check),
    /// `gouji read FILE…`: what gouji reads from each file.
    Read(Vec<OsString>),
    Version,
    Help,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Output {
    Human,
    Json,
    Html,
}

/// `gouji check`'s options and files.
#[derive(Debug)]
pub struct Check {
    pub output: Output,
    pub format: Option<FormatId>,
    pub files: Vec<OsString>,
    pub prev: Option<OsString>,
    pub summary_csv: Option<PathBuf>,
    pub summary_json: Option<PathBuf>,
    /// Every cell of every report as rows of a CSV file.
    pub cells_csv: Option<PathBuf>,
    pub jobs: usize,
}

/// Reads the arguments (without the program's name); the error says what was wrong.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut p = lexopt::Parser::from_args(args);
    let command = match p.next().map_err(|e| e.to_string())? {
        Some(Value(c)) => c.string().map_err(|e| e.to_string())?,
        Some(Long("version") | Short('V')) => return Ok(Command::Version),
        Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(other) => return Err(format!("unknown option “{}”", shown(&other))),
        None => return Err("no command given".to_owned()),
    };
    match command.as_str() {
        "check" => check(&mut p).map(Command::Check),
        "read" => {
            let mut files = Vec::new();
            while let Some(a) = p.next().map_err(|e| e.to_string())? {
                match a {
                    Value(f) => files.push(f),
                    other => return Err(format!("unknown option “{}” of read", shown(&other))),
                }
            }
            Ok(Command::Read(files))
        }
        "help" => Ok(Command::Help),
        other => Err(format!("unknown command “{other}”")),
    }
}

fn check(p: &mut lexopt::Parser) -> Result<Check, String> {
    let mut c = Check {
        output: Output::Human,
        format: None,
        files: Vec::new(),
        prev: None,
        summary_csv: None,
        summary_json: None,
        cells_csv: None,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let text = |p: &mut lexopt::Parser, what: &str| -> Result<String, String> {
        p.value()
            .map_err(|_| what.to_owned())?
            .into_string()
            .map_err(|v| format!("{what}, not “{}”", v.to_string_lossy()))
    };
    while let Some(a) = p.next().map_err(|e| e.to_string())? {
        match a {
            Long("json") => c.output = Output::Json,
            Long("html") => c.output = Output::Html,
            Long("format") => {
                let v = text(p, "--format needs a value: auto, F2019 or F2021")?;
                c.format = FormatId::parse_choice(&v).map_err(|e| e.to_string())?;
            }
            Long("prev") => {
                let v = p.value();
                c.prev = Some(v.map_err(|_| "--prev needs last year's report: --prev LAST THIS")?);
            }
            Long("summary-csv") => {
                let v = p
                    .value()
                    .map_err(|_| "--summary-csv needs a FILE to write")?;
                c.summary_csv = Some(v.into());
            }
            Long("summary-json") => {
                let v = p
                    .value()
                    .map_err(|_| "--summary-json needs a FILE to write")?;
                c.summary_json = Some(v.into());
            }
            Long("cells-csv") => {
                let v = p.value().map_err(|_| "--cells-csv needs a FILE to write")?;
                c.cells_csv = Some(v.into());
            }
            Long("jobs") | Short('j') => {
                let v = text(p, "--jobs needs a number of workers")?;
                c.jobs = v.parse().ok().filter(|&n: &usize| n >= 1).ok_or_else(|| {
                    format!("--jobs takes a number of workers (1 or more), not “{v}”")
                })?;
            }
            Value(f) => c.files.push(f),
            other => return Err(format!("unknown option “{}”", shown(&other))),
        }
    }
    if c.files.is_empty() {
        return Err("no FILE given (use - for standard input)".to_owned());
    }
    Ok(c)
}

/// An argument as the user typed it, for a message.
fn shown(a: &lexopt::Arg) -> String {
    match a {
        Short(c) => format!("-{c}"),
        Long(l) => format!("--{l}"),
        Value(v) => v.to_string_lossy().into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn options_take_their_values_either_way_and_dash_dash_ends_them() {
        let Command::Check(c) = parse(args(&[
            "check", "--jobs=3", "--format", "2019", "-j", "2", "a.txt", "--", "-b.txt",
        ]))
        .unwrap() else {
            panic!("check");
        };
        assert_eq!((c.jobs, c.format), (2, Some(FormatId::F2019)));
        assert_eq!(c.files, args(&["a.txt", "-b.txt"]));
        assert!(parse(args(&["check", "--jobs=0", "a"]))
            .unwrap_err()
            .contains("not “0”"));
        assert!(parse(args(&["check", "--bogus", "a"]))
            .unwrap_err()
            .contains("--bogus"));
        assert!(parse(args(&["check"])).unwrap_err().contains("no FILE"));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_is_a_file_name() {
        use std::os::unix::ffi::OsStringExt;
        // 「年报」 in GBK, as a Windows zip unpacks it on Linux
        let gbk = OsString::from_vec(vec![0xC4, 0xEA, 0xB1, 0xA8, b'.', b't', b'x', b't']);
        let Command::Check(c) = parse(vec![OsString::from("check"), gbk.clone()]).unwrap() else {
            panic!("check");
        };
        assert_eq!(c.files, vec![gbk]);
    }
}
