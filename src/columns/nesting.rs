//! How the columns relate: a code column beside the label column whose
//! codes it holds becomes that label's code; two columns that group the
//! rows the same way are one level, not two; and the hierarchy follows
//! nesting — a column whose every value falls inside one value of another
//! goes below it — not only the order of the columns in the file.

use super::{evidence, sides, total_words, Column, ColumnKind};
use rustc_hash::FxHashMap;

/// At most this many columns are compared pairwise.
const MAX_COMPARED: usize = 40;
/// Fewer filled rows than this are too few to call two columns the same grouping.
const MIN_ROWS_FOR_SAME: usize = 20;

/// Every value of column `a` goes with one value of column `b` in the sample
/// (rows where either is empty are not counted; total rows are not given).
fn determines(sample: &[Vec<&str>], a: usize, b: usize) -> bool {
    let mut seen: FxHashMap<&str, &str> = FxHashMap::default();
    for row in sample {
        let (Some(x), Some(y)) = (row.get(a).map(|s| s.trim()), row.get(b).map(|s| s.trim()))
        else {
            continue;
        };
        if x.is_empty() || y.is_empty() {
            continue;
        }
        if *seen.entry(x).or_insert(y) != y {
            return false;
        }
    }
    true
}

/// Relates the columns: codes to labels, same groupings, Side/Phase/RowType
/// from their values, and each level's place in the default hierarchy.
pub fn relate(columns: &mut [Column], sample: &[Vec<&str>]) {
    for column in columns.iter_mut() {
        classify_by_values(column, sample);
    }
    // Total rows (합계, Total) group nothing: they are left out of the
    // comparisons, once.
    let rows: Vec<Vec<&str>> = sample
        .iter()
        .filter(|row| {
            !row.iter()
                .any(|cell| total_words::total_kind(cell).is_some())
        })
        .cloned()
        .collect();
    numbers_beside_labels(columns, &rows);
    pair_codes(columns, &rows);
    order_levels(columns, &rows);
}

/// A column of whole numbers, with no role or unit in its header, that goes
/// one to one with the label column beside it while its values repeat holds
/// that label's codes (`eco` beside `eco_nombre`: 120000000 is always
/// "Sueldos"), not amounts to add up.
fn numbers_beside_labels(columns: &mut [Column], sample: &[Vec<&str>]) {
    let labels: Vec<usize> = columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Dimension && c.hierarchy && c.profile.numbers == 0)
        .map(|c| c.index)
        .collect();
    for column in columns.iter_mut() {
        let p = &column.profile;
        let plain = column.kind == ColumnKind::Amount
            && column.role.is_none()
            && crate::unit::Unit::from_header(&column.name).is_none()
            && p.numbers > 0
            && p.integers == p.numbers
            && p.distinct * 2 <= p.filled();
        if !plain {
            continue;
        }
        let index = column.index;
        let beside = labels.iter().copied().any(|l| {
            l.abs_diff(index) == 1 && determines(sample, index, l) && determines(sample, l, index)
        });
        if beside {
            column.kind = ColumnKind::Code;
            column.hierarchy = true;
            column.evidence.push(evidence(
                "label_codes",
                "옆 이름 열과 일대일로 짝지어지는 반복되는 정수",
                "whole numbers that repeat, one to one with the names beside them",
            ));
        }
    }
}

/// The distinct values of a column in the sample, up to `limit` (more: `None`).
fn distinct<'a>(sample: &[Vec<&'a str>], index: usize, limit: usize) -> Option<Vec<&'a str>> {
    let mut values: Vec<&str> = Vec::new();
    for row in sample {
        let value = row.get(index).map_or("", |s| s.trim());
        if !value.is_empty() && !values.contains(&value) {
            if values.len() == limit {
                return None;
            }
            values.push(value);
        }
    }
    Some(values)
}

/// Whether a column's values repeat: it groups rows, as a side column
/// does, rather than naming each (`Pendapatan Asli Daerah`, `Belanja
/// Modal` name rows and their sides at once).
fn repeats(column: &Column) -> bool {
    column.profile.distinct < column.profile.filled()
}

