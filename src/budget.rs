//! A budget as read from a file: its columns as understood, the dimension
//! values of every row (interned), and every amount and rate, exact. An
//! importer feeds it row by row through `BudgetBuilder`, which applies the
//! limits, reads the numbers and names every row it cannot read.

use crate::amount::{parse_number, NumberError};
use crate::columns::{infer, Column, ColumnKind};
use crate::error::{quote_value, Error, ErrorKind};
use crate::import::encoding::TextEncoding;
use crate::import::table::Cells;
use crate::options::{Limits, Options};
use crate::unit::Unit;
use crate::values::Values;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// A parsed budget, ready to be rolled up again and again by any dimensions
/// without re-reading the file.
#[derive(Debug, Clone)]
pub struct Budget {
    pub(crate) columns: Vec<Column>,
    pub(crate) dimensions: Vec<Dimension>,
    pub(crate) measures: Vec<Measure>,
    pub(crate) lines: Vec<u32>,
    pub(crate) unit: Option<Unit>,
    pub(crate) source: Source,
    pub(crate) warnings: Vec<Warning>,
    /// A small table's rows as shown, with its rebuilt tree, for the audit.
    pub(crate) structure: Option<Structure>,
    /// The hierarchy was rebuilt: a row's path ends at its first empty level.
    pub(crate) ragged: bool,
}

/// One row of a small table as it was shown: its dimension cells, its
/// values as written (in each column's own unit, before conversion) and
/// whether its name reads as a total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownRow {
    pub line: usize,
    pub dims: Vec<String>,
    pub values: Vec<Option<Decimal>>,
    /// Its name reads as a total (합계, 계, 소계): never counted as an item.
    pub total: bool,
    /// Its name or mark (bold, ○) suggests it may be the sum of rows below.
    pub hint: bool,
}

/// The rows of a small table as shown, and the tree rebuilt from their sums
/// (`None` when the table's hierarchy is in its columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structure {
    pub rows: Vec<ShownRow>,
    pub tree: Option<crate::hierarchy::Tree>,
    /// The dimension (index into the budget's dimensions) naming the rows.
    pub name_dimension: Option<usize>,
}

/// The values of one dimension column, interned: `ids[row]` indexes `labels`.
#[derive(Debug, Clone)]
pub struct Dimension {
    pub column: usize,
    labels: Vec<String>,
    ids: Vec<u32>,
    /// The ids by the hash of their label, each label held once (in
    /// `labels`). FxHash: these keys are the user's own cells, hashed
    /// millions of times; flooding them only slows the user's own tab.
    lookup: hashbrown::HashTable<u32>,
}

/// Two labels' bytes are the same, compared eight at a time (in WASM,
/// `memcmp` goes byte by byte).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tails = a8.remainder() == b8.remainder();
    tails
        && a8.zip(b8).all(|(x, y)| {
            u64::from_ne_bytes(x.try_into().unwrap_or_default())
                == u64::from_ne_bytes(y.try_into().unwrap_or_default())
        })
}

#[inline]
fn hash(label: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(label)
}

impl Dimension {
    fn new(column: usize) -> Dimension {
        Dimension {
            column,
            labels: Vec::new(),
            ids: Vec::new(),
            lookup: hashbrown::HashTable::new(),
        }
    }

    /// Adds a row's value. `false` when the value is new and holds a
    /// control character (binary data, not text).
    fn push(&mut self, value: &str) -> bool {
        // Budget files are usually sorted by their hierarchy: most cells
        // repeat the one above, and need no hashing.
        let bytes = value.as_bytes();
        if let Some(&last) = self.ids.last() {
            if self
                .labels
                .get(last as usize)
                .is_some_and(|label| same(label.as_bytes(), bytes))
            {
                self.ids.push(last);
                return true;
            }
        }
        let mut text = true;
        let labels = &self.labels;
        let hashed = hash(bytes);
        let found = self
            .lookup
            .find(hashed, |&id| same(labels[id as usize].as_bytes(), bytes));
        let id = match found {
            Some(&id) => id,
            None => {
                // Checked once per distinct value, not once per cell.
                text = crate::import::encoding::control_at(bytes).is_none();
                let id = u32::try_from(self.labels.len()).unwrap_or(u32::MAX);
                self.labels.push(value.to_string());
                let labels = &self.labels;
                self.lookup
                    .insert_unique(hashed, id, |&id| hash(labels[id as usize].as_bytes()));
                id
            }
        };
        self.ids.push(id);
        text
    }

