//! Reading on several threads gives the report one thread gives, byte for
//! byte in its JSON: for every delimited fixture, and for generated files
//! full of what makes cutting hard — quoted cells with line breaks and
//! doubled quotes, CRLF, total rows, notes, placeholders, E-notation,
//! negative amounts written with △, labels repeated far apart — at every
//! number of threads from 2 to 8. The files are cut however small they are
//! (`min_bytes` 0), so that every cut is tried; errors must be the same too.
//! The same holds for a file read as the page's Web Workers read it
//! ([`parts::read_step_by_step`]): the head read by each worker, the rest scanned in
//! regions, each part read apart into bytes and absorbed in file order.

mod common;

use common::fixture;
use proptest::prelude::*;
use yesan::import::parts;
use yesan::import::{encoding, parallel};
use yesan::{Budget, Options};

/// The report's JSON, or the error's code, row, column and messages.
fn outcome(read: Result<Budget, yesan::Error>, options: &Options) -> String {
    match read.and_then(|budget| budget.report(options)) {
        Ok(report) => serde_json::to_string(&report).unwrap_or_default(),
        Err(e) => format!(
            "error {} {:?} {:?} {} | {}",
            e.code(),
            e.row(),
            e.column(),
            e.message_ko(),
            e.message_en()
        ),
    }
}

/// One thread's outcome, and each number of threads' outcome, of `bytes`
/// (delimited text only: HTML tables and calculation bases are read whole).
fn assert_same_on_threads(name: &str, bytes: &[u8], options: &Options) {
    let reading = options.clone();
    let read = Budget::read(bytes, &reading);
    if read
        .as_ref()
        .is_ok_and(|b| !["csv", "tsv", "text"].contains(&b.source().format))
    {
        return;
    }
    let one = outcome(read, options);
    let (text, found) = match encoding::decode(bytes, None) {
        Ok(decoded) => decoded,
        Err(_) => return,
    };
    // The page reads a large file as a stream when it reads it in one go.
    let streamed = outcome(Budget::read_stream(bytes, &reading), options);
    assert!(
        one == streamed,
        "{name}, streamed:\none:    {}\nstream: {}",
        &one[..one.len().min(600)],
        &streamed[..streamed.len().min(600)]
    );
    for (head, region) in [(usize::MAX, 97), (150_000, 4096), (usize::MAX, 65_536)] {
        let Some(read) = parts::read_step_by_step(bytes, head, &reading, region) else {
            continue;
        };
        let many = outcome(read, options);
        assert!(
            one == many,
            "{name}, in parts of {region} bytes, head {head}:\none:  {}\nparts: {}",
            &one[..one.len().min(600)],
            &many[..many.len().min(600)]
        );
    }
    for threads in 2..=8 {
        let many = outcome(
            parallel::read_from(&text, Some(found), &reading, threads, 0),
            options,
        );
        assert!(
            one == many,
            "{name}, {threads} threads:\none:  {}\nmany: {}",
            &one[..one.len().min(600)],
            &many[..many.len().min(600)]
        );
    }
}

#[test]
fn every_delimited_fixture_gives_the_same_report_on_any_number_of_threads() {
    let mut files = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("fuzz") {
                    dirs.push(path);
                }
            } else if path
                .extension()
                .is_some_and(|e| e == "csv" || e == "tsv" || e == "txt")
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 40, "{} fixtures", files.len());
    for path in files {
        let name = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert_same_on_threads(&name, &bytes, &Options::default());
    }
}

#[test]
fn the_national_budget_is_cut_and_merged_to_the_same_report() {
    // 2,388 rows: the sample is the first 1,000, the rest is cut in parts.
    let bytes = fixture("kr_national_out_2010.csv");
    assert_same_on_threads("kr_national_out_2010.csv", &bytes, &Options::default());
    let report = yesan::analyze_on_threads(&bytes, &Options::default(), 4).unwrap();
    assert_eq!(
        report
            .totals
            .iter()
            .find(|t| t.column == "금년도예산(천원)")
            .and_then(|t| t.value.as_deref()),
        Some("255334387481")
    );
}

/// A generated budget file: `rows` rows under a header, sorted by
/// department like real files, with every hard case spread through it.
fn generated(rows: &[(u8, u8, u16, i64, u8)], crlf: bool) -> String {
    let end = if crlf { "\r\n" } else { "\n" };
    let mut text =
        format!("예산 세부내역{end}(단위: 천원){end}부서,사업,세부사업,예산액,집행액,비고{end}");
    for (i, &(dept, program, item, amount, mark)) in rows.iter().enumerate() {
        let department = format!("부서{:02}", dept % 12);
        // Quoted names with line breaks and doubled quotes.
        let program = match program % 5 {
            0 => format!("\"사업 {program}\n(계속)\""),
            1 => format!("\"\"\"핵심\"\" 사업 {program}\""),
            _ => format!("사업{program}"),
        };
        let budget = match mark % 9 {
            0 => "-".to_string(),
            1 => "nfp".to_string(),
            2 => format!("△{}", amount.unsigned_abs() % 100_000),
            3 => format!("\"{}\"", group(amount.unsigned_abs())),
            4 => format!("{}E+3", amount.unsigned_abs() % 1000),
            _ => amount.unsigned_abs().to_string(),
        };
        let executed = (amount.unsigned_abs() / 2).to_string();
        let note = match mark % 7 {
            0 => format!("\"비고\n{i}행\""),
            _ => String::new(),
        };
        text.push_str(&format!(
            "{department},{program},세부{item},{budget},{executed},{note}{end}"
        ));
        if mark % 97 == 0 {
            text.push_str(&format!("{department},소계,,1,1,{end}"));
        }
        if mark % 89 == 0 {
            text.push_str(&format!("※ 주: {i}행 아래는 추정치임{end}"));
        }
    }
    text
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn generated_files_give_the_same_report_on_any_number_of_threads(
        mut rows in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u16>(), any::<i64>(), any::<u8>()), 1100..3000),
        crlf in any::<bool>(),
    ) {
        rows.sort_by_key(|r| r.0 % 12);
        let text = generated(&rows, crlf);
        assert_same_on_threads("generated", text.as_bytes(), &Options::default());
    }
}

