//! Builds a [`Budget`] row by row from the cells an importer reads: applies
//! the limits, reads the numbers, leaves out total, note and count rows
//! (checking totals against the sums) and names every row it cannot read.

use crate::amount::{parse_number, NumberError};
use crate::budget::{
    Budget, Dimension, Measure, ShownRow, Source, Structure, TotalCheck, Warning, WARNINGS_PER_CODE,
};
use crate::columns::{infer, layout, Column, ColumnKind};
use crate::error::{quote_value, Error, ErrorKind};
use crate::import::cells::{blank, count_text, label, note_text};
use crate::import::pivot::Pivot;
use crate::import::table::Cells;
use crate::import::totals::{self, TotalRow};
use crate::options::{Limits, Options};
use crate::unit::Unit;
use crate::values::Values;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What a cell of the file becomes.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Dimension(usize),
    /// A dimension no one will ask for (see [`Options::for_one_report`]).
    Unused,
    /// An amount or rate: read through the measures, in column order.
    Measure,
    /// An amount spread over the columns of a pivot (see [`Pivot`]).
    Pivoted,
    Ignored,
}

/// Builds a [`Budget`] row by row, so that a large file never has to be held
/// as strings.
pub(crate) struct BudgetBuilder {
    budget: Budget,
    slots: Vec<Slot>,
    limits: Limits,
    /// The columns whose cells may mark a total row: the hierarchy in its
    /// order, then row-type columns.
    hierarchy: Vec<usize>,
    /// How many of the hierarchy columns are levels (the rest are row types).
    levels: usize,
    warning_counts: HashMap<&'static str, usize>,
    total_rows: Vec<TotalRow>,
    /// The measures read from the file's cells (those a pivot adds follow).
    read: usize,
    pivot: Option<Pivot>,
    /// Every row as shown, in order, while the table is small enough to be
    /// audited and rebuilt.
    shown: Vec<ShownRow>,
    /// Lines the format marks as possible sums (bold rows, ○ items).
    hinted: Vec<usize>,
    /// The current row's values, in a buffer kept from row to row.
    row_values: Vec<Option<Decimal>>,
    /// Some column's values are converted to the budget's unit.
    scaling: bool,
}

/// How many rows are kept as shown for the audit and the rebuilt hierarchy.
const SHOWN_ROWS: usize = 2_000;

