//! Grand totals per amount column (합계), of the whole budget or of each
//! part a split column (세입/세출, a year) cuts it into.

use super::sum::Sum;
use crate::budget::Budget;
use crate::columns::ColumnKind;
use crate::error::Error;
use rust_decimal::Decimal;

/// The total of one amount column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    /// 0-based column index.
    pub column: usize,
    /// Sum of the given values; `None` when no row gives a value.
    pub value: Option<Decimal>,
    /// Rows with a value, and rows where it is "not given".
    pub given: usize,
    pub missing: usize,
}

/// Totals of every amount column, in column order; `Err` when a sum leaves
/// rust_decimal's range.
pub fn totals(budget: &Budget) -> Result<Vec<Total>, Error> {
    budget
        .measures
        .iter()
        .filter(|m| budget.columns[m.column].kind == ColumnKind::Amount)
        .map(|measure| {
            let mut sum = Sum::default();
            for row in 0..measure.values.len() {
                measure.values.add_to(row, &mut sum)?;
            }
            let given = measure.values.given();
            Ok(Total {
                column: measure.column,
                value: sum.value()?,
                given,
                missing: measure.values.len() - given,
            })
        })
        .collect()
}

/// One part of a split budget: its labels, outermost first, and its totals.
pub type PartTotals = (Vec<String>, Vec<Total>);

/// A part while it is added up: its labels' ids, each column's sum and
/// count of given values, and its rows.
type Tally = (Vec<u32>, Vec<(Sum, usize)>, usize);

/// Totals of every amount column for each part of the budget that the
/// `split` columns cut it into: the part's labels, outermost first, and its
/// totals, in the order the parts first appear. One pass over the rows.
pub fn totals_by(budget: &Budget, split: &[usize]) -> Result<Vec<PartTotals>, Error> {
    let dimensions: Vec<_> = split.iter().filter_map(|&c| budget.dimension(c)).collect();
    let amounts: Vec<_> = budget
        .measures
        .iter()
        .filter(|m| budget.columns[m.column].kind == ColumnKind::Amount)
        .collect();
    let mut parts: Vec<Tally> = Vec::new();
    let mut index: rustc_hash::FxHashMap<Vec<u32>, usize> = rustc_hash::FxHashMap::default();
    let mut key = Vec::with_capacity(dimensions.len());
    for row in 0..budget.rows() {
        key.clear();
        key.extend(dimensions.iter().map(|d| d.id(row)));
        let at = match index.get(&key) {
            Some(&at) => at,
            None => {
                index.insert(key.clone(), parts.len());
                parts.push((key.clone(), vec![(Sum::default(), 0); amounts.len()], 0));
                parts.len() - 1
            }
        };
        let part = &mut parts[at];
        part.2 += 1;
        for ((sum, given), measure) in part.1.iter_mut().zip(&amounts) {
            if measure.values.get(row).is_some() {
                *given += 1;
                measure.values.add_to(row, sum)?;
            }
        }
    }
    parts
        .into_iter()
        .map(|(ids, sums, rows)| {
            let labels = ids
                .iter()
                .zip(&dimensions)
                .map(|(&id, d)| d.label(id).to_string())
                .collect();
            let totals = sums
                .iter()
                .zip(&amounts)
                .map(|((sum, given), measure)| {
                    Ok(Total {
                        column: measure.column,
                        value: sum.value()?,
                        given: *given,
                        missing: rows - given,
                    })
                })
                .collect::<Result<Vec<_>, Error>>()?;
            Ok((labels, totals))
        })
        .collect()
}
