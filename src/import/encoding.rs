//! Turning bytes into text. Encodings are detected, not assumed: a BOM
//! decides first (UTF-8, UTF-16 LE/BE, as Excel's "Unicode text" writes),
//! then valid UTF-8, then Windows-1252 or CP949/EUC-KR (which most Korean
//! public CSV files use) where the bytes plainly are one of them, and else
//! the detector (`detector`: Shift_JIS, EUC-JP, GBK, Big5, Windows-1250,
//! Windows-1251 and the other single-byte encodings). Bytes that are none
//! of these are refused with the line where they stop being text.

use crate::error::{Error, ErrorKind};
use crate::import::decode::Decoder;
use std::borrow::Cow;

pub mod detector;
mod korean;

pub use crate::source::TextEncoding;

/// A streaming decoder for `encoding`, or `None` for UTF-8, which is only checked.
/// An error where CP949's index is not loaded.
pub fn decoder(encoding: TextEncoding) -> Result<Option<Decoder>, Error> {
    (encoding != TextEncoding::Utf8)
        .then(|| Decoder::new(encoding))
        .transpose()
}

/// Decodes `bytes`, detecting the encoding unless `forced` names one.
/// A BOM is removed from the text in every case.
pub fn decode(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<(Cow<'_, str>, TextEncoding), Error> {
    let (text, encoding) = match forced {
        Some(encoding) => (decode_as(strip_bom(bytes, encoding), encoding)?, encoding),
        None => detect(bytes)?,
    };
    check_is_text(&text)?;
    Ok((text, encoding))
}

/// Decodes `body` (without BOM) in `encoding`, naming the line of the first
/// byte that is not valid in it.
fn decode_as(body: &[u8], encoding: TextEncoding) -> Result<Cow<'_, str>, Error> {
    match encoding {
        TextEncoding::Utf8 => simdutf8::compat::from_utf8(body)
            .map(Cow::Borrowed)
            .map_err(|error| invalid_at(body, error.valid_up_to(), encoding)),
        _ => {
            let mut text = Vec::with_capacity(body.len() * 3 / 2);
            let decoded = Decoder::new(encoding)?.decode(body, &mut text, true);
            if decoded.is_err() {
                let line = memchr::memchr_iter(b'\n', &text).count() + 1;
                return Err(Error::new(ErrorKind::Encoding).at_row(line).with_detail(
                    format!(
                        "{} 인코딩으로 읽을 수 없는 바이트가 있습니다",
                        encoding.name()
                    ),
                    format!("bytes that are not valid {}", encoding.name()),
                ));
            }
            Ok(Cow::Owned(utf8(text)))
        }
    }
}

/// Text a decoder wrote: UTF-8 by construction.
fn utf8(text: Vec<u8>) -> String {
    String::from_utf8(text).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn strip_bom(bytes: &[u8], encoding: TextEncoding) -> &[u8] {
    let bom: &[u8] = match encoding {
        TextEncoding::Utf8 => b"\xEF\xBB\xBF",
        TextEncoding::Utf16Le => b"\xFF\xFE",
        TextEncoding::Utf16Be => b"\xFE\xFF",
        _ => b"",
    };
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

/// Detects the encoding and decodes in one pass over the bytes.
fn detect(bytes: &[u8]) -> Result<(Cow<'_, str>, TextEncoding), Error> {
    for (bom, encoding) in [
        (&b"\xEF\xBB\xBF"[..], TextEncoding::Utf8),
        (&b"\xFF\xFE"[..], TextEncoding::Utf16Le),
        (&b"\xFE\xFF"[..], TextEncoding::Utf16Be),
    ] {
        if let Some(body) = bytes.strip_prefix(bom) {
            return Ok((decode_as(body, encoding)?, encoding));
        }
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok((decode_as(bytes, encoding)?, encoding));
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(not_text(bytes, first_not_text(bytes, nul)));
    }
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), TextEncoding::Utf8)),
        Err(error) => legacy_text(bytes, true, error.valid_up_to())
            .map(|(text, encoding)| (Cow::Owned(utf8(text)), encoding)),
    }
}

/// How much of the input the checks of what a legacy text is look at.
const SAMPLE: usize = 1 << 20;

