//! The text reader: any bytes, read as pasted text, give a result that keeps its invariants.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = gouji::check(&text, &gouji::Options::default());
    gouji_testkit::invariants::assert_result(&r);
});
