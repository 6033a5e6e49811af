//! CSV and TSV (and `;`/`|` separated text), read with the `csv` crate. The
//! delimiter is sniffed from the first lines. Title lines and a unit caption
//! such as `(단위 : 천원)` above the header are recognised and skipped, and
//! the caption's unit is kept.

use crate::budget::{Budget, BudgetBuilder, Source};
use crate::error::{Error, ErrorKind};
use crate::import::encoding::TextEncoding;
use crate::import::transpose::transpose_years;
use crate::options::Options;
use crate::unit::Unit;

/// How many rows are looked at to infer what each column holds.
const SAMPLE_ROWS: usize = 1000;
/// How many lines above the header may be titles and captions.
const MAX_PREAMBLE: usize = 30;
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
    let mut record = csv::StringRecord::new();

    let mut caption = Vec::new();
    let header_row;
    loop {
        if !rows.next(&mut record)? {
            return Err(if caption.is_empty() {
                Error::new(ErrorKind::Empty)
            } else {
                no_table(&caption)
            });
        }
        let filled: Vec<&str> = record
            .iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if filled.len() >= 2 {
            header_row = rows.start.line;
            break;
        }
        if caption.len() >= MAX_PREAMBLE {
            return Err(no_table(&caption));
        }
        if let Some(line) = filled.first() {
            caption.push((*line).to_string());
        }
    }
    let mut header: Vec<String> = record.iter().map(|cell| cell.trim().to_string()).collect();
    let caption_unit = caption.iter().find_map(|line| Unit::from_caption(line));

    let mut sample: Vec<(Start, csv::StringRecord)> = Vec::new();
    let mut exhausted = false;
    while sample.len() < SAMPLE_ROWS {
        if !rows.next(&mut record)? {
            exhausted = true;
            break;
        }
        sample.push((rows.start, record.clone()));
    }
    let mut transposed = false;
    if exhausted {
        let table: Vec<(usize, Vec<String>)> = sample
            .iter()
            .map(|(start, r)| (start.line, r.iter().map(str::to_string).collect()))
            .collect();
        if let Some((new_header, new_rows)) = transpose_years(&header, &table, header_row) {
            header = new_header;
            let start = sample.first().map_or(rows.start, |(start, _)| *start);
            sample = new_rows
                .into_iter()
                .map(|(line, cells)| (Start { line, ..start }, csv::StringRecord::from(cells)))
                .collect();
            transposed = true;
        }
    }
    let sample_cells: Vec<Vec<&str>> = sample.iter().map(|(_, r)| r.iter().collect()).collect();
    let source = Source {
        format: match delimiter {
            b',' => "csv",
            b'\t' => "tsv",
            _ => "text",
        },
        encoding,
        delimiter: Some(char::from(delimiter)),
        header_row,
        caption,
    };
    let mut builder = BudgetBuilder::new(header, &sample_cells, caption_unit, source, options)?;
    drop(sample_cells);
    if transposed {
        builder.warn(
            "transposed",
            Some(header_row),
            None,
            format!("{header_row}행의 제목이 연도라서 표를 돌려 읽었습니다 (연도마다 한 행)"),
            format!("the header in row {header_row} lists years, so the table was turned around (one row per year)"),
        );
    }
    for (start, row) in &sample {
        builder
            .push(start.line, row)
            .map_err(|e| unclosed_quote(text, *start).unwrap_or(e))?;
    }
    drop(sample);
    while rows.next(&mut record)? {
        builder
            .push(rows.start.line, &record)
            .map_err(|e| unclosed_quote(text, rows.start).unwrap_or(e))?;
    }
    if let Some(error) = unclosed_quote(text, rows.start) {
        return Err(error);
    }
    builder.finish()
}

/// Where a record starts: its byte offset and its 1-based line.
#[derive(Debug, Clone, Copy, Default)]
struct Start {
    byte: usize,
    line: usize,
}

/// The csv reader, with line numbers counted from byte offsets (so that
/// `\r\n`, `\n` and line breaks inside quoted cells all count alike).
struct Rows<'t> {
    reader: csv::Reader<&'t [u8]>,
    text: &'t [u8],
    /// The start of the last record read.
    start: Start,
}

impl<'t> Rows<'t> {
    fn new(text: &'t str, delimiter: u8) -> Rows<'t> {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        Rows {
            reader,
            text: text.as_bytes(),
            start: Start { byte: 0, line: 1 },
        }
    }

    /// Reads the next record; `false` at the end of the input.
    fn next(&mut self, record: &mut csv::StringRecord) -> Result<bool, Error> {
        match self.reader.read_record(record) {
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
                let newlines = self.text[self.start.byte..byte]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
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

fn no_table(caption: &[String]) -> Error {
    Error::new(ErrorKind::NoAmountColumn).with_detail(
        format!(
            "열이 둘 이상인 표를 찾지 못했습니다 (첫 줄: '{}')",
            caption.first().map_or("", String::as_str)
        ),
        format!(
            "no table with two or more columns was found (first line: '{}')",
            caption.first().map_or("", String::as_str)
        ),
    )
}

/// The csv crate ends a quoted cell that is never closed at the end of the
/// input, swallowing every line after the quote. A record whose text holds
/// an odd number of quote characters up to the end of the input is that case.
fn unclosed_quote(text: &str, start: Start) -> Option<Error> {
    let tail = text.as_bytes().get(start.byte..).unwrap_or_default();
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
fn sniff(text: &str) -> u8 {
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
