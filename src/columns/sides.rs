//! Sides and row types. A column whose values name the side of the budget
//! (세입/세출, Revenue/Expense, Ingresos/Gastos, Recettes/Dépenses,
//! Доходы/Расходы, Dochody/Wydatki, Pendapatan/Belanja, 歳入/歳出) splits
//! the totals, so that nothing adds revenue to spending. A row-type column
//! says which rows are details and which are totals (`total_words`).

use super::total_words::{letters, total_kind};
use super::{Column, Role};
use serde::Serialize;

/// The side of the budget a row is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// 세입: revenue, income, receipts.
    Revenue,
    /// 세출: expense, expenditure, spending, payments.
    Expense,
}

const REVENUE: &[&str] = &[
    "세입",
    "수입",
    "revenue",
    "revenues",
    "income",
    "receipts",
    "receipt",
    "resources",
    "ingresos",
    "ingreso",
    "recursos",
    "einnahmen",
    "erträge",
    "einzahlungen",
    "recettes",
    "recette",
    "receitas",
    "receita",
    "entrate",
    "歳入",
    // 歲入: Taiwan's traditional form of the character (歲, not 歳).
    "歲入",
    "収入",
    "收入",
    "доходы",
    "доходи",
    "dochody",
    "příjmy",
    "bevételek",
    "bevétel",
    "venituri",
    "baten",
    "inkomsten",
    "pendapatan",
    "gelir",
    "gelirler",
    "thu",
];
const EXPENSE: &[&str] = &[
    "세출",
    "지출",
    "expense",
    "expenses",
    "expenditure",
    "expenditures",
    "spending",
    "payments",
    "outlays",
    "gastos",
    "gasto",
    "egresos",
    "ausgaben",
    "aufwendungen",
    "auszahlungen",
    "dépenses",
    "dépense",
    "despesas",
    "spese",
    "uscite",
    "歳出",
    "歲出",
    "支出",
    "расходы",
    "видатки",
    "wydatki",
    "výdaje",
    "kiadások",
    "kiadás",
    "cheltuieli",
    "lasten",
    "uitgaven",
    "belanja",
    "gider",
    "giderler",
    "chi",
];

/// The side a value names by its last word (`Revenue`, `세출`, `Operating
/// Expenses`) or, in languages that put the noun first, its first
/// (`Gastos de personal`, `PENDAPATAN DAERAH`, `Chi đầu tư`).
pub fn side_of(value: &str) -> Option<Side> {
    let words: Vec<String> = value.split_whitespace().map(letters).collect();
    let named = |word: &String| {
        if REVENUE.contains(&word.as_str()) {
            Some(Side::Revenue)
        } else if EXPENSE.contains(&word.as_str()) {
            Some(Side::Expense)
        } else {
            None
        }
    };
    named(words.last()?).or_else(|| named(words.first()?))
}

/// The one side a title names (`2024년 세입결산`, `歳入決算書`, `Revenue
/// outturn 2023`): by a side word of its own, or a Korean or Chinese
/// word that holds 세입 or 세출 (歳入, 歳出); `None` where it names
/// both (`세입세출결산`) or neither.
pub fn side_named_in(title: &str) -> Option<Side> {
    const PARTS: [(&str, Side); 6] = [
        ("세입", Side::Revenue),
        ("歳入", Side::Revenue),
        ("歲入", Side::Revenue),
        ("세출", Side::Expense),
        ("歳出", Side::Expense),
        ("歲出", Side::Expense),
    ];
    let (mut revenue, mut expense) = (false, false);
    for word in title.split_whitespace().map(letters) {
        revenue |= REVENUE.contains(&word.as_str());
        expense |= EXPENSE.contains(&word.as_str());
        for (part, side) in PARTS {
            if word.contains(part) {
                revenue |= side == Side::Revenue;
                expense |= side == Side::Expense;
            }
        }
    }
    match (revenue, expense) {
        (true, false) => Some(Side::Revenue),
        (false, true) => Some(Side::Expense),
        _ => None,
    }
}

/// The side of a whole budget that is not split by side: revenue where
/// its amount columns are a revenue settlement's (what is due, collected,
/// uncollected or written off), or a title line or the headers name revenue
/// alone (`2024년 세입결산`; `Natureza da Receita`, `Receitas Realizadas`
/// with no header of spending), and no column is spending's (carried over,
/// committed); else none said. (What is left, 잔액 or `Saldo`, is said of
/// both sides.)
pub fn whole_side(columns: &[Column], caption: &[String]) -> Option<Side> {
    let roles = || columns.iter().filter_map(|c| c.role);
    let revenue = roles().any(|r| {
        matches!(
            r,
            Role::Assessed | Role::Collected | Role::Uncollected | Role::WrittenOff
        )
    });
    let spending = roles().any(|r| matches!(r, Role::CarriedOut | Role::Committed));
    let titled = || {
        caption
            .iter()
            .any(|line| side_named_in(line) == Some(Side::Revenue))
    };
    let headed = || {
        let sides = || columns.iter().filter_map(|c| side_named_in(&c.name));
        sides().any(|s| s == Side::Revenue) && sides().all(|s| s == Side::Revenue)
    };
    ((revenue || titled() || headed()) && !spending).then_some(Side::Revenue)
}

/// Values a row-type column holds besides totals: `Detail`, `Line item`, `상세`.
const ROW_TYPES: &[&str] = &[
    "detail", "details", "item", "lineitem", "line", "data", "record", "account", "normal", "상세",
    "세부", "내역", "항목", "detalle", "partida",
];

/// Whether a value is a row type: a total word or a detail word.
pub fn is_row_type(value: &str) -> bool {
    total_kind(value).is_some() || ROW_TYPES.contains(&letters(value).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_side_a_title_names() {
        for (title, side) in [
            ("2024년 세입결산 (단위: 천원)", Some(Side::Revenue)),
            ("令和5年度 歳入決算書", Some(Side::Revenue)),
            ("Revenue outturn 2023", Some(Side::Revenue)),
            ("2024년 세출예산 사업명세", Some(Side::Expense)),
            ("2024년도 세입세출 결산", None),
            ("Revenue and expenditure", None),
            ("2024년 예산 총괄", None),
        ] {
            assert_eq!(side_named_in(title), side, "{title}");
        }
    }

    #[test]
    fn sides_in_several_languages() {
        for (value, side) in [
            ("Revenue", Some(Side::Revenue)),
            ("세입", Some(Side::Revenue)),
            ("Ingresos", Some(Side::Revenue)),
            ("Operating Expenses", Some(Side::Expense)),
            ("EXPENDITURE", Some(Side::Expense)),
            ("세출", Some(Side::Expense)),
            ("Gastos", Some(Side::Expense)),
            ("Dépenses", Some(Side::Expense)),
            ("Recettes", Some(Side::Revenue)),
            ("歳入", Some(Side::Revenue)),
            ("歳出", Some(Side::Expense)),
            ("Aufwendungen", Some(Side::Expense)),
            ("Доходи", Some(Side::Revenue)),
            ("Wydatki", Some(Side::Expense)),
            ("Baten", Some(Side::Revenue)),
            ("Lasten", Some(Side::Expense)),
            ("Belanja", Some(Side::Expense)),
            ("Gelirler", Some(Side::Revenue)),
            ("Police", None),
        ] {
            assert_eq!(side_of(value), side, "{value}");
        }
    }
}
