use super::*;
use crate::import::table::Cells;

/// A record's cells as bytes.
fn cells_of(text: &[u8], record: &Record) -> Vec<Vec<u8>> {
    Cells::new(text, record)
        .iter()
        .map(|c| c.as_bytes().to_vec())
        .collect()
}

/// All the records of `text`, split whole.
fn records(text: &[u8], delimiter: u8) -> Result<Vec<Vec<Vec<u8>>>, Stop> {
    let mut out = Vec::new();
    let mut record = Record::default();
    let mut splitter = Splitter::new(delimiter);
    let mut at = 0;
    loop {
        match splitter.split(text, at, true, &mut record) {
            Ok(s) => {
                out.push(cells_of(text, &record));
                at = s.end;
            }
            Err(Stop::End) => return Ok(out),
            Err(stop) => return Err(stop),
        }
    }
}

/// The same, fed in chunks of `size` bytes as a stream is.
fn records_chunked(text: &[u8], size: usize) -> Result<Vec<Vec<Vec<u8>>>, Stop> {
    let mut out = Vec::new();
    let mut record = Record::default();
    let mut splitter = Splitter::new(b',');
    let mut buffer: Vec<u8> = Vec::new();
    let mut fed = 0;
    let mut at = 0;
    // Bytes drained from the front of the buffer.
    let mut base = 0;
    loop {
        let last = fed == text.len();
        match splitter.split(&buffer, at, last, &mut record) {
            Ok(s) => {
                out.push(cells_of(&buffer, &record));
                at = s.end;
            }
            Err(Stop::More) => {
                buffer.drain(..at);
                splitter.reset();
                base += at;
                at = 0;
                let next = (fed + size).min(text.len());
                buffer.extend_from_slice(&text[fed..next]);
                fed = next;
            }
            Err(Stop::End) => return Ok(out),
            Err(Stop::Unclosed {
                start,
                skipped_lines,
            }) => {
                return Err(Stop::Unclosed {
                    start: base + start,
                    skipped_lines,
                })
            }
        }
    }
}

/// What the csv crate reads from the same text.
fn csv_records(text: &[u8]) -> Vec<Vec<Vec<u8>>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    reader
        .byte_records()
        .map(|r| {
            r.map(|r| r.iter().map(<[u8]>::to_vec).collect())
                .unwrap_or_default()
        })
        .collect()
}

fn cells(text: &str) -> Vec<Vec<String>> {
    records(text.as_bytes(), b',')
        .unwrap_or_default()
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|c| String::from_utf8(c).unwrap_or_default())
                .collect()
        })
        .collect()
}

#[test]
fn splits_quoted_cells_and_line_ends() {
    assert_eq!(
        cells("부서,예산\r\n\"총무과, 기획\",\"1,234\"\r\n\r\n\"a \"\"b\"\"\",2\n"),
        [
            vec!["부서", "예산"],
            vec!["총무과, 기획", "1,234"],
            vec!["a \"b\"", "2"],
        ]
    );
    assert_eq!(
        cells("a,b\nc,\"multi\nline\"\nlast,row"),
        [
            vec!["a", "b"],
            vec!["c", "multi\nline"],
            vec!["last", "row"],
        ]
    );
    // A quote inside an unquoted cell, and text after a closing quote.
    assert_eq!(cells("ab\"c,\"x\"y\n"), [vec!["ab\"c", "xy"]]);
}

#[test]
fn counts_lines() {
    let text = b"\n\na,\"b\nc\"\n\r\nd\n";
    let mut record = Record::default();
    let mut splitter = Splitter::new(b',');
    let first = splitter.split(text, 0, true, &mut record);
    assert_eq!(
        first,
        Ok(Split {
            start: 2,
            end: 10,
            skipped_lines: 2,
            inner_lines: 1
        })
    );
    let second = splitter.split(text, 10, true, &mut record);
    assert_eq!(
        second,
        Ok(Split {
            start: 12,
            end: 14,
            skipped_lines: 1,
            inner_lines: 0
        })
    );
}

#[test]
fn an_unclosed_quote_is_named_at_the_end() {
    assert_eq!(
        records(b"a,b\n\"open,1\n2,3\n", b','),
        Err(Stop::Unclosed {
            start: 4,
            skipped_lines: 0
        })
    );
}

#[test]
fn lone_carriage_returns_are_told() {
    assert!(lone_cr(b"a,b\rc,d\r"));
    assert!(!lone_cr(b"a,b\r\nc,d\r\n"));
    assert!(!lone_cr(b"a,b\nc\r"));
}

/// Every short text over the characters that matter splits as the csv crate
/// splits it, whole and in chunks of every size.
#[test]
fn agrees_with_the_csv_crate() {
    const PIECES: [&[u8]; 7] = [b"a", b",", b"\"", b"\n", b"\r\n", "가".as_bytes(), b""];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..20_000 {
        let mut text = Vec::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut s = seed;
        for _ in 0..(s % 13 + (s >> 60) * 20) {
            s = s.rotate_left(5) ^ 0x9e37_79b9;
            text.extend_from_slice(PIECES[(s % 7) as usize]);
        }
        let ours = records(&text, b',');
        let quotes = text.iter().filter(|&&b| b == b'"').count();
        match ours {
            Ok(ref ours) => assert_eq!(
                ours,
                &csv_records(&text),
                "{:?}",
                String::from_utf8_lossy(&text)
            ),
            // The csv crate ends an unclosed quote at the end of the input;
            // it is an error here.
            Err(Stop::Unclosed { .. }) => assert!(quotes % 2 == 1 || text.contains(&b'"')),
            Err(other) => panic!("{other:?}"),
        }
        for size in 1..5 {
            assert_eq!(records_chunked(&text, size), ours, "{size}");
        }
    }
}

#[test]
fn block_masks_agree_with_byte_by_byte() {
    let mut block = [0u8; BLOCK];
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..2000 {
        for b in &mut block {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            *b = [b',', b'\t', b'"', b'\n', b'a', 0xEA, 0x80, b'\r'][(seed % 8) as usize];
        }
        for delimiter in [b',', b'\t'] {
            assert_eq!(block_mask(&block, delimiter), tail_mask(&block, delimiter));
        }
    }
}
