//! The runs of rows that total rows close when no heading names them: a
//! line-item budget lists `Salaries`, `Benefits`, then `Total Personnel
//! Services` (or just `Subtotal`), with no row above the items to be their
//! group. Such a total is the sum of the nearest run of rows just above it
//! that starts after an earlier total row (or at the top) and adds up to
//! its figures exactly; the run becomes a group, named by the total's label
//! without its total word (`Personnel Services`), placed above the run with
//! the total's figures, so that the tree rebuilt from the sums has it as a
//! level (see [`crate::hierarchy::rebuild`]).

use crate::budget::ShownRow;
use crate::hierarchy::Tree;
use rust_decimal::Decimal;

// How many earlier total rows a run may start after: as many as for the
// sections of a table not held whole.
use crate::import::totals::LOOK_BACK;

/// A run of rows closed by a total row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    /// The total row's index in the shown rows.
    pub total: usize,
    /// The index of the run's first row.
    pub start: usize,
    /// The group's name.
    pub name: String,
}

/// Sums of the counted rows' amounts before each row, for every amount
/// measure; `None` once a sum leaves the decimal range.
struct Prefix {
    sums: Vec<Vec<Option<Decimal>>>,
    /// How many counted rows come before each row.
    counted: Vec<usize>,
}

impl Prefix {
    /// `counts[i]`: whether row `i` is an item (not a total, not a sum).
    fn new(rows: &[ShownRow], counts: &[bool], amounts: &[usize]) -> Prefix {
        let mut sums = Vec::with_capacity(rows.len() + 1);
        let mut counted = Vec::with_capacity(rows.len() + 1);
        let mut running = vec![Some(Decimal::ZERO); amounts.len()];
        let mut n = 0;
        for (row, &count) in rows.iter().zip(counts) {
            sums.push(running.clone());
            counted.push(n);
            if !count {
                continue;
            }
            n += 1;
            for (sum, &m) in running.iter_mut().zip(amounts) {
                let value = row.values.get(m).copied().flatten().unwrap_or_default();
                *sum = sum.and_then(|s| s.checked_add(value));
            }
        }
        sums.push(running);
        counted.push(n);
        Prefix { sums, counted }
    }

    /// Whether the counted rows in `start..end` add up to `shown` in every
    /// amount it gives (at least one), and are at least one row.
    fn equals(&self, start: usize, end: usize, shown: &[Option<Decimal>]) -> bool {
        if self.counted[end] == self.counted[start] {
            return false;
        }
        let mut compared = 0;
        for ((high, low), shown) in self.sums[end].iter().zip(&self.sums[start]).zip(shown) {
            let Some(shown) = shown else {
                continue;
            };
            let sum = high.zip(*low).and_then(|(h, l)| h.checked_sub(l));
            if sum != Some(*shown) {
                return false;
            }
            compared += 1;
        }
        compared > 0
    }
}

/// The run each of `closing` (index of a total row, the group's name)
/// closes in `rows`, where one does. `counts[i]` says whether row `i` is an
/// item; `boundaries[i]` whether a run may start just after row `i` (a
/// total row); `headings[i]`, for a heading given the figures of a total
/// row further down, that row's index: a run does not start with a
/// heading whose group ends after it. `amounts` are the amount measures.
/// `None` where two runs cross, so that no group would hold part of
/// another.
pub(super) fn closed_runs(
    rows: &[ShownRow],
    counts: &[bool],
    boundaries: &[bool],
    headings: &[Option<usize>],
    amounts: &[usize],
    closing: Vec<(usize, String)>,
) -> Option<Vec<Run>> {
    let prefix = Prefix::new(rows, counts, amounts);
    let mut runs = Vec::new();
    for (total, name) in closing {
        let shown: Vec<Option<Decimal>> = amounts
            .iter()
            .map(|&m| rows[total].values.get(m).copied().flatten())
            .collect();
        let starts = (0..total)
            .rev()
            .filter(|&i| boundaries[i])
            .map(|i| i + 1)
            .take(LOOK_BACK)
            .chain(std::iter::once(0));
        if let Some(mut start) = starts
            .into_iter()
            .find(|&start| prefix.equals(start, total, &shown))
        {
            while headings[start].is_some_and(|end| end > total) {
                start += 1;
            }
            runs.push(Run { total, start, name });
        }
    }
    if !nested(&runs) {
        return None;
    }
    distinct_names(&mut runs, rows, counts, headings);
    Some(runs)
}

