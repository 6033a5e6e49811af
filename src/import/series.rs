//! Several files of one budget (연도별 자료), one per year or a budget
//! and its actuals: each is read on its own, then their rows are stacked
//! into one long table with a year column and read again, so that every
//! year's amounts get their own columns (a pivot) and growth, new and
//! discontinued items come as for any long file. Items line up by their
//! names along the hierarchy; where a code column names them, by code: an
//! item renamed from one year to the next takes its latest name, and the
//! report says so.

use crate::budget::Budget;
use crate::columns::profile::year_of;
use crate::columns::{ColumnKind, ColumnOverride, Role};
use crate::error::{Error, ErrorKind};
use crate::import::table::{self, GridRecords, SourceInfo};
use crate::korean::{
    after,
    Particle::{Into, Subject},
};
use crate::options::Options;
use crate::source::SeriesFile;
use crate::unit::Unit;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// One file of a series: its name and the budget read from it.
pub struct Part {
    pub name: String,
    pub budget: Budget,
}

/// The kinds of columns that go into the stacked table as names.
fn is_name(kind: ColumnKind) -> bool {
    matches!(
        kind,
        ColumnKind::Dimension
            | ColumnKind::Code
            | ColumnKind::Side
            | ColumnKind::Phase
            | ColumnKind::RowType
    )
}

/// A column of amounts to stack: not last year's (the previous file has
/// it), not rates.
fn is_stacked_amount(budget: &Budget, column: usize) -> bool {
    let c = &budget.columns()[column];
    c.kind == ColumnKind::Amount && c.role != Some(Role::Previous)
}

/// The year a file is about: the one value of its year column, else the
/// one year its amount headers name, else a year in its caption or name.
fn year_of_part(part: &Part) -> Option<i32> {
    let b = &part.budget;
    let from_column = b.columns().iter().find_map(|c| {
        let d = b
            .dimension(c.index)
            .filter(|d| c.kind == ColumnKind::Year && d.distinct() == 1)?;
        year_of(d.label(d.id(0)))
    });
    let mut headers: Vec<i32> = b
        .columns()
        .iter()
        .filter(|c| is_stacked_amount(b, c.index))
        .filter_map(|c| c.year)
        .collect();
    headers.dedup();
    let words = |text: &str| text.split(|c: char| !c.is_alphanumeric()).find_map(year_of);
    from_column
        .or(match headers.as_slice() {
            [one] => Some(*one),
            _ => None,
        })
        .or_else(|| b.source().caption.iter().find_map(|line| words(line)))
        .or_else(|| words(&part.name))
}

/// A header without the years it names (`2016 예산` → `예산`), so that the
/// same column of two years is one column.
fn without_years(name: &str) -> String {
    let kept: Vec<&str> = name
        .split_whitespace()
        .filter(|word| year_of(word.trim_matches(|c: char| !c.is_alphanumeric())).is_none())
        .collect();
    if kept.is_empty() {
        name.trim().to_string()
    } else {
        kept.join(" ")
    }
}

/// The stacked table's columns: the year, every name column, every amount
/// column (by its name without years), each with its kind and role.
struct Layout {
    year: String,
    names: Vec<(String, ColumnKind)>,
    amounts: Vec<(String, Option<Role>)>,
}

fn layout(parts: &[Part]) -> Layout {
    let korean = parts.iter().any(|p| {
        p.budget
            .columns()
            .iter()
            .any(|c| c.name.chars().any(|ch| ('가'..='힣').contains(&ch)))
    });
    let mut names: Vec<(String, ColumnKind)> = Vec::new();
    let mut amounts: Vec<(String, Option<Role>)> = Vec::new();
    for part in parts {
        for c in part.budget.columns() {
            if is_name(c.kind) && !names.iter().any(|(n, _)| n == &c.name) {
                names.push((c.name.clone(), c.kind));
            } else if is_stacked_amount(&part.budget, c.index) {
                let name = without_years(&c.name);
                if !amounts.iter().any(|(n, _)| n == &name) {
                    amounts.push((name, c.role));
                }
            }
        }
    }
    Layout {
        year: if korean { "연도" } else { "Year" }.to_string(),
        names,
        amounts,
    }
}

