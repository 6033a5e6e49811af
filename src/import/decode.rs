//! Decoding CP949 and UTF-16 to UTF-8, chunk by chunk, as the WHATWG
//! Encoding Standard decodes `EUC-KR` (which is CP949: KS X 1001 and the
//! Unified Hangul Code) and `UTF-16LE`/`UTF-16BE`. The index of CP949 is
//! `import::cp949`'s (built in, or installed at run time); the decoders are
//! the standard's few lines each, and the tests hold them to encoding_rs
//! byte for byte. Japanese and Chinese text (Shift_JIS, EUC-JP, GBK, Big5)
//! and the single-byte encodings other than Windows-1252 (Windows-1250,
//! 1251, …) are decoded by encoding_rs itself, in builds with the feature
//! `encodings` (natively, and the second WebAssembly module).
//!
//! Why not encoding_rs itself: its decoder dispatches over every legacy
//! encoding, so every encoding's tables (some 120 KB gzipped) would be in the
//! WebAssembly module. Why not the platform's `TextDecoder`: in Node it
//! decodes `euc-kr` without the Unified Hangul Code (`0x81 0x41` gives `A`,
//! not `갂`) and drops bytes that are not valid, so text would be lost
//! silently.

use crate::error::{Error, ErrorKind};
use crate::import::cp949;
use crate::import::encoding::TextEncoding;

/// Bytes that are not valid in the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// A streaming decoder to UTF-8 for CP949 or UTF-16 (UTF-8 is only checked,
/// never decoded).
pub struct Decoder {
    encoding: TextEncoding,
    /// CP949: a lead byte waiting for its trail byte; UTF-16: the first
    /// byte of a code unit.
    pending: Option<u8>,
    /// UTF-16: a lead surrogate waiting for its trail surrogate.
    surrogate: Option<u16>,
    /// CP949: the index (empty for the other encodings).
    index: &'static [u16],
    /// Shift_JIS, EUC-JP, GBK, Big5 and the single-byte encodings other
    /// than Windows-1252: encoding_rs's decoder.
    #[cfg(feature = "encodings")]
    other: Option<encoding_rs::Decoder>,
}

impl Decoder {
    /// A decoder for `encoding`; for CP949, an error where its index is not
    /// loaded (the core WebAssembly module before `installCp949`); for the
    /// Japanese and Chinese encodings, an error without the feature `encodings`.
    pub fn new(encoding: TextEncoding) -> Result<Decoder, Error> {
        let index = match encoding {
            TextEncoding::Cp949 => cp949::loaded()?,
            _ => &[],
        };
        if encoding.needs_encoding_rs() && cfg!(not(feature = "encodings")) {
            return Err(Error::new(ErrorKind::EncodingNotLoaded));
        }
        Ok(Decoder {
            encoding,
            pending: None,
            surrogate: None,
            index,
            #[cfg(feature = "encodings")]
            other: crate::import::encoding::detector::encoding_rs_of(encoding)
                .map(|e| e.new_decoder_without_bom_handling()),
        })
    }

    /// Decodes the next bytes of the input, appending UTF-8 to `text`;
    /// `last` at the end of the input. On bytes that are not valid, `text`
    /// ends with what came before them.
    pub fn decode(
        &mut self,
        bytes: &[u8],
        text: &mut Vec<u8>,
        last: bool,
    ) -> Result<(), Malformed> {
        self.run(bytes, text, last, false)
    }

    /// Decodes with U+FFFD for what is not valid: never fails.
    fn run(
        &mut self,
        bytes: &[u8],
        text: &mut Vec<u8>,
        last: bool,
        replace: bool,
    ) -> Result<(), Malformed> {
        text.reserve(bytes.len() * 3 / 2);
        match self.encoding {
            TextEncoding::Cp949 => self.cp949(bytes, text, replace)?,
            TextEncoding::Windows1252 => windows1252(bytes, text),
            TextEncoding::Utf16Le => self.utf16(bytes, text, false, replace)?,
            TextEncoding::Utf16Be => self.utf16(bytes, text, true, replace)?,
            TextEncoding::Utf8 => match std::str::from_utf8(bytes) {
                Ok(valid) => text.extend_from_slice(valid.as_bytes()),
                Err(_) if replace => {
                    text.extend_from_slice(String::from_utf8_lossy(bytes).as_bytes())
                }
                Err(error) => {
                    text.extend_from_slice(&bytes[..error.valid_up_to()]);
                    return Err(Malformed);
                }
            },
            _ => self.other(bytes, text, last, replace)?,
        }
        // A character cut by the end of the input.
        if last && (self.pending.take().is_some() | self.surrogate.take().is_some()) {
            return error(text, replace);
        }
        Ok(())
    }

