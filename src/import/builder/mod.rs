//! Builds a [`Budget`] row by row from the cells an importer reads: applies
//! the limits, reads the numbers, leaves out total, note and count rows
//! (checking totals against the sums) and names every row it cannot read.

use crate::amount::{parse_number_in, Notation, NumberError};
use crate::budget::{
    Budget, Dimension, Measure, ShownRow, Source, Structure, Warning, WARNINGS_PER_CODE,
};
use crate::columns::{layout, Column, ColumnKind};
use crate::error::{quote_value, Error, ErrorKind};
use crate::import::cells::{blank, count_text, label, note_text};
use crate::import::pivot::Pivot;
use crate::import::table::Cells;
use crate::import::totals::{self, Found, TotalRow};
use crate::korean::{after, Particle::Topic};

mod header;
mod late_years;
mod merge;
mod notations;
mod rebuild;
mod runs;
mod total_rows;
mod wire;
use crate::options::{Limits, Options};
use crate::unit::Unit;
use rust_decimal::Decimal;
use std::collections::HashMap;
pub(crate) use wire::PartRows;

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

/// What the reader found above the rows: the header, the unit its caption
/// states, where the table came from, the column that names the rows (when
/// the format knows it) and how its numbers are written.
pub(crate) struct TableHead {
    /// The currency of the amounts (ISO 4217), when anything states it.
    pub currency: Option<String>,
    pub header: Vec<String>,
    pub caption_unit: Option<Unit>,
    pub source: Source,
    pub names: Option<usize>,
    pub notation: Notation,
}

/// Builds a [`Budget`] row by row, so that a large file never has to be held
/// as strings.
pub(crate) struct BudgetBuilder {
    budget: Budget,
    slots: Vec<Slot>,
    limits: Limits,
    /// The columns whose cells may mark a total row.
    total_columns: totals::TotalColumns,
    /// How the file writes its numbers.
    notation: Notation,
    /// The caller's marks of a figure not given, when it names them.
    not_given: Option<Vec<String>>,
    /// Placeholders and E-notation met in amount cells, for one warning each.
    notations: std::cell::RefCell<notations::Notations>,
    warning_counts: HashMap<&'static str, usize>,
    total_rows: Vec<TotalRow>,
    /// The measures read from the file's cells (those a pivot adds follow).
    read: usize,
    pivot: Option<Pivot>,
    /// The amount columns a pivot spreads, read from every row.
    pivot_sources: Vec<usize>,
    /// Every row as shown, in order, while the table is small enough to be
    /// audited and rebuilt.
    shown: Vec<ShownRow>,
    /// Lines the format marks as possible sums (bold rows, ○ items).
    hinted: Vec<usize>,
    /// The line of a last row that is the sum of all the rows above it
    /// though no total word names it (`Net Cost of Services`), read as the
    /// table's total.
    closing_total: Option<usize>,
    /// The current row's values, in a buffer kept from row to row.
    row_values: Vec<Option<Decimal>>,
    /// Some column's values are converted to the budget's unit.
    scaling: bool,
}

/// How many rows are kept as shown for the audit and the rebuilt hierarchy.
const SHOWN_ROWS: usize = 2_000;

/// What each cell of a row becomes; the budget gets a dimension for each
/// column it keeps as text and a measure for each amount or rate.
fn slots(
    columns: &[Column],
    scales: &HashMap<usize, Decimal>,
    options: &Options,
    whole: bool,
    budget: &mut Budget,
) -> Vec<Slot> {
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
    columns
        .iter()
        .map(|column| match column.kind {
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
            // People and households are counted as written: no unit applies.
            ColumnKind::Count => {
                budget
                    .measures
                    .push(Measure::new(column.index, Decimal::ONE));
                Slot::Measure
            }
            ColumnKind::Pivoted => Slot::Pivoted,
            ColumnKind::Ignored => Slot::Ignored,
        })
        .collect()
}

