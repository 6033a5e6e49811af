//! From rows of cells to a budget, whatever the format the rows came from:
//! title and caption lines above the header (the caption's unit is kept),
//! the header, a sample to infer the columns from, and then every row. A
//! table small enough to be held whole (a table pasted from a report) is
//! first put in shape: a second header row merged, rates written inside
//! amount cells split out, years across turned into rows.

use crate::amount::Notation;
use crate::budget::{Budget, Source};
use crate::error::Error;
use crate::import::builder::{BudgetBuilder, TableHead};
use crate::import::encoding::TextEncoding;
use crate::import::{head, shape};
use crate::options::Options;
use crate::unit::Unit;

/// How many rows are looked at to infer what each column holds; a table
/// with no more rows than this is held whole and put in shape.
const SAMPLE_ROWS: usize = 1000;

/// Where a record starts: its byte offset and its 1-based line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Start {
    pub byte: usize,
    pub line: usize,
}

/// A source of records: delimited text, the rows of an HTML table, … Every
/// record must be cut from valid UTF-8 text at ASCII bytes (delimiters,
/// quotes, line breaks), so that its cells are valid UTF-8 too.
pub trait Records {
    /// Reads the next record; `false` at the end. Its cells are spans of
    /// [`Records::text`], or in the record's own buffer.
    fn next(&mut self, record: &mut Record) -> Result<bool, Error>;
    /// The text the last record's spans are in (valid until `next`).
    fn text(&self) -> &[u8] {
        &[]
    }
    /// How many bytes are left to read, when that is known.
    fn remaining(&self) -> Option<usize> {
        None
    }
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
pub(crate) fn assemble(
    records: &mut dyn Records,
    info: SourceInfo,
    options: &Options,
) -> Result<Budget, Error> {
    let (mut builder, whole) = begin(records, info, options)?;
    push_rest(records, &mut builder)?;
    records.finish()?;
    builder.hint_lines(&records.hinted());
    builder.finish(whole)
}

/// Reads the rows after the sample into `builder`.
pub(crate) fn push_rest(
    records: &mut dyn Records,
    builder: &mut BudgetBuilder,
) -> Result<(), Error> {
    let mut record = Record::default();
    while records.next(&mut record)? {
        let start = records.mark();
        let pushed = builder.push(start.line, &Cells::new(records.text(), &record));
        pushed.map_err(|e| records.explain(e, start))?;
    }
    Ok(())
}

/// Reads the head of a table (caption, header) and its first rows, works
/// out its columns from them, and pushes them: the builder for the rest,
/// and whether the table was no longer than the sample (held whole).
pub(crate) fn begin(
    records: &mut dyn Records,
    info: SourceInfo,
    options: &Options,
) -> Result<(BudgetBuilder, bool), Error> {
    let mut record = Record::default();
    let head = head::read(records, options.header_row)?;
    let (caption, header_row, grouped) = (head.caption, head.header_row, head.grouped);
    let (mut table, whole) = read_sample(records, &mut record, head.header, header_row, head.rows)?;
    let caption_unit = caption
        .iter()
        .find_map(|line| Unit::from_caption(line))
        .or_else(|| caption.iter().find_map(|line| Unit::from_scale_words(line)))
        .or_else(|| caption.iter().find_map(|line| bare_unit(line)))
        .or_else(|| unit_beside_header(&table));
    if let Some(line) = grouped {
        table.notes.push(shape::Note {
            code: "header_grouped",
            row: line,
            ko: format!("{line}행은 제목 위의 묶음 줄이라 아래 제목과 합쳐 읽었습니다"),
            en: format!("row {line} groups the header below it and was read together with it"),
        });
    }
    // The caller's marks of "not given" are empty cells to the inference.
    let not_given = |cell: &str| {
        options.not_given.as_ref().is_some_and(|marks| {
            marks
                .iter()
                .any(|m| m.trim().eq_ignore_ascii_case(cell.trim()))
        })
    };
    let sample_cells: Vec<Vec<&str>> = table
        .rows
        .iter()
        .map(|(_, cells)| {
            cells
                .iter()
                .map(|c| if not_given(c) { "" } else { c.as_str() })
                .collect()
        })
        .collect();
    let languages = crate::columns::lexicon::languages(&table.header);
    let currency = currency_of(options, &caption, &table.header, &sample_cells, &languages);
    let source = Source {
        format: info.format,
        encoding: info.encoding,
        delimiter: info.delimiter,
        header_row,
        caption,
        sheet: None,
        sheets: Vec::new(),
        files: Vec::new(),
    };
    let notation = match options.decimal {
        Some(mark) => Notation {
            decimal_comma: mark == ',',
        },
        None => Notation::detect_in(
            sample_cells.iter().flatten().copied(),
            crate::columns::lexicon::decimal_comma_language(&languages),
        ),
    };
    let head = TableHead {
        currency,
        header: table.header,
        caption_unit,
        source,
        names: info.names,
        notation,
    };
    let mut builder = BudgetBuilder::new(head, &sample_cells, options, whole)?;
    if notation.decimal_comma && options.decimal.is_none() {
        builder.warn(
            "decimal_comma",
            Some(header_row),
            None,
            "숫자가 1.234.567,89처럼 쉼표를 소수점으로 써서 그렇게 읽었습니다".to_string(),
            "the numbers use a decimal comma (1.234.567,89) and were read that way".to_string(),
        );
    }
    drop(sample_cells);
    // Room for the rows still to come, from the size of the rows so far,
    // so that the columns are not copied again and again as they grow.
    if let (Some(remaining), Some((first, _))) = (records.remaining(), table.rows.first()) {
        let read = records.mark().byte.saturating_sub(first.byte);
        let per_row = read / table.rows.len().max(1);
        builder.reserve(remaining / per_row.max(16));
    }
    for note in table.notes {
        builder.warn(note.code, Some(note.row), None, note.ko, note.en);
    }
    for (start, cells) in table.rows {
        let row = Record::from_cells(&cells);
        builder
            .push(start.line, &Cells::new(&[], &row))
            .map_err(|e| records.explain(e, start))?;
    }
    Ok((builder, whole))
}

/// A unit written at the end of the header row over an empty column, as
/// spreadsheets put it at the top right (`… | 집행잔액 | | (단위 : 천원)`).
fn unit_beside_header(table: &shape::Table) -> Option<Unit> {
    table.header.iter().enumerate().find_map(|(i, name)| {
        let empty = table
            .rows
            .iter()
            .all(|(_, cells)| cells.get(i).is_none_or(|c| c.trim().is_empty()));
        Unit::from_caption(name).filter(|_| empty)
    })
}

/// A caption line that is nothing but a unit in brackets: `(천원)`, `[백만원]`.
fn bare_unit(line: &str) -> Option<Unit> {
    let line = line.trim();
    let inner = line
        .strip_prefix(['(', '[', '（'])?
        .strip_suffix([')', ']', '）'])?;
    Unit::from_word(inner)
}

/// The currency of the amounts: the caller's, else one a caption line or a
/// header names (`(in USD)`, `(단위: 천원)`), else one the cells are written
/// with (`$27,158,570`), else won where the header is Korean.
fn currency_of(
    options: &Options,
    caption: &[String],
    header: &[String],
    sample: &[Vec<&str>],
    languages: &[&str],
) -> Option<String> {
    if let Some(code) = &options.currency {
        return Some(code.clone());
    }
    let titles = || caption.iter().chain(header).map(String::as_str);
    let cells = || sample.iter().flatten().copied();
    let peso = crate::columns::lexicon::written_in(languages, &["es", "pt"]);
    let named = crate::currency::named_in_table(
        titles().chain(cells().filter(|c| c.bytes().any(|b| b.is_ascii_digit()))),
        titles().chain(cells()),
        peso,
    );
    let korean = || {
        header
            .iter()
            .any(|h| h.chars().any(|c| ('가'..='힣').contains(&c)))
    };
    named
        .or_else(|| korean().then_some("KRW"))
        .map(str::to_string)
}

/// The first rows, to understand the columns from; a table no longer than
/// the sample is held whole (`true`) and put in shape.
fn read_sample(
    records: &mut dyn Records,
    record: &mut Record,
    header: Vec<String>,
    header_row: usize,
    read_ahead: Vec<(Start, Vec<String>)>,
) -> Result<(shape::Table, bool), Error> {
    let mut sample: Vec<(Start, Vec<String>)> = read_ahead;
    let mut whole = false;
    while sample.len() < SAMPLE_ROWS {
        if !records.next(record)? {
            whole = true;
            break;
        }
        sample.push((
            records.mark(),
            Cells::new(records.text(), record)
                .iter()
                .map(str::to_string)
                .collect(),
        ));
    }
    let table = shape::Table {
        header,
        header_row,
        rows: sample,
        notes: Vec::new(),
    };
    Ok(if whole {
        (shape::shape(table), true)
    } else {
        (table, false)
    })
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
    fn next(&mut self, record: &mut Record) -> Result<bool, Error> {
        match self.rows.next() {
            Some((line, cells)) => {
                *record = Record::from_cells(&cells);
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

/// One record: where each cell is, as a span of the text the record was
/// split from (no copy), or in the record's own buffer when the cell had to
/// be rebuilt (`"a ""b"""` → `a "b"`) or came as a string. Its cells are
/// read as text only inside the crate ([`Cells`]), from records of text
/// the crate has checked: spans and raw bytes can only be added there.
#[derive(Debug, Clone, Default)]
pub struct Record {
    spans: Vec<Span>,
    own: Vec<u8>,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    own: bool,
}

impl Record {
    /// A record of cells given as strings.
    pub fn from_cells<S: AsRef<str>>(cells: &[S]) -> Record {
        let mut record = Record::default();
        for cell in cells {
            record.push_own(cell.as_ref().as_bytes());
        }
        record
    }

    pub fn clear(&mut self) {
        self.spans.clear();
        self.own.clear();
    }

    /// Adds the cell `text[start..end]` of the record's text.
    #[inline]
    pub(crate) fn push_span(&mut self, start: usize, end: usize) {
        self.spans.push(Span {
            start,
            end,
            own: false,
        });
    }

    /// Adds a cell held by the record itself.
    pub(crate) fn push_own(&mut self, cell: &[u8]) {
        let start = self.own.len();
        self.own.extend_from_slice(cell);
        self.spans.push(Span {
            start,
            end: self.own.len(),
            own: true,
        });
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The length in bytes of the longest cell.
    pub fn longest(&self) -> usize {
        self.spans
            .iter()
            .map(|s| s.end - s.start)
            .max()
            .unwrap_or(0)
    }
}

/// One record's cells as text.
#[derive(Clone, Copy)]
pub struct Cells<'a> {
    text: &'a [u8],
    record: &'a Record,
}

impl<'a> Cells<'a> {
    /// A record from a [`Records`] source and the text it was split from;
    /// both are valid UTF-8 cut at ASCII bytes.
    pub(crate) fn new(text: &'a [u8], record: &'a Record) -> Cells<'a> {
        Cells { text, record }
    }

    /// Cell `index` as text.
    #[inline]
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let span = self.record.spans.get(index)?;
        let source = if span.own {
            &self.record.own
        } else {
            self.text
        };
        source.get(span.start..span.end).map(text)
    }

    pub fn len(&self) -> usize {
        self.record.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record.is_empty()
    }

    /// The length in bytes of the longest cell.
    pub fn longest(&self) -> usize {
        self.record.longest()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// A cell as text. Validating every cell again would cost as much as
/// reading the file: the input was validated once as a whole.
fn text(cell: &[u8]) -> &str {
    // SAFETY: every record comes from text that is valid UTF-8 and was split
    // only at ASCII bytes (the delimiter, `"`, `\r`, `\n`), which never occur
    // inside a multi-byte UTF-8 sequence; unescaping `""` removes an ASCII
    // byte; cells given as strings are UTF-8 already. So every cell is valid
    // UTF-8 (see `Records` and `Record`).
    unsafe { std::str::from_utf8_unchecked(cell) }
}