    /// The id of the value in `row`.
    pub fn id(&self, row: usize) -> u32 {
        self.ids[row]
    }

    /// The text of a value id.
    pub fn label(&self, id: u32) -> &str {
        self.labels.get(id as usize).map_or("", String::as_str)
    }

    /// How many distinct values the column has.
    pub fn distinct(&self) -> usize {
        self.labels.len()
    }
}

/// The values of one amount or rate column; `None` is "not given".
#[derive(Debug, Clone)]
pub struct Measure {
    pub column: usize,
    pub values: Values,
    /// What a value is multiplied by to reach the budget's unit.
    scale: Decimal,
}

impl Measure {
    /// What a shown value is multiplied by to reach the budget's unit.
    pub fn scale_factor(&self) -> Decimal {
        self.scale
    }
}

/// Where the budget came from and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// `csv` or `tsv` (or `text` for other delimiters).
    pub format: &'static str,
    /// Detected or forced encoding; `None` when the input was already text.
    pub encoding: Option<TextEncoding>,
    #[serde(serialize_with = "serialize_char")]
    pub delimiter: Option<char>,
    /// 1-based line of the header row.
    pub header_row: usize,
    /// Title and caption lines above the header, as read.
    pub caption: Vec<String>,
}

fn serialize_char<S: Serializer>(value: &Option<char>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(c) => serializer.serialize_str(&c.to_string()),
        None => serializer.serialize_none(),
    }
}

/// Something the reader noticed and the user should know, with the row and
/// column it is about. Nothing is ever left out without a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: &'static str,
    pub row: Option<usize>,
    pub column: Option<usize>,
    pub message_ko: String,
    pub message_en: String,
}

/// At most this many warnings of one code are listed; the rest are counted.
const WARNINGS_PER_CODE: usize = 50;

impl Budget {
    /// The columns, in file order, as understood.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// Number of data rows (total rows and notes are not data rows).
    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    /// The unit all amounts are in, when the table states one.
    pub fn unit(&self) -> Option<Unit> {
        self.unit
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// 1-based line of the file that data row `row` came from.
    pub fn line(&self, row: usize) -> usize {
        self.lines[row] as usize
    }

    /// The dimension stored for a column, if it is a dimension or year column.
    pub fn dimension(&self, column: usize) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.column == column)
    }

    /// The values of an amount or rate column.
    pub fn measure(&self, column: usize) -> Option<&Measure> {
        self.measures.iter().find(|m| m.column == column)
    }

    /// Amount columns, in file order.
    pub fn amount_columns(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.kind == ColumnKind::Amount)
    }

    /// A shown row's label: its name cell when one column names the rows,
    /// else its filled hierarchy cells (`신속행정담당관 › 기본경비`, a
    /// repeated name once).
    pub fn label_of(&self, row: &ShownRow, names: Option<usize>) -> String {
        if let Some(name) = names
            .and_then(|d| row.dims.get(d))
            .filter(|n| !n.is_empty())
        {
            return name.clone();
        }
        let mut parts: Vec<&str> = self
            .dimensions
            .iter()
            .zip(&row.dims)
            .filter(|(d, value)| self.columns[d.column].hierarchy && !value.is_empty())
            .map(|(_, value)| value.as_str())
            .collect();
        parts.dedup();
        parts.join(" › ")
    }

    /// Finds a column by its name.
    pub fn column_named(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// What a cell of the file becomes.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Dimension(usize),
    /// A dimension no one will ask for (see [`Options::for_one_report`]).
    Unused,
    /// An amount or rate: read through the measures, in column order.
    Measure,
    Ignored,
}

