//! What the second WebAssembly module hands the core for a text the core
//! does not read alone (feature `html` off): the HTML table it holds, laid
//! out on a grid, or, where the text only looked like HTML and holds no
//! table, the text itself. Either way decoded, with the encoding the file
//! was in, so that the core reads it exactly as a build with every reader
//! reads the file.

use crate::budget::Budget;
use crate::error::Error;
use crate::import::encoding::TextEncoding;
use crate::import::html::Grid;
use crate::import::sheet::Sheet;
use crate::options::Options;
use serde::{Deserialize, Serialize};

/// A text prepared by the second module, as it crosses to the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "prepared", rename_all = "lowercase")]
pub enum Prepared {
    /// The HTML table that looks most like a budget: its rows (packed as a
    /// sheet's are) and the 1-based rows whose first cell is bold.
    Html {
        encoding: Option<TextEncoding>,
        table: Sheet,
        bold: Vec<usize>,
    },
    /// A text that holds no HTML table, decoded.
    Text {
        encoding: Option<TextEncoding>,
        text: String,
    },
}

impl Prepared {
    /// The table of an HTML text, or the text, as [`Prepared`].
    pub fn of(grid: Option<Grid>, text: &str, encoding: Option<TextEncoding>) -> Prepared {
        match grid {
            Some(grid) => Prepared::Html {
                encoding,
                table: Sheet {
                    name: String::new(),
                    rows: grid
                        .rows
                        .into_iter()
                        .enumerate()
                        .map(|(i, r)| (i + 1, r))
                        .collect(),
                },
                bold: grid.bold,
            },
            None => Prepared::Text {
                encoding,
                text: text.to_string(),
            },
        }
    }
}

/// Prepares the bytes of a file the way the core would read them, with the
/// readers it lacks: decoded, and its best HTML table laid out.
#[cfg(feature = "html")]
pub fn prepare(bytes: &[u8], options: &Options) -> Result<Prepared, Error> {
    options.validate()?;
    super::check_size(bytes.len(), options)?;
    let (text, encoding) = super::encoding::decode(bytes, options.forced_encoding()?)?;
    prepare_text(&text, Some(encoding))
}

/// Prepares a text already decoded (`encoding` `None` for a string pasted).
#[cfg(feature = "html")]
pub fn prepare_text(text: &str, encoding: Option<TextEncoding>) -> Result<Prepared, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let grid = if crate::import::html::has_table(text) {
        crate::import::html::best_table(crate::import::html::tables(text)?)
    } else {
        None
    };
    Ok(Prepared::of(grid, text, encoding))
}

/// Reads what the second module prepared.
pub fn read(prepared: Prepared, options: &Options) -> Result<Budget, Error> {
    options.validate()?;
    match prepared {
        Prepared::Html {
            encoding,
            table,
            bold,
        } => {
            let rows = table.rows.into_iter().map(|(_, row)| row).collect();
            super::read_html(Grid { rows, bold }, encoding, options)
        }
        Prepared::Text { encoding, text } => {
            super::check_size(text.len(), options)?;
            super::read_plain(&text, encoding, options, 1)
        }
    }
}
