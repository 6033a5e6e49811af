//! # yesan (예산)
//!
//! Exact analysis of public budget data: totals and subtotals along a
//! budget hierarchy, shares, year-on-year growth and execution rates
//! (집행률), all in decimal arithmetic ([`rust_decimal`]), never floats.
//!
//! The core is plain Rust (no wasm-bindgen, no I/O) and is driven the same
//! way by the tests, the WebAssembly bindings and the page:
//!
//! ```
//! let csv = "부서,예산액,집행액\n시민소통담당관,\"12,198\",\"6,135\"\n도시브랜드담당관,\"2,960\",\"2,610\"\n";
//! let report = yesan::analyze(csv.as_bytes(), &yesan::Options::default()).unwrap();
//! assert_eq!(report.totals[0].value.as_deref(), Some("15158"));
//! assert_eq!(report.execution.unwrap().rate.as_deref(), Some("57.7"));
//! ```
//!
//! Reading is one module per input format under [`import`]; each analysis
//! is one module under [`analysis`]; [`report`] rounds for presentation.
//! Amount columns are stored compactly ([`values`]) and summed exactly as
//! 128-bit integers ([`analysis::sum`]).

pub mod amount;
pub mod analysis;
pub mod audit;
pub mod budget;
pub mod columns;
pub mod currency;
pub mod error;
pub mod format;
pub mod hierarchy;
pub mod import;
pub mod korean;
pub mod markup;
pub mod options;
pub mod report;
pub mod source;
pub mod unit;
pub mod values;

#[cfg(target_arch = "wasm32")]
pub mod js_error;
#[cfg(all(target_arch = "wasm32", feature = "js"))]
mod wasm;

pub use budget::{Budget, Warning};
pub use columns::{Column, ColumnKind, Role};
pub use error::{Error, ErrorKind};
pub use options::{Limits, Options};
pub use report::Report;
pub use unit::Unit;

impl Budget {
    /// Reads a budget from the bytes of a file (any supported encoding).
    pub fn read(bytes: &[u8], options: &Options) -> Result<Budget, Error> {
        import::described(options, |o| import::read_bytes(bytes, o))
    }

    /// [`Budget::read`], the rows of a large CSV or TSV read on up to
    /// `threads` threads (natively; WebAssembly reads on one). The budget,
    /// and every report of it, is the same as one thread's, byte for byte.
    pub fn read_on_threads(
        bytes: &[u8],
        options: &Options,
        threads: usize,
    ) -> Result<Budget, Error> {
        import::described(options, |o| import::read_bytes_on(bytes, o, threads))
    }

    /// Reads a budget from a source of bytes chunk by chunk, never holding
    /// the whole input (CSV and TSV only; for files too large to hold).
    pub fn read_stream(source: impl std::io::Read, options: &Options) -> Result<Budget, Error> {
        import::described(options, |o| import::stream::read_stream(source, o))
    }

    /// Reads a budget from text that is already decoded.
    pub fn read_text(text: &str, options: &Options) -> Result<Budget, Error> {
        import::described(options, |o| import::read_text(text, o))
    }

    /// Reads a budget from a spreadsheet's sheets, already made text (by
    /// `import::spreadsheet::open`, or the second WebAssembly module).
    pub fn read_workbook(
        workbook: import::sheet::Workbook,
        options: &Options,
    ) -> Result<Budget, Error> {
        import::described(options, |o| import::sheet::read_workbook(workbook, o))
    }
}

/// Reads several files of one budget (one per year, or a budget and its
/// actuals) as one budget with a column per year: items lined up by name,
/// or by code where a code column names them (see [`import::series`]).
pub fn read_series(files: &[(&str, &[u8])], options: &Options) -> Result<Budget, Error> {
    let each = options.for_each_file();
    let parts = files
        .iter()
        .map(|&(name, bytes)| {
            Ok(import::series::Part {
                name: name.to_string(),
                budget: Budget::read(bytes, &each)?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    import::series::read(parts, options)
}

/// Reads the bytes of a file and analyses them in one step.
pub fn analyze(bytes: &[u8], options: &Options) -> Result<Report, Error> {
    Budget::read(bytes, &options.for_one_report())?.report(options)
}

/// [`analyze`], a large CSV or TSV read on up to `threads` threads (see
/// [`Budget::read_on_threads`]): the same report, sooner.
pub fn analyze_on_threads(
    bytes: &[u8],
    options: &Options,
    threads: usize,
) -> Result<Report, Error> {
    Budget::read_on_threads(bytes, &options.for_one_report(), threads)?.report(options)
}

/// Analyses text that is already decoded (a paste).
pub fn analyze_text(text: &str, options: &Options) -> Result<Report, Error> {
    Budget::read_text(text, options)?.report(options)
}