impl BudgetBuilder {
    /// Understands the header from it and a sample of the first rows.
    /// `names`, when given, is the one column that names the rows (the
    /// others are not levels of the hierarchy).
    pub fn new(
        header: Vec<String>,
        sample: &[Vec<&str>],
        caption_unit: Option<Unit>,
        source: Source,
        names: Option<usize>,
        options: &Options,
        whole: bool,
    ) -> Result<BudgetBuilder, Error> {
        let limits = options.limits;
        if header.len() > limits.max_columns {
            return Err(Error::new(ErrorKind::TooManyColumns)
                .at_row(source.header_row)
                .with_detail(
                    format!("{}열, 최대 {}열", header.len(), limits.max_columns),
                    format!("{} columns, at most {}", header.len(), limits.max_columns),
                ));
        }
        let header = unique_names(header);
        let mut columns = infer(&header, sample, caption_unit);
        if let Some(names) = names {
            for column in &mut columns {
                column.hierarchy = column.index == names;
            }
        }
        if let Some(unit) = options.unit {
            for column in columns.iter_mut().filter(|c| c.kind == ColumnKind::Amount) {
                if Unit::from_header(&column.name).is_none() {
                    column.unit = Some(unit);
                }
            }
        }
        for (name, correction) in &options.columns {
            let column = columns
                .iter_mut()
                .find(|c| &c.name == name)
                .ok_or_else(|| unknown_column(name, &header))?;
            column.apply(correction);
        }
        if !columns.iter().any(|c| c.kind == ColumnKind::Amount) {
            return Err(Error::new(ErrorKind::NoAmountColumn)
                .at_row(source.header_row)
                .with_detail(
                    format!("제목 행: {}", header.join(", ")),
                    format!("header: {}", header.join(", ")),
                ));
        }
        let mut budget = Budget {
            columns: Vec::new(),
            dimensions: Vec::new(),
            measures: Vec::new(),
            lines: Vec::new(),
            unit: None,
            source,
            warnings: Vec::new(),
            structure: None,
            ragged: false,
            split: Vec::new(),
            total_checks: Vec::new(),
        };
        let (unit, scales, unit_warnings) = unify_units(&mut columns);
        budget.unit = unit;
        let layout = layout::plan(&mut columns);
        budget.split = layout.split.clone();
        // A large file read for one report by some of its dimensions keeps
        // only those: interning the others would be most of the reading.
        let unused = |column: &Column| {
            options.one_report
                && !whole
                && matches!(column.kind, ColumnKind::Dimension | ColumnKind::Code)
                && options
                    .by
                    .as_ref()
                    .is_some_and(|by| !by.contains(&column.name))
        };
        let mut slots = Vec::with_capacity(columns.len());
        for column in &columns {
            slots.push(match column.kind {
                _ if unused(column) => Slot::Unused,
                ColumnKind::Dimension
                | ColumnKind::Code
                | ColumnKind::Year
                | ColumnKind::Side
                | ColumnKind::Phase
                | ColumnKind::RowType => {
                    budget.dimensions.push(Dimension::new(column.index));
                    Slot::Dimension(budget.dimensions.len() - 1)
                }
                ColumnKind::Amount | ColumnKind::Rate => {
                    let scale = scales.get(&column.index).copied().unwrap_or(Decimal::ONE);
                    budget.measures.push(Measure::new(column.index, scale));
                    Slot::Measure
                }
                ColumnKind::Pivoted => Slot::Pivoted,
                ColumnKind::Ignored => Slot::Ignored,
            });
        }
        // Split columns lead: a total row on one side totals that side only.
        let mut hierarchy = layout.split.clone();
        hierarchy.extend(crate::columns::levels(&columns));
        let levels = hierarchy.len();
        hierarchy.extend(
            columns
                .iter()
                .filter(|c| c.kind == ColumnKind::RowType)
                .map(|c| c.index),
        );
        let read = budget.measures.len();
        let pivot = (!layout.keys.is_empty()).then(|| Pivot::new(&layout, &scales));
        budget.columns = columns;
        let mut builder = BudgetBuilder {
            budget,
            slots,
            limits,
            hierarchy,
            levels,
            warning_counts: HashMap::new(),
            total_rows: Vec::new(),
            read,
            pivot,
            shown: Vec::new(),
            hinted: Vec::new(),
            row_values: Vec::new(),
            scaling: scales.values().any(|&scale| scale != Decimal::ONE),
        };
        for (code, ko, en) in unit_warnings {
            builder.warn(code, None, None, ko, en);
        }
        Ok(builder)
    }

    /// Makes room for about `rows` more rows (at most the row limit).
    pub fn reserve(&mut self, rows: usize) {
        let rows = rows.min(self.limits.max_rows);
        for dimension in &mut self.budget.dimensions {
            dimension.reserve(rows);
        }
        for measure in &mut self.budget.measures {
            measure.values.reserve(rows);
        }
        self.budget.lines.reserve(rows);
    }

    /// Marks lines the format shows as possible sums (bold rows, ○ items).
    pub fn hint_lines(&mut self, lines: &[usize]) {
        self.hinted.extend_from_slice(lines);
    }

    pub fn warn(
        &mut self,
        code: &'static str,
        row: Option<usize>,
        column: Option<usize>,
        ko: String,
        en: String,
    ) {
        let count = self.warning_counts.entry(code).or_insert(0);
        *count += 1;
        if *count <= WARNINGS_PER_CODE {
            self.budget.warnings.push(Warning {
                code,
                row,
                column,
                message_ko: ko,
                message_en: en,
            });
        }
    }

