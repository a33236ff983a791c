//! The decoder of figures run together (see the module above for the rule it follows).

use super::split::{
    count, digits_of, group_splits, offsets, part4_splits, typo_neighbours_disagree, values,
};
use super::{Read, MAX_COUNT_DIGITS, MAX_ROW_DIGITS, WIDTH};
use crate::format::{part2, part3, part4, CellId, FormatId, ValueKind};
use crate::model::{Finding, Pos, Rule, Severity, Sheet};
use crate::read::tokens::Line;

/// The input as one folded string (label keys, digits, no white space) and where each byte
/// of it came from.
struct Text {
    key: String,
    /// The position of each byte of `key` in the input.
    pos: Vec<Pos>,
}

impl Text {
    fn of(lines: &[Line]) -> Text {
        let mut t = Text {
            key: String::new(),
            pos: Vec::new(),
        };
        for l in lines {
            for tok in l.tokens {
                for (k, c) in tok.text.chars().enumerate() {
                    let Some(c) = crate::fold::key_char(c) else {
                        continue;
                    };
                    let p = match tok.pos {
                        Pos::Text { line, col } => Pos::Text {
                            line,
                            col: col + k as u32,
                        },
                        grid => grid,
                    };
                    t.key.push(c);
                    t.pos.extend(std::iter::repeat_n(p, c.len_utf8()));
                }
            }
        }
        t
    }

    fn find(&self, from: usize, keys: &[&str], before: usize) -> Option<(usize, usize)> {
        let hay = self.key.as_bytes().get(from..before.min(self.key.len()))?;
        keys.iter()
            .filter_map(|k| crate::bytes::find_bytes(hay, k.as_bytes()).map(|i| (i, i + k.len())))
            .min()
            .map(|(s, e)| (from + s, from + e))
    }

    /// The first run of digits at or after `from` and before `before`: (start, end).
    fn digits(&self, from: usize, before: usize) -> Option<(usize, usize)> {
        let b = self.key.as_bytes();
        let end = before.min(b.len());
        let start = (from..end).find(|&i| b[i].is_ascii_digit())?;
        let stop = (start..end)
            .find(|&i| !b[i].is_ascii_digit())
            .unwrap_or(end);
        Some((start, stop))
    }
}

/// A row's digits, where they stand in the text (empty: its label or digits not found).
struct RowRun<'a> {
    row: &'static part3::Row,
    digits: &'a str,
    at: usize,
}

/// Part 三's rows in the template's order, each with the digits run together after its label
/// (none where its label was not found); and whether （六） is split (F2021). Empty when the
/// table is not there.
fn part3_rows(text: &Text) -> (Vec<RowRun<'_>>, bool) {
    let new = &part3::rows(true)[0];
    // the table's first row: a 本年新收 label followed by digits (prose may name it before)
    let mut start = None;
    let mut from = 0;
    while let Some((s, e)) = text.find(from, new.keys, usize::MAX) {
        if text.digits(e, e + 64).is_some_and(|(d, _)| d < e + 48) {
            start = Some(s);
            break;
        }
        from = e;
    }
    let Some(start) = start else {
        return (Vec::new(), false);
    };
    let split = part3::OTHER_SPLIT[..2]
        .iter()
        .any(|r| text.find(start, r.keys, usize::MAX).is_some());
    let rows = part3::rows(split);
    // each row's label, in order
    let mut found: Vec<Option<(usize, usize)>> = Vec::with_capacity(rows.len());
    let mut cursor = start;
    for row in rows {
        let at = text.find(cursor, row.keys, usize::MAX);
        if let Some((_, e)) = at {
            cursor = e;
        }
        found.push(at);
    }
    let mut out = Vec::with_capacity(rows.len());
    for (i, (row, at)) in rows.iter().zip(&found).enumerate() {
        let mut run = RowRun {
            row,
            digits: "",
            at: 0,
        };
        if let Some((_, e)) = *at {
            let next = found[i + 1..].iter().flatten().next();
            if let Some((d, mut stop)) = text.digits(e, next.map_or(text.key.len(), |n| n.0)) {
                // the next sub-item's number run onto this row's last figure: 「…00000002.其他」
                let number = rows.get(i + 1).map_or(&b""[..], |r| r.zh.as_bytes());
                let b = text.key.as_bytes();
                if number.len() > 1
                    && number[1] == b'.'
                    && b.get(stop) == Some(&b'.')
                    && stop > d + 1
                    && b[stop - 1] == number[0]
                {
                    stop -= 1;
                }
                run.digits = &text.key[d..stop];
                run.at = d;
            }
        }
        out.push(run);
    }
    (out, split)
}

