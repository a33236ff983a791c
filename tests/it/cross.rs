//! Last year's report beside this one (issue 15): one passing and one failing pair per
//! cross-year rule. The pairs: the huaian-2024 sample and last year's reports made from it that
//! add up in themselves (`tests/fixtures/prev/`), and the real reports of two bodies.

use super::support::{fixture, run};
use gouji::result::CheckResult;

fn pair(last: &str, this: &str) -> CheckResult {
    let (l, t) = (fixture(last), fixture(this));
    let (prev, mut r) = (run(&l), run(&t));
    gouji::compare(&mut r, &t, &prev, &l);
    gouji_testkit::invariants::assert_result(&r);
    r
}

fn of<'r>(r: &'r CheckResult, rule: &str) -> Vec<&'r gouji::result::FindingOut> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

const THIS: &str = "samples/huaian-2024.txt";

#[test]
fn a_consistent_pair_has_no_cross_year_finding() {
    let r = pair("prev/huaian-2023.txt", THIS);
    assert!(
        r.findings.iter().all(|f| !f.rule.id().starts_with("X-")),
        "{:?}",
        r.findings
    );
    let prev = r
        .prev
        .as_ref()
        .expect("the result says what it was compared with");
    assert_eq!(
        (prev.year, prev.title.as_deref()),
        (
            Some(2023),
            Some("淮安市人民政府2023年政府信息公开工作年度报告")
        )
    );
    assert_eq!(r.summary.errors, 0);
}

#[test]
fn x_carry_this_years_carried_in_is_last_years_carried_out_per_column() {
    // last year's report adds up in itself, but carried 30 over, not the 34 this year took in
    let r = pair("prev/huaian-2023-carry.txt", THIS);
    let carry = of(&r, "X-CARRY");
    assert_eq!(carry.len(), 2, "{:?}", r.findings);
    for (f, col) in carry.iter().zip(["natural", "total"]) {
        assert_eq!(f.severity, "error");
        assert_eq!(f.cells, [format!("p3.carried_in.{col}")]);
        assert_eq!(f.prev_cells, [format!("p3.carried_out.{col}")]);
        assert_eq!((f.expected, f.actual), (Some(30), Some(34)));
        assert!(f.message.contains("上一年度报告（淮安市人民政府2023年政府信息公开工作年度报告）「四、结转下年度继续办理」为30"), "{}", f.message);
        assert!(f.at.is_some());
    }
    assert_eq!(r.summary.errors, 2);
}

#[test]
fn x_prev_in_force_documents_follow_from_last_year() {
    let r = pair("prev/huaian-2023-in-force.txt", THIS);
    let f = of(&r, "X-PREV");
    assert_eq!(f.len(), 1, "{:?}", r.findings);
    assert_eq!(f[0].severity, "warning");
    assert_eq!((f[0].expected, f[0].actual), (Some(13), Some(11)));
    assert_eq!(f[0].prev_cells, ["p2.rules.in_force"]);
    assert!(f[0].message.contains("上一年度报告（淮安市人民政府2023年政府信息公开工作年度报告）为12，加本年制发1、减本年废止0应为13"), "{}", f[0].message);
}

#[test]
fn x_text_over_half_the_sentences_copied_is_a_warning_with_the_share() {
    let r = pair("prev/huaian-2023-copied.txt", THIS);
    let f = of(&r, "X-TEXT");
    assert_eq!(f.len(), 1, "{:?}", r.findings);
    assert!(f[0].message.contains("（78%）"), "{}", f[0].message);
    let (shared, total) =
        gouji::rules::cross::overlap(&fixture(THIS), &fixture("prev/huaian-2023-copied.txt"));
    assert!(shared * 2 > total && total > 40, "{shared}/{total}");
    // a report with its own words: no such finding
    assert!(of(&pair("prev/huaian-2023.txt", THIS), "X-TEXT").is_empty());
}

#[test]
fn x_match_a_pair_of_two_bodies_or_the_same_year_is_said_not_compared() {
    // the real reports of 洪泽区 2023 and 淮安市 2024: two bodies
    let r = pair("samples/hongze-2023.txt", THIS);
    let m = of(&r, "X-MATCH");
    assert_eq!(m.len(), 1);
    assert!(
        m[0].message.contains("「淮安市」") && m[0].message.contains("「洪泽区」"),
        "{}",
        m[0].message
    );
    // not compared: no carry-over finding although 34 ≠ hongze's carried_out
    assert!(of(&r, "X-CARRY").is_empty());
    // the same report twice: not consecutive years
    let r = pair(THIS, THIS);
    assert!(of(&r, "X-MATCH")[0].message.contains("不是相邻年度"));
    assert!(of(&r, "X-CARRY").is_empty());
    // a consistent pair: confirmed, nothing said
    assert!(of(&pair("prev/huaian-2023.txt", THIS), "X-MATCH").is_empty());
}

