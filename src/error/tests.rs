use super::*;

#[test]
fn message_names_row_and_column_in_both_languages() {
    let error = Error::new(ErrorKind::NotANumber)
        .at_row(12)
        .at_column(9, "예산액")
        .with_detail("'십만원'", "'십만원'");
    assert_eq!(error.code(), "not_a_number");
    assert_eq!(
        error.message_ko(),
        "12행 9열('예산액'): 금액 칸에 숫자가 아닌 값이 있습니다 — '십만원'"
    );
    assert_eq!(
        error.message_en(),
        "Row 12, column 9 ('예산액'): an amount cell holds something that is not a number — '십만원'"
    );
}

#[test]
fn message_without_place_is_capitalised() {
    let error = Error::new(ErrorKind::Empty);
    assert_eq!(error.message_en(), "The file is empty");
    assert_eq!(error.message_ko(), "파일이 비어 있습니다");
    assert_eq!(error.to_string(), "The file is empty");
}

#[test]
fn long_values_are_shortened_when_quoted() {
    let quoted = quote_value(&"가".repeat(100));
    assert_eq!(quoted.chars().count(), 43);
    assert!(quoted.ends_with("…'"));
}
