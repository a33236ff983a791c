//! The fast JSON writer against serde_json on texts whose cells leave the usual path.

#[test]
fn cells_far_down_or_unusual_are_written_as_serde_json_writes_them() {
    let options = gouji::Options::default();
    let report = gouji_testkit::synth::report(2); // tab-separated rows
                                                  // lines past 9,999; figures with units, blanks, decimals, signs
    let far = format!("{}{report}", "\n".repeat(12_000));
    let unusual = report
        .replacen("\t0\t", "\t0件\t", 1)
        .replacen("\t0\t", "\t—\t", 1)
        .replacen("\t0\t", "\t+1\t", 1)
        .replacen("\t0\t", "\t007\t", 1);
    assert_eq!(unusual.matches("\t0件\t").count(), 1, "{report}");
    assert_eq!(unusual.matches("\t007\t").count(), 1);
    for text in [report.as_str(), &far, &unusual] {
        gouji_testkit::invariants::assert_check_json(text, &options);
    }
}
