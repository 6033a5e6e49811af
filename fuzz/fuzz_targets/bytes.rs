//! Any bytes as a file: every encoding, format and notation the reader knows.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check(yesan::analyze(data, &yesan::Options::default()));
});
