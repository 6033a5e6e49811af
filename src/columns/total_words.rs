//! The words of total rows, in one table: a row whose label reads as a
//! total (합계, 소계, Total, Subtotal, TOTAL DEL …, Sous-total, Summe,
//! Итого, Всього, Razem, Ogółem, Totaal, Toplam, Jumlah, Tổng cộng, 合計,
//! 小計, 合计) is not a row of data: it is left out of the sums and checked
//! against them (`import::totals`). A word stands where it says (the whole
//! label, its first or last word, the end of a compound); the label is
//! compared without allocating, since every row's label is looked at.

/// What a label says of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalKind {
    /// 합계, 총계, 계, Total, Grand total: the whole (or the group named before it).
    Total,
    /// 소계, Subtotal, `Total Police`, `TOTAL DEL CAPÍTULO 1`: a group's sum.
    Subtotal,
}

/// Where a total word stands in a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The whole label, its letters and digits lower-cased: `합 계`,
    /// `Grand-Total`, `ИТОГО`, `Genel Toplam`.
    Whole,
    /// The first word, the group it totals after it: `Total Police`,
    /// `Итого по разделу 0100`, `Jumlah Pendapatan`.
    First,
    /// The last word, the group it totals before it: `Police Total`,
    /// `Gelirler Toplamı`; or the whole budget: `Расходы бюджета - всего`.
    Last,
    /// The end of a compound written without spaces: `세출합계`,
    /// `一般会計合計`, `教育費小計`, `支出合计`.
    End,
    /// The start of the label's letters: `Sous total Fonctionnement`.
    Start,
}

/// One total word: lower-case, as [`Place`] compares it.
#[derive(Debug, Clone, Copy)]
pub struct TotalWord {
    pub word: &'static str,
    pub kind: TotalKind,
    pub place: Place,
}

const fn w(word: &'static str, kind: TotalKind, place: Place) -> TotalWord {
    TotalWord { word, kind, place }
}

use Place::{End, First, Last, Start, Whole};
use TotalKind::{Subtotal, Total};

/// Every total word, subtotals before totals where one holds the other
/// (`소계` ends in `계`).
pub const TOTAL_WORDS: &[TotalWord] = &[
    // Subtotals.
    w("소계", Subtotal, Whole),
    w("subtotal", Subtotal, Whole),
    w("subtotals", Subtotal, Whole),
    w("zwischensumme", Subtotal, Whole),
    w("soustotal", Subtotal, Whole),
    w("subtotale", Subtotal, Whole),
    w("subtotaal", Subtotal, Whole),
    w("aratoplam", Subtotal, Whole),
    w("промежуточныйитог", Subtotal, Whole),
    w("小計", Subtotal, Whole),
    w("小计", Subtotal, Whole),
    w("소계", Subtotal, End),
    w("小計", Subtotal, End),
    w("小计", Subtotal, End),
    w("soustotal", Subtotal, Start),
    w("delsumma", Subtotal, Whole),
    w("delsum", Subtotal, Whole),
    w("välisumma", Subtotal, Whole),
    // Totals of everything.
    w("합계", Total, Whole),
    w("총계", Total, Whole),
    w("계", Total, Whole),
    w("총합계", Total, Whole),
    w("총액", Total, Whole),
    w("전체", Total, Whole),
    w("total", Total, Whole),
    w("totals", Total, Whole),
    w("grandtotal", Total, Whole),
    w("sum", Total, Whole),
    w("totalgeneral", Total, Whole),
    w("summe", Total, Whole),
    w("gesamt", Total, Whole),
    w("insgesamt", Total, Whole),
    w("gesamtsumme", Total, Whole),
    w("suma", Total, Whole),
    w("totalgénéral", Total, Whole),
    w("totale", Total, Whole),
    w("totalegenerale", Total, Whole),
    w("totalgeral", Total, Whole),
    w("totaal", Total, Whole),
    w("generaaltotaal", Total, Whole),
    w("razem", Total, Whole),
    w("ogółem", Total, Whole),
    w("łącznie", Total, Whole),
    w("celkem", Total, Whole),
    w("összesen", Total, Whole),
    w("mindösszesen", Total, Whole),
    w("итого", Total, Whole),
    w("всего", Total, Whole),
    w("усього", Total, Whole),
    w("всього", Total, Whole),
    w("разом", Total, Whole),
    w("toplam", Total, Whole),
    w("geneltoplam", Total, Whole),
    w("jumlah", Total, Whole),
    w("jumlahtotal", Total, Whole),
    w("totalkeseluruhan", Total, Whole),
    w("summa", Total, Whole),
    w("totalt", Total, Whole),
    w("ialt", Total, Whole),
    w("sumialt", Total, Whole),
    w("yhteensä", Total, Whole),
    w("kaikkiyhteensä", Total, Whole),
    w("tổngcộng", Total, Whole),
    w("tổngsố", Total, Whole),
    w("cộng", Total, Whole),
    w("合計", Total, Whole),
    w("総計", Total, Whole),
    w("計", Total, Whole),
    w("合计", Total, Whole),
    w("总计", Total, Whole),
    w("總計", Total, Whole),
    // Not a bare `計` at the end: `一般会計` is accounting.
    w("합계", Total, End),
    w("총계", Total, End),
    w("合計", Total, End),
    w("総計", Total, End),
    w("合计", Total, End),
    w("总计", Total, End),
    w("總計", Total, End),
    // `Расходы бюджета - всего`: the side's or the budget's total.
    w("всего", Total, Last),
    w("итого", Total, Last),
    w("усього", Total, Last),
    w("всього", Total, Last),
    w("разом", Total, Last),
    // `Výdaje celkem`, `Kiadások összesen`: likewise.
    w("celkem", Total, Last),
    w("összesen", Total, Last),
    // A group's total, the group named after the word or before it.
    w("total", Subtotal, First),
    w("subtotal", Subtotal, First),
    w("soustotal", Subtotal, First),
    w("summe", Subtotal, First),
    w("totale", Subtotal, First),
    w("totaal", Subtotal, First),
    w("subtotaal", Subtotal, First),
    w("razem", Subtotal, First),
    w("celkem", Subtotal, First),
    w("итого", Subtotal, First),
    w("всего", Subtotal, First),
    w("усього", Subtotal, First),
    w("всього", Subtotal, First),
    w("разом", Subtotal, First),
    w("jumlah", Subtotal, First),
    w("summa", Subtotal, First),
    w("sum", Subtotal, First),
    w("total", Subtotal, Last),
    w("subtotal", Subtotal, Last),
    w("totals", Subtotal, Last),
    w("toplamı", Subtotal, Last),
    // `Kostnader totalt`, `Menot yhteensä`, `Udgifter i alt`.
    w("totalt", Subtotal, Last),
    w("yhteensä", Subtotal, Last),
    w("i alt", Subtotal, Last),
];

