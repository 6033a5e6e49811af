//! Growth between two amounts (증감, 증감률): the difference and the rate,
//! with items going from nothing to something named *new* and from
//! something to nothing named *discontinued*, never a fake ±100 %.

use super::percent;
use crate::columns::{Column, ColumnKind, Role};
use rust_decimal::Decimal;
use serde::Serialize;

/// What happened to an item between the two amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GrowthStatus {
    /// From nothing (zero or not given) to something (신규).
    New,
    /// From something to nothing (폐지).
    Discontinued,
    Increased,
    Decreased,
    Unchanged,
    /// Neither amount is given.
    NotGiven,
}

impl GrowthStatus {
    /// The status as the report writes it (`new`, `not_given`).
    pub fn as_str(self) -> &'static str {
        match self {
            GrowthStatus::New => "new",
            GrowthStatus::Discontinued => "discontinued",
            GrowthStatus::Increased => "increased",
            GrowthStatus::Decreased => "decreased",
            GrowthStatus::Unchanged => "unchanged",
            GrowthStatus::NotGiven => "not_given",
        }
    }
}

/// Growth of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Growth {
    pub status: GrowthStatus,
    /// `to − from`, with a missing amount counted as zero.
    pub difference: Option<Decimal>,
    /// `(to − from) / |from| × 100`; `None` for new and discontinued items.
    pub rate: Option<Decimal>,
}

/// Growth from `from` to `to`.
///
/// ```
/// use yesan::analysis::growth::{growth, GrowthStatus};
/// use rust_decimal::Decimal;
/// let g = growth(Some(Decimal::from(278_792)), Some(Decimal::from(151_757)));
/// assert_eq!(g.difference, Some(Decimal::from(-127_035)));
/// assert_eq!(g.status, GrowthStatus::Decreased);
/// assert_eq!(growth(Some(Decimal::ZERO), Some(Decimal::TEN)).status, GrowthStatus::New);
/// ```
pub fn growth(from: Option<Decimal>, to: Option<Decimal>) -> Growth {
    if from.is_none() && to.is_none() {
        return Growth {
            status: GrowthStatus::NotGiven,
            difference: None,
            rate: None,
        };
    }
    let from = from.unwrap_or(Decimal::ZERO);
    let to = to.unwrap_or(Decimal::ZERO);
    let difference = to.checked_sub(from);
    let (status, rate) = match (from.is_zero(), to.is_zero()) {
        (true, true) => (GrowthStatus::Unchanged, None),
        (true, false) => (GrowthStatus::New, None),
        (false, true) => (GrowthStatus::Discontinued, None),
        (false, false) => {
            let rate = difference.and_then(|d| percent(d, from.abs()));
            let status = match to.cmp(&from) {
                std::cmp::Ordering::Greater => GrowthStatus::Increased,
                std::cmp::Ordering::Less => GrowthStatus::Decreased,
                std::cmp::Ordering::Equal => GrowthStatus::Unchanged,
            };
            (status, rate)
        }
    };
    Growth {
        status,
        difference,
        rate,
    }
}

/// The two columns to compare when the caller names none: last year's
/// budget against this year's as passed (or adopted, or proposed), else the
/// two most recent years named in the headers.
pub fn default_pair(columns: &[Column]) -> Option<(usize, usize)> {
    let amounts: Vec<&Column> = columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Amount)
        .collect();
    let with_role = |role: Role| {
        amounts
            .iter()
            .find(|c| c.role == Some(role))
            .map(|c| c.index)
    };
    if let Some(previous) = with_role(Role::Previous) {
        let this_year = with_role(Role::Final)
            .or_else(|| with_role(Role::Adopted))
            .or_else(|| with_role(Role::Proposed));
        if let Some(to) = this_year {
            return Some((previous, to));
        }
    }
    // Budgets of two years: the adopted (or final) budgets, else the current
    // ones, else the actuals, else the proposals.
    // Last, any two years of budget figures (last year's actuals against
    // this year's budget, an adopted budget against next year's proposal).
    let families: [&[Option<Role>]; 5] = [
        &[None, Some(Role::Adopted), Some(Role::Final)],
        &[Some(Role::Current)],
        &[Some(Role::Executed)],
        &[Some(Role::Proposed)],
        &[
            None,
            Some(Role::Adopted),
            Some(Role::Final),
            Some(Role::Current),
            Some(Role::Executed),
            Some(Role::Proposed),
        ],
    ];
    families.iter().find_map(|roles| {
        let mut dated: Vec<(i32, usize)> = amounts
            .iter()
            .filter(|c| roles.contains(&c.role))
            .filter_map(|c| c.year.map(|year| (year, c.index)))
            .collect();
        dated.sort();
        dated.dedup_by_key(|(year, _)| *year);
        match dated.as_slice() {
            [.., (_, from), (_, to)] => Some((*from, *to)),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::GrowthStatus;

    #[test]
    fn a_status_as_text_is_its_name_in_the_report() {
        for status in [
            GrowthStatus::New,
            GrowthStatus::Discontinued,
            GrowthStatus::Increased,
            GrowthStatus::Decreased,
            GrowthStatus::Unchanged,
            GrowthStatus::NotGiven,
        ] {
            let json = serde_json::to_string(&status).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
        }
    }
}
