//! Reading part 三: finds each row by its label keys in the region's stream, then gives each
//! row the run of seven figures anchored in its label's span. With no labels at all, a block
//! of exactly 161 or 175 figures is read in the official order.

use super::columns::{align, columns_of, Columns};
use super::stream::{trim_padding, Group, Stream};
use super::tokens::{Line, Token};
use super::value::{parse, parse_folded, parse_plain};
use crate::format::part3::{
    self, Group as RowGroup, Row, COLUMNS, ORG_SUBTOTAL, OTHER_SPLIT, SUBTOTALS,
};
use crate::format::Column;
use crate::format::{CellId, FormatId};
use crate::model::Pos;
use crate::model::{Finding, Rule, Severity, Sheet};
use std::collections::VecDeque;

const WIDTH: usize = COLUMNS.len();

/// The columns of the table as printed: the official seven, or eight with a 小计 column;
/// each with its place in `part3::grid` (the 小计 last).
type Cols = Vec<(&'static Column, usize)>;

pub struct Read {
    /// The variant read: F2021 when （六） has its three sub-rows.
    pub variant: FormatId,
    pub figures_only: bool,
}

pub fn row_cells(row: &Row) -> Vec<CellId> {
    COLUMNS
        .iter()
        .filter_map(|c| CellId::of(row.id, c.id))
        .collect()
}

/// The printed columns: a 小计 column (of 法人或其他组织) in the header makes eight, placed
/// where the header has it (after 自然人, or after 其他).
fn printed_columns(header: &str) -> Cols {
    let mut cols: Cols = COLUMNS.iter().zip(0..).collect();
    if let Some(sub) = crate::bytes::find(header, "小计") {
        let at = match crate::bytes::find(header, "商业") {
            Some(b) if sub < b => 1,
            _ => 6,
        };
        cols.insert(at, (&ORG_SUBTOTAL, COLUMNS.len()));
    }
    cols
}

/// Reads the part 三 rows of `lines` into `sheet`. `None` when nothing of the table is there.
pub fn read(lines: &[Line], sheet: &mut Sheet, findings: &mut Vec<Finding>) -> Option<Read> {
    let stream = Stream::build(lines);

    // 1. each row's label, in order, and whether （六） is split
    let (starts, split) = find_labels(&stream);
    let rows = part3::rows(split);
    if starts.iter().all(Option::is_none) {
        return read_figures_only(&stream, sheet);
    }
    // labels, then the figures a column at a time (a PDF's text copied in block order): the
    // rows cannot be told, and guessing them would make arithmetic errors of a reading
    if let Some(run) = columnar(lines) {
        findings.push(structure_lost(rows, run));
        return Some(Read {
            variant: if split {
                FormatId::F2021
            } else {
                FormatId::F2019
            },
            figures_only: false,
        });
    }
    let first = starts.iter().flatten().next().copied().unwrap_or(0);
    let cols = printed_columns(&stream.keys[..first]);
    let width = cols.len();
    if width > WIDTH {
        findings.push(Finding::new(
            Rule::TableExtra,
            Severity::Info,
            "第三部分有「法人或其他组织」小计列，格式中没有此列；已按小计核对".to_owned(),
            "Part 3 has a subtotal column for organisations, which is not in the format; it was checked as a subtotal".to_owned(),
        ));
    }

    // 2. optional subtotal rows under a group label, just before the group's first row
    let labelled = labels_with_subtotals(&stream, rows, &starts, split);

    // 3. runs of figures to the label span they stand in
    let runs = runs_by_label(&stream, &labelled);

    // complete space-aligned rows: where the columns are, for rows printed with a blank cell
    // (worked out only if a row needs them)
    let mut columns: Option<Vec<Columns>> = None;

    // 4. each row takes its run; rows whose label was not recognised take surplus runs in order
    let mut surplus: VecDeque<&[&Token]> = VecDeque::new();
    let grid = part3::grid(split);
    let ordered: Vec<(&'static Row, Option<usize>, &RowCells)> = {
        let mut v: Vec<(&'static Row, Option<usize>, &RowCells)> =
            Vec::with_capacity(rows.len() + SUBTOTALS.len());
        let mut li = 0;
        for (i, (row, start)) in rows.iter().zip(&starts).enumerate() {
            // subtotal rows sit just before their group's first row
            while li < labelled.len() && matches!(labelled[li].1.role, part3::Role::Subtotal(_)) {
                if start.is_none_or(|s| labelled[li].0 < s) {
                    v.push((labelled[li].1, Some(li), &grid[labelled[li].2]));
                    li += 1;
                } else {
                    break;
                }
            }
            if start.is_some() {
                v.push((*row, Some(li), &grid[i]));
                li += 1;
            } else {
                v.push((*row, None, &grid[i]));
            }
        }
        v
    };
    let torn = torn_stretches(&stream, &labelled, &runs, width);
    let mut torn_rows: Vec<&Row> = Vec::new();
    let mut torn_figures: Vec<&[&Token]> = Vec::new();
    for (row, li, slots) in ordered {
        match li.map(|li| (li, &torn[li])) {
            Some((_, Torn::Placed(run))) => insert(sheet, slots, run, &cols),
            Some((li, Torn::Unread)) => {
                torn_rows.push(row);
                torn_figures.extend(runs[li].iter().map(|g| &*g.tokens));
            }
            Some((li, Torn::Own)) => {
                report_surplus(&mut surplus, row, findings);
                // the first complete run is the row's; any further ones are surplus
                let mut full = runs[li].iter().filter_map(|g| fit(&g.tokens, width));
                if let Some(first) = full.next() {
                    insert(sheet, slots, first, &cols);
                    surplus.extend(full);
                } else if !runs[li].is_empty() {
                    let all: Vec<&Token> = runs[li]
                        .iter()
                        .flat_map(|g| g.tokens.iter().copied())
                        .collect();
                    match fit(&all, width) {
                        Some(t) => insert(sheet, slots, t, &cols),
                        None => match align(
                            runs[li],
                            columns.get_or_insert_with(|| {
                                stream
                                    .groups
                                    .iter()
                                    .filter_map(|g| columns_of(g, width))
                                    .collect()
                            }),
                            width,
                        ) {
                            Some(cells) => insert_aligned(sheet, slots, &cells, &cols),
                            None => findings.push(unreadable(row, &all, width)),
                        },
                    }
                } else {
                    let seg_end = labelled
                        .get(li + 1)
                        .map_or(stream.keys.len(), |&(s, _, _)| s);
                    let seg = &stream.keys[labelled[li].0..seg_end];
                    // a row the drafter left blank: its cells are there, empty
                    match blank_row(&stream, labelled[li].0, seg_end, width) {
                        Some(at) => insert_blank(sheet, slots, at, &cols),
                        None => findings.push(no_figures(row, seg, width)),
                    }
                }
                if matches!(row.role, part3::Role::Subtotal(_)) {
                    findings.push(subtotal_note(row));
                }
            }
            None => match surplus.pop_front() {
                Some(t) => {
                    insert(sheet, slots, t, &cols);
                    findings.push(by_position(row));
                }
                None => findings.push(missing(row)),
            },
        }
    }
    if let Some(last) = rows.last() {
        report_surplus(&mut surplus, last, findings);
    }
    if !torn_rows.is_empty() {
        findings.push(torn_finding(&torn_rows, &torn_figures));
    }
    Some(Read {
        variant: if split {
            FormatId::F2021
        } else {
            FormatId::F2019
        },
        figures_only: false,
    })
}

/// How a labelled row gets its figures: its own run (the usual case), a run placed by the
/// template's order in a stretch where labels and figures came apart, or none (unread).
#[derive(Clone, Copy)]
enum Torn<'r, 't, 'a> {
    Own,
    Placed(&'r [&'t Token<'a>]),
    Unread,
}

/// Labels and value rows torn apart (a PDF→Markdown conversion): a stretch of labelled rows in
/// which rows with no figures of their own and rows with several complete runs alternate —
/// labels `L1 L2 L3` then value rows `V1 V2 V3`, or a value row left under the next label.
/// Where the stretch holds exactly one complete run per row, the runs go to the rows in the
/// template's order (the only reading order and count agree on); otherwise no row of the
/// stretch is read (its figures are said as unread), never a cell filled from another row.
/// A row with no figures alone (left blank) and a row with one extra run alone (an added row
/// of figures) are not stretches: they are read as before.
fn torn_stretches<'r, 't, 'a>(
    stream: &Stream<'t, 'a>,
    labelled: &[(usize, &'static Row, usize)],
    runs: &[&'r [Group<'t, 'a>]],
    width: usize,
) -> Vec<Torn<'r, 't, 'a>> {
    let n = labelled.len();
    let mut out = vec![Torn::Own; n];
    // a row's complete runs; `None` for a row that is not plain: a row left blank (its empty
    // cells are there), or figures that are not a complete row
    let count = |li: usize| {
        let full = runs[li]
            .iter()
            .filter(|g| fit(&g.tokens, width).is_some())
            .count();
        let end = labelled
            .get(li + 1)
            .map_or(stream.keys.len(), |&(s, _, _)| s);
        let blank = full == 0 && blank_row(stream, labelled[li].0, end, width).is_some();
        (full == runs[li].len() && !blank).then_some(full)
    };
    let mut k = 0;
    while k < n {
        let starts = match count(k) {
            Some(0) => true,
            Some(c) => c > 1 && k + 1 < n && count(k + 1) == Some(0),
            None => false,
        };
        if !starts {
            k += 1;
            continue;
        }
        // extend over rows with no run or several, until runs and rows balance
        let (mut j, mut balance) = (k, 0i64);
        while let Some(c) = (j < n).then(|| count(j)).flatten() {
            if c == 1 && j > k {
                break;
            }
            balance += c as i64 - 1;
            j += 1;
            if balance == 0 {
                break;
            }
        }
        if balance == 0 && j - k > 1 {
            let mut placed =
                (k..j).flat_map(|li| runs[li].iter().filter_map(|g| fit(&g.tokens, width)));
            for o in &mut out[k..j] {
                *o = placed.next().map_or(Torn::Unread, Torn::Placed);
            }
        } else if j - k > 1 || count(k) != Some(0) {
            out[k..j].fill(Torn::Unread);
        }
        k = j.max(k + 1);
    }
    out
}

/// The one finding for rows whose labels and figures came apart and could not be placed.
fn torn_finding(rows: &[&Row], figures: &[&[&Token]]) -> Finding {
    let names: Vec<String> = rows.iter().map(|r| row_label(r)).collect();
    let shown: Vec<String> = figures
        .iter()
        .map(|run| run.iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
        .collect();
    Finding::new(
        Rule::TableMissing,
        Severity::Error,
        format!(
            "第三部分有{}行的行名与数字在转换时错开（{}），看不出哪些数字属于哪一行，未读取；其数字为：{}，请对照原文件核对",
            rows.len(),
            names.join("、"),
            shown.join("；")
        ),
        format!(
            "Part 3: the labels and figures of {} rows came apart in conversion, so which figures are whose cannot be told; not read. Their figures: {}; check them against the original",
            rows.len(),
            shown.join("; ")
        ),
    )
    .with_cells(rows.iter().flat_map(|r| row_cells(r)).collect())
    .at(figures.first().and_then(|r| r.first()).map(|t| t.pos))
    .reading()
}

/// Phase 1: where each row's label starts (`None`: not found), in order, and whether （六） is
/// split: first the rows both formats share, then whether （六）'s split rows' labels stand
/// anywhere, then the rest of the rows.
fn find_labels(stream: &Stream) -> (Vec<Option<usize>>, bool) {
    let mut starts: Vec<Option<usize>> = Vec::with_capacity(part3::rows(true).len());
    let mut cursor = 0;
    let mut find_rows = |rows: &[&Row]| {
        for row in rows {
            match stream.find_any(cursor, row.keys, usize::MAX) {
                Some((s, e)) => {
                    starts.push(Some(s));
                    cursor = e;
                }
                None => starts.push(None),
            }
        }
        cursor
    };
    let shared = part3::shared_rows();
    let after_shared = find_rows(&part3::rows(true)[..shared]);
    let split_rows = &OTHER_SPLIT[..2];
    let found = |from: usize, before: usize| {
        split_rows
            .iter()
            .any(|r| stream.find_any(from, r.keys, before).is_some())
    };
    // where they stand, after the shared rows, first; then before (a match may cross over)
    let longest = split_rows
        .iter()
        .flat_map(|r| r.keys)
        .map(|k| k.len())
        .max();
    let split = found(after_shared, usize::MAX)
        || (after_shared > 0 && found(0, after_shared + longest.unwrap_or(0)));
    find_rows(&part3::rows(split)[shared..]);
    (starts, split)
}

/// Phase 2: the labels found, with the optional subtotal rows some reports add under a group
/// label just before the group's first row, in the order they stand: (where the label starts,
/// the row, the row's place in `part3::grid`).
fn labels_with_subtotals(
    stream: &Stream,
    rows: &[&'static Row],
    starts: &[Option<usize>],
    split: bool,
) -> Vec<(usize, &'static Row, usize)> {
    let mut labelled: Vec<(usize, &'static Row, usize)> = rows
        .iter()
        .zip(starts)
        .enumerate()
        .filter_map(|(i, (r, s))| s.map(|s| (s, *r, i)))
        .collect();
    for (k, sub) in SUBTOTALS.iter().enumerate() {
        let part3::Role::Subtotal(group) = sub.role else {
            continue;
        };
        if group == RowGroup::Other && !split {
            continue;
        }
        let Some(first) = rows.iter().position(|r| r.group == Some(group)) else {
            continue;
        };
        let (Some(lo), Some(hi)) = (first.checked_sub(1).and_then(|p| starts[p]), starts[first])
        else {
            continue;
        };
        if let Some((s, _)) = stream.find_any(lo, sub.keys, hi) {
            let has_values = stream.groups.iter().any(|g| g.anchor >= s && g.anchor < hi);
            if has_values {
                labelled.push((s, sub, rows.len() + k));
            }
        }
    }
    // few rows, nearly in order: an insertion sort keeps the WebAssembly build small
    for i in 1..labelled.len() {
        let mut j = i;
        while j > 0 && labelled[j - 1].0 > labelled[j].0 {
            labelled.swap(j - 1, j);
            j -= 1;
        }
    }
    labelled
}

/// Phase 3: the runs of figures of each label's span. Anchors never decrease and labels are
/// sorted: one walk over both, and each label's runs are a stretch of the stream's groups.
fn runs_by_label<'s, 't, 'a>(
    stream: &'s Stream<'t, 'a>,
    labelled: &[(usize, &'static Row, usize)],
) -> Vec<&'s [Group<'t, 'a>]> {
    let mut runs: Vec<&[Group]> = vec![&[]; labelled.len()];
    let mut before = 0; // how many labels start before the run
    for (k, g) in stream.groups.iter().enumerate() {
        // strictly before: figures anchored where a label starts belong to the row above
        while before < labelled.len() && labelled[before].0 < g.anchor {
            before += 1;
        }
        if let Some(i) = before.checked_sub(1) {
            let from = k - runs[i].len();
            runs[i] = &stream.groups[from..=k];
        }
    }
    runs
}

/// The longest run of lines that each hold one figure and nothing else, if it is longer than
/// two rows of the table: a copy that gives a table one cell per line (a web page's) never has
/// more than a row's figures between two labels, so such a run is the figures of a column
/// after another (a PDF's text in block order). `None` for a table in rows.
fn columnar<'t>(lines: &[Line<'t, '_>]) -> Option<&'t Token<'t>> {
    let lone = |l: &Line| {
        l.split == crate::read::tokens::Split::Spaces
            && l.tokens.len() == 1
            && l.tokens[0].kind == crate::read::tokens::TokenKind::Value
    };
    let (mut run, mut longest, mut at) = (0, 0, None);
    for (i, l) in lines.iter().enumerate() {
        run = if lone(l) { run + 1 } else { 0 };
        if run > longest {
            longest = run;
            at = Some(i + 1 - run);
        }
    }
    let start = at.filter(|_| longest > 2 * (WIDTH + 1))?;
    lines[start].tokens.first()
}

/// The one finding for a part 三 whose structure was lost (see [`columnar`]).
fn structure_lost(rows: &[&Row], first: &Token) -> Finding {
    Finding::new(
        Rule::TableMissing,
        Severity::Error,
        "第三部分表格的结构在复制时丢失（数字一列接一列排列，看不出哪个数字属于哪一行），无法可靠读取：请拖入 PDF 文件本身，或直接粘贴网页、Word 中的表格，或在「填写表格」中录入".to_owned(),
        "Part 3's table lost its structure when copied (its figures come a column at a time, so which row each belongs to cannot be told): drop the PDF file itself, paste the table from the web page or Word, or fill in the form".to_owned(),
    )
    .with_cells(rows.iter().flat_map(|r| row_cells(r)).collect())
    .at(Some(first.pos))
    .reading()
}

/// A run of exactly seven figures, after dropping empty padding cells at either end.
fn fit<'r, 't, 'a>(tokens: &'r [&'t Token<'a>], width: usize) -> Option<&'r [&'t Token<'a>]> {
    let t = trim_padding(tokens, width);
    (t.len() == width).then_some(t)
}

/// A row's cells (`part3::grid`), by the seven columns and the 小计.
type RowCells = [CellId; 8];

fn insert(sheet: &mut Sheet, cells: &RowCells, tokens: &[&Token], cols: &Cols) {
    for (&(c, ci), t) in cols.iter().zip(tokens) {
        let pos = Some(t.pos);
        // plain digits and the rest stored apart (see `value::parse_plain`)
        match parse_plain(t.text, c.kind) {
            Some(p) => sheet.insert(cells[ci], t.text, p, pos),
            None => sheet.insert(cells[ci], t.text, parse_folded(t.text, c.kind), pos),
        }
    }
}

/// Inserts an aligned row; the cells nothing was printed in are blank, placed where the
/// column's figures end in the nearest complete row.
fn insert_aligned(sheet: &mut Sheet, ids: &RowCells, cells: &[(Option<&Token>, Pos)], cols: &Cols) {
    for (&(c, ci), (t, pos)) in cols.iter().zip(cells) {
        let raw = t.map_or("", |t| t.text);
        sheet.insert(ids[ci], raw, parse(raw, c.kind), Some(*pos));
    }
}

/// The empty cells of a row of label text and empty cells whose label ends in the label span
/// `from..to` (a row the drafter left blank), if it has a cell for each column (and perhaps a
/// trailing empty one): where they stood.
fn blank_row<'t>(
    stream: &Stream<'t, '_>,
    from: usize,
    to: usize,
    width: usize,
) -> Option<&'t [Pos]> {
    stream
        .blank_rows
        .iter()
        .rev()
        // a row left blank carries its own label (a row of empty cells only is no row of it)
        .find(|&&(start, end, _)| start < end && end > from && end <= to)
        .and_then(|&(_, _, cells)| super::stream::blank_cells(cells, width))
}

/// Inserts a row left blank: each cell blank, where it stood.
fn insert_blank(sheet: &mut Sheet, ids: &RowCells, at: &[Pos], cols: &Cols) {
    for (&(c, ci), pos) in cols.iter().zip(at) {
        sheet.insert(ids[ci], "", parse("", c.kind), Some(*pos));
    }
}

fn read_figures_only(stream: &Stream, sheet: &mut Sheet) -> Option<Read> {
    let n = stream.value_count();
    let split = match n {
        175 => true,
        161 => false,
        _ => return None,
    };
    let values: Vec<&Token> = stream.values().collect();
    let cols: Cols = COLUMNS.iter().zip(0..).collect();
    let grid = part3::grid(split);
    let rows = part3::rows(split).len();
    for (cells, chunk) in grid[..rows].iter().zip(values.chunks(WIDTH)) {
        insert(sheet, cells, chunk, &cols);
    }
    Some(Read {
        variant: if split {
            FormatId::F2021
        } else {
            FormatId::F2019
        },
        figures_only: true,
    })
}

pub fn row_label(row: &Row) -> String {
    match row.group {
        Some(g) => format!("{}{}", g.zh(), row.zh),
        None => row.zh.to_owned(),
    }
}

fn missing(row: &Row) -> Finding {
    Finding::new(
        Rule::TableMissing,
        Severity::Error,
        format!("第三部分未找到「{}」行", row_label(row)),
        format!("Part 3: row “{}” not found", row.en),
    )
    .with_cells(row_cells(row))
}

fn by_position(row: &Row) -> Finding {
    Finding::new(
        Rule::TableMissing,
        Severity::Info,
        format!(
            "第三部分未识别出「{}」行的标签，已按格式中的行序读取该行数字",
            row_label(row)
        ),
        format!(
            "Part 3: the label of row “{}” was not recognised; its figures were read by position",
            row.en
        ),
    )
    .with_cells(row_cells(row))
    .reading()
}

fn unreadable(row: &Row, tokens: &[&Token], width: usize) -> Finding {
    let n = tokens.len();
    let long = tokens
        .iter()
        .any(|t| t.text.chars().filter(char::is_ascii_digit).count() > 9);
    let (zh_tail, en_tail) = if n < width && long {
        (
            "，数字可能连在一起，无法可靠读取",
            "; the figures seem to run together and cannot be read reliably",
        )
    } else {
        (
            "，无法确定各数字所在的列",
            "; the columns cannot be told apart",
        )
    };
    Finding::new(
        Rule::TableMissing,
        Severity::Error,
        format!(
            "第三部分「{}」行读到{}个数字，应为{}个{}",
            row_label(row),
            n,
            width,
            zh_tail
        ),
        format!(
            "Part 3, row “{}”: {} figures found, {} expected{}",
            row.en, n, width, en_tail
        ),
    )
    .with_cells(row_cells(row))
    .at(tokens.first().map(|t| t.pos))
    .reading()
}

fn no_figures(row: &Row, label_segment: &str, width: usize) -> Finding {
    let digits = label_segment.chars().filter(char::is_ascii_digit).count();
    let (zh, en) = if digits >= width {
        (
            format!("第三部分「{}」行的数字与文字连在一起，无法可靠读取，请检查原文或直接填写表格", row_label(row)),
            format!("Part 3, row “{}”: the figures run together with the text and cannot be read reliably", row.en),
        )
    } else {
        (
            format!("第三部分「{}」行没有数字", row_label(row)),
            format!("Part 3, row “{}”: no figures found", row.en),
        )
    };
    Finding::new(Rule::TableMissing, Severity::Error, zh, en)
        .with_cells(row_cells(row))
        .reading()
}

fn subtotal_note(row: &Row) -> Finding {
    Finding::new(
        Rule::TableExtra,
        Severity::Info,
        format!("第三部分有「{}」小计行，格式中没有此行；已按小计核对", row.zh),
        format!("Part 3 has a subtotal row “{}”, which is not in the format; it was checked as a subtotal", row.en),
    )
    .with_cells(row_cells(row))
}

fn report_surplus(surplus: &mut VecDeque<&[&Token]>, after: &Row, findings: &mut Vec<Finding>) {
    for t in surplus.drain(..) {
        let figures: Vec<&str> = t.iter().map(|t| t.text).collect();
        findings.push(
            Finding::new(
                Rule::TableExtra,
                Severity::Info,
                format!("第三部分「{}」行附近多出一行数字（{}），不在格式中，未计入", row_label(after), figures.join(" ")),
                format!("Part 3: an extra row of figures near “{}” ({}) is not in the format and was not counted", after.en, figures.join(" ")),
            )
            .at(t.first().map(|t| t.pos)),
        );
    }
}
