//! Every cell of a report as rows of a table, for evaluators and 主管部门 who pivot many reports'
//! figures in Excel: one row per cell — the file, the body, the year, the format, the part, the
//! row and column as the form labels them, the cell id, its value (empty for a blank), whether
//! it is blank, where it was read, and how it was obtained when not simply printed (`split`,
//! `image`). The command line's `--cells-csv`, the page batch's export and the JavaScript API's
//! `cellsCsv` all write these bytes.

use crate::format::{CellId, Part};
use crate::result::{At, CheckResult};

/// The header, after a UTF-8 BOM (Excel on Windows reads the file as UTF-8).
pub const CELLS_CSV_HEADER: &str = "\u{feff}文件 file,机关 body,年度 year,格式 format,部分 part,行 row,列 column,单元格 cell,数值 value,空白 blank,位置 at,读法 read\r\n";

/// Appends the rows of every cell `r` read (in the order of the form's tables) to `out`.
pub fn cells_csv(file: &str, r: &CheckResult, out: &mut String) {
    let body = r
        .title
        .as_deref()
        .and_then(crate::rules::cross::body)
        .unwrap_or_default();
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    for (id, c) in &r.cells.0 {
        let Some(cell) = CellId::parse(id) else {
            continue;
        };
        let l = crate::rules::labels(cell);
        let part = match cell.part() {
            Part::P2 => "二",
            Part::P3 => "三",
            Part::P4 => "四",
        };
        let at = match c.at {
            Some(At::Text { line, col }) => format!("{line}:{col}"),
            Some(At::Pdf { page, line, col }) => format!("p{page}:{line}:{col}"),
            Some(At::Grid { row, cell }) => format!("row {row}:cell {cell}"),
            Some(At::Image { page, x, y, w, h }) => format!("p{page}:{x},{y} {w}x{h}"),
            None => String::new(),
        };
        let value = if c.blank { "" } else { c.raw.as_ref() };
        let fields = [
            csv_field(file),
            csv_field(&body),
            year.clone(),
            r.format.as_str().to_owned(),
            part.to_owned(),
            csv_field(&l.row),
            csv_field(l.column),
            id.to_string(),
            csv_field(value),
            if c.blank { "1" } else { "0" }.to_owned(),
            at,
            c.read.clone().unwrap_or_default(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
}

/// A CSV field, quoted where it must be (and a leading `=`, `+`, `-`, `@` kept from being
/// taken for a formula: a figure like `-57` is a number, any other such text is quoted).
pub fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '@']) || (s.starts_with('-') && !numeric(&s[1..]));
    if s.contains([',', '"', '\n', '\r']) || formula {
        let s = if formula {
            format!("'{s}")
        } else {
            s.to_owned()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Digits with at most one decimal point (no float parsing: its code is large in WebAssembly).
fn numeric(s: &str) -> bool {
    let mut dot = false;
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b == b'.' && !std::mem::replace(&mut dot, true)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(super::csv_field("a,b"), "\"a,b\"");
        assert_eq!(super::csv_field("-57"), "-57");
        assert_eq!(super::csv_field("-5.7"), "-5.7");
        assert_eq!(super::csv_field("-x"), "\"'-x\"");
        assert_eq!(super::csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(super::csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }
}