impl BudgetBuilder {
    /// Understands the header from it and a sample of the first rows.
    /// `names`, when given, is the one column that names the rows (the
    /// others are not levels of the hierarchy).
    pub fn new(
        table: TableHead,
        sample: &[Vec<&str>],
        options: &Options,
        whole: bool,
    ) -> Result<BudgetBuilder, Error> {
        let limits = options.limits;
        let TableHead {
            currency,
            header,
            caption_unit,
            source,
            names,
            notation,
        } = table;
        let mut columns = header::understand(
            header,
            sample,
            caption_unit,
            (source.header_row, names),
            notation,
            options,
        )?;
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
            currency: None,
        };
        let korean = currency.as_deref() == Some("KRW");
        let (unit, scales, unit_warnings) = header::unify_units(&mut columns, korean);
        budget.unit = unit;
        budget.currency = currency;
        let layout = layout::plan(&mut columns, options.pivot_years);
        budget.split = layout.split.clone();
        let slots = slots(&columns, &scales, options, whole, &mut budget);
        let total_columns = totals::TotalColumns::new(&layout, &columns, sample);
        let read = budget.measures.len();
        let pivot = (!layout.keys.is_empty()).then(|| Pivot::new(&layout, &scales));
        budget.columns = columns;
        let mut builder = BudgetBuilder {
            budget,
            slots,
            limits,
            total_columns,
            notations: Default::default(),
            notation,
            not_given: options.not_given.clone(),
            warning_counts: HashMap::new(),
            total_rows: Vec::new(),
            read,
            pivot_sources: pivot
                .as_ref()
                .map(|p| p.sources().collect())
                .unwrap_or_default(),
            pivot,
            shown: Vec::new(),
            hinted: Vec::new(),
            closing_total: None,
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
        if !self.is_data_row(line, cells)? {
            return Ok(());
        }
        // The row's values are read into a buffer kept from row to row.
        let mut shown = std::mem::take(&mut self.row_values);
        shown.clear();
        if !self.read_row_values(line, cells, &mut shown)? {
            self.row_values = shown;
            return Ok(());
        }
        // A total row is kept apart (and its buffer with it).
        let Some(values) = self.keep_as_shown(line, cells, shown)? else {
            return Ok(());
        };
        let pushed = self.push_data(line, cells, &values);
        self.row_values = values;
        pushed
    }

    /// The warning for a row that is a part of the row above it.
    fn warn_part_of(&mut self, line: usize, name: &str) {
        let name = quote_value(name);
        self.warn(
            "part_of_above",
            Some(line),
            None,
            format!("{line}행 {name}{} 윗행의 일부(그중)라 다시 더하지 않았습니다", after(&name, Topic)),
            format!("row {line} {name} is a part of the row above it (of which) and was not added again"),
        );
    }

