//! Reading part 四: fifteen figures in official order, whatever the headers look like (PDF
//! copies print them vertically); read by position.

use super::stream::Stream;
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
    // the fifteen figures in three or more runs with header words between them: the header
    // and the figures were copied in blocks (a PDF's text in block order), so the order of the
    // figures is not the table's and reading them by position would make arithmetic errors
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
