//! A year column that the sampled rows showed with one year and that holds
//! more by the end: the budget is split by it after all.

use super::BudgetBuilder;
use crate::columns::ColumnKind;

impl BudgetBuilder {
    /// A year column with one year in the rows sampled that holds more by
    /// the end (a file sorted by year, longer than the sample): the budget
    /// is split by it, as if every year had been seen at first, so that no
    /// total adds two years, and the amounts lose the one year they had
    /// been given from it.
    pub(super) fn split_years_seen_late(&mut self) {
        let pivot = self.pivot.as_ref();
        let budget = &mut self.budget;
        let late: Vec<usize> = budget
            .columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Year && !budget.split.contains(&c.index))
            .filter(|c| !pivot.is_some_and(|p| p.is_key(c.index)))
            .filter(|c| budget.dimension(c.index).is_some_and(|d| d.distinct() > 1))
            .map(|c| c.index)
            .collect();
        let Some(&first) = late.first() else {
            return;
        };
        for column in budget
            .columns
            .iter_mut()
            .filter(|c| c.kind == ColumnKind::Amount)
        {
            if column.evidence.iter().any(|e| e.code == "year_column") {
                column.year = None;
                column.evidence.retain(|e| e.code != "year_column");
            }
        }
        let sides = budget
            .split
            .iter()
            .take_while(|&&c| budget.columns[c].kind == ColumnKind::Side)
            .count();
        budget.split.splice(sides..sides, late.iter().copied());
        let name = budget.columns[first].name.clone();
        let line = budget.source.header_row;
        self.warn(
            "years_seen_late",
            Some(line),
            Some(first + 1),
            format!("'{name}' 열에 처음 행들에는 없던 연도가 뒤에 나와, 연도별로 나누어 합계를 냈습니다"),
            format!("column '{name}' holds years further down that the first rows did not show: the totals are per year"),
        );
    }
}
