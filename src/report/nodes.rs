//! The rollup tree as reported: each node's amounts, its shares of its
//! parent and of the whole (or of its part of a split budget), its growth,
//! execution and code, rounded for presentation here and only here.

use super::{exact, round, Named, NodeExecution, NodeGrowth, NodeReport};
use crate::analysis::codes::LevelCodes;
use crate::analysis::execution::{carried, execution};
use crate::analysis::growth::growth;
use crate::analysis::percent;
use crate::analysis::rollup::Node;
use crate::options::Precision;
use rust_decimal::Decimal;

pub(super) struct NodeContext<'a> {
    /// The amount columns' names: a node's first values.
    pub names: &'a [String],
    /// The count columns' names: a node's values after its amounts.
    pub counts: &'a [String],
    /// The codes of each level's names, where a code column codes it.
    pub codes: Vec<Option<LevelCodes<'a>>>,
    pub growth: Option<(usize, usize)>,
    pub execution: Option<(usize, usize, Vec<usize>)>,
    pub precision: Precision,
    /// The depth of the split: shares of the total are shares of the part
    /// of the budget a node is in.
    pub split: usize,
}

impl NodeReport {
    /// The nodes at `depth` below this one, in order.
    pub(super) fn collect_at<'a>(&'a self, depth: usize, out: &mut Vec<&'a NodeReport>) {
        if self.depth == depth {
            out.push(self);
        } else {
            for child in &self.children {
                child.collect_at(depth, out);
            }
        }
    }

    /// The root of a split budget: its amounts would add sides or years.
    pub(super) fn without_amounts(&mut self) {
        for (_, value) in self
            .amounts
            .0
            .iter_mut()
            .chain(self.share_of_parent.0.iter_mut())
            .chain(self.share_of_total.0.iter_mut())
        {
            *value = None;
        }
        self.growth = None;
        self.execution = None;
    }
}

impl NodeContext<'_> {
    pub(super) fn node(
        &self,
        node: &Node,
        parent: &[Option<Decimal>],
        total: &[Option<Decimal>],
        path: &[String],
    ) -> NodeReport {
        let named =
            |values: Vec<Option<String>>| Named(self.names.iter().cloned().zip(values).collect());
        let (amounts, counts) = node
            .amounts
            .split_at(self.names.len().min(node.amounts.len()));
        let share = |of: &[Option<Decimal>]| {
            named(
                amounts
                    .iter()
                    .zip(of)
                    .map(|(part, whole)| {
                        let p = percent((*part)?, (*whole)?)?;
                        Some(round(p, self.precision.share))
                    })
                    .collect(),
            )
        };
        let mut child_path = path.to_vec();
        if node.depth > 0 {
            child_path.push(node.name.clone());
        }
        let children = node
            .children
            .iter()
            .map(|child| {
                let total = if child.depth <= self.split {
                    &child.amounts
                } else {
                    total
                };
                let parent = if node.depth < self.split {
                    &child.amounts
                } else {
                    &node.amounts
                };
                self.node(child, parent, total, &child_path)
            })
            .collect();
        let rate = |value: Option<Decimal>| value.map(|v| round(v, self.precision.rate));
        NodeReport {
            name: node.name.clone(),
            code: node
                .depth
                .checked_sub(1)
                .and_then(|level| self.codes.get(level)?.as_ref())
                .and_then(|codes| codes.code_of(&node.name))
                .map(str::to_string),
            path: child_path,
            depth: node.depth,
            rows: node.rows,
            amounts: named(amounts.iter().map(|a| exact(*a)).collect()),
            counts: Named(
                self.counts
                    .iter()
                    .cloned()
                    .zip(counts.iter().map(|c| exact(*c)))
                    .collect(),
            ),
            share_of_parent: share(parent),
            share_of_total: share(total),
            growth: self.growth.map(|(from, to)| {
                let g = growth(node.amounts[from], node.amounts[to]);
                NodeGrowth {
                    status: g.status,
                    difference: exact(g.difference),
                    rate: rate(g.rate),
                }
            }),
            execution: self
                .execution
                .as_ref()
                .map(|(executed, budget, carried_out)| {
                    let e = execution(
                        node.amounts[*executed],
                        node.amounts[*budget],
                        carried(carried_out.iter().map(|&c| node.amounts[c])),
                    );
                    NodeExecution {
                        rate: rate(e.rate),
                        unspent: exact(e.unspent),
                    }
                }),
            children,
        }
    }
}
