//! Reading one cell as a number, in every notation Korean budget tables use:
//! thousands separators, `△ Δ ▲ −`, parentheses and a trailing minus
//! (`8.000,00-`) for decreases, `-` and
//! empty cells for "not given" (kept apart from zero), converter artefacts
//! (`(x-)`, HTML tags), full-width digits and surrounding spaces; and the
//! notations of other countries' tables: a decimal comma (`1.234.567,89`),
//! digits grouped by spaces (`1 234 567,89`, France) or apostrophes
//! (`1'234'567.50`, Switzerland), currency signs and codes; and Korean
//! amounts written with their units (`410억 18백만원`, see [`korean`]).

use rust_decimal::Decimal;
use std::borrow::Cow;

/// A number read from a cell. `percent` is set when the cell ends in `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    pub value: Decimal,
    pub percent: bool,
    /// Written with Korean units (`410억 18백만원`): `value` is in won,
    /// whatever unit the table states.
    pub won: bool,
    /// Written in E-notation (`2.35302E+11`), as a spreadsheet writes a long
    /// number it has already rounded: read exactly as written.
    pub exponent: bool,
}

/// Why a cell is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// The text is not a number in any notation we know.
    NotANumber,
    /// The text is a number, but beyond rust_decimal's 28 significant digits.
    OutOfRange,
    /// The text is a number of ordinary size with more decimals than can be
    /// kept exactly (28 after the point).
    TooPrecise,
}

/// Marks that stand for "nothing here" (`-` in its many typographic forms).
const NOT_GIVEN: [&str; 7] = ["-", "－", "—", "–", "―", "ㅡ", "‐"];

/// Placeholders statistical and budget tables print for a figure not
/// published: `nfp` (not for publication), `n.a.`, `N/A`, `N/R`, `..`.
fn is_placeholder(text: &str) -> bool {
    placeholder(text).is_some()
}

/// The placeholder a cell holds, as the table wrote it (`nfp`, `N/A`, `..`,
/// a dash): a figure not given, which a reader may want counted. A rate
/// of growth has none for an item that is new or gone, which tables mark
/// with a word: `순증`, `순감`, `신규` (net increase, net decrease, new),
/// `皆増`, `皆減`, `New`, `n.m.` (not meaningful).
pub fn placeholder(cell: &str) -> Option<&str> {
    const TOKENS: [&str; 10] = [
        "nfp", "n.a.", "n/a", "na", "n/r", "..", "n.p.", "new", "nm", "n.m.",
    ];
    const WORDS: [&str; 10] = [
        "순증", "순감", "신규", "皆増", "皆減", "皆增", "皆减", "新規", "新增", "純増",
    ];
    let text = cell.trim();
    let token =
        text.len() >= 2 && text.len() <= 4 && TOKENS.iter().any(|t| text.eq_ignore_ascii_case(t));
    let word = text.len() == 6 && WORDS.contains(&text);
    (token || word).then_some(text)
}

/// Marks some locales group digits with instead of a comma: a space (France,
/// Scandinavia, Poland; often the no-break U+00A0 or the narrow no-break
/// U+202F a spreadsheet writes, or a thin space U+2009) and an apostrophe
/// (Switzerland: `1'234'567.50`, also as `’`).
const GROUP_MARKS: [char; 6] = [' ', '\u{a0}', '\u{202f}', '\u{2009}', '\'', '’'];

/// The text without digit-group marks: as it is when it has none, the
/// digits joined when the marks stand between groups of three, `None` when
/// marks stand anywhere else.
fn without_group_marks(body: &str) -> Option<Cow<'_, str>> {
    if body.contains(GROUP_MARKS) {
        ungrouped(body).map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(body))
    }
}

/// `1 250 000,00` → `1250000,00`: the digits without their group marks, when
/// the marks stand only between groups of three digits (`1 234`, not `12 34`
/// or `2023 2024`, which are not one number). `None` otherwise.
fn ungrouped(body: &str) -> Option<String> {
    let mut groups = body.split(GROUP_MARKS);
    let first = groups.next()?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if first.is_empty() || first.len() > 3 || !digits(first) {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    out.push_str(first);
    let mut count = 0;
    for group in groups {
        // Three digits (ASCII, so the fourth byte starts a character),
        // then (after the last group only) the decimals.
        if group.len() < 3 || !group.as_bytes()[..3].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let rest = &group[3..];
        let decimals = rest
            .strip_prefix(['.', ','])
            .is_some_and(|d| !d.is_empty() && digits(d));
        if !(rest.is_empty() || decimals) {
            return None;
        }
        if count > 0 && out.contains(['.', ',']) {
            return None;
        }
        out.push_str(group);
        count += 1;
    }
    (count > 0).then_some(out)
}

/// How a file writes its decimals: `1,234,567.89` (the default) or
/// `1.234.567,89` (a decimal comma, as much of Europe and Latin America do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Notation {
    pub decimal_comma: bool,
}

