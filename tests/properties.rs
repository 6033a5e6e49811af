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
