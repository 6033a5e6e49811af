//! Transposed tables: years as columns and measures as rows, as reports
//! print execution histories (`구 분 | 2012년 | 2013년 …` over `예산액`,
//! `집행액`, `집행잔액`, `집행율`). They are normalised to one row per year,
//! so that the measures become columns like in any other table.

use crate::columns::lexicon::{self, Meaning};
use crate::columns::year_from_header;

/// A table's rows: each the 1-based line it came from and its cells.
pub type Rows = Vec<(usize, Vec<String>)>;

/// Header name of the year column a transposed table gets.
pub const YEAR_COLUMN: &str = "연도";

/// If every header cell after the first names a year (at least two of
/// them), returns the table turned around: header `연도, <row labels…>` and
/// one row per year. Rows are `(line, cells)`; each new row keeps the line
/// of the header, where its year is written.
pub fn transpose_years(
    header: &[String],
    rows: &[(usize, Vec<String>)],
    header_line: usize,
) -> Option<(Vec<String>, Rows)> {
    let years = &header.get(1..)?;
    let is_year_cell = |cell: &String| {
        let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
        year_from_header(&compact).is_some() && compact.chars().count() <= 8
    };
    if years.len() < 2 || !years.iter().all(is_year_cell) || rows.is_empty() {
        return None;
    }
    let labels: Vec<String> = rows
        .iter()
        .map(|(_, cells)| {
            cells
                .first()
                .map_or(String::new(), |c| c.split_whitespace().collect())
        })
        .collect();
    if labels.iter().any(String::is_empty) {
        return None;
    }
    // The rows must be measures (예산액, 집행액, 집행율), not items: a table of
    // departments with a column per year is already the right way round.
    let measures = labels
        .iter()
        .filter(|label| {
            matches!(
                lexicon::meaning(label),
                Some(Meaning::Role(_) | Meaning::Money | Meaning::OtherMoney | Meaning::Rate)
            )
        })
        .count();
    if measures * 2 < labels.len() {
        return None;
    }
    let mut new_header = vec![YEAR_COLUMN.to_string()];
    new_header.extend(labels);
    let new_rows = years
        .iter()
        .enumerate()
        .map(|(offset, year)| {
            let mut cells = vec![year.trim().to_string()];
            cells.extend(
                rows.iter()
                    .map(|(_, row)| row.get(offset + 1).cloned().unwrap_or_default()),
            );
            (header_line, cells)
        })
        .collect();
    Some((new_header, new_rows))
}
