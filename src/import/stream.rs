//! Reading a large CSV or TSV file as a stream of chunks, so that the file
//! never has to be held whole: the encoding is detected from the first
//! 64 KiB, every chunk is decoded (or checked, for UTF-8) as it arrives, and
//! the records are split from the text as it comes and go straight into the
//! budget. Only delimited text is streamed; report tables (HTML, markdown,
//! calculation bases) are small and read whole.

use crate::budget::Budget;
use crate::error::{Error, ErrorKind};
use crate::import::decode::Decoder;
use crate::import::delimited::{self, sniff, unclosed_quote};
use crate::import::encoding::{self, TextEncoding};
use crate::import::split::{self, Stop};
use crate::import::table::{assemble, Record, Records, Start};
use crate::options::Options;
use std::io::{self, Read};

/// How much of the start of the input decides the encoding and delimiter.
const HEAD: usize = 64 * 1024;
/// How much is read from the source at a time.
const CHUNK: usize = 1024 * 1024;

/// Reads a budget from a source of bytes, chunk by chunk.
pub fn read_stream(mut source: impl Read, options: &Options) -> Result<Budget, Error> {
    read_sized(&mut source, None, options)
}

/// Reads a budget from a source of `size` bytes (when known, to make room
/// for the rows at once), chunk by chunk.
pub(crate) fn read_sized(
    source: &mut dyn Read,
    size: Option<usize>,
    options: &Options,
) -> Result<Budget, Error> {
    options.validate()?;
    let mut head = Vec::with_capacity(HEAD);
    Read::take(&mut *source, HEAD as u64)
        .read_to_end(&mut head)
        .map_err(from_io)?;
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::new(ErrorKind::Empty));
    }
    let (encoding, bom) = match options.forced_encoding()? {
        Some(encoding) => (encoding, encoding::bom_length(&head, encoding)),
        None => encoding::detect_head(&head)?,
    };
    let head_text = encoding::decode_lossy(&head[bom..], encoding)?;
    let delimiter = match options.delimiter {
        Some(c) => c as u8,
        None => sniff(&head_text),
    };
    let decoding = Decoding {
        source: io::Cursor::new(head).chain(source),
        skip: bom,
        encoding,
        decoder: crate::import::encoding::decoder(encoding)?,
        raw: Vec::new(),
        decoded: Vec::new(),
        read: 0,
        checked: 0,
        max_bytes: options.limits.max_bytes,
        lone_cr: split::lone_cr(head_text.as_bytes()),
    };
    let mut rows = StreamRows {
        decoding,
        text: Text::default(),
        at: 0,
        line: 1,
        done: false,
        splitter: split::Splitter::new(delimiter),
        start: Start { byte: 0, line: 1 },
        consumed: 0,
        size,
    };
    let info = delimited::source_info(&head_text, delimiter, Some(encoding));
    assemble(&mut rows, info, options)
}

/// Decoded text, `data[..end]`, in a buffer that is only ever grown, so that
/// reading a chunk into it never zeroes memory again. Before `checked` the
/// text is known to be valid UTF-8; after it, at most the start of a
/// character cut by the end of a chunk (never a line break).
#[derive(Default)]
struct Text {
    data: Vec<u8>,
    end: usize,
    checked: usize,
}

impl Text {
    fn filled(&self) -> &[u8] {
        &self.data[..self.end]
    }

    /// `n` bytes of room after the text.
    fn spare(&mut self, n: usize) -> &mut [u8] {
        if self.data.len() < self.end + n {
            self.data.resize(self.end + n, 0);
        }
        &mut self.data[self.end..self.end + n]
    }

    /// Drops the text before `at`.
    fn drop_front(&mut self, at: usize) {
        self.data.copy_within(at..self.end, 0);
        self.end -= at;
        self.checked -= at;
    }
}

/// Decodes the source into UTF-8 chunk by chunk, checking it as it goes.
struct Decoding<R> {
    source: R,
    /// Bytes of a BOM still to skip.
    skip: usize,
    encoding: TextEncoding,
    /// The streaming decoder; `None` for UTF-8, which is checked.
    decoder: Option<Decoder>,
    /// The buffers chunks to decode are read and decoded into, kept from
    /// one to the next.
    raw: Vec<u8>,
    decoded: Vec<u8>,
    /// Bytes read from the source, and bytes of text checked for control
    /// characters.
    read: usize,
    checked: usize,
    max_bytes: usize,
    /// The lines end in a lone `\r`, read as `\n`.
    lone_cr: bool,
}

impl<R: Read> Decoding<R> {
    /// An error in the text, on the line `line` of the text before it.
    fn error_at(&self, kind: ErrorKind, line: usize, text: &[u8]) -> Error {
        let line = line + memchr::memchr_iter(b'\n', text).count();
        let name = self.encoding.name();
        Error::new(kind).at_row(line).with_detail(
            format!("{name} 인코딩으로 읽을 수 없는 바이트가 있습니다"),
            format!("bytes that are not valid {name}"),
        )
    }

    /// Reads from the source into `buffer`; 0 at the end.
    fn read_into(source: &mut R, buffer: &mut [u8]) -> Result<usize, Error> {
        loop {
            match source.read(buffer) {
                Ok(n) => return Ok(n),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(from_io(error)),
            }
        }
    }

