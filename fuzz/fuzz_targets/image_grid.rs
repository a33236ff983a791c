//! The grid finder and the cell reader on any picture: the bytes are a gray picture (its
//! width from the first byte), read as a page — ruled cells, the borderless reader, glyphs,
//! the page's font, the placing on the form — and checked; never a panic, every invariant of
//! the result held.
#![no_main]
use gouji_image::decode::Gray;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&w, px)) = data.split_first() else { return };
    let w = usize::from(w).max(1);
    let h = px.len() / w;
    if h == 0 {
        return;
    }
    // small pictures drawn large: each byte a 4 × 4 block (rules, glyphs, specks at sizes
    // the reader meets)
    let (bw, bh) = (w * 4, h * 4);
    let mut big = vec![255u8; bw * bh];
    for y in 0..bh {
        for x in 0..bw {
            big[y * bw + x] = px[(y / 4) * w + x / 4];
        }
    }
    let g = Gray { w: bw, h: bh, px: big };
    let r = gouji::seen::check_seen(&gouji_image::read(vec![g]));
    gouji_testkit::invariants::assert_result(&r);
});
