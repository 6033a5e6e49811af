//! Right by default: budget files shaped like the exports of open-data
//! portals in several countries, each read with no option at all, and the
//! report an analyst would build by hand — what each column is, the
//! hierarchy, totals per side and per year, growth and execution. The
//! expected totals were added up independently (Python's integers) when the
//! files were made.

mod common;

use common::fixture;
use yesan::audit::FindingKind;
use yesan::{analyze, ColumnKind, Options, Report, Role};

fn world(name: &str) -> Report {
    analyze(&fixture(&format!("world/{name}")), &Options::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn kind(r: &Report, column: &str) -> ColumnKind {
    r.columns
        .iter()
        .find(|c| c.name == column)
        .unwrap_or_else(|| panic!("no column {column}"))
        .kind
}

fn role(r: &Report, column: &str) -> Option<Role> {
    r.columns
        .iter()
        .find(|c| c.name == column)
        .and_then(|c| c.role)
}

fn totals(r: &Report) -> Vec<(&str, Option<&str>)> {
    r.totals
        .iter()
        .map(|t| (t.column.as_str(), t.value.as_deref()))
        .collect()
}

/// A group's path and its `(column, total)` pairs.
type Group<'a> = (String, Vec<(&'a str, Option<&'a str>)>);

/// `(path, [(column, total)])` of every group of a split budget.
fn groups(r: &Report) -> Vec<Group<'_>> {
    r.groups
        .iter()
        .map(|g| {
            (
                g.path.join(" › "),
                g.totals
                    .iter()
                    .map(|t| (t.column.as_str(), t.value.as_deref()))
                    .collect(),
            )
        })
        .collect()
}

fn growth(r: &Report) -> Option<(&str, &str, Option<&str>)> {
    r.growth
        .as_ref()
        .map(|g| (g.from.as_str(), g.to.as_str(), g.rate.as_deref()))
}

fn execution(r: &Report) -> Option<(&str, &str, Option<&str>)> {
    r.execution
        .as_ref()
        .map(|e| (e.executed.as_str(), e.budget.as_str(), e.rate.as_deref()))
}

fn warned(r: &Report, code: &str) -> usize {
    r.warnings.iter().filter(|w| w.code == code).count()
}

#[test]
fn us_city_revenue_and_expense_with_fund_and_org_codes() {
    let r = world("us_city_adopted.csv");
    for code in ["Fund", "Org Code", "Division Code", "Account"] {
        assert_eq!(kind(&r, code), ColumnKind::Code, "{code}");
    }
    assert_eq!(kind(&r, "Fiscal Year"), ColumnKind::Year);
    assert_eq!(kind(&r, "Account Type"), ColumnKind::Side);
    assert_eq!(
        r.hierarchy,
        [
            "Account Type",
            "Fund Description",
            "Department",
            "Division",
            "Account Description"
        ]
    );
    assert_eq!(
        totals(&r),
        [("Adopted Budget", None)],
        "no total adds the sides"
    );
    assert_eq!(
        groups(&r),
        [
            (
                "Revenue".to_string(),
                vec![("Adopted Budget", Some("6856000"))]
            ),
            (
                "Expense".to_string(),
                vec![("Adopted Budget", Some("5863000"))]
            ),
        ]
    );
    let fund = r.columns.iter().find(|c| c.name == "Fund");
    assert_eq!(
        fund.and_then(|c| c.code_of),
        Some(2),
        "Fund is the code of Fund Description"
    );
}

#[test]
fn a_long_file_of_four_years_is_pivoted() {
    let r = world("long_four_years.csv");
    assert_eq!(kind(&r, "Amount"), ColumnKind::Pivoted);
    assert_eq!(r.hierarchy, ["Department", "Program"]);
    assert_eq!(
        totals(&r),
        [
            ("Amount 2021", Some("23710000")),
            ("Amount 2022", Some("24280000")),
            ("Amount 2023", Some("23330000")),
            ("Amount 2024", Some("31060000")),
        ]
    );
    assert_eq!(
        growth(&r),
        Some(("Amount 2023", "Amount 2024", Some("33.1")))
    );
}

#[test]
fn spanish_municipal_file_with_nine_digit_economic_codes() {
    let r = world("es_municipal.csv");
    assert_eq!(kind(&r, "Clave Económica"), ColumnKind::Code);
    assert_eq!(kind(&r, "Clave Orgánica"), ColumnKind::Code);
    assert_eq!(kind(&r, "Año"), ColumnKind::Year);
    assert_eq!(role(&r, "Aprobado"), Some(Role::Adopted));
    assert_eq!(role(&r, "Modificado"), Some(Role::Current));
    assert_eq!(role(&r, "Ejercido"), Some(Role::Executed));
    assert_eq!(r.hierarchy, ["Orgánica", "Descripción Económica"]);
    assert_eq!(
        totals(&r),
        [
            ("Aprobado", Some("4115700")),
            ("Modificado", Some("4176700")),
            ("Ejercido", Some("2789525"))
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Ejercido", "Modificado", Some("66.8")))
    );
}

#[test]
fn australian_portfolio_file_with_nfp_cells_and_fiscal_year_headers() {
    let r = world("au_portfolio.csv");
    assert_eq!(role(&r, "2013-14 Estimated actual"), Some(Role::Executed));
    assert_eq!(role(&r, "2014-15 Budget"), Some(Role::Adopted));
    assert_eq!(role(&r, "2015-16 Forward estimate"), Some(Role::Projected));
    assert_eq!(
        totals(&r),
        [
            ("2013-14 Estimated actual", Some("2105000")),
            ("2014-15 Budget", Some("3828000")),
            ("2015-16 Forward estimate", Some("3453000")),
        ]
    );
    assert_eq!(
        r.totals[0].missing, 2,
        "the nfp cells are not given, not zero"
    );
    let note = r.warnings.iter().find(|w| w.code == "not_given");
    assert!(
        note.is_some_and(|w| w.message_en.starts_with("6 cells of 'nfp'")),
        "{note:?}"
    );
    assert_eq!(
        growth(&r),
        Some(("2013-14 Estimated actual", "2014-15 Budget", Some("81.9")))
    );
    assert_eq!(
        execution(&r),
        None,
        "an actual of one year is not measured against another year's budget"
    );
}

#[test]
fn korean_local_finance_export() {
    let r = world("kr_local_finance.csv");
    assert_eq!(kind(&r, "회계연도"), ColumnKind::Year);
    assert!(!r.columns[1].hierarchy, "자치단체명 has one value");
    assert_eq!(
        r.hierarchy,
        ["회계구분명", "분야명", "부문명", "세부사업명"]
    );
    assert_eq!(
        totals(&r),
        [
            ("예산현액(원)", Some("5154000")),
            ("지출액(원)", Some("3763560"))
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("지출액(원)", "예산현액(원)", Some("73.0")))
    );
    assert_eq!(r.columns[6].year, Some(2023));
    assert_eq!(
        r.currency.as_deref(),
        Some("KRW"),
        "a Korean file is in won"
    );
}

#[test]
fn subtotal_rows_marked_in_a_row_type_column_are_checked_not_added() {
    let r = world("row_type_subtotals.csv");
    assert_eq!(kind(&r, "Row Type"), ColumnKind::RowType);
    assert_eq!(totals(&r), [("Amount", Some("275500"))]);
    assert_eq!(r.rows, 4);
    assert_eq!(warned(&r, "total_row"), 3);
    assert!(r
        .warnings
        .iter()
        .filter(|w| w.code == "total_row")
        .all(|w| w.message_en.contains("equals the sum")));
    assert_eq!(r.audit.checked, 3);
    assert!(r.audit.findings.is_empty());
}

#[test]
fn amended_and_actual_columns_give_execution() {
    let r = world("amended_actual.csv");
    assert_eq!(role(&r, "Amended"), Some(Role::Current));
    assert_eq!(role(&r, "Actual"), Some(Role::Executed));
    assert_eq!(execution(&r), Some(("Actual", "Amended", Some("62.6"))));
}

#[test]
fn a_tidy_file_of_two_sides_and_two_years() {
    let r = world("revenue_expense_tidy.csv");
    assert_eq!(kind(&r, "Type"), ColumnKind::Side);
    assert_eq!(kind(&r, "Value"), ColumnKind::Pivoted);
    assert_eq!(totals(&r), [("Value 2022", None), ("Value 2023", None)]);
    assert_eq!(
        groups(&r),
        [
            (
                "Revenue".to_string(),
                vec![
                    ("Value 2022", Some("7200000")),
                    ("Value 2023", Some("13300000"))
                ]
            ),
            (
                "Expenditure".to_string(),
                vec![
                    ("Value 2022", Some("10100000")),
                    ("Value 2023", Some("5100000"))
                ]
            ),
        ]
    );
    let rates: Vec<_> = r
        .groups
        .iter()
        .map(|g| g.growth.as_ref().and_then(|x| x.rate.as_deref()))
        .collect();
    assert_eq!(rates, [Some("84.7"), Some("-49.5")]);
    // Each part counts its own rows: 2 revenue categories a year.
    let counts: Vec<_> = r.groups[0]
        .totals
        .iter()
        .map(|t| (t.given, t.missing))
        .collect();
    assert_eq!(counts, [(2, 2), (2, 2)]);
}

#[test]
fn budget_and_actual_phases_in_a_long_file() {
    let r = world("phases_long.csv");
    assert_eq!(kind(&r, "Phase"), ColumnKind::Phase);
    assert_eq!(
        totals(&r),
        [
            ("Amount 2022 Budget", Some("1732000")),
            ("Amount 2022 Actual", Some("1562000")),
            ("Amount 2023 Budget", Some("2187000")),
            ("Amount 2023 Actual", Some("1733000")),
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Amount 2023 Actual", "Amount 2023 Budget", Some("79.2")))
    );
    assert_eq!(
        growth(&r),
        Some(("Amount 2022 Budget", "Amount 2023 Budget", Some("26.3")))
    );
}

#[test]
fn fiscal_data_package_style_columns() {
    let r = world("fdp_style.csv");
    assert_eq!(kind(&r, "id"), ColumnKind::Code);
    assert_eq!(kind(&r, "admin_code"), ColumnKind::Code);
    assert_eq!(r.hierarchy, ["admin_label", "economic_label"]);
    assert_eq!(totals(&r), [("amount", Some("2529000000"))]);
}

#[test]
fn free_text_and_links_are_not_levels() {
    let r = world("free_text_links.csv");
    assert_eq!(r.hierarchy, ["Department", "Program"]);
    assert_eq!(totals(&r), [("Budget", Some("292000"))]);
}

#[test]
fn flags_and_fixed_width_ids_are_not_amounts() {
    let r = world("flags_and_ids.csv");
    assert_eq!(kind(&r, "ProgramID"), ColumnKind::Code);
    assert_eq!(kind(&r, "Is Capital"), ColumnKind::Ignored);
    assert_eq!(r.hierarchy, ["Department", "Program Name"]);
    assert_eq!(
        growth(&r),
        Some(("Budget 2023", "Budget 2024", Some("7.4")))
    );
    assert_eq!(
        totals(&r),
        [
            ("Budget 2023", Some("6567000")),
            ("Budget 2024", Some("7056000"))
        ]
    );
}

#[test]
fn single_value_and_empty_columns_are_left_out() {
    let r = world("single_value_empty.csv");
    assert_eq!(r.hierarchy, ["Ministry", "Agency"]);
    assert_eq!(kind(&r, "Comment"), ColumnKind::Ignored);
    assert_eq!(totals(&r), [("Amount", Some("12557000"))]);
}

#[test]
fn the_hierarchy_follows_nesting() {
    let r = world("nesting_order.csv");
    assert_eq!(r.hierarchy, ["Department", "Program"]);
    assert_eq!(totals(&r), [("Budget", Some("2425000"))]);
}

#[test]
fn spanish_ingresos_and_gastos_with_chapter_totals() {
    let r = world("ingresos_gastos.csv");
    assert_eq!(kind(&r, "Tipo"), ColumnKind::Side);
    assert_eq!(
        groups(&r),
        [
            ("Ingresos".to_string(), vec![("Importe", Some("1633000"))]),
            ("Gastos".to_string(), vec![("Importe", Some("1150000"))]),
        ]
    );
    assert_eq!(warned(&r, "total_row"), 4);
    assert_eq!(warned(&r, "total_as_data"), 0);
    assert!(r.audit.findings.is_empty());
}

#[test]
fn english_total_rows_by_label() {
    let r = world("total_label_rows.csv");
    assert_eq!(totals(&r), [("Amount", Some("1941000"))]);
    assert_eq!(r.rows, 4);
    assert_eq!(warned(&r, "total_row"), 3);
    assert_eq!(r.audit.checked, 3);
}

#[test]
fn section_totals_with_no_section_column_close_the_rows_above_them() {
    // A line-item budget: each section's rows, then its total (`Total
    // Personnel Services`, or just `Subtotal`), and a department total; no
    // column names the sections. Each total equals the run of rows just
    // above it, back to the previous total (or the top): the run becomes a
    // group named by the total's label, with the total's figures.
    let r = world("us_line_item_sections.csv");
    assert_eq!(r.rows, 10);
    assert_eq!(r.hierarchy, ["Description 1", "Description 2"]);
    assert_eq!(
        totals(&r),
        [
            ("FY2023 Actual", Some("7786760")),
            ("FY2024 Adopted", Some("7972900")),
            ("FY2025 Proposed", Some("7837200")),
        ]
    );
    let sections: Vec<(&str, usize, Option<&str>)> = r
        .tree
        .children
        .iter()
        .map(|n| {
            (
                n.name.as_str(),
                n.children.len(),
                n.amounts.get("FY2024 Adopted"),
            )
        })
        .collect();
    assert_eq!(
        sections,
        [
            ("Personnel Services", 4, Some("6911400")),
            ("Subtotal", 4, Some("596500")),
            ("Capital Outlay", 2, Some("465000")),
        ]
    );
    assert_eq!(warned(&r, "total_as_data"), 0);
    assert_eq!(warned(&r, "total_row"), 4);
    // Each section's total and the department's, against their rows.
    assert_eq!(r.audit.checked, 12);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
    let said: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.code == "total_row")
        .map(|w| w.message_en.as_str())
        .collect();
    assert!(
        said[0].starts_with("row 6 'Total Personnel Services' is the total of rows 2–5")
            && said[0].contains("grouped as 'Personnel Services'"),
        "{said:?}"
    );
    assert!(said[1].starts_with("row 11 'Subtotal' is the total of rows 7–10"));
    assert!(said[3].ends_with("the total of all the rows above it and was left out of the sums"));
}

/// Walks the report's tree: `(depth, name, rows, amount in `column`)` of
/// every node under the root, in order.
fn outline<'a>(r: &'a Report, column: &str) -> Vec<(usize, &'a str, usize, Option<&'a str>)> {
    fn walk<'a>(
        node: &'a yesan::report::NodeReport,
        column: &str,
        out: &mut Vec<(usize, &'a str, usize, Option<&'a str>)>,
    ) {
        for child in &node.children {
            out.push((
                child.depth,
                child.name.as_str(),
                child.rows,
                child.amounts.get(column),
            ));
            walk(child, column, out);
        }
    }
    let mut out = Vec::new();
    walk(&r.tree, column, &mut out);
    out
}

