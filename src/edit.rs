//! Editing a cell where it was read: the page corrects a figure in place by patching the text
//! the user pasted (or the grid), then checks again, so prose and positions stay true.
//!
//! Invariant: an edit changes only the cell's own characters; a cell that printed nothing (a
//! blank in PDF text) is written right-aligned into the spaces where its column ends, so the
//! row keeps its alignment.

/// Replaces the cell that starts at `line:col` (1-based, columns in characters) and reads `old`
/// with `new`. For a blank cell (`old` empty), `col` is where its column ends. `None` if the
/// text there is not what the result says (the text changed since).
pub fn set_cell_text(text: &str, line: u32, col: u32, old: &str, new: &str) -> Option<String> {
    let (line, col) = (usize::try_from(line).ok()?, usize::try_from(col).ok()?);
    if line == 0 || col == 0 || new.contains(['\n', '\r']) {
        return None;
    }
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
    let row = &text[start..end];
    let byte_at = |c: usize| row.char_indices().nth(c).map(|(b, _)| b);
    let (from, to) = if old.is_empty() {
        // right-aligned into the spaces ending at `col`
        let n = new.chars().count();
        let first = col.checked_sub(n)?;
        let chars: Vec<char> = row.chars().collect();
        if chars.len() < col {
            // the line is shorter: pad it
            let mut out = String::with_capacity(text.len() + col);
            out.push_str(&text[..end]);
            out.extend(std::iter::repeat_n(' ', first.saturating_sub(chars.len())));
            out.push_str(new);
            out.push_str(&text[end..]);
            return Some(out);
        }
        if !chars[first..col].iter().all(|c| c.is_whitespace()) {
            return None;
        }
        (byte_at(first)?, byte_at(col).unwrap_or(row.len()))
    } else {
        let b = byte_at(col - 1)?;
        if !row[b..].starts_with(old) {
            return None;
        }
        (b, b + old.len())
    };
    let mut out = String::with_capacity(text.len() + new.len());
    out.push_str(&text[..start + from]);
    out.push_str(new);
    out.push_str(&text[start + to..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_figure_in_place() {
        let t = "规章\t0\t5\n行政许可  10   3\n";
        assert_eq!(
            set_cell_text(t, 2, 7, "10", "11").as_deref(),
            Some("规章\t0\t5\n行政许可  11   3\n")
        );
        assert_eq!(set_cell_text(t, 2, 7, "99", "11"), None);
        assert_eq!(set_cell_text(t, 9, 1, "10", "11"), None);
    }

    #[test]
    fn fills_a_blank_right_aligned() {
        let t = "（一）予以公开   3        1\n";
        // the blank column ends at col 14
        assert_eq!(
            set_cell_text(t, 1, 14, "", "12").as_deref(),
            Some("（一）予以公开   3 12     1\n")
        );
        assert_eq!(
            set_cell_text("总计 1", 1, 9, "", "5").as_deref(),
            Some("总计 1    5")
        );
    }
}
