//! The cells found in the pictures placed on the official form, by the counts and order of
//! their rows — the Chinese labels are not read.
//!
//! - A **row** is the cells of one band of a table (the same top and bottom rule), left to
//!   right. Its **figures** are its cells from the right that hold a figure or nothing, up to
//!   the first that holds text (its label); a doubtful figure counts as one only in a row
//!   that has a sure one.
//! - **Part 三** is the rows with seven figures (eight with a 小计 column), in reading order
//!   across pages (a table continued on the next page joins its first part): 25 of them in the
//!   2021 format, 23 in the 2019 one. **Part 四** is the row of fifteen figures (or three rows
//!   of five). **Part 二** is the rows of three figures and of one before part 三, in the order
//!   of the format's blocks.
//! - A table whose rows do not fit the form is said, not forced: its figures stay unread.
//!
//! Invariant: a cell is placed only where the whole table's rows fit the format's layout.

use crate::digits::Content;
use crate::grid::Rect;
use gouji::format::{part2, part3, part4, CellId, FormatId};
use gouji::seen::{Pictured, Seen};

/// A page's cells: its number (1-based), its cells with what they hold, and how to map a
/// point of the straightened page back to the page as given.
pub struct PageCells {
    pub page: u32,
    /// The page's width in pixels.
    pub width: u32,
    pub cells: Vec<(Rect, Content)>,
    /// The turn that straightened the page (cells' boxes are reported in the page as given).
    pub turn: crate::page::Turn,
}

struct Row<'a> {
    page: &'a PageCells,
    cells: Vec<&'a (Rect, Content)>,
    /// The cells from the right that hold a figure or nothing.
    figures: usize,
    /// Of those, the empty ones at the right end: the blank cells a table copied back from
    /// gouji (or Word's) pads a one-figure row of part 二 with, or a row's cells left blank.
    trailing_empty: usize,
    any_figure: bool,
    /// Of the figures (counted from the row's first figure), those the reader could not make
    /// out: placed nowhere, said unread.
    garbled: Vec<usize>,
}

/// The rows of the pages, in reading order.
fn rows(pages: &[PageCells]) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    for p in pages {
        let mut cells: Vec<&(Rect, Content)> = p.cells.iter().collect();
        cells.sort_by_key(|(r, _)| (r.y0, r.x0));
        let mut used = vec![false; cells.len()];
        for i in 0..cells.len() {
            if used[i] {
                continue;
            }
            let (a, _) = cells[i];
            let tol = 6;
            let mut band: Vec<&(Rect, Content)> = Vec::new();
            for j in i..cells.len() {
                let (b, _) = cells[j];
                if !used[j] && b.y0.abs_diff(a.y0) <= tol && b.y1.abs_diff(a.y1) <= tol {
                    used[j] = true;
                    band.push(cells[j]);
                }
            }
            band.sort_by_key(|(r, _)| r.x0);
            // a doubtful figure is one in a row that has a sure one (else a heading's stroke)
            let sure = band.iter().any(|(_, c)| matches!(c, Content::Figure(_)));
            let text = |c: &Content| match c {
                Content::Text => true,
                Content::Doubtful(_) => !sure,
                _ => false,
            };
            let mut figures = band.iter().rev().take_while(|(_, c)| !text(c)).count();
            // a cell the reader could not make out among a row's figures (a scan's speckle
            // on a small figure) is a figure's place left unread, not the row's label: the
            // label is the text before the figures; such a row keeps its length, and the cell
            // is said unread (a row taken short would put the rows of part 三 out of step)
            let lead = band.iter().take_while(|(_, c)| text(c)).count();
            let garbled: Vec<usize> = (lead..band.len())
                .filter(|&k| text(&band[k].1))
                .map(|k| k - lead)
                .collect();
            let sure_figures = band[lead..]
                .iter()
                .filter(|(_, c)| matches!(c, Content::Figure(_)))
                .count();
            let garbled = if !garbled.is_empty()
                && garbled.len() * 3 <= band.len() - lead
                && sure_figures >= 4
            {
                figures = band.len() - lead;
                garbled
            } else {
                Vec::new()
            };
            let any_figure = band
                .iter()
                .rev()
                .take(figures)
                .any(|(_, c)| matches!(c, Content::Figure(_)));
            let trailing_empty = band
                .iter()
                .rev()
                .take_while(|(_, c)| matches!(c, Content::Empty))
                .count();
            // a row of figures: some figure, or its label and a part 三 or 四 row's empty
            // cells (a row left blank; a band of one or three empty cells is more often a
            // heading's shading than part 二's row left blank)
            let labelled = figures < band.len();
            // a band of boxes hardly wider than tall, an eighth of the page wide or less, is
            // the hollows of a heading's bold characters, not a table's row
            let span = band.last().map_or(0, |(r, _)| r.x1) - band.first().map_or(0, |(r, _)| r.x0);
            if span * 8 <= p.width && band.iter().all(|(r, _)| r.w() < 2 * r.h()) {
                continue;
            }
            // nor is a band of more than three cells of text before its figures: a table's
            // row has its label (part 三's: up to three levels of it), the hollows of a bold
            // heading have one a character
            if band.len() - figures > 3 {
                continue;
            }
            if figures > 0 && (any_figure || labelled && figures >= 5) {
                out.push(Row {
                    page: p,
                    cells: band,
                    figures,
                    trailing_empty,
                    any_figure,
                    garbled,
                });
            }
        }
    }
    out
}

