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

/// Part 四 printed in parts, each figure placed by the header it sits under: runs of five
/// (a group's row: the group named by the last group label before it — a heading, a caption
/// or the row's own label — or, with none, the group after the last one placed; the columns
/// by the last header row of the five column words), or runs of three (a column word's row
/// across the groups, in the order a header row named them). `None` unless every one of the
/// fifteen cells is placed exactly once by its headers: figures interleaved with header words
/// any other way (a PDF's block order) are not.
fn by_headers<'t>(stream: &Stream<'t, '_>) -> Option<Vec<&'t Token<'t>>> {
    let group_keys = || part4::GROUPS.iter().map(|g| g.keys);
    let column_keys = || part4::COLUMNS.iter().map(|c| c.keys);
    let mut placed: [Option<&Token>; CELLS] = [None; CELLS];
    let (mut columns, mut group_order) = (None, None);
    let (mut from, mut next_group) = (0, 0);
    for g in &stream.groups {
        if placed.iter().all(Option::is_some) {
            break; // the table is whole: what follows is not its
        }
        let seg = &stream.keys[from..g.anchor];
        from = g.anchor;
        columns = in_order::<5>(seg, column_keys()).or(columns);
        group_order = in_order::<3>(seg, group_keys()).or(group_order);
        let run = trim_padding(&g.tokens, 5);
        let cells: Vec<usize> = match run.len() {
            5 => {
                let group = last_of(seg, group_keys()).unwrap_or(next_group);
                next_group = group + 1;
                columns?.iter().map(|&c| group * 5 + c).collect()
            }
            3 => {
                let col = last_of(seg, column_keys())?;
                group_order?.iter().map(|&gi| gi * 5 + col).collect()
            }
            _ => return None,
        };
        for (i, t) in cells.into_iter().zip(run) {
            if placed.get_mut(i)?.replace(t).is_some() {
                return None;
            }
        }
    }
    placed.into_iter().collect()
}

/// The order in which all `N` labels (by their keys) stand in `seg`, each at its last
/// occurrence (a header printed once per group repeats the same order): the label of each
/// place. `None` unless all `N` stand there.
fn in_order<'k, const N: usize>(
    seg: &str,
    labels: impl Iterator<Item = &'k [&'k str]>,
) -> Option<[usize; N]> {
    let mut at = [(0usize, 0usize); N];
    let mut n = 0;
    for (i, keys) in labels.enumerate() {
        *at.get_mut(i)? = (last_at(seg, keys)?, i);
        n += 1;
    }
    if n != N {
        return None;
    }
    at.sort_unstable();
    Some(at.map(|(_, label)| label))
}

/// The label (by index) whose key stands last in `seg`.
fn last_of<'k>(seg: &str, labels: impl Iterator<Item = &'k [&'k str]>) -> Option<usize> {
    labels
        .enumerate()
        .filter_map(|(i, keys)| last_at(seg, keys).map(|at| (at, i)))
        .max()
        .map(|(_, i)| i)
}

/// Where the last of `keys` in `seg` begins.
fn last_at(seg: &str, keys: &[&str]) -> Option<usize> {
    keys.iter()
        .filter_map(|k| crate::bytes::rfind(seg, k))
        .max()
}