/// The latest name of each code, from the code columns that name a label
/// column: `(code column name, code) → label`.
type Names = HashMap<(String, String), String>;

fn latest_names(parts: &[Part]) -> Names {
    let mut latest = Names::new();
    for part in parts {
        let b = &part.budget;
        for c in b.columns().iter().filter(|c| c.kind == ColumnKind::Code) {
            let (Some(label), Some(codes)) = (c.code_of, b.dimension(c.index)) else {
                continue;
            };
            let Some(labels) = b.dimension(label) else {
                continue;
            };
            for row in 0..b.rows() {
                let code = codes.label(codes.id(row));
                if !code.is_empty() {
                    latest.insert(
                        (c.name.clone(), code.to_string()),
                        labels.label(labels.id(row)).to_string(),
                    );
                }
            }
        }
    }
    latest
}

/// The unit every file shares, or won (each amount scaled to it).
fn common_unit(parts: &[Part]) -> Unit {
    let units: Vec<Option<Unit>> = parts.iter().map(|p| p.budget.unit()).collect();
    match units.first() {
        Some(Some(first)) if units.iter().all(|u| *u == Some(*first)) => *first,
        _ => Unit::Won,
    }
}

/// Renamed items, to be said: (code, old name, new name).
type Renames = Vec<(String, String, String)>;

/// One file's rows in the stacked table's columns.
fn rows_of(
    part: &Part,
    year: i32,
    layout: &Layout,
    latest: &Names,
    unit: Unit,
    renames: &mut Renames,
) -> Vec<Vec<String>> {
    let b = &part.budget;
    let by_name: HashMap<&str, usize> = b
        .columns()
        .iter()
        .map(|c| (c.name.as_str(), c.index))
        .collect();
    let to_unit = b.unit().map_or(Decimal::ONE, |u| u.factor()) / unit.factor();
    // The label column each code column renames, and its codes.
    let relabel: Vec<(usize, usize, &str)> = b
        .columns()
        .iter()
        .filter(|c| c.kind == ColumnKind::Code)
        .filter_map(|c| c.code_of.map(|label| (label, c.index, c.name.as_str())))
        .collect();
    // This file's column for each amount column of the table, if it has one.
    let measures: Vec<Option<&crate::budget::Measure>> = layout
        .amounts
        .iter()
        .map(|(name, _)| {
            b.columns()
                .iter()
                .filter(|c| is_stacked_amount(b, c.index) && without_years(&c.name) == *name)
                .find_map(|c| b.measure(c.index))
        })
        .collect();
    (0..b.rows())
        .map(|row| {
            let mut cells = vec![year.to_string()];
            for (name, _) in &layout.names {
                let text = by_name
                    .get(name.as_str())
                    .and_then(|&i| b.dimension(i))
                    .map_or(String::new(), |d| d.label(d.id(row)).to_string());
                cells.push(text);
            }
            for &(label, code_column, code_name) in &relabel {
                let (Some(codes), Some(at)) = (
                    b.dimension(code_column),
                    layout
                        .names
                        .iter()
                        .position(|(n, _)| *n == b.columns()[label].name),
                ) else {
                    continue;
                };
                let code = codes.label(codes.id(row)).to_string();
                if let Some(newest) = latest.get(&(code_name.to_string(), code.clone())) {
                    let cell = &mut cells[1 + at];
                    if cell != newest && !cell.is_empty() {
                        let entry = (code, cell.clone(), newest.clone());
                        if !renames.contains(&entry) {
                            renames.push(entry);
                        }
                        *cell = newest.clone();
                    }
                }
            }
            for measure in &measures {
                let value =
                    measure.and_then(|m| m.values.get(row).map(|v| v * m.scale_factor() * to_unit));
                cells.push(value.map_or(String::new(), |v| v.normalize().to_string()));
            }
            cells
        })
        .collect()
}

