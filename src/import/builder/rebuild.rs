//! A report table's hierarchy rebuilt from its sums: when one column names
//! the rows and some rows are the sums of the rows below them, the tree of
//! sums becomes the budget's hierarchy (see [`crate::hierarchy::rebuild`]).

use super::runs;
use super::BudgetBuilder;
use crate::budget::{Dimension, ShownRow};
use crate::columns::sides::{side_of, Side};
use crate::columns::{evidence, Column, ColumnKind};
use crate::error::{quote_value, Error};
use crate::korean::{
    after,
    Particle::{Into, Topic},
};
use crate::values::Values;

impl BudgetBuilder {
    /// The one dimension that names the rows, when the table has exactly one
    /// hierarchy column (a report table's 구분 or 부서/사업명).
    pub(super) fn name_dimension(&self) -> Option<usize> {
        if self.pivot.is_some() || !self.budget.split.is_empty() {
            return None;
        }
        let mut names = self
            .budget
            .dimensions
            .iter()
            .enumerate()
            .filter(|(_, d)| self.budget.columns[d.column].hierarchy);
        let (first, _) = names.next()?;
        names.next().is_none().then_some(first)
    }

    /// The tree rebuilt from the shown rows, with the headings that total
    /// rows close lifted and the runs they close grouped (see
    /// [`BudgetBuilder::lift_closing_totals`]) where every such heading
    /// then is a sum; else from the rows as shown.
    pub(super) fn rebuild_lifted(
        &mut self,
        name: Option<usize>,
        shown: Vec<ShownRow>,
    ) -> (Vec<ShownRow>, Option<crate::hierarchy::Tree>) {
        let Some(name) = name else {
            return (shown, None);
        };
        let shown = self.closing_total_first(shown);
        let lifted = self.lift_closing_totals(name, &shown);
        if !lifted.closed.is_empty() {
            if let Some(tree) = self.rebuild(&lifted.rows) {
                let heads = |line: usize| lifted.rows.iter().position(|r| r.line == line);
                let all_sums = lifted
                    .closed
                    .iter()
                    .all(|&(_, heading)| heads(heading).is_some_and(|i| tree.is_parent(i)));
                // A group made for a run holds that run, not a part of it.
                let below = descendants(&tree);
                let all_runs = lifted
                    .runs
                    .iter()
                    .all(|run| below[run.span.at] == run.span.rows);
                if all_sums && all_runs {
                    self.warn_closed(&shown, name, &lifted.closed);
                    self.warn_runs(&lifted.runs);
                    return (lifted.rows, Some(tree));
                }
            }
        }
        let tree = self.rebuild(&shown);
        if tree.is_none() && lifted.closed.is_empty() && !lifted.runs.is_empty() {
            // No row is a sum of the rows below it: the runs alone make
            // the tree.
            let spans: Vec<runs::Span> = lifted.runs.iter().map(|run| run.span).collect();
            let tree = runs::tree(&spans, lifted.rows.len());
            self.warn_runs(&lifted.runs);
            return (lifted.rows, Some(tree));
        }
        (shown, tree)
    }

    /// A last row that is exactly the sum of every row above it, where no
    /// row reads as a total, is the table's total though no total word
    /// names it (`Net Cost of Services`, `Budget Requirement`): it is put
    /// first, as a report that puts its sums on top shows it, for the
    /// rebuilt tree to take it as the sum of the rest. At least three rows
    /// above it, or two with two amount columns, so that one item equal to
    /// the sum of two others is not taken for a total.
    fn closing_total_first(&mut self, mut shown: Vec<ShownRow>) -> Vec<ShownRow> {
        let amounts = self.amount_measures();
        let Some((last, above)) = shown.split_last() else {
            return shown;
        };
        let given: Vec<usize> = amounts
            .iter()
            .copied()
            .filter(|&m| last.values.get(m).copied().flatten().is_some())
            .collect();
        let enough = above.len() >= 3 || (above.len() >= 2 && given.len() >= 2);
        if !enough || shown.iter().any(|r| r.total || r.hint) {
            return shown;
        }
        let sum_of = |m: usize| {
            above
                .iter()
                .try_fold(rust_decimal::Decimal::ZERO, |sum, row| {
                    sum.checked_add(row.values.get(m).copied().flatten().unwrap_or_default())
                })
        };
        let value = |m: usize| last.values.get(m).copied().flatten();
        let sums = given.iter().all(|&m| sum_of(m) == value(m));
        let some_nonzero = given
            .iter()
            .any(|&m| value(m).is_some_and(|v| !v.is_zero()));
        if !sums || !some_nonzero {
            return shown;
        }
        let mut total = shown.pop().expect("a last row");
        total.hint = true;
        self.closing_total = Some(total.line);
        shown.insert(0, total);
        shown
    }

