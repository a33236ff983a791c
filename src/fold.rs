//! Character folding: the tolerant view of text used for matching labels and reading numbers.
//!
//! Invariant: folding never changes positions. Every folded character keeps the line and
//! column of the character it came from, so findings can point into the user's input.

/// Folds one character the way NFKC would for the characters that occur in these reports
/// (full-width ASCII, ideographic space, Kangxi and CJK supplement radicals that PDF
/// extraction emits), and drops invisible format characters. `None` means "drop".
pub fn fold_char(c: char) -> Option<char> {
    let u = c as u32;
    // the common case: ASCII and unified ideographs fold to themselves
    if (0x20..0x80).contains(&u) || (0x4E00..=0x9FFF).contains(&u) {
        return Some(c);
    }
    Some(match u {
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        0x3000 | 0x00A0 | 0x2002..=0x200A | 0x202F | 0x205F => ' ',
        // zero-width and bidirectional marks, BOM, soft hyphen
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF | 0x00AD => return None,
        0x2212 | 0xFE63 => '-',
        0x2E80..=0x2FDF => radical(c),
        _ => c,
    })
}

/// The common radicals that `pdftotext` emits instead of the unified ideograph.
fn radical(c: char) -> char {
    const MAP: &[(char, char)] = &[
        ('⼀', '一'),
        ('⼆', '二'),
        ('⼈', '人'),
        ('⼊', '入'),
        ('⼋', '八'),
        ('⼏', '几'),
        ('⼑', '刀'),
        ('⼒', '力'),
        ('⼗', '十'),
        ('⼜', '又'),
        ('⼝', '口'),
        ('⼟', '土'),
        ('⼤', '大'),
        ('⼥', '女'),
        ('⼦', '子'),
        ('⼩', '小'),
        ('⼯', '工'),
        ('⼰', '己'),
        ('⼴', '广'),
        ('⼼', '心'),
        ('⼿', '手'),
        ('⽀', '支'),
        ('⽂', '文'),
        ('⽅', '方'),
        ('⽆', '无'),
        ('⽇', '日'),
        ('⽉', '月'),
        ('⽊', '木'),
        ('⽌', '止'),
        ('⽐', '比'),
        ('⽑', '毛'),
        ('⽒', '氏'),
        ('⽔', '水'),
        ('⽕', '火'),
        ('⽗', '父'),
        ('⽚', '片'),
        ('⽛', '牙'),
        ('⽜', '牛'),
        ('⽝', '犬'),
        ('⽞', '玄'),
        ('⽟', '玉'),
        ('⽠', '瓜'),
        ('⽡', '瓦'),
        ('⽢', '甘'),
        ('⽣', '生'),
        ('⽤', '用'),
        ('⽥', '田'),
        ('⽩', '白'),
        ('⽪', '皮'),
        ('⽬', '目'),
        ('⽭', '矛'),
        ('⽮', '矢'),
        ('⽯', '石'),
        ('⽰', '示'),
        ('⽴', '立'),
        ('⽵', '竹'),
        ('⽶', '米'),
        ('⽸', '缶'),
        ('⽹', '网'),
        ('⽺', '羊'),
        ('⽻', '羽'),
        ('⽼', '老'),
        ('⽽', '而'),
        ('⽿', '耳'),
        ('⾁', '肉'),
        ('⾃', '自'),
        ('⾄', '至'),
        ('⾆', '舌'),
        ('⾈', '舟'),
        ('⾉', '艮'),
        ('⾊', '色'),
        ('⾍', '虫'),
        ('⾎', '血'),
        ('⾏', '行'),
        ('⾐', '衣'),
        ('⾒', '見'),
        ('⾓', '角'),
        ('⾔', '言'),
        ('⾕', '谷'),
        ('⾖', '豆'),
        ('⾛', '走'),
        ('⾜', '足'),
        ('⾝', '身'),
        ('⾞', '車'),
        ('⾟', '辛'),
        ('⾠', '辰'),
        ('⾢', '邑'),
        ('⾣', '酉'),
        ('⾥', '里'),
        ('⾦', '金'),
        ('⾧', '長'),
        ('⾨', '門'),
        ('⾩', '阜'),
        ('⾪', '隶'),
        ('⾬', '雨'),
        ('⾭', '青'),
        ('⾮', '非'),
        ('⾯', '面'),
        ('⾰', '革'),
        ('⾲', '韭'),
        ('⾳', '音'),
        ('⾴', '頁'),
        ('⾵', '風'),
        ('⾶', '飛'),
        ('⾷', '食'),
        ('⾸', '首'),
        ('⾹', '香'),
        ('⾺', '馬'),
        ('⾻', '骨'),
        ('⾼', '高'),
        ('⿁', '鬼'),
        ('⿂', '魚'),
        ('⿃', '鳥'),
        ('⿅', '鹿'),
        ('⿇', '麻'),
        ('⿈', '黃'),
        ('⿊', '黑'),
        ('⿎', '鼓'),
        ('⿐', '鼻'),
        ('⿒', '齒'),
        ('⻓', '长'),
        ('⻔', '门'),
        ('⻅', '见'),
        ('⻋', '车'),
        ('⻛', '风'),
        ('⻚', '页'),
        ('⻝', '食'),
        ('⻢', '马'),
        ('⻜', '飞'),
        ('⻤', '鬼'),
        ('⻥', '鱼'),
        ('⻦', '鸟'),
        ('⻩', '黄'),
        ('⻬', '齐'),
        ('⻰', '龙'),
        ('⻆', '角'),
        ('⻉', '贝'),
        ('⻈', '讠'),
        ('⻄', '西'),
        ('⺠', '民'),
        ('⺟', '母'),
        ('⻓', '长'),
        ('⻅', '见'),
    ];
    MAP.iter().find(|(r, _)| *r == c).map_or(c, |(_, u)| *u)
}

