//! Splits delimited text into records. Where the csv crate's reader steps
//! through every byte, this jumps from one delimiter, quote or line break to
//! the next with `memchr3` (SIMD: SSE2/AVX2 natively, simd128 in WASM), which
//! is what makes a million-line file quick to read. It reads what the csv
//! crate reads: RFC 4180 quoting (`""` inside a quoted cell is one quote), a
//! quote in the middle of an unquoted cell kept as a character, `\n` and
//! `\r\n` line ends, empty lines skipped. Files whose lines end in a lone
//! `\r` are read with the csv crate instead (see [`lone_cr`]).

use memchr::{memchr, memchr3};

/// A record split from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Where the record starts (its first byte after skipped empty lines).
    pub start: usize,
    /// Where the next record starts.
    pub end: usize,
    /// Line breaks from the position asked for to `start` (empty lines skipped).
    pub skipped_lines: usize,
    /// Line breaks inside the record, within quoted cells.
    pub inner_lines: usize,
}

/// Why no record was split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The text ends before the record does: more is needed.
    More,
    /// At the end of the input: nothing left.
    End,
    /// At the end of the input a quoted cell is still open.
    Unclosed { start: usize, skipped_lines: usize },
}

/// Splits the record at `text[at..]` into `record`. `last` says that `text`
/// is the end of the input; otherwise a record is only split when its line
/// break is in `text`, so that a stream can be read chunk by chunk.
pub fn split(
    text: &[u8],
    mut at: usize,
    delimiter: u8,
    last: bool,
    record: &mut csv::ByteRecord,
    scratch: &mut Vec<u8>,
) -> Result<Split, Stop> {
    let mut skipped_lines = 0;
    // Empty lines (and lines of only `\r`) are no record at all.
    loop {
        match text.get(at) {
            Some(b'\n') => at += 1,
            Some(b'\r') if text.get(at + 1) == Some(&b'\n') => at += 2,
            Some(b'\r') if at + 1 == text.len() && !last => return Err(Stop::More),
            Some(_) => break,
            None if last => return Err(Stop::End),
            None => return Err(Stop::More),
        }
        skipped_lines += 1;
    }
    let start = at;
    record.clear();
    let mut inner_lines = 0;
    // Where the cell being read starts, and whether it is being built in
    // `scratch` (after a quoted part) rather than taken as one slice.
    let mut cell = at;
    let mut built = false;
    let mut pos = at;
    loop {
        let Some(found) = memchr3(delimiter, b'"', b'\n', &text[pos..]) else {
            if !last {
                return Err(Stop::More);
            }
            // The last line has no line break.
            end_cell(text, cell, text.len(), built, record, scratch);
            return Ok(Split {
                start,
                end: text.len(),
                skipped_lines,
                inner_lines,
            });
        };
        let i = pos + found;
        match text[i] {
            b'"' if i == cell && !built => {
                // A quoted cell: up to the closing quote, `""` being one quote.
                scratch.clear();
                let mut from = i + 1;
                loop {
                    let Some(q) = memchr(b'"', &text[from..]) else {
                        return Err(if last {
                            Stop::Unclosed {
                                start,
                                skipped_lines,
                            }
                        } else {
                            Stop::More
                        });
                    };
                    let q = from + q;
                    scratch.extend_from_slice(&text[from..q]);
                    match text.get(q + 1) {
                        Some(b'"') => {
                            scratch.push(b'"');
                            from = q + 2;
                        }
                        None if !last => return Err(Stop::More),
                        _ => {
                            inner_lines += memchr::memchr_iter(b'\n', &text[i + 1..q]).count();
                            pos = q + 1;
                            break;
                        }
                    }
                }
                built = true;
                cell = pos;
                continue;
            }
            b'"' => {
                // A quote inside an unquoted cell is a character.
                pos = i + 1;
                continue;
            }
            b'\n' => {
                end_cell(text, cell, i, built, record, scratch);
                return Ok(Split {
                    start,
                    end: i + 1,
                    skipped_lines,
                    inner_lines,
                });
            }
            _ => {
                end_cell(text, cell, i, built, record, scratch);
                built = false;
                cell = i + 1;
                pos = i + 1;
            }
        }
    }
}

/// Pushes the cell that ends at `end` (a delimiter, a line break or the end).
fn end_cell(
    text: &[u8],
    cell: usize,
    mut end: usize,
    built: bool,
    record: &mut csv::ByteRecord,
    scratch: &mut Vec<u8>,
) {
    let at_line_end = text.get(end).is_none_or(|&b| b == b'\n');
    if at_line_end && end > cell && text[end - 1] == b'\r' {
        end -= 1;
    }
    if built {
        // Text after the closing quote is kept, as the csv crate keeps it.
        scratch.extend_from_slice(&text[cell..end]);
        record.push_field(scratch);
    } else {
        record.push_field(&text[cell..end]);
    }
}

/// Whether the text's lines end in a lone `\r` (old Mac files): the first
/// line break is a `\r` not followed by `\n`.
pub fn lone_cr(text: &[u8]) -> bool {
    match memchr::memchr2(b'\r', b'\n', text) {
        Some(i) => text[i] == b'\r' && text.get(i + 1).is_some_and(|&b| b != b'\n'),
        None => false,
    }
}

#[cfg(test)]
mod tests;