    /// One warning per total row whose figures were given to its heading.
    fn warn_closed(&mut self, shown: &[ShownRow], name: usize, closed: &[(usize, usize)]) {
        let label = |line: usize| {
            shown
                .iter()
                .find(|r| r.line == line)
                .map_or_else(String::new, |r| quote_value(&r.dims[name]))
        };
        for &(total, heading) in closed {
            let (t, h) = (label(total), label(heading));
            self.warn(
                "total_row",
                Some(total),
                None,
                format!("{total}행 {t}{} {heading}행 {h}의 합계라, 그 금액을 {h}에 두고 계산에서 뺐습니다. 사이의 행들의 합과 맞춰 보았습니다(검증 참고)", after(&t, Topic)),
                format!("row {total} {t} is the total of {h} (row {heading}); its figures were given to {h}, checked against the rows between (see the audit), and left out of the sums"),
            );
        }
    }

    /// One warning per total row whose run of rows was made a group.
    fn warn_runs(&mut self, runs: &[GroupedRun]) {
        for run in runs {
            let (line, first, last) = (run.line, run.first, run.last);
            let (t, g) = (quote_value(&run.label), quote_value(&run.name));
            let lines = if first == last {
                first.to_string()
            } else {
                format!("{first}~{last}")
            };
            let lines_en = if first == last {
                format!("row {first}")
            } else {
                format!("rows {first}–{last}")
            };
            let (ko, en) = if run.all {
                (
                    format!("{line}행 {t}{} 위 모든 행의 합계라 계산에서 뺐습니다", after(&t, Topic)),
                    format!("row {line} {t} is the total of all the rows above it and was left out of the sums"),
                )
            } else {
                (
                    format!("{line}행 {t}{} 바로 위 {lines}행의 합계라, 그 행들을 {g}{} 묶고 금액을 그 묶음에 두었습니다. 계산에서는 뺐습니다", after(&t, Topic), after(&g, Into)),
                    format!("row {line} {t} is the total of {lines_en} just above it: they are grouped as {g}, which takes its figures, and it was left out of the sums"),
                )
            };
            self.warn("total_row", Some(line), None, ko, en);
        }
    }

    /// The shown rows with each heading that has no amounts of its own
    /// (`PENDAPATAN`, `Police Department`) given those of the total row
    /// that closes it further down (`JUMLAH PENDAPATAN`, `Total Police
    /// Department`), which is left out: the heading then is the sum of the
    /// rows between, as a report table that puts its sums on top shows it.
    /// A total row that no heading names and that closes a run of rows
    /// just above it (`Total Personnel Services`, `Subtotal`) becomes a
    /// group row above that run (see [`runs`]), where some run is less
    /// than all the rows.
    pub(super) fn lift_closing_totals(&self, name: usize, shown: &[ShownRow]) -> Lifted {
        let mut rows = shown.to_vec();
        let mut closed = Vec::new();
        let mut dropped = vec![false; rows.len()];
        // Each heading's closing total row.
        let mut heads: Vec<Option<usize>> = vec![None; rows.len()];
        for j in 0..rows.len() {
            let Some(group) = self.closed_group(&rows[j]) else {
                continue;
            };
            let group = group.trim().to_lowercase();
            let heading = (0..j).rev().find(|&i| {
                !dropped[i]
                    && rows[i].values.iter().all(Option::is_none)
                    && rows[i].dims[name].trim().to_lowercase() == group
            });
            if let Some(i) = heading {
                rows[i].values = rows[j].values.clone();
                rows[i].hint = true;
                dropped[j] = true;
                heads[i] = Some(j);
                closed.push((rows[j].line, rows[i].line));
            }
        }
        let runs = self.runs_closed(name, &rows, &dropped, &heads);
        let (grouped, spans) = runs::grouped(rows, name, &runs, &dropped);
        let runs = runs
            .iter()
            .zip(spans)
            .map(|(run, span)| GroupedRun::new(shown, name, run, span, &heads))
            .collect();
        Lifted {
            rows: grouped,
            closed,
            runs,
        }
    }

