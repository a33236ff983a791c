//! A table region as one stream: its label text folded into a single key string (line breaks,
//! spaces and wrapped labels disappear) and its runs of values, each anchored at the point of
//! the key string where it stood.
//!
//! Invariant: anchors are non-decreasing; label text interrupted by values is contiguous in
//! `keys`, so a label wrapped around its figures still matches.

use super::tokens::{Line, Split, Token, TokenKind};

#[derive(Debug)]
pub struct Group<'t, 'a> {
    /// Byte offset in `keys` where the run began.
    pub anchor: usize,
    pub tokens: Run<'t, 'a>,
    /// How the line the run started on was split (space-aligned runs can be aligned by column).
    pub split: Split,
}

#[derive(Debug, Default)]
pub struct Stream<'t, 'a> {
    pub keys: String,
    pub groups: Vec<Group<'t, 'a>>,
    /// Rows of label text and empty cells: (where the row's label text begins and ends in
    /// `keys`, where its empty cells stood). See [`Line::blanks`].
    pub blank_rows: Vec<(usize, usize, &'t [crate::model::Pos])>,
}

impl<'t, 'a> Stream<'t, 'a> {
    pub fn build(lines: &[Line<'t, 'a>]) -> Self {
        let mut s = Stream {
            keys: String::new(),
            groups: Vec::new(),
            blank_rows: Vec::new(),
        };
        s.rebuild(lines);
        s
    }

    /// [`Stream::build`] into this stream's buffers (for a reader that builds several).
    pub fn rebuild(&mut self, lines: &[Line<'t, 'a>]) {
        // room for all the label text and a run per line: no growing on the way
        let text: usize = lines
            .iter()
            .flat_map(|l| l.tokens)
            .filter(|t| t.kind == TokenKind::Text)
            .map(|t| t.text.len())
            .sum();
        let s = self;
        s.keys.clear();
        s.keys.reserve(text);
        s.groups.clear();
        s.groups.reserve(lines.len());
        s.blank_rows.clear();
        let mut open = false;
        for line in lines {
            let mut values = 0;
            let label_from = s.keys.len();
            for t in line.tokens {
                match t.kind {
                    TokenKind::Text => {
                        open = false;
                        crate::fold::push_key(&mut s.keys, t.text);
                    }
                    TokenKind::Value => {
                        values += 1;
                        if !open {
                            s.groups.push(Group {
                                anchor: s.keys.len(),
                                tokens: Run::default(),
                                split: line.split,
                            });
                            open = true;
                        }
                        if let Some(g) = s.groups.last_mut() {
                            g.tokens.push(t);
                        }
                    }
                }
            }
            // a line holding a row of figures ends its run; one figure per line does not
            if values >= 2 || (values >= 1 && line.split.keeps_blanks()) {
                open = false;
            }
            if !line.blanks.is_empty() {
                s.blank_rows.push((label_from, s.keys.len(), line.blanks));
            }
        }
    }

    /// All value tokens, in order.
    pub fn values(&self) -> impl Iterator<Item = &'t Token<'a>> + '_ {
        self.groups.iter().flat_map(|g| g.tokens.iter().copied())
    }

    pub fn value_count(&self) -> usize {
        self.groups.iter().map(|g| g.tokens.len()).sum()
    }

    /// The earliest match at or after `from` of any of `keys`: (start, end).
    pub fn find_any(&self, from: usize, keys: &[&str], before: usize) -> Option<(usize, usize)> {
        let end = before.min(self.keys.len());
        // labels are usually near: look a short way first, then to the end
        let near = floor_char_boundary(&self.keys, (from + 768).min(end));
        // the earliest match of any key: later keys need only be looked for before the best
        let found = |from: usize, to: usize| {
            let hay = self.keys.as_bytes().get(from..to)?;
            let mut best: Option<(usize, usize)> = None;
            for k in keys {
                // a key can beat the best so far only by starting before it
                let limit = best.map_or(hay.len(), |(s, _)| (s + k.len()).min(hay.len()));
                if let Some(i) = crate::bytes::find_bytes(&hay[..limit], k.as_bytes()) {
                    let e = i + k.len();
                    if best.is_none_or(|b| (i, e) < b) {
                        best = Some((i, e));
                    }
                }
            }
            best.map(|(s, e)| (from + s, from + e))
        };
        // none near: the rest, from where a match could cross the first stretch's end
        let longest = keys.iter().map(|k| k.len()).max().unwrap_or(0);
        let rest = floor_char_boundary(&self.keys, near.saturating_sub(longest).max(from));
        found(from, near).or_else(|| if near < end { found(rest, end) } else { None })
    }
}

/// The value tokens of a run: up to eight (a part 三 row, with a 小计 column) kept inline, so
/// a table's runs cost no allocation each; longer runs (figures alone) go to the heap.
#[derive(Clone, Debug)]
pub enum Run<'t, 'a> {
    Inline(u8, [&'t Token<'a>; RUN_INLINE]),
    Heap(Vec<&'t Token<'a>>),
}

const RUN_INLINE: usize = 8;

/// Fills the unused places of an inline run.
static NO_TOKEN: Token<'static> = Token {
    text: "",
    pos: crate::model::Pos::Text { line: 0, col: 0 },
    kind: TokenKind::Text,
};

impl Default for Run<'_, '_> {
    fn default() -> Self {
        Run::Inline(0, [&NO_TOKEN; RUN_INLINE])
    }
}

impl<'t, 'a> Run<'t, 'a> {
    pub fn push(&mut self, t: &'t Token<'a>) {
        match self {
            Run::Inline(n, items) if usize::from(*n) < RUN_INLINE => {
                items[usize::from(*n)] = t;
                *n += 1;
            }
            Run::Inline(_, items) => {
                let mut v = items.to_vec();
                v.push(t);
                *self = Run::Heap(v);
            }
            Run::Heap(v) => v.push(t),
        }
    }
}

impl<'t, 'a> std::ops::Deref for Run<'t, 'a> {
    type Target = [&'t Token<'a>];
    fn deref(&self) -> &Self::Target {
        match self {
            Run::Inline(n, items) => &items[..usize::from(*n)],
            Run::Heap(v) => v,
        }
    }
}

impl<'r, 't, 'a> IntoIterator for &'r Run<'t, 'a> {
    type Item = &'r &'t Token<'a>;
    type IntoIter = std::slice::Iter<'r, &'t Token<'a>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The empty cells of a row of label text and empty cells, if they are a cell for each of
/// `width` columns (and perhaps a trailing empty one, as a copied row ends with a tab): a row
/// left blank. See [`Stream::blank_rows`].
pub fn blank_cells(cells: &[crate::model::Pos], width: usize) -> Option<&[crate::model::Pos]> {
    (width..=width + 1)
        .contains(&cells.len())
        .then(|| &cells[..width])
}

/// A run of figures without the empty padding cells at either end (a spanned header makes a
/// table wider than a row's figures), down to `width` at the most.
pub fn trim_padding<'r, 't, 'a>(tokens: &'r [&'t Token<'a>], width: usize) -> &'r [&'t Token<'a>] {
    let mut t = tokens;
    while t.len() > width && t.first().is_some_and(|x| x.text.is_empty()) {
        t = &t[1..];
    }
    while t.len() > width && t.last().is_some_and(|x| x.text.is_empty()) {
        t = &t[..t.len() - 1];
    }
    t
}
