//! Putting a small table in shape before it is read, the way tables come
//! out of reports: a second header row whose cells combine with the first
//! (`2015년 대비` over `증감 | 증감률`), a rate written inside an amount cell
//! (`152,912 (55.2%)`), and years across with measures down.

use crate::amount::parse_number;
use crate::import::table::Start;
use crate::import::transpose::transpose_years;
use crate::unit::bracketed;

/// A table held whole: its header, its rows with where they start, and
/// what was done to it, to be told to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub header_row: usize,
    pub rows: Vec<(Start, Vec<String>)>,
    pub notes: Vec<Note>,
}

/// Something done to the table's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub code: &'static str,
    pub row: usize,
    pub ko: String,
    pub en: String,
}

/// Applies every reshaping that fits the table.
pub fn shape(table: Table) -> Table {
    transpose(split_rates(merge_header_rows(table)))
}

fn is_text(cell: &str) -> bool {
    parse_number(cell).is_err()
}

/// A first data row with an empty first cell and only text in the others is
/// the second row of the header: each of its cells joins the cell above, or
/// the nearest one to the left when the cell above is empty (a merged cell).
/// Not where its one text stands over a column of names: that is a heading
/// row (`,Police Department,,` over the department's line items).
fn merge_header_rows(mut table: Table) -> Table {
    let Some((start, second)) = table.rows.first() else {
        return table;
    };
    let first_empty = second.first().is_none_or(|c| c.trim().is_empty());
    let filled: Vec<usize> = (0..second.len())
        .filter(|&i| !second[i].trim().is_empty())
        .collect();
    if !first_empty || filled.is_empty() || !filled.iter().all(|&i| is_text(&second[i])) {
        return table;
    }
    if let [only] = filled[..] {
        if names_below(&table.rows[1..], only) {
            return table;
        }
    }
    let width = table.header.len().max(second.len());
    let mut merged = Vec::with_capacity(width);
    let mut above_left = String::new();
    for i in 0..width {
        let top = table.header.get(i).map_or("", |c| c.trim());
        let below = second.get(i).map_or("", |c| c.trim());
        let top = if top.is_empty() && !below.is_empty() {
            above_left.clone()
        } else {
            above_left = top.to_string();
            top.to_string()
        };
        merged.push(match (top.is_empty(), below.is_empty()) {
            (_, true) => top,
            (true, false) => below.to_string(),
            (false, false) => format!("{top} {below}"),
        });
    }
    let row = start.line;
    table.header = merged;
    table.rows.remove(0);
    table.notes.push(Note {
        code: "header_merged",
        row,
        ko: format!("{row}행은 제목의 둘째 줄이라 윗줄과 합쳐 읽었습니다"),
        en: format!(
            "row {row} is the header's second line and was read together with the line above"
        ),
    });
    table
}

/// Whether most of the first cells given in `column` of the next rows
/// (up to 5) are text, not numbers.
fn names_below(rows: &[(Start, Vec<String>)], column: usize) -> bool {
    let cells: Vec<&str> = rows
        .iter()
        .filter_map(|(_, row)| row.get(column).map(|c| c.trim()))
        .filter(|c| !c.is_empty())
        .take(5)
        .collect();
    let text = cells.iter().filter(|c| is_text(c)).count();
    !cells.is_empty() && text * 2 > cells.len()
}

/// Splits `152,912 (55.2%)` into the amount and the rate.
fn embedded_rate(cell: &str) -> Option<(String, String)> {
    let cell = cell.trim();
    let open = cell.rfind('(')?;
    let inner = cell[open + 1..].strip_suffix(')')?.trim();
    if !inner.ends_with('%') {
        return None;
    }
    let amount = cell[..open].trim();
    let rate = parse_number(inner).ok()??;
    let value = parse_number(amount).ok()??;
    (rate.percent && !value.percent).then(|| (amount.to_string(), inner.to_string()))
}

/// A column whose cells carry a rate in parentheses becomes two columns:
/// the amount, and the rate named by the header's bracket (`집 행 액 (집행률)`)
/// or `<name> (%)`.
fn split_rates(mut table: Table) -> Table {
    let width = table.header.len();
    for column in (0..width).rev() {
        let cells = table.rows.iter().filter_map(|(_, row)| row.get(column));
        let with_rate = cells.clone().filter(|c| embedded_rate(c).is_some()).count();
        if with_rate == 0 {
            continue;
        }
        let name = table.header[column].clone();
        let rate_name = bracketed(&name)
            .find(|inner| inner.contains('률') || inner.contains('율') || inner.contains('%'))
            .map(|inner| inner.trim().to_string())
            .unwrap_or_else(|| format!("{name} (%)"));
        let base = bracketed(&name).fold(name.clone(), |text, inner| {
            if inner.contains('률') || inner.contains('율') {
                text.replace(&format!("({inner})"), "").trim().to_string()
            } else {
                text
            }
        });
        table.header[column] = base;
        table.header.insert(column + 1, rate_name.clone());
        for (_, row) in &mut table.rows {
            let (amount, rate) = match row.get(column).and_then(|c| embedded_rate(c)) {
                Some(split) => split,
                None => (row.get(column).cloned().unwrap_or_default(), String::new()),
            };
            if column < row.len() {
                row[column] = amount;
                row.insert(column + 1, rate);
            }
        }
        let row = table.header_row;
        table.notes.push(Note {
            code: "rate_split",
            row,
            ko: format!(
                "'{}' 칸 안의 괄호 속 비율을 '{rate_name}' 열로 나눠 읽었습니다",
                table.header[column]
            ),
            en: format!(
                "the rates in parentheses inside '{}' were read as a column '{rate_name}'",
                table.header[column]
            ),
        });
    }
    table
}

fn transpose(mut table: Table) -> Table {
    let rows: Vec<(usize, Vec<String>)> = table
        .rows
        .iter()
        .map(|(start, cells)| (start.line, cells.clone()))
        .collect();
    let Some((header, turned)) = transpose_years(&table.header, &rows, table.header_row) else {
        return table;
    };
    let start = table
        .rows
        .first()
        .map_or_else(Start::default, |(start, _)| *start);
    let row = table.header_row;
    table.header = header;
    table.rows = turned
        .into_iter()
        .map(|(line, cells)| (Start { line, ..start }, cells))
        .collect();
    table.notes.push(Note {
        code: "transposed",
        row,
        ko: format!("{row}행의 제목이 연도라서 표를 돌려 읽었습니다 (연도마다 한 행)"),
        en: format!("the header in row {row} lists years, so the table was turned around (one row per year)"),
    });
    table
}

/// Several header rows as one: each column's names top to bottom, a name a
/// merged or spanning cell repeats over the rows it spans said once (`구분`
/// over two rows; `예산` over `2015 | 2016` → `예산 2015`, `예산 2016`).
pub(crate) fn combine_rows(rows: &[Vec<String>], width: usize) -> Vec<String> {
    (0..width)
        .map(|c| {
            let mut names: Vec<&str> = Vec::new();
            for row in rows {
                let name = row.get(c).map_or("", |n| n.trim());
                if !name.is_empty() && names.last() != Some(&name) {
                    names.push(name);
                }
            }
            names.join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests;
