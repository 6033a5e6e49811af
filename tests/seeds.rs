//! The seed documents' tables, transcribed into fixtures, against the
//! figures the documents publish. Amounts there are rounded (백만원, 천원)
//! while their rates were computed from exact figures, so a published rate
//! is checked to be possible for the shown amounts, not equal to ours.

mod common;

use common::{amount, dec, node, rate_is_possible, report};
use yesan::analysis::execution::Basis;
use yesan::analysis::growth::GrowthStatus;
use yesan::audit::interval::Rounding;
use yesan::audit::FindingKind;
use yesan::{ColumnKind, Role, Unit};

/// 001, 2016년 예산편성 세부내역: department → policy program → unit program.
#[test]
fn seoul_2016_programs_reproduce_the_published_subtotals() {
    let r = report("seoul_2016_programs.csv", "{}");
    assert_eq!(r.rows, 36);
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(Unit::Million));
    assert_eq!(r.hierarchy, ["부서", "정책사업", "단위사업"]);
    let roles: Vec<_> = r.columns.iter().map(|c| (c.kind, c.role)).collect();
    assert_eq!(
        roles[3..],
        [
            (ColumnKind::Amount, Some(Role::Adopted)),
            (ColumnKind::Amount, Some(Role::Current)),
            (ColumnKind::Amount, Some(Role::Executed)),
            (ColumnKind::Rate, None),
        ]
    );

    // Published: 시민소통기획관 예산 합계 41,018 / 42,360 / 22,481 (53.07 %).
    // The 36 rounded unit programs add up to 41,019 / 42,360 / 22,480:
    // each shown amount is ±0.5, so the sums may differ by rounding only.
    assert_eq!(amount(&r.tree, "예산액(A)"), dec("41019"));
    assert_eq!(amount(&r.tree, "예산현액(A+B)"), dec("42360"));
    assert_eq!(amount(&r.tree, "집행액"), dec("22480"));
    let execution = r.execution.as_ref().map(|e| (e.basis, e.rate.as_deref()));
    assert_eq!(execution, Some((Basis::Current, Some("53.1"))));
    assert!(rate_is_possible(
        dec("53.07"),
        dec("22480"),
        dec("42360"),
        dec("1"),
        36,
        2
    ));

    // Department subtotals: (published 예산액, 예산현액, 집행액, 집행률, leaves).
    let published = [
        ("시민소통담당관", "12198", "13540", "6135", "45.31", 13),
        ("도시브랜드담당관", "2960", "2960", "2610", "88.16", 3),
        ("시민봉사담당관", "21341", "21341", "11053", "51.79", 7),
        ("뉴미디어담당관", "4331", "4331", "2635", "60.84", 10),
        ("신속행정담당관", "188", "188", "49", "25.77", 3),
    ];
    for (name, adopted, current, executed, rate, leaves) in published {
        let n = node(&r, &[name]);
        let slack = dec("0.5") * rust_decimal::Decimal::from(leaves) + dec("0.5");
        for (column, shown) in [
            ("예산액(A)", adopted),
            ("예산현액(A+B)", current),
            ("집행액", executed),
        ] {
            let difference = (amount(n, column) - dec(shown)).abs();
            assert!(
                difference <= slack,
                "{name} {column}: {} vs {shown}",
                amount(n, column)
            );
        }
        assert!(
            rate_is_possible(
                dec(rate),
                amount(n, "집행액"),
                amount(n, "예산현액(A+B)"),
                dec("1"),
                leaves,
                2
            ),
            "{name}: {rate} %"
        );
    }
    // Where the rounding happens to cancel, the subtotal is the published one.
    let 시민소통 = node(&r, &["시민소통담당관"]);
    assert_eq!(amount(시민소통, "예산현액(A+B)"), dec("13540"));
    assert_eq!(
        시민소통.execution.as_ref().and_then(|e| e.rate.as_deref()),
        Some("45.3")
    );
    assert_eq!(
        시민소통
            .execution
            .as_ref()
            .and_then(|e| e.unspent.as_deref()),
        Some("7405")
    );
    let 정책 = node(
        &r,
        &["시민소통담당관", "시민과 함께하는 참여와 소통 시정구현"],
    );
    assert_eq!(
        [
            amount(정책, "예산액(A)"),
            amount(정책, "예산현액(A+B)"),
            amount(정책, "집행액")
        ],
        [dec("11741"), dec("13082"), dec("5840")]
    );
    let 뉴미디어 = node(
        &r,
        &["뉴미디어담당관", "뉴미디어 활용 시민과의 소통 활성화"],
    );
    assert_eq!(amount(뉴미디어, "집행액"), dec("2611"));
    // A unit program is a leaf: its figures are the shown ones.
    let 여권 = node(
        &r,
        &[
            "시민봉사담당관",
            "시민중심의 민원행정서비스 제공",
            "일반여권 발급업무 대행",
        ],
    );
    assert_eq!(
        여권.execution.as_ref().and_then(|e| e.rate.as_deref()),
        Some("100.0")
    );
    // The note under the table is left out, and said so.
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "note_row" && w.row == Some(40)));
}

