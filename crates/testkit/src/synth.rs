//! Synthetic reports for tests, property tests, fuzzing seeds and benchmarks: consistent
//! figures for either format, written out in any of the layouts users paste.
//!
//! Invariant: `figures(seed, format)` satisfies every relation of the format (all counts ≥ 0),
//! so a report written from it must check clean in every layout.

use gouji::format::{part2, part3, part4, CellId, FormatId};

/// The layouts users paste (see tests/fixtures/samples).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One cell per line, blank lines between (a web page copied).
    OnePerLine,
    /// Tab-separated rows (Excel, WPS, Word, a browser's table copy).
    Tabs,
    /// Space-aligned rows (PDF text).
    Spaces,
    /// `|`-separated rows (Markdown, OCR).
    Pipes,
    /// The figures of parts 三 and 四 alone, seven to a line.
    Figures,
}

impl Layout {
    pub const ALL: [Layout; 5] = [
        Layout::OnePerLine,
        Layout::Tabs,
        Layout::Spaces,
        Layout::Pipes,
        Layout::Figures,
    ];
}

/// A small deterministic generator (xorshift64*), so no dependency is needed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    /// A count shaped like real reports: mostly 0, sometimes small, rarely large.
    pub fn count(&mut self) -> i64 {
        match self.below(10) {
            0..=5 => 0,
            6..=8 => self.below(20) as i64,
            _ => self.below(3000) as i64,
        }
    }
}

/// Consistent figures for every cell of a format, in official order.
#[allow(clippy::needless_range_loop)] // part 三 is filled column by column
pub fn figures(seed: u64, format: FormatId) -> Vec<(CellId, String)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    // part 二
    for (_, v) in part2::blocks(format) {
        for row in v.rows {
            let ids: Vec<&str> = v.columns.iter().map(|c| c.id).collect();
            let vals: Vec<String> = match ids.as_slice() {
                ["made", "published", "total"] => {
                    let total = rng.below(50) as i64;
                    let published = rng.below(total as u64 + 1) as i64;
                    vec![
                        published.to_string(),
                        published.to_string(),
                        total.to_string(),
                    ]
                }
                ["issued", "repealed", "in_force"] => {
                    let in_force = rng.below(80) as i64;
                    let repealed = rng.below(10) as i64;
                    let issued = rng.below((in_force + repealed) as u64 + 1) as i64;
                    vec![
                        issued.to_string(),
                        repealed.to_string(),
                        in_force.to_string(),
                    ]
                }
                ["prev", "change", "decisions"] | ["prev", "change"] => {
                    let prev = rng.below(500) as i64;
                    let change = rng.below(prev as u64 + 1) as i64 - (prev / 2);
                    let mut v = vec![prev.to_string(), change.to_string()];
                    if ids.len() == 3 {
                        v.push(rng.below(100_000).to_string());
                    }
                    v
                }
                ["projects", "amount"] => vec![
                    rng.below(200).to_string(),
                    format!("{}.{}元", rng.below(9_000_000), rng.below(10)),
                ],
                ["amount"] => vec![format!("{}.{:02}", rng.below(100_000), rng.below(100))],
                _ => ids.iter().map(|_| rng.below(100_000).to_string()).collect(),
            };
            for (c, v) in v.columns.iter().zip(vals) {
                out.push((cell(row.id, c.id), v));
            }
        }
    }
    // part 三: results per column, then the intake that balances them
    let rows = part3::rows(part3::splits_other(format));
    let results: Vec<&part3::Row> = rows
        .iter()
        .copied()
        .filter(|r| r.role == part3::Role::Result)
        .collect();
    let mut grid: Vec<[i64; 7]> = vec![[0; 7]; rows.len()];
    for col in 0..6 {
        let mut total = 0;
        for r in &results {
            let i = rows.iter().position(|x| x.id == r.id).unwrap_or(0);
            let v = if col == 0 || rng.below(4) == 0 {
                rng.count()
            } else {
                0
            };
            grid[i][col] = v;
            total += v;
        }
        let out_i = rows.len() - 1;
        let carried_out = rng.below(5) as i64;
        let carried_in = rng.below((total + carried_out) as u64 + 1).min(6) as i64;
        grid[rows.len() - 2][col] = total;
        grid[out_i][col] = carried_out;
        grid[1][col] = carried_in;
        grid[0][col] = total + carried_out - carried_in;
    }
    for row in grid.iter_mut() {
        row[6] = row[..6].iter().sum();
    }
    for (r, vals) in rows.iter().zip(&grid) {
        for (c, v) in part3::COLUMNS.iter().zip(vals) {
            out.push((cell(r.id, c.id), v.to_string()));
        }
    }
    // part 四
    for g in &part4::GROUPS {
        let parts: Vec<i64> = (0..4)
            .map(|_| {
                if rng.below(3) == 0 {
                    rng.below(30) as i64
                } else {
                    0
                }
            })
            .collect();
        let total: i64 = parts.iter().sum();
        for (c, v) in part4::COLUMNS
            .iter()
            .zip(parts.iter().chain(std::iter::once(&total)))
        {
            out.push((cell(g.id, c.id), v.to_string()));
        }
    }
    out
}

