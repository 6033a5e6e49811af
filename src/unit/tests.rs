use super::*;

#[test]
fn captions_as_the_seed_documents_write_them() {
    assert_eq!(Unit::from_caption("(단위 : 천원)"), Some(Unit::Thousand));
    assert_eq!(Unit::from_caption("(단위 : 백만원)"), Some(Unit::Million));
    assert_eq!(
        Unit::from_caption("(2016. 8. 10. 기준, 단위 : 백만원)"),
        Some(Unit::Million)
    );
    assert_eq!(
        Unit::from_caption("3 예산 집행현황 ('16.10.31 현재, 단위 : 천원)"),
        Some(Unit::Thousand)
    );
    assert_eq!(
        Unit::from_caption("[단위:억원]"),
        Some(Unit::HundredMillion)
    );
    assert_eq!(
        Unit::from_caption("(Unit: KRW thousand)"),
        Some(Unit::Thousand)
    );
    assert_eq!(Unit::from_caption("(단위: 명)"), None);
    assert_eq!(Unit::from_caption("2016년 예산편성 세부내역"), None);
}

#[test]
fn headers_state_units_in_brackets_only() {
    assert_eq!(Unit::from_header("금년도예산(천원)"), Some(Unit::Thousand));
    assert_eq!(Unit::from_header("예산액 [백만원]"), Some(Unit::Million));
    assert_eq!(Unit::from_header("집행액(단위:원)"), Some(Unit::Won));
    assert_eq!(Unit::from_header("2015예산액 (A)"), None);
    assert_eq!(Unit::from_header("지원금"), None);
}

#[test]
fn factors_are_powers_of_ten() {
    assert_eq!(Unit::Thousand.factor(), Decimal::from(1000));
    assert_eq!(Unit::HundredMillion.factor(), Decimal::from(100_000_000));
    assert_eq!(Unit::Million.label_ko(), "백만원");
}

#[test]
fn captions_whose_lower_case_is_longer_are_read() {
    // Found by fuzzing: `İ` lower-cases to two characters, which moved the
    // position of 단위 and cut the line inside a character.
    assert_eq!(Unit::from_caption("İİ 단위: 천원"), Some(Unit::Thousand));
    assert_eq!(
        Unit::from_caption("İ (UNIT: KRW thousand)"),
        Some(Unit::Thousand)
    );
}

