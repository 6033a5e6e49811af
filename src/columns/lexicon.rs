//! The header lexicon: the words budget files in Korean, English and
//! Spanish use for what a column holds, as one table of data. Each row is a
//! word, what it means and its language; the first row that matches wins,
//! so the more specific words stand first. Add a language or a word by
//! adding rows.
//!
//! Latin-script words are matched against the header's words (split at
//! spaces, punctuation and camelCase: `ProgramID` → `program`, `id`); a
//! word ending in `*` matches any word it begins (`appropriat*`), and a
//! word with a space matches consecutive words (`prior year`). Korean has
//! no spaces inside compounds (`전년도당초금액`), so a Hangul word is matched
//! anywhere in the header.

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

const fn e(word: &'static str, meaning: Meaning, lang: &'static str) -> Entry {
    Entry {
        word,
        meaning,
        lang,
    }
}

use Meaning::{Classification, Code, Money, Note, Rate, Year};
const ADOPTED: Meaning = Meaning::Role(Role::Adopted);
const CURRENT: Meaning = Meaning::Role(Role::Current);
const EXECUTED: Meaning = Meaning::Role(Role::Executed);
const UNSPENT: Meaning = Meaning::Role(Role::Unspent);
const CARRIED_IN: Meaning = Meaning::Role(Role::CarriedIn);
const CARRIED_OUT: Meaning = Meaning::Role(Role::CarriedOut);
const CHANGE: Meaning = Meaning::Role(Role::Change);
const DIFFERENCE: Meaning = Meaning::Role(Role::Difference);
const PREVIOUS: Meaning = Meaning::Role(Role::Previous);
const PROPOSED: Meaning = Meaning::Role(Role::Proposed);
const FINAL: Meaning = Meaning::Role(Role::Final);
const SUPPLEMENTARY: Meaning = Meaning::Role(Role::Supplementary);
const PROJECTED: Meaning = Meaning::Role(Role::Projected);
const PEOPLE: Meaning = Meaning::Count(Role::Population);
const HOUSEHOLDS: Meaning = Meaning::Count(Role::Households);

