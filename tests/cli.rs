//! The command line: `yesan report FILE`, its summary, `--json`, `--by`,
//! and its exit status (0 a report, 1 a file that cannot be read, 2 a
//! command not understood).

use std::process::Command;

fn yesan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yesan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_report_in_a_few_lines() {
    let (code, out, _) = yesan(&["report", "tests/fixtures/world/kr_revenue_expense.csv"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("세입:\n  2023년 예산(천원): 1429600\n  2024년 예산(천원): 1467300"),
        "{out}"
    );
    assert!(
        out.contains("growth 2023년 예산(천원) → 2024년 예산(천원): 37700 (2.6%)"),
        "{out}"
    );
}

#[test]
fn json_and_by() {
    let (code, out, _) = yesan(&[
        "report",
        "tests/fixtures/kr_national_out_net_bud_2010.csv",
        "--by",
        "소관명",
        "--json",
    ]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(report["hierarchy"], serde_json::json!(["소관명"]));
    assert_eq!(
        report["tree"]["children"].as_array().map(Vec::len),
        Some(51)
    );
}

#[test]
fn errors_exit_non_zero_and_name_the_cell() {
    let (code, _, err) = yesan(&[
        "report",
        "tests/fixtures/bad/not_a_number.csv",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("Row 3, column 2"), "{err}");
    let (code, _, err) = yesan(&["report"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("usage:"), "{err}");
    let (code, _, _) = yesan(&["report", "no/such/file.csv"]);
    assert_eq!(code, 1);
}

#[test]
fn a_fiscal_data_package_and_a_workbook_sheet() {
    let (code, out, _) = yesan(&["report", "tests/fixtures/fdp/datapackage.json"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("9 rows, csv EUR ;"), "{out}");
    assert!(
        out.contains("execution importe_2 ÷ importe_1: 67.8%"),
        "{out}"
    );
    let (code, out, _) = yesan(&[
        "report",
        "tests/fixtures/sheets/programmes.xlsx",
        "--options",
        r#"{"sheet":"결산"}"#,
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("3 rows, xlsx KRW 천원;"), "{out}");
}