#[test]
fn department_headings_and_section_totals_make_three_levels() {
    // A city's line items under two department headings (`Police
    // Department`, with blank amounts, right under the header, so not a
    // second header line), each section closed by `Total Personnel
    // Services` and the like, each department by `Total Police
    // Department`, and a grand total. Sections of the same name under two
    // departments keep their name.
    let r = world("us_department_sections.csv");
    assert_eq!(warned(&r, "header_merged"), 0);
    assert_eq!(r.rows, 14);
    assert_eq!(r.hierarchy, ["Line Item 1", "Line Item 2", "Line Item 3"]);
    assert_eq!(
        totals(&r),
        [
            ("FY2024 Actual", Some("43295100")),
            ("FY2025 Adopted", Some("44155800"))
        ]
    );
    let groups: Vec<(usize, &str, usize, Option<&str>)> = outline(&r, "FY2025 Adopted")
        .into_iter()
        .filter(|&(depth, _, rows, _)| depth <= 2 && rows > 1)
        .collect();
    assert_eq!(
        groups,
        [
            (1, "Police Department", 8, Some("34798600")),
            (2, "Personnel Services", 4, Some("31653600")),
            (2, "Materials and Services", 3, Some("1905000")),
            (1, "Parks and Recreation", 6, Some("9357200")),
            (2, "Personnel Services", 3, Some("7314200")),
            (2, "Materials and Services", 3, Some("2043000")),
        ]
    );
    let capital = outline(&r, "FY2025 Adopted");
    assert!(capital.contains(&(2, "Capital Outlay", 1, Some("1240000"))));
    assert!(capital.contains(&(3, "Patrol Vehicles", 1, Some("1240000"))));
    assert_eq!(warned(&r, "total_row"), 8);
    assert_eq!(r.audit.checked, 16);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

#[test]
fn russian_itogo_and_german_summe_rows() {
    let r = world("ru_itogo.csv");
    assert_eq!(totals(&r), [("Сумма", Some("2342400"))]);
    assert_eq!(warned(&r, "total_row"), 1);
    let r = world("de_summe.csv");
    assert_eq!(
        totals(&r),
        [
            ("Soll 2023", Some("12350000")),
            ("Soll 2024", Some("12910000"))
        ]
    );
    assert_eq!(growth(&r), Some(("Soll 2023", "Soll 2024", Some("4.5"))));
    assert_eq!(r.source.delimiter, Some(';'));
}

#[test]
fn adopted_against_next_years_proposal() {
    let r = world("adopted_proposed.csv");
    assert_eq!(
        growth(&r),
        Some(("FY2024 Adopted", "FY2025 Proposed", Some("13.8")))
    );
}

#[test]
fn fiscal_years_written_fy22_23_and_org_codes_with_leading_zeros() {
    let r = world("fy_codes.csv");
    assert_eq!(kind(&r, "Fiscal Year"), ColumnKind::Year);
    assert_eq!(kind(&r, "Org Code"), ColumnKind::Code);
    assert_eq!(
        totals(&r),
        [
            ("Expenditure FY22-23", Some("1597000")),
            ("Expenditure FY23-24", Some("1991000"))
        ]
    );
    assert_eq!(
        growth(&r),
        Some(("Expenditure FY22-23", "Expenditure FY23-24", Some("24.7")))
    );
}

#[test]
fn korean_revenue_and_expense_in_one_table() {
    let r = world("kr_revenue_expense.csv");
    assert_eq!(kind(&r, "구분"), ColumnKind::Side);
    assert_eq!(
        groups(&r),
        [
            (
                "세입".to_string(),
                vec![
                    ("2023년 예산(천원)", Some("1429600")),
                    ("2024년 예산(천원)", Some("1467300"))
                ]
            ),
            (
                "세출".to_string(),
                vec![
                    ("2023년 예산(천원)", Some("1568700")),
                    ("2024년 예산(천원)", Some("1702300"))
                ]
            ),
        ]
    );
    let sides: Vec<_> = r.groups.iter().map(|g| g.side).collect();
    assert_eq!(
        sides,
        [
            Some(yesan::columns::sides::Side::Revenue),
            Some(yesan::columns::sides::Side::Expense)
        ]
    );
}

const CORPUS: &[&str] = &[
    "us_city_adopted.csv",
    "long_four_years.csv",
    "es_municipal.csv",
    "au_portfolio.csv",
    "kr_local_finance.csv",
    "row_type_subtotals.csv",
    "amended_actual.csv",
    "revenue_expense_tidy.csv",
    "phases_long.csv",
    "fdp_style.csv",
    "free_text_links.csv",
    "flags_and_ids.csv",
    "single_value_empty.csv",
    "nesting_order.csv",
    "ingresos_gastos.csv",
    "total_label_rows.csv",
    "ru_itogo.csv",
    "de_summe.csv",
    "adopted_proposed.csv",
    "fy_codes.csv",
    "kr_revenue_expense.csv",
    "deep_subtotals.csv",
    "us_currency_signs.csv",
    "es_latin1.csv",
    "spreadsheet_title_block.csv",
    "es_decimal_comma.csv",
    "kr_gu_population.csv",
    "us_line_item_sections.csv",
    "us_department_sections.csv",
    "de_haushalt_planung.csv",
    "es_liquidacion_gastos.csv",
    "de_kostenstellen_sap.csv",
    "sv_kommun_driftredovisning.csv",
    "da_kommune_regnskab.csv",
    "fi_kunta_toteutuma.csv",
    "fr_compte_administratif.csv",
    "br_despesa_funcao.csv",
    "uk_spend_over_500.csv",
    "mx_avance_financiero.csv",
    "kr_settlement_carryover.csv",
    "kr_revenue_settlement.csv",
    "jp_revenue_settlement.csv",
    "es_liquidacion_ingresos.csv",
    "us_budget_to_actual.csv",
    "de_sap_fm_obligo.csv",
    "it_rendiconto_spese.csv",
    "uk_net_cost_of_services.csv",
    "kr_settlement_both_sides.csv",
    "kr_funding_sources.csv",
    "it_rendiconto_entrate.csv",
];

/// Across the corpus: no code, ID, flag or year column is ever an amount,
/// every guess says why, and no total adds two years or two sides.
#[test]
fn no_code_id_flag_or_year_is_summed_and_no_total_mixes_years_or_sides() {
    for name in CORPUS {
        let r = world(name);
        for column in &r.columns {
            let header = column.name.to_lowercase();
            let looks_like_a_key = [
                "code",
                "id",
                "clave",
                "year",
                "año",
                "연도",
                "is capital",
                "account",
            ]
            .iter()
            .any(|w| {
                header == *w
                    || header.ends_with(&format!(" {w}"))
                    || header.starts_with(&format!("{w} "))
                    || header.ends_with(w) && w.len() > 2
            });
            if looks_like_a_key && column.from.is_none() && !header.contains("description") {
                assert_ne!(column.kind, ColumnKind::Amount, "{name}: {}", column.name);
            }
            if column.kind != ColumnKind::Amount || column.from.is_none() {
                assert!(
                    column.kind == ColumnKind::Dimension && column.hierarchy
                        || !column.evidence.is_empty(),
                    "{name}: {} has no evidence",
                    column.name
                );
            }
        }
        let split = r.columns.iter().any(|c| {
            matches!(c.kind, ColumnKind::Side)
                || c.kind == ColumnKind::Year && r.hierarchy.first() == Some(&c.name)
        });
        if split {
            assert!(
                totals(&r).iter().all(|(_, v)| v.is_none()),
                "{name}: a total adds sides or years"
            );
            assert!(!r.groups.is_empty(), "{name}");
        }
        let pivoted: Vec<_> = r.columns.iter().filter(|c| c.from.is_some()).collect();
        for column in &pivoted {
            assert!(
                column.key.as_deref().is_some_and(|k| !k.is_empty()),
                "{name}: {}",
                column.name
            );
        }
        let keys: std::collections::HashSet<_> = pivoted.iter().map(|c| &c.name).collect();
        assert_eq!(
            keys.len(),
            pivoted.len(),
            "{name}: one column per year or phase"
        );
    }
}

#[test]
fn a_subtotal_that_does_not_add_up_is_a_finding() {
    let text = "Department,Program,Row Type,Amount\nLibrary,Branches,Detail,120000\nLibrary,Digital,Detail,45000\nLibrary,,Subtotal,165001\nMuseum,Exhibits,Detail,80000\n,,Total,245000\n";
    let r = yesan::analyze_text(text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(totals(&r), [("Amount", Some("245000"))]);
    let found: Vec<_> = r
        .audit
        .findings
        .iter()
        .map(|f| (f.row, f.published.as_str(), f.recomputed.as_deref()))
        .collect();
    assert_eq!(found, [(4, "165001", Some("165000"))]);
    assert_eq!(r.audit.checked, 2);
}

/// A data file far above the 1,000 rows a table is held whole for: its
/// published rates are still checked, each share against the groups its
/// row belongs to, and the one wrong rate is found.
#[test]
fn a_large_data_file_has_its_rates_and_shares_audited() {
    use rust_decimal::{Decimal, RoundingStrategy};
    let round = |value: Decimal, places: u32| {
        let mut v = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
        v.rescale(places);
        v
    };
    let departments = ["총무과", "복지과", "도시과"];
    let budget = |d: usize, i: usize| Decimal::from(1_000 + 7 * i + 13 * d);
    let executed = |d: usize, i: usize| Decimal::from(400 + (i * 37 + d) % 600);
    let mut text = String::from("부서,사업,예산현액,비중(%),집행액,집행률(%)\n");
    let mut wrong_line = 0;
    for (d, department) in departments.iter().enumerate() {
        let total: Decimal = (0..600).map(|i| budget(d, i)).sum();
        for i in 0..600 {
            let (b, e) = (budget(d, i), executed(d, i));
            let share = round(b * Decimal::ONE_HUNDRED / total, 2);
            let mut rate = round(e * Decimal::ONE_HUNDRED / b, 1);
            if d == 2 && i == 300 {
                rate += Decimal::ONE;
                wrong_line = text.lines().count() + 1;
            }
            text.push_str(&format!("{department},사업 {i},{b},{share},{e},{rate}\n"));
        }
    }
    let r = yesan::analyze_text(&text, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.rows, 1_800);
    assert!(r.structure.is_none(), "too large to be held whole");
    assert!(r.audit.audited);
    assert_eq!(r.audit.checked, 3_600);
    let found: Vec<_> = r
        .audit
        .findings
        .iter()
        .map(|f| (f.kind, f.row, f.name.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            yesan::audit::FindingKind::ExecutionRate,
            wrong_line,
            "도시과 › 사업 300"
        )]
    );
}

#[test]
fn subtotals_written_in_a_deeper_column_are_checked_not_added() {
    let r = world("deep_subtotals.csv");
    assert_eq!(totals(&r), [("Amount", Some("1403500"))]);
    assert_eq!(r.rows, 6);
    assert_eq!(warned(&r, "total_row"), 3);
    assert_eq!(r.audit.checked, 3);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

#[test]
fn currency_signs_and_e_notation() {
    let r = world("us_currency_signs.csv");
    assert_eq!(
        totals(&r),
        [
            ("Adopted Budget", Some("42578570")),
            ("Actual", Some("38501200.50"))
        ]
    );
    assert_eq!(execution(&r).map(|e| e.0), Some("Actual"));
    let codes: Vec<_> = r.warnings.iter().map(|w| w.code).collect();
    assert!(
        codes.contains(&"e_notation") && codes.contains(&"not_given"),
        "{codes:?}"
    );
}

#[test]
fn a_spanish_file_in_windows_1252_with_chapter_and_article_numbers() {
    let r = world("es_latin1.csv");
    let encoding = serde_json::to_value(r.source.encoding).unwrap_or_default();
    assert_eq!(encoding, "windows-1252");
    assert_eq!(kind(&r, "Capítulo"), ColumnKind::Code);
    assert_eq!(kind(&r, "Artículo"), ColumnKind::Code);
    assert_eq!(role(&r, "Créditos iniciales"), Some(Role::Adopted));
    assert_eq!(role(&r, "Obligaciones reconocidas"), Some(Role::Executed));
    assert_eq!(r.hierarchy, ["Capítulo", "Descripción"]);
    assert_eq!(r.currency, None, "nothing states it: not taken as won");
    let note = r.warnings.iter().find(|w| w.code == "unit_not_stated");
    assert!(
        note.is_some_and(|w| !w.message_en.contains("won")),
        "{note:?}"
    );
    assert_eq!(
        totals(&r),
        [
            ("Créditos iniciales", Some("3805500")),
            ("Obligaciones reconocidas", Some("2824670"))
        ]
    );
    assert_eq!(
        execution(&r),
        Some((
            "Obligaciones reconocidas",
            "Créditos iniciales",
            Some("74.2")
        ))
    );
    let names: Vec<_> = common::node(&r, &["6"])
        .children
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(
        names[1],
        "Inversión nueva: señalización y alumbrado público"
    );
}

#[test]
fn a_spreadsheet_export_with_a_title_block_and_a_group_row() {
    let r = world("spreadsheet_title_block.csv");
    assert_eq!(r.source.header_row, 6);
    assert_eq!(r.source.caption.len(), 3);
    let names: Vec<_> = r.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Department",
            "Division",
            "Budget 2023",
            "Budget 2024",
            "Actual 2023"
        ]
    );
    assert_eq!(r.hierarchy, ["Department", "Division"]);
    assert_eq!(
        totals(&r),
        [
            ("Budget 2023", Some("2470000")),
            ("Budget 2024", Some("2595000")),
            ("Actual 2023", Some("2396120"))
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Actual 2023", "Budget 2023", Some("97.0")))
    );
    assert_eq!(
        growth(&r),
        Some(("Budget 2023", "Budget 2024", Some("5.1")))
    );
    assert_eq!(warned(&r, "header_grouped"), 1);
    // The caption says the scale and the currency.
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Thousand));
    // Its name is the scale alone: these are not thousands of won (천원).
    assert_eq!(r.unit.as_ref().map(|u| u.label), Some("천"));
    assert_eq!(r.currency.as_deref(), Some("USD"));
}

