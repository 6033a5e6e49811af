//! The one error type of yesan: what went wrong, where (row and column), and
//! how to say it to a citizen in Korean and in English.
//!
//! Rows are counted the way a person sees the file: the first line of the
//! file is row 1, and a record that spans several lines (a quoted cell with a
//! line break) is named by the line it starts on. Columns are counted from 1.

use std::fmt;

/// What kind of problem an [`Error`] is. The `code` of each kind is stable:
/// it is what JavaScript sees as `error.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The input holds nothing but white space.
    Empty,
    /// There is a header but not a single data row under it.
    HeaderOnly,
    /// The bytes are not text at all (an image, a zip file, random bytes).
    NotText,
    /// The bytes are not valid in the encoding that was asked for or detected.
    Encoding,
    /// A row has a different number of cells than the header.
    RaggedRow,
    /// A quoted cell is opened and never closed.
    UnterminatedQuote,
    /// A cell of an amount column is not a number.
    NotANumber,
    /// A number is beyond what can be computed exactly (28 significant digits).
    OutOfRange,
    /// A number has more decimals than can be kept exactly (28 after the point).
    TooPrecise,
    /// The input is larger than the size limit.
    TooLarge,
    /// The input has more rows than the row limit.
    TooManyRows,
    /// The input has more columns than the column limit.
    TooManyColumns,
    /// A single cell is longer than the field-length limit.
    FieldTooLong,
    /// No column holds amounts, so there is nothing to add up.
    NoAmountColumn,
    /// An option names a column that the file does not have.
    UnknownColumn,
    /// An option is not understood.
    InvalidOption,
    /// The input would take more work than its size allows (an HTML table
    /// whose spans make a grid far larger than the text, …): refused before
    /// the work is done, so that no input can stall or exhaust the page.
    TooComplex,
    /// A spreadsheet (.xlsx, .xls, .ods) given where the spreadsheet reader
    /// is not at hand: in JavaScript, `readSpreadsheet` reads it first.
    Spreadsheet,
    /// A spreadsheet that cannot be read: damaged, encrypted, or not a
    /// workbook after all.
    BadSpreadsheet,
    /// CP949 text where the CP949 index is not loaded (the core
    /// WebAssembly module, which loads it on the first CP949 file).
    Cp949NotLoaded,
    /// An HTML table where the HTML reader is not at hand (the core
    /// WebAssembly module: the second module reads it).
    HtmlNotLoaded,
    /// Japanese or Chinese text (Shift_JIS, EUC-JP, GBK, Big5), or text
    /// whose encoding needs the detector, where those readers are not at
    /// hand (the core WebAssembly module: the second module decodes it).
    EncodingNotLoaded,
}

