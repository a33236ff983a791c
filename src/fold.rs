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
    fn folds_full_width_and_drops_invisible() {
        assert_eq!(key("（一）予以公开"), "(一)予以公开");
        assert_eq!(key("１２\u{200B}３"), "123");
        assert_eq!(key("1、 其他"), "1.其他");
        assert_eq!(key("⼀、总体情况"), "一.总体情况");
        assert_eq!(key("危及“三安全一稳定”"), "危及三安全一稳定");
    }
}
