//! Reading a large CSV or TSV file as a stream of chunks, so that the file
//! never has to be held whole: the encoding is detected from the first
//! 64 KiB, every chunk is decoded (or checked, for UTF-8) as it arrives, and
//! the records are split from the text as it comes and go straight into the
//! budget. Only delimited text is streamed; report tables (HTML, markdown,
//! calculation bases) are small and read whole.

use crate::budget::Budget;
use crate::error::{Error, ErrorKind};
use crate::import::delimited::{sniff, unclosed_quote};
use crate::import::encoding::{self, TextEncoding};
use crate::import::split::{self, Stop};
use crate::import::table::{assemble, Record, Records, SourceInfo, Start};
use crate::options::Options;
use std::io::{self, Read};

/// How much of the start of the input decides the encoding and delimiter.
const HEAD: usize = 64 * 1024;
/// How much is read from the source at a time.
const CHUNK: usize = 1024 * 1024;

/// Reads a budget from a source of bytes, chunk by chunk.
pub fn read_stream(mut source: impl Read, options: &Options) -> Result<Budget, Error> {
    options.validate()?;
    let mut head = Vec::with_capacity(HEAD);
    source
        .by_ref()
        .take(HEAD as u64)
        .read_to_end(&mut head)
        .map_err(from_io)?;
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::new(ErrorKind::Empty));
    }
    let (encoding, bom) = match options.forced_encoding()? {
        Some(encoding) => (encoding, encoding::bom_length(&head, encoding)),
        None => encoding::detect_head(&head)?,
    };
    let head_text = encoding::decode_lossy(&head[bom..], encoding);
    let delimiter = match options.delimiter {
        Some(c) => c as u8,
        None => sniff(&head_text),
    };
    let decoding = Decoding {
        source: io::Cursor::new(head).chain(source),
        skip: bom,
        encoding,
        decoder: encoding.decoder(),
        raw: Vec::new(),
        carry: Vec::new(),
        read: 0,
        checked: 0,
        max_bytes: options.limits.max_bytes,
        lone_cr: split::lone_cr(head_text.as_bytes()),
    };
    let mut rows = StreamRows {
        decoding,
        text: Vec::new(),
        at: 0,
        line: 1,
        done: false,
        splitter: split::Splitter::new(delimiter),
        start: Start { byte: 0, line: 1 },
        consumed: 0,
    };
    let info = SourceInfo {
        format: if delimiter == b'\t' { "tsv" } else { "csv" },
        encoding: Some(encoding),
        delimiter: Some(char::from(delimiter)),
        names: None,
    };
    assemble(&mut rows, info, options)
}

/// Decodes the source into UTF-8 chunk by chunk, checking it as it goes.
struct Decoding<R> {
    source: R,
    /// Bytes of a BOM still to skip.
    skip: usize,
    encoding: TextEncoding,
    /// encoding_rs's streaming decoder; `None` for UTF-8, which is checked.
    decoder: Option<encoding_rs::Decoder>,
    /// The buffer chunks are read into, kept from one chunk to the next.
    raw: Vec<u8>,
    /// The start of a UTF-8 sequence cut by the end of the last chunk.
    carry: Vec<u8>,
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

    /// Reads the next chunk and appends it to `text`, decoded; `line` is
    /// the line the end of `text` is on. `false` at the end of the source.
    fn fill(&mut self, text: &mut Vec<u8>, line: usize) -> Result<bool, Error> {
        let mut raw = std::mem::take(&mut self.raw);
        if raw.len() < CHUNK {
            raw.resize(CHUNK, 0);
        }
        let n = loop {
            match self.source.read(&mut raw) {
                Ok(n) => break n,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(from_io(error)),
            }
        };
        self.read += n;
        if self.read > self.max_bytes {
            return Err(Error::new(ErrorKind::TooLarge).with_detail(
                format!("최대 {} 바이트", self.max_bytes),
                format!("at most {} bytes", self.max_bytes),
            ));
        }
        let skip = self.skip.min(n);
        self.skip -= skip;
        let body = &raw[skip..n];
        let last = n == 0;
        let from = text.len();
        match &mut self.decoder {
            None => {
                text.append(&mut self.carry);
                text.extend_from_slice(body);
                match simdutf8::compat::from_utf8(&text[from..]) {
                    Ok(_) => {}
                    Err(error) if error.error_len().is_none() && !last => {
                        self.carry = text.split_off(from + error.valid_up_to());
                    }
                    Err(error) => {
                        let valid = &text[from..from + error.valid_up_to()];
                        return Err(self.error_at(ErrorKind::Encoding, line, valid));
                    }
                }
            }
            Some(decoder) => {
                let capacity = decoder
                    .max_utf8_buffer_length_without_replacement(body.len())
                    .unwrap_or(body.len() * 3);
                text.resize(from + capacity, 0);
                let (result, _, written) =
                    decoder.decode_to_utf8_without_replacement(body, &mut text[from..], last);
                text.truncate(from + written);
                if let encoding_rs::DecoderResult::Malformed(_, _) = result {
                    return Err(self.error_at(ErrorKind::Encoding, line, &text[from..]));
                }
            }
        }
        // A binary file shows itself in its first bytes; a control character
        // further on is caught when its cell is read (see `Dimension::push`).
        let head = text
            .len()
            .min(from + encoding::HEAD_CHECK.saturating_sub(self.checked));
        self.checked += head - from;
        if let Some(at) = encoding::control_at(&text[from..head]) {
            let line = line + memchr::memchr_iter(b'\n', &text[from..from + at]).count();
            return Err(encoding::not_text_at(line));
        }
        if self.lone_cr {
            for byte in &mut text[from..] {
                if *byte == b'\r' {
                    *byte = b'\n';
                }
            }
        }
        self.raw = raw;
        Ok(!last)
    }
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
    text: Vec<u8>,
    at: usize,
    /// The line `at` is on.
    line: usize,
    /// The source has ended.
    done: bool,
    splitter: split::Splitter,
    start: Start,
    /// Bytes of text dropped from the front of `text`.
    consumed: usize,
}

impl<R: Read> Records for StreamRows<R> {
    fn text(&self) -> &[u8] {
        &self.text
    }

    fn next(&mut self, record: &mut Record) -> Result<bool, Error> {
        loop {
            let found = self.splitter.split(&self.text, self.at, self.done, record);
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
                    self.text.drain(..self.at);
                    self.splitter.reset();
                    self.consumed += self.at;
                    self.at = 0;
                    let line = self.line + memchr::memchr_iter(b'\n', &self.text).count();
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
