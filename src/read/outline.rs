//! Locating the parts of a report: part headings, the table regions, the title, the year,
//! the statistics period, the publication date, and the prose between the tables.
//!
//! Invariant: regions never overlap and are in input order; a part's region ends where the
//! next heading (of any part) or the next region begins.

use super::tokens::{Line, TokenKind};
use crate::bytes;
use crate::fold::{fold_char, key_char};
use crate::format::Part;
use crate::model::Pos;
use std::ops::Range;

/// Keywords that name each of the six parts in a heading (index 0 = part 一).
const PART_KEYS: [&[&str]; 6] = [
    &["总体情况", "总体"],
    &["主动公开"],
    &["收到和处理", "申请情况", "依申请", "处理政府信息公开申请"],
    &["行政复议", "行政诉讼"],
    &["存在的主要问题", "主要问题", "问题", "改进"],
    &["其他需要报告", "其他事项", "其他"],
];
const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];

/// The UTF-8 bytes of 第 and of the numerals: what a heading's first character can be.
const HEAD_STARTS: [[u8; 3]; 7] = [
    [0xE7, 0xAC, 0xAC], // 第
    [0xE4, 0xB8, 0x80], // 一
    [0xE4, 0xBA, 0x8C], // 二
    [0xE4, 0xB8, 0x89], // 三
    [0xE5, 0x9B, 0x9B], // 四
    [0xE4, 0xBA, 0x94], // 五
    [0xE5, 0x85, 0xAD], // 六
];

#[derive(Clone, Debug, Default)]
pub struct Outline {
    /// (line index, part number 1..=6) of each heading found.
    pub headings: Vec<(usize, u8)>,
    /// Line ranges of the three tables' regions.
    pub regions: [Option<Range<usize>>; 3],
    /// Whether a region was found by its heading (not by its content alone).
    pub by_heading: [bool; 3],
}

impl Outline {
    pub fn region(&self, part: Part) -> Option<Range<usize>> {
        self.regions[part_index(part)].clone()
    }

    pub fn in_region(&self, line: usize) -> bool {
        self.regions.iter().flatten().any(|r| r.contains(&line))
    }

    /// The index among the prose's lines (those in no region: [`Prose::line_starts`]) of the
    /// first prose line at or after input line `line`.
    pub fn prose_line(&self, line: usize) -> usize {
        // the lines before `line` in any region, counted once where regions overlap (a region
        // found by its content can lie inside another in hostile input)
        let mut spans: [(usize, usize); 3] = [(0, 0); 3];
        for (s, r) in spans.iter_mut().zip(&self.regions) {
            if let Some(r) = r {
                *s = (r.start.min(line), r.end.min(line));
            }
        }
        spans.sort_unstable();
        let (mut in_regions, mut reach) = (0, 0);
        for (start, end) in spans {
            let start = start.max(reach);
            if end > start {
                in_regions += end - start;
                reach = end;
            }
        }
        line.saturating_sub(in_regions)
    }
}

fn part_index(part: Part) -> usize {
    match part {
        Part::P2 => 0,
        Part::P3 => 1,
        Part::P4 => 2,
    }
}

/// A line's folded key, up to `cap` characters (`None` if longer).
pub fn line_key(line: &Line, cap: usize) -> Option<String> {
    // folding never lengthens text (a radical or a full-width form at most keeps its size):
    // one allocation, not one per doubling
    let size: usize = line.tokens.iter().map(|t| t.text.len()).sum();
    let mut s = String::with_capacity(size.min(cap * 4));
    line_key_into(line, cap, &mut s).then_some(s)
}

/// [`line_key`] into `s` (cleared first), for callers that look at many lines with one
/// buffer; `false` if the line is longer than `cap` characters.
pub fn line_key_into(line: &Line, cap: usize, s: &mut String) -> bool {
    s.clear();
    let mut n = 0;
    for t in line.tokens {
        let from = s.len();
        crate::fold::push_key(s, t.text);
        n += crate::bytes::char_count(&s[from..]);
        if n > cap {
            return false;
        }
    }
    true
}

