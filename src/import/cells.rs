//! What a cell says beyond its text: trimmed labels with converter markup
//! removed, blank cells, footnote rows and rows of counts.

use crate::amount::parse_number;
use crate::import::table::Cells;

/// A label cell as text: trimmed, inline markup taken out (see
/// [`crate::markup`]).
#[inline]
pub(crate) fn label(cell: &str) -> std::borrow::Cow<'_, str> {
    let cell = trim(cell);
    if !cell.as_bytes().contains(&b'<') {
        return std::borrow::Cow::Borrowed(cell);
    }
    crate::markup::plain(cell)
}

/// A cell that counts things (`521건`, `14명`, `3회`) rather than money: the
/// row it is in is a count row.
pub(crate) fn count_text<'a>(cells: &Cells<'a>) -> Option<&'a str> {
    const COUNTS: [&str; 8] = ["건", "명", "개소", "개", "회", "곳", "인", "일"];
    cells.iter().map(str::trim).find(|cell| {
        COUNTS.iter().any(|unit| {
            cell.strip_suffix(unit)
                .is_some_and(|number| matches!(parse_number(number), Ok(Some(n)) if !n.percent))
        })
    })
}

/// `str::trim`, without looking at the characters when the first and the
/// last byte show there is nothing to trim: most cells.
#[inline]
pub(crate) fn trim(cell: &str) -> &str {
    // White space is ASCII, or a character whose first byte is C2, E1, E2
    // or E3 (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
    let maybe_space = |lead: u8| lead.is_ascii_whitespace() || matches!(lead, 0xC2 | 0xE1..=0xE3);
    let bytes = cell.as_bytes();
    let Some(&first) = bytes.first() else {
        return cell;
    };
    // The first byte of the last character.
    let last = bytes
        .iter()
        .rev()
        .take(4)
        .find(|&&b| b & 0xC0 != 0x80)
        .copied()
        .unwrap_or(0xC2);
    if maybe_space(first) || maybe_space(last) {
        cell.trim()
    } else {
        cell
    }
}

/// A cell with nothing but white space in it. Most cells start with a
/// character that is not white space, seen at once from the first byte.
#[inline]
pub(crate) fn blank(cell: &str) -> bool {
    match cell.as_bytes().first() {
        None => true,
        Some(&b) if b < 0x80 && !b.is_ascii_whitespace() => false,
        Some(_) => cell.trim().is_empty(),
    }
}

/// The text of a footnote row: only the first cell filled, starting with a
/// note mark (※, *, 주), 자료:, 출처:); or a row whose only cell leads into
/// the rows below it (`в том числе:`, `of which:`, `그 중`, `うち`).
pub(crate) fn note_text<'a>(cells: &Cells<'a>) -> Option<&'a str> {
    let mut filled = cells.iter().filter(|c| !blank(c));
    let only = filled.next().filter(|_| filled.next().is_none())?.trim();
    if is_lead_in(only) {
        return Some(only);
    }
    if (1..cells.len()).any(|i| cells.get(i).is_some_and(|c| !blank(c))) {
        return None;
    }
    let first = cells.get(0)?.trim();
    let marks = [
        "※", "*", "주)", "주 )", "주:", "자료:", "자료 :", "출처", "note", "source",
    ];
    let lower = first.to_lowercase();
    marks
        .iter()
        .any(|mark| lower.starts_with(mark))
        .then_some(first)
}

/// Words that lead into the rows below them, which break their row down:
/// `в том числе:` (Russian), `у тому числі`, `з них` (Ukrainian), `w tym`
/// (Polish), `of which`, `including`, `davon`, `dont`, `그 중`, `うち`, `其中`.
const LEAD_INS: [&str; 38] = [
    "в том числе",
    "в т.ч.",
    "из них",
    "у тому числі",
    "в тому числі",
    "з них",
    "w tym",
    "z tego",
    "z toho",
    "of which",
    "thereof",
    "including",
    "davon",
    "darunter",
    "dont",
    "de los cuales",
    "de las cuales",
    "dos quais",
    "das quais",
    "di cui",
    "waarvan",
    "hiervan",
    "varav",
    "heraf",
    "hvoraf",
    "herav",
    "hvorav",
    "josta",
    "joista",
    "ebből",
    "din care",
    "trong đó",
    "그 중",
    "그중",
    "이 중",
    "그 가운데",
    "うち",
    "其中",
];

