//! The layout of the amounts. A long ("tidy") file has a year, version or
//! phase column beside its amount column: its amounts are spread into one
//! column per year or phase (a pivot), so that totals are per year and
//! growth and execution come by default. A side column (revenue/expense),
//! and a year column that is not pivoted, split the budget at the top:
//! nothing adds two sides or two years.

use super::{evidence, Column, ColumnKind};

/// How the amounts of a budget are laid out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The year and phase columns whose values name a pivoted column.
    pub keys: Vec<usize>,
    /// The amount columns spread over the keys.
    pub pivoted: Vec<usize>,
    /// The columns that split the budget at the top, outermost first.
    pub split: Vec<usize>,
}

/// Works out the layout from the columns as understood (after overrides),
/// marking the pivoted amount columns and giving amounts the year of a
/// year column with one value.
pub fn plan(columns: &mut [Column], pivot_years: bool) -> Layout {
    let of_kind = |kind: ColumnKind| -> Vec<usize> {
        columns
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.index)
            .collect()
    };
    let amounts = of_kind(ColumnKind::Amount);
    let phases = of_kind(ColumnKind::Phase);
    let years: Vec<usize> = of_kind(ColumnKind::Year);
    let (one_year, many_years): (Vec<usize>, Vec<usize>) = years
        .iter()
        .partition(|&&y| columns[y].profile.distinct <= 1);
    let mut layout = Layout::default();
    if pivot_years && !amounts.is_empty() && !years.is_empty() {
        layout.keys = years.iter().chain(&phases).copied().collect();
        layout.pivoted = amounts.clone();
    } else if !amounts.is_empty()
        && (!phases.is_empty() || (amounts.len() == 1 && !many_years.is_empty()))
    {
        layout.keys = many_years.iter().chain(&phases).copied().collect();
        layout.pivoted = amounts.clone();
    } else {
        layout.split.extend(&many_years);
    }
    layout.split.splice(0..0, of_kind(ColumnKind::Side));
    let key_names: Vec<String> = layout
        .keys
        .iter()
        .map(|&k| columns[k].name.clone())
        .collect();
    for &a in &layout.pivoted {
        let column = &mut columns[a];
        column.kind = ColumnKind::Pivoted;
        column.evidence.push(evidence(
            "pivoted",
            format!("'{}' 값마다 한 열로 나눔", key_names.join(", ")),
            format!(
                "spread into one column per value of '{}'",
                key_names.join(", ")
            ),
        ));
    }
    for &y in one_year.iter().filter(|_| !pivot_years) {
        let year = columns[y].profile.first_year;
        let name = columns[y].name.clone();
        for &a in &amounts {
            let column = &mut columns[a];
            if column.year.is_none() && year.is_some() {
                column.year = year;
                column.evidence.push(evidence(
                    "year_column",
                    format!("연도는 '{name}' 열에서"),
                    format!("the year is from column '{name}'"),
                ));
            }
        }
    }
    layout
}
