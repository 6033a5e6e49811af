//! The currency of a budget's amounts (ISO 4217): stated by the caller, in
//! a caption or header (`(in USD)`, `(단위: 천원)`), or by signs in the cells
//! (`$27,158,570`, `€ 1.250`); won where the file is Korean. Where nothing
//! states it, the report says so rather than assuming won.

/// Signs and codes, longest first, with the currency each names.
const SIGNS: &[(&str, &str)] = &[
    // Taiwan's dollar, before `$` and `元` (`單位：新臺幣千元`).
    ("新臺幣", "TWD"),
    ("新台幣", "TWD"),
    ("NT$", "TWD"),
    ("US$", "USD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("R$", "BRL"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("KRW", "KRW"),
    ("MXN", "MXN"),
    ("TWD", "TWD"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("CHF", "CHF"),
    ("INR", "INR"),
    ("RUB", "RUB"),
    ("UAH", "UAH"),
    ("PLN", "PLN"),
    ("IDR", "IDR"),
    ("TRY", "TRY"),
    ("VND", "VND"),
    ("CZK", "CZK"),
    ("HUF", "HUF"),
    ("RON", "RON"),
    ("SEK", "SEK"),
    ("DKK", "DKK"),
    ("NOK", "NOK"),
    ("ZAR", "ZAR"),
    ("NGN", "NGN"),
    ("KES", "KES"),
    ("PHP", "PHP"),
    ("CLP", "CLP"),
    ("COP", "COP"),
    ("ARS", "ARS"),
    // Kenya's shilling (`Approved Estimates (KSh)`).
    ("KSh", "KES"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    // `ezer Ft`: a capital F, as Hungarian tables write the forint.
    ("Ft", "HUF"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₴", "UAH"),
    ("₺", "TRY"),
    ("₫", "VND"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("円", "JPY"),
    ("₩", "KRW"),
    ("￦", "KRW"),
    ("원", "KRW"),
    ("元", "CNY"),
    ("$", "USD"),
];

/// `元` names the yuan only as a unit (`万元`, `(元)`, `单位：元`): it also
/// begins and ends ordinary words (`地元`, `元利`, `令和元年`). In
/// traditional characters (`預算數(千元)`) it is as often Taiwan's dollar
/// or Hong Kong's: there it names no currency.
const YUAN_UNITS: [&str; 8] = [
    "万元",
    "千元",
    "亿元",
    "百万元",
    "(元)",
    "（元）",
    "：元",
    ":元",
];

/// Characters of budget tables that simplified Chinese writes otherwise
/// (traditional Chinese, and Japanese for some, write them so; Japanese never
/// counts in 元): 数 预 决 计 总 单 岁 币 亿 万 额 费 项 类 实 与
/// 较 会 门 经 国 区 县 务 说 处 机 关 台 学).
const TRADITIONAL: [char; 30] = [
    '數', '預', '決', '計', '總', '單', '歲', '幣', '億', '萬', '額', '費', '項', '類', '實', '與',
    '較', '會', '門', '經', '國', '區', '縣', '務', '說', '處', '機', '關', '臺', '學',
];

/// Currencies named in words.
const NAMES: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("won", "KRW"),
    ("dólares", "USD"),
    ("rupees", "INR"),
    ("rs", "INR"),
    ("руб", "RUB"),
    ("рублей", "RUB"),
    ("рубля", "RUB"),
    ("грн", "UAH"),
    ("гривень", "UAH"),
    ("гривні", "UAH"),
    ("zł", "PLN"),
    ("złotych", "PLN"),
    ("rupiah", "IDR"),
    ("rp", "IDR"),
    ("tl", "TRY"),
    ("lira", "TRY"),
    ("đồng", "VND"),
    ("kč", "CZK"),
    ("forint", "HUF"),
    ("vnđ", "VND"),
    // Only Swedish writes `kronor`; Danish and Norwegian `kroner` (and
    // `kr.` in all three) name no one currency.
    ("kronor", "SEK"),
];

/// The currency a caption, header or cell names, if any. `원` counts only
/// inside a unit word (`천원`, `(원)`), since it ends ordinary words (`지원`).
///
/// ```
/// use yesan::currency::named_in;
/// assert_eq!(named_in("Виконано, грн"), Some("UAH"));
/// assert_eq!(named_in("Сумма, тыс. руб."), Some("RUB"));
/// assert_eq!(named_in("Plan (tys. zł)"), Some("PLN"));
/// assert_eq!(named_in("Anggaran (Rp)"), Some("IDR"));
/// assert_eq!(named_in("Bütçe (TL)"), Some("TRY"));
/// assert_eq!(named_in("Schválený rozpočet (tis. Kč)"), Some("CZK"));
/// assert_eq!(named_in("Eredeti előirányzat (ezer Ft)"), Some("HUF"));
/// assert_eq!(named_in("Budget (tusen kronor)"), Some("SEK"));
/// assert_eq!(named_in("Regnskab (1.000 kr.)"), None);
/// assert_eq!(named_in("Aircraft hangar"), None);
/// assert_eq!(named_in("Adopted Budget (in USD)"), Some("USD"));
/// assert_eq!(named_in("$27,158,570"), Some("USD"));
/// assert_eq!(named_in("(단위 : 천원)"), Some("KRW"));
/// assert_eq!(named_in("지원사업"), None);
/// assert_eq!(named_in("预算数(万元)"), Some("CNY"));
/// assert_eq!(named_in("地元企業支援"), None);
/// assert_eq!(named_in("單位：新臺幣千元"), Some("TWD"));
/// assert_eq!(named_in("本年度預算數(千元)"), None);
/// assert_eq!(named_in("Budget Estimates (₹ crore)"), Some("INR"));
/// assert_eq!(named_in("(Rs. in lakh)"), Some("INR"));
/// assert_eq!(named_in("(in thousands of US dollars)"), Some("USD"));
/// assert_eq!(named_in("Approved Estimates (KSh)"), Some("KES"));
/// // In a Spanish or Portuguese table a bare `$` is a peso, named by no sign.
/// use yesan::currency::named_in_table;
/// let peso = |t: &'static str| named_in_table([t].into_iter(), [t].into_iter(), true);
/// assert_eq!(peso("(miles de $)"), None);
/// assert_eq!(peso("US$ 1,250"), Some("USD"));
/// assert_eq!(peso("R$ 1.250,00"), Some("BRL"));
/// ```
pub fn named_in(text: &str) -> Option<&'static str> {
    named_in_script(text, Script::default())
}

/// What a table's language says of its signs.
#[derive(Debug, Clone, Copy, Default)]
struct Script {
    /// Written in traditional characters: `元` names no one currency.
    traditional: bool,
    /// Written in Spanish or Portuguese: a bare `$` is a peso (Mexico's,
    /// Chile's, Colombia's, Argentina's), not the US dollar.
    peso: bool,
}

/// The currency the first of a table's `texts` (its caption, header and
/// amount cells) to name one names, as [`named_in`], except that no `元`
/// names the yuan where the table's `words` (its texts and labels) are
/// written in traditional characters, and no bare `$` the dollar where
/// `peso`.
pub fn named_in_table<'a>(
    mut texts: impl Iterator<Item = &'a str>,
    mut words: impl Iterator<Item = &'a str>,
    peso: bool,
) -> Option<&'static str> {
    let script = Script {
        traditional: words.any(is_traditional),
        peso,
    };
    texts.find_map(|t| named_in_script(t, script))
}

/// Whether a text holds characters simplified Chinese does not write.
fn is_traditional(text: &str) -> bool {
    text.contains(TRADITIONAL)
}

/// [`named_in`], in the table's script.
fn named_in_script(text: &str, script: Script) -> Option<&'static str> {
    if may_name(text) {
        let traditional = script.traditional || is_traditional(text);
        searched(
            text,
            Script {
                traditional,
                ..script
            },
        )
    } else {
        None
    }
}

