//! The budget model: its columns as understood, the dimension values of
//! every row (interned), and every amount and rate, exact. It knows nothing
//! of how it was read: the importers in [`crate::import`] build it.

use crate::columns::{Column, ColumnKind};
pub use crate::source::Source;
use crate::unit::Unit;
use crate::values::Values;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A parsed budget, ready to be rolled up again and again by any dimensions
/// without re-reading the file.
#[derive(Debug, Clone)]
pub struct Budget {
    pub(crate) columns: Vec<Column>,
    pub(crate) dimensions: Vec<Dimension>,
    pub(crate) measures: Vec<Measure>,
    pub(crate) lines: Vec<u32>,
    pub(crate) unit: Option<Unit>,
    pub(crate) source: Source,
    pub(crate) warnings: Vec<Warning>,
    /// A small table's rows as shown, with its rebuilt tree, for the audit.
    pub(crate) structure: Option<Structure>,
    /// The hierarchy was rebuilt: a row's path ends at its first empty level.
    pub(crate) ragged: bool,
    /// The columns that split the budget at the top (side, year): nothing
    /// adds two of their values together.
    pub(crate) split: Vec<usize>,
    /// The total rows of the file, compared with the rows they sum.
    pub(crate) total_checks: Vec<TotalCheck>,
    /// The currency of the amounts (ISO 4217), when anything states it.
    pub(crate) currency: Option<String>,
}

/// A total row's published amount and the sum of the rows it totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalCheck {
    /// 1-based line of the total row, and its label.
    pub line: usize,
    pub label: String,
    /// The amount column (0-based index).
    pub column: usize,
    pub shown: Decimal,
    pub sum: Decimal,
}

/// One row of a small table as it was shown: its dimension cells, its
/// values as written (in each column's own unit, before conversion) and
/// whether its name reads as a total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownRow {
    pub line: usize,
    pub dims: Vec<String>,
    #[serde(with = "crate::values::decimals")]
    pub values: Vec<Option<Decimal>>,
    /// Its name reads as a total (합계, 계, 소계): never counted as an item.
    pub total: bool,
    /// Its name or mark (bold, ○) suggests it may be the sum of rows below.
    pub hint: bool,
}

/// The rows of a small table as shown, and the tree rebuilt from their sums
/// (`None` when the table's hierarchy is in its columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structure {
    pub rows: Vec<ShownRow>,
    pub tree: Option<crate::hierarchy::Tree>,
    /// The dimension (index into the budget's dimensions) naming the rows.
    pub name_dimension: Option<usize>,
}

/// The values of one dimension column, interned: `ids[row]` indexes `labels`.
#[derive(Debug, Clone)]
pub struct Dimension {
    pub column: usize,
    labels: Vec<String>,
    ids: Vec<u32>,
    /// The ids by the hash of their label, each label held once (in
    /// `labels`). FxHash: these keys are the user's own cells, hashed
    /// millions of times; flooding them only slows the user's own tab.
    lookup: hashbrown::HashTable<u32>,
}

/// Two labels' bytes are the same, compared eight at a time (in WASM,
/// `memcmp` goes byte by byte).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tails = a8.remainder() == b8.remainder();
    tails
        && a8.zip(b8).all(|(x, y)| {
            u64::from_ne_bytes(x.try_into().unwrap_or_default())
                == u64::from_ne_bytes(y.try_into().unwrap_or_default())
        })
}

#[inline]
fn hash(label: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(label)
}

impl Dimension {
    pub(crate) fn new(column: usize) -> Dimension {
        Dimension {
            column,
            labels: Vec::new(),
            ids: Vec::new(),
            lookup: hashbrown::HashTable::new(),
        }
    }

