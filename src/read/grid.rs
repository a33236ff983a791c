//! Expanding a table's cells with rowspan/colspan into a plain grid (what a browser's HTML
//! parser gives the page); the WebAssembly boundary extracts the cells, this places them.
//!
//! Invariant: a spanned label's text appears in every position it covers, as a browser draws it
//! (a group label down its rows, a header across its columns); a spanned figure is one value,
//! read once where it starts, the rest of its positions empty (`<td colspan="3">0</td>` under
//! 「本年处理决定数量」 is one 0, not three). Spans are clamped so hostile markup
//! (`rowspan=100000`) cannot blow up memory.

/// A cell as marked up: its text and spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanCell {
    pub text: String,
    pub rowspan: usize,
    pub colspan: usize,
}

/// The largest span honoured (the official tables have none wider than 15).
const MAX_SPAN: usize = 64;
/// The most columns a row may have after expansion.
const MAX_COLS: usize = 256;

/// Places the cells of each `<tr>` into a grid, filling the positions that rowspans from rows
/// above already cover, as the HTML table model does.
pub fn expand(rows: &[Vec<SpanCell>]) -> Vec<Vec<String>> {
    place(rows, |cell, _, origin| {
        // a figure is read once, where it starts; a label fills every position it covers
        let figure = (cell.rowspan > 1 || cell.colspan > 1)
            && super::tokens::looks_like_value(cell.text.trim());
        if figure && !origin {
            String::new()
        } else {
            cell.text.clone()
        }
    })
}

/// The same grid as [`expand`]'s, each position holding the index (in reading order: rows,
/// then cells) of the cell that covers it: where a grid position came from, for a host that
/// writes a correction back into the markup.
pub fn expand_sources(rows: &[Vec<SpanCell>]) -> Vec<Vec<Option<usize>>> {
    place(rows, |_, k, _| Some(k))
}

/// The one placement of spanned cells: `value(cell, k, origin)` for every position a cell
/// covers (`k` its index in reading order, `origin` its first position); positions no cell
/// covers are `T::default()`.
fn place<T: Default>(
    rows: &[Vec<SpanCell>],
    mut value: impl FnMut(&SpanCell, usize, bool) -> T,
) -> Vec<Vec<T>> {
    let mut grid: Vec<Vec<Option<T>>> = Vec::with_capacity(rows.len());
    let mut k = 0;
    for (r, row) in rows.iter().enumerate() {
        if grid.len() <= r {
            grid.resize_with(r + 1, Vec::new);
        }
        let mut c = 0;
        for cell in row {
            let index = k;
            k += 1;
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let rs = cell.rowspan.clamp(1, MAX_SPAN);
            let cs = cell.colspan.clamp(1, MAX_SPAN);
            if c + cs > MAX_COLS {
                break;
            }
            for dr in 0..rs.min(rows.len() - r) {
                let target = r + dr;
                if grid.len() <= target {
                    grid.resize_with(target + 1, Vec::new);
                }
                let line = &mut grid[target];
                if line.len() < c + cs {
                    line.resize_with(c + cs, || None);
                }
                for (dc, slot) in line[c..c + cs].iter_mut().enumerate() {
                    *slot = Some(value(cell, index, (dr, dc) == (0, 0)));
                }
            }
            c += cs;
        }
    }
    grid.into_iter()
        .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spanned_figure_is_one_value_where_it_starts() {
        let rows = vec![
            vec![c("信息内容", 1, 1), c("本年处理决定数量", 1, 3)],
            vec![c("行政许可", 1, 1), c("0", 1, 3)],
        ];
        assert_eq!(
            expand(&rows),
            vec![
                vec![
                    "信息内容",
                    "本年处理决定数量",
                    "本年处理决定数量",
                    "本年处理决定数量"
                ],
                vec!["行政许可", "0", "", ""],
            ]
        );
    }

    fn c(text: &str, rowspan: usize, colspan: usize) -> SpanCell {
        SpanCell {
            text: text.to_owned(),
            rowspan,
            colspan,
        }
    }

    #[test]
    fn rowspans_and_colspans_fill_every_position() {
        let rows = vec![
            vec![
                c("三、本年度办理结果", 3, 1),
                c("（一）予以公开", 1, 2),
                c("3", 1, 1),
            ],
            vec![
                c("（三）不予公开", 2, 1),
                c("1.属于国家秘密", 1, 1),
                c("0", 1, 1),
            ],
            vec![c("2.其他法律行政法规禁止公开", 1, 1), c("", 1, 1)],
        ];
        assert_eq!(
            expand(&rows),
            vec![
                vec![
                    "三、本年度办理结果",
                    "（一）予以公开",
                    "（一）予以公开",
                    "3"
                ],
                vec![
                    "三、本年度办理结果",
                    "（三）不予公开",
                    "1.属于国家秘密",
                    "0"
                ],
                vec![
                    "三、本年度办理结果",
                    "（三）不予公开",
                    "2.其他法律行政法规禁止公开",
                    ""
                ],
            ]
        );
    }

    #[test]
    fn hostile_spans_are_clamped() {
        let rows = vec![vec![c("x", 1_000_000, 1_000_000)], vec![c("y", 1, 1)]];
        let g = expand(&rows);
        assert_eq!(g.len(), 2);
        assert!(g[0].len() <= MAX_SPAN);
    }
}
