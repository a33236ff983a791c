//! What a cell is: label text or a value (a figure, a blank marker, a unit), decided once as
//! the tokens are made ([`super::tokens`]); the cells of a tab, `|` or grid row classified
//! together ([`Classify`]: after the first value, every cell is a value).

use super::tokens::{Token, TokenKind};
use crate::bytes;
use crate::fold::{fold_char, fold_compact};
use crate::model::{Pos, Unit, UNITS};

/// Decides which cells of a tab, `|` or grid row are label text and which are values, as they
/// are pushed onto the doc's tokens: every cell after the first value is a value too (so `二十`
/// or an empty cell keeps its place in the row). Space-separated lines need none of this: each
/// piece is what [`kind_of`] says.
pub(super) struct Classify {
    /// Where the row's tokens begin.
    start: usize,
    in_values: bool,
    has_text: bool,
    has_empty: bool,
    /// The leading empty cells, while no cell holds anything: a row of empty cells only (part
    /// 四's figure row left blank) keeps them as its blanks. Kept on the stack: a table row
    /// has at most [`LEADING`] cells that matter here.
    leading: [Pos; LEADING],
    leading_n: usize,
}

/// The widest row of empty cells kept (part 四's fifteen and a trailing one).
const LEADING: usize = 16;

impl Classify {
    pub(super) fn new(out: &[Token]) -> Self {
        Classify {
            start: out.len(),
            in_values: false,
            has_text: false,
            has_empty: false,
            leading: [Pos::Text { line: 0, col: 0 }; LEADING],
            leading_n: 0,
        }
    }

    pub(super) fn push<'a>(&mut self, out: &mut Vec<Token<'a>>, text: &'a str, pos: Pos) {
        let kind = if text.is_empty() {
            if self.in_values || self.has_text {
                self.has_empty = true;
                TokenKind::Value
            } else {
                // leading empty cells: merged or spacer cells, or a row of empty cells only
                if let Some(slot) = self.leading.get_mut(self.leading_n) {
                    *slot = pos;
                }
                self.leading_n += 1;
                return;
            }
        } else if self.in_values {
            TokenKind::Value
        } else {
            kind_of(text)
        };
        self.in_values |= kind == TokenKind::Value && !text.is_empty();
        self.has_text |= kind == TokenKind::Text;
        out.push(Token { text, pos, kind });
    }

    /// Drops the empty cells that are no values; returns where the row's tokens begin. The
    /// empty cells after the label of a row of label text and empty cells go to `blanks`.
    pub(super) fn finish(self, out: &mut Vec<Token>, blanks: &mut Vec<Pos>) -> usize {
        let start = self.start;
        if !self.has_text && !self.in_values && (3..=LEADING).contains(&self.leading_n) {
            // a row of empty cells only: its cells, for a reader that knows it is a data row
            blanks.extend_from_slice(&self.leading[..self.leading_n]);
        }
        if !self.has_empty {
            return start;
        }
        let last_text = out[start..].iter().rposition(|t| t.kind == TokenKind::Text);
        if self.in_values && last_text.is_none() {
            return start;
        }
        let keep = |i: usize, t: &Token| match last_text {
            // empty cells before the last label cell are spacers, not values
            Some(last_text) if self.in_values => !(i < last_text && t.text.is_empty()),
            // a row of labels and empty cells (a header, a group label) holds no values
            _ => t.kind == TokenKind::Text,
        };
        if !self.in_values {
            if let Some(last_text) = last_text {
                let after = &out[start + last_text + 1..];
                blanks.extend(after.iter().filter(|t| t.text.is_empty()).map(|t| t.pos));
            }
        }
        let mut kept = start;
        for i in start..out.len() {
            if keep(i - start, &out[i]) {
                out.swap(kept, i);
                kept += 1;
            }
        }
        out.truncate(kept);
        start
    }
}

/// A piece of text on its own: a value if it stands where a figure would, else label text.
/// Plain digits (most values) are told here, inline; the rest by [`looks_like_value`].
#[inline(always)]
pub(super) fn kind_of(text: &str) -> TokenKind {
    let b = text.as_bytes();
    let plain = bytes::is_plain_digits(b);
    if plain || looks_like_value(text) {
        TokenKind::Value
    } else {
        TokenKind::Text
    }
}

