//! Total rows in a data file: a row whose label in a hierarchy or row-type
//! column reads as a total (합계, 소계, Total, Subtotal, TOTAL DEL …, Summe,
//! Итого, Razem; `columns::total_words`) is left out of the sums, and afterwards compared with the sum of
//! the rows it totals — the whole budget, the group its filled cells name
//! (`Police`, ``, `Subtotal`), or the group its label names (`Total
//! Police`). One pass over the rows, however many total rows there are.

use crate::budget::{Budget, Dimension, TotalCheck};
use crate::columns::layout::Layout;
use crate::columns::total_words::{could_be_total, group_named, total_kind, TotalKind};
use crate::columns::{Column, ColumnKind};
use crate::import::cells::part_of;
use crate::import::table::Cells;
use crate::values::Values;
pub use sections::Closed;
use sections::Sections;

mod sections;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
pub(crate) use sections::LOOK_BACK;

/// A row whose label says it is a total.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TotalRow {
    pub line: usize,
    pub label: String,
    /// The filled level cells before the total cell, outermost first.
    pub prefix: Vec<String>,
    /// The group the label names (`Total Police` → `Police`).
    pub group: Option<String>,
    /// The row's values in the budget's unit, one per measure known then.
    #[serde(with = "crate::values::decimals")]
    pub values: Vec<Option<Decimal>>,
    /// The row's dimension cells, to read it as data after all when the
    /// group its label names does not exist.
    pub dims: Vec<String>,
}

/// Where a total label stands in a row.
pub struct TotalHit<'a> {
    pub label: &'a str,
    /// The filled level cells before it.
    pub prefix: Vec<&'a str>,
    pub group: Option<String>,
}

/// What a row's labels mark it as (see [`TotalColumns::find`]).
pub enum Found<'a> {
    Total(TotalHit<'a>),
    /// A part of the row above it, by its name.
    PartOf(&'a str),
}

/// The columns whose cells may mark a total row: the split columns (a total
/// on one side totals that side only), the levels of the hierarchy in their
/// order, then the row-type columns, then the code columns.
#[derive(Debug, Clone)]
pub struct TotalColumns {
    columns: Vec<usize>,
    split: usize,
    levels: usize,
    /// Level positions below the row's name where the sample showed a total
    /// label (`Police | Subtotal`): only these are looked at in every row.
    deep: Vec<bool>,
}

impl TotalColumns {
    pub fn new(layout: &Layout, columns: &[Column], sample: &[Vec<&str>]) -> TotalColumns {
        let mut all = layout.split.clone();
        all.extend(crate::columns::levels(columns));
        let levels = all.len();
        all.extend(
            columns
                .iter()
                .filter(|c| c.kind == ColumnKind::RowType)
                .map(|c| c.index),
        );
        // `Total;;22.700.000,00`: the total word in the code column, the
        // name left blank.
        all.extend(
            columns
                .iter()
                .filter(|c| c.kind == ColumnKind::Code)
                .map(|c| c.index),
        );
        let deep = all
            .iter()
            .map(|&index| {
                sample.iter().any(|row| {
                    let cell = row.get(index).map_or("", |c| c.trim());
                    could_be_total(cell) && total_kind(cell).is_some()
                })
            })
            .collect();
        TotalColumns {
            columns: all,
            split: layout.split.len(),
            levels,
            deep,
        }
    }

    /// The level columns, the split first.
    pub fn levels(&self) -> &[usize] {
        &self.columns[..self.levels]
    }

    /// What a row's labels mark it as, if anything: a total row (its name,
    /// that is its first filled level cell after the split, a level cell
    /// below it where the sample showed totals (up to the first empty one
    /// of those), or a row-type or code cell says so), or a part of the row
    /// above it (its name says so: `davon Beamte`, see
    /// [`crate::import::cells::part_of`]).
    pub fn find<'a>(&self, cells: &Cells<'a>) -> Option<Found<'a>> {
        let cell = |index: usize| crate::import::cells::trim(cells.get(index).unwrap_or(""));
        let mut found = None;
        let (mut named, mut ended) = (false, false);
        for (position, &index) in self.columns.iter().enumerate() {
            let is_level = position < self.levels;
            if is_level && (position < self.split || ended || (named && !self.deep[position])) {
                continue;
            }
            let label = cell(index);
            if label.is_empty() {
                ended |= is_level && named;
                continue;
            }
            if let Some(kind) = could_be_total(label).then(|| total_kind(label)).flatten() {
                found = Some((position, label, kind));
                break;
            }
            if is_level && !named && part_of(label) {
                return Some(Found::PartOf(label));
            }
            named |= is_level;
        }
        let (position, label, kind) = found?;
        Some(Found::Total(self.hit(cells, position, label, kind)))
    }

    fn hit<'a>(
        &self,
        cells: &Cells<'a>,
        position: usize,
        label: &'a str,
        kind: TotalKind,
    ) -> TotalHit<'a> {
        let cell = |index: usize| crate::import::cells::trim(cells.get(index).unwrap_or(""));
        // The path the total is under: the filled cells before a name, or the
        // level cells up to the first empty one before a row-type cell.
        let before = &self.columns[..position.min(self.levels)];
        let prefix = if position < self.levels {
            before
                .iter()
                .map(|&i| cell(i))
                .filter(|c| !c.is_empty())
                .collect()
        } else {
            before
                .iter()
                .map(|&i| cell(i))
                .take_while(|c| !c.is_empty())
                .collect()
        };
        let group = (kind == TotalKind::Subtotal)
            .then(|| group_named(label))
            .flatten();
        TotalHit {
            label,
            prefix,
            group,
        }
    }
}