#[test]
fn the_header_row_can_be_named() {
    let text = "Title,of the report\nDepartment,Budget\nPolice,100\nFire,200\n";
    let mut options = Options {
        header_row: Some(2),
        ..Options::default()
    };
    let r = yesan::analyze_text(text, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(totals(&r), [("Budget", Some("300"))]);
    options.header_row = Some(99);
    let error = yesan::analyze_text(text, &options).err().map(|e| e.code());
    assert_eq!(error, Some("invalid_option"));
}

#[test]
fn a_decimal_comma_is_read_by_default() {
    let r = world("es_decimal_comma.csv");
    assert_eq!(
        totals(&r),
        [
            ("Presupuesto inicial", Some("5699988.39")),
            ("Obligaciones reconocidas", Some("5038793.00"))
        ]
    );
    assert_eq!(warned(&r, "decimal_comma"), 1);
    assert_eq!(
        execution(&r),
        Some((
            "Obligaciones reconocidas",
            "Presupuesto inicial",
            Some("88.4")
        ))
    );
    // Said outright, the other way, the file cannot be read.
    let options = Options {
        decimal: Some('.'),
        ..Options::default()
    };
    let error = analyze(&common::fixture("world/es_decimal_comma.csv"), &options).err();
    assert_eq!(error.map(|e| e.code()), Some("no_amount_column"));
}

#[test]
fn odd_cells_do_not_turn_a_column_of_numbers_into_text() {
    // Two cells of `x` among eleven: still a column of amounts, and the
    // first odd cell is named by row and column.
    let error = analyze(&common::fixture("world/odd_cells.csv"), &Options::default()).err();
    assert_eq!(
        error.map(|e| (e.code(), e.row(), e.column())),
        Some(("not_a_number", Some(3), Some(3)))
    );
    // Named as "not given", they are counted, not summed.
    let options = Options {
        not_given: Some(vec!["x".into()]),
        ..Options::default()
    };
    let r = analyze(&common::fixture("world/odd_cells.csv"), &options)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(totals(&r), [("Value", Some("9470"))]);
    assert_eq!(r.totals[0].missing, 2);
    let note = r.warnings.iter().find(|w| w.code == "not_given");
    assert!(
        note.is_some_and(|w| w.message_en.starts_with("2 cells of 'x'")),
        "{note:?}"
    );
}

#[test]
fn a_year_first_seen_after_the_sampled_rows_still_splits_the_totals() {
    // Sorted by year and longer than the sample: 2011 starts at row 1,202.
    let mut text = String::from("회계연도,소관명,금년도예산(천원),추경국회확정(천원)\n");
    for i in 0..1200 {
        text.push_str(&format!("2010,부처{},{},0\n", i % 40, 100 + i));
    }
    for i in 0..30 {
        text.push_str(&format!("2011,부처{},{},0\n", i % 40, 1000 + i));
    }
    let report = yesan::analyze_text(&text, &Options::default()).unwrap();
    let parts: Vec<(Vec<String>, Option<&str>)> = report
        .groups
        .iter()
        .map(|g| (g.path.clone(), g.totals[0].value.as_deref()))
        .collect();
    // 100 + … + 1299 and 1000 + … + 1029, never added together.
    assert_eq!(
        parts,
        [
            (vec!["2010".to_string()], Some("839400")),
            (vec!["2011".to_string()], Some("30435"))
        ]
    );
    assert_eq!(report.totals[0].value, None);
    assert!(report.warnings.iter().any(|w| w.code == "years_seen_late"));
    assert_eq!(report.columns[2].year, None);
}

#[test]
fn rows_with_the_same_names_at_every_level_are_one_item_and_said_so() {
    let text = "실국,사업,예산액\n복지국,경로당,100\n복지국,경로당,50\n교통국,버스,300\n";
    let report = yesan::analyze_text(text, &Options::default()).unwrap();
    let warning = report
        .warnings
        .iter()
        .find(|w| w.code == "same_path")
        .expect("said");
    assert!(
        warning
            .message_ko
            .starts_with("1개 항목은 이름이 모든 단계에서 같은 행 2개를"),
        "{}",
        warning.message_ko
    );
    assert!(
        warning.message_en.contains("(e.g. 경로당)"),
        "{}",
        warning.message_en
    );
    // Rolled up by fewer levels, adding rows up is what was asked: no warning.
    let by = Options {
        by: Some(vec!["실국".to_string()]),
        ..Options::default()
    };
    let rolled = yesan::analyze_text(text, &by).unwrap();
    assert!(rolled.warnings.iter().all(|w| w.code != "same_path"));
}

/// A population (인구) and a household (세대수) column beside the budget
/// are counts: added up per item, never money, and no unit applies to them
/// (the caption's 천원 is the budget's).
#[test]
fn population_and_households_are_counts_not_money() {
    let r = world("kr_gu_population.csv");
    assert_eq!(kind(&r, "인구(명)"), ColumnKind::Count);
    assert_eq!(role(&r, "인구(명)"), Some(Role::Population));
    assert_eq!(kind(&r, "세대수"), ColumnKind::Count);
    assert_eq!(role(&r, "세대수"), Some(Role::Households));
    assert_eq!(totals(&r), [("세출예산", Some("3551000"))]);
    assert_eq!(r.tree.counts.get("인구(명)"), Some("30434"));
    assert_eq!(r.tree.counts.get("세대수"), Some("15967"));
    let jongno = &r.tree.children[0];
    assert_eq!(jongno.name, "종로구");
    assert_eq!(jongno.counts.get("인구(명)"), Some("22609"));
    assert_eq!(jongno.amounts.get("세출예산"), Some("2436000"));
    assert_eq!(jongno.amounts.get("인구(명)"), None, "not an amount");
    assert_eq!(
        jongno.share_of_total.get("인구(명)"),
        None,
        "no share of people"
    );
}

#[test]
fn the_years_of_a_file_that_mixes_them_come_out_in_time_order() {
    // Years as a file of several years may give them: mixed, not sorted.
    let csv = "회계연도,실국명,예산액,집행액\n\
               2024,복지국,300,150\n\
               2020,복지국,100,90\n\
               2022,교통국,200,100\n\
               2020,교통국,10,5\n\
               2024,교통국,30,30\n";
    let r = analyze(csv.as_bytes(), &Options::default()).expect("report");
    assert_eq!(kind(&r, "회계연도"), ColumnKind::Year);
    let groups: Vec<(String, Option<String>)> = r
        .groups
        .iter()
        .map(|g| (g.path.join("/"), g.totals[0].value.clone()))
        .collect();
    let want = [("2020", "110"), ("2022", "200"), ("2024", "330")];
    let want: Vec<_> = want
        .iter()
        .map(|(y, v)| (y.to_string(), Some(v.to_string())))
        .collect();
    assert_eq!(groups, want);
    let years: Vec<&str> = r.tree.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(years, ["2020", "2022", "2024"]);
    // Below a year, the bureaus keep the file's order.
    let in_2024: Vec<&str> = r.tree.children[2]
        .children
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(in_2024, ["복지국", "교통국"]);
}

/// A Japanese city's settlement of its general account by 款, FY2024 (令和6
/// 年度), as its 市政報告書 publishes it: 当初予算額, 予算現額, 決算額 and
/// 執行率 of 13 款, and the 合計 row.
#[test]
fn japanese_settlement_by_kan_with_its_total_row() {
    let r = world("jp_city_settlement_by_kan.csv");
    assert_eq!(kind(&r, "執行率(%)"), ColumnKind::Rate);
    assert_eq!(role(&r, "当初予算額"), Some(Role::Adopted));
    assert_eq!(role(&r, "予算現額"), Some(Role::Current));
    assert_eq!(role(&r, "決算額"), Some(Role::Executed));
    assert_eq!(r.rows, 13, "合計 is not a row of data");
    assert_eq!(
        totals(&r),
        [
            ("当初予算額", Some("87960000000")),
            ("予算現額", Some("106430416000")),
            ("決算額", Some("92736569118"))
        ],
        "the published 合計"
    );
    assert_eq!(execution(&r), Some(("決算額", "予算現額", Some("87.1"))));
    assert_eq!(warned(&r, "total_row"), 1);
    // The 14 published rates and the 合計 row's three amounts.
    assert_eq!(r.audit.checked, 17);
    assert!(r.audit.findings.is_empty());
    // One rate misprinted is found.
    let text = String::from_utf8(fixture("world/jp_city_settlement_by_kan.csv")).expect("UTF-8");
    let misprinted = text.replace("\"449,516,456\",96.8", "\"449,516,456\",96.7");
    let r = analyze(misprinted.as_bytes(), &Options::default()).expect("read");
    assert_eq!(r.audit.findings.len(), 1);
}

/// A French commune's budget in the shape of its open data (M57 accounts):
/// `;`, digits grouped by spaces (also no-break ones) and a decimal comma;
/// Dépenses and Recettes kept apart; Chapitre and Article are account
/// codes, not amounts.
#[test]
fn french_commune_with_spaced_digits_and_account_codes() {
    let r = world("fr_commune_bp.csv");
    assert_eq!(kind(&r, "Sens"), ColumnKind::Side);
    assert_eq!(kind(&r, "Exercice"), ColumnKind::Year);
    for code in ["Chapitre", "Article"] {
        assert_ne!(kind(&r, code), ColumnKind::Amount, "{code}");
    }
    assert_eq!(role(&r, "Budget primitif"), Some(Role::Adopted));
    assert_eq!(role(&r, "Crédits ouverts"), Some(Role::Current));
    assert_eq!(role(&r, "Réalisé"), Some(Role::Executed));
    assert_eq!(
        groups(&r),
        [
            (
                "Dépenses".to_string(),
                vec![
                    ("Budget primitif", Some("13015000.00")),
                    ("Crédits ouverts", Some("13480500.50")),
                    ("Réalisé", Some("11469160.74"))
                ]
            ),
            (
                "Recettes".to_string(),
                vec![
                    ("Budget primitif", Some("13015000.00")),
                    ("Crédits ouverts", Some("13531500.50")),
                    ("Réalisé", Some("12062345.00"))
                ]
            ),
        ]
    );
    assert_eq!(warned(&r, "decimal_comma"), 1);
}

/// A German municipality's products in thousands of euros (`Tsd. EUR`):
/// Ansatz, fortgeschriebener Ansatz and Ist, a Summe row, and the published
/// Ausschöpfung (execution) in percent.
#[test]
fn german_municipality_in_thousands_of_euros() {
    let r = world("de_kommune_tsd.csv");
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Thousand));
    // Its name is the scale alone: these are not thousands of won (천원).
    assert_eq!(r.unit.as_ref().map(|u| u.label), Some("천"));
    assert_eq!(r.currency.as_deref(), Some("EUR"));
    assert_eq!(kind(&r, "Haushaltsjahr"), ColumnKind::Year);
    assert_eq!(role(&r, "Ansatz (Tsd. EUR)"), Some(Role::Adopted));
    assert_eq!(
        role(&r, "Fortgeschriebener Ansatz (Tsd. EUR)"),
        Some(Role::Current)
    );
    assert_eq!(role(&r, "Ist (Tsd. EUR)"), Some(Role::Executed));
    assert_eq!(
        execution(&r),
        Some((
            "Ist (Tsd. EUR)",
            "Fortgeschriebener Ansatz (Tsd. EUR)",
            Some("93.9")
        ))
    );
    assert_eq!(warned(&r, "total_row"), 1);
    assert_eq!(warned(&r, "unit_not_stated"), 0);
    // Five published rates and the Summe row's three amounts.
    assert_eq!(r.audit.checked, 8);
    assert!(r.audit.findings.is_empty());
}

