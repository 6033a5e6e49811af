//! The header as read: names made unique, the columns understood from the
//! sample and corrected by the caller, and one unit for every amount.

use crate::amount::Notation;
use crate::columns::{infer_in, Column, ColumnKind};
use crate::error::{Error, ErrorKind};
use crate::unit::Unit;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The columns of a header, understood from the sample, with `names` the
/// one column that names the rows when the format knows it, and the
/// caller's unit and corrections applied.
pub(super) fn understand(
    header: Vec<String>,
    sample: &[Vec<&str>],
    caption_unit: Option<Unit>,
    (header_row, names): (usize, Option<usize>),
    notation: Notation,
    options: &crate::options::Options,
) -> Result<Vec<Column>, Error> {
    let limits = options.limits;
    if header.len() > limits.max_columns {
        return Err(Error::new(ErrorKind::TooManyColumns)
            .at_row(header_row)
            .with_detail(
                format!("{}열, 최대 {}열", header.len(), limits.max_columns),
                format!("{} columns, at most {}", header.len(), limits.max_columns),
            ));
    }
    let header = unique_names(header);
    let mut columns = infer_in(&header, sample, caption_unit, notation);
    if let Some(names) = names {
        for column in &mut columns {
            column.hierarchy = column.index == names;
        }
    }
    if let Some(unit) = options.unit {
        for column in columns.iter_mut().filter(|c| c.kind == ColumnKind::Amount) {
            if Unit::from_header(&column.name).is_none() {
                column.unit = Some(unit);
            }
        }
    }
    for (name, correction) in &options.columns {
        let column = columns
            .iter_mut()
            .find(|c| &c.name == name)
            .ok_or_else(|| unknown_column(name, &header))?;
        column.apply(correction);
    }
    if !columns.iter().any(|c| c.kind == ColumnKind::Amount) {
        return Err(Error::new(ErrorKind::NoAmountColumn)
            .at_row(header_row)
            .with_detail(
                format!("제목 행: {}", header.join(", ")),
                format!("header: {}", header.join(", ")),
            ));
    }
    Ok(columns)
}

/// Makes header names unique and non-empty, so that columns can be named.
fn unique_names(header: Vec<String>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    header
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            let name = name.trim().to_string();
            let base = if name.is_empty() {
                format!("column {}", index + 1)
            } else {
                name
            };
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                base
            } else {
                format!("{base} ({count})")
            }
        })
        .collect()
}

fn unknown_column(name: &str, header: &[String]) -> Error {
    Error::new(ErrorKind::UnknownColumn).with_detail(
        format!("'{name}' (있는 열: {})", header.join(", ")),
        format!("'{name}' (the columns are: {})", header.join(", ")),
    )
}

type UnitWarning = (&'static str, String, String);

/// One unit for the whole budget: the common unit of the amount columns, or
/// the smallest of them when they differ (amounts are then scaled to it).
pub(super) fn unify_units(
    columns: &mut [Column],
    korean: bool,
) -> (Option<Unit>, HashMap<usize, Decimal>, Vec<UnitWarning>) {
    let mut warnings = Vec::new();
    let stated: Vec<Unit> = columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Amount)
        .filter_map(|c| c.unit)
        .collect();
    let Some(&smallest) = stated.iter().min() else {
        warnings.push(if korean {
            (
                "unit_not_stated",
                "금액의 단위가 표시되지 않았습니다. 원 단위로 보고 계산합니다".to_string(),
                "the table does not state the unit of its amounts; they are taken as won"
                    .to_string(),
            )
        } else {
            (
                "unit_not_stated",
                "금액의 단위(천, 백만 등)가 표시되지 않아 쓰인 그대로 계산합니다".to_string(),
                "the table does not state a scale (thousands, millions); amounts are taken as written"
                    .to_string(),
            )
        });
        return (None, HashMap::new(), warnings);
    };
    let mut scales = HashMap::new();
    let (smallest_ko, smallest_en) = smallest.names(korean);
    for column in columns.iter_mut().filter(|c| c.kind == ColumnKind::Amount) {
        match column.unit {
            None => {
                warnings.push((
                    "unit_assumed",
                    format!(
                        "'{}' 열의 단위가 없어 {} 봅니다",
                        column.name,
                        Unit::to_ko(smallest_ko)
                    ),
                    format!(
                        "column '{}' states no unit; taken as {smallest_en}",
                        column.name
                    ),
                ));
            }
            Some(unit) if unit != smallest => {
                scales.insert(column.index, unit.factor() / smallest.factor());
                let (unit_ko, unit_en) = unit.names(korean);
                warnings.push((
                    "unit_converted",
                    format!(
                        "'{}' 열을 {unit_ko}에서 {} 바꿔 계산합니다",
                        column.name,
                        Unit::to_ko(smallest_ko)
                    ),
                    format!(
                        "column '{}' is converted from {unit_en} to {smallest_en}",
                        column.name
                    ),
                ));
            }
            Some(_) => {}
        }
        column.unit = Some(smallest);
    }
    (Some(smallest), scales, warnings)
}
