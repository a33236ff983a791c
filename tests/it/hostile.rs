//! Hostile pastes (tests/fixtures/hostile/payloads.txt, script-injection payloads) placed in
//! labels, cells and prose, as text and as a grid: the result keeps its invariants and the
//! rendered HTML holds no active element or attribute. The browser side of this is in
//! tests/e2e/hostile.test.mjs.

use super::support::{fixture, run};
use gouji_testkit::invariants::{assert_inert_html, assert_result};

fn payloads() -> Vec<String> {
    let all = fixture("hostile/payloads.txt");
    all.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn there_are_over_a_hundred_payloads() {
    assert!(payloads().len() >= 100, "{}", payloads().len());
}

#[test]
fn payloads_in_labels_cells_and_prose_render_inert() {
    let base = fixture("rules/TABLE-EXTRA.fail.txt");
    for p in payloads() {
        let variants = [
            // a label of an extra row (its label is echoed in a finding)
            base.replace("其他主动公开文件", &p),
            // a cell
            base.replace("规章\t10\t5\t19", &format!("规章\t{p}\t5\t19")),
            // the prose and the title
            base.replace("我县全年受理", &format!("{p}我县全年受理"))
                .replace("示例县人民政府\n", &format!("{p}\n")),
            // a row label of part 三
            base.replace("（一）予以公开", &format!("（一）予以公开{p}")),
        ];
        for text in variants {
            let r = run(&text);
            assert_result(&r);
            assert_inert_html(&gouji::render_html(&r));
            assert_inert_html(&gouji::render::tables_html(&r, gouji::render::Lang::Zh));
            let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
            let g = gouji::check_grid(&rows, &gouji::Options::default());
            assert_result(&g);
            assert_inert_html(&gouji::render_html(&g));
        }
    }
}
