//! Notations worth a word to the reader, counted while reading: placeholder
//! tokens read as "not given" (`nfp`, `N/A`, `..`), each counted in one
//! warning, amounts a spreadsheet wrote in E-notation (`2.35302E+11`),
//! read exactly as written but already rounded by it, and amounts written
//! with Korean units (`410억 18백만원`), read in won.

use crate::columns::Column;

/// What was counted, each with where it was first seen (line, 0-based column).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Notations {
    placeholders: Vec<(String, usize, (usize, usize))>,
    /// Per column: (column, count, first line).
    exponents: Vec<(usize, usize, usize)>,
    won: Vec<(usize, usize, usize)>,
}

/// A warning: code, row, 1-based column, Korean, English.
pub type Note = (&'static str, usize, usize, String, String);

impl Notations {
    pub fn placeholder(&mut self, token: &str, line: usize, column: usize) {
        match self.placeholders.iter_mut().find(|(t, _, _)| t == token) {
            Some((_, count, _)) => *count += 1,
            None => self
                .placeholders
                .push((token.to_string(), 1, (line, column))),
        }
    }

    pub fn exponent(&mut self, line: usize, column: usize) {
        count_in(&mut self.exponents, column, 1, line);
    }

    /// A cell written with Korean units (`410억 18백만원`).
    pub fn won(&mut self, line: usize, column: usize) {
        count_in(&mut self.won, column, 1, line);
    }

    /// Whether any cell was written with Korean units.
    pub fn any_won(&self) -> bool {
        !self.won.is_empty()
    }

    /// Adds what a later part of the file counted: counts add up, and the
    /// first place seen stays the earlier one.
    pub fn absorb(&mut self, later: Notations) {
        for (token, count, first) in later.placeholders {
            match self.placeholders.iter_mut().find(|(t, _, _)| *t == token) {
                Some((_, total, _)) => *total += count,
                None => self.placeholders.push((token, count, first)),
            }
        }
        for (column, count, line) in later.exponents {
            count_in(&mut self.exponents, column, count, line);
        }
        for (column, count, line) in later.won {
            count_in(&mut self.won, column, count, line);
        }
    }

    /// One warning per placeholder token and per column of E-notation.
    pub fn warnings(&self, columns: &[Column]) -> Vec<Note> {
        let name = |c: usize| columns.get(c).map_or("", |c| c.name.as_str());
        let placeholders = self.placeholders.iter().map(|(token, count, (line, column))| {
            (
                "not_given",
                *line,
                column + 1,
                format!("'{token}' {count}칸은 공표되지 않았거나 정할 수 없는 값(신규·폐지 항목의 증감률 등)으로 보고 0이 아닌 '값 없음'으로 읽었습니다 (처음: {line}행 '{}')", name(*column)),
                format!("{count} {} of '{token}' {} read as not given (unpublished, or no rate for a new or discontinued item), not as zero (first: row {line}, '{}')", if *count == 1 { "cell" } else { "cells" }, if *count == 1 { "was" } else { "were" }, name(*column)),
            )
        });
        let exponents = self.exponents.iter().map(|(column, count, line)| {
            (
                "e_notation",
                *line,
                column + 1,
                format!("'{}' 열의 {count}칸은 지수 표기(예: 2.35302E+11)여서 쓰인 그대로 읽었습니다. 스프레드시트가 이미 반올림한 값입니다", name(*column)),
                format!("{count} cells of '{}' are in E-notation (like 2.35302E+11) and were read as written: a spreadsheet has already rounded them", name(*column)),
            )
        });
        let won = self.won.iter().map(|(column, count, line)| {
            (
                "units_in_cells",
                *line,
                column + 1,
                format!("'{}' 열의 {count}칸은 단위(억·만 등)를 붙여 써서 원으로 읽고 표의 단위로 옮겼습니다", name(*column)),
                format!("{count} {} of '{}' {} their Korean unit (억, 만, …): read in won and put in the table's unit", if *count == 1 { "cell" } else { "cells" }, name(*column), if *count == 1 { "states" } else { "state" }),
            )
        });
        placeholders.chain(exponents).chain(won).collect()
    }
}

/// Adds `count` cells of `column` to `list`, first seen at `line` where the
/// column is new to it.
fn count_in(list: &mut Vec<(usize, usize, usize)>, column: usize, count: usize, line: usize) {
    match list.iter_mut().find(|(c, _, _)| *c == column) {
        Some((_, total, _)) => *total += count,
        None => list.push((column, count, line)),
    }
}