/// Combinations of rows' candidates tried jointly.
const MAX_COMBINATIONS: usize = 200_000;
/// Splits of one row tried when checking a reading against all splits (decoding B).
const MAX_SPLITS: usize = 400_000;

/// What part 三's rows contribute to the column relations.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Intake,
    Result,
    Total,
    Outflow,
}

fn side(row: &part3::Row) -> Side {
    match row.role {
        part3::Role::Intake => Side::Intake,
        part3::Role::Total => Side::Total,
        part3::Role::Outflow => Side::Outflow,
        _ => Side::Result,
    }
}

/// The number of column relations (P3-SUM, P3-BAL per column) a full reading breaks; a
/// relation through a row not read is not counted (it cannot be checked).
fn broken(rows: &[(Side, Option<&[i64]>)]) -> usize {
    let mut n = 0;
    let known = |s: Side| rows.iter().filter(|r| r.0 == s).all(|r| r.1.is_some());
    let sum = |s: Side, c: usize| -> i64 {
        rows.iter()
            .filter(|r| r.0 == s)
            .map(|r| r.1.map_or(0, |v| v[c]))
            .sum()
    };
    let (results, total, intake, outflow) = (
        known(Side::Result),
        known(Side::Total),
        known(Side::Intake),
        known(Side::Outflow),
    );
    let has_total = rows.iter().any(|r| r.0 == Side::Total);
    for c in 0..WIDTH {
        if results && total && has_total && sum(Side::Result, c) != sum(Side::Total, c) {
            n += 1;
        }
        if intake
            && total
            && outflow
            && has_total
            && sum(Side::Intake, c) != sum(Side::Total, c) + sum(Side::Outflow, c)
        {
            n += 1;
        }
    }
    n
}

/// A row's reading after both decodings: its values where determined.
struct Decoded {
    /// Per row: each column's value, and where its digits start in the row's, where both
    /// decodings give it one (the same figure at the same place in every winning reading).
    cells: Vec<[Option<(i64, usize)>; WIDTH]>,
    /// Per row: the candidate readings (row-consistent splits), for what is said.
    candidates: Vec<Vec<Vec<i64>>>,
    /// Rows too long or too ambiguous to decode.
    too_long: Vec<bool>,
}

