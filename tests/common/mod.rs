//! Helpers shared by the integration tests: reading fixtures and finding
//! nodes of a report by name.
#![allow(dead_code)]

use rust_decimal::Decimal;
use yesan::report::NodeReport;
use yesan::{Options, Report};

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn options(json: &str) -> Options {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

pub fn report(name: &str, json: &str) -> Report {
    yesan::analyze(&fixture(name), &options(json)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The node reached by following `path` of names from the root.
pub fn node<'a>(report: &'a Report, path: &[&str]) -> &'a NodeReport {
    let mut at = &report.tree;
    for name in path {
        at = at
            .children
            .iter()
            .find(|child| child.name == *name)
            .unwrap_or_else(|| panic!("no node {name:?} under {:?}", at.path));
    }
    at
}

pub fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The amount of a node's column as a decimal.
pub fn amount(node: &NodeReport, column: &str) -> Decimal {
    dec(node
        .amounts
        .get(column)
        .unwrap_or_else(|| panic!("no {column} in {:?}", node.path)))
}

/// Whether a rate published rounded to `places` decimals can come from some
/// exact amounts that round to the shown `part` and `whole` (each shown
/// amount stands for ± half of its last unit, `unit`; `leaves` shown amounts
/// were added to make each side).
pub fn rate_is_possible(
    published: Decimal,
    part: Decimal,
    whole: Decimal,
    unit: Decimal,
    leaves: u32,
    places: u32,
) -> bool {
    let slack = unit / Decimal::TWO * Decimal::from(leaves);
    let hundred = Decimal::ONE_HUNDRED;
    let low = (part - slack).max(Decimal::ZERO) * hundred / (whole + slack);
    let high = (part + slack) * hundred / (whole - slack);
    let half = Decimal::new(5, places + 1);
    published + half >= low && published - half <= high
}

/// `(column, total)` of every amount column.
pub fn totals(report: &Report) -> Vec<(&str, Option<&str>)> {
    report
        .totals
        .iter()
        .map(|t| (t.column.as_str(), t.value.as_deref()))
        .collect()
}

/// A ZIP archive of fixtures, made here (deflated).
pub fn zipped(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::new();
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
    for (name, data) in files {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap();
    out
}
