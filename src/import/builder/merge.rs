//! Reading one file in parts, on several threads or Web Workers: a builder
//! for each later part, with the plan the head of the file gave (columns,
//! slots, units, notation) and no rows, and the parts' rows
//! ([`PartRows`]) merged back in file order, so that
//! the budget is the one reading the parts one after the other would give —
//! the same label ids, values, lines, warnings and counts.

use super::{BudgetBuilder, PartRows};
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
            closing_total: None,
            row_values: Vec::new(),
            scaling: self.scaling,
        }
    }

    /// Adds a later part's rows, warnings, notations and total rows after
    /// these. The row limit holds for the whole: past it, the error names
    /// the row the one-by-one reading would have stopped at.
    pub(crate) fn absorb(&mut self, part: PartRows) -> Result<(), Error> {
        let room = self.limits.max_rows.saturating_sub(self.budget.lines.len());
        if let Some(&line) = part.lines.get(room) {
            return Err(Error::new(ErrorKind::TooManyRows)
                .at_row(line as usize)
                .with_detail(
                    format!("최대 {}행", self.limits.max_rows),
                    format!("at most {} rows", self.limits.max_rows),
                ));
        }
        for (mine, theirs) in self.budget.dimensions.iter_mut().zip(&part.dimensions) {
            mine.absorb(&theirs.labels, &theirs.ids);
        }
        for (mine, theirs) in self.budget.measures.iter_mut().zip(&part.values) {
            mine.values.append(theirs);
        }
        self.budget.lines.extend_from_slice(&part.lines);
        // The first warnings of each kind, in file order, and every count.
        for (code, row, column, ko, en) in part.warnings {
            self.warn(code.0, row, column, ko, en);
        }
        for (code, count) in part.counts {
            let stored = count.min(WARNINGS_PER_CODE);
            *self.warning_counts.entry(code.0).or_insert(0) += count - stored;
        }
        self.notations.borrow_mut().absorb(part.notations);
        self.total_rows.extend(part.total_rows);
        let room = (super::SHOWN_ROWS + 1).saturating_sub(self.shown.len());
        self.shown.extend(part.shown.into_iter().take(room));
        Ok(())
    }

    /// Adds a later part from its bytes ([`PartRows::to_bytes`]); `false`
    /// when they are not a part of this plan.
    pub(crate) fn absorb_bytes(&mut self, bytes: &[u8]) -> Result<bool, Error> {
        let dimensions = self.budget.dimensions.len();
        let measures = self.budget.measures.len();
        match PartRows::from_bytes(bytes, dimensions, measures) {
            Some(part) => self.absorb(part).map(|()| true),
            None => Ok(false),
        }
    }
}
