//! Rebuilding a report table's hierarchy from its sums. Report rows come as
//! a flat list, parent first: a parent's amount equals the sum of the
//! consecutive subtrees below it, within the table's rounding (each shown
//! amount stands for ± half of its last digit). Names such as 합계, 계, 소계
//! are hints, not rules: a hinted row may be a parent when some of its
//! amounts add up, and the audit then reports the ones that do not.
//!
//! Among all consistent trees the one that places the most rows under a
//! sum (the fewest rows left at the top) is taken. A grand total followed first by one breakdown (사업예산,
//! 기본경비) and then by another that adds up to it too (the departments)
//! keeps the second as its children and marks the first as a second view.

use rust_decimal::Decimal;

/// One row: its shown amounts (one per amount column) and whether its name
/// or look suggests a total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub values: Vec<Option<Decimal>>,
    pub hint: bool,
}

/// The rebuilt tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// Each row's parent; `None` for the top level.
    pub parent: Vec<Option<usize>>,
    /// Rows that are a second breakdown of their parent, not its children.
    pub view: Vec<bool>,
    /// False when the search was cut short (a very large or odd table).
    pub complete: bool,
}

impl Tree {
    /// Whether row `i` has children.
    pub fn is_parent(&self, i: usize) -> bool {
        self.parent.contains(&Some(i))
    }

    /// The children of row `i`, in order (second-view rows not included).
    pub fn children(&self, i: usize) -> Vec<usize> {
        (0..self.parent.len())
            .filter(|&j| self.parent[j] == Some(i) && !self.view[j])
            .collect()
    }

    /// Depth of row `i`: 0 at the top level.
    pub fn depth(&self, mut i: usize) -> usize {
        let mut depth = 0;
        while let Some(p) = self.parent[i] {
            depth += 1;
            i = p;
        }
        depth
    }
}

/// How many search steps a table may take before the search is cut short.
const STEP_BUDGET: usize = 200_000;
/// How many cells (a candidate child's amount in one column) the search may
/// compare before it is cut short: a step's work grows with the run of
/// children it tries, which negative amounts keep from being pruned.
pub const WORK_BUDGET: usize = 5_000_000;
/// How many ways to end a subtree are kept per row.
const OPTIONS_PER_ROW: usize = 6;

/// Half of the last shown digit: `41,018` ± 0.5, `53.07` ± 0.005.
pub fn half_unit(value: Decimal) -> Decimal {
    Decimal::new(5, (value.scale() + 1).min(28))
}

/// `[value − half, value + half]`, or `None` at the edge of the range.
fn around(value: Decimal) -> Option<(Decimal, Decimal)> {
    let half = half_unit(value);
    Some((value.checked_sub(half)?, value.checked_add(half)?))
}

/// Whether the shown parent can be the sum of the shown children, column by
/// column: `(columns that agree, columns that do not)`. A column counts only
/// where the parent and at least one child give a value.
pub fn agreement(rows: &[Row], parent: usize, children: &[usize]) -> (usize, usize, bool) {
    let mut agree = 0;
    let mut disagree = 0;
    let mut nonzero = false;
    for (c, shown) in rows[parent].values.iter().enumerate() {
        let Some(shown) = shown else { continue };
        let mut low = Decimal::ZERO;
        let mut high = Decimal::ZERO;
        let mut any = false;
        for &child in children {
            if let Some(Some(value)) = rows[child].values.get(c) {
                let Some((l, h)) = around(*value)
                    .and_then(|(l, h)| Some((low.checked_add(l)?, high.checked_add(h)?)))
                else {
                    return (0, 1, false);
                };
                low = l;
                high = h;
                any = true;
            }
        }
        if !any {
            continue;
        }
        let Some((shown_low, shown_high)) = around(*shown) else {
            return (0, 1, false);
        };
        if shown_high >= low && shown_low <= high {
            agree += 1;
            nonzero |= !shown.is_zero();
        } else {
            disagree += 1;
        }
    }
    (agree, disagree, nonzero)
}

fn is_sum(rows: &[Row], parent: usize, children: &[usize]) -> bool {
    // A row equal to the one row below it is a coincidence more often than
    // a sum; only a row that says it is a total may have a single child.
    if children.len() < 2 && !rows[parent].hint {
        return false;
    }
    let (agree, disagree, nonzero) = agreement(rows, parent, children);
    nonzero && agree > 0 && (disagree == 0 || rows[parent].hint)
}

/// One way a subtree rooted at a row can end: the end (exclusive), the
/// roots of its child subtrees, and how many rows it places under a sum.
#[derive(Debug, Clone)]
struct Ending {
    end: usize,
    children: Vec<usize>,
    score: usize,
}

struct Search<'a> {
    rows: &'a [Row],
    endings: Vec<Vec<Ending>>,
    steps: usize,
    /// Cells compared so far (see [`WORK_BUDGET`]).
    work: usize,
    columns: usize,
}

