//! Knowing the columns: which are dimensions (the budget hierarchy), which
//! hold amounts or rates, which is the year, and what each amount means
//! (adopted budget, current budget, executed, …), from the header and a
//! sample of the values. Every inference can be overridden.

use crate::amount::{parse_number, NumberError};
use crate::unit::{bracketed, Unit};
use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Text that groups rows: 소관, 부서, 사업명, … Left to right, the
    /// dimension columns are the default hierarchy.
    Dimension,
    /// The fiscal year (회계연도).
    Year,
    /// Money, added up in totals and subtotals.
    Amount,
    /// A percentage (집행률, 비율, 증감률): read, never added up.
    Rate,
    /// A column to leave out entirely.
    Ignored,
}

/// What an amount column means, when its header says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 예산액, 당초예산, 금년도예산: the budget as first adopted.
    Adopted,
    /// 예산현액: adopted + carried over + changes.
    Current,
    /// 집행액, 지출액: actually spent.
    Executed,
    /// 집행잔액, 잔액: unspent.
    Unspent,
    /// 전년이월: brought forward from last year.
    CarriedIn,
    /// 차년이월: carried to next year.
    CarriedOut,
    /// 예산변경: changes during the year.
    Change,
    /// 증감: a published difference.
    Difference,
    /// 전년도당초금액, 전년도예산: last year's adopted budget.
    Previous,
    /// 정부안: the government's proposal.
    Proposed,
    /// 국회확정: as passed by the legislature.
    Final,
    /// 추경: a supplementary budget.
    Supplementary,
}

/// One column of the table as yesan understood it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// 0-based position in the file.
    pub index: usize,
    pub name: String,
    pub kind: ColumnKind,
    pub role: Option<Role>,
    /// Unit of an amount column, from its header or the table's caption.
    pub unit: Option<Unit>,
    /// A year the header names (`2018년 예산` → 2018).
    pub year: Option<i32>,
    /// Whether the column is part of the default hierarchy.
    pub hierarchy: bool,
}

/// A user's correction of one column's inference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ColumnOverride {
    pub kind: Option<ColumnKind>,
    /// Absent: keep the inferred role; `null`: no role (a plain amount).
    #[serde(default, deserialize_with = "present")]
    pub role: Option<Option<Role>>,
    pub unit: Option<Unit>,
    pub year: Option<i32>,
}

/// Reads a field that is present (even as `null`) as `Some`, so that an
/// absent field and an explicit `null` can be told apart.
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// The header without spaces and bracketed parts, lower-cased:
/// `예산현액(A+B)` → `예산현액`.
fn normalize(header: &str) -> String {
    let mut text = header.to_string();
    for inner in bracketed(header) {
        for (open, close) in [('(', ')'), ('[', ']'), ('（', '）')] {
            text = text.replace(&format!("{open}{inner}{close}"), "");
        }
    }
    text.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|word| text.contains(word))
}

/// The role a header names, if any.
pub fn role_from_header(header: &str) -> Option<Role> {
    let h = normalize(header);
    let rules: [(&[&str], Role); 12] = [
        (&["예산현액", "currentbudget"], Role::Current),
        (&["집행잔액", "잔액", "불용액", "unspent"], Role::Unspent),
        (&["전년이월", "전년도이월", "이월(전년)"], Role::CarriedIn),
        (&["차년이월", "다음연도이월", "이월"], Role::CarriedOut),
        (&["예산변경", "변경"], Role::Change),
        (&["증감", "change", "difference"], Role::Difference),
        (
            &["집행", "지출", "결산", "executed", "spent", "expenditure"],
            Role::Executed,
        ),
        (&["추경", "supplementary"], Role::Supplementary),
        (&["정부안", "요구", "proposed", "proposal"], Role::Proposed),
        (
            &["국회확정", "확정", "의결", "final", "enacted"],
            Role::Final,
        ),
        (&["전년", "previous", "lastyear"], Role::Previous),
        (
            &["당초", "본예산", "예산", "budget", "금액", "amount"],
            Role::Adopted,
        ),
    ];
    rules
        .iter()
        .find(|(words, _)| contains_any(&h, words))
        .map(|(_, role)| *role)
}