/// Part 三's rows whose first figures the reader could not make out (their label then seems
/// longer and their figures fewer): widened back to the seven columns of the page's whole
/// rows of seven, where their cells stand exactly in those columns — the cells not made out
/// left unread in their places. (A row of part 三 taken short would drop out of the table,
/// and the table with it.)
fn widen(rows: &mut [Row]) {
    let near = |a: u32, b: u32| a.abs_diff(b) <= 8;
    for i in 0..rows.len() {
        if !(4..7).contains(&rows[i].figures) {
            continue;
        }
        let page = rows[i].page.page;
        // the columns of a whole row of seven on the same page
        let Some(whole) = rows
            .iter()
            .find(|r| r.page.page == page && r.figures == 7 && r.garbled.is_empty())
        else {
            continue;
        };
        let cols: Vec<(u32, u32)> = whole.cells[whole.cells.len() - 7..]
            .iter()
            .map(|(r, _)| (r.x0, r.x1))
            .collect();
        let row = &rows[i];
        let n = row.cells.len();
        if n < 7 {
            continue;
        }
        let last7 = &row.cells[n - 7..];
        let aligned = last7
            .iter()
            .zip(&cols)
            .all(|((r, _), &(x0, x1))| near(r.x0, x0) && near(r.x1, x1));
        let garbled: Vec<usize> = (0..7)
            .filter(|&k| matches!(last7[k].1, Content::Text))
            .collect();
        let sure = last7
            .iter()
            .filter(|(_, c)| matches!(c, Content::Figure(_)))
            .count();
        if aligned && garbled.len() <= 2 && sure >= 4 {
            rows[i].figures = 7;
            rows[i].garbled = garbled;
        }
    }
}