    /// The runs of rows closed by the total rows no heading names, where
    /// some run is less than all the rows (else the total rows stay as
    /// they are).
    fn runs_closed(
        &self,
        name: usize,
        rows: &[ShownRow],
        dropped: &[bool],
        heads: &[Option<usize>],
    ) -> Vec<runs::Run> {
        let with_amounts = |row: &ShownRow| row.values.iter().any(Option::is_some);
        let items: std::collections::HashSet<String> = rows
            .iter()
            .filter(|r| !r.total)
            .map(|r| r.dims[name].trim().to_lowercase())
            .collect();
        let names_an_item = |label: &str| items.contains(&label.trim().to_lowercase());
        let closing: Vec<(usize, String)> = (0..rows.len())
            .filter(|&j| rows[j].total && !dropped[j] && with_amounts(&rows[j]))
            .map(|j| {
                let group = self.closed_group(&rows[j]).map(|g| capitalized(&g));
                (
                    j,
                    group.unwrap_or_else(|| rows[j].dims[name].trim().to_string()),
                )
            })
            .filter(|(_, group)| !names_an_item(group))
            .collect();
        if closing.is_empty() {
            return Vec::new();
        }
        let counts: Vec<bool> = (0..rows.len())
            .map(|i| !rows[i].total && heads[i].is_none())
            .collect();
        let boundaries: Vec<bool> = rows.iter().map(|r| r.total).collect();
        let amounts = self.amount_measures();
        let runs = runs::closed_runs(rows, &counts, &boundaries, heads, &amounts, closing)
            .unwrap_or_default();
        let items = counts.iter().filter(|&&c| c).count();
        let covers_all =
            |run: &runs::Run| counts[run.start..run.total].iter().filter(|&&c| c).count() == items;
        if runs.iter().all(covers_all) {
            return Vec::new();
        }
        runs
    }

    /// The group a total row closes: the one its label names (`JUMLAH
    /// PENDAPATAN` → `PENDAPATAN`), if it is a total row with amounts.
    fn closed_group(&self, row: &ShownRow) -> Option<String> {
        if !row.total || row.values.iter().all(Option::is_none) {
            return None;
        }
        self.total_rows
            .iter()
            .find(|t| t.line == row.line)
            .and_then(|t| t.group.clone())
    }

    /// The measures that are amounts.
    fn amount_measures(&self) -> Vec<usize> {
        self.budget
            .measures
            .iter()
            .enumerate()
            .filter(|(_, m)| self.budget.columns[m.column].kind == ColumnKind::Amount)
            .map(|(i, _)| i)
            .collect()
    }

    /// The tree rebuilt from the shown amounts, when any row is a sum.
    pub(super) fn rebuild(&self, shown: &[ShownRow]) -> Option<crate::hierarchy::Tree> {
        let amounts = self.amount_measures();
        let rows: Vec<crate::hierarchy::Row> = shown
            .iter()
            .map(|row| crate::hierarchy::Row {
                values: amounts
                    .iter()
                    .map(|&i| row.values.get(i).copied().flatten())
                    .collect(),
                hint: row.hint,
            })
            .collect();
        let tree = crate::hierarchy::rebuild(&rows);
        (0..rows.len()).any(|i| tree.is_parent(i)).then_some(tree)
    }

