//! Telling legacy encodings apart where the bytes do not show it plainly:
//! Firefox's detector (chardetng), which scores the text each encoding
//! would give by how the characters of its languages follow each other.
//! CP949, Shift_JIS, GBK and Big5 share their byte ranges, so a file in one
//! often decodes without error in another, as nonsense; so do the
//! single-byte encodings (Polish in Windows-1250 reads as Windows-1252
//! with `¹` for `ą`). Built with the
//! feature `encodings` (natively, and in the second WebAssembly module); the core
//! module asks for it (`encoding_not_loaded`).

use crate::error::Error;
use crate::import::encoding::TextEncoding;

/// The most bytes the detector looks at: tens of lines of text are enough
/// for it, and a large file is not read twice.
#[cfg(feature = "encodings")]
const SAMPLE: usize = 1 << 20;

/// What the detector makes of `bytes` (not UTF-8): the encoding yesan
/// reads them in, or the name of the one it guessed where yesan does not
/// read that one (`windows-1251`, …). `last`: `bytes` are the whole input,
/// not its head.
#[cfg(feature = "encodings")]
pub fn guess(bytes: &[u8], last: bool) -> Result<Result<TextEncoding, &'static str>, Error> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, last && sample.len() == bytes.len());
    let guessed = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(text_encoding_of(guessed).ok_or(guessed.name()))
}

/// Without the feature `encodings`, the error that asks for the detector.
#[cfg(not(feature = "encodings"))]
pub fn guess(_: &[u8], _: bool) -> Result<Result<TextEncoding, &'static str>, Error> {
    Err(Error::new(crate::error::ErrorKind::EncodingNotLoaded))
}

/// The encodings of encoding_rs that yesan reads as its own.
#[cfg(feature = "encodings")]
const PAIRS: [(TextEncoding, &encoding_rs::Encoding); 24] = [
    (TextEncoding::Cp949, encoding_rs::EUC_KR),
    (TextEncoding::Windows1252, encoding_rs::WINDOWS_1252),
    (TextEncoding::ShiftJis, encoding_rs::SHIFT_JIS),
    (TextEncoding::EucJp, encoding_rs::EUC_JP),
    (TextEncoding::Gbk, encoding_rs::GBK),
    (TextEncoding::Big5, encoding_rs::BIG5),
    (TextEncoding::Windows1250, encoding_rs::WINDOWS_1250),
    (TextEncoding::Windows1251, encoding_rs::WINDOWS_1251),
    (TextEncoding::Windows1253, encoding_rs::WINDOWS_1253),
    (TextEncoding::Windows1254, encoding_rs::WINDOWS_1254),
    (TextEncoding::Windows1255, encoding_rs::WINDOWS_1255),
    (TextEncoding::Windows1256, encoding_rs::WINDOWS_1256),
    (TextEncoding::Windows1257, encoding_rs::WINDOWS_1257),
    (TextEncoding::Windows1258, encoding_rs::WINDOWS_1258),
    (TextEncoding::Windows874, encoding_rs::WINDOWS_874),
    (TextEncoding::Koi8U, encoding_rs::KOI8_U),
    (TextEncoding::Ibm866, encoding_rs::IBM866),
    (TextEncoding::Iso8859_2, encoding_rs::ISO_8859_2),
    (TextEncoding::Iso8859_4, encoding_rs::ISO_8859_4),
    (TextEncoding::Iso8859_5, encoding_rs::ISO_8859_5),
    (TextEncoding::Iso8859_6, encoding_rs::ISO_8859_6),
    (TextEncoding::Iso8859_7, encoding_rs::ISO_8859_7),
    (TextEncoding::Iso8859_8, encoding_rs::ISO_8859_8),
    (TextEncoding::Iso8859_13, encoding_rs::ISO_8859_13),
];

#[cfg(feature = "encodings")]
fn text_encoding_of(encoding: &'static encoding_rs::Encoding) -> Option<TextEncoding> {
    // GB18030 decodes as GBK does (the WHATWG decoders are one); the
    // detector's visual Hebrew reads as ISO-8859-8.
    let encoding = if encoding == encoding_rs::GB18030 {
        encoding_rs::GBK
    } else if encoding == encoding_rs::ISO_8859_8_I {
        encoding_rs::ISO_8859_8
    } else {
        encoding
    };
    PAIRS.iter().find(|(_, e)| *e == encoding).map(|(t, _)| *t)
}

/// encoding_rs's encoding of an `encoding` only it decodes.
#[cfg(feature = "encodings")]
pub fn encoding_rs_of(encoding: TextEncoding) -> Option<&'static encoding_rs::Encoding> {
    encoding
        .needs_encoding_rs()
        .then(|| PAIRS.iter().find(|(t, _)| *t == encoding).map(|(_, e)| *e))
        .flatten()
}
