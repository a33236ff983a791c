//! The result drawn as HTML: verdict, findings, and the three tables on the official layout
//! with every cell's value; error and warning cells carry a class, a text marker and an id,
//! and the findings link to them.
//!
//! Invariant: escaping by construction. Tags and attribute names are `&'static str`; every
//! piece of text and every attribute value goes through `escape`, so input text can never
//! become markup.

use crate::bytes::Fnv;
use crate::format::part2::{self, BLOCKS};
use crate::format::part3::{self, Group, Role, COLUMNS as P3_COLS};
use crate::format::part4::{self, COLUMNS as P4_COLS};
use crate::format::{CellId, Column, FormatId, ReportFormat};
use crate::model::{Input, Severity, Source};
use crate::result::{CellOut, CheckResult, Num};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Lang {
        if s.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
    fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// How a cell is marked on the table.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    /// The cell the arithmetic singles out: fix this one.
    Suspect,
    /// On an error that singles out no cell.
    Error,
    /// On an error whose cell to fix is another.
    Related,
    Warning,
    Info,
    None,
}

/// A string builder that cannot emit unescaped text.
struct Html<'r> {
    out: String,
    /// Plain tables for copying back into Word, WPS or a CMS: no marks, ids or classes.
    clean: bool,
    ix: &'r Index<'r>,
}

/// The result's cells and the findings on each, by cell id: built once per drawing, so that
/// drawing a table is linear in its cells and findings.
#[derive(Default)]
struct Index<'r> {
    cells: Map<&'r str, &'r CellOut>,
    /// (worst severity, finding indices) of the findings that name each cell.
    marks: Map<&'r str, (Severity, Vec<usize>)>,
    /// The cells some finding names as its suspect.
    suspects: HashSet<&'r str, BuildHasherDefault<Fnv>>,
    /// The cells of an error that singles out no cell (each of them may be the wrong one).
    unsingled: HashSet<&'r str, BuildHasherDefault<Fnv>>,
    /// The cells of what gouji could not read.
    unread: HashSet<&'r str, BuildHasherDefault<Fnv>>,
}

impl<'r> Index<'r> {
    fn new(r: &'r CheckResult) -> Self {
        let mut ix = Index::default();
        for (k, c) in &r.cells.0 {
            // the first of two cells with one id, as `Cells::get` has it
            ix.cells.entry(k.as_ref()).or_insert(c);
        }
        for (i, f) in r.findings.iter().enumerate() {
            // what gouji could not read marks no cell as the report's error, only as not read
            if f.source == Source::Reading {
                ix.unread.extend(f.cells.iter().map(String::as_str));
                continue;
            }
            // blank cells are shown as blank: the one CELL-BLANK note paints no cell
            if f.rule == crate::model::Rule::CellBlank {
                continue;
            }
            if f.severity == Severity::Error && f.suspects.is_empty() {
                ix.unsingled.extend(f.cells.iter().map(String::as_str));
            }
            // every relation a finding stands for draws its cells as related
            let ids = f
                .cells
                .iter()
                .chain(f.relations.iter().flat_map(|b| &b.cells))
                .chain(f.suspects.iter().map(|s| &s.cell));
            for id in ids {
                let (worst, which) = ix
                    .marks
                    .entry(id.as_str())
                    .or_insert((Severity::Info, Vec::new()));
                if which.last() == Some(&i) {
                    continue;
                }
                which.push(i);
                // the worst: errors before warnings before information
                *worst = (*worst).min(f.severity);
            }
            ix.suspects
                .extend(f.suspects.iter().map(|s| s.cell.as_str()));
        }
        ix
    }

    fn cell(&self, id: &str) -> Option<&'r CellOut> {
        self.cells.get(id).copied()
    }

    /// The worst severity among the findings that name a cell, and those findings.
    fn marks(&self, id: &str) -> (Option<Severity>, &[usize]) {
        match self.marks.get(id) {
            Some((worst, which)) => (Some(*worst), which),
            None => (None, &[]),
        }
    }
}

