//! Grand totals per amount column (합계), of the whole budget or of each
//! part a split column (세입/세출, a year) cuts it into.

use super::groups::group;
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
            let (sum, given) = measure.values.total()?;
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

/// Totals of every amount column for each part of the budget that the
/// `split` columns cut it into: the part's labels, outermost first, and its
/// totals, in the order the parts first appear.
pub fn totals_by(budget: &Budget, split: &[usize]) -> Result<Vec<PartTotals>, Error> {
    let dimensions: Vec<_> = split.iter().filter_map(|&c| budget.dimension(c)).collect();
    let grouping = group(&dimensions, budget.rows());
    let amounts: Vec<(usize, Vec<(Sum, usize)>)> = budget
        .measures
        .iter()
        .filter(|m| budget.columns[m.column].kind == ColumnKind::Amount)
        .map(|m| {
            let sums = m.values.sums_by(&grouping.of_row, grouping.len())?;
            Ok((m.column, sums))
        })
        .collect::<Result<_, Error>>()?;
    (0..grouping.len())
        .map(|part| {
            let first = grouping.first_rows[part];
            let labels = dimensions
                .iter()
                .map(|d| d.label(d.id(first)).to_string())
                .collect();
            let rows = grouping.sizes[part];
            let totals = amounts
                .iter()
                .map(|(column, sums)| {
                    let (sum, given) = &sums[part];
                    Ok(Total {
                        column: *column,
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
