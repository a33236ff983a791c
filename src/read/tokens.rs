//! Splitting input into lines of cells ("tokens"), whatever the layout.
//!
//! Invariants: every token borrows its text from the input and records where it came from;
//! a token is either label text or a value cell, decided here once; blank cells survive only
//! where the layout can express them (tab, `|` and grid rows). What a cell is (label or value)
//! is `cells`'s.

use crate::bytes;

pub use super::cells::{is_blank_marker, looks_like_value, strip_unit};
use super::cells::{is_page_number, kind_of, Classify};
use crate::model::Pos;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Text,
    Value,
}

#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub text: &'a str,
    pub pos: Pos,
    pub kind: TokenKind,
}

/// How a line's cells were separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// Runs of white space (PDF text, web copy with one cell per line).
    Spaces,
    /// Tabs (Excel, WPS, Word, a browser's copy of a table).
    Tabs,
    /// `|` (Markdown, OCR tools).
    Pipes,
    /// Cells of a grid given as such.
    Grid,
}

impl Split {
    /// Whether empty cells are real cells in this layout.
    pub fn keeps_blanks(self) -> bool {
        self != Split::Spaces
    }
}

/// A line of the input: a view of its tokens in the [`Doc`].
#[derive(Clone, Copy, Debug)]
pub struct Line<'t, 'a> {
    pub tokens: &'t [Token<'a>],
    /// Where the empty cells of a row of label text and empty cells stood (a table row the
    /// drafter left blank, or a header or group label spread over the columns): they are no
    /// tokens, but a reader that knows the row is a data row reads them as blank cells.
    pub blanks: &'t [Pos],
    pub split: Split,
    /// 1-based line number (text) or 0-based row (grid).
    pub number: u32,
}

/// All tokens of an input in one vector (one allocation, not one per line), and its lines.
#[derive(Debug, Default)]
pub struct Doc<'a> {
    tokens: Vec<Token<'a>>,
    /// (tokens from, to, split, line number, blanks from, to)
    spans: Vec<(usize, usize, Split, u32, u32, u32)>,
    blanks: Vec<Pos>,
}

impl<'a> Doc<'a> {
    pub fn lines(&self) -> Vec<Line<'_, 'a>> {
        self.spans
            .iter()
            .map(|&(start, end, split, number, b0, b1)| Line {
                tokens: &self.tokens[start..end],
                blanks: &self.blanks[b0 as usize..b1 as usize],
                split,
                number,
            })
            .collect()
    }

    /// Ends a line whose tokens were pushed from `start` on (a line with none has no span).
    fn end_line(&mut self, start: usize, split: Split, number: u32) {
        self.end_line_with_blanks(start, split, number, self.blanks.len());
    }

    /// [`Doc::end_line`] for a row whose empty cells were recorded from `blanks_from` on.
    fn end_line_with_blanks(
        &mut self,
        start: usize,
        split: Split,
        number: u32,
        blanks_from: usize,
    ) {
        let b = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        // a line of empty cells only has no tokens, but its blanks (a row left blank)
        if self.tokens.len() > start || self.blanks.len() > blanks_from {
            let (b0, b1) = (b(blanks_from), b(self.blanks.len()));
            self.spans
                .push((start, self.tokens.len(), split, number, b0, b1));
        } else {
            self.blanks.truncate(blanks_from);
        }
    }
}

impl Line<'_, '_> {
    pub fn values(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Value)
            .count()
    }
}