/// Decodes part 三's rows (see the module's documentation).
fn decode_part3(runs: &[RowRun]) -> Decoded {
    let n = runs.len();
    let sides: Vec<Side> = runs.iter().map(|r| side(r.row)).collect();
    let mut too_long = vec![false; n];
    let mut cands: Vec<Vec<Vec<i64>>> = Vec::with_capacity(n);
    for (i, r) in runs.iter().enumerate() {
        let splits = if r.digits.len() > MAX_ROW_DIGITS {
            None
        } else {
            group_splits(r.digits, WIDTH)
        };
        match splits {
            Some(s) => cands.push(s.iter().map(|e| values(r.digits, e)).collect()),
            None => {
                too_long[i] = true;
                cands.push(Vec::new());
            }
        }
    }
    // decoding A: every combination of the open rows' candidates; the fewest broken win
    // (`NONE`: a row with no candidate, or one left open when the combinations are too many)
    const NONE: usize = usize::MAX;
    let mut choice: Vec<usize> = cands
        .iter()
        .map(|c| if c.is_empty() { NONE } else { 0 })
        .collect();
    let open: Vec<usize> = (0..n).filter(|&i| cands[i].len() > 1).collect();
    let combos = open
        .iter()
        .try_fold(1usize, |p, &i| p.checked_mul(cands[i].len()))
        .filter(|&p| p <= MAX_COMBINATIONS);
    let reading = |choice: &[usize]| -> Vec<(Side, Option<&[i64]>)> {
        (0..n)
            .map(|i| (sides[i], cands[i].get(choice[i]).map(Vec::as_slice)))
            .collect()
    };
    let mut winners: Vec<Vec<usize>> = Vec::new();
    let mut best = usize::MAX;
    match combos {
        Some(total) => {
            for k in 0..total {
                let mut rest = k;
                for &i in &open {
                    choice[i] = rest % cands[i].len();
                    rest /= cands[i].len();
                }
                let b = broken(&reading(&choice));
                if b < best {
                    best = b;
                    winners.clear();
                }
                if b == best && winners.len() < 64 {
                    winners.push(choice.clone());
                }
            }
        }
        None => {
            // too many to try: the open rows stay open, the others are read as they split
            for &i in &open {
                choice[i] = NONE;
            }
            best = broken(&reading(&choice));
            winners.push(choice);
        }
    }
    let mut cells = vec![[None; WIDTH]; n];
    for i in 0..n {
        let Some(first) = cands[i].get(winners[0][i]) else {
            continue;
        };
        // determined by A: one figure at one place in every winning combination
        let here = offsets(first);
        for c in 0..WIDTH {
            let same = |v: &Vec<i64>| v[c] == first[c] && offsets(v)[c] == here[c];
            if winners.iter().all(|w| cands[i].get(w[i]).is_some_and(same)) {
                cells[i][c] = Some((first[c], here[c]));
            }
        }
    }
    // decoding B, where the best reading still breaks a relation (the report has an error, or
    // a split is wrong): each row's reading against every split of its digits, its own row
    // relation counted, under every winning combination of the others. (With nothing broken, a
    // split as good would be another winner of A, so A has already left its cells open.)
    if best > 0 {
        for i in 0..n {
            if cells[i].iter().all(Option::is_none) {
                continue;
            }
            for w in &winners {
                let rows: Vec<Option<&[i64]>> = (0..n)
                    .map(|j| cands[j].get(w[j]).map(Vec::as_slice))
                    .collect();
                if !stands_against_all_splits(runs[i].digits, i, &sides, &rows) {
                    cells[i] = [None; WIDTH];
                    break;
                }
            }
        }
    }
    Decoded {
        cells,
        candidates: cands,
        too_long,
    }
}

/// Decoding B for row `i`: whether its reading (`rows[i]`) breaks fewer relations — its own
/// and its columns', the other rows fixed — than every other split of its digits.
fn stands_against_all_splits(
    digits: &str,
    i: usize,
    sides: &[Side],
    rows: &[Option<&[i64]>],
) -> bool {
    let Some(mine) = rows[i] else { return true };
    // each column relation through row i, as (the rest of it, row i's coefficient): it holds
    // when rest + coefficient × value = 0. Relations that cannot be checked (a row not read)
    // and those not through row i are the same for every split, so they are left out.
    let known = |s: Side| {
        (0..rows.len())
            .filter(|&j| sides[j] == s)
            .all(|j| rows[j].is_some())
    };
    let sum = |s: Side, c: usize| -> i64 {
        (0..rows.len())
            .filter(|&j| j != i && sides[j] == s)
            .map(|j| rows[j].map_or(0, |v| v[c]))
            .sum()
    };
    let has_total = sides.contains(&Side::Total);
    let me = sides[i];
    // P3-SUM: Σ results − total = 0; P3-BAL: intake − total − outflow = 0
    let sum_coef = match me {
        Side::Result => 1,
        Side::Total => -1,
        _ => 0,
    };
    let bal_coef = match me {
        Side::Intake => 1,
        Side::Total | Side::Outflow => -1,
        Side::Result => 0,
    };
    let sum_known = has_total && known(Side::Result) && known(Side::Total);
    let bal_known = has_total && known(Side::Intake) && known(Side::Total) && known(Side::Outflow);
    let mut rels: Vec<(usize, i64, i64)> = Vec::with_capacity(2 * WIDTH);
    for c in 0..WIDTH {
        if sum_known && sum_coef != 0 {
            rels.push((c, sum(Side::Result, c) - sum(Side::Total, c), sum_coef));
        }
        if bal_known && bal_coef != 0 {
            let rest = sum(Side::Intake, c) - sum(Side::Total, c) - sum(Side::Outflow, c);
            rels.push((c, rest, bal_coef));
        }
    }
    let cost = |v: &[i64]| {
        let row = usize::from(v[..WIDTH - 1].iter().sum::<i64>() != v[WIDTH - 1]);
        row + rels
            .iter()
            .filter(|&&(c, rest, k)| rest + k * v[c] != 0)
            .count()
    };
    let own = cost(mine);
    let mut tried = 0usize;
    let mut stands = true;
    let mut v = [0i64; WIDTH];
    // every split of the digits into seven counts
    fn walk(
        d: &str,
        k: usize,
        from: usize,
        v: &mut [i64; WIDTH],
        visit: &mut dyn FnMut(&[i64; WIDTH]) -> bool,
    ) -> bool {
        if k == WIDTH - 1 {
            return match count(&d[from..]) {
                Some(x) => {
                    v[k] = x;
                    visit(v)
                }
                None => true,
            };
        }
        let most = MAX_COUNT_DIGITS.min(d.len().saturating_sub(from + (WIDTH - 1 - k)));
        for l in 1..=most {
            let Some(x) = count(&d[from..from + l]) else {
                break;
            };
            v[k] = x;
            if !walk(d, k + 1, from + l, v, visit) {
                return false;
            }
        }
        true
    }
    walk(digits, 0, 0, &mut v, &mut |v| {
        tried += 1;
        if tried > MAX_SPLITS {
            stands = false; // too many to be sure: not read
            return false;
        }
        if v.as_slice() != mine && cost(v) <= own {
            stands = false;
            return false;
        }
        true
    });
    stands
}

