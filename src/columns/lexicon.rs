//! The header lexicon: the words budget files in Korean, English, Spanish,
//! French, German, Portuguese, Italian, Dutch, Swedish, Danish, Norwegian,
//! Finnish, Polish, Czech, Hungarian, Romanian, Russian, Ukrainian, Turkish,
//! Indonesian, Vietnamese, Japanese and Chinese use for what a column holds, as one table of data. Each row is a
//! word, what it means and its language; the first row that matches wins,
//! so the more specific words stand first. Add a language or a word by
//! adding rows to `lexicon/words.rs`.
//!
//! Latin-script words are matched against the header's words (split at
//! spaces, punctuation and camelCase: `ProgramID` → `program`, `id`); a
//! word ending in `*` matches any word it begins (`appropriat*`), and a
//! word with a space matches consecutive words (`prior year`). Korean has
//! no spaces inside compounds (`전년도당초금액`), nor have Japanese and
//! Chinese (`予算現額`, `调整预算数`), so a Hangul, kana or Han word is
//! matched anywhere in the header.

use super::Role;
use crate::unit::bracketed;

/// What a header word says of its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// An amount with this role.
    Role(Role),
    /// Money with no stated role (`금액`, `Amount`, `Importe`): an adopted budget
    /// unless a year or phase column says otherwise.
    Money,
    /// Money of a kind no role names: funds released or allotted to be
    /// spent (배정액, `Actual Released`, `Allotments`), obligations not yet
    /// paid. An amount with no role, never taken for the role another of
    /// its words names (`Actual Released` is not what was spent).
    OtherMoney,
    /// A percentage: 집행률, rate, share, porcentaje.
    Rate,
    /// A code or identifier: never an amount.
    Code,
    /// The fiscal year.
    Year,
    /// Remarks and free text: not a level of the hierarchy.
    Note,
    /// A count of people (Population) or households (Households).
    Count(Role),
    /// A level of a budget classification (Capítulo, Artículo, Concepto,
    /// Fund, Object): numbers under it are codes, text is a level's names.
    Classification,
}

/// One row of the lexicon.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub word: &'static str,
    pub meaning: Meaning,
    /// ISO 639-1 code of the word's language.
    pub lang: &'static str,
}

mod words;
pub use words::LEXICON;

/// The row a percent sign anywhere in a header matches.
const LEXICON_PERCENT: Entry = Entry {
    word: "%",
    meaning: Meaning::Rate,
    lang: "und",
};

/// The header without bracketed parts: `예산현액(A+B)` → `예산현액 `.
pub fn without_brackets(header: &str) -> String {
    let mut text = header.to_string();
    for inner in bracketed(header) {
        for (open, close) in [('(', ')'), ('[', ']'), ('（', '）')] {
            text = text.replace(&format!("{open}{inner}{close}"), " ");
        }
    }
    text
}