/// The cells of the pictures, placed on the form.
pub fn place(pages: &[PageCells]) -> Pictured {
    let mut rows = rows(pages);
    widen(&mut rows);
    let mut out = Pictured::default();
    let seen = |row: &Row, k: usize, id: CellId| -> Seen {
        let (r, c) = row.cells[row.cells.len() - row.figures + k];
        let (x, y, w, h) = source_box(row.page, r);
        Seen {
            id,
            readings: match c {
                Content::Figure(r) | Content::Doubtful(r) => r.clone(),
                _ => Vec::new(),
            },
            page: row.page.page,
            x,
            y,
            w,
            h,
        }
    };
    // a cell placed, or, where the reader could not make it out, said unread
    let put = |out: &mut Pictured, row: &Row, k: usize, id: CellId| {
        if row.garbled.contains(&k) {
            out.unread.push((
                format!("图片中「{}」一格的数字未能识别，未读取：请对照图片核对，或在表中录入", id.id()),
                format!("the figure of {} could not be made out in the picture; not read: compare with the picture, or type it in the table", id.id()),
            ));
        } else {
            out.cells.push(seen(row, k, id));
        }
    };
    // part 三: the rows of seven (or eight) figures
    let p3: Vec<&Row> = rows
        .iter()
        .filter(|r| r.figures == 7 || r.figures == 8)
        .collect();
    let p3_start = p3.first().map(|r| (r.page.page, r.cells[0].0.y0));
    let format = if p3.is_empty() {
        None
    } else if p3.len() == part3::rows(true).len() {
        Some(FormatId::F2021)
    } else if p3.len() == part3::rows(false).len() {
        Some(FormatId::F2019)
    } else {
        out.unread.push((
            format!(
                "图片中第三部分表格识别到 {} 行数字，与格式的 {} 行（2021 年起）或 {} 行（2019 年格式）不符，未读取：请核对图片是否完整清晰，或在「填写表格」中录入",
                p3.len(),
                part3::rows(true).len(),
                part3::rows(false).len()
            ),
            format!(
                "part 三's table in the picture has {} rows of figures, not the format's {} (2021) or {} (2019); not read: check that the picture is whole and clear, or fill in the form",
                p3.len(),
                part3::rows(true).len(),
                part3::rows(false).len()
            ),
        ));
        None
    };
    if let Some(f) = format {
        let grid = part3::grid(part3::splits_other(f));
        // a table has its 小计 column in every row or in none: a row of eight among rows of
        // seven (or of seven among eight) was cut by a line that is no rule (a scan's dust
        // aligned with a figure's stroke) — its figures stand in the wrong columns, so none
        // of them is placed, each said unread
        let eights = p3.iter().filter(|r| r.figures == 8).count();
        let columns = if eights * 2 > p3.len() { 8 } else { 7 };
        for (row, ids) in p3.iter().zip(grid) {
            if row.figures != columns {
                // one cause, one finding: the row
                let name = ids[0].row();
                out.unread.push((
                    format!("图片中第三部分「{name}」一行的数字未能对齐到各列（图中多出或少了一条竖线），未读取：请对照图片核对，或在表中录入"),
                    format!("the figures of part 三's row {name} could not be lined up with its columns in the picture (a line too many or too few); not read: compare with the picture, or type them in the table"),
                ));
                continue;
            }
            for (k, id) in ids.iter().enumerate().take(row.figures.min(7)) {
                // the 小计 column some reports add sits before 总计: the seven are the
                // six, then the last
                let k = if row.figures == 8 && k == 6 { 7 } else { k };
                put(&mut out, row, k, *id);
            }
        }
    }
    out.p3 = format;
    // part 四: one row of fifteen, or three of five
    let fifteen: Vec<&Row> = rows.iter().filter(|r| r.figures == 15).collect();
    let ids = part4::cell_ids();
    if let [row] = fifteen.as_slice() {
        for (k, id) in ids.iter().enumerate() {
            put(&mut out, row, k, *id);
        }
    } else {
        let fives: Vec<&Row> = rows
            .iter()
            .filter(|r| r.figures == 5 && r.any_figure)
            .collect();
        if fives.len() == 3 {
            for (g, row) in fives.iter().enumerate() {
                for k in 0..5 {
                    put(&mut out, row, k, ids[g * 5 + k]);
                }
            }
        } else if !fifteen.is_empty() || !fives.is_empty() {
            out.unread.push((
                "图片中第四部分表格的行与格式不符，未读取：请核对图片是否完整清晰，或在「填写表格」中录入".to_owned(),
                "part 四's table in the picture does not fit the format; not read: check that the picture is whole and clear, or fill in the form".to_owned(),
            ));
        }
    }
    // part 二: the rows of three and of one before part 三
    let before = |r: &&Row| p3_start.is_none_or(|s| (r.page.page, r.cells[0].0.y0) < s);
    let p2: Vec<&Row> = rows
        .iter()
        .filter(before)
        .filter(|r| r.figures == 1 || r.figures == 3)
        .collect();
    if !p2.is_empty() {
        // part 三's format first; a report may mix them (FMT-MIX says so)
        let mut formats = vec![FormatId::F2021, FormatId::F2019];
        if format == Some(FormatId::F2019) {
            formats.reverse();
        }
        let fits = formats.into_iter().find_map(|f| {
            // each row's cells, and its block (rows of one block are printed one under the
            // other; a block's headings stand between it and the next)
            let want: Vec<(usize, Vec<CellId>)> = part2::blocks(f)
                .enumerate()
                .flat_map(|(b, (_, v))| {
                    v.rows.iter().map(move |r| {
                        let ids = v
                            .columns
                            .iter()
                            .filter_map(|c| CellId::of(r.id, c.id))
                            .collect();
                        (b, ids)
                    })
                })
                .collect();
            // where the rows fit the format's rows, in order: the whole table, or a part of
            // it (a picture of one page) that fits at one place only
            let at: Vec<usize> = (0..=want.len().saturating_sub(p2.len()))
                .filter(|&o| {
                    p2.len() <= want.len()
                        && want[o..]
                            .iter()
                            .zip(&p2)
                            .all(|((_, ids), r)| fits_row(ids.len(), r))
                        && adjacent_within_blocks(&want[o..], &p2)
                })
                .collect();
            match at.as_slice() {
                [o] => Some((f, want[*o..].to_vec())),
                _ => None,
            }
        });
        match fits {
            Some((f, want)) => {
                for ((_, ids), row) in want.iter().zip(&p2) {
                    for (k, id) in ids.iter().enumerate() {
                        put(&mut out, row, k, *id);
                    }
                }
                out.p2 = Some(f);
                let all = part2::blocks(f).map(|(_, v)| v.rows.len()).sum::<usize>();
                if p2.len() < all {
                    // a part of the table: the rows not seen are said, not passed over
                    out.unread.push((
                        format!(
                            "图片中第二部分只识别到 {} 行（格式共 {all} 行），其余各行未读取：可能在另一张图片中，或其中有文字（如单位）",
                            p2.len()
                        ),
                        format!(
                            "only {} of part 二's {all} rows were recognised in the picture; the others are not read (in another picture, or holding text such as a unit)",
                            p2.len()
                        ),
                    ));
                }
            }
            None => out.unread.push((
                "图片中第二部分表格的行与格式不符，未读取".to_owned(),
                "part 二's table in the picture does not fit the format; not read".to_owned(),
            )),
        }
    }
    out
}

