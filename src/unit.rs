//! Money units (단위) and how tables state them: in a caption line such as
//! `(단위 : 천원)` or in a header such as `예산액(천원)`.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A unit of money. Amounts are kept in the unit the table states, so that
/// totals can be compared with the published figures digit for digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 원 (1 won)
    Won,
    /// 천원 (10³ won)
    Thousand,
    /// 만원 (10⁴ won)
    TenThousand,
    /// 십만원 (10⁵: a lakh, the scale of Indian tables)
    HundredThousand,
    /// 백만원 (10⁶ won)
    Million,
    /// 천만원 (10⁷: a crore, the scale of Indian tables)
    TenMillion,
    /// 억원 (10⁸ won)
    HundredMillion,
    /// 십억원 (10⁹ won)
    Billion,
    /// 조원 (10¹² won)
    Trillion,
}

/// Unit words, longest first so that `백만원` is not read as `만원`.
const WORDS: [(&str, Unit); 9] = [
    ("백만원", Unit::Million),
    ("십억원", Unit::Billion),
    ("십만원", Unit::HundredThousand),
    ("천만원", Unit::TenMillion),
    ("천원", Unit::Thousand),
    ("만원", Unit::TenThousand),
    ("억원", Unit::HundredMillion),
    ("조원", Unit::Trillion),
    ("원", Unit::Won),
];

/// A scale written as a word, lower-cased and without spaces, in the
/// languages budget tables are written in: `thousand`, `'000`, `miles`,
/// `milliers`, `Tsd.`, `Mio.`, `mil`, `lakh`, `crore`, and the Japanese and
/// Chinese units with their currency (`千円`, `百万円`, `億円`, `万元`, `亿元`).
fn scale_word(word: &str) -> Option<Unit> {
    const SCALES: &[(&str, Unit)] = &[
        ("krw", Unit::Won),
        ("won", Unit::Won),
        ("krwthousand", Unit::Thousand),
        ("thousandwon", Unit::Thousand),
        ("krwmillion", Unit::Million),
        ("millionwon", Unit::Million),
        ("thousand", Unit::Thousand),
        ("thousands", Unit::Thousand),
        ("'000", Unit::Thousand),
        ("000", Unit::Thousand),
        ("000s", Unit::Thousand),
        ("'000s", Unit::Thousand),
        ("miles", Unit::Thousand),
        ("milliers", Unit::Thousand),
        ("mil", Unit::Thousand),
        ("migliaia", Unit::Thousand),
        ("tausend", Unit::Thousand),
        ("tsd", Unit::Thousand),
        ("tsd.", Unit::Thousand),
        ("million", Unit::Million),
        ("millions", Unit::Million),
        ("mio", Unit::Million),
        ("mio.", Unit::Million),
        ("millones", Unit::Million),
        ("milhões", Unit::Million),
        ("milioni", Unit::Million),
        ("billion", Unit::Billion),
        ("billions", Unit::Billion),
        ("milliard", Unit::Billion),
        ("milliards", Unit::Billion),
        ("mrd", Unit::Billion),
        ("mrd.", Unit::Billion),
        ("bn", Unit::Billion),
        ("lakh", Unit::HundredThousand),
        ("lakhs", Unit::HundredThousand),
        ("lac", Unit::HundredThousand),
        ("lacs", Unit::HundredThousand),
        ("crore", Unit::TenMillion),
        ("crores", Unit::TenMillion),
        ("千円", Unit::Thousand),
        ("万円", Unit::TenThousand),
        ("百万円", Unit::Million),
        ("億円", Unit::HundredMillion),
        ("十億円", Unit::Billion),
        ("兆円", Unit::Trillion),
        ("千元", Unit::Thousand),
        ("万元", Unit::TenThousand),
        ("萬元", Unit::TenThousand),
        ("百万元", Unit::Million),
        ("亿元", Unit::HundredMillion),
        ("億元", Unit::HundredMillion),
        ("千美元", Unit::Thousand),
        ("万美元", Unit::TenThousand),
        ("百万美元", Unit::Million),
        // Russian and Ukrainian (`тыс. руб.`, `тис. грн`), Polish (`tys.
        // zł`), Dutch, Indonesian (`Rp juta`), Turkish (`bin TL`),
        // Vietnamese (`triệu đồng`).
        ("тыс", Unit::Thousand),
        ("тыс.", Unit::Thousand),
        ("тис", Unit::Thousand),
        ("тис.", Unit::Thousand),
        ("млн", Unit::Million),
        ("млн.", Unit::Million),
        ("млрд", Unit::Billion),
        ("млрд.", Unit::Billion),
        ("tis", Unit::Thousand),
        ("tis.", Unit::Thousand),
        ("ezer", Unit::Thousand),
        ("mii", Unit::Thousand),
        ("tys", Unit::Thousand),
        ("tys.", Unit::Thousand),
        ("mln", Unit::Million),
        ("mln.", Unit::Million),
        ("mld", Unit::Billion),
        ("mld.", Unit::Billion),
        ("duizend", Unit::Thousand),
        ("miljoen", Unit::Million),
        ("miljard", Unit::Billion),
        ("ribu", Unit::Thousand),
        ("juta", Unit::Million),
        ("miliar", Unit::Billion),
        ("bin", Unit::Thousand),
        ("milyon", Unit::Million),
        ("milyar", Unit::Billion),
        ("nghìn", Unit::Thousand),
        ("ngàn", Unit::Thousand),
        ("triệu", Unit::Million),
        ("tỷ", Unit::Billion),
        // Swedish, Danish, Norwegian (`tkr`, `mnkr`, `tusen kronor`, `1.000
        // kr.`) and Finnish (`tuhatta euroa`, `milj. €`, `1000 €`).
        ("tusen", Unit::Thousand),
        ("tusental", Unit::Thousand),
        ("tusind", Unit::Thousand),
        ("tuhatta", Unit::Thousand),
        ("miljoner", Unit::Million),
        ("millioner", Unit::Million),
        ("miljoonaa", Unit::Million),
        ("milj", Unit::Million),
        ("milj.", Unit::Million),
        ("miljarder", Unit::Billion),
        ("milliarder", Unit::Billion),
        // A factor on its own: `(1000 €)`, `(1.000 kr.)`, `i 1 000 kr`.
        ("1000", Unit::Thousand),
        ("1.000", Unit::Thousand),
        ("1,000", Unit::Thousand),
        ("1000000", Unit::Million),
        ("1.000.000", Unit::Million),
        ("1,000,000", Unit::Million),
    ];
    SCALES
        .iter()
        .find(|(scale, _)| *scale == word)
        .map(|(_, unit)| *unit)
}

