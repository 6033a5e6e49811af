//! The total rows found while reading, compared at the end with the rows
//! they total (see [`crate::import::totals`]), and the warnings that say so.

use super::{BudgetBuilder, Slot};
use crate::budget::TotalCheck;
use crate::error::{quote_value, Error};
use crate::import::totals::{self, Closed, TotalRow};
use crate::korean::{after, Particle::Topic};

impl BudgetBuilder {
    /// Compares the total rows with the rows they total; a row whose label
    /// names a group that does not exist is read as data after all.
    pub(super) fn check_totals(&mut self) -> Result<(), Error> {
        let rows = std::mem::take(&mut self.total_rows);
        if rows.is_empty() {
            return Ok(());
        }
        let levels: Vec<Option<usize>> = self
            .total_columns
            .levels()
            .iter()
            .map(|&index| match self.slots[index] {
                Slot::Dimension(d) => Some(d),
                _ => None,
            })
            .collect();
        let mut sorted = totals::sort(&self.budget, &levels, rows);
        for row in std::mem::take(&mut sorted.data) {
            self.push_total_as_data(&row)?;
        }
        let checked = totals::check(&self.budget, &levels, sorted);
        let mut checks = checked.checks.as_slice();
        for (line, run) in &checked.compared {
            let count = checks.iter().take_while(|c| c.line == *line).count();
            let (mine, rest) = checks.split_at(count);
            self.warn_total(*line, mine, run.as_ref());
            checks = rest;
        }
        for &line in &checked.unchecked {
            self.warn(
                "total_row",
                Some(line),
                None,
                format!("{line}행은 합계 행이라 계산에서 뺐습니다"),
                format!("row {line} is a total row and was left out of the sums"),
            );
        }
        self.budget.total_checks = checked.checks;
        Ok(())
    }

    /// A row that read as a total of a group no row belongs to: data.
    fn push_total_as_data(&mut self, row: &TotalRow) -> Result<(), Error> {
        let line = row.line;
        let label = quote_value(&row.label);
        self.warn(
            "total_as_data",
            Some(line),
            None,
            format!("{line}행 {label}{} 합계처럼 보이지만 그런 묶음이 없어 자료로 더했습니다", after(&label, Topic)),
            format!("row {line} {label} reads like a total, but no group has that name; it was counted as data"),
        );
        for (dimension, value) in self.budget.dimensions.iter_mut().zip(&row.dims) {
            dimension.push(value);
        }
        for (m, measure) in self.budget.measures.iter_mut().enumerate() {
            measure.values.push(row.values.get(m).copied().flatten());
        }
        self.budget
            .lines
            .push(u32::try_from(line).unwrap_or(u32::MAX));
        Ok(())
    }

    /// The warning for one total row, given its comparisons: it equals its
    /// rows, or how it differs.
    fn warn_total(&mut self, line: usize, mine: &[TotalCheck], run: Option<&Closed>) {
        let label = quote_value(mine.first().map_or("", |c| c.label.as_str()));
        let differ: Vec<&TotalCheck> = mine.iter().filter(|c| c.shown != c.sum).collect();
        let topic = after(&label, Topic);
        let (ko, en) = if let Some(Closed { first, last, .. }) = run {
            (
                format!("{line}행 {label}{topic} 합계 행이라 계산에서 뺐습니다. 바로 위 {first}~{last}행의 합과 같습니다"),
                format!("row {line} {label} is a total row and was left out of the sums; it equals the sum of rows {first}–{last} above it"),
            )
        } else if differ.is_empty() {
            (
                format!("{line}행 {label}{topic} 합계 행이라 계산에서 뺐습니다. 표시된 합계는 해당 행들의 합과 같습니다"),
                format!("row {line} {label} is a total row and was left out of the sums; it equals the sum of the rows it totals"),
            )
        } else {
            let name = |c: &TotalCheck| self.budget.columns[c.column].name.clone();
            let ko: Vec<String> = differ
                .iter()
                .map(|c| format!("'{}' 표시 {}, 계산 {}", name(c), c.shown, c.sum))
                .collect();
            let en: Vec<String> = differ
                .iter()
                .map(|c| {
                    format!(
                        "'{}' shows {}, the rows add up to {}",
                        name(c),
                        c.shown,
                        c.sum
                    )
                })
                .collect();
            (
                format!("{line}행 {label}{topic} 합계 행이라 계산에서 뺐습니다. 해당 행들의 합과 다릅니다: {}", ko.join("; ")),
                format!("row {line} {label} is a total row and was left out of the sums; it differs from the sum of the rows it totals: {}", en.join("; ")),
            )
        };
        self.warn("total_row", Some(line), None, ko, en);
    }
}
