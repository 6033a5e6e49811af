//! An exact running sum (합계) of decimal amounts. Amounts of one scale
//! (whole won, 천원: scale 0) are added as 128-bit integers, several times
//! faster than adding `Decimal`s one by one, above all in WebAssembly; an
//! amount of another scale brings the sum to the larger scale first.
//! Nothing is ever rounded: a sum that does not fit is an error.

use crate::error::{Error, ErrorKind};
use rust_decimal::Decimal;

/// A sum being added up; `None` until a value is added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    mantissa: i128,
    scale: u32,
    given: bool,
}

impl Sum {
    /// Adds a value, when there is one.
    #[inline]
    pub fn add(&mut self, value: Option<Decimal>) -> Result<(), Error> {
        match value {
            Some(value) => self.add_parts(value.mantissa(), value.scale()),
            None => Ok(()),
        }
    }

    /// Adds another sum.
    pub fn add_sum(&mut self, other: &Sum) -> Result<(), Error> {
        if other.given {
            self.add_parts(other.mantissa, other.scale)?;
        }
        Ok(())
    }

    #[inline]
    pub(crate) fn add_parts(&mut self, mut mantissa: i128, scale: u32) -> Result<(), Error> {
        if !self.given {
            *self = Sum {
                mantissa,
                scale,
                given: true,
            };
            return Ok(());
        }
        if scale > self.scale {
            self.mantissa = rescale(self.mantissa, scale - self.scale)?;
            self.scale = scale;
        } else if scale < self.scale {
            mantissa = rescale(mantissa, self.scale - scale)?;
        }
        self.mantissa = self.mantissa.checked_add(mantissa).ok_or_else(overflow)?;
        Ok(())
    }

    /// The sum, exactly; `None` when no value was added.
    pub fn value(&self) -> Result<Option<Decimal>, Error> {
        if !self.given {
            return Ok(None);
        }
        let (mut mantissa, mut scale) = (self.mantissa, self.scale);
        // Trailing zeros after the point may be dropped to fit; nothing else.
        while Decimal::try_from_i128_with_scale(mantissa, scale).is_err()
            && scale > 0
            && mantissa % 10 == 0
        {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal::try_from_i128_with_scale(mantissa, scale)
            .map(Some)
            .map_err(|_| overflow())
    }
}

fn rescale(mantissa: i128, by: u32) -> Result<i128, Error> {
    10i128
        .checked_pow(by)
        .and_then(|factor| mantissa.checked_mul(factor))
        .ok_or_else(overflow)
}

pub(crate) fn overflow() -> Error {
    Error::new(ErrorKind::OutOfRange).with_detail(
        "합계가 28자리를 넘어 정확히 계산할 수 없습니다",
        "a sum exceeds 28 significant digits and cannot be computed exactly",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn sum(values: &[&str]) -> Result<Option<String>, String> {
        let mut sum = Sum::default();
        for v in values {
            sum.add(Some(Decimal::from_str(v).map_err(|e| e.to_string())?))
                .map_err(|e| e.code().to_string())?;
        }
        sum.value()
            .map(|v| v.map(|v| v.to_string()))
            .map_err(|e| e.code().to_string())
    }

    #[test]
    fn adds_exactly_across_scales() {
        assert_eq!(sum(&[]), Ok(None));
        assert_eq!(
            sum(&["41018", "-188", "0.5", "0.25"]),
            Ok(Some("40830.75".into()))
        );
        assert_eq!(sum(&["1.10", "2"]), Ok(Some("3.10".into())));
        // What Decimal adds to the last digit, and one more does not fit.
        let max = Decimal::MAX.to_string();
        assert_eq!(sum(&[&max, "-1", "1"]), Ok(Some(max.clone())));
        assert_eq!(sum(&[&max, "1"]), Err("out_of_range".into()));
        // Intermediate sums may leave the range as long as the total is in it.
        assert_eq!(
            sum(&[&max, &max, &format!("-{max}")]),
            Ok(Some(max.clone()))
        );
    }

    #[test]
    fn agrees_with_decimal_addition() {
        let mut seed = 0x1234_5678_9abc_def1_u64;
        for _ in 0..2000 {
            let mut sum = Sum::default();
            let mut plain = Decimal::ZERO;
            for _ in 0..20 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let value = Decimal::new((seed >> 20) as i64 - (1 << 43), (seed % 4) as u32);
                sum.add(Some(value)).ok();
                plain += value;
            }
            assert_eq!(sum.value().ok().flatten(), Some(plain));
        }
    }
}
