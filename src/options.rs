//! Options for reading and analysing a budget, and the documented limits.
//! From JavaScript they arrive as a plain object (camelCase keys); an unknown
//! key is an error rather than silently ignored.

use crate::columns::ColumnOverride;
use crate::error::{Error, ErrorKind};
use crate::source::TextEncoding;
use crate::unit::Unit;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Everything a caller may set. All fields are optional.
///
/// Reading uses `encoding`, `delimiter`, `unit`, `columns` and `limits`;
/// analysis uses `by`, `growth`, `execution` and `precision`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Overrides encoding detection: `utf-8`, `utf-16le`, `utf-16be`, `cp949`,
    /// `euc-kr`, `windows-1252` (also `latin1`, `iso-8859-1`).
    pub encoding: Option<String>,
    /// Overrides delimiter sniffing: `,`, `\t`, `;` or `|`.
    pub delimiter: Option<char>,
    /// More marks that stand for a figure not given in an amount or rate
    /// cell (`["x", "*"]`), besides empty cells, dashes and the built-in
    /// `nfp`, `n.a.`, `N/A`, `N/R`, `na`, `..`, `n.p.`.
    pub not_given: Option<Vec<String>>,
    /// The decimal mark: `.` (`1,234.5`) or `,` (`1.234,5`). Default: detected.
    pub decimal: Option<char>,
    /// The 1-based line of the header row, when it is not the one found
    /// (below a title block and a row of groups).
    pub header_row: Option<usize>,
    /// A Fiscal Data Package's descriptor (`datapackage.json`, parsed): what
    /// its model states of the columns is taken over the reader's guesses.
    pub package: Option<crate::import::package::Descriptor>,
    /// The sheet of a spreadsheet to read: its name, or its place from 1.
    /// Default: the first sheet that holds a budget table.
    pub sheet: Option<SheetChoice>,
    /// The currency of the amounts (ISO 4217: `"USD"`, `"EUR"`), when the
    /// file does not state it.
    pub currency: Option<String>,
    /// The unit of amount columns whose header states none, overriding a caption.
    pub unit: Option<Unit>,
    /// Corrections of column inference, by column name.
    pub columns: BTreeMap<String, ColumnOverride>,
    /// Dimension columns for the rollup, outermost first. Default: every
    /// dimension column, left to right.
    pub by: Option<Vec<String>>,
    /// The two amount columns to compare. Default: from the roles.
    pub growth: Option<GrowthSpec>,
    /// The executed column and the budget it is measured against. Default:
    /// from the roles (예산현액, or 예산액 when there is no current budget).
    pub execution: Option<ExecutionSpec>,
    /// Decimals of rates and shares in the report.
    pub precision: Precision,
    /// Size limits; see [`Limits`].
    pub limits: Limits,
    /// The budget is read for one report only (as [`crate::analyze`] does):
    /// of a file too large to be held whole, only the dimension columns in
    /// `by` are kept, which saves most of the reading. Not an option of the
    /// JavaScript API.
    #[serde(skip)]
    pub one_report: bool,
    /// Every year column is spread into columns, whatever the number of
    /// amount columns (the stacked table of a series). Not an option of
    /// the JavaScript API.
    #[serde(skip)]
    pub pivot_years: bool,
}

/// A sheet of a workbook, by name (`"세출"`) or by place from 1 (`2`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum SheetChoice {
    Number(usize),
    Name(String),
}

/// Growth from one amount column to another (증감, 증감률).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthSpec {
    pub from: String,
    pub to: String,
}

/// Execution rate = `executed` ÷ `budget` (집행률).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExecutionSpec {
    pub executed: String,
    pub budget: String,
}

/// How many decimals rates and shares are rounded to (half up) in a report.
/// Amounts are never rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Precision {
    /// Growth and execution rates, in percent. Default 1.
    pub rate: u32,
    /// Shares of the parent and of the whole, in percent. Default 2.
    pub share: u32,
}

impl Default for Precision {
    fn default() -> Self {
        Precision { rate: 1, share: 2 }
    }
}

/// The limits every input is held to, each refused with its own error.
///
/// | limit | default |
/// | --- | --- |
/// | `maxBytes` | 256 MiB of input |
/// | `maxRows` | 10,000,000 data rows |
/// | `maxColumns` | 1,000 columns |
/// | `maxFieldChars` | 10,000 characters in one cell |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_rows: usize,
    pub max_columns: usize,
    pub max_field_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 256 * 1024 * 1024,
            max_rows: 10_000_000,
            max_columns: 1_000,
            max_field_chars: 10_000,
        }
    }
}

/// The most decimals a rate or share may be asked for.
pub const MAX_PRECISION: u32 = 12;

impl Options {
    /// These options, for a budget read for one report only.
    pub(crate) fn for_one_report(&self) -> Options {
        Options {
            one_report: true,
            ..self.clone()
        }
    }

    /// The encoding the caller forces, if any.
    pub fn forced_encoding(&self) -> Result<Option<TextEncoding>, Error> {
        match &self.encoding {
            None => Ok(None),
            Some(label) => TextEncoding::from_label(label).map(Some).ok_or_else(|| {
                Error::new(ErrorKind::InvalidOption).with_detail(
                    format!(
                        "알 수 없는 인코딩 '{label}' (utf-8, utf-16le, utf-16be, cp949, windows-1252 중 하나)"
                    ),
                    format!("unknown encoding '{label}' (one of utf-8, utf-16le, utf-16be, cp949, windows-1252)"),
                )
            }),
        }
    }

