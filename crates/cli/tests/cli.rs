//! The command line: output formats, streaming, exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixture_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel)
}

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(fixture_path(rel)).unwrap_or_else(|e| panic!("fixture {rel}: {e}"))
}

fn run(text: &str) -> gouji::result::CheckResult {
    gouji_testkit::invariants::assert_check_json(text, &gouji::Options::default());
    gouji::check(text, &gouji::Options::default())
}

fn gouji(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gouji"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("gouji runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn sample(name: &str) -> String {
    fixture_path(&format!("samples/{name}.txt"))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn human_output_reads_like_a_compiler() {
    let out = gouji(&["check", &sample("hongze-2023")], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("hongze-2023.txt:149:23: error[P4-SUM]: 行政复议：结果维持10"),
        "{text}"
    );
    assert!(text.contains("= fix: p4.review.total → 11"), "{text}");
    assert!(
        text.contains("= fix: p4.suit_after_review.upheld → 0"),
        "{text}"
    );
}

#[test]
fn exit_codes() {
    assert_eq!(
        gouji(&["check", &sample("huaian-2024")], None)
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        gouji(&["check", &sample("hongze-2023")], None)
            .status
            .code(),
        Some(1)
    );
    assert_eq!(gouji(&["check", "-"], Some("")).status.code(), Some(2));
    assert_eq!(
        gouji(&["check", "/nonexistent/report.txt"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        gouji(&["check", "--bogus", "x"], None).status.code(),
        Some(2)
    );
    assert_eq!(gouji(&["check"], None).status.code(), Some(2));
    assert_eq!(
        gouji(&["check", "--format", "F1999", "x"], None)
            .status
            .code(),
        Some(2)
    );
    // the worst of several files
    assert_eq!(
        gouji(
            &["check", &sample("huaian-2024"), &sample("hongze-2023")],
            None
        )
        .status
        .code(),
        Some(1)
    );
}

#[test]
fn json_is_the_result_object_one_line_per_file() {
    let out = gouji(
        &[
            "check",
            "--json",
            &sample("guidong-2020"),
            &sample("hongze-2023"),
            &sample("huaian-2024"),
        ],
        None,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    for (line, name) in lines
        .iter()
        .zip(["guidong-2020", "hongze-2023", "huaian-2024"])
    {
        let native = serde_json::to_string(&run(&fixture(&format!("samples/{name}.txt")))).unwrap();
        assert_eq!(*line, native, "{name}");
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "schema", "format", "year", "title", "input", "cells", "findings", "summary",
        ] {
            assert!(v.get(key).is_some(), "{name}: key {key}");
        }
    }
}

#[test]
fn stdin_and_html() {
    let out = gouji(
        &["check", "--html", "-"],
        Some(&fixture("samples/hongze-2023.txt")),
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("id=\"gouji-cell-p4.review.total\""));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn text_in_gbk_or_utf16_is_read_and_other_bytes_refused_with_a_reason() {
    let dir = std::env::temp_dir().join(format!("gouji-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // a report saved as GBK (as Windows' Notepad and many CMSs still do): read, not refused
    let gbk = dir.join("gbk.txt");
    let text = fixture("samples/hongze-2023.txt");
    let (bytes, _, lossy) = encoding_rs::GBK.encode(&text);
    assert!(!lossy);
    std::fs::write(&gbk, &bytes).unwrap();
    let out = gouji(&["check", "--json", gbk.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: gouji::result::CheckResult = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r, run(&text));
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, [b'a', 0xFF, 0xFF, 0x81, b'b']).unwrap();
    let out = gouji(&["check", bad.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither UTF-8 nor GBK"));
    let utf16 = dir.join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for u in fixture("samples/huaian-2024.txt").encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    assert_eq!(
        gouji(&["check", utf16.to_str().unwrap()], None)
            .status
            .code(),
        Some(0)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn files_are_told_by_their_bytes_not_their_names() {
    let dir = std::env::temp_dir().join(format!("gouji-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // the filled Word template, under a name that says nothing
    let docx = dir.join("report");
    std::fs::copy(fixture_path("files/huaian-2024.docx"), &docx).unwrap();
    let out = gouji(&["check", "--json", docx.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: gouji::result::CheckResult = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((r.input.as_str(), r.summary.cells_read), ("docx", 200));
    // a saved page, read as the page reads it
    let page = fixture_path("html/gov-page.html");
    let out = gouji(&["check", "--json", page.to_str().unwrap()], None);
    let r: gouji::result::CheckResult = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((r.input.as_str(), r.summary.cells_read), ("html", 200));
    let word = fixture_path("html/word-table.html");
    let human = gouji(&["check", word.to_str().unwrap()], None);
    assert_eq!(human.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&human.stdout).contains("word-table.html:row "));
    // an old Word file: refused with what to do, and the next file still checked
    let doc = dir.join("report.docx");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    std::fs::write(&doc, ole).unwrap();
    let out = gouji(
        &["check", doc.to_str().unwrap(), docx.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("report.docx: error: this is an old Word (.doc) or WPS (.wps) file"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("通过 passed"));
    // what gouji read, as text
    let out = gouji(&["read", docx.to_str().unwrap()], None);
    let read = String::from_utf8_lossy(&out.stdout);
    assert!(
        read.lines()
            .any(|l| l.starts_with("一、本年新收政府信息公开申请数量\t")
                && l.ends_with("\t3001\t53\t0\t0\t61\t4\t3119")),
        "{read}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn prev_compares_each_file_with_last_years_report() {
    let last = fixture_path("prev/huaian-2023-carry.txt");
    let this = fixture_path("samples/huaian-2024.txt");
    let out = gouji(
        &[
            "check",
            "--json",
            "--prev",
            last.to_str().unwrap(),
            this.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: gouji::result::CheckResult = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.prev.as_ref().and_then(|p| p.year), Some(2023));
    let carry: Vec<_> = r.findings.iter().filter(|f| f.rule == "X-CARRY").collect();
    assert_eq!(carry.len(), 2);
    assert_eq!(carry[0].prev_cells, ["p3.carried_out.natural"]);
    let human = gouji(
        &[
            "check",
            "--prev",
            last.to_str().unwrap(),
            this.to_str().unwrap(),
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&human.stdout).contains("error[X-CARRY]"));
    // last year's file unreadable: said, with the option named
    let out = gouji(
        &[
            "check",
            "--prev",
            "/nonexistent/last.pdf",
            this.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("(--prev)"));
}

#[test]
fn a_folder_tree_is_walked_checked_in_order_paired_and_summarised() {
    let root = std::env::temp_dir().join(format!("gouji-tree-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for d in ["淮安/2023", "淮安/2024", "洪泽", "misc/.hidden"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    let copy = |from: &str, to: &str| std::fs::copy(fixture_path(from), root.join(to)).unwrap();
    copy("prev/huaian-2023-carry.txt", "淮安/2023/report.txt");
    copy("files/huaian-2024.pdf", "淮安/2024/report.pdf");
    copy("files/hongze-2023.pdf", "洪泽/2023.pdf");
    std::fs::write(root.join("misc/scan.png"), b"\x89PNG\r\n\x1a\n0000").unwrap();
    std::fs::write(root.join("misc/README.md"), "notes, not a report").unwrap();
    std::fs::write(root.join("misc/.hidden/x.txt"), "hidden").unwrap();
    let pdf = std::fs::read(fixture_path("files/hongze-2023.pdf")).unwrap();
    std::fs::write(root.join("misc/cut.pdf"), &pdf[..5000]).unwrap();
    let csv = root.join("summary.csv");
    let json = root.join("summary.json");
    let dir = root.to_str().unwrap();
    let out = gouji(
        &[
            "check",
            "--json",
            "--jobs",
            "2",
            "--summary-csv",
            csv.to_str().unwrap(),
            "--summary-json",
            json.to_str().unwrap(),
            dir,
        ],
        None,
    );
    // the worst of the batch: the damaged PDF
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("scan.png: skipped") && stderr.contains("README.md: skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("cut.pdf: error: the PDF file is damaged"),
        "{stderr}"
    );
    assert!(!stderr.contains("hidden"));
    // one result per report, in the tree's order, then the pair found
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let titles: Vec<&str> = lines.iter().filter_map(|l| l["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "洪泽区人民政府2023年政府信息公开工作年度报告",
            "淮安市人民政府2023年政府信息公开工作年度报告",
            "淮安市人民政府2024年政府信息公开工作年度报告"
        ]
    );
    let pair = lines.last().unwrap();
    assert!(pair["pair"]["file"]
        .as_str()
        .unwrap()
        .ends_with("淮安/2024/report.pdf"));
    assert!(pair["pair"]["prev"]
        .as_str()
        .unwrap()
        .ends_with("淮安/2023/report.txt"));
    assert_eq!(pair["findings"].as_array().unwrap().len(), 2);
    // the summary: a BOM, a header naming the file and error columns, a row per report, totals
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}文件 file,"), "{text}");
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].contains("错误 errors"));
    assert_eq!(rows.len(), 1 + 4 + 1, "{text}");
    assert!(
        rows.iter()
            .any(|r| r.contains("淮安/2024/report.pdf,淮安市,2024,F2021,2 处错误 errors,2,")),
        "{text}"
    );
    assert!(rows
        .last()
        .unwrap()
        .starts_with("合计 total (4 reports; 2 skipped)"));
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(s["totals"]["reports"], 4);
    assert_eq!(s["totals"]["errors"], 4);
    // the same batch on one worker: the same output, byte for byte
    let one = gouji(&["check", "--json", "--jobs", "1", dir], None);
    assert_eq!(one.stdout, out.stdout);
    std::fs::remove_dir_all(&root).ok();
}

/// A file name that is not UTF-8 — a GBK name, as a Windows zip unpacks on Linux — is a file
/// like any other: named on the command line or met in a folder, it is read and checked (it
/// once panicked, and was "cannot read" in a folder), its name shown lossily.
#[cfg(unix)]
#[test]
fn a_file_name_in_gbk_is_read_named_or_walked() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("gouji-gbk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // 「年报.txt」 in GBK
    let name = std::ffi::OsStr::from_bytes(&[0xC4, 0xEA, 0xB1, 0xA8, b'.', b't', b'x', b't']);
    let file = dir.join(name);
    std::fs::write(&file, fixture("samples/hongze-2023.txt")).unwrap();
    for arg in [file.as_os_str(), dir.as_os_str()] {
        let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
            .arg("check")
            .arg(arg)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("2 处错误"), "{stdout}");
        assert!(stdout.contains(".txt"), "the name shown: {stdout}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// One report given twice (the official PDF and the same report as text) pairs once, and is
/// said to be one report; two different reports of one body and year pair with nothing, and
/// each is told of the other (issue 21: duplicates once paired arbitrarily).
#[test]
fn a_report_given_twice_pairs_once_and_two_different_ones_of_a_year_not_at_all() {
    let root = std::env::temp_dir().join(format!("gouji-dups-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("a")).unwrap();
    let copy = |from: &str, to: &str| std::fs::copy(fixture_path(from), root.join(to)).unwrap();
    copy("prev/huaian-2023-carry.txt", "a/2023.txt");
    copy("files/huaian-2024.pdf", "a/2024.pdf");
    copy("samples/huaian-2024.txt", "a/2024.txt");
    let dir = root.join("a");
    let lines = |out: &std::process::Output| -> Vec<serde_json::Value> {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let out = gouji(&["check", "--json", dir.to_str().unwrap()], None);
    let notes: Vec<_> = lines(&out)
        .into_iter()
        .filter(|l| l.get("title").is_none())
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0]["pair"]["file"]
        .as_str()
        .unwrap()
        .ends_with("2024.pdf"));
    assert!(notes[0]["pair"]["prev"]
        .as_str()
        .unwrap()
        .ends_with("2023.txt"));
    assert!(notes[1]["same"]["file"]
        .as_str()
        .unwrap()
        .ends_with("2024.txt"));
    assert!(notes[1]["same"]["first"]
        .as_str()
        .unwrap()
        .ends_with("2024.pdf"));
    // now two different reports of 2023: neither pairs, both are told
    copy("prev/huaian-2023.txt", "a/2023-draft.txt");
    let csv = root.join("s.csv");
    let out = gouji(
        &[
            "check",
            "--json",
            "--summary-csv",
            csv.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
        None,
    );
    let notes: Vec<_> = lines(&out)
        .into_iter()
        .filter(|l| l.get("title").is_none())
        .collect();
    assert!(notes.iter().all(|n| n.get("pair").is_none()), "{notes:?}");
    let clashes: Vec<_> = notes.iter().filter(|n| n.get("clash").is_some()).collect();
    assert_eq!(clashes.len(), 2, "{notes:?}");
    assert_eq!(clashes[0]["findings"][0]["rule"], "X-MATCH");
    let text = std::fs::read_to_string(&csv).unwrap();
    // the clash counted as a warning of each (their own two, and this)
    assert!(
        text.lines()
            .any(|l| l.contains("2023-draft.txt") && l.contains(",通过 passed,0,3,0,")),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&root);
}
