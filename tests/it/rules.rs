//! One passing and one failing fixture per rule (`tests/fixtures/rules/RULE.{pass,fail}.txt`).

use super::support::{fixture, outcomes, run};

/// A rule's failing fixture and what its finding must say.
struct Case {
    rule: &'static str,
    severity: &'static str,
    /// A cell the finding must name ("" for none).
    cell: &'static str,
    /// A suspect `cell=fix` it must offer ("" for none).
    suspect: &'static str,
    /// What its message must say: the values the rule found.
    says: &'static str,
    /// Its `expected` and `actual`, for the arithmetic rules.
    values: Option<(i64, i64)>,
}

const fn case(
    rule: &'static str,
    severity: &'static str,
    cell: &'static str,
    suspect: &'static str,
    says: &'static str,
    values: Option<(i64, i64)>,
) -> Case {
    Case {
        rule,
        severity,
        cell,
        suspect,
        says,
        values,
    }
}

const CASES: [Case; 19] = [
    case(
        "P3-ROW",
        "error",
        "p3.granted.total",
        "p3.granted.total=4806",
        "其他78",
        Some((4806, 4807)),
    ),
    case(
        "P3-SUM",
        "error",
        "p3.rejected.confirm.business",
        "p3.rejected.confirm.business=8",
        "各项之和为4851，但（七）总计填报为2429",
        Some((4851, 2429)),
    ),
    case(
        "P3-BAL",
        "error",
        "p3.carried_in.natural",
        "",
        "第一项7633 + 第二项7 = 7640",
        Some((7640, 7639)),
    ),
    case(
        "P4-SUM",
        "error",
        "p4.review.total",
        "p4.review.total=8",
        "尚未审结8 = 8，但总计填报为9",
        Some((8, 9)),
    ),
    case(
        "P2-PUB",
        "warning",
        "p2.rules.published",
        "",
        "本年新公开数量40大于对外公开总数量36",
        None,
    ),
    case(
        "P2-NEG",
        "error",
        "p2.licensing.change",
        "",
        "456 + 本年增/减-500 = -44",
        None,
    ),
    case(
        "P2-INFORCE",
        "warning",
        "p2.rules.issued",
        "",
        "本年制发件数30大于现行有效件数19与本年废止件数5之和24",
        None,
    ),
    case(
        "P2-UNIT",
        "warning",
        "p2.procurement.amount",
        "",
        "「2824273.0」没有写单位",
        None,
    ),
    case(
        "CELL-VALUE",
        "error",
        "p3.withheld.process.research",
        "",
        "填的是「约1」",
        None,
    ),
    case(
        "CELL-BLANK",
        "warning",
        "p3.withheld.enforcement.total",
        "",
        "未填数字",
        None,
    ),
    case("TABLE-MISSING", "error", "", "", "未找到第四部分表格", None),
    case(
        "TABLE-EXTRA",
        "info",
        "",
        "",
        "格式之外的行「其他主动公开文件」（3 0 12）",
        None,
    ),
    case("FMT-MIX", "warning", "", "", "第二部分为2019年版格式", None),
    case(
        "TXT-NUM",
        "warning",
        "p3.new.total",
        "",
        "受理政府信息公开申请17050件」与表中第三部分「本年新收政府信息公开申请数量」总计17005",
        None,
    ),
    case(
        "YEAR",
        "warning",
        "",
        "",
        "标题为2023年度，但统计期限写的是2022年",
        None,
    ),
    case(
        "DOC-PARTS",
        "warning",
        "",
        "",
        "报告缺少第五部分「存在的主要问题及改进情况」",
        None,
    ),
    case(
        "DOC-TEMPLATE",
        "warning",
        "",
        "",
        "「（文字描述）」1处、「XX」1处、「某某」1处",
        None,
    ),
    case("DOC-P5", "warning", "", "", "只写了「无」", None),
    case(
        "DOC-FEES",
        "warning",
        "p3.other.fee_unpaid.total",
        "",
        "总计为6，说明本年发出过收费通知，但第六部分未说明收取信息处理费",
        None,
    ),
];