/// A text column whose few values all name sides, phases or row types.
fn classify_by_values(column: &mut Column, sample: &[Vec<&str>]) {
    if column.kind != ColumnKind::Dimension || column.profile.numbers > 0 {
        return;
    }
    let Some(values) = distinct(sample, column.index, 12) else {
        return;
    };
    if values.is_empty() {
        return;
    }
    let list = values.join(", ");
    let (kind, code, ko, en) = if values.len() >= 2
        && values.iter().all(|v| sides::side_of(v).is_some())
        && repeats(column)
    {
        (
            ColumnKind::Side,
            "side_values",
            format!("값이 세입·세출 구분 ({list})"),
            format!("values name the side ({list})"),
        )
    } else if values.iter().all(|v| sides::is_row_type(v))
        && values.iter().any(|v| total_words::total_kind(v).is_some())
    {
        (
            ColumnKind::RowType,
            "row_type_values",
            format!("값이 합계·세부 행 표시 ({list})"),
            format!("values mark total and detail rows ({list})"),
        )
    } else if values.len() >= 2
        && values
            .iter()
            .all(|v| super::lexicon::role(v).is_some() && v.chars().count() <= 30)
    {
        (
            ColumnKind::Phase,
            "phase_values",
            format!("값이 예산 단계 ({list})"),
            format!("values are budget phases ({list})"),
        )
    } else {
        return;
    };
    column.kind = kind;
    column.hierarchy = false;
    column.evidence.push(evidence(code, ko, en));
}

/// A code column is the code of the label column it goes with one to one;
/// a code with no label is a level of its own, unless it names every row.
fn pair_codes(columns: &mut [Column], sample: &[Vec<&str>]) {
    let labels: Vec<usize> = columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Dimension && c.hierarchy)
        .map(|c| c.index)
        .collect();
    for column in columns.iter_mut().filter(|c| c.kind == ColumnKind::Code) {
        let index = column.index;
        let mut partners: Vec<usize> = labels
            .iter()
            .copied()
            .filter(|&l| determines(sample, index, l) && determines(sample, l, index))
            .collect();
        partners.sort_by_key(|&l| l.abs_diff(index));
        if let Some(&label) = partners.first() {
            column.code_of = Some(label);
            column.hierarchy = false;
            column.evidence.push(evidence(
                "code_of",
                format!("{}열 이름의 코드", label + 1),
                format!("the codes of column {}", label + 1),
            ));
        } else if column.profile.distinct == column.profile.filled() && column.profile.filled() > 2
        {
            column.hierarchy = false;
            column.evidence.push(evidence(
                "unique",
                "행마다 다른 값: 행 번호",
                "a different value in every row",
            ));
        } else if column.profile.single_value() {
            // `Код строки` 200 in every row of a report form.
            column.hierarchy = false;
            column.evidence.push(evidence(
                "single_value",
                "모든 행의 값이 같음",
                "one value in every row",
            ));
        } else if column.hierarchy {
            column.evidence.push(evidence(
                "code_level",
                "이름 열이 없어 코드를 계층으로 씀",
                "no label beside it: the codes are a level",
            ));
        }
    }
}

/// Two columns that group the rows the same way are one level (the left
/// one); the others are ordered so that a column nested inside another goes
/// below it, else left to right. Each level's place is its `level`.
fn order_levels(columns: &mut [Column], sample: &[Vec<&str>]) {
    let levels: Vec<usize> = columns
        .iter()
        .filter(|c| c.hierarchy)
        .map(|c| c.index)
        .take(MAX_COMPARED)
        .collect();
    let rows = sample.len();
    let n = levels.len();
    let mut inside = vec![vec![false; n]; n];
    for i in 0..n {
        for j in 0..n {
            inside[i][j] = i != j && determines(sample, levels[i], levels[j]);
        }
    }
    let mut same = Vec::new();
    for j in 0..n {
        let Some(i) = (0..j).find(|&i| inside[i][j] && inside[j][i]) else {
            continue;
        };
        let p = &columns[levels[j]].profile;
        if rows >= MIN_ROWS_FOR_SAME && p.distinct < p.filled() {
            same.push((j, i));
        }
    }
    for &(j, i) in &same {
        let left = columns[levels[i]].name.clone();
        let column = &mut columns[levels[j]];
        column.hierarchy = false;
        column.evidence.push(evidence(
            "same_grouping",
            format!("'{left}' 열과 같은 묶음"),
            format!("groups the rows as '{left}' does"),
        ));
    }
    let dropped: Vec<usize> = same.iter().map(|&(j, _)| j).collect();
    let mut remaining: Vec<usize> = (0..n).filter(|j| !dropped.contains(j)).collect();
    let mut order = Vec::with_capacity(remaining.len());
    while !remaining.is_empty() {
        // The leftmost column not strictly inside another one still to place.
        let pick = remaining
            .iter()
            .position(|&a| !remaining.iter().any(|&b| inside[a][b] && !inside[b][a]))
            .unwrap_or(0);
        order.push(remaining.remove(pick));
    }
    let kept: Vec<usize> = (0..n).filter(|j| !dropped.contains(j)).collect();
    for (level, &i) in order.iter().enumerate() {
        let column = &mut columns[levels[i]];
        column.level = Some(level);
        if kept[level] != i {
            column.evidence.push(evidence(
                "nesting",
                format!("다른 열 안에 묶여 계층 {}단계에 둠", level + 1),
                format!("nests inside another column: level {}", level + 1),
            ));
        }
    }
}
