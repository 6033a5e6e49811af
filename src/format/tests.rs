use super::*;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

#[test]
fn thousands_are_grouped() {
    assert_eq!(group_thousands("1234567"), "1,234,567");
    assert_eq!(group_thousands("-87035"), "-87,035");
    assert_eq!(group_thousands("123"), "123");
    assert_eq!(group_thousands("1234.5"), "1,234.5");
}

#[test]
fn korean_readings_in_man_steps() {
    let cases = [
        (d(225_941_254_764), Some(Unit::Thousand), "225조 9,413억원"),
        (d(41_018), Some(Unit::Million), "410억 1,800만원"),
        (d(188), Some(Unit::Million), "1억 8,800만원"),
        (d(5_800), Some(Unit::Thousand), "580만원"),
        (d(9_800), None, "9,800원"),
        (d(-127_035), Some(Unit::Thousand), "-1억 2,704만원"),
        (d(999_999_999), None, "10억원"),
        (d(100_000_000), None, "1억원"),
        (d(0), None, "0원"),
    ];
    for (value, unit, expected) in cases {
        assert_eq!(
            korean(value, unit).as_deref(),
            Some(expected),
            "{value} {unit:?}"
        );
    }
}

#[test]
fn display_units_and_exact_won() {
    assert_eq!(
        in_unit(d(41_018), Some(Unit::Million), Unit::HundredMillion, 0).as_deref(),
        Some("410억원")
    );
    assert_eq!(
        in_unit(d(41_018), Some(Unit::Million), Unit::HundredMillion, 1).as_deref(),
        Some("410.2억원")
    );
    assert_eq!(
        in_unit(d(151_757), Some(Unit::Thousand), Unit::Thousand, 0).as_deref(),
        Some("151,757천원")
    );
    assert_eq!(
        exact_won(d(41_018), Some(Unit::Million)).as_deref(),
        Some("41,018,000,000원")
    );
    assert_eq!(
        exact_won(Decimal::new(125, 1), Some(Unit::Thousand)).as_deref(),
        Some("12,500원")
    );
}
