//! Figures run together: a crawler's `textContent` (and some PDF text extractions) gives a
//! table's cells with nothing between them — 「一、本年新收政府信息公开申请数量300153006143119」 is
//! 3001, 53, 0, 0, 61, 4 and 3119. The tables' own arithmetic is the checksum that reads them:
//! a part 三 row is seven counts whose last is the sum of the six, each column's （七）总计 is
//! the sum of the result rows, 一 + 二 = （七）+ 四; part 四 is three groups of five whose last
//! is the sum of the four.
//!
//! **The rule** (what is read, and why it never reads a wrong cell):
//!
//! 1. Each row's digits are split every way into counts (no leading zeros but `0` itself) that
//!    satisfy the row's own relation: the row's candidates. A row whose digits are too long to
//!    split (over [`MAX_ROW_DIGITS`]) or admit too many candidates is not decoded.
//! 2. **Decoding A**, the column relations choosing among candidates: every combination of the
//!    rows' candidates competes, and the combinations breaking the fewest column relations win
//!    (exhaustive, up to 200,000 combinations; beyond them the rows left open stay open).
//!    A cell is determined by A where every winning combination gives it one value.
//! 3. **Decoding B**, all splits competing, row relations counted too: a row's reading from A
//!    stands only if no split of its digits at all — one breaking its own row relation included
//!    — breaks no more relations (the row's and its columns', the other rows as A read them).
//!    A mistyped figure can make a wrong split the only row-consistent one (17 typed 71 runs
//!    together as `710000017`, whose only row-consistent split is 7, 10, …, 17); that wrong
//!    split breaks two columns, the true 71, 0, …, 17 breaks its row and one column: B finds the
//!    tie, and the row is not read.
//! 4. A cell is read only where A and B agree (`read: "split"`). What either leaves open is not
//!    read: one reading finding per table lists the rows' candidate readings and what to do. The
//!    rules then check what was read, so a published column that does not add up is the
//!    report's error, with its cells, exactly as in a table printed with separators.
//!
//! Part 四's groups have only their own totals: a typo in one figure (a digit changed, two
//! swapped, one dropped) can turn the true figures' digits into digits that split consistently
//! another way, which no relation notices (64 typed 60 splits as 7260, 1, 7, 83, 7351). Where
//! digits one such typo away from the run's split consistently otherwise, the cells they would
//! change are read but said uncertain (one reading warning naming them).
//! Part 二's blocks are read only where a row's count of figures fixes the split (one figure,
//! or as many digits as figures); otherwise its cells are unread, said once.
//!
//! Bounded: a row of more than [`MAX_ROW_DIGITS`] digits is "too long to decode", and every
//! search has a budget, so hostile input answers at once.

#[cfg(feature = "glued")]
mod decode;
#[cfg(feature = "glued")]
mod split;

use super::tokens::Line;
use crate::format::FormatId;
use crate::model::{Finding, Sheet};

/// A part 三 row's digits, at most: seven counts of up to seven digits.
pub const MAX_ROW_DIGITS: usize = 49;
/// The longest count read from a run (a report's counts are far below ten million).
pub const MAX_COUNT_DIGITS: usize = 7;

pub const WIDTH: usize = 7;

/// Whether the input's tables are figures run together: three or more places where a part 三
/// row's label runs straight into seven or more digits. A byte scan first (ideograph or
/// closing bracket, then seven digits), so ordinary reports pay almost nothing.
pub fn run_together(lines: &[Line]) -> bool {
    let mut hits = 0;
    for l in lines {
        for t in l.tokens {
            hits += glued_spots(t.text);
        }
    }
    // without the decoder (the page's first load) the spots alone say so: the host then loads
    // the whole core, which looks closer (a false alarm costs only that load)
    #[cfg(feature = "glued")]
    return hits >= 3 && glued_labels(lines) >= 3;
    #[cfg(not(feature = "glued"))]
    return hits >= 3;
}

/// How many of part 三's rows have their label run into seven or more digits, anywhere in the
/// lines that have such a spot (a crawler may give the whole table, or the whole page, as one
/// line).
#[cfg(feature = "glued")]
fn glued_labels(lines: &[Line]) -> usize {
    let rows = crate::format::part3::rows(true);
    let mut found = vec![false; rows.len()];
    let mut key = String::new();
    for l in lines {
        if !l.tokens.iter().any(|t| glued_spots(t.text) > 0) {
            continue;
        }
        key.clear();
        for t in l.tokens {
            crate::fold::push_key(&mut key, t.text);
        }
        let b = key.as_bytes();
        for (r, row) in rows.iter().enumerate() {
            found[r] |= row.keys.iter().any(|k| {
                let mut from = 0;
                while let Some(i) = crate::bytes::find(&key[from..], k) {
                    let end = from + i + k.len();
                    // the label's last words, then the digits (at most a few words on)
                    let digits = (end..(end + 96).min(b.len()))
                        .find(|&j| b[j].is_ascii_digit())
                        .map(|d| (d, b[d..].iter().take_while(|x| x.is_ascii_digit()).count()));
                    if digits.is_some_and(|(d, n)| n >= WIDTH && !b[end..d].contains(&b'.')) {
                        return true;
                    }
                    from = end;
                }
                false
            });
        }
    }
    found.iter().filter(|&&f| f).count()
}

/// Places in `s` where a CJK character or a closing bracket is followed by seven digits.
fn glued_spots(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            // the character before the digits: a 3-byte ideograph or punctuation (0xE3–0xE9
            // lead bytes), or a closing bracket
            let before = start
                .checked_sub(3)
                .map(|k| b[k])
                .is_some_and(|x| (0xE3..=0xEF).contains(&x))
                || (start > 0 && b[start - 1] == b')');
            if i - start >= WIDTH && before {
                n += 1;
            }
        } else {
            i += 1;
        }
    }
    n
}

/// What was read from an input of figures run together.
pub struct Read {
    pub p2: Option<FormatId>,
    pub p3: Option<FormatId>,
    pub p4: bool,
}

/// Reads the three tables of an input whose figures run together (see the module's
/// documentation) into `sheet`; what stays open is said in `findings`.
#[cfg(feature = "glued")]
pub fn read(
    lines: &[Line],
    sheet: &mut Sheet,
    findings: &mut Vec<Finding>,
    hint: Option<FormatId>,
) -> Read {
    decode::read(lines, sheet, findings, hint)
}

/// Built without the decoder (the page's first load): nothing is read, the input is said to
/// be figures run together (`input: "glued"`), and the host loads the whole core for it.
#[cfg(not(feature = "glued"))]
pub fn read(
    _lines: &[Line],
    _sheet: &mut Sheet,
    _findings: &mut Vec<Finding>,
    _hint: Option<FormatId>,
) -> Read {
    Read {
        p2: None,
        p3: None,
        p4: false,
    }
}