impl Html<'_> {
    fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.start(tag);
        for (k, v) in attrs {
            self.attr(k, &[v]);
        }
        self.out.push('>');
    }
    /// `<tag`: attributes follow, then `>`.
    fn start(&mut self, tag: &'static str) {
        self.out.push('<');
        self.out.push_str(tag);
    }
    /// An attribute whose value is the pieces joined, each escaped.
    fn attr(&mut self, name: &'static str, pieces: &[&str]) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        for p in pieces {
            escape(&mut self.out, p);
        }
        self.out.push('"');
    }
    fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }
    fn text(&mut self, s: &str) {
        escape(&mut self.out, s);
    }
    fn leaf(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag);
    }
}

fn escape(out: &mut String, s: &str) {
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
}

/// Ids used in the markup: `gouji-cell-p3.new.natural`, `gouji-finding-3`.
pub fn cell_anchor(id: &str) -> String {
    format!("gouji-cell-{id}")
}

pub fn finding_anchor(i: usize) -> String {
    format!("gouji-finding-{}", i + 1)
}

pub fn html(result: &CheckResult) -> String {
    html_lang(result, Lang::Zh)
}

pub fn html_lang(r: &CheckResult, lang: Lang) -> String {
    let ix = Index::new(r);
    let mut h = Html {
        out: String::with_capacity(32 * 1024),
        clean: false,
        ix: &ix,
    };
    h.open(
        "div",
        &[
            ("class", "gouji-result"),
            ("lang", lang.pick("zh-CN", "en")),
        ],
    );
    verdict(&mut h, r, lang);
    findings(&mut h, r, lang);
    let format = table_format(r);
    // the form shows its (empty) tables to be filled in
    if r.summary.cells_read > 0 || r.input == Input::Form {
        part3_table(&mut h, r, lang, r.tables.p3.unwrap_or(format));
        part4_table(&mut h, r, lang);
        part2_table(&mut h, r, lang, r.tables.p2.unwrap_or(format));
    }
    h.close("div");
    h.out
}

fn table_format(r: &CheckResult) -> FormatId {
    r.format
        .official()
        .or_else(|| r.year.and_then(FormatId::for_year))
        .unwrap_or(FormatId::F2021)
}

fn verdict(h: &mut Html, r: &CheckResult, lang: Lang) {
    let s = &r.summary;
    let (class, text) = if s.cells_read == 0 {
        (
            "gouji-verdict unusable",
            lang.pick(
                "无法检查：未读到年报表格",
                "Cannot check: no report table was read",
            )
            .to_owned(),
        )
    } else if s.errors == 0 && s.unread > 0 {
        // what was read adds up, but not everything could be read: not a pass
        (
            "gouji-verdict partial",
            match lang {
                Lang::Zh => format!(
                    "未能完整检查：读到的数据没有发现错误，但有 {} 处未能读取（见下）",
                    s.unread
                ),
                Lang::En => format!(
                    "Not fully checked: no errors in what was read, but {} things could not be read (below)",
                    s.unread
                ),
            },
        )
    } else if s.errors == 0 {
        let base = lang.pick("通过：各项数据勾稽关系正确", "Passed: all figures add up");
        let text = if s.warnings > 0 {
            match lang {
                Lang::Zh => format!("{base}（另有 {} 处提醒）", s.warnings),
                Lang::En => format!("{base} ({} warnings)", s.warnings),
            }
        } else {
            base.to_owned()
        };
        ("gouji-verdict pass", text)
    } else {
        let text = match lang {
            Lang::Zh if s.warnings > 0 => {
                format!("发现 {} 处错误、{} 处提醒", s.errors, s.warnings)
            }
            Lang::Zh => format!("发现 {} 处错误", s.errors),
            Lang::En => format!("{} errors, {} warnings", s.errors, s.warnings),
        };
        ("gouji-verdict fail", text)
    };
    h.open("p", &[("class", class), ("role", "status")]);
    h.leaf(
        "span",
        &[("class", "gouji-verdict-mark"), ("aria-hidden", "true")],
        if s.errors > 0 || s.cells_read == 0 {
            "✗ "
        } else if s.unread > 0 {
            "! "
        } else {
            "✓ "
        },
    );
    h.text(&text);
    if s.unread > 0 && s.cells_read > 0 && s.errors > 0 {
        h.text(&match lang {
            Lang::Zh => format!("；另有 {} 处未能读取（见下）", s.unread),
            Lang::En => format!("; {} things could not be read (below)", s.unread),
        });
    }
    h.close("p");
    let mut meta = Vec::new();
    if let Some(t) = &r.title {
        meta.push(t.clone());
    }
    match r.format {
        ReportFormat::F2019 => meta.push(lang.pick("2019年版格式", "2019 format").to_owned()),
        ReportFormat::F2021 => meta.push(lang.pick("2021年版格式", "2021 format").to_owned()),
        ReportFormat::Mixed => meta.push(lang.pick("格式混用", "mixed formats").to_owned()),
        ReportFormat::Unknown => {}
    }
    if let Some(y) = r.year {
        meta.push(match lang {
            Lang::Zh => format!("{y}年度"),
            Lang::En => format!("year {y}"),
        });
    }
    if !meta.is_empty() {
        h.leaf("p", &[("class", "gouji-meta")], &meta.join(" · "));
    }
    indicators(h, r, lang);
    if let Some(p) = &r.prev {
        let name = p
            .title
            .clone()
            .unwrap_or_else(|| lang.pick("上一年度报告", "last year's report").to_owned());
        h.leaf(
            "p",
            &[("class", "gouji-meta gouji-prev")],
            &match lang {
                Lang::Zh => format!("已与上一年度报告核对：{name}"),
                Lang::En => format!("Checked against last year's report: {name}"),
            },
        );
    }
}