impl Search<'_> {
    fn best_score(&self, row: usize, end: usize) -> Option<usize> {
        self.endings[row]
            .iter()
            .filter(|e| e.end == end)
            .map(|e| e.score)
            .max()
    }

    /// Tries every run of child subtrees from `at` that adds up to `parent`.
    fn children(
        &mut self,
        parent: usize,
        at: usize,
        chosen: &mut Vec<(usize, usize)>,
        found: &mut Vec<Ending>,
    ) {
        self.steps += 1;
        self.work = self
            .work
            .saturating_add((chosen.len() + 1).saturating_mul(self.columns));
        if self.steps > STEP_BUDGET || self.work > WORK_BUDGET {
            return;
        }
        if !chosen.is_empty() {
            let roots: Vec<usize> = chosen.iter().map(|(root, _)| *root).collect();
            if is_sum(self.rows, parent, &roots) {
                let score = chosen.len()
                    + chosen
                        .iter()
                        .map(|&(root, end)| self.best_score(root, end).unwrap_or(0))
                        .sum::<usize>();
                found.push(Ending {
                    end: at,
                    children: roots.clone(),
                    score,
                });
            }
            if self.past(parent, &roots) {
                return;
            }
        }
        if at >= self.rows.len() {
            return;
        }
        let ends: Vec<usize> = self.endings[at].iter().map(|e| e.end).collect();
        let mut seen = Vec::new();
        for end in ends {
            if seen.contains(&end) {
                continue;
            }
            seen.push(end);
            chosen.push((at, end));
            self.children(parent, end, chosen, found);
            chosen.pop();
        }
    }

    /// Whether adding more non-negative children can only overshoot the
    /// parent in every column it shows.
    fn past(&self, parent: usize, roots: &[usize]) -> bool {
        let mut any = false;
        for (c, shown) in self.rows[parent].values.iter().enumerate() {
            let Some(shown) = shown else { continue };
            let mut low = Decimal::ZERO;
            for &root in roots {
                match self.rows[root].values.get(c) {
                    Some(Some(v)) if v.is_sign_negative() => return false,
                    Some(Some(v)) => low = low.saturating_add(v.saturating_sub(half_unit(*v))),
                    _ => {}
                }
            }
            if shown.is_sign_negative() {
                return false;
            }
            if low <= shown.saturating_add(half_unit(*shown)) {
                return false;
            }
            any = true;
        }
        any
    }
}

/// Rebuilds the tree of a flat list of rows, parent first.
pub fn rebuild(rows: &[Row]) -> Tree {
    let n = rows.len();
    let mut search = Search {
        rows,
        endings: vec![Vec::new(); n],
        steps: 0,
        work: 0,
        columns: rows.first().map_or(1, |r| r.values.len().max(1)),
    };
    for i in (0..n).rev() {
        let mut found = vec![Ending {
            end: i + 1,
            children: Vec::new(),
            score: 0,
        }];
        search.children(i, i + 1, &mut Vec::new(), &mut found);
        found.sort_by(|a, b| b.score.cmp(&a.score).then(b.end.cmp(&a.end)));
        found.truncate(OPTIONS_PER_ROW);
        search.endings[i] = found;
    }
    let complete = search.steps <= STEP_BUDGET && search.work <= WORK_BUDGET;

    // The top level: the partition of all rows into subtrees that places the
    // most rows under a sum (ties: fewer top-level rows).
    let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; n + 1];
    best[n] = Some((0, 0, n));
    for k in (0..n).rev() {
        for ending in &search.endings[k] {
            if let Some((score, roots, _)) = best[ending.end] {
                let candidate = (ending.score + score, roots + 1, ending.end);
                let better = match best[k] {
                    None => true,
                    Some((s, r, _)) => candidate.0 > s || (candidate.0 == s && candidate.1 < r),
                };
                if better {
                    best[k] = Some(candidate);
                }
            }
        }
    }
    let mut parent = vec![None; n];
    let mut view = vec![false; n];
    let mut tops = Vec::new();
    let mut k = 0;
    while k < n {
        let Some((_, _, end)) = best[k] else { break };
        tops.push(k);
        assign(&search, k, end, &mut parent);
        k = end;
    }
    // A first top-level row whose own subtree is one breakdown, followed by
    // top-level rows that add up to it again: they are its children, and
    // its first breakdown is a second view.
    if let Some((&first, rest)) = tops.split_first() {
        if !rest.is_empty() && is_sum(rows, first, rest) {
            for j in 0..n {
                if parent[j] == Some(first) {
                    view[j] = true;
                }
            }
            for &r in rest {
                parent[r] = Some(first);
            }
        }
    }
    Tree {
        parent,
        view,
        complete,
    }
}

/// Records the parents of the subtree `[row, end)` with its best ending.
fn assign(search: &Search<'_>, row: usize, end: usize, parent: &mut [Option<usize>]) {
    let Some(ending) = search.endings[row]
        .iter()
        .filter(|e| e.end == end)
        .max_by_key(|e| e.score)
    else {
        return;
    };
    let ends: Vec<usize> = ending
        .children
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(end))
        .collect();
    for (&child, &child_end) in ending.children.iter().zip(&ends) {
        parent[child] = Some(row);
        assign(search, child, child_end, parent);
    }
}

#[cfg(test)]
mod tests;
