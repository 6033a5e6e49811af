//! A column's profile from its values: how many cells are numbers, whole
//! numbers, written with leading zeros, years, dates, links, flags; how
//! many distinct values, how long. The inference reads these before the
//! header, so that a code or a year is never summed as money.

use crate::amount::{parse_number_in, Notation, NumberError};
use rustc_hash::FxHashSet;

/// What the sampled cells of one column look like.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// Cells sampled, and those that were empty (or `-`).
    pub cells: usize,
    pub empty: usize,
    /// Cells that read as numbers, and of those: whole, percentages, written
    /// with a thousands separator or decimals, with a leading zero (`007`).
    pub numbers: usize,
    pub integers: usize,
    pub percents: usize,
    pub grouped: usize,
    pub leading_zeros: usize,
    /// Cells that read as text.
    pub texts: usize,
    /// Cells that read as a year (`2015`, `2015.0`, `FY22-23`, `2014-15`) or a date.
    pub years: usize,
    /// Of those, the dates (`2015-03-31`, `31/03/2015`).
    pub dates: usize,
    pub urls: usize,
    /// Text cells of digits joined by `-`, `.` or `/` (`0110-5110`,
    /// `101-01`, `1.2.3`): account and classification codes.
    pub coded: usize,
    /// Whole numbers 0 and 1, or yes/no words.
    pub flags: usize,
    /// Distinct non-empty values (counted up to the sample's size).
    pub distinct: usize,
    /// Digits of the whole numbers, when all have the same count.
    pub width: Option<usize>,
    /// The whole numbers run 1, 2, 3, … in order.
    pub sequential: bool,
    /// Text cells that read as prose: more than 60 characters or 8 words.
    pub prose: usize,
    /// The mean characters of a text cell.
    pub mean_chars: usize,
    /// The year of the first cell that reads as one.
    pub first_year: Option<i32>,
}

impl Profile {
    /// Cells with a value.
    pub fn filled(&self) -> usize {
        self.cells - self.empty
    }

    /// Every filled cell is a number.
    pub fn all_numbers(&self) -> bool {
        self.numbers > 0 && self.texts == 0
    }

    /// Every filled cell reads as a year.
    pub fn all_years(&self) -> bool {
        self.filled() > 0 && self.years == self.filled()
    }

    /// Every filled cell is a date, and they are many (more than a year's
    /// months): the days of transactions, not the periods of a budget.
    pub fn many_dates(&self) -> bool {
        self.filled() > 0 && self.dates == self.filled() && self.distinct > 12
    }

    /// One value in every filled cell, over more than one row.
    pub fn single_value(&self) -> bool {
        self.distinct == 1 && self.filled() > 1
    }
}

/// Profiles one column from its sampled cells.
pub fn profile<'a>(values: impl Iterator<Item = &'a str>) -> Profile {
    profile_in(values, Notation::default())
}

/// Profiles one column whose numbers are written in `notation`.
pub fn profile_in<'a>(values: impl Iterator<Item = &'a str>, notation: Notation) -> Profile {
    let mut tally = Tally {
        next_in_sequence: Some(1),
        notation,
        ..Tally::default()
    };
    for raw in values {
        tally.cell(&crate::markup::plain(raw));
    }
    tally.finish()
}

/// A profile while its cells are counted.
#[derive(Default)]
struct Tally {
    p: Profile,
    seen: FxHashSet<String>,
    widths: FxHashSet<usize>,
    /// The next whole number of a run 1, 2, 3, …, while it lasts.
    next_in_sequence: Option<i64>,
    text_chars: usize,
    notation: Notation,
}

impl Tally {
    fn cell(&mut self, cell: &str) {
        self.p.cells += 1;
        if cell.is_empty() {
            self.p.empty += 1;
            return;
        }
        if self.seen.len() < 100_000 {
            self.seen.insert(cell.to_string());
        }
        if let Some(year) = year_of(cell) {
            self.p.years += 1;
            self.p.dates += usize::from(cell.trim().split(['-', '/', '–', '.']).count() == 3);
            self.p.first_year = self.p.first_year.or(Some(year));
        }
        match parse_number_in(cell, self.notation) {
            Ok(None) => self.p.empty += 1,
            Ok(Some(number)) => self.number(cell, number),
            Err(NumberError::OutOfRange | NumberError::TooPrecise) => {
                self.p.numbers += 1;
                self.next_in_sequence = None;
            }
            Err(NumberError::NotANumber) => self.text(cell),
        }
    }

