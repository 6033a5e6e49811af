//! Reading a large delimited text on several threads. The head of the file
//! (caption, header, the first rows) is read once and decides the columns;
//! the rest is cut into parts at record boundaries, each part read by its
//! own builder with that plan, and the parts merged in file order into the
//! budget reading them one after the other would give (`builder::merge`).
//!
//! A boundary is a line break outside quotes: the number of `"` from the
//! end of the sample to it is even (a quoted cell's line breaks are inside
//! an odd count). A file whose quotes do not pair up that way (a lone `"`
//! inside an unquoted cell) could still be cut inside a quoted cell; the
//! part before such a cut then ends inside an open quote, which reading it
//! finds, and the whole file is read again on one thread. Files that are
//! small, pipe tables, old Mac files (lone `\r`) and long files being
//! pivoted are read on one thread.

use crate::budget::Budget;
use crate::error::{Error, ErrorKind};
use crate::import::builder::BudgetBuilder;
use crate::import::delimited::{self, Rows};
use crate::import::encoding::TextEncoding;
use crate::import::parts::{self, Scan};
use crate::import::split;
use crate::import::table::{begin, push_rest, Records};
use crate::options::Options;

/// Below this many bytes a file is read on one thread: the threads would
/// cost more than they save.
pub const PARALLEL_MIN_BYTES: usize = 4 * 1024 * 1024;

/// Reads delimited text like [`delimited::read`], the rows after the head
/// on up to `threads` threads. The budget is the same, value for value.
pub fn read(
    text: &str,
    encoding: Option<TextEncoding>,
    options: &Options,
    threads: usize,
) -> Result<Budget, Error> {
    read_from(text, encoding, options, threads, PARALLEL_MIN_BYTES)
}

/// [`read`], cutting into parts any text of at least `min_bytes` (the
/// tests cut small files, to compare every cut with one thread's reading).
pub fn read_from(
    text: &str,
    encoding: Option<TextEncoding>,
    options: &Options,
    threads: usize,
    min_bytes: usize,
) -> Result<Budget, Error> {
    let bytes = text.as_bytes();
    let delimiter = match options.delimiter {
        Some(c) => c as u8,
        None => delimited::sniff(text),
    };
    if threads < 2 || bytes.len() < min_bytes || delimiter == b'|' || split::lone_cr(bytes) {
        return delimited::read(text, encoding, options);
    }
    let mut rows = Rows::new(text, delimiter);
    let info = delimited::source_info(text, delimiter, encoding);
    let (mut builder, whole) = begin(&mut rows, info, options)?;
    let (after_sample, line) = rows.position();
    let (cuts, lines) = plan(bytes, after_sample, threads, line);
    if whole || !builder.splittable() || cuts.len() < 3 {
        push_rest(&mut rows, &mut builder)?;
        rows.finish()?;
        return builder.finish(whole);
    }
    let parts: Vec<Part> = std::thread::scope(|scope| {
        let later: Vec<_> = (1..cuts.len() - 1)
            .map(|k| {
                let mut part = builder.part();
                let (from, to, first) = (cuts[k], cuts[k + 1], lines[k]);
                scope.spawn(move || {
                    let mut rows = Rows::part(text, delimiter, from, to, first);
                    let read = push_rest(&mut rows, &mut part);
                    Part {
                        builder: Some(part),
                        read,
                    }
                })
            })
            .collect();
        rows.stop_at(cuts[1]);
        let read = push_rest(&mut rows, &mut builder);
        let mut parts = vec![Part {
            builder: None,
            read,
        }];
        // A part whose thread panicked has no builder: read again below.
        parts.extend(later.into_iter().map(|handle| {
            handle.join().unwrap_or(Part {
                builder: None,
                read: Ok(()),
            })
        }));
        parts
    });
    // A part before the last that ends inside an open quote was cut inside
    // a quoted cell; a part's thread may have panicked: either way the file
    // is read again, on one thread.
    let miscut = parts[..parts.len() - 1]
        .iter()
        .any(|p| matches!(&p.read, Err(e) if e.kind() == ErrorKind::UnterminatedQuote));
    let lost = parts[1..].iter().any(|p| p.builder.is_none());
    if miscut || lost {
        return delimited::read(text, encoding, options);
    }
    merge(builder, parts)
}

/// One part as read: its builder (none for the first part, read into the
/// head's builder) and how its reading ended.
struct Part {
    builder: Option<BudgetBuilder>,
    read: Result<(), Error>,
}

/// The parts in file order into the first: the first error in file order,
/// if any, else the finished budget.
fn merge(mut builder: BudgetBuilder, parts: Vec<Part>) -> Result<Budget, Error> {
    for part in parts {
        if let Some(later) = part.builder {
            builder.absorb(later.into_rows())?;
        }
        part.read?;
    }
    builder.finish(false)
}

/// Where to cut `bytes[from..]` into up to `parts` parts of about the
/// same size, and the line each part starts on (`line` for the first):
/// the text is cut into equal regions, each scanned on its own thread, and
/// the cuts placed from the scans ([`parts::cuts`]).
fn plan(bytes: &[u8], from: usize, parts: usize, line: usize) -> (Vec<usize>, Vec<usize>) {
    let size = (bytes.len() - from) / parts;
    let mut starts: Vec<usize> = (0..parts).map(|k| from + k * size).collect();
    starts.push(bytes.len());
    let scans: Vec<Scan> = std::thread::scope(|scope| {
        let handles: Vec<_> = starts
            .windows(2)
            .map(|w| {
                let region = &bytes[w[0]..w[1]];
                scope.spawn(move || parts::scan(region))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(NO_BOUNDARY))
            .collect()
    });
    starts.pop();
    parts::cuts(&starts, &scans, bytes.len(), line)
}

/// A region whose thread failed: no cut in it (it joins the part before).
const NO_BOUNDARY: Scan = Scan {
    odd_quotes: false,
    breaks: 0,
    cut_if_even: None,
    cut_if_odd: None,
};
