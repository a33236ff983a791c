//! The file readers on real files and hostile ones: the filled Word template reads as the text
//! sample of the same report; what cannot be read is refused with what to do, never a panic.

use gouji_files::{read, sniff, Content, Kind, Limits};
use std::path::PathBuf;

fn fixture(rel: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn grid(bytes: &[u8]) -> (Vec<Vec<String>>, gouji::model::Input, usize) {
    match read(bytes, &Limits::default()).expect("read") {
        Content::Grid {
            rows,
            input,
            tables,
        } => (rows, input, tables),
        other => panic!("read as {other:?}"),
    }
}

#[test]
fn the_filled_word_template_reads_as_the_text_sample() {
    let bytes = fixture("files/huaian-2024.docx");
    assert_eq!(sniff(&bytes), Kind::Docx);
    let (rows, input, tables) = grid(&bytes);
    assert_eq!((input.as_str(), tables), ("docx", 3));
    let r = gouji::check_grid(&rows, &gouji::Options::default());
    let text = String::from_utf8(fixture("samples/huaian-2024.txt")).unwrap();
    let t = gouji::check(&text, &gouji::Options::default());
    assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.summary.cells_read, t.summary.cells_read);
    for (id, c) in &t.cells.0 {
        let d = r.cells.get(id).unwrap_or_else(|| panic!("{id} not read"));
        assert_eq!(d.value, c.value, "{id}");
    }
    assert_eq!(
        r.title.as_deref(),
        Some("淮安市人民政府2024年政府信息公开工作年度报告")
    );
    assert_eq!(r.year, Some(2024));
}

#[test]
fn saved_pages_read_as_the_browser_reads_them() {
    for (name, cells) in [
        ("gov-page", 200),
        ("colspan-values", 200),
        ("word-table", 176),
    ] {
        let bytes = fixture(&format!("html/{name}.html"));
        assert_eq!(sniff(&bytes), Kind::Html, "{name}");
        let (rows, input, _) = grid(&bytes);
        assert_eq!(input.as_str(), "html");
        let r = gouji::check_grid(&rows, &gouji::Options::default());
        assert_eq!(r.summary.cells_read, cells, "{name}: {:?}", r.findings);
    }
    // the edge cases, as Chromium's DOMParser reads them (the DOM test compares the two)
    let (rows, _, _) = grid(&fixture("html/markup-edge-cases.html"));
    let lines: Vec<String> = rows.iter().map(|r| r.join("|")).collect();
    assert_eq!(
        lines,
        [
            "标题一",
            "段落二 &<x> 五六 &unknown; ©",
            "一",
            "二",
            "嵌套",
            "列表",
            "表中的字",
            "表格标题",
            "行政复议|结果|结果",
            "行政复议|1|2",
            "x y|段 落",
            "内 外|3",
            "4|5|6",
            "脚|注",
            "尾巴ABC",
            "术语",
            "解释",
            "<td>不是单元格</td>",
            "预 排",
            "无行的单元格|二",
        ]
    );
}

fn refused(bytes: &[u8], limits: &Limits) -> gouji_files::FileError {
    match read(bytes, limits) {
        Err(e) => e,
        Ok(c) => panic!("read: {c:?}"),
    }
}

#[test]
fn an_old_word_file_an_image_and_other_archives_are_refused_with_what_to_do() {
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.resize(4096, 0);
    assert_eq!(sniff(&doc), Kind::Ole);
    assert!(refused(&doc, &Limits::default())
        .zh
        .contains("另存为 .docx"));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    assert!(refused(&png, &Limits::default()).zh.contains("图片"));
    let zip = zip_of(&[("xl/workbook.xml", b"<x/>".as_slice())], false);
    assert_eq!(sniff(&zip), Kind::Zip);
    assert!(refused(&zip, &Limits::default())
        .zh
        .contains("不是 Word 文档"));
    let binary = [0u8, 1, 2, 3, 0, 0, 0, 255];
    assert_eq!(sniff(&binary), Kind::Binary);
}

