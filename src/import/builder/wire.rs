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

/// A warning as it travels: code, row, column, Korean, English.
pub(crate) type WireWarning = (String, Option<usize>, Option<usize>, String, String);

/// A part's rows, as its builder read them.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PartRows {
    /// Each dimension's labels, in the order first seen, and each row's id.
    pub dimensions: Vec<WireDimension>,
    pub values: Vec<Values>,
    #[serde(with = "crate::values::le_u32")]
    pub lines: Vec<u32>,
    pub warnings: Vec<WireWarning>,
    pub counts: Vec<(String, usize)>,
    pub notations: Notations,
    pub total_rows: Vec<TotalRow>,
    pub shown: Vec<ShownRow>,
}

impl PartRows {
    /// The bytes of the part, or none when it holds a warning the wire
    /// does not know (the file is then read whole instead).
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        let known = |code: &str| ROW_WARNINGS.contains(&code);
        let codes_known = self.warnings.iter().all(|w| known(&w.0))
            && self.counts.iter().all(|(code, _)| known(code));
        codes_known
            .then(|| postcard::to_allocvec(self).ok())
            .flatten()
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
            && part.values.iter().all(|v| v.len() == rows)
            && part
                .warnings
                .iter()
                .all(|w| ROW_WARNINGS.contains(&w.0.as_str()))
            && part
                .counts
                .iter()
                .all(|(code, _)| ROW_WARNINGS.contains(&code.as_str()));
        fits.then_some(part)
    }

    /// A warning's code as the builder keeps it.
    pub fn code(code: &str) -> &'static str {
        ROW_WARNINGS
            .iter()
            .find(|&&known| known == code)
            .copied()
            .unwrap_or("note_row")
    }
}

impl BudgetBuilder {
    /// This part's rows, to be absorbed by the builder of the whole file.
    pub(crate) fn into_rows(self) -> PartRows {
        let warning = |w: Warning| {
            (
                w.code.to_string(),
                w.row,
                w.column,
                w.message_ko,
                w.message_en,
            )
        };
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
                .map(|(code, count)| (code.to_string(), count))
                .collect(),
            notations: self.notations.into_inner(),
            total_rows: self.total_rows,
            shown: self.shown,
        }
    }
}