    /// encoding_rs's decoder of the other encodings, which keeps a
    /// character cut by the end of `bytes` for the next call itself.
    #[cfg(feature = "encodings")]
    fn other(
        &mut self,
        bytes: &[u8],
        text: &mut Vec<u8>,
        last: bool,
        replace: bool,
    ) -> Result<(), Malformed> {
        let Some(decoder) = self.other.as_mut() else {
            return Err(Malformed);
        };
        let mut read = 0;
        loop {
            let rest = &bytes[read..];
            let room = decoder
                .max_utf8_buffer_length_without_replacement(rest.len())
                .unwrap_or(rest.len().saturating_mul(3))
                .max(16);
            let start = text.len();
            text.resize(start + room, 0);
            let (result, taken, written) =
                decoder.decode_to_utf8_without_replacement(rest, &mut text[start..], last);
            text.truncate(start + written);
            read += taken;
            match result {
                encoding_rs::DecoderResult::InputEmpty => return Ok(()),
                encoding_rs::DecoderResult::OutputFull => {}
                encoding_rs::DecoderResult::Malformed(..) => error(text, replace)?,
            }
        }
    }

    /// Without the feature `encodings`, [`Decoder::new`] refuses these encodings.
    #[cfg(not(feature = "encodings"))]
    fn other(&mut self, _: &[u8], _: &mut Vec<u8>, _: bool, _: bool) -> Result<(), Malformed> {
        Err(Malformed)
    }

    /// The standard's EUC-KR decoder.
    fn cp949(&mut self, bytes: &[u8], text: &mut Vec<u8>, replace: bool) -> Result<(), Malformed> {
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            if let Some(lead) = self.pending.take() {
                let pointer = (0x41..=0xFE)
                    .contains(&byte)
                    .then(|| (u16::from(lead) - 0x81) * 190 + (u16::from(byte) - 0x41));
                match pointer.and_then(|p| cp949::forward(self.index, p)) {
                    Some(code) => {
                        push(text, code);
                        i += 1;
                    }
                    // An ASCII trail byte is read again, as itself.
                    _ if byte < 0x80 => error(text, replace)?,
                    _ => {
                        error(text, replace)?;
                        i += 1;
                    }
                }
                continue;
            }
            if byte < 0x80 {
                // A run of ASCII at once.
                let run = bytes[i..]
                    .iter()
                    .position(|&b| b >= 0x80)
                    .unwrap_or(bytes.len() - i);
                text.extend_from_slice(&bytes[i..i + run]);
                i += run;
                continue;
            }
            if (0x81..=0xFE).contains(&byte) {
                self.pending = Some(byte);
            } else {
                error(text, replace)?;
            }
            i += 1;
        }
        Ok(())
    }

    /// The standard's UTF-16 decoder, little or big endian.
    fn utf16(
        &mut self,
        bytes: &[u8],
        text: &mut Vec<u8>,
        big_endian: bool,
        replace: bool,
    ) -> Result<(), Malformed> {
        for &byte in bytes {
            let Some(first) = self.pending.take() else {
                self.pending = Some(byte);
                continue;
            };
            let unit = if big_endian {
                u16::from_be_bytes([first, byte])
            } else {
                u16::from_le_bytes([first, byte])
            };
            if let Some(lead) = self.surrogate.take() {
                if (0xDC00..=0xDFFF).contains(&unit) {
                    let code =
                        0x10000 + ((u32::from(lead) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    push(text, code);
                    continue;
                }
                // A lead surrogate alone; the unit after it is read as itself.
                error(text, replace)?;
            }
            match unit {
                0xD800..=0xDBFF => self.surrogate = Some(unit),
                0xDC00..=0xDFFF => error(text, replace)?,
                _ => push(text, u32::from(unit)),
            }
        }
        Ok(())
    }
}

/// Appends a code point as UTF-8.
#[inline]
fn push(text: &mut Vec<u8>, code: u32) {
    let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
    text.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// A byte sequence that is not valid: U+FFFD, or the end of the decoding.
fn error(text: &mut Vec<u8>, replace: bool) -> Result<(), Malformed> {
    if replace {
        push(text, 0xFFFD);
        Ok(())
    } else {
        Err(Malformed)
    }
}

/// Decodes whole input (without a BOM), replacing what is not valid with
/// U+FFFD; an error only where CP949's index is not loaded.
pub fn decode_lossy(bytes: &[u8], encoding: TextEncoding) -> Result<String, Error> {
    let mut text = Vec::with_capacity(bytes.len() * 3 / 2);
    // Never fails when replacing; what was written is UTF-8.
    let _ = Decoder::new(encoding)?.run(bytes, &mut text, true, true);
    Ok(String::from_utf8(text).unwrap_or_default())
}

#[cfg(test)]
mod tests;

/// The characters of Windows-1252's bytes 0x80–0x9F (the WHATWG index;
/// the five it leaves undefined are the C1 controls of the same number).
const WINDOWS_1252_C1: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// The standard's single-byte decoder for Windows-1252: every byte is a
/// character (0xA0–0xFF are U+00A0–U+00FF), so it never fails.
fn windows1252(bytes: &[u8], text: &mut Vec<u8>) {
    for &byte in bytes {
        let code = match byte {
            0x00..=0x7F => {
                text.push(byte);
                continue;
            }
            0x80..=0x9F => WINDOWS_1252_C1[usize::from(byte - 0x80)],
            _ => u16::from(byte),
        };
        push(text, u32::from(code));
    }
}
