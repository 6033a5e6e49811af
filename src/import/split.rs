//! Splits delimited text into records. Where the csv crate's reader steps
//! through every byte, this finds the delimiters, quotes and line breaks of
//! 64 bytes at a time as a bit mask (compiled to SIMD compares: SSE2
//! natively, simd128 in WASM) and jumps from one to the next, which is what
//! makes a million-line file quick to read. It reads what the csv crate
//! reads: RFC 4180 quoting (`""` inside a quoted cell is one quote), a quote
//! in the middle of an unquoted cell kept as a character, `\n` and `\r\n`
//! line ends, empty lines skipped. Cells are spans of the text, not
//! copies. Text whose lines end in a lone `\r` is turned into `\n` lines
//! by the callers first (see [`lone_cr`]).

use crate::import::table::Record;

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

/// Bytes looked at in one step.
const BLOCK: usize = 64;

/// Splits records out of text, one after the other. It remembers the bit
/// mask of the block it is in; [`Splitter::reset`] forgets it, and must be
/// called whenever the text is changed.
#[derive(Debug, Clone)]
pub struct Splitter {
    delimiter: u8,
    /// A cell being built: a quoted part with `""` in it, or text after it.
    scratch: Vec<u8>,
    /// The last quoted part: where its text starts and ends, and whether it
    /// had `""` in it (then it is in `scratch`, unescaped).
    quoted: (usize, usize, bool),
    /// The block last looked at: where it starts, how long it is, and the
    /// bit mask of its delimiters, quotes and line breaks.
    base: usize,
    len: usize,
    mask: u64,
}

impl Splitter {
    pub fn new(delimiter: u8) -> Splitter {
        Splitter {
            delimiter,
            scratch: Vec::new(),
            quoted: (0, 0, false),
            base: 0,
            len: 0,
            mask: 0,
        }
    }

    /// Forgets the block looked at: the text has changed.
    pub fn reset(&mut self) {
        self.len = 0;
    }

    /// The first delimiter, quote or line break at or after `from`.
    #[inline]
    fn next(&mut self, text: &[u8], mut from: usize) -> Option<usize> {
        loop {
            if from >= self.base && from < self.base + self.len {
                let mask = self.mask & (u64::MAX << (from - self.base));
                if mask != 0 {
                    return Some(self.base + mask.trailing_zeros() as usize);
                }
                from = self.base + self.len;
            }
            if from >= text.len() {
                return None;
            }
            let len = BLOCK.min(text.len() - from);
            self.base = from;
            self.len = len;
            self.mask = match text[from..].first_chunk::<BLOCK>() {
                Some(block) => block_mask(block, self.delimiter),
                None => tail_mask(&text[from..from + len], self.delimiter),
            };
        }
    }