/// The report's indicators, as evaluators compute them, where its tables give them.
fn indicators(h: &mut Html, r: &CheckResult, lang: Lang) {
    let i = &r.indicators;
    // last year's, where this report was compared with it: the change beside each
    let p = r.prev.as_ref().map(|p| p.indicators).unwrap_or_default();
    let items = [
        (
            i.disclosure_rate,
            p.disclosure_rate,
            "公开率",
            "disclosure rate",
        ),
        (
            i.review_correction_rate,
            p.review_correction_rate,
            "行政复议纠错率",
            "review correction rate",
        ),
        (
            i.suit_correction_rate,
            p.suit_correction_rate,
            "行政诉讼纠错率",
            "suit correction rate",
        ),
        (i.carry_rate, p.carry_rate, "结转率", "carry-over rate"),
    ];
    // a tenth of a percent, in integers (float formatting is large in WebAssembly)
    let permille = |v: f64| (v * 1000.0).round() as i64;
    let tenths = |m: i64| format!("{}.{}", m / 10, (m % 10).abs());
    let shown: Vec<String> = items
        .iter()
        .filter_map(|&(v, last, zh, en)| {
            let now = permille(v?);
            let mut s = format!("{} {}%", lang.pick(zh, en), tenths(now));
            if let Some(last) = last.map(permille) {
                let d = now - last;
                let sign = if d < 0 { "−" } else { "+" };
                let change = format!("{sign}{}", tenths(d.abs()));
                s.push_str(&match lang {
                    Lang::Zh => format!("（上年 {}%，{change} 个百分点）", tenths(last)),
                    Lang::En => format!(" (last year {}%, {change} points)", tenths(last)),
                });
            }
            Some(s)
        })
        .collect();
    if !shown.is_empty() {
        h.leaf(
            "p",
            &[("class", "gouji-meta gouji-indicators")],
            &shown.join(" · "),
        );
    }
}

fn severity_word(sev: Severity, lang: Lang) -> &'static str {
    match (sev, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "提醒",
        (Severity::Info, Lang::Zh) => "说明",
        (Severity::Error, Lang::En) => "Error",
        (Severity::Warning, Lang::En) => "Warning",
        (Severity::Info, Lang::En) => "Note",
    }
}

