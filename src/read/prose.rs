//! Figures stated in the prose (「受理政府信息公开申请21件」), for comparison with the tables.
//!
//! Deliberately narrow: a figure is taken only where its clause names what it counts, so a
//! clean report raises no false alarm (「收到市长信箱33件」 is not an application count).

use super::outline::Prose;
use crate::bytes;
use crate::model::Pos;

/// What a prose figure claims to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    New,
    CarriedIn,
    CarriedOut,
    Handled,
    Review,
    ReviewOutcome(&'static str),
    Suits,
    SuitOutcome(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub claim: Claim,
    pub value: i64,
    pub pos: Pos,
    /// The clause that states it, for the message.
    pub phrase: String,
}

const COUNTERS: [char; 6] = ['件', '起', '次', '宗', '个', '条'];
const OUTCOMES: [(&str, &str); 4] = [
    ("维持", "upheld"),
    ("纠正", "corrected"),
    ("其他结果", "other"),
    ("尚未审结", "pending"),
];

pub fn figures(prose: &Prose) -> Vec<Figure> {
    let b = prose.text.as_bytes();
    // one pass over the bytes; only sentences holding a digit can state a figure
    let mut split = Sentences {
        prose,
        start: 0,
        digit: false,
        out: Vec::new(),
    };
    // eight bytes at a time: most words of Chinese prose hold none of the bytes that matter,
    // and once a sentence has a digit, its further digits do not matter either
    let mut base = 0;
    while base + 8 <= b.len() {
        let x = bytes::word(&b[base..]);
        let digits = bytes::digit_mask(x);
        let ends = bytes::eq_mask(x, b';')
            | bytes::eq_mask(x, b'!')
            | bytes::eq_mask(x, b'?')
            | bytes::eq_mask(x, 0x82)
            | bytes::eq_mask(x, 0x9B);
        let mut marks = ends | if split.digit { 0 } else { digits };
        while marks != 0 {
            let bit = marks.trailing_zeros();
            let i = base + (bit / 8) as usize;
            marks &= marks - 1;
            split.byte(b, i);
            marks = if split.digit {
                marks & !digits
            } else {
                // a sentence ended here: the digits after it count again
                marks | (digits & (!0u64).checked_shl(bit + 1).unwrap_or(0))
            };
        }
        base += 8;
    }
    for i in base..b.len() {
        split.byte(b, i);
    }
    if split.digit {
        sentence(prose, split.start, b.len(), &mut split.out);
    }
    split.out
}

/// Prose split into sentences as its bytes are met, each holding a digit read for figures.
struct Sentences<'p> {
    prose: &'p Prose,
    start: usize,
    digit: bool,
    out: Vec<Figure>,
}

impl Sentences<'_> {
    fn byte(&mut self, b: &[u8], i: usize) {
        let x = b[i];
        match BYTE_CLASS[usize::from(x)] {
            0 => {}
            DIGIT => self.digit = true,
            _ => {
                // a sentence end (。 ； ; ! ?) finishes at this byte
                let ascii = x < 0x80;
                let cjk = i >= 2
                    && ((x == 0x82 && b[i - 2..i] == [0xE3, 0x80])
                        || (x == 0x9B && b[i - 2..i] == [0xEF, 0xBC]));
                if ascii || cjk {
                    let end = if ascii { i } else { i - 2 };
                    if self.digit {
                        sentence(self.prose, self.start, end, &mut self.out);
                    }
                    self.start = i + 1;
                    self.digit = false;
                }
            }
        }
    }
}

const DIGIT: u8 = 1;
const END: u8 = 2;

/// Bytes that matter when splitting prose into sentences: digits, and the bytes a sentence end
/// finishes with (`;` `!` `?`, and the last bytes of 。 and ；).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = DIGIT;
        d += 1;
    }
    t[b';' as usize] = END;
    t[b'!' as usize] = END;
    t[b'?' as usize] = END;
    t[0x82] = END;
    t[0x9B] = END;
    t
};

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(b, _)| &s[..b])
}

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(s, |(b, _)| &s[b..])
}

