//! Tables published as images, read: the pictures decoded (`decode`), each page straightened
//! and made black and white (`page`), the tables' cells found by their ruling lines (`grid`),
//! the digits in each cell read with alternatives (`digits`), and the cells placed on the
//! official form by the counts and order of their rows (`form`). The report's arithmetic then
//! chooses among the readings (`gouji::seen`, in the core).
//!
//! Invariant: no I/O, no browser crate, never a panic; what cannot be read is said.

pub mod decode;
pub mod digits;
pub mod font;
pub mod form;
pub mod grid;
pub mod loose;
pub mod page;

use decode::Gray;

/// A page with fewer ruled cells than four times this, holding fewer figures than this, is
/// read by its figures' alignment too (`loose`: a table without ruling lines), and the
/// reading with more figures is kept.
const LOOSE_BELOW: usize = 5;

/// How dark against its neighbourhood a pixel must be to be ink (percent).
const INK: u32 = 12;

/// A page's cells and what each holds.
pub fn read_page(g: Gray, page: u32) -> form::PageCells {
    let inset = inset_for(&g);
    let st = page::straighten(g);
    let ink = page::binarise(&st.gray, INK);
    let mut hs = grid::horizontal(&ink);
    grid::close_open_ends(&ink, &mut hs);
    let vs = grid::vertical(&ink, &hs);
    let boxes = grid::cells(ink.w, ink.h, &hs, &vs);
    let mut cells = read_boxes(&ink, boxes, inset);
    // no ruled table of figures: the figures' alignment, if it gives more
    let figures = |cells: &[(grid::Rect, digits::Content)]| {
        cells
            .iter()
            .filter(|(_, c)| matches!(c, digits::Content::Figure(_)))
            .count()
    };
    if figures(&cells) < LOOSE_BELOW && cells.len() < LOOSE_BELOW * 4 {
        let loose = loose::cells(&ink);
        if figures(&loose) > figures(&cells) {
            cells = loose;
        }
    }
    form::PageCells {
        page,
        width: ink.w as u32,
        cells,
        turn: st.turn,
    }
}

/// The figures of a report's pages, placed on the form, ready for `gouji::seen::check_seen`.
pub fn read(pages: Vec<Gray>) -> gouji::seen::Pictured {
    let cells: Vec<form::PageCells> = pages
        .into_iter()
        .enumerate()
        .map(|(i, g)| read_page(g, i as u32 + 1))
        .collect();
    form::place(&cells)
}

/// What each ruled cell holds: its glyphs, `inset` pixels inside its rules, read with the
/// page's font (learnt from them all).
pub fn read_boxes(
    ink: &page::Ink,
    boxes: Vec<grid::Rect>,
    inset: u32,
) -> Vec<(grid::Rect, digits::Content)> {
    let glyphs: Vec<Vec<digits::Glyph>> = boxes
        .iter()
        .map(|&r| digits::cell_glyphs_inset(ink, r, inset))
        .collect();
    // the page's own font: its sure digits settle the network's doubts about the others
    let font = font::PageFont::learn(&glyphs);
    boxes
        .into_iter()
        .zip(&glyphs)
        .map(|(r, gs)| {
            // a box hardly larger than its glyphs holds no figure of a table (the hollows of a
            // bold heading's characters, a grid of character boxes): a table's cell has room
            // around its figure
            let tallest = gs.iter().map(|g| g.rect.h()).max().unwrap_or(0);
            if r.w() < tallest || r.h() * 5 < tallest * 7 {
                return (r, digits::Content::Text);
            }
            (r, digits::read_glyphs(gs, &font))
        })
        .collect()
}

/// How far inside its rules a cell's glyphs are looked for: one pixel in a crisp picture (a
/// screenshot: its rules one pixel, exact, and a cell without padding sets its figure against
/// the rule), two in a scan (its rules rough at their edges, a pixel or two wide).
pub fn inset_for(g: &Gray) -> u32 {
    if page::crisp(g) {
        1
    } else {
        2
    }
}
