//! A series of years (연도별 추이): the amount compared by growth followed
//! year by year (a long file, or several files read as one), the growth
//! from each year to the next, and the average annual growth over the
//! series (CAGR, 연평균 증가율).

use super::{round, GrowthReport};
use crate::analysis::growth::growth;
use crate::analysis::totals::Total;
use crate::budget::Budget;
use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesReport {
    /// The amount column of each year, in the order of the years.
    pub columns: Vec<String>,
    pub years: Vec<i32>,
    /// Each year's total.
    pub totals: Vec<Option<String>>,
    /// Growth from each year to the next.
    pub steps: Vec<GrowthReport>,
    /// Average annual growth from the first year to the last, in percent:
    /// (last ÷ first)^(1 ÷ years between) − 1; `null` where either is not
    /// positive.
    pub cagr: Option<String>,
}

/// The columns that hold `column`'s amount in other years: pivoted from the
/// same column, each of one year, in year order.
fn years_of(budget: &Budget, column: usize) -> Vec<(i32, usize)> {
    let columns = budget.columns();
    let Some(from) = columns[column].from else {
        return Vec::new();
    };
    let role = columns[column].role;
    let mut years: Vec<(i32, usize)> = columns
        .iter()
        .filter(|c| c.from == Some(from) && c.role == role)
        .filter_map(|c| c.year.map(|y| (y, c.index)))
        .collect();
    years.sort();
    years.dedup_by_key(|(y, _)| *y);
    years
}

/// Average annual growth from `first` to `last` over `span` years, in
/// percent, computed in decimal (no binary floating point).
pub fn cagr(first: Decimal, last: Decimal, span: i32) -> Option<Decimal> {
    if first <= Decimal::ZERO || last <= Decimal::ZERO || span <= 0 {
        return None;
    }
    let ratio = last.checked_div(first)?;
    let yearly = if span == 1 {
        ratio
    } else {
        ratio.checked_powd(Decimal::ONE / Decimal::from(span))?
    };
    Some((yearly - Decimal::ONE) * Decimal::ONE_HUNDRED)
}

/// The series of the column growth compares to, when it has three years or
/// more, or comes from several files.
pub(super) fn series_report(
    budget: &Budget,
    totals: &[Total],
    to: usize,
    places: u32,
) -> Option<SeriesReport> {
    let years = years_of(budget, to);
    if years.len() < 2 || (years.len() < 3 && budget.source().files.is_empty()) {
        return None;
    }
    let total = |column: usize| {
        totals
            .iter()
            .find(|t| t.column == column)
            .and_then(|t| t.value)
    };
    let names = |column: usize| budget.columns()[column].name.clone();
    let steps = years
        .windows(2)
        .map(|pair| {
            let (from, to) = (pair[0].1, pair[1].1);
            let g = growth(total(from), total(to));
            GrowthReport {
                from: names(from),
                to: names(to),
                status: g.status,
                difference: g.difference.map(|d| d.to_string()),
                rate: g.rate.map(|r| round(r, places)),
            }
        })
        .collect();
    let (first, last) = (years[0], years[years.len() - 1]);
    let cagr = total(first.1)
        .zip(total(last.1))
        .and_then(|(a, b)| cagr(a, b, last.0 - first.0))
        .map(|r| round(r, places));
    Some(SeriesReport {
        columns: years.iter().map(|&(_, c)| names(c)).collect(),
        years: years.iter().map(|&(y, _)| y).collect(),
        totals: years
            .iter()
            .map(|&(_, c)| total(c).map(|v| v.to_string()))
            .collect(),
        steps,
        cagr,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_annual_growth_in_decimal() {
        // 100 → 121 over two years is 10 % a year.
        assert_eq!(
            cagr(Decimal::from(100), Decimal::from(121), 2)
                .map(|r| round(r, 1))
                .as_deref(),
            Some("10.0")
        );
        // One year: plain growth.
        assert_eq!(
            cagr(Decimal::from(200), Decimal::from(150), 1)
                .map(|r| round(r, 1))
                .as_deref(),
            Some("-25.0")
        );
        assert_eq!(cagr(Decimal::ZERO, Decimal::from(150), 3), None);
        // 255,334,387,481 → 264,092,862,471 over one year.
        let national = cagr(
            Decimal::from(255_334_387_481_i64),
            Decimal::from(264_092_862_471_i64),
            1,
        );
        assert_eq!(national.map(|r| round(r, 1)).as_deref(), Some("3.4"));
    }
}