/// Splits text into lines of tokens. Page-number lines (`-3-`, `第 3 页`) are dropped.
pub fn lines_of_text(text: &str) -> Doc<'_> {
    let mut doc = Doc {
        tokens: Vec::with_capacity(text.len() / 16),
        spans: Vec::with_capacity(text.len() / 32),
        blanks: Vec::new(),
    };
    let mut cells: Vec<(usize, &str)> = Vec::with_capacity(16); // (char column, text)
    let (mut start, mut number) = (0, 0u32);
    while start < text.len() {
        number = number.saturating_add(1);
        cells.clear();
        // a line that begins with a bar is most likely a row of a `|` table: split at once
        let (split, end) = match text.as_bytes()[start] {
            // an empty line (every other line of a web page's copy): no cells
            b'\n' => {
                start += 1;
                continue;
            }
            b'|' => split_bars(text, start),
            // a figure alone on its line (a web page's copy of a table): one value token
            b'0'..=b'9' => {
                if let Some((figure, end)) = figure_line(text, start) {
                    let first = doc.tokens.len();
                    doc.tokens.push(Token {
                        text: figure,
                        pos: Pos::Text {
                            line: number,
                            col: 1,
                        },
                        kind: TokenKind::Value,
                    });
                    doc.end_line(first, Split::Spaces, number);
                    start = end + 1;
                    continue;
                }
                None
            }
            _ => None,
        }
        .unwrap_or_else(|| split_line(text, start, &mut cells));
        let raw = &text[start..end];
        start = end + 1;
        let may_be_page_number = match cells.first() {
            // a page number's first character is a dash or 第, perhaps after an invisible one
            Some((_, c)) => matches!(c.as_bytes().first(), Some(b'-' | 0xC2 | 0xE2 | 0xE7 | 0xEF)),
            None => split != Split::Spaces,
        };
        if may_be_page_number && is_page_number(raw.strip_suffix('\r').unwrap_or(raw)) {
            continue;
        }
        let start = doc.tokens.len();
        let blanks_from = doc.blanks.len();
        match split {
            // the usual line: each piece is a label or a value, written straight to the doc
            Split::Spaces => doc.tokens.extend(cells.drain(..).map(|(col, text)| Token {
                text,
                pos: Pos::Text {
                    line: number,
                    col: u32::try_from(col + 1).unwrap_or(u32::MAX),
                },
                kind: kind_of(text),
            })),
            // cells between tabs or bars, classified as they are split off
            _ => split_row(
                raw.strip_suffix('\r').unwrap_or(raw),
                split,
                number,
                &mut doc.tokens,
                &mut doc.blanks,
            ),
        }
        doc.end_line_with_blanks(start, split, number, blanks_from);
    }
    doc
}

/// A grid's rows as lines of tokens.
pub fn lines_of_grid<S: AsRef<str>>(rows: &[Vec<S>]) -> Doc<'_> {
    let mut doc = Doc::default();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        let mut line = Classify::new(&doc.tokens);
        let blanks_from = doc.blanks.len();
        for (c, s) in row.iter().enumerate() {
            let c = u32::try_from(c).unwrap_or(u32::MAX);
            line.push(
                &mut doc.tokens,
                trim(s.as_ref()),
                Pos::Grid { row: r, cell: c },
            );
        }
        let start = line.finish(&mut doc.tokens, &mut doc.blanks);
        // a grid row whose only cell is a page number is dropped too
        if doc.tokens.len() == start + 1 && is_page_number(doc.tokens[start].text) {
            doc.tokens.truncate(start);
        }
        doc.end_line_with_blanks(start, Split::Grid, r, blanks_from);
    }
    doc
}

/// What separates cells on a space-aligned line: white space, but not the zero-width space,
/// which PDF and web copies leave inside figures (`1\u{200b}0` reads as 10: folding drops it).
/// [`space_at`] tells it from a line's bytes; this is its plain twin's.
#[cfg(test)]
fn is_separator(c: char) -> bool {
    is_space(c) && c != '\u{200B}'
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{00A0}' | '\u{200B}' | '\u{FEFF}')
}

fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Splits the line of `text` that begins at byte `start` into cells (with their character
/// columns) and says how, and where the line ends (its `\n`, or the end of the text): on tabs
/// if it has one, on `|` if it has two, else on runs of white space. One pass over the bytes
/// for the usual space-separated line: this runs over every line of the input.
fn split_line<'a>(
    text: &'a str,
    start: usize,
    cells: &mut Vec<(usize, &'a str)>,
) -> (Split, usize) {
    let b = text.as_bytes();
    let (mut i, mut col, mut bars) = (start, 0, 0);
    // a line with a tab is split on tabs (by the caller): only its end is found here
    let tabs = |i: usize, cells: &mut Vec<(usize, &'a str)>| {
        cells.clear();
        (Split::Tabs, line_end(b, i))
    };
    while i < b.len() {
        // white space: runs of ASCII spaces (PDF alignment) in a tight loop
        if b[i] == b' ' {
            let mut j = i + 1;
            while b.get(j..j + 8).is_some_and(|c| c == b"        ") {
                j += 8;
            }
            while b.get(j) == Some(&b' ') {
                j += 1;
            }
            col += j - i;
            i = j;
            continue;
        }
        match b[i] {
            b'\n' => break,
            b'\t' => return tabs(i, cells),
            _ => {}
        }
        let (len, space) = space_at(b, i);
        if space {
            i += len;
            col += 1;
            continue;
        }
        // a cell: up to the next white space
        let (cell_start, start_col) = (i, col);
        while i < b.len() {
            let x = b[i];
            let len = if x > b' ' && x < 0x7F {
                if x == b'|' {
                    bars += 1;
                }
                1
            } else if (0xE4..=0xE9).contains(&x) {
                3
            } else if x == b'\t' {
                return tabs(i, cells);
            } else if x == b'\n' {
                break;
            } else {
                let (len, space) = space_at(b, i);
                if space {
                    break;
                }
                len
            };
            i += len;
            col += 1;
        }
        cells.push((start_col, &text[cell_start..i.min(b.len())]));
    }
    let end = i.min(b.len());
    if bars >= 2 {
        cells.clear();
        return (Split::Pipes, end);
    }
    (Split::Spaces, end)
}

/// A line of plain digits (at most 18: [`looks_like_value`] takes them as they are) from byte
/// `start`, perhaps ending in `\r`: the digits and where the line ends. `None` for any other
/// line, split as usual.
fn figure_line(text: &str, start: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    let digits = b[start..].iter().take_while(|x| x.is_ascii_digit()).count();
    let at = start + digits;
    let end = match b.get(at) {
        None | Some(b'\n') => at,
        Some(b'\r') if matches!(b.get(at + 1), None | Some(b'\n')) => at + 1,
        _ => return None,
    };
    (digits <= 18).then(|| (&text[start..at], end))
}

/// [`split_line`] for a line that begins with a bar: a row of tabs if it has one, of bars if
/// it has another (split by the caller); `None` for a line to be split as any other.
#[inline(never)]
fn split_bars(text: &str, start: usize) -> Option<(Split, usize)> {
    let b = text.as_bytes();
    let end = line_end(b, start);
    let line = &b[start..end];
    let split = if line.contains(&b'\t') {
        Split::Tabs
    } else if line.iter().filter(|&&x| x == b'|').nth(1).is_some() {
        Split::Pipes
    } else {
        return None;
    };
    Some((split, end))
}

/// The end of the line holding byte `i`: its `\n`, or the end of the text.
fn line_end(b: &[u8], i: usize) -> usize {
    bytes::next_marked(b, i, |w| bytes::eq_mask(w, b'\n'))
}

/// The length of the UTF-8 character at `i` and whether it separates cells (as
/// [`is_separator`]).
#[inline(always)]
fn space_at(b: &[u8], i: usize) -> (usize, bool) {
    let x = b[i];
    // the common cases first: ASCII, and the CJK lead bytes, none of which starts a space
    if x < 0x80 {
        return (1, x == b' ' || matches!(x, b'\t' | b'\r' | 0x0B | 0x0C));
    }
    if (0xE4..=0xE9).contains(&x) {
        return (3, false);
    }
    // CJK and full-width punctuation (，。、：) is common in prose: only U+3000 and the BOM
    // among them are white space
    if x == 0xE3 || x == 0xEF {
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let space = if x == 0xE3 {
            next(1) == 0x80 && next(2) == 0x80
        } else {
            next(1) == 0xBB && next(2) == 0xBF
        };
        return (3, space);
    }
    space_at_rare(b, i)
}

fn space_at_rare(b: &[u8], i: usize) -> (usize, bool) {
    let x = b[i];
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match x {
        0x00..=0x7F => (1, matches!(x, b' ' | b'\t' | b'\r' | 0x0B | 0x0C)),
        0xC0..=0xDF => (2, x == 0xC2 && matches!(at(1), 0xA0 | 0x85)),
        0xE0..=0xEF => {
            let space = match (x, at(1), at(2)) {
                (0xE3, 0x80, 0x80)
                | (0xEF, 0xBB, 0xBF)
                | (0xE1, 0x9A, 0x80)
                | (0xE2, 0x81, 0x9F) => true,
                // U+2000–U+200A, the line and paragraph separators, U+202F; not U+200B
                (0xE2, 0x80, c) => matches!(c, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
                _ => false,
            };
            (3, space)
        }
        0xF0..=0xF7 => (4, false),
        _ => (1, false), // a continuation byte: never the start of a character in valid UTF-8
    }
}

/// Splits a row of cells on tabs or bars, keeping empty cells, trimming each, and classifies
/// them into `out` as they come (see [`Classify`]). `| a | b |` has an empty piece before the
/// first bar and after the last: those are no cells.
fn split_row<'a>(
    raw: &'a str,
    split: Split,
    line: u32,
    out: &mut Vec<Token<'a>>,
    blanks: &mut Vec<Pos>,
) {
    let sep = if split == Split::Pipes { b'|' } else { b'\t' };
    let mut row = Classify::new(out);
    let mut col = 0usize;
    // `sep` is ASCII: every piece is whole characters, sliced without a check of its own
    let b = raw.as_bytes();
    let mut from = 0;
    while from <= b.len() {
        let end = bytes::next_marked(b, from, |w| bytes::eq_mask(w, sep));
        let piece = raw.get(from..end).unwrap_or("");
        let pb = piece.as_bytes();
        let (at, text) = if has_solid_ends(pb) {
            // the usual cell (a figure, a label): nothing to trim
            (col, piece)
        } else if pb.len() > 2
            && pb[0] == b' '
            && pb[pb.len() - 1] == b' '
            && has_solid_ends(&pb[1..pb.len() - 1])
        {
            // the usual cell between bars, `| 12 |`
            (col + 1, &piece[1..piece.len() - 1])
        } else {
            let lead = piece.chars().take_while(|&c| is_space(c)).count();
            (col + lead, trim(piece))
        };
        if !(sep == b'|' && end == b.len() && text.is_empty()) {
            let col = u32::try_from(at + 1).unwrap_or(u32::MAX);
            row.push(out, text, Pos::Text { line, col });
        }
        col += bytes::char_count(piece) + 1;
        from = end + 1;
    }
    row.finish(out, blanks);
}

/// Whether `b` starts and ends with a character that is surely not white space: printable
/// ASCII or a unified ideograph (lead byte E4–E9). Empty is not.
fn has_solid_ends(b: &[u8]) -> bool {
    let solid_ascii = |x: u8| x > b' ' && x < 0x7F;
    let first = match b.first() {
        Some(&x) => solid_ascii(x) || (0xE4..=0xE9).contains(&x),
        None => false,
    };
    let last = match b {
        [.., x] if *x < 0x80 => solid_ascii(*x),
        [.., x, _, _] => (0xE4..=0xE9).contains(x),
        _ => false,
    };
    first && last
}

/// [`split_line`]'s plain twin: the same answer by the obvious means (the line found by `find`,
/// cells as runs of characters that are not [`is_separator`]), for the property test.
#[cfg(test)]
fn split_line_plain<'a>(
    text: &'a str,
    start: usize,
    cells: &mut Vec<(usize, &'a str)>,
) -> (Split, usize) {
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..end];
    cells.clear();
    if line.contains('\t') {
        return (Split::Tabs, end);
    }
    let mut cell: Option<(usize, usize)> = None;
    for (col, (at, c)) in line.char_indices().enumerate() {
        match (is_separator(c), cell) {
            (true, Some((from_col, from))) => {
                cells.push((from_col, &line[from..at]));
                cell = None;
            }
            (false, None) => cell = Some((col, at)),
            _ => {}
        }
    }
    if let Some((from_col, from)) = cell {
        cells.push((from_col, &line[from..]));
    }
    if line.matches('|').count() >= 2 {
        cells.clear();
        return (Split::Pipes, end);
    }
    (Split::Spaces, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn split_line_agrees_with_its_plain_twin(
            text in "[ a1|\t\n\r\u{3000}\u{a0}\u{200b}\u{feff}\u{7f}\u{1}一（）。é\u{1F600}]{0,60}",
            skip in 0usize..8,
        ) {
            let start = text.char_indices().map(|(i, _)| i).nth(skip).unwrap_or(text.len());
            let (mut fast, mut plain) = (Vec::new(), Vec::new());
            let a = split_line(&text, start, &mut fast);
            let b = split_line_plain(&text, start, &mut plain);
            proptest::prop_assert_eq!(a, b);
            if a.0 == Split::Spaces {
                proptest::prop_assert_eq!(fast, plain);
            }
        }
    }

    #[test]
    fn page_numbers_are_told_from_captions_and_dashes() {
        for page in [
            "-3-",
            "— 3 —",
            "- 12 -",
            "第3页",
            "第 3 页 共 5 页",
            "－３－",
            "第３页",
        ] {
            assert!(is_page_number(page), "{page}");
        }
        for other in [
            "第二十条第（一）项",
            "第（一）项",
            "-",
            "——",
            "第页",
            "-3",
            "第3条",
            "—",
        ] {
            assert!(!is_page_number(other), "{other}");
        }
    }

    #[test]
    fn lines_that_begin_with_a_bar_split_as_any_other_line() {
        for line in [
            "| 自然人 | 12 | 3 |",
            "|（一）予以公开|0|1|　2　|",
            "|a|b",
            "|\t1\t2",
            "| 12",
            "|",
            "||",
            "| a |\r",
            "|  两个空格  |  3 |",
            "| 1 | 2 |\n| 3 |",
        ] {
            let mut plain = Vec::new();
            if let Some(split) = split_bars(line, 0) {
                assert_eq!(split, split_line(line, 0, &mut plain), "{line:?}");
            }
        }
    }

    #[test]
    fn a_figure_alone_on_its_line_is_one_value() {
        assert_eq!(figure_line("2766\nx", 0), Some(("2766", 4)));
        assert_eq!(figure_line("x\n2766\r\n", 2), Some(("2766", 7)));
        assert_eq!(figure_line("0", 0), Some(("0", 1)));
        for other in [
            "2766 \n",
            "12件\n",
            "1.属于国家秘密",
            "1234567890123456789\n",
            "1\r2",
        ] {
            assert_eq!(figure_line(other, 0), None, "{other:?}");
        }
        // as the general path reads it
        let doc = lines_of_text("自然人\n\n2766\r\n12 \n1234567890123456789\n");
        let lines = doc.lines();
        assert_eq!(lines.len(), 4);
        for (l, text) in lines[1..].iter().zip(["2766", "12"]) {
            assert_eq!(l.tokens.len(), 1);
            assert_eq!(l.tokens[0].text, text);
            assert_eq!(l.tokens[0].kind, TokenKind::Value);
            assert_eq!(l.split, Split::Spaces);
        }
        assert_eq!(lines[1].tokens[0].pos, Pos::Text { line: 3, col: 1 });
        assert_eq!(lines[3].tokens[0].text, "1234567890123456789");
    }

    #[test]
    fn rows_of_tabs_and_bars_keep_their_blank_cells_and_drop_spacers() {
        let doc = lines_of_text(
            "| 自然人 | 12 |  | 3 |\n\t\t（一）予以公开\t\t0\t1\n申请人情况\t\t自然人\t\t\n||\n",
        );
        let lines = doc.lines();
        fn texts<'a>(l: &Line<'_, 'a>) -> Vec<&'a str> {
            l.tokens.iter().map(|t| t.text).collect()
        }
        assert_eq!(lines.len(), 3);
        assert_eq!(kinds(&lines[0]), "tvvv");
        assert_eq!(texts(&lines[0]), ["自然人", "12", "", "3"]);
        assert_eq!(lines[0].tokens[0].pos, Pos::Text { line: 1, col: 3 });
        assert_eq!(lines[0].tokens[3].pos, Pos::Text { line: 1, col: 17 });
        assert_eq!(kinds(&lines[1]), "tvvv");
        assert_eq!(texts(&lines[1]), ["（一）予以公开", "", "0", "1"]);
        assert_eq!(kinds(&lines[2]), "tt");
        assert_eq!(texts(&lines[2]), ["申请人情况", "自然人"]);
        // a row of three or more empty cells only is a line of blanks (a figure row left
        // blank), with no tokens; two empty cells are a spacer
        let doc = lines_of_text("\t\t\t\n||\n");
        let lines = doc.lines();
        assert_eq!(lines.len(), 1);
        assert!(lines[0].tokens.is_empty());
        assert_eq!(lines[0].blanks.len(), 4);
        assert_eq!(lines[0].blanks[3], Pos::Text { line: 1, col: 4 });
    }

    fn kinds(line: &Line) -> String {
        line.tokens
            .iter()
            .map(|t| if t.kind == TokenKind::Value { 'v' } else { 't' })
            .collect()
    }

    #[test]
    fn pdf_rows_split_on_spaces() {
        let doc = lines_of_text("  1.属于国家秘密         1     0  0\n  -3-  \n — 4 —\n第 5 页\n");
        let lines = doc.lines();
        assert_eq!(lines.len(), 1);
        assert_eq!(kinds(&lines[0]), "tvvv");
        assert_eq!(lines[0].tokens[1].pos, Pos::Text { line: 1, col: 20 });
    }

    #[test]
    fn unicode_spaces_split_and_count_as_one_column() {
        // the zero-width space is invisible: inside a figure it is part of it (2​3 reads 23)
        let doc = lines_of_text("规章\u{3000}1\u{00A0}2\u{200B}3 四");
        let lines = doc.lines();
        let cols: Vec<_> = lines[0].tokens.iter().map(|t| (t.text, t.pos)).collect();
        assert_eq!(
            cols,
            vec![
                ("规章", Pos::Text { line: 1, col: 1 }),
                ("1", Pos::Text { line: 1, col: 4 }),
                ("2\u{200B}3", Pos::Text { line: 1, col: 6 }),
                ("四", Pos::Text { line: 1, col: 10 }),
            ]
        );
    }

    #[test]
    fn tab_rows_keep_blank_cells() {
        let doc = lines_of_text("（一）予以公开\t3\t\t0\t二十\t");
        let lines = doc.lines();
        assert_eq!(kinds(&lines[0]), "tvvvvv");
        assert_eq!(lines[0].tokens[2].text, "");
    }

    #[test]
    fn leading_empty_cells_are_dropped() {
        let doc = lines_of_text("\t\t1.属于国家秘密\t1\t0");
        let lines = doc.lines();
        assert_eq!(kinds(&lines[0]), "tvv");
    }

    #[test]
    fn numbering_is_not_a_value() {
        assert!(!looks_like_value("1."));
        assert!(!looks_like_value("1.属于国家秘密"));
        assert!(looks_like_value("172195991.7元"));
        assert!(looks_like_value("-57"));
        assert!(looks_like_value("３,１１９"));
        assert!(looks_like_value("—"));
        assert!(looks_like_value("约20"));
        assert!(looks_like_value("12 万 元"));
        assert!(looks_like_value("1,234亿元"));
        assert!(!looks_like_value("3项工作"));
    }

    #[test]
    fn of_ideographs_only_four_may_begin_a_value() {
        for value in ["无", "空", "约20", "近20", "近 20件"] {
            assert!(looks_like_value(value), "{value}");
        }
        for label in [
            "二十",
            "属于国家秘密",
            "件",
            "元",
            "一",
            "万元",
            "亿元",
            "约",
            "近",
        ] {
            assert!(!looks_like_value(label), "{label}");
        }
    }
}