/// A Chinese county's final accounts (决算) in ten thousands of yuan (万元),
/// with 科目编码 codes and a 合计 row.
#[test]
fn chinese_final_accounts_in_wan_yuan() {
    let r = world("zh_county_final_accounts.csv");
    assert_eq!(
        r.unit.as_ref().map(|u| u.code),
        Some(yesan::Unit::TenThousand)
    );
    assert_eq!(r.currency.as_deref(), Some("CNY"));
    assert_eq!(kind(&r, "科目编码"), ColumnKind::Code);
    assert_eq!(role(&r, "年初预算数(万元)"), Some(Role::Adopted));
    assert_eq!(role(&r, "调整预算数(万元)"), Some(Role::Current));
    assert_eq!(role(&r, "决算数(万元)"), Some(Role::Executed));
    assert_eq!(
        totals(&r),
        [
            ("年初预算数(万元)", Some("65826.00")),
            ("调整预算数(万元)", Some("68770.50")),
            ("决算数(万元)", Some("67632.00"))
        ]
    );
    assert_eq!(warned(&r, "total_row"), 1);
    assert!(r.audit.findings.is_empty());
}

/// A UK departmental table: fiscal years written `2022-23`, the scale in a
/// word with the currency sign (`£m`), Outturn and Plans, a Total row.
#[test]
fn uk_outturn_and_plans_in_millions_of_pounds() {
    let r = world("uk_outturn_plans.csv");
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Million));
    assert_eq!(r.currency.as_deref(), Some("GBP"));
    assert_eq!(role(&r, "2022-23 Outturn £m"), Some(Role::Executed));
    assert_eq!(
        growth(&r),
        Some(("2023-24 Plans £m", "2024-25 Plans £m", Some("2.5")))
    );
    assert_eq!(
        totals(&r),
        [
            ("2022-23 Outturn £m", Some("223361.1")),
            ("2023-24 Plans £m", Some("229620.4")),
            ("2024-25 Plans £m", Some("235280.6"))
        ]
    );
    assert_eq!(warned(&r, "total_row"), 1);
    assert!(r.audit.findings.is_empty());
}

/// Names that hold a role word are names, not phases: a column of a few
/// health plans, or of French projects (`Réalisation d'une école`), stays a
/// level of the hierarchy.
#[test]
fn names_with_role_words_are_not_phases() {
    for (csv, column) in [
        (
            "Plan,Program,Amount\nHealth Plan A,Clinics,100\nHealth Plan B,Hospitals,250\nEducation Plan,Schools,300\n",
            "Plan",
        ),
        (
            "Opération;Montant\nRéalisation d'une école;100\nRéalisation de voirie;250\n",
            "Opération",
        ),
    ] {
        let r = analyze(csv.as_bytes(), &Options::default()).expect("read");
        assert_eq!(kind(&r, column), ColumnKind::Dimension, "{column}");
        assert!(r.hierarchy.iter().any(|c| c == column), "{column}");
        assert_eq!(r.totals.len(), 1, "{column}: one amount column, not pivoted");
    }
}

/// An Indian state's demand for grants: `(₹ in lakh)` over the header,
/// amounts grouped the Indian way (`4,52,310.45`), Major Head codes, Actuals,
/// Budget and Revised Estimates by fiscal year, a Total row.
#[test]
fn indian_demand_for_grants_in_lakh() {
    let r = world("in_state_demand.csv");
    assert_eq!(
        r.unit.as_ref().map(|u| u.code),
        Some(yesan::Unit::HundredThousand)
    );
    assert_eq!(r.currency.as_deref(), Some("INR"));
    assert_eq!(kind(&r, "Major Head"), ColumnKind::Code);
    assert_eq!(role(&r, "Actuals 2022-23"), Some(Role::Executed));
    assert_eq!(role(&r, "Budget Estimates 2024-25"), Some(Role::Adopted));
    assert_eq!(role(&r, "Revised Estimates 2023-24"), Some(Role::Current));
    assert_eq!(
        totals(&r),
        [
            ("Actuals 2022-23", Some("509816.20")),
            ("Budget Estimates 2023-24", Some("560750.00")),
            ("Revised Estimates 2023-24", Some("563801.30")),
            ("Budget Estimates 2024-25", Some("598635.50"))
        ]
    );
    assert_eq!(
        growth(&r),
        Some((
            "Budget Estimates 2023-24",
            "Budget Estimates 2024-25",
            Some("6.8")
        ))
    );
    assert_eq!(warned(&r, "total_row"), 1);
    assert!(r.audit.findings.is_empty());
}

/// Years written with their word in a year column (`2023년`, `2024年度`,
/// `令和6年度`) are years: the long file is spread by year and grows. So are
/// years written short in headers (`'23년 예산(A)`), whose 증감 and 증감률
/// are then audited.
#[test]
fn years_written_with_their_word_are_years() {
    for (csv, from, to) in [
        (
            "연도,부서,예산액\n2023년,총무과,100\n2024년,총무과,120\n2023년,복지과,200\n2024년,복지과,210\n",
            "예산액 2023년",
            "예산액 2024년",
        ),
        (
            "年度,款,予算額\n2023年度,総務費,100\n2024年度,総務費,120\n2023年度,民生費,200\n2024年度,民生費,210\n",
            "予算額 2023年度",
            "予算額 2024年度",
        ),
        (
            "年度,款,予算額\n令和5年度,総務費,100\n令和6年度,総務費,120\n令和5年度,民生費,200\n令和6年度,民生費,210\n",
            "予算額 令和5年度",
            "予算額 令和6年度",
        ),
    ] {
        let r = analyze(csv.as_bytes(), &Options::default()).expect("read");
        assert_eq!(growth(&r), Some((from, to, Some("10.0"))), "{from}");
    }
    let csv = "부서,'23년 예산(A),'24년 예산(B),증감(B-A),증감률(%)\n총무과,\"1,200\",\"1,320\",120,10.0\n복지과,\"3,400\",\"3,570\",170,5.0\n합계,\"4,600\",\"4,890\",290,6.3\n";
    let r = analyze(csv.as_bytes(), &Options::default()).expect("read");
    assert_eq!(
        growth(&r),
        Some(("'23년 예산(A)", "'24년 예산(B)", Some("6.3")))
    );
    // Three rates, three differences and the 합계 row's three amounts.
    assert_eq!(r.audit.checked, 9);
    assert!(r.audit.findings.is_empty());
}

/// A Korean revenue settlement: 수납액 (collected) against 예산현액 is the
/// execution; 미수납액 (assessed, not collected) is no 집행잔액 but
/// 징수결정액 − 수납액, checked in each row (no 불납결손액 is shown, and
/// every row fits).
#[test]
fn korean_revenue_collected_against_the_budget() {
    let csv = "관,항,예산현액,징수결정액,수납액,미수납액\n지방세수입,보통세,\"1,200,000\",\"1,150,000\",\"1,100,000\",\"50,000\"\n세외수입,경상적세외수입,\"300,000\",\"280,000\",\"270,000\",\"10,000\"\n세외수입,임시적세외수입,\"120,000\",\"100,000\",\"95,000\",\"5,000\"\n";
    let r = analyze(csv.as_bytes(), &Options::default()).expect("read");
    assert_eq!(execution(&r), Some(("수납액", "예산현액", Some("90.4"))));
    assert_eq!(role(&r, "미수납액"), Some(Role::Uncollected));
    assert_eq!(r.audit.checked, 3);
    assert!(r.audit.findings.is_empty());
}

/// A Taiwanese city's budget by agency, in Big5, shaped as Kaohsiung's
/// open data is: a `Seq` column, this year's and last year's budgets, the
/// actuals of the year before, and this year against last; the unit in a
/// caption (`單位：新臺幣千元`). The six agencies' figures are the first six
/// of Kaohsiung's published summary (as a public repository's test copies
/// them); the `合計` row is their sum, added with Python's integers.
#[test]
fn taiwanese_budget_by_agency_in_big5() {
    let bytes = fixture("encodings/tw_agencies.big5.csv");
    let r = analyze(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        serde_json::to_value(r.source.encoding).unwrap_or_default(),
        "big5"
    );
    assert_eq!(r.currency.as_deref(), Some("TWD"));
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Thousand));
    // Its name is the scale alone: these are not thousands of won (천원).
    assert_eq!(r.unit.as_ref().map(|u| u.label), Some("천"));
    assert_ne!(kind(&r, "Seq"), ColumnKind::Amount);
    assert_eq!(role(&r, "本年度預算數"), Some(Role::Adopted));
    assert_eq!(role(&r, "上年度預算數"), Some(Role::Previous));
    assert_eq!(role(&r, "本年度與上年度比較"), Some(Role::Difference));
    assert_eq!(r.rows, 6, "合計 is not a row of data");
    assert_eq!(
        totals(&r),
        [
            ("本年度預算數", Some("80249527")),
            ("上年度預算數", Some("77829889")),
            ("前年度決算數", Some("71745620")),
            ("本年度與上年度比較", Some("2419638"))
        ]
    );
    assert_eq!(
        growth(&r),
        Some(("上年度預算數", "本年度預算數", Some("3.1")))
    );
    // The 合計 row is checked as a total, not made a level of its own.
    assert_eq!(warned(&r, "total_row"), 1);
    assert_eq!(warned(&r, "hierarchy_rebuilt"), 0);
    assert_eq!(r.tree.children.len(), 6);
    assert_eq!(r.audit.checked, 11);
    assert!(r.audit.findings.is_empty());
    // One difference misprinted (two digits swapped) is found; the figures
    // may be rounded to the thousand, so one off is within their rounding.
    let at = bytes.windows(8).position(|w| w == b"\"33,669\"");
    let at = at.expect("the 高雄市議會主管 row's difference");
    let misprinted = [&bytes[..at], b"\"33,696\"", &bytes[at + 8..]].concat();
    let r = analyze(&misprinted, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let found: Vec<(usize, &str)> = r
        .audit
        .findings
        .iter()
        .map(|f| (f.row, f.published.as_str()))
        .collect();
    // The row's difference, and the 合計 of differences it no longer adds to.
    assert_eq!(found, [(4, "2419638"), (5, "33696")]);
}