/// The rules with a case here (contract.rs holds them to `Rule::ALL`).
pub const CASE_RULES: [&str; CASES.len()] = {
    let mut out = [""; CASES.len()];
    let mut i = 0;
    while i < CASES.len() {
        out[i] = CASES[i].rule;
        i += 1;
    }
    out
};

#[test]
fn every_rule_has_a_passing_and_a_failing_fixture() {
    for Case {
        rule,
        severity,
        cell,
        suspect,
        says,
        values,
    } in CASES
    {
        let pass = run(&fixture(&format!("rules/{rule}.pass.txt")));
        assert!(pass.summary.cells_read > 0, "{rule}.pass reads no cells");
        // the rule's own outcome, whatever its severity: no finding of it at all
        assert!(
            !outcomes(&pass).iter().any(|f| f.rule == rule),
            "{rule}.pass: {:?}",
            pass.findings.iter().map(|f| &f.message).collect::<Vec<_>>()
        );
        let fail = run(&fixture(&format!("rules/{rule}.fail.txt")));
        // the rule's own findings, and its relations inside a finding of one wrong cell
        let all = outcomes(&fail);
        let hits: Vec<_> = all
            .iter()
            .filter(|f| f.rule == rule && f.severity == severity && f.source == "report")
            .collect();
        assert!(
            !hits.is_empty(),
            "{rule}.fail: no {severity} {rule} in {:?}",
            fail.findings
        );
        assert!(
            hits.iter().any(|f| f.message.contains(says)),
            "{rule}.fail: no message says “{says}”: {:?}",
            hits.iter().map(|f| f.message).collect::<Vec<_>>()
        );
        if let Some((expected, actual)) = values {
            assert!(
                hits.iter()
                    .any(|f| f.expected == Some(expected) && f.actual == Some(actual)),
                "{rule}.fail: expected {expected}, actual {actual} not found"
            );
        }
        if !cell.is_empty() {
            assert!(
                hits.iter().any(|f| f.cells.iter().any(|c| c == cell)),
                "{rule}.fail: {cell} not named"
            );
        }
        if let Some((c, fix)) = suspect.split_once('=') {
            let fix: i64 = fix.parse().unwrap();
            assert!(
                hits.iter()
                    .any(|f| f.suspects.iter().any(|s| s.cell == c && s.fix == fix)),
                "{rule}.fail: suspect {suspect} missing in {:?}",
                hits.iter().map(|f| &f.suspects).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn a_table_pasted_alone_reports_the_others_as_information() {
    let r = run(&fixture("rules/P3-ROW.pass.txt"));
    assert_eq!(r.summary.errors, 0);
    let missing: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "TABLE-MISSING")
        .collect();
    assert_eq!(missing.len(), 2);
    assert!(missing.iter().all(|f| f.severity == "info"));
}

#[test]
fn a_whole_report_missing_a_table_is_an_error() {
    let r = run(&fixture("rules/TABLE-MISSING.fail.txt"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "TABLE-MISSING")
        .unwrap();
    assert_eq!(f.severity, "error");
    assert!(f.message.contains("第四部分"), "{}", f.message);
}

#[test]
fn the_p3_row_suspect_is_unique_and_fixes_the_cell() {
    let r = run(&fixture("rules/P3-ROW.fail.txt"));
    for f in r.findings.iter().filter(|f| f.severity == "error") {
        assert_eq!(f.suspects.len(), 1, "{}", f.message);
    }
}

#[test]
fn a_report_published_after_the_deadline_is_flagged() {
    let on_time = run(&fixture("samples/guidong-2020.txt"));
    assert!(!on_time.findings.iter().any(|f| f.rule == "YEAR"));
    let late =
        run(&fixture("samples/guidong-2020.txt")
            .replace("发布时间:2021-01-18", "发布时间:2021-05-18"));
    let f = late
        .findings
        .iter()
        .find(|f| f.rule == "YEAR")
        .expect("a late report is flagged");
    assert_eq!(f.severity, "warning");
    assert!(
        f.message.contains("2021年5月18日") && f.message.contains("3月31日"),
        "{}",
        f.message
    );
    // where: the line the date was read from
    let line = fixture("samples/guidong-2020.txt")
        .lines()
        .position(|l| l.contains("发布时间:2021-01-18"))
        .unwrap() as u32
        + 1;
    assert!(
        matches!(f.at, Some(gouji::result::At::Text { line: l, .. }) if l == line),
        "{:?}",
        f.at
    );
}

#[test]
fn one_wrong_cell_is_one_finding_listing_the_relations_it_breaks() {
    // a typo in a result row's cell breaks its row and its column: one finding, both inside
    let r = run(&fixture("rules/P3-SUM.fail.txt"));
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", errors);
    let f = errors[0];
    assert_eq!(r.summary.errors, 1);
    let rules: Vec<String> = f.relations.iter().map(|b| b.rule.to_string()).collect();
    assert_eq!(rules, ["P3-ROW", "P3-SUM"]);
    assert_eq!(f.suspects.len(), 1);
    assert_eq!(
        (f.suspects[0].cell.as_str(), f.suspects[0].fix),
        ("p3.rejected.confirm.business", 8)
    );
    assert!(
        f.message.contains("「商业企业」列填报为2430"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("与2处勾稽关系不符；改为8则全部成立"),
        "{}",
        f.message
    );
    // the finding names every cell of both relations, so the table marks them all
    for b in &f.relations {
        assert!(b.cells.iter().all(|c| f.cells.contains(c)), "{:?}", b.cells);
    }
    // two relations that no single cell explains stay two findings
    let two = run(&fixture("rules/P3-BAL.fail.txt"));
    let bal: Vec<_> = two.findings.iter().filter(|f| f.rule == "P3-BAL").collect();
    assert_eq!(bal.len(), 2);
    assert!(bal.iter().all(|f| f.relations.is_empty()));
}

#[test]
fn structure_checks_say_where_and_hold_only_whole_reports() {
    let huaian = fixture("samples/huaian-2024.txt");
    // parts out of order: part 六 before part 五, said at part 五's heading
    let (head, tail) = huaian.split_at(huaian.find("       五、存在的主要问题").unwrap());
    let (five, six) = tail.split_at(tail.find("      六、其他需要报告").unwrap());
    let swapped = format!("{head}{six}\n{five}");
    let r = run(&swapped);
    let f: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "DOC-PARTS")
        .collect();
    assert_eq!(f.len(), 1, "{:?}", r.findings);
    assert!(f[0]
        .message
        .contains("第五部分「存在的主要问题及改进情况」排在第六部分"));
    assert!(
        matches!(f[0].at, Some(gouji::result::At::Text { col: 8, .. })),
        "{:?}",
        f[0].at
    );
    // part 五 with nothing under its heading
    let empty = format!("{head}       五、存在的主要问题及改进情况\n{six}");
    let r = run(&empty);
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "DOC-P5" && f.message.contains("没有内容")));
    // 无 on the heading's own line is part 五's text
    let inline = format!("{head}       五、存在的主要问题及改进情况：无\n{six}");
    assert!(run(&inline).findings.iter().any(|f| f.rule == "DOC-P5"));
    // the tables alone are not held to the report's structure, nor is a template word in a URL
    let r = run(&fixture("rules/P3-ROW.pass.txt"));
    assert!(!r.findings.iter().any(|f| f.rule.id().starts_with("DOC-")));
    let url = huaian.replace("办法》，", "办法》（www.XXX.gov.cn，Xx），");
    assert!(!run(&url)
        .findings
        .iter()
        .any(|f| f.rule.id().starts_with("DOC-")));
}