    /// Adds a row's value; `true` when the value is new to the column.
    pub(crate) fn push(&mut self, value: &str) -> bool {
        // Budget files are usually sorted by their hierarchy: most cells
        // repeat the one above, and need no hashing.
        let bytes = value.as_bytes();
        if let Some(&last) = self.ids.last() {
            if self
                .labels
                .get(last as usize)
                .is_some_and(|label| same(label.as_bytes(), bytes))
            {
                self.ids.push(last);
                return false;
            }
        }
        let (id, new) = self.intern(value);
        self.ids.push(id);
        new
    }

    /// The id of a value, given a new one if no row had it yet; `true` when new.
    fn intern(&mut self, value: &str) -> (u32, bool) {
        let bytes = value.as_bytes();
        let labels = &self.labels;
        let hashed = hash(bytes);
        let found = self
            .lookup
            .find(hashed, |&id| same(labels[id as usize].as_bytes(), bytes));
        if let Some(&id) = found {
            return (id, false);
        }
        let id = u32::try_from(self.labels.len()).unwrap_or(u32::MAX);
        self.labels.push(value.to_string());
        let labels = &self.labels;
        self.lookup
            .insert_unique(hashed, id, |&id| hash(labels[id as usize].as_bytes()));
        (id, true)
    }

    /// Makes room for `rows` more rows.
    pub(crate) fn reserve(&mut self, rows: usize) {
        self.ids.reserve(rows);
    }

    /// The labels and each row's label id, to be absorbed by the column's
    /// dimension for the whole file (see [`Dimension::absorb`]).
    pub(crate) fn into_parts(self) -> (Vec<String>, Vec<u32>) {
        (self.labels, self.ids)
    }

    /// Adds the rows of a later part of the file (its labels, and each
    /// row's id into them, checked to be in range) after these: its labels
    /// are interned here in the order they first appear in it, so that
    /// every id is what reading the parts one after the other would give.
    pub(crate) fn absorb(&mut self, labels: &[String], ids: &[u32]) {
        let here: Vec<u32> = labels.iter().map(|label| self.intern(label).0).collect();
        self.ids.reserve(ids.len());
        self.ids.extend(
            ids.iter()
                .map(|&id| here.get(id as usize).copied().unwrap_or_default()),
        );
    }

    /// The id of a value, if any row has it.
    pub fn find(&self, label: &str) -> Option<u32> {
        let labels = &self.labels;
        self.lookup
            .find(hash(label.as_bytes()), |&id| {
                same(labels[id as usize].as_bytes(), label.as_bytes())
            })
            .copied()
    }

    /// The id of a value written with other capitals (`CAPÍTULO 1` for
    /// `Capítulo 1`), looking at every value: for the few labels of totals.
    pub fn find_folded(&self, label: &str) -> Option<u32> {
        let folded = label.to_lowercase();
        self.labels
            .iter()
            .position(|l| l.to_lowercase() == folded)
            .and_then(|i| u32::try_from(i).ok())
    }

    /// Every row's value id, in row order.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The id of the value in `row`.
    pub fn id(&self, row: usize) -> u32 {
        self.ids[row]
    }

    /// The text of a value id.
    pub fn label(&self, id: u32) -> &str {
        self.labels.get(id as usize).map_or("", String::as_str)
    }

    /// How many distinct values the column has.
    pub fn distinct(&self) -> usize {
        self.labels.len()
    }
}

/// The values of one amount or rate column; `None` is "not given".
#[derive(Debug, Clone)]
pub struct Measure {
    pub column: usize,
    pub values: Values,
    /// What a value is multiplied by to reach the budget's unit.
    pub(crate) scale: Decimal,
}

impl Measure {
    pub(crate) fn new(column: usize, scale: Decimal) -> Measure {
        Measure {
            column,
            values: Values::default(),
            scale,
        }
    }

    /// What a shown value is multiplied by to reach the budget's unit.
    pub fn scale_factor(&self) -> Decimal {
        self.scale
    }
}

/// Something the reader noticed and the user should know, with the row and
/// column it is about. Nothing is ever left out without a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: &'static str,
    pub row: Option<usize>,
    pub column: Option<usize>,
    pub message_ko: String,
    pub message_en: String,
}

