//! Properties that hold for every input of their shape, checked by proptest
//! on generated ones: reading in chunks changes nothing, a parent is the sum
//! of its children, an amount written out reads back the same, and a table
//! made from exact values rounded half up is never reported as wrong.

use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use std::io::Read;
use yesan::report::NodeReport;
use yesan::{Budget, Options, Unit};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 96,
        ..ProptestConfig::default()
    }
}

/// A CSV cell, quoted when it needs to be.
fn quoted(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Hands out bytes in chunks of the given sizes, cycling through them.
struct Chunks<'a> {
    data: &'a [u8],
    sizes: Vec<usize>,
    at: usize,
}

impl Read for Chunks<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes[self.at % self.sizes.len()];
        self.at += 1;
        let n = size.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn report_json(budget: Result<Budget, yesan::Error>) -> String {
    match budget.and_then(|b| b.report(&Options::default())) {
        Ok(report) => serde_json::to_string(&report).unwrap_or_default(),
        Err(error) => format!("{} {:?} {:?}", error.code(), error.row(), error.column()),
    }
}

fn rows() -> impl Strategy<Value = Vec<(String, String, i64)>> {
    prop::collection::vec(
        (
            "[가나다abc]{1,3}",
            // Notes with commas, quotes and line breaks inside quotes.
            "[가 a,\"\n]{0,6}",
            -1_000_000_000i64..1_000_000_000,
        ),
        1..40,
    )
}

