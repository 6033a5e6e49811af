// Shared by the targets: what every report must satisfy, whatever the input.
use yesan::{Error, Report};

/// An error carries its code and both messages; a report's totals are
/// decimal strings. Anything else (a panic) is what the fuzzer looks for.
pub fn check(result: Result<Report, Error>) {
    match result {
        Ok(report) => {
            for total in &report.totals {
                if let Some(value) = &total.value {
                    assert!(value.parse::<rust_decimal::Decimal>().is_ok(), "{value}");
                }
            }
            assert!(report.tree.depth == 0);
        }
        Err(error) => {
            assert!(!error.code().is_empty());
            assert!(!error.message_ko().is_empty() && !error.message_en().is_empty());
        }
    }
}
