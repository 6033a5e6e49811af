//! Inline markup that converters of HWP and PDF documents leave in cells:
//! `<b>…</b>`, `<strong>`, `<span style=…>`, `<br/>`, and checkboxes
//! (`<input type="checkbox" checked/>`). A label is plain text: the tags are
//! taken out (checkboxes written as ☑ and ☐), and anything else that merely
//! contains `<` (`<5%`, `a < b`) is the user's text and kept.

use std::borrow::Cow;

/// Inline tags that carry no text of their own.
const INLINE: &[&str] = &[
    "b", "strong", "i", "em", "u", "span", "font", "br", "sup", "sub", "p", "div", "a", "small",
    "mark", "s", "strike", "del", "ins", "input",
];

/// The tag that starts `text` (`<b>`, `</span>`, `<br/>`): its name and length.
fn tag_at(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &rest[..name_len];
    let after = rest[name_len..].chars().next()?;
    if name.is_empty() || !matches!(after, '>' | ' ' | '/' | '\t' | '\n') {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    if !INLINE.contains(&lower.as_str()) {
        return None;
    }
    let end = text.find('>')?;
    Some((name, end + 1))
}

/// Whether a cell holds a bold tag: a hint that its row is a sum.
pub fn is_bold(cell: &str) -> bool {
    cell.contains('<') && {
        let lower = cell.to_ascii_lowercase();
        lower.contains("<b>") || lower.contains("<b ") || lower.contains("<strong")
    }
}

/// The cell as plain text, trimmed, its white space folded where tags were
/// taken out.
///
/// ```
/// use yesan::markup::plain;
/// assert_eq!(plain("<b>합 계</b>"), "합 계");
/// assert_eq!(plain("<span style=\"x\">교육</span> <strong>부</strong>"), "교육 부");
/// assert_eq!(plain("<input checked=\"\" type=\"checkbox\"/> 직접"), "☑ 직접");
/// assert_eq!(plain("집행률 <5%"), "집행률 <5%");
/// ```
pub fn plain(cell: &str) -> Cow<'_, str> {
    let cell = cell.trim();
    if !cell.contains('<') {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    let mut changed = false;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        match tag_at(rest) {
            Some((name, len)) => {
                let tag = &rest[..len];
                if name.eq_ignore_ascii_case("input") {
                    out.push(if tag.contains("checked") {
                        '☑'
                    } else {
                        '☐'
                    });
                } else if name.eq_ignore_ascii_case("br") {
                    out.push(' ');
                }
                rest = &rest[len..];
                changed = true;
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    if !changed {
        return Cow::Borrowed(cell);
    }
    Cow::Owned(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_out_text_in() {
        assert_eq!(plain("<b>교육부</b>"), "교육부");
        assert_eq!(plain("<B>Total</B>"), "Total");
        assert_eq!(plain("a<br/>b"), "a b");
        assert_eq!(plain("<unknown>x</unknown>"), "<unknown>x</unknown>");
        assert_eq!(plain("<"), "<");
        assert_eq!(plain("<b"), "<b");
        assert!(is_bold("<b>계</b>"));
        assert!(is_bold("<STRONG>계</STRONG>"));
        assert!(!is_bold("<br/>"));
    }
}
