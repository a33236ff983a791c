//! Figures stated in the prose (「受理政府信息公开申请21件」), for comparison with the tables.
//!
//! Deliberately narrow: a figure is taken only where its clause names what it counts, so a
//! clean report raises no false alarm (「收到市长信箱33件」 is not an application count).

use super::outline::Prose;
use super::tokens::Pos;

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

#[derive(Clone, Debug)]
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
    let mut out: Vec<Figure> = Vec::new();
    let t = prose.text.as_str();
    let b = t.as_bytes();
    // one pass over the bytes; only sentences holding a digit can state a figure
    let (mut start, mut digit) = (0, false);
    for (i, &x) in b.iter().enumerate() {
        match BYTE_CLASS[usize::from(x)] {
            0 => {}
            DIGIT => digit = true,
            _ => {
                // a sentence end (。 ； ; ! ?) finishes at this byte
                let ascii = x < 0x80;
                let cjk = i >= 2
                    && ((x == 0x82 && b[i - 2..i] == [0xE3, 0x80])
                        || (x == 0x9B && b[i - 2..i] == [0xEF, 0xBC]));
                if ascii || cjk {
                    let end = if ascii { i } else { i - 2 };
                    if digit {
                        sentence(prose, start, end, &mut out);
                    }
                    start = i + 1;
                    digit = false;
                }
            }
        }
    }
    if digit {
        sentence(prose, start, b.len(), &mut out);
    }
    out
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
    let mentions_applications = has(s, "申请");
    // what precedes each figure, kept up to date as the figures are met in order: where its
    // clause starts, and where 复议 and 诉讼 were last named
    let mut clause = Last::new(|b: &[u8], i: usize| {
        match b[i] {
            b',' | b'(' | b')' | b':' => Some(i + 1),
            // 、
            0x81 if i >= 2 && b[i - 2..i] == [0xE3, 0x80] => Some(i + 1),
            _ => None,
        }
    });
    let mut review = Mentions::new("复议");
    let mut suits = Mentions::new("诉讼");
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1] == b'.') {
            i += 1;
            continue;
        }
        let digits_end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let after = &s[digits_end..];
        let counted = after.chars().next().is_some_and(|c| COUNTERS.contains(&c));
        let value: Option<i64> = s[i..digits_end]
            .parse()
            .ok()
            .filter(|_| digits_end - i <= 9);
        if let (true, Some(value)) = (counted, value) {
            let clause_start = clause.before(bytes, i).unwrap_or(0);
            // the subject is whichever of 复议 / 诉讼 was named last before the figure
            let subject = match (review.last_before(s, i), suits.last_before(s, i)) {
                (Some(a), Some(b)) => Some(a > b),
                (Some(_), None) => Some(true),
                (None, Some(_)) => Some(false),
                (None, None) => None,
            };
            let before = &s[clause_start..i];
            if let Some(claim) = classify(before, after, subject, mentions_applications) {
                let phrase_end = digits_end + after.chars().next().map_or(0, char::len_utf8);
                let phrase = &s[clause_start..phrase_end];
                let skip = phrase.chars().count().saturating_sub(40);
                out.push(Figure {
                    claim,
                    value,
                    pos: prose.pos_at_byte(start + i),
                    phrase: phrase.chars().skip(skip).collect(),
                });
            }
        }
        i = digits_end;
    }
}

/// Whether `needle` occurs in `hay` (label-matching search: short strings, no set-up cost).
fn has(hay: &str, needle: &str) -> bool {
    crate::fold::find(hay, needle).is_some()
}

/// The last match of a byte test before a point, the points asked for in increasing order:
/// each byte is tested once however many figures a sentence holds.
struct Last<F> {
    test: F,
    scanned: usize,
    last: Option<usize>,
}

impl<F: Fn(&[u8], usize) -> Option<usize>> Last<F> {
    fn new(test: F) -> Self {
        Last {
            test,
            scanned: 0,
            last: None,
        }
    }

    fn before(&mut self, b: &[u8], i: usize) -> Option<usize> {
        while self.scanned < i {
            if let Some(at) = (self.test)(b, self.scanned) {
                self.last = Some(at);
            }
            self.scanned += 1;
        }
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
            .and_then(|h| crate::fold::find_bytes(h, self.word.as_bytes()))
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
    if applications
        && ["办结", "答复", "回复"].iter().any(|w| has(tail, w))
        && !has(before, "信箱")
    {
        return Some(Claim::Handled);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
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