    /// Reads one row of the file (1-based `line`), cells in header order.
    pub fn push(&mut self, line: usize, cells: &Cells<'_>) -> Result<(), Error> {
        let width = self.slots.len();
        if cells.iter().all(blank) {
            return Ok(());
        }
        // No cell is longer in characters than in bytes.
        let too_long = cells.longest() > self.limits.max_field_chars;
        for (index, cell) in cells.iter().enumerate().filter(|_| too_long) {
            if cell.len() > self.limits.max_field_chars
                && cell.chars().count() > self.limits.max_field_chars
            {
                let name = self.name_of(index);
                return Err(Error::new(ErrorKind::FieldTooLong)
                    .at_row(line)
                    .at_column(index + 1, &name)
                    .with_detail(
                        format!(
                            "{}자, 최대 {}자",
                            cell.chars().count(),
                            self.limits.max_field_chars
                        ),
                        format!(
                            "{} characters, at most {}",
                            cell.chars().count(),
                            self.limits.max_field_chars
                        ),
                    ));
            }
        }
        if let Some(note) = note_text(cells) {
            self.warn(
                "note_row",
                Some(line),
                None,
                format!(
                    "{line}행은 주석으로 보고 계산에서 뺐습니다: {}",
                    quote_value(note)
                ),
                format!(
                    "row {line} reads as a note and was left out: {}",
                    quote_value(note)
                ),
            );
            return Ok(());
        }
        if cells.len() < width
            || (width..cells.len()).any(|i| cells.get(i).is_some_and(|c| !blank(c)))
        {
            return Err(Error::new(ErrorKind::RaggedRow).at_row(line).with_detail(
                format!("이 행은 {}칸, 제목 행은 {}칸", cells.len(), width),
                format!(
                    "this row has {} cells, the header has {}",
                    cells.len(),
                    width
                ),
            ));
        }
        if self.budget.lines.len() >= self.limits.max_rows {
            return Err(Error::new(ErrorKind::TooManyRows).at_row(line).with_detail(
                format!("최대 {}행", self.limits.max_rows),
                format!("at most {} rows", self.limits.max_rows),
            ));
        }
        // The row's values are read into a buffer kept from row to row.
        let mut shown = std::mem::take(&mut self.row_values);
        shown.clear();
        match self.read_measures(line, cells, &mut shown) {
            Ok(()) => {}
            // A row of counts (`521건`) in a report table is not an error in
            // its amounts: it is not a row of amounts at all.
            Err(error) if error.kind() == ErrorKind::NotANumber => match count_text(cells) {
                Some(count) => {
                    self.warn(
                        "count_row",
                        Some(line),
                        None,
                        format!(
                            "{line}행은 금액이 아니라 건수({})라 계산에서 뺐습니다",
                            quote_value(count)
                        ),
                        format!(
                            "row {line} holds counts ({}), not amounts, and was left out",
                            quote_value(count)
                        ),
                    );
                    return Ok(());
                }
                None => return Err(error),
            },
            Err(error) => return Err(error),
        }
        if let Some(pivot) = self.pivot.as_mut() {
            let first = pivot.measures_of(cells, &mut self.budget);
            let width = pivot.width();
            let sources: Vec<usize> = pivot.sources().collect();
            shown.resize(self.budget.measures.len(), None);
            for (k, source) in sources.into_iter().enumerate() {
                shown[first + k] = self.read_cell(line, source, cells.get(source).unwrap_or(""))?;
            }
            debug_assert!(first + width <= shown.len());
        }
        let no_names = self
            .slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| matches!(slot, Slot::Dimension(_) | Slot::Unused))
            .all(|(index, _)| cells.get(index).is_none_or(blank));
        if no_names && shown.iter().all(Option::is_none) {
            // Only marks such as `(x-)` or `-`: nothing is there.
            self.row_values = shown;
            return Ok(());
        }
        let total = totals::find(&self.hierarchy, self.budget.split.len(), self.levels, cells);
        if self.shown.len() <= SHOWN_ROWS || total.is_some() || self.scaling {
            let values = self.scaled(line, &shown)?;
            if self.shown.len() <= SHOWN_ROWS {
                self.shown.push(ShownRow {
                    line,
                    dims: self.dimension_cells(cells),
                    values: shown.clone(),
                    total: total.is_some(),
                    hint: total.is_some() || self.bold(cells),
                });
            }
            if let Some(hit) = total {
                let row = TotalRow {
                    line,
                    label: hit.label.to_string(),
                    prefix: hit.prefix.iter().map(|p| p.to_string()).collect(),
                    group: hit.group,
                    values,
                    dims: self.dimension_cells(cells),
                };
                self.total_rows.push(row);
                self.row_values = shown;
                return Ok(());
            }
            shown = values;
        }
        for (index, slot) in self.slots.iter().enumerate() {
            if let Slot::Dimension(d) = slot {
                let value = label(cells.get(index).unwrap_or(""));
                // Checked once per distinct value, not once per cell.
                let new = self.budget.dimensions[*d].push(&value);
                if new && crate::import::encoding::control_at(value.as_bytes()).is_some() {
                    let name = self.name_of(index);
                    return Err(
                        crate::import::encoding::not_text_at(line).at_column(index + 1, &name)
                    );
                }
            }
        }
        for (measure, value) in self.budget.measures.iter_mut().zip(&shown) {
            measure.values.push(*value);
        }
        self.budget
            .lines
            .push(u32::try_from(line).unwrap_or(u32::MAX));
        self.row_values = shown;
        Ok(())
    }

    /// A dimension cell of the row is bold: the row may be a sum.
    fn bold(&self, cells: &Cells<'_>) -> bool {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| matches!(slot, Slot::Dimension(_)))
            .any(|(index, _)| crate::markup::is_bold(cells.get(index).unwrap_or("")))
    }

    /// The labels of a row's dimension cells, in the order of the dimensions.
    fn dimension_cells(&self, cells: &Cells<'_>) -> Vec<String> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| matches!(slot, Slot::Dimension(_)))
            .map(|(index, _)| label(cells.get(index).unwrap_or("")).into_owned())
            .collect()
    }

    fn name_of(&self, index: usize) -> String {
        self.budget
            .columns
            .get(index)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }

    /// The shown values in the budget's unit.
    fn scaled(
        &self,
        line: usize,
        values: &[Option<Decimal>],
    ) -> Result<Vec<Option<Decimal>>, Error> {
        self.budget
            .measures
            .iter()
            .zip(values)
            .map(|(measure, value)| match value {
                Some(v) if measure.scale != Decimal::ONE => {
                    v.checked_mul(measure.scale).map(Some).ok_or_else(|| {
                        let column = &self.budget.columns[measure.column];
                        Error::new(ErrorKind::OutOfRange)
                            .at_row(line)
                            .at_column(measure.column + 1, &column.name)
                    })
                }
                other => Ok(*other),
            })
            .collect()
    }

    /// The shown values of one row, as written (before any unit conversion),
    /// of the measures read from the file's cells.
    fn read_measures(
        &self,
        line: usize,
        cells: &Cells<'_>,
        values: &mut Vec<Option<Decimal>>,
    ) -> Result<(), Error> {
        for measure in &self.budget.measures[..self.read] {
            let index = measure.column;
            values.push(self.read_cell(line, index, cells.get(index).unwrap_or(""))?);
        }
        Ok(())
    }

    /// One amount or rate cell, as written.
    #[inline(always)]
    fn read_cell(&self, line: usize, index: usize, cell: &str) -> Result<Option<Decimal>, Error> {
        let column = &self.budget.columns[index];
        let at = |kind: ErrorKind| {
            Error::new(kind)
                .at_row(line)
                .at_column(index + 1, &column.name)
        };
        let money = matches!(column.kind, ColumnKind::Amount | ColumnKind::Pivoted);
        match parse_number(cell) {
            Ok(None) => Ok(None),
            Ok(Some(number)) if number.percent && money => Err(at(ErrorKind::NotANumber)
                .with_detail(
                    format!("{}: 금액 열에 백분율이 있습니다", quote_value(cell)),
                    format!("{}: a percentage in an amount column", quote_value(cell)),
                )),
            Ok(Some(number)) => Ok(Some(number.value)),
            Err(NumberError::NotANumber) => {
                Err(at(ErrorKind::NotANumber).with_detail(quote_value(cell), quote_value(cell)))
            }
            Err(NumberError::OutOfRange) => Err(at(ErrorKind::OutOfRange).with_detail(
                format!("{} (최대 28자리)", quote_value(cell)),
                format!("{} (28 significant digits at most)", quote_value(cell)),
            )),
        }
    }

    /// Ends the reading. A table held `whole` and small enough keeps its rows
    /// as shown for the audit, and when one column names its rows, its
    /// hierarchy is rebuilt from the sums; otherwise total rows are checked
    /// against the sum of the rows.
    pub fn finish(mut self, whole: bool) -> Result<Budget, Error> {
        let mut shown = std::mem::take(&mut self.shown);
        for row in &mut shown {
            row.hint |= self.hinted.contains(&row.line);
        }
        let mut rebuilt = false;
        if whole && shown.len() <= SHOWN_ROWS && !shown.is_empty() {
            let name_dimension = self.name_dimension();
            let tree = name_dimension.and_then(|_| self.rebuild(&shown));
            if let (Some(name), Some(tree)) = (name_dimension, &tree) {
                self.apply_tree(name, &shown, tree)?;
                rebuilt = true;
            }
            self.budget.structure = Some(Structure {
                rows: shown,
                tree,
                name_dimension,
            });
        }
        if !rebuilt {
            self.check_totals()?;
        }
        if self.budget.lines.is_empty() {
            return Err(Error::new(ErrorKind::HeaderOnly).at_row(self.budget.source.header_row));
        }
        for (code, count) in self.warning_counts.clone() {
            if count > WARNINGS_PER_CODE {
                let more = count - WARNINGS_PER_CODE;
                self.budget.warnings.push(Warning {
                    code,
                    row: None,
                    column: None,
                    message_ko: format!("같은 종류의 알림 {more}건이 더 있습니다"),
                    message_en: format!("{more} more warnings of the same kind"),
                });
            }
        }
        Ok(self.budget)
    }

    /// The one dimension that names the rows, when the table has exactly one
    /// hierarchy column (a report table's 구분 or 부서/사업명).
    fn name_dimension(&self) -> Option<usize> {
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

    /// The tree rebuilt from the shown amounts, when any row is a sum.
    fn rebuild(&self, shown: &[ShownRow]) -> Option<crate::hierarchy::Tree> {
        let amounts: Vec<usize> = self
            .budget
            .measures
            .iter()
            .enumerate()
            .filter(|(_, m)| self.budget.columns[m.column].kind == ColumnKind::Amount)
            .map(|(i, _)| i)
            .collect();
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
    /// up to nothing are kept for the audit only.
    fn apply_tree(
        &mut self,
        name: usize,
        shown: &[ShownRow],
        tree: &crate::hierarchy::Tree,
    ) -> Result<(), Error> {
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
        let depth = paths.iter().map(Vec::len).max().unwrap_or(1);

        let base = self.budget.columns[self.budget.dimensions[name].column]
            .name
            .clone();
        let name_column = self.budget.dimensions[name].column;
        self.budget.columns[name_column].hierarchy = false;
        let mut dimensions: Vec<Dimension> = self
            .budget
            .dimensions
            .iter()
            .map(|d| Dimension::new(d.column))
            .collect();
        for level in 1..=depth {
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
            for level in 0..depth {
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

        let sums = (0..n).filter(|&i| tree.is_parent(i)).count();
        let header_row = self.budget.source.header_row;
        self.warn(
            "hierarchy_rebuilt",
            Some(header_row),
            None,
            format!("{n}행 가운데 {sums}행이 아래 행들의 합계여서, 합계에서 계층을 다시 세웠습니다 (깊이 {depth})"),
            format!("{sums} of {n} rows are sums of the rows below them; the hierarchy was rebuilt from the sums (depth {depth})"),
        );
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
        Ok(())
    }

    /// Compares the total rows with the rows they total; a row whose label
    /// names a group that does not exist is read as data after all.
    fn check_totals(&mut self) -> Result<(), Error> {
        let rows = std::mem::take(&mut self.total_rows);
        if rows.is_empty() {
            return Ok(());
        }
        let levels: Vec<Option<usize>> = self.hierarchy[..self.levels]
            .iter()
            .map(|&index| match self.slots[index] {
                Slot::Dimension(d) => Some(d),
                _ => None,
            })
            .collect();
        let checked = totals::check(&self.budget, &levels, rows);
        for row in &checked.data {
            self.push_total_as_data(row)?;
        }
        for &line in &checked.compared {
            self.warn_total(line, &checked.checks);
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
        self.warn(
            "total_as_data",
            Some(line),
            None,
            format!("{line}행 {}은 합계처럼 보이지만 그런 묶음이 없어 자료로 더했습니다", quote_value(&row.label)),
            format!("row {line} {} reads like a total, but no group has that name; it was counted as data", quote_value(&row.label)),
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

    /// The warning for one total row: it equals its rows, or how it differs.
    fn warn_total(&mut self, line: usize, checks: &[TotalCheck]) {
        let mine: Vec<&TotalCheck> = checks.iter().filter(|c| c.line == line).collect();
        let label = quote_value(mine.first().map_or("", |c| c.label.as_str()));
        let differ: Vec<&&TotalCheck> = mine.iter().filter(|c| c.shown != c.sum).collect();
        let (ko, en) = if differ.is_empty() {
            (
                format!("{line}행 {label}은 합계 행이라 계산에서 뺐습니다. 표시된 합계는 해당 행들의 합과 같습니다"),
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
                format!("{line}행 {label}은 합계 행이라 계산에서 뺐습니다. 해당 행들의 합과 다릅니다: {}", ko.join("; ")),
                format!("row {line} {label} is a total row and was left out of the sums; it differs from the sum of the rows it totals: {}", en.join("; ")),
            )
        };
        self.warn("total_row", Some(line), None, ko, en);
    }
}

/// Makes header names unique and non-empty, so that columns can be named.
fn unique_names(header: Vec<String>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    header
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            let name = name.trim().to_string();
            let base = if name.is_empty() {
                format!("column {}", index + 1)
            } else {
                name
            };
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                base
            } else {
                format!("{base} ({count})")
            }
        })
        .collect()
}

fn unknown_column(name: &str, header: &[String]) -> Error {
    Error::new(ErrorKind::UnknownColumn).with_detail(
        format!("'{name}' (있는 열: {})", header.join(", ")),
        format!("'{name}' (the columns are: {})", header.join(", ")),
    )
}

type UnitWarning = (&'static str, String, String);

/// One unit for the whole budget: the common unit of the amount columns, or
/// the smallest of them when they differ (amounts are then scaled to it).
fn unify_units(
    columns: &mut [Column],
) -> (Option<Unit>, HashMap<usize, Decimal>, Vec<UnitWarning>) {
    let mut warnings = Vec::new();
    let stated: Vec<Unit> = columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Amount)
        .filter_map(|c| c.unit)
        .collect();
    let Some(&smallest) = stated.iter().min() else {
        warnings.push((
            "unit_not_stated",
            "금액의 단위가 표시되지 않았습니다. 원 단위로 보고 계산합니다".to_string(),
            "the table does not state the unit of its amounts; they are taken as won".to_string(),
        ));
        return (None, HashMap::new(), warnings);
    };
    let mut scales = HashMap::new();
    for column in columns.iter_mut().filter(|c| c.kind == ColumnKind::Amount) {
        match column.unit {
            None => {
                warnings.push((
                    "unit_assumed",
                    format!(
                        "'{}' 열의 단위가 없어 {}로 봅니다",
                        column.name,
                        smallest.label_ko()
                    ),
                    format!(
                        "column '{}' states no unit; taken as {}",
                        column.name,
                        smallest.label_ko()
                    ),
                ));
            }
            Some(unit) if unit != smallest => {
                scales.insert(column.index, unit.factor() / smallest.factor());
                warnings.push((
                    "unit_converted",
                    format!(
                        "'{}' 열을 {}에서 {}로 바꿔 계산합니다",
                        column.name,
                        unit.label_ko(),
                        smallest.label_ko()
                    ),
                    format!(
                        "column '{}' is converted from {} to {}",
                        column.name,
                        unit.label_ko(),
                        smallest.label_ko()
                    ),
                ));
            }
            Some(_) => {}
        }
        column.unit = Some(smallest);
    }
    (Some(smallest), scales, warnings)
}
