//! Turning bytes into text. Encodings are detected, not assumed: a BOM
//! decides first (UTF-8, UTF-16 LE/BE, as Excel's "Unicode text" writes),
//! then valid UTF-8, then CP949/EUC-KR, which most Korean public CSV files
//! use. Bytes that are none of these are refused with the line where they
//! stop being text.

use crate::error::{Error, ErrorKind};
use serde::Serialize;
use std::borrow::Cow;

/// A text encoding yesan reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TextEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// CP949 (Windows' superset of EUC-KR), encoding_rs's `EUC-KR`.
    #[serde(rename = "cp949")]
    Cp949,
}

impl TextEncoding {
    /// Reads an encoding's name as a user would write it: `utf-8`, `cp949`,
    /// `euc-kr`, `ms949`, `utf-16le`, … (WHATWG labels, plus the Windows names).
    pub fn from_label(label: &str) -> Option<TextEncoding> {
        let label = label.trim().to_ascii_lowercase();
        if matches!(label.as_str(), "cp949" | "ms949" | "uhc" | "x-windows-949") {
            return Some(TextEncoding::Cp949);
        }
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
        if encoding == encoding_rs::UTF_8 {
            Some(TextEncoding::Utf8)
        } else if encoding == encoding_rs::UTF_16LE {
            Some(TextEncoding::Utf16Le)
        } else if encoding == encoding_rs::UTF_16BE {
            Some(TextEncoding::Utf16Be)
        } else if encoding == encoding_rs::EUC_KR {
            Some(TextEncoding::Cp949)
        } else {
            None
        }
    }

    fn encoding_rs(self) -> &'static encoding_rs::Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Cp949 => encoding_rs::EUC_KR,
        }
    }
}

/// Decodes `bytes`, detecting the encoding unless `forced` names one.
/// A BOM is removed from the text in every case.
pub fn decode(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<(Cow<'_, str>, TextEncoding), Error> {
    let (encoding, body) = match forced {
        Some(encoding) => (encoding, strip_bom(bytes, encoding)),
        None => detect(bytes)?,
    };
    let text = match encoding {
        TextEncoding::Utf8 => match std::str::from_utf8(body) {
            Ok(text) => Cow::Borrowed(text),
            Err(error) => {
                return Err(invalid_at(body, error.valid_up_to(), encoding));
            }
        },
        _ => {
            let (text, had_errors) = encoding.encoding_rs().decode_without_bom_handling(body);
            if had_errors {
                let at = text.find('\u{FFFD}').unwrap_or(0);
                let line = text[..at].matches('\n').count() + 1;
                return Err(Error::new(ErrorKind::Encoding).at_row(line).with_detail(
                    format!(
                        "{} 인코딩으로 읽을 수 없는 바이트가 있습니다",
                        name(encoding)
                    ),
                    format!("bytes that are not valid {}", name(encoding)),
                ));
            }
            text
        }
    };
    check_is_text(&text)?;
    Ok((text, encoding))
}

fn name(encoding: TextEncoding) -> &'static str {
    match encoding {
        TextEncoding::Utf8 => "UTF-8",
        TextEncoding::Utf16Le => "UTF-16LE",
        TextEncoding::Utf16Be => "UTF-16BE",
        TextEncoding::Cp949 => "CP949",
    }
}

fn strip_bom(bytes: &[u8], encoding: TextEncoding) -> &[u8] {
    let bom: &[u8] = match encoding {
        TextEncoding::Utf8 => b"\xEF\xBB\xBF",
        TextEncoding::Utf16Le => b"\xFF\xFE",
        TextEncoding::Utf16Be => b"\xFE\xFF",
        TextEncoding::Cp949 => b"",
    };
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

fn detect(bytes: &[u8]) -> Result<(TextEncoding, &[u8]), Error> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((TextEncoding::Utf8, body));
    }
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok((TextEncoding::Utf16Le, body));
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok((TextEncoding::Utf16Be, body));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok((encoding, bytes));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        // Say where the bytes stop being text: the first NUL, or an earlier
        // byte that is not UTF-8.
        let invalid = std::str::from_utf8(&bytes[..nul])
            .err()
            .map_or(nul, |e| e.valid_up_to());
        return Err(not_text(bytes, invalid));
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok((TextEncoding::Utf8, bytes)),
        Err(error) => {
            let (_, _, had_errors) = encoding_rs::EUC_KR.decode(bytes);
            if had_errors {
                Err(not_text(bytes, error.valid_up_to()))
            } else {
                Ok((TextEncoding::Cp949, bytes))
            }
        }
    }
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

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn not_text(bytes: &[u8], offset: usize) -> Error {
    Error::new(ErrorKind::NotText).at_row(line_of(bytes, offset)).with_detail(
        "UTF-8, UTF-16, CP949(EUC-KR) 어느 것으로도 읽히지 않는 바이트가 있습니다. CSV나 TSV 파일인지 확인해 주세요",
        "it holds bytes that are neither UTF-8, UTF-16 nor CP949 (EUC-KR); is it a CSV or TSV file?",
    )
}

fn invalid_at(bytes: &[u8], offset: usize, encoding: TextEncoding) -> Error {
    Error::new(ErrorKind::Encoding)
        .at_row(line_of(bytes, offset))
        .with_detail(
            format!(
                "{} 인코딩으로 읽을 수 없는 바이트가 있습니다",
                name(encoding)
            ),
            format!("bytes that are not valid {}", name(encoding)),
        )
}

/// Text with control characters other than tab, line breaks and form feed is
/// binary data that happened to decode.
fn check_is_text(text: &str) -> Result<(), Error> {
    let bad = text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}' | '\u{1A}'));
    match bad {
        Some((at, _)) => Err(not_text(text.as_bytes(), at)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