/// The report's findings, then apart what gouji could not read, with what the user can do.
fn findings(h: &mut Html, r: &CheckResult, lang: Lang) {
    let of = |source: Source| {
        r.findings
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.source == source)
    };
    if of(Source::Report).next().is_some() {
        h.open("ol", &[("class", "gouji-findings")]);
        finding_items(h, of(Source::Report), lang);
        h.close("ol");
    }
    if of(Source::Reading).next().is_some() {
        h.open("div", &[("class", "gouji-unread"), ("role", "note")]);
        h.leaf(
            "p",
            &[("class", "gouji-unread-head")],
            lang.pick(
                "以下内容 gouji 未能读取，不算报告的错误：请直接粘贴网页或 Word 中的表格，或拖入文件本身，或在「填写表格」中录入。",
                "gouji could not read the following; they are not the report's errors: paste the table itself from the web page or Word, drop the file itself, or fill in the form.",
            ),
        );
        h.open("ol", &[("class", "gouji-findings gouji-unread-list")]);
        finding_items(h, of(Source::Reading), lang);
        h.close("ol");
        h.close("div");
    }
}

fn finding_items<'f>(
    h: &mut Html,
    items: impl Iterator<Item = (usize, &'f crate::result::FindingOut)>,
    lang: Lang,
) {
    for (i, f) in items {
        let anchor = finding_anchor(i);
        let class = format!("gouji-finding {}", f.severity);
        let first_cell = f
            .suspects
            .first()
            .map(|s| s.cell.as_str())
            .or(f.cells.first().map(String::as_str));
        let target = first_cell.map(cell_anchor).unwrap_or_default();
        h.open(
            "li",
            &[
                ("id", &anchor),
                ("class", &class),
                ("data-rule", f.rule.id()),
                ("data-cell", &target),
            ],
        );
        h.leaf(
            "span",
            &[("class", "gouji-sev")],
            match f.source {
                Source::Report => severity_word(f.severity, lang),
                Source::Reading => lang.pick("未能读取", "Not read"),
            },
        );
        h.text(" ");
        h.leaf("span", &[("class", "gouji-rule")], f.rule.id());
        h.text(" ");
        h.leaf(
            "span",
            &[("class", "gouji-msg")],
            lang.pick(&f.message, &f.message_en),
        );
        if !f.suspects.is_empty() {
            h.open("span", &[("class", "gouji-fixes")]);
            // every fix needed (a column to fill) is said as what to do, row by row; 「或」
            // only between the one-cell fixes of one relation, which are alternatives
            let (head, between) = if f.fix_all {
                (
                    lang.pick(" 逐行补全：", " Fill in each: "),
                    lang.pick("；", "; "),
                )
            } else {
                (
                    lang.pick(" 最可能：", " Most likely: "),
                    lang.pick("，或 ", ", or "),
                )
            };
            h.text(head);
            for (k, s) in f.suspects.iter().enumerate() {
                if k > 0 {
                    h.text(between);
                }
                let name = CellId::parse(&s.cell)
                    .map(|k| short_name(k, lang))
                    .unwrap_or_else(|| s.cell.clone());
                let text = match lang {
                    Lang::Zh => format!("{name}应为 {}", s.fix),
                    Lang::En => format!("{name} should be {}", s.fix),
                };
                let href = format!("#{}", cell_anchor(&s.cell));
                let fix = s.fix.to_string();
                h.leaf(
                    "a",
                    &[
                        ("href", &href),
                        ("class", "gouji-fix"),
                        ("data-cell", &s.cell),
                        ("data-fix", &fix),
                    ],
                    &text,
                );
            }
            if f.fix_all && f.suspects.len() > 1 {
                // one action for one cause: every fix at once
                let mut all = String::new();
                for s in &f.suspects {
                    if !all.is_empty() {
                        all.push(';');
                    }
                    all.push_str(&s.cell);
                    all.push('=');
                    all.push_str(&s.fix.to_string());
                }
                h.text(" ");
                h.leaf(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "gouji-fix-all"),
                        ("data-fixes", &all),
                    ],
                    lang.pick("全部补全", "Fill in all"),
                );
            }
            h.close("span");
        } else if let Some(c) = first_cell {
            if h.ix.cell(c).is_some() {
                let href = format!("#{}", cell_anchor(c));
                h.text(" ");
                h.leaf(
                    "a",
                    &[("href", &href), ("class", "gouji-goto")],
                    lang.pick("查看", "show"),
                );
            }
        }
        if !f.relations.is_empty() {
            // one wrong cell: the relations it breaks, each in its own words
            h.open("ul", &[("class", "gouji-relations")]);
            for b in &f.relations {
                h.open("li", &[("data-rule", b.rule.id())]);
                h.leaf("span", &[("class", "gouji-rule")], b.rule.id());
                h.text(" ");
                h.text(lang.pick(&b.message, &b.message_en));
                h.close("li");
            }
            h.close("ul");
        }
        h.close("li");
    }
}

