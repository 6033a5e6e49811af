//! Opens the bytes of a spreadsheet (.xlsx, .xlsb, .xls, .ods) with
//! calamine and turns every sheet into a [`Workbook`] of text cells (feature
//! `spreadsheet`). Numbers are read from each cell's value, not its display
//! text: integers as written, a binary fraction as the shortest decimal
//! that gives it back (`0.1`, not `0.1000000000000000055511151231257827`),
//! dates as `YYYY-MM-DD`. The grid a sheet's cells make is counted before
//! it is made, against a work budget, so that a cell far out (`XFD1048576`)
//! cannot exhaust the memory.

use crate::error::{Error, ErrorKind};
use crate::import::cfb::Fault;
use crate::import::sheet::{self, Merge, Sheet, SheetFormat, Workbook};
use crate::options::Options;
use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Reader, Sheets};
use std::io::Cursor;

/// Grid cells a workbook may make: this many per byte of the file, at least
/// [`MIN_CELLS`] (as for HTML tables' spans).
const CELLS_PER_BYTE: usize = 16;
const MIN_CELLS: usize = 1_000_000;

type Book<'a> = Sheets<Cursor<&'a [u8]>>;

/// Reads every sheet of a spreadsheet file.
pub fn open(bytes: &[u8], options: &Options) -> Result<Workbook, Error> {
    // calamine's .xls reader still panics on some damaged files that the
    // checks below do not catch (FUZZING.md): where panics unwind (native
    // builds) that is an error of the file; in WebAssembly, a trap the
    // package and the page recover from.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        open_checked(bytes, options)
    }))
    .unwrap_or_else(|_| {
        Err(unreadable(
            "the spreadsheet reader (calamine) failed on this file",
        ))
    })
}

fn open_checked(bytes: &[u8], options: &Options) -> Result<Workbook, Error> {
    crate::import::check_size(bytes.len(), options)?;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        match crate::import::cfb::check(bytes, cell_budget(bytes)) {
            Ok(()) => {}
            Err(Fault::Bad(why)) => return Err(unreadable(why)),
            Err(Fault::TooLarge(cells)) => return Err(too_many_cells(cells, cell_budget(bytes))),
        }
    }
    if bytes.starts_with(b"PK\x03\x04") {
        check_inflated_size(bytes, options)?;
    }
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let format = match &book {
        Sheets::Xlsx(_) => SheetFormat::Xlsx,
        Sheets::Xlsb(_) => SheetFormat::Xlsb,
        Sheets::Xls(_) => SheetFormat::Xls,
        Sheets::Ods(_) => SheetFormat::Ods,
    };
    let mut budget = cell_budget(bytes);
    let mut floats = 0;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let cells = cells_of(&mut book, &name, &mut floats)?;
        let merges = merges_of(&mut book, &name);
        sheets.push(grid(name, cells, &merges, &mut budget)?);
    }
    Ok(Workbook {
        format,
        sheets,
        floats,
    })
}

/// A workbook's parts, inflated, may not pass the size limit: what they say
/// of their sizes is checked before calamine reads them (the ZIP reader
/// stops each part at the size it says), so that a workbook that inflates a
/// thousandfold (a ZIP bomb) is refused at once.
fn check_inflated_size(bytes: &[u8], options: &Options) -> Result<(), Error> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let file = archive.by_index_raw(index).map_err(unreadable)?;
        total = total.saturating_add(file.size());
    }
    let max = options.limits.max_bytes as u64;
    if total > max {
        return Err(Error::new(ErrorKind::TooLarge).with_detail(
            format!("통합 문서의 압축을 풀면 {total} 바이트입니다 (최대 {max} 바이트)"),
            format!("the workbook inflates to {total} bytes (at most {max})"),
        ));
    }
    Ok(())
}

/// The grid cells a workbook of this size may make.
fn cell_budget(bytes: &[u8]) -> usize {
    bytes.len().saturating_mul(CELLS_PER_BYTE).max(MIN_CELLS)
}

fn too_many_cells(cells: u64, budget: usize) -> Error {
    Error::new(ErrorKind::TooComplex).with_detail(
        format!("시트가 {cells}칸을 쓴다고 합니다 (이 파일 크기로는 최대 {budget}칸)"),
        format!("a sheet says it uses {cells} cells (at most {budget} for a file of this size)"),
    )
}

fn unreadable(error: impl std::fmt::Display) -> Error {
    let detail = error.to_string();
    Error::new(ErrorKind::BadSpreadsheet).with_detail(detail.clone(), detail)
}

/// A sheet's non-empty cells as (row, column, text), 0-based.
type Cells = Vec<(u32, u32, String)>;

fn cells_of(book: &mut Book, name: &str, floats: &mut usize) -> Result<Cells, Error> {
    let mut cells = Vec::new();
    let mut keep = |(row, column): (u32, u32), text: String| {
        if !text.trim().is_empty() {
            cells.push((row, column, text));
        }
    };
    match book {
        // Read cell by cell: nothing is allocated for the empty cells.
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx.worksheet_cells_reader(name).map_err(unreadable)?;
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                keep(
                    cell.get_position(),
                    text_of(Data::from(cell.get_value().clone()), floats),
                );
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb.worksheet_cells_reader(name).map_err(unreadable)?;
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                keep(
                    cell.get_position(),
                    text_of(Data::from(cell.get_value().clone()), floats),
                );
            }
        }
        // .xls (at most 65,536 × 256 cells) and .ods come as a range.
        other => {
            let range = other.worksheet_range(name).map_err(unreadable)?;
            for (row, column, value) in range.used_cells() {
                let (r, c) = range.start().unwrap_or((0, 0));
                keep(
                    (r + row as u32, c + column as u32),
                    text_of(value.clone(), floats),
                );
            }
        }
    }
    Ok(cells)
}

