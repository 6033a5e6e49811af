//! Grand totals per amount column (합계).

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
