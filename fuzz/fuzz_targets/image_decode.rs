//! The picture decoders (PNG, JPEG, CCITT fax, a PDF's raw samples): any bytes decoded or refused with a
//! message, never a panic, never more pixels than the limits; a small picture decoded is read
//! (its grid found, its cells placed) and checked with every invariant of the result.
#![no_main]
use gouji_image::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(4));
    let b = |i: usize| usize::from(head.get(i).copied().unwrap_or(1));
    let got = match head.first().copied().unwrap_or(0) % 5 {
        0 => decode::png(rest),
        1 => decode::jpeg(rest),
        2 => decode::fax(b(1) * 8, b(2) * 8, -1, true, rest),
        3 => decode::fax(b(1) * 8, b(2) * 8, 0, b(3) % 2 == 0, rest),
        _ => {
            decode::raw(b(1) * 8, b(2) * 8, 1 + b(3) % 4, 8, rest)
        }
    };
    if let Ok(g) = got {
        assert_eq!(g.px.len(), g.w * g.h);
        if g.w * g.h <= 1 << 18 {
            let r = gouji::seen::check_seen(&gouji_image::read(vec![g]));
            gouji_testkit::invariants::assert_result(&r);
        }
    }
});
