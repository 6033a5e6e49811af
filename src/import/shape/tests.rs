use super::*;

fn table(header: &[&str], rows: &[&[&str]]) -> Table {
    Table {
        header: header.iter().map(|s| s.to_string()).collect(),
        header_row: 1,
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    Start {
                        byte: 0,
                        line: i + 2,
                    },
                    r.iter().map(|s| s.to_string()).collect(),
                )
            })
            .collect(),
        notes: Vec::new(),
    }
}

#[test]
fn a_second_header_row_combines_with_the_first() {
    // 001 < 구성별 >: 2015년 대비 over 증감 | 증감률.
    let t = shape(table(
        &[
            "구분",
            "2015년 예산",
            "비중",
            "2016년 예산",
            "비중",
            "2015년 대비",
            "",
        ],
        &[
            &["", "", "", "", "", "증감", "증감률"],
            &["계", "36,372", "100%", "41,018", "100%", "4,644", "12.8%"],
        ],
    ));
    assert_eq!(
        t.header,
        [
            "구분",
            "2015년 예산",
            "비중",
            "2016년 예산",
            "비중",
            "2015년 대비 증감",
            "2015년 대비 증감률"
        ]
    );
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.notes[0].code, "header_merged");
}

#[test]
fn a_heading_over_a_column_of_names_is_no_header_row() {
    // `,Police Department,,` heads the line items below it.
    let heading = shape(table(
        &["Account", "Line Item", "Adopted"],
        &[
            &["", "Police Department", ""],
            &["1010", "Salaries", "100"],
            &["1020", "Overtime", "50"],
        ],
    ));
    assert_eq!(heading.header, ["Account", "Line Item", "Adopted"]);
    assert_eq!(heading.rows.len(), 3);
    // One text over a column of numbers is the header's second line.
    let unit = shape(table(
        &["Department", "Adopted"],
        &[&["", "(thousands)"], &["Police", "100"], &["Fire", "50"]],
    ));
    assert_eq!(unit.header, ["Department", "Adopted (thousands)"]);
    assert_eq!(unit.rows.len(), 2);
}

#[test]
fn rates_inside_amount_cells_become_their_own_column() {
    // 004 과목별 집행현황.
    let t = shape(table(
        &["구 분", "예 산 액", "집 행 액 (집행률)", "잔 액"],
        &[
            &["계", "380,200", "203,672", "176,528"],
            &[
                "기관운영업무추진비",
                "277,200",
                "152,912 (55.2%)",
                "124,288",
            ],
        ],
    ));
    assert_eq!(
        t.header,
        ["구 분", "예 산 액", "집 행 액", "집행률", "잔 액"]
    );
    assert_eq!(t.rows[0].1, ["계", "380,200", "203,672", "", "176,528"]);
    assert_eq!(
        t.rows[1].1,
        [
            "기관운영업무추진비",
            "277,200",
            "152,912",
            "55.2%",
            "124,288"
        ]
    );
}

#[test]
fn years_across_turn_into_rows() {
    let t = shape(table(
        &["구 분", "2012년", "2013년"],
        &[
            &["예 산 액", "365,000", "406,800"],
            &["집 행 액", "199,877", "261,698"],
        ],
    ));
    assert_eq!(t.header, ["연도", "예산액", "집행액"]);
    assert_eq!(t.rows[1].1, ["2013년", "406,800", "261,698"]);
}