/// Words between a total word and the group it names: `TOTAL DEL CAPÍTULO
/// 1`, `Итого по разделу`, `Totaal van programma 1`.
const LINKS: &[&str] = &[
    "del", "de", "des", "du", "of", "for", "la", "el", "da", "do", "das", "dos", "der", "di",
    "dei", "delle", "degli", "по", "van", "voor", "dla",
];

/// Whether a label reads as a total or subtotal row.
///
/// ```
/// use yesan::columns::total_words::{total_kind, TotalKind};
/// assert_eq!(total_kind("합 계"), Some(TotalKind::Total));
/// assert_eq!(total_kind("Subtotal"), Some(TotalKind::Subtotal));
/// assert_eq!(total_kind("TOTAL DEL CAPÍTULO 1"), Some(TotalKind::Subtotal));
/// assert_eq!(total_kind("Total Police Department"), Some(TotalKind::Subtotal));
/// assert_eq!(total_kind("Расходы бюджета - всего"), Some(TotalKind::Total));
/// assert_eq!(total_kind("OGÓŁEM"), Some(TotalKind::Total));
/// assert_eq!(total_kind("총무과"), None);
/// ```
pub fn total_kind(label: &str) -> Option<TotalKind> {
    if !could_be_total(label.trim()) {
        return None;
    }
    let whole = letters(label);
    if whole.is_empty() {
        return None;
    }
    let first = first_word(label).map(letters);
    let last = last_word(label).map(letters);
    TOTAL_WORDS
        .iter()
        .find(|t| match t.place {
            Whole => whole == t.word,
            End => whole.ends_with(t.word),
            Start => whole.starts_with(t.word),
            First => first.as_deref() == Some(t.word),
            Last => last.as_deref() == Some(t.word) || ends_in_words(label, t.word),
        })
        .map(|t| t.kind)
}

/// A label's letters and digits, lower-cased (`Sub-Total` → `subtotal`);
/// Hangul syllables known as letters without Unicode's tables.
pub(crate) fn letters(label: &str) -> String {
    label
        .chars()
        .filter(|&c| ('가'..='힣').contains(&c) || c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first of two or more words with letters (`Total` of `Total Police`).
fn first_word(label: &str) -> Option<&str> {
    let mut words = label
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric));
    let first = words.next()?;
    words.next().map(|_| first)
}

/// The last of two or more words with letters (`всего` of `Расходы - всего`).
fn last_word(label: &str) -> Option<&str> {
    let mut words = label
        .split_whitespace()
        .rev()
        .filter(|w| w.chars().any(char::is_alphanumeric));
    let last = words.next()?;
    words.next().map(|_| last)
}

