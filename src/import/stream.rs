//! Reading a large CSV or TSV file as a stream of chunks, so that the file
//! never has to be held whole: the encoding is detected from the first
//! 64 KiB, every chunk is decoded (or checked, for UTF-8) as it arrives, and
//! the records go straight into the budget. Only delimited text is streamed;
//! report tables (HTML, markdown, calculation bases) are small and read whole.

use crate::budget::Budget;
use crate::error::{Error, ErrorKind};
use crate::import::delimited::sniff;
use crate::import::encoding::{self, TextEncoding};
use crate::import::table::{assemble, Records, SourceInfo, Start};
use crate::options::Options;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

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
    let delimiter = match options.delimiter {
        Some(c) => c as u8,
        None => sniff(&encoding::decode_lossy(&head[bom..], encoding)),
    };
    let lines = Rc::new(RefCell::new(LineIndex::default()));
    let decoding = Decoding {
        source: io::Cursor::new(head).chain(source),
        skip: bom,
        encoding,
        decoder: encoding.decoder(),
        raw: Vec::new(),
        carry: Vec::new(),
        out: Vec::new(),
        out_at: 0,
        read: 0,
        decoded: 0,
        max_bytes: options.limits.max_bytes,
        lines: Rc::clone(&lines),
    };
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(decoding);
    let mut rows = StreamRows {
        reader,
        lines,
        start: Start { byte: 0, line: 1 },
        quotes_before: 0,
    };
    let info = SourceInfo {
        format: if delimiter == b'\t' { "tsv" } else { "csv" },
        encoding: Some(encoding),
        delimiter: Some(char::from(delimiter)),
        names: None,
    };
    assemble(&mut rows, info, options)
}

/// The decoded text's line breaks not yet passed by the parser, each with
/// the number of quote characters up to it.
#[derive(Default)]
struct LineIndex {
    breaks: VecDeque<(u64, u64)>,
    passed: usize,
    quotes_passed: u64,
    /// Quote characters in all the text decoded so far.
    quotes: u64,
}

impl LineIndex {
    /// The line of a record starting at `byte`, and the quotes before it. A
    /// `\n` at `byte` itself counts: after `\r\n` the csv crate places the
    /// next record at the `\n`.
    fn at(&mut self, byte: u64) -> (usize, u64) {
        while let Some(&(offset, quotes)) = self.breaks.front() {
            if offset > byte {
                break;
            }
            self.breaks.pop_front();
            self.passed += 1;
            self.quotes_passed = quotes;
        }
        (self.passed + 1, self.quotes_passed)
    }

    /// The line the decoder has reached.
    fn reached(&self) -> usize {
        self.passed + self.breaks.len() + 1
    }
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
    out: Vec<u8>,
    out_at: usize,
    /// Bytes read from the source, and bytes of text given to the parser.
    read: usize,
    decoded: u64,
    max_bytes: usize,
    lines: Rc<RefCell<LineIndex>>,
}

impl<R: Read> Decoding<R> {
    fn error_at(&self, kind: ErrorKind, text: &[u8]) -> Error {
        let line = self.lines.borrow().reached() + memchr::memchr_iter(b'\n', text).count();
        let name = self.encoding.name();
        Error::new(kind).at_row(line).with_detail(
            format!("{name} 인코딩으로 읽을 수 없는 바이트가 있습니다"),
            format!("bytes that are not valid {name}"),
        )
    }