#[test]
fn a_truncated_word_file_is_damaged_not_a_panic() {
    let bytes = fixture("files/huaian-2024.docx");
    for cut in [10, 100, bytes.len() / 2, bytes.len() - 30, bytes.len() - 1] {
        let e = refused(&bytes[..cut], &Limits::default());
        assert!(
            e.zh.contains("损坏或不完整") || e.zh.contains("不是"),
            "{cut}: {e:?}"
        );
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    // a document.xml of 4 MB of one byte, deflated to a few KB, over a limit of 1 MB (the
    // default is 64 MB: the same code, a test 16 times slower)
    let limits = Limits {
        inflated: 1 << 20,
        ..Limits::default()
    };
    let big = vec![b' '; 4 << 20];
    let bomb = zip_of(&[("word/document.xml", big.as_slice())], true);
    assert!(bomb.len() < 64 << 10, "{} bytes", bomb.len());
    let e = refused(&bomb, &limits);
    assert!(e.en.contains("unpacks to"), "{e:?}");
    // a bomb that lies about its size in the directory is stopped while inflating
    let liar = lie_about_size(zip_of(&[("word/document.xml", big.as_slice())], true));
    let e = refused(&liar, &limits);
    assert!(e.en.contains("zip bomb"), "{e:?}");
    // and an archive listing more members than are ever read
    let names: Vec<String> = (0..20)
        .map(|i| format!("word/m{i}.xml"))
        .chain(["word/document.xml".into()])
        .collect();
    let many: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"".as_slice())).collect();
    let limits = Limits {
        zip_entries: 10,
        ..Limits::default()
    };
    assert!(refused(&zip_of(&many, false), &limits)
        .en
        .contains("members"));
}

