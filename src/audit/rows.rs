//! The rows the audit reads. A table held whole is audited as it was shown
//! (its total and sum rows included); a data file of any size is audited
//! row by row from the budget itself, each value brought back to the unit
//! its column was written in. Every check on these rows is linear: the
//! wholes a share may be of (the grand total, each group it belongs to) are
//! added up once, in one pass, not once per row.

use super::interval::{Interval, Rounding};
use crate::budget::{Budget, ShownRow};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// Where the audited rows come from.
#[derive(Clone, Copy)]
pub enum Rows<'a> {
    /// A small table's rows as shown.
    Shown(&'a [ShownRow]),
    /// Every data row of a budget.
    Data(&'a Budget),
}

impl Rows<'_> {
    pub fn len(&self) -> usize {
        match self {
            Rows::Shown(rows) => rows.len(),
            Rows::Data(budget) => budget.rows(),
        }
    }

    /// The value of `measure` in `row`, in the unit its column is written in.
    pub fn value(&self, row: usize, measure: usize) -> Option<Decimal> {
        match self {
            Rows::Shown(rows) => rows[row].values.get(measure).copied().flatten(),
            Rows::Data(budget) => {
                let m = budget.measures.get(measure)?;
                let value = m.values.get(row)?;
                match m.scale_factor() {
                    scale if scale == Decimal::ONE => Some(value),
                    scale => value.checked_div(scale),
                }
            }
        }
    }

    /// The 1-based line of the row in the input.
    pub fn line(&self, row: usize) -> usize {
        match self {
            Rows::Shown(rows) => rows[row].line,
            Rows::Data(budget) => budget.line(row),
        }
    }

    /// The row reads as a total (only rows as shown can).
    pub fn total(&self, row: usize) -> bool {
        match self {
            Rows::Shown(rows) => rows[row].total,
            Rows::Data(_) => false,
        }
    }
}

/// A data row's name: its path along the default hierarchy.
pub fn data_row_name(budget: &Budget, row: usize) -> String {
    let mut parts: Vec<&str> = budget
        .default_hierarchy()
        .iter()
        .filter_map(|&c| budget.dimension(c))
        .map(|d| d.label(d.id(row)))
        .filter(|label| !label.is_empty())
        .collect();
    parts.dedup();
    parts.join(" › ")
}

/// The wholes a share in a data file may be of, for one amount column: the
/// sum of every row, and the sum of each group along the default hierarchy.
pub struct Wholes {
    levels: Vec<usize>,
    grand: Interval,
    /// The sum of each group, by depth, keyed by a hash of its path.
    groups: Vec<FxHashMap<u64, Interval>>,
}

/// The key of a row's group at each depth: a hash chain of its labels' ids.
fn keys<'a>(budget: &'a Budget, levels: &'a [usize], row: usize) -> impl Iterator<Item = u64> + 'a {
    let mut key = 0u64;
    levels
        .iter()
        .filter_map(|&c| budget.dimension(c))
        .map(move |d| {
            key = key
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .wrapping_add(u64::from(d.id(row)) + 1);
            key
        })
}

impl Wholes {
    /// Adds up `measure` (each shown value as the interval it stands for,
    /// times `scale`) over every row and every group, in one pass.
    pub fn of(rows: Rows<'_>, measure: usize, scale: Decimal) -> Wholes {
        let budget = match rows {
            Rows::Data(budget) => Some(budget),
            Rows::Shown(_) => None,
        };
        let levels = budget.map(Budget::default_hierarchy).unwrap_or_default();
        let mut wholes = Wholes {
            groups: vec![FxHashMap::default(); levels.len()],
            levels,
            grand: Interval::point(Decimal::ZERO),
        };
        for row in (0..rows.len()).filter(|&r| !rows.total(r)) {
            let Some(amount) = rows
                .value(row, measure)
                .and_then(|v| Interval::shown(v, Rounding::Round)?.scale(scale))
            else {
                continue;
            };
            wholes.grand = wholes.grand.checked_add(amount).unwrap_or(wholes.grand);
            let Some(budget) = budget else { continue };
            for (depth, key) in keys(budget, &wholes.levels, row).enumerate() {
                let sum = wholes.groups[depth]
                    .entry(key)
                    .or_insert(Interval::point(Decimal::ZERO));
                *sum = sum.checked_add(amount).unwrap_or(*sum);
            }
        }
        wholes
    }

    /// The wholes of a row's share: the grand total, then the groups it is
    /// in, outermost first (a data file's rows only).
    pub fn of_row(&self, rows: Rows<'_>, row: usize) -> Vec<Interval> {
        let mut wholes = vec![self.grand];
        if let Rows::Data(budget) = rows {
            wholes.extend(
                keys(budget, &self.levels, row)
                    .zip(&self.groups)
                    .filter_map(|(key, groups)| groups.get(&key).copied()),
            );
        }
        wholes
    }
}