/// Names that more than one run under the same group would take (two
/// `Subtotal` rows, whose groups would be one) given the lines of their
/// items: `Subtotal (7–10)`. Runs under different groups keep their names
/// (`Personnel Services` under each department).
fn distinct_names(
    runs: &mut [Run],
    rows: &[ShownRow],
    counts: &[bool],
    headings: &[Option<usize>],
) {
    let groups: Vec<Option<(usize, usize)>> = runs
        .iter()
        .map(|run| group_of(run, runs, headings))
        .collect();
    let repeated: Vec<bool> = (0..runs.len())
        .map(|a| {
            (0..runs.len())
                .any(|b| b != a && runs[b].name == runs[a].name && groups[b] == groups[a])
        })
        .collect();
    for (run, repeated) in runs.iter_mut().zip(repeated) {
        if !repeated {
            continue;
        }
        let mut lines = (run.start..run.total)
            .filter(|&i| counts[i])
            .map(|i| rows[i].line);
        let first = lines.next().unwrap_or(0);
        run.name = match lines.next_back() {
            Some(last) => format!("{} ({first}–{last})", run.name),
            None => format!("{} ({first})", run.name),
        };
    }
}

/// The innermost group that holds `run` (another run, or a heading closed
/// by a total row further down), as (its first row, its total row).
fn group_of(run: &Run, runs: &[Run], headings: &[Option<usize>]) -> Option<(usize, usize)> {
    let outer_runs = runs
        .iter()
        .filter(|o| o.start <= run.start && o.total > run.total)
        .map(|o| (o.start, o.total));
    let outer_headings = headings
        .iter()
        .enumerate()
        .take(run.start)
        .filter_map(|(i, end)| end.filter(|&end| end > run.total).map(|end| (i, end)));
    outer_runs
        .chain(outer_headings)
        .max_by_key(|&(start, total)| (start, std::cmp::Reverse(total)))
}

/// Whether every two runs are apart or one holds the other.
fn nested(runs: &[Run]) -> bool {
    runs.iter().all(|a| {
        runs.iter()
            .all(|b| !(a.start < b.start && b.start < a.total && a.total < b.total))
    })
}

/// The rows with a group row placed above each run (the outer first) and
/// the total rows that close them (and the `dropped` ones) left out; with
/// each run's group row, where it stands and how many rows follow it that
/// are in its run. `runs` are in the order of their total rows, as
/// [`closed_runs`] gives them.
pub(super) fn grouped(
    rows: Vec<ShownRow>,
    name: usize,
    runs: &[Run],
    dropped: &[bool],
) -> (Vec<ShownRow>, Vec<Span>) {
    let mut heads: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    let mut closes: Vec<Option<usize>> = vec![None; rows.len()];
    for (r, run) in runs.iter().enumerate() {
        heads[run.start].push(r);
        closes[run.total] = Some(r);
    }
    let mut spans = vec![Span::default(); runs.len()];
    let mut out = Vec::with_capacity(rows.len() + runs.len());
    for (i, row) in rows.iter().enumerate() {
        // Runs come in the order of their totals: the outer last.
        for &r in heads[i].iter().rev() {
            let mut head = rows[runs[r].total].clone();
            head.dims[name] = runs[r].name.clone();
            head.total = false;
            head.hint = true;
            spans[r].at = out.len();
            out.push(head);
        }
        if let Some(r) = closes[i] {
            spans[r].rows = out.len() - spans[r].at - 1;
        } else if !dropped[i] {
            out.push(row.clone());
        }
    }
    (out, spans)
}

/// The tree of the grouped rows (`rows` of them) that the runs' `spans`
/// make: each row under the innermost group row whose run holds it.
pub(super) fn tree(spans: &[Span], rows: usize) -> Tree {
    let mut ends: Vec<Option<usize>> = vec![None; rows];
    for span in spans {
        ends[span.at] = Some(span.at + span.rows);
    }
    let mut parent = vec![None; rows];
    // The group rows whose runs hold the current row, the innermost last.
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (row, end) in ends.into_iter().enumerate() {
        while open.last().is_some_and(|&(_, last)| last < row) {
            open.pop();
        }
        parent[row] = open.last().map(|&(head, _)| head);
        if let Some(end) = end {
            open.push((row, end));
        }
    }
    Tree {
        parent,
        view: vec![false; rows],
        complete: true,
    }
}

