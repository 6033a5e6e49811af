//! Knowing the columns: which are levels of the budget hierarchy, which
//! hold amounts or rates, which are codes, years, sides, phases or row
//! types, and what each amount means (adopted budget, current budget,
//! executed, …). Values are profiled before the header is read, so that a
//! code or a year is never summed as money; every guess carries its
//! evidence, and every guess can be overridden.
//!
//! One file per concern: [`profile`] (what the values look like),
//! [`lexicon`] (what header words mean, in several languages), [`sides`]
//! (revenue and expense, total rows), [`nesting`] (the order of the
//! hierarchy) and [`layout`] (long files pivoted, the budget split by side
//! or year).

pub mod layout;
pub mod lexicon;
pub mod nesting;
pub mod profile;
pub mod sides;
pub mod total_words;

use crate::amount::Notation;
use crate::unit::Unit;
use lexicon::Meaning;
pub use profile::{year_from_header, Profile};
use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Text that groups rows: 소관, 부서, 사업명, … The dimension columns,
    /// in the order they nest, are the default hierarchy.
    Dimension,
    /// A code or identifier (사업코드, Fund `001`, ProgramID): never an
    /// amount; beside its label column it is the label's code.
    Code,
    /// The fiscal year (회계연도).
    Year,
    /// The side of the budget (세입/세출, Revenue/Expense): totals are kept apart.
    Side,
    /// The phase or version of the amounts (Adopted/Actual, 예산/결산): a long
    /// file's amounts are spread into one column per phase.
    Phase,
    /// Marks rows as details or totals (Detail/Subtotal/Total).
    RowType,
    /// Money, added up in totals and subtotals.
    Amount,
    /// A long file's amount column, spread into one amount column per year
    /// or phase (see [`Column::from`]); never added up itself.
    Pivoted,
    /// A percentage (집행률, 비율, 증감률): read, never added up.
    Rate,
    /// A count of people or households (인구, 세대수, Population, Households):
    /// added up per item like an amount, but never money — no unit, no
    /// share, never the amount shown; amounts per head are divided by it.
    Count,
    /// A column to leave out entirely (empty, or a 0/1 flag).
    Ignored,
}

/// What an amount column means, when its header (or phase) says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 예산액, 당초예산, Adopted, Approved, Appropriation, Aprobado: the budget as first adopted.
    Adopted,
    /// 예산현액, Amended, Revised, Modificado: adopted + carried over + changes.
    Current,
    /// 집행액, 지출액, Actual, Spent, Ejercido, Pagado: actually spent.
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
    /// 전년도당초금액, Prior year: last year's budget.
    Previous,
    /// 정부안, Proposed, Requested, Recommended: the proposal.
    Proposed,
    /// 국회확정: as passed by the legislature.
    Final,
    /// 추경: a supplementary budget.
    Supplementary,
    /// 전망, Estimates, Forward estimates: projected years.
    Projected,
    /// Encumbrances, Commitments, Obligo, Comprometido: spending promised
    /// by contract or order and not yet paid; not free to spend.
    Committed,
    /// Of revenue, 징수결정액, 調定額, Assessed: what is due (what the
    /// government has decided to collect).
    Assessed,
    /// Of revenue beside an executed column that is what is due (Spain's
    /// derechos reconocidos): Recaudación, Riscossioni, Cobrado — what was
    /// collected of it. (Korea's 수납액 is the executed amount itself.)
    Collected,
    /// Of revenue, 미수납액, 収入未済額, Pendiente de cobro, Uncollected:
    /// due and not (yet) collected.
    Uncollected,
    /// Of revenue, 불납결손액, 不納欠損額, Written off: due and given up.
    WrittenOff,
    /// Of a count column: 인구, Population, Habitantes — residents.
    Population,
    /// Of a count column: 세대수, 가구수, Households, Hogares.
    Households,
}

/// Why a column was understood as it was, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// A stable name of the reason: `header_word`, `year_values`, `leading_zeros`, …
    pub code: &'static str,
    pub message_ko: String,
    pub message_en: String,
}