/// A cell's short name for a fix: 「（七）总计」行「自然人」列 / 行政复议「总计」.
fn short_name(k: CellId, lang: Lang) -> String {
    let (zh, en) = crate::rules::describe(k);
    match lang {
        Lang::Zh => zh
            .trim_start_matches("第三部分")
            .trim_start_matches("第四部分")
            .trim_start_matches("第二部分")
            .to_owned(),
        Lang::En => en,
    }
}

/// The id of the cell at `row` and `col` of the format tables.
fn cell_id(row: &str, col: &str) -> &'static str {
    CellId::of(row, col).map_or("", CellId::id)
}

fn value_cell(h: &mut Html, r: &CheckResult, id: &str, lang: Lang) {
    let cell = h.ix.cell(id);
    let mut digits = [0u8; 24];
    let value = cell.map_or("", |c| shown_in(c, &mut digits));
    if h.clean {
        h.leaf("td", &[], value);
        return;
    }
    let ix = h.ix;
    let (worst, which) = ix.marks(id);
    let suspect = ix.suspects.contains(id);
    // the cell to fix strongly; the other cells of its relations lightly; a cell of an error
    // that singles out none as an error (any of them may be the one)
    let mark = match worst {
        Some(Severity::Error) if suspect => Mark::Suspect,
        Some(Severity::Error) if ix.unsingled.contains(id) => Mark::Error,
        Some(Severity::Error) => Mark::Related,
        Some(Severity::Warning) => Mark::Warning,
        Some(Severity::Info) => Mark::Info,
        None => Mark::None,
    };
    let severity = match mark {
        Mark::Suspect => " error suspect",
        Mark::Error => " error",
        Mark::Related => " related",
        Mark::Warning => " warning",
        Mark::Info => " info",
        Mark::None => "",
    };
    let state = match cell {
        None if ix.unread.contains(id) => " unread",
        None => " missing",
        Some(c) if c.blank => " blank",
        // recovered from figures run together: drawn apart, said so
        Some(c) if c.read.is_some() => " split",
        Some(_) => "",
    };
    h.start("td");
    h.attr("id", &["gouji-cell-", id]);
    h.attr("class", &["gouji-cell", severity, state]);
    h.attr("data-cell", &[id]);
    if !which.is_empty() {
        let mut described = String::new();
        let mut tip = String::new();
        for (k, &i) in which.iter().enumerate() {
            if k > 0 {
                described.push(' ');
                tip.push('\n');
            }
            described.push_str(&finding_anchor(i));
            tip.push_str(lang.pick(&r.findings[i].message, &r.findings[i].message_en));
        }
        h.attr("aria-describedby", &[&described]);
        h.attr("title", &[&tip]);
    } else if state == " split" {
        h.attr(
            "title",
            &[lang.pick(
                "由勾稽关系拆分：原文数字连在一起，按表格的勾稽关系唯一拆出",
                "split by the relations: the figures ran together, and the tables' relations leave this one reading",
            )],
        );
    }
    h.out.push('>');
    h.leaf("span", &[("class", "gouji-v")], value);
    let words = match mark {
        Mark::Suspect => Some(lang.pick("✗最可能有误", "✗ most likely wrong")),
        Mark::Error => Some(lang.pick("✗错", "✗ error")),
        Mark::Related => Some(lang.pick("·相关", "· related")),
        Mark::Warning => Some(lang.pick("!提醒", "! warning")),
        _ if state == " unread" => Some(lang.pick("?未读", "? not read")),
        _ if cell.is_none() => Some(lang.pick("?缺", "? missing")),
        _ if state == " blank" => Some(lang.pick("空", "blank")),
        _ if state == " split" => Some(lang.pick("拆分", "split")),
        _ => None,
    };
    if let Some(words) = words {
        h.leaf("span", &[("class", "gouji-mark")], words);
    }
    h.close("td");
}