    /// Whether a row holds data: not blank, not a footnote; an error for a
    /// cell too long, a row of the wrong width, or one row too many.
    fn is_data_row(&mut self, line: usize, cells: &Cells<'_>) -> Result<bool, Error> {
        let width = self.slots.len();
        if cells.iter().all(blank) {
            return Ok(false);
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
            return Ok(false);
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
        Ok(true)
    }

    /// Reads the row's amounts and rates (and a pivot's) into `shown`;
    /// `false` for a row with nothing in it or a row of counts (`521건`).
    fn read_row_values(
        &mut self,
        line: usize,
        cells: &Cells<'_>,
        shown: &mut Vec<Option<Decimal>>,
    ) -> Result<bool, Error> {
        match self.read_measures(line, cells, shown) {
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
                    return Ok(false);
                }
                None => return Err(error),
            },
            Err(error) => return Err(error),
        }
        if let Some(pivot) = self.pivot.as_mut() {
            let first = pivot.measures_of(cells, &mut self.budget);
            shown.resize(self.budget.measures.len(), None);
            for k in 0..self.pivot_sources.len() {
                let source = self.pivot_sources[k];
                shown[first + k] = self.read_cell(line, source, cells.get(source).unwrap_or(""))?;
            }
        }
        let no_names = self
            .slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| matches!(slot, Slot::Dimension(_) | Slot::Unused))
            .all(|(index, _)| cells.get(index).is_none_or(blank));
        // Only marks such as `(x-)` or `-`: nothing is there.
        Ok(!(no_names && shown.iter().all(Option::is_none)))
    }

    /// Keeps the first rows as shown (for the audit) and sets total rows
    /// apart; the row's values in the budget's unit, or `None` for a total
    /// or a part of the row above (`davon …`).
    fn keep_as_shown(
        &mut self,
        line: usize,
        cells: &Cells<'_>,
        shown: Vec<Option<Decimal>>,
    ) -> Result<Option<Vec<Option<Decimal>>>, Error> {
        let total = match self.total_columns.find(cells) {
            Some(Found::PartOf(name)) => {
                self.warn_part_of(line, name);
                return Ok(None);
            }
            Some(Found::Total(hit)) => Some(hit),
            None => None,
        };
        if self.shown.len() > SHOWN_ROWS && total.is_none() && !self.scaling {
            return Ok(Some(shown));
        }
        let values = self.scaled(line, &shown)?;
        if self.shown.len() <= SHOWN_ROWS {
            self.shown.push(ShownRow {
                line,
                dims: self.dimension_cells(cells),
                values: shown,
                total: total.is_some(),
                hint: total.is_some() || self.bold(cells),
            });
        }
        let Some(hit) = total else {
            return Ok(Some(values));
        };
        let row = TotalRow {
            line,
            label: hit.label.to_string(),
            prefix: hit.prefix.iter().map(|p| p.to_string()).collect(),
            group: hit.group,
            values,
            dims: self.dimension_cells(cells),
        };
        self.total_rows.push(row);
        Ok(None)
    }

    /// Adds a row of data: its labels (interned) and its values.
    fn push_data(
        &mut self,
        line: usize,
        cells: &Cells<'_>,
        values: &[Option<Decimal>],
    ) -> Result<(), Error> {
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
        for (measure, value) in self.budget.measures.iter_mut().zip(values) {
            measure.values.push(*value);
        }
        self.budget
            .lines
            .push(u32::try_from(line).unwrap_or(u32::MAX));
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
        if let Some(marks) = &self.not_given {
            let trimmed = cell.trim();
            if marks.iter().any(|m| m.trim().eq_ignore_ascii_case(trimmed)) && !trimmed.is_empty() {
                self.notations
                    .borrow_mut()
                    .placeholder(trimmed, line, index);
                return Ok(None);
            }
        }
        match parse_number_in(cell, self.notation) {
            Ok(None) => {
                if let Some(token) = crate::amount::placeholder(cell) {
                    self.notations.borrow_mut().placeholder(token, line, index);
                }
                Ok(None)
            }
            Ok(Some(number)) if number.percent && money => Err(at(ErrorKind::NotANumber)
                .with_detail(
                    format!("{}: 금액 열에 백분율이 있습니다", quote_value(cell)),
                    format!("{}: a percentage in an amount column", quote_value(cell)),
                )),
            Ok(Some(number)) => {
                if number.exponent {
                    self.notations.borrow_mut().exponent(line, index);
                }
                if number.won {
                    self.notations.borrow_mut().won(line, index);
                    return self
                        .won_as_shown(number.value, index)
                        .map(Some)
                        .ok_or_else(|| {
                            at(ErrorKind::OutOfRange)
                                .with_detail(quote_value(cell), quote_value(cell))
                        });
                }
                Ok(Some(number.value))
            }
            Err(NumberError::NotANumber) => {
                Err(at(ErrorKind::NotANumber).with_detail(quote_value(cell), quote_value(cell)))
            }
            Err(NumberError::OutOfRange) => Err(at(ErrorKind::OutOfRange).with_detail(
                format!("{} (최대 28자리)", quote_value(cell)),
                format!("{} (28 significant digits at most)", quote_value(cell)),
            )),
            Err(NumberError::TooPrecise) => Err(at(ErrorKind::TooPrecise).with_detail(
                format!("{} (소수점 아래 최대 28자리)", quote_value(cell)),
                format!("{} (28 decimals at most)", quote_value(cell)),
            )),
        }
    }

    /// An amount in won (`410억 18백만원`) in the units column `index` is
    /// shown in: the table's unit, and the column's own where it has one.
    fn won_as_shown(&self, won: Decimal, index: usize) -> Option<Decimal> {
        let unit = self.budget.unit.map_or(Decimal::ONE, Unit::factor);
        let scale = self
            .budget
            .measures
            .iter()
            .find(|m| m.column == index)
            .map_or(Decimal::ONE, |m| m.scale);
        won.checked_div(unit.checked_mul(scale)?)
    }

    /// Ends the reading. A table held `whole` and small enough keeps its rows
    /// as shown for the audit, and when one column names its rows, its
    /// hierarchy is rebuilt from the sums; otherwise total rows are checked
    /// against the sum of the rows.
    pub fn finish(mut self, whole: bool) -> Result<Budget, Error> {
        self.split_years_seen_late();
        let notes = self.notations.borrow().warnings(&self.budget.columns);
        if self.notations.borrow().any_won() {
            // The cells say their unit: the table's silence is no news.
            self.budget.warnings.retain(|w| w.code != "unit_not_stated");
        }
        for (code, row, column, ko, en) in notes {
            self.warn(code, Some(row), Some(column), ko, en);
        }
        let mut shown = std::mem::take(&mut self.shown);
        for row in &mut shown {
            row.hint |= self.hinted.contains(&row.line);
        }
        let mut rebuilt = false;
        if whole && shown.len() <= SHOWN_ROWS && !shown.is_empty() {
            let name_dimension = self.name_dimension();
            let (shown, tree) = self.rebuild_lifted(name_dimension, shown);
            if tree.as_ref().is_some_and(|t| !t.complete) {
                self.warn(
                    "hierarchy_search_cut",
                    Some(self.budget.source.header_row),
                    None,
                    "어느 행이 합계인지 찾는 계산이 정해진 계산량에 닿아 멈췄습니다. 계층이 덜 세워졌을 수 있습니다".to_string(),
                    "the search for which rows are sums stopped at its work budget; the rebuilt hierarchy may be incomplete".to_string(),
                );
            }
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
}
