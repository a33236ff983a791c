//! Property tests: generated consistent reports check clean in every layout and format; one
//! corrupted cell is named by an error; arbitrary input never panics.

use super::support::{fixture, has_suspect, run, SAMPLES};
use gouji::format::{CellId, FormatId};
use gouji::{check_grid, render_html, Options};
use gouji_testkit::synth::{figures, write, Layout};
use proptest::prelude::*;

fn format_of(n: u8) -> FormatId {
    if n % 2 == 0 {
        FormatId::F2019
    } else {
        FormatId::F2021
    }
}

fn layout_of(n: u8) -> Layout {
    Layout::ALL[n as usize % Layout::ALL.len()]
}

fn expected_cells(format: FormatId, layout: Layout) -> usize {
    let p3 = if format == FormatId::F2019 { 161 } else { 175 };
    let p2 = if format == FormatId::F2019 { 22 } else { 10 };
    if layout == Layout::Figures {
        p3 + 15
    } else {
        p2 + p3 + 15
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn consistent_reports_check_clean(seed in any::<u64>(), f in 0u8..2, l in 0u8..5) {
        let (format, layout) = (format_of(f), layout_of(l));
        let text = write(format, layout, &figures(seed, format));
        let r = run(&text);
        gouji_testkit::invariants::assert_result(&r);
        prop_assert_eq!(r.summary.errors, 0, "{:?}", r.findings);
        prop_assert_eq!(r.summary.warnings, 0, "{:?}", r.findings);
        prop_assert_eq!(r.summary.cells_read, expected_cells(format, layout));
        prop_assert_eq!(r.tables.p3, Some(format));
    }

    #[test]
    fn one_corrupted_cell_is_named(seed in any::<u64>(), f in 0u8..2, l in 0u8..5, pick in any::<prop::sample::Index>(), delta in 1i64..50) {
        let (format, layout) = (format_of(f), layout_of(l));
        let mut figs = figures(seed, format);
        let checked: Vec<usize> = (0..figs.len()).filter(|&i| !figs[i].0.row().starts_with("p2")).collect();
        let i = checked[pick.index(checked.len())];
        let (key, old): (CellId, i64) = (figs[i].0, figs[i].1.parse().unwrap());
        figs[i].1 = (old + delta).to_string();
        let r = run(&write(format, layout, &figs));
        let id = key.id();
        let named = r.findings.iter().any(|f| f.severity == "error" && f.cells.iter().any(|c| c == id));
        prop_assert!(named, "{} +{} not named: {:?}", id, delta, r.findings);
        let suspected = has_suspect(&r, id, old);
        prop_assert!(suspected, "{} +{} not the suspect", id, delta);
    }

    #[test]
    fn grids_check_like_text(seed in any::<u64>(), f in 0u8..2) {
        let format = format_of(f);
        let text = write(format, Layout::Tabs, &figures(seed, format));
        let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
        let g = check_grid(&rows, &Options::default());
        let t = run(&text);
        prop_assert_eq!(g.summary.errors, 0, "{:?}", g.findings);
        prop_assert_eq!(g.summary.cells_read, t.summary.cells_read);
        for (id, c) in &t.cells.0 {
            prop_assert_eq!(g.cells.get(id).map(|c| c.value), Some(c.value));
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        let text = String::from_utf8_lossy(&bytes);
        let r = run(&text);
        gouji_testkit::invariants::assert_result(&r);
        gouji_testkit::invariants::assert_inert_html(&render_html(&r));
    }

    #[test]
    fn random_chinese_text_never_panics(chars in prop::collection::vec(prop::sample::select(ALPHABET.chars().collect::<Vec<_>>()), 0..3000)) {
        let text: String = chars.into_iter().collect();
        let r = run(&text);
        gouji_testkit::invariants::assert_result(&r);
        gouji_testkit::invariants::assert_inert_html(&render_html(&r));
    }

    #[test]
    fn truncated_reports_never_panic(which in 0usize..3, cut in any::<prop::sample::Index>()) {
        let text = fixture(&format!("samples/{}.txt", SAMPLES[which]));
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let end = ends[cut.index(ends.len())];
        for part in [&text[..end], &text[end..]] {
            let r = run(part);
            gouji_testkit::invariants::assert_result(&r);
            gouji_testkit::invariants::assert_inert_html(&render_html(&r));
        }
    }
}

/// Characters that make up reports, so random text hits the readers' paths.
const ALPHABET: &str = "0123456789０１２３４５６７８９ \t\n\n|/-—无.,、，。（）()一二三四五六七八九十第条项年度报告本新收上结转予以公开部分不予国家秘密其他处理总计行政复议诉讼维持纠正尚未审结受理申请件信息内容规章许可收费自然人商业企业法人组织政府勾稽关系";
