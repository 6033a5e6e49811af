//! The core WebAssembly module's build (no `cp949`, no `html`, no `encodings`):
//! a CP949 file asks for CP949's index and is read once it is installed,
//! whole or as a stream; an HTML table, and Japanese or Chinese text, ask
//! for the second module, whose prepared table or text it reads. Run by `make test` as
//! `cargo test --no-default-features --test core_module`.
#![cfg(not(any(feature = "cp949", feature = "html", feature = "encodings")))]

use yesan::import::cp949;
use yesan::import::encoding::TextEncoding;
use yesan::import::html::Grid;
use yesan::import::prepared::{self, Prepared};
use yesan::{analyze, Budget, ErrorKind, Options};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// CP949's index as encoding_rs decodes each two-byte code, a second
/// source for the bytes the package's cp949.js holds.
fn index_from_encoding_rs() -> Vec<u8> {
    (0..cp949::POINTERS)
        .flat_map(|pointer| {
            let (lead, trail) = (0x81 + pointer / 190, 0x41 + pointer % 190);
            let bytes = [lead as u8, trail as u8];
            let (text, _, malformed) = encoding_rs::EUC_KR.decode(&bytes);
            let mut chars = text.chars();
            let code = match (chars.next(), chars.next()) {
                (Some(c), None) if !malformed && c as u32 > 0x7F => c as u32 as u16,
                _ => u16::MAX,
            };
            code.to_le_bytes()
        })
        .collect()
}

#[test]
fn the_core_asks_for_what_it_lacks_and_reads_it_once_given() {
    let options = Options::default();
    let cp949_bytes = fixture("encodings/programs.cp949.csv");
    let code = |r: Result<Budget, yesan::Error>| r.err().map(|e| e.kind());
    assert_eq!(
        code(Budget::read(&cp949_bytes, &options)),
        Some(ErrorKind::Cp949NotLoaded)
    );
    assert_eq!(
        code(Budget::read_stream(&cp949_bytes[..], &options)),
        Some(ErrorKind::Cp949NotLoaded)
    );
    let utf8 = analyze(&fixture("seoul_2016_programs.csv"), &options).unwrap();

    cp949::install(&index_from_encoding_rs()).unwrap();
    let whole = analyze(&cp949_bytes, &options).unwrap();
    let streamed = Budget::read_stream(&cp949_bytes[..], &options)
        .and_then(|b| b.report(&options))
        .unwrap();
    assert_eq!(
        serde_json::to_value(&whole.tree).unwrap(),
        serde_json::to_value(&utf8.tree).unwrap()
    );
    assert_eq!(whole.totals[0].value.as_deref(), Some("41019"));
    assert_eq!(
        serde_json::to_value(&streamed.tree).unwrap(),
        serde_json::to_value(&utf8.tree).unwrap()
    );

    // Polish in Windows-1250 reads as Windows-1252 without an error
    // (`¹` for `ą`): the core asks for the detector; Western European text
    // it reads itself.
    let polish = fixture("world/pl_gmina_wykonanie.csv");
    assert_eq!(
        code(Budget::read(&polish, &options)),
        Some(ErrorKind::EncodingNotLoaded)
    );
    let spanish = analyze(&fixture("world/es_latin1.csv"), &options).unwrap();
    assert_eq!(spanish.source.encoding, Some(TextEncoding::Windows1252));

    // Shift_JIS: valid CP949 too, but not Korean; the second module
    // decodes it, and the core reads the text it gives.
    let japanese = "款,当初予算額,決算額\n議会費,\"460,162,000\",\"449,516,456\"\n総務費,\"10,465,779,000\",\"13,008,809,583\"\n合計,\"10,925,941,000\",\"13,458,326,039\"\n";
    let (shift_jis, _, _) = encoding_rs::SHIFT_JIS.encode(japanese);
    assert_eq!(
        code(Budget::read(&shift_jis, &options)),
        Some(ErrorKind::EncodingNotLoaded)
    );
    assert_eq!(
        code(Budget::read_stream(&shift_jis[..], &options)),
        Some(ErrorKind::EncodingNotLoaded)
    );
    let text = Prepared::Text {
        encoding: Some(TextEncoding::ShiftJis),
        text: japanese.to_string(),
    };
    let report = prepared::read(text, &options)
        .and_then(|b| b.report(&options))
        .unwrap();
    assert_eq!(report.source.encoding, Some(TextEncoding::ShiftJis));
    // The 合計 row is a total, not a row of data.
    assert_eq!(report.totals[0].value.as_deref(), Some("10925941000"));

    let html = fixture("reports/004_history.html");
    assert_eq!(
        code(Budget::read(&html, &options)),
        Some(ErrorKind::HtmlNotLoaded)
    );
    let rows = vec![
        vec!["사업".to_string(), "예산".into()],
        vec!["도로".into(), "100".into()],
        vec!["소계".into(), "100".into()],
        vec!["복지".into(), "50".into()],
    ];
    let prepared = Prepared::of(
        Some(Grid {
            rows,
            bold: vec![3],
        }),
        "",
        None,
    );
    let report = prepared::read(prepared, &options)
        .and_then(|b| b.report(&options))
        .unwrap();
    assert_eq!(report.source.format, "html");
    // The bold 소계 is a subtotal row, left out of the sum.
    assert_eq!(report.totals[0].value.as_deref(), Some("150"));
}
