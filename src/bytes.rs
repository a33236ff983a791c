//! The byte tricks, in one place. Advice for hackers: everything here is faster than the
//! obvious code for the short strings gouji reads (labels of a few characters, figures of a
//! few digits, lines of a web page), and each was kept only because a profile said so
//! (ARCHITECTURE.md, "Speed", and docs/speed.md). What is clever, and why:
//!
//! - **word-at-a-time tests** ([`word`], [`eq_mask`], [`digit_mask`], [`below_mask`],
//!   [`lead_mask`], [`ideograph_lead_mask`], [`chars_starting`]): eight bytes in a `u64`, a
//!   byte marked by its high bit. They are exact (no carry crosses a byte; a test checks all
//!   256 byte values) and need no `unsafe`. The scanners over prose, lines and JSON strings
//!   skip eight unremarkable bytes a step with them.
//! - **[`find_bytes`]**: a substring search that tests eight candidate positions at once on
//!   the needle's second byte. The standard library's two-way search costs more to set up than
//!   these searches take (needles of 2–20 bytes, haystacks of a few hundred).
//! - **[`copy_short`]**: a short copy as two overlapping fixed-size moves. A copy of varying
//!   size is otherwise a call to `memcpy`, which costs more than the copy.
//! - **[`is_plain_digits`]**: the one test for "a figure written plainly" that every fast path
//!   (tokens, values, the JSON writer) shares.
//! - **[`Fnv`]**: a hash for short keys; SipHash is needlessly slow there.
//!
//! Each fast function has a plain twin in the tests (the standard library's search, a byte
//! loop, `copy_from_slice`) and a property test that runs both on the same inputs. Change a
//! trick only with its twin and a measurement.

/// The number of characters in `s` (its bytes that do not continue a character), counted
/// eight bytes at a time.
pub fn char_count(s: &str) -> usize {
    let words = s.as_bytes().chunks_exact(8);
    let rest = words.remainder();
    words.map(|w| chars_starting(word(w))).sum::<usize>()
        + rest.iter().filter(|&&x| x & 0xC0 != 0x80).count()
}

/// The byte offset of the first `needle` in `hay`. A plain scan on the first two bytes: for
/// the short needles and haystacks of label matching it beats the standard library's two-way
/// search, whose set-up dominates there. A match is always at a character boundary.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes())
}

/// [`find`] on bytes: `hay` may be cut anywhere (a match still starts where `needle` does).
pub fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let last = h.len().checked_sub(n.len())?;
    let (a, b) = match n {
        [] => return Some(0),
        [a] => return h.iter().position(|x| x == a),
        [a, b, ..] => (*a, *b),
    };
    // the second byte first: in CJK text it is the rarer one (a lead byte E4–E9 is common);
    // eight candidate positions at a time, by a word-wide test for a byte equal to it
    let at = |i: usize| h[i + 1] == b && h[i] == a && &h[i..i + n.len()] == n;
    let seconds = &h[1..=last + 1];
    let spread = u64::from_ne_bytes([b; 8]);
    let mut base = 0;
    for chunk in seconds.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word) ^ spread;
        // a byte of `x` is zero where the byte equals `b` (the test may also flag bytes after a
        // true zero; each flagged position is checked)
        if x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080 != 0 {
            if let Some(k) = (base..base + 8).find(|&i| at(i)) {
                return Some(k);
            }
        }
        base += 8;
    }
    (base..=last).find(|&i| at(i))
}

/// The byte offset of the last `needle` in `hay`, as `str::rfind` gives it: a plain scan
/// backwards on the first two bytes (for the short labels it looks in, the standard library's
/// set-up costs more than the search).
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let last = h.len().checked_sub(n.len())?;
    match n {
        [] => Some(h.len()),
        [a] => h.iter().rposition(|x| x == a),
        [a, b, ..] => (0..=last)
            .rev()
            .find(|&i| h[i + 1] == *b && h[i] == *a && &h[i..i + n.len()] == n),
    }
}

/// Eight bytes of text as one word, the first byte lowest: the word-wide byte tests below mark
/// a byte by setting its high bit, so `trailing_zeros() / 8` is the first marked byte.
pub fn word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[..8]);
    u64::from_le_bytes(w)
}

