//! CSV and TSV (and `;`/`|` separated text), split by [`split`]. The
//! delimiter is sniffed from the first lines. Title lines and a unit caption
//! such as `(단위 : 천원)` above the header are recognised and skipped, and
//! the caption's unit is kept.

use crate::budget::Budget;
use crate::error::{Error, ErrorKind};
use crate::import::encoding::TextEncoding;
use crate::import::split::{self, Stop};
use crate::import::table::{assemble, Cells, Record, Records, SourceInfo, Start};
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
    // Old Mac files end their lines in `\r` alone: read as `\n`.
    let unified;
    let text = if split::lone_cr(text.as_bytes()) {
        unified = text.replace("\r\n", "\n").replace('\r', "\n");
        unified.as_str()
    } else {
        text
    };
    let mut rows = Rows::new(text, delimiter);
    assemble(&mut rows, source_info(text, delimiter, encoding), options)
}

/// What the reader knows of delimited text.
pub(crate) fn source_info(text: &str, delimiter: u8, encoding: Option<TextEncoding>) -> SourceInfo {
    SourceInfo {
        format: match delimiter {
            b',' => "csv",
            b'\t' => "tsv",
            b'|' if is_pipe_table(text) => "markdown",
            _ => "text",
        },
        encoding,
        delimiter: Some(char::from(delimiter)),
        names: None,
    }
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

/// The records of the text, each with the line it starts on.
pub(crate) struct Rows<'t> {
    text: &'t [u8],
    splitter: split::Splitter,
    /// Where the next record is looked for, and its line.
    at: usize,
    line: usize,
    /// The start of the last record read.
    start: Start,
    /// `|` separated: a markdown pipe table, perhaps.
    pipes: bool,
    /// Lines whose first cell is written in bold (`**계**`).
    bold: Vec<usize>,
}

impl<'t> Rows<'t> {
    /// The records of `text[from..to]`, the first on `line`; spans stay
    /// offsets into the whole text. `from` must start a record.
    pub(crate) fn part(
        text: &'t str,
        delimiter: u8,
        from: usize,
        to: usize,
        line: usize,
    ) -> Rows<'t> {
        let mut rows = Rows::new(text, delimiter);
        rows.text = &text.as_bytes()[..to];
        rows.at = from;
        rows.line = line;
        rows.start = Start { byte: from, line };
        rows
    }

    /// Where the next record will be looked for, and its line.
    pub(crate) fn position(&self) -> (usize, usize) {
        (self.at, self.line)
    }

    /// Stops reading at byte `end` (a record's start), for the next part.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn stop_at(&mut self, end: usize) {
        self.text = &self.text[..end.min(self.text.len())];
        // The block the splitter looked at may reach past the new end.
        self.splitter.reset();
    }

    /// `text` must not end its lines in a lone `\r` (see [`split::lone_cr`]).
    pub(crate) fn new(text: &'t str, delimiter: u8) -> Rows<'t> {
        Rows {
            text: text.as_bytes(),
            splitter: split::Splitter::new(delimiter),
            at: 0,
            line: 1,
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

    fn hinted(&self) -> Vec<usize> {
        self.bold.clone()
    }

    /// Reads the next record; `false` at the end of the input. In a pipe
    /// table the empty cells outside the outer pipes and the `|---|` rule
    /// under the header are dropped.
    fn text(&self) -> &[u8] {
        self.text
    }

    fn remaining(&self) -> Option<usize> {
        Some(self.text.len() - self.at)
    }

    fn next(&mut self, record: &mut Record) -> Result<bool, Error> {
        loop {
            if !self.next_raw(record)? {
                return Ok(false);
            }
            if !self.pipes {
                return Ok(true);
            }
            let (rule, bold) = strip_pipes(self.text, record);
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
    fn next_raw(&mut self, record: &mut Record) -> Result<bool, Error> {
        match self.splitter.split(self.text, self.at, true, record) {
            Ok(found) => {
                self.start = Start {
                    byte: found.start,
                    line: self.line + found.skipped_lines,
                };
                self.line = self.start.line + found.inner_lines + 1;
                self.at = found.end;
                Ok(true)
            }
            Err(Stop::End | Stop::More) => Ok(false),
            Err(Stop::Unclosed { skipped_lines, .. }) => {
                Err(unclosed_quote(self.line + skipped_lines))
            }
        }
    }
}

/// A quoted cell opened on `line` and never closed: it would swallow every
/// line after it.
pub(crate) fn unclosed_quote(line: usize) -> Error {
    Error::new(ErrorKind::UnterminatedQuote)
        .at_row(line)
        .with_detail(
            "이 행에서 연 따옴표가 파일 끝까지 닫히지 않았습니다",
            "a quote opened in this row is still open at the end of the file",
        )
}

/// Removes a pipe table's outer empty cells and markdown emphasis. Says
/// whether the record is the `|---|:---:|` rule (to be skipped) and whether
/// its first cell was bold.
fn strip_pipes(text: &[u8], record: &mut Record) -> (bool, bool) {
    let cells: Vec<&str> = Cells::new(text, record).iter().collect();
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
    *record = Record::from_cells(&cleaned);
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

/// Picks the delimiter that splits the most of the first lines into the same
/// number of cells (title lines without any delimiter do not count against
/// it); of two that split as many lines evenly, the one that makes more
/// cells (`Сумма, тыс. руб.;500,0` is two cells, not three).
pub(crate) fn sniff(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(64)
        .collect();
    let mut best = ((0usize, 0usize), b',');
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
        let score = frequency
            .iter()
            .map(|(&count, &lines)| (lines, count))
            .max()
            .unwrap_or((0, 0));
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