/// Decodes bytes that are not UTF-8 (valid up to `utf8_valid`) in the
/// legacy encoding they are in: Windows-1252 or CP949 where the bytes show
/// it (`legacy`, `korean`), else the detector's guess. `last`: the
/// bytes are the whole input, not its head.
fn legacy_text(
    bytes: &[u8],
    last: bool,
    utf8_valid: usize,
) -> Result<(Vec<u8>, TextEncoding), Error> {
    let encoding = legacy(bytes);
    if encoding == TextEncoding::Windows1252 && !western(&bytes[..bytes.len().min(SAMPLE)]) {
        // Lone bytes that are not the accented letters of Western
        // European languages: Polish, Czech or Turkish in their own
        // single-byte encodings, told by the detector.
        let guess = detector::guess(bytes, last)?.map_err(not_read)?;
        return decode_guessed(bytes, last, utf8_valid, &[], guess);
    }
    let mut text = Vec::with_capacity(bytes.len() * 3 / 2);
    let decoded = Decoder::new(encoding)?
        .decode(bytes, &mut text, last)
        .is_ok();
    let head = &text[..text.len().min(HEAD_CHECK)];
    if decoded && (encoding == TextEncoding::Windows1252 || korean::looks_korean(head)) {
        return Ok((text, encoding));
    }
    // UTF-8 or Korean text with a bad byte decodes as nonsense in some
    // other legacy encoding.
    if !decoded && (mostly_utf8(bytes) || korean::is_korean(head)) {
        return Err(neither(bytes, utf8_valid, &text));
    }
    let guess = detector::guess(bytes, last)?.map_err(not_read)?;
    if decoded && guess == encoding {
        return Ok((text, encoding));
    }
    decode_guessed(bytes, last, utf8_valid, &text, guess)
}

/// Decodes bytes in the `encoding` the detector guessed; `tried` is what
/// the encoding yesan tried first decoded, for the line of an error.
fn decode_guessed(
    bytes: &[u8],
    last: bool,
    utf8_valid: usize,
    tried: &[u8],
    encoding: TextEncoding,
) -> Result<(Vec<u8>, TextEncoding), Error> {
    let mut text = Vec::with_capacity(bytes.len() * 3 / 2);
    match Decoder::new(encoding)?.decode(bytes, &mut text, last) {
        Ok(()) => Ok((text, encoding)),
        Err(_) => {
            let further = if text.len() > tried.len() {
                &text
            } else {
                tried
            };
            Err(neither(bytes, utf8_valid, further))
        }
    }
}

/// Whether every byte above 0x7F, read as Windows-1252, is a letter or a
/// sign of Western European text: the accented letters of Spanish, French,
/// German, Portuguese, Italian, Catalan and Dutch, `€`, `º`, `ª`, `°`, `§`,
/// `«»`, typographic quotes and dashes, the no-break space. Not `ł` and
/// `ą` as `³` and `¹` (Windows-1250), nor `ş` and `ğ` as `þ` and `ð`
/// (Windows-1254), nor `¿`, `ø`, `š`, `ž`, which such text shares with them.
fn western(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| {
        matches!(b,
            0x00..=0x7F
            | 0x80 | 0x85 | 0x91..=0x97
            | 0xA0 | 0xA1 | 0xA7 | 0xAA | 0xAB | 0xB0 | 0xB4 | 0xB7 | 0xBA | 0xBB
            | 0xC0..=0xCF | 0xD1..=0xD6 | 0xD9..=0xDC | 0xDF
            | 0xE0..=0xEF | 0xF1..=0xF6 | 0xF9..=0xFC | 0xFF)
    })
}

/// Whether bytes that are not valid UTF-8 are UTF-8 with a few bad bytes:
/// four in five of their non-ASCII sequences are UTF-8 characters.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = &bytes[..bytes.len().min(SAMPLE)];
    let (mut good, mut bad) = (0usize, 0usize);
    let non_ascii = |valid: &[u8]| valid.iter().filter(|&&b| b >= 0xC0).count();
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => return good + non_ascii(rest) >= (bad + 1) * 4,
            Err(error) => {
                good += non_ascii(&rest[..error.valid_up_to()]);
                bad += 1;
                match error.error_len() {
                    Some(len) => rest = &rest[error.valid_up_to() + len..],
                    None => return good >= bad * 4,
                }
            }
        }
    }
}

