use super::*;

fn d(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_default()
}

#[test]
fn products_with_units_and_counts() {
    assert_eq!(
        expression("150,000원*15인*6회"),
        Some(("150,000원*15인*6회".into(), d("13500")))
    );
    assert_eq!(
        expression("- 연사초청경비 등 40,000,000원*1식 = 40,000천원").map(|e| e.1),
        Some(d("40000"))
    );
    assert_eq!(expression("10,000원*15명*6회").map(|e| e.1), Some(d("900")));
    assert_eq!(
        expression("○ 서울시민모니터 운영 5,800,000원 = 5,800천원").map(|e| e.1),
        Some(d("5800"))
    );
    assert_eq!(expression("- 강사료 = 6,000천원"), None);
    assert_eq!(stated("- 강사료 = 6,000천원"), Some(d("6000")));
    assert_eq!(stated("= 151,757천원"), Some(d("151757")));
}

#[test]
fn a_product_on_the_next_line_joins_its_item() {
    let text = "과목구분\t세부 산출내역\n사무관리비\t○ 직원 소셜미디어 전문가 교육 20,000,000원 = 20,000천원\n\t- 강사료 = 6,000천원\n\t500,000원*12회\n";
    let items = items(text);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].category, "사무관리비");
    assert_eq!(items[0].label, "직원 소셜미디어 전문가 교육");
    assert_eq!(
        (items[0].stated, items[0].product),
        (Some(d("20000")), Some(d("20000")))
    );
    assert_eq!(items[1].label, "강사료");
    assert_eq!(items[1].basis.as_deref(), Some("500,000원*12회"));
    assert_eq!(
        (items[1].stated, items[1].product),
        (Some(d("6000")), Some(d("6000")))
    );
    assert_eq!(items[1].category, "사무관리비", "carried down");
    assert!(looks_like(text));
}