/// A four-digit year named in the header: `2018년 예산`, `2015예산액 (A)`.
pub fn year_from_header(header: &str) -> Option<i32> {
    let bytes = header.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|at| {
        let window = &bytes[at..at + 4];
        let standalone = (at == 0 || !bytes[at - 1].is_ascii_digit())
            && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_digit());
        if standalone && window.iter().all(u8::is_ascii_digit) {
            let year = window.iter().fold(0, |y, d| y * 10 + i32::from(d - b'0'));
            (1900..=2100).contains(&year).then_some(year)
        } else {
            None
        }
    })
}

fn is_rate_header(h: &str) -> bool {
    contains_any(
        h,
        &[
            "률",
            "율",
            "%",
            "비중",
            "구성비",
            "*100",
            "rate",
            "share",
            "percent",
            "ratio",
        ],
    )
}

fn is_year_header(h: &str) -> bool {
    matches!(
        h,
        "연도" | "년도" | "회계연도" | "예산연도" | "기준연도" | "회계년도" | "year" | "fiscalyear"
    )
}

/// Remarks and descriptions are text, but not a level of the hierarchy.
fn is_note_header(h: &str) -> bool {
    contains_any(
        h,
        &[
            "비고",
            "메모",
            "설명",
            "세부내용",
            "산출근거",
            "note",
            "remark",
            "description",
        ],
    )
}

fn is_code_header(h: &str) -> bool {
    contains_any(h, &["코드", "code"])
        || matches!(h, "id" | "no" | "no." | "번호" | "순번" | "연번" | "순위")
}

/// Infers every column from its header and a sample of rows (each row a
/// list of cells). Overrides are applied afterwards with [`Column::apply`].
pub fn infer(header: &[String], sample: &[Vec<&str>], caption_unit: Option<Unit>) -> Vec<Column> {
    header
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let values = sample.iter().filter_map(|row| row.get(index).copied());
            infer_one(index, name, values, caption_unit)
        })
        .collect()
}

fn infer_one<'a>(
    index: usize,
    name: &str,
    values: impl Iterator<Item = &'a str>,
    caption_unit: Option<Unit>,
) -> Column {
    let h = normalize(name);
    let role = role_from_header(name);
    let (mut numbers, mut percents, mut texts) = (0usize, 0usize, 0usize);
    for value in values {
        match parse_number(value) {
            Ok(Some(number)) => {
                numbers += 1;
                if number.percent {
                    percents += 1;
                }
            }
            Ok(None) => {}
            // Too many digits is still a number: reading will say so.
            Err(NumberError::OutOfRange) => numbers += 1,
            Err(NumberError::NotANumber) => texts += 1,
        }
    }
    let mostly_numbers = numbers > 0 && numbers >= texts;
    let kind = if is_year_header(&h) {
        ColumnKind::Year
    } else if is_code_header(&h) {
        ColumnKind::Dimension
    } else if numbers > 0 && texts == 0 && (percents == numbers || is_rate_header(&h)) {
        ColumnKind::Rate
    } else if numbers > 0 && texts == 0 {
        ColumnKind::Amount
    } else if role.is_some() && (mostly_numbers || numbers + texts == 0) && !is_rate_header(&h) {
        // The header says money: cells that are not numbers will be reported
        // one by one, rather than the column quietly becoming text.
        ColumnKind::Amount
    } else {
        ColumnKind::Dimension
    };
    let amount = kind == ColumnKind::Amount;
    Column {
        index,
        name: name.to_string(),
        kind,
        role: if amount { role } else { None },
        unit: if amount {
            Unit::from_header(name).or(caption_unit)
        } else {
            None
        },
        year: if amount { year_from_header(name) } else { None },
        hierarchy: kind == ColumnKind::Dimension && !is_code_header(&h) && !is_note_header(&h),
    }
}

impl Column {
    /// Applies a user's correction.
    pub fn apply(&mut self, correction: &ColumnOverride) {
        if let Some(kind) = correction.kind {
            if kind == ColumnKind::Amount && self.kind != ColumnKind::Amount {
                self.role = role_from_header(&self.name);
            }
            self.kind = kind;
            self.hierarchy = kind == ColumnKind::Dimension;
        }
        if let Some(role) = correction.role {
            self.role = role;
        }
        if let Some(unit) = correction.unit {
            self.unit = Some(unit);
        }
        if let Some(year) = correction.year {
            self.year = Some(year);
        }
        if self.kind != ColumnKind::Amount {
            self.role = None;
            self.unit = None;
        }
    }
}

#[cfg(test)]
mod tests;
