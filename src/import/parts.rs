//! Reading one large CSV or TSV file in parts, wherever the parts are read:
//! on threads ([`parallel`](super::parallel)) or in Web Workers (the page
//! and the package, through `Reading` in the JavaScript layer). Nothing
//! here starts a thread.
//!
//! 1. [`Reading::begin`] reads the head of the file (caption, header, the
//!    first rows), which decides the columns, and says where the rest
//!    starts. Every worker begins on the same head bytes and so has the
//!    same plan.
//! 2. The rest is cut into regions of about the same size, each
//!    [`scan`]ned apart (its quotes, odd or even; its line breaks; its
//!    first line break after an even and after an odd count of quotes),
//!    and [`cuts`] places each cut at a line break with an even number of
//!    quotes before it in the file: a record boundary, never a line break
//!    inside a quoted cell.
//! 3. Each part is read by a builder with the head's plan
//!    ([`Reading::part`]) and its rows absorbed in file order
//!    ([`Reading::absorb`]): label ids, values, lines, warnings and counts
//!    are those of reading the file in one go.
//!
//! A file whose quotes do not pair up (a lone `"` inside an unquoted cell)
//! can still be cut inside a quoted cell: the part before the cut then
//! ends in an open quote, and [`Reading::part`] says so (`None`), as it
//! does for a part that is not UTF-8 or holds a control character: the
//! file is then read in one go, which names the problem exactly.

use crate::budget::Budget;
use crate::error::{Error, ErrorKind};
use crate::import::builder::BudgetBuilder;
use crate::import::delimited::{self, Rows};
use crate::import::encoding::{self, TextEncoding};
use crate::import::split;
use crate::import::table::{begin, push_rest, Records, SourceInfo};
use crate::options::Options;
use serde::{Deserialize, Serialize};

/// What a region of the text holds, for placing the cuts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scan {
    /// The region holds an odd number of `"`.
    pub odd_quotes: bool,
    /// Its line breaks (`\n`).
    pub breaks: usize,
    /// Just after its first line break with an even count of quotes before
    /// it in the file, when the count before the region is even, and the
    /// line breaks up to there; none when the region has no such break.
    pub cut_if_even: Option<(usize, usize)>,
    /// The same when the count before the region is odd.
    pub cut_if_odd: Option<(usize, usize)>,
}

/// Counts a region of the text (see [`Scan`]).
pub fn scan(region: &[u8]) -> Scan {
    let (quotes, breaks) = quotes_and_breaks(region);
    Scan {
        odd_quotes: quotes % 2 == 1,
        breaks,
        cut_if_even: first_cut(region, true),
        cut_if_odd: first_cut(region, false),
    }
}

/// Where to cut the text into parts, from the scans of its regions: the
/// regions start at `starts` (the first at the start of the rest, on
/// `line`) and `scans[k]` is region `k`'s (of the first, only its counts
/// are used: it starts a record). Returns each part's start, then the end
/// (`end`), and each part's first line. A region with no record boundary
/// joins the part before it.
pub fn cuts(starts: &[usize], scans: &[Scan], end: usize, line: usize) -> (Vec<usize>, Vec<usize>) {
    let (mut cuts, mut lines) = (vec![starts.first().copied().unwrap_or(end)], vec![line]);
    let (mut even, mut breaks) = (true, 0);
    for k in 1..starts.len().min(scans.len()) {
        even ^= scans[k - 1].odd_quotes;
        breaks += scans[k - 1].breaks;
        let cut = if even {
            scans[k].cut_if_even
        } else {
            scans[k].cut_if_odd
        };
        if let Some((at, more)) = cut {
            let at = starts[k] + at;
            if at > cuts[cuts.len() - 1] && at < end {
                cuts.push(at);
                lines.push(line + breaks + more);
            }
        }
    }
    cuts.push(end);
    (cuts, lines)
}

/// How far into a region its first record boundary is looked for. Under
/// the right parity before the region it is found at the end of the first
/// line (or quoted cell) that ends in the region; under the wrong one, it
/// is never found, and looking would read the whole region line by line.
/// A region whose first record is longer than this joins the part before.
const CUT_SEARCH: usize = 1024 * 1024;

