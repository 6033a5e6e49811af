//! Calculation bases (산출근거): `150,000원*15인*6회 = 13,500천원` lines.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let basis = format!("산출근거\n{text}");
    common::check(yesan::analyze_text(&basis, &yesan::Options::default()));
});
