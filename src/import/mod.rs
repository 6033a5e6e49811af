//! Readers, one per input format. Each turns its input into rows and feeds
//! them to `BudgetBuilder`; none of them computes anything. A spreadsheet
//! is recognised by its first bytes and read sheet by sheet (`sheet`).

#[cfg(feature = "spreadsheet")]
pub mod archive;
pub mod basis;
pub(crate) mod builder;
pub(crate) mod cells;
#[cfg(feature = "spreadsheet")]
pub mod cfb;
pub mod cp949;
pub mod decode;
pub mod delimited;
pub mod encoding;
pub mod head;
pub mod html;
pub mod package;
#[cfg(not(target_arch = "wasm32"))]
pub mod parallel;
pub mod parts;
pub(crate) mod pivot;
pub mod prepared;
pub mod series;
pub mod shape;
pub mod sheet;
pub mod split;
#[cfg(feature = "spreadsheet")]
pub mod spreadsheet;
pub mod stream;
pub mod table;
pub(crate) mod totals;
pub mod transpose;

use crate::budget::Budget;
use crate::error::{Error, ErrorKind};
use crate::options::Options;

/// Inputs larger than this are read as a stream of delimited text.
pub const WHOLE_BYTES: usize = 32 * 1024 * 1024;

/// Reads a budget from the bytes of a file: checks the size limit, decodes
/// the text (detecting its encoding) and reads it as a table.
pub fn read_bytes(bytes: &[u8], options: &Options) -> Result<Budget, Error> {
    read_bytes_on(bytes, options, 1)
}

/// [`read_bytes`], a large delimited text's rows read on up to `threads`
/// threads (natively; one in WebAssembly). The budget is the same.
pub fn read_bytes_on(bytes: &[u8], options: &Options, threads: usize) -> Result<Budget, Error> {
    options.validate()?;
    check_size(bytes.len(), options)?;
    if sheet::looks_like(bytes) {
        return read_spreadsheet(bytes, options);
    }
    if bytes.len() > WHOLE_BYTES {
        // A report table is never this large: read it as delimited text,
        // straight from the bytes when they are UTF-8, else decoded as a
        // stream, without a decoded copy of the whole input.
        return match encoding::as_utf8(bytes, options.forced_encoding()?) {
            Some(text) => {
                read_delimited(text, Some(encoding::TextEncoding::Utf8), options, threads)
            }
            None => stream::read_stream(bytes, options),
        };
    }
    let (text, encoding) = encoding::decode(bytes, options.forced_encoding()?)?;
    read_decoded(&text, Some(encoding), options, threads)
}

/// Delimited text, on `threads` threads where there are threads.
fn read_delimited(
    text: &str,
    encoding: Option<encoding::TextEncoding>,
    options: &Options,
    threads: usize,
) -> Result<Budget, Error> {
    #[cfg(not(target_arch = "wasm32"))]
    if threads > 1 {
        return parallel::read(text, encoding, options, threads);
    }
    let _ = threads;
    delimited::read(text, encoding, options)
}

/// Reads with the options a Fiscal Data Package states (the `package`
/// option), if any, and says so in the budget's warnings.
pub fn described(
    options: &Options,
    read: impl FnOnce(&Options) -> Result<Budget, Error>,
) -> Result<Budget, Error> {
    let Some(descriptor) = &options.package else {
        return read(options);
    };
    let mut budget = read(&package::apply(options)?)?;
    let (ko, en) = package::summary(descriptor);
    budget.note("fiscal_data_package", ko, en);
    Ok(budget)
}

/// A spreadsheet, read with calamine where the feature `spreadsheet` is on;
/// a ZIP archive that is not a workbook, by what it holds.
#[cfg(feature = "spreadsheet")]
fn read_spreadsheet(bytes: &[u8], options: &Options) -> Result<Budget, Error> {
    if bytes.starts_with(b"PK\x03\x04") && !archive::is_workbook(bytes) {
        return read_archive(bytes, options);
    }
    sheet::read_workbook(spreadsheet::open(bytes, options)?, options)
}

