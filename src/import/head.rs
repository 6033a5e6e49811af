//! The head of a table: the title and caption lines above it, the header
//! row, and a group header over it. A report pasted from a document puts
//! its title on lines of one cell; a spreadsheet export may put a title
//! block of several cells, blank lines and a row of groups (`Budget` over
//! `2023 | 2024`) above the header. The header is the first row as wide as
//! the data below it whose cells are mostly names, not figures; a `headerRow`
//! option names it instead.

use crate::amount::parse_number;
use crate::columns::profile::year_of;
use crate::error::{Error, ErrorKind};
use crate::import::table::{Cells, Record, Records, Start};

/// How many lines above the header may be titles and captions.
pub const MAX_PREAMBLE: usize = 30;
/// How many rows below a candidate show how wide the data is.
const LOOK_AHEAD: usize = 10;

/// A row read ahead: where it starts and its cells.
pub type Row = (Start, Vec<String>);

/// The head of a table and the rows read past it.
pub struct Head {
    pub caption: Vec<String>,
    pub header: Vec<String>,
    pub header_row: usize,
    /// Rows read ahead below the header, to be read first.
    pub rows: Vec<Row>,
    /// A group row was combined with the header: its line.
    pub grouped: Option<usize>,
}

fn filled(row: &[String]) -> usize {
    row.iter().filter(|c| !c.trim().is_empty()).count()
}

/// A cell a header has: a name, or a year (`2023`, `FY2024`), not an amount.
fn header_like(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty() && (parse_number(cell).is_err() || year_of(cell).is_some())
}

/// Reads the head of the table from `records`, looking at most
/// [`MAX_PREAMBLE`] rows and ten more ahead.
pub fn read(records: &mut dyn Records, header_line: Option<usize>) -> Result<Head, Error> {
    let mut record = Record::default();
    let mut rows: Vec<Row> = Vec::new();
    while rows.len() < MAX_PREAMBLE + LOOK_AHEAD && records.next(&mut record)? {
        let cells = Cells::new(records.text(), &record);
        rows.push((records.mark(), cells.iter().map(str::to_string).collect()));
    }
    let at = match header_line {
        Some(line) => rows
            .iter()
            .position(|(start, _)| start.line == line)
            .ok_or_else(|| no_header_line(line))?,
        None => find_header(&rows)?,
    };
    let grouped =
        (header_line.is_none() && at > 0 && is_group(&rows[at - 1].1, &rows[at].1)).then(|| at - 1);
    let mut header: Vec<String> = rows[at].1.iter().map(|c| c.trim().to_string()).collect();
    if let Some(group) = grouped {
        header = combine(&rows[group].1, &header);
    }
    let caption = rows[..grouped.unwrap_or(at)]
        .iter()
        .map(|(_, cells)| {
            cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect();
    Ok(Head {
        caption,
        header,
        header_row: rows[at].0.line,
        grouped: grouped.map(|g| rows[g].0.line),
        rows: rows.split_off(at + 1),
    })
}

/// The first row with two filled cells, unless a row below it is clearly
/// the header instead: as wide as the data, its cells mostly names.
fn find_header(rows: &[Row]) -> Result<usize, Error> {
    let Some(first) = rows.iter().position(|(_, cells)| filled(cells) >= 2) else {
        let caption: Vec<String> = rows
            .iter()
            .filter_map(|(_, cells)| cells.iter().find(|c| !c.trim().is_empty()).cloned())
            .collect();
        return Err(if caption.is_empty() {
            Error::new(ErrorKind::Empty)
        } else {
            no_table(&caption)
        });
    };
    if first > MAX_PREAMBLE {
        let caption: Vec<String> = rows[..first]
            .iter()
            .filter_map(|(_, cells)| cells.iter().find(|c| !c.trim().is_empty()).cloned())
            .collect();
        return Err(no_table(&caption));
    }
    let width = |from: usize| {
        rows[from..rows.len().min(from + LOOK_AHEAD)]
            .iter()
            .map(|(_, cells)| filled(cells))
            .max()
            .unwrap_or(0)
    };
    let looks_like_header = |i: usize| {
        let cells = &rows[i].1;
        let n = filled(cells);
        let names = cells.iter().filter(|c| header_like(c)).count();
        n * 10 >= width(i) * 8 && names * 10 >= n * 6 && i + 1 < rows.len()
    };
    if looks_like_header(first) || filled(&rows[first].1) * 2 > width(first) {
        return Ok(first);
    }
    // A title block or a group row: the header is the first row below it
    // that is as wide as the data and made of names.
    Ok((first + 1..rows.len().min(MAX_PREAMBLE + 1))
        .find(|&i| looks_like_header(i))
        .unwrap_or(first))
}

/// A row of groups over the header: names only, from the second cell on,
/// at least two of them, fewer than the header has.
fn is_group(row: &[String], header: &[String]) -> bool {
    let names: Vec<usize> = (0..row.len())
        .filter(|&i| !row[i].trim().is_empty())
        .collect();
    names.len() >= 2
        && names.iter().all(|&i| i >= 1 && header_like(&row[i]))
        && names.len() < filled(header)
}

/// The header with each group name before the names under it: a group
/// spans from its cell to the next group's (a merged cell).
fn combine(group: &[String], header: &[String]) -> Vec<String> {
    let mut current = String::new();
    header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let over = group.get(i).map_or("", |c| c.trim());
            if !over.is_empty() {
                current = over.to_string();
            }
            match (current.is_empty(), name.is_empty()) {
                (true, _) => name.clone(),
                (false, true) => current.clone(),
                (false, false) => format!("{current} {name}"),
            }
        })
        .collect()
}

fn no_header_line(line: usize) -> Error {
    Error::new(ErrorKind::InvalidOption).with_detail(
        format!(
            "headerRow {line}: 표의 처음 {}줄 안에 그런 줄이 없습니다",
            MAX_PREAMBLE + LOOK_AHEAD
        ),
        format!(
            "headerRow {line}: no such line among the first {} of the table",
            MAX_PREAMBLE + LOOK_AHEAD
        ),
    )
}

pub fn no_table(caption: &[String]) -> Error {
    let first = caption.first().map_or("", String::as_str);
    Error::new(ErrorKind::NoAmountColumn).with_detail(
        format!("열이 둘 이상인 표를 찾지 못했습니다 (첫 줄: '{first}')"),
        format!("no table with two or more columns was found (first line: '{first}')"),
    )
}
