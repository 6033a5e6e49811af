//! The real national budget file of 2010 (CP949, 2,454 rows, 천원), as the
//! Open Fiscal Data portal publishes it. The expected figures were summed
//! independently (Python's `decimal` over the same file).

mod common;

use common::{fixture, node, options};
use yesan::analysis::growth::GrowthStatus;

#[test]
fn national_2010_by_ministry() {
    let r = yesan::analyze(
        &fixture("kr_national_out_net_bud_2010.csv"),
        &options(r#"{"by":["소관명"]}"#),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let encoding = serde_json::to_value(r.source.encoding).unwrap_or_default();
    assert_eq!(encoding, "cp949");
    assert_eq!(r.rows, 2454);
    let totals = common::totals(&r);
    assert_eq!(
        totals,
        [
            ("전년도당초금액(천원)", Some("217472330463")),
            ("금년도정부안(천원)", Some("224661434764")),
            ("금년도국회확정(천원)", Some("225941254764")),
        ]
    );
    assert_eq!(r.tree.children.len(), 51);
    let growth = r.growth.as_ref();
    assert_eq!(
        growth.map(|g| (
            g.from.as_str(),
            g.to.as_str(),
            g.difference.as_deref(),
            g.rate.as_deref()
        )),
        Some((
            "전년도당초금액(천원)",
            "금년도국회확정(천원)",
            Some("8468924301"),
            Some("3.9")
        ))
    );
    // The five largest ministries: 국회확정, share of the whole, growth rate.
    let expected = [
        ("교육과학기술부", "41709964410", "18.46", "1.3"),
        ("행정안전부", "31719953040", "14.04", "-2.1"),
        ("국토해양부", "25446346000", "11.26", "1.1"),
        ("국방부", "21508453374", "9.52", "6.0"),
        ("보건복지부", "19813331967", "8.77", "7.1"),
    ];
    for (ministry, amount, share, rate) in expected {
        let n = node(&r, &[ministry]);
        assert_eq!(
            n.amounts.get("금년도국회확정(천원)"),
            Some(amount),
            "{ministry}"
        );
        assert_eq!(
            n.share_of_total.get("금년도국회확정(천원)"),
            Some(share),
            "{ministry}"
        );
        assert_eq!(
            n.growth.as_ref().and_then(|g| g.rate.as_deref()),
            Some(rate),
            "{ministry}"
        );
    }
}

#[test]
fn national_2010_new_and_discontinued_programs() {
    let r = yesan::analyze(&fixture("kr_national_out_net_bud_2010.csv"), &options("{}"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut leaves = Vec::new();
    let mut stack = vec![&r.tree];
    while let Some(n) = stack.pop() {
        if n.children.is_empty() {
            leaves.push(n);
        }
        stack.extend(n.children.iter());
    }
    let count = |status| {
        leaves
            .iter()
            .filter(|n| n.growth.as_ref().map(|g| g.status) == Some(status))
            .count()
    };
    // Unit programs going from 0 to something, and from something to 0.
    assert_eq!(count(GrowthStatus::New), 110);
    assert_eq!(count(GrowthStatus::Discontinued), 96);
    assert!(leaves
        .iter()
        .filter(|n| matches!(
            n.growth.as_ref().map(|g| g.status),
            Some(GrowthStatus::New | GrowthStatus::Discontinued)
        ))
        .all(|n| n.growth.as_ref().is_some_and(|g| g.rate.is_none())));
}
