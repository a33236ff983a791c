//! The verdict, the indicators and the findings: what the drawing says before the tables.

use super::{cell_anchor, finding_anchor, Html, Lang};
use crate::format::{CellId, ReportFormat};
use crate::model::{Severity, Source};
use crate::result::CheckResult;

pub(super) fn verdict(h: &mut Html, r: &CheckResult, lang: Lang) {
    let s = &r.summary;
    let (class, text) = if s.cells_read == 0 {
        (
            "gouji-verdict unusable",
            lang.pick(
                "无法检查：未读到年报表格",
                "Cannot check: no report table was read",
            )
            .to_owned(),
        )
    } else if s.errors == 0 && s.unread > 0 {
        // what was read adds up, but not everything could be read: not a pass
        (
            "gouji-verdict partial",
            match lang {
                Lang::Zh => format!(
                    "未能完整检查：读到的数据没有发现错误，但有 {} 处未能读取（见下）",
                    s.unread
                ),
                Lang::En => format!(
                    "Not fully checked: no errors in what was read, but {} things could not be read (below)",
                    s.unread
                ),
            },
        )
    } else if s.errors == 0 {
        let base = lang.pick("通过：各项数据勾稽关系正确", "Passed: all figures add up");
        let text = if s.warnings > 0 {
            match lang {
                Lang::Zh => format!("{base}（另有 {} 处提醒）", s.warnings),
                Lang::En => format!("{base} ({} warnings)", s.warnings),
            }
        } else {
            base.to_owned()
        };
        ("gouji-verdict pass", text)
    } else {
        let text = match lang {
            Lang::Zh if s.warnings > 0 => {
                format!("发现 {} 处错误、{} 处提醒", s.errors, s.warnings)
            }
            Lang::Zh => format!("发现 {} 处错误", s.errors),
            Lang::En => format!("{} errors, {} warnings", s.errors, s.warnings),
        };
        ("gouji-verdict fail", text)
    };
    h.open("p", &[("class", class), ("role", "status")]);
    h.leaf(
        "span",
        &[("class", "gouji-verdict-mark"), ("aria-hidden", "true")],
        if s.errors > 0 || s.cells_read == 0 {
            "✗ "
        } else if s.unread > 0 {
            "! "
        } else {
            "✓ "
        },
    );
    h.text(&text);
    if s.unread > 0 && s.cells_read > 0 && s.errors > 0 {
        h.text(&match lang {
            Lang::Zh => format!("；另有 {} 处未能读取（见下）", s.unread),
            Lang::En => format!("; {} things could not be read (below)", s.unread),
        });
    }
    h.close("p");
    let mut meta = Vec::new();
    if let Some(t) = &r.title {
        meta.push(t.clone());
    }
    match r.format {
        ReportFormat::F2019 => meta.push(lang.pick("2019年版格式", "2019 format").to_owned()),
        ReportFormat::F2021 => meta.push(lang.pick("2021年版格式", "2021 format").to_owned()),
        ReportFormat::Mixed => meta.push(lang.pick("格式混用", "mixed formats").to_owned()),
        ReportFormat::Unknown => {}
    }
    if let Some(y) = r.year {
        meta.push(match lang {
            Lang::Zh => format!("{y}年度"),
            Lang::En => format!("year {y}"),
        });
    }
    if !meta.is_empty() {
        h.leaf("p", &[("class", "gouji-meta")], &meta.join(" · "));
    }
    indicators(h, r, lang);
    if let Some(p) = &r.prev {
        let name = p
            .title
            .clone()
            .unwrap_or_else(|| lang.pick("上一年度报告", "last year's report").to_owned());
        h.leaf(
            "p",
            &[("class", "gouji-meta gouji-prev")],
            &match lang {
                Lang::Zh => format!("已与上一年度报告核对：{name}"),
                Lang::En => format!("Checked against last year's report: {name}"),
            },
        );
    }
}