/// The part a heading line names, if it is one.
fn heading_part(line: &Line, key: &mut String) -> Option<u8> {
    // a heading starts with 第 or a numeral: most lines are rejected here without folding,
    // by their first bytes (unless these may be dropped or folded: quotes, invisible
    // characters, radicals, full-width forms)
    let text = line.tokens.first()?.text;
    let may_head = match text.as_bytes() {
        [b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3 | 0xEF, ..] => true,
        [a @ 0xE4..=0xE9, b, c, ..] => HEAD_STARTS.contains(&[*a, *b, *c]),
        _ => false,
    };
    if !may_head {
        return None;
    }
    let first = text.chars().find_map(key_char)?;
    if first != '第' && !NUMERALS.contains(&first) {
        return None;
    }
    if line.values() > 0
        && line
            .tokens
            .iter()
            .any(|t| t.kind == TokenKind::Value && !t.text.is_empty())
    {
        return None;
    }
    if !line_key_into(line, 48, key) {
        return None;
    }
    let key = key.strip_prefix('第').unwrap_or(key);
    let mut chars = key.chars();
    let numeral = chars.next()?;
    let n = NUMERALS.iter().position(|&c| c == numeral)?;
    let rest = chars.as_str();
    let (rest, dotted) = match rest.strip_prefix('.') {
        Some(r) => (r, true),
        None => (rest.strip_prefix("部分").unwrap_or(rest), false),
    };
    if rest.contains('。') {
        return None;
    }
    // part 三's own row labels 一、…四、 (「三、本年度办理结果」 spanning its rows, whose
    // expansion puts it before every result row's label) are never headings
    if TABLE_ROW_KEYS.iter().any(|k| rest.starts_with(k)) {
        return None;
    }
    let named = |p: usize| {
        PART_KEYS[p].iter().any(|k| {
            if dotted {
                crate::bytes::find(rest, k).is_some()
            } else {
                rest.starts_with(k)
            }
        })
    };
    // the numeral's own part first, then a part whose keyword opens the heading (a report
    // that left a part out numbers the rest one lower: 「五、其他需要报告的事项」)
    if named(n) {
        return Some(n as u8 + 1);
    }
    (0..6)
        .find(|&p| PART_KEYS[p].iter().any(|k| rest.starts_with(k)))
        .map(|p| p as u8 + 1)
}

/// The folded openings of part 三's rows 一、二、三、四 (after their numeral and its dot).
const TABLE_ROW_KEYS: [&str; 4] = ["本年新收", "上年结转", "本年度办理结果", "结转下年度"];

/// Whether a line key holds `word` (a short search: `bytes::find`, no set-up cost).
fn has(key: &str, word: &str) -> bool {
    bytes::find(key, word).is_some()
}

