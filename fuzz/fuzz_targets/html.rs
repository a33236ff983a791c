//! The command line's HTML reading (gouji's own parser, then the tree walk the page shares):
//! any text, never a panic; the grid checked with every invariant of the result.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rows = gouji_files::html::read(&String::from_utf8_lossy(data));
    let r = gouji::check_grid(&rows, &gouji::Options::default());
    gouji_testkit::invariants::assert_result(&r);
});
