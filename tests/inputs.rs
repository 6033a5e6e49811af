//! Encodings, bad inputs and limits: the same table in every encoding gives
//! the same report, and every bad input gives its documented error.

mod common;

use common::{fixture, options};
use yesan::{analyze, analyze_text, ErrorKind, Options};

/// The report without its `source`, which names the encoding.
fn comparable(bytes: &[u8]) -> serde_json::Value {
    let report = analyze(bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let mut json = serde_json::to_value(&report).unwrap_or_default();
    if let Some(object) = json.as_object_mut() {
        object.remove("source");
    }
    json
}

#[test]
fn one_table_in_every_encoding_gives_one_report() {
    let expected = comparable(&fixture("seoul_2016_programs.csv"));
    for (name, encoding) in [
        ("encodings/programs.utf8-bom.csv", "utf-8"),
        ("encodings/programs.utf16le.csv", "utf-16le"),
        ("encodings/programs.utf16be.csv", "utf-16be"),
        ("encodings/programs.cp949.csv", "cp949"),
    ] {
        let bytes = fixture(name);
        assert_eq!(comparable(&bytes), expected, "{name}");
        let report = analyze(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        let detected = serde_json::to_value(report.source.encoding).unwrap_or_default();
        assert_eq!(detected, encoding, "{name}");
    }
}

/// A reader that gives three bytes at a time.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.len().min(buffer.len()).min(3);
        buffer[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn japanese_and_chinese_files_give_the_reports_of_their_utf8_originals() {
    for (name, original, encoding) in [
        (
            "encodings/jp_settlement.shift_jis.csv",
            "world/jp_city_settlement_by_kan.csv",
            "shift_jis",
        ),
        (
            "encodings/zh_final_accounts.gbk.csv",
            "world/zh_county_final_accounts.csv",
            "gbk",
        ),
    ] {
        let bytes = fixture(name);
        assert_eq!(comparable(&bytes), comparable(&fixture(original)), "{name}");
        // Streamed, the reader giving three bytes at a time.
        let options = Options::default();
        let streamed = yesan::Budget::read_stream(Trickle(&bytes), &options)
            .and_then(|b| b.report(&options))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let whole = analyze(&bytes, &options).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            serde_json::to_value(&streamed.tree).unwrap_or_default(),
            serde_json::to_value(&whole.tree).unwrap_or_default(),
            "{name} streamed"
        );
        let report = analyze(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        let detected = serde_json::to_value(report.source.encoding).unwrap_or_default();
        assert_eq!(detected, encoding, "{name}");
    }
    // The published 合計 of the Japanese table, to the yen.
    let report = analyze(
        &fixture("encodings/jp_settlement.shift_jis.csv"),
        &Options::default(),
    );
    let totals = report.map(|r| r.totals.into_iter().map(|t| t.value).collect::<Vec<_>>());
    assert_eq!(
        totals.ok(),
        Some(vec![
            Some("87960000000".to_string()),
            Some("106430416000".to_string()),
            Some("92736569118".to_string())
        ])
    );
}

#[test]
fn text_input_skips_decoding() {
    let text = String::from_utf8(fixture("seoul_2016_programs.csv")).unwrap_or_default();
    let report = analyze_text(&text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.totals[0].value.as_deref(), Some("41019"));
    assert_eq!(report.source.encoding, None);
}

#[test]
fn forcing_the_wrong_encoding_is_an_error_not_garbage() {
    let error = analyze(
        &fixture("encodings/programs.cp949.csv"),
        &options(r#"{"encoding":"utf-8"}"#),
    )
    .err();
    assert_eq!(error.map(|e| e.kind()), Some(ErrorKind::Encoding));
}

#[test]
fn every_bad_input_gives_its_documented_error() {
    let expected: serde_json::Value =
        serde_json::from_slice(&fixture("bad/expected.json")).unwrap_or_default();
    let cases = expected.as_object().cloned().unwrap_or_default();
    assert_eq!(cases.len(), 9);
    for (name, want) in cases {
        let error = match analyze(&fixture(&format!("bad/{name}")), &Options::default()) {
            Ok(_) => panic!("{name} was accepted"),
            Err(error) => error,
        };
        assert_eq!(error.code(), want["code"], "{name}: {error}");
        assert_eq!(
            serde_json::json!(error.row()),
            want["row"],
            "{name}: {error}"
        );
        assert_eq!(
            serde_json::json!(error.column()),
            want["column"],
            "{name}: {error}"
        );
        assert!(!error.message_ko().is_empty() && !error.message_en().is_empty());
    }
}

#[test]
fn messages_say_where_and_what_in_plain_words() {
    let error = analyze(&fixture("bad/not_a_number.csv"), &Options::default()).err();
    assert_eq!(
        error.as_ref().map(|e| e.message_ko()),
        Some("3행 2열('예산액'): 금액 칸에 숫자가 아닌 값이 있습니다 — '십만원'".to_string())
    );
    assert_eq!(
        error.map(|e| e.message_en()),
        Some("Row 3, column 2 ('예산액'): an amount cell holds something that is not a number — '십만원'".to_string())
    );
}

#[test]
fn limits_are_enforced_with_their_own_errors() {
    let table = fixture("seoul_2016_programs.csv");
    let cases = [
        (r#"{"limits":{"maxBytes":1000}}"#, ErrorKind::TooLarge),
        (r#"{"limits":{"maxRows":10}}"#, ErrorKind::TooManyRows),
        (r#"{"limits":{"maxColumns":3}}"#, ErrorKind::TooManyColumns),
        (
            r#"{"limits":{"maxFieldChars":10}}"#,
            ErrorKind::FieldTooLong,
        ),
    ];
    for (json, kind) in cases {
        let error = analyze(&table, &options(json)).err();
        assert_eq!(error.map(|e| e.kind()), Some(kind), "{json}");
    }
    let rows = analyze(&table, &options(r#"{"limits":{"maxRows":10}}"#)).err();
    assert_eq!(
        rows.and_then(|e| e.row()),
        Some(14),
        "the 11th data row is on line 14"
    );
}

#[test]
fn options_that_name_missing_columns_or_wrong_kinds_are_errors() {
    let table = fixture("seoul_2016_programs.csv");
    let cases = [
        (r#"{"by":["없는열"]}"#, ErrorKind::UnknownColumn),
        (r#"{"by":["집행액"]}"#, ErrorKind::InvalidOption),
        (
            r#"{"growth":{"from":"부서","to":"집행액"}}"#,
            ErrorKind::InvalidOption,
        ),
        (
            r#"{"columns":{"없는열":{"kind":"amount"}}}"#,
            ErrorKind::UnknownColumn,
        ),
        (r#"{"encoding":"latin-9"}"#, ErrorKind::InvalidOption),
        (r#"{"precision":{"rate":99}}"#, ErrorKind::InvalidOption),
        (r#"{"delimiter":"x"}"#, ErrorKind::InvalidOption),
    ];
    for (json, kind) in cases {
        let error = analyze(&table, &options(json)).err();
        assert_eq!(error.map(|e| e.kind()), Some(kind), "{json}");
    }
}

#[test]
fn overrides_change_the_analysis() {
    let table = fixture("seoul_2016_programs.csv");
    let report = yesan::analyze(
        &table,
        &options(r#"{"by":["부서"],"execution":{"executed":"집행액","budget":"예산액(A)"},"precision":{"rate":2}}"#),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.hierarchy, ["부서"]);
    assert!(report.tree.children.iter().all(|c| c.children.is_empty()));
    let e = report.execution.as_ref();
    assert_eq!(e.and_then(|e| e.rate.as_deref()), Some("54.80"));
    let marked = yesan::analyze(
        &table,
        &options(r#"{"columns":{"집행액":{"kind":"ignored"}}}"#),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(marked.execution.is_none());
    assert_eq!(marked.totals.len(), 2);
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A deterministic stream of mutations of a real table: every one gives
    // a report or an error, never a panic.
    let table = fixture("seoul_2016_programs.csv");
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..2000 {
        let mut bytes = table.clone();
        for _ in 0..8 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state as usize) % bytes.len();
            bytes[at] = (state >> 32) as u8;
        }
        let cut = (state as usize >> 8) % bytes.len();
        let _ = analyze(&bytes[..cut], &Options::default());
        let _ = analyze(&bytes, &Options::default());
    }
}

#[test]
fn a_tree_too_large_to_show_is_cut_with_a_warning() {
    let mut csv = String::from("실국,사업,예산액\n");
    for i in 0..25_000 {
        csv.push_str(&format!("국{},사업{i},{}\n", i % 7, i + 1));
    }
    let report = analyze_text(&csv, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        report.hierarchy,
        ["실국"],
        "25,000 programs are more than a tree can show"
    );
    assert_eq!(report.tree.children.len(), 7);
    let cut = report.warnings.iter().find(|w| w.code == "hierarchy_cut");
    assert_eq!(cut.and_then(|w| w.column), Some(2));
    assert_eq!(
        report.totals[0].value.as_deref(),
        Some("312512500"),
        "nothing is lost from the sums"
    );
}

/// A large file read for one report (`analyze` with `by`) keeps only the
/// dimensions it rolls up by, and gives the same report as a budget that
/// keeps them all; the same holds for old Mac line ends (a lone `\r`).
#[test]
fn a_large_file_read_for_one_report_gives_the_same_report() {
    let mut text = String::from("실국명,부서명,사업명,세부사업명,예산액,집행액\n");
    for i in 0..5_000u64 {
        text.push_str(&format!(
            "국{},과{},사업 {},세부 {},{},\"{}\"\n",
            i % 5,
            i % 17,
            i % 101,
            i % 997,
            1_000 + i * 7 % 991,
            (1_000 + i * 7 % 991) * (i % 89) / 100
        ));
    }
    // Rows named only in the columns left out, with no amounts: rows all the same.
    text.push_str(",,사업 1,세부 1,-,-\n,,사업 2,,,\n");
    let by = options(r#"{"by":["실국명","부서명"]}"#);
    let one = analyze(text.as_bytes(), &by).unwrap_or_else(|e| panic!("{e}"));
    let kept = yesan::Budget::read(text.as_bytes(), &Options::default())
        .and_then(|b| b.report(&by))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(one.rows, 5_002);
    assert_eq!(
        serde_json::to_value(&one).unwrap_or_default(),
        serde_json::to_value(&kept).unwrap_or_default()
    );
    let mac = text.replace('\n', "\r");
    let from_mac = analyze(mac.as_bytes(), &by).unwrap_or_else(|e| panic!("{e}"));
    let streamed = yesan::Budget::read_stream(mac.as_bytes(), &Options::default())
        .and_then(|b| b.report(&by))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json(&from_mac.totals), json(&one.totals));
    assert_eq!(json(&streamed.totals), json(&one.totals));
    assert_eq!(json(&from_mac.tree), json(&one.tree));
}

/// A report's part as JSON, to compare parts that have no `==`.
fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

#[test]
fn too_many_decimals_is_said_as_such_not_as_too_large() {
    let error = analyze(&fixture("bad/too_precise.csv"), &Options::default())
        .expect_err("29 decimals cannot be kept exactly");
    assert_eq!(error.code(), "too_precise");
    assert!(
        error.message_ko().contains("소수점 아래"),
        "{}",
        error.message_ko()
    );
    assert!(
        error.message_en().contains("decimals"),
        "{}",
        error.message_en()
    );
    assert!(
        !error.message_en().contains("too large"),
        "{}",
        error.message_en()
    );
}