pub fn outline(lines: &[Line]) -> Outline {
    let mut o = Outline {
        headings: Vec::with_capacity(8),
        ..Outline::default()
    };
    let mut key = String::with_capacity(256);
    for (i, line) in lines.iter().enumerate() {
        if let Some(p) = heading_part(line, &mut key) {
            // a part heading cannot repeat a part already seen
            if !o.headings.iter().any(|&(_, q)| q == p) {
                o.headings.push((i, p));
            }
        }
    }
    let heading_of = |p: u8| o.headings.iter().find(|&&(_, q)| q == p).map(|&(i, _)| i);
    let mut starts: [Option<usize>; 3] = [heading_of(2), heading_of(3), heading_of(4)];
    for (k, s) in starts.iter().enumerate() {
        o.by_heading[k] = s.is_some();
    }
    // tables pasted without their headings: find them by their content
    if starts[0].is_none() {
        starts[0] = find_line(lines, 0, |k| has(k, "第二十条") && k.chars().count() <= 40);
    }
    if starts[1].is_none() {
        starts[1] = find_line(lines, 0, |k| {
            has(k, "本年新收") || has(k, "勾稽关系") || k.starts_with("申请人情况")
        });
        // back up to the header rows just above the first row
        if let Some(s) = starts[1] {
            let mut b = s;
            while b > 0 && b + 8 > s && lines[b - 1].values() == 0 && !is_heading_line(&o, b - 1) {
                b -= 1;
            }
            starts[1] = Some(b);
        }
    }
    if starts[2].is_none() {
        let from = starts[1].unwrap_or(0);
        starts[2] = find_line(lines, from, |k| {
            has(k, "行政复议") && !k.contains('。') && k.chars().count() <= 120
        })
        .filter(|&s| {
            lines[s..lines.len().min(s + 12)]
                .iter()
                .any(|l| line_key(l, 400).is_some_and(|k| has(&k, "维持")))
        });
    }
    let mut bounds: Vec<usize> = Vec::with_capacity(o.headings.len() + starts.len());
    bounds.extend(o.headings.iter().map(|&(i, _)| i));
    bounds.extend(starts.iter().flatten());
    bounds.sort_unstable();
    for (k, s) in starts.iter().enumerate() {
        if let Some(s) = *s {
            let end = bounds
                .iter()
                .copied()
                .find(|&b| b > s)
                .unwrap_or(lines.len());
            o.regions[k] = Some(s..end);
        }
    }
    o
}

fn is_heading_line(o: &Outline, i: usize) -> bool {
    o.headings.iter().any(|&(h, _)| h == i)
}

fn find_line(lines: &[Line], from: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
    (from..lines.len()).find(|&i| line_key(&lines[i], 400).is_some_and(|k| pred(&k)))
}

/// Text outside the tables, folded, without white space, with where each character came from.
#[derive(Clone, Debug, Default)]
pub struct Prose {
    pub text: String,
    /// (byte offset in `text`, position in the input) where a run of characters with
    /// consecutive columns begins; a character's column is its run's plus its place in the run.
    runs: Vec<(u32, Pos)>,
    /// Byte offset at which each source line starts in `text` (lines in a table are not prose:
    /// see [`Outline::prose_line`]).
    pub line_starts: Vec<usize>,
}

impl Prose {
    pub fn from_lines(lines: &[Line], skip: impl Fn(usize) -> bool) -> Prose {
        let size: usize = lines
            .iter()
            .flat_map(|l| l.tokens)
            .map(|t| t.text.len())
            .sum();
        let mut p = Prose {
            text: String::with_capacity(size),
            runs: Vec::with_capacity(size / 8),
            line_starts: Vec::with_capacity(lines.len()),
        };
        for (i, line) in lines.iter().enumerate() {
            if skip(i) {
                continue;
            }
            p.line_starts.push(p.text.len());
            for t in line.tokens {
                p.push_token(t.text, t.pos);
            }
        }
        p
    }

