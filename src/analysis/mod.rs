//! The analyses, one per file, all in exact decimal arithmetic: totals,
//! the rollup along a hierarchy, growth between two amounts, execution.
//! Nothing here rounds; rounding happens only in [`crate::report`].

pub mod codes;
pub mod execution;
pub mod groups;
pub mod growth;
pub mod rollup;
pub mod sum;
pub mod totals;

use rust_decimal::Decimal;

/// `part / whole × 100`, or `None` when `whole` is zero.
///
/// ```
/// use yesan::analysis::percent;
/// use rust_decimal::Decimal;
/// assert_eq!(percent(Decimal::from(188), Decimal::from(41_018)).map(|p| p.round_dp(2)),
///            Some(Decimal::new(46, 2)));
/// ```
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    // Multiplying first keeps more significant digits; divide first only
    // when the product would not fit.
    match part.checked_mul(Decimal::ONE_HUNDRED) {
        Some(scaled) => scaled.checked_div(whole),
        None => part.checked_div(whole)?.checked_mul(Decimal::ONE_HUNDRED),
    }
}
