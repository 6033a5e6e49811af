//! Sides and subtotals. A column whose values name the side of the budget
//! (세입/세출, Revenue/Expense, Ingresos/Gastos, Recettes/Dépenses, 歳入/歳出)
//! splits the totals, so that nothing adds revenue to spending. A row whose
//! label (in any column) reads as a total (합계, 소계, Total, Subtotal, TOTAL
//! DEL …, Sous-total, Summe, Итого, 合計, 小計, 合计) is not a row of data: it
//! is left out of the sums and checked against them.

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
    "entrate",
    "歳入",
    // 歲入: Taiwan's traditional form of the character (歲, not 歳).
    "歲入",
    "収入",
    "收入",
    "доходы",
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
];

/// The letters and digits of a label, lowercased (`Sub-Total` → `subtotal`).
fn compact(label: &str) -> String {
    label
        .chars()
        .filter(|&c| is_hangul(c) || c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A Hangul syllable: a letter, known without looking it up in Unicode's
/// tables (most labels here are Korean).
fn is_hangul(c: char) -> bool {
    ('가'..='힣').contains(&c)
}

/// The side a value names: `Revenue`, `세출`, `Gastos`, `Operating Expenses`.
pub fn side_of(value: &str) -> Option<Side> {
    let words: Vec<String> = value.split_whitespace().map(compact).collect();
    let last = words.last()?;
    if REVENUE.contains(&last.as_str()) {
        Some(Side::Revenue)
    } else if EXPENSE.contains(&last.as_str()) {
        Some(Side::Expense)
    } else {
        None
    }
}

/// What a label says of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalKind {
    /// 합계, 총계, 계, Total, Grand total: the whole (or the group named before it).
    Total,
    /// 소계, Subtotal, `Total Police`, `TOTAL DEL CAPÍTULO 1`: a group's sum.
    Subtotal,
}

pub(crate) const TOTALS: &[&str] = &[
    "합계",
    "총계",
    "계",
    "총합계",
    "총액",
    "전체",
    "total",
    "totals",
    "grandtotal",
    "sum",
    "totalgeneral",
    "summe",
    "gesamt",
    "insgesamt",
    "итого",
    "всего",
    "suma",
    "totalgénéral",
    "gesamtsumme",
    "totale",
    "totalegenerale",
    "totalgeral",
    "合計",
    "総計",
    "計",
    "合计",
    "总计",
    "總計",
];
pub(crate) const SUBTOTALS: &[&str] = &[
    "소계",
    "subtotal",
    "subtotals",
    "zwischensumme",
    "soustotal",
    "subtotale",
    "小計",
    "小计",
    "промежуточныйитог",
];

/// Whether a label reads as a total or subtotal row.
///
/// ```
/// use yesan::columns::sides::{total_kind, TotalKind};
/// assert_eq!(total_kind("합 계"), Some(TotalKind::Total));
/// assert_eq!(total_kind("Subtotal"), Some(TotalKind::Subtotal));
/// assert_eq!(total_kind("TOTAL DEL CAPÍTULO 1"), Some(TotalKind::Subtotal));
/// assert_eq!(total_kind("Total Police Department"), Some(TotalKind::Subtotal));
/// assert_eq!(total_kind("총무과"), None);
/// ```
pub fn total_kind(label: &str) -> Option<TotalKind> {
    let whole = compact(label);
    if whole.is_empty() {
        return None;
    }
    if SUBTOTALS.contains(&whole.as_str()) {
        return Some(TotalKind::Subtotal);
    }
    if TOTALS.contains(&whole.as_str()) {
        return Some(TotalKind::Total);
    }
    // Korean, Japanese and Chinese compounds: `세출합계`, `一般会計合計`,
    // `教育費小計`, `支出合计` (not a bare `計` at the end: `一般会計`).
    // `Sous total Fonctionnement`: two words that read as one.
    if ["소계", "小計", "小计"].iter().any(|w| whole.ends_with(w)) || whole.starts_with("soustotal")
    {
        return Some(TotalKind::Subtotal);
    }
    if ["합계", "총계", "合計", "総計", "合计", "总计", "總計"]
        .iter()
        .any(|w| whole.ends_with(w))
    {
        return Some(TotalKind::Total);
    }
    let mut words = label.split_whitespace();
    let (Some(first), Some(last)) = (words.next(), words.last()) else {
        return None;
    };
    let named_group = matches!(
        compact(first).as_str(),
        "total" | "subtotal" | "soustotal" | "итого" | "summe" | "totale"
    ) || matches!(compact(last).as_str(), "total" | "subtotal" | "totals");
    named_group.then_some(TotalKind::Subtotal)
}

/// The name of the group a subtotal label names: `Total Police` → `Police`,
/// `TOTAL DEL CAPÍTULO 1` → `CAPÍTULO 1`, `교육 소계` → `교육`.
pub fn group_named(label: &str) -> Option<String> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let is_total = |w: &str| {
        let c = compact(w);
        TOTALS.contains(&c.as_str()) || SUBTOTALS.contains(&c.as_str())
    };
    let mut rest: &[&str] = &words;
    while let Some((first, tail)) = rest.split_first() {
        let c = compact(first);
        if is_total(first)
            || (rest.len() < words.len()
                && matches!(c.as_str(), "del" | "de" | "of" | "for" | "la" | "el"))
        {
            rest = tail;
        } else {
            break;
        }
    }
    while let Some((last, head)) = rest.split_last() {
        if is_total(last) {
            rest = head;
        } else {
            break;
        }
    }
    let name = rest.join(" ");
    (!name.is_empty() && name.chars().count() < label.chars().count()).then_some(name)
}