    /// Appends a token folded. Characters that fold to themselves are copied in runs; a
    /// dropped character breaks the run of columns (a new run records where the next begins).
    fn push_token(&mut self, text: &str, pos: Pos) {
        let b = text.as_bytes();
        let (mut i, mut k) = (0, 0); // byte and character of `text`
        let mut in_run = false;
        let mut plain: Option<usize> = None; // byte where pending unchanged characters begin
        while i < b.len() {
            // within unchanged characters, whole words of them at a time
            if plain.is_some() && i + 8 <= b.len() {
                let x = bytes::word(&b[i..]);
                if is_plain_word(x) {
                    k += bytes::chars_starting(x);
                    i = bytes::to_char_start(b, i + 8);
                    continue;
                }
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            if folds_to_itself(c) {
                if !in_run {
                    self.start_run(pos, k);
                    in_run = true;
                }
                plain.get_or_insert(i);
            } else {
                if let Some(from) = plain.take() {
                    self.text.push_str(&text[from..i]);
                }
                match fold_char(c).filter(|f| !f.is_whitespace()) {
                    Some(f) => {
                        if !in_run {
                            self.start_run(pos, k);
                            in_run = true;
                        }
                        self.text.push(f);
                    }
                    None => in_run = false,
                }
            }
            i += c.len_utf8();
            k += 1;
        }
        if let Some(from) = plain {
            self.text.push_str(&text[from..]);
        }
    }

    /// Records that the text from here on comes from character `k` of a token at `pos`.
    fn start_run(&mut self, pos: Pos, k: usize) {
        let at = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        let pos = match pos {
            Pos::Text { line, col } => Pos::Text {
                line,
                col: col.saturating_add(u32::try_from(k).unwrap_or(u32::MAX)),
            },
            grid => grid,
        };
        self.runs.push((at, pos));
    }

    /// Where the character at byte `byte` of `text` came from.
    pub fn pos_at_byte(&self, byte: usize) -> Pos {
        let b = u32::try_from(byte).unwrap_or(u32::MAX);
        let i = match self.runs.binary_search_by_key(&b, |&(at, _)| at) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        match self.runs.get(i) {
            Some(&(at, Pos::Text { line, col })) => {
                let start = (at as usize).min(self.text.len());
                let end = byte.min(self.text.len()).max(start);
                let k = self.text.get(start..end).map_or(0, |s| s.chars().count());
                Pos::Text {
                    line,
                    col: col.saturating_add(u32::try_from(k).unwrap_or(u32::MAX)),
                }
            }
            Some(&(_, grid)) => grid,
            None => Pos::Text { line: 1, col: 1 },
        }
    }
}

/// Whether the eight bytes of `x` are all printable ASCII, ideographs (lead bytes E4–E9, all
/// kept as they are) or bytes continuing a character: text that folding leaves as it is.
fn is_plain_word(x: u64) -> bool {
    let other_lead = bytes::lead_mask(x) & !bytes::ideograph_lead_mask(x);
    (bytes::below_mask(x, 0x21) | other_lead) == 0
}

/// A character that [`fold_char`] keeps as it is and that is not white space.
fn folds_to_itself(c: char) -> bool {
    let u = c as u32;
    (0x21..0x80).contains(&u) || (0x4E00..=0x9FFF).contains(&u) || (0x3001..=0x303F).contains(&u)
}

/// What the reviewers' structure checks (`rules/structure.rs`) need: where each part's heading
/// stands, what part 五 says, whether part 六 speaks of fees, template text left in.
#[derive(Clone, Debug, Default)]
pub struct Structure {
    /// Each part heading found (part 1..=6) and where, in input order.
    pub headings: Vec<(u8, Pos)>,
    /// Part 五's text (folded, without white space or punctuation), up to a few characters:
    /// enough to tell an empty part or a bare 「无」 from a written one.
    pub part5: Option<String>,
    /// Whether part 六's text names 信息处理费 or 收费 (`None`: no part 六 heading).
    pub part6_fees: Option<bool>,
    /// Template text left in the prose: which (an index of `format::TEMPLATE_TEXT`), how many
    /// times, and where first; in the order first seen.
    pub template: Vec<(usize, usize, Pos)>,
}

pub fn structure(lines: &[Line], outline: &Outline, prose: &Prose) -> Structure {
    let mut s = Structure {
        headings: outline
            .headings
            .iter()
            .filter_map(|&(i, p)| Some((p, lines.get(i)?.tokens.first()?.pos)))
            .collect(),
        ..Structure::default()
    };
    // the prose of a part: from the line after its heading to the next heading
    let body = |part: u8| -> Option<&str> {
        let &(line, _) = outline.headings.iter().find(|&&(_, p)| p == part)?;
        let next = outline
            .headings
            .iter()
            .map(|&(i, _)| i)
            .filter(|&i| i > line)
            .min()
            .unwrap_or(usize::MAX);
        let k = outline.prose_line(line + 1);
        let end_k = outline.prose_line(next);
        let mut from = prose
            .line_starts
            .get(k)
            .copied()
            .unwrap_or(prose.text.len());
        // what the heading line says after its name (「五、存在的主要问题及改进情况：无」): the
        // heading's own line, where it is prose
        let own = (!outline.in_region(line)).then(|| outline.prose_line(line));
        if let Some(&h) = own.and_then(|h| prose.line_starts.get(h)) {
            let head = &prose.text[h..from];
            if let Some(j) = bytes::rfind(head, "情况").or_else(|| bytes::rfind(head, "事项")) {
                from = h + j + "情况".len();
            }
        }
        let to = prose
            .line_starts
            .get(end_k)
            .copied()
            .unwrap_or(prose.text.len());
        prose.text.get(from..to.max(from))
    };
    s.part5 = body(5).map(|t| {
        // letters, digits and ideographs (not `char::is_alphanumeric`: its Unicode tables are
        // large in WebAssembly, and a report's text needs no more)
        t.chars()
            .filter(|&c| c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c))
            .take(8)
            .collect::<String>()
    });
    s.part6_fees =
        body(6).map(|t| bytes::find(t, "处理费").is_some() || bytes::find(t, "收费").is_some());
    let t = &prose.text;
    let mut found = Vec::new();
    for (k, (pat, _)) in crate::format::TEMPLATE_TEXT.iter().enumerate() {
        let mut first = None;
        let mut n = 0;
        let mut from = 0;
        while let Some(j) = t.get(from..).and_then(|r| bytes::find(r, pat)) {
            let at = from + j;
            from = at + pat.len();
            // XX inside a Latin word or a longer run of X is not the template's
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            if pat.is_ascii()
                && (latin(t[..at].chars().next_back()) || latin(t[from..].chars().next()))
            {
                continue;
            }
            n += 1;
            first.get_or_insert(at);
        }
        if let Some(at) = first {
            // in the order they first appear (a few at most: an insertion, not a sort)
            let i = found.partition_point(|&(b, _, _)| b < at);
            found.insert(i, (at, k, n));
        }
    }
    s.template = found
        .into_iter()
        .map(|(at, k, n)| (k, n, prose.pos_at_byte(at)))
        .collect();
    s
}