/// The options of the stacked table: what each column is, as the files
/// said, the unit and currency they share, and the years spread into
/// columns whatever the number of amount columns.
fn stacked_options(options: &Options, layout: &Layout, unit: Unit, parts: &[Part]) -> Options {
    let mut columns: BTreeMap<String, ColumnOverride> = BTreeMap::new();
    let set = |kind, role| ColumnOverride {
        kind: Some(kind),
        role: Some(role),
        unit: None,
        year: None,
    };
    columns.insert(layout.year.clone(), set(ColumnKind::Year, None));
    for (name, kind) in &layout.names {
        columns.insert(name.clone(), set(*kind, None));
    }
    for (name, role) in &layout.amounts {
        columns.insert(name.clone(), set(ColumnKind::Amount, *role));
    }
    let currencies: Vec<Option<&str>> = parts.iter().map(|p| p.budget.currency()).collect();
    let currency = match currencies.first() {
        Some(Some(c)) if currencies.iter().all(|x| x == &Some(*c)) => Some(c.to_string()),
        _ => options.currency.clone(),
    };
    Options {
        columns,
        unit: Some(unit),
        currency,
        by: options.by.clone(),
        growth: options.growth.clone(),
        execution: options.execution.clone(),
        precision: options.precision,
        limits: options.limits,
        pivot_years: true,
        ..Options::default()
    }
}

/// Reads the files of a series as one budget, a column per year.
pub fn read(mut parts: Vec<Part>, options: &Options) -> Result<Budget, Error> {
    if parts.len() < 2 {
        return Err(Error::new(ErrorKind::InvalidOption).with_detail(
            "연도별 비교에는 파일이 둘 이상 필요합니다",
            "a series needs two files or more",
        ));
    }
    let mut years = Vec::new();
    for part in &parts {
        years.push(year_of_part(part).ok_or_else(|| no_year(&part.name))?);
    }
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| years[i]);
    parts = {
        let mut taken: Vec<Option<Part>> = parts.into_iter().map(Some).collect();
        order.iter().filter_map(|&i| taken[i].take()).collect()
    };
    years = order.iter().map(|&i| years[i]).collect();
    let layout = layout(&parts);
    let latest = latest_names(&parts);
    let unit = common_unit(&parts);
    let mut renames = Renames::new();
    let mut grid = vec![std::iter::once(layout.year.clone())
        .chain(layout.names.iter().map(|(n, _)| n.clone()))
        .chain(layout.amounts.iter().map(|(n, _)| n.clone()))
        .collect::<Vec<_>>()];
    for (part, &year) in parts.iter().zip(&years) {
        grid.extend(rows_of(part, year, &layout, &latest, unit, &mut renames));
    }
    let stacked = stacked_options(options, &layout, unit, &parts);
    let info = SourceInfo {
        format: "series",
        encoding: None,
        delimiter: None,
        names: None,
    };
    let mut budget = table::assemble(&mut GridRecords::new(grid, 1), info, &stacked)?;
    budget.source.files = parts
        .iter()
        .zip(&years)
        .map(|(p, &year)| SeriesFile {
            name: p.name.clone(),
            year,
        })
        .collect();
    note(&mut budget, &renames);
    Ok(budget)
}

fn no_year(name: &str) -> Error {
    Error::new(ErrorKind::InvalidOption).with_detail(
        format!("'{name}': 어느 해의 자료인지 알 수 없습니다 (연도 열, 제목의 연도, 파일 이름의 연도가 없음)"),
        format!("'{name}': which year it is about cannot be told (no year column, no year in its headers, caption or name)"),
    )
}

/// Says which files were read as which years, and which items were renamed.
fn note(budget: &mut Budget, renames: &Renames) {
    let list: Vec<String> = budget
        .source
        .files
        .iter()
        .map(|f| format!("{} ({})", f.name, f.year))
        .collect();
    let list = list.join(", ");
    budget.note(
        "series",
        format!(
            "파일 {}개를 연도별로 이어 읽었습니다: {list}",
            budget.source.files.len()
        ),
        format!(
            "read {} files as a series of years: {list}",
            budget.source.files.len()
        ),
    );
    for (code, old, new) in renames.iter().take(crate::budget::WARNINGS_PER_CODE) {
        budget.note(
            "renamed",
            format!(
                "코드 {code}: '{old}'{} '{new}'{} 이름이 바뀌어 한 항목으로 보았습니다",
                after(old, Subject),
                after(new, Into)
            ),
            format!("code {code}: '{old}' was renamed '{new}' and is read as one item"),
        );
    }
}

#[cfg(test)]
mod tests;
