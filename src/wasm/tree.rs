//! The report's tree as it crosses into JavaScript, in a compact form that
//! `expandReport` (www/expand.js) turns back into the documented one:
//! - a node carries no `path` (the names of the nodes above it, which the
//!   tree itself gives);
//! - its amounts, counts and shares are arrays of values in the order of
//!   the tree's `amountNames` and `countNames`, not objects keyed by column
//!   name.
//!
//! Otherwise a tree of 20,000 nodes makes a JavaScript string for each
//! column name in each of a node's four maps and for each name above it,
//! and that creating of strings was half of `analyze`'s time for a report
//! by every level (a file of 1,839 lines: 9,899 nodes, 15.7 MB of JSON).
//! A map whose names are not the tree's crosses as an object, as before.

use crate::report::{Named, NodeReport};
use serde::ser::{SerializeSeq, SerializeStruct, Serializer};
use serde::Serialize;

/// The tree: the column names of its maps, and its root.
pub(super) struct Tree<'a>(pub &'a NodeReport);

impl Serialize for Tree<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let root = self.0;
        let names = Names {
            amounts: root
                .amounts
                .0
                .iter()
                .map(|(name, _)| name.as_str())
                .collect(),
            counts: root
                .counts
                .0
                .iter()
                .map(|(name, _)| name.as_str())
                .collect(),
        };
        let mut tree = serializer.serialize_struct("Tree", 3)?;
        tree.serialize_field("amountNames", &names.amounts)?;
        tree.serialize_field("countNames", &names.counts)?;
        tree.serialize_field(
            "root",
            &Node {
                node: root,
                names: &names,
            },
        )?;
        tree.end()
    }
}

struct Names<'a> {
    amounts: Vec<&'a str>,
    counts: Vec<&'a str>,
}

struct Node<'a> {
    node: &'a NodeReport,
    names: &'a Names<'a>,
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (node, names) = (self.node, self.names);
        let mut out = serializer.serialize_struct("Node", 11)?;
        out.serialize_field("name", &node.name)?;
        out.serialize_field("code", &node.code)?;
        out.serialize_field("depth", &node.depth)?;
        out.serialize_field("rows", &node.rows)?;
        out.serialize_field("amounts", &values(&node.amounts, &names.amounts))?;
        out.serialize_field("counts", &values(&node.counts, &names.counts))?;
        out.serialize_field(
            "shareOfParent",
            &values(&node.share_of_parent, &names.amounts),
        )?;
        out.serialize_field(
            "shareOfTotal",
            &values(&node.share_of_total, &names.amounts),
        )?;
        out.serialize_field("growth", &node.growth)?;
        out.serialize_field("execution", &node.execution)?;
        out.serialize_field("children", &Children { node, names })?;
        out.end()
    }
}

struct Children<'a> {
    node: &'a NodeReport,
    names: &'a Names<'a>,
}

impl Serialize for Children<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_seq(Some(self.node.children.len()))?;
        for child in &self.node.children {
            out.serialize_element(&Node {
                node: child,
                names: self.names,
            })?;
        }
        out.end()
    }
}

fn values<'a>(named: &'a Named, keys: &'a [&'a str]) -> Values<'a> {
    Values { named, keys }
}

/// A map's values in the order of `keys` when its names are those keys;
/// else the map itself.
struct Values<'a> {
    named: &'a Named,
    keys: &'a [&'a str],
}

impl Serialize for Values<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let pairs = &self.named.0;
        let same = pairs.len() == self.keys.len()
            && pairs
                .iter()
                .zip(self.keys)
                .all(|((name, _), key)| name == key);
        if !same {
            return self.named.serialize(serializer);
        }
        let mut out = serializer.serialize_seq(Some(pairs.len()))?;
        for (_, value) in pairs {
            out.serialize_element(value)?;
        }
        out.end()
    }
}