    /// Checks what serde cannot: sensible precision and delimiter.
    /// The options each file of a series is read with: its reading
    /// options, not the analysis of the whole series.
    pub fn for_each_file(&self) -> Options {
        Options {
            by: None,
            growth: None,
            execution: None,
            ..self.clone()
        }
    }

    pub fn validate(&self) -> Result<(), Error> {
        if self.precision.rate > MAX_PRECISION || self.precision.share > MAX_PRECISION {
            return Err(Error::new(ErrorKind::InvalidOption).with_detail(
                format!("소수 자릿수는 {MAX_PRECISION} 이하여야 합니다"),
                format!("precision must be at most {MAX_PRECISION} decimals"),
            ));
        }
        if let Some(delimiter) = self.delimiter {
            if !matches!(delimiter, ',' | '\t' | ';' | '|') {
                return Err(Error::new(ErrorKind::InvalidOption).with_detail(
                    format!("구분자 '{delimiter}'는 쓸 수 없습니다 (쉼표, 탭, 세미콜론, 세로선)"),
                    format!("delimiter '{delimiter}' is not one of comma, tab, semicolon, pipe"),
                ));
            }
        }
        if let Some(code) = &self.currency {
            if !crate::currency::is_code(code) {
                return Err(Error::new(ErrorKind::InvalidOption).with_detail(
                    format!("통화 '{code}'는 ISO 4217 코드가 아닙니다 (예: KRW, USD, EUR)"),
                    format!("currency '{code}' is not an ISO 4217 code (e.g. KRW, USD, EUR)"),
                ));
            }
        }
        if let Some(mark) = self.decimal {
            if !matches!(mark, '.' | ',') {
                return Err(Error::new(ErrorKind::InvalidOption).with_detail(
                    format!("소수점 '{mark}'는 쓸 수 없습니다 (점 또는 쉼표)"),
                    format!("decimal mark '{mark}' is neither a point nor a comma"),
                ));
            }
        }
        self.forced_encoding().map(|_| ())
    }
}

/// The keys an options object may have, object by object. Readers that skip
/// the keys they do not know (serde-wasm-bindgen reads only the fields it
/// looks for) check them against this, so that a misspelt option is an
/// error, not ignored. A test keeps it the same as the structs' fields.
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    /// An object with these keys, each with what its value may hold.
    Object(&'static [(&'static str, Keys)]),
    /// An object whose keys are names (of columns), each value like this.
    Map(&'static Keys),
    /// Anything else: a string, a number, an array, `null`.
    Value,
}

const COLUMN_KEYS: Keys = Keys::Object(&[
    ("kind", Keys::Value),
    ("role", Keys::Value),
    ("unit", Keys::Value),
    ("year", Keys::Value),
]);

/// The keys of [`Options`].
pub const OPTION_KEYS: Keys = Keys::Object(&[
    ("encoding", Keys::Value),
    ("delimiter", Keys::Value),
    ("notGiven", Keys::Value),
    ("decimal", Keys::Value),
    ("headerRow", Keys::Value),
    ("package", Keys::Value),
    ("sheet", Keys::Value),
    ("currency", Keys::Value),
    ("unit", Keys::Value),
    ("columns", Keys::Map(&COLUMN_KEYS)),
    ("by", Keys::Value),
    (
        "growth",
        Keys::Object(&[("from", Keys::Value), ("to", Keys::Value)]),
    ),
    (
        "execution",
        Keys::Object(&[("executed", Keys::Value), ("budget", Keys::Value)]),
    ),
    (
        "precision",
        Keys::Object(&[("rate", Keys::Value), ("share", Keys::Value)]),
    ),
    (
        "limits",
        Keys::Object(&[
            ("maxBytes", Keys::Value),
            ("maxRows", Keys::Value),
            ("maxColumns", Keys::Value),
            ("maxFieldChars", Keys::Value),
        ]),
    ),
]);

#[cfg(test)]
mod key_tests {
    use super::*;

    /// The fields serde knows for a struct, from its error for an unknown one.
    fn fields<T: for<'de> Deserialize<'de>>() -> Vec<String> {
        let error = serde_json::from_str::<T>(r#"{"~probe~":0}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        // "… expected one of `a`, `b`, `c`", "… expected `a` or `b`".
        let list = error.split("expected").nth(1).unwrap_or_default();
        list.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    fn keys(keys: Keys) -> Vec<String> {
        match keys {
            Keys::Object(entries) => entries.iter().map(|(k, _)| k.to_string()).collect(),
            _ => Vec::new(),
        }
    }

    fn entry(keys: Keys, name: &str) -> Keys {
        match keys {
            Keys::Object(entries) => entries
                .iter()
                .find(|(k, _)| *k == name)
                .map_or(Keys::Value, |(_, v)| *v),
            _ => Keys::Value,
        }
    }

    #[test]
    fn the_keys_are_the_fields() {
        assert_eq!(keys(OPTION_KEYS), fields::<Options>());
        assert_eq!(keys(entry(OPTION_KEYS, "growth")), fields::<GrowthSpec>());
        assert_eq!(
            keys(entry(OPTION_KEYS, "execution")),
            fields::<ExecutionSpec>()
        );
        assert_eq!(keys(entry(OPTION_KEYS, "precision")), fields::<Precision>());
        assert_eq!(keys(entry(OPTION_KEYS, "limits")), fields::<Limits>());
        let Keys::Map(column) = entry(OPTION_KEYS, "columns") else {
            panic!("columns is a map of column names");
        };
        assert_eq!(keys(*column), fields::<crate::columns::ColumnOverride>());
    }
}