/// Just after the first line break in `region` with an even count of quotes
/// before it (`even`: the count before the region is), and the line breaks
/// up to there; none when the region has no such line break in its first
/// [`CUT_SEARCH`] bytes, before its end.
pub(crate) fn first_cut(region: &[u8], mut even: bool) -> Option<(usize, usize)> {
    let searched = &region[..region.len().min(CUT_SEARCH)];
    let (mut at, mut breaks) = (0, 0);
    loop {
        let found = memchr::memchr(b'\n', &searched[at..])?;
        even ^= odd_quotes(&searched[at..at + found]);
        at += found + 1;
        breaks += 1;
        if even {
            return (at < region.len()).then_some((at, breaks));
        }
    }
}

/// The `"` and the `\n` in `bytes`, counted in one pass, in blocks short
/// enough for byte-wide counters, which the compiler turns into SIMD.
fn quotes_and_breaks(bytes: &[u8]) -> (usize, usize) {
    let mut totals = (0, 0);
    for block in bytes.chunks(255) {
        let (mut quotes, mut breaks) = (0u8, 0u8);
        for &b in block {
            quotes += u8::from(b == b'"');
            breaks += u8::from(b == b'\n');
        }
        totals.0 += usize::from(quotes);
        totals.1 += usize::from(breaks);
    }
    totals
}

/// Whether `bytes` holds an odd number of `"`.
pub(crate) fn odd_quotes(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'"', bytes).count() % 2 == 1
}

/// A file being read in parts: the builder of the whole (the head and the
/// parts absorbed so far), its delimiter, and where the rest starts.
pub struct Reading {
    builder: BudgetBuilder,
    delimiter: u8,
    rest: (usize, usize),
    /// Bytes per line in the head, to make room for a part's rows at once.
    per_line: usize,
}

impl Reading {
    /// Reads the head of a file from its first bytes (`head`: at least the
    /// caption, the header and the first thousand rows; a few MiB). `None`
    /// when the file is not one to read in parts: not UTF-8, a pipe table,
    /// lone `\r` line endings, a long table being pivoted, a Fiscal Data
    /// Package, or a table that ends within the head. An error in the head
    /// is left to the reading in one go, which names it.
    pub fn begin(head: &[u8], options: &Options) -> Option<Reading> {
        options.validate().ok()?;
        let encoding = match options.forced_encoding().ok()? {
            Some(forced) => forced,
            None => encoding::detect_head(head).ok()?.0,
        };
        if encoding != TextEncoding::Utf8 || options.package.is_some() {
            return None;
        }
        let bom = encoding::bom_length(head, encoding);
        // The head up to its last line break: the end may cut a character.
        let whole_lines = memchr::memrchr(b'\n', head)? + 1;
        let text = std::str::from_utf8(head.get(bom..whole_lines)?).ok()?;
        if text.trim().is_empty() || encoding::control_at(text.as_bytes()).is_some() {
            return None;
        }
        let delimiter = match options.delimiter {
            Some(c) => u8::try_from(c).ok()?,
            None => delimited::sniff(text),
        };
        if delimiter == b'|' || split::lone_cr(text.as_bytes()) {
            return None;
        }
        let mut rows = Rows::new(text, delimiter);
        let (builder, whole) = begin(&mut rows, info(text, delimiter), options).ok()?;
        let (at, line) = rows.position();
        if whole || !builder.splittable() || at >= text.len() {
            return None;
        }
        Some(Reading {
            builder,
            delimiter,
            rest: (bom + at, line),
            per_line: (at / line.max(1)).max(16),
        })
    }

    /// Makes room at once for the rows of `bytes` more bytes of the file
    /// (the reading that absorbs every part: no column is copied as it grows).
    pub fn reserve(&mut self, bytes: usize) {
        self.builder.reserve(bytes / self.per_line);
    }

    /// Where the rows after the head start in the file: byte and line.
    pub fn rest(&self) -> (usize, usize) {
        self.rest
    }