    fn number(&mut self, cell: &str, number: crate::amount::Number) {
        let p = &mut self.p;
        p.numbers += 1;
        if number.percent {
            p.percents += 1;
        }
        if cell.contains(',') || cell.contains('.') {
            p.grouped += 1;
        }
        let whole = number.value.fract().is_zero() && !cell.contains('.');
        if !whole {
            self.next_in_sequence = None;
            return;
        }
        p.integers += 1;
        self.widths.insert(cell.trim_start_matches('-').len());
        if cell.len() > 1 && cell.starts_with('0') {
            p.leading_zeros += 1;
        }
        if cell == "0" || cell == "1" {
            p.flags += 1;
        }
        self.next_in_sequence = self
            .next_in_sequence
            .filter(|&n| cell.parse::<i64>().ok() == Some(n))
            .map(|n| n + 1);
    }

    fn text(&mut self, cell: &str) {
        let p = &mut self.p;
        p.texts += 1;
        self.next_in_sequence = None;
        let chars = cell.chars().count();
        self.text_chars += chars;
        if chars > 60 || cell.split_whitespace().count() > 8 {
            p.prose += 1;
        }
        p.coded += usize::from(code_shaped(cell));
        let lower = cell.to_ascii_lowercase();
        if ["http://", "https://", "www."]
            .iter()
            .any(|s| lower.starts_with(s))
        {
            p.urls += 1;
        }
        if matches!(
            lower.as_str(),
            "y" | "n" | "yes" | "no" | "true" | "false" | "s" | "sí" | "si"
        ) {
            p.flags += 1;
        }
    }

    fn finish(self) -> Profile {
        let mut p = self.p;
        p.distinct = self.seen.len();
        p.width = (self.widths.len() == 1)
            .then(|| self.widths.into_iter().next())
            .flatten();
        p.sequential = self.next_in_sequence.is_some_and(|n| n > 3) && p.integers == p.filled();
        p.mean_chars = self.text_chars.checked_div(p.texts).unwrap_or(0);
        p
    }
}

/// Digits joined by `-`, `.` or `/`, starting and ending with a digit.
fn code_shaped(cell: &str) -> bool {
    // Most text cells are names: passed over on their first byte.
    if !cell
        .as_bytes()
        .first()
        .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_whitespace())
    {
        return false;
    }
    let b = cell.trim().as_bytes();
    let joint = |c: &u8| matches!(c, b'-' | b'.' | b'/');
    b.first().is_some_and(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter().any(joint)
        && b.iter().all(|c| c.is_ascii_digit() || joint(c))
}