/// [`named_in`], the names, codes and signs looked for one by one.
fn searched(text: &str, script: Script) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let by_name = lower.split(|c: char| !c.is_alphabetic()).find_map(|word| {
        NAMES
            .iter()
            .find(|(name, _)| *name == word)
            .map(|(_, code)| *code)
    });
    if by_name.is_some() {
        return by_name;
    }
    SIGNS.iter().find_map(|&(sign, code)| {
        if sign == "원" {
            let unit = crate::unit::Unit::from_caption(text)
                .or_else(|| crate::unit::Unit::from_header(text))
                .is_some();
            return (unit && text.contains('원')).then_some(code);
        }
        if sign == "元" {
            let unit = YUAN_UNITS.iter().any(|unit| text.contains(unit));
            return (unit && !script.traditional).then_some(code);
        }
        if sign == "$" && script.peso {
            return None;
        }
        let found = if sign.chars().all(|c| c.is_ascii_uppercase()) {
            // A code stands as a word of its own.
            text.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| word == sign)
        } else {
            text.contains(sign)
        };
        found.then_some(code)
    })
}

/// Whether `text` can name a currency at all: every name and code has an
/// ASCII letter (no other letter lowercases to one in a name: only the
/// Kelvin sign becomes `k`), and every other sign is `$` or one of a few
/// characters. Most cells (`1,234`, `주택4과`) have none, and are passed
/// over without lowercasing and searching them.
fn may_name(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphabetic() || b == b'$')
        || text.chars().any(|c| {
            matches!(
                c,
                '€' | '£'
                    | '¥'
                    | '円'
                    | '元'
                    | '₹'
                    | '₩'
                    | '￦'
                    | '원'
                    | '幣'
                    | '₽'
                    | '₴'
                    | '₺'
                    | '₫'
                    | '₦'
                    | '₱'
                    // `руб`, `грн`, `гривень`.
                    | 'р'
                    | 'г'
                    | 'Р'
                    | 'Г'
            )
        })
}

/// Whether a caller's currency is an ISO 4217 code (three capital letters).
pub fn is_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Passing over a text that cannot name a currency never loses one.
        #[test]
        fn texts_passed_over_name_no_currency(
            text in "[ 0-9,.()a-zA-Z$€£¥円元万地₹₩￦원천백만가-힣KİÉéóÓ新臺幣рубгнРГтысłđồ₽₴₺₫-]{0,16}"
        ) {
            if !may_name(&text) {
                prop_assert_eq!(searched(&text, Script::default()), None);
            }
        }
    }
}
