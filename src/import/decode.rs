//! Decoding CP949 and UTF-16 to UTF-8, chunk by chunk. Natively this is
//! encoding_rs; in WebAssembly it is the platform's own `TextDecoder`,
//! which implements the same WHATWG Encoding Standard (CP949 is its
//! `EUC-KR`) and keeps encoding_rs's tables of every legacy encoding, some
//! 120 KB gzipped, out of the module. UTF-8 is never decoded, only checked.

/// Bytes that are not valid in the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

// One implementation per platform, with the same items: `Decoder::new`,
// `Decoder::decode` (the next bytes of the input, appending UTF-8 to
// `text`, `last` at the end of the input; on bytes that are not valid,
// `text` ends with what came before them) and `decode_lossy` (whole input
// without a BOM, what is not valid replaced with U+FFFD).
pub use imp::{decode_lossy, Decoder};

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Malformed;
    use crate::import::encoding::TextEncoding;

    fn of(encoding: TextEncoding) -> &'static encoding_rs::Encoding {
        match encoding {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Cp949 => encoding_rs::EUC_KR,
        }
    }

    pub struct Decoder(encoding_rs::Decoder);

    impl Decoder {
        pub fn new(encoding: TextEncoding) -> Decoder {
            Decoder(of(encoding).new_decoder_without_bom_handling())
        }

        pub fn decode(
            &mut self,
            bytes: &[u8],
            text: &mut Vec<u8>,
            last: bool,
        ) -> Result<(), Malformed> {
            let from = text.len();
            let room = self
                .0
                .max_utf8_buffer_length_without_replacement(bytes.len())
                .unwrap_or(bytes.len() * 3);
            text.resize(from + room, 0);
            let (result, _, written) =
                self.0
                    .decode_to_utf8_without_replacement(bytes, &mut text[from..], last);
            text.truncate(from + written);
            match result {
                encoding_rs::DecoderResult::Malformed(_, _) => Err(Malformed),
                _ => Ok(()),
            }
        }
    }

    pub fn decode_lossy(bytes: &[u8], encoding: TextEncoding) -> String {
        of(encoding)
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Malformed;
    use crate::import::encoding::TextEncoding;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        type TextDecoder;

        #[wasm_bindgen(constructor, catch)]
        fn new(label: &str, options: &JsValue) -> Result<TextDecoder, JsValue>;

        #[wasm_bindgen(method, catch)]
        fn decode(this: &TextDecoder, input: &[u8], options: &JsValue) -> Result<String, JsValue>;
    }

    fn label(encoding: TextEncoding) -> &'static str {
        match encoding {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Cp949 => "euc-kr",
        }
    }

    /// `{ name: value }`.
    fn object(name: &str, value: bool) -> JsValue {
        let object = js_sys::Object::new();
        // Setting a property of a new plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &name.into(), &value.into());
        object.into()
    }

    fn decoder(encoding: TextEncoding, fatal: bool) -> Option<TextDecoder> {
        TextDecoder::new(label(encoding), &object("fatal", fatal)).ok()
    }

    pub struct Decoder {
        encoding: TextEncoding,
        inner: Option<TextDecoder>,
        /// The input so far of a chunk that failed, to say where it failed.
        stream: JsValue,
        end: JsValue,
    }

    impl Decoder {
        pub fn new(encoding: TextEncoding) -> Decoder {
            Decoder {
                encoding,
                inner: decoder(encoding, true),
                stream: object("stream", true),
                end: object("stream", false),
            }
        }

        pub fn decode(
            &mut self,
            bytes: &[u8],
            text: &mut Vec<u8>,
            last: bool,
        ) -> Result<(), Malformed> {
            let options = if last { &self.end } else { &self.stream };
            let decoded = self.inner.as_ref().map(|d| d.decode(bytes, options));
            match decoded {
                Some(Ok(decoded)) => {
                    text.extend_from_slice(decoded.as_bytes());
                    Ok(())
                }
                _ => {
                    // The platform says only that the bytes are not valid:
                    // decode them again with replacements, and keep what
                    // comes before the first one.
                    let lossy = super::decode_lossy(bytes, self.encoding);
                    let valid = lossy.find('\u{FFFD}').unwrap_or(lossy.len());
                    text.extend_from_slice(&lossy.as_bytes()[..valid]);
                    Err(Malformed)
                }
            }
        }
    }

    pub fn decode_lossy(bytes: &[u8], encoding: TextEncoding) -> String {
        let lossy =
            decoder(encoding, false).and_then(|d| d.decode(bytes, &JsValue::UNDEFINED).ok());
        lossy.unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::encoding::TextEncoding;

    fn decode(bytes: &[u8], encoding: TextEncoding, chunk: usize) -> Result<String, String> {
        let mut decoder = Decoder::new(encoding);
        let mut text = Vec::new();
        let chunks: Vec<&[u8]> = bytes.chunks(chunk.max(1)).collect();
        for (i, piece) in chunks.iter().enumerate() {
            if decoder
                .decode(piece, &mut text, i + 1 == chunks.len())
                .is_err()
            {
                return Err(String::from_utf8(text).unwrap_or_default());
            }
        }
        String::from_utf8(text).map_err(|e| e.to_string())
    }

    #[test]
    fn decodes_cp949_and_utf16_in_any_chunks() {
        // "가,총무과\n" in CP949 (가 B0A1, 총 C3D1, 무 B9AB, 과 B0FA) and in UTF-16.
        let cp949 = b"\xB0\xA1,\xC3\xD1\xB9\xAB\xB0\xFA\n";
        let utf16le: Vec<u8> = "가,총무과\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let utf16be: Vec<u8> = "가,총무과\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for chunk in 1..6 {
            assert_eq!(
                decode(cp949, TextEncoding::Cp949, chunk).as_deref(),
                Ok("가,총무과\n")
            );
            assert_eq!(
                decode(&utf16le, TextEncoding::Utf16Le, chunk).as_deref(),
                Ok("가,총무과\n")
            );
            assert_eq!(
                decode(&utf16be, TextEncoding::Utf16Be, chunk).as_deref(),
                Ok("가,총무과\n")
            );
        }
    }

    #[test]
    fn stops_at_bytes_that_are_not_valid() {
        assert_eq!(
            decode(b"\xB0\xA1\n\xFF\xFF", TextEncoding::Cp949, 100),
            Err("가\n".to_string())
        );
        // A character cut by the end of the input.
        assert_eq!(
            decode(b"\xB0\xA1\xB0", TextEncoding::Cp949, 2),
            Err("가".to_string())
        );
        assert_eq!(
            decode_lossy(b"\xB0\xA1\xFF", TextEncoding::Cp949),
            "가\u{FFFD}"
        );
    }
}
