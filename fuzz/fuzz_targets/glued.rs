//! Figures run together (issue 22): the bytes as a report's rows of digits run together after
//! their labels (part 三's rows in order, then part 四's run), decoded by the tables' relations;
//! and the bytes as text. Never a panic, never a hang (every search is bounded), and every
//! result keeps its invariants.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    gouji_testkit::invariants::assert_result(&gouji::check(&text, &gouji::Options::default()));
    // each byte a digit; the first bytes say how many digits each row takes
    let digits: Vec<u8> = data.iter().map(|b| b'0' + b % 10).collect();
    let rows = gouji::format::part3::rows(data.first().is_some_and(|b| b & 1 == 1));
    let (lens, rest) = data.split_at(data.len().min(rows.len() + 1));
    let mut at = 0;
    let mut report = String::from("三、收到和处理政府信息公开申请情况\n");
    for (row, len) in rows.iter().zip(lens) {
        let take = usize::from(*len % 40).min(digits.len() - at);
        report.push_str(&gouji::read::part3::row_label(row));
        report.push_str(std::str::from_utf8(&digits[at..at + take]).unwrap_or(""));
        report.push('\n');
        at += take;
    }
    report.push_str("四、政府信息公开行政复议、行政诉讼情况\n结果维持结果纠正其他结果尚未审结总计\n");
    report.push_str(std::str::from_utf8(&digits[at..]).unwrap_or(""));
    let _ = rest;
    let r = gouji::check(&report, &gouji::Options::default());
    gouji_testkit::invariants::assert_result(&r);
    gouji_testkit::invariants::assert_inert_html(&gouji::render_html(&r));
});
