//! Reading a long file into one amount column per year or phase. Each row's
//! key (its year and phase cells, `2022 Actual`) picks the columns its
//! amounts go to; the other keys' columns get "not given". A key seen for
//! the first time adds its columns, "not given" for the rows before it, so
//! that a year that first appears late in a large file is never lost.

use crate::budget::{Budget, Measure};
use crate::columns::layout::Layout;
use crate::columns::profile::year_of;
use crate::columns::{evidence, lexicon, Column, ColumnKind};
use crate::import::cells::trim;
use crate::import::table::Cells;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The pivot of a long file while it is read.
pub struct Pivot {
    /// The year and phase columns.
    keys: Vec<usize>,
    /// The amount columns spread over the keys, with their scales.
    sources: Vec<(usize, Decimal)>,
    /// Each key's cells and the first of its measures.
    groups: Vec<(Vec<String>, usize)>,
    /// The group of the last row: files are usually sorted by year.
    last: Option<usize>,
}

impl Pivot {
    pub fn new(layout: &Layout, scales: &HashMap<usize, Decimal>) -> Pivot {
        Pivot {
            keys: layout.keys.clone(),
            sources: layout
                .pivoted
                .iter()
                .map(|&c| (c, scales.get(&c).copied().unwrap_or(Decimal::ONE)))
                .collect(),
            groups: Vec::new(),
            last: None,
        }
    }

    /// Is this column one of the keys (a year or phase spread over columns)?
    pub fn is_key(&self, column: usize) -> bool {
        self.keys.contains(&column)
    }

    /// The amount columns read from the cells (in file order).
    pub fn sources(&self) -> impl Iterator<Item = usize> + '_ {
        self.sources.iter().map(|(c, _)| *c)
    }

    fn same_key(&self, group: usize, cells: &Cells<'_>) -> bool {
        self.groups[group]
            .0
            .iter()
            .zip(&self.keys)
            .all(|(key, &k)| key == trim(cells.get(k).unwrap_or("")))
    }

    /// The first measure of the row's key, adding the key's columns (with
    /// "not given" for the rows so far) when it is new.
    pub fn measures_of(&mut self, cells: &Cells<'_>, budget: &mut Budget) -> usize {
        if let Some(last) = self.last.filter(|&g| self.same_key(g, cells)) {
            return self.groups[last].1;
        }
        if let Some(group) = (0..self.groups.len()).find(|&g| self.same_key(g, cells)) {
            self.last = Some(group);
            return self.groups[group].1;
        }
        let parts: Vec<String> = self
            .keys
            .iter()
            .map(|&k| trim(cells.get(k).unwrap_or("")).to_string())
            .collect();
        let first = budget.measures.len();
        for &(source, scale) in &self.sources {
            let column = derived(&budget.columns, source, &self.keys, &parts);
            let mut measure = Measure::new(column.index, scale);
            measure.values.reserve(budget.rows());
            for _ in 0..budget.rows() {
                measure.values.push(None);
            }
            budget.columns.push(column);
            budget.measures.push(measure);
        }
        self.groups.push((parts, first));
        self.last = Some(self.groups.len() - 1);
        first
    }
}

/// The amount column for one key of a pivoted column: named `<amount> <key>`,
/// its year from the year cell, its role from the phase cell.
fn derived(columns: &[Column], source: usize, keys: &[usize], parts: &[String]) -> Column {
    let base = &columns[source];
    let key = parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let mut year = base.year;
    let mut role = base.role;
    for (&k, part) in keys.iter().zip(parts) {
        match columns[k].kind {
            ColumnKind::Year => year = year_of(part).or(year),
            ColumnKind::Phase => role = lexicon::role(part).or(role),
            _ => {}
        }
    }
    let name = if key.is_empty() {
        base.name.clone()
    } else {
        format!("{} {key}", base.name)
    };
    let mut column = Column::new(columns.len(), name, ColumnKind::Amount);
    column.role = role;
    column.unit = base.unit;
    column.year = year;
    column.from = Some(source);
    column.evidence.push(evidence(
        "pivot_key",
        format!("'{}' 열 가운데 '{key}'인 행", base.name),
        format!("the rows of '{}' whose key is '{key}'", base.name),
    ));
    column.key = Some(key);
    column
}
