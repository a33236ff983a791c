//! End to end: check, render (HTML and TSV), read the TSV back, edit a cell in place.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = gouji::check(&text, &gouji::Options::default());
    gouji_testkit::invariants::assert_result(&r);
    let html = gouji::render_html(&r);
    gouji_testkit::invariants::assert_inert_html(&html);
    let clean = gouji::render::tables_html(&r, gouji::render::Lang::En);
    gouji_testkit::invariants::assert_inert_html(&clean);
    let tsv = gouji::render::tables_tsv(&r);
    let again = gouji::check(&tsv, &gouji::Options::default());
    gouji_testkit::invariants::assert_result(&again);
    if let Some((_, cell)) = r.cells.0.first() {
        if let Some(gouji::result::At::Text { line, col }) = cell.at {
            let _ = gouji::edit::set_cell_text(&text, line, col, &cell.raw, "7");
        }
    }
});