/// The legacy encoding of bytes that are not UTF-8: Windows-1252 where the
/// bytes above 0x7F stand alone between ASCII ones, as accented letters do
/// (`P\xFAblicos`); else CP949, whose Korean comes in runs of two-byte
/// characters. Decoding Western text as CP949 often succeeds (a lone byte
/// and the letter after it make a Hangul syllable), so what the bytes look
/// like decides, not whether a decoder fails.
pub fn legacy(bytes: &[u8]) -> TextEncoding {
    let (mut runs, mut single) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] >= 0x80 {
            i += 1;
        }
        runs += 1;
        single += usize::from(i - start == 1);
    }
    if runs > 0 && single * 10 >= runs * 8 {
        TextEncoding::Windows1252
    } else {
        TextEncoding::Cp949
    }
}

/// How much of a large input is checked for control characters up front.
pub const HEAD_CHECK: usize = 64 * 1024;

/// The bytes as text when they are UTF-8 (after a BOM) and not forced to
/// be read otherwise: the text borrowed, not copied.
pub fn as_utf8(bytes: &[u8], forced: Option<TextEncoding>) -> Option<&str> {
    let body = strip_bom(bytes, TextEncoding::Utf8);
    let utf8 = match forced {
        Some(encoding) => encoding == TextEncoding::Utf8,
        None => body.len() < bytes.len() || utf16_without_bom(bytes).is_none(),
    };
    let text = simdutf8::basic::from_utf8(body).ok().filter(|_| utf8)?;
    // A binary file shows itself in its first bytes; a control character
    // further on is caught when its cell is read (see `Dimension::push`).
    control_at(&body[..body.len().min(HEAD_CHECK)])
        .is_none()
        .then_some(text)
}

/// Where bytes with a NUL at `nul` stop being text: the NUL, or an earlier
/// byte that is not UTF-8.
fn first_not_text(bytes: &[u8], nul: usize) -> usize {
    std::str::from_utf8(&bytes[..nul])
        .err()
        .map_or(nul, |e| e.valid_up_to())
}

/// The length of `encoding`'s BOM at the start of `bytes`, or 0.
pub fn bom_length(bytes: &[u8], encoding: TextEncoding) -> usize {
    bytes.len() - strip_bom(bytes, encoding).len()
}

/// Detects the encoding from the first bytes of a stream: the encoding and
/// the length of its BOM. A character cut by the end of `head` is allowed.
pub fn detect_head(head: &[u8]) -> Result<(TextEncoding, usize), Error> {
    for encoding in [
        TextEncoding::Utf8,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
    ] {
        let bom = bom_length(head, encoding);
        if bom > 0 {
            return Ok((encoding, bom));
        }
    }
    if let Some(encoding) = utf16_without_bom(head) {
        return Ok((encoding, 0));
    }
    if let Some(nul) = memchr::memchr(0, head) {
        return Err(not_text(head, first_not_text(head, nul)));
    }
    match std::str::from_utf8(head) {
        Ok(_) => Ok((TextEncoding::Utf8, 0)),
        Err(error) if error.error_len().is_none() => Ok((TextEncoding::Utf8, 0)),
        Err(error) => legacy_text(head, false, error.valid_up_to()).map(|(_, e)| (e, 0)),
    }
}

/// Decodes with replacement characters, for looking at a sample only.
pub fn decode_lossy(bytes: &[u8], encoding: TextEncoding) -> Result<String, Error> {
    crate::import::decode::decode_lossy(bytes, encoding)
}