/// [`shown`] without allocating: an integer is written into `buf`.
fn shown_in<'a>(c: &'a CellOut, buf: &'a mut [u8; 24]) -> &'a str {
    match c.value {
        Some(Num::Int(v)) => {
            use std::io::Write;
            let mut w = &mut buf[..];
            let _ = write!(w, "{v}");
            let n = 24 - w.len();
            std::str::from_utf8(&buf[..n]).unwrap_or("")
        }
        Some(Num::Dec(_)) | None => &c.raw,
    }
}

/// A cell's value as written in a clean table: the figure, or the text as given.
fn shown(c: &crate::result::CellOut) -> String {
    match c.value {
        Some(Num::Int(v)) => v.to_string(),
        Some(Num::Dec(_)) | None => c.raw.to_string(),
    }
}

/// The three tables as plain HTML in report order (二, 三, 四), for the clipboard.
pub fn tables_html(r: &CheckResult, lang: Lang) -> String {
    let ix = Index::new(r);
    let mut h = Html {
        out: String::with_capacity(16 * 1024),
        clean: true,
        ix: &ix,
    };
    let format = table_format(r);
    part2_table(&mut h, r, lang, r.tables.p2.unwrap_or(format));
    part3_table(&mut h, r, lang, r.tables.p3.unwrap_or(format));
    part4_table(&mut h, r, lang);
    h.out
}

/// The three tables as tab-separated text in report order, one table row per line, for the
/// clipboard (Excel, WPS and Word tables take it as cells).
pub fn tables_tsv(r: &CheckResult) -> String {
    let format = table_format(r);
    let ix = Index::new(r);
    let value = |id: &str| ix.cell(id).map(shown).unwrap_or_default();
    let mut out = String::new();
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.join("\t"));
        out.push('\n');
    };
    line(vec!["二、主动公开政府信息情况".to_owned()]);
    for block in &BLOCKS {
        let Some(v) = block.variant(r.tables.p2.unwrap_or(format)) else {
            continue;
        };
        line(vec![block.zh.to_owned()]);
        line(
            std::iter::once("信息内容")
                .chain(v.columns.iter().map(|c| c.zh))
                .map(str::to_owned)
                .collect(),
        );
        for row in v.rows {
            line(
                std::iter::once(row.zh.to_owned())
                    .chain(v.columns.iter().map(|c| value(cell_id(row.id, c.id))))
                    .collect(),
            );
        }
    }
    line(vec!["三、收到和处理政府信息公开申请情况".to_owned()]);
    line(
        std::iter::once("申请人情况")
            .chain(P3_COLS.iter().map(|c| c.zh))
            .map(str::to_owned)
            .collect(),
    );
    let split = part3::splits_other(r.tables.p3.unwrap_or(format));
    for row in part3::rows(split) {
        let label = crate::read::part3::row_label(row);
        line(
            std::iter::once(label)
                .chain(P3_COLS.iter().map(|c| value(cell_id(row.id, c.id))))
                .collect(),
        );
    }
    line(vec!["四、政府信息公开行政复议、行政诉讼情况".to_owned()]);
    let mut header = Vec::new();
    for g in &part4::GROUPS {
        for c in &P4_COLS {
            header.push(format!("{}{}", g.zh, c.zh));
        }
    }
    line(header);
    line(part4::cell_ids().iter().map(|c| value(c.id())).collect());
    out
}

/// Opens one of the three tables, with its id (`gouji-p3`, …) and caption.
fn open_table(h: &mut Html, id: &'static str, caption: &str) {
    let class = format!("gouji-table {id}");
    h.open("table", &[("class", &class), ("id", id)]);
    h.leaf("caption", &[], caption);
}

