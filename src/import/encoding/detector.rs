//! Telling legacy encodings apart where the bytes do not show it plainly:
//! Firefox's detector (chardetng), which scores the text each encoding
//! would give by how the characters of its languages follow each other.
//! CP949, Shift_JIS, GBK and Big5 share their byte ranges, so a file in one
//! often decodes without error in another, as nonsense. Built with the
//! feature `cjk` (natively, and in the second WebAssembly module); the core
//! module asks for it (`encoding_not_loaded`).

use crate::error::Error;
use crate::import::encoding::TextEncoding;

/// The most bytes the detector looks at: tens of lines of text are enough
/// for it, and a large file is not read twice.
#[cfg(feature = "cjk")]
const SAMPLE: usize = 1 << 20;

/// What the detector makes of `bytes` (not UTF-8): the encoding yesan
/// reads them in, or the name of the one it guessed where yesan does not
/// read that one (`windows-1251`, …). `last`: `bytes` are the whole input,
/// not its head.
#[cfg(feature = "cjk")]
pub fn guess(bytes: &[u8], last: bool) -> Result<Result<TextEncoding, &'static str>, Error> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, last && sample.len() == bytes.len());
    let guessed = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(text_encoding_of(guessed).ok_or(guessed.name()))
}

/// Without the feature `cjk`, the error that asks for the detector.
#[cfg(not(feature = "cjk"))]
pub fn guess(_: &[u8], _: bool) -> Result<Result<TextEncoding, &'static str>, Error> {
    Err(Error::new(crate::error::ErrorKind::EncodingNotLoaded))
}

/// The encodings of encoding_rs that yesan reads as its own.
#[cfg(feature = "cjk")]
const PAIRS: [(TextEncoding, &encoding_rs::Encoding); 6] = [
    (TextEncoding::Cp949, encoding_rs::EUC_KR),
    (TextEncoding::Windows1252, encoding_rs::WINDOWS_1252),
    (TextEncoding::ShiftJis, encoding_rs::SHIFT_JIS),
    (TextEncoding::EucJp, encoding_rs::EUC_JP),
    (TextEncoding::Gbk, encoding_rs::GBK),
    (TextEncoding::Big5, encoding_rs::BIG5),
];

#[cfg(feature = "cjk")]
fn text_encoding_of(encoding: &'static encoding_rs::Encoding) -> Option<TextEncoding> {
    // GB18030 decodes as GBK does (the WHATWG decoders are one).
    let encoding = if encoding == encoding_rs::GB18030 {
        encoding_rs::GBK
    } else {
        encoding
    };
    PAIRS.iter().find(|(_, e)| *e == encoding).map(|(t, _)| *t)
}

/// encoding_rs's encoding of a Japanese or Chinese `encoding`.
#[cfg(feature = "cjk")]
pub fn encoding_rs_of(encoding: TextEncoding) -> Option<&'static encoding_rs::Encoding> {
    encoding
        .is_cjk()
        .then(|| PAIRS.iter().find(|(t, _)| *t == encoding).map(|(_, e)| *e))
        .flatten()
}