    /// Reads a part of the file (`bytes`, from a record's start, its first
    /// record on `line`) into this reading; `last`: it ends the file.
    /// `Ok(false)` when it cannot be read apart (see the module's notes).
    pub fn read(&mut self, bytes: &[u8], line: usize, last: bool) -> Result<bool, Error> {
        self.builder.reserve(bytes.len() / self.per_line);
        read_part(&mut self.builder, self.delimiter, bytes, line, last)
    }

    /// Reads a later part of the file apart, as [`Reading::read`] would,
    /// into its rows as bytes, for the reading of the whole to absorb.
    pub fn part(&self, bytes: &[u8], line: usize, last: bool) -> Result<Option<Vec<u8>>, Error> {
        let mut builder = self.builder.part();
        builder.reserve(bytes.len() / self.per_line);
        if !read_part(&mut builder, self.delimiter, bytes, line, last)? {
            return Ok(None);
        }
        Ok(builder.into_rows().to_bytes())
    }

    /// Adds a part read apart ([`Reading::part`]) after what is read;
    /// `Ok(false)` when the bytes are not such a part.
    pub fn absorb(&mut self, part: &[u8]) -> Result<bool, Error> {
        self.builder.absorb_bytes(part)
    }

    /// The budget, once every part is read or absorbed in file order.
    pub fn finish(self) -> Result<Budget, Error> {
        self.builder.finish(false)
    }
}

/// The steps the page's workers take, one after the other on this thread:
/// a reading begun on the head (the first `head` bytes) reads the first
/// part, a second one begun on the same head reads each later part apart
/// into bytes, absorbed by the first in file order; the regions are
/// `region` bytes. `None` when the
/// file is not one to read in parts or a part cannot be read apart (the
/// page then reads it in one go); else the budget, or the first error in
/// file order. For the tests and the fuzz target that hold this to reading
/// in one go.
pub fn read_step_by_step(
    bytes: &[u8],
    head: usize,
    options: &Options,
    region: usize,
) -> Option<Result<Budget, Error>> {
    let head = &bytes[..head.min(bytes.len())];
    let (mut home, helper) = (
        Reading::begin(head, options)?,
        Reading::begin(head, options)?,
    );
    let (from, line) = home.rest();
    let starts: Vec<usize> = (from..bytes.len()).step_by(region.max(1)).collect();
    let scans: Vec<Scan> = starts
        .iter()
        .map(|&s| scan(&bytes[s..(s + region.max(1)).min(bytes.len())]))
        .collect();
    let (cuts, lines) = self::cuts(&starts, &scans, bytes.len(), line);
    for k in 0..cuts.len() - 1 {
        let (part, last) = (&bytes[cuts[k]..cuts[k + 1]], k + 2 == cuts.len());
        let read = if k == 0 {
            home.read(part, lines[k], last)
        } else {
            match helper.part(part, lines[k], last) {
                Ok(Some(rows)) => home.absorb(&rows),
                Ok(None) => Ok(false),
                Err(e) => Err(e),
            }
        };
        match read {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => return Some(Err(e)),
        }
    }
    Some(home.finish())
}

/// What the reader knows of the file: as a CSV or TSV file streamed.
fn info(text: &str, delimiter: u8) -> SourceInfo {
    delimited::source_info(text, delimiter, Some(TextEncoding::Utf8))
}

/// Reads `bytes` into `builder` (see [`Reading::read`]).
fn read_part(
    builder: &mut BudgetBuilder,
    delimiter: u8,
    bytes: &[u8],
    line: usize,
    last: bool,
) -> Result<bool, Error> {
    let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
        return Ok(false);
    };
    if encoding::control_at(bytes).is_some() || split::lone_cr(bytes) {
        return Ok(false);
    }
    let mut rows = Rows::part(text, delimiter, 0, bytes.len(), line);
    let read = push_rest(&mut rows, builder).and_then(|()| rows.finish());
    match read {
        Err(e) if e.kind() == ErrorKind::UnterminatedQuote && !last => Ok(false),
        Err(e) => Err(e),
        Ok(()) => Ok(true),
    }
}
