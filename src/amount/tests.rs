use super::*;

fn value(text: &str) -> Decimal {
    match parse_number(text) {
        Ok(Some(number)) => number.value,
        other => panic!("{text:?} did not read as a number: {other:?}"),
    }
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn plain_and_separated_numbers() {
    assert_eq!(value("47810398"), dec("47810398"));
    assert_eq!(value("47,810,398"), dec("47810398"));
    assert_eq!(value("  1,872,428,000 "), dec("1872428000"));
    assert_eq!(value("53.07"), dec("53.07"));
    assert_eq!(value("0"), Decimal::ZERO);
}

#[test]
fn every_decrease_notation() {
    for text in [
        "△127,035",
        "Δ127,035",
        "▲127,035",
        "-127,035",
        "−127,035",
        "(127,035)",
        "△ 127,035",
        "－127,035",
        "127,035-",
        "$127,035-",
    ] {
        assert_eq!(value(text), dec("-127035"), "{text}");
    }
}

#[test]
fn a_ledgers_trailing_minus_in_a_decimal_comma_table() {
    let cells = ["100.000,00", "8.000,00-", "12.500,00-"];
    let notation = Notation::detect_in(cells.iter().copied(), false);
    assert!(notation.decimal_comma);
    let n = parse_number_in("8.000,00-", notation).unwrap().unwrap();
    assert_eq!(n.value, dec("-8000.00"));
}

#[test]
fn not_given_is_not_zero() {
    for text in ["", "  ", "-", "－", "ㅡ", "(x-)", "(x-) ", "<b></b>"] {
        assert_eq!(parse_number(text), Ok(None), "{text:?}");
    }
    assert_eq!(value("0"), Decimal::ZERO);
    assert!(!value("-0").is_sign_negative());
}

#[test]
fn converter_artefacts_and_full_width_digits() {
    assert_eq!(value("(x-) 123,176"), dec("123176"));
    assert_eq!(value("(x-) Δ45"), dec("-45"));
    assert_eq!(value("<b>41,018</b>"), dec("41018"));
    assert_eq!(value("１２，３４５"), dec("12345"));
    assert_eq!(value("\u{3000}12\u{3000}"), dec("12"));
}

#[test]
fn percentages_are_marked() {
    let number = parse_number("29.7%").ok().flatten();
    assert_eq!(
        number,
        Some(Number {
            value: dec("29.7"),
            percent: true,
            exponent: false,
            won: false,
        })
    );
}

#[test]
fn words_and_malformed_numbers_are_rejected() {
    for text in [
        "십만원",
        "1,2a",
        ",123",
        "123,",
        "1.2.3",
        "12 34",
        "N/AB",
        "1e5e",
        "E5",
        "1E+99",
        "--5",
        "5--",
        "-5-",
    ] {
        assert_eq!(parse_number(text), Err(NumberError::NotANumber), "{text}");
    }
}

#[test]
fn placeholders_are_not_given() {
    for text in [
        "nfp", "n.a.", "N/A", "N/R", "na", "..", "n.p.", "New", "n.m.", "순증", "순감", "신규",
        "皆増", "皆減",
    ] {
        assert_eq!(parse_number(text), Ok(None), "{text}");
    }
}

#[test]
fn beyond_28_digits_is_out_of_range() {
    assert_eq!(
        parse_number("99999999999999999999999999999999"),
        Err(NumberError::OutOfRange)
    );
    // Many decimals on a small number are not "too large": too precise.
    assert_eq!(
        parse_number("0.00000000000000000000000000000001"),
        Err(NumberError::TooPrecise)
    );
    assert_eq!(
        parse_number("1,234.56789012345678901234567890"),
        Err(NumberError::TooPrecise)
    );
    assert_eq!(
        value("79,228,162,514,264,337,593,543,950,335"),
        Decimal::MAX
    );
}

#[test]
fn nineteen_and_more_plain_digits_do_not_overflow() {
    assert_eq!(
        parse_number("9999999999999999999").map(|n| n.map(|n| n.value)),
        Ok(Some(dec("9999999999999999999")))
    );
    let text = "a,b\nx,9999999999999999999\n";
    let report = crate::analyze_text(text, &crate::Options::default());
    assert_eq!(
        report
            .ok()
            .and_then(|r| r.totals[0].value.clone())
            .as_deref(),
        Some("9999999999999999999")
    );
}

#[test]
fn currencies_before_or_after_the_number() {
    for (text, value) in [
        ("$27,158,570", "27158570"),
        ("US$ 1,000", "1000"),
        ("-$5.25", "-5.25"),
        ("$-5.25", "-5.25"),
        ("€ 1,250", "1250"),
        ("1,000 KRW", "1000"),
        ("₩1,000", "1000"),
        ("(£1,234)", "-1234"),
    ] {
        let read = parse_number(text).ok().flatten().map(|n| n.value);
        assert_eq!(read, Some(dec(value)), "{text}");
    }
}

#[test]
fn e_notation_is_read_exactly_as_written() {
    let n = parse_number("2.35302E+11").ok().flatten();
    assert_eq!(
        n.map(|n| (n.value, n.exponent)),
        Some((dec("235302000000"), true))
    );
    let n = parse_number("1.5e-3").ok().flatten();
    assert_eq!(n.map(|n| n.value), Some(dec("0.0015")));
    assert_eq!(
        parse_number("1e5").ok().flatten().map(|n| n.value),
        Some(dec("100000"))
    );
}

#[test]
fn a_decimal_comma_is_detected_and_read() {
    let european = Notation::detect(["1.234.567,89", "12,5", "300", "-4.100,00"].into_iter());
    assert!(european.decimal_comma);
    let usual = Notation::detect(["1,234,567.89", "12.5", "300", "1,234"].into_iter());
    assert!(!usual.decimal_comma);
    let n = parse_number_in("1.234.567,89", european).ok().flatten();
    assert_eq!(n.map(|n| n.value), Some(dec("1234567.89")));
    let n = parse_number_in("-4.100,00", european).ok().flatten();
    assert_eq!(n.map(|n| n.value), Some(dec("-4100.00")));
    let n = parse_number_in("1,234", usual).ok().flatten();
    assert_eq!(n.map(|n| n.value), Some(dec("1234")));
}

#[test]
fn a_decimal_comma_is_seen_behind_a_currency_or_a_percent_sign() {
    // Brazil's transparency portals write `R$ 12.000.000,00`; a French
    // execution rate `94,40 %`.
    for cells in [
        ["R$ 12.000.000,00", "R$ 1.500,00"],
        ["12.000.000,00 €", "1.500,00 €"],
        ["94,40 %", "(1.250,5)"],
    ] {
        let notation = Notation::detect(cells.into_iter());
        assert!(notation.decimal_comma, "{cells:?}");
    }
    let brazil = Notation {
        decimal_comma: true,
    };
    let n = parse_number_in("R$ 12.000.000,00", brazil).ok().flatten();
    assert_eq!(n.map(|n| n.value), Some(dec("12000000.00")));
    let n = parse_number_in("-R$ 1.500,25", brazil).ok().flatten();
    assert_eq!(n.map(|n| n.value), Some(dec("-1500.25")));
}

#[test]
fn digits_grouped_by_spaces_and_apostrophes() {
    // France writes `1 234 567,89`, often with a no-break space (U+00A0) or
    // the narrow one (U+202F) a spreadsheet puts there; Switzerland
    // `1'234'567.50`.
    let french = [
        "1 250 000,00",
        "45\u{a0}000,00",
        "8\u{202f}995\u{202f}111,82",
        "-2 750 000,00",
    ];
    let notation = Notation::detect(french.into_iter());
    assert!(notation.decimal_comma);
    let read = |cell: &str, notation| {
        parse_number_in(cell, notation)
            .ok()
            .flatten()
            .map(|n| n.value)
    };
    assert_eq!(read("1 250 000,00", notation), Some(dec("1250000.00")));
    assert_eq!(read("45\u{a0}000,00", notation), Some(dec("45000.00")));
    assert_eq!(
        read("8\u{202f}995\u{202f}111,82", notation),
        Some(dec("8995111.82"))
    );
    assert_eq!(read("-2 750 000,00", notation), Some(dec("-2750000.00")));
    assert_eq!(read("1 250 000,00 €", notation), Some(dec("1250000.00")));
    assert_eq!(read("12,5 %", notation), Some(dec("12.5")));
    let usual = Notation::default();
    assert_eq!(read("1'234'567.50", usual), Some(dec("1234567.50")));
    assert_eq!(
        read("CHF 1’234", usual),
        None,
        "CHF is not a currency this reader strips"
    );
    assert_eq!(read("1’234", usual), Some(dec("1234")));
    assert_eq!(read("1 234 567", usual), Some(dec("1234567")));
    assert_eq!(read("(1 234)", usual), Some(dec("-1234")));
    // Not one number: groups that are not of three, a year range, a leading
    // mark (a spreadsheet's text prefix), marks with nothing between.
    for cell in [
        "12 34",
        "2023 2024",
        "1 2345",
        "'123",
        "1  234",
        "1 234,5 678",
        "1 234 ,5",
    ] {
        assert_eq!(parse_number(cell), Err(NumberError::NotANumber), "{cell:?}");
    }
    // A file of ordinary numbers is not taken for a decimal comma by a
    // spaced one.
    let mixed = Notation::detect(["1,234,567.89", "12.5", "1 234"].into_iter());
    assert!(!mixed.decimal_comma);
}

#[test]
fn a_group_cut_inside_a_character_is_not_a_number() {
    // Found by fuzzing: a group of three bytes that ends inside a character
    // (`1 2부`) was cut there and panicked.
    for cell in ["1 2부", "1 부서", "12 €12", "1 23€"] {
        assert_eq!(parse_number(cell), Err(NumberError::NotANumber), "{cell:?}");
    }
}

/// `12.500` alone is twelve and a half, or twelve thousand five hundred:
/// the language of the table's headers decides, where no cell does.
#[test]
fn a_point_grouping_three_digits_is_read_by_the_tables_language() {
    let cells = ["12.500", "630.000", "300"];
    assert!(Notation::detect_in(cells.into_iter(), true).decimal_comma);
    assert!(!Notation::detect_in(cells.into_iter(), false).decimal_comma);
    // A cell that can only be read one way decides in any language.
    assert!(!Notation::detect_in(["12.500", "7.25"].into_iter(), true).decimal_comma);
    // `0.125` is a decimal point in every language.
    assert!(!Notation::detect_in(["0.125", "0.500"].into_iter(), true).decimal_comma);
}

/// A decimal-comma table whose rate column another tool wrote with a
/// decimal point (`% Ejecución` beside `45.200.000.000`): `93.49` is
/// 93.49, not 9,349; points that group other than three digits are no
/// number at all.
#[test]
fn a_decimal_point_in_a_decimal_comma_table() {
    let comma = Notation {
        decimal_comma: true,
    };
    let read = |cell: &str| parse_number_in(cell, comma).map(|n| n.map(|n| n.value));
    assert_eq!(read("93.49"), Ok(Some(dec("93.49"))));
    assert_eq!(read("12.5 %"), Ok(Some(dec("12.5"))));
    assert_eq!(read("-0.75"), Ok(Some(dec("-0.75"))));
    assert_eq!(read("2.35302E+11"), Ok(Some(dec("235302000000"))));
    assert_eq!(read("1234.5678"), Ok(Some(dec("1234.5678"))));
    // Points that group three digits still do.
    assert_eq!(read("12.500"), Ok(Some(dec("12500"))));
    assert_eq!(read("45.200.000.000"), Ok(Some(dec("45200000000"))));
    assert_eq!(read("1.234,5"), Ok(Some(dec("1234.5"))));
    assert_eq!(read("R$ 1.500,25"), Ok(Some(dec("1500.25"))));
    for cell in ["1.23.456", "1.2.2024", "1.23,5", "12.34.567,00"] {
        assert_eq!(read(cell), Err(NumberError::NotANumber), "{cell:?}");
    }
}

mod decimal_comma_properties {
    use super::*;
    use proptest::prelude::*;

    /// `1.234.567,89` written from a number's digits.
    fn grouped_by_points(whole: u64, cents: u32) -> String {
        let digits = whole.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        format!("{out},{cents:02}")
    }

    proptest! {
        /// Any cell of a decimal-comma table is read or refused, never a
        /// panic; a number grouped by points, and one written with a
        /// decimal point by another tool, read back as written.
        #[test]
        fn read_back_in_a_decimal_comma_table(whole in 0u64..10_000_000_000_000, cents in 0u32..100, text in "[0-9.,\\- ]{0,16}") {
            let comma = Notation { decimal_comma: true };
            let _ = parse_number_in(&text, comma);
            let expected = Decimal::from(whole) + Decimal::new(i64::from(cents), 2);
            let grouped = parse_number_in(&grouped_by_points(whole, cents), comma);
            prop_assert_eq!(grouped.map(|n| n.map(|n| n.value)), Ok(Some(expected)));
            let pointed = format!("{whole}.{cents:02}");
            let read = parse_number_in(&pointed, comma).map(|n| n.map(|n| n.value));
            prop_assert_eq!(read, Ok(Some(expected)));
        }
    }
}