/// Whether the label's last words are `words`, two or more of them
/// (`i alt` of `Udgifter i alt`).
fn ends_in_words(label: &str, words: &str) -> bool {
    let count = words.split(' ').count();
    if count < 2 {
        return false;
    }
    let mut tail = label.split_whitespace().rev().take(count).map(letters);
    words
        .split(' ')
        .rev()
        .all(|w| tail.next().as_deref() == Some(w))
}

/// The name of the group a subtotal label names: `Total Police` → `Police`,
/// `TOTAL DEL CAPÍTULO 1` → `CAPÍTULO 1`, `교육 소계` → `교육`,
/// `Итого по разделу 0100` → `разделу 0100`.
pub fn group_named(label: &str) -> Option<String> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let is_total = |word: &str| {
        TOTAL_WORDS
            .iter()
            .any(|t| matches!(t.place, Whole | First | Last) && letters(word) == t.word)
    };
    let mut rest: &[&str] = &words;
    while let Some((first, tail)) = rest.split_first() {
        let link = rest.len() < words.len() && LINKS.contains(&letters(first).as_str());
        if is_total(first) || link {
            rest = tail;
        } else {
            break;
        }
    }
    while let Some((last, head)) = rest.split_last() {
        if is_total(last) {
            rest = head;
        } else if let Some(head) = TOTAL_WORDS
            .iter()
            .filter(|t| t.place == Last && ends_in_words(&rest.join(" "), t.word))
            .find_map(|t| rest.get(..rest.len() - t.word.split(' ').count()))
        {
            rest = head;
        } else {
            break;
        }
    }
    let name = rest.join(" ");
    (!name.is_empty() && name.chars().count() < label.chars().count()).then_some(name)
}

/// Whether a (trimmed) label could be a total, from the bytes at its ends
/// alone: lookups of its first and last byte, then of its first and last
/// three bytes, in the sets of those total words start and end with (in
/// lower, upper and title case). Most labels are passed over at once; the
/// rest are read by [`total_kind`].
#[inline]
pub fn could_be_total(label: &str) -> bool {
    let look = quick_look();
    let bytes = label.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    let end = if last.is_ascii_punctuation() || last.is_ascii_whitespace() {
        label
            .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
            .as_bytes()
    } else {
        bytes
    };
    let last = end.last().copied().unwrap_or(last);
    look.first_byte[usize::from(first)] && key(bytes.get(..3)).is_some_and(|k| look.first.has(k))
        || look.last_byte[usize::from(last)]
            && key(end.get(end.len().saturating_sub(3)..)).is_some_and(|k| look.last.has(k))
}

/// Three bytes hashed to 16 bits (every total word has three bytes or more).
fn key(bytes: Option<&[u8]>) -> Option<u16> {
    match bytes? {
        [a, b, c] => {
            let bytes = u32::from_le_bytes([*a, *b, *c, 0]);
            Some((bytes.wrapping_mul(0x9E37_79B1) >> 16) as u16)
        }
        _ => None,
    }
}

/// A set of 16-bit keys.
struct Keys(Vec<u64>);

impl Keys {
    fn new() -> Keys {
        Keys(vec![0; 1 << 10])
    }
    fn add(&mut self, key: u16) {
        self.0[usize::from(key >> 6)] |= 1 << (key & 63);
    }
    fn has(&self, key: u16) -> bool {
        self.0[usize::from(key >> 6)] & (1 << (key & 63)) != 0
    }
}

/// The keys of the bytes total words start and end with.
struct QuickLook {
    first_byte: [bool; 256],
    last_byte: [bool; 256],
    first: Keys,
    last: Keys,
}

fn quick_look() -> &'static QuickLook {
    static LOOK: std::sync::OnceLock<QuickLook> = std::sync::OnceLock::new();
    LOOK.get_or_init(|| {
        let mut look = QuickLook {
            first_byte: [false; 256],
            last_byte: [false; 256],
            first: Keys::new(),
            last: Keys::new(),
        };
        for t in TOTAL_WORDS {
            for form in cases(t.word) {
                let bytes = form.as_bytes();
                // A whole label ends as its word does (its start may be
                // spaced: `합 계`, `Grand Total`).
                if matches!(t.place, First | Start) {
                    if let Some(k) = key(bytes.get(..3)) {
                        look.first_byte[usize::from(bytes[0])] = true;
                        look.first.add(k);
                    }
                }
                if matches!(t.place, Whole | Last | End) {
                    if let Some(k) = key(bytes.get(bytes.len().saturating_sub(3)..)) {
                        look.last_byte[usize::from(bytes[bytes.len() - 1])] = true;
                        look.last.add(k);
                    }
                }
            }
        }
        look
    })
}

