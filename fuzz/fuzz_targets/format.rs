//! Writing amounts for people: Korean units, other units, exact won.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use yesan::Unit;

const UNITS: [Unit; 7] = [
    Unit::Won,
    Unit::Thousand,
    Unit::TenThousand,
    Unit::Million,
    Unit::HundredMillion,
    Unit::Billion,
    Unit::Trillion,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let Ok(value) = text.trim().parse::<Decimal>() else {
        return;
    };
    let unit = UNITS[usize::from(pick) % UNITS.len()];
    let display = UNITS[usize::from(pick / 7) % UNITS.len()];
    let _ = yesan::format::korean(value, Some(unit));
    let _ = yesan::format::in_unit(value, Some(unit), display, u32::from(pick % 13));
    if let Some(won) = yesan::format::exact_won(value, Some(unit)) {
        // Written exactly, it reads back as the same amount in won.
        let digits: String = won
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '-' || *c == '.')
            .collect();
        let back = digits.parse::<Decimal>().ok();
        assert_eq!(back, yesan::format::to_won(value, Some(unit)), "{won}");
    }
});