    /// Reads the next chunk and appends it to `text`, decoded; `line` is
    /// the line the end of `text` is on. `false` at the end of the source.
    fn fill(&mut self, text: &mut Text, line: usize) -> Result<bool, Error> {
        let from = text.end;
        let last;
        match &mut self.decoder {
            None => {
                // UTF-8 is read straight into the text, and checked there.
                let n = Self::read_into(&mut self.source, text.spare(CHUNK))?;
                self.read += n;
                let skip = self.skip.min(n);
                self.skip -= skip;
                text.data.copy_within(from + skip..from + n, from);
                text.end += n - skip;
                last = n == 0;
                // A character cut by the end of the chunk waits for the next.
                let unchecked = &text.data[text.checked..text.end];
                let whole = if last {
                    unchecked.len()
                } else {
                    complete_len(unchecked)
                };
                if simdutf8::basic::from_utf8(&unchecked[..whole]).is_ok() {
                    text.checked += whole;
                } else if let Err(error) = simdutf8::compat::from_utf8(unchecked) {
                    let valid = &unchecked[..error.valid_up_to()];
                    return Err(self.error_at(ErrorKind::Encoding, line, valid));
                }
            }
            Some(decoder) => {
                if self.raw.len() < CHUNK {
                    self.raw.resize(CHUNK, 0);
                }
                let n = Self::read_into(&mut self.source, &mut self.raw)?;
                self.read += n;
                let skip = self.skip.min(n);
                self.skip -= skip;
                let body = &self.raw[skip..n];
                last = n == 0;
                self.decoded.clear();
                let result = decoder.decode(body, &mut self.decoded, last);
                let decoded = &self.decoded;
                text.spare(decoded.len()).copy_from_slice(decoded);
                text.end += decoded.len();
                text.checked = text.end;
                if result.is_err() {
                    return Err(self.error_at(
                        ErrorKind::Encoding,
                        line,
                        &text.data[from..text.end],
                    ));
                }
            }
        }
        if self.read > self.max_bytes {
            return Err(Error::new(ErrorKind::TooLarge).with_detail(
                format!("최대 {} 바이트", self.max_bytes),
                format!("at most {} bytes", self.max_bytes),
            ));
        }
        // A binary file shows itself in its first bytes; a control character
        // further on is caught when its cell is read (see `Dimension::push`).
        let head = text
            .checked
            .min(from + encoding::HEAD_CHECK.saturating_sub(self.checked));
        if head > from {
            self.checked += head - from;
            if let Some(at) = encoding::control_at(&text.data[from..head]) {
                let line = line + memchr::memchr_iter(b'\n', &text.data[from..from + at]).count();
                return Err(encoding::not_text_at(line));
            }
        }
        if self.lone_cr {
            for byte in &mut text.data[from..text.end] {
                if *byte == b'\r' {
                    *byte = b'\n';
                }
            }
        }
        Ok(!last)
    }
}

/// The length of `bytes` without a UTF-8 character cut at its end.
fn complete_len(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(4) {
        let b = bytes[bytes.len() - back];
        if b & 0xC0 != 0x80 {
            // The last byte that starts a character, and how long it says
            // the character is.
            let length = match b {
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                0xC0..=0xDF => 2,
                _ => 1,
            };
            return if length > back {
                bytes.len() - back
            } else {
                bytes.len()
            };
        }
    }
    bytes.len()
}

/// An error from the source, or from JavaScript's chunk function.
fn from_io(error: io::Error) -> Error {
    match error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Error>())
    {
        Some(ours) => ours.clone(),
        None => Error::new(ErrorKind::NotText).with_detail(
            format!("파일을 읽을 수 없습니다: {error}"),
            format!("the file cannot be read: {error}"),
        ),
    }
}

/// The records of a stream, numbered by line.
struct StreamRows<R: Read> {
    decoding: Decoding<R>,
    /// Decoded text not yet split into records, from `at` on.
    text: Text,
    at: usize,
    /// The line `at` is on.
    line: usize,
    /// The source has ended.
    done: bool,
    splitter: split::Splitter,
    start: Start,
    /// Bytes of text dropped from the front of `text`.
    consumed: usize,
    /// The size of the source, when known.
    size: Option<usize>,
}

impl<R: Read> Records for StreamRows<R> {
    fn text(&self) -> &[u8] {
        self.text.filled()
    }

    fn remaining(&self) -> Option<usize> {
        Some(self.size?.saturating_sub(self.consumed + self.at))
    }

    fn next(&mut self, record: &mut Record) -> Result<bool, Error> {
        loop {
            let found = self
                .splitter
                .split(self.text.filled(), self.at, self.done, record);
            match found {
                Ok(found) => {
                    self.start = Start {
                        byte: self.consumed + found.start,
                        line: self.line + found.skipped_lines,
                    };
                    self.line = self.start.line + found.inner_lines + 1;
                    self.at = found.end;
                    return Ok(true);
                }
                Err(Stop::End) => return Ok(false),
                Err(Stop::Unclosed { skipped_lines, .. }) => {
                    return Err(unclosed_quote(self.line + skipped_lines))
                }
                Err(Stop::More) => {
                    // Keep the record begun, drop what was read.
                    self.text.drop_front(self.at);
                    self.splitter.reset();
                    self.consumed += self.at;
                    self.at = 0;
                    let line = self.line + memchr::memchr_iter(b'\n', self.text.filled()).count();
                    self.done = !self.decoding.fill(&mut self.text, line)?;
                }
            }
        }
    }

    fn mark(&self) -> Start {
        self.start
    }
}

#[cfg(test)]
mod tests;