fn get<'a>(figs: &'a [(CellId, String)], row: &str, col: &str) -> &'a str {
    figs.iter()
        .find(|(k, _)| k.row() == row && k.col() == col)
        .map_or("", |(_, v)| v.as_str())
}

/// Writes a whole report (title, prose, the three tables) in a layout.
pub fn write(format: FormatId, layout: Layout, figs: &[(CellId, String)]) -> String {
    let year = if format == FormatId::F2019 {
        2020
    } else {
        2023
    };
    let mut s = String::with_capacity(16 * 1024);
    if layout == Layout::Figures {
        let nums: Vec<&str> = figs
            .iter()
            .filter(|(k, _)| !k.row().starts_with("p2"))
            .map(|(_, v)| v.as_str())
            .collect();
        for chunk in nums.chunks(7) {
            s.push_str(&chunk.join("\t"));
            s.push('\n');
        }
        return s;
    }
    let new_total = get(figs, "p3.new", "total");
    let review_total = get(figs, "p4.review", "total");
    s.push_str(&format!(
        "示例县人民政府\n{year}年政府信息公开工作年度报告\n\n"
    ));
    s.push_str(&format!(
        "本报告由示例县人民政府办公室编制。报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。\n一、总体情况\n{year}年，我县全年受理政府信息公开申请{new_total}件，均在法定期限内答复。政府信息公开行政复议{review_total}件。\n"
    ));
    s.push_str("二、主动公开政府信息情况\n");
    for (block, v) in part2::blocks(format) {
        s.push_str(block.zh);
        s.push('\n');
        let header: Vec<&str> = std::iter::once("信息内容")
            .chain(v.columns.iter().map(|c| c.zh))
            .collect();
        row(&mut s, layout, &header);
        for r in v.rows {
            let vals: Vec<&str> = v.columns.iter().map(|c| get(figs, r.id, c.id)).collect();
            let cells: Vec<&str> = std::iter::once(r.zh).chain(vals).collect();
            row(&mut s, layout, &cells);
        }
    }
    s.push_str("三、收到和处理政府信息公开申请情况\n");
    s.push_str("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n");
    row(&mut s, layout, &["申请人情况"]);
    let cols: Vec<&str> = std::iter::once("")
        .chain(part3::COLUMNS.iter().map(|c| c.zh))
        .collect();
    row(&mut s, layout, &cols[1..]);
    let rows = part3::rows(part3::splits_other(format));
    let mut group = None;
    for r in rows {
        if r.group.is_some() && r.group != group {
            if let Some(g) = r.group {
                row(&mut s, layout, &[g.zh()]);
            }
        }
        group = r.group;
        if r.id == "p3.granted" {
            row(&mut s, layout, &["三、本年度办理结果"]);
        }
        let vals: Vec<&str> = part3::COLUMNS
            .iter()
            .map(|c| get(figs, r.id, c.id))
            .collect();
        let cells: Vec<&str> = std::iter::once(r.zh).chain(vals).collect();
        row(&mut s, layout, &cells);
    }
    s.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
    row(&mut s, layout, &["行政复议", "行政诉讼"]);
    row(
        &mut s,
        layout,
        &[
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            "未经复议直接起诉",
            "复议后起诉",
        ],
    );
    let p4: Vec<&str> = part4::cells()
        .map(|(row, col)| get(figs, row, col))
        .collect();
    row(&mut s, layout, &p4);
    s.push_str("五、存在的主要问题及改进情况\n工作还有不足。\n六、其他需要报告的事项\n全年收取政府信息公开信息处理费0元。\n");
    s
}

fn row(s: &mut String, layout: Layout, cells: &[&str]) {
    match layout {
        Layout::OnePerLine => {
            for c in cells {
                s.push_str(c);
                s.push_str("\n\n");
            }
        }
        Layout::Tabs => {
            s.push_str(&cells.join("\t"));
            s.push('\n');
        }
        Layout::Spaces => {
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    s.push_str("     ");
                }
                s.push_str(c);
            }
            s.push('\n');
        }
        Layout::Pipes => {
            s.push_str("| ");
            s.push_str(&cells.join(" | "));
            s.push_str(" |\n");
        }
        Layout::Figures => {}
    }
}

/// A whole report from a seed: the format and layout are drawn too.
pub fn report(seed: u64) -> String {
    let format = if seed % 2 == 0 {
        FormatId::F2021
    } else {
        FormatId::F2019
    };
    let layout = Layout::ALL[((seed / 2) % 4) as usize];
    write(format, layout, &figures(seed, format))
}

/// The cell of a row and column of the format tables.
fn cell(row: &str, col: &str) -> CellId {
    CellId::of(row, col).expect("a cell of the format tables")
}
