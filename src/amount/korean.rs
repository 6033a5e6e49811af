//! Korean amounts written with their units, as reports print them:
//! `410억 18백만원`, `34조 6,445억원`, `1,234백만원`, `2억 5천만원`,
//! `3,500만원`, `1.5억`. Large numbers step by 만 (10⁴): 만, 억 (10⁸) and
//! 조 (10¹²), each of which 십, 백 and 천 may multiply (백만 = 10⁶,
//! 천억 = 10¹¹); the value is in won.

use rust_decimal::Decimal;

/// The amount in won, where `text` is numbers each followed by a unit in
/// falling order (the last may have none), with or without a final `원`;
/// `None` otherwise. `Some(None)` when the amount leaves the decimal range.
pub(super) fn won(text: &str) -> Option<Option<Decimal>> {
    // Most texts that are not numbers are names: passed over on their
    // first character.
    if !text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '△' | '▲' | 'Δ' | '−'))
    {
        return None;
    }
    let text = text.trim();
    let (negative, text) = match text.strip_prefix(['-', '△', '▲', 'Δ', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let text = text.strip_suffix('원').unwrap_or(text).trim_end();
    let mut rest = text;
    let mut total = Some(Decimal::ZERO);
    let mut last_big: Option<u32> = None;
    let mut any_unit = false;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(rest.len());
        let number = plain(&rest[..digits])?;
        rest = &rest[digits..];
        let (unit, big, used) = unit_at(rest);
        rest = rest[used..].trim_start();
        // Units fall: `410억 18백만`, never `5만 3억`; a number with no
        // unit is the last.
        if last_big.is_some_and(|last| big >= last) || used == 0 && !rest.is_empty() {
            return None;
        }
        last_big = Some(big);
        any_unit |= used > 0;
        total = total.and_then(|t| number.checked_mul(unit).and_then(|v| t.checked_add(v)));
    }
    if !any_unit {
        return None;
    }
    Some(total.map(|t| if negative { -t } else { t }))
}

/// `6,445` or `1.5`: digits with commas grouping by three and at most one
/// decimal point.
fn plain(token: &str) -> Option<Decimal> {
    if token.is_empty() || token.starts_with([',', '.']) || token.ends_with([',', '.']) {
        return None;
    }
    let (whole, fraction) = token.split_once('.').unwrap_or((token, ""));
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = whole.contains(',');
    if grouped && (first.len() > 3 || groups.clone().any(|g| g.len() != 3)) {
        return None;
    }
    if fraction.contains([',', '.']) {
        return None;
    }
    let digits: String = whole.chars().filter(|&c| c != ',').collect();
    let text = if fraction.is_empty() {
        digits
    } else {
        format!("{digits}.{fraction}")
    };
    Decimal::from_str_exact(&text).ok()
}

/// The unit at the start of `text`: its value, the power of 10⁴ of its
/// large part (0 for none, 1 만, 2 억, 3 조), and how many bytes it takes.
fn unit_at(text: &str) -> (Decimal, u32, usize) {
    let mut used = 0;
    let mut small = 1_i64;
    if let Some(c) = text.chars().next() {
        let times = match c {
            '십' => 10,
            '백' => 100,
            '천' => 1_000,
            _ => 1,
        };
        if times > 1 {
            small = times;
            used += c.len_utf8();
        }
    }
    let (big, power) = match text[used..].chars().next() {
        Some('만') => (10_000_i64, 1),
        Some('억') => (100_000_000, 2),
        Some('조') => (1_000_000_000_000, 3),
        _ => (1, 0),
    };
    if power > 0 {
        used += '만'.len_utf8();
    }
    (Decimal::from(small) * Decimal::from(big), power, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Decimal> {
        won(text).flatten()
    }

    #[test]
    fn amounts_written_with_korean_units() {
        for (text, value) in [
            ("410억 18백만원", "41018000000"),
            ("34조 6,445억원", "34644500000000"),
            ("1,234백만원", "1234000000"),
            ("2억 5천만원", "250000000"),
            ("3,500만원", "35000000"),
            ("1.5억", "150000000"),
            ("12조원", "12000000000000"),
            ("3억 5000", "300005000"),
            ("△2억", "-200000000"),
            ("152천원", "152000"),
        ] {
            assert_eq!(
                read(text),
                Some(Decimal::from_str_exact(value).unwrap()),
                "{text}"
            );
        }
    }

    #[test]
    fn other_texts_are_not_amounts() {
        for text in [
            "5만 3억",
            "원",
            "1,234",
            "인건비",
            "3억 5000 2",
            "1,23억",
            "억",
            "10개월",
            "5만원 초과",
        ] {
            assert_eq!(won(text), None, "{text}");
        }
    }
}