pub(crate) fn evidence(
    code: &'static str,
    ko: impl Into<String>,
    en: impl Into<String>,
) -> Evidence {
    Evidence {
        code,
        message_ko: ko.into(),
        message_en: en.into(),
    }
}

/// One column of the table as yesan understood it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// 0-based position in the file (columns made by pivoting come after
    /// the file's own).
    pub index: usize,
    pub name: String,
    pub kind: ColumnKind,
    pub role: Option<Role>,
    /// Unit of an amount column, from its header or the table's caption.
    pub unit: Option<Unit>,
    /// The year of an amount column: named in the header (`2018년 예산`), in
    /// a year column with one value, or the year it was pivoted from.
    pub year: Option<i32>,
    /// Whether the column is part of the default hierarchy.
    pub hierarchy: bool,
    /// Its place in the default hierarchy (0: the outermost level), which
    /// follows nesting before the order of the file.
    pub level: Option<usize>,
    /// A code column: the label column whose codes it holds.
    pub code_of: Option<usize>,
    /// A column made by pivoting a long file: the amount column it came from,
    /// and the year or phase (`2022`, `2022 Actual`) its values are of.
    pub from: Option<usize>,
    pub key: Option<String>,
    /// Why the column was understood this way.
    pub evidence: Vec<Evidence>,
    /// What the sampled values look like (not part of the report).
    #[serde(skip)]
    pub profile: Profile,
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

/// The role a header names, if any (see [`lexicon`]).
pub fn role_from_header(header: &str) -> Option<Role> {
    lexicon::role(header)
}

/// Infers every column from a sample of rows (each row a list of cells) and
/// its header, then relates the columns to each other: codes to their
/// labels, the hierarchy in the order it nests. Overrides are applied
/// afterwards with [`Column::apply`].
pub fn infer(header: &[String], sample: &[Vec<&str>], caption_unit: Option<Unit>) -> Vec<Column> {
    infer_in(header, sample, caption_unit, Notation::default())
}

/// [`infer`] for a file whose numbers are written in `notation`.
pub fn infer_in(
    header: &[String],
    sample: &[Vec<&str>],
    caption_unit: Option<Unit>,
    notation: Notation,
) -> Vec<Column> {
    let mut columns: Vec<Column> = header
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let values = sample.iter().filter_map(|row| row.get(index).copied());
            infer_one(
                index,
                name,
                profile::profile_in(values, notation),
                caption_unit,
            )
        })
        .collect();
    nesting::relate(&mut columns, sample);
    columns
}

/// The hierarchy columns in their order: by level, then left to right.
pub fn levels(columns: &[Column]) -> Vec<usize> {
    let mut levels: Vec<&Column> = columns
        .iter()
        .filter(|c| c.hierarchy && matches!(c.kind, ColumnKind::Dimension | ColumnKind::Code))
        .collect();
    levels.sort_by_key(|c| (c.level.unwrap_or(usize::MAX), c.index));
    levels.iter().map(|c| c.index).collect()
}

/// What one column is, from its profile and its header.
fn infer_one(index: usize, name: &str, profile: Profile, caption_unit: Option<Unit>) -> Column {
    let entry = lexicon::lookup(name);
    let (kind, mut hierarchy, mut why) = decide(&profile, entry);
    if let Some(entry) = entry {
        let word = entry.word.trim_end_matches('*').trim_start_matches('=');
        why.insert(
            0,
            evidence(
                "header_word",
                format!("제목에 '{word}'"),
                format!("header word '{word}'"),
            ),
        );
    }
    let amount = kind == ColumnKind::Amount;
    let role = match entry.map(|e| e.meaning) {
        Some(Meaning::Role(role)) if amount => Some(role),
        Some(Meaning::Money) if amount => Some(Role::Adopted),
        Some(Meaning::Count(role)) if kind == ColumnKind::Count => Some(role),
        _ => None,
    };
    hierarchy &= matches!(kind, ColumnKind::Dimension | ColumnKind::Code);
    Column {
        index,
        name: name.to_string(),
        kind,
        role,
        unit: if amount {
            Unit::from_header(name).or(caption_unit)
        } else {
            None
        },
        year: if amount { year_from_header(name) } else { None },
        hierarchy,
        level: None,
        code_of: None,
        from: None,
        key: None,
        evidence: why,
        profile,
    }
}