/// Taiwan's years are of the Republic of China's calendar: 114年度 is 2025.
#[test]
fn years_of_taiwans_calendar_in_headers() {
    let text = "科目名稱,114年度預算數,113年度預算數,112年度決算數\n一般政務支出,1200,1000,950\n教育科學文化支出,2300,2000,1900\n";
    let r = analyze(text.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let years: Vec<Option<i32>> = r.columns.iter().skip(1).map(|c| c.year).collect();
    assert_eq!(years, [Some(2025), Some(2024), Some(2023)]);
    assert_eq!(
        growth(&r),
        Some(("113年度預算數", "114年度預算數", Some("16.7")))
    );
    // The actuals are of another year than the budgets: no execution rate.
    assert_eq!(execution(&r), None);
}

/// A grand total named as one (합계) over rows that are all items is a
/// total row, checked; it is not made a level of the hierarchy above them.
#[test]
fn a_grand_total_row_is_a_total_not_a_level() {
    let text = "부서명,예산액\n합계,300\n가부서,100\n나부서,200\n";
    let r = analyze(text.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(warned(&r, "hierarchy_rebuilt"), 0);
    assert_eq!(warned(&r, "total_row"), 1);
    assert!(r.columns.iter().all(|c| c.name != "부서명 1"));
    assert_eq!(totals(&r), [("예산액", Some("300"))]);
    assert_eq!(r.tree.children.len(), 2);
    // A sum row that is not named a total still builds the level it heads.
    let text = "구분,예산액\n본청,300\n가부서,100\n나부서,200\n의회,50\n";
    let r = analyze(text.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(warned(&r, "hierarchy_rebuilt"), 1);
    assert_eq!(totals(&r), [("예산액", Some("350"))]);
}

/// `千元` under traditional characters is as often Taiwan's dollar as any:
/// the scale is read, and no currency is claimed (in simplified characters,
/// `万元` is the yuan).
#[test]
fn thousands_of_an_unnamed_dollar_in_traditional_characters() {
    let text = "科目名稱,本年度預算數(千元),上年度預算數(千元)\n一般政務支出,1200,1000\n教育科學文化支出,2300,2000\n";
    let r = analyze(text.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Thousand));
    assert_eq!(r.currency, None);
    // The table's script counts, not only the header's: here only a name
    // (學) is written in traditional characters.
    let text = "科目,年初(千元)\n一般政務支出,1200\n教育科學文化支出,2300\n";
    let r = analyze(text.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.currency, None);
    assert_eq!(
        world("zh_county_final_accounts.csv").currency.as_deref(),
        Some("CNY")
    );
}

/// A Polish gmina's spending by dział, as its execution report lists it,
/// saved in Windows-1250: Plan / Plan po zmianach / Wykonanie, a `%`
/// column, the Razem row checked, not added.
#[test]
fn polish_execution_report_in_windows_1250() {
    let r = world("pl_gmina_wykonanie.csv");
    assert_eq!(r.source.encoding.map(|e| e.name()), Some("Windows-1250"));
    assert_eq!(kind(&r, "Dział"), ColumnKind::Code);
    assert_eq!(kind(&r, "%"), ColumnKind::Rate);
    assert_eq!(role(&r, "Plan"), Some(Role::Adopted));
    assert_eq!(role(&r, "Plan po zmianach"), Some(Role::Current));
    assert_eq!(role(&r, "Wykonanie"), Some(Role::Executed));
    assert_eq!(
        totals(&r),
        [
            ("Plan", Some("5250000.00")),
            ("Plan po zmianach", Some("5700000.00")),
            ("Wykonanie", Some("5343000.00"))
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Wykonanie", "Plan po zmianach", Some("93.7")))
    );
    assert_eq!(r.currency.as_deref(), Some("PLN"));
    assert_eq!(warned(&r, "total_row"), 1);
    assert!(r.audit.findings.is_empty());
}

/// A Russian budget execution report (form 0503117's columns): the
/// `… - всего` row is the total of the rows below it, `в том числе:` no
/// item, `Код строки` (200 in every row) no level, and execution is
/// Исполнено ÷ Утвержденные.
#[test]
fn russian_budget_execution_report() {
    let r = world("ru_budget_execution.csv");
    assert_eq!(role(&r, "Неисполненные назначения"), Some(Role::Unspent));
    assert_eq!(r.hierarchy, ["Наименование показателя"]);
    assert_eq!(
        totals(&r),
        [
            ("Утвержденные бюджетные назначения", Some("1250000.00")),
            ("Исполнено", Some("1100000.00")),
            ("Неисполненные назначения", Some("150000.00"))
        ]
    );
    assert_eq!(
        execution(&r),
        Some((
            "Исполнено",
            "Утвержденные бюджетные назначения",
            Some("88.0")
        ))
    );
    assert_eq!(r.currency.as_deref(), Some("RUB"));
    assert_eq!(warned(&r, "total_row"), 1);
    // `в том числе:` (including:) leads into the rows below: not an item.
    assert_eq!(warned(&r, "note_row"), 1);
    assert_eq!(r.rows, 3);
}

/// A Turkish municipality's budget: Bütçe Ödeneği / Gerçekleşme in TL, the
/// rate column (`(%)` in brackets) not summed, Genel Toplam checked.
#[test]
fn turkish_budget_with_a_rate_column_and_genel_toplam() {
    let r = world("tr_belediye_butce.csv");
    assert_eq!(kind(&r, "Kurum Kodu"), ColumnKind::Code);
    assert_eq!(kind(&r, "Gerçekleşme Oranı (%)"), ColumnKind::Rate);
    assert_eq!(
        execution(&r),
        Some(("Gerçekleşme (TL)", "Bütçe Ödeneği (TL)", Some("84.7")))
    );
    assert_eq!(r.currency.as_deref(), Some("TRY"));
    assert_eq!(warned(&r, "total_row"), 1);
}

/// An Indonesian realisation report: dotted account codes with their sums
/// above them; the rebuilt tree's top rows (PENDAPATAN, BELANJA) split the
/// budget by side, so revenue is never added to spending.
#[test]
fn indonesian_realisation_report_split_by_side() {
    let r = world("id_apbd_realisasi.csv");
    assert_eq!(kind(&r, "Kode Rekening"), ColumnKind::Code);
    assert_eq!(role(&r, "Realisasi"), Some(Role::Executed));
    assert_eq!(
        groups(&r),
        [
            (
                "PENDAPATAN DAERAH".to_string(),
                vec![
                    ("Anggaran", Some("1000000000")),
                    ("Realisasi", Some("950000000"))
                ]
            ),
            (
                "BELANJA DAERAH".to_string(),
                vec![
                    ("Anggaran", Some("1100000000")),
                    ("Realisasi", Some("990000000"))
                ]
            ),
        ]
    );
    assert_eq!(r.currency.as_deref(), Some("IDR"));
    assert!(r.audit.findings.is_empty());
}

/// A Vietnamese settlement of local spending: STT (A, 1, 2) is an ordinal,
/// not an amount; `Đơn vị: Triệu đồng` is millions of dong; Tổng chi is the
/// total of the rows below it.
#[test]
fn vietnamese_settlement_in_millions_of_dong() {
    let r = world("vi_quyet_toan_chi.csv");
    assert_eq!(kind(&r, "STT"), ColumnKind::Code);
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Million));
    assert_eq!(r.currency.as_deref(), Some("VND"));
    assert_eq!(
        totals(&r),
        [("Dự toán", Some("1000000")), ("Quyết toán", Some("950000"))]
    );
    assert_eq!(execution(&r), Some(("Quyết toán", "Dự toán", Some("95.0"))));
}

/// A Dutch programme budget `(bedragen x € 1.000)`: Baten and Lasten split
/// the totals, Totaal is checked within Lasten.
#[test]
fn dutch_programme_budget_in_thousands_of_euros() {
    let r = world("nl_programmabegroting.csv");
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Thousand));
    assert_eq!(r.currency.as_deref(), Some("EUR"));
    assert_eq!(role(&r, "Realisatie 2023"), Some(Role::Executed));
    assert_eq!(
        groups(&r),
        [
            (
                "Lasten".to_string(),
                vec![
                    ("Begroting 2024", Some("1362500")),
                    ("Realisatie 2023", Some("1349300"))
                ]
            ),
            (
                "Baten".to_string(),
                vec![
                    ("Begroting 2024", Some("1440000")),
                    ("Realisatie 2023", Some("1398000"))
                ]
            ),
        ]
    );
    assert_eq!(warned(&r, "total_row"), 1);
}

/// Ukraine's state budget for 2014, tax revenues as the law lists them
/// (published figures), in Windows-1251: the sums at three levels of the
/// 8-digit classification rebuild the hierarchy and are audited, and the
/// whole is the published 299,196,044.8 (thousand hryvnias).
#[test]
fn ukrainian_state_revenue_in_windows_1251() {
    let r = analyze(
        &fixture("encodings/ua_state_revenue_2014.windows-1251.csv"),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.source.encoding.map(|e| e.name()), Some("Windows-1251"));
    assert_eq!(kind(&r, "Код"), ColumnKind::Code);
    assert_eq!(totals(&r), [("Всього", Some("299196044.80"))]);
    assert_eq!(r.rows, 22);
    assert_eq!(warned(&r, "hierarchy_rebuilt"), 1);
    assert_eq!(r.audit.checked, 8);
    assert!(r.audit.findings.is_empty());
}

/// A Czech municipality's spending by paragraf, in Windows-1250:
/// Schválený rozpočet / Rozpočet po změnách / Skutečnost, `% plnění` a rate,
/// `Výdaje celkem` the total, checked; CZK from `(v Kč)`.
#[test]
fn czech_spending_in_windows_1250() {
    let r = world("cs_obec_vydaje.csv");
    assert_eq!(r.source.encoding.map(|e| e.name()), Some("Windows-1250"));
    assert_eq!(kind(&r, "Paragraf"), ColumnKind::Code);
    assert_eq!(kind(&r, "% plnění"), ColumnKind::Rate);
    assert_eq!(
        totals(&r),
        [
            ("Schválený rozpočet", Some("20000.00")),
            ("Rozpočet po změnách", Some("20900.00")),
            ("Skutečnost", Some("19435.00"))
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Skutečnost", "Rozpočet po změnách", Some("93.0")))
    );
    assert_eq!(r.currency.as_deref(), Some("CZK"));
    assert_eq!(warned(&r, "total_row"), 1);
    assert!(r.audit.findings.is_empty());
}

/// A heading with no amounts of its own (`PENDAPATAN`, blank cells) over
/// its items and closed by a total row (`JUMLAH PENDAPATAN`): the total's
/// figures are the heading's, the heading a level over its items, and the
/// two sides split. Where the total adds up to nothing below, it is left
/// out of the sums, and not said to equal anything.
#[test]
fn headings_closed_by_total_rows_become_levels() {
    let text = "Kode Rekening,Uraian,Anggaran,Realisasi\n4,PENDAPATAN,,\n4.1,Pendapatan Asli Daerah,400,380\n4.2,Pendapatan Transfer,600,570\n,JUMLAH PENDAPATAN,1000,950\n5,BELANJA,,\n5.1,Belanja Operasi,800,720\n5.2,Belanja Modal,300,270\n,JUMLAH BELANJA,1100,990\n";
    let r = analyze(text.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        groups(&r),
        [
            (
                "PENDAPATAN".to_string(),
                vec![("Anggaran", Some("1000")), ("Realisasi", Some("950"))]
            ),
            (
                "BELANJA".to_string(),
                vec![("Anggaran", Some("1100")), ("Realisasi", Some("990"))]
            ),
        ]
    );
    assert_eq!(r.rows, 4);
    assert_eq!(warned(&r, "total_row"), 2);
    assert!(r.audit.findings.is_empty());

    let off = "Kode Rekening,Uraian,Anggaran,Realisasi\n4,PENDAPATAN,,\n4.1,Pendapatan Asli Daerah,400,380\n4.2,Pendapatan Transfer,600,570\n,JUMLAH PENDAPATAN,5000,9500\n";
    let r = analyze(off.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let messages: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.code == "total_row")
        .map(|w| w.message_en.as_str())
        .collect();
    assert_eq!(
        messages,
        ["row 5 is a total row and was left out of the sums"]
    );
    assert_eq!(
        totals(&r),
        [("Anggaran", Some("1000")), ("Realisasi", Some("950"))]
    );
}

/// A Swedish kommun's operating report in thousands of kronor (`tkr`):
/// Budget, Utfall (outturn) and Avvikelse; `Summa <nämnd>` rows checked
/// against their nämnd, `Totalt` against the whole.
#[test]
fn swedish_operating_report_in_tkr() {
    let r = world("sv_kommun_driftredovisning.csv");
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Thousand));
    assert_eq!(role(&r, "Utfall 2024 (tkr)"), Some(Role::Executed));
    assert_eq!(role(&r, "Avvikelse (tkr)"), Some(Role::Difference));
    assert_eq!(r.rows, 6);
    assert_eq!(
        totals(&r),
        [
            ("Budget 2024 (tkr)", Some("2285000")),
            ("Utfall 2024 (tkr)", Some("2286230")),
            ("Avvikelse (tkr)", Some("-1230")),
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Utfall 2024 (tkr)", "Budget 2024 (tkr)", Some("100.1")))
    );
    assert_eq!(warned(&r, "total_row"), 4);
    // 12 figures of the 4 total rows, and Avvikelse (Budget − Utfall) in
    // each of the 10 item rows.
    assert_eq!(r.audit.checked, 22);
    assert!(r.audit.findings.is_empty());
}

