use super::*;

#[test]
fn roles_from_the_headers_of_real_tables() {
    let cases = [
        ("예산액(A)", Some(Role::Adopted)),
        ("당초예산", Some(Role::Adopted)),
        ("금년도예산(천원)", Some(Role::Adopted)),
        ("예산현액(A+B)", Some(Role::Current)),
        ("집행액", Some(Role::Executed)),
        ("지출액", Some(Role::Executed)),
        ("집행잔액", Some(Role::Unspent)),
        ("전년이월", Some(Role::CarriedIn)),
        ("차년이월", Some(Role::CarriedOut)),
        ("예산변경", Some(Role::Change)),
        ("증감 (B-A)", Some(Role::Difference)),
        ("전년도당초금액(천원)", Some(Role::Previous)),
        ("금년도정부안(천원)", Some(Role::Proposed)),
        ("금년도국회확정(천원)", Some(Role::Final)),
        ("추경국회확정(천원)", Some(Role::Supplementary)),
        ("2018년 예산", Some(Role::Adopted)),
        ("수납액", Some(Role::Executed)),
        ("수납액(B)", Some(Role::Executed)),
        ("2025년 예산안", Some(Role::Proposed)),
        ("미수납액", Some(Role::Uncollected)),
        ("징수결정액", Some(Role::Assessed)),
        ("징수결정액(A)", Some(Role::Assessed)),
        ("불납결손액", Some(Role::WrittenOff)),
        ("調定額", Some(Role::Assessed)),
        ("収入済額", Some(Role::Executed)),
        ("不納欠損額", Some(Role::WrittenOff)),
        ("収入未済額", Some(Role::Uncollected)),
        ("Derechos reconocidos netos", Some(Role::Executed)),
        ("Recaudación neta", Some(Role::Collected)),
        ("Pendiente de cobro", Some(Role::Uncollected)),
        ("Uncollected", Some(Role::Uncollected)),
        ("Collected", Some(Role::Executed)),
        ("Written off", Some(Role::WrittenOff)),
        ("Encumbrances", Some(Role::Committed)),
        ("YTD Encumbered", Some(Role::Committed)),
        ("Obligo", Some(Role::Committed)),
        ("Comprometido", None),
        ("Impegni", Some(Role::Executed)),
        ("Economie", Some(Role::Unspent)),
        ("Riscossioni", Some(Role::Collected)),
        ("Accertamenti", Some(Role::Executed)),
        ("Residui da riscuotere", Some(Role::Uncollected)),
        ("Receitas por cobrar", Some(Role::Uncollected)),
        ("Receitas cobradas", Some(Role::Collected)),
        ("Titres émis", Some(Role::Executed)),
        ("Recouvrements", Some(Role::Collected)),
        ("Available Balance", Some(Role::Unspent)),
        ("Available Budget", Some(Role::Unspent)),
        ("Remaining Budget", Some(Role::Unspent)),
        ("Verfügbar", Some(Role::Unspent)),
        ("부서", None),
        // Other languages' tables.
        ("当初予算額", Some(Role::Adopted)),
        ("予算現額", Some(Role::Current)),
        ("決算額", Some(Role::Executed)),
        ("支出済額", Some(Role::Executed)),
        ("決算見込額", Some(Role::Projected)),
        ("不用額", Some(Role::Unspent)),
        ("翌年度繰越額", Some(Role::CarriedOut)),
        ("前年度予算額(千円)", Some(Role::Previous)),
        ("比較増減", Some(Role::Difference)),
        ("比較増△減額(千円)", Some(Role::Difference)),
        ("補正予算額", Some(Role::Supplementary)),
        ("年初预算数", Some(Role::Adopted)),
        ("调整预算数", Some(Role::Current)),
        ("决算数", Some(Role::Executed)),
        ("Budget primitif", Some(Role::Adopted)),
        ("Crédits ouverts", Some(Role::Current)),
        ("Réalisé", Some(Role::Executed)),
        ("Mandaté", Some(Role::Executed)),
        ("Compte administratif 2023", Some(Role::Executed)),
        ("Restes à réaliser", Some(Role::CarriedOut)),
        ("Décision modificative", Some(Role::Change)),
        ("Ansatz 2024", Some(Role::Adopted)),
        ("Fortgeschriebener Ansatz", Some(Role::Current)),
        ("Ist 2023", Some(Role::Executed)),
        ("Vorjahr", Some(Role::Previous)),
        ("Dotação inicial", Some(Role::Adopted)),
        ("Dotação atualizada", Some(Role::Current)),
        ("Valor pago", Some(Role::Executed)),
        ("Stanziamento assestato", Some(Role::Current)),
        ("Libellé", None),
        ("項目", None),
    ];
    for (header, role) in cases {
        assert_eq!(role_from_header(header), role, "{header}");
    }
}