impl Notation {
    /// The notation most of `cells` use: a decimal comma only where cells
    /// that can only be read one way (`1.234.567`, `12,5`) say so more often
    /// than cells that say the opposite (`1,234,567`, `12.5`).
    pub fn detect<'a>(cells: impl Iterator<Item = &'a str>) -> Notation {
        Notation::detect_in(cells, false)
    }

    /// [`Notation::detect`], for a table whose headers are written in a
    /// language that writes a decimal comma (`comma_language`: Dutch,
    /// German, Spanish, …): there, cells that are a point grouping three
    /// digits and nothing else (`12.500`, `630.000`) are read as thousands
    /// grouped, as its readers read them, where no cell says otherwise.
    pub fn detect_in<'a>(cells: impl Iterator<Item = &'a str>, comma_language: bool) -> Notation {
        let (mut comma, mut point) = (0usize, 0usize);
        let (mut grouped_points, mut grouped_commas) = (0usize, 0usize);
        for cell in cells {
            let Some(body) = without_group_marks(bare_digits(cell)) else {
                continue;
            };
            if body.is_empty()
                || !body
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            {
                continue;
            }
            let dots = body.bytes().filter(|&b| b == b'.').count();
            let commas = body.bytes().filter(|&b| b == b',').count();
            let decimals_after = |sep: char| body.rsplit_once(sep).map_or(0, |(_, d)| d.len());
            if dots >= 2 || (commas == 1 && (1..=2).contains(&decimals_after(',')) && dots <= 1) {
                comma += 1;
            } else if commas >= 2
                || (dots == 1 && (1..=2).contains(&decimals_after('.')) && commas <= 1)
            {
                point += 1;
            } else if !body.starts_with('0') && commas + dots == 1 && body.len() <= 7 {
                // `12.500` or `12,500`: a group of three or three decimals
                // (not `1250.500`, which groups nothing).
                let three = |sep: char| decimals_after(sep) == 3;
                grouped_points += usize::from(dots == 1 && three('.'));
                grouped_commas += usize::from(commas == 1 && three(','));
            }
        }
        let grouped = comma_language && comma == 0 && point == 0 && grouped_points > grouped_commas;
        Notation {
            decimal_comma: comma > point || grouped,
        }
    }
}

/// A cell's number without what stands around it: signs, brackets, a
/// currency (`R$ 1.250,00`, `1 250 € `) and a percent sign, for
/// [`Notation::detect_in`] to look at its marks.
fn bare_digits(cell: &str) -> &str {
    let body = cell
        .trim()
        .trim_start_matches(['-', '△', '('])
        .trim_end_matches([')', '%', '-'])
        .trim_end();
    // A currency stands on one side of the digits: `R$ 5`, `5 €`; text
    // with no digit at either end (most labels) has none.
    let bytes = body.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return body;
    };
    let possible = if first.is_ascii_digit() {
        !last.is_ascii_digit()
            && CURRENCIES
                .iter()
                .any(|c| c.as_bytes().last() == Some(&last))
    } else {
        last.is_ascii_digit()
            && CURRENCIES
                .iter()
                .any(|c| c.as_bytes().first() == Some(&first))
    };
    if !possible {
        return body;
    }
    strip_currency(body).unwrap_or(body)
}

/// Reads a cell written in `notation` (see [`parse_number`]).
///
/// In a decimal-comma table a point groups three digits (`1.234.567,89`);
/// a cell whose one point does not (`93.49`, `12.5`, `2.35E+11`, written by
/// another tool into one of its columns) has a decimal point, and one whose
/// points group other than three digits (`1.23.456`, `1.2.2024`) is not a
/// number.
pub fn parse_number_in(raw: &str, notation: Notation) -> Result<Option<Number>, NumberError> {
    if !notation.decimal_comma || !raw.contains([',', '.']) {
        return parse_number(raw);
    }
    match points_in(raw) {
        Points::Decimal => return parse_number(raw),
        Points::Malformed => return Err(NumberError::NotANumber),
        Points::Grouping => {}
    }
    // `1.234.567,89` → `1234567.89`: the points group, the comma is the decimal.
    let swapped: String = raw
        .chars()
        .filter(|&c| c != '.')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    parse_number(&swapped)
}