/// The total rows sorted by what they total, before any is compared.
#[derive(Debug, Default)]
pub struct Sorted {
    /// Rows whose prefix and group are kept levels, with their label ids.
    named: Vec<(TotalRow, Vec<u32>)>,
    /// Rows whose label names a group that does not exist, and that equal
    /// a run of rows above them: totals of that run.
    closing: Vec<(TotalRow, Closed)>,
    /// Rows whose label names a group that does not exist, and that equal
    /// no run of rows above them: data after all.
    pub data: Vec<TotalRow>,
    /// Rows that cannot be compared (a level of the file not kept).
    unchecked: Vec<usize>,
    /// The lines of the rows in `named` and `closing`, in file order.
    lines: Vec<usize>,
    /// The data rows read, before any of `data` is added.
    rows: usize,
}

/// What checking the total rows found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Every comparison, in line order.
    pub checks: Vec<TotalCheck>,
    /// Total rows compared (each with every amount column it gives), in
    /// line order; with the run of rows above them they close where no
    /// column names what they total.
    pub compared: Vec<(usize, Option<Closed>)>,
    /// Rows that could not be compared (a level of the file not kept, or a
    /// group with no amounts).
    pub unchecked: Vec<usize>,
}

/// Finds what each total row totals. `levels` are the dimensions (indices
/// into the budget's) of the hierarchy levels in order; `None` for a level
/// not kept. A row naming a group that does not exist (`Total Personnel
/// Services` with no such group) totals the run of rows above it that it
/// equals, if one does, else is data.
pub fn sort(budget: &Budget, levels: &[Option<usize>], rows: Vec<TotalRow>) -> Sorted {
    let mut sorted = Sorted {
        rows: budget.rows(),
        ..Sorted::default()
    };
    let mut missing = Vec::new();
    // Every compared row's line, and whether it names a missing group.
    let mut order = Vec::new();
    for row in rows {
        let mut names: Vec<&str> = row.prefix.iter().map(String::as_str).collect();
        if let Some(group) = &row.group {
            names.push(group);
        }
        match path_ids(budget, levels, &names) {
            Ok(ids) => {
                order.push((row.line, false));
                sorted.named.push((row, ids));
            }
            Err(Missing::Group) if row.group.is_some() => {
                order.push((row.line, true));
                missing.push(row);
            }
            Err(_) => sorted.unchecked.push(row.line),
        }
    }
    let lines: Vec<usize> = order.iter().map(|&(line, _)| line).collect();
    if missing.is_empty() {
        sorted.lines = lines;
        return sorted;
    }
    let sections = Sections::new(budget, lines, sorted.rows);
    let mut is_data = Vec::with_capacity(missing.len());
    for row in missing {
        let closed = sections.as_ref().and_then(|s| s.closed_by(&row));
        is_data.push(closed.is_none());
        match closed {
            Some(closed) => sorted.closing.push((row, closed)),
            None => sorted.data.push(row),
        }
    }
    let mut is_data = is_data.into_iter();
    sorted.lines = order
        .into_iter()
        .filter(|&(_, missing)| !(missing && is_data.next().unwrap_or(false)))
        .map(|(line, _)| line)
        .collect();
    sorted
}

