//! The HTML tokenizer's side of reading tables (feature `html`): html5gum's
//! tokens into tables of cells, laid out on a grid with their spans.

use super::Grid;
use crate::error::{Error, ErrorKind};
use crate::import::shape;
use html5gum::{Token, Tokenizer};

/// How many grid cells a table's spans may make per byte of the text (at
/// least [`MIN_GRID_CELLS`]): a `colspan=100 rowspan=100` in every cell
/// would otherwise turn 100 KB into hundreds of megabytes of grid.
pub const GRID_CELLS_PER_BYTE: usize = 16;
/// The grid every text may make, however short.
pub const MIN_GRID_CELLS: usize = 1_000_000;

#[derive(Default)]
struct Cell {
    text: String,
    colspan: usize,
    rowspan: usize,
    bold: bool,
    /// A `<th>`: a header cell, never a figure.
    header: bool,
}

#[derive(Default)]
struct Open {
    rows: Vec<Vec<Cell>>,
    row: Option<Vec<Cell>>,
    cell: Option<Cell>,
}

impl Open {
    fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.get_or_insert_with(Vec::new).push(cell);
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            self.rows.push(row);
        }
    }
}

fn span(tag: &html5gum::StartTag<()>, name: &[u8]) -> usize {
    tag.attributes
        .iter()
        .find(|(key, _)| key.as_slice().eq_ignore_ascii_case(name))
        .and_then(|(_, value)| {
            std::str::from_utf8(value)
                .ok()?
                .trim()
                .parse::<usize>()
                .ok()
        })
        .map_or(1, |n| n.clamp(1, 100))
}

/// Every table in the text, innermost first when tables are nested; an
/// error when the tables' grids would be larger than the text allows.
pub fn tables(text: &str) -> Result<Vec<Grid>, Error> {
    let mut budget = GRID_CELLS_PER_BYTE
        .saturating_mul(text.len())
        .max(MIN_GRID_CELLS);
    let mut open: Vec<Open> = Vec::new();
    let mut done = Vec::new();
    for Ok(token) in Tokenizer::new(text) {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                match name.as_str() {
                    "table" => open.push(Open::default()),
                    "tr" => {
                        if let Some(table) = open.last_mut() {
                            table.end_row();
                            table.row = Some(Vec::new());
                        }
                    }
                    "td" | "th" => {
                        if let Some(table) = open.last_mut() {
                            table.end_cell();
                            table.cell = Some(Cell {
                                text: String::new(),
                                colspan: span(&tag, b"colspan"),
                                rowspan: span(&tag, b"rowspan"),
                                bold: false,
                                header: name == "th",
                            });
                        }
                    }
                    "b" | "strong" => {
                        if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
                            cell.bold = true;
                        }
                    }
                    "br" | "p" | "li" | "div" => {
                        if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
                            cell.text.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                match name.as_str() {
                    "td" | "th" => {
                        if let Some(table) = open.last_mut() {
                            table.end_cell();
                        }
                    }
                    "tr" => {
                        if let Some(table) = open.last_mut() {
                            table.end_row();
                        }
                    }
                    "table" => {
                        if let Some(mut table) = open.pop() {
                            table.end_row();
                            done.push(lay_out(table.rows, &mut budget)?);
                        }
                    }
                    _ => {}
                }
            }
            Token::String(text) => {
                if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
                    cell.text.push_str(&String::from_utf8_lossy(&text));
                }
            }
            _ => {}
        }
    }
    // Tables never closed still count.
    while let Some(mut table) = open.pop() {
        table.end_row();
        done.push(lay_out(table.rows, &mut budget)?);
    }
    done.retain(|grid| !grid.rows.is_empty());
    Ok(done)
}

/// The size of the grid a table's cells make, counted before it is made:
/// every row as wide as the widest, as the grid will be.
fn grid_size(rows: &[Vec<Cell>]) -> usize {
    let width = rows
        .iter()
        .map(|row| row.iter().map(|c| c.colspan).sum::<usize>())
        .max()
        .unwrap_or(0);
    // Spans from rows above push cells to the right by at most their width.
    let spanned: usize = rows
        .iter()
        .flatten()
        .map(|c| c.colspan.saturating_mul(c.rowspan.saturating_sub(1)))
        .sum();
    let height = rows.len() + rows.iter().flatten().map(|c| c.rowspan).max().unwrap_or(1);
    width.saturating_add(spanned).saturating_mul(height)
}

/// Places cells on a grid, repeating a spanning cell's text only in its
/// first column and row and leaving the rest empty (as a merged cell reads).
fn lay_out(rows: Vec<Vec<Cell>>, budget: &mut usize) -> Result<Grid, Error> {
    let size = grid_size(&rows);
    if size > *budget {
        return Err(Error::new(ErrorKind::TooComplex).with_detail(
            format!("표의 병합 칸(colspan, rowspan)이 {size}칸 격자를 만듭니다 (이 파일 크기로는 최대 {budget}칸)"),
            format!("the table's merged cells (colspan, rowspan) make a grid of {size} cells (at most {budget} for a file of this size)"),
        ));
    }
    *budget -= size;
    let bold = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.first().is_some_and(|cell| cell.bold))
        .map(|(i, _)| i + 1)
        .collect();
    // The leading rows made only of <th> cells are the header: its spanning
    // cells stand over every column they span, to be combined below.
    let header_rows = rows
        .iter()
        .take_while(|row| !row.is_empty() && row.iter().all(|c| c.header))
        .count();
    let mut grid: Vec<Vec<String>> = Vec::new();
    let mut taken: Vec<Vec<bool>> = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        if grid.len() <= r {
            grid.push(Vec::new());
            taken.push(Vec::new());
        }
        let mut c = 0;
        for cell in row {
            while taken[r].get(c).copied().unwrap_or(false) {
                c += 1;
            }
            let text = cell.text.split_whitespace().collect::<Vec<_>>().join(" ");
            for dr in 0..cell.rowspan {
                let rr = r + dr;
                while grid.len() <= rr {
                    grid.push(Vec::new());
                    taken.push(Vec::new());
                }
                for dc in 0..cell.colspan {
                    let cc = c + dc;
                    if grid[rr].len() <= cc {
                        grid[rr].resize(cc + 1, String::new());
                        taken[rr].resize(cc + 1, false);
                    }
                    taken[rr][cc] = true;
                    if (dr == 0 && dc == 0) || (rr < header_rows && header_rows > 1) {
                        grid[rr][cc] = text.clone();
                    }
                }
            }
            c += cell.colspan;
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut grid {
        row.resize(width, String::new());
    }
    if header_rows > 1 && header_rows < grid.len() {
        let header = shape::combine_rows(&grid[..header_rows], width);
        grid.splice(..header_rows, [header]);
    }
    Ok(Grid { rows: grid, bold })
}
