use super::*;

fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn merge(rows: (usize, usize), columns: (usize, usize)) -> Merge {
    Merge { rows, columns }
}

#[test]
fn a_header_of_two_rows_with_merged_cells_becomes_one() {
    // 구분 is merged over rows 2–3, 2024 예산 over columns 2–3.
    let cells = grid(&[
        &["세출예산 (단위: 천원)", "", ""],
        &["구분", "2024 예산", ""],
        &["", "본예산", "추경"],
        &["가", "100", "110"],
    ]);
    let merges = [
        merge((0, 0), (0, 2)),
        merge((1, 2), (0, 0)),
        merge((1, 1), (1, 2)),
    ];
    let sheet = lay_out("세출".into(), 1, cells, &merges);
    assert_eq!(
        sheet.rows[0],
        (
            1,
            vec!["세출예산 (단위: 천원)".into(), String::new(), String::new()]
        )
    );
    assert_eq!(
        sheet.rows[1],
        (
            3,
            vec![
                "구분".into(),
                "2024 예산 본예산".into(),
                "2024 예산 추경".into()
            ]
        )
    );
    assert_eq!(
        sheet.rows[2],
        (4, vec!["가".into(), "100".into(), "110".into()])
    );
}

#[test]
fn a_label_merged_down_the_data_stands_in_each_row() {
    let cells = grid(&[
        &["실국", "사업", "예산"],
        &["복지국", "경로당", "100"],
        &["", "무료급식", "200"],
        &["교통국", "버스", "300"],
    ]);
    let sheet = lay_out("s".into(), 5, cells, &[merge((1, 2), (0, 0))]);
    let labels: Vec<&str> = sheet.rows.iter().map(|(_, r)| r[0].as_str()).collect();
    assert_eq!(labels, ["실국", "복지국", "복지국", "교통국"]);
    assert_eq!(sheet.rows[3].0, 8);
}

#[test]
fn a_merged_amount_is_not_repeated_across_columns() {
    let cells = grid(&[&["항목", "2023", "2024"], &["가", "100", ""]]);
    let sheet = lay_out("s".into(), 1, cells, &[merge((1, 1), (1, 2))]);
    assert_eq!(sheet.rows[1].1, ["가", "100", ""]);
}

#[test]
fn the_first_sheet_with_a_budget_table_is_read_and_the_others_named() {
    let notes = Sheet {
        name: "안내".into(),
        rows: vec![(1, vec!["이 파일은 예산서입니다".into()])],
    };
    let data = Sheet {
        name: "세출".into(),
        rows: vec![
            (1, vec!["부서".into(), "예산액".into()]),
            (2, vec!["가".into(), "100".into()]),
            (3, vec!["나".into(), "0.1".into()]),
        ],
    };
    let book = Workbook {
        format: SheetFormat::Xlsx,
        sheets: vec![notes, data],
        floats: 1,
    };
    let budget = read_workbook(book.clone(), &Options::default()).unwrap();
    assert_eq!(budget.source().sheet.as_deref(), Some("세출"));
    assert_eq!(budget.source().sheets, ["안내", "세출"]);
    assert_eq!(budget.source().format, "xlsx");
    let codes: Vec<&str> = budget.warnings().iter().map(|w| w.code).collect();
    assert!(
        codes.contains(&"sheet_chosen") && codes.contains(&"spreadsheet_floats"),
        "{codes:?}"
    );
    let report = budget.report(&Options::default()).unwrap();
    assert_eq!(report.totals[0].value.as_deref(), Some("100.1"));

    let mut by_name = Options {
        sheet: Some(SheetChoice::Name("안내".into())),
        ..Options::default()
    };
    assert!(read_workbook(book.clone(), &by_name).is_err());
    by_name.sheet = Some(SheetChoice::Number(3));
    let error = read_workbook(book.clone(), &by_name).unwrap_err();
    assert_eq!(error.code(), "invalid_option");
    assert!(
        error.message_en().contains("안내, 세출"),
        "{}",
        error.message_en()
    );
}

#[test]
fn a_sheet_crosses_packed_and_comes_back_the_same() {
    let sheet = Sheet {
        name: "세출".into(),
        rows: vec![
            (3, vec!["부서".into(), "예산액".into(), String::new()]),
            (4, vec!["가\u{1f}나".into(), "100".into(), "".into()]),
        ],
    };
    let json = serde_json::to_string(&sheet).unwrap();
    assert_eq!(
        json,
        r#"{"name":"세출","lines":[3,4],"cells":"부서\u001f예산액\u001f\u001f\u001e가 나\u001f100\u001f\u001f\u001e"}"#
    );
    let back: Sheet = serde_json::from_str(&json).unwrap();
    assert_eq!(back.rows[0], sheet.rows[0]);
    assert_eq!(back.rows[1].1, ["가 나", "100", ""]);
    assert_eq!(back.rows[1].0, 4);
}