/// A German municipality's budget (Doppik): last year's Ergebnis, this
/// and next year's Ansatz, and the Planung years of the mid-term financial
/// plan. Growth compares the two budgets, not a budget with a plan year.
#[test]
fn german_budget_with_planning_years() {
    let r = world("de_haushalt_planung.csv");
    assert_eq!(role(&r, "Ergebnis 2023"), Some(Role::Executed));
    assert_eq!(role(&r, "Ansatz 2025"), Some(Role::Adopted));
    assert_eq!(role(&r, "Planung 2026"), Some(Role::Projected));
    assert_eq!(kind(&r, "Produkt"), ColumnKind::Code);
    assert_eq!(
        r.hierarchy,
        ["Teilhaushalt", "Bezeichnung Produktbereich", "Bezeichnung"]
    );
    assert_eq!(
        totals(&r),
        [
            ("Ergebnis 2023", Some("16311339.14")),
            ("Ansatz 2024", Some("17030000.00")),
            ("Ansatz 2025", Some("17555000.00")),
            ("Planung 2026", Some("18030000.00")),
            ("Planung 2027", Some("18445000.00")),
        ]
    );
    assert_eq!(
        growth(&r),
        Some(("Ansatz 2024", "Ansatz 2025", Some("3.1")))
    );
    assert!(r.execution.is_none());
}

