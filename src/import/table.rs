//! From rows of cells to a budget, whatever the format the rows came from:
//! title and caption lines above the header (the caption's unit is kept),
//! the header, a sample to infer the columns from, and then every row. A
//! table small enough to be held whole (a table pasted from a report) is
//! first put in shape: a second header row merged, rates written inside
//! amount cells split out, years across turned into rows.

use crate::budget::{Budget, BudgetBuilder, Source};
use crate::error::{Error, ErrorKind};
use crate::import::encoding::TextEncoding;
use crate::import::shape;
use crate::options::Options;
use crate::unit::Unit;

/// How many rows are looked at to infer what each column holds; a table
/// with no more rows than this is held whole and put in shape.
const SAMPLE_ROWS: usize = 1000;
/// How many lines above the header may be titles and captions.
const MAX_PREAMBLE: usize = 30;

/// Where a record starts: its byte offset and its 1-based line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Start {
    pub byte: usize,
    pub line: usize,
}

/// A source of records: a CSV reader, the rows of an HTML table, … Every
/// record must be cut from valid UTF-8 text at ASCII bytes (delimiters,
/// quotes, line breaks), so that its cells are valid UTF-8 too.
pub trait Records {
    /// Reads the next record; `false` at the end.
    fn next(&mut self, record: &mut csv::ByteRecord) -> Result<bool, Error>;
    /// Where the last record read starts.
    fn mark(&self) -> Start;
    /// A better explanation of an error in the record at `at`, if the format has one.
    fn explain(&mut self, error: Error, _at: Start) -> Error {
        error
    }
    /// A problem that shows only at the end of the input.
    fn finish(&self) -> Result<(), Error> {
        Ok(())
    }
    /// Lines the format marks as possible sums: bold rows, ○ items.
    fn hinted(&self) -> Vec<usize> {
        Vec::new()
    }
}

/// What the reader knows of the format.
#[derive(Debug, Clone, Copy)]
pub struct SourceInfo {
    pub format: &'static str,
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<char>,
    /// The column that names the rows, when the format knows it.
    pub names: Option<usize>,
}

/// Reads a whole table from `records` into a budget.
pub fn assemble(
    records: &mut impl Records,
    info: SourceInfo,
    options: &Options,
) -> Result<Budget, Error> {
    let mut record = csv::ByteRecord::new();
    let mut caption = Vec::new();
    loop {
        if !records.next(&mut record)? {
            return Err(if caption.is_empty() {
                Error::new(ErrorKind::Empty)
            } else {
                no_table(&caption)
            });
        }
        let cells = Cells::new(&record);
        let filled: Vec<&str> = cells
            .iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if filled.len() >= 2 {
            break;
        }
        if caption.len() >= MAX_PREAMBLE {
            return Err(no_table(&caption));
        }
        if let Some(line) = filled.first() {
            caption.push((*line).to_string());
        }
    }
    let header_row = records.mark().line;
    let header: Vec<String> = Cells::new(&record)
        .iter()
        .map(|cell| cell.trim().to_string())
        .collect();
    let caption_unit = caption.iter().find_map(|line| Unit::from_caption(line));

    let mut sample: Vec<(Start, Vec<String>)> = Vec::new();
    let mut whole = false;
    while sample.len() < SAMPLE_ROWS {
        if !records.next(&mut record)? {
            whole = true;
            break;
        }
        sample.push((
            records.mark(),
            Cells::new(&record).iter().map(str::to_string).collect(),
        ));
    }
    let mut table = shape::Table {
        header,
        header_row,
        rows: sample,
        notes: Vec::new(),
    };
    if whole {
        table = shape::shape(table);
    }
    let sample_cells: Vec<Vec<&str>> = table
        .rows
        .iter()
        .map(|(_, cells)| cells.iter().map(String::as_str).collect())
        .collect();
    let source = Source {
        format: info.format,
        encoding: info.encoding,
        delimiter: info.delimiter,
        header_row,
        caption,
    };
    let mut builder = BudgetBuilder::new(
        table.header,
        &sample_cells,
        caption_unit,
        source,
        info.names,
        options,
        whole,
    )?;
    drop(sample_cells);
    for note in table.notes {
        builder.warn(note.code, Some(note.row), None, note.ko, note.en);
    }
    for (start, cells) in table.rows {
        let row = csv::ByteRecord::from(cells);
        builder
            .push(start.line, &Cells::new(&row))
            .map_err(|e| records.explain(e, start))?;
    }
    while records.next(&mut record)? {
        let start = records.mark();
        builder
            .push(start.line, &Cells::new(&record))
            .map_err(|e| records.explain(e, start))?;
    }
    records.finish()?;
    builder.hint_lines(&records.hinted());
    builder.finish(whole)
}

fn no_table(caption: &[String]) -> Error {
    let first = caption.first().map_or("", String::as_str);
    Error::new(ErrorKind::NoAmountColumn).with_detail(
        format!("열이 둘 이상인 표를 찾지 못했습니다 (첫 줄: '{first}')"),
        format!("no table with two or more columns was found (first line: '{first}')"),
    )
}

/// The rows of a table already split into cells (an HTML table, a basis
/// text), as records, each with the line it came from.
pub struct GridRecords {
    rows: std::vec::IntoIter<(usize, Vec<String>)>,
    line: usize,
    hinted: Vec<usize>,
}

impl GridRecords {
    /// Rows numbered `first_line`, `first_line + 1`, …
    pub fn new(rows: Vec<Vec<String>>, first_line: usize) -> GridRecords {
        GridRecords::with_lines(
            rows.into_iter()
                .enumerate()
                .map(|(i, row)| (first_line + i, row))
                .collect(),
        )
    }

    /// Rows with their own line numbers.
    pub fn with_lines(rows: Vec<(usize, Vec<String>)>) -> GridRecords {
        GridRecords {
            rows: rows.into_iter(),
            line: 0,
            hinted: Vec::new(),
        }
    }

    /// Marks lines as possible sums (bold rows, ○ items).
    pub fn hinting(mut self, lines: Vec<usize>) -> GridRecords {
        self.hinted = lines;
        self
    }
}

impl Records for GridRecords {
    fn next(&mut self, record: &mut csv::ByteRecord) -> Result<bool, Error> {
        match self.rows.next() {
            Some((line, cells)) => {
                *record = csv::ByteRecord::from(cells);
                self.line = line;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    fn mark(&self) -> Start {
        Start {
            byte: 0,
            line: self.line,
        }
    }

    fn hinted(&self) -> Vec<usize> {
        self.hinted.clone()
    }
}

/// One record's cells as text.
pub struct Cells<'a>(&'a csv::ByteRecord);

impl<'a> Cells<'a> {
    /// Wraps a record from a [`Records`] source, whose records are cut from
    /// valid UTF-8 at ASCII bytes.
    pub fn new(record: &'a csv::ByteRecord) -> Cells<'a> {
        Cells(record)
    }

    /// Cell `index` as text.
    pub fn get(&self, index: usize) -> Option<&'a str> {
        self.0.get(index).map(text)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.0.iter().map(text)
    }
}

/// A cell as text. Validating every cell again would cost as much as
/// reading the file: the input was validated once as a whole.
fn text(cell: &[u8]) -> &str {
    // SAFETY: every record comes from text that is valid UTF-8 and was split
    // only at ASCII bytes (the delimiter, `"`, `\r`, `\n`), which never occur
    // inside a multi-byte UTF-8 sequence; unescaping `""` removes an ASCII
    // byte. So every cell is valid UTF-8 (see `Records`).
    unsafe { std::str::from_utf8_unchecked(cell) }
}