/// 3,000 rows for [`generated`], sorted by department.
fn sorted_rows() -> Vec<(u8, u8, u16, i64, u8)> {
    (0..3000u16)
        .map(|i| {
            let (department, program) = ((i / 300) as u8, (i % 7) as u8);
            (department, program, i, 1000 + i64::from(i), (i % 251) as u8)
        })
        .collect()
}

#[test]
fn a_large_file_is_read_in_parts_not_in_one_go() {
    // The comparisons above skip a file not read in parts; this one must be.
    let text = generated(&sorted_rows(), true);
    let parts = parts::read_step_by_step(text.as_bytes(), usize::MAX, &Options::default(), 4096);
    let budget = parts.expect("read in parts").expect("no error");
    assert_eq!(
        budget.rows(),
        Budget::read(text.as_bytes(), &Options::default())
            .unwrap()
            .rows()
    );
}

#[test]
fn a_bad_cell_late_in_the_file_is_the_same_error_on_any_number_of_threads() {
    let rows: Vec<_> = (0..2500u16)
        .map(|i| (1u8, 3u8, i, 1000i64 + i64::from(i), 5u8))
        .collect();
    let mut text = generated(&rows, false);
    text.push_str("부서01,사업3,세부x,십만원,1,\n");
    for i in 0..500 {
        text.push_str(&format!("부서01,사업3,세부y{i},1,1,\n"));
    }
    assert_same_on_threads("bad cell", text.as_bytes(), &Options::default());
}

#[test]
fn a_lone_quote_in_an_unquoted_cell_still_gives_the_same_report() {
    // `12" 파이프` opens no quote where it stands, but counts as one: a cut
    // after it may fall inside a quoted cell, found and read again.
    let mut text = String::from("부서,사업,예산액\n");
    for i in 0..3000 {
        match i % 400 {
            7 => text.push_str(&format!("시설과,12\" 파이프 {i},100\n")),
            9 => text.push_str(&format!("시설과,\"여러\n줄 {i}\",100\n")),
            _ => text.push_str(&format!("시설과,사업{},{}\n", i % 50, i)),
        }
    }
    assert_same_on_threads("lone quote", text.as_bytes(), &Options::default());
}

#[test]
fn a_cut_that_falls_inside_a_quoted_cell_is_found_and_the_file_read_again() {
    // One lone `"` after the sample makes every later count odd: the cuts
    // then fall on the line breaks inside the quoted cells that follow.
    let mut text = String::from("부서,사업,예산액\n");
    for i in 0..3000 {
        if i == 1500 {
            text.push_str("시설과,12\" 파이프,100\n");
        } else if i > 1500 && i % 3 == 0 {
            text.push_str(&format!("시설과,\"여러\n줄 {i}\",{i}\n"));
        } else {
            text.push_str(&format!("시설과,사업{},{}\n", i % 50, i));
        }
    }
    assert_same_on_threads("cut inside quotes", text.as_bytes(), &Options::default());
}

#[test]
fn a_file_that_ends_with_its_sample_is_read_the_same() {
    // Found by the `parallel` fuzz target: exactly as many rows as the sample.
    assert_same_on_threads("sample only", &after_a_sample(&[]), &Options::default());
}

/// The `parallel` fuzz target's file: a header, 1,000 plain rows, then `tail`.
fn after_a_sample(tail: &[u8]) -> Vec<u8> {
    let mut text = String::from("부서,사업,예산액,집행액\n");
    for i in 0..1000 {
        text.push_str(&format!(
            "부서{},사업{},{},{}\n",
            i % 7,
            i % 31,
            i * 10,
            i * 7
        ));
    }
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(tail);
    bytes
}

#[test]
fn the_first_part_stops_where_it_is_cut_even_inside_a_block_already_looked_at() {
    // Found by the `parallel` fuzz target: the first part's splitter had
    // looked at a 64-byte block reaching past the cut, and read past it.
    let tail = fixture("fuzz/parallel-stale-block.bin");
    let bytes = after_a_sample(&String::from_utf8_lossy(&tail).into_owned().into_bytes());
    assert_same_on_threads("parallel-stale-block", &bytes, &Options::default());
}

#[test]
fn a_large_file_with_a_bom_is_read_in_parts_and_one_not_in_utf8_in_one_go() {
    let text = generated(&sorted_rows(), false);
    let options = Options::default();
    // A BOM: the rest starts three bytes further, and the report is the same.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let one = outcome(Budget::read(&bom, &options), &options);
    let parts = parts::read_step_by_step(&bom, usize::MAX, &options, 4096).expect("read in parts");
    assert!(one == outcome(parts, &options), "a BOM");
    // CP949 (or UTF-16) is never read in parts: the page reads it in one go.
    let korean: Vec<u8> = encoding_rs::EUC_KR.encode(&text).0.into_owned();
    assert!(parts::read_step_by_step(&korean, usize::MAX, &options, 4096).is_none());
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert!(parts::read_step_by_step(&utf16, usize::MAX, &options, 4096).is_none());
    // Old Mac line ends (a lone CR) neither.
    let mac = text.replace('\n', "\r");
    assert!(parts::read_step_by_step(mac.as_bytes(), usize::MAX, &options, 4096).is_none());
}