fn th(h: &mut Html, text: &str, colspan: usize, rowspan: usize, scope: &'static str) {
    let (c, r) = (colspan.to_string(), rowspan.to_string());
    let mut attrs: Vec<(&'static str, &str)> = vec![("scope", scope)];
    if colspan > 1 {
        attrs.push(("colspan", &c));
    }
    if rowspan > 1 {
        attrs.push(("rowspan", &r));
    }
    h.leaf("th", &attrs, text);
}

fn part3_table(h: &mut Html, r: &CheckResult, lang: Lang, format: FormatId) {
    let split = part3::splits_other(format);
    let rows = part3::rows(split);
    let subtotal = |g: Group| -> Option<&'static part3::Row> {
        part3::SUBTOTALS.iter().find(|s| {
            s.role == Role::Subtotal(g)
                && (g != Group::Other || split)
                && r.cells.get(cell_id(s.id, "natural")).is_some()
        })
    };
    let with_subtotal = r
        .cells
        .0
        .iter()
        .any(|(id, _)| id.starts_with("p3.") && id.ends_with(".org_subtotal"));
    let mut cols: Vec<&'static Column> = P3_COLS.iter().collect();
    if with_subtotal {
        cols.insert(6, &part3::ORG_SUBTOTAL);
    }
    let orgs = if with_subtotal { 6 } else { 5 };
    open_table(
        h,
        "gouji-p3",
        lang.pick(
            "三、收到和处理政府信息公开申请情况",
            "3. Applications received and handled",
        ),
    );
    h.open("thead", &[]);
    h.open("tr", &[]);
    th(
        h,
        lang.pick(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "(In each column: I + II = III + IV)",
        ),
        3,
        3,
        "col",
    );
    th(
        h,
        lang.pick("申请人情况", "Applicants"),
        orgs + 2,
        1,
        "colgroup",
    );
    h.close("tr");
    h.open("tr", &[]);
    th(h, lang.pick(P3_COLS[0].zh, P3_COLS[0].en), 1, 2, "col");
    th(
        h,
        lang.pick("法人或其他组织", "Legal persons and other organisations"),
        5,
        1,
        "colgroup",
    );
    th(h, lang.pick(P3_COLS[6].zh, P3_COLS[6].en), 1, 2, "col");
    h.close("tr");
    h.open("tr", &[]);
    for c in &cols[1..=orgs] {
        th(h, lang.pick(c.zh, c.en), 1, 1, "col");
    }
    h.close("tr");
    h.close("thead");
    h.open("tbody", &[]);
    let results_span = rows
        .iter()
        .filter(|x| matches!(x.role, Role::Result | Role::Total))
        .count()
        + [
            Group::Withheld,
            Group::Unavailable,
            Group::Rejected,
            Group::Other,
        ]
        .iter()
        .filter(|&&g| subtotal(g).is_some())
        .count();
    let mut first_result = true;
    let mut group_open: Option<Group> = None;
    for row in rows {
        // a subtotal row, where the report has one, before its group
        if let Some(g) = row.group {
            if group_open != Some(g) {
                if let Some(sub) = subtotal(g) {
                    h.open("tr", &[("class", "gouji-subtotal")]);
                    if first_result {
                        th(
                            h,
                            lang.pick("三、本年度办理结果", "III. Results this year"),
                            1,
                            results_span,
                            "rowgroup",
                        );
                        first_result = false;
                    }
                    let label = match lang {
                        Lang::Zh => format!("{}（小计）", sub.zh),
                        Lang::En => sub.en.to_owned(),
                    };
                    th(h, &label, 2, 1, "row");
                    for c in &cols {
                        value_cell(h, r, cell_id(sub.id, c.id), lang);
                    }
                    h.close("tr");
                }
            }
        }
        h.open("tr", &[]);
        match row.role {
            Role::Intake | Role::Outflow => th(h, lang.pick(row.zh, row.en), 3, 1, "row"),
            _ => {
                if first_result {
                    th(
                        h,
                        lang.pick("三、本年度办理结果", "III. Results this year"),
                        1,
                        results_span,
                        "rowgroup",
                    );
                    first_result = false;
                }
                match row.group {
                    Some(g) => {
                        if group_open != Some(g) {
                            let span = rows.iter().filter(|x| x.group == Some(g)).count();
                            th(h, lang.pick(g.zh(), group_en(g)), 1, span, "rowgroup");
                        }
                        th(h, lang.pick(row.zh, row.en), 1, 1, "row");
                    }
                    None => th(h, lang.pick(row.zh, row.en), 2, 1, "row"),
                }
            }
        }
        group_open = row.group;
        for c in &cols {
            value_cell(h, r, cell_id(row.id, c.id), lang);
        }
        h.close("tr");
    }
    h.close("tbody");
    h.close("table");
}

