//! The PDF reader: any bytes read or refused with a message, never a panic; what is read is
//! checked with every invariant of the result.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pdf) = gouji_files::pdf::read(data, &gouji_files::Limits::default()) {
        let r = gouji::check(&pdf.text(), &gouji::Options::default());
        gouji_testkit::invariants::assert_result(&r);
    }
});