/// Currency signs and codes written with a scale (`$ thousands`, `TEUR`),
/// lower-cased, the longer first.
const CURRENCY_AFFIXES: &[&str] = &[
    "d'euros",
    "deuros",
    "dollars",
    "rupees",
    "rupiah",
    "рублей",
    "гривень",
    "złotych",
    "euros",
    "euro",
    "руб.",
    "руб",
    "грн.",
    "грн",
    "đồng",
    "us$",
    "r$",
    "nt$",
    "usd",
    "eur",
    "gbp",
    "jpy",
    "chf",
    "cad",
    "aud",
    "brl",
    "krw",
    "inr",
    "twd",
    "rub",
    "uah",
    "pln",
    "idr",
    "try",
    "vnd",
    "kronor",
    "kroner",
    "euroa",
    "kr.",
    "kr",
    "sek",
    "dkk",
    "nok",
    "rs.",
    "rs",
    "rp.",
    "rp",
    "zł",
    "kč",
    "czk",
    "huf",
    "ft",
    "ron",
    "lei",
    "tl",
    "新臺幣",
    "新台幣",
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "₽",
    "₴",
    "₺",
    "₫",
];

impl Unit {
    /// How many won one of this unit is.
    pub fn factor(self) -> Decimal {
        Decimal::from(match self {
            Unit::Won => 1_i64,
            Unit::Thousand => 1_000,
            Unit::TenThousand => 10_000,
            Unit::HundredThousand => 100_000,
            Unit::Million => 1_000_000,
            Unit::TenMillion => 10_000_000,
            Unit::HundredMillion => 100_000_000,
            Unit::Billion => 1_000_000_000,
            Unit::Trillion => 1_000_000_000_000,
        })
    }

