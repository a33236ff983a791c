//! The grid reader: bytes as rows (lines) of cells (tabs), as the HTML path gives them.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rows: Vec<Vec<&str>> = text.lines().take(5000).map(|l| l.split('\t').take(300).collect()).collect();
    let r = gouji::check_grid(&rows, &gouji::Options::default());
    gouji_testkit::invariants::assert_result(&r);
});