/// What the points between digits of a cell in a decimal-comma table are.
#[derive(Debug, PartialEq, Eq)]
enum Points {
    /// None, or each followed by three digits: they group thousands.
    Grouping,
    /// One point, no comma, not followed by three digits: a decimal point.
    Decimal,
    /// Points that group other than three digits.
    Malformed,
}

fn points_in(raw: &str) -> Points {
    let bytes = raw.as_bytes();
    let mut points = 0usize;
    let mut odd = false;
    for (at, _) in raw.match_indices('.') {
        // A point after a letter is not between digits (`Rs. 1.234,50`).
        if at == 0 || !bytes[at - 1].is_ascii_digit() {
            continue;
        }
        points += 1;
        let after = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        odd |= after != 3;
    }
    match (odd, points) {
        (false, _) => Points::Grouping,
        (true, 1) if !raw.contains(',') => Points::Decimal,
        (true, _) => Points::Malformed,
    }
}

/// Reads a cell. `Ok(None)` means the cell says "not given" (empty or `-`),
/// which is not the same as zero.
///
/// ```
/// use yesan::amount::parse_number;
/// use rust_decimal::Decimal;
/// let n = parse_number("(x-) Δ127,035").unwrap().unwrap();
/// assert_eq!(n.value, Decimal::from(-127_035));
/// assert_eq!(parse_number(" - ").unwrap(), None);
/// ```
pub fn parse_number(raw: &str) -> Result<Option<Number>, NumberError> {
    if let Some(value) = plain_integer(raw) {
        return Ok(Some(Number {
            value,
            percent: false,
            exponent: false,
            won: false,
        }));
    }
    let mut text = raw.trim();
    let without_tags;
    if text.contains('<') {
        without_tags = strip_tags(text);
        text = without_tags.trim();
    }
    text = strip_converter_marks(text);
    if text.is_empty() || NOT_GIVEN.contains(&text) || is_placeholder(text) {
        return Ok(None);
    }
    let normal = normalize_width(text);
    let normal = normal.trim();
    match parse_normalized(normal) {
        Err(NumberError::NotANumber) => match korean::won(normal) {
            Some(Some(value)) => Ok(Some(Number {
                value,
                percent: false,
                exponent: false,
                won: true,
            })),
            Some(None) => Err(NumberError::OutOfRange),
            None => Err(NumberError::NotANumber),
        },
        read => read,
    }
}

/// The common cases without allocating: a plain run of ASCII digits, or
/// digits grouped by commas in threes (`1,872,428`), up to 18 digits.
fn plain_integer(raw: &str) -> Option<Decimal> {
    let bytes = raw.as_bytes();
    if bytes.is_empty() || bytes.len() > 24 || bytes[0] == b',' {
        return None;
    }
    let mut value: i64 = 0;
    let mut digits = 0;
    let mut since_comma: Option<u8> = None;
    for &b in bytes {
        match b {
            b'0'..=b'9' => {
                // 18 digits always fit in an i64; a 19th goes the slow way.
                if digits == 18 {
                    return None;
                }
                value = value * 10 + i64::from(b - b'0');
                digits += 1;
                since_comma = since_comma.map(|n| n + 1);
                if since_comma.is_some_and(|n| n > 3) {
                    return None;
                }
            }
            b',' if since_comma.is_none_or(|n| n == 3) => since_comma = Some(0),
            _ => return None,
        }
    }
    // Grouped digits must end with a full group of three.
    if since_comma.is_some_and(|n| n != 3) {
        return None;
    }
    Some(Decimal::from(value))
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Removes the `(x-)` / `(x)` marks that HWP-to-text converters leave in cells.
fn strip_converter_marks(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start();
        let rest = trimmed
            .strip_prefix("(x-)")
            .or_else(|| trimmed.strip_prefix("(x)"));
        match rest {
            Some(rest) => text = rest.trim_start(),
            None => return trimmed.trim_end(),
        }
    }
}

/// Full-width digits and signs to their ASCII forms.
fn normalize_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' => ',',
            '．' => '.',
            '－' | '−' => '-',
            '％' => '%',
            '（' => '(',
            '）' => ')',
            '＋' => '+',
            _ => c,
        })
        .collect()
}