impl ErrorKind {
    /// The stable machine-readable code of this kind, e.g. `"not_a_number"`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::HeaderOnly => "header_only",
            ErrorKind::NotText => "not_text",
            ErrorKind::Encoding => "encoding",
            ErrorKind::RaggedRow => "ragged_row",
            ErrorKind::UnterminatedQuote => "unterminated_quote",
            ErrorKind::NotANumber => "not_a_number",
            ErrorKind::OutOfRange => "out_of_range",
            ErrorKind::TooPrecise => "too_precise",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::TooManyRows => "too_many_rows",
            ErrorKind::TooManyColumns => "too_many_columns",
            ErrorKind::FieldTooLong => "field_too_long",
            ErrorKind::NoAmountColumn => "no_amount_column",
            ErrorKind::UnknownColumn => "unknown_column",
            ErrorKind::InvalidOption => "invalid_option",
            ErrorKind::TooComplex => "too_complex",
            ErrorKind::Spreadsheet => "spreadsheet",
            ErrorKind::BadSpreadsheet => "bad_spreadsheet",
            ErrorKind::Cp949NotLoaded => "cp949_not_loaded",
            ErrorKind::HtmlNotLoaded => "html_not_loaded",
            ErrorKind::EncodingNotLoaded => "encoding_not_loaded",
        }
    }

    fn describe_ko(self) -> &'static str {
        match self {
            ErrorKind::Empty => "파일이 비어 있습니다",
            ErrorKind::HeaderOnly => "제목 행만 있고 자료 행이 없습니다",
            ErrorKind::NotText => "표 형식의 텍스트 파일이 아닙니다",
            ErrorKind::Encoding => "글자 인코딩을 읽을 수 없습니다",
            ErrorKind::RaggedRow => "칸 수가 제목 행과 다릅니다",
            ErrorKind::UnterminatedQuote => "따옴표(\")가 열린 채 닫히지 않았습니다",
            ErrorKind::NotANumber => "금액 칸에 숫자가 아닌 값이 있습니다",
            ErrorKind::OutOfRange => "숫자가 너무 커서 정확히 계산할 수 없습니다",
            ErrorKind::TooPrecise => "소수점 아래 자릿수가 너무 많아 정확히 계산할 수 없습니다",
            ErrorKind::TooLarge => "파일이 너무 큽니다",
            ErrorKind::TooManyRows => "행이 너무 많습니다",
            ErrorKind::TooManyColumns => "열이 너무 많습니다",
            ErrorKind::FieldTooLong => "한 칸의 내용이 너무 깁니다",
            ErrorKind::NoAmountColumn => "금액 열을 찾지 못했습니다",
            ErrorKind::UnknownColumn => "그런 이름의 열이 없습니다",
            ErrorKind::InvalidOption => "설정값을 이해할 수 없습니다",
            ErrorKind::TooComplex => "표가 너무 복잡해 정해진 계산량 안에 읽을 수 없습니다",
            ErrorKind::Spreadsheet => {
                "스프레드시트(엑셀) 파일이라 스프레드시트 읽기 모듈로 읽어야 합니다"
            }
            ErrorKind::BadSpreadsheet => {
                "스프레드시트 파일을 읽을 수 없습니다 (손상되었거나 암호가 걸린 파일)"
            }
            ErrorKind::Cp949NotLoaded => "CP949 글자표를 불러온 뒤에 읽을 수 있는 파일입니다",
            ErrorKind::HtmlNotLoaded => "HTML 표 읽기 모듈을 불러온 뒤에 읽을 수 있는 파일입니다",
            ErrorKind::EncodingNotLoaded => {
                "일본어·중국어 인코딩 읽기 모듈을 불러온 뒤에 읽을 수 있는 파일입니다"
            }
        }
    }

    fn describe_en(self) -> &'static str {
        match self {
            ErrorKind::Empty => "the file is empty",
            ErrorKind::HeaderOnly => "there is a header but no data rows",
            ErrorKind::NotText => "this is not a text table",
            ErrorKind::Encoding => "the text encoding cannot be read",
            ErrorKind::RaggedRow => "the row does not have as many cells as the header",
            ErrorKind::UnterminatedQuote => "a quote (\") is opened and never closed",
            ErrorKind::NotANumber => "an amount cell holds something that is not a number",
            ErrorKind::OutOfRange => "the number is too large to compute exactly",
            ErrorKind::TooPrecise => "the number has too many decimals to compute exactly",
            ErrorKind::TooLarge => "the file is too large",
            ErrorKind::TooManyRows => "the file has too many rows",
            ErrorKind::TooManyColumns => "the file has too many columns",
            ErrorKind::FieldTooLong => "a cell is too long",
            ErrorKind::NoAmountColumn => "no column of amounts was found",
            ErrorKind::UnknownColumn => "there is no column of that name",
            ErrorKind::InvalidOption => "an option is not understood",
            ErrorKind::TooComplex => "the table would take more work to read than its size allows",
            ErrorKind::Spreadsheet => {
                "this is a spreadsheet (Excel) file, to be read with the spreadsheet reader"
            }
            ErrorKind::BadSpreadsheet => "the spreadsheet cannot be read (damaged or encrypted)",
            ErrorKind::Cp949NotLoaded => {
                "this file is CP949 text, read once the CP949 index is loaded"
            }
            ErrorKind::HtmlNotLoaded => {
                "this file holds an HTML table, read once the HTML reader is loaded"
            }
            ErrorKind::EncodingNotLoaded => {
                "this file's text is in a Japanese or Chinese encoding, read once the reader of those encodings is loaded"
            }
        }
    }
}

