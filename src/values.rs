//! The values of one amount or rate column, stored compactly. While every
//! value is a whole number of the column's one scale that fits in 63 bits
//! (the usual case: amounts in won or 천원), a value takes 8 bytes, and
//! adds up as an integer; a value that does not fit turns the column into
//! `Option<Decimal>`s (20 bytes each). Either way every value reads back
//! exactly as it was put in.

use crate::analysis::sum::Sum;
use crate::error::Error;
use rust_decimal::Decimal;

/// "Not given" in a compact column.
const NONE: i64 = i64::MIN;

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Values {
    /// Mantissas of one scale; `i64::MIN` for a value not given.
    Compact {
        scale: Option<u32>,
        #[serde(with = "le_i64")]
        mantissas: Vec<i64>,
    },
    Full(#[serde(with = "decimals")] Vec<Option<Decimal>>),
}

/// Whole numbers as they cross to another Web Worker: one run of
/// little-endian bytes, written and read back at memory speed (a wire
/// format's variable-length numbers take a branch per byte).
macro_rules! little_endian {
    ($name:ident, $int:ty) => {
        pub(crate) mod $name {
            use serde::de::{Error, Visitor};
            use serde::{Deserializer, Serializer};

            const SIZE: usize = std::mem::size_of::<$int>();

            pub fn serialize<S: Serializer>(values: &[$int], s: S) -> Result<S::Ok, S::Error> {
                let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
                s.serialize_bytes(&bytes)
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<$int>, D::Error> {
                d.deserialize_bytes(Bytes)
            }

            struct Bytes;

            impl<'de> Visitor<'de> for Bytes {
                type Value = Vec<$int>;

                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("little-endian whole numbers")
                }

                fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<$int>, E> {
                    if bytes.len() % SIZE != 0 {
                        return Err(E::custom("a partial number"));
                    }
                    Ok(bytes
                        .chunks_exact(SIZE)
                        .map(|c| <$int>::from_le_bytes(c.try_into().unwrap_or_default()))
                        .collect())
                }
            }
        }
    };
}

little_endian!(le_i64, i64);
little_endian!(le_u32, u32);

/// Values as they cross to another Web Worker: each decimal as its 16
/// bytes (`Decimal::serialize`), exact, in a form compact wire formats
/// read back (rust_decimal's own serde form asks the format for its type).
pub(crate) mod decimals {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(values: &[Option<Decimal>], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<Option<[u8; 16]>> =
            values.iter().map(|v| v.map(|d| d.serialize())).collect();
        bytes.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<Decimal>>, D::Error> {
        let bytes: Vec<Option<[u8; 16]>> = Vec::deserialize(d)?;
        Ok(bytes
            .into_iter()
            .map(|v| v.map(Decimal::deserialize))
            .collect())
    }
}

impl Default for Values {
    fn default() -> Values {
        Values::Compact {
            scale: None,
            mantissas: Vec::new(),
        }
    }
}

impl Values {
    pub fn len(&self) -> usize {
        match self {
            Values::Compact { mantissas, .. } => mantissas.len(),
            Values::Full(values) => values.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn reserve(&mut self, additional: usize) {
        match self {
            Values::Compact { mantissas, .. } => mantissas.reserve(additional),
            Values::Full(values) => values.reserve(additional),
        }
    }

    #[inline]
    pub fn push(&mut self, value: Option<Decimal>) {
        if let Values::Compact { scale, mantissas } = self {
            let Some(value) = value else {
                mantissas.push(NONE);
                return;
            };
            let fits = i64::try_from(value.mantissa())
                .ok()
                .filter(|&m| m != NONE && !(m == 0 && value.is_sign_negative()));
            match (fits, *scale) {
                (Some(m), Some(s)) if s == value.scale() => {
                    mantissas.push(m);
                    return;
                }
                (Some(m), None) => {
                    *scale = Some(value.scale());
                    mantissas.push(m);
                    return;
                }
                _ => self.widen(),
            }
        }
        if let Values::Full(values) = self {
            values.push(value);
        }
    }

    /// Adds `other`'s values after these, as if pushed one by one (a part
    /// of the file read on another thread, in its place).
    pub fn append(&mut self, other: &Values) {
        if let (
            Values::Compact { scale, mantissas },
            Values::Compact {
                scale: theirs,
                mantissas: more,
            },
        ) = (&mut *self, other)
        {
            if scale.is_none() || theirs.is_none() || scale == theirs {
                *scale = scale.or(*theirs);
                mantissas.extend_from_slice(more);
                return;
            }
        }
        self.reserve(other.len());
        for value in other.iter() {
            self.push(value);
        }
    }

    /// Turns a compact column into a full one.
    fn widen(&mut self) {
        let full = (0..self.len()).map(|row| self.get(row)).collect();
        *self = Values::Full(full);
    }

    /// The value of `row`, exactly as it was put in.
    #[inline]
    pub fn get(&self, row: usize) -> Option<Decimal> {
        match self {
            Values::Compact { scale, mantissas } => match mantissas.get(row) {
                Some(&m) if m != NONE => Some(Decimal::new(m, scale.unwrap_or(0))),
                _ => None,
            },
            Values::Full(values) => values.get(row).copied().flatten(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Option<Decimal>> + '_ {
        (0..self.len()).map(|row| self.get(row))
    }

    /// Adds the value of `row` to `sum`.
    #[inline]
    pub fn add_to(&self, row: usize, sum: &mut Sum) -> Result<(), Error> {
        match self {
            Values::Compact { scale, mantissas } => match mantissas.get(row) {
                Some(&m) if m != NONE => sum.add_parts(i128::from(m), scale.unwrap_or(0)),
                _ => Ok(()),
            },
            Values::Full(values) => sum.add(values.get(row).copied().flatten()),
        }
    }

    /// Each of `groups` groups' sum and count of values given, `of_row`
    /// naming each row's group (below `groups`). One pass over the column;
    /// a compact column's mantissas are added as 128-bit integers (no
    /// budget has the 2⁶⁴ rows that could overflow them) and made a [`Sum`]
    /// once per group.
    pub fn sums_by(&self, of_row: &[u32], groups: usize) -> Result<Vec<(Sum, usize)>, Error> {
        match self {
            Values::Compact { scale, mantissas } => {
                let mut totals = vec![(0i128, 0usize); groups];
                for (&m, &group) in mantissas.iter().zip(of_row) {
                    if let Some(total) = totals.get_mut(group as usize).filter(|_| m != NONE) {
                        total.0 += i128::from(m);
                        total.1 += 1;
                    }
                }
                totals
                    .into_iter()
                    .map(|(total, given)| {
                        let mut sum = Sum::default();
                        if given > 0 {
                            sum.add_parts(total, scale.unwrap_or(0))?;
                        }
                        Ok((sum, given))
                    })
                    .collect()
            }
            Values::Full(values) => {
                let mut sums = vec![(Sum::default(), 0usize); groups];
                for (value, &group) in values.iter().zip(of_row) {
                    if let Some(sum) = sums.get_mut(group as usize).filter(|_| value.is_some()) {
                        sum.0.add(*value)?;
                        sum.1 += 1;
                    }
                }
                Ok(sums)
            }
        }
    }

    /// The sum of the whole column and its count of values given.
    pub fn total(&self) -> Result<(Sum, usize), Error> {
        let mut sum = Sum::default();
        for row in 0..self.len() {
            self.add_to(row, &mut sum)?;
        }
        Ok((sum, self.given()))
    }

    /// How many values are given.
    pub fn given(&self) -> usize {
        match self {
            Values::Compact { mantissas, .. } => mantissas.iter().filter(|&&m| m != NONE).count(),
            Values::Full(values) => values.iter().filter(|v| v.is_some()).count(),
        }
    }
}

impl FromIterator<Option<Decimal>> for Values {
    fn from_iter<I: IntoIterator<Item = Option<Decimal>>>(iter: I) -> Values {
        let mut values = Values::default();
        for value in iter {
            values.push(value);
        }
        values
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn decimal(text: &str) -> Option<Decimal> {
        Decimal::from_str(text).ok()
    }

    #[test]
    fn every_value_reads_back_as_it_was_put_in() {
        let cases: [&[&str]; 4] = [
            &["41018", "", "-188", "0"],
            &["1.10", "2.25", "", "-0.01"],
            // A second scale, a mantissa beyond 63 bits, a negative zero.
            &["100", "54.8", "", "7"],
            &["1", "79228162514264337593543950", "-0", ""],
        ];
        for case in cases {
            let given: Vec<Option<Decimal>> = case.iter().map(|t| decimal(t)).collect();
            let values: Values = given.iter().copied().collect();
            let back: Vec<Option<Decimal>> = values.iter().collect();
            assert_eq!(back.len(), given.len());
            for (b, g) in back.iter().zip(&given) {
                // Same number and same scale: the same text.
                assert_eq!(b.map(|d| d.to_string()), g.map(|d| d.to_string()));
            }
            assert_eq!(values.given(), given.iter().flatten().count());
            let mut sum = Sum::default();
            for row in 0..values.len() {
                values.add_to(row, &mut sum).ok();
            }
            let plain = given.iter().flatten().fold(Decimal::ZERO, |a, b| a + b);
            assert_eq!(sum.value().ok().flatten().unwrap_or_default(), plain);
        }
        assert!(matches!(
            [decimal("41018"), None].into_iter().collect::<Values>(),
            Values::Compact { .. }
        ));
    }
}