/// The files of a ZIP archive: a Fiscal Data Package (its
/// `datapackage.json` and the CSV it describes), several files of a series,
/// or one file.
#[cfg(feature = "spreadsheet")]
fn read_archive(bytes: &[u8], options: &Options) -> Result<Budget, Error> {
    let entries = archive::entries(bytes, options)?;
    if let Some(json) = entries.iter().find(|e| e.name == "datapackage.json") {
        let descriptor: package::Descriptor = serde_json::from_slice(&json.data).map_err(|e| {
            Error::new(ErrorKind::InvalidOption).with_detail(
                format!("datapackage.json: {e}"),
                format!("datapackage.json: {e}"),
            )
        })?;
        let wanted = descriptor
            .first_path()
            .map(|p| p.rsplit('/').next().unwrap_or(p).to_string());
        let others: Vec<&archive::Entry> = entries.iter().filter(|e| e.name != json.name).collect();
        let data = others
            .iter()
            .find(|e| Some(&e.name) == wanted.as_ref())
            .or(others.first().filter(|_| others.len() == 1))
            .ok_or_else(|| no_file_in_archive(wanted.as_deref().unwrap_or("CSV")))?;
        let described_options = Options {
            package: Some(descriptor),
            ..options.clone()
        };
        return described(&described_options, |o| read_bytes(&data.data, o));
    }
    match entries.as_slice() {
        [] => Err(no_file_in_archive("CSV")),
        [one] => read_bytes(&one.data, options),
        many => {
            let each = options.for_each_file();
            let parts = many
                .iter()
                .map(|e| {
                    Ok(series::Part {
                        name: e.name.clone(),
                        budget: read_bytes(&e.data, &each)?,
                    })
                })
                .collect::<Result<Vec<_>, Error>>()?;
            series::read(parts, options)
        }
    }
}

#[cfg(feature = "spreadsheet")]
fn no_file_in_archive(name: &str) -> Error {
    Error::new(ErrorKind::Empty).with_detail(
        format!("압축 파일에 읽을 파일({name})이 없습니다"),
        format!("the archive holds no file to read ({name})"),
    )
}

/// Without the spreadsheet reader (the core WebAssembly module), a
/// spreadsheet is named as such rather than called "not text".
#[cfg(not(feature = "spreadsheet"))]
fn read_spreadsheet(_bytes: &[u8], _options: &Options) -> Result<Budget, Error> {
    Err(Error::new(ErrorKind::Spreadsheet).with_detail(
        "JavaScript에서는 readSpreadsheet()로 먼저 읽습니다",
        "in JavaScript, read it with readSpreadsheet() first",
    ))
}

/// Reads a budget from text that is already decoded (a string from a paste box).
pub fn read_text(text: &str, options: &Options) -> Result<Budget, Error> {
    options.validate()?;
    check_size(text.len(), options)?;
    read_decoded(
        text.strip_prefix('\u{FEFF}').unwrap_or(text),
        None,
        options,
        1,
    )
}

/// HTML tables when the text holds one, else delimited text. Without the
/// feature `html`, a text with a table is handed back to be prepared by
/// the second module (`prepared`).
fn read_decoded(
    text: &str,
    encoding: Option<encoding::TextEncoding>,
    options: &Options,
    threads: usize,
) -> Result<Budget, Error> {
    if html::has_table(text) {
        #[cfg(feature = "html")]
        if let Some(grid) = html::best_table(html::tables(text)?) {
            return read_html(grid, encoding, options);
        }
        #[cfg(not(feature = "html"))]
        return Err(Error::new(ErrorKind::HtmlNotLoaded));
    }
    read_plain(text, encoding, options, threads)
}

/// An HTML table laid out on a grid.
fn read_html(
    grid: html::Grid,
    encoding: Option<encoding::TextEncoding>,
    options: &Options,
) -> Result<Budget, Error> {
    let info = table::SourceInfo {
        format: "html",
        encoding,
        delimiter: None,
        names: None,
    };
    let mut records = table::GridRecords::new(grid.rows, 1).hinting(grid.bold);
    table::assemble(&mut records, info, options)
}

/// Delimited text, or a calculation basis where no column holds amounts.
fn read_plain(
    text: &str,
    encoding: Option<encoding::TextEncoding>,
    options: &Options,
    threads: usize,
) -> Result<Budget, Error> {
    match read_delimited(text, encoding, options, threads) {
        Err(error) if error.kind() == ErrorKind::NoAmountColumn && basis::looks_like(text) => {
            read_basis(text, encoding, options)
        }
        other => other,
    }
}

/// A calculation basis (산출근거) read as a table of items.
fn read_basis(
    text: &str,
    encoding: Option<encoding::TextEncoding>,
    options: &Options,
) -> Result<Budget, Error> {
    let (rows, hinted) = basis::grid(text);
    let header_line = rows
        .first()
        .map_or(1, |(line, _)| line.saturating_sub(1).max(1));
    let mut grid = vec![(
        header_line,
        basis::HEADER
            .iter()
            .map(|h| h.to_string())
            .collect::<Vec<_>>(),
    )];
    grid.extend(rows);
    let info = table::SourceInfo {
        format: "basis",
        encoding,
        delimiter: None,
        names: Some(1),
    };
    table::assemble(
        &mut table::GridRecords::with_lines(grid).hinting(hinted),
        info,
        options,
    )
}

pub(crate) fn check_size(len: usize, options: &Options) -> Result<(), Error> {
    let max = options.limits.max_bytes;
    if len > max {
        return Err(Error::new(ErrorKind::TooLarge).with_detail(
            format!("{} 바이트, 최대 {} 바이트", len, max),
            format!("{len} bytes, at most {max}"),
        ));
    }
    Ok(())
}
