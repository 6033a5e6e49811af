//! Spreadsheets: the same figures as the text fixtures they were transcribed
//! from (tests/fixtures/sheets/make.py), laid out as government workbooks
//! are, give the same report.
mod common;

use common::{amount, dec, fixture, node, options, report, totals};
use yesan::{Budget, Options};

#[test]
fn a_workbook_with_a_notes_sheet_merged_headers_and_merged_departments() {
    let report = report("sheets/programmes.xlsx", "{}");
    assert_eq!(report.source.format, "xlsx");
    assert_eq!(report.source.sheet.as_deref(), Some("세출"));
    assert_eq!(report.source.sheets, ["안내", "세출", "결산"]);
    // The two header rows, with their merged cells, read as one.
    assert_eq!(report.source.header_row, 4);
    assert_eq!(
        totals(&report),
        [
            ("2016 예산 예산액(A)", Some("15159")),
            ("2016 예산 예산현액(A+B)", Some("16500")),
            ("집행 집행액", Some("8744")),
        ]
    );
    // Each department merged down its programmes stands for each of them:
    // the sums of the seed's rows (12,198 and 2,960 published, in 백만원).
    assert_eq!(
        amount(node(&report, &["시민소통담당관"]), "2016 예산 예산액(A)"),
        dec("12199")
    );
    assert_eq!(
        amount(node(&report, &["도시브랜드담당관"]), "2016 예산 예산액(A)"),
        dec("2960")
    );
    assert_eq!(node(&report, &["시민소통담당관"]).rows, 13);
    let execution = report.execution.as_ref().expect("execution");
    assert_eq!(execution.rate.as_deref(), Some("53.0"));
    assert_eq!(report.unit.as_ref().map(|u| u.label), Some("백만원"));
    // The published rates (32.99 %, stored as binary fractions) agree.
    assert_eq!(report.audit.findings.len(), 0);
    assert_eq!(report.audit.checked, 16);
    let codes: Vec<&str> = report.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&"sheet_chosen"), "{codes:?}");
    assert!(codes.contains(&"spreadsheet_floats"), "{codes:?}");
}

#[test]
fn the_sheet_option_reads_another_sheet_by_place_or_name() {
    for choice in [r#"{"sheet": 3}"#, r#"{"sheet": "결산"}"#] {
        let report = report("sheets/programmes.xlsx", choice);
        assert_eq!(report.source.sheet.as_deref(), Some("결산"));
        let budget_2014 = report
            .groups
            .iter()
            .find(|g| g.path == ["2014"])
            .expect("2014");
        let executed = budget_2014
            .totals
            .iter()
            .find(|t| t.column == "집행액")
            .expect("집행액");
        assert_eq!(executed.value.as_deref(), Some("111817"));
        // The unit, written at the right end of the header row.
        assert_eq!(report.unit.as_ref().map(|u| u.label), Some("천원"));
    }
    let text = "연도,집행액,,(단위 : 천원)\n2013,172446,,\n2014,111817,,\n";
    let from_text = yesan::analyze_text(text, &Options::default()).unwrap();
    assert_eq!(from_text.unit.as_ref().map(|u| u.label), Some("천원"));
    let error = yesan::analyze(
        &fixture("sheets/programmes.xlsx"),
        &options(r#"{"sheet": "세입"}"#),
    )
    .unwrap_err();
    assert_eq!(error.code(), "invalid_option");
    assert!(
        error.message_ko().contains("안내, 세출, 결산"),
        "{}",
        error.message_ko()
    );
}

#[test]
fn an_xls_file_gives_the_report_of_the_same_table_as_text() {
    let from_xls = report("sheets/categories.xls", "{}");
    let from_tsv = report("seoul_000_budget_by_category.tsv", "{}");
    assert_eq!(from_xls.source.format, "xls");
    assert_eq!(totals(&from_xls), totals(&from_tsv));
    assert_eq!(totals(&from_xls)[1], ("2015예산액 (A)", Some("238792")));
    // The published 계 of 278,792 against rows that add up to 238,792.
    let found: Vec<(usize, &str)> = from_xls
        .audit
        .findings
        .iter()
        .map(|f| (f.row, f.published.as_str()))
        .collect();
    assert_eq!(found, [(4, "278792"), (4, "-127035")]);
}

#[test]
fn a_cell_far_out_is_refused_before_the_grid_is_made() {
    let error = Budget::read(&fixture("sheets/far_cell.xlsx"), &Options::default()).unwrap_err();
    assert_eq!(error.code(), "too_complex");
    assert!(
        error.message_en().contains("1048576 rows × 16384 columns"),
        "{}",
        error.message_en()
    );
}

#[test]
fn a_damaged_workbook_is_named_as_such() {
    let mut bytes = fixture("sheets/programmes.xlsx");
    bytes.truncate(bytes.len() / 2);
    let error = Budget::read(&bytes, &Options::default()).unwrap_err();
    assert_eq!(error.code(), "bad_spreadsheet");
    let zip_of_nothing = b"PK\x03\x04not really a zip file";
    assert_eq!(
        Budget::read(zip_of_nothing, &Options::default())
            .unwrap_err()
            .code(),
        "bad_spreadsheet"
    );
}

/// The seed's departments table written by another library (rust_xlsxwriter
/// writes inline layouts, shared strings and merges its own way): a title
/// merged across, a header of two rows with merged cells, a sheet of notes
/// first, numbers as numbers.
fn departments_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let plain = Format::new();
    let notes = book.add_worksheet();
    notes.set_name("설명").unwrap();
    notes
        .write_string(0, 0, "부서별 예산 (시민소통기획관)")
        .unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("부서별").unwrap();
    sheet.merge_range(0, 0, 0, 2, "< 부서별 >", &plain).unwrap();
    sheet.write_string(1, 0, "(단위 : 백만원)").unwrap();
    sheet.merge_range(2, 0, 3, 0, "부서", &plain).unwrap();
    sheet.merge_range(2, 1, 2, 2, "2016", &plain).unwrap();
    sheet.write_string(3, 1, "예산").unwrap();
    sheet.write_string(3, 2, "비율").unwrap();
    let rows = [
        ("시민소통담당관", 12_198.0, 29.7),
        ("도시브랜드담당관", 2_960.0, 7.2),
        ("시민봉사담당관", 21_341.0, 52.0),
        ("뉴미디어담당관", 4_331.0, 10.6),
        ("신속행정담당관", 188.0, 4.5),
    ];
    for (i, (name, budget, share)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_number(r, 1, *budget).unwrap();
        sheet.write_number(r, 2, *share).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_written_by_another_library_reads_the_same() {
    let report = yesan::analyze(&departments_xlsx(), &Options::default()).unwrap();
    assert_eq!(report.source.sheet.as_deref(), Some("부서별"));
    assert_eq!(report.source.sheets, ["설명", "부서별"]);
    // The published total of 41,018 백만원, and the group over the year.
    assert_eq!(totals(&report), [("2016 예산", Some("41018"))]);
    assert_eq!(report.unit.as_ref().map(|u| u.label), Some("백만원"));
    assert_eq!(report.columns[1].year, Some(2016));
    assert_eq!(
        amount(node(&report, &["시민봉사담당관"]), "2016 예산"),
        dec("21341")
    );
    // The shares as published, rounded to a tenth, agree with the amounts,
    // but the seed's 4.5 % for 188 of 41,018 (0.46 %).
    let found: Vec<(&str, &str)> = report
        .audit
        .findings
        .iter()
        .map(|f| (f.name.as_str(), f.published.as_str()))
        .collect();
    assert_eq!(found, [("신속행정담당관", "4.5")]);
}