const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The first byte at or after `i` that `marks` (one of the word tests below) marks, or the
/// length of `b`: eight bytes at a time, the tail byte by byte through the same test.
pub fn next_marked(b: &[u8], mut i: usize, marks: impl Fn(u64) -> u64) -> usize {
    while i + 8 <= b.len() {
        let m = marks(word(&b[i..]));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let marked = |x: &u8| marks(u64::from(*x)) & 0x80 != 0;
    i + b
        .get(i..)
        .map_or(0, |t| t.iter().take_while(|x| !marked(x)).count())
}

/// The high bit of each byte of `x` that equals `c` (exact: no carries between bytes).
pub fn eq_mask(x: u64, c: u8) -> u64 {
    let y = x ^ (ONES * u64::from(c));
    !(((y & LOW7) + LOW7) | y | LOW7)
}

/// The high bit of each byte of `x` that is an ASCII digit (exact).
pub fn digit_mask(x: u64) -> u64 {
    let t = x & LOW7;
    (t + ONES * 0x50) & !(t + ONES * 0x46) & !x & !LOW7
}

const HIGH: u64 = !LOW7;

/// The high bit of each byte of `x` that is ASCII below `c` (`c` at most 0x80; exact).
pub fn below_mask(x: u64, c: u8) -> u64 {
    !((x & LOW7) + ONES * u64::from(0x80 - c)) & !x & HIGH
}

/// The high bit of each byte of `x` that starts a character of more than one byte (C0–FF).
pub fn lead_mask(x: u64) -> u64 {
    x & (x << 1) & HIGH
}

/// The high bit of each byte of `x` that starts a unified ideograph (lead byte E4–E9).
pub fn ideograph_lead_mask(x: u64) -> u64 {
    let t = x & LOW7;
    (t + ONES * (0x80 - 0x64)) & !(t + ONES * (0x80 - 0x6A)) & x & HIGH
}

/// How many characters start in the eight bytes of `x` (its bytes that continue none).
pub fn chars_starting(x: u64) -> usize {
    let continuing = x & !(x << 1) & HIGH;
    8 - continuing.count_ones() as usize
}

/// `i` moved past the bytes that continue the character before it.
pub fn to_char_start(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|x| x & 0xC0 == 0x80) {
        i += 1;
    }
    i
}

/// Copies `src` (at most `N` bytes) to the start of `dst` by two fixed-size copies that
/// overlap: a short copy of varying size is otherwise a call to `memcpy`.
#[inline(always)]
pub fn copy_short<const N: usize>(dst: &mut [u8; N], src: &[u8]) {
    let n = src.len();
    match n {
        0 => {}
        1..=3 => {
            dst[0] = src[0];
            dst[n / 2] = src[n / 2];
            dst[n - 1] = src[n - 1];
        }
        4..=7 => {
            dst[..4].copy_from_slice(&src[..4]);
            dst[n - 4..n].copy_from_slice(&src[n - 4..]);
        }
        8..=15 => {
            dst[..8].copy_from_slice(&src[..8]);
            dst[n - 8..n].copy_from_slice(&src[n - 8..]);
        }
        _ => {
            dst[..16].copy_from_slice(&src[..16]);
            dst[n - 16..n].copy_from_slice(&src[n - 16..]);
        }
    }
}

/// Whether `b` is one to 18 ASCII digits: a figure written plainly, whose value an `i64`
/// holds. The one test the tokens, the values and the JSON writer share.
#[inline(always)]
pub fn is_plain_digits(b: &[u8]) -> bool {
    !b.is_empty() && b.len() <= 18 && b.iter().all(u8::is_ascii_digit)
}

