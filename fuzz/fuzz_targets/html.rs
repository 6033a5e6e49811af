//! Text inside an HTML table: spans, nesting, markup in cells.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let html = format!("<table>{text}</table>");
    common::check(yesan::analyze_text(&html, &yesan::Options::default()));
});