/// Folds a character for label matching: on top of [`fold_char`], brackets, list marks and
/// quotes are unified, and white space is dropped (labels wrap and get spaced out in PDFs).
pub fn key_char(c: char) -> Option<char> {
    // the common case: unified ideographs, ASCII letters and digits stay as they are
    if (0x4E00..=0x9FFF).contains(&(c as u32)) || c.is_ascii_alphanumeric() {
        return Some(c);
    }
    let c = fold_char(c)?;
    Some(match c {
        c if c.is_whitespace() => return None,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' => return None,
        '〔' | '【' | '[' | '〈' | '《' => '(',
        '〕' | '】' | ']' | '〉' | '》' => ')',
        '、' | ',' | '，' | '．' => '.',
        c => c,
    })
}

/// Appends `text` folded for label matching, copying runs of unchanged characters whole.
pub fn push_key(keys: &mut String, text: &str) {
    let b = text.as_bytes();
    let (mut from, mut i) = (0, 0); // unchanged text pending from `from`
    while i < b.len() {
        // the common case, told by the first byte: a unified ideograph or an ASCII letter or
        // digit, which fold as themselves (`fold::tests` checks every one)
        match b[i] {
            0xE4..=0xE9 => i += 3,
            x if x.is_ascii_alphanumeric() => i += 1,
            _ => {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                let k = key_char(c);
                if k != Some(c) {
                    keys.push_str(&text[from..i]);
                    if let Some(k) = k {
                        keys.push(k);
                    }
                    from = i + c.len_utf8();
                }
                i += c.len_utf8();
            }
        }
    }
    keys.push_str(&text[from..]);
}

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

/// Whether every character of `b` is printable ASCII or a unified ideograph (its UTF-8 lead
/// byte E4–E9: U+4000–U+9FFF, of which U+4000–U+4DFF is rare enough to fold as itself too).
fn folds_compact_to_itself(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x21..=0x7E => i += 1,
            0xE4..=0xE9 => i += 3,
            _ => return false,
        }
    }
    true
}

/// `text` folded for label matching, as a new string.
pub fn key(text: &str) -> String {
    text.chars().filter_map(key_char).collect()
}

/// Folds `raw` without white space into `buf`; `None` if it does not fit. Text that folding
/// leaves as it is (printable ASCII, unified ideographs) comes back as it is, uncopied.
pub fn fold_compact<'b>(raw: &'b str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    if raw.len() <= buf.len() && folds_compact_to_itself(raw.as_bytes()) {
        return Some(raw);
    }
    let mut n = 0;
    for c in raw
        .chars()
        .filter_map(fold_char)
        .filter(|c| !c.is_whitespace())
    {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
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
    fn characters_told_by_their_first_byte_fold_as_themselves() {
        // lead byte E4–E9 (U+4000–U+9FFF) and ASCII letters and digits: the fast paths of
        // label folding skip them
        let told = (0x4000..=0x9FFF)
            .chain(u32::from(b'0')..=u32::from(b'9'))
            .chain(u32::from(b'A')..=u32::from(b'Z'))
            .chain(u32::from(b'a')..=u32::from(b'z'));
        for c in told.filter_map(char::from_u32) {
            assert_eq!(key_char(c), Some(c), "{c} U+{:04X}", c as u32);
            assert_eq!(fold_char(c), Some(c), "{c} U+{:04X}", c as u32);
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

    #[test]
    fn folds_full_width_and_drops_invisible() {
        assert_eq!(key("（一）予以公开"), "(一)予以公开");
        assert_eq!(key("１２\u{200B}３"), "123");
        assert_eq!(key("1、 其他"), "1.其他");
        assert_eq!(key("⼀、总体情况"), "一.总体情况");
        assert_eq!(key("危及“三安全一稳定”"), "危及三安全一稳定");
    }
}
