//! What the targets that read a file in parts share: the file (a header and
//! a sample of 1,000 plain rows, then the fuzzer's bytes) and how a reading
//! ended, to compare.
use yesan::{Budget, Options};

/// The report's JSON, or the error's code, row, column and message.
pub fn outcome(read: Result<Budget, yesan::Error>, options: &Options) -> String {
    match read.and_then(|b| b.report(options)) {
        Ok(report) => serde_json::to_string(&report).unwrap_or_default(),
        Err(e) => format!(
            "{} {:?} {:?} {}",
            e.code(),
            e.row(),
            e.column(),
            e.message_en()
        ),
    }
}

/// A header, 1,000 plain rows, then `rest` (as text, lossily).
pub fn after_sample(rest: &[u8]) -> String {
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
    text.push_str(&String::from_utf8_lossy(rest));
    text
}
