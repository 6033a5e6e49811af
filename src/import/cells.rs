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
fn is_lead_in(cell: &str) -> bool {
    const LEAD_INS: [&str; 16] = [
        "в том числе",
        "в т.ч.",
        "из них",
        "у тому числі",
        "в тому числі",
        "з них",
        "w tym",
        "of which",
        "including",
        "davon",
        "dont",
        "de los cuales",
        "그 중",
        "이 중",
        "うち",
        "其中",
    ];
    let text = cell.trim_end_matches([':', '：']).trim().to_lowercase();
    LEAD_INS.contains(&text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

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
