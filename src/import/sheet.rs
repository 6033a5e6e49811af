//! Spreadsheets (스프레드시트: .xlsx, .xls, .ods) as the core reads them: a
//! [`Workbook`] of sheets whose cells are already text, laid out with their
//! merged cells, and read like any other table. The bytes of a spreadsheet
//! are opened by `import::spreadsheet` (feature `spreadsheet`, calamine);
//! in WebAssembly that is a second module, loaded only when a spreadsheet
//! is opened, which hands the core a `Workbook`.

use crate::amount::parse_number;
use crate::budget::Budget;
use crate::columns::profile::year_of;
use crate::error::{Error, ErrorKind};
use crate::import::shape::combine_rows;
use crate::import::table::{self, GridRecords, SourceInfo};
use crate::options::{Options, SheetChoice};
use serde::{Deserialize, Serialize};

/// A workbook: its format and sheets, and how many number cells were
/// stored as binary fractions (read as the shortest decimal that gives the
/// same binary number back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workbook {
    pub format: SheetFormat,
    pub sheets: Vec<Sheet>,
    pub floats: usize,
}

/// The kind of spreadsheet file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SheetFormat {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl SheetFormat {
    pub fn name(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Xlsb => "xlsb",
            SheetFormat::Xls => "xls",
            SheetFormat::Ods => "ods",
        }
    }
}

/// A sheet: its name and its rows, each with its row number in the sheet
/// (from 1), every row as wide as the widest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Between the two WebAssembly modules a sheet crosses packed: its cells in
/// one string, each cell ended by U+001F and each row by U+001E (control
/// characters a cell never shows; any in a cell become a space), and the
/// row numbers apart: one string to copy rather than one per cell.
#[derive(Serialize, Deserialize)]
struct PackedSheet {
    name: String,
    lines: Vec<usize>,
    cells: String,
}

const CELL_END: char = '\u{1f}';
const ROW_END: char = '\u{1e}';

impl Serialize for Sheet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut cells = String::new();
        for (_, row) in &self.rows {
            for cell in row {
                cells.extend(cell.chars().map(|c| {
                    if c == CELL_END || c == ROW_END {
                        ' '
                    } else {
                        c
                    }
                }));
                cells.push(CELL_END);
            }
            cells.push(ROW_END);
        }
        let lines = self.rows.iter().map(|(line, _)| *line).collect();
        PackedSheet {
            name: self.name.clone(),
            lines,
            cells,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Sheet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let packed = PackedSheet::deserialize(deserializer)?;
        let rows: Vec<Vec<String>> = packed
            .cells
            .split_terminator(ROW_END)
            .map(|row| row.split_terminator(CELL_END).map(str::to_string).collect())
            .collect();
        if rows.len() != packed.lines.len() {
            return Err(serde::de::Error::custom(
                "a sheet's rows and row numbers differ in count",
            ));
        }
        Ok(Sheet {
            name: packed.name,
            rows: packed.lines.into_iter().zip(rows).collect(),
        })
    }
}

/// A merged range of cells, 0-based and inclusive, relative to the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub rows: (usize, usize),
    pub columns: (usize, usize),
}