/// A word as tables write it: `total`, `TOTAL`, `Total`.
fn cases(word: &str) -> [String; 3] {
    let mut chars = word.chars();
    let title = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    [word.to_string(), word.to_uppercase(), title]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_and_the_groups_they_name() {
        for (label, kind) in [
            ("Grand Total", Some(Total)),
            ("Итого", Some(Total)),
            ("Summe", Some(Total)),
            ("교육 소계", Some(Subtotal)),
            ("Total Compensation", Some(Subtotal)),
            ("계약", None),
            ("Total général", Some(Total)),
            ("Sous-total", Some(Subtotal)),
            ("Sous-total Fonctionnement", Some(Subtotal)),
            ("Sous total Fonctionnement", Some(Subtotal)),
            ("Total chapitre 011", Some(Subtotal)),
            ("合計", Some(Total)),
            ("一般会計合計", Some(Total)),
            ("計", Some(Total)),
            ("民生費小計", Some(Subtotal)),
            ("支出合计", Some(Total)),
            ("一般会計", None),
            ("設計", None),
            ("Razem", Some(Total)),
            ("CELKEM", Some(Total)),
            ("Výdaje celkem", Some(Total)),
            ("Mindösszesen", Some(Total)),
            ("OGÓŁEM", Some(Total)),
            ("Усього", Some(Total)),
            ("Расходы бюджета - всего", Some(Total)),
            ("Итого по разделу 0100", Some(Subtotal)),
            ("Totaal", Some(Total)),
            ("Genel Toplam", Some(Total)),
            ("Gelirler Toplamı", Some(Subtotal)),
            ("JUMLAH", Some(Total)),
            ("Jumlah Pendapatan Asli Daerah", Some(Subtotal)),
            ("Tổng cộng", Some(Total)),
            ("Summa", Some(Total)),
            ("I alt", Some(Total)),
            ("Yhteensä", Some(Total)),
            ("Delsumma", Some(Subtotal)),
            ("Summa kostnader", Some(Subtotal)),
            ("Sum driftsutgifter", Some(Subtotal)),
            ("Udgifter i alt", Some(Subtotal)),
            ("Menot yhteensä", Some(Subtotal)),
            ("Kostnader totalt", Some(Subtotal)),
            ("Socialt", None),
            ("Tilskud i alt for 2024", None),
            ("Wydatki bieżące", None),
            ("Всеобуч", None),
        ] {
            assert_eq!(total_kind(label), kind, "{label}");
        }
        assert_eq!(group_named("Total Police").as_deref(), Some("Police"));
        assert_eq!(group_named("Udgifter i alt").as_deref(), Some("Udgifter"));
        assert_eq!(group_named("Menot yhteensä").as_deref(), Some("Menot"));
        assert_eq!(
            group_named("TOTAL DEL CAPÍTULO 1").as_deref(),
            Some("CAPÍTULO 1")
        );
        assert_eq!(group_named("교육 소계").as_deref(), Some("교육"));
        assert_eq!(group_named("Police Total").as_deref(), Some("Police"));
        assert_eq!(group_named("Total"), None);
        assert_eq!(
            group_named("Jumlah Pendapatan Asli Daerah").as_deref(),
            Some("Pendapatan Asli Daerah")
        );
        assert_eq!(
            group_named("Итого по разделу 0100").as_deref(),
            Some("разделу 0100")
        );
    }

    /// The quick look passes over no label that reads as a total: every
    /// word of the table in three cases, as tables write them, and inside
    /// longer labels.
    #[test]
    fn the_quick_look_passes_no_total_over() {
        let written = [
            "Grand Total",
            "Total General",
            "Total général",
            "Sous-total",
            "Sous total Fonctionnement",
            "Total chapitre 011",
            "Totale generale",
            "Total geral",
            "Gesamtsumme",
            "Промежуточный итог",
            "Police Total",
            "Total:",
            "합 계",
            "세출합계",
            "一般会計合計",
            "民生費小計",
            "合 計",
            "支出合计",
            "总计",
            "Расходы бюджета - всего",
            "Genel Toplam",
            "Tổng cộng",
            "Tổng số",
        ];
        let words = TOTAL_WORDS.iter().flat_map(|t| cases(t.word));
        for label in written.into_iter().map(String::from).chain(words) {
            if total_kind(&label).is_some() {
                assert!(could_be_total(&label), "{label} passed over");
            }
        }
        for t in TOTAL_WORDS.iter().filter(|t| t.place == Whole) {
            assert_eq!(total_kind(t.word), Some(t.kind), "{}", t.word);
        }
    }

    #[test]
    fn every_hangul_syllable_is_a_letter() {
        assert!(('가'..='힣').all(char::is_alphanumeric));
    }

    #[test]
    fn most_labels_are_passed_over() {
        for label in [
            "총무과",
            "Police",
            "Департамент освіти",
            "Belanja Modal",
            "教育費",
        ] {
            assert!(!could_be_total(label), "{label}");
        }
    }
}
