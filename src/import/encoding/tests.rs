use super::*;

const TEXT: &str = "부서,예산액\n시민소통담당관,\"12,198\"\n";

fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if little { b"\xFF\xFE" } else { b"\xFE\xFF" });
    }
    for unit in text.encode_utf16() {
        let bytes = if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        out.extend_from_slice(&bytes);
    }
    out
}

fn decoded(bytes: &[u8]) -> (String, TextEncoding) {
    match decode(bytes, None) {
        Ok((text, encoding)) => (text.into_owned(), encoding),
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn detects_every_encoding_excel_and_the_portal_write() {
    let cp949 = encoding_rs::EUC_KR.encode(TEXT).0.into_owned();
    let cases: Vec<(Vec<u8>, TextEncoding)> = vec![
        (TEXT.as_bytes().to_vec(), TextEncoding::Utf8),
        (
            [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat(),
            TextEncoding::Utf8,
        ),
        (utf16(TEXT, true, true), TextEncoding::Utf16Le),
        (utf16(TEXT, false, true), TextEncoding::Utf16Be),
        (utf16(TEXT, true, false), TextEncoding::Utf16Le),
        (cp949, TextEncoding::Cp949),
    ];
    for (bytes, expected) in cases {
        assert_eq!(decoded(&bytes), (TEXT.to_string(), expected));
    }
}

#[test]
fn a_forced_encoding_wins_and_says_where_it_fails() {
    let cp949 = encoding_rs::EUC_KR.encode(TEXT).0.into_owned();
    let error = decode(&cp949, Some(TextEncoding::Utf8)).err();
    assert_eq!(error.as_ref().map(Error::kind), Some(ErrorKind::Encoding));
    assert_eq!(error.and_then(|e| e.row()), Some(1));
}

#[test]
fn labels_users_write() {
    assert_eq!(TextEncoding::from_label("CP949"), Some(TextEncoding::Cp949));
    assert_eq!(
        TextEncoding::from_label("euc-kr"),
        Some(TextEncoding::Cp949)
    );
    assert_eq!(TextEncoding::from_label("utf8"), Some(TextEncoding::Utf8));
    assert_eq!(
        TextEncoding::from_label("UTF-16LE"),
        Some(TextEncoding::Utf16Le)
    );
    assert_eq!(
        TextEncoding::from_label("latin1"),
        Some(TextEncoding::Windows1252)
    );
    assert_eq!(TextEncoding::from_label("koi8-r"), None);
}

#[test]
fn western_text_is_told_from_korean_by_how_its_bytes_stand() {
    // "Públicos, Bürger" in Windows-1252: lone bytes between ASCII letters.
    assert_eq!(legacy(b"P\xFAblicos, B\xFCrger"), TextEncoding::Windows1252);
    // "예산액" in CP949: runs of two-byte characters.
    assert_eq!(legacy(b"\xBF\xB9\xBB\xEA\xBE\xD7,1"), TextEncoding::Cp949);
}

#[test]
fn binary_is_not_text() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00";
    let error = decode(png, None).err();
    assert_eq!(error.map(|e| e.kind()), Some(ErrorKind::NotText));
    let junk: Vec<u8> = (0..=255u8)
        .cycle()
        .take(2000)
        .map(|b| b.wrapping_mul(37))
        .collect();
    let error = decode(&junk, None).err();
    assert_eq!(error.map(|e| e.kind()), Some(ErrorKind::NotText));
}