    /// Makes the rebuilt tree the budget's hierarchy: the rows that are not
    /// sums become the data rows, each with its path in new level columns
    /// (`<name> 1`, `<name> 2`, …); sums, second views and totals that add
    /// up to nothing are kept for the audit only. Where the only sum is a
    /// grand total (depth 1), the names stay the one level they are.
    pub(super) fn apply_tree(
        &mut self,
        name: usize,
        shown: &[ShownRow],
        tree: &crate::hierarchy::Tree,
    ) -> Result<(), Error> {
        let (leaves, paths) = leaves_and_paths(name, shown, tree);
        let depth = paths.iter().map(Vec::len).max().unwrap_or(1);
        let levels = if depth > 1 { depth } else { 0 };

        let base = self.budget.columns[self.budget.dimensions[name].column]
            .name
            .clone();
        let name_column = self.budget.dimensions[name].column;
        self.budget.columns[name_column].hierarchy = levels == 0;
        if levels > 0 {
            self.budget.columns[name_column].evidence.push(evidence(
                "rebuilt_levels",
                format!("이름들이 합계에서 다시 세운 계층 '{base} 1'~'{base} {levels}'에 놓였습니다"),
                format!("its names were placed in the levels rebuilt from the sums, '{base} 1' to '{base} {levels}'"),
            ));
        }
        let mut dimensions: Vec<Dimension> = self
            .budget
            .dimensions
            .iter()
            .map(|d| Dimension::new(d.column))
            .collect();
        for level in 1..=levels {
            let index = self.budget.columns.len();
            let mut column = Column::new(index, format!("{base} {level}"), ColumnKind::Dimension);
            column.hierarchy = true;
            column.level = Some(level - 1);
            self.budget.columns.push(column);
            dimensions.push(Dimension::new(index));
        }
        let own = self.budget.dimensions.len();
        let mut measures: Vec<Values> = vec![Values::default(); self.budget.measures.len()];
        let mut lines = Vec::with_capacity(leaves.len());
        for (&i, path) in leaves.iter().zip(&paths) {
            for (d, value) in shown[i].dims.iter().enumerate() {
                dimensions[d].push(value);
            }
            for level in 0..levels {
                dimensions[own + level].push(path.get(level).map_or("", String::as_str));
            }
            for (values, value) in measures
                .iter_mut()
                .zip(self.scaled(shown[i].line, &shown[i].values)?)
            {
                values.push(value);
            }
            lines.push(u32::try_from(shown[i].line).unwrap_or(u32::MAX));
        }
        self.budget.dimensions = dimensions;
        for (measure, values) in self.budget.measures.iter_mut().zip(measures) {
            measure.values = values;
        }
        self.budget.lines = lines;
        self.budget.ragged = true;
        self.total_rows.clear();
        if levels > 1 {
            self.split_by_side(own, &paths);
        }

        self.warn_rebuilt(name, shown, tree, depth);
        Ok(())
    }

    /// Where the rebuilt tree's top rows are the two sides (`PENDAPATAN
    /// DAERAH` over its revenues, `BELANJA DAERAH` over its spending), the
    /// first new level splits the budget as a side column does, so that
    /// nothing adds revenue to spending.
    fn split_by_side(&mut self, first: usize, paths: &[Vec<String>]) {
        let mut sides = paths
            .iter()
            .map(|path| path.first().and_then(|top| side_of(top)));
        let (mut revenue, mut expense) = (false, false);
        let all_sides = sides.all(|side| {
            revenue |= side == Some(Side::Revenue);
            expense |= side == Some(Side::Expense);
            side.is_some()
        });
        if !(all_sides && revenue && expense) {
            return;
        }
        let index = self.budget.dimensions[first].column;
        for column in &mut self.budget.columns {
            if column.index == index {
                column.kind = ColumnKind::Side;
                column.hierarchy = false;
                column.level = None;
            } else if let Some(level) = column.level.filter(|_| column.index > index) {
                column.level = Some(level.saturating_sub(1));
            }
        }
        self.budget.split = vec![index];
    }

    /// The warnings of a rebuilt tree: how many rows are sums, which rows
    /// are a second view of a total, which totals add up to nothing.
    fn warn_rebuilt(
        &mut self,
        name: usize,
        shown: &[ShownRow],
        tree: &crate::hierarchy::Tree,
        depth: usize,
    ) {
        let n = shown.len();
        let sums: Vec<usize> = (0..n).filter(|&i| tree.is_parent(i)).collect();
        let header_row = self.budget.source.header_row;
        match sums.as_slice() {
            [grand] if depth == 1 => {
                let (line, label) = (shown[*grand].line, quote_value(&shown[*grand].dims[name]));
                let topic = after(&label, Topic);
                let (ko, en) = if self.closing_total == Some(line) {
                    (
                        format!("{line}행 {label}{topic} 합계라는 말은 없지만 위의 모든 행의 합이라 합계 행으로 보고 계산에서 뺐습니다"),
                        format!("row {line} {label} names no total, but it is the sum of all the rows above it: it was read as the total row and left out of the sums"),
                    )
                } else {
                    (
                        format!("{line}행 {label}{topic} 아래 모든 행의 합계라 계산에서 뺐습니다"),
                        format!("row {line} {label} is the total of all the rows below it and was left out of the sums"),
                    )
                };
                self.warn("total_row", Some(line), None, ko, en);
            }
            _ => self.warn(
                "hierarchy_rebuilt",
                Some(header_row),
                None,
                format!("{n}행 가운데 {}행이 다른 행들의 합계여서, 합계에서 계층을 다시 세웠습니다 (깊이 {depth})", sums.len()),
                format!("{} of {n} rows are sums of other rows; the hierarchy was rebuilt from the sums (depth {depth})", sums.len()),
            ),
        }
        let views: Vec<usize> = (0..n).filter(|&i| tree.view[i]).collect();
        if let Some(&first) = views.first() {
            let parent = tree.parent[first].map_or(0, |p| shown[p].line);
            let lines: Vec<String> = views.iter().map(|&i| shown[i].line.to_string()).collect();
            self.warn(
                "second_view",
                Some(shown[first].line),
                None,
                format!("{}행은 {parent}행 합계의 다른 구분(예: 사업예산·기본경비)이라 다시 더하지 않았습니다", lines.join(", ")),
                format!("rows {} break down the total in row {parent} another way (e.g. by kind) and are not added again", lines.join(", ")),
            );
        }
        for i in (0..n).filter(|&i| shown[i].total && !tree.is_parent(i)) {
            let line = shown[i].line;
            self.warn(
                "total_unmatched",
                Some(line),
                None,
                format!("{line}행은 합계처럼 보이지만 아래 행들의 합과 맞지 않아 계산에서 뺐습니다"),
                format!("row {line} reads as a total, but no rows below add up to it; it was left out of the sums"),
            );
        }
    }
}