/// FNV-1a with a final mix: for maps keyed by short strings (ids, names).
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        // a final mix, so that the low bits (the table's buckets) depend on every input bit
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51afd7ed558ccd);
        h ^ (h >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn find_and_rfind_agree_with_the_standard_library(
            hay in "[一二三公开(（)a1]{0,40}",
            needle in "[一二三公开(（)a1]{0,4}",
        ) {
            proptest::prop_assert_eq!(find(&hay, &needle), hay.find(needle.as_str()));
            proptest::prop_assert_eq!(rfind(&hay, &needle), hay.rfind(needle.as_str()));
        }
    }
    #[test]
    fn find_matches_the_standard_library() {
        for (hay, needle) in [
            ("申请人情况", "情况"),
            ("申请人情况", "申"),
            ("abc", "c"),
            ("", "a"),
            ("a", ""),
            ("本年新收政府信息公开申请数量", "新收"),
            ("二十", "十一"),
            ("(一)予以公开(一)", "(一)"),
            (
                "本年度共收到政府信息公开申请21件,其中申请人为自然人",
                "申请人",
            ),
            (
                "本年度共收到政府信息公开申请21件,其中申请人为自然人",
                "自然人",
            ),
            (
                "本年度共收到政府信息公开申请21件,其中申请人为自然人",
                "法人",
            ),
            ("abcdefghijklmnopqrstuvwxyz", "yz"),
            ("abcdefghijklmnopqrstuvwxyz", "hi"),
            ("aaaaaaaaaaaaaaaaab", "ab"),
        ] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay} / {needle}");
            assert_eq!(rfind(hay, needle), hay.rfind(needle), "{hay} / {needle}");
        }
    }

    #[test]
    fn word_tests_mark_exactly_the_bytes() {
        let bytes: Vec<u8> = (0..=255).collect();
        for chunk in bytes.chunks(8) {
            let w = word(chunk);
            for (k, &x) in chunk.iter().enumerate() {
                let bit = 1u64 << (8 * k + 7);
                assert_eq!(digit_mask(w) & bit != 0, x.is_ascii_digit(), "{x:#x}");
                assert_eq!(below_mask(w, 0x21) & bit != 0, x <= 0x20, "{x:#x}");
                assert_eq!(lead_mask(w) & bit != 0, x >= 0xC0, "{x:#x}");
                assert_eq!(
                    ideograph_lead_mask(w) & bit != 0,
                    (0xE4..=0xE9).contains(&x)
                );
                for c in [b'0', b';', 0x82, 0x9B, 0x00, 0xFF] {
                    assert_eq!(eq_mask(w, c) & bit != 0, x == c, "{x:#x} = {c:#x}");
                }
            }
        }
    }

    #[test]
    fn next_marked_finds_what_a_plain_search_finds() {
        let b = "共收到申请21件,\t其中|3件; 复议0件".as_bytes();
        for i in 0..=b.len() {
            let plain = |f: &dyn Fn(u8) -> bool| i + b[i..].iter().take_while(|&&x| !f(x)).count();
            assert_eq!(
                next_marked(b, i, digit_mask),
                plain(&|x| x.is_ascii_digit()),
                "{i}"
            );
            for c in [b'\t', b'|', b';', 0x00] {
                assert_eq!(
                    next_marked(b, i, |w| eq_mask(w, c)),
                    plain(&|x| x == c),
                    "{i} {c}"
                );
            }
        }
    }

    #[test]
    fn characters_are_counted_by_their_first_bytes() {
        let text = "申请a，b情况";
        let b = text.as_bytes();
        assert_eq!(chars_starting(word(b)), 4); // 申 请 a, and the first byte of ，
        assert_eq!(to_char_start(b, 8), 10);
        assert_eq!(text.chars().count(), 7);
    }

    proptest::proptest! {
        #[test]
        fn short_copies_agree_with_copy_from_slice(src in proptest::collection::vec(proptest::num::u8::ANY, 0..=22)) {
            let mut fast = [0xAAu8; 22];
            copy_short(&mut fast, &src);
            let mut plain = [0xAAu8; 22];
            plain[..src.len()].copy_from_slice(&src);
            proptest::prop_assert_eq!(fast, plain);
        }

        #[test]
        fn plain_digits_agree_with_a_parse(s in "[0-9+\\-a ]{0,20}") {
            let plain = s.len() <= 18 && s.parse::<u64>().is_ok() && !s.starts_with('+');
            proptest::prop_assert_eq!(is_plain_digits(s.as_bytes()), plain);
        }

        #[test]
        fn characters_are_counted_as_the_standard_library_counts(s in "[a1 一，。\u{1F600}é]{0,40}") {
            proptest::prop_assert_eq!(char_count(&s), s.chars().count());
        }
    }
}