/// The report's title and the year it names.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub title_year: Option<i32>,
    /// The year of the statistics period (统计期限自2023年1月1日…), with its position.
    pub period_year: Option<(i32, Pos)>,
    /// The publication date shown on the page (发布时间:2021-01-18).
    pub published: Option<(i32, u32, u32)>,
    /// Where the publication date was read.
    pub published_at: Option<Pos>,
    /// Years that open a clause of the body (「2023年，…」).
    pub body_years: Vec<(i32, Pos)>,
    /// Any year before 2019 named with 年度报告 / 工作报告 (a pre-2019 report).
    pub old_year: Option<i32>,
}

pub fn meta(lines: &[Line], outline: &Outline, prose: &Prose) -> Meta {
    let mut m = Meta::default();
    let first_heading = outline
        .headings
        .first()
        .map_or(lines.len().min(20), |&(i, _)| i);
    for i in 0..first_heading.min(lines.len()) {
        let Some(k) = line_key(&lines[i], 60) else {
            continue;
        };
        let has = |w: &str| bytes::find(&k, w).is_some();
        if !(has("报告") && (has("年度") || has("工作"))) || k.contains('。') {
            continue;
        }
        let mut title = plain(&lines[i]);
        let starts_with_year = title.chars().next().is_some_and(|c| c.is_ascii_digit());
        if starts_with_year && i > 0 {
            let prev = plain(&lines[i - 1]);
            let n = prev.chars().count();
            if n > 0 && n <= 24 && !prev.contains('。') && !prev.contains(':') {
                title.insert_str(0, &prev);
            }
        }
        m.title_year = year_before(&title, "年");
        m.title = Some(title);
        break;
    }
    let t = &prose.text;
    if m.title_year.is_none() {
        for pat in [
            "年度政府信息公开",
            "年政府信息公开工作",
            "年度政务公开",
            "年政务公开",
        ] {
            if let Some(i) = t.find(pat) {
                m.title_year = year_ending_at(t, i);
                if m.title_year.is_some() {
                    break;
                }
            }
        }
    }
    // one pass for 统计期限/时限/期间/… and one for 发布时间/日期 (the text can be long)
    for (i, _) in t.match_indices("统计") {
        let after = &t[i + "统计".len()..];
        let named = ["期限", "时限", "期间", "时间", "区间", "周期"]
            .iter()
            .any(|w| after.starts_with(w))
            || t[..i].ends_with("数据");
        if !named {
            continue;
        }
        let window_end = t[i..]
            .char_indices()
            .nth(24)
            .map_or(t.len(), |(b, _)| i + b);
        if let Some(j) = t[i..window_end].find("年1月1日") {
            let at = i + j;
            if let Some(y) = year_ending_at(t, at) {
                m.period_year = Some((y, prose.pos_at_byte(at - 4)));
                break;
            }
        }
    }
    for (i, w) in t.match_indices("日期").chain(t.match_indices("时间")) {
        if !(t[..i].ends_with("发布") || t[..i].ends_with("成文")) {
            continue;
        }
        let rest = &t[i + w.len()..];
        m.published = date_at(rest.strip_prefix(':').unwrap_or(rest));
        if m.published.is_some() {
            m.published_at = Some(prose.pos_at_byte(i - "发布".len()));
            break;
        }
    }
    // years opening a clause: after start, punctuation, or a line start
    let bytes = t.as_bytes();
    let mut search = 0;
    while let Some(j) = t[search..].find('年') {
        let at = search + j;
        search = at + '年'.len_utf8();
        if let Some(y) = year_ending_at(t, at) {
            let before = &t[..at - 4];
            let opens = before.is_empty()
                || before.ends_with(['。', ';', '；', ')', '）'])
                || prose.line_starts.binary_search(&(at - 4)).is_ok();
            let after = &t[search..];
            let clause = after.starts_with(',')
                || after.starts_with('，')
                || after.starts_with("度,")
                || after.starts_with("度，");
            if opens && clause {
                m.body_years.push((y, prose.pos_at_byte(at - 4)));
            }
            if y < 2019
                && (after.starts_with("度政府信息公开")
                    || after.starts_with("政府信息公开工作年度报告"))
            {
                m.old_year = Some(y);
            }
        }
        let _ = bytes;
    }
    m
}

