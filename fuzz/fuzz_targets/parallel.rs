//! Reading in parts on threads against reading on one: after a header and
//! a sample of 1,000 plain rows, the input is the rest of the file, cut at
//! every possible place by 2–4 threads (`min_bytes` 0). The report's JSON,
//! or the error, must be the same as one thread's.
#![no_main]
use libfuzzer_sys::fuzz_target;
use yesan::import::parallel;
use yesan::{Budget, Options};

#[path = "sample.rs"]
mod sample;
use sample::{after_sample, outcome};

fuzz_target!(|data: &[u8]| {
    let text = after_sample(data);
    let options = Options::default();
    let one = outcome(Budget::read(text.as_bytes(), &options), &options);
    // As `Budget::read` decodes it (the encoding is part of the report).
    let Ok((text, found)) = yesan::import::encoding::decode(text.as_bytes(), None) else {
        return;
    };
    for threads in 2..=4 {
        let many = outcome(
            parallel::read_from(&text, Some(found), &options, threads, 0),
            &options,
        );
        assert_eq!(one, many, "{threads} threads");
    }
});