/// Whether the rows seen stand as the format's rows they would be placed on: two rows of one
/// block one under the other, two of different blocks apart (their headings between). A
/// table seen with a row missing in its middle then fits nowhere — it is said, not placed
/// one row off.
fn adjacent_within_blocks(want: &[(usize, Vec<CellId>)], rows: &[&Row]) -> bool {
    want.windows(2).zip(rows.windows(2)).all(|(w, r)| {
        let (a, b) = (&r[0], &r[1]);
        if a.page.page != b.page.page {
            // a table continued on the next page: its rows' distance says nothing
            return true;
        }
        let (top, bottom) = (a.cells[0].0, b.cells[0].0);
        let gap = bottom.y0.saturating_sub(top.y1);
        let adjacent = gap * 2 < top.h() * 3;
        adjacent == (w[0].0 == w[1].0)
    })
}

/// Whether a row of part 二 fits a format's row of `n` figures: as many figures, or fewer when
/// the rest of the row is empty (a one-figure row padded with blank cells; its figure is the
/// first).
fn fits_row(n: usize, r: &Row) -> bool {
    n == r.figures || n < r.figures && n + r.trailing_empty >= r.figures
}

/// A cell's box in the page as given (the box around its corners turned back).
fn source_box(p: &PageCells, r: &Rect) -> (u32, u32, u32, u32) {
    if p.turn.angle == 0.0 {
        return (r.x0, r.y0, r.w(), r.h());
    }
    let pts = [(r.x0, r.y0), (r.x1, r.y0), (r.x0, r.y1), (r.x1, r.y1)]
        .map(|(x, y)| p.turn.to_source(f64::from(x), f64::from(y)));
    let x0 = pts.iter().map(|p| p.0).fold(f64::MAX, f64::min).max(0.0);
    let y0 = pts.iter().map(|p| p.1).fold(f64::MAX, f64::min).max(0.0);
    let x1 = pts.iter().map(|p| p.0).fold(0.0, f64::max);
    let y1 = pts.iter().map(|p| p.1).fold(0.0, f64::max);
    (x0 as u32, y0 as u32, (x1 - x0) as u32, (y1 - y0) as u32)
}

