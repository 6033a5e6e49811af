//! A later part's rows as one value that can cross a thread or a Web
//! Worker: each dimension's labels and ids, each measure's values, the
//! lines, warnings and their counts, the notations, total rows and rows as
//! shown, everything the builder of the whole file absorbs
//! ([`BudgetBuilder::absorb`]). Between Web Workers it travels as bytes
//! (postcard), read back with every length and id checked, so that a part
//! that does not fit the plan is refused, never merged.

use super::notations::Notations;
use super::BudgetBuilder;
use crate::budget::{ShownRow, Warning};
use crate::import::totals::TotalRow;
use crate::values::Values;
use serde::{Deserialize, Serialize};

/// The warnings a row can raise while a part is read (the others are
/// raised once, at the head or at the end, by the builder of the whole).
const ROW_WARNINGS: [&str; 2] = ["note_row", "count_row"];

/// A dimension's labels, in the order first seen, and each row's id.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct WireDimension {
    pub labels: Vec<String>,
    #[serde(with = "crate::values::le_u32")]
    pub ids: Vec<u32>,
}

/// A warning's code, as the builder keeps it. It travels as its text, and
/// is read back only if it is one a row can raise (else the part is
/// refused, and the file read in one go).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Code(pub &'static str);

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let text = <&str>::deserialize(d)?;
        ROW_WARNINGS
            .iter()
            .find(|&&known| known == text)
            .map(|&known| Code(known))
            .ok_or_else(|| serde::de::Error::custom("a warning no row raises"))
    }
}

/// A warning as it travels: code, row, column, Korean, English.
pub(crate) type WireWarning = (Code, Option<usize>, Option<usize>, String, String);

/// A part's rows, as its builder read them.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PartRows {
    /// Each dimension's labels, in the order first seen, and each row's id.
    pub dimensions: Vec<WireDimension>,
    pub values: Vec<Values>,
    #[serde(with = "crate::values::le_u32")]
    pub lines: Vec<u32>,
    pub warnings: Vec<WireWarning>,
    pub counts: Vec<(Code, usize)>,
    pub notations: Notations,
    pub total_rows: Vec<TotalRow>,
    pub shown: Vec<ShownRow>,
}

impl PartRows {
    /// The bytes of the part.
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        postcard::to_allocvec(self).ok()
    }

    /// A part from its bytes, if they are one that fits a plan of
    /// `dimensions` and `measures` columns.
    pub fn from_bytes(bytes: &[u8], dimensions: usize, measures: usize) -> Option<PartRows> {
        let part: PartRows = postcard::from_bytes(bytes).ok()?;
        let rows = part.lines.len();
        let fits = part.dimensions.len() == dimensions
            && part.values.len() == measures
            && part.dimensions.iter().all(|d| {
                d.ids.len() == rows && d.ids.iter().all(|&id| (id as usize) < d.labels.len())
            })
            && part.values.iter().all(|v| v.len() == rows);
        fits.then_some(part)
    }
}

impl BudgetBuilder {
    /// This part's rows, to be absorbed by the builder of the whole file.
    pub(crate) fn into_rows(self) -> PartRows {
        let warning = |w: Warning| (Code(w.code), w.row, w.column, w.message_ko, w.message_en);
        PartRows {
            dimensions: self
                .budget
                .dimensions
                .into_iter()
                .map(|d| {
                    let (labels, ids) = d.into_parts();
                    WireDimension { labels, ids }
                })
                .collect(),
            values: self.budget.measures.into_iter().map(|m| m.values).collect(),
            lines: self.budget.lines,
            warnings: self.budget.warnings.into_iter().map(warning).collect(),
            counts: self
                .warning_counts
                .into_iter()
                .map(|(code, count)| (Code(code), count))
                .collect(),
            notations: self.notations.into_inner(),
            total_rows: self.total_rows,
            shown: self.shown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(code: &'static str) -> PartRows {
        let mut values = Values::default();
        values.push(Some(rust_decimal::Decimal::new(12345, 1)));
        PartRows {
            dimensions: vec![WireDimension {
                labels: vec!["가".into()],
                ids: vec![0],
            }],
            values: vec![values],
            lines: vec![7],
            warnings: vec![(Code(code), Some(7), None, "주".into(), "note".into())],
            counts: vec![(Code(code), 1)],
            notations: Notations::default(),
            total_rows: Vec::new(),
            shown: Vec::new(),
        }
    }

    #[test]
    fn a_part_crosses_as_bytes_with_a_row_warning_and_is_refused_with_another() {
        let known = part("note_row");
        let back =
            PartRows::from_bytes(&known.to_bytes().unwrap_or_default(), 1, 1).expect("a part");
        assert_eq!(back.warnings[0].0, Code("note_row"));
        assert_eq!(
            back.values[0].get(0),
            Some(rust_decimal::Decimal::new(12345, 1))
        );
        assert_eq!(
            (back.lines, back.dimensions[0].ids.clone()),
            (vec![7], vec![0])
        );
        // A code no row raises, or a plan of other columns: refused.
        assert!(
            PartRows::from_bytes(&part("total_row").to_bytes().unwrap_or_default(), 1, 1).is_none()
        );
        assert!(PartRows::from_bytes(&known.to_bytes().unwrap_or_default(), 2, 1).is_none());
    }
}
