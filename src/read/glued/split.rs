//! Splitting a run of digits into counts: the enumerations the decoder is built on.

use super::MAX_COUNT_DIGITS;

/// Candidates kept per row (more: the row is too ambiguous to decode).
pub const MAX_CANDIDATES: usize = 64;

/// A count's digits: no leading zero but `0` itself, at most [`MAX_COUNT_DIGITS`].
pub fn count(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > MAX_COUNT_DIGITS || (b[0] == b'0' && b.len() > 1) {
        return None;
    }
    s.parse().ok()
}

/// Every split of `d` into `parts` counts summing to `target`, each pushed onto `acc` in turn;
/// `out` takes each whole split (as `[usize; 8]` ends of parts). `false` when over `cap`.
fn sum_splits(
    d: &str,
    parts: usize,
    target: i64,
    acc: &mut Vec<usize>,
    base: usize,
    out: &mut Vec<Vec<usize>>,
    cap: usize,
) -> bool {
    if parts == 1 {
        if count(d) == Some(target) {
            acc.push(base + d.len());
            out.push(acc.clone());
            acc.pop();
        }
        return out.len() <= cap;
    }
    let most = MAX_COUNT_DIGITS.min(d.len().saturating_sub(parts - 1));
    for l in 1..=most {
        let Some(v) = count(&d[..l]) else {
            break; // a leading zero: no longer part starts here either
        };
        if v > target {
            break;
        }
        acc.push(base + l);
        let ok = sum_splits(&d[l..], parts - 1, target - v, acc, base + l, out, cap);
        acc.pop();
        if !ok {
            return false;
        }
    }
    true
}

/// Where each count of a split starts among its digits (a count's digits are as many as its
/// value's: no leading zeros).
pub fn offsets(v: &[i64]) -> Vec<usize> {
    let mut at = 0;
    v.iter()
        .map(|x| {
            let here = at;
            at += digits_of(*x);
            here
        })
        .collect()
}

pub fn digits_of(x: i64) -> usize {
    let (mut n, mut x) = (1, x / 10);
    while x > 0 {
        n += 1;
        x /= 10;
    }
    n
}

/// The values of a split of `d` given by the ends of its parts.
pub fn values(d: &str, ends: &[usize]) -> Vec<i64> {
    let mut from = 0;
    ends.iter()
        .map(|&e| {
            let v = count(&d[from..e]).unwrap_or(0);
            from = e;
            v
        })
        .collect()
}

/// A group's splits: `width` counts whose last is the sum of the others (a part 三 row: 7; a
/// part 四 group: 5), as the ends of the parts. `None` when there are too many.
pub fn group_splits(d: &str, width: usize) -> Option<Vec<Vec<usize>>> {
    let mut out = Vec::new();
    if d.len() < width || d.len() > width * MAX_COUNT_DIGITS {
        return Some(out);
    }
    for l in 1..=MAX_COUNT_DIGITS.min(d.len() - (width - 1)) {
        let (head, tail) = d.split_at(d.len() - l);
        let Some(total) = count(tail) else { continue };
        let mut acc = Vec::with_capacity(width);
        let before = out.len();
        if !sum_splits(
            head,
            width - 1,
            total,
            &mut acc,
            0,
            &mut out,
            MAX_CANDIDATES,
        ) {
            return None;
        }
        for s in &mut out[before..] {
            s.push(d.len());
        }
    }
    Some(out)
}

/// Part 四's run: every split into three groups of five consistent with their totals (as
/// values). `None` when there are too many.
pub fn part4_splits(d: &str) -> Option<Vec<Vec<i64>>> {
    let mut out: Vec<Vec<i64>> = Vec::new();
    fn go(d: &str, group: usize, acc: &mut Vec<i64>, out: &mut Vec<Vec<i64>>) -> bool {
        if group == 3 {
            if d.is_empty() {
                out.push(acc.clone());
            }
            return out.len() <= MAX_CANDIDATES;
        }
        // this group takes a prefix of d: each prefix length, its consistent splits
        let most = (5 * MAX_COUNT_DIGITS).min(d.len().saturating_sub(5 * (2 - group)));
        for len in 5..=most {
            let Some(splits) = group_splits(&d[..len], 5) else {
                return false;
            };
            for s in splits {
                let v = values(&d[..len], &s);
                acc.extend_from_slice(&v);
                let ok = go(&d[len..], group + 1, acc, out);
                acc.truncate(acc.len() - 5);
                if !ok {
                    return false;
                }
            }
        }
        true
    }
    if d.len() < 15 || d.len() > 15 * MAX_COUNT_DIGITS {
        return Some(out);
    }
    go(d, 0, &mut Vec::with_capacity(15), &mut out).then_some(out)
}

/// The part 四 cells (by index) read from `digits` (`read`) on which a consistent split of
/// digits one typo away — a digit changed, two neighbouring digits swapped, a digit dropped
/// (so the true figures had one more) — disagrees.
pub fn typo_neighbours_disagree(digits: &str, read: &[Option<(i64, usize)>]) -> Vec<usize> {
    if read.iter().all(Option::is_none) {
        return Vec::new();
    }
    let b = digits.as_bytes();
    let mut uncertain = [false; 15];
    // the digits the true figures would have, and a test that the typo lies inside one of
    // their figures (`starts`: where the true split's figures start)
    let mut try_digits = |s: Vec<u8>, inside: &dyn Fn(&[usize]) -> bool| {
        let Ok(s) = String::from_utf8(s) else { return };
        for t in part4_splits(&s).unwrap_or_default() {
            if !inside(&offsets(&t)) {
                continue;
            }
            for (c, u) in uncertain.iter_mut().enumerate() {
                *u |= read[c].is_some_and(|(v, _)| t[c] != v);
            }
        }
    };
    let len = b.len() + 1;
    for i in 0..b.len() {
        for d in b'0'..=b'9' {
            // a digit changed: inside a figure whatever the split
            if d != b[i] {
                let mut s = b.to_vec();
                s[i] = d;
                try_digits(s, &|_| true);
            }
            // a digit dropped from a figure of two or more: the true one had it at i
            let mut s = b.to_vec();
            s.insert(i, d);
            try_digits(s, &|starts| {
                let start = starts.iter().rev().find(|&&x| x <= i).copied().unwrap_or(0);
                let end = starts.iter().find(|&&x| x > start).copied().unwrap_or(len);
                end - start >= 2
            });
        }
        // two neighbouring digits of one figure swapped: no figure starts between them
        if i + 1 < b.len() && b[i] != b[i + 1] {
            let mut s = b.to_vec();
            s.swap(i, i + 1);
            try_digits(s, &|starts| !starts.contains(&(i + 1)));
        }
    }
    (0..15).filter(|&c| uncertain[c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_splits_by_its_own_total() {
        let s = group_splits("300153006143119", 7).unwrap();
        let v: Vec<Vec<i64>> = s.iter().map(|e| values("300153006143119", e)).collect();
        assert!(v.contains(&vec![3001, 53, 0, 0, 61, 4, 3119]), "{v:?}");
        // 22,0,0,0,0,0,22 or 2,20,0,0,0,0,22: only the columns tell
        let s = group_splits("220000022", 7).unwrap();
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn hostile_runs_are_bounded() {
        let long = "1".repeat(10_000);
        assert!(group_splits(&long, 7).unwrap().is_empty());
        assert!(part4_splits(&long).unwrap().is_empty());
        assert_eq!(super::super::glued_spots(&format!("表{long}")), 1);
    }
}
