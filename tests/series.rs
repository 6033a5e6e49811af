//! Two years of the national budget as two files (the Open Fiscal Data
//! portal's 2010 and 2011 expenditure files, whole): read as one series,
//! each year's totals are the file's own, items line up by their names, and
//! growth, new and discontinued items come out.
mod common;

use common::{amount, dec, fixture, node, totals};
use yesan::Options;

fn series() -> yesan::Report {
    let a = fixture("kr_national_out_2011.csv");
    let b = fixture("kr_national_out_2010.csv");
    // Given out of order: the years put them in order.
    let files = [
        ("kr_national_out_2011.csv", a.as_slice()),
        ("kr_national_out_2010.csv", b.as_slice()),
    ];
    let budget = yesan::read_series(&files, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    budget.report(&Options::default()).unwrap()
}

#[test]
fn each_year_has_its_columns_and_its_totals_are_the_files_own() {
    let report = series();
    let files: Vec<(&str, i32)> = report
        .source
        .files
        .iter()
        .map(|f| (f.name.as_str(), f.year))
        .collect();
    assert_eq!(
        files,
        [
            ("kr_national_out_2010.csv", 2010),
            ("kr_national_out_2011.csv", 2011)
        ]
    );
    let one = |name: &str| {
        let report = yesan::analyze(&fixture(name), &Options::default()).unwrap();
        report.totals[0].value.clone().unwrap()
    };
    let all = totals(&report);
    let of = |column: &str| {
        all.iter()
            .find(|(c, _)| *c == column)
            .and_then(|(_, v)| *v)
            .unwrap()
            .to_string()
    };
    assert_eq!(of("금년도예산(천원) 2010"), one("kr_national_out_2010.csv"));
    assert_eq!(of("금년도예산(천원) 2011"), one("kr_national_out_2011.csv"));
    assert_eq!(of("금년도예산(천원) 2010"), "255334387481");
    assert_eq!(of("금년도예산(천원) 2011"), "264092862471");
}

#[test]
fn growth_runs_from_the_first_year_to_the_second_item_by_item() {
    let report = series();
    let growth = report.growth.as_ref().expect("growth");
    assert_eq!(
        (growth.from.as_str(), growth.to.as_str()),
        ("금년도예산(천원) 2010", "금년도예산(천원) 2011")
    );
    // 264,092,862,471 − 255,334,387,481 천원, +3.4 %.
    assert_eq!(growth.difference.as_deref(), Some("8758474990"));
    assert_eq!(growth.rate.as_deref(), Some("3.4"));
    let office = node(&report, &["대통령실"]);
    assert!(amount(office, "금년도예산(천원) 2011") > dec("0"));
    assert!(report.warnings.iter().any(|w| w.code == "series"));
}

#[test]
fn two_files_give_one_step_and_its_average_annual_growth() {
    let series = series().series.expect("series");
    assert_eq!(series.years, [2010, 2011]);
    assert_eq!(
        series.totals,
        [
            Some("255334387481".to_string()),
            Some("264092862471".to_string())
        ]
    );
    assert_eq!(series.steps.len(), 1);
    assert_eq!(series.cagr.as_deref(), Some("3.4"));
}

#[test]
fn a_long_file_of_four_years_has_every_step_and_the_average() {
    let report = common::report("world/long_four_years.csv", "{}");
    let series = report.series.expect("series");
    assert_eq!(series.years, [2021, 2022, 2023, 2024]);
    let rates: Vec<Option<&str>> = series.steps.iter().map(|s| s.rate.as_deref()).collect();
    // 23,710,000 → 24,280,000 → 23,330,000 → 31,060,000.
    assert_eq!(rates, [Some("2.4"), Some("-3.9"), Some("33.1")]);
    // (31,060,000 ÷ 23,710,000)^(1/3) − 1 = 9.42 %.
    assert_eq!(series.cagr.as_deref(), Some("9.4"));
}

#[test]
fn a_budget_file_and_an_actuals_file_of_one_year_give_its_execution() {
    let budget = "Department,Program,Adopted 2023\nHealth,Clinics,6900000\nHealth,Outreach,6990000\nParks,Trees,1500000\n";
    let actuals = "Department,Program,Actual 2023\nHealth,Clinics,6210000\nHealth,Outreach,6291000\nParks,Trees,1050000\n";
    let files = [
        ("budget-2023.csv", budget.as_bytes()),
        ("actuals-2023.csv", actuals.as_bytes()),
    ];
    let report = yesan::read_series(&files, &Options::default())
        .unwrap()
        .report(&Options::default())
        .unwrap();
    let execution = report.execution.as_ref().expect("execution");
    // 13,551,000 ÷ 15,390,000.
    assert_eq!(execution.rate.as_deref(), Some("88.1"));
    let parks = node(&report, &["Parks"]);
    assert_eq!(
        parks.execution.as_ref().and_then(|e| e.rate.as_deref()),
        Some("70.0")
    );
}

#[test]
fn a_file_whose_year_cannot_be_told_is_named() {
    let files = [
        ("a.csv", "Dept,Budget\nX,1\n".as_bytes()),
        ("b.csv", "Dept,Budget\nX,2\n".as_bytes()),
    ];
    let error = yesan::read_series(&files, &Options::default()).unwrap_err();
    assert_eq!(error.code(), "invalid_option");
    assert!(
        error.message_en().contains("'a.csv'"),
        "{}",
        error.message_en()
    );
}

#[test]
fn an_item_renamed_under_the_same_code_is_one_item() {
    let a = "연도,부서코드,부서,예산액\n2023,A01,기획예산과,100\n2023,A02,복지과,200\n";
    let b = "연도,부서코드,부서,예산액\n2024,A01,기획재정과,110\n2024,A02,복지과,190\n";
    let files = [("a.csv", a.as_bytes()), ("b.csv", b.as_bytes())];
    let report = yesan::read_series(&files, &Options::default())
        .unwrap()
        .report(&Options::default())
        .unwrap();
    let names: Vec<&str> = report
        .tree
        .children
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    let planning = node(&report, &["기획재정과"]);
    assert_eq!(amount(planning, "예산액 2023"), dec("100"));
    assert_eq!(amount(planning, "예산액 2024"), dec("110"));
    assert!(report
        .warnings
        .iter()
        .any(|w| w.code == "renamed" && w.message_ko.contains("기획예산과")));
}

#[test]
fn a_zip_of_the_two_years_is_the_same_series() {
    let zip = common::zipped(&[
        (
            "kr_national_out_2010.csv",
            fixture("kr_national_out_2010.csv"),
        ),
        (
            "kr_national_out_2011.csv",
            fixture("kr_national_out_2011.csv"),
        ),
    ]);
    let report = yesan::analyze(&zip, &Options::default()).unwrap();
    assert_eq!(
        report.series.as_ref().and_then(|s| s.cagr.as_deref()),
        Some("3.4")
    );
    assert_eq!(report.source.files.len(), 2);
}