proptest! {
    #![proptest_config(config())]

    /// Reading whole equals reading in any chunking.
    #[test]
    fn chunked_reading_changes_nothing(rows in rows(), sizes in prop::collection::vec(1usize..9, 1..5)) {
        let mut text = String::from("부서,비고,예산액\n");
        for (name, note, amount) in &rows {
            text.push_str(&format!("{},{},{amount}\n", quoted(name), quoted(note)));
        }
        let bytes = text.as_bytes();
        let options = Options::default();
        let whole = report_json(Budget::read_stream(bytes, &options));
        let chunked = report_json(Budget::read_stream(Chunks { data: bytes, sizes, at: 0 }, &options));
        prop_assert_eq!(whole, chunked);
    }

    /// The sum of the children is the parent, for any tree.
    #[test]
    fn children_add_up_to_their_parent(
        rows in prop::collection::vec(("[ABC]", "[xyz]", "[pq]", -1_000_000i64..1_000_000), 1..60)
    ) {
        let mut text = String::from("실국,부서,사업,예산액\n");
        for (a, b, c, amount) in &rows {
            text.push_str(&format!("{a}국,{b}과,{c}사업,{amount}\n"));
        }
        let options = Options {
            by: Some(vec!["실국".into(), "부서".into(), "사업".into()]),
            ..Options::default()
        };
        let report = yesan::analyze_text(&text, &options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let total = rows.iter().map(|r| r.3).sum::<i64>().to_string();
        prop_assert_eq!(report.tree.amounts.get("예산액"), Some(total.as_str()));
        fn check(node: &NodeReport) -> Result<(), TestCaseError> {
            if node.children.is_empty() {
                return Ok(());
            }
            let sum: Decimal = node
                .children
                .iter()
                .filter_map(|c| c.amounts.get("예산액"))
                .filter_map(|v| v.parse::<Decimal>().ok())
                .sum();
            let own = node.amounts.get("예산액").and_then(|v| v.parse::<Decimal>().ok());
            prop_assert_eq!(own, Some(sum), "{:?}", node.path);
            node.children.iter().try_for_each(check)
        }
        check(&report.tree)?;
    }

    /// Every node of the tree and each side's totals are what adding the
    /// rows one by one gives: children in the order they first appear, rows
    /// counted, blanks not given, amounts of several scales and beyond 64
    /// bits (a column then holds full decimals) added exactly.
    #[test]
    fn rollup_and_split_totals_are_the_rows_added_one_by_one(
        rows in prop::collection::vec(
            ("세(입|출)", "[ABC]", "[xy]", prop_oneof![
                Just(String::new()),
                (-1_000_000i64..1_000_000).prop_map(|n| n.to_string()),
                (-100_000i64..100_000).prop_map(|n| Decimal::new(n, 2).to_string()),
                (1u64..1000).prop_map(|n| format!("{n}000000000000000000000")),
            ]),
            1..80,
        ),
        full in any::<bool>(),
    ) {
        // Both sides from the first rows: the budget is split by side.
        let mut text = String::from("구분,실국,부서,예산액\n세출,B국,y과,7\n세입,A국,x과,\n");
        for (side, a, b, amount) in &rows {
            text.push_str(&format!("{side},{a}국,{b}과,{amount}\n"));
        }
        // A decimal of another scale: the column holds full decimals.
        if full {
            text.push_str("세입,A국,x과,0.125\n");
        }
        let options = Options { by: Some(vec!["실국".into(), "부서".into()]), ..Options::default() };
        let report = yesan::analyze_text(&text, &options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let data: Vec<(Vec<String>, Option<Decimal>)> = text
            .lines()
            .skip(1)
            .map(|line| {
                let cells: Vec<&str> = line.split(',').collect();
                (cells[..3].iter().map(|c| c.to_string()).collect(), cells[3].parse().ok())
            })
            .collect();
        // The nodes in pre-order, children in the order they first appear.
        let mut expected: Vec<(Vec<String>, usize, Option<Decimal>)> = Vec::new();
        fn add(expected: &mut Vec<(Vec<String>, usize, Option<Decimal>)>, data: &[(Vec<String>, Option<Decimal>)], path: &[String]) {
            let under: Vec<_> = data.iter().filter(|(p, _)| p.starts_with(path)).collect();
            let sum = under.iter().filter_map(|(_, v)| *v).reduce(|a, b| a + b);
            expected.push((path.to_vec(), under.len(), sum));
            if path.len() == 3 {
                return;
            }
            let mut children: Vec<&String> = Vec::new();
            for (p, _) in &under {
                if !children.contains(&&p[path.len()]) {
                    children.push(&p[path.len()]);
                }
            }
            for child in children {
                let mut longer = path.to_vec();
                longer.push(child.clone());
                add(expected, data, &longer);
            }
        }
        add(&mut expected, &data, &[]);
        let mut found = Vec::new();
        fn walk(node: &NodeReport, found: &mut Vec<(Vec<String>, usize, Option<Decimal>)>) {
            let amount = node.amounts.get("예산액").and_then(|v| v.parse().ok());
            found.push((node.path.clone(), node.rows, amount));
            node.children.iter().for_each(|c| walk(c, found));
        }
        walk(&report.tree, &mut found);
        // A split budget's root shows no amounts; each year's do.
        expected[0].2 = None;
        prop_assert_eq!(&found, &expected);
        let groups: Vec<(Vec<String>, usize, Option<String>, usize)> = report
            .groups
            .iter()
            .map(|g| (g.path.clone(), g.rows, g.totals[0].value.clone(), g.totals[0].given))
            .collect();
        let sides: Vec<(Vec<String>, usize, Option<String>, usize)> = expected
            .iter()
            .filter(|(path, ..)| path.len() == 1)
            .map(|(path, rows, sum)| {
                let given = data.iter().filter(|(p, v)| p[0] == path[0] && v.is_some()).count();
                (path.clone(), *rows, sum.map(|s| s.to_string()), given)
            })
            .collect();
        prop_assert_eq!(groups, sides);
    }

    /// An amount written out in full and read again is the same amount.
    #[test]
    fn amounts_written_and_read_back_are_the_same(
        mantissa in -10_000_000_000_000_000i64..10_000_000_000_000_000,
        scale in 0u32..4,
        unit in 0usize..7,
    ) {
        let units = [Unit::Won, Unit::Thousand, Unit::TenThousand, Unit::Million, Unit::HundredMillion, Unit::Billion, Unit::Trillion];
        let value = Decimal::new(mantissa, scale);
        let unit = units[unit];
        if let Some(won) = yesan::format::exact_won(value, Some(unit)) {
            let digits = won.trim_end_matches('원');
            let back = yesan::amount::parse_number(digits).ok().flatten().map(|n| n.value);
            prop_assert_eq!(back, yesan::format::to_won(value, Some(unit)), "{}", won);
        }
        let grouped = yesan::format::group_thousands(&value.to_string());
        let back = yesan::amount::parse_number(&grouped).ok().flatten().map(|n| n.value);
        prop_assert_eq!(back, Some(value), "{}", grouped);
    }

    /// A table made from exact values, its amounts rounded half up to
    /// 천원 and its rates to one decimal, is never reported as wrong.
    #[test]
    fn rounding_alone_is_never_a_finding(
        programs in prop::collection::vec((0usize..4, 1_000i64..5_000_000_000, 0u32..=100), 2..30)
    ) {
        let half_up = |value: Decimal, places: u32| {
            let mut v = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            v.rescale(places);
            v
        };
        let thousand = Decimal::from(1000);
        let mut text = String::from("부서\t사업\t예산현액(천원)\t집행액(천원)\t집행률(%)\n");
        for (i, &(department, budget, percent)) in programs.iter().enumerate() {
            let budget = Decimal::from(budget);
            let executed = (budget * Decimal::from(percent) / Decimal::ONE_HUNDRED).floor();
            let rate = half_up(executed * Decimal::ONE_HUNDRED / budget, 1);
            text.push_str(&format!(
                "부서{department}\t사업{i}\t{}\t{}\t{rate}\n",
                half_up(budget / thousand, 0),
                half_up(executed / thousand, 0),
            ));
        }
        let report = yesan::analyze_text(&text, &Options::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(report.audit.checked > 0);
        prop_assert!(report.audit.findings.is_empty(), "{:?}\n{}", report.audit.findings, text);
    }
}