/// The merged cells of a sheet (none where the format does not say).
fn merges_of(book: &mut Book, name: &str) -> Vec<Dimensions> {
    match book {
        Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Lays the cells out on a grid from the first row and column used, after
/// counting its size against the budget.
fn grid(
    name: String,
    cells: Cells,
    merges: &[Dimensions],
    budget: &mut usize,
) -> Result<Sheet, Error> {
    let Some(top) = cells.iter().map(|c| c.0).min() else {
        return Ok(Sheet {
            name,
            rows: Vec::new(),
        });
    };
    let left = cells.iter().map(|c| c.1).min().unwrap_or(0);
    let bottom = cells.iter().map(|c| c.0).max().unwrap_or(top);
    let right = cells.iter().map(|c| c.1).max().unwrap_or(left);
    let (height, width) = ((bottom - top) as usize + 1, (right - left) as usize + 1);
    let size = height.saturating_mul(width);
    if size > *budget {
        return Err(Error::new(ErrorKind::TooComplex).with_detail(
            format!("'{name}' 시트의 셀이 {height}행 × {width}열에 흩어져 있습니다 (이 파일 크기로는 최대 {budget}칸)"),
            format!("the cells of sheet '{name}' spread over {height} rows × {width} columns (at most {budget} cells for a file of this size)"),
        ));
    }
    *budget -= size;
    let mut rows = vec![vec![String::new(); width]; height];
    for (row, column, text) in cells {
        rows[(row - top) as usize][(column - left) as usize] = text;
    }
    let within = |d: &Dimensions| {
        d.start.0 >= top && d.start.1 >= left && d.start.0 <= bottom && d.start.1 <= right
    };
    let merges: Vec<Merge> = merges
        .iter()
        .filter(|d| within(d))
        .map(|d| Merge {
            rows: (
                (d.start.0 - top) as usize,
                (d.end.0.min(bottom) - top) as usize,
            ),
            columns: (
                (d.start.1 - left) as usize,
                (d.end.1.min(right) - left) as usize,
            ),
        })
        .collect();
    Ok(sheet::lay_out(name, top as usize + 1, rows, &merges))
}

/// A cell's value as text (see [`number`] and [`date`]).
fn text_of(value: Data, floats: &mut usize) -> String {
    match value {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(f, floats),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s,
        Data::Bool(b) => (if b { "TRUE" } else { "FALSE" }).to_string(),
        Data::DateTime(d) if d.is_datetime() && is_date_serial(d.as_f64()) => date(d.as_f64()),
        Data::DateTime(d) => number(d.as_f64(), floats),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

/// The largest integer a binary float holds exactly, 2⁵³, as text.
const EXACT_INTEGER: &str = "9007199254740992";

/// A number cell as decimal text. calamine hands over the binary float the
/// file stores; it is written out once, as the shortest decimal that reads
/// back as the same float (Rust's `Display`), and from then on only that
/// text is read, as an exact decimal: nothing is computed on the float. A
/// fraction, or an integer beyond what a float holds exactly, is counted
/// in `floats` (the report says so once).
pub fn number(value: f64, floats: &mut usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let text = format!("{value}");
    let whole = text.trim_start_matches('-');
    let exact = !whole.contains('.')
        && (whole.len() < EXACT_INTEGER.len()
            || (whole.len() == EXACT_INTEGER.len() && whole < EXACT_INTEGER));
    if !exact {
        *floats += 1;
    }
    text
}

/// Excel's dates run from serial 0 to 2,958,465 (9999-12-31): a serial
/// outside them (or not a number) is written as the number it is.
fn is_date_serial(serial: f64) -> bool {
    (0.0..2_958_466.0).contains(&serial)
}

/// A date serial (days since 1899-12-30, as Excel's 1900 system counts,
/// with its leap day of 1900 that never was) as `YYYY-MM-DD`. A date, not an
/// amount: its day is the float's whole part.
pub fn date(serial: f64) -> String {
    let days = serial.floor() as i64;
    let days = if days < 61 { days + 1 } else { days };
    let (y, m, d) = civil_from_days(days - 25_569);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_exact_integers_or_shortest_decimals() {
        let mut floats = 0;
        assert_eq!(number(235_302_000_000.0, &mut floats), "235302000000");
        assert_eq!(number(-41_018.0, &mut floats), "-41018");
        assert_eq!(floats, 0);
        assert_eq!(number(0.1, &mut floats), "0.1");
        assert_eq!(number(0.1 + 0.2, &mut floats), "0.30000000000000004");
        assert_eq!(number(27_158.57, &mut floats), "27158.57");
        assert_eq!(floats, 3);
        assert_eq!(number(f64::NAN, &mut floats), "");
    }

    #[test]
    fn date_serials_are_calendar_dates() {
        assert_eq!(date(45_658.0), "2025-01-01");
        assert_eq!(date(36_526.75), "2000-01-01");
        assert_eq!(date(61.0), "1900-03-01");
        assert_eq!(date(59.0), "1900-02-28");
        assert_eq!(date(2_958_465.0), "9999-12-31");
        // A serial no date has (a damaged file) stays a number, never an overflow.
        assert!(!is_date_serial(1e300) && !is_date_serial(-1.0) && !is_date_serial(f64::NAN));
    }
}
