//! Calculation basis (산출근거) tables: lines such as
//! `○ 자문회의 참석수당 = 13,500천원` with `150,000원*15인*6회` under them, or
//! `- 연사초청경비 등 40,000,000원*1식 = 40,000천원`. Each item becomes a row
//! with its stated amount and the product of its basis, both in 천원, so
//! that the hierarchy can be rebuilt from the sums and the audit can check
//! every product.

use crate::amount::parse_number;
use rust_decimal::Decimal;

/// The header of the table made from a basis text.
pub const HEADER: [&str; 5] = ["과목", "항목", "산출근거", "금액(천원)", "산출액(천원)"];

/// One item of a basis text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// 1-based line of the item in the text.
    pub line: usize,
    /// 과목 (expense category), carried down from the line that names it.
    pub category: String,
    pub label: String,
    /// The multiplication as written (`150,000원*15인*6회`).
    pub basis: Option<String>,
    /// Its product in 천원.
    pub product: Option<Decimal>,
    /// The amount stated after `=`, in 천원.
    pub stated: Option<Decimal>,
    /// Marked `○`: an item that the `-` items below it may break down.
    pub marked: bool,
}

/// Whether the text reads as a calculation basis: at least two lines with a
/// `…원*…` product or an `= …천원` amount.
pub fn looks_like(text: &str) -> bool {
    text.lines()
        .filter(|line| expression(line).is_some() || stated(line).is_some())
        .count()
        >= 2
}

fn unit_factor(unit: &str) -> Option<Decimal> {
    match unit {
        "원" => Some(Decimal::new(1, 3)),
        "천원" => Some(Decimal::ONE),
        "만원" => Some(Decimal::TEN),
        "백만원" => Some(Decimal::from(1000)),
        "억원" => Some(Decimal::from(100_000)),
        _ => None,
    }
}

/// The length of the run of digits, commas and points `text` starts with.
fn number_run(text: &str) -> usize {
    text.bytes()
        .position(|b| !(b.is_ascii_digit() || b == b',' || b == b'.'))
        .unwrap_or(text.len())
}

/// A number at the start of `text` (digits and commas), and the rest.
fn leading_number(text: &str) -> Option<(Decimal, &str)> {
    let end = number_run(text);
    if end == 0 {
        return None;
    }
    let value = parse_number(&text[..end]).ok()??.value;
    Some((value, &text[end..]))
}

/// The amount stated after the last `=`, in 천원.
fn stated(line: &str) -> Option<Decimal> {
    let after = line.rsplit_once('=')?.1.trim();
    let (value, rest) = leading_number(after)?;
    let unit: String = rest
        .trim()
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    value.checked_mul(unit_factor(&unit)?)
}

/// The product written in the line (`150,000원*15인*6회`), as text and in
/// 천원: a money amount, then any `*` (or `×`, `x`) count with its word.
fn expression(line: &str) -> Option<(String, Decimal)> {
    let before = line.split('=').next().unwrap_or(line);
    let bytes: Vec<(usize, char)> = before.char_indices().collect();
    // Where the run of digits, commas and points last looked at ends: a
    // number never starts inside it (`1.1.1.…` is looked at once, not once
    // per digit).
    let mut run_end = 0;
    for (start, c) in &bytes {
        if !c.is_ascii_digit()
            || *start < run_end
            || (*start > 0 && before[..*start].ends_with(|p: char| p.is_ascii_digit() || p == ','))
        {
            continue;
        }
        run_end = start + number_run(&before[*start..]);
        let Some((money, rest)) = leading_number(&before[*start..]) else {
            continue;
        };
        let rest_trim = rest.trim_start();
        let Some(unit) = ["백만원", "천원", "만원", "억원", "원"]
            .iter()
            .find(|u| rest_trim.starts_with(**u))
        else {
            continue;
        };
        let mut product = money.checked_mul(unit_factor(unit)?)?;
        let mut tail = &rest_trim[unit.len()..];
        loop {
            let t = tail.trim_start();
            let Some(next) = t.strip_prefix(['*', '×', 'x', 'X']) else {
                break;
            };
            let Some((count, after)) = leading_number(next.trim_start()) else {
                break;
            };
            product = product.checked_mul(count)?;
            tail = after.trim_start_matches(|c: char| c.is_alphabetic() && !c.is_ascii());
        }
        let end = before.len() - tail.len();
        let written = before[*start..end].trim().to_string();
        return Some((written, product));
    }
    None
}

fn strip_marks(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['○', '-', '·', '▪', '•', '◦', 'ㅇ'])
        .trim()
}

/// The items of a basis text: cells of each line joined, the 과목 carried
/// down, a line holding only a product joined to the item above it.
pub fn items(text: &str) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut category = String::new();
    for (index, raw) in text.lines().enumerate() {
        let cells: Vec<&str> = raw.split('\t').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or("");
        let joined = cells
            .iter()
            .filter(|c| !c.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if joined.contains("과목구분") || joined.contains("산출내역") && !joined.contains('=')
        {
            continue;
        }
        let mut body = joined.as_str();
        if !first.is_empty()
            && cells.len() > 1
            && !first.starts_with(['○', '-'])
            && expression(first).is_none()
            && stated(first).is_none()
        {
            category = first.to_string();
            body = body.strip_prefix(first).unwrap_or(body).trim();
        }
        let found = expression(body);
        let amount = stated(body);
        if found.is_none() && amount.is_none() {
            continue;
        }
        let label_end = [
            body.find('='),
            found
                .as_ref()
                .and_then(|(written, _)| body.find(written.as_str())),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(body.len());
        let label = strip_marks(&body[..label_end]).to_string();
        let marked = body.trim_start().starts_with(['○', 'ㅇ']);
        if label.is_empty() && amount.is_none() {
            // A product on its own line belongs to the item above.
            if let (Some(last), Some((written, product))) = (items.last_mut(), found) {
                if last.basis.is_none() {
                    last.basis = Some(written);
                    last.product = Some(product);
                    continue;
                }
            }
            continue;
        }
        let (basis, product) = found.map_or((None, None), |(w, p)| (Some(w), Some(p)));
        items.push(Item {
            line: index + 1,
            category: category.clone(),
            label,
            basis,
            product,
            stated: amount,
            marked,
        });
    }
    items
}

/// A table's rows made from `(line, cells)`, and the lines marked `○`.
pub type Grid = (Vec<(usize, Vec<String>)>, Vec<usize>);

/// The items as a table: one row per item under [`HEADER`], with the line
/// of each item, and the lines of the `○` items.
pub fn grid(text: &str) -> Grid {
    let show =
        |value: Option<Decimal>| value.map(|v| v.normalize().to_string()).unwrap_or_default();
    let items = items(text);
    let marked = items.iter().filter(|i| i.marked).map(|i| i.line).collect();
    let rows = items
        .into_iter()
        .map(|item| {
            let stated = item.stated.or(item.product);
            (
                item.line,
                vec![
                    item.category,
                    item.label,
                    item.basis.unwrap_or_default(),
                    show(stated),
                    show(item.product),
                ],
            )
        })
        .collect();
    (rows, marked)
}

#[cfg(test)]
mod tests;