#[test]
fn years_named_in_headers() {
    assert_eq!(year_from_header("2018년 예산"), Some(2018));
    assert_eq!(year_from_header("2015예산액 (A)"), Some(2015));
    assert_eq!(year_from_header("2016예산(B)"), Some(2016));
    assert_eq!(year_from_header("예산액(천원)"), None);
    assert_eq!(year_from_header("12018"), None);
    assert_eq!(year_from_header("令和5年度予算額(千円)"), Some(2023));
    assert_eq!(year_from_header("令和 ６ 年度 決算額"), Some(2024));
    assert_eq!(year_from_header("平成元年度"), Some(1989));
    assert_eq!(year_from_header("令和年度"), None);
    assert_eq!(year_from_header("'24년 예산(B)"), Some(2024));
    assert_eq!(year_from_header("’23 예산"), Some(2023));
    assert_eq!(year_from_header("FY24 Budget"), Some(2024));
    assert_eq!(year_from_header("FY22-23 Actual"), Some(2022));
    assert_eq!(year_from_header("'98 결산"), Some(1998));
    assert_eq!(year_from_header("'123"), None);
    assert_eq!(year_from_header("SHIFTY24"), None);
    assert_eq!(year_from_header("예산's 24"), None);
    assert_eq!(year_from_header("令和123年"), None);
    // Taiwan's years, of the Republic of China's calendar (民國).
    assert_eq!(year_from_header("114年度預算數"), Some(2025));
    assert_eq!(year_from_header("中華民國113年度決算數"), Some(2024));
    assert_eq!(year_from_header("民國99年度"), Some(2010));
    assert_eq!(year_from_header("A114年"), None);
    assert_eq!(year_from_header("1140年"), None);
}

#[test]
fn kinds_from_headers_and_values() {
    let header: Vec<String> = [
        "회계연도",
        "소관명",
        "사업코드",
        "예산액(천원)",
        "집행률(%)",
        "비고",
        "집행액",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let sample = vec![
        vec!["2010", "감사원", "1001", "793,552", "53.07", "", "12"],
        vec!["2010", "감사원", "1002", "-", "", "메모", "숫자아님"],
        vec!["2010", "국방부", "1003", "△5", "40", "", "7"],
    ];
    let columns = infer(&header, &sample, Some(Unit::Won));
    let kinds: Vec<ColumnKind> = columns.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ColumnKind::Year,
            ColumnKind::Dimension,
            ColumnKind::Code,
            ColumnKind::Amount,
            ColumnKind::Rate,
            ColumnKind::Dimension,
            ColumnKind::Amount,
        ]
    );
    assert!(columns[1].hierarchy);
    assert!(
        !columns[2].hierarchy,
        "codes are not a level of the hierarchy"
    );
    assert!(!columns[5].hierarchy, "nor are remarks");
    assert_eq!(
        columns[3].unit,
        Some(Unit::Thousand),
        "the header's unit wins over the caption"
    );
    assert_eq!(columns[6].unit, Some(Unit::Won));
    assert_eq!(columns[6].role, Some(Role::Executed));
}

#[test]
fn an_unknown_header_with_numbers_is_still_an_amount() {
    let header = vec!["항목".to_string(), "X".to_string()];
    let sample = vec![vec!["가", "1,000"], vec!["나", "2,000"]];
    let columns = infer(&header, &sample, None);
    assert_eq!(columns[1].kind, ColumnKind::Amount);
    assert_eq!(columns[1].role, None);
}

#[test]
fn overrides_change_kind_role_and_unit() {
    let header = vec!["항목".to_string(), "X".to_string()];
    let sample = vec![vec!["가", "1,000"]];
    let mut columns = infer(&header, &sample, None);
    columns[1].apply(&ColumnOverride {
        role: Some(Some(Role::Executed)),
        unit: Some(Unit::Million),
        ..ColumnOverride::default()
    });
    assert_eq!(columns[1].role, Some(Role::Executed));
    assert_eq!(columns[1].unit, Some(Unit::Million));
    columns[1].apply(&ColumnOverride {
        kind: Some(ColumnKind::Amount),
        role: Some(None),
        ..ColumnOverride::default()
    });
    assert_eq!(columns[1].role, None, "an explicit null clears the role");
    columns[1].apply(&ColumnOverride {
        kind: Some(ColumnKind::Dimension),
        ..ColumnOverride::default()
    });
    assert_eq!(
        (columns[1].kind, columns[1].role),
        (ColumnKind::Dimension, None)
    );
}
