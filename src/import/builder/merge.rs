//! Reading one file in parts, on several threads: a builder for each later
//! part, with the plan the head of the file gave (columns, slots, units,
//! notation) and no rows, and the parts merged back in file order, so that
//! the budget is the one reading the parts one after the other would give —
//! the same label ids, values, lines, warnings and counts.

use super::BudgetBuilder;
use crate::budget::WARNINGS_PER_CODE;
use crate::error::{Error, ErrorKind};

impl BudgetBuilder {
    /// Whether the rows can be read in parts: not while a long file is
    /// being pivoted (its rows are spread as they come).
    pub(crate) fn splittable(&self) -> bool {
        self.pivot.is_none()
    }

    /// A builder for a later part of the file: the same plan, no rows.
    pub(crate) fn part(&self) -> BudgetBuilder {
        BudgetBuilder {
            budget: self.budget.empty_like(),
            slots: self.slots.clone(),
            limits: self.limits,
            total_columns: self.total_columns.clone(),
            notation: self.notation,
            not_given: self.not_given.clone(),
            notations: Default::default(),
            warning_counts: Default::default(),
            total_rows: Vec::new(),
            read: self.read,
            pivot: None,
            pivot_sources: self.pivot_sources.clone(),
            shown: Vec::new(),
            hinted: Vec::new(),
            row_values: Vec::new(),
            scaling: self.scaling,
        }
    }

    /// Adds a later part's rows, warnings, notations and total rows after
    /// these. The row limit holds for the whole: past it, the error names
    /// the row the one-by-one reading would have stopped at.
    pub(crate) fn absorb(&mut self, part: BudgetBuilder) -> Result<(), Error> {
        let room = self.limits.max_rows.saturating_sub(self.budget.lines.len());
        if let Some(&line) = part.budget.lines.get(room) {
            return Err(Error::new(ErrorKind::TooManyRows)
                .at_row(line as usize)
                .with_detail(
                    format!("최대 {}행", self.limits.max_rows),
                    format!("at most {} rows", self.limits.max_rows),
                ));
        }
        self.budget.absorb_rows(&part.budget);
        // The first warnings of each kind, in file order, and every count.
        for warning in part.budget.warnings {
            let count = self.warning_counts.entry(warning.code).or_insert(0);
            *count += 1;
            if *count <= WARNINGS_PER_CODE {
                self.budget.warnings.push(warning);
            }
        }
        for (code, count) in part.warning_counts {
            let stored = count.min(WARNINGS_PER_CODE);
            *self.warning_counts.entry(code).or_insert(0) += count - stored;
        }
        self.notations
            .borrow_mut()
            .absorb(part.notations.into_inner());
        self.total_rows.extend(part.total_rows);
        let room = (super::SHOWN_ROWS + 1).saturating_sub(self.shown.len());
        self.shown.extend(part.shown.into_iter().take(room));
        Ok(())
    }
}