fn is_lead_in(cell: &str) -> bool {
    let text = cell.trim_end_matches([':', '：']).trim().to_lowercase();
    LEAD_INS.contains(&text.as_str())
}

/// Whether a row's name says the row is a part of the row above it, not
/// one more item: `davon Beamte`, `of which: pensions`, `그중 수당`,
/// `うち人件費`, `其中：工资`, `в том числе налоги`. Such a row is not added
/// again.
pub(crate) fn part_of(name: &str) -> bool {
    if !could_lead_bytes(name.as_bytes()) {
        return false;
    }
    let text = name.trim_start();
    let Some(first) = text.chars().next().filter(|&c| could_lead(c)) else {
        return false;
    };
    let lower = first.to_lowercase().next().unwrap_or(first);
    // A char compared, not `starts_with`, which compares bytes in a call
    // per lead (a million rows: 38 million calls).
    #[allow(clippy::chars_next_cmp)]
    LEAD_INS.iter().any(|lead| {
        lead.chars().next() == Some(lower)
            && after_lead(text, lead).is_some_and(|rest| !rest.is_empty())
    })
}

/// Whether a name's first bytes may start one of [`LEAD_INS`], told from
/// at most two bytes: an ASCII letter that starts one (or a space), a
/// Cyrillic letter, or the first two bytes of 그, 이, う or 其.
fn could_lead_bytes(bytes: &[u8]) -> bool {
    match bytes {
        [b, ..] if b.is_ascii() => matches!(
            b.to_ascii_lowercase(),
            b'd' | b'e' | b'h' | b'i' | b'j' | b'o' | b't' | b'v' | b'w' | b'z' | b' ' | b'\t'
        ),
        [0xD0 | 0xD1, ..] => true,
        [0xEA, 0xB7, ..] | [0xEC, 0x9D, ..] | [0xE3, 0x81, ..] | [0xE5, 0x85, ..] => true,
        // U+3000, a full-width space.
        [0xE3, 0x80, ..] => true,
        _ => false,
    }
}

/// Whether a name starting with `first` may start with one of
/// [`LEAD_INS`]: most names are passed over on their first letter.
fn could_lead(first: char) -> bool {
    matches!(
        first.to_ascii_lowercase(),
        'd' | 'e' | 'h' | 'i' | 'j' | 'o' | 't' | 'v' | 'w' | 'z'
    ) || matches!(
        first,
        'в' | 'В' | 'и' | 'И' | 'у' | 'У' | 'з' | 'З' | '그' | '이' | 'う' | '其'
    )
}

/// What follows `lead` at the start of `text` (compared in lower case),
/// past a colon and spaces; `None` where `text` does not start with it, or
/// where the lead's last word runs on into more letters (`Davonport`).
/// Japanese and Chinese leads may run straight into the name (`うち人件費`).
fn after_lead<'a>(text: &'a str, lead: &str) -> Option<&'a str> {
    let mut chars = text.chars();
    for expected in lead.chars() {
        let c = chars.next()?;
        if c != expected && c.to_lowercase().next() != Some(expected) {
            return None;
        }
    }
    let rest = chars.as_str();
    let runs_into = !matches!(lead, "うち" | "其中");
    if runs_into && rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(
        rest.trim_start_matches([':', '：', ' ', '\u{3000}'])
            .trim_end(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_parts_of_the_row_above() {
        for name in [
            "davon Beamte",
            "of which: pensions",
            "Of which overtime",
            "그중 수당",
            "うち人件費",
            "其中：工资",
            "В том числе налоги",
            "w tym wynagrodzenia",
            "dont personnel",
        ] {
            assert!(part_of(name), "{name}");
        }
        for name in [
            "Davonport Road",
            "Dontown",
            "davon:",
            "그 중요사업",
            "Including",
            "Police",
            "",
            "うち",
        ] {
            assert!(!part_of(name), "{name}");
        }
    }

    #[test]
    fn trims_as_str_trim_does() {
        for cell in [
            "",
            " ",
            "총무과",
            " 총무과 ",
            "총무과\u{3000}",
            "\u{A0}계",
            "a",
            "1,000 ",
            "\t가\r",
            "가\u{2003}",
            "\u{1680}",
            "ㄱ",
            "é",
        ] {
            assert_eq!(trim(cell), cell.trim(), "{cell:?}");
        }
    }
}
