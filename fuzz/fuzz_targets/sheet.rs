//! Spreadsheet files (.xlsx, .xls, .ods) from the seeds' workbooks, mutated:
//! calamine's reading, the grid's work budget, merged cells, the sheet
//! chosen. A damaged workbook must be an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use yesan::{Budget, Options};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let options = Options::default();
    match yesan::import::spreadsheet::open(data, &options) {
        Ok(workbook) => common::check(
            Budget::read_workbook(workbook, &options).and_then(|b| b.report(&options)),
        ),
        Err(error) => common::check(Err(error)),
    }
});