#[test]
fn across_a_format_change_the_part_2_comparison_is_said_not_to_apply() {
    // 2020's report (F2019) beside a 2021 one (F2021) of the same body
    let last = fixture("samples/guidong-2020.txt");
    let this = fixture(THIS)
        .replace("淮安市人民政府", "桂东县人民政府办公室")
        .replace("2024", "2021");
    let (prev, mut r) = (run(&last), run(&this));
    gouji::compare(&mut r, &this, &prev, &last);
    let p = of(&r, "X-PREV");
    assert_eq!(p.len(), 1, "{:?}", r.findings);
    assert_eq!(p[0].severity, "info");
    assert!(p[0].message.contains("不适用"), "{}", p[0].message);
    assert!(of(&r, "X-MATCH").is_empty(), "{:?}", of(&r, "X-MATCH"));
}

#[test]
fn last_years_indicators_come_with_the_result_and_their_change_is_drawn() {
    let r = pair("prev/huaian-2023.txt", THIS);
    let last = run(&fixture("prev/huaian-2023.txt")).indicators;
    let prev = r.prev.as_ref().unwrap();
    assert_eq!(prev.indicators, last);
    assert!(last.disclosure_rate.is_some());
    let html = gouji::render_html(&r);
    let now = (r.indicators.disclosure_rate.unwrap() * 1000.0).round() as i64;
    let then = (last.disclosure_rate.unwrap() * 1000.0).round() as i64;
    let d = now - then;
    let change = format!(
        "{}{}.{}",
        if d < 0 { "−" } else { "+" },
        d.abs() / 10,
        d.abs() % 10
    );
    let said = format!(
        "公开率 {}.{}%（上年 {}.{}%，{change} 个百分点）",
        now / 10,
        now % 10,
        then / 10,
        then % 10
    );
    assert!(html.contains(&said), "{said} not in the drawing");
}

#[test]
fn x_carry_compares_every_column_the_format_has() {
    // 社会公益组织 and 其他 (法人或其他组织) too: their ids are the format's (nonprofit,
    // other_org), once spelt apart here and so never compared
    let last = fixture("prev/huaian-2023.txt").replace(
        "四、结转下年度继续办理                          34           0        0         0        0         0    34",
        "四、结转下年度继续办理                          32           0        0         1        0         1    34",
    );
    let this = fixture(THIS);
    let (prev, mut r) = (run(&last), run(&this));
    gouji::compare(&mut r, &this, &prev, &last);
    let cols: Vec<String> = of(&r, "X-CARRY")
        .iter()
        .map(|f| f.cells[0].clone())
        .collect();
    assert_eq!(
        cols,
        [
            "p3.carried_in.natural",
            "p3.carried_in.nonprofit",
            "p3.carried_in.other_org"
        ],
        "{:?}",
        r.findings
    );
}

/// What a batch keeps of a report is the same whether the check built its result or not (the
/// command line's batch of texts keeps it from the unbuilt check), and it crosses to
/// JavaScript and back unchanged (the page's batch carries it from its workers as JSON).
#[test]
fn what_a_batch_keeps_of_a_report_is_one_thing_however_made() {
    use gouji::rules::cross::Last;
    for name in [
        "samples/huaian-2024.txt",
        "samples/hongze-2023.txt",
        "samples/guidong-2020.txt",
        "prev/huaian-2023-carry.txt",
    ] {
        let text = fixture(name);
        let built = Last::of(&run(&text), &text);
        let unbuilt = Last::of_checked(&gouji::check_text(&text, &Default::default()), &text);
        assert_eq!(built, unbuilt, "{name}");
        assert_ne!(built.fingerprint, 0, "{name}");
        let json = serde_json::to_string(&built).unwrap();
        let back: Last = serde_json::from_str(&json).unwrap();
        assert_eq!(back, built, "{name}");
    }
    // the same figures, whatever the prose: one fingerprint; one figure changed: another
    let text = fixture(THIS);
    let fp = |t: &str| Last::of(&run(t), t).fingerprint;
    assert_eq!(fp(&text), fp(&format!("{text}\n另附说明一句。")));
    let last = fixture("prev/huaian-2023.txt");
    assert_ne!(fp(&text), fp(&last));
}
