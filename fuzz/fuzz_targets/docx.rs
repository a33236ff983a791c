//! The .docx reader (zip, inflate, WordprocessingML): any bytes read or refused, never a
//! panic; a grid read is checked with every invariant of the result.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = gouji_files::Limits::default();
    if let Ok((rows, _)) = gouji_files::docx::read(data, &limits) {
        let r = gouji::check_grid(&rows, &gouji::Options::default());
        gouji_testkit::invariants::assert_result(&r);
    }
    // the XML reading alone, on the bytes as text (most mutations break the zip first)
    let (rows, _) = gouji_files::docx::rows(&String::from_utf8_lossy(data));
    gouji_testkit::invariants::assert_result(&gouji::check_grid(&rows, &gouji::Options::default()));
});