/// Whether `text` says the number is negative, and the rest of it: signs
/// and brackets before the number, a currency (`$27,158,570`, `€ 1.250`,
/// `-US$5`, `1,000 KRW`; a sign may follow it), and a minus after the
/// number with no sign before it (ledgers such as SAP: `8.000,00-`).
fn signed(text: &str) -> (bool, &str) {
    let mut body = text;
    let mut negative = false;
    let mut signed = false;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        negative = true;
        signed = true;
        body = inner.trim();
    }
    if let Some(rest) = body.strip_prefix(['△', 'Δ', '▲', '▼', '-']) {
        negative = !negative;
        signed = true;
        body = rest.trim_start();
    } else if let Some(rest) = body.strip_prefix('+') {
        signed = true;
        body = rest.trim_start();
    }
    if let Some(rest) = strip_currency(body) {
        body = rest;
        if let Some(rest) = body.strip_prefix(['-', '△', 'Δ', '▲']) {
            negative = !negative;
            signed = true;
            body = rest.trim_start();
        }
    }
    if let Some(rest) = body
        .strip_suffix('-')
        .filter(|rest| !signed && rest.ends_with(|c: char| c.is_ascii_digit()))
    {
        negative = true;
        body = rest;
    }
    (negative, body)
}

fn parse_normalized(text: &str) -> Result<Option<Number>, NumberError> {
    let (negative, mut body) = signed(text);
    let mut percent = false;
    if let Some(rest) = body.strip_suffix('%') {
        percent = true;
        body = rest.trim_end();
    }
    let body = without_group_marks(body).ok_or(NumberError::NotANumber)?;
    let (mantissa, exponent) = split_exponent(&body);
    let digits = plain_digits(mantissa).ok_or(NumberError::NotANumber)?;
    // The text is a well-formed number, so the only way it can fail is by
    // having more digits than rust_decimal holds exactly: too many whole
    // digits, or too many decimals for a number of ordinary size.
    let mut value = Decimal::from_str_exact(&digits).map_err(|_| too_many_digits(&digits))?;
    if let Some(power) = exponent {
        value = times_ten_to(value, power?)?;
    }
    if negative {
        value.set_sign_negative(true);
    }
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    Ok(Some(Number {
        value,
        percent,
        exponent: exponent.is_some(),
        won: false,
    }))
}

/// Currency signs and codes a number may be written with.
const CURRENCIES: [&str; 22] = [
    "US$", "A$", "R$", "C$", "NZ$", "HK$", "$", "€", "£", "¥", "₩", "￦", "₹", "Rs.", "KRW", "USD",
    "EUR", "GBP", "JPY", "AUD", "INR", "Rs",
];

/// The number without the currency written before or after it.
fn strip_currency(body: &str) -> Option<&str> {
    CURRENCIES.iter().find_map(|currency| {
        body.strip_prefix(currency)
            .or_else(|| body.strip_suffix(currency))
            .map(str::trim)
    })
}

/// `2.35302E+11` → (`2.35302`, `Some(Ok(11))`); no exponent → `None`; an
/// exponent that is not a small whole number → `Some(Err)`.
fn split_exponent(body: &str) -> (&str, Option<Result<i32, NumberError>>) {
    let Some(at) = body.find(['E', 'e']) else {
        return (body, None);
    };
    let (mantissa, exponent) = (&body[..at], &body[at + 1..]);
    let digits = exponent.strip_prefix('+').unwrap_or(exponent);
    let power = digits
        .parse::<i32>()
        .ok()
        .filter(|p| (-28..=28).contains(p) && !digits.is_empty() && !mantissa.is_empty())
        .ok_or(NumberError::NotANumber);
    (mantissa, Some(power))
}

/// Why digits that are a number do not fit: the whole part is too large
/// (more than 28 digits), or, for a whole part that fits, the decimals are
/// too many.
fn too_many_digits(digits: &str) -> NumberError {
    match digits.split_once('.') {
        Some((whole, _)) if whole.trim_start_matches('0').len() <= 28 => NumberError::TooPrecise,
        _ => NumberError::OutOfRange,
    }
}

/// `value × 10^power`, exactly.
fn times_ten_to(value: Decimal, power: i32) -> Result<Decimal, NumberError> {
    let ten = Decimal::TEN;
    let mut result = value;
    for _ in 0..power.unsigned_abs() {
        result = if power > 0 {
            result.checked_mul(ten)
        } else {
            result.checked_div(ten)
        }
        .ok_or(NumberError::OutOfRange)?;
    }
    Ok(result.normalize())
}

/// Digits with an optional decimal point; commas only between digits.
fn plain_digits(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(bytes.len());
    let mut seen_point = false;
    let mut seen_digit = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                out.push(char::from(b));
            }
            b',' if !seen_point => {
                let before = i > 0 && bytes[i - 1].is_ascii_digit();
                let after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !(before && after) {
                    return None;
                }
            }
            b'.' if !seen_point => {
                seen_point = true;
                out.push('.');
            }
            _ => return None,
        }
    }
    seen_digit.then_some(out)
}

mod korean;
#[cfg(test)]
mod tests;