/// UTF-16 without a BOM shows itself by NUL bytes on every other position
/// for ASCII characters (digits, commas, line breaks).
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Some Hangul syllables have a zero byte too (관 is U+AD00), so the other
    // position only needs to be mostly non-zero.
    if zero_odd * 10 >= pairs * 3 && zero_even * 4 <= zero_odd {
        Some(TextEncoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 3 && zero_odd * 4 <= zero_even {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Bytes that are neither UTF-8 (valid up to `utf8_valid`) nor a legacy
/// encoding (`legacy` is what decoded before it stopped), named at the
/// later of the two lines where they stop: the encoding that got further
/// is most likely the file's, with one bad byte.
fn neither(bytes: &[u8], utf8_valid: usize, legacy: &[u8]) -> Error {
    let utf8_line = line_of(bytes, utf8_valid);
    let legacy_line = memchr::memchr_iter(b'\n', legacy).count() + 1;
    not_text_at(utf8_line.max(legacy_line))
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn not_text(bytes: &[u8], offset: usize) -> Error {
    Error::new(ErrorKind::NotText).at_row(line_of(bytes, offset)).with_detail(
        "UTF-8, UTF-16, CP949(EUC-KR), Shift_JIS, EUC-JP, GBK, Big5, Windows-1250~1258 등 어느 인코딩으로도 읽히지 않는 바이트가 있습니다. CSV나 TSV 파일인지 확인해 주세요",
        "it holds bytes that are neither UTF-8, UTF-16, CP949 (EUC-KR), Shift_JIS, EUC-JP, GBK, Big5 nor a single-byte encoding (Windows-1250 to 1258, …); is it a CSV or TSV file?",
    )
}

/// Text in an encoding yesan does not read, as the detector guessed it.
fn not_read(name: &str) -> Error {
    Error::new(ErrorKind::Encoding).with_detail(
        format!("{name} 인코딩의 글로 보이는데, 이 인코딩은 읽지 않습니다. UTF-8로 저장해 주세요"),
        format!("the text looks like {name}, an encoding yesan does not read; save it as UTF-8"),
    )
}

fn invalid_at(bytes: &[u8], offset: usize, encoding: TextEncoding) -> Error {
    Error::new(ErrorKind::Encoding)
        .at_row(line_of(bytes, offset))
        .with_detail(
            format!(
                "{} 인코딩으로 읽을 수 없는 바이트가 있습니다",
                encoding.name()
            ),
            format!("bytes that are not valid {}", encoding.name()),
        )
}

/// Text with control characters other than tab, line breaks and form feed is
/// binary data that happened to decode.
fn check_is_text(text: &str) -> Result<(), Error> {
    match control_at(text.as_bytes()) {
        Some(at) => Err(not_text(text.as_bytes(), at)),
        None => Ok(()),
    }
}

/// The error for text that stops being text on `line`.
pub fn not_text_at(line: usize) -> Error {
    not_text(b"", 0).at_row(line)
}

/// The first control character (other than tab, line breaks, form feed and
/// the DOS end-of-file mark) in UTF-8 text.
pub fn control_at(bytes: &[u8]) -> Option<usize> {
    // Bytes, not characters, and in blocks the compiler can vectorise: the
    // C0 controls and DEL are single bytes; the C1 controls (U+0080–U+009F)
    // are 0xC2 followed by 0x80–0x9F.
    // Written with `&` and `|`, not `&&` and `matches!`, so that every
    // byte of a block is tested at once (SIMD), with no branch per byte.
    let control = |b: u8| {
        (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) & (b != 0x1A)
            | (b == 0x7F)
    };
    const BLOCK: usize = 64;
    let any_in = |block: &[u8]| {
        let mut any = 0u8;
        for &b in block {
            any |= u8::from(control(b));
        }
        any != 0
    };
    let blocks = bytes.chunks_exact(BLOCK);
    let tail = blocks.remainder();
    let c0 = blocks
        .enumerate()
        .find(|(_, block)| any_in(block))
        .map(|(i, _)| i * BLOCK)
        .or_else(|| any_in(tail).then_some(bytes.len() - tail.len()))
        .and_then(|start| {
            bytes[start..]
                .iter()
                .position(|&b| control(b))
                .map(|i| start + i)
        });
    let c1 = memchr::memchr_iter(0xC2, bytes).find(|&i| {
        bytes
            .get(i + 1)
            .is_some_and(|next| (0x80..=0x9F).contains(next))
    });
    c0.into_iter().chain(c1).min()
}

#[cfg(test)]
mod tests;