/// The rows that are items of the rebuilt tree (not sums, not in a second
/// view, not totals, not the grand total) and each one's path of names
/// below the grand total.
fn leaves_and_paths(
    name: usize,
    shown: &[ShownRow],
    tree: &crate::hierarchy::Tree,
) -> (Vec<usize>, Vec<Vec<String>>) {
    let n = shown.len();
    let in_view = |mut i: usize| loop {
        if tree.view[i] {
            return true;
        }
        match tree.parent[i] {
            Some(p) => i = p,
            None => return false,
        }
    };
    let tops: Vec<usize> = (0..n).filter(|&i| tree.parent[i].is_none()).collect();
    let grand = match tops.as_slice() {
        [only] if tree.is_parent(*only) => Some(*only),
        _ => None,
    };
    let leaves: Vec<usize> = (0..n)
        .filter(|&i| !tree.is_parent(i) && !in_view(i) && !shown[i].total && Some(i) != grand)
        .collect();
    let path = |mut i: usize| {
        let mut names = vec![shown[i].dims[name].clone()];
        while let Some(p) = tree.parent[i] {
            if Some(p) == grand {
                break;
            }
            names.push(shown[p].dims[name].clone());
            i = p;
        }
        names.reverse();
        names
    };
    let paths: Vec<Vec<String>> = leaves.iter().map(|&i| path(i)).collect();

    (leaves, paths)
}

/// The shown rows with the total rows that close groups lifted (see
/// [`BudgetBuilder::lift_closing_totals`]).
pub(super) struct Lifted {
    pub rows: Vec<ShownRow>,
    /// Each total row given to the heading it names: (its line, the
    /// heading's line).
    pub closed: Vec<(usize, usize)>,
    /// Each total row whose run of rows became a group.
    pub runs: Vec<GroupedRun>,
}

/// A total row whose run of rows became a group, for its warning.
pub(super) struct GroupedRun {
    /// The total row's line, which its group row takes.
    pub line: usize,
    pub label: String,
    /// The group's name.
    pub name: String,
    /// The first and last line of the run's items.
    pub first: usize,
    pub last: usize,
    /// Whether the run is every item of the table.
    pub all: bool,
    /// Where its group row stands among the grouped rows.
    pub span: runs::Span,
}

impl GroupedRun {
    fn new(
        shown: &[ShownRow],
        name: usize,
        run: &runs::Run,
        span: runs::Span,
        heads: &[Option<usize>],
    ) -> GroupedRun {
        let item = |i: &usize| !shown[*i].total && heads[*i].is_none();
        let items: Vec<usize> = (run.start..run.total)
            .filter(item)
            .map(|i| shown[i].line)
            .collect();
        let all = items.len() == (0..shown.len()).filter(item).count();
        GroupedRun {
            line: shown[run.total].line,
            label: shown[run.total].dims[name].clone(),
            name: run.name.clone(),
            first: items.first().copied().unwrap_or(0),
            last: items.last().copied().unwrap_or(0),
            all,
            span,
        }
    }
}

/// How many rows each row has under it in `tree`, whose parents come
/// before their children.
fn descendants(tree: &crate::hierarchy::Tree) -> Vec<usize> {
    let mut below = vec![0; tree.parent.len()];
    for i in (0..tree.parent.len()).rev() {
        if let Some(p) = tree.parent[i] {
            below[p] += below[i] + 1;
        }
    }
    below
}

/// A group's name with its first letter capitalized, as the name of a row
/// (`Total des dépenses réelles` → `Dépenses réelles`).
fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
