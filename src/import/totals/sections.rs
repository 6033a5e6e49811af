//! The rows a total row closes when no column says which: a line-item
//! budget lists `Salaries`, `Benefits`, then `Total Personnel Services`
//! (or just `Subtotal`), the next section, its total, and a `Grand Total`,
//! with no column naming the sections. Such a total is the sum of a run of
//! rows just above it that starts after an earlier total row (or at the
//! top): the nearest run whose sums equal the row's figures is the one it
//! closes. The sums of the rows between two total rows (a segment) are
//! added up once, in one pass over the rows.

use super::TotalRow;
use crate::analysis::sum::Sum;
use crate::budget::Budget;
use crate::columns::ColumnKind;
use rust_decimal::Decimal;

/// How many earlier total rows a run may start after. Runs that start
/// further up are not tried, except the one from the top.
pub(crate) const LOOK_BACK: usize = 64;

/// The data rows between consecutive total rows, summed.
#[derive(Debug)]
pub struct Sections {
    /// The total rows' lines, in file order.
    lines: Vec<usize>,
    /// For each total row, the sums of every measure over the data rows
    /// after the previous total row and before it, and the first of those
    /// rows' lines (`None` when there are none).
    segments: Vec<(Vec<Sum>, Option<u32>)>,
    /// For each total row, the sums of every measure over all the data rows
    /// above it, and the last of their lines.
    above: Vec<(Vec<Sum>, Option<u32>)>,
    /// The first data row's line.
    top: Option<u32>,
    /// Whether each measure is an amount (the only ones compared).
    amounts: Vec<bool>,
}

/// The run of rows a total row closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closed {
    /// The first and last line of the run's data rows.
    pub first: u32,
    pub last: u32,
    /// The run's sums, one per measure.
    pub sums: Vec<Option<Decimal>>,
}

impl Closed {
    fn new(first: u32, last: u32, sums: &[Sum]) -> Closed {
        let sums = sums.iter().map(|s| s.value().ok().flatten()).collect();
        Closed { first, last, sums }
    }
}

impl Sections {
    /// The segments of the first `rows` data rows between the total rows
    /// at `total_lines`; `None` where the rows or the totals are not in
    /// file order (rows from several sheets), so that no run of lines is a
    /// run of rows.
    pub fn new(budget: &Budget, total_lines: Vec<usize>, rows: usize) -> Option<Sections> {
        let lines = budget.lines.get(..rows)?;
        if !lines.is_sorted() || !total_lines.is_sorted() {
            return None;
        }
        let amounts: Vec<bool> = budget
            .measures
            .iter()
            .map(|m| budget.columns[m.column].kind == ColumnKind::Amount)
            .collect();
        let mut segments = Vec::with_capacity(total_lines.len());
        let mut above = Vec::with_capacity(total_lines.len());
        let mut running = vec![Sum::default(); amounts.len()];
        let mut start = 0;
        for &line in &total_lines {
            let end = start + lines[start..].partition_point(|&l| (l as usize) < line);
            let mut sums = vec![Sum::default(); amounts.len()];
            for (sum, measure) in sums.iter_mut().zip(&budget.measures) {
                for row in start..end {
                    // A sum beyond the decimal range matches nothing.
                    let _ = measure.values.add_to(row, sum);
                }
            }
            add(&mut running, &sums);
            segments.push((
                sums,
                lines.get(start..end).and_then(<[u32]>::first).copied(),
            ));
            above.push((running.clone(), end.checked_sub(1).map(|last| lines[last])));
            start = end;
        }
        Some(Sections {
            lines: total_lines,
            segments,
            above,
            top: lines.first().copied(),
            amounts,
        })
    }

    /// The nearest run of rows ending at `total` whose sums equal its
    /// figures in every amount column both give (at least one), if any.
    pub fn closed_by(&self, total: &TotalRow) -> Option<Closed> {
        let at = self.lines.binary_search(&total.line).ok()?;
        let (whole, last) = &self.above[at];
        let last = (*last)?;
        let nearest = at.saturating_sub(LOOK_BACK - 1);
        let mut sums = vec![Sum::default(); self.amounts.len()];
        for (segment, first) in self.segments[nearest..=at].iter().rev() {
            let Some(first) = *first else {
                continue;
            };
            add(&mut sums, segment);
            if self.equal(&sums, &total.values) {
                return Some(Closed::new(first, last, &sums));
            }
        }
        let first = self.top?;
        (nearest > 0 && self.equal(whole, &total.values)).then(|| Closed::new(first, last, whole))
    }

    /// Every amount both give is equal, and there is at least one.
    fn equal(&self, sums: &[Sum], shown: &[Option<Decimal>]) -> bool {
        let mut compared = 0;
        for ((sum, shown), &amount) in sums.iter().zip(shown).zip(&self.amounts) {
            let (Some(shown), Ok(Some(sum))) = (shown, sum.value()) else {
                continue;
            };
            if !amount {
                continue;
            }
            if *shown != sum {
                return false;
            }
            compared += 1;
        }
        compared > 0
    }
}

fn add(sums: &mut [Sum], more: &[Sum]) {
    for (sum, more) in sums.iter_mut().zip(more) {
        // A sum beyond the decimal range matches nothing.
        let _ = sum.add_sum(more);
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze_text, Options, Report};

    fn read(text: &str) -> Report {
        analyze_text(text, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn said(r: &Report, code: &str) -> Vec<String> {
        r.warnings
            .iter()
            .filter(|w| w.code == code)
            .map(|w| w.message_en.clone())
            .collect()
    }

    #[test]
    fn a_total_closes_the_nearest_run_it_equals() {
        // `Total B` equals rows 5–6 (after `Total A`); `Total A and B` equals
        // both sections, from the top, though two totals stand between. Two
        // levels name the rows, so the rows are not regrouped (as a table
        // with one name column is, see `import::builder::runs`).
        let r = read(
            "Fund,Item,Amount\nGeneral,A1,1\nGeneral,A2,2\nGeneral,Total A,3\n\
             Special,B1,10\nSpecial,B2,20\nSpecial,Total B,30\nSpecial,Total A and B,33\n",
        );
        assert_eq!(r.totals[0].value.as_deref(), Some("33"));
        let said = said(&r, "total_row");
        assert!(said[1].ends_with("rows 5–6 above it"), "{said:?}");
        assert!(said[2].ends_with("rows 2–6 above it"), "{said:?}");
    }

    #[test]
    fn a_total_that_closes_no_run_is_data_or_a_finding() {
        // `Total Fees` names no group and equals no run: a line item. A
        // `Subtotal` that equals no run is compared with the whole.
        let r = read("Item,Amount\nFines,5\nTotal Fees,7\nSubtotal,99\n");
        assert_eq!(r.totals[0].value.as_deref(), Some("12"));
        assert_eq!(said(&r, "total_as_data").len(), 1);
        assert_eq!(r.audit.findings.len(), 1);
    }

    #[test]
    fn every_amount_column_given_must_equal() {
        // The run above `Subtotal` is (300, 300), not (300, 400): it closes
        // no run, and is compared with the whole (800, 800).
        let r = read("Item,Budget,Actual\nA,100,100\nB,200,200\nSubtotal,300,400\nC,500,500\n");
        assert_eq!(r.audit.findings.len(), 2, "{:?}", r.audit.findings);
        assert_eq!(r.totals[0].value.as_deref(), Some("800"));
    }
}