/// Reads the three tables of an input whose figures run together (see the module's
/// documentation) into `sheet`; what stays open is said in `findings`.
pub(super) fn read(
    lines: &[Line],
    sheet: &mut Sheet,
    findings: &mut Vec<Finding>,
    hint: Option<FormatId>,
) -> Read {
    let text = Text::of(lines);
    let mut out = Read {
        p2: None,
        p3: None,
        p4: false,
    };
    let (runs, split) = part3_rows(&text);
    let found: Vec<&RowRun> = runs.iter().filter(|r| !r.digits.is_empty()).collect();
    let p3_start = found.first().map_or(text.key.len(), |r| r.at);
    let p3_end = found.last().map_or(0, |r| r.at + r.digits.len());
    if !found.is_empty() {
        out.p3 = Some(if split {
            FormatId::F2021
        } else {
            FormatId::F2019
        });
        let decoded = decode_part3(&runs);
        let grid = part3::grid(split);
        let (mut open, mut open_cells) = (Vec::new(), Vec::new());
        for (i, r) in runs.iter().enumerate() {
            for (c, &id) in grid[i][..WIDTH].iter().enumerate() {
                match decoded.cells[i][c] {
                    Some((v, from)) => {
                        let raw = &r.digits[from..from + digits_of(v)];
                        let pos = text.pos.get(r.at + from).copied();
                        sheet.insert(
                            id,
                            raw,
                            crate::read::value::parse(raw, ValueKind::Count),
                            pos,
                        );
                        sheet.mark_split(id);
                    }
                    None => open_cells.push(id),
                }
            }
            if decoded.cells[i].iter().any(Option::is_none) {
                open.push(describe_open(
                    r,
                    &decoded.candidates[i],
                    decoded.too_long[i],
                ));
            }
        }
        if !open.is_empty() {
            let at = text.pos.get(p3_start).copied();
            findings.push(open_finding("第三部分", "Part 3", &open, open_cells, at));
        }
    }
    // part 四: the first run of digits after its heading's 「行政复议」 (its header has none)
    if let Some((_, he)) = text.find(p3_end, &["行政复议"], usize::MAX) {
        if let Some((d, e)) = text.digits(he, usize::MAX).filter(|&(d, e)| e - d >= 15) {
            out.p4 = true;
            read_part4(&text, &text.key[d..e], d, sheet, findings);
        }
    }
    // part 二: each row's figures where their count fixes the split
    out.p2 = read_part2(&text, p3_start, hint, sheet, findings);
    out
}