    /// Splits the record at `text[at..]` into `record`. `last` says that
    /// `text` is the end of the input; otherwise a record is only split when
    /// its line break is in `text`, so that a stream can be read chunk by chunk.
    pub fn split(
        &mut self,
        text: &[u8],
        mut at: usize,
        last: bool,
        record: &mut Record,
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
            let Some(i) = self.next(text, pos) else {
                if !last {
                    return Err(Stop::More);
                }
                // The last line has no line break.
                self.end_cell(text, cell, text.len(), built, record);
                return Ok(Split {
                    start,
                    end: text.len(),
                    skipped_lines,
                    inner_lines,
                });
            };
            match text[i] {
                b'"' if i == cell && !built => {
                    // A quoted cell: up to the closing quote, `""` being one
                    // quote. Only a cell with `""` is copied, unescaped.
                    self.scratch.clear();
                    let open = i + 1;
                    let mut from = open;
                    let mut search = from;
                    let mut escaped = false;
                    loop {
                        let Some(q) = self.next(text, search) else {
                            return Err(if last {
                                Stop::Unclosed {
                                    start,
                                    skipped_lines,
                                }
                            } else {
                                Stop::More
                            });
                        };
                        search = q + 1;
                        match text[q] {
                            b'"' => {}
                            b'\n' => {
                                inner_lines += 1;
                                continue;
                            }
                            _ => continue,
                        }
                        match text.get(q + 1) {
                            Some(b'"') => {
                                self.scratch.extend_from_slice(&text[from..=q]);
                                escaped = true;
                                from = q + 2;
                                search = from;
                            }
                            None if !last => return Err(Stop::More),
                            _ => {
                                if escaped {
                                    self.scratch.extend_from_slice(&text[from..q]);
                                }
                                self.quoted = (open, q, escaped);
                                pos = q + 1;
                                break;
                            }
                        }
                    }
                    built = true;
                    cell = pos;
                }
                b'"' => {
                    // A quote inside an unquoted cell is a character.
                    pos = i + 1;
                }
                b'\n' => {
                    self.end_cell(text, cell, i, built, record);
                    return Ok(Split {
                        start,
                        end: i + 1,
                        skipped_lines,
                        inner_lines,
                    });
                }
                _ => {
                    self.end_cell(text, cell, i, built, record);
                    built = false;
                    cell = i + 1;
                    pos = i + 1;
                }
            }
        }
    }

    /// Pushes the cell that ends at `end` (a delimiter, a line break or the end).
    fn end_cell(
        &mut self,
        text: &[u8],
        cell: usize,
        mut end: usize,
        built: bool,
        record: &mut Record,
    ) {
        let at_line_end = text.get(end).is_none_or(|&b| b == b'\n');
        if at_line_end && end > cell && text[end - 1] == b'\r' {
            end -= 1;
        }
        if built {
            let (open, close, escaped) = self.quoted;
            if !escaped && cell == end {
                record.push_span(open, close);
                return;
            }
            if !escaped {
                self.scratch.extend_from_slice(&text[open..close]);
            }
            // Text after the closing quote is kept, as the csv crate keeps it.
            self.scratch.extend_from_slice(&text[cell..end]);
            record.push_own(&self.scratch);
        } else {
            record.push_span(cell, end);
        }
    }
}

/// The bit mask of the delimiters, quotes and line breaks in a block: bit
/// `i` is set when `block[i]` is one. SSE2 (part of every x86-64) natively,
/// simd128 in WASM, 16 bytes per compare; bytes one by one elsewhere.
#[cfg(target_arch = "x86_64")]
#[inline]
fn block_mask(block: &[u8; BLOCK], delimiter: u8) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut mask = 0u64;
    // SAFETY: SSE2 is always there on x86-64, and each unaligned load reads
    // 16 bytes at 0, 16, 32 or 48 within the 64 bytes of `block`.
    unsafe {
        let delimiter = _mm_set1_epi8(delimiter as i8);
        let quote = _mm_set1_epi8(b'"' as i8);
        let newline = _mm_set1_epi8(b'\n' as i8);
        for i in 0..BLOCK / 16 {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * i).cast::<__m128i>());
            let hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, delimiter), _mm_cmpeq_epi8(v, quote)),
                _mm_cmpeq_epi8(v, newline),
            );
            mask |= u64::from(_mm_movemask_epi8(hits) as u16) << (16 * i);
        }
    }
    mask
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
fn block_mask(block: &[u8; BLOCK], delimiter: u8) -> u64 {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_load, v128_or};
    let delimiter = u8x16_splat(delimiter);
    let quote = u8x16_splat(b'"');
    let newline = u8x16_splat(b'\n');
    let mut mask = 0u64;
    for i in 0..BLOCK / 16 {
        // SAFETY: an unaligned load of 16 bytes at 0, 16, 32 or 48 within
        // the 64 bytes of `block` (simd128 is enabled at compile time).
        let v = unsafe { v128_load(block.as_ptr().add(16 * i).cast::<v128>()) };
        let hits = v128_or(
            v128_or(u8x16_eq(v, delimiter), u8x16_eq(v, quote)),
            u8x16_eq(v, newline),
        );
        mask |= u64::from(u8x16_bitmask(hits)) << (16 * i);
    }
    mask
}

#[cfg(not(any(
    target_arch = "x86_64",
    all(target_arch = "wasm32", target_feature = "simd128")
)))]
#[inline]
fn block_mask(block: &[u8; BLOCK], delimiter: u8) -> u64 {
    tail_mask(block, delimiter)
}

/// [`block_mask`] for the last bytes of the text, fewer than a block.
fn tail_mask(bytes: &[u8], delimiter: u8) -> u64 {
    bytes.iter().enumerate().fold(0, |mask, (i, &b)| {
        mask | u64::from((b == delimiter) | (b == b'"') | (b == b'\n')) << i
    })
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
