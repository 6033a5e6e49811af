//! CSV and TSV (and `;`/`|` separated text), read with the `csv` crate. The
//! delimiter is sniffed from the first lines. Title lines and a unit caption
//! such as `(단위 : 천원)` above the header are recognised and skipped, and
//! the caption's unit is kept.

use crate::budget::{Budget, BudgetBuilder, Source};
use crate::error::{Error, ErrorKind};
use crate::import::encoding::TextEncoding;
use crate::options::Options;
use crate::unit::Unit;

/// How many rows are looked at to infer what each column holds.
const SAMPLE_ROWS: usize = 1000;
/// How many lines above the header may be titles and captions.
const MAX_PREAMBLE: usize = 30;
/// Delimiters tried, in order of preference on a tie.
const DELIMITERS: [u8; 4] = [b'\t', b',', b';', b'|'];

/// Reads delimited text into a budget.
pub fn read(text: &str, encoding: Option<TextEncoding>, options: &Options) -> Result<Budget, Error> {
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty));
    }
    let delimiter = match options.delimiter {
        Some(c) => c as u8,
        None => sniff(text),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut last = LastRecord::default();

    let mut caption = Vec::new();
    let header_row;
    loop {
        if !next(&mut reader, &mut record, &mut last)? {
            return Err(if caption.is_empty() {
                Error::new(ErrorKind::Empty)
            } else {
                no_table(&caption)
            });
        }
        let filled: Vec<&str> = record.iter().map(str::trim).filter(|c| !c.is_empty()).collect();
        if filled.len() >= 2 {
            header_row = line_of(&record);
            break;
        }
        if caption.len() >= MAX_PREAMBLE {
            return Err(no_table(&caption));
        }
        if let Some(line) = filled.first() {
            caption.push((*line).to_string());
        }
    }
    let header: Vec<String> = record.iter().map(|cell| cell.trim().to_string()).collect();
    let caption_unit = caption.iter().find_map(|line| Unit::from_caption(line));

    let mut sample: Vec<(usize, csv::StringRecord)> = Vec::new();
    while sample.len() < SAMPLE_ROWS && next(&mut reader, &mut record, &mut last)? {
        sample.push((line_of(&record), record.clone()));
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
    for (line, row) in &sample {
        builder.push(*line, row).map_err(|e| unclosed_quote(text, row).unwrap_or(e))?;
    }
    drop(sample);
    while next(&mut reader, &mut record, &mut last)? {
        builder
            .push(line_of(&record), &record)
            .map_err(|e| unclosed_quote(text, &record).unwrap_or(e))?;
    }
    if let Some(error) = unclosed_quote_from(text, last) {
        return Err(error);
    }
    builder.finish()
}

/// Where the last record read starts: its byte offset and line.
#[derive(Debug, Clone, Copy, Default)]
struct LastRecord {
    byte: usize,
    line: usize,
}

/// Reads the next record; `false` at the end of the input.
fn next(reader: &mut csv::Reader<&[u8]>, record: &mut csv::StringRecord, last: &mut LastRecord) -> Result<bool, Error> {
    match reader.read_record(record) {
        Ok(true) => {
            if let Some(position) = record.position() {
                last.byte = usize::try_from(position.byte()).unwrap_or(usize::MAX);
                last.line = line_of(record);
            }
            Ok(true)
        }
        Ok(false) => Ok(false),
        Err(error) => {
            let row = error.position().map_or(0, |p| p.line() as usize);
            Err(Error::new(ErrorKind::NotText).at_row(row).with_detail(
                format!("표로 읽을 수 없습니다: {error}"),
                format!("it cannot be read as a table: {error}"),
            ))
        }
    }
}

fn line_of(record: &csv::StringRecord) -> usize {
    record.position().map_or(0, |p| p.line() as usize)
}

fn no_table(caption: &[String]) -> Error {
    Error::new(ErrorKind::NoAmountColumn).with_detail(
        format!("열이 둘 이상인 표를 찾지 못했습니다 (첫 줄: '{}')", caption.first().map_or("", String::as_str)),
        format!("no table with two or more columns was found (first line: '{}')", caption.first().map_or("", String::as_str)),
    )
}

/// The csv crate ends a quoted cell that is never closed at the end of the
/// input, swallowing every line after the quote. A record whose text holds
/// an odd number of quote characters up to the end of the input is that case.
fn unclosed_quote_from(text: &str, start: LastRecord) -> Option<Error> {
    let tail = text.get(start.byte..).unwrap_or("");
    (tail.bytes().filter(|&b| b == b'"').count() % 2 == 1).then(|| {
        Error::new(ErrorKind::UnterminatedQuote).at_row(start.line).with_detail(
            "이 행에서 연 따옴표가 파일 끝까지 닫히지 않았습니다",
            "a quote opened in this row is still open at the end of the file",
        )
    })
}

/// The same check for a record that could not be read: a swallowed file
/// usually shows first as a row with too few cells.
fn unclosed_quote(text: &str, record: &csv::StringRecord) -> Option<Error> {
    let byte = record.position().map_or(0, |p| p.byte());
    let start = LastRecord {
        byte: usize::try_from(byte).unwrap_or(usize::MAX),
        line: line_of(record),
    };
    unclosed_quote_from(text, start)
}

/// Picks the delimiter that splits the most of the first lines into the same
/// number of cells (title lines without any delimiter do not count against it).
fn sniff(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(64).collect();
    let mut best = (0usize, b',');
    for delimiter in DELIMITERS {
        let counts: Vec<usize> = lines.iter().map(|line| count_outside_quotes(line, delimiter)).collect();
        let mut frequency: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
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
