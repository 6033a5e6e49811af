//! Writing amounts the way people read them: Korean units in 만 steps
//! (`1조 2,345억원`), or a chosen display unit with thousands separators
//! (`41,018백만원`), and the exact amount in won for hover and focus.
//! Rounding here is for display only, half up.

use crate::unit::Unit;
use rust_decimal::{Decimal, RoundingStrategy};

/// Groups the integer digits of a decimal string in threes: `1234567.5` →
/// `1,234,567.5`.
pub fn group_thousands(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (integer, fraction) = match digits.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (digits, None),
    };
    let mut grouped = String::with_capacity(text.len() + text.len() / 3);
    for (i, c) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let mut out = format!("{sign}{grouped}");
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// The amount in won of `value` given in `unit` (`None`: won).
pub fn to_won(value: Decimal, unit: Option<Unit>) -> Option<Decimal> {
    value.checked_mul(unit.map_or(Decimal::ONE, Unit::factor))
}

/// The exact amount in won, grouped: `41,018,000,000원`.
pub fn exact_won(value: Decimal, unit: Option<Unit>) -> Option<String> {
    to_won(value, unit).map(|won| format!("{}원", group_thousands(&won.normalize().to_string())))
}

/// The amount in `display` unit, rounded half up to `decimals`:
/// `41,018백만원`.
pub fn in_unit(value: Decimal, unit: Option<Unit>, display: Unit, decimals: u32) -> Option<String> {
    let won = to_won(value, unit)?;
    let shown = won
        .checked_div(display.factor())?
        .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let mut shown = shown;
    if shown.is_zero() {
        shown.set_sign_positive(true);
    }
    Some(format!(
        "{}{}",
        group_thousands(&shown.to_string()),
        display.label_ko()
    ))
}

/// Korean reading in 만 steps, the two largest units, the second rounded
/// half up: `225조 9,413억원`, `410억 1,800만원`, `5,800만원`, `9,800원`.
///
/// ```
/// use yesan::format::korean;
/// use yesan::Unit;
/// use rust_decimal::Decimal;
/// assert_eq!(korean(Decimal::from(225_941_254_764_i64), Some(Unit::Thousand)).as_deref(), Some("225조 9,413억원"));
/// assert_eq!(korean(Decimal::from(41_018), Some(Unit::Million)).as_deref(), Some("410억 1,800만원"));
/// ```
pub fn korean(value: Decimal, unit: Option<Unit>) -> Option<String> {
    let won = to_won(value, unit)?;
    let negative = won.is_sign_negative() && !won.is_zero();
    let magnitude = won.abs();
    let steps = [
        (Decimal::from(1_000_000_000_000_i64), "조"),
        (Decimal::from(100_000_000), "억"),
        (Decimal::from(10_000), "만"),
    ];
    let mut text = String::new();
    for (i, (size, name)) in steps.iter().enumerate() {
        if magnitude < *size {
            continue;
        }
        let next = steps.get(i + 1);
        let (major, minor) = match next {
            Some((next_size, next_name)) => {
                let major = (magnitude / size).trunc();
                let rest = ((magnitude - major * size) / next_size)
                    .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
                // 9,999.5억 rounds up into the next 조.
                let per = size / next_size;
                if rest >= per {
                    (major + Decimal::ONE, None)
                } else if rest.is_zero() {
                    (major, None)
                } else {
                    (
                        major,
                        Some(format!(
                            "{}{}",
                            group_thousands(&rest.to_string()),
                            next_name
                        )),
                    )
                }
            }
            None => (magnitude / size, None),
        };
        let major = major.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        text = format!("{}{name}", group_thousands(&major.to_string()));
        if let Some(minor) = minor {
            text.push(' ');
            text.push_str(&minor);
        }
        text.push('원');
        break;
    }
    if text.is_empty() {
        let whole = magnitude.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        text = format!("{}원", group_thousands(&whole.to_string()));
    }
    Some(if negative { format!("-{text}") } else { text })
}

#[cfg(test)]
mod tests;