/// The year a cell names, when it is a year or a date: `2015`, `2015.0`,
/// `FY2015`, `FY22-23` (2022), `2014-15` (2014), `2014/2015`, `2015-03-31`,
/// `31/03/2015`, `2015년`, `2015年度`, `令和6年度` (2024). Fiscal years that
/// span two calendar years are known by their first.
pub fn year_of(cell: &str) -> Option<i32> {
    let text = cell.trim();
    let upper = text.to_ascii_uppercase();
    let text = upper
        .strip_prefix("FY")
        .map(str::trim_start)
        .unwrap_or(&upper);
    let text = text.strip_suffix(".0").unwrap_or(text);
    // `2024년`, `2024년도`, `2024年度`, `2024年`: the year and its word.
    let text = ["년도", "년", "年度", "年"]
        .iter()
        .find_map(|word| text.strip_suffix(word))
        .map_or(text, str::trim_end);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let four = |s: &str| {
        (s.len() == 4 && digits(s))
            .then(|| s.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    };
    let two = |s: &str| {
        (s.len() == 2 && digits(s))
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    if let Some(year) = four(text) {
        return Some(year);
    }
    // `令和6年度` alone, not a label that begins with a year.
    let whole = cell.trim();
    let era_first = ERAS.iter().any(|(era, ..)| whole.starts_with(era));
    if era_first && (whole.ends_with('年') || whole.ends_with("年度")) {
        return era_year(whole);
    }
    // `114年度` alone.
    if whole.len() <= "114年度".len() && whole.as_bytes().first().is_some_and(u8::is_ascii_digit)
    {
        if let Some(year) = roc_year(whole) {
            return Some(year);
        }
    }
    if upper.starts_with("FY") {
        if let Some(y) = two(text) {
            return Some(2000 + y);
        }
    }
    let parts: Vec<&str> = text.split(['-', '/', '–', '.']).collect();
    match parts.as_slice() {
        // 2014-15, 2014/2015, FY22-23
        [a, b] => {
            let first = four(a).or_else(|| {
                upper
                    .starts_with("FY")
                    .then(|| two(a).map(|y| 2000 + y))
                    .flatten()
            })?;
            let next = (first + 1).to_string();
            (b == &next.as_str() || *b == &next[2..]).then_some(first)
        }
        // 2015-03-31 or 31/03/2015
        [a, b, c] if digits(b) && b.len() <= 2 => four(a)
            .filter(|_| digits(c) && c.len() <= 2)
            .or_else(|| four(c).filter(|_| digits(a) && a.len() <= 2)),
        _ => None,
    }
}

/// Japan's eras of budget tables, with the year before each one's first.
/// Eras and the year before their first: Japan's, and the Republic of
/// China's calendar that Taiwan counts its fiscal years in (民國114年 is
/// 2025).
const ERAS: [(&str, i32, usize); 8] = [
    ("令和", 2018, 2),
    ("平成", 1988, 2),
    ("民國", 1911, 3),
    ("民国", 1911, 3),
    // Abbreviated, as spreadsheets write them: `R6年度`, `H30年度`.
    ("R", 2018, 2),
    ("H", 1988, 2),
    ("Ｒ", 2018, 2),
    ("Ｈ", 1988, 2),
];

/// A year of an era: `令和6年度` (2024), `令和元年` (2019), `平成３０年度`
/// (2018), `R6年度`, `H30年度`, `中華民國114年度` (2025), with ASCII or
/// full-width digits.
pub fn era_year(text: &str) -> Option<i32> {
    ERAS.iter().find_map(|&(era, base, most)| {
        text.match_indices(era)
            .filter(|&(at, _)| !text[..at].ends_with(|c: char| c.is_ascii_alphabetic()))
            .find_map(|(at, _)| year_of_era(&text[at + era.len()..], base, most))
    })
}

/// The year `rest` (what follows an era's name) names: `6年度` of 令和 is
/// 2024, `元年` its first.
fn year_of_era(rest: &str, base: i32, most: usize) -> Option<i32> {
    let rest = rest.trim_start();
    let (number, after) = match rest.strip_prefix('元') {
        Some(after) => (1, after),
        None => {
            let end = rest
                .char_indices()
                .find(|&(_, c)| c.to_digit(10).is_none() && !('０'..='９').contains(&c))
                .map_or(rest.len(), |(at, _)| at);
            let digits = rest[..end].chars().map(|c| match c {
                '０'..='９' => (c as u32 - '０' as u32) as i32,
                _ => c.to_digit(10).map_or(0, |d| d as i32),
            });
            let number = (1..=most)
                .contains(&rest[..end].chars().count())
                .then(|| digits.fold(0, |n, d| n * 10 + d))?;
            (number, &rest[end..])
        }
    };
    (number >= 1 && after.trim_start().starts_with('年')).then_some(base + number)
}

/// A four-digit year named in a header: `2018년 예산`, `2015예산액 (A)`,
/// `FY2023 Adopted`, `2014-15 Budget` (2014), or a year of a Japanese era
/// (`令和6年度予算額`).
pub fn year_from_header(header: &str) -> Option<i32> {
    four_digit_year(header)
        .or_else(|| era_year(header))
        .or_else(|| roc_year(header))
        .or_else(|| short_year(header))
}

/// A year of the Republic of China's calendar without its era's name, as
/// Taiwan's budget tables write them: three digits before `年`
/// (`114年度預算數`, 2025). No other calendar in use writes three-digit
/// years.
fn roc_year(header: &str) -> Option<i32> {
    if ERAS
        .iter()
        .any(|(era, _, most)| *most < 3 && era.chars().count() > 1 && header.contains(era))
    {
        return None;
    }
    let bytes = header.as_bytes();
    header
        .match_indices('年')
        .find_map(|(at, _)| {
            let before = header[..at].trim_end().as_bytes();
            let start = before.len().checked_sub(3)?;
            let digits = &before[start..];
            let alone = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
            (alone && digits.iter().all(u8::is_ascii_digit))
                .then(|| 1911 + digits.iter().fold(0, |y, d| y * 10 + i32::from(d - b'0')))
        })
        .filter(|year| (2011..=2111).contains(year))
}

/// A year written with two digits after an apostrophe or `FY`: `'24년
/// 예산` (2024), `’23 예산`, `FY24 Budget`, `FY22-23 Actual` (2022); `'98`
/// is 1998.
fn short_year(header: &str) -> Option<i32> {
    let upper = header.to_ascii_uppercase();
    ["'", "’", "‘", "FY"].iter().find_map(|mark| {
        upper.match_indices(mark).find_map(|(at, _)| {
            let after = &upper.as_bytes()[at + mark.len()..];
            let two = after.len() >= 2 && after[..2].iter().all(u8::is_ascii_digit);
            let alone = after.get(2).is_none_or(|b| !b.is_ascii_digit());
            // `FY` must start a word: not `SHIFTY24`.
            let word = *mark != "FY" || at == 0 || !upper.as_bytes()[at - 1].is_ascii_alphabetic();
            (two && alone && word).then(|| {
                let year = i32::from(after[0] - b'0') * 10 + i32::from(after[1] - b'0');
                if year >= 70 {
                    1900 + year
                } else {
                    2000 + year
                }
            })
        })
    })
}

fn four_digit_year(header: &str) -> Option<i32> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_dates() {
        for (cell, year) in [
            ("2015", Some(2015)),
            ("2015.0", Some(2015)),
            ("FY2015", Some(2015)),
            ("FY22-23", Some(2022)),
            ("2014-15", Some(2014)),
            ("2014/2015", Some(2014)),
            ("2015-03-31", Some(2015)),
            ("31/03/2015", Some(2015)),
            ("2014-16", None),
            ("1,200", None),
            ("12015", None),
            ("0100", None),
            ("총무과", None),
            ("令和6年度", Some(2024)),
            ("2024년", Some(2024)),
            ("2024년도", Some(2024)),
            ("2024 년", Some(2024)),
            ("2024年度", Some(2024)),
            ("2024年", Some(2024)),
            ("12024년", None),
            ("令和元年度", Some(2019)),
            ("平成３０年度", Some(2018)),
            ("令和6年度事業", None),
            ("114年度", Some(2025)),
            ("114年", Some(2025)),
            ("民國114年度", Some(2025)),
            ("114年度預算", None),
            ("999年", None),
            ("R6年度", Some(2024)),
            ("H30年度", Some(2018)),
            ("R元年度", Some(2019)),
            ("Ｒ６年度", Some(2024)),
            ("RH6年度", None),
        ] {
            assert_eq!(year_of(cell), year, "{cell}");
        }
    }

    #[test]
    fn profiles_codes_years_flags_and_prose() {
        let p = profile(["001", "002", "010", "002"].into_iter());
        assert_eq!((p.leading_zeros, p.distinct, p.width), (4, 3, Some(3)));
        let p = profile(["1", "2", "3", "4", "5"].into_iter());
        assert!(p.sequential);
        let p = profile(["0", "1", "1", "0"].into_iter());
        assert_eq!(p.flags, 4);
        let p = profile(["2019", "2020", "", "2021"].into_iter());
        assert!(p.all_years());
        assert_eq!(p.empty, 1);
        let p = profile(["https://city.example/a", "https://city.example/b"].into_iter());
        assert_eq!(p.urls, 2);
        let p = profile(
            ["Minutes of the council meeting where the budget was adopted after a long debate"]
                .into_iter(),
        );
        assert_eq!(p.prose, 1);
        let p = profile(["12,198", "2,960", "-"].into_iter());
        assert_eq!((p.numbers, p.grouped, p.empty), (2, 2, 1));
        let p = profile(["0110-5110", "101-01", "1.2.3", "1-A", "A-10", "총무과"].into_iter());
        assert_eq!((p.texts, p.coded), (6, 3));
    }
}