fn read_part4(
    text: &Text,
    digits: &str,
    at: usize,
    sheet: &mut Sheet,
    findings: &mut Vec<Finding>,
) {
    let ids = part4::cell_ids();
    let splits = if digits.len() > 15 * MAX_COUNT_DIGITS {
        None
    } else {
        part4_splits(digits)
    };
    // each cell: one figure at one place in every consistent split
    let cands = splits.clone().unwrap_or_default();
    let determined: Vec<Option<(i64, usize)>> = match cands.first() {
        Some(first) => {
            let here = offsets(first);
            (0..15)
                .map(|c| {
                    cands
                        .iter()
                        .all(|v| v[c] == first[c] && offsets(v)[c] == here[c])
                        .then_some((first[c], here[c]))
                })
                .collect()
        }
        None => vec![None; 15],
    };
    for (&id, d) in ids.iter().zip(&determined) {
        if let Some((v, from)) = *d {
            let raw = &digits[from..from + digits_of(v)];
            sheet.insert(
                id,
                raw,
                crate::read::value::parse(raw, ValueKind::Count),
                text.pos.get(at + from).copied(),
            );
            sheet.mark_split(id);
        }
    }
    // the true figures could be another consistent split of digits one typo away (a figure's
    // digit changed, two of its digits swapped, one dropped): no relation tells, since each
    // group has only its own total. Such cells are read but said uncertain.
    let uncertain = typo_neighbours_disagree(digits, &determined);
    if !uncertain.is_empty() {
        findings.push(
            Finding::new(
                Rule::TableMissing,
                Severity::Warning,
                "第四部分的数字连在一起，已按三组「总计」拆分；但若原文某个数字有一处笔误，这些数字也能拆成另一组自洽的数字，请对照原文核对标出的格子".to_owned(),
                "Part 4's figures ran together and were split by the three totals; but had one figure a typo in the original, these digits would split consistently another way: check the cells marked against the original".to_owned(),
            )
            .with_cells(uncertain.into_iter().map(|c| ids[c]).collect())
            .at(text.pos.get(at).copied())
            .reading(),
        );
    }
    if determined.iter().all(Option::is_some) {
        return;
    }
    let open_cells: Vec<CellId> = ids
        .iter()
        .zip(&determined)
        .filter(|(_, d)| d.is_none())
        .map(|(&id, _)| id)
        .collect();
    let shown: Vec<String> = cands
        .iter()
        .take(3)
        .map(|v| v.iter().map(i64::to_string).collect::<Vec<_>>().join(" "))
        .collect();
    let what = if shown.is_empty() {
        format!("{digits}（无法拆成三组自洽的数字）")
    } else {
        format!("{digits}，可拆为：{}", shown.join("；或 "))
    };
    findings.push(open_finding(
        "第四部分",
        "Part 4",
        &[what],
        open_cells,
        text.pos.get(at).copied(),
    ));
}

