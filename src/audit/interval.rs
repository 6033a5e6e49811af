//! Interval arithmetic over exact decimals. A shown amount `41,018` stands
//! for every exact value that rounds to it, [41,017.5, 41,018.5]; sums and
//! ratios of such intervals bound what the exact figures could give.

use rust_decimal::Decimal;

/// A closed interval `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: Decimal,
    pub high: Decimal,
}

/// How a table turned exact figures into shown ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Half up to the last shown digit: `45.566` → `45.6`.
    Round,
    /// Cut after the last shown digit: `−45.566` → `−45`.
    Truncate,
}

impl Interval {
    pub fn point(value: Decimal) -> Interval {
        Interval {
            low: value,
            high: value,
        }
    }

    /// The exact values that show as `value` under `rounding`, at the
    /// precision `value` is written with; `None` at the edge of the range.
    pub fn shown(value: Decimal, rounding: Rounding) -> Option<Interval> {
        let unit = Decimal::new(1, value.scale());
        Some(match rounding {
            Rounding::Round => {
                let half = Decimal::new(5, (value.scale() + 1).min(28));
                Interval {
                    low: value.checked_sub(half)?,
                    high: value.checked_add(half)?,
                }
            }
            Rounding::Truncate if value.is_sign_negative() => Interval {
                low: value.checked_sub(unit)?,
                high: value,
            },
            Rounding::Truncate => Interval {
                low: value,
                high: value.checked_add(unit)?,
            },
        })
    }

    pub fn checked_add(self, other: Interval) -> Option<Interval> {
        Some(Interval {
            low: self.low.checked_add(other.low)?,
            high: self.high.checked_add(other.high)?,
        })
    }

    pub fn checked_sub(self, other: Interval) -> Option<Interval> {
        Some(Interval {
            low: self.low.checked_sub(other.high)?,
            high: self.high.checked_sub(other.low)?,
        })
    }

    /// Multiplies by a constant.
    pub fn scale(self, factor: Decimal) -> Option<Interval> {
        let a = self.low.checked_mul(factor)?;
        let b = self.high.checked_mul(factor)?;
        Some(Interval {
            low: a.min(b),
            high: a.max(b),
        })
    }

    /// `self / other × 100`; `None` when `other` may be zero.
    pub fn percent_of(self, other: Interval) -> Option<Interval> {
        if other.contains(Decimal::ZERO) {
            return None;
        }
        let mut low = None::<Decimal>;
        let mut high = None::<Decimal>;
        for a in [self.low, self.high] {
            for b in [other.low, other.high] {
                let q = a.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(b)?;
                low = Some(low.map_or(q, |l| l.min(q)));
                high = Some(high.map_or(q, |h| h.max(q)));
            }
        }
        Some(Interval {
            low: low?,
            high: high?,
        })
    }

    pub fn contains(self, value: Decimal) -> bool {
        self.low <= value && value <= self.high
    }

    pub fn meets(self, other: Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }

    pub fn middle(self) -> Decimal {
        (self.low + self.high) / Decimal::TWO
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap_or_default()
    }

    #[test]
    fn shown_values_stand_for_what_rounds_to_them() {
        let rounded =
            Interval::shown(d("53.07"), Rounding::Round).unwrap_or(Interval::point(Decimal::ZERO));
        assert_eq!((rounded.low, rounded.high), (d("53.065"), d("53.075")));
        let truncated =
            Interval::shown(d("-45"), Rounding::Truncate).unwrap_or(Interval::point(Decimal::ZERO));
        assert_eq!((truncated.low, truncated.high), (d("-46"), d("-45")));
    }

    #[test]
    fn the_4_5_percent_share_of_001_is_impossible() {
        let shown = |text: &str| {
            Interval::shown(d(text), Rounding::Round).unwrap_or(Interval::point(Decimal::ZERO))
        };
        let share = shown("188")
            .percent_of(shown("41018"))
            .unwrap_or(Interval::point(Decimal::ZERO));
        assert!(share.high < d("0.461") && share.low > d("0.457"));
        assert!(!share.meets(shown("4.5")));
    }

    #[test]
    fn division_by_an_interval_around_zero_is_refused() {
        let zero =
            Interval::shown(d("0"), Rounding::Round).unwrap_or(Interval::point(Decimal::ONE));
        assert_eq!(Interval::point(d("1")).percent_of(zero), None);
        assert_eq!(Interval::shown(Decimal::MAX, Rounding::Round), None);
    }
}
