//! Reading in parts as the page's Web Workers do (`import::parts`: a
//! reading begun on the head in each worker, regions scanned, parts read
//! apart into bytes and absorbed in file order) against reading in one go:
//! after a header and a sample of 1,000 plain rows, the input's first byte
//! sets the regions' size and the rest is the rest of the file. The
//! report's JSON, or the error, must be the same; a part that cannot be
//! read apart means the file is read in one go, so nothing to compare.
#![no_main]
use libfuzzer_sys::fuzz_target;
use yesan::import::parts;
use yesan::{Budget, Options};

#[path = "sample.rs"]
mod sample;
use sample::{after_sample, outcome};

fuzz_target!(|data: &[u8]| {
    let Some((&size, rest)) = data.split_first() else {
        return;
    };
    let text = after_sample(rest);
    let options = Options::default();
    let one = outcome(Budget::read(text.as_bytes(), &options), &options);
    let region = 1 + usize::from(size) * 7;
    if let Some(read) = parts::read_step_by_step(text.as_bytes(), text.len(), &options, region) {
        assert_eq!(one, outcome(read, &options), "regions of {region} bytes");
    }
});