/// Part 二's rows: where a row's count of figures fixes the split (one figure; or as many
/// digits as figures), read; else said once.
fn read_part2(
    text: &Text,
    before: usize,
    hint: Option<FormatId>,
    sheet: &mut Sheet,
    findings: &mut Vec<Finding>,
) -> Option<FormatId> {
    let folded = |s: &str| {
        let mut k = String::new();
        crate::fold::push_key(&mut k, s);
        k
    };
    // the 2019 format's headers name 本年新制作 and 上一年项目数量; the 2021 format's do not
    let f2019 = text.find(0, &["新制作", "上一年项目"], before).is_some();
    let format = match (f2019, hint) {
        (true, _) => FormatId::F2019,
        (false, Some(FormatId::F2019)) | (false, None) => FormatId::F2021,
        (false, Some(f)) => f,
    };
    let (mut cursor, mut any, mut open, mut open_cells) = (0, false, Vec::new(), Vec::new());
    let mut first_open = None;
    for (block, variant) in part2::blocks(format) {
        let Some((_, be)) = text.find(cursor, &[folded(block.zh).as_str()], before) else {
            continue;
        };
        cursor = be;
        let width = variant.columns.len();
        for row in variant.rows {
            let Some((_, e)) = text.find(cursor, row.keys, before) else {
                continue;
            };
            cursor = e;
            // the figures: digits (and a decimal point or sign) after the label's last words
            // (「行政事业性」 is a key of 「行政事业性收费」), up to the next label
            let b = text.key.as_bytes();
            let figure = |x: u8| x.is_ascii_digit() || x == b'-';
            let start = (e..(e + 13).min(before.min(b.len())))
                .find(|&i| figure(b[i]))
                .unwrap_or(e);
            let mut stop = start;
            while stop < before.min(b.len())
                && (b[stop].is_ascii_digit() || b[stop] == b'.' || b[stop] == b'-')
            {
                stop += 1;
            }
            let figures = &text.key[start..stop];
            if figures.is_empty() {
                continue;
            }
            any = true;
            let cells: Vec<CellId> = variant
                .columns
                .iter()
                .filter_map(|c| CellId::of(row.id, c.id))
                .collect();
            let parts: Option<Vec<(usize, usize)>> = if width == 1 {
                Some(vec![(0, figures.len())])
            } else if figures.len() == width && figures.bytes().all(|x| x.is_ascii_digit()) {
                Some((0..width).map(|k| (k, k + 1)).collect())
            } else {
                None
            };
            match parts {
                Some(parts) => {
                    for ((c, id), (s, e2)) in variant.columns.iter().zip(&cells).zip(parts) {
                        let raw = &figures[s..e2];
                        sheet.insert(
                            *id,
                            raw,
                            crate::read::value::parse(raw, c.kind),
                            text.pos.get(start + s).copied(),
                        );
                        sheet.mark_split(*id);
                    }
                }
                None => {
                    first_open.get_or_insert(start);
                    open.push(format!("「{}」{}", row.zh, figures));
                    open_cells.extend(cells);
                }
            }
            cursor = stop;
        }
    }
    if !open.is_empty() {
        findings.push(
            Finding::new(
                Rule::TableMissing,
                Severity::Error,
                format!(
                    "第二部分的数字连在一起，这些行的数字个数不能确定拆法，未读取：{}。请对照原文核对，或粘贴网页表格本身",
                    open.join("、")
                ),
                format!(
                    "Part 2's figures ran together, and these rows' figures cannot be told apart: {}; check them against the original, or paste the table itself",
                    open.join(", ")
                ),
            )
            .with_cells(open_cells)
            .at(first_open.and_then(|s| text.pos.get(s).copied()))
            .reading(),
        );
    }
    any.then_some(format)
}

/// A part 三 row left open, in words: its digits and candidate readings (a few).
fn describe_open(r: &RowRun, cands: &[Vec<i64>], too_long: bool) -> String {
    let label = crate::read::part3::row_label(r.row);
    if r.digits.is_empty() {
        return format!("「{label}」（未找到数字）");
    }
    if too_long {
        return format!("「{label}」{}（太长，无法拆分）", r.digits);
    }
    match cands.len() {
        0 => format!("「{label}」{}（拆不出合计相符的七个数）", r.digits),
        _ => {
            let shown: Vec<String> = cands
                .iter()
                .take(3)
                .map(|v| v.iter().map(i64::to_string).collect::<Vec<_>>().join(" "))
                .collect();
            let more = if cands.len() > 3 { "等" } else { "" };
            format!(
                "「{label}」{} 可拆为：{}{more}",
                r.digits,
                shown.join("；或 ")
            )
        }
    }
}

/// The one reading finding of a table whose run-together figures stay open.
fn open_finding(
    part: &str,
    part_en: &str,
    open: &[String],
    cells: Vec<CellId>,
    at: Option<Pos>,
) -> Finding {
    Finding::new(
        Rule::TableMissing,
        Severity::Error,
        format!(
            "{part}的数字连在一起（网页抓取的纯文本），以下内容按勾稽关系不能唯一拆分，未读取：{}。请对照原文（网页表格或 PDF）核对，或粘贴网页表格本身",
            open.join("；")
        ),
        format!(
            "{part_en}: the figures ran together (a web page's text as crawled), and these cannot be split in only one way by the tables' relations; not read: {}. Check them against the original (the web page's table or the PDF), or paste the table itself",
            open.join("; ")
        ),
    )
    .with_cells(cells)
    .at(at)
    .reading()
}