/// The report's indicators, as evaluators compute them, where its tables give them.
pub(super) fn indicators(h: &mut Html, r: &CheckResult, lang: Lang) {
    let i = &r.indicators;
    // last year's, where this report was compared with it: the change beside each
    let p = r.prev.as_ref().map(|p| p.indicators).unwrap_or_default();
    let items = [
        (
            i.disclosure_rate,
            p.disclosure_rate,
            "公开率",
            "disclosure rate",
        ),
        (
            i.review_correction_rate,
            p.review_correction_rate,
            "行政复议纠错率",
            "review correction rate",
        ),
        (
            i.suit_correction_rate,
            p.suit_correction_rate,
            "行政诉讼纠错率",
            "suit correction rate",
        ),
        (i.carry_rate, p.carry_rate, "结转率", "carry-over rate"),
    ];
    // a tenth of a percent, in integers (float formatting is large in WebAssembly)
    let permille = |v: f64| (v * 1000.0).round() as i64;
    let tenths = |m: i64| format!("{}.{}", m / 10, (m % 10).abs());
    let shown: Vec<String> = items
        .iter()
        .filter_map(|&(v, last, zh, en)| {
            let now = permille(v?);
            let mut s = format!("{} {}%", lang.pick(zh, en), tenths(now));
            if let Some(last) = last.map(permille) {
                let d = now - last;
                let sign = if d < 0 { "−" } else { "+" };
                let change = format!("{sign}{}", tenths(d.abs()));
                s.push_str(&match lang {
                    Lang::Zh => format!("（上年 {}%，{change} 个百分点）", tenths(last)),
                    Lang::En => format!(" (last year {}%, {change} points)", tenths(last)),
                });
            }
            Some(s)
        })
        .collect();
    if !shown.is_empty() {
        h.leaf(
            "p",
            &[("class", "gouji-meta gouji-indicators")],
            &shown.join(" · "),
        );
    }
}

pub(super) fn severity_word(sev: Severity, lang: Lang) -> &'static str {
    match (sev, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "提醒",
        (Severity::Info, Lang::Zh) => "说明",
        (Severity::Error, Lang::En) => "Error",
        (Severity::Warning, Lang::En) => "Warning",
        (Severity::Info, Lang::En) => "Note",
    }
}

/// The report's findings, then apart what gouji could not read, with what the user can do.
pub(super) fn findings(h: &mut Html, r: &CheckResult, lang: Lang) {
    let of = |source: Source| {
        r.findings
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.source == source)
    };
    if of(Source::Report).next().is_some() {
        h.open("ol", &[("class", "gouji-findings")]);
        finding_items(h, of(Source::Report), lang);
        h.close("ol");
    }
    if of(Source::Reading).next().is_some() {
        h.open("div", &[("class", "gouji-unread"), ("role", "note")]);
        h.leaf(
            "p",
            &[("class", "gouji-unread-head")],
            lang.pick(
                "以下内容 gouji 未能读取，不算报告的错误：请直接粘贴网页或 Word 中的表格，或拖入文件本身，或在「填写表格」中录入。",
                "gouji could not read the following; they are not the report's errors: paste the table itself from the web page or Word, drop the file itself, or fill in the form.",
            ),
        );
        h.open("ol", &[("class", "gouji-findings gouji-unread-list")]);
        finding_items(h, of(Source::Reading), lang);
        h.close("ol");
        h.close("div");
    }
}

