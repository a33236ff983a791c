//! Word .docx (WordprocessingML) to the grid: the body's paragraphs one row each, its tables
//! row by row with merged cells as HTML's spans — `w:gridSpan` a colspan, a `w:vMerge` run a
//! rowspan — expanded as the HTML reading expands them (`gouji::read::grid::expand`).
//!
//! Invariant: a grid row is a table row or a paragraph; text deleted in tracked changes, field
//! codes and the fallback copy of alternate content are not read.

use crate::xml::{attr, Event, Reader};
use crate::{FileError, Limits};
use gouji::read::grid::{expand, SpanCell};

/// The rows of the document, and how many tables it has.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<(Vec<Vec<String>>, usize), FileError> {
    let zip = crate::zip::Zip::open(bytes, limits)?;
    let Some(xml) = zip.read("word/document.xml", limits)? else {
        return Err(FileError::refused(
            "这个 zip 文件不是 Word 文档（其中没有 word/document.xml）：请用 .docx 文件",
            "this zip file is not a Word document (it has no word/document.xml): give a .docx file",
        ));
    };
    let xml = std::str::from_utf8(&xml)
        .map_err(|_| FileError::damaged("docx", "its document.xml is not UTF-8 text"))?;
    Ok(rows(xml))
}

#[derive(Clone, Copy, PartialEq)]
enum Merge {
    None,
    Restart,
    Continue,
}

struct Cell {
    text: String,
    span: usize,
    merge: Merge,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
}

/// The document's rows from its `document.xml`.
pub fn rows(xml: &str) -> (Vec<Vec<String>>, usize) {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut tables = 0;
    // the tables open (a table in a cell is read as that cell's text)
    let mut depth = 0usize;
    let mut table = Table::default();
    let mut para = String::new();
    let mut in_text = false;
    // inside content that is not read (deleted text, field codes, fallbacks), its depth
    let mut skip = 0usize;
    for e in Reader::new(xml) {
        match e {
            Event::Start { name, attrs, empty } => {
                if skip > 0 {
                    skip += usize::from(!empty);
                    continue;
                }
                match name {
                    "w:delText" | "w:instrText" | "mc:Fallback" | "w:fldData" if !empty => skip = 1,
                    "w:tbl" => {
                        if depth == 0 {
                            flush(&mut out, &mut para);
                            table = Table::default();
                        }
                        depth += 1;
                    }
                    "w:tr" if depth == 1 => table.rows.push(Vec::new()),
                    "w:tc" if depth == 1 => {
                        if let Some(row) = table.rows.last_mut() {
                            row.push(Cell {
                                text: String::new(),
                                span: 1,
                                merge: Merge::None,
                            });
                        }
                    }
                    "w:gridBefore" if depth == 1 => {
                        // cells the row leaves out before its first: empty positions
                        let n = number(attrs).unwrap_or(0).min(64);
                        if let (Some(row), true) = (table.rows.last_mut(), n > 0) {
                            row.push(Cell {
                                text: String::new(),
                                span: n,
                                merge: Merge::None,
                            });
                        }
                    }
                    "w:gridSpan" if depth == 1 => {
                        if let Some(c) = table.rows.last_mut().and_then(|r| r.last_mut()) {
                            c.span = number(attrs).unwrap_or(1).clamp(1, 64);
                        }
                    }
                    "w:vMerge" if depth == 1 => {
                        if let Some(c) = table.rows.last_mut().and_then(|r| r.last_mut()) {
                            c.merge = match attr(attrs, "w:val").as_deref() {
                                Some("restart") => Merge::Restart,
                                _ => Merge::Continue,
                            };
                        }
                    }
                    "w:t" if !empty => in_text = true,
                    // a break in a body paragraph ends its line; in a cell, a space
                    "w:br" | "w:cr" if depth == 0 => flush(&mut out, &mut para),
                    "w:tab" | "w:br" | "w:cr" => para.push(' '),
                    _ => {}
                }
            }
            Event::End { name } => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match name {
                    "w:t" => in_text = false,
                    "w:p" => {
                        if depth == 0 {
                            flush(&mut out, &mut para);
                        } else {
                            para.push(' ');
                        }
                    }
                    "w:tc" if depth == 1 => {
                        if let Some(c) = table.rows.last_mut().and_then(|r| r.last_mut()) {
                            c.text = collapse(&para);
                        }
                        para.clear();
                    }
                    "w:tbl" => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            tables += 1;
                            out.extend(table_grid(std::mem::take(&mut table)));
                            para.clear();
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if in_text && skip == 0 {
                    para.push_str(&t);
                }
            }
        }
    }
    flush(&mut out, &mut para);
    (out, tables)
}

fn number(attrs: &str) -> Option<usize> {
    attr(attrs, "w:val")?.trim().parse().ok()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn flush(out: &mut Vec<Vec<String>>, para: &mut String) {
    let text = collapse(para);
    if !text.is_empty() {
        out.push(vec![text]);
    }
    para.clear();
}

/// A table's rows as HTML would have them: a vertical merge is one cell with a rowspan over
/// the rows that continue it, and those rows leave it out; then spans expanded.
fn table_grid(table: Table) -> Vec<Vec<String>> {
    // each cell's first grid column
    let starts: Vec<Vec<usize>> = table
        .rows
        .iter()
        .map(|row| {
            let mut col = 0;
            row.iter()
                .map(|c| {
                    let at = col;
                    col += c.span;
                    at
                })
                .collect()
        })
        .collect();
    let continues = |r: usize, col: usize| {
        table.rows.get(r).is_some_and(|row| {
            row.iter()
                .zip(&starts[r])
                .any(|(c, &at)| at == col && c.merge == Merge::Continue)
        })
    };
    let spans: Vec<Vec<SpanCell>> = table
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .zip(&starts[r])
                .filter(|(c, _)| c.merge != Merge::Continue)
                .map(|(c, &at)| {
                    let mut rowspan = 1;
                    if c.merge == Merge::Restart {
                        while continues(r + rowspan, at) {
                            rowspan += 1;
                        }
                    }
                    SpanCell {
                        text: c.text.clone(),
                        rowspan,
                        colspan: c.span,
                    }
                })
                .collect()
        })
        .collect();
    expand(&spans)
}

#[cfg(test)]
mod tests {
    use super::rows;

    #[test]
    fn merged_cells_are_spans_and_paragraphs_rows() {
        let xml = r#"<w:document><w:body>
            <w:p><w:r><w:t>标题</w:t></w:r><w:r><w:delText>删</w:delText></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>行政复议</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                    <w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve"> 2 </w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:t>尾</w:t></w:r><w:r><w:br/><w:t>二</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let (rows, tables) = rows(xml);
        assert_eq!(tables, 1);
        let want: Vec<Vec<&str>> = vec![
            vec!["标题"],
            vec!["行政复议", "a", "a"],
            vec!["行政复议", "1", "2"],
            vec!["尾"],
            vec!["二"],
        ];
        assert_eq!(rows, want);
    }
}
