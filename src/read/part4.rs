//! Reading part 四: fifteen figures in official order, whatever the headers look like (PDF
//! copies print them vertically), read by position; or the table printed in parts — a table
//! per group (three of five, each under its heading, with or without its own header row), a
//! row per group, a column per group — each figure placed by the header it sits under.

use super::stream::{trim_padding, Stream};
use super::tokens::{Line, Token};
use super::value::parse;
use crate::format::part4;
use crate::model::{Finding, Rule, Severity, Sheet};

const CELLS: usize = 15;

/// Reads part 四 into `sheet`; `false` when the region holds no figures at all.
pub fn read(lines: &[Line], sheet: &mut Sheet, findings: &mut Vec<Finding>) -> bool {
    let stream = Stream::build(lines);
    let total = stream.value_count();
    if total == 0 {
        return read_blank_row(&stream, sheet);
    }
    // the first runs that make up exactly fifteen figures (prose may follow the table)
    let mut taken: Vec<&Token> = Vec::with_capacity(CELLS);
    let mut runs = 0;
    for g in &stream.groups {
        if taken.len() + g.tokens.len() > CELLS {
            break;
        }
        runs += 1;
        taken.extend(g.tokens.iter().copied());
        if taken.len() == CELLS {
            break;
        }
    }
    // not one row of fifteen: the table in parts, each figure under its own header
    if taken.len() != CELLS || runs >= 3 {
        if let Some(placed) = by_headers(&stream) {
            for (&id, t) in part4::cell_ids().iter().zip(placed) {
                sheet.insert(
                    id,
                    t.text,
                    parse(t.text, crate::format::ValueKind::Count),
                    Some(t.pos),
                );
            }
            return true;
        }
    }
    if taken.len() != CELLS {
        let first = stream.values().next().map(|t| t.pos);
        let n = if total > CELLS {
            stream.groups[0].tokens.len()
        } else {
            total
        };
        findings.push(
            Finding::new(
                Rule::TableMissing,
                Severity::Error,
                format!("第四部分读到{n}个数字，应为{CELLS}个，无法确定各数字所在的列"),
                format!(
                    "Part 4: {n} figures found, {CELLS} expected; the columns cannot be told apart"
                ),
            )
            .with_cells(part4::cell_ids().to_vec())
            .at(first)
            .reading(),
        );
        return true;
    }
    // the fifteen figures in three or more runs with header words between them, and not in
    // parts that their headers place: the header and the figures were copied in blocks (a
    // PDF's text in block order), so the order of the figures is not the table's and reading
    // them by position would make arithmetic errors
    if runs >= 3 {
        findings.push(
            Finding::new(
                Rule::TableMissing,
                Severity::Error,
                "第四部分表格的结构在复制时丢失（数字与表头文字交错排列，看不出哪个数字属于哪一列），无法可靠读取：请拖入 PDF 文件本身，或直接粘贴网页、Word 中的表格，或在「填写表格」中录入".to_owned(),
                "Part 4's table lost its structure when copied (its figures and header words are interleaved, so which column each belongs to cannot be told): drop the PDF file itself, paste the table from the web page or Word, or fill in the form".to_owned(),
            )
            .with_cells(part4::cell_ids().to_vec())
            .at(taken.first().map(|t| t.pos))
            .reading(),
        );
        return true;
    }
    for (&id, t) in part4::cell_ids().iter().zip(taken) {
        sheet.insert(
            id,
            t.text,
            parse(t.text, crate::format::ValueKind::Count),
            Some(t.pos),
        );
    }
    true
}

/// The figure row left blank (fifteen empty cells and no label: a drafter with no review or
/// suit writes nothing): fifteen blank cells, where they stood. `false` when there is none.
fn read_blank_row(stream: &Stream, sheet: &mut Sheet) -> bool {
    let row = stream.blank_rows.iter().find_map(|&(from, to, cells)| {
        (from == to)
            .then(|| super::stream::blank_cells(cells, CELLS))
            .flatten()
    });
    let Some(cells) = row else {
        return false;
    };
    for (&id, pos) in part4::cell_ids().iter().zip(cells) {
        sheet.insert(
            id,
            "",
            parse("", crate::format::ValueKind::Count),
            Some(*pos),
        );
    }
    true
}