pub(super) fn finding_items<'f>(
    h: &mut Html,
    items: impl Iterator<Item = (usize, &'f crate::result::FindingOut)>,
    lang: Lang,
) {
    for (i, f) in items {
        let anchor = finding_anchor(i);
        let class = format!("gouji-finding {}", f.severity);
        let first_cell = f
            .suspects
            .first()
            .map(|s| s.cell.as_str())
            .or(f.cells.first().map(String::as_str));
        let target = first_cell.map(cell_anchor).unwrap_or_default();
        h.open(
            "li",
            &[
                ("id", &anchor),
                ("class", &class),
                ("data-rule", f.rule.id()),
                ("data-cell", &target),
            ],
        );
        h.leaf(
            "span",
            &[("class", "gouji-sev")],
            match f.source {
                Source::Report => severity_word(f.severity, lang),
                Source::Reading => lang.pick("未能读取", "Not read"),
            },
        );
        h.text(" ");
        h.leaf("span", &[("class", "gouji-rule")], f.rule.id());
        h.text(" ");
        h.leaf(
            "span",
            &[("class", "gouji-msg")],
            lang.pick(&f.message, &f.message_en),
        );
        if !f.suspects.is_empty() {
            h.open("span", &[("class", "gouji-fixes")]);
            // every fix needed (a column to fill) is said as what to do, row by row; 「或」
            // only between the one-cell fixes of one relation, which are alternatives
            let (head, between) = if f.fix_all {
                (
                    lang.pick(" 逐行补全：", " Fill in each: "),
                    lang.pick("；", "; "),
                )
            } else {
                (
                    lang.pick(" 最可能：", " Most likely: "),
                    lang.pick("，或 ", ", or "),
                )
            };
            h.text(head);
            for (k, s) in f.suspects.iter().enumerate() {
                if k > 0 {
                    h.text(between);
                }
                let name = CellId::parse(&s.cell)
                    .map(|k| short_name(k, lang))
                    .unwrap_or_else(|| s.cell.clone());
                let text = match lang {
                    Lang::Zh => format!("{name}应为 {}", s.fix),
                    Lang::En => format!("{name} should be {}", s.fix),
                };
                let href = format!("#{}", cell_anchor(&s.cell));
                let fix = s.fix.to_string();
                h.leaf(
                    "a",
                    &[
                        ("href", &href),
                        ("class", "gouji-fix"),
                        ("data-cell", &s.cell),
                        ("data-fix", &fix),
                    ],
                    &text,
                );
            }
            if f.fix_all && f.suspects.len() > 1 {
                // one action for one cause: every fix at once
                let mut all = String::new();
                for s in &f.suspects {
                    if !all.is_empty() {
                        all.push(';');
                    }
                    all.push_str(&s.cell);
                    all.push('=');
                    all.push_str(&s.fix.to_string());
                }
                h.text(" ");
                h.leaf(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "gouji-fix-all"),
                        ("data-fixes", &all),
                    ],
                    lang.pick("全部补全", "Fill in all"),
                );
            }
            h.close("span");
        } else if let Some(c) = first_cell {
            if h.ix.cell(c).is_some() {
                let href = format!("#{}", cell_anchor(c));
                h.text(" ");
                h.leaf(
                    "a",
                    &[("href", &href), ("class", "gouji-goto")],
                    lang.pick("查看", "show"),
                );
            }
        }
        if !f.relations.is_empty() {
            // one wrong cell: the relations it breaks, each in its own words
            h.open("ul", &[("class", "gouji-relations")]);
            for b in &f.relations {
                h.open("li", &[("data-rule", b.rule.id())]);
                h.leaf("span", &[("class", "gouji-rule")], b.rule.id());
                h.text(" ");
                h.text(lang.pick(&b.message, &b.message_en));
                h.close("li");
            }
            h.close("ul");
        }
        h.close("li");
    }
}

/// A cell's short name for a fix: 「（七）总计」行「自然人」列 / 行政复议「总计」.
pub(super) fn short_name(k: CellId, lang: Lang) -> String {
    let (zh, en) = crate::rules::describe(k);
    match lang {
        Lang::Zh => zh
            .trim_start_matches("第三部分")
            .trim_start_matches("第四部分")
            .trim_start_matches("第二部分")
            .to_owned(),
        Lang::En => en,
    }
}