fn sentence(prose: &Prose, start: usize, end: usize, out: &mut Vec<Figure>) {
    let s = &prose.text[start..end];
    let bytes = s.as_bytes();
    // whether the sentence speaks of applications: looked for once it states a figure
    let mut mentions_applications = None;
    // what precedes each figure, kept up to date as the figures are met in order: where its
    // clause starts, and where 复议 and 诉讼 were last named
    let mut clause = ClauseStarts::default();
    let mut review = Mentions::new("复议");
    let mut suits = Mentions::new("诉讼");
    let mut i = 0;
    loop {
        i = bytes::next_marked(bytes, i, bytes::digit_mask);
        if i >= bytes.len() {
            break;
        }
        if i > 0 && bytes[i - 1] == b'.' {
            i += 1;
            continue;
        }
        let digits_end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let after = &s[digits_end..];
        // every counter is a Chinese character: most digits (dates, 2023年) stop here
        let counted = bytes.get(digits_end).is_some_and(|&x| x >= 0xE4)
            && after.chars().next().is_some_and(|c| COUNTERS.contains(&c));
        let value: Option<i64> = counted
            .then(|| s[i..digits_end].parse().ok())
            .flatten()
            .filter(|_| digits_end - i <= 9);
        if let Some(value) = value {
            let clause_start = clause.before(bytes, i).unwrap_or(0);
            // the subject is whichever of 复议 / 诉讼 was named last before the figure
            let subject = match (review.last_before(s, i), suits.last_before(s, i)) {
                (Some(a), Some(b)) => Some(a > b),
                (Some(_), None) => Some(true),
                (None, Some(_)) => Some(false),
                (None, None) => None,
            };
            let before = &s[clause_start..i];
            let applications = *mentions_applications.get_or_insert_with(|| has(s, "申请"));
            if let Some(claim) = classify(before, after, subject, applications) {
                let phrase_end = digits_end + after.chars().next().map_or(0, char::len_utf8);
                out.push(Figure {
                    claim,
                    value,
                    pos: prose.pos_at_byte(start + i),
                    // its last 40 characters, in one allocation
                    phrase: last_chars(&s[clause_start..phrase_end], 40).to_owned(),
                });
            }
        }
        i = digits_end;
    }
}

/// Whether `needle` occurs in `hay` (label-matching search: short strings, no set-up cost).
fn has(hay: &str, needle: &str) -> bool {
    crate::bytes::find(hay, needle).is_some()
}

/// Where the clause holding a point starts: after the last `,` `(` `)` `:` or `、` before it.
/// The points are asked for in increasing order, so each byte is looked at once however many
/// figures a sentence holds.
#[derive(Default)]
struct ClauseStarts {
    scanned: usize,
    last: Option<usize>,
}

impl ClauseStarts {
    fn before(&mut self, b: &[u8], i: usize) -> Option<usize> {
        let mut mark = |j: usize| {
            let ends_clause = match b[j] {
                b',' | b'(' | b')' | b':' => true,
                0x81 => j >= 2 && b[j - 2..j] == [0xE3, 0x80], // 、
                _ => false,
            };
            if ends_clause {
                self.last = Some(j + 1);
            }
        };
        let mut j = self.scanned;
        while j + 8 <= i {
            let x = bytes::word(&b[j..]);
            let mut marks = bytes::eq_mask(x, b',')
                | bytes::eq_mask(x, b'(')
                | bytes::eq_mask(x, b')')
                | bytes::eq_mask(x, b':')
                | bytes::eq_mask(x, 0x81);
            while marks != 0 {
                mark(j + (marks.trailing_zeros() / 8) as usize);
                marks &= marks - 1;
            }
            j += 8;
        }
        for k in j..i {
            mark(k);
        }
        self.scanned = self.scanned.max(i);
        self.last
    }
}

/// Where a word was last named wholly before a point, the points asked for in increasing order.
struct Mentions {
    word: &'static str,
    /// Matches are looked for from here on.
    from: usize,
    last: Option<usize>,
}

impl Mentions {
    fn new(word: &'static str) -> Self {
        Mentions {
            word,
            from: 0,
            last: None,
        }
    }

    fn last_before(&mut self, s: &str, i: usize) -> Option<usize> {
        while let Some(at) = s
            .as_bytes()
            .get(self.from..i)
            .and_then(|h| crate::bytes::find_bytes(h, self.word.as_bytes()))
        {
            self.last = Some(self.from + at);
            self.from += at + self.word.len();
        }
        // none more wholly before `i`: a later one starts no earlier than this
        self.from = self.from.max((i + 1).saturating_sub(self.word.len()));
        self.last
    }
}