/// Where a run's group row stands among the grouped rows, and how many
/// rows after it are in its run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Span {
    pub at: usize,
    pub rows: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, name: &str, value: i64, total: bool) -> ShownRow {
        ShownRow {
            line,
            dims: vec![name.to_string()],
            values: vec![Some(Decimal::from(value))],
            total,
            hint: false,
        }
    }

    fn runs_of(rows: &[ShownRow]) -> Option<Vec<Run>> {
        let totals: Vec<bool> = rows.iter().map(|r| r.total).collect();
        let counts: Vec<bool> = totals.iter().map(|t| !t).collect();
        let closing = (0..rows.len())
            .filter(|&i| rows[i].total)
            .map(|i| (i, rows[i].dims[0].to_uppercase()))
            .collect();
        closed_runs(
            rows,
            &counts,
            &totals,
            &vec![None; rows.len()],
            &[0],
            closing,
        )
    }

    #[test]
    fn sections_and_the_grand_total_close_nested_runs() {
        let rows = vec![
            row(2, "a", 1, false),
            row(3, "b", 2, false),
            row(4, "total 1", 3, true),
            row(5, "c", 4, false),
            row(6, "total 2", 4, true),
            row(7, "grand", 7, true),
        ];
        let runs = runs_of(&rows).unwrap();
        let spans: Vec<(usize, usize)> = runs.iter().map(|r| (r.start, r.total)).collect();
        assert_eq!(spans, vec![(0, 2), (3, 4), (0, 5)]);
        let (out, spans) = grouped(rows, 0, &runs, &[false; 6]);
        let spans: Vec<(usize, usize)> = spans.iter().map(|s| (s.at, s.rows)).collect();
        assert_eq!(spans, vec![(1, 2), (4, 1), (0, 5)]);
        let parents = tree(
            &[
                Span { at: 1, rows: 2 },
                Span { at: 4, rows: 1 },
                Span { at: 0, rows: 5 },
            ],
            6,
        )
        .parent;
        assert_eq!(parents, [None, Some(0), Some(1), Some(1), Some(0), Some(4)]);
        let names: Vec<&str> = out.iter().map(|r| r.dims[0].as_str()).collect();
        assert_eq!(names, ["GRAND", "TOTAL 1", "a", "b", "TOTAL 2", "c"]);
        assert_eq!(out[0].values, vec![Some(Decimal::from(7))]);
        assert!(out.iter().all(|r| !r.total));
    }

    #[test]
    fn a_total_that_equals_no_run_closes_none() {
        let rows = vec![
            row(2, "a", 1, false),
            row(3, "b", 2, false),
            row(4, "total", 4, true),
        ];
        assert_eq!(runs_of(&rows), Some(Vec::new()));
    }

    #[test]
    fn runs_of_the_same_name_are_told_apart_by_their_lines() {
        let rows = vec![
            row(2, "a", 1, false),
            row(3, "b", 2, false),
            row(4, "subtotal", 3, true),
            row(5, "c", 4, false),
            row(6, "subtotal", 4, true),
        ];
        let names: Vec<String> = runs_of(&rows)
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["SUBTOTAL (2–3)", "SUBTOTAL (5)"]);
    }

    #[test]
    fn runs_that_cross_are_not_nested() {
        let inside = vec![
            Run {
                total: 2,
                start: 0,
                name: String::new(),
            },
            Run {
                total: 4,
                start: 3,
                name: String::new(),
            },
            Run {
                total: 5,
                start: 0,
                name: String::new(),
            },
        ];
        assert!(nested(&inside));
        // The second starts inside the first and ends after it.
        let crossing = vec![
            Run {
                total: 3,
                start: 0,
                name: String::new(),
            },
            Run {
                total: 5,
                start: 2,
                name: String::new(),
            },
        ];
        assert!(!nested(&crossing));
    }
}