/// The lexicon, most specific first.
pub const LEXICON: &[Entry] = &[
    // Rates first: `집행률` is a rate, not an executed amount.
    e("률", Rate, "ko"),
    e("율", Rate, "ko"),
    e("비중", Rate, "ko"),
    e("구성비", Rate, "ko"),
    e("%", Rate, "und"),
    e("*100", Rate, "und"),
    e("rate", Rate, "en"),
    e("share", Rate, "en"),
    e("percent*", Rate, "en"),
    e("pct", Rate, "en"),
    e("ratio", Rate, "en"),
    e("porcentaje", Rate, "es"),
    e("tasa", Rate, "es"),
    // Codes and identifiers.
    e("코드", Code, "ko"),
    e("번호", Code, "ko"),
    e("순번", Code, "ko"),
    e("연번", Code, "ko"),
    e("순위", Code, "ko"),
    e("code", Code, "en"),
    e("codes", Code, "en"),
    e("id", Code, "en"),
    e("ids", Code, "en"),
    e("no", Code, "en"),
    e("nr", Code, "en"),
    e("number", Code, "en"),
    e("num", Code, "en"),
    e("key", Code, "en"),
    e("código", Code, "es"),
    e("codigo", Code, "es"),
    e("clave", Code, "es"),
    e("número", Code, "es"),
    e("numero", Code, "es"),
    e("nº", Code, "es"),
    e("код", Code, "ru"),
    // Levels of a classification: numbers under them are codes.
    e("capítulo", Classification, "es"),
    e("capitulo", Classification, "es"),
    e("artículo", Classification, "es"),
    e("articulo", Classification, "es"),
    e("concepto", Classification, "es"),
    e("subconcepto", Classification, "es"),
    e("partida", Classification, "es"),
    e("sección", Classification, "es"),
    e("fund", Classification, "en"),
    e("object", Classification, "en"),
    e("account", Classification, "en"),
    e("function", Classification, "en"),
    e("einzelplan", Classification, "de"),
    e("kapitel", Classification, "de"),
    e("titel", Classification, "de"),
    // The year: only a header that is nothing but the word (`=`), since
    // `전년도예산` and `Prior Year Actual` are amounts.
    e("=회계연도", Year, "ko"),
    e("=예산연도", Year, "ko"),
    e("=기준연도", Year, "ko"),
    e("=회계년도", Year, "ko"),
    e("=연도", Year, "ko"),
    e("=년도", Year, "ko"),
    e("=fiscal year", Year, "en"),
    e("=budget year", Year, "en"),
    e("=year", Year, "en"),
    e("=fy", Year, "en"),
    e("=año", Year, "es"),
    e("=ano", Year, "es"),
    e("=ejercicio", Year, "es"),
    e("=año fiscal", Year, "es"),
    // Roles, the most specific first.
    e("예산현액", CURRENT, "ko"),
    e("current budget", CURRENT, "en"),
    e("amended", CURRENT, "en"),
    e("amendment*", CURRENT, "en"),
    e("revised", CURRENT, "en"),
    e("modified", CURRENT, "en"),
    e("adjusted", CURRENT, "en"),
    e("modificado", CURRENT, "es"),
    e("ajustado", CURRENT, "es"),
    e("vigente", CURRENT, "es"),
    e("actualizado", CURRENT, "es"),
    e("definitiv*", CURRENT, "es"),
    e("집행잔액", UNSPENT, "ko"),
    e("잔액", UNSPENT, "ko"),
    e("불용액", UNSPENT, "ko"),
    e("unspent", UNSPENT, "en"),
    e("unexpended", UNSPENT, "en"),
    e("전년이월", CARRIED_IN, "ko"),
    e("전년도이월", CARRIED_IN, "ko"),
    e("carried in", CARRIED_IN, "en"),
    e("차년이월", CARRIED_OUT, "ko"),
    e("다음연도이월", CARRIED_OUT, "ko"),
    e("이월", CARRIED_OUT, "ko"),
    e("carried forward", CARRIED_OUT, "en"),
    e("carryover*", CARRIED_OUT, "en"),
    e("예산변경", CHANGE, "ko"),
    e("변경", CHANGE, "ko"),
    e("증감", DIFFERENCE, "ko"),
    e("change", DIFFERENCE, "en"),
    e("difference", DIFFERENCE, "en"),
    e("variance", DIFFERENCE, "en"),
    e("variación", DIFFERENCE, "es"),
    e("diferencia", DIFFERENCE, "es"),
    e("modificaciones", CHANGE, "es"),
    e("전년", PREVIOUS, "ko"),
    e("prior year", PREVIOUS, "en"),
    e("previous year", PREVIOUS, "en"),
    e("last year", PREVIOUS, "en"),
    e("previous", PREVIOUS, "en"),
    e("prior", PREVIOUS, "en"),
    e("año anterior", PREVIOUS, "es"),
    e("anterior", PREVIOUS, "es"),
    e("집행", EXECUTED, "ko"),
    e("지출", EXECUTED, "ko"),
    e("결산", EXECUTED, "ko"),
    e("actual", EXECUTED, "en"),
    e("actuals", EXECUTED, "en"),
    e("executed", EXECUTED, "en"),
    e("spent", EXECUTED, "en"),
    e("expended", EXECUTED, "en"),
    e("paid", EXECUTED, "en"),
    e("outturn", EXECUTED, "en"),
    e("ejercido", EXECUTED, "es"),
    e("devengado", EXECUTED, "es"),
    e("pagado", EXECUTED, "es"),
    e("ejecutado", EXECUTED, "es"),
    e("obligaciones", EXECUTED, "es"),
    e("reconocid*", EXECUTED, "es"),
    e("pagos", EXECUTED, "es"),
    e("추경", SUPPLEMENTARY, "ko"),
    e("supplementary", SUPPLEMENTARY, "en"),
    e("정부안", PROPOSED, "ko"),
    e("요구", PROPOSED, "ko"),
    e("proposed", PROPOSED, "en"),
    e("proposal", PROPOSED, "en"),
    e("requested", PROPOSED, "en"),
    e("request", PROPOSED, "en"),
    e("recommended", PROPOSED, "en"),
    e("proyecto", PROPOSED, "es"),
    e("propuesto", PROPOSED, "es"),
    e("국회확정", FINAL, "ko"),
    e("확정", FINAL, "ko"),
    e("의결", FINAL, "ko"),
    e("final", FINAL, "en"),
    e("forward estimate*", PROJECTED, "en"),
    e("estimate*", PROJECTED, "en"),
    e("projected", PROJECTED, "en"),
    e("projection*", PROJECTED, "en"),
    e("전망", PROJECTED, "ko"),
    e("estimado", PROJECTED, "es"),
    e("proyectado", PROJECTED, "es"),
    e("당초", ADOPTED, "ko"),
    e("본예산", ADOPTED, "ko"),
    e("예산", ADOPTED, "ko"),
    e("adopted", ADOPTED, "en"),
    e("approved", ADOPTED, "en"),
    e("original", ADOPTED, "en"),
    e("enacted", ADOPTED, "en"),
    e("appropriat*", ADOPTED, "en"),
    e("budget", ADOPTED, "en"),
    e("budgeted", ADOPTED, "en"),
    e("aprobado", ADOPTED, "es"),
    e("inicial*", ADOPTED, "es"),
    e("previsiones", ADOPTED, "es"),
    e("presupuesto", ADOPTED, "es"),
    e("presupuestado", ADOPTED, "es"),
    e("금액", Money, "ko"),
    e("amount", Money, "en"),
    e("amounts", Money, "en"),
    e("importe", Money, "es"),
    e("monto", Money, "es"),
    e("valor", Money, "es"),
    e("créditos", Money, "es"),
    // Counts of people and households, after every money word (`인구정책
    // 예산` is money): their numbers are added up, never as money.
    e("인구", PEOPLE, "ko"),
    e("주민수", PEOPLE, "ko"),
    e("세대수", HOUSEHOLDS, "ko"),
    e("가구수", HOUSEHOLDS, "ko"),
    e("=세대", HOUSEHOLDS, "ko"),
    e("=가구", HOUSEHOLDS, "ko"),
    e("population", PEOPLE, "en"),
    e("residents", PEOPLE, "en"),
    e("inhabitants", PEOPLE, "en"),
    e("households", HOUSEHOLDS, "en"),
    e("población", PEOPLE, "es"),
    e("poblacion", PEOPLE, "es"),
    e("habitantes", PEOPLE, "es"),
    e("hogares", HOUSEHOLDS, "es"),
    // Free text, last: `집행 설명` is an amount.
    e("비고", Note, "ko"),
    e("메모", Note, "ko"),
    e("설명", Note, "ko"),
    e("세부내용", Note, "ko"),
    e("산출근거", Note, "ko"),
    e("note*", Note, "en"),
    e("remark*", Note, "en"),
    e("comment*", Note, "en"),
    e("url", Note, "en"),
    e("link*", Note, "en"),
    e("website", Note, "en"),
    e("observaciones", Note, "es"),
];

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

