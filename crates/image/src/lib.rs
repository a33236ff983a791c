//! Tables published as images, read: the pictures decoded (`decode`), each page straightened
//! and made black and white (`page`), the tables' cells found by their ruling lines (`grid`),
//! the digits in each cell read with alternatives (`digits`), and the cells placed on the
//! official form by the counts and order of their rows (`form`). The report's arithmetic then
//! chooses among the readings (`gouji::seen`, in the core).
//!
//! Invariant: no I/O, no browser crate, never a panic; what cannot be read is said.

pub mod decode;
pub mod digits;
pub mod form;
pub mod grid;
pub mod page;

use decode::Gray;

/// How dark against its neighbourhood a pixel must be to be ink (percent).
const INK: u32 = 12;

/// A page's cells and what each holds.
pub fn read_page(g: Gray, page: u32) -> form::PageCells {
    let st = page::straighten(g);
    let ink = page::binarise(&st.gray, INK);
    let mut hs = grid::horizontal(&ink);
    grid::close_open_ends(&ink, &mut hs);
    let vs = grid::vertical(&ink, &hs);
    let boxes = grid::cells(ink.w, ink.h, &hs, &vs);
    let glyphs: Vec<Vec<digits::Glyph>> = boxes
        .iter()
        .map(|&r| digits::cell_glyphs(&ink, r))
        .collect();
    // the page's own font: its sure digits settle the network's doubts about the others
    let font = digits::PageFont::learn(&glyphs);
    let cells = boxes
        .into_iter()
        .zip(&glyphs)
        .map(|(r, gs)| (r, digits::read_glyphs(gs, &font)))
        .collect();
    form::PageCells {
        page,
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
