//! A pasted report table (tab-separated, markdown, two-row headers, rates in
//! cells): the tree rebuilt from sums and the interval audit.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    common::check(yesan::analyze_text(&text, &yesan::Options::default()));
});