/// Every unit program's published 집행률 is possible for its shown amounts,
/// but one: 신속행정담당관's 기본경비 shows 40.55 % for 15 of 35 (백만원),
/// where any exact amounts that round to those give 40.85 %–44.93 %.
#[test]
fn seoul_2016_unit_program_rates_are_consistent_with_rounding() {
    let r = report(
        "seoul_2016_programs.csv",
        r#"{"precision":{"rate":2,"share":2}}"#,
    );
    let text = String::from_utf8(common::fixture("seoul_2016_programs.csv")).unwrap_or_default();
    let mut checked = 0;
    for line in text.lines().skip(3) {
        let cells: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes())
            .records()
            .flatten()
            .flat_map(|r| r.iter().map(str::to_string).collect::<Vec<_>>())
            .collect();
        if cells.len() != 7 {
            continue;
        }
        let leaf = node(&r, &[&cells[0], &cells[1], &cells[2]]);
        let published = dec(&cells[6]);
        let part = amount(leaf, "집행액");
        let whole = amount(leaf, "예산현액(A+B)");
        let impossible = cells[0] == "신속행정담당관" && cells[1] == "기본경비(행정운영경비)";
        assert_eq!(
            rate_is_possible(published, part, whole, dec("1"), 1, 2),
            !impossible,
            "{}: {published}",
            cells[2]
        );
        checked += 1;
    }
    assert_eq!(checked, 36);
}