/// A line's text folded, without white space (PDF titles are spaced out).
fn plain(line: &Line) -> String {
    // folding never lengthens text: one allocation
    let mut s = String::with_capacity(line.tokens.iter().map(|t| t.text.len()).sum());
    s.extend(
        line.tokens
            .iter()
            .flat_map(|t| t.text.chars())
            .filter_map(fold_char)
            .filter(|c| !c.is_whitespace()),
    );
    s
}

/// A four-digit year 2000–2099 (or 1990s) ending right before byte `at`.
pub fn year_ending_at(t: &str, at: usize) -> Option<i32> {
    let s = t.get(at.checked_sub(4)?..at)?;
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // not part of a longer number
    if t[..at - 4]
        .bytes()
        .last()
        .is_some_and(|b| b.is_ascii_digit())
    {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1990..=2099).contains(&y).then_some(y)
}

fn year_before(s: &str, marker: &str) -> Option<i32> {
    let mut from = 0;
    while let Some(j) = s[from..].find(marker) {
        if let Some(y) = year_ending_at(s, from + j) {
            return Some(y);
        }
        from += j + marker.len();
    }
    None
}

/// `2021-01-18`, `2021年1月18日`, `2021/1/18`, `2021.01.18` (what follows may touch the day:
/// the prose has no spaces, so `2021-01-18 17:16` reads `2021-01-1817:16`).
fn date_at(s: &str) -> Option<(i32, u32, u32)> {
    // (value, bytes read) of up to `max` digits at `i`
    fn number(s: &str, i: usize, max: usize) -> Option<(u32, usize)> {
        let n = s
            .as_bytes()
            .get(i..)?
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count();
        Some((s.get(i..i + n)?.parse().ok()?, n))
    }
    fn sep(s: &str, i: usize) -> Option<usize> {
        let rest = s.get(i..)?;
        ["-", "/", ".", "年", "月"]
            .iter()
            .find(|p| rest.starts_with(**p))
            .map(|p| p.len())
    }
    let (y, n) = number(s, 0, 4)?;
    let mut i = n + sep(s, n)?;
    let (mo, n) = number(s, i, 2)?;
    i += n;
    i += sep(s, i)?;
    let (d, _) = number(s, i, 2)?;
    ((2000..=2099).contains(&y) && (1..=12).contains(&mo) && (1..=31).contains(&d))
        .then_some((y as i32, mo, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::tokens::lines_of_text;

    #[test]
    fn heading_starts_are_the_bytes_of_their_characters() {
        let chars = ['第', '一', '二', '三', '四', '五', '六'];
        for (c, bytes) in chars.iter().zip(HEAD_STARTS) {
            assert_eq!(c.to_string().as_bytes(), bytes, "{c}");
        }
        assert_eq!(&chars[1..], &NUMERALS);
    }

    #[test]
    fn headings_skip_table_rows_with_the_same_numerals() {
        let text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况";
        let doc = lines_of_text(text);
        let lines = doc.lines();
        let o = outline(&lines);
        assert_eq!(o.headings, vec![(0, 3), (3, 4), (4, 5)]);
        assert_eq!(o.region(Part::P3), Some(0..3));
        assert_eq!(o.region(Part::P4), Some(3..4));
    }

    #[test]
    fn meta_reads_title_period_and_publication() {
        let text = "发布时间:2021-04-18 17:16\n某县2020年政府信息公开工作年度报告\n本报告中所列数据统计时限为 2019 年1月1日至2019年12月31日。\n一、总体情况\n2020 年，我县…";
        let doc = lines_of_text(text);
        let lines = doc.lines();
        let o = outline(&lines);
        let prose = Prose::from_lines(&lines, |i| o.in_region(i));
        let m = meta(&lines, &o, &prose);
        assert_eq!(
            m.title.as_deref(),
            Some("某县2020年政府信息公开工作年度报告")
        );
        assert_eq!(m.title_year, Some(2020));
        assert_eq!(m.published, Some((2021, 4, 18)));
        // the period's year, pointing at its digits in the input (line 3, after spaces)
        assert_eq!(m.period_year, Some((2019, Pos::Text { line: 3, col: 15 })));
        assert_eq!(m.body_years.first().map(|b| b.0), Some(2020));
    }

    #[test]
    fn prose_line_counts_the_lines_outside_every_region_once() {
        // the plain count, against regions apart, touching, nested and overlapping
        let cases: [[Option<Range<usize>>; 3]; 4] = [
            [Some(2..5), Some(7..9), None],
            [Some(2..5), Some(5..8), Some(8..9)],
            [Some(1..10), Some(3..4), None],
            [Some(4..9), Some(2..6), Some(5..12)],
        ];
        for regions in cases {
            let o = Outline {
                regions,
                ..Outline::default()
            };
            for line in 0..15 {
                let plain = (0..line).filter(|&i| !o.in_region(i)).count();
                assert_eq!(o.prose_line(line), plain, "{:?} at {line}", o.regions);
            }
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date_at("2021-01-18 17:16"), Some((2021, 1, 18)));
        assert_eq!(date_at("2021年1月17日"), Some((2021, 1, 17)));
        assert_eq!(date_at("abc"), None);
    }
}