#[cfg(test)]
mod tests {
    use super::{place, PageCells};
    use crate::digits::Content;
    use crate::grid::Rect;

    /// Part 三 as ruled cells: 25 rows, each a label and `cols` figures (a figure `r*10+k`),
    /// with `edit` changing a row's cells.
    fn part3(edit: impl Fn(usize, &mut Vec<(Rect, Content)>)) -> PageCells {
        let mut cells = Vec::new();
        for r in 0..25u32 {
            let y0 = 100 + r * 40;
            let mut row = vec![(
                Rect {
                    x0: 10,
                    y0,
                    x1: 200,
                    y1: y0 + 40,
                },
                Content::Text,
            )];
            for k in 0..7u32 {
                let x0 = 200 + k * 80;
                let v = (r * 10 + k).to_string();
                row.push((
                    Rect {
                        x0,
                        y0,
                        x1: x0 + 80,
                        y1: y0 + 40,
                    },
                    Content::Figure(vec![(v, 0.99)]),
                ));
            }
            edit(r as usize, &mut row);
            cells.extend(row);
        }
        PageCells {
            page: 1,
            width: 800,
            cells,
            turn: crate::page::Turn::new(800, 1200, 0.0),
        }
    }

    fn value(p: &gouji::seen::Pictured, id: &str) -> Option<String> {
        p.cells
            .iter()
            .find(|s| s.id.id() == id)
            .map(|s| s.readings[0].0.clone())
    }

    /// A cell the reader could not make out keeps its place: the rows stay in step, the cell
    /// is said unread (two such cells once made 25 rows 23, read as the 2019 layout).
    #[test]
    fn a_cell_not_made_out_leaves_its_place_and_the_rows_in_step() {
        let p = place(&[part3(|r, row| {
            if r == 3 || r == 9 {
                row[7].1 = Content::Text;
            }
        })]);
        assert_eq!(p.p3, Some(gouji::FormatId::F2021));
        assert_eq!(p.cells.len(), 25 * 7 - 2);
        // the last row is the last row: 四、结转下年度继续办理
        assert_eq!(value(&p, "p3.carried_out.natural").as_deref(), Some("240"));
        assert_eq!(p.unread.len(), 2, "{:?}", p.unread);
        // the row's first figure not made out (the row then seems to have six figures after a
        // longer label): widened back to the columns of the page's whole rows
        let p = place(&[part3(|r, row| {
            if r == 5 {
                row[1].1 = Content::Text;
            }
        })]);
        assert_eq!(p.cells.len(), 25 * 7 - 1, "{:?}", p.unread);
        assert_eq!(value(&p, "p3.carried_out.natural").as_deref(), Some("240"));
    }

    /// A row cut by a line that is no rule (eight cells among rows of seven) is placed
    /// nowhere and said, once; the others are placed.
    #[test]
    fn a_row_cut_by_a_stray_line_is_said_not_read_into_the_wrong_columns() {
        let p = place(&[part3(|r, row| {
            if r == 12 {
                let (a, _) = row[2].clone();
                let mid = (a.x0 + a.x1) / 2;
                row[2].0.x1 = mid;
                row.insert(
                    3,
                    (
                        Rect { x0: mid, ..a },
                        Content::Figure(vec![("1".into(), 0.95)]),
                    ),
                );
            }
        })]);
        assert_eq!(p.cells.len(), 24 * 7);
        assert_eq!(p.unread.len(), 1, "{:?}", p.unread);
        assert_eq!(value(&p, "p3.carried_out.natural").as_deref(), Some("240"));
    }
}