/// Does this look like a spreadsheet file: a ZIP container (.xlsx, .xlsb,
/// .ods) or an OLE compound file (.xls)?
pub fn looks_like(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// How many header rows above the data a merged cell may reach into.
const HEADER_REACH: usize = 30;

/// Lays a sheet out: a merged cell's text stands in its first cell, as a
/// spreadsheet shows it, except
/// - in a header of several rows (a merged cell over two rows in the first
///   rows, `구분` beside `예산 → 본예산 | 추경`), whose rows become one header
///   with each column's names top to bottom (`예산 본예산`, `예산 추경`);
/// - in a label merged down over several rows below the header (a
///   department beside its programmes), which stands in each of them.
pub fn lay_out(
    name: String,
    first_row: usize,
    mut grid: Vec<Vec<String>>,
    merges: &[Merge],
) -> Sheet {
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut grid {
        row.resize(width, String::new());
    }
    let block = header_block(&grid, merges, width);
    spread(&mut grid, merges, block);
    let mut rows: Vec<(usize, Vec<String>)> = grid
        .into_iter()
        .enumerate()
        .map(|(i, cells)| (first_row + i, cells))
        .collect();
    if let Some((top, bottom)) = block.filter(|&(_, bottom)| bottom < rows.len()) {
        let header = combine_rows(
            &rows[top..=bottom]
                .iter()
                .map(|(_, cells)| cells.clone())
                .collect::<Vec<_>>(),
            width,
        );
        let line = rows[bottom].0;
        rows.splice(top..=bottom, [(line, header)]);
    }
    Sheet { name, rows }
}

/// Puts each merged cell's text where it stands for: over the whole cell
/// in the header block, down the first column of a cell merged down below it.
fn spread(grid: &mut [Vec<String>], merges: &[Merge], block: Option<(usize, usize)>) {
    for merge in merges {
        let text = cell(grid, merge.rows.0, merge.columns.0).to_string();
        let last_row = merge.rows.1.min(grid.len().saturating_sub(1));
        for (r, row) in grid
            .iter_mut()
            .enumerate()
            .take(last_row + 1)
            .skip(merge.rows.0)
        {
            let in_block = block.is_some_and(|(top, bottom)| (top..=bottom).contains(&r));
            let down =
                merge.columns.0 == merge.columns.1 && block.is_none_or(|(_, bottom)| r > bottom);
            let last = merge.columns.1.min(row.len().saturating_sub(1));
            for (c, slot) in row
                .iter_mut()
                .enumerate()
                .take(last + 1)
                .skip(merge.columns.0)
            {
                if in_block || (down && c == merge.columns.0) {
                    *slot = text.clone();
                }
            }
        }
    }
}

/// A cell holding an amount (not a year, which headers have).
fn is_figure(cell: &str) -> bool {
    matches!(parse_number(cell), Ok(Some(_))) && year_of(cell).is_none()
}

fn cell(grid: &[Vec<String>], row: usize, column: usize) -> &str {
    grid.get(row)
        .and_then(|cells| cells.get(column))
        .map_or("", String::as_str)
}

/// The rows of a header of several rows: from the first row of a merged
/// cell that spans rows of names near the top (and is not a title across
/// the whole width) to the last row any such cell starting there reaches.
fn header_block(grid: &[Vec<String>], merges: &[Merge], width: usize) -> Option<(usize, usize)> {
    let names_only = |r: usize| {
        grid.get(r)
            .is_some_and(|cells| cells.iter().all(|c| !is_figure(c)))
    };
    let tall = |m: &&Merge| {
        m.rows.1 > m.rows.0
            && m.rows.0 < HEADER_REACH
            && m.columns.1 + 1 - m.columns.0 < width
            && (m.rows.0..=m.rows.1).all(names_only)
    };
    let top = merges.iter().filter(tall).map(|m| m.rows.0).min()?;
    let bottom = merges
        .iter()
        .filter(tall)
        .filter(|m| m.rows.0 == top)
        .map(|m| m.rows.1)
        .max()?;
    Some((top, bottom))
}

/// Reads a budget from a workbook: the sheet the `sheet` option names, or
/// the first sheet that holds a budget table (a sheet of notes, or empty,
/// is passed over and said so).
pub fn read_workbook(workbook: Workbook, options: &Options) -> Result<Budget, Error> {
    options.validate()?;
    let names: Vec<String> = workbook.sheets.iter().map(|s| s.name.clone()).collect();
    let order: Vec<usize> = match &options.sheet {
        Some(choice) => vec![find_sheet(&names, choice)?],
        None => (0..names.len()).collect(),
    };
    // Each sheet tried is handed over whole to the reader, not copied.
    let mut sheets: Vec<Option<Sheet>> = workbook.sheets.into_iter().map(Some).collect();
    let mut passed: Vec<&str> = Vec::new();
    let mut first_error = None;
    for index in order {
        let Some(sheet) = sheets[index].take() else {
            continue;
        };
        match read_sheet(sheet, workbook.format, options) {
            Ok(mut budget) => {
                budget.source.sheet = Some(names[index].clone());
                note_sheet(&mut budget, workbook.floats, &passed);
                budget.source.sheets = names;
                return Ok(budget);
            }
            Err(error) if no_table_in(&error) && options.sheet.is_none() => {
                passed.push(&names[index]);
                first_error.get_or_insert(error);
            }
            Err(error) => return Err(error),
        }
    }
    Err(first_error.unwrap_or_else(|| Error::new(ErrorKind::Empty)))
}

fn read_sheet(sheet: Sheet, format: SheetFormat, options: &Options) -> Result<Budget, Error> {
    let info = SourceInfo {
        format: format.name(),
        encoding: None,
        delimiter: None,
        names: None,
    };
    let mut records = GridRecords::with_lines(sheet.rows);
    table::assemble(&mut records, info, options)
}

/// The errors that say a sheet holds no budget table, so that the next
/// sheet is tried.
fn no_table_in(error: &Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::Empty | ErrorKind::HeaderOnly | ErrorKind::NoAmountColumn
    )
}

fn find_sheet(names: &[String], choice: &SheetChoice) -> Result<usize, Error> {
    let found = match choice {
        SheetChoice::Number(n) => n.checked_sub(1).filter(|&i| i < names.len()),
        SheetChoice::Name(name) => names.iter().position(|n| n.trim() == name.trim()),
    };
    found.ok_or_else(|| {
        let list = names.join(", ");
        let asked = match choice {
            SheetChoice::Number(n) => n.to_string(),
            SheetChoice::Name(name) => format!("'{name}'"),
        };
        Error::new(ErrorKind::InvalidOption).with_detail(
            format!("sheet {asked}: 그런 시트가 없습니다 (시트: {list})"),
            format!("sheet {asked}: no such sheet (sheets: {list})"),
        )
    })
}

/// The report says which sheet was read when others were passed over, and
/// once that binary fractions were read as shortest decimals.
fn note_sheet(budget: &mut Budget, floats: usize, passed: &[&str]) {
    let name = budget.source.sheet.clone().unwrap_or_default();
    if !passed.is_empty() {
        let list = passed.join(", ");
        budget.note(
            "sheet_chosen",
            format!("예산 표가 없는 시트({list})를 건너뛰고 '{name}' 시트를 읽었습니다"),
            format!("read the sheet '{name}', passing over sheets with no budget table ({list})"),
        );
    }
    if floats > 0 {
        let n = floats;
        budget.note(
            "spreadsheet_floats",
            format!("숫자 {n}칸이 이진 소수로 저장되어 있어, 같은 값이 되는 가장 짧은 십진수로 읽었습니다 (예: 0.1)"),
            format!("{n} number cells were stored as binary fractions and were read as the shortest decimal that gives the same value (e.g. 0.1)"),
        );
    }
}

#[cfg(test)]
mod tests;