/// The kind, whether it may be a level of the hierarchy, and why.
fn decide(p: &Profile, entry: Option<&lexicon::Entry>) -> (ColumnKind, bool, Vec<Evidence>) {
    use ColumnKind::*;
    let meaning = entry.map(|e| e.meaning);
    let money = matches!(
        meaning,
        Some(Meaning::Role(_) | Meaning::Money | Meaning::OtherMoney)
    );
    let filled = p.filled();
    if filled == 0 && p.cells > 0 && !money {
        return (
            Ignored,
            false,
            vec![evidence("empty", "값이 없는 열", "no values")],
        );
    }
    let few = p.distinct <= 50;
    if p.many_dates() && !money {
        // A register of payments (`Date` of each transaction): neither the
        // budget's years nor a level of its hierarchy.
        let why = evidence(
            "dates",
            "값이 여러 날짜: 계층 단계가 아님",
            "values are many dates: not a level of the hierarchy",
        );
        return (Dimension, false, vec![why]);
    }
    if meaning == Some(Meaning::Year)
        || (p.all_years() && few && !money && meaning != Some(Meaning::Rate))
    {
        let why = if p.all_years() {
            vec![evidence("year_values", "값이 연도", "values are years")]
        } else {
            Vec::new()
        };
        return (Year, false, why);
    }
    if meaning == Some(Meaning::Code) {
        return (Code, true, Vec::new());
    }
    let numeric = p.numbers > 0 && p.numbers >= p.texts;
    if matches!(meaning, Some(Meaning::Count(_))) && numeric && p.percents == 0 {
        let why = evidence(
            "count_header",
            "사람·가구의 수: 더하되 돈이 아님",
            "a count of people or households: added up, but not money",
        );
        return (Count, false, vec![why]);
    }
    if meaning == Some(Meaning::Classification) && numeric {
        // Capítulo 1, 2, 6; Fund 100: the numbers of a classification.
        let why = evidence(
            "classification_numbers",
            "분류 단계의 번호: 코드",
            "numbers of a classification level: codes",
        );
        return (Code, true, vec![why]);
    }
    if numeric {
        if let Some(found) = numeric_kind(p, meaning, money) {
            return found;
        }
    } else {
        if let Some(found) = text_kind(p, money) {
            return found;
        }
    }
    let mostly_numbers = p.numbers > 0 && p.numbers >= p.texts;
    let is_rate = meaning == Some(Meaning::Rate);
    if money && (mostly_numbers || p.numbers + p.texts == 0) && !is_rate {
        // The header says money: cells that are not numbers will be reported
        // one by one, rather than the column quietly becoming text.
        return (Amount, false, Vec::new());
    }
    if meaning == Some(Meaning::Note) {
        return (Dimension, false, Vec::new());
    }
    if p.single_value() {
        let why = evidence(
            "single_value",
            "모든 행의 값이 같음",
            "one value in every row",
        );
        return (Dimension, false, vec![why]);
    }
    (Dimension, true, Vec::new())
}

