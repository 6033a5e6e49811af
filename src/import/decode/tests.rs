//! The decoders against encoding_rs, the reference implementation of the
//! same standard: every two-byte CP949 sequence, and random bytes in every
//! chunking, fatal and with replacements.

use super::*;

fn reference(encoding: TextEncoding) -> &'static encoding_rs::Encoding {
    match encoding {
        TextEncoding::Utf8 => encoding_rs::UTF_8,
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        TextEncoding::Cp949 => encoding_rs::EUC_KR,
        TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
        TextEncoding::ShiftJis => encoding_rs::SHIFT_JIS,
        TextEncoding::EucJp => encoding_rs::EUC_JP,
        TextEncoding::Gbk => encoding_rs::GBK,
        TextEncoding::Big5 => encoding_rs::BIG5,
        other => crate::import::encoding::detector::encoding_rs_of(other).unwrap(),
    }
}

#[test]
fn every_windows_1252_byte_decodes_as_encoding_rs_does() {
    let bytes: Vec<u8> = (0..=255u8).collect();
    for chunk in [1, 3, 256] {
        assert_eq!(
            ours(&bytes, TextEncoding::Windows1252, chunk),
            theirs(&bytes, TextEncoding::Windows1252)
        );
    }
}

/// Ours, fed in chunks of `chunk` bytes: the text, or the text before the
/// first byte that is not valid.
fn ours(bytes: &[u8], encoding: TextEncoding, chunk: usize) -> Result<String, String> {
    let mut decoder = Decoder::new(encoding).unwrap();
    let mut text = Vec::new();
    let pieces: Vec<&[u8]> = bytes.chunks(chunk.max(1)).collect();
    let count = pieces.len().max(1);
    for i in 0..count {
        let piece = pieces.get(i).copied().unwrap_or_default();
        if decoder.decode(piece, &mut text, i + 1 == count).is_err() {
            return Err(String::from_utf8(text).unwrap_or_default());
        }
    }
    String::from_utf8(text).map_err(|e| e.to_string())
}

/// encoding_rs: the same.
fn theirs(bytes: &[u8], encoding: TextEncoding) -> Result<String, String> {
    let mut decoder = reference(encoding).new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 + 16);
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::Malformed(_, _) => Err(text),
        _ => Ok(text),
    }
}

fn lossy_theirs(bytes: &[u8], encoding: TextEncoding) -> String {
    reference(encoding)
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

#[test]
fn every_two_byte_cp949_sequence_decodes_as_encoding_rs_does() {
    for lead in 0x80..=0xFFu8 {
        for trail in 0x00..=0xFFu8 {
            let bytes = [lead, trail, b'x'];
            assert_eq!(
                ours(&bytes, TextEncoding::Cp949, 3),
                theirs(&bytes, TextEncoding::Cp949),
                "{lead:02X} {trail:02X}"
            );
            assert_eq!(
                decode_lossy(&bytes, TextEncoding::Cp949).unwrap(),
                lossy_theirs(&bytes, TextEncoding::Cp949),
                "{lead:02X} {trail:02X}"
            );
        }
    }
    // The Unified Hangul Code: 갂 is 0x81 0x41, 똠 0x8C 0x63.
    assert_eq!(
        ours(b"\x81\x41\x8C\x63", TextEncoding::Cp949, 1).as_deref(),
        Ok("갂똠")
    );
}

#[test]
fn random_bytes_decode_as_encoding_rs_decodes_them() {
    let mut seed = 0x5eed_1234_abcd_ef01_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..6000 {
        let length = (next() % 24) as usize;
        let bytes: Vec<u8> = (0..length)
            .map(|_| {
                let r = next();
                // Mostly bytes that matter: leads, trails, surrogates, ASCII.
                match r % 4 {
                    0 => (r >> 8) as u8,
                    1 => 0x81 + ((r >> 8) % 0x7E) as u8,
                    2 => [0x00, 0x41, 0xD8, 0xDC, 0xDF, 0xFF, 0x80, 0x0A][((r >> 8) % 8) as usize],
                    _ => 0x41 + ((r >> 8) % 0xBE) as u8,
                }
            })
            .collect();
        for encoding in [
            TextEncoding::Cp949,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
            // encoding_rs's own decoders, fed through ours in chunks.
            TextEncoding::ShiftJis,
            TextEncoding::EucJp,
            TextEncoding::Gbk,
            TextEncoding::Big5,
        ] {
            let expected = theirs(&bytes, encoding);
            for chunk in [1, 2, 3, 7, 64] {
                assert_eq!(
                    ours(&bytes, encoding, chunk),
                    expected,
                    "{round} {encoding:?} {bytes:02X?} in {chunk}s"
                );
            }
            assert_eq!(
                decode_lossy(&bytes, encoding).unwrap(),
                lossy_theirs(&bytes, encoding),
                "{bytes:02X?}"
            );
        }
    }
}

#[test]
fn utf16_surrogate_pairs_and_cut_characters() {
    let text = "가,😀\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for chunk in 1..6 {
        assert_eq!(ours(&le, TextEncoding::Utf16Le, chunk).as_deref(), Ok(text));
        assert_eq!(ours(&be, TextEncoding::Utf16Be, chunk).as_deref(), Ok(text));
    }
    // An odd byte at the end, and a lead surrogate alone.
    assert_eq!(
        ours(&le[..le.len() - 1], TextEncoding::Utf16Le, 2),
        Err("가,😀".into())
    );
    assert_eq!(ours(&le[..6], TextEncoding::Utf16Le, 2), Err("가,".into()));
}