/// Compares every total row with the sum of the rows it totals: its group,
/// or else the run of rows above it that it equals, if one does.
pub fn check(budget: &Budget, levels: &[Option<usize>], sorted: Sorted) -> Checked {
    let mut checked = Checked {
        unchecked: sorted.unchecked,
        ..Checked::default()
    };
    let sums = group_sums(
        budget,
        levels,
        sorted.named.iter().map(|(_, ids)| ids.as_slice()),
    );
    let mut sections = None;
    let mut closing = sorted.closing.iter().peekable();
    for (row, ids) in &sorted.named {
        while let Some((earlier, closed)) = closing.next_if(|(c, _)| c.line < row.line) {
            checked.push_run(budget, earlier, closed.clone());
        }
        let Some(sum) = sums.get(ids.as_slice()) else {
            continue;
        };
        let group = compare(budget, row, sum);
        if group.is_empty() || group.iter().all(|c| c.shown == c.sum) {
            checked.push(row.line, group, None);
            continue;
        }
        let sections = sections
            .get_or_insert_with(|| Sections::new(budget, sorted.lines.clone(), sorted.rows));
        match sections.as_ref().and_then(|s| s.closed_by(row)) {
            Some(closed) => checked.push_run(budget, row, closed),
            None => checked.push(row.line, group, None),
        }
    }
    for (row, closed) in closing {
        checked.push_run(budget, row, closed.clone());
    }
    checked
}

impl Checked {
    /// A total row's comparisons; none when its group has no amounts (a
    /// heading row of the same name, `PENDAPATAN` above `JUMLAH PENDAPATAN`).
    fn push(&mut self, line: usize, checks: Vec<TotalCheck>, run: Option<Closed>) {
        if checks.is_empty() {
            self.unchecked.push(line);
        } else {
            self.compared.push((line, run));
            self.checks.extend(checks);
        }
    }

    /// A total row equal to the run of rows it closes.
    fn push_run(&mut self, budget: &Budget, row: &TotalRow, closed: Closed) {
        let checks = compare(budget, row, &closed.sums);
        self.push(row.line, checks, Some(closed));
    }
}

/// A total row's figures against `sums`, in every amount column both give.
fn compare(budget: &Budget, row: &TotalRow, sums: &[Option<Decimal>]) -> Vec<TotalCheck> {
    let mut checks = Vec::new();
    for (measure, (shown, sum)) in budget.measures.iter().zip(row.values.iter().zip(sums)) {
        if budget.columns[measure.column].kind != ColumnKind::Amount {
            continue;
        }
        if let (Some(shown), Some(sum)) = (shown, sum) {
            checks.push(TotalCheck {
                line: row.line,
                label: row.label.clone(),
                column: measure.column,
                shown: *shown,
                sum: *sum,
            });
        }
    }
    checks
}

enum Missing {
    /// A level of the path is not kept.
    Level,
    /// No rows have the path.
    Group,
}

fn path_ids(
    budget: &Budget,
    levels: &[Option<usize>],
    names: &[&str],
) -> Result<Vec<u32>, Missing> {
    if names.len() > levels.len() {
        return Err(Missing::Level);
    }
    names
        .iter()
        .zip(levels)
        .map(|(name, level)| {
            let dimension: &Dimension = budget
                .dimensions
                .get((*level).ok_or(Missing::Level)?)
                .ok_or(Missing::Level)?;
            dimension
                .find(name)
                .or_else(|| dimension.find_folded(name))
                .ok_or(Missing::Group)
        })
        .collect()
}

/// The sums of every amount measure over the rows under each path, in one
/// pass over the rows.
fn group_sums<'a>(
    budget: &Budget,
    levels: &[Option<usize>],
    paths: impl Iterator<Item = &'a [u32]>,
) -> FxHashMap<Vec<u32>, Vec<Option<Decimal>>> {
    let mut wanted: FxHashMap<Vec<u32>, Vec<crate::analysis::sum::Sum>> = FxHashMap::default();
    let width = budget.measures.len();
    for path in paths {
        wanted
            .entry(path.to_vec())
            .or_insert_with(|| vec![Default::default(); width]);
    }
    let mut depths: Vec<usize> = wanted.keys().map(Vec::len).collect();
    depths.sort_unstable();
    depths.dedup();
    let dimensions: Vec<&Dimension> = levels
        .iter()
        .take(depths.last().copied().unwrap_or(0))
        .filter_map(|l| l.and_then(|d| budget.dimensions.get(d)))
        .collect();
    let values: Vec<&Values> = budget.measures.iter().map(|m| &m.values).collect();
    let mut key: Vec<u32> = Vec::new();
    for row in 0..budget.rows() {
        key.clear();
        key.extend(dimensions.iter().map(|d| d.id(row)));
        for &depth in &depths {
            if let Some(sums) = key.get(..depth).and_then(|k| wanted.get_mut(k)) {
                for (sum, values) in sums.iter_mut().zip(&values) {
                    // A sum beyond the decimal range is not compared.
                    let _ = values.add_to(row, sum);
                }
            }
        }
    }
    wanted
        .into_iter()
        .map(|(path, sums)| {
            (
                path,
                sums.iter().map(|s| s.value().ok().flatten()).collect(),
            )
        })
        .collect()
}