#[test]
fn scales_in_other_languages_and_with_a_currency() {
    for (header, unit) in [
        ("令和5年度予算額(千円)", Some(Unit::Thousand)),
        ("予算現額（百万円）", Some(Unit::Million)),
        ("決算額(億円)", Some(Unit::HundredMillion)),
        ("预算数(万元)", Some(Unit::TenThousand)),
        ("预算数（亿元）", Some(Unit::HundredMillion)),
        ("Ansatz 2024 (Tsd. EUR)", Some(Unit::Thousand)),
        ("Ansatz (TEUR)", Some(Unit::Thousand)),
        ("Ergebnis (Mio. €)", Some(Unit::Million)),
        (
            "Budget primitif (en milliers d'euros)",
            Some(Unit::Thousand),
        ),
        ("Crédits (k€)", Some(Unit::Thousand)),
        ("Réalisé (M€)", Some(Unit::Million)),
        ("Actual ($ thousands)", Some(Unit::Thousand)),
        ("Adopted ($000)", Some(Unit::Thousand)),
        ("Budget ($MM)", Some(Unit::Million)),
        ("Orçamento (R$ mil)", Some(Unit::Thousand)),
        ("2022-23 Outturn £m", Some(Unit::Million)),
        ("Budget $000", Some(Unit::Thousand)),
        ("Plan €", None),
        ("Budget Estimates 2024-25 (₹ crore)", Some(Unit::TenMillion)),
        (
            "Revised Estimates (Rs. in lakh)",
            Some(Unit::HundredThousand),
        ),
        ("Actuals (in lakhs)", Some(Unit::HundredThousand)),
        ("Amount (₹ cr)", Some(Unit::TenMillion)),
        ("Budget 2024 (tkr)", Some(Unit::Thousand)),
        ("Budget (mnkr)", Some(Unit::Million)),
        ("Budget (tusen kronor)", Some(Unit::Thousand)),
        ("Oprindeligt budget (1.000 kr.)", Some(Unit::Thousand)),
        ("Regnskab (t.kr.)", Some(Unit::Thousand)),
        ("Budsjett (i 1 000 kr)", Some(Unit::Thousand)),
        ("Talousarvio (1000 €)", Some(Unit::Thousand)),
        ("Talousarvio (milj. €)", Some(Unit::Million)),
        ("Nr (1)", None),
        ("Amount (Cr)", None),
        ("Сумма, тыс. руб.", Some(Unit::Thousand)),
        ("Виконано, тис. грн", Some(Unit::Thousand)),
        ("Plan (tys. zł)", Some(Unit::Thousand)),
        ("Anggaran (Rp juta)", Some(Unit::Million)),
        ("Bütçe (bin TL)", Some(Unit::Thousand)),
        ("Dự toán (triệu đồng)", Some(Unit::Million)),
        ("Begroting (x € 1.000)", Some(Unit::Thousand)),
        ("Lasten (bedragen × 1.000.000)", Some(Unit::Million)),
        ("Виконано, грн", None),
        ("Schválený rozpočet (tis. Kč)", Some(Unit::Thousand)),
        ("Eredeti előirányzat (ezer Ft)", Some(Unit::Thousand)),
        ("Prevederi bugetare (mii lei)", Some(Unit::Thousand)),
        // A currency alone states no scale.
        ("Ansatz 2024 (EUR)", None),
        ("Amount ($)", None),
        ("Budget (Rm)", Some(Unit::Million)),
        ("Size (m)", None),
    ] {
        assert_eq!(Unit::from_header(header), unit, "{header}");
    }
    assert_eq!(Unit::from_caption("（単位：千円）"), Some(Unit::Thousand));
    assert_eq!(Unit::from_caption("单位：万元"), Some(Unit::TenThousand));
    for (caption, unit) in [
        ("Исполнение бюджета (тыс. рублей)", Some(Unit::Thousand)),
        ("Wykonanie budżetu gminy w tys. zł", Some(Unit::Thousand)),
        (
            "Programmabegroting (bedragen x € 1.000)",
            Some(Unit::Thousand),
        ),
        ("Gider bütçesi (bin TL)", Some(Unit::Thousand)),
        ("Quyết toán chi ngân sách (triệu đồng)", Some(Unit::Million)),
        // A scale before `de`, `of`: Chile's and Colombia's captions.
        (
            "Ejecución presupuestaria (miles de $)",
            Some(Unit::Thousand),
        ),
        ("(millones de pesos)", Some(Unit::Million)),
        ("(Thousands of dollars)", Some(Unit::Thousand)),
        // South Africa's rand.
        ("Appropriation per programme (R'000)", Some(Unit::Thousand)),
        ("R thousand", Some(Unit::Thousand)),
        ("Budget 2024 by department", None),
        ("Plan de desarrollo", None),
    ] {
        assert_eq!(Unit::from_scale_words(caption), unit, "{caption}");
    }
}

#[test]
fn messages_name_units_in_won_or_as_scales() {
    assert_eq!(Unit::Thousand.names(true), ("천원", "thousand won"));
    assert_eq!(Unit::Thousand.names(false), ("천", "thousands"));
    assert_eq!(Unit::to_ko("천원"), "천원으로");
    assert_eq!(Unit::to_ko("천"), "천으로");
    assert_eq!(Unit::to_ko("백만"), "백만으로");
    assert_eq!(Unit::to_ko("1"), "1로");
    assert_eq!(Unit::to_ko("십억"), "십억으로");
    assert_eq!(Unit::to_ko("조"), "조로");
}