    /// The Korean word, e.g. `천원`.
    pub fn label_ko(self) -> &'static str {
        WORDS
            .iter()
            .find(|(_, unit)| *unit == self)
            .map_or("원", |(word, _)| word)
    }

    /// The unit in English words: `thousand won`.
    pub fn label_en(self) -> &'static str {
        match self {
            Unit::Won => "won",
            Unit::Thousand => "thousand won",
            Unit::TenThousand => "ten thousand won",
            Unit::HundredThousand => "hundred thousand won",
            Unit::Million => "million won",
            Unit::TenMillion => "ten million won",
            Unit::HundredMillion => "hundred million won",
            Unit::Billion => "billion won",
            Unit::Trillion => "trillion won",
        }
    }

    /// The scale alone, for amounts in another currency than won, in Korean
    /// and in English: (`천`, `thousands`).
    pub fn scale_names(self) -> (&'static str, &'static str) {
        match self {
            Unit::Won => ("1", "units"),
            Unit::Thousand => ("천", "thousands"),
            Unit::TenThousand => ("만", "ten thousands"),
            Unit::HundredThousand => ("십만", "lakhs"),
            Unit::Million => ("백만", "millions"),
            Unit::TenMillion => ("천만", "crores"),
            Unit::HundredMillion => ("억", "hundred millions"),
            Unit::Billion => ("십억", "billions"),
            Unit::Trillion => ("조", "trillions"),
        }
    }

    /// The unit's Korean name with the particle `(으)로` that fits it:
    /// `천원으로`, `천으로`, `1로`.
    pub fn to_ko(name: &str) -> String {
        format!(
            "{name}{}",
            crate::korean::after(name, crate::korean::Particle::Into)
        )
    }

    /// The unit's Korean name for a report: `천원` for won, the scale alone
    /// (`천`) for another currency, and nothing for amounts as written.
    pub fn label(self, won: bool) -> &'static str {
        match (won, self) {
            (true, _) => self.label_ko(),
            (false, Unit::Won) => "",
            (false, _) => self.scale_names().0,
        }
    }

    /// How a message names the unit: won units where the amounts are won,
    /// the scale alone where they are not (`천` and `thousands` for `$000`).
    pub fn names(self, won: bool) -> (&'static str, &'static str) {
        if won {
            (self.label_ko(), self.label_en())
        } else {
            self.scale_names()
        }
    }

    /// Reads a unit word on its own (`천원`, ` 백만 원 `, `KRW thousand`).
    pub fn from_word(text: &str) -> Option<Unit> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some((_, unit)) = WORDS.iter().find(|(word, _)| compact == *word) {
            return Some(*unit);
        }
        let lower = compact.to_lowercase();
        // South Africa's rand before a scale: `R'000`, `Rm`, `R thousand`.
        let rand = || {
            let bare = lower.strip_prefix('r')?;
            match bare {
                "m" => Some(Unit::Million),
                "bn" => Some(Unit::Billion),
                "'000" | "thousand" | "million" | "billion" => scale_word(bare),
                _ => None,
            }
        };
        scale_word(&lower).or_else(rand).or_else(|| {
            // A scale with a currency before or after it: `$ thousands`,
            // `Tsd. EUR`, `Mio. €`, `TEUR`, `k€`, `$MM`.
            CURRENCY_AFFIXES.iter().find_map(|currency| {
                let bare = lower
                    .strip_prefix(currency)
                    .or_else(|| lower.strip_suffix(currency))?;
                scale_word(bare).or(match bare {
                    "k" | "t" | "t." => Some(Unit::Thousand),
                    "m" | "mm" | "mn" => Some(Unit::Million),
                    // Not alone: `(Cr)` may be the credit side.
                    "cr" => Some(Unit::TenMillion),
                    "b" | "bn" | "md" | "mds" => Some(Unit::Billion),
                    _ => None,
                })
            })
        })
    }

    /// Finds the unit stated in a caption line: `(단위 : 천원)`, `단위: 백만원`,
    /// `[단위:억원]`, `(Unit: KRW thousand)`, `（単位：千円）`, `单位：万元`,
    /// `單位：新臺幣千元`.
    pub fn from_caption(line: &str) -> Option<Unit> {
        // Found in the line itself (lower-casing may change byte lengths:
        // `İ` becomes two characters), `unit` in any ASCII capitals.
        let start = ["단위", "単位", "单位", "單位"]
            .iter()
            .find_map(|word| line.find(word).map(|at| at + word.len()))
            .or_else(|| {
                line.as_bytes()
                    .windows(4)
                    .position(|w| w.eq_ignore_ascii_case(b"unit"))
                    .map(|at| at + 4)
            })?;
        let rest = &line[start..];
        let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '：');
        let word: String = rest
            .chars()
            .take_while(|c| !matches!(c, ')' | ']' | '）' | ',' | ';' | '/'))
            .collect();
        let word = word.split([',', '，']).next().unwrap_or_default();
        Unit::from_word(word).or_else(|| {
            // "(단위 : 천원, %)" or "단위 천원 / 명": take the first unit word.
            word.split_whitespace().find_map(Unit::from_word)
        })
    }

    /// A scale written as words anywhere in a caption: `in thousands of
    /// dollars`, `(in millions)`, `$ in '000`, `en miles de euros`,
    /// `(miles de pesos)`, `(thousands of dollars)`, `R thousand`.
    pub fn from_scale_words(line: &str) -> Option<Unit> {
        let lower = line.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ',' | ':'))
            .filter(|w| !w.is_empty())
            .collect();
        let after_in = words
            .windows(2)
            .find(|w| matches!(w[0], "in" | "en" | "de" | "of" | "i"))
            .and_then(|w| Unit::from_word(w[1]));
        after_in
            .or_else(|| {
                words
                    .iter()
                    .filter(|w| w.starts_with(['$', '€', '\'']) || w.ends_with("000"))
                    .find_map(|w| Unit::from_word(w))
            })
            .or_else(|| {
                // A scale before `de`, `of`, `d'`: `miles de $`, `millones
                // de pesos`, `thousands of dollars`, `milliers d'euros`.
                words.windows(2).find_map(|w| {
                    let of =
                        matches!(w[1], "de" | "of" | "di" | "em" | "van") || w[1].starts_with("d'");
                    scale_word(w[0]).filter(|_| of)
                })
            })
            .or_else(|| times(&words))
            .or_else(|| {
                // `(тыс. рублей)`, `tys. zł`, `bin TL`: a scale beside a
                // currency.
                words.windows(2).find_map(|pair| {
                    let currency =
                        pair.iter().any(|w| CURRENCY_AFFIXES.contains(w)) || pair[0] == "r";
                    currency.then(|| Unit::from_word(&pair.concat())).flatten()
                })
            })
    }

    /// Finds a unit stated inside a header's brackets, or after its last
    /// comma: `예산액(천원)`, `Сумма, тыс. руб.`,
    /// `금액 [백만원]`, `집행액(단위:원)`, or in a word with a currency sign
    /// (`Outturn £m`). Another bare word outside brackets is not read as a
    /// unit, since `원` also occurs in ordinary words (`지원`).
    pub fn from_header(header: &str) -> Option<Unit> {
        bracketed(header)
            .find_map(|inner| {
                Unit::from_word(inner)
                    .or_else(|| Unit::from_caption(inner))
                    .or_else(|| Unit::from_scale_words(inner))
            })
            .or_else(|| {
                // `Сумма, тыс. руб.`, `Виконано, тис. грн`: the unit after
                // the header's last comma.
                let (_, tail) = header.rsplit_once([',', '，'])?;
                Unit::from_word(tail)
            })
            .or_else(|| {
                // A word with a currency sign is no ordinary word: `Outturn
                // £m`, `Budget $000`.
                header
                    .split_whitespace()
                    .filter(|word| word.contains(['$', '€', '£', '¥']))
                    .find_map(Unit::from_word)
            })
    }
}

/// A scale written as a multiplier, as Dutch tables do (`bedragen x €
/// 1.000`, `× 1.000.000`): `x`, then a currency or none, then the factor.
fn times(words: &[&str]) -> Option<Unit> {
    let at = words.iter().position(|w| matches!(*w, "x" | "×"))?;
    let factor: String = words[at + 1..]
        .iter()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    match factor.as_str() {
        "1000" => Some(Unit::Thousand),
        "1000000" => Some(Unit::Million),
        "1000000000" => Some(Unit::Billion),
        _ => None,
    }
}

/// The texts inside (), [], （） in `text`, left to right.
pub(crate) fn bracketed(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let open = rest.find(['(', '[', '（'])?;
        let after = &rest[open..];
        let open_len = after.chars().next().map_or(1, char::len_utf8);
        let inner_start = open + open_len;
        let close = rest[inner_start..].find([')', ']', '）'])?;
        let inner = &rest[inner_start..inner_start + close];
        let close_len = rest[inner_start + close..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        rest = &rest[inner_start + close + close_len..];
        if !inner.trim().is_empty() {
            return Some(inner);
        }
    })
}

#[cfg(test)]
mod tests;
