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

/// A Japanese settlement table, a simplified and a traditional Chinese one.
const JAPANESE: &str = "款,当初予算額,予算現額,決算額\n市税,\"41,200,000\",\"41,200,000\",\"40,987,500\"\n合計,\"41,200,000\",\"41,200,000\",\"40,987,500\"\n";
const SIMPLIFIED: &str = "科目名称,年初预算数(万元),决算数(万元)\n一般公共服务支出,1000,990\n教育支出,2000,1980\n合计,3000,2970\n";
const TRADITIONAL: &str = "科目名稱,本年度預算數,上年度預算數\n一般政務支出,1000,990\n教育科學文化支出,2000,1980\n合計,3000,2970\n";

#[test]
fn japanese_and_chinese_text_is_told_from_korean_and_read() {
    let cases = [
        (JAPANESE, encoding_rs::SHIFT_JIS, TextEncoding::ShiftJis),
        (JAPANESE, encoding_rs::EUC_JP, TextEncoding::EucJp),
        (SIMPLIFIED, encoding_rs::GBK, TextEncoding::Gbk),
        (TRADITIONAL, encoding_rs::BIG5, TextEncoding::Big5),
        (TEXT, encoding_rs::EUC_KR, TextEncoding::Cp949),
    ];
    for (text, encoding, expected) in cases {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} in {}", encoding.name());
        assert_eq!(decoded(&bytes), (text.to_string(), expected));
        // A stream's head is told the same way.
        let head = &bytes[..bytes.len() * 2 / 3];
        assert_eq!(detect_head(head).map(|(e, _)| e), Ok(expected));
    }
}

#[test]
fn japanese_that_decodes_as_cp949_is_not_taken_for_korean() {
    // In Shift_JIS, "歳入歳出決算書" and these lines of a settlement table
    // also make valid CP949: rare Hangul syllables (띘볺띘뢯뙂럁룕).
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(
        "歳入歳出決算書,決算額\n議会費,\"449,516,456\"\n総務費,\"13,008,809,583\"\n合計,\"13,458,326,039\"\n",
    );
    assert!(encoding_rs::EUC_KR
        .decode_without_bom_handling_and_without_replacement(&bytes)
        .is_some());
    let as_cp949 = decode_as(&bytes, TextEncoding::Cp949).unwrap_or_default();
    assert!(!korean::looks_korean(as_cp949.as_bytes()));
    assert_eq!(decoded(&bytes).1, TextEncoding::ShiftJis);
    // Korean text, with its punctuation and symbols (△, ㎡, ①), is Korean.
    assert!(korean::looks_korean(
        "사업,예산(㎡),증감\n① 도로,\"△1,200\",※\n".as_bytes()
    ));
    // Names of places and people are Korean too.
    assert!(korean::looks_korean(
        "종로구 청운효자동,홍길동\n".as_bytes()
    ));
}

#[test]
fn utf8_with_a_bad_byte_is_not_taken_for_another_encoding() {
    let mut bytes = "부서,예산액\n도로과,100\n복지과,200\n"
        .repeat(20)
        .into_bytes();
    let at = bytes.len() / 2;
    bytes.insert(at, 0xFF);
    let error = decode(&bytes, None).err();
    assert_eq!(error.as_ref().map(Error::kind), Some(ErrorKind::NotText));
    assert_eq!(error.and_then(|e| e.row()), Some(line_of(&bytes, at)));
}

/// Single-byte text of other languages than Western Europe's: Russian in
/// Windows-1251 (runs of bytes that also decode as CP949), Polish in
/// Windows-1250 and Turkish in Windows-1254 (lone bytes that also decode as
/// Windows-1252: `bie¿¹ce`, `Gerçekleþme`), told by the detector.
#[test]
fn cyrillic_central_european_and_turkish_text_is_told_apart() {
    for (encoding, expected, text) in [
        (
            encoding_rs::WINDOWS_1251,
            TextEncoding::Windows1251,
            "Статья,Бюджет\nОбразование,100\nЗдравоохранение,200\nИтого,300\n",
        ),
        (
            encoding_rs::WINDOWS_1250,
            TextEncoding::Windows1250,
            "Dział;Treść;Plan;Wykonanie\n600;Transport i łączność;100;90\n801;Oświata i wychowanie;200;190\n;Wydatki bieżące razem;300;280\n",
        ),
        (
            encoding_rs::WINDOWS_1254,
            TextEncoding::Windows1254,
            "Kurum;Bütçe Ödeneği;Gerçekleşme\nFen İşleri Müdürlüğü;100;85\nZabıta Müdürlüğü;20;19\nGenel Toplam;120;104\n",
        ),
    ] {
        let (bytes, _, _) = encoding.encode(text);
        let (decoded, found) = decode(&bytes, None).unwrap();
        assert_eq!(found, expected, "{text}");
        assert_eq!(decoded, text);
    }
    // Western European text stays Windows-1252, without the detector.
    let (bytes, _, _) =
        encoding_rs::WINDOWS_1252.encode("Capítulo;Créditos iniciales\n1;Gastos de personal\n");
    assert!(western(&bytes));
    assert_eq!(legacy(&bytes), TextEncoding::Windows1252);
}

#[test]
fn labels_of_single_byte_encodings() {
    for (label, expected) in [
        ("windows-1251", TextEncoding::Windows1251),
        ("CP1250", TextEncoding::Windows1250),
        ("latin2", TextEncoding::Iso8859_2),
        ("KOI8-U", TextEncoding::Koi8U),
        ("iso-8859-9", TextEncoding::Windows1254),
    ] {
        assert_eq!(TextEncoding::from_label(label), Some(expected), "{label}");
        assert!(!expected.name().is_empty());
    }
    for encoding in TextEncoding::single_byte() {
        assert_eq!(TextEncoding::from_label(encoding.name()), Some(encoding));
    }
}

#[test]
fn labels_of_japanese_and_chinese_encodings() {
    for (label, expected) in [
        ("Shift_JIS", TextEncoding::ShiftJis),
        ("cp932", TextEncoding::ShiftJis),
        ("EUC-JP", TextEncoding::EucJp),
        ("GB2312", TextEncoding::Gbk),
        ("gb18030", TextEncoding::Gbk),
        ("Big5", TextEncoding::Big5),
    ] {
        assert_eq!(TextEncoding::from_label(label), Some(expected), "{label}");
    }
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(JAPANESE);
    let forced = decode(&bytes, Some(TextEncoding::ShiftJis)).map(|(t, _)| t.into_owned());
    assert_eq!(forced.ok().as_deref(), Some(JAPANESE));
}