/// At most this many warnings of one code are listed; the rest are counted.
pub(crate) const WARNINGS_PER_CODE: usize = 50;

impl Budget {
    /// The columns, in file order, as understood.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// Number of data rows (total rows and notes are not data rows).
    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    /// The columns that split the budget at the top (side, then year).
    pub fn split(&self) -> &[usize] {
        &self.split
    }

    /// The currency of the amounts (ISO 4217: `KRW`, `USD`), when the caller,
    /// a caption, a header or the cells state it, or the file is Korean.
    pub fn currency(&self) -> Option<&str> {
        self.currency.as_deref()
    }

    /// The unit all amounts are in, when the table states one.
    pub fn unit(&self) -> Option<Unit> {
        self.unit
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Adds a warning about the whole file (no row), such as how a
    /// spreadsheet was read.
    pub(crate) fn note(&mut self, code: &'static str, message_ko: String, message_en: String) {
        self.warnings.push(Warning {
            code,
            row: None,
            column: None,
            message_ko,
            message_en,
        });
    }

    /// 1-based line of the file that data row `row` came from.
    pub fn line(&self, row: usize) -> usize {
        self.lines[row] as usize
    }

    /// The dimension stored for a column, if it is a dimension or year column.
    pub fn dimension(&self, column: usize) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.column == column)
    }

    /// A budget with the same columns and plan and no rows yet: a part of
    /// the file read on another thread, merged later (`Budget::absorb`).
    pub(crate) fn empty_like(&self) -> Budget {
        Budget {
            columns: self.columns.clone(),
            dimensions: self
                .dimensions
                .iter()
                .map(|d| Dimension::new(d.column))
                .collect(),
            measures: self
                .measures
                .iter()
                .map(|m| Measure::new(m.column, m.scale))
                .collect(),
            lines: Vec::new(),
            unit: self.unit,
            source: self.source.clone(),
            warnings: Vec::new(),
            structure: None,
            ragged: self.ragged,
            split: self.split.clone(),
            total_checks: Vec::new(),
            currency: self.currency.clone(),
        }
    }

    /// The values of an amount or rate column.
    pub fn measure(&self, column: usize) -> Option<&Measure> {
        self.measures.iter().find(|m| m.column == column)
    }

    /// Amount columns, in file order.
    pub fn amount_columns(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.kind == ColumnKind::Amount)
    }

    /// A shown row's label: its name cell when one column names the rows,
    /// else its filled hierarchy cells (`신속행정담당관 › 기본경비`, a
    /// repeated name once).
    pub fn label_of(&self, row: &ShownRow, names: Option<usize>) -> String {
        if let Some(name) = names
            .and_then(|d| row.dims.get(d))
            .filter(|n| !n.is_empty())
        {
            return name.clone();
        }
        let mut parts: Vec<&str> = self
            .dimensions
            .iter()
            .zip(&row.dims)
            .filter(|(d, value)| self.columns[d.column].hierarchy && !value.is_empty())
            .map(|(_, value)| value.as_str())
            .collect();
        parts.dedup();
        parts.join(" › ")
    }

    /// The split columns, then the hierarchy columns in the order they nest;
    /// a table with neither but a year column (a settlement history) is
    /// rolled up by year.
    pub fn default_hierarchy(&self) -> Vec<usize> {
        let levels = crate::columns::levels(&self.columns);
        let mut by: Vec<usize> = self.split.clone();
        by.extend(levels.into_iter().filter(|c| !self.split.contains(c)));
        if by.is_empty() {
            by = self
                .columns
                .iter()
                .filter(|c| c.kind == ColumnKind::Year)
                .map(|c| c.index)
                .collect();
        }
        by
    }

    /// Finds a column by its name.
    pub fn column_named(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_labels_as_bytes() {
        for (a, b) in [
            ("", ""),
            ("총무과", "총무과"),
            ("세부사업 4051", "세부사업 4052"),
            ("a", "ab"),
        ] {
            assert_eq!(same(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
        }
    }
}
