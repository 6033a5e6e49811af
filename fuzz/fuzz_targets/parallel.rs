//! Reading in parts on threads against reading on one: after a header and
//! a sample of 1,000 plain rows, the input is the rest of the file, cut at
//! every possible place by 2–4 threads (`min_bytes` 0). The report's JSON,
//! or the error, must be the same as one thread's.
#![no_main]
use libfuzzer_sys::fuzz_target;
use yesan::import::parallel;
use yesan::{Budget, Options};

fn outcome(read: Result<Budget, yesan::Error>, options: &Options) -> String {
    match read.and_then(|b| b.report(options)) {
        Ok(report) => serde_json::to_string(&report).unwrap_or_default(),
        Err(e) => format!("{} {:?} {:?} {}", e.code(), e.row(), e.column(), e.message_en()),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut text = String::from("부서,사업,예산액,집행액\n");
    for i in 0..1000 {
        text.push_str(&format!("부서{},사업{},{},{}\n", i % 7, i % 31, i * 10, i * 7));
    }
    text.push_str(&String::from_utf8_lossy(data));
    let options = Options::default();
    let one = outcome(Budget::read(text.as_bytes(), &options), &options);
    // As `Budget::read` decodes it (the encoding is part of the report).
    let Ok((text, found)) = yesan::import::encoding::decode(text.as_bytes(), None) else {
        return;
    };
    for threads in 2..=4 {
        let many = outcome(parallel::read_from(&text, Some(found), &options, threads, 0), &options);
        assert_eq!(one, many, "{threads} threads");
    }
});