/// An error with its kind, the row and column it is about (when it is about
/// one), and a detail that quotes the offending value or limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    row: Option<usize>,
    column: Option<usize>,
    column_name: Option<String>,
    detail_ko: Option<String>,
    detail_en: Option<String>,
}

impl Error {
    /// An error of `kind`, not yet placed at a row or column.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            row: None,
            column: None,
            column_name: None,
            detail_ko: None,
            detail_en: None,
        }
    }

    /// Places the error at a row (1-based line of the file).
    pub fn at_row(mut self, row: usize) -> Error {
        self.row = Some(row);
        self
    }

    /// Places the error at a column (1-based) and names it.
    pub fn at_column(mut self, column: usize, name: &str) -> Error {
        self.column = Some(column);
        if !name.is_empty() {
            self.column_name = Some(name.to_string());
        }
        self
    }

    /// Adds a detail in both languages (the offending value, the limit, …).
    pub fn with_detail(mut self, ko: impl Into<String>, en: impl Into<String>) -> Error {
        self.detail_ko = Some(ko.into());
        self.detail_en = Some(en.into());
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code of the kind, as JavaScript sees it.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// 1-based row (line of the file) the error is about, if any.
    pub fn row(&self) -> Option<usize> {
        self.row
    }

    /// 1-based column the error is about, if any.
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    /// Header of the column the error is about, if known.
    pub fn column_name(&self) -> Option<&str> {
        self.column_name.as_deref()
    }

    /// The whole message in Korean, e.g.
    /// `12행 9열('예산액'): 금액 칸에 숫자가 아닌 값이 있습니다 — '십만원'`.
    pub fn message_ko(&self) -> String {
        let mut place = String::new();
        if let Some(row) = self.row {
            place.push_str(&format!("{row}행"));
        }
        if let Some(column) = self.column {
            if !place.is_empty() {
                place.push(' ');
            }
            place.push_str(&format!("{column}열"));
            if let Some(name) = &self.column_name {
                place.push_str(&format!("('{name}')"));
            }
        }
        compose(&place, self.kind.describe_ko(), self.detail_ko.as_deref())
    }

    /// The whole message in English, e.g.
    /// `Row 12, column 9 ('예산액'): an amount cell holds something that is not a number — '십만원'`.
    pub fn message_en(&self) -> String {
        let mut place = String::new();
        if let Some(row) = self.row {
            place.push_str(&format!("Row {row}"));
        }
        if let Some(column) = self.column {
            if place.is_empty() {
                place.push_str(&format!("Column {column}"));
            } else {
                place.push_str(&format!(", column {column}"));
            }
            if let Some(name) = &self.column_name {
                place.push_str(&format!(" ('{name}')"));
            }
        }
        let mut message = compose(&place, self.kind.describe_en(), self.detail_en.as_deref());
        if place.is_empty() {
            capitalize_first(&mut message);
        }
        message
    }
}

fn compose(place: &str, description: &str, detail: Option<&str>) -> String {
    let mut message = String::new();
    if !place.is_empty() {
        message.push_str(place);
        message.push_str(": ");
    }
    message.push_str(description);
    if let Some(detail) = detail {
        message.push_str(" — ");
        message.push_str(detail);
    }
    message
}

fn capitalize_first(text: &mut String) {
    if let Some(first) = text.chars().next() {
        let upper: String = first.to_uppercase().collect();
        text.replace_range(..first.len_utf8(), &upper);
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

/// Shortens a cell's text for quoting it in a message.
pub(crate) fn quote_value(value: &str) -> String {
    const MAX: usize = 40;
    let mut shown: String = value.chars().take(MAX).collect();
    if value.chars().count() > MAX {
        shown.push('…');
    }
    format!("'{shown}'")
}

#[cfg(test)]
mod tests;