/// A Spanish municipality's budget outturn by chapter (liquidación del
/// presupuesto de gastos), its total row marked `Total` in the chapter
/// column with the description left blank: not added, checked.
/// Remanentes de crédito are the unspent credits, Modificaciones the
/// changes between the initial and final credits.
#[test]
fn spanish_outturn_with_its_total_in_the_code_column() {
    let r = world("es_liquidacion_gastos.csv");
    assert_eq!(r.rows, 6);
    assert_eq!(kind(&r, "Capítulo"), ColumnKind::Code);
    assert_eq!(role(&r, "Modificaciones"), Some(Role::Change));
    assert_eq!(role(&r, "Remanentes de crédito"), Some(Role::Unspent));
    assert_eq!(
        totals(&r),
        [
            ("Créditos iniciales", Some("26870000.00")),
            ("Modificaciones", Some("1480000.00")),
            ("Créditos definitivos", Some("28350000.00")),
            ("Obligaciones reconocidas netas", Some("25232306.00")),
            ("Pagos líquidos", Some("24149414.62")),
            ("Remanentes de crédito", Some("3117694.00")),
        ]
    );
    assert_eq!(
        execution(&r),
        Some((
            "Obligaciones reconocidas netas",
            "Créditos definitivos",
            Some("89.0")
        ))
    );
    assert_eq!(warned(&r, "total_row"), 1);
    // The total row's 6 figures; in the 6 chapters and the total row,
    // definitivos = iniciales + modificaciones and remanentes = definitivos
    // − obligaciones.
    assert_eq!(r.audit.checked, 20);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A cost-centre report exported from a ledger (SAP style): decreases
/// written with the minus after the number (`51.455,12-`), Plan against
/// Ist, and Abweichung = Plan − Ist in every row; the cost centre is a
/// code, not money.
#[test]
fn ledger_export_with_trailing_minus_signs() {
    let r = world("de_kostenstellen_sap.csv");
    assert_eq!(kind(&r, "Kostenstelle"), ColumnKind::Code);
    assert_eq!(role(&r, "Plan 2024"), Some(Role::Adopted));
    assert_eq!(r.rows, 8);
    assert_eq!(
        totals(&r),
        [
            ("Plan 2024", Some("3592500.00")),
            ("Ist 2024", Some("3651935.12")),
            ("Abweichung", Some("-59435.12")),
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Ist 2024", "Plan 2024", Some("101.7")))
    );
    assert_eq!(r.audit.checked, 8);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A Danish kommune's accounts under a title `(1.000 kr.)`: points group
/// the thousands (no cell has a decimal), `<udvalg> i alt` and `I alt`
/// are total rows.
#[test]
fn danish_accounts_in_thousands_of_kroner() {
    let r = world("da_kommune_regnskab.csv");
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Thousand));
    assert_eq!(role(&r, "Oprindeligt budget"), Some(Role::Adopted));
    assert_eq!(role(&r, "Korrigeret budget"), Some(Role::Current));
    assert_eq!(role(&r, "Regnskab"), Some(Role::Executed));
    assert_eq!(r.rows, 5);
    assert_eq!(
        totals(&r)[..3],
        [
            ("Oprindeligt budget", Some("2420350")),
            ("Korrigeret budget", Some("2456100")),
            ("Regnskab", Some("2444194")),
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Regnskab", "Korrigeret budget", Some("99.5")))
    );
    assert_eq!(warned(&r, "total_row"), 4);
    // Afvigelse is Korrigeret budget − Regnskab, checked in every row.
    assert_eq!(r.audit.checked, 25);
    assert!(r.audit.findings.is_empty());
}

/// A Finnish municipality's outturn: Talousarvio, Muutettu talousarvio,
/// Toteutuma, and `Toteutuma-%` audited as the execution rate it is.
#[test]
fn finnish_outturn_with_its_execution_rates() {
    let r = world("fi_kunta_toteutuma.csv");
    assert_eq!(kind(&r, "Toteutuma-%"), ColumnKind::Rate);
    assert_eq!(role(&r, "Muutettu talousarvio 2024"), Some(Role::Current));
    assert_eq!(
        totals(&r),
        [
            ("Talousarvio 2024", Some("199750000")),
            ("Muutettu talousarvio 2024", Some("203350000")),
            ("Toteutuma 2024", Some("203189550")),
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Toteutuma 2024", "Muutettu talousarvio 2024", Some("99.9")))
    );
    // Three figures of the Yhteensä row, and the five published rates.
    assert_eq!(r.audit.checked, 8);
    assert!(r.audit.findings.is_empty());
}

/// A French commune's compte administratif by chapter: the sections'
/// `Total des …` rows close the chapters above them (no column names the
/// sections), the rates of `Taux de réalisation` are Mandats émis ÷
/// Crédits ouverts.
#[test]
fn french_administrative_account_with_section_totals_and_rates() {
    let r = world("fr_compte_administratif.csv");
    assert_eq!(role(&r, "BP 2023"), Some(Role::Adopted));
    assert_eq!(role(&r, "Crédits ouverts"), Some(Role::Current));
    assert_eq!(role(&r, "Mandats émis"), Some(Role::Executed));
    assert_eq!(r.rows, 5);
    assert_eq!(
        totals(&r),
        [
            ("BP 2023", Some("14805000.00")),
            ("DM", Some("80000.00")),
            ("Crédits ouverts", Some("14885000.00")),
            ("Mandats émis", Some("14504142.30")),
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Mandats émis", "Crédits ouverts", Some("97.4")))
    );
    assert_eq!(warned(&r, "total_row"), 3);
    assert_eq!(warned(&r, "total_as_data"), 0);
    // `Total des …` rows close the chapters above them: two groups.
    let sections: Vec<(&str, usize)> = r
        .tree
        .children
        .iter()
        .map(|n| (n.name.as_str(), n.children.len()))
        .collect();
    assert_eq!(
        sections,
        [
            ("Dépenses de gestion des services", 3),
            ("Autres dépenses réelles", 2)
        ]
    );
    // 4 figures of each of the 3 total rows, the 8 published rates, and
    // Crédits ouverts = BP + DM in the 5 chapters and the 3 total rows.
    assert_eq!(role(&r, "DM"), Some(Role::Change));
    assert_eq!(r.audit.checked, 28);
    assert!(r.audit.findings.is_empty());
}

/// A Brazilian portal's spending by function, every amount written
/// `"R$ 182.450.000,00"`: read as reais with a decimal comma.
#[test]
fn brazilian_amounts_written_with_the_real_sign() {
    let r = world("br_despesa_funcao.csv");
    assert_eq!(r.currency.as_deref(), Some("BRL"));
    assert_eq!(
        totals(&r),
        [
            ("Dotação Inicial", Some("1099650000.00")),
            ("Dotação Atualizada", Some("1134850000.00")),
            ("Despesas Empenhadas", Some("1127863749.04")),
            ("Despesas Liquidadas", Some("1097713238.78")),
            ("Despesas Pagas", Some("1081945446.63")),
        ]
    );
    assert_eq!(role(&r, "Despesas Pagas"), Some(Role::Executed));
}

/// A UK council's register of payments over £500: one row per
/// transaction, its date and number. The dates are neither the budget's
/// years (no column per day) nor a level of the hierarchy.
#[test]
fn a_register_of_payments_is_not_split_by_its_dates() {
    let r = world("uk_spend_over_500.csv");
    assert_eq!(kind(&r, "Date"), ColumnKind::Dimension);
    assert!(!r.hierarchy.iter().any(|level| level == "Date"));
    assert_eq!(kind(&r, "Transaction Number"), ColumnKind::Code);
    assert_eq!(r.currency.as_deref(), Some("GBP"));
    assert_eq!(r.rows, 40);
    assert_eq!(totals(&r), [("Amount", Some("497338.64"))]);
    assert_eq!(r.hierarchy[0], "Expense Area");
}

/// A Mexican financial progress report: Aprobado / Modificado / Devengado
/// / Pagado, `Subejercicio` (appropriated, not spent) checked as
/// Modificado − Devengado, and `% Avance` audited as execution rates.
#[test]
fn mexican_progress_report_with_its_underspend_and_rates() {
    let r = world("mx_avance_financiero.csv");
    assert_eq!(role(&r, "Subejercicio"), Some(Role::Unspent));
    assert_eq!(kind(&r, "% Avance"), ColumnKind::Rate);
    assert_eq!(
        execution(&r),
        Some(("Devengado", "Modificado", Some("92.2")))
    );
    // 5 figures of the Total row, 3 underspends and 5 rates.
    assert_eq!(r.audit.checked, 13);
    assert!(r.audit.findings.is_empty());
}

/// A Korean expenditure settlement (세출결산) in 천원 whose 다음연도이월액
/// is shown as 계 over 명시이월, 사고이월 and 계속비이월: 불용액 is 예산현액 −
/// 지출액 − the carry-overs' total, not − the first of them.
#[test]
fn korean_settlement_with_carryovers_split_three_ways() {
    let r = world("kr_settlement_carryover.csv");
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(yesan::Unit::Thousand));
    assert_eq!(r.rows, 6);
    assert_eq!(role(&r, "다음연도이월액 명시이월"), Some(Role::CarriedOut));
    assert_eq!(role(&r, "불용액"), Some(Role::Unspent));
    let e = r.execution.as_ref().expect("execution");
    assert_eq!(e.carried_out, ["다음연도이월액 계"]);
    assert_eq!(e.rate.as_deref(), Some("93.2"));
    assert_eq!(e.unspent.as_deref(), Some("1076050"));
    // 7 rows × (불용액, 집행률, 이월액 계 = its three parts) and the total
    // row's 7 amounts.
    assert_eq!(r.audit.checked, 28);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// The same settlement with no column of the carry-overs' total: all three
/// are subtracted, and 불용액 agrees in every row.
#[test]
fn carryovers_without_their_total_column_are_all_subtracted() {
    let text = String::from_utf8(fixture("world/kr_settlement_carryover.csv")).unwrap();
    // The 계 column left out: the merged heading then stands over 명시이월.
    let without_total: String = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<&str> = line.split(',').collect();
            cells.remove(if i == 1 { 5 } else { 4 });
            cells.join(",") + "\n"
        })
        .collect();
    let r = analyze(without_total.as_bytes(), &Options::default()).unwrap();
    let e = r.execution.as_ref().expect("execution");
    assert_eq!(
        e.carried_out,
        ["명시이월", "사고이월", "계속비이월"].map(|n| format!("다음연도이월액 {n}"))
    );
    assert_eq!(e.unspent.as_deref(), Some("1076050"));
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
    // 7 rows × (불용액, 집행률) and the total row's 6 amounts.
    assert_eq!(r.audit.checked, 20);
}

/// A Korean revenue settlement (세입결산) by 관 and 항: 징수결정액 is what
/// is due, 수납액 what was collected, and 미수납액 = 징수결정액 − 수납액 −
/// 불납결손액 and 징수율 = 수납액 ÷ 징수결정액 are checked in every row.
#[test]
fn korean_revenue_settlement_identities() {
    let r = world("kr_revenue_settlement.csv");
    assert_eq!(r.rows, 7);
    assert_eq!(r.side, Some(yesan::columns::sides::Side::Revenue));
    assert_eq!(role(&r, "징수결정액"), Some(Role::Assessed));
    assert_eq!(role(&r, "수납액"), Some(Role::Executed));
    assert_eq!(role(&r, "불납결손액"), Some(Role::WrittenOff));
    assert_eq!(role(&r, "미수납액"), Some(Role::Uncollected));
    assert_eq!(
        totals(&r),
        [
            ("예산현액", Some("544900000")),
            ("징수결정액", Some("549146400")),
            ("수납액", Some("537841000")),
            ("불납결손액", Some("124000")),
            ("미수납액", Some("11181400")),
        ]
    );
    assert_eq!(execution(&r), Some(("수납액", "예산현액", Some("98.7"))));
    // 8 rows × (미수납액, 징수율) and the total row's 5 amounts.
    assert_eq!(r.audit.checked, 21);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
    let rate = &r.audit.conventions[0];
    assert_eq!(
        (rate.column.as_str(), rate.fitting, rate.checked),
        ("징수율(%)", 8, 8)
    );
}

/// A misprinted 미수납액 and 징수율 are found, each naming what they should be.
#[test]
fn a_misprinted_uncollected_amount_and_collection_rate_are_found() {
    let text = String::from_utf8(fixture("world/kr_revenue_settlement.csv")).unwrap();
    let wrong = text
        .replace("17220400,0,2100100,89.1", "17220400,0,2010100,89.1")
        .replace("8010200,0,1860100,81.2", "8010200,0,1860100,82.1");
    let r = analyze(wrong.as_bytes(), &Options::default()).unwrap();
    let found: Vec<(FindingKind, usize, Option<&str>)> = r
        .audit
        .findings
        .iter()
        .map(|f| (f.kind, f.row, f.recomputed.as_deref()))
        .collect();
    // The 합계 row's 미수납액 is no longer the sum of the rows either.
    assert_eq!(
        found,
        [
            (FindingKind::CollectionRate, 5, Some("81.15")),
            (FindingKind::Uncollected, 4, Some("2100100")),
            (FindingKind::Sum, 9, Some("11091400")),
        ]
    );
    assert!(r.audit.findings[1]
        .message_ko
        .contains("징수결정액 − 수납액 − 불납결손액"));
}

/// A Japanese city's revenue settlement (歳入決算) by 款: 調定額 due,
/// 収入済額 collected, 収入未済額 = 調定額 − 収入済額 − 不納欠損額, and
/// 収入率 of 調定額.
#[test]
fn japanese_revenue_settlement_identities() {
    let r = world("jp_revenue_settlement.csv");
    assert_eq!(role(&r, "調定額"), Some(Role::Assessed));
    assert_eq!(role(&r, "収入未済額"), Some(Role::Uncollected));
    assert_eq!(role(&r, "不納欠損額"), Some(Role::WrittenOff));
    assert_eq!(totals(&r)[4], ("収入未済額", Some("1107741310")));
    assert_eq!(execution(&r), Some(("収入済額", "予算現額", Some("100.1"))));
    assert_eq!(r.audit.checked, 21);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A Spanish municipality's liquidación of revenue: derechos reconocidos
/// netos are executed (of previsiones definitivas), recaudación neta is
/// what was collected of them, and pendiente de cobro = derechos −
/// recaudación in every row.
#[test]
fn spanish_revenue_outturn_with_collection() {
    let r = world("es_liquidacion_ingresos.csv");
    assert_eq!(r.rows, 7);
    assert_eq!(r.side, Some(yesan::columns::sides::Side::Revenue));
    assert_eq!(role(&r, "Derechos reconocidos netos"), Some(Role::Executed));
    assert_eq!(role(&r, "Recaudación neta"), Some(Role::Collected));
    assert_eq!(role(&r, "Pendiente de cobro"), Some(Role::Uncollected));
    assert_eq!(
        execution(&r),
        Some((
            "Derechos reconocidos netos",
            "Previsiones definitivas",
            Some("86.9")
        ))
    );
    // 8 rows × (definitivas = iniciales + modificaciones, pendiente =
    // derechos − recaudación) and the total row's 6 amounts.
    assert_eq!(r.audit.checked, 22);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A US city's budget-to-actual report (as ERP systems export it):
/// account codes `101-4110-5110` are codes of the descriptions, not a
/// level; encumbrances are committed, `Available Budget` = revised −
/// expended − encumbered, and `% Used` = (expended + encumbered) ÷ revised,
/// both checked in every row.
#[test]
fn us_budget_to_actual_with_encumbrances() {
    let r = world("us_budget_to_actual.csv");
    assert_eq!(kind(&r, "Account"), ColumnKind::Code);
    assert_eq!(r.hierarchy, ["Account Description"]);
    assert_eq!(role(&r, "YTD Encumbrances"), Some(Role::Committed));
    assert_eq!(role(&r, "Available Budget"), Some(Role::Unspent));
    let e = r.execution.as_ref().expect("execution");
    assert_eq!(
        (
            e.rate.as_deref(),
            e.unspent.as_deref(),
            e.committed.as_deref()
        ),
        (Some("66.2"), Some("732759.05"), Some("YTD Encumbrances"))
    );
    // 9 rows × (Available, % Used) and the total row's 5 amounts.
    assert_eq!(r.audit.checked, 23);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
    assert_eq!(r.audit.conventions[0].fitting, 9);
}

/// A misprinted available balance is found, as budget − executed −
/// committed.
#[test]
fn a_misprinted_available_balance_is_found() {
    let text = String::from_utf8(fixture("world/us_budget_to_actual.csv")).unwrap();
    let wrong = text.replace("\"17,755.82\"", "\"23,755.82\"");
    let r = analyze(wrong.as_bytes(), &Options::default()).unwrap();
    let f = &r.audit.findings[0];
    assert_eq!(
        (f.kind, f.row, f.recomputed.as_deref()),
        (FindingKind::Unspent, 7, Some("17755.82"))
    );
    assert!(f
        .message_en
        .contains("budget − executed − carried over − committed"));
}

/// A German ledger's funds-management report (SAP FM style): Finanzstelle
/// and Finanzposition are codes; Obligo is committed, Verfügbar = Plan −
/// Ist − Obligo and Ausschöpfung = (Ist + Obligo) ÷ Plan in every row.
#[test]
fn german_funds_management_with_obligo() {
    let r = world("de_sap_fm_obligo.csv");
    assert_eq!(kind(&r, "Finanzstelle"), ColumnKind::Code);
    assert_eq!(kind(&r, "Finanzposition"), ColumnKind::Code);
    assert_eq!(role(&r, "Obligo"), Some(Role::Committed));
    assert_eq!(role(&r, "Verfügbar"), Some(Role::Unspent));
    assert_eq!(
        totals(&r),
        [
            ("Plan", Some("6669000.00")),
            ("Ist", Some("4212536.80")),
            ("Obligo", Some("869400.00")),
            ("Verfügbar", Some("1587063.20")),
        ]
    );
    assert_eq!(execution(&r), Some(("Ist", "Plan", Some("63.2"))));
    // 7 rows × (Verfügbar, Ausschöpfung) and the Summe row's 4 amounts.
    assert_eq!(r.audit.checked, 18);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// An Italian comune's rendiconto of spending by missione: Impegni (the
/// year's commitments) are what was executed, of the Previsioni
/// definitive; Economie = definitive − impegni in every row.
#[test]
fn italian_outturn_executed_by_commitments() {
    let r = world("it_rendiconto_spese.csv");
    assert_eq!(kind(&r, "Missione"), ColumnKind::Code);
    assert_eq!(r.rows, 6);
    assert_eq!(role(&r, "Impegni"), Some(Role::Executed));
    assert_eq!(role(&r, "Economie"), Some(Role::Unspent));
    assert_eq!(
        execution(&r),
        Some(("Impegni", "Previsioni definitive", Some("89.3")))
    );
    assert_eq!(
        r.execution.as_ref().and_then(|e| e.unspent.as_deref()),
        Some("4460469.15")
    );
    // 7 rows' Economie and the Totale row's 5 amounts.
    assert_eq!(r.audit.checked, 12);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A UK council's summary of net expenditure closed by `Net Cost of
/// Services`, the sum of every service above it though no total word names
/// it: read as the total, not added as an eighth service (the totals would
/// be twice the published ones).
#[test]
fn a_closing_sum_named_by_no_total_word_is_the_total() {
    let r = world("uk_net_cost_of_services.csv");
    assert_eq!(r.rows, 7);
    assert_eq!(
        totals(&r),
        [
            ("Gross Expenditure £000", Some("392080")),
            ("Income £000", Some("-110065")),
            ("Net Expenditure £000", Some("282015")),
        ]
    );
    assert_eq!(warned(&r, "total_row"), 1);
    assert_eq!(r.warnings[0].row, Some(9));
    assert_eq!(r.audit.checked, 3);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A last item that happens to equal the sum of two items above it, in a
/// table of one amount column, stays an item.
#[test]
fn a_last_item_equal_to_two_above_stays_an_item() {
    let csv = "Item,Amount\nSalaries,100\nBenefits,50\nOther,150\n";
    let r = analyze(csv.as_bytes(), &Options::default()).unwrap();
    assert_eq!(r.rows, 3);
    assert_eq!(totals(&r), [("Amount", Some("300"))]);
}

/// A settlement by municipality and account with both sides in each row
/// (세출예산현액, 지출액, … then 세입예산현액, 징수결정액, 수납액, 미수납액):
/// 미수납액 is checked against 징수결정액 − 수납액, the executed column
/// after it, not 지출액.
#[test]
fn settlement_with_both_sides_in_each_row() {
    let r = world("kr_settlement_both_sides.csv");
    assert_eq!(r.hierarchy, ["자치단체명", "회계구분"]);
    // Both sides' columns: the whole is no one side.
    assert_eq!(r.side, None);
    assert_eq!(
        execution(&r),
        Some(("지출액", "세출예산현액", Some("93.6")))
    );
    // 4 rows × (불용액, 미수납액).
    assert_eq!(r.audit.checked, 8);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A column named `Total Available` that holds the budget itself (as some
/// federal tables name the resources available), not what is left: no
/// row is what is left, so it is not checked as such, and nothing is
/// reported against it.
#[test]
fn an_available_column_that_is_not_what_is_left_is_not_audited_as_it() {
    let csv = "Program,Appropriation,Total Available,Expended\nA,\"1,000\",\"1,200\",\"900\"\nB,\"2,000\",\"2,100\",\"1,800\"\nC,\"500\",\"650\",\"600\"\n";
    let r = analyze(csv.as_bytes(), &Options::default()).unwrap();
    assert_eq!(role(&r, "Total Available"), Some(Role::Unspent));
    assert_eq!(role(&r, "Expended"), Some(Role::Executed));
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
    assert_eq!(r.audit.checked, 0);
}

/// A budget by funding source (재원별): `계` first, then 국비, 시비, 구비.
/// `계` is the measure, and it is checked in every row against the columns
/// after it; a misprinted one is found.
#[test]
fn a_total_column_before_its_parts_is_checked_against_them() {
    let r = world("kr_funding_sources.csv");
    assert_eq!(
        totals(&r),
        [
            ("계", Some("76480000")),
            ("국비", Some("49919000")),
            ("시비", Some("12880500")),
            ("구비", Some("13680500")),
        ]
    );
    assert_eq!(r.audit.checked, 4);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
    let text = String::from_utf8(fixture("world/kr_funding_sources.csv")).unwrap();
    let wrong = text.replace("\"4,500,000\",\"2,250,000\"", "\"4,600,000\",\"2,250,000\"");
    let r = analyze(wrong.as_bytes(), &Options::default()).unwrap();
    let found: Vec<_> = r
        .audit
        .findings
        .iter()
        .map(|f| (f.kind, f.row, f.recomputed.as_deref()))
        .collect();
    assert_eq!(found, [(FindingKind::RowSum, 4, Some("4500000"))]);
}

/// An Italian comune's revenue by titolo: Accertamenti (what is due,
/// recognised) are executed, Riscossioni collected, and Residui da
/// riscuotere = accertamenti − riscossioni in every row.
#[test]
fn italian_revenue_outturn_with_what_is_still_to_collect() {
    let r = world("it_rendiconto_entrate.csv");
    assert_eq!(r.side, Some(yesan::columns::sides::Side::Revenue));
    assert_eq!(role(&r, "Riscossioni"), Some(Role::Collected));
    assert_eq!(role(&r, "Residui da riscuotere"), Some(Role::Uncollected));
    assert_eq!(
        execution(&r),
        Some(("Accertamenti", "Previsioni definitive", Some("87.0")))
    );
    assert_eq!(r.audit.checked, 4);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A revenue table whose only word of revenue is its title (`2024년
/// 세입결산`): 예산현액 and 수납액 alone, read as revenue all the same.
#[test]
fn a_title_that_names_revenue_makes_the_report_revenue() {
    let csv = "2024년 세입결산 (단위: 천원)\n과목,예산현액,수납액,수납률(%)\n지방세,\"1,200,000\",\"1,180,000\",98.3\n세외수입,\"300,000\",\"270,000\",90.0\n";
    let r = analyze(csv.as_bytes(), &Options::default()).unwrap();
    assert_eq!(r.side, Some(yesan::columns::sides::Side::Revenue));
    assert_eq!(execution(&r), Some(("수납액", "예산현액", Some("96.7"))));
    let both = csv.replace("세입결산", "세입세출결산");
    let r = analyze(both.as_bytes(), &Options::default()).unwrap();
    assert_eq!(r.side, None);
}

/// The findings of a report as `(kind, row, column, recomputed)`.
fn findings(r: &Report) -> Vec<(FindingKind, usize, &str, Option<&str>)> {
    r.audit
        .findings
        .iter()
        .map(|f| {
            (
                f.kind,
                f.row,
                f.column_name.as_str(),
                f.recomputed.as_deref(),
            )
        })
        .collect()
}

/// South Africa's appropriation statement (PFMA): the budget after each
/// step (`Adjusted Appropriation` + `Shifting of Funds` + `Virement` =
/// `Final Appropriation`); execution is against the final one, and the
/// rate column, named by no rate word, is checked as the one most rows fit.
#[test]
fn south_african_appropriation_statement() {
    let r = world("za_appropriation_statement.csv");
    assert_eq!(role(&r, "Shifting of Funds"), Some(Role::Change));
    assert_eq!(role(&r, "Virement"), Some(Role::Change));
    assert_eq!(role(&r, "Final Appropriation"), Some(Role::Current));
    assert_eq!(
        execution(&r),
        Some(("Actual Expenditure", "Final Appropriation", Some("97.5")))
    );
    // 7 rows × (Final Appropriation, Variance, the rate) and the total
    // row's 6 amounts.
    assert_eq!(r.audit.checked, 27);
    assert_eq!(
        findings(&r),
        [(
            FindingKind::ExecutionRate,
            6,
            "Expenditure as % of final appropriation",
            Some("100.84")
        )]
    );
}

/// Canada's Public Accounts by vote: `Vote` numbers and `(S)` (statutory)
/// are codes, not an amount column with a bad cell; `Total available for
/// use` is the authority, `Used in the current year` what was spent,
/// `Lapsed or (overexpended)` what is left.
#[test]
fn canadian_public_accounts_by_vote() {
    let r = world("ca_public_accounts_votes.csv");
    assert_eq!(kind(&r, "Vote"), ColumnKind::Code);
    assert_eq!(role(&r, "Total available for use"), Some(Role::Current));
    assert_eq!(role(&r, "Lapsed or (overexpended)"), Some(Role::Unspent));
    assert_eq!(
        execution(&r),
        Some((
            "Used in the current year",
            "Total available for use",
            Some("97.5")
        ))
    );
    assert_eq!(
        r.execution.as_ref().and_then(|e| e.unspent.as_deref()),
        Some("112836745")
    );
    // 5 rows × Lapsed (one overexpended, `(2,500)`), the total row's 3
    // amounts and its Lapsed.
    assert_eq!(r.audit.checked, 9);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// The Philippines' statement of appropriations, allotments and
/// obligations (SAOB): obligations are what was executed; allotments are
/// funds released, of no role; `Unobligated Allotments` = allotments −
/// obligations is checked, and a misprint found.
#[test]
fn philippine_saob() {
    let r = world("ph_saob.csv");
    assert_eq!(role(&r, "Obligations"), Some(Role::Executed));
    assert_eq!(role(&r, "Allotments"), None);
    assert_eq!(role(&r, "Unpaid Obligations"), None);
    assert_eq!(role(&r, "Unobligated Allotments"), Some(Role::Unspent));
    assert_eq!(
        execution(&r),
        Some(("Obligations", "Appropriations", Some("72.9")))
    );
    assert_eq!(
        findings(&r),
        [
            (
                FindingKind::Unspent,
                4,
                "Unobligated Allotments",
                Some("220000")
            ),
            (
                FindingKind::Unspent,
                6,
                "Unobligated Allotments",
                Some("75064380")
            ),
        ]
    );
}

/// Colombia's budget execution: amounts with a decimal comma and the rate
/// column with a decimal point (`93.49`, not 9,349 %); `Rubro` codes
/// (`2.1`) are not summed.
#[test]
fn colombian_execution_with_a_dotted_rate_column() {
    let r = world("co_ejecucion_presupuestal.csv");
    assert_eq!(kind(&r, "Rubro"), ColumnKind::Code);
    assert_eq!(warned(&r, "decimal_comma"), 1);
    assert_eq!(
        execution(&r),
        Some(("Obligaciones", "Apropiación Vigente", Some("77.1")))
    );
    // 5 rows × `% Ejecución` and the total row's 5 amounts.
    assert_eq!(r.audit.checked, 10);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// Chile's execution by `Subtítulo` in thousands of pesos (`miles de $`):
/// the subtitles are codes, the scale is thousands, and `$` names no
/// currency in a Spanish table.
#[test]
fn chilean_execution_by_subtitle_in_thousands_of_pesos() {
    let r = world("cl_ejecucion_subtitulos.csv");
    assert_eq!(kind(&r, "Subtítulo"), ColumnKind::Code);
    assert_eq!(r.currency, None);
    assert_eq!(warned(&r, "unit_not_stated"), 0);
    let devengado = r.columns.iter().find(|c| c.name == "Devengado");
    assert_eq!(
        devengado.and_then(|c| c.unit),
        Some(yesan::unit::Unit::Thousand)
    );
    assert_eq!(
        totals(&r),
        [
            ("Ley Inicial", Some("30480800")),
            ("Presupuesto Vigente", Some("32250100")),
            ("Devengado", Some("28205280")),
        ]
    );
    assert_eq!(
        execution(&r),
        Some(("Devengado", "Presupuesto Vigente", Some("87.5")))
    );
    assert_eq!(r.audit.checked, 5);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A Kenyan county's `Approved Estimates` are its budget (not projected
/// estimates), in shillings; the `Absorption Rate` is checked as an
/// execution rate, and a misprint found.
#[test]
fn kenyan_county_absorption_rate() {
    let r = world("ke_county_absorption.csv");
    assert_eq!(role(&r, "Approved Estimates (KSh)"), Some(Role::Adopted));
    assert_eq!(r.currency.as_deref(), Some("KES"));
    assert_eq!(execution(&r).map(|e| e.2), Some(Some("78.4")));
    assert_eq!(r.audit.checked, 9);
    assert_eq!(
        findings(&r),
        [(
            FindingKind::ExecutionRate,
            7,
            "Absorption Rate (%)",
            Some("44.33")
        )]
    );
}

/// Nigeria's budget performance: `Actual Released` is funds released, not
/// what was spent; `Performance (%)` is expenditure ÷ appropriation.
#[test]
fn nigerian_budget_performance() {
    let r = world("ng_budget_performance.csv");
    assert_eq!(role(&r, "Actual Released"), None);
    assert_eq!(
        execution(&r),
        Some(("Actual Expenditure", "2024 Appropriation", Some("70.0")))
    );
    assert_eq!(r.audit.checked, 4);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// US federal accounts: obligations are the year's execution, outlays
/// their payment; `Unobligated Balance` = budget authority − obligations,
/// a misprint found.
#[test]
fn us_federal_obligations_and_outlays() {
    let r = world("us_federal_obligations.csv");
    assert_eq!(role(&r, "Obligations"), Some(Role::Executed));
    assert_eq!(role(&r, "Outlays"), Some(Role::Executed));
    assert_eq!(role(&r, "Unobligated Balance"), Some(Role::Unspent));
    assert_eq!(
        execution(&r),
        Some(("Obligations", "Budget Authority", Some("97.4")))
    );
    assert_eq!(r.audit.checked, 5);
    assert_eq!(
        findings(&r),
        [(
            FindingKind::Unspent,
            3,
            "Unobligated Balance",
            Some("850000000")
        )]
    );
}

/// Portugal's execution: `Dotações Corrigidas` the current budget, `Despesa
/// Paga` what was spent; `Cabimentos` and `Compromissos` (reservations and
/// commitments, which include what was paid) have no role.
#[test]
fn portuguese_execution_of_expenditure() {
    let r = world("pt_execucao_despesa.csv");
    assert_eq!(role(&r, "Cabimentos"), None);
    assert_eq!(role(&r, "Compromissos"), None);
    assert_eq!(
        execution(&r),
        Some(("Despesa Paga", "Dotações Corrigidas", Some("82.7")))
    );
    assert_eq!(r.audit.checked, 4);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// Brazil's revenue execution: the headers name revenue alone (`Natureza da
/// Receita`, `Receitas Realizadas`), so the report is of revenue; `Saldo`
/// (still to collect) is checked as what is left.
#[test]
fn brazilian_revenue_execution() {
    let r = world("br_receita_orcamentaria.csv");
    assert_eq!(r.side, Some(yesan::columns::sides::Side::Revenue));
    assert_eq!(role(&r, "Saldo"), Some(Role::Unspent));
    assert_eq!(
        execution(&r),
        Some(("Receitas Realizadas", "Previsão Atualizada", Some("98.8")))
    );
    assert_eq!(r.audit.checked, 4);
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}

/// A US city's budgetary comparison schedule (GASB): `Final Budget` is the
/// budget after the year's amendments, against which each side's actual
/// amounts are measured.
#[test]
fn us_budgetary_comparison_schedule() {
    let r = world("us_gasb_budgetary_comparison.csv");
    assert_eq!(role(&r, "Original Budget"), Some(Role::Adopted));
    assert_eq!(role(&r, "Final Budget"), Some(Role::Current));
    assert_eq!(
        role(&r, "Variance with Final Budget Positive (Negative)"),
        Some(Role::Difference)
    );
    let rates: Vec<(String, Option<&str>)> = r
        .groups
        .iter()
        .map(|g| {
            let e = g.execution.as_ref().expect("execution");
            assert_eq!(
                (e.executed.as_str(), e.budget.as_str()),
                ("Actual Amounts", "Final Budget")
            );
            (g.path.join(" › "), e.rate.as_deref())
        })
        .collect();
    assert_eq!(
        rates,
        [
            ("Revenues".to_string(), Some("100.7")),
            ("Expenditures".to_string(), Some("96.8")),
        ]
    );
    assert!(r.audit.findings.is_empty(), "{:?}", r.audit.findings);
}