/// A Hangul word or a symbol is looked for anywhere in the header.
fn anywhere(word: &str) -> bool {
    word.chars().any(|c| ('가'..='힣').contains(&c))
        || !word
            .trim_end_matches('*')
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ')
}

/// The first lexicon row whose word is in the header (brackets left out).
pub fn lookup(header: &str) -> Option<&'static Entry> {
    let text = without_brackets(header);
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let words = words(&text);
    let joined = words.join(" ");
    LEXICON.iter().find(|entry| {
        if let Some(whole) = entry.word.strip_prefix('=') {
            compact == whole || joined == whole
        } else if anywhere(entry.word) {
            compact.contains(entry.word)
        } else {
            (0..words.len()).any(|at| matches_at(entry.word, &words[at..]))
        }
    })
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
mod tests {
    use super::*;

    /// Every row of the lexicon, alone as a header, means what it says
    /// (no earlier row shadows it).
    #[test]
    fn every_row_reads_as_itself() {
        for entry in LEXICON {
            let word = entry.word.trim_start_matches('=');
            let header = match word.strip_suffix('*') {
                Some(stem) => format!("{stem}xyz"),
                None => word.to_string(),
            };
            let found = lookup(&header).map(|e| e.meaning);
            // `변경` inside `예산변경`, `잔액` inside `집행잔액`: the longer word
            // stands first and means the same or more.
            assert!(
                found == Some(entry.meaning)
                    || lookup(&header)
                        .is_some_and(|e| e.word != entry.word && header.contains(e.word)),
                "{} ({}) reads as {found:?}",
                entry.word,
                entry.lang
            );
        }
    }

    #[test]
    fn headers_of_real_files() {
        let cases = [
            ("Adopted Budget", Some(Meaning::Role(Role::Adopted))),
            ("FY2023 Amended Budget", Some(Meaning::Role(Role::Current))),
            ("Actual Expenditure", Some(Meaning::Role(Role::Executed))),
            ("Prior Year Actual", Some(Meaning::Role(Role::Previous))),
            ("Appropriation", Some(Meaning::Role(Role::Adopted))),
            ("Presupuesto Aprobado", Some(Meaning::Role(Role::Adopted))),
            ("Modificado", Some(Meaning::Role(Role::Current))),
            ("Ejercido", Some(Meaning::Role(Role::Executed))),
            ("Importe", Some(Meaning::Money)),
            ("ProgramID", Some(Meaning::Code)),
            ("Fund Code", Some(Meaning::Code)),
            ("Clave", Some(Meaning::Code)),
            ("Número de cuenta", Some(Meaning::Code)),
            ("Код", Some(Meaning::Code)),
            ("사업코드", Some(Meaning::Code)),
            ("Fiscal Year", Some(Meaning::Year)),
            ("Forward Estimates", Some(Meaning::Role(Role::Projected))),
            ("Recommended", Some(Meaning::Role(Role::Proposed))),
            ("% Change", Some(Meaning::Rate)),
            ("집행률(%)", Some(Meaning::Rate)),
            ("Department", None),
            ("Fund Description", Some(Meaning::Classification)),
            ("Notes", Some(Meaning::Note)),
            ("Actualizado", Some(Meaning::Role(Role::Current))),
            ("Annotated", None),
        ];
        for (header, meaning_of) in cases {
            assert_eq!(meaning(header), meaning_of, "{header}");
        }
    }

    #[test]
    fn words_split_at_camel_case_and_punctuation() {
        assert_eq!(words("ProgramID"), ["program", "id"]);
        assert_eq!(words("FY22-23 Budget"), ["fy22", "23", "budget"]);
        assert_eq!(words("Fund_Description"), ["fund", "description"]);
    }
}