/// The kind of a column of (mostly) numbers.
fn numeric_kind(
    p: &Profile,
    meaning: Option<Meaning>,
    money: bool,
) -> Option<(ColumnKind, bool, Vec<Evidence>)> {
    use ColumnKind::*;
    let filled = p.filled();
    let whole = p.integers == p.numbers && p.grouped == 0 && p.percents == 0;
    if p.leading_zeros > 0 && whole {
        let why = evidence(
            "leading_zeros",
            "앞자리 0이 있는 숫자: 코드",
            "leading zeros: a code",
        );
        return Some((Code, true, vec![why]));
    }
    // The majority decides: odd cells (`x`, `n/r`) do not turn a column of
    // numbers into text; reading names each one by row and column.
    if p.texts >= p.numbers && !money {
        return None;
    }
    if p.percents == p.numbers || meaning == Some(Meaning::Rate) {
        let why = (p.percents == p.numbers)
            .then(|| evidence("percent_values", "값이 백분율", "values are percentages"));
        return Some((Rate, false, why.into_iter().collect()));
    }
    if money {
        return Some((Amount, false, Vec::new()));
    }
    if whole && p.flags == filled && p.distinct <= 2 && filled >= 2 {
        let why = evidence("flag", "0과 1만 있는 표시 열", "only 0 and 1: a flag");
        return Some((Ignored, false, vec![why]));
    }
    if whole && p.sequential {
        let why = evidence(
            "sequence",
            "1, 2, 3 … 차례로 매긴 번호",
            "numbers 1, 2, 3 …: row numbers",
        );
        return Some((Code, false, vec![why]));
    }
    if whole && filled >= 10 && p.distinct * 3 <= filled {
        let why = evidence(
            "repeated_codes",
            format!("{}가지 정수가 되풀이됨: 코드", p.distinct),
            format!("{} whole numbers, each repeated: codes", p.distinct),
        );
        return Some((Code, true, vec![why]));
    }
    if whole && p.distinct >= 10 && p.width.is_some_and(|w| w >= 3) {
        let width = p.width.unwrap_or_default();
        let why = evidence(
            "fixed_width",
            format!("모두 {width}자리 정수: 식별 번호"),
            format!("whole numbers all {width} digits long: identifiers"),
        );
        return Some((Code, true, vec![why]));
    }
    let mut why = vec![evidence("number_values", "값이 숫자", "values are numbers")];
    if p.texts > 0 {
        why.push(evidence(
            "odd_cells",
            format!(
                "{}칸은 숫자가 아님 (notGiven으로 '값 없음' 표시를 알려 주세요)",
                p.texts
            ),
            format!(
                "{} cells are not numbers (name such marks of 'not given' with notGiven)",
                p.texts
            ),
        ));
    }
    Some((Amount, false, why))
}

/// The kind of a column of text, when its values say more than "a level".
fn text_kind(p: &Profile, money: bool) -> Option<(ColumnKind, bool, Vec<Evidence>)> {
    use ColumnKind::*;
    let filled = p.filled();
    if !money && p.texts >= 2 && p.coded == p.texts && p.years * 2 < filled {
        let why = evidence(
            "code_values",
            "값이 구분 기호로 이은 숫자(0110-5110): 코드",
            "values are digits joined by '-' or '.' (0110-5110): codes",
        );
        return Some((Code, true, vec![why]));
    }
    if p.urls * 2 > filled {
        let why = evidence("links", "값이 링크", "values are links");
        return Some((Dimension, false, vec![why]));
    }
    if p.prose * 2 > filled && p.distinct * 2 > filled {
        let why = evidence("free_text", "값이 긴 설명문", "values are free text");
        return Some((Dimension, false, vec![why]));
    }
    None
}

impl Column {
    /// A column of `kind` with nothing else known of it.
    pub fn new(index: usize, name: String, kind: ColumnKind) -> Column {
        Column {
            index,
            name,
            kind,
            role: None,
            unit: None,
            year: None,
            hierarchy: false,
            level: None,
            code_of: None,
            from: None,
            key: None,
            evidence: Vec::new(),
            profile: Profile::default(),
        }
    }

    /// Applies a user's correction.
    pub fn apply(&mut self, correction: &ColumnOverride) {
        if let Some(kind) = correction.kind {
            if kind == ColumnKind::Amount && self.kind != ColumnKind::Amount {
                self.role = role_from_header(&self.name);
            }
            if kind == ColumnKind::Count && self.kind != ColumnKind::Count {
                // People, unless the header says households.
                self.role = match lexicon::meaning(&self.name) {
                    Some(Meaning::Count(role)) => Some(role),
                    _ => Some(Role::Population),
                };
            }
            self.kind = kind;
            self.hierarchy = kind == ColumnKind::Dimension;
            self.level = None;
            self.evidence.push(evidence(
                "corrected",
                "사용자가 고침",
                "corrected by the user",
            ));
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
            if self.kind != ColumnKind::Count {
                self.role = None;
            }
            self.unit = None;
        }
    }
}

#[cfg(test)]
mod tests;