/// A zip of `members` (stored, or deflated), as a packer writes it.
fn zip_of(members: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut dir = Vec::new();
    for (name, data) in members {
        let packed = if deflate {
            miniz_oxide::deflate::compress_to_vec(data, 6)
        } else {
            data.to_vec()
        };
        let method: u16 = if deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let head = |sig: &[u8], out: &mut Vec<u8>| {
            out.extend_from_slice(sig);
        };
        head(b"PK\x03\x04", &mut out);
        out.extend_from_slice(&[20, 0, 0, 0]);
        out.extend_from_slice(&method.to_le_bytes());
        out.extend_from_slice(&[0; 8]); // time, date, crc
        out.extend_from_slice(&(packed.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        dir.extend_from_slice(b"PK\x01\x02");
        dir.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
        dir.extend_from_slice(&method.to_le_bytes());
        dir.extend_from_slice(&[0; 8]);
        dir.extend_from_slice(&(packed.len() as u32).to_le_bytes());
        dir.extend_from_slice(&(data.len() as u32).to_le_bytes());
        dir.extend_from_slice(&(name.len() as u16).to_le_bytes());
        dir.extend_from_slice(&[0; 12]);
        dir.extend_from_slice(&offset.to_le_bytes());
        dir.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&dir);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(members.len() as u16).to_le_bytes());
    out.extend_from_slice(&(members.len() as u16).to_le_bytes());
    out.extend_from_slice(&(dir.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// The zip with every member's stated size made small (in the directory, which is read).
fn lie_about_size(mut zip: Vec<u8>) -> Vec<u8> {
    let mut i = 0;
    while let Some(k) = zip[i..].windows(4).position(|w| w == b"PK\x01\x02") {
        let at = i + k;
        zip[at + 24..at + 28].copy_from_slice(&1000u32.to_le_bytes());
        i = at + 4;
    }
    zip
}

fn pdf_text(bytes: &[u8]) -> String {
    match read(bytes, &Limits::default()) {
        Ok(Content::Pdf { pages }) => pages.concat(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_official_pdfs_read_as_their_text_samples() {
    // the same report as the text (pdftotext -layout), so the same cells and findings
    for (name, pages) in [("hongze-2023", 5), ("huaian-2024", 6)] {
        let bytes = fixture(&format!("files/{name}.pdf"));
        assert_eq!(sniff(&bytes), Kind::Pdf);
        let Ok(Content::Pdf { pages: texts }) = read(&bytes, &Limits::default()) else {
            panic!("{name}: not read");
        };
        assert_eq!(texts.len(), pages, "{name}");
        let r = gouji::check_pdf(&texts, &gouji::Options::default());
        assert_eq!(r.input.as_str(), "pdf");
        // every cell says its page; a page's lines count from 1
        for (id, c) in &r.cells.0 {
            match c.at {
                Some(gouji::result::At::Pdf { page, line, col }) => {
                    assert!(
                        (1..=pages as u32).contains(&page) && line >= 1 && col >= 1,
                        "{name}: {id}"
                    )
                }
                other => panic!("{name}: {id} at {other:?}"),
            }
        }
        let sample = String::from_utf8(fixture(&format!("samples/{name}.txt"))).unwrap();
        let t = gouji::check(&sample, &gouji::Options::default());
        assert_eq!(r.summary.cells_read, t.summary.cells_read, "{name}");
        for (id, c) in &t.cells.0 {
            let p = r
                .cells
                .get(id)
                .unwrap_or_else(|| panic!("{name}: {id} not read"));
            assert_eq!(p.value, c.value, "{name}: {id}");
        }
        let rules = |r: &gouji::result::CheckResult| -> Vec<String> {
            r.findings
                .iter()
                .map(|f| format!("{} {} {:?}", f.severity, f.rule, f.suspects))
                .collect()
        };
        assert_eq!(rules(&r), rules(&t), "{name}");
        assert_eq!(r.title, t.title);
    }
    // huaian's 「三、本年度办理结果」 is set vertically: one character per line, as pdftotext has it
    let text = pdf_text(&fixture("files/huaian-2024.pdf"));
    let lone: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| ["本", "年", "度", "办", "理"].contains(l))
        .collect();
    assert!(lone.len() >= 4, "{lone:?}");
}

#[test]
fn scans_encrypted_and_cut_pdfs_are_refused_with_what_to_do() {
    // a scan: its pictures read where the image reader is built in (the command line's
    // `images` feature; a workspace build turns it on), this one's holding no table; refused
    // with the same words where it is not (the page's file module)
    match read(&fixture("files/scanned.pdf"), &Limits::default()) {
        Err(e) => assert!(
            e.zh.contains("这是扫描件（图片），未能从中识别出年度报告的表格"),
            "{e:?}"
        ),
        Ok(c) => {
            let r = c.check(&gouji::Options::default());
            assert_eq!((r.summary.cells_read, r.summary.unread), (0, 1));
        }
    }
    let e = refused(&fixture("files/encrypted.pdf"), &Limits::default());
    assert!(e.zh.contains("已加密"), "{e:?}");
    let whole = fixture("files/hongze-2023.pdf");
    for cut in [100, 5_000, whole.len() / 2, whole.len() - 200] {
        let e = refused(&whole[..cut], &Limits::default());
        assert!(e.zh.contains("损坏或不完整"), "{cut}: {e:?}");
    }
    // a page tree that lists itself among its kids: its one page, once
    assert_eq!(pdf_text(&fixture("files/cyclic-pages.pdf")).trim(), "2023");
    // more pages than are read
    let limits = Limits {
        pages: 3,
        ..Limits::default()
    };
    assert!(refused(&whole, &limits).en.contains("more than 3 pages"));
}

#[test]
fn damaged_pdfs_never_panic() {
    // one byte in every 9,973 of a real PDF changed, one at a time, and runs of bytes zeroed: each
    // reads or is refused, never a panic (the fuzz target does this at scale)
    let whole = fixture("files/huaian-2024.pdf");
    let mut bytes = whole.clone();
    for i in (0..whole.len()).step_by(9_973) {
        bytes[i] ^= 0x5A;
        let _ = read(&bytes, &Limits::default());
        bytes[i] = whole[i];
    }
    for i in (0..whole.len()).step_by(31_337) {
        let mut b = whole.clone();
        let end = (i + 4096).min(b.len() - 10);
        b[i..end].fill(0);
        let _ = read(&b, &Limits::default());
    }
}

#[test]
fn fuzz_inputs_of_the_file_readers_are_read_or_refused() {
    // the seeds, the minimised corpora and any input that once broke a reader's target
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut n = 0;
    for target in ["pdf", "docx", "html"] {
        for dir in [
            format!("seeds-{target}"),
            format!("corpus-min/{target}"),
            format!("regressions/{target}"),
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
                continue;
            };
            for e in entries.flatten() {
                let data = std::fs::read(e.path()).unwrap();
                let check = |rows: &[Vec<String>]| {
                    gouji_testkit::invariants::assert_result(&gouji::check_grid(
                        rows,
                        &gouji::Options::default(),
                    ))
                };
                match target {
                    "pdf" => {
                        if let Ok(pdf) = gouji_files::pdf::read(&data, &Limits::default()) {
                            gouji_testkit::invariants::assert_result(&gouji::check(
                                &pdf.text(),
                                &gouji::Options::default(),
                            ));
                        }
                    }
                    "docx" => {
                        if let Ok((rows, _)) = gouji_files::docx::read(&data, &Limits::default()) {
                            check(&rows);
                        }
                    }
                    _ => check(&gouji_files::html::read(&String::from_utf8_lossy(&data))),
                }
                n += 1;
            }
        }
    }
    assert!(n >= 10, "only {n} inputs");
}

#[test]
fn word_files_edited_as_drafters_edit_them() {
    // made from the filled template with python-docx, setting cells' text as a drafter types
    let check = |name: &str| {
        let (rows, _, _) = grid(&fixture(&format!("files/{name}.docx")));
        gouji::check_grid(&rows, &gouji::Options::default())
    };
    // a typo: one error, its cell and fix, both relations it breaks inside
    let r = check("huaian-2024-typo");
    assert_eq!(r.summary.errors, 1, "{:?}", r.findings);
    let f = &r.findings[0];
    assert_eq!(
        (f.suspects[0].cell.as_str(), f.suspects[0].fix),
        ("p3.granted.natural", 1288)
    );
    assert_eq!(f.relations.len(), 2);
    // zeros left blank: passed, one note for the table's blank cells
    let r = check("huaian-2024-zeros-blank");
    assert_eq!(
        (r.summary.errors, r.summary.warnings, r.summary.cells_read),
        (0, 1, 200),
        "{:?}",
        r.findings
    );
    assert!(r.findings[0].message.contains("第三部分有110格未填数字"));
    // part 四's review total left blank: the error, its fix the sum
    let r = check("huaian-2024-review-total-blank");
    assert_eq!(r.summary.errors, 1);
    assert!(r.findings.iter().any(|f| f.rule == "P4-SUM"
        && f.suspects
            .iter()
            .any(|s| s.cell == "p4.review.total" && s.fix == 351)));
}

/// Every position of a page's grid comes back to the `<td>` it was read from (what the widget
/// writes a fix into), by the same reading: its text is the position's, or the position is a
/// spanned figure's (read once, where it starts) — and text blocks come from no cell.
#[test]
fn every_grid_position_has_the_cell_it_was_read_from() {
    use gouji_files::html::{grid, parse, source_of, Dom, Node};
    for name in ["gov-page.html", "word-table.html", "colspan-values.html"] {
        let page = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/html")
                .join(name),
        )
        .unwrap();
        let tree = parse(&page);
        let body = tree.body();
        let rows = grid(&tree, &body);
        let text = |id: usize| {
            let mut out = String::new();
            let mut stack = vec![id];
            while let Some(n) = stack.pop() {
                match tree.node(&n) {
                    Node::Text(t) => out.push_str(&t),
                    _ => stack.extend(tree.children(&n).into_iter().rev()),
                }
            }
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let mut cells = 0;
        for (r, row) in rows.iter().enumerate() {
            for (c, shown) in row.iter().enumerate() {
                match source_of(&tree, &body, r, c) {
                    Some(td) => {
                        let t = text(td);
                        assert!(
                            t == *shown || shown.is_empty(),
                            "{name} {r}:{c}: {t:?} vs {shown:?}"
                        );
                        cells += 1;
                    }
                    None => assert!(
                        row.len() == 1,
                        "{name} {r}:{c} {shown:?}: a table position with no cell"
                    ),
                }
            }
        }
        assert!(cells > 200, "{name}: {cells}");
    }
}

/// Hostile nesting reads in linear time: 50,000 tables inside each other (and a table's worth
/// of text fostered out of each) are read, and the page's text still comes through.
#[test]
fn deeply_nested_tables_are_read_not_choked_on() {
    let n = 50_000;
    let html = format!(
        "<html><body><p>前言</p>{}x{}<p>后记</p></body></html>",
        "<table><tr><td><table><p>外</p><tr><td>".repeat(n / 2),
        "</td></tr></table></td></tr></table>".repeat(n / 2)
    );
    let rows = gouji_files::html::read(&html);
    assert_eq!(rows.first().map(|r| r.join("")), Some("前言".to_owned()));
    assert!(rows.iter().any(|r| r.join("").contains("后记")));
}
