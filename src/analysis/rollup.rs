//! The rollup: every node of a hierarchy (dimension columns, outermost
//! first) with the subtotal (소계) of every amount column. Children keep the
//! order in which they first appear in the file, but for years, which are
//! put in time order ([`order_years`]).

use super::groups::{group, Grouping};
use super::sum::Sum;
use crate::budget::{Budget, Dimension};
use crate::columns::profile::year_of;
use crate::columns::ColumnKind;
use crate::error::Error;
use crate::values::Values;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// One node of the rollup tree. The root is the whole budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The dimension value; empty for the root.
    pub name: String,
    /// Depth in the tree: 0 for the root.
    pub depth: usize,
    /// Number of data rows under this node.
    pub rows: usize,
    /// Subtotal per amount column, then per count column (in the order of
    /// [`rolled_columns`]); `None` when no row under the node gives a value.
    pub amounts: Vec<Option<Decimal>>,
    pub children: Vec<Node>,
}

/// The amount columns a rollup adds up, in file order.
pub fn amount_columns(budget: &Budget) -> Vec<usize> {
    budget
        .measures
        .iter()
        .filter(|m| budget.columns[m.column].kind == ColumnKind::Amount)
        .map(|m| m.column)
        .collect()
}

struct Draft {
    name_id: u32,
    rows: usize,
    sums: Vec<Sum>,
    children: Vec<usize>,
    lookup: FxHashMap<u32, usize>,
}

impl Draft {
    fn new(name_id: u32, width: usize) -> Draft {
        Draft {
            name_id,
            rows: 0,
            sums: vec![Sum::default(); width],
            children: Vec::new(),
            lookup: FxHashMap::default(),
        }
    }
}

/// The count columns (인구, 세대수), in file order.
pub fn count_columns(budget: &Budget) -> Vec<usize> {
    budget
        .measures
        .iter()
        .filter(|m| budget.columns[m.column].kind == ColumnKind::Count)
        .map(|m| m.column)
        .collect()
}

/// The columns a rollup adds up: the amounts, then the counts.
pub fn rolled_columns(budget: &Budget) -> Vec<usize> {
    let mut columns = amount_columns(budget);
    columns.extend(count_columns(budget));
    columns
}

/// Rolls the budget up along `by` (column indices of dimension columns,
/// outermost first). The rows are grouped by their labels at every level
/// ([`group`]); each group's path is made at its first row, in file order,
/// and its sums (one pass per column) are added at its leaf, then summed
/// upwards.
pub fn rollup(budget: &Budget, by: &[usize]) -> Result<Node, Error> {
    let dimensions: Vec<_> = by.iter().filter_map(|&c| budget.dimension(c)).collect();
    rollup_grouped(budget, by, group(&dimensions, budget.rows()))
}

/// [`rollup`] with the rows already grouped by the levels of `by` (as
/// counting the levels of a large tree groups them).
pub fn rollup_grouped(budget: &Budget, by: &[usize], grouping: Grouping) -> Result<Node, Error> {
    let columns = rolled_columns(budget);
    let measures: Vec<&Values> = columns
        .iter()
        .filter_map(|&c| budget.measure(c).map(|m| &m.values))
        .collect();
    let dimensions: Vec<_> = by.iter().filter_map(|&c| budget.dimension(c)).collect();
    let width = measures.len();
    let mut drafts = vec![Draft::new(0, width)];
    let leaves: Vec<usize> = grouping
        .first_rows
        .iter()
        .map(|&row| path(&mut drafts, budget, &dimensions, row))
        .collect();
    for (&leaf, &rows) in leaves.iter().zip(&grouping.sizes) {
        drafts[leaf].rows += rows;
    }
    for (m, values) in measures.iter().enumerate() {
        let sums = values.sums_by(&grouping.of_row, grouping.len())?;
        for (&leaf, (sum, _)) in leaves.iter().zip(&sums) {
            drafts[leaf].sums[m].add_sum(sum)?;
        }
    }
    Ok(build(&drafts, 0, 0, &dimensions)?.0)
}

/// Puts the items of the year levels in time order (`years[k]`: level `k`,
/// at depth `k + 1`, is a year column), where every item there names a
/// year; the other levels keep the order the file first gives them in. A
/// file of several years mixes them (2024, 2020, 2022, …) as often as it
/// sorts them, and read in its order, their totals, growth and execution
/// came out of order.
pub fn order_years(node: &mut Node, years: &[bool]) {
    let Some((&here, below)) = years.split_first() else {
        return;
    };
    if here {
        // (year, place) pairs: sorted, the same years keep the file's order.
        let keys: Option<Vec<(i32, usize)>> = (node.children.iter().enumerate())
            .map(|(i, c)| Some((year_of(&c.name)?, i)))
            .collect();
        if let Some(mut keys) = keys {
            keys.sort();
            let mut taken: Vec<Option<Node>> = node.children.drain(..).map(Some).collect();
            node.children = keys.iter().filter_map(|&(_, i)| taken[i].take()).collect();
        }
    }
    for child in &mut node.children {
        order_years(child, below);
    }
}

/// The draft of `row`'s node, made with the nodes above it when new.
fn path(drafts: &mut Vec<Draft>, budget: &Budget, dimensions: &[&Dimension], row: usize) -> usize {
    let width = drafts[0].sums.len();
    let mut at = 0;
    for dimension in dimensions {
        let id = dimension.id(row);
        // A rebuilt hierarchy is ragged: a path ends at its first empty level.
        if budget.ragged && dimension.label(id).is_empty() {
            break;
        }
        at = match drafts[at].lookup.get(&id) {
            Some(&child) => child,
            None => {
                let child = drafts.len();
                drafts.push(Draft::new(id, width));
                drafts[at].lookup.insert(id, child);
                drafts[at].children.push(child);
                child
            }
        };
    }
    at
}

fn build(
    drafts: &[Draft],
    at: usize,
    depth: usize,
    dimensions: &[&Dimension],
) -> Result<(Node, Vec<Sum>), Error> {
    let draft = &drafts[at];
    let mut sums = draft.sums.clone();
    let mut rows = draft.rows;
    let mut children = Vec::with_capacity(draft.children.len());
    for &child in &draft.children {
        let (node, child_sums) = build(drafts, child, depth + 1, dimensions)?;
        rows += node.rows;
        for (sum, child_sum) in sums.iter_mut().zip(&child_sums) {
            sum.add_sum(child_sum)?;
        }
        children.push(node);
    }
    let amounts = sums.iter().map(Sum::value).collect::<Result<Vec<_>, _>>()?;
    let name = match depth.checked_sub(1).and_then(|level| dimensions.get(level)) {
        Some(dimension) => dimension.label(draft.name_id).to_string(),
        None => String::new(),
    };
    let node = Node {
        name,
        depth,
        rows,
        amounts,
        children,
    };
    Ok((node, sums))
}