/// The keys of part 四's groups and of its columns, as lists (one non-generic search for both).
const GROUP_KEYS: [&[&str]; 3] = [
    part4::GROUPS[0].keys,
    part4::GROUPS[1].keys,
    part4::GROUPS[2].keys,
];
const COLUMN_KEYS: [&[&str]; 5] = [
    part4::COLUMNS[0].keys,
    part4::COLUMNS[1].keys,
    part4::COLUMNS[2].keys,
    part4::COLUMNS[3].keys,
    part4::COLUMNS[4].keys,
];

/// Part 四 printed in parts, each figure placed by the header it sits under: runs of five
/// (a group's row: the group named by the last group label before it — a heading, a caption
/// or the row's own label — or, with none, the group after the last one placed; the columns
/// by the last header row of the five column words), or runs of three (a column word's row
/// across the groups, in the order a header row named them). `None` unless every one of the
/// fifteen cells is placed exactly once by its headers: figures interleaved with header words
/// any other way (a PDF's block order) are not.
fn by_headers<'t>(stream: &Stream<'t, '_>) -> Option<Vec<&'t Token<'t>>> {
    let mut placed: [Option<&Token>; CELLS] = [None; CELLS];
    let (mut columns, mut group_order) = ([0; 5], [0; 3]);
    let (mut have_columns, mut have_groups) = (false, false);
    let (mut from, mut next_group) = (0, 0);
    for g in &stream.groups {
        if placed.iter().all(Option::is_some) {
            break; // the table is whole: what follows is not its
        }
        let seg = &stream.keys[from..g.anchor];
        from = g.anchor;
        have_columns |= in_order(seg, &COLUMN_KEYS, &mut columns);
        have_groups |= in_order(seg, &GROUP_KEYS, &mut group_order);
        let run = trim_padding(&g.tokens, 5);
        let (at, step): (&[usize], usize) = match run.len() {
            5 if have_columns => {
                let group = last_of(seg, &GROUP_KEYS).unwrap_or(next_group);
                next_group = group + 1;
                (&columns, group * 5)
            }
            3 if have_groups => (&group_order, last_of(seg, &COLUMN_KEYS)?),
            _ => return None,
        };
        // a row of five: group * 5 + its column; a row of three: each group's cell of one column
        let scale = if run.len() == 5 { 1 } else { 5 };
        for (&k, t) in at.iter().zip(run) {
            if placed.get_mut(step + k * scale)?.replace(t).is_some() {
                return None;
            }
        }
    }
    placed.into_iter().collect()
}

/// Sets `order` to the labels (by their keys) in the order they stand in `seg`, each at its
/// last occurrence (a header printed once per group repeats the same order), if all stand
/// there; `false`, and `order` untouched, if not.
fn in_order(seg: &str, labels: &[&[&str]], order: &mut [usize]) -> bool {
    let mut at = [(0usize, 0usize); 5];
    for (i, keys) in labels.iter().enumerate() {
        match last_at(seg, keys) {
            Some(p) => at[i] = (p, i),
            None => return false,
        }
    }
    let at = &mut at[..labels.len()];
    // a few labels: an insertion sort keeps the WebAssembly build small
    for i in 1..at.len() {
        let mut j = i;
        while j > 0 && at[j - 1].0 > at[j].0 {
            at.swap(j - 1, j);
            j -= 1;
        }
    }
    for (o, &(_, label)) in order.iter_mut().zip(at.iter()) {
        *o = label;
    }
    true
}

/// The label (by index) whose key stands last in `seg`.
fn last_of(seg: &str, labels: &[&[&str]]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, keys) in labels.iter().enumerate() {
        if let Some(p) = last_at(seg, keys) {
            if best.is_none_or(|(b, _)| p > b) {
                best = Some((p, i));
            }
        }
    }
    best.map(|(_, i)| i)
}

/// Where the last of `keys` in `seg` begins.
fn last_at(seg: &str, keys: &[&str]) -> Option<usize> {
    keys.iter()
        .filter_map(|k| crate::bytes::rfind(seg, k))
        .max()
}
