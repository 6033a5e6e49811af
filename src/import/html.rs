//! HTML `<table>`s, as web pages and HWP/PDF converters write them: found
//! anywhere in the text (also inside a cell of another table), tokenized by
//! html5gum, with `colspan` and `rowspan` laid out on a grid. Markup inside
//! cells (`<b>`, `<p>`, checkboxes) is dropped and its text kept.
//!
//! The tokenizer and the layout (`tokens`) are the feature `html`: the
//! core WebAssembly module only sees that a text holds a table, and the
//! second module lays it out and hands it over (`import::prepared`).

#[cfg(feature = "html")]
mod tokens;
#[cfg(feature = "html")]
pub use tokens::{tables, GRID_CELLS_PER_BYTE, MIN_GRID_CELLS};

/// One table's cells, row by row (a spanning cell's text in its first grid
/// cell), and the 1-based rows whose first cell is bold (`<b>`, `<strong>`,
/// `<th>` in the body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<Vec<String>>,
    pub bold: Vec<usize>,
}

/// Whether the text holds an HTML table at all: a `<table` and a `</t`,
/// in any case, found without a lower-case copy of the text.
pub fn has_table(text: &str) -> bool {
    let bytes = text.as_bytes();
    let has_tag = |name: &[u8]| {
        memchr::memchr_iter(b'<', bytes).any(|i| {
            bytes[i + 1..]
                .get(..name.len())
                .is_some_and(|after| after.eq_ignore_ascii_case(name))
        })
    };
    has_tag(b"table") && has_tag(b"/t")
}

/// The table that looks most like a budget: the most cells that are numbers.
pub fn best_table(grids: Vec<Grid>) -> Option<Grid> {
    let numbers = |grid: &Grid| {
        grid.rows
            .iter()
            .flatten()
            .filter(|cell| matches!(crate::amount::parse_number(cell), Ok(Some(_))))
            .count()
    };
    grids
        .into_iter()
        .filter(|grid| grid.rows.first().is_some_and(|row| row.len() >= 2))
        .max_by_key(numbers)
}

#[cfg(all(test, feature = "html"))]
mod tests;