/// Values a row-type column holds besides totals: `Detail`, `Line item`, `상세`.
const ROW_TYPES: &[&str] = &[
    "detail", "details", "item", "lineitem", "line", "data", "record", "account", "normal", "상세",
    "세부", "내역", "항목", "detalle", "partida",
];

/// Whether a value is a row type: a total word or a detail word.
pub fn is_row_type(value: &str) -> bool {
    total_kind(value).is_some() || ROW_TYPES.contains(&compact(value).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hangul_syllable_is_a_letter() {
        assert!(('가'..='힣').all(char::is_alphanumeric));
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
            ("Police", None),
        ] {
            assert_eq!(side_of(value), side, "{value}");
        }
    }

    #[test]
    fn totals_and_the_groups_they_name() {
        assert_eq!(total_kind("Grand Total"), Some(TotalKind::Total));
        assert_eq!(total_kind("Итого"), Some(TotalKind::Total));
        assert_eq!(total_kind("Summe"), Some(TotalKind::Total));
        assert_eq!(total_kind("교육 소계"), Some(TotalKind::Subtotal));
        assert_eq!(total_kind("Total Compensation"), Some(TotalKind::Subtotal));
        assert_eq!(total_kind("계약"), None);
        assert_eq!(total_kind("Total général"), Some(TotalKind::Total));
        assert_eq!(total_kind("Sous-total"), Some(TotalKind::Subtotal));
        assert_eq!(
            total_kind("Sous-total Fonctionnement"),
            Some(TotalKind::Subtotal)
        );
        assert_eq!(total_kind("Total chapitre 011"), Some(TotalKind::Subtotal));
        assert_eq!(total_kind("合計"), Some(TotalKind::Total));
        assert_eq!(total_kind("一般会計合計"), Some(TotalKind::Total));
        assert_eq!(total_kind("計"), Some(TotalKind::Total));
        assert_eq!(total_kind("民生費小計"), Some(TotalKind::Subtotal));
        assert_eq!(total_kind("支出合计"), Some(TotalKind::Total));
        assert_eq!(
            total_kind("一般会計"),
            None,
            "会計 is accounting, not a total"
        );
        assert_eq!(total_kind("設計"), None);
        assert_eq!(group_named("Total Police").as_deref(), Some("Police"));
        assert_eq!(
            group_named("TOTAL DEL CAPÍTULO 1").as_deref(),
            Some("CAPÍTULO 1")
        );
        assert_eq!(group_named("교육 소계").as_deref(), Some("교육"));
        assert_eq!(group_named("Police Total").as_deref(), Some("Police"));
        assert_eq!(group_named("Total"), None);
    }
}
