//! Every budget table of the four seed documents, pasted as a citizen would
//! paste it (tab-separated text, an HTML table, a table inside a cell, a
//! markdown table, a calculation basis): its tree is rebuilt, and the audit
//! reports the real errors in it and nothing that comes only from rounding.

mod common;

use common::{fixture, node, totals};
use yesan::audit::interval::Rounding;
use yesan::audit::FindingKind;
use yesan::report::StructureKind;
use yesan::{Options, Report};

fn report(name: &str) -> Report {
    let bytes = fixture(&format!("reports/{name}"));
    yesan::analyze(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (kind, row, column, published) of every finding.
fn findings(r: &Report) -> Vec<(FindingKind, usize, String, String)> {
    r.audit
        .findings
        .iter()
        .map(|f| (f.kind, f.row, f.column_name.clone(), f.published.clone()))
        .collect()
}

fn names(r: &Report) -> Vec<&str> {
    r.tree.children.iter().map(|n| n.name.as_str()).collect()
}

fn f(
    kind: FindingKind,
    row: usize,
    column: &str,
    published: &str,
) -> (FindingKind, usize, String, String) {
    (kind, row, column.to_string(), published.to_string())
}

#[test]
fn seed_001_detail_table_tree_and_its_one_impossible_rate() {
    let r = report("001_programs.txt");
    assert_eq!(r.rows, 36, "36 items: unit programs and running costs");
    assert_eq!(
        names(&r),
        [
            "시민소통담당관",
            "도시브랜드담당관",
            "시민봉사담당관",
            "뉴미디어담당관",
            "신속행정담당관"
        ]
    );
    let 정책 = node(
        &r,
        &["시민소통담당관", "시민과 함께하는 참여와 소통 시정구현"],
    );
    assert_eq!(정책.children.len(), 12);
    assert_eq!(node(&r, &["신속행정담당관"]).children.len(), 2);
    // 사업예산 and 기본경비 break the total down by kind: a second view.
    let structure = r.structure.as_deref().unwrap_or_default();
    let kinds: Vec<_> = structure
        .iter()
        .take(4)
        .map(|s| (s.row, s.kind, s.parent))
        .collect();
    assert_eq!(
        kinds,
        [
            (6, StructureKind::Sum, None),
            (7, StructureKind::View, Some(6)),
            (8, StructureKind::View, Some(6)),
            (9, StructureKind::Sum, Some(6)),
        ]
    );
    assert_eq!(
        totals(&r),
        [
            ("예산액(A)", Some("41019")),
            ("예산현액(A+B)", Some("42360")),
            ("집행액", Some("22480"))
        ]
    );
    // 85 published figures checked; the amounts in 백만원 against rates from
    // exact figures give nothing, but 40.55 % for 15 of 35 is impossible.
    assert_eq!(r.audit.checked, 85);
    assert_eq!(
        findings(&r),
        [f(FindingKind::ExecutionRate, 54, "집행률(%)", "40.55")]
    );
    let finding = &r.audit.findings[0];
    assert_eq!(finding.name, "기본경비(행정운영경비)");
    assert_eq!(
        finding
            .possible
            .as_ref()
            .map(|p| (p.low.as_str(), p.high.as_str())),
        Some(("40.8451", "44.9275"))
    );
    assert_eq!(r.audit.conventions[0].rounding, Rounding::Round);
}

#[test]
fn seed_001_departments_share_of_4_5_percent_is_wrong() {
    for name in ["001_departments.txt", "001_departments.md"] {
        let r = report(name);
        assert_eq!(r.rows, 5, "{name}");
        assert_eq!(totals(&r), [("2016 예산", Some("41018"))], "{name}");
        let kinds: Vec<_> = findings(&r)
            .into_iter()
            .map(|(k, _, c, p)| (k, c, p))
            .collect();
        assert_eq!(
            kinds,
            [
                (FindingKind::Share, "비율".into(), "4.5".into()),
                (FindingKind::ShareTotal, "비율".into(), "104".into()),
            ],
            "{name}"
        );
        let share = &r.audit.findings[0];
        assert_eq!(share.name, "신속행정담당관");
        assert_eq!(share.recomputed.as_deref(), Some("0.46"));
    }
}

#[test]
fn seed_001_composition_two_impossible_differences() {
    let r = report("001_composition.txt");
    assert!(
        r.columns.iter().any(|c| c.name == "2015년 대비 증감률"),
        "two header rows combined"
    );
    assert_eq!(names(&r), ["사업비", "기본경비"]);
    assert_eq!(
        findings(&r),
        [
            f(FindingKind::GrowthAmount, 7, "2015년 대비 증감", "4644"),
            f(FindingKind::GrowthAmount, 8, "2015년 대비 증감", "4616"),
        ]
    );
    let growth = r
        .growth
        .as_ref()
        .map(|g| (g.difference.as_deref(), g.rate.as_deref()));
    assert_eq!(growth, Some((Some("4647"), Some("12.8"))));
}

#[test]
fn seed_000_budget_total_of_2015_is_wrong_and_rates_are_cut() {
    let r = report("000_budget.txt");
    assert_eq!(
        names(&r),
        [
            "사무관리비",
            "공공운영비",
            "시책추진업무추진비",
            "행사실비보상금",
            "기타보상금"
        ]
    );
    assert_eq!(
        findings(&r),
        [
            f(FindingKind::Sum, 7, "2015예산액 (A)", "278792"),
            f(FindingKind::Sum, 7, "증감 (B-A)", "-127035")
        ]
    );
    assert_eq!(r.audit.conventions[0].rounding, Rounding::Truncate);
}

#[test]
fn seed_003_budget_total_of_2016_is_wrong() {
    let r = report("003_budget.txt");
    assert_eq!(names(&r), ["사무관리비", "행사운영비"]);
    assert_eq!(
        findings(&r),
        [
            f(FindingKind::Sum, 7, "2016예산액 (A)", "416500"),
            f(FindingKind::Sum, 7, "증감 (B-A)", "-182100")
        ]
    );
    assert_eq!(r.audit.conventions[0].rounding, Rounding::Truncate);
}

#[test]
fn seed_calculation_bases_add_up_to_the_budgets() {
    let r = report("003_basis.txt");
    assert_eq!(r.source.format, "basis");
    assert_eq!(
        totals(&r),
        [
            ("금액(천원)", Some("234400")),
            ("산출액(천원)", Some("234400"))
        ]
    );
    assert_eq!(r.tree.children.len(), 5, "five ○ items");
    assert_eq!(node(&r, &["국제(내)컨퍼런스 개최"]).children.len(), 5);
    assert_eq!(
        node(
            &r,
            &[
                "소셜미디어 활성화를 위한 민간 네트워크 구축",
                "자문회의 참석수당"
            ]
        )
        .amounts
        .get("산출액(천원)"),
        Some("13500")
    );
    assert_eq!(findings(&r), []);
    assert!(r.audit.checked >= 14);

    let r = report("000_basis.txt");
    assert_eq!(
        totals(&r),
        [
            ("금액(천원)", Some("151757")),
            ("산출액(천원)", Some("151757"))
        ]
    );
    assert_eq!(findings(&r), []);
}

#[test]
fn a_wrong_product_in_a_calculation_basis_is_found() {
    let text = "과목구분\t세부 산출내역\n사무관리비\t○ 자문회의 = 14,400천원\n\t- 자문회의 참석수당 = 13,000천원\n\t150,000원*15인*6회\n\t- 자문회의 운영경비 = 900천원\n\t10,000원*15명*6회\n";
    let r = yesan::analyze_text(text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        findings(&r),
        [f(FindingKind::Basis, 3, "금액(천원)", "13000")]
    );
    assert_eq!(r.audit.findings[0].recomputed.as_deref(), Some("13500"));
}

#[test]
fn seed_000_settlement_identities_hold() {
    let r = report("000_settlement.txt");
    assert_eq!(
        r.audit.checked, 6,
        "예산현액 identity and 집행잔액 for three years"
    );
    assert_eq!(findings(&r), []);
}

#[test]
fn seed_004_tables_rates_in_cells_transposed_and_nested() {
    let r = report("004_execution.txt");
    assert!(
        r.columns.iter().any(|c| c.name == "집행률"),
        "the rate in the cell is a column"
    );
    assert_eq!(names(&r), ["기관운영업무추진비", "시책추진업무추진비"]);
    assert_eq!(findings(&r), []);
    assert_eq!(r.audit.checked, 8);

    let r = report("004_fields.txt");
    assert!(r.warnings.iter().any(|w| w.code == "count_row"));
    assert_eq!(findings(&r), []);
    assert_eq!(
        r.audit.checked, 1,
        "the 계 column against the three beside it"
    );

    for name in ["004_history.html", "004_nested.txt"] {
        let r = report(name);
        assert_eq!(r.source.format, "html", "{name}");
        assert_eq!(r.rows, 4, "{name}");
        assert_eq!(
            names(&r),
            ["2012년", "2013년", "2014년", "2015년"],
            "{name}"
        );
        assert_eq!(findings(&r), [], "{name}");
        assert_eq!(
            r.audit.checked, 8,
            "{name}: 집행율 and 집행잔액 for four years"
        );
    }
}

#[test]
fn seed_schedules_add_up() {
    for (name, total) in [
        ("000_schedule.txt", "151757"),
        ("003_schedule.txt", "234400"),
    ] {
        let r = report(name);
        assert_eq!(r.totals[0].value.as_deref(), Some(total), "{name}");
        assert_eq!(findings(&r), [], "{name}");
    }
}

#[test]
fn a_new_item_printed_as_100_percent_is_named_as_new() {
    let text = "(단위 : 천원)\n구분\t2016년 예산\t2017년 예산\t증감률(%)\n계\t100\t300\t200\n기존사업\t100\t200\t100\n신규사업\t-\t100\t100\n";
    let r = yesan::analyze_text(text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<_> = r
        .audit
        .findings
        .iter()
        .map(|f| (f.kind, f.name.as_str()))
        .collect();
    assert_eq!(kinds, [(FindingKind::NewItem, "신규사업")]);
    assert_eq!(
        node(&r, &["신규사업"]).growth.as_ref().map(|g| g.status),
        Some(yesan::analysis::growth::GrowthStatus::New)
    );
}

#[test]
fn checkbox_markup_becomes_marks_and_bold_rows_hint_at_sums() {
    let text = "구분\t사업형태\t예산액\n사업\t<input checked=\"\" type=\"checkbox\"/> 직접수행 <input type=\"checkbox\"/> 민간위탁\t100\n";
    let r = yesan::analyze_text(text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        node(&r, &["사업", "☑ 직접수행 ☐ 민간위탁"])
            .amounts
            .get("예산액"),
        Some("100")
    );
    // A bold row in an HTML table may be the sum of a single row below it.
    let html = "<table><tr><th>구분</th><th>예산액</th></tr><tr><td><b>정책사업</b></td><td>50</td></tr><tr><td>단위사업</td><td>50</td></tr></table>";
    let r = yesan::analyze_text(html, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(totals(&r), [("예산액", Some("50"))], "not counted twice");
    let kinds: Vec<_> = r
        .structure
        .unwrap_or_default()
        .iter()
        .map(|s| (s.name.clone(), s.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("정책사업".to_string(), StructureKind::Sum),
            ("단위사업".to_string(), StructureKind::Item)
        ]
    );
}

#[test]
fn extreme_numbers_and_mangled_report_tables_never_panic() {
    let max = "79,228,162,514,264,337,593,543,950,335";
    let tiny = "0.0000000000000000000000000001";
    let texts = [
        format!("구분\t예산액\t집행액\t집행률\n계\t{max}\t{max}\t100\n가\t{max}\t1\t{tiny}\n나\t-{max}\t1\t0.0\n"),
        format!("구분\t2015년 예산\t2016년 예산\t증감\t증감률\n계\t{max}\t-{max}\t{max}\t{max}\n가\t{tiny}\t{max}\t-{max}\t100\n"),
        format!("연도\t당초예산\t전년이월\t예산변경\t예산현액\t집행액\t차년이월\t집행잔액\n2020\t{max}\t{max}\t{max}\t{max}\t-{max}\t{max}\t{max}\n"),
        format!("과목구분\t세부 산출내역\n사무관리비\t○ 가 = {max}천원\n\t{max}원*{max}회\n\t- 나 = 1천원\n\t1,000원*1회\n"),
    ];
    for text in &texts {
        let _ = yesan::analyze_text(text, &Options::default());
    }
    // Every report fixture, with bytes changed here and there.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for name in [
        "001_programs.txt",
        "001_composition.txt",
        "000_budget.txt",
        "003_basis.txt",
        "004_nested.txt",
        "001_departments.md",
    ] {
        let original = fixture(&format!("reports/{name}"));
        for _ in 0..300 {
            let mut bytes = original.clone();
            for _ in 0..4 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state as usize) % bytes.len();
                let replacements = b"0123456789,.-\t\n|<>\"()";
                bytes[at] = replacements[(state >> 40) as usize % replacements.len()];
            }
            let _ = yesan::analyze(&bytes, &Options::default());
        }
    }
}

/// A finding shows its figures with enough digits to see why the published
/// rate is wrong: the exact 96.2451 % against a published 96.3 % is written
/// 96.245, never 96.25 (which itself would round to 96.3).
#[test]
fn a_finding_shows_enough_digits() {
    let text = "부서\t예산현액\t집행액\t집행률(%)\n가\t10000\t9624.51\t96.3\n나\t2000\t1000\t50.0\n다\t4000\t1000\t25.0\n";
    let r = yesan::analyze_text(text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let finding = &r.audit.findings[0];
    assert_eq!(finding.recomputed.as_deref(), Some("96.245"));
    assert!(
        finding.message_en.contains("96.245"),
        "{}",
        finding.message_en
    );
    assert!(
        !finding.message_en.contains("96.25 "),
        "{}",
        finding.message_en
    );
}

/// An HTML table whose header spans rows and columns (`구분` over two rows,
/// `예산` over `2015 | 2016`) is read as one header; its <th> cells are
/// never figures, and a table of items with a column per year stays as it is.
#[test]
fn html_header_rows_with_spans_are_combined() {
    let html = "<table><tr><th rowspan=2>구분</th><th colspan=2>예산</th></tr>\
                <tr><th>2015</th><th>2016</th></tr>\
                <tr><td>가</td><td>1</td><td>2</td></tr>\
                <tr><td>나</td><td>3</td><td>4</td></tr></table>";
    let r = yesan::analyze_text(html, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        totals(&r),
        [("예산 2015", Some("4")), ("예산 2016", Some("6"))]
    );
    assert_eq!(r.rows, 2);
    assert_eq!(r.growth.and_then(|g| g.rate).as_deref(), Some("50.0"));
}

/// A unit alone on a line above a pasted table, `(천원)`, is the table's
/// unit (not only `(단위: 천원)`).
#[test]
fn a_unit_alone_on_the_line_above() {
    let text = "(천원)\n부서\t예산액\n가\t100\n나\t250\n";
    let r = yesan::analyze_text(text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.unit.map(|u| u.label), Some("천원"));
    assert!(!r.warnings.iter().any(|w| w.code == "unit_not_stated"));
}

/// A column that adds up the columns beside it in each row: `Total` after
/// Amounts written with Korean units (`410억 18백만원`, `34조 6,445억원`), as
/// a report pasted from a document has them, are read in won and put in
/// the table's unit.
#[test]
fn amounts_written_with_korean_units_are_read() {
    let read = |text: &str| yesan::analyze_text(text, &Options::default()).unwrap();
    let r =
        read("구분,예산액\n도로,410억 18백만원\n공원,\"34조 6,445억원\"\n청사,\"1,234백만원\"\n");
    assert_eq!(r.totals[0].value.as_deref(), Some("34686752000000"));
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["units_in_cells"], "the cells state their unit");
    let r = read("구분,예산액(천원)\n도로,410억 18백만원\n공원,\"1,234\"\n");
    assert_eq!(r.totals[0].value.as_deref(), Some("41019234"));
}

/// A row whose name says it is a part of the row above (`davon`, `of
/// which`, `그중`, `в том числе`) is not one more item: it is not added
/// again, and the total row below still matches.
#[test]
fn rows_that_are_parts_of_the_row_above_are_not_added_again() {
    let read = |text: &str| yesan::analyze_text(text, &Options::default()).unwrap();
    for text in [
        "Bezeichnung;Betrag\nPersonalaufwand;100\ndavon Beamte;40\nSachaufwand;50\nSumme;150\n",
        "Item,Amount\nSalaries,100\nof which: overtime,40\nSupplies,50\nTotal,150\n",
        "구분,예산액\n인건비,100\n그중 수당,40\n운영비,50\n합계,150\n",
        "Статья;Сумма\nНалоговые доходы;100\nв том числе НДФЛ;40\nНеналоговые доходы;50\nИтого;150\n",
    ] {
        let r = read(text);
        assert_eq!(r.totals[0].value.as_deref(), Some("150"), "{text}");
        assert_eq!(r.rows, 2, "{text}");
        let parts = r.warnings.iter().filter(|w| w.code == "part_of_above").count();
        assert_eq!(parts, 1, "{text}");
        assert!(r.audit.findings.is_empty(), "{text}: {:?}", r.audit.findings);
    }
}

/// A rate of growth column marks new and discontinued items with a word
/// (`순증`, `순감`, `皆増`): those cells are no rate, not text, and the
/// column stays a rate column, checked in the other rows.
#[test]
fn new_and_discontinued_items_marked_in_the_rate_column() {
    let read = |text: &str| yesan::analyze_text(text, &Options::default()).unwrap();
    let r = read(
        "사업명,2023예산,2024예산,증감,증감률\n도로정비,1000,1200,200,20.0\n\
         청년창업지원,0,500,500,순증\n경로당운영,300,0,△300,순감\n공원관리,800,800,0,-\n",
    );
    assert_eq!(r.hierarchy, ["사업명"]);
    let rate = r.columns.iter().find(|c| c.name == "증감률").unwrap();
    assert_eq!(rate.kind, yesan::ColumnKind::Rate);
    let not_given = r.warnings.iter().filter(|w| w.code == "not_given").count();
    assert_eq!(not_given, 2);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
    assert_eq!(r.audit.checked, 5);
}

/// The current budget is the adopted one plus the changes where a table
/// shows no amount brought forward (BP + DM = crédits ouverts), where most
/// rows say so; a table whose current budget holds an unshown amount
/// brought forward is not checked against the changes alone.
#[test]
fn current_budgets_are_checked_against_the_changes_alone_where_most_rows_fit() {
    let read = |text: &str| yesan::analyze_text(text, &Options::default()).unwrap();
    let r = read("Chapitre;BP;DM;Crédits ouverts\n011;100;10;110\n012;200;-5;195\n65;50;0;53\n");
    assert_eq!(
        findings(&r),
        [f(FindingKind::Identity, 4, "Crédits ouverts", "53")]
    );
    let r = read("부서,예산액,예산변경,예산현액\n도로과,100,10,130\n공원과,200,0,240\n");
    assert_eq!((r.audit.checked, r.audit.findings.len()), (0, 0));
}

/// A budget-against-actual table's difference column (Variance,
/// Abweichung, Avvikelse) is checked as budget − actual or actual − budget,
/// whichever most rows show; one that is neither is left alone.
#[test]
fn variance_columns_are_checked_against_budget_and_actual() {
    let read = |text: &str| yesan::analyze_text(text, &Options::default()).unwrap();
    let r = read(
        "Teilhaushalt;Kostenart;Soll 2024;Ist 2024;Abweichung\n\
         Schule;Personal;500.000;480.000;-20.000\n\
         Schule;Sachkosten;200.000;210.000;10.000\n\
         Kultur;Personal;300.000;290.000;-1.000\n",
    );
    assert_eq!(r.audit.checked, 3);
    assert_eq!(
        findings(&r),
        [f(FindingKind::GrowthAmount, 4, "Abweichung", "-1000")]
    );
    let r = read("Department,Budget,Actual,Variance\nPolice,100,90,10\nFire,80,85,-5\n");
    assert_eq!((r.audit.checked, r.audit.findings.len()), (2, 0));
    let r = read("Department,Budget,Actual,Variance\nPolice,100,90,3\nFire,80,85,7\n");
    assert_eq!((r.audit.checked, r.audit.findings.len()), (0, 0));
}

/// the quarters, `Summa` after the months, `2024 합계` of `2024 국비` and
/// `2024 시비`. A row that does not add up is found; a `Total` column that
/// is no row's sum is left alone.
#[test]
fn total_columns_add_up_the_columns_before_them() {
    let read = |text: &str| yesan::analyze_text(text, &Options::default()).unwrap();
    let r = read("Department,Q1,Q2,Q3,Q4,Total\nPolice,100,120,110,130,460\nFire,80,85,90,95,360\nParks,30,35,40,45,150\n");
    assert_eq!(r.audit.checked, 3);
    assert_eq!(findings(&r), [f(FindingKind::RowSum, 3, "Total", "360")]);
    let r = read("Kontering;Jan;Feb;Mar;Summa\nLöner;100;110;120;330\nHyror;50;50;50;150\n");
    assert_eq!((r.audit.checked, r.audit.findings.len()), (2, 0));
    let r = read("구분,2024 국비,2024 시비,2024 합계\n도로,300,200,500\n공원,120,80,210\n");
    assert_eq!(
        findings(&r),
        [f(FindingKind::RowSum, 3, "2024 합계", "210")]
    );
    let r = read("Department,Budget,Actual,Total\nPolice,100,90,5\nFire,80,70,3\n");
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}
