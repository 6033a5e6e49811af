//! CSV and TSV (and `;`/`|` separated text), read with the `csv` crate. The
//! delimiter is sniffed from the first lines. Title lines and a unit caption
//! such as `(단위 : 천원)` above the header are recognised and skipped, and
//! the caption's unit is kept.

use crate::budget::Budget;
use crate::error::{Error, ErrorKind};
use crate::import::encoding::TextEncoding;
use crate::import::table::{assemble, Cells, Records, SourceInfo, Start};
use crate::options::Options;

/// Delimiters tried, in order of preference on a tie.
const DELIMITERS: [u8; 4] = [b'\t', b',', b';', b'|'];

/// Reads delimited text into a budget.
pub fn read(
    text: &str,
    encoding: Option<TextEncoding>,
    options: &Options,
) -> Result<Budget, Error> {
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty));
    }
    let delimiter = match options.delimiter {
        Some(c) => c as u8,
        None => sniff(text),
    };
    let mut rows = Rows::new(text, delimiter);
    let source = SourceInfo {
        format: match delimiter {
            b',' => "csv",
            b'\t' => "tsv",
            b'|' if is_pipe_table(text) => "markdown",
            _ => "text",
        },
        encoding,
        delimiter: Some(char::from(delimiter)),
        names: None,
    };
    assemble(&mut rows, source, options)
}

/// A markdown pipe table: its rows start and end with `|`.
fn is_pipe_table(text: &str) -> bool {
    let rows: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('|'))
        .collect();
    rows.len() >= 2 && rows.iter().all(|l| l.ends_with('|'))
}

/// The csv reader, with line numbers counted from byte offsets (so that
/// `\r\n`, `\n` and line breaks inside quoted cells all count alike).
struct Rows<'t> {
    reader: csv::Reader<&'t [u8]>,
    text: &'t [u8],
    /// The start of the last record read.
    start: Start,
    /// `|` separated: a markdown pipe table, perhaps.
    pipes: bool,
    /// Lines whose first cell is written in bold (`**계**`).
    bold: Vec<usize>,
}

impl<'t> Rows<'t> {
    pub(crate) fn new(text: &'t str, delimiter: u8) -> Rows<'t> {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        Rows {
            reader,
            text: text.as_bytes(),
            start: Start { byte: 0, line: 1 },
            pipes: delimiter == b'|',
            bold: Vec::new(),
        }
    }
}

impl Records for Rows<'_> {
    fn mark(&self) -> Start {
        self.start
    }

    fn explain(&mut self, error: Error, at: Start) -> Error {
        unclosed_quote(self.text, at).unwrap_or(error)
    }

    fn finish(&self) -> Result<(), Error> {
        unclosed_quote(self.text, self.start).map_or(Ok(()), Err)
    }

    fn hinted(&self) -> Vec<usize> {
        self.bold.clone()
    }

    /// Reads the next record; `false` at the end of the input. In a pipe
    /// table the empty cells outside the outer pipes and the `|---|` rule
    /// under the header are dropped.
    fn next(&mut self, record: &mut csv::ByteRecord) -> Result<bool, Error> {
        loop {
            if !self.next_raw(record)? {
                return Ok(false);
            }
            if !self.pipes {
                return Ok(true);
            }
            let (rule, bold) = strip_pipes(record);
            if bold {
                self.bold.push(self.start.line);
            }
            if !rule {
                return Ok(true);
            }
        }
    }
}

impl Rows<'_> {
    fn next_raw(&mut self, record: &mut csv::ByteRecord) -> Result<bool, Error> {
        match self.reader.read_byte_record(record) {
            Ok(true) => {
                let mut byte = record
                    .position()
                    .map_or(self.start.byte, |p| {
                        usize::try_from(p.byte()).unwrap_or(usize::MAX)
                    })
                    .clamp(self.start.byte, self.text.len());
                // After `\r\n` the csv crate places the next record at the `\n`.
                while matches!(self.text.get(byte), Some(b'\r' | b'\n')) {
                    byte += 1;
                }
                let newlines =
                    memchr::memchr_iter(b'\n', &self.text[self.start.byte..byte]).count();
                self.start = Start {
                    byte,
                    line: self.start.line + newlines,
                };
                Ok(true)
            }
            Ok(false) => Ok(false),
            Err(error) => Err(Error::new(ErrorKind::NotText)
                .at_row(self.start.line)
                .with_detail(
                    format!("표로 읽을 수 없습니다: {error}"),
                    format!("it cannot be read as a table: {error}"),
                )),
        }
    }
}

/// Removes a pipe table's outer empty cells and markdown emphasis. Says
/// whether the record is the `|---|:---:|` rule (to be skipped) and whether
/// its first cell was bold.
fn strip_pipes(record: &mut csv::ByteRecord) -> (bool, bool) {
    let cells: Vec<&str> = Cells::new(record).iter().collect();
    let mut inner: &[&str] = &cells;
    if inner.first().is_some_and(|c| c.trim().is_empty()) {
        inner = &inner[1..];
    }
    if inner.last().is_some_and(|c| c.trim().is_empty()) {
        inner = &inner[..inner.len() - 1];
    }
    let rule = !inner.is_empty()
        && inner.iter().all(|c| {
            let c = c.trim();
            c.contains('-') && c.chars().all(|ch| matches!(ch, '-' | ':'))
        });
    let bold = inner
        .first()
        .is_some_and(|c| unemphasise(c.trim()) != c.trim());
    let cleaned: Vec<String> = inner.iter().map(|c| unemphasise(c.trim())).collect();
    *record = csv::ByteRecord::from(cleaned);
    (rule, bold)
}

/// `**계**` → `계`, `__41,018__` → `41,018`.
fn unemphasise(cell: &str) -> String {
    for mark in ["**", "__"] {
        if let Some(inner) = cell.strip_prefix(mark).and_then(|c| c.strip_suffix(mark)) {
            return inner.trim().to_string();
        }
    }
    cell.to_string()
}

/// The csv crate ends a quoted cell that is never closed at the end of the
/// input, swallowing every line after the quote. A record whose text holds
/// an odd number of quote characters up to the end of the input is that case.
fn unclosed_quote(text: &[u8], start: Start) -> Option<Error> {
    let tail = text.get(start.byte..).unwrap_or_default();
    (tail.iter().filter(|&&b| b == b'"').count() % 2 == 1).then(|| {
        Error::new(ErrorKind::UnterminatedQuote)
            .at_row(start.line)
            .with_detail(
                "이 행에서 연 따옴표가 파일 끝까지 닫히지 않았습니다",
                "a quote opened in this row is still open at the end of the file",
            )
    })
}

/// Picks the delimiter that splits the most of the first lines into the same
/// number of cells (title lines without any delimiter do not count against it).
pub(crate) fn sniff(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(64)
        .collect();
    let mut best = (0usize, b',');
    for delimiter in DELIMITERS {
        let counts: Vec<usize> = lines
            .iter()
            .map(|line| count_outside_quotes(line, delimiter))
            .collect();
        let mut frequency: std::collections::HashMap<usize, usize> =
            std::collections::HashMap::new();
        for &count in counts.iter().filter(|&&c| c > 0) {
            *frequency.entry(count).or_insert(0) += 1;
        }
        let score = frequency.values().copied().max().unwrap_or(0);
        if score > best.0 {
            best = (score, delimiter);
        }
    }
    best.1
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests;