fn group_en(g: Group) -> &'static str {
    match g {
        Group::Withheld => "(3) Withheld",
        Group::Unavailable => "(4) Cannot be provided",
        Group::Rejected => "(5) Not processed",
        Group::Other => "(6) Other handling",
    }
}

fn part4_table(h: &mut Html, r: &CheckResult, lang: Lang) {
    open_table(
        h,
        "gouji-p4",
        lang.pick(
            "四、政府信息公开行政复议、行政诉讼情况",
            "4. Administrative review and litigation",
        ),
    );
    h.open("thead", &[]);
    h.open("tr", &[]);
    th(
        h,
        lang.pick("行政复议", "Administrative review"),
        5,
        1,
        "colgroup",
    );
    th(h, lang.pick("行政诉讼", "Lawsuits"), 10, 1, "colgroup");
    h.close("tr");
    h.open("tr", &[]);
    for c in &P4_COLS {
        th(h, lang.pick(c.zh, c.en), 1, 2, "col");
    }
    th(
        h,
        lang.pick("未经复议直接起诉", "Filed directly"),
        5,
        1,
        "colgroup",
    );
    th(
        h,
        lang.pick("复议后起诉", "Filed after review"),
        5,
        1,
        "colgroup",
    );
    h.close("tr");
    h.open("tr", &[]);
    for _ in 0..2 {
        for c in &P4_COLS {
            th(h, lang.pick(c.zh, c.en), 1, 1, "col");
        }
    }
    h.close("tr");
    h.close("thead");
    h.open("tbody", &[]);
    h.open("tr", &[]);
    for key in part4::cell_ids() {
        value_cell(h, r, key.id(), lang);
    }
    h.close("tr");
    h.close("tbody");
    h.close("table");
}

fn part2_table(h: &mut Html, r: &CheckResult, lang: Lang, format: FormatId) {
    open_table(
        h,
        "gouji-p2",
        lang.pick("二、主动公开政府信息情况", "2. Proactive disclosure"),
    );
    let width = part2::blocks(format)
        .map(|(_, v)| v.columns.len())
        .max()
        .unwrap_or(3);
    for block in &BLOCKS {
        let Some(variant) = block.variant(format) else {
            continue;
        };
        h.open("tbody", &[]);
        h.open("tr", &[]);
        th(h, block.zh, width + 1, 1, "colgroup");
        h.close("tr");
        h.open("tr", &[]);
        th(h, lang.pick("信息内容", "Item"), 1, 1, "col");
        for (i, c) in variant.columns.iter().enumerate() {
            let span = if i + 1 == variant.columns.len() {
                width - variant.columns.len() + 1
            } else {
                1
            };
            th(h, lang.pick(c.zh, c.en), span, 1, "col");
        }
        h.close("tr");
        for row in variant.rows {
            h.open("tr", &[]);
            th(h, lang.pick(row.zh, row.en), 1, 1, "row");
            for (i, c) in variant.columns.iter().enumerate() {
                value_cell(h, r, cell_id(row.id, c.id), lang);
                if i + 1 == variant.columns.len() {
                    for _ in variant.columns.len()..width {
                        h.leaf("td", &[("class", "gouji-pad"), ("aria-hidden", "true")], "");
                    }
                }
            }
            h.close("tr");
        }
        h.close("tbody");
    }
    h.close("table");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut h = Html {
            out: String::new(),
            clean: false,
            ix: &Index::default(),
        };
        h.leaf(
            "td",
            &[("title", "\"><script>")],
            "<img src=x onerror=alert(1)>&",
        );
        assert_eq!(
            h.out,
            "<td title=\"&quot;&gt;&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt;&amp;</td>"
        );
    }
}