    /// Reads and decodes the next chunk into `out`; `false` at the end.
    fn fill(&mut self) -> Result<bool, Error> {
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
        self.out_at = 0;
        self.out = match &mut self.decoder {
            None => {
                let mut data = std::mem::take(&mut self.carry);
                data.extend_from_slice(body);
                match std::str::from_utf8(&data) {
                    Ok(_) => data,
                    Err(error) if error.error_len().is_none() && !last => {
                        self.carry = data.split_off(error.valid_up_to());
                        data
                    }
                    Err(error) => {
                        return Err(
                            self.error_at(ErrorKind::Encoding, &data[..error.valid_up_to()])
                        );
                    }
                }
            }
            Some(decoder) => {
                let capacity = decoder
                    .max_utf8_buffer_length_without_replacement(body.len())
                    .unwrap_or(body.len() * 3);
                let mut text = String::with_capacity(capacity);
                let (result, _) =
                    decoder.decode_to_string_without_replacement(body, &mut text, last);
                if let encoding_rs::DecoderResult::Malformed(_, _) = result {
                    return Err(self.error_at(ErrorKind::Encoding, text.as_bytes()));
                }
                text.into_bytes()
            }
        };
        if let Some(at) = encoding::control_at(&self.out) {
            let line =
                self.lines.borrow().reached() + memchr::memchr_iter(b'\n', &self.out[..at]).count();
            return Err(encoding::not_text_at(line));
        }
        let mut lines = self.lines.borrow_mut();
        let mut quotes = lines.quotes;
        let mut from = 0;
        for at in memchr::memchr_iter(b'\n', &self.out) {
            quotes += memchr::memchr_iter(b'"', &self.out[from..=at]).count() as u64;
            from = at + 1;
            lines.breaks.push_back((self.decoded + at as u64, quotes));
        }
        quotes += memchr::memchr_iter(b'"', &self.out[from..]).count() as u64;
        lines.quotes = quotes;
        drop(lines);
        self.decoded += self.out.len() as u64;
        self.raw = raw;
        Ok(!(last && self.out.is_empty()))
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_at >= self.out.len() {
            match self.fill() {
                Ok(true) => {}
                Ok(false) => return Ok(0),
                Err(error) => return Err(io::Error::other(error)),
            }
        }
        let n = buf.len().min(self.out.len() - self.out_at);
        buf[..n].copy_from_slice(&self.out[self.out_at..self.out_at + n]);
        self.out_at += n;
        Ok(n)
    }
}

/// An error from the source or the decoder, back out of the csv reader.
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
    reader: csv::Reader<R>,
    lines: Rc<RefCell<LineIndex>>,
    start: Start,
    /// Quote characters before the last record.
    quotes_before: u64,
}

impl<R: Read> Records for StreamRows<R> {
    fn next(&mut self, record: &mut csv::ByteRecord) -> Result<bool, Error> {
        match self.reader.read_byte_record(record) {
            Ok(true) => {
                let byte = record.position().map_or(0, |p| p.byte());
                let (line, quotes) = self.lines.borrow_mut().at(byte);
                self.start = Start {
                    byte: usize::try_from(byte).unwrap_or(usize::MAX),
                    line,
                };
                self.quotes_before = quotes;
                Ok(true)
            }
            Ok(false) => Ok(false),
            Err(error) => match error.into_kind() {
                csv::ErrorKind::Io(io) => Err(from_io(io)),
                other => Err(Error::new(ErrorKind::NotText)
                    .at_row(self.start.line)
                    .with_detail(
                        format!("표로 읽을 수 없습니다: {other:?}"),
                        format!("it cannot be read as a table: {other:?}"),
                    )),
            },
        }
    }

    fn mark(&self) -> Start {
        self.start
    }

    /// A row that cannot be read because a quote opened in it swallowed the
    /// rest of the file shows first as a row with too few cells: read to
    /// the end to tell.
    fn explain(&mut self, error: Error, at: Start) -> Error {
        if at != self.start {
            return error;
        }
        let quotes_before = self.quotes_before;
        let mut record = csv::ByteRecord::new();
        while let Ok(true) = self.reader.read_byte_record(&mut record) {}
        self.quotes_before = quotes_before;
        self.start = at;
        self.finish().err().unwrap_or(error)
    }

    /// An odd number of quotes from the last record to the end of the input
    /// is a quoted cell that was never closed.
    fn finish(&self) -> Result<(), Error> {
        let quotes = self.lines.borrow().quotes;
        if (quotes - self.quotes_before) % 2 == 1 {
            return Err(Error::new(ErrorKind::UnterminatedQuote)
                .at_row(self.start.line)
                .with_detail(
                    "이 행에서 연 따옴표가 파일 끝까지 닫히지 않았습니다",
                    "a quote opened in this row is still open at the end of the file",
                ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
