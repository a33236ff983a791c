//! Reading one cell's value for its column kind (docs/formats.md §5).
//!
//! Invariant: a value is never guessed. Blank markers stay blank (distinct from 0), text stays
//! text, and every departure from a clean figure is recorded as a [`Problem`].

use super::tokens::{is_blank_marker, strip_unit};
use crate::fold::fold_compact;
use crate::format::ValueKind;
use crate::model::{Parsed, Problem, Unit, Value};

const MAX_COUNT: i64 = 1_000_000_000_000;

/// Parses a cell's raw text as a value of the given kind.
#[inline]
pub fn parse(raw: &str, kind: ValueKind) -> Parsed {
    parse_plain(raw, kind).unwrap_or_else(|| parse_folded(raw, kind))
}

/// [`parse`] for the common case, up to 18 plain digits (an i64 holds them), inline in the
/// reader; `None` for any other text. A reader may store its answer apart from
/// [`parse_folded`]'s (part 三 does: docs/speed.md says why).
#[inline(always)]
pub fn parse_plain(raw: &str, kind: ValueKind) -> Option<Parsed> {
    let b = raw.as_bytes();
    if !crate::bytes::is_plain_digits(b) {
        return None;
    }
    let v = b.iter().fold(0i64, |v, &d| v * 10 + i64::from(d - b'0'));
    let too_large = matches!(kind, ValueKind::Count | ValueKind::Signed) && v > MAX_COUNT;
    Some(Parsed {
        value: Value::Int(v),
        unit: None,
        problem: too_large.then_some(Problem::TooLarge),
    })
}

/// [`parse`] for any text but plain digits.
pub fn parse_folded(raw: &str, kind: ValueKind) -> Parsed {
    let mut buf = [0u8; 64];
    let Some(s) = fold_compact(raw, &mut buf) else {
        return text();
    };
    if is_blank_marker(s) {
        return Parsed {
            value: Value::Blank,
            unit: None,
            problem: None,
        };
    }
    let (num, unit) = strip_unit(s);
    let (negative, digits) = match num.as_bytes().first() {
        Some(b'-') => (true, &num[1..]),
        Some(b'+') => (false, &num[1..]),
        _ => (false, num),
    };
    let Some(number) = parse_number(digits) else {
        return text();
    };
    let value = match number {
        Number::Int(v) => Value::Int(if negative { -v } else { v }),
        Number::Dec(v) => Value::Dec(if negative { -v } else { v }),
    };
    let problem = match kind {
        ValueKind::Count | ValueKind::Signed => match value {
            Value::Dec(_) => Some(Problem::Fraction),
            Value::Int(v) if v.abs() > MAX_COUNT => Some(Problem::TooLarge),
            Value::Int(v) if v < 0 && kind == ValueKind::Count => Some(Problem::Negative),
            _ => match unit {
                Some(u) if matches!(u.as_str(), "件" | "条" | "个" | "项" | "次" | "起") => {
                    Some(Problem::UnitSuffix(u))
                }
                Some(_) => Some(Problem::NotANumber),
                None => None,
            },
        },
        ValueKind::Money | ValueKind::Amount => {
            if negative {
                Some(Problem::Negative)
            } else {
                match unit.map(Unit::as_str) {
                    None | Some("元" | "万元" | "亿元") => None,
                    Some(_) => Some(Problem::NotANumber),
                }
            }
        }
    };
    let unit = unit.filter(|u| u.as_str().ends_with('元'));
    Parsed {
        value,
        unit,
        problem,
    }
}

fn text() -> Parsed {
    Parsed {
        value: Value::Text,
        unit: None,
        problem: Some(Problem::NotANumber),
    }
}

enum Number {
    Int(i64),
    Dec(f64),
}

