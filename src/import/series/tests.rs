use super::*;

#[test]
fn years_are_left_out_of_a_header_to_line_columns_up() {
    assert_eq!(without_years("2016 예산"), "예산");
    assert_eq!(without_years("FY2024 Adopted"), "Adopted");
    assert_eq!(without_years("금년도예산(천원)"), "금년도예산(천원)");
    assert_eq!(without_years("2016"), "2016");
}