/// 001, < 부서별 >: shares of the 2016 budget. The document prints 4.5 % for
/// 신속행정담당관's 188 of 41,018; the share is 0.46 %.
#[test]
fn seoul_2016_department_shares() {
    let r = report("seoul_2016_departments.tsv", r#"{"precision":{"share":1}}"#);
    assert_eq!(r.totals[0].value.as_deref(), Some("41018"));
    let shares: Vec<(&str, Option<&str>)> = r
        .tree
        .children
        .iter()
        .map(|n| (n.name.as_str(), n.share_of_total.get("2016 예산")))
        .collect();
    assert_eq!(
        shares,
        [
            ("시민소통담당관", Some("29.7")),
            ("도시브랜드담당관", Some("7.2")),
            ("시민봉사담당관", Some("52.0")),
            ("뉴미디어담당관", Some("10.6")),
            ("신속행정담당관", Some("0.5")),
        ]
    );
    // The 계 row is the root of the tree rebuilt from the sums, the total of
    // every other row (no level is made of it), and it adds up.
    assert!(r.warnings.iter().any(|w| w.code == "total_row"));
    assert!(!r.warnings.iter().any(|w| w.code == "hierarchy_rebuilt"));
    assert!(r.columns.iter().all(|c| !c.name.ends_with(" 1")));
    assert!(!r.audit.findings.iter().any(|f| f.kind == FindingKind::Sum));
    // The audit finds the impossible 4.5 %, and the shares that cannot add to 100.
    let kinds: Vec<_> = r
        .audit
        .findings
        .iter()
        .map(|f| (f.kind, f.row, f.published.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (FindingKind::Share, 9, "4.5"),
            (FindingKind::ShareTotal, 4, "104")
        ]
    );
}

/// 001, < 구성별 >: 2015 → 2016 by composition. Published: 사업비 12.9 %,
/// 기본경비 29 (4.5 %), whole 12.8 %, shares 98.2/1.8 and 98.4/1.6.
#[test]
fn seoul_2016_growth_by_composition() {
    let r = report("seoul_2016_composition.tsv", r#"{"precision":{"share":1}}"#);
    let growth = r
        .growth
        .as_ref()
        .map(|g| (g.from.as_str(), g.to.as_str(), g.rate.as_deref()));
    assert_eq!(growth, Some(("2015년 예산", "2016년 예산", Some("12.8"))));
    let 사업비 = node(&r, &["사업비"]);
    let 기본경비 = node(&r, &["기본경비"]);
    let g = |n: &yesan::report::NodeReport| {
        n.growth
            .as_ref()
            .map(|g| (g.status, g.difference.clone(), g.rate.clone()))
    };
    assert_eq!(
        g(사업비),
        Some((
            GrowthStatus::Increased,
            Some("4618".into()),
            Some("12.9".into())
        ))
    );
    assert_eq!(
        g(기본경비),
        Some((
            GrowthStatus::Increased,
            Some("29".into()),
            Some("4.5".into())
        ))
    );
    for (n, share_2015, share_2016) in [(사업비, "98.2", "98.4"), (기본경비, "1.8", "1.6")] {
        assert_eq!(n.share_of_total.get("2015년 예산"), Some(share_2015));
        assert_eq!(n.share_of_total.get("2016년 예산"), Some(share_2016));
    }
    // The 계 row shows 36,372 for 2015 where the two rows add up to 36,371:
    // rounding, not an error. The published differences 4,644 and 4,616 are
    // impossible: 41,018 − 36,372 is 4,645 to 4,647; 40,350 − 35,732 is 4,617 to 4,619.
    let findings: Vec<_> = r
        .audit
        .findings
        .iter()
        .map(|f| (f.kind, f.name.as_str(), f.published.as_str()))
        .collect();
    assert_eq!(
        findings,
        [
            (FindingKind::GrowthAmount, "계", "4644"),
            (FindingKind::GrowthAmount, "사업비", "4616")
        ]
    );
}

/// 000, 예산 총괄: by expense category, 2014–2016 (천원), with `(x-)` marks
/// and `Δ` decreases. The table truncates its rates (Δ50 for −50.9 %).
#[test]
fn seoul_000_budget_by_category() {
    let r = report("seoul_000_budget_by_category.tsv", "{}");
    assert_eq!(r.unit.as_ref().map(|u| u.code), Some(Unit::Thousand));
    let totals = common::totals(&r);
    assert_eq!(
        totals[..3],
        [
            ("2014년 예산액", Some("123176")),
            ("2015예산액 (A)", Some("238792")),
            ("2016예산(B)", Some("151757")),
        ]
    );
    let 공공운영비 = node(&r, &["공공운영비"]);
    let growth = 공공운영비.growth.as_ref();
    assert_eq!(growth.and_then(|g| g.difference.as_deref()), Some("-87035"));
    assert_eq!(growth.and_then(|g| g.rate.as_deref()), Some("-50.9"));
    let 사무관리비 = node(&r, &["사무관리비"]);
    assert_eq!(
        사무관리비.growth.as_ref().map(|g| g.status),
        Some(GrowthStatus::Unchanged)
    );
    // The published 계 row gives 278,792 for 2015 where its items add up to
    // 238,792 (and so its 증감 of △127,035 where the items give △87,035).
    let findings: Vec<_> = r
        .audit
        .findings
        .iter()
        .map(|f| {
            (
                f.kind,
                f.column_name.as_str(),
                f.published.as_str(),
                f.recomputed.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            (FindingKind::Sum, "2015예산액 (A)", "278792", Some("238792")),
            (FindingKind::Sum, "증감 (B-A)", "-127035", Some("-87035")),
        ]
    );
    // Its rates are cut, not rounded (Δ45 for −45.6 %): named once, not reported.
    let convention: Vec<_> = r
        .audit
        .conventions
        .iter()
        .map(|c| (c.column.as_str(), c.rounding))
        .collect();
    assert_eq!(convention, [("(B-A)*100/A", Rounding::Truncate)]);
}

/// 000, 최근 3년 결산 현황: settlement history, 천원.
#[test]
fn seoul_000_settlement_history() {
    let r = report("seoul_000_settlement.tsv", "{}");
    assert_eq!(r.hierarchy, ["연도"]);
    // Years are never added together: one group per year, no grand total.
    assert!(r.execution.is_none());
    assert_eq!(r.totals[0].value, None);
    let groups: Vec<_> = r
        .groups
        .iter()
        .map(|g| {
            (
                g.path.join(""),
                g.totals[0].value.as_deref(),
                g.execution
                    .as_ref()
                    .map(|e| (e.basis, e.carried_out.first().map(String::as_str))),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "2012".to_string(),
                Some("285255"),
                Some((Basis::Current, Some("차년이월")))
            ),
            (
                "2013".to_string(),
                Some("195500"),
                Some((Basis::Current, Some("차년이월")))
            ),
            (
                "2014".to_string(),
                Some("123176"),
                Some((Basis::Current, Some("차년이월")))
            ),
        ]
    );
    // Published 집행잔액 per year, and the rate executed ÷ 예산현액.
    for (year, unspent, rate) in [
        ("2012", "54243", "81.0"),
        ("2013", "23054", "88.2"),
        ("2014", "11359", "90.8"),
    ] {
        let n = node(&r, &[year]);
        let x = n.execution.as_ref();
        assert_eq!(
            x.and_then(|x| x.unspent.as_deref()),
            Some(unspent),
            "{year}"
        );
        assert_eq!(n.amounts.get("집행잔액"), Some(unspent), "{year}");
        assert_eq!(x.and_then(|x| x.rate.as_deref()), Some(rate), "{year}");
    }
}

/// 004, 시장업무추진비 4년간 집행현황: years across, measures down.
#[test]
fn seoul_004_transposed_execution_history() {
    let r = report("seoul_004_mayor_expenses.tsv", "{}");
    assert!(r.warnings.iter().any(|w| w.code == "transposed"));
    assert_eq!(r.rows, 4);
    assert!(r
        .groups
        .iter()
        .all(|g| g.execution.as_ref().map(|e| e.basis) == Some(Basis::Adopted)));
    assert_eq!(r.groups.len(), 4);
    let published = [
        ("2012년", "165123", "54.8"),
        ("2013년", "145102", "64.3"),
        ("2014년", "160173", "57.9"),
        ("2015년", "99357", "73.9"),
    ];
    for (year, unspent, rate) in published {
        let n = node(&r, &[year]);
        let x = n.execution.as_ref();
        assert_eq!(x.and_then(|x| x.rate.as_deref()), Some(rate), "{year}");
        assert_eq!(
            x.and_then(|x| x.unspent.as_deref()),
            Some(unspent),
            "{year}"
        );
    }
}