/// Digits with optional thousands separators (groups of three) and an optional fraction.
fn parse_number(s: &str) -> Option<Number> {
    // the common case: up to 18 plain digits
    if crate::bytes::is_plain_digits(s.as_bytes()) {
        let v = s.bytes().fold(0i64, |v, b| v * 10 + i64::from(b - b'0'));
        return Some(Number::Int(v));
    }
    let (int_part, frac) = match s.bytes().position(|b| b == b'.') {
        Some(dot) => (&s[..dot], Some(&s[dot + 1..])),
        None => (s, None),
    };
    if int_part.is_empty() {
        return None;
    }
    let mut groups = int_part.split(',');
    let first = groups.next()?;
    if !crate::bytes::is_plain_digits(first.as_bytes()) {
        return None;
    }
    // at most 18 digits in all: the value fits an i64
    let mut ndigits = first.len();
    let mut int: i64 = first.parse().ok()?;
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) || first.len() > 3 {
            return None;
        }
        ndigits += 3;
        if ndigits > 18 {
            return None;
        }
        int = int * 1000 + g.parse::<i64>().ok()?;
    }
    match frac {
        None => Some(Number::Int(int)),
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => {
            // digits over a power of ten: no float parser needed (it is large in WebAssembly)
            let digits: u32 = f.parse().ok()?;
            let scale = 10u32.pow(f.len() as u32);
            Some(Number::Dec(
                int as f64 + f64::from(digits) / f64::from(scale),
            ))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_digits_read_as_the_general_path_reads_them() {
        for raw in [
            "0",
            "7",
            "1000000000000",
            "1000000000001",
            "999999999999999999",
        ] {
            for kind in [
                ValueKind::Count,
                ValueKind::Signed,
                ValueKind::Money,
                ValueKind::Amount,
            ] {
                assert_eq!(parse(raw, kind), parse_folded(raw, kind), "{raw} {kind:?}");
            }
        }
        assert_eq!(
            parse("1000000000001", ValueKind::Count).problem,
            Some(Problem::TooLarge)
        );
        assert_eq!(parse("1000000000000", ValueKind::Count).problem, None);
    }

    fn p(raw: &str, kind: ValueKind) -> (Value, Option<Problem>) {
        let r = parse(raw, kind);
        (r.value, r.problem)
    }

    #[test]
    fn counts() {
        assert_eq!(p("21", ValueKind::Count), (Value::Int(21), None));
        assert_eq!(p("３,１１９", ValueKind::Count), (Value::Int(3119), None));
        assert_eq!(p(" 0 ", ValueKind::Count), (Value::Int(0), None));
        assert_eq!(p("", ValueKind::Count), (Value::Blank, None));
        assert_eq!(p("—", ValueKind::Count), (Value::Blank, None));
        assert_eq!(p("无", ValueKind::Count), (Value::Blank, None));
        assert_eq!(
            p("约20", ValueKind::Count),
            (Value::Text, Some(Problem::NotANumber))
        );
        assert_eq!(
            p("二十", ValueKind::Count),
            (Value::Text, Some(Problem::NotANumber))
        );
        assert_eq!(
            p("12件", ValueKind::Count),
            (
                Value::Int(12),
                Some(Problem::UnitSuffix(strip_unit("件").1.unwrap()))
            )
        );
        assert_eq!(
            p("-3", ValueKind::Count),
            (Value::Int(-3), Some(Problem::Negative))
        );
        assert_eq!(
            p("2.5", ValueKind::Count),
            (Value::Dec(2.5), Some(Problem::Fraction))
        );
        assert_eq!(
            p("1,23", ValueKind::Count),
            (Value::Text, Some(Problem::NotANumber))
        );
    }

    #[test]
    fn signed_and_money() {
        assert_eq!(p("-57", ValueKind::Signed), (Value::Int(-57), None));
        assert_eq!(p("－57", ValueKind::Signed), (Value::Int(-57), None));
        assert_eq!(p("＋3", ValueKind::Signed), (Value::Int(3), None));
        let m = parse("172195991.7元", ValueKind::Money);
        assert_eq!(
            (m.value, m.unit.map(Unit::as_str), m.problem),
            (Value::Dec(172195991.7), Some("元"), None)
        );
        let m = parse("7730.28", ValueKind::Amount);
        assert_eq!((m.value, m.unit), (Value::Dec(7730.28), None));
    }
}
