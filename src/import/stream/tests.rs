use super::*;

/// A source that hands out at most `step` bytes per read, to cut
/// characters, records and line breaks at every possible place.
struct Trickle<'a> {
    bytes: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn report(budget: Result<Budget, Error>) -> String {
    match budget.and_then(|b| b.report(&Options::default())) {
        Ok(report) => format!(
            "{:?} {:?} {:?} {:?}",
            report.totals, report.tree, report.columns, report.warnings
        ),
        Err(error) => format!(
            "error {} {:?} {:?}",
            error.code(),
            error.row(),
            error.column()
        ),
    }
}

#[test]
fn a_stream_gives_the_same_budget_as_the_whole_file() {
    for name in [
        "kr_national_out_net_bud_2010.csv",
        "seoul_2016_programs.csv",
        "encodings/programs.utf16le.csv",
        "encodings/programs.utf16be.csv",
        "encodings/programs.cp949.csv",
        "encodings/programs.utf8-bom.csv",
        "bad/ragged_row.csv",
        "bad/not_a_number.csv",
        "bad/unterminated_quote.csv",
        "bad/header_only.csv",
        "bad/binary_junk.bin",
    ] {
        let bytes = fixture(name);
        let whole = report(Budget::read(&bytes, &Options::default()));
        // Every few bytes for the small files; the large one in odd chunks.
        let steps: &[usize] = if bytes.len() > 100_000 {
            &[997, 1 << 20]
        } else {
            &[7, 4096, 1 << 20]
        };
        for &step in steps {
            let streamed = report(read_stream(
                Trickle {
                    bytes: &bytes,
                    step,
                },
                &Options::default(),
            ));
            assert_eq!(streamed, whole, "{name}, {step}-byte reads");
        }
    }
}

#[test]
fn crlf_line_numbers_in_a_stream() {
    let text = "부서,예산액\r\n가,1\r\n\"나\r\n다\",2\r\n라,x\r\n";
    let error = read_stream(text.as_bytes(), &Options::default()).err();
    assert_eq!(
        error.map(|e| (e.code(), e.row())),
        Some(("not_a_number", Some(5)))
    );
}

#[test]
fn a_stream_longer_than_the_limit_is_refused() {
    let bytes = fixture("kr_national_out_net_bud_2010.csv");
    let options: Options =
        serde_json::from_str(r#"{"limits":{"maxBytes":200000}}"#).unwrap_or_default();
    let error = read_stream(bytes.as_slice(), &options).err();
    assert_eq!(error.map(|e| e.code()), Some("too_large"));
}

#[test]
fn a_control_character_past_the_head_is_named_by_row_and_column() {
    let mut text = String::from("부서,사업,예산액\n");
    for i in 0..5000 {
        text.push_str(&format!("총무과,사업 {},{}\n", i % 7, i));
    }
    assert!(text.len() > encoding::HEAD_CHECK);
    text.push_str("총무과,사업\u{1}X,5\n");
    let error = read_stream(text.as_bytes(), &Options::default()).err();
    assert_eq!(
        error.map(|e| (e.code(), e.row(), e.column())),
        Some(("not_text", Some(5002), Some(2)))
    );
    // The same bytes held whole, above the size read as a stream.
    let mut big = text.clone().into_bytes();
    let filler = b"\xEC\xB4\x9D\xEB\xAC\xB4\xEA\xB3\xBC,\xEC\x82\xAC\xEC\x97\x85 1,1\n";
    let rows_before = big.len();
    while big.len() <= crate::import::WHOLE_BYTES {
        big.extend_from_slice(filler);
    }
    assert!(rows_before < big.len());
    let error = Budget::read(&big, &Options::default()).err();
    assert_eq!(
        error.map(|e| (e.code(), e.row(), e.column())),
        Some(("not_text", Some(5002), Some(2)))
    );
}

#[test]
fn a_character_cut_by_the_end_of_a_chunk_is_kept_for_the_next() {
    let text = "가,나\n".as_bytes();
    assert_eq!(complete_len(text), text.len());
    assert_eq!(complete_len(&text[..2]), 0);
    assert_eq!(complete_len(&text[..4]), 4);
    assert_eq!(complete_len(&text[..5]), 4);
    assert_eq!(complete_len(&text[..6]), 4);
    assert_eq!(complete_len(b""), 0);
    assert_eq!(complete_len(&[0xF0, 0x9F, 0x98]), 0);
    // Invalid bytes are not held back: the check says where they are.
    assert_eq!(complete_len(&[b'a', 0x80, 0x80, 0x80, 0x80]), 5);
}