fn classify(before: &str, after: &str, subject: Option<bool>, applications: bool) -> Option<Claim> {
    let after_head = after
        .chars()
        .next()
        .map_or("", |c| head(&after[c.len_utf8()..], 8));
    if (after_head.starts_with("顺延")
        || after_head.starts_with("结转")
        || after_head.starts_with("转入"))
        && has(after_head, "下年")
    {
        return Some(Claim::CarriedOut);
    }
    if has(before, "结转下年")
        || has(before, "转入下年")
        || has(before, "顺延至下年")
        || has(before, "顺延到下年")
    {
        return Some(Claim::CarriedOut);
    }
    if has(before, "结转") && has(before, "上年") {
        return Some(Claim::CarriedIn);
    }
    let tail = last_chars(before, 12);
    if let Some(review) = subject {
        for (word, col) in OUTCOMES {
            if has(tail, word) {
                return Some(if review {
                    Claim::ReviewOutcome(col)
                } else {
                    Claim::SuitOutcome(col)
                });
            }
        }
        if tail.ends_with("行政复议") || tail.ends_with("复议") {
            return Some(Claim::Review);
        }
        if tail.ends_with("行政诉讼") || tail.ends_with("诉讼") {
            return Some(Claim::Suits);
        }
    }
    if has(before, "申请")
        && ["收到", "受理", "新收"].iter().any(|w| has(before, w))
        && !has(before, "信箱")
    {
        return Some(Claim::New);
    }
    if applications && ["办结", "答复", "回复"].iter().any(|w| has(tail, w)) && !has(before, "信箱")
    {
        return Some(Claim::Handled);
    }
    None
}

/// [`figures`]' plain twin: sentences split on their end characters by `char_indices`, each
/// holding a digit read by the same [`sentence`], for the property test.
#[cfg(test)]
fn figures_plain(prose: &Prose) -> Vec<Figure> {
    let text = &prose.text;
    let mut out = Vec::new();
    let mut start = 0;
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '；' | ';' | '!' | '?') {
            if has_digit(&text[start..i]) {
                sentence(prose, start, i, &mut out);
            }
            start = i + c.len_utf8();
        }
    }
    if has_digit(&text[start..]) {
        sentence(prose, start, text.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn figures_agree_with_their_plain_twin(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "全年共受理政府信息公开申请12件", "收到政府信息公开申请7件", "上年结转3件",
                    "结转下年度继续办理0件", "行政复议2件", "行政诉讼1起", "维持1件", "纠正1件",
                    "受理", "申请", "件", "12", "7", "。", "；", ";", "!", "?", "，", "：", "\n",
                    " ", "a", "一", "三、",
                ]),
                0..30,
            )
        ) {
            let text = pieces.concat();
            let doc = crate::read::tokens::lines_of_text(&text);
            let lines = doc.lines();
            let prose = Prose::from_lines(&lines, |_| false);
            proptest::prop_assert_eq!(figures(&prose), figures_plain(&prose));
        }
    }
    use crate::read::tokens::lines_of_text;

    fn claims(text: &str) -> Vec<(Claim, i64)> {
        let doc = lines_of_text(text);
        let lines = doc.lines();
        let prose = Prose::from_lines(&lines, |_| false);
        figures(&prose)
            .into_iter()
            .map(|f| (f.claim, f.value))
            .collect()
    }

    #[test]
    fn application_counts() {
        assert_eq!(
            claims("收到市长信箱33件、县长信箱112件,回复145件;收到依申请公开信件4件,回复处理4件;"),
            vec![(Claim::New, 4), (Claim::Handled, 4)]
        );
        assert_eq!(
            claims("全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）。"),
            vec![(Claim::New, 3119), (Claim::Handled, 3050), (Claim::CarriedIn, 34), (Claim::CarriedOut, 103)]
        );
    }

    #[test]
    fn review_and_suits() {
        assert_eq!(
            claims("政府信息公开行政复议 351 件，其中结果维持 72 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果纠正 5 件。"),
            vec![
                (Claim::Review, 351),
                (Claim::ReviewOutcome("upheld"), 72),
                (Claim::ReviewOutcome("pending"), 37),
                (Claim::Suits, 46),
                (Claim::SuitOutcome("corrected"), 5)
            ]
        );
    }
}