/// Builds a [`Budget`] row by row, so that a large file never has to be held
/// as strings.
pub(crate) struct BudgetBuilder {
    budget: Budget,
    slots: Vec<Slot>,
    limits: Limits,
    hierarchy: Vec<usize>,
    warning_counts: HashMap<&'static str, usize>,
    total_rows: Vec<TotalRow>,
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

/// A row whose label says it is a total (합계, 계, 소계): left out of the
/// sums, and compared with them.
struct TotalRow {
    line: usize,
    label: String,
    grand: bool,
    values: Vec<Option<Decimal>>,
}

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
        };
        let (unit, scales, unit_warnings) = unify_units(&mut columns);
        budget.unit = unit;
        // A large file read for one report by some of its dimensions keeps
        // only those: interning the others would be most of the reading.
        let unused = |column: &Column| {
            options.one_report
                && !whole
                && column.kind == ColumnKind::Dimension
                && options
                    .by
                    .as_ref()
                    .is_some_and(|by| !by.contains(&column.name))
        };
        let mut slots = Vec::with_capacity(columns.len());
        for column in &columns {
            slots.push(match column.kind {
                ColumnKind::Dimension if unused(column) => Slot::Unused,
                ColumnKind::Dimension | ColumnKind::Year => {
                    budget.dimensions.push(Dimension::new(column.index));
                    Slot::Dimension(budget.dimensions.len() - 1)
                }
                ColumnKind::Amount | ColumnKind::Rate => {
                    let scale = scales.get(&column.index).copied().unwrap_or(Decimal::ONE);
                    budget.measures.push(Measure {
                        column: column.index,
                        values: Values::default(),
                        scale,
                    });
                    Slot::Measure
                }
                ColumnKind::Ignored => Slot::Ignored,
            });
        }
        let hierarchy = columns
            .iter()
            .filter(|c| c.hierarchy && c.kind == ColumnKind::Dimension)
            .map(|c| c.index)
            .collect();
        budget.columns = columns;
        let mut builder = BudgetBuilder {
            budget,
            slots,
            limits,
            hierarchy,
            warning_counts: HashMap::new(),
            total_rows: Vec::new(),
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
            dimension.ids.reserve(rows);
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
        let total = self.total_label(cells);
        if self.shown.len() <= SHOWN_ROWS || total.is_some() || self.scaling {
            let values = self.scaled(line, &shown)?;
            if self.shown.len() <= SHOWN_ROWS {
                self.shown.push(ShownRow {
                    line,
                    dims: self
                        .slots
                        .iter()
                        .enumerate()
                        .filter(|(_, slot)| matches!(slot, Slot::Dimension(_)))
                        .map(|(index, _)| label(cells.get(index).unwrap_or("")).into_owned())
                        .collect(),
                    values: shown.clone(),
                    total: total.is_some(),
                    hint: total.is_some(),
                });
            }
            if let Some((label, grand)) = total {
                self.total_rows.push(TotalRow {
                    line,
                    label,
                    grand,
                    values,
                });
                return Ok(());
            }
            shown = values;
        }
        for (index, slot) in self.slots.iter().enumerate() {
            if let Slot::Dimension(d) = slot {
                if !self.budget.dimensions[*d].push(&label(cells.get(index).unwrap_or(""))) {
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

    /// The shown values of one row, as written (before any unit conversion).
    fn read_measures(
        &self,
        line: usize,
        cells: &Cells<'_>,
        values: &mut Vec<Option<Decimal>>,
    ) -> Result<(), Error> {
        for measure in &self.budget.measures {
            let index = measure.column;
            let cell = cells.get(index).unwrap_or("");
            let column = &self.budget.columns[index];
            let at = |kind: ErrorKind| {
                Error::new(kind)
                    .at_row(line)
                    .at_column(index + 1, &column.name)
            };
            let value = match parse_number(cell) {
                Ok(None) => None,
                Ok(Some(number)) if number.percent && column.kind == ColumnKind::Amount => {
                    return Err(at(ErrorKind::NotANumber).with_detail(
                        format!("{}: 금액 열에 백분율이 있습니다", quote_value(cell)),
                        format!("{}: a percentage in an amount column", quote_value(cell)),
                    ));
                }
                Ok(Some(number)) => Some(number.value),
                Err(NumberError::NotANumber) => {
                    return Err(
                        at(ErrorKind::NotANumber).with_detail(quote_value(cell), quote_value(cell))
                    );
                }
                Err(NumberError::OutOfRange) => {
                    return Err(at(ErrorKind::OutOfRange).with_detail(
                        format!("{} (최대 28자리)", quote_value(cell)),
                        format!("{} (28 significant digits at most)", quote_value(cell)),
                    ));
                }
            };
            values.push(value);
        }
        Ok(())
    }

    /// The label of a total row and whether it is a grand total: the first
    /// non-empty hierarchy cell reads 합계, 총계, 계 (grand) or 소계 (sub).
    fn total_label(&self, cells: &Cells<'_>) -> Option<(String, bool)> {
        let (position, label) = self
            .hierarchy
            .iter()
            .enumerate()
            .map(|(position, &index)| (position, trim(cells.get(index).unwrap_or(""))))
            .find(|(_, cell)| !cell.is_empty())?;
        // Most rows are not totals: look closer only at labels that could be
        // (every word below has 계, 체 or 액, or is short and has t or s).
        // First a branch-free pass over the bytes for the last bytes of 계
        // (84), 체 (B4) and 액 (A1) and for t and s; then the characters.
        let bytes = label.as_bytes();
        let maybe = bytes.iter().fold(false, |any, &b| {
            any | (b == 0x84) | (b == 0xB4) | (b == 0xA1) | (b | 0x20 == b't') | (b | 0x20 == b's')
        });
        if !maybe {
            return None;
        }
        let could_be = label.chars().any(|c| match c {
            '계' | '체' | '액' => true,
            't' | 'T' | 's' | 'S' => label.len() <= 20,
            _ => false,
        });
        if !could_be {
            return None;
        }
        let compact: String = label
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let grand = matches!(
            compact.as_str(),
            "합계" | "총계" | "계" | "총합계" | "총액" | "전체" | "total" | "grandtotal" | "sum"
        ) || compact.ends_with("합계")
            || compact.ends_with("총계");
        let sub = matches!(compact.as_str(), "소계" | "subtotal");
        if grand || sub {
            Some((label.to_string(), grand && !sub && position == 0))
        } else {
            None
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
            let rows = std::mem::take(&mut self.total_rows);
            for total in rows {
                self.check_total_row(&total);
            }
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
                values: amounts.iter().map(|&i| row.values[i]).collect(),
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
            self.budget.columns.push(Column {
                index,
                name: format!("{base} {level}"),
                kind: ColumnKind::Dimension,
                role: None,
                unit: None,
                year: None,
                hierarchy: true,
            });
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

    fn check_total_row(&mut self, total: &TotalRow) {
        let line = total.line;
        let label = quote_value(&total.label);
        if !total.grand {
            self.warn(
                "subtotal_row",
                Some(line),
                None,
                format!("{line}행 {label}은 소계 행이라 합계에서 뺐습니다"),
                format!("row {line} {label} is a subtotal row and was left out of the sums"),
            );
            return;
        }
        let mut differences_ko = Vec::new();
        let mut differences_en = Vec::new();
        for (measure, shown) in self.budget.measures.iter().zip(&total.values) {
            let column = &self.budget.columns[measure.column];
            if column.kind != ColumnKind::Amount {
                continue;
            }
            let Some(shown) = shown else { continue };
            let Some(sum) = measure
                .values
                .iter()
                .flatten()
                .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(v))
            else {
                continue;
            };
            if *shown != sum {
                differences_ko.push(format!("'{}' 표시 {shown}, 계산 {sum}", column.name));
                differences_en.push(format!(
                    "'{}' shows {shown}, the rows add up to {sum}",
                    column.name
                ));
            }
        }
        let (ko, en) = if differences_ko.is_empty() {
            (
                format!("{line}행 {label}은 합계 행이라 계산에서 뺐습니다. 표시된 합계는 나머지 행의 합과 같습니다"),
                format!("row {line} {label} is a total row and was left out of the sums; it equals the sum of the other rows"),
            )
        } else {
            (
                format!(
                    "{line}행 {label}은 합계 행이라 계산에서 뺐습니다. 나머지 행의 합과 다릅니다: {}",
                    differences_ko.join("; ")
                ),
                format!(
                    "row {line} {label} is a total row and was left out of the sums; it differs from the sum of the other rows: {}",
                    differences_en.join("; ")
                ),
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

/// A label cell as text: trimmed, with the checkboxes HWP converters leave
/// (`<input type="checkbox" checked/>`) written as ☑ and ☐. Any other markup
/// is kept as it is: it is the user's text.
fn label(cell: &str) -> std::borrow::Cow<'_, str> {
    let cell = trim(cell);
    if !cell.contains('<') || !cell.contains("<input") {
        return std::borrow::Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(start) = rest.find("<input") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = &rest[start..start + end];
        out.push(if tag.contains("checked") {
            '☑'
        } else {
            '☐'
        });
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A cell that counts things (`521건`, `14명`, `3회`) rather than money: the
/// row it is in is a count row.
fn count_text<'a>(cells: &Cells<'a>) -> Option<&'a str> {
    const COUNTS: [&str; 8] = ["건", "명", "개소", "개", "회", "곳", "인", "일"];
    cells.iter().map(str::trim).find(|cell| {
        COUNTS.iter().any(|unit| {
            cell.strip_suffix(unit)
                .is_some_and(|number| matches!(parse_number(number), Ok(Some(n)) if !n.percent))
        })
    })
}

/// `str::trim`, without looking at the characters when the first and the
/// last byte show there is nothing to trim: most cells.
#[inline]
fn trim(cell: &str) -> &str {
    // White space is ASCII, or a character whose first byte is C2, E1, E2
    // or E3 (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
    let maybe_space = |lead: u8| lead.is_ascii_whitespace() || matches!(lead, 0xC2 | 0xE1..=0xE3);
    let bytes = cell.as_bytes();
    let Some(&first) = bytes.first() else {
        return cell;
    };
    // The first byte of the last character.
    let last = bytes
        .iter()
        .rev()
        .take(4)
        .find(|&&b| b & 0xC0 != 0x80)
        .copied()
        .unwrap_or(0xC2);
    if maybe_space(first) || maybe_space(last) {
        cell.trim()
    } else {
        cell
    }
}

/// A cell with nothing but white space in it. Most cells start with a
/// character that is not white space, seen at once from the first byte.
#[inline]
fn blank(cell: &str) -> bool {
    match cell.as_bytes().first() {
        None => true,
        Some(&b) if b < 0x80 && !b.is_ascii_whitespace() => false,
        Some(_) => cell.trim().is_empty(),
    }
}

/// The text of a footnote row: only the first cell filled, starting with a
/// note mark (※, *, 주), 자료:, 출처:).
fn note_text<'a>(cells: &Cells<'a>) -> Option<&'a str> {
    if (1..cells.len()).any(|i| cells.get(i).is_some_and(|c| !blank(c))) {
        return None;
    }
    let first = cells.get(0)?.trim();
    let marks = [
        "※", "*", "주)", "주 )", "주:", "자료:", "자료 :", "출처", "note", "source",
    ];
    let lower = first.to_lowercase();
    marks
        .iter()
        .any(|mark| lower.starts_with(mark))
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_str_trim_does() {
        for cell in [
            "",
            " ",
            "총무과",
            " 총무과 ",
            "총무과\u{3000}",
            "\u{A0}계",
            "a",
            "1,000 ",
            "\t가\r",
            "가\u{2003}",
            "\u{1680}",
            "ㄱ",
            "é",
        ] {
            assert_eq!(trim(cell), cell.trim(), "{cell:?}");
        }
    }

    #[test]
    fn compares_labels_as_bytes() {
        for (a, b) in [
            ("", ""),
            ("총무과", "총무과"),
            ("세부사업 4051", "세부사업 4052"),
            ("a", "ab"),
        ] {
            assert_eq!(same(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
        }
    }
}