/// A blank marker: the format asks for a figure, the cell holds none.
pub fn is_blank_marker(folded: &str) -> bool {
    matches!(
        folded,
        "" | "/" | "-" | "--" | "—" | "——" | "–" | "无" | "\\" | "、" | "空" | "／"
    )
}

/// Whether a piece of text stands where a figure would: a number (signed, with thousands
/// separators, decimals, a unit), a blank marker, or a near-number such as `约20`.
pub fn looks_like_value(text: &str) -> bool {
    // the common case: plain ASCII digits
    let b = text.as_bytes();
    if bytes::is_plain_digits(b) {
        return true;
    }
    // a numbered label (`1.属于国家秘密`): a figure holds at most two ideographs (its unit),
    // and folding drops none
    if b.first().is_some_and(u8::is_ascii_digit)
        && b.iter()
            .filter(|x| (0xE4..=0xE9).contains(*x))
            .nth(2)
            .is_some()
    {
        return false;
    }
    // most tokens are labels starting with an ideograph: only four of those may begin a figure
    // (无, 空, 约, 近), told by their bytes
    if let [a @ 0xE4..=0xE9, b, c, ..] = b {
        if !matches!(
            [*a, *b, *c],
            [0xE6, 0x97, 0xA0] | [0xE7, 0xA9, 0xBA] | [0xE7, 0xBA, 0xA6] | [0xE8, 0xBF, 0x91]
        ) {
            return false;
        }
    }
    // most other tokens are prose or labels too: reject on the first character before folding
    let Some(first) = text
        .chars()
        .find_map(|c| fold_char(c).filter(|c| !c.is_whitespace()))
    else {
        return false;
    };
    if !(first.is_ascii_digit()
        || matches!(
            first,
            '+' | '-' | '/' | '—' | '–' | '无' | '\\' | '、' | '空' | '／' | '约' | '近'
        ))
    {
        return false;
    }
    let mut buf = [0u8; 64];
    let Some(s) = fold_compact(text, &mut buf) else {
        return false;
    };
    // the longest blank marker is two three-byte dashes
    if s.len() <= 6 && is_blank_marker(s) {
        return !s.is_empty();
    }
    let s = s
        .strip_prefix('约')
        .or_else(|| s.strip_prefix('近'))
        .unwrap_or(s);
    // every unit is a Chinese character: a figure ending in ASCII has none
    let s = if s.as_bytes().last().is_some_and(|&b| b >= 0x80) {
        strip_unit(s).0
    } else {
        s
    };
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    !s.is_empty()
        && s.as_bytes()[0].is_ascii_digit()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && !s.ends_with('.')
        && !s.ends_with(',')
}

/// Splits a trailing unit off a folded figure.
pub fn strip_unit(s: &str) -> (&str, Option<Unit>) {
    for (i, u) in UNITS.iter().enumerate() {
        if let Some(rest) = s.strip_suffix(u) {
            // UNITS has fewer than 256 entries
            return (rest.trim_end(), Some(Unit::at(i)));
        }
    }
    (s, None)
}

/// `-3-`, `— 3 —`, `第3页`, `第 3 页 共 5 页`, `3/5`.
pub(super) fn is_page_number(cell: &str) -> bool {
    let first = cell
        .chars()
        .find_map(|c| fold_char(c).filter(|c| !c.is_whitespace()));
    if !matches!(first, Some('-' | '—' | '–' | '第')) {
        return false;
    }
    // a page number has a digit, ASCII or full-width (the only ones folding makes digits):
    // a caption such as 第二十条 has none, and is not folded to be sure
    let b = cell.as_bytes();
    let full_width_digit = |w: &[u8]| w[0] == 0xEF && w[1] == 0xBC && (0x90..=0x99).contains(&w[2]);
    if !b.iter().any(u8::is_ascii_digit) && !b.windows(3).any(full_width_digit) {
        return false;
    }
    // a page number is short: what does not fit the buffer is not one
    let mut buf = [0u8; 64];
    let Some(s) = fold_compact(cell, &mut buf) else {
        return false;
    };
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－');
    if let Some(inner) = s.strip_prefix(dashes).and_then(|r| r.strip_suffix(dashes)) {
        let inner = inner.trim_matches(dashes);
        return !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit());
    }
    if let Some(inner) = s.strip_prefix('第') {
        let digits = inner.trim_start_matches(|c: char| c.is_ascii_digit());
        return digits.len() < inner.len() && digits.starts_with('页');
    }
    false
}
