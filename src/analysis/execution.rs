//! Execution (집행): the rate executed ÷ current budget (예산현액), or ÷
//! adopted budget (예산액) when the table has no current budget, and the
//! unspent amount (집행잔액 = 예산현액 − 집행액 − 차년이월 − encumbrances
//! where a table shows them; 불용액 where
//! the carried-over amount is split into 명시이월, 사고이월 and
//! 계속비이월, all three subtracted).

use super::percent;
use crate::columns::total_words::total_kind;
use crate::columns::{Column, ColumnKind, Role};
use rust_decimal::Decimal;
use serde::Serialize;

/// Which budget the execution rate is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// 예산현액, the usual definition.
    Current,
    /// 예산액, when the table has no current budget.
    Adopted,
    /// A column the caller chose.
    Chosen,
}

/// The columns of an execution analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionColumns {
    pub executed: usize,
    pub budget: usize,
    pub basis: Basis,
    /// 차년이월, subtracted from the unspent amount when the table has it:
    /// one column, or its parts (명시이월, 사고이월, 계속비이월) when the
    /// table shows no column of their total.
    pub carried_out: Vec<usize>,
    /// Encumbrances (Committed): promised and not paid, subtracted from the
    /// unspent amount too, so that it is what is left to spend.
    pub committed: Option<usize>,
}

/// Execution of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Execution {
    /// executed ÷ budget × 100; `None` when the budget is zero or not given.
    pub rate: Option<Decimal>,
    /// budget − executed − carried over; `None` when the budget is not given.
    pub unspent: Option<Decimal>,
}

/// Execution of one item.
///
/// ```
/// use yesan::analysis::execution::execution;
/// use rust_decimal::Decimal;
/// let e = execution(Some(Decimal::from(152_912)), Some(Decimal::from(277_200)), None);
/// assert_eq!(e.rate.map(|r| r.round_dp(1)), Some(Decimal::new(552, 1)));
/// assert_eq!(e.unspent, Some(Decimal::from(124_288)));
/// ```
pub fn execution(
    executed: Option<Decimal>,
    budget: Option<Decimal>,
    carried_out: Option<Decimal>,
) -> Execution {
    let Some(budget) = budget else {
        return Execution {
            rate: None,
            unspent: None,
        };
    };
    let executed = executed.unwrap_or(Decimal::ZERO);
    Execution {
        rate: percent(executed, budget),
        unspent: budget
            .checked_sub(executed)
            .and_then(|u| u.checked_sub(carried_out.unwrap_or(Decimal::ZERO))),
    }
}

/// The carried-over amount of an item: the sum of the parts it gives;
/// `None` when it gives none (or the sum overflows).
pub fn carried(parts: impl IntoIterator<Item = Option<Decimal>>) -> Option<Decimal> {
    parts
        .into_iter()
        .flatten()
        .try_fold(None, |sum: Option<Decimal>, v| {
            sum.unwrap_or(Decimal::ZERO).checked_add(v).map(Some)
        })
        .flatten()
}

/// The columns to use when the caller names none: the executed column
/// against the current budget (the last one before the executed column,
/// where the table shows the budget after each step: South Africa's
/// `Adjusted Appropriation` and `Final Appropriation`), or the adopted
/// budget when there is none.
pub fn default_columns(columns: &[Column]) -> Option<ExecutionColumns> {
    let amounts: Vec<&Column> = columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Amount)
        .collect();
    // The latest year with both an executed column and a budget (files
    // without years have one "year", `None`).
    let mut years: Vec<Option<i32>> = amounts
        .iter()
        .filter(|c| c.role == Some(Role::Executed))
        .map(|c| c.year)
        .collect();
    years.sort();
    years.dedup();
    // When no year has both, the years are not compared where one side
    // names none: a budget of no year, or the budgets of one year only
    // (`2016 예산 예산현액` beside `집행액`).
    let mut budget_years: Vec<Option<i32>> = amounts
        .iter()
        .filter(|c| matches!(c.role, Some(Role::Current | Role::Adopted | Role::Final)))
        .map(|c| c.year)
        .collect();
    budget_years.sort();
    budget_years.dedup();
    let unyeared_executed = amounts
        .iter()
        .any(|c| c.role == Some(Role::Executed) && c.year.is_none());
    let one_budget_year = unyeared_executed && budget_years.len() <= 1;
    let same_year = years.iter().rev().map(|&y| Some(y));
    same_year
        .chain([None])
        .find_map(|year: Option<Option<i32>>| {
            let of_year = |c: &&&Column| match year {
                Some(y) => c.year == y,
                // Years not compared: only where one side names none.
                None if c.role == Some(Role::Executed) => c.year.is_none() || !one_budget_year,
                None => c.year.is_none() || one_budget_year,
            };
            let with_role = |role: Role| {
                amounts
                    .iter()
                    .filter(of_year)
                    .find(|c| c.role == Some(role))
                    .map(|c| c.index)
            };
            let carried: Vec<&Column> = amounts
                .iter()
                .filter(of_year)
                .filter(|c| c.role == Some(Role::CarriedOut))
                .copied()
                .collect();
            let executed = with_role(Role::Executed)?;
            let current_before = amounts
                .iter()
                .filter(of_year)
                .filter(|c| c.index < executed)
                .rfind(|c| c.role == Some(Role::Current))
                .map(|c| c.index);
            let (budget, basis) = match current_before.or_else(|| with_role(Role::Current)) {
                Some(current) => (current, Basis::Current),
                None => (
                    with_role(Role::Adopted).or_else(|| with_role(Role::Final))?,
                    Basis::Adopted,
                ),
            };
            Some(ExecutionColumns {
                executed,
                budget,
                basis,
                carried_out: carried_over(&carried),
                committed: with_role(Role::Committed),
            })
        })
}

/// The carried-over columns to subtract: a column that reads as their
/// total (`다음연도이월액 계`, `Carryover total`) alone, else every one of
/// them (명시이월, 사고이월 and 계속비이월 side by side).
fn carried_over(columns: &[&Column]) -> Vec<usize> {
    let total = |c: &&&Column| {
        total_kind(&c.name).is_some() || c.name.split_whitespace().last() == Some("계")
    };
    match columns.iter().find(total) {
        Some(total) => vec![total.index],
        None => columns.iter().map(|c| c.index).collect(),
    }
}