/// The header's words: split at anything that is not a letter or digit and
/// at camelCase boundaries, lower-cased.
pub fn words(header: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in header.chars() {
        if c.is_alphanumeric() || c == 'º' {
            if c.is_uppercase() && previous_lower && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = c.is_lowercase();
            word.extend(c.to_lowercase());
        } else {
            previous_lower = false;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether a lexicon word matches at the start of `words`.
fn matches_at(pattern: &str, words: &[String]) -> bool {
    let parts: Vec<&str> = pattern.split(' ').collect();
    parts.len() <= words.len()
        && parts
            .iter()
            .zip(words)
            .all(|(part, word)| match part.strip_suffix('*') {
                Some(stem) => word.starts_with(stem),
                None => word == part,
            })
}

/// A word of a script written without spaces: Hangul, kana, Han.
fn unspaced(c: char) -> bool {
    matches!(c, '가'..='힣' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// A Hangul, kana or Han word, or a symbol, is looked for anywhere in the
/// header.
fn anywhere(word: &str) -> bool {
    // Most words are ASCII: no character to decode, none unspaced.
    if word.is_ascii() {
        return !word.split(' ').all(|part| {
            let stem = part.strip_suffix('*').unwrap_or(part);
            !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    }
    word.chars().any(unspaced)
        || !word.split(' ').all(|part| {
            let stem = part.strip_suffix('*').unwrap_or(part);
            !stem.is_empty() && stem.chars().all(char::is_alphanumeric)
        })
}

/// The first lexicon row whose word is in the header (brackets left out).
pub fn lookup(header: &str) -> Option<&'static Entry> {
    lookup_where(header, |_| true)
}

/// The role the words of a rate column's header name beside the rate
/// (`집행률` → executed, `Toteutuma-%` → executed, `증감률` → difference).
pub fn role_of_rate(header: &str) -> Option<Role> {
    let entry = lookup_where(header, |e| !matches!(e.meaning, Meaning::Rate))?;
    match entry.meaning {
        Meaning::Role(role) => Some(role),
        _ => None,
    }
}

/// The first lexicon row `wanted` keeps whose word is in the header.
fn lookup_where(header: &str, wanted: impl Fn(&Entry) -> bool) -> Option<&'static Entry> {
    let text = without_brackets(header);
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let words = words(&text);
    let joined = words.join(" ");
    // `Realisasi (%)`, `Gerçekleşme Oranı (%)`: a percent sign in brackets
    // too says the column holds rates, whatever its words say.
    if header.contains('%') && wanted(&LEXICON_PERCENT) {
        return Some(&LEXICON_PERCENT);
    }
    // `Plan 2024`: a header that is a role word and a year is that word
    // (made only when a whole-header role word is tried).
    let undated = std::cell::OnceCell::new();
    let undated = || {
        undated.get_or_init(|| {
            let kept: Vec<&str> = words
                .iter()
                .map(String::as_str)
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
                .collect();
            kept.join(" ")
        })
    };
    LEXICON.iter().filter(|e| wanted(e)).find(|entry| {
        if let Some(whole) = entry.word.strip_prefix('=') {
            compact == whole
                || joined == whole
                || matches!(entry.meaning, Meaning::Role(_)) && undated() == whole
        } else if anywhere(entry.word) {
            compact.contains(entry.word)
        } else {
            (0..words.len()).any(|at| matches_at(entry.word, &words[at..]))
        }
    })
}

/// The languages of the lexicon words a table's headers hold, one a
/// header that holds one (each header looked up once: a lookup passes over
/// the whole lexicon).
pub fn languages(headers: &[String]) -> Vec<&'static str> {
    headers
        .iter()
        .filter_map(|h| lookup(h))
        .map(|e| e.lang)
        .collect()
}

/// Whether a table's headers (their [`languages`]) are written mostly in
/// languages that write a decimal comma and group thousands with points
/// (`12.500` is twelve thousand five hundred in Dutch, German, Spanish,
/// Indonesian, Danish, …).
pub fn decimal_comma_language(languages: &[&str]) -> bool {
    const COMMA: [&str; 19] = [
        "es", "de", "nl", "pt", "it", "pl", "cs", "hu", "ro", "ru", "uk", "tr", "id", "vi", "fr",
        "sv", "da", "no", "fi",
    ];
    const POINT: [&str; 4] = ["en", "ko", "ja", "zh"];
    let count = |of: &[&str]| languages.iter().filter(|l| of.contains(l)).count();
    count(&COMMA) > count(&POINT)
}

/// Whether more of a table's headers (their [`languages`]) hold words of
/// `wanted` than of any other language (`Presupuesto`, `Devengado` are
/// Spanish).
pub fn written_in(languages: &[&str], wanted: &[&str]) -> bool {
    let these = languages.iter().filter(|l| wanted.contains(l)).count();
    let others = languages
        .iter()
        .filter(|&&l| l != "und" && !wanted.contains(&l))
        .count();
    these > others
}

/// What the header says its column holds, if the lexicon knows a word of it.
pub fn meaning(header: &str) -> Option<Meaning> {
    lookup(header).map(|entry| entry.meaning)
}

/// The role a header (or a phase value such as `Actual`) names.
pub fn role(header: &str) -> Option<Role> {
    match meaning(header)? {
        Meaning::Role(role) => Some(role),
        Meaning::Money => Some(Role::Adopted),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
