//! The report's tree as it crosses into JavaScript, packed; `expandReport`
//! (www/expand.js) unpacks it into the documented shape.
//!
//! Made node by node as objects, a tree of 20,000 nodes cost a JavaScript
//! string, made by its own call out of the module, for each column name in
//! each of a node's four maps, each name above it, and each figure: that was
//! half of `analyze`'s time for a report by every level. Packed, every
//! string of the tree crosses as one text, and the rest as two arrays of
//! numbers:
//! - `text`: the node's strings one after the other, in depth-first order:
//!   name, code, amounts, counts, shares of the parent and of the total (in
//!   the order of `amountNames` and `countNames`), then the growth's status,
//!   difference and rate when it has growth, and the execution's rate and
//!   unspent amount when it has execution;
//! - `lengths`: each of those strings' length in UTF-16 code units (as
//!   JavaScript counts), [`NULL`] for none;
//! - `shape`: four numbers per node: depth, rows, children, and flags
//!   ([`GROWTH`], [`EXECUTION`]).
//!
//! A node carries no path: the tree gives it. Every node's maps are keyed by
//! the same column names as the root's, as the report makes them; a value
//! is still looked up by its name where a map's names were not in that
//! order.

use crate::report::{Named, NodeReport};
use js_sys::{Object, Uint32Array};
use wasm_bindgen::JsValue;

/// The length of a string that is not there (`null`).
pub const NULL: u32 = u32::MAX;
/// The node has growth.
pub const GROWTH: u32 = 1;
/// The node has execution.
pub const EXECUTION: u32 = 2;

/// The tree packed.
pub(super) fn packed(root: &NodeReport) -> JsValue {
    let names = Names {
        amounts: root.amounts.0.iter().map(|(n, _)| n.as_str()).collect(),
        counts: root.counts.0.iter().map(|(n, _)| n.as_str()).collect(),
    };
    let mut pack = Pack::default();
    pack.node(root, &names);
    let out = Object::new();
    super::set(&out, "amountNames", strings(&names.amounts));
    super::set(&out, "countNames", strings(&names.counts));
    super::set(&out, "text", JsValue::from_str(&pack.text));
    super::set(&out, "lengths", Uint32Array::from(&pack.lengths[..]).into());
    super::set(&out, "shape", Uint32Array::from(&pack.shape[..]).into());
    out.into()
}

fn strings(values: &[&str]) -> JsValue {
    values
        .iter()
        .map(|v| JsValue::from_str(v))
        .collect::<js_sys::Array>()
        .into()
}

struct Names<'a> {
    amounts: Vec<&'a str>,
    counts: Vec<&'a str>,
}

#[derive(Default)]
struct Pack {
    text: String,
    lengths: Vec<u32>,
    shape: Vec<u32>,
}

impl Pack {
    /// Packs a node and those below it.
    fn node(&mut self, node: &NodeReport, names: &Names<'_>) {
        let flags = node.growth.as_ref().map_or(0, |_| GROWTH)
            | node.execution.as_ref().map_or(0, |_| EXECUTION);
        self.shape.extend([
            count(node.depth),
            count(node.rows),
            count(node.children.len()),
            flags,
        ]);
        self.string(Some(&node.name));
        self.string(node.code.as_deref());
        self.values(&node.amounts, &names.amounts);
        self.values(&node.counts, &names.counts);
        self.values(&node.share_of_parent, &names.amounts);
        self.values(&node.share_of_total, &names.amounts);
        if let Some(growth) = &node.growth {
            self.string(Some(growth.status.as_str()));
            self.string(growth.difference.as_deref());
            self.string(growth.rate.as_deref());
        }
        if let Some(execution) = &node.execution {
            self.string(execution.rate.as_deref());
            self.string(execution.unspent.as_deref());
        }
        for child in &node.children {
            self.node(child, names);
        }
    }

    /// A map's values in the order of `keys`.
    fn values(&mut self, named: &Named, keys: &[&str]) {
        for (i, key) in keys.iter().enumerate() {
            let value = match named.0.get(i) {
                Some((name, value)) if name == key => value.as_deref(),
                _ => named.get(key),
            };
            self.string(value);
        }
    }

    fn string(&mut self, value: Option<&str>) {
        let Some(value) = value else {
            self.lengths.push(NULL);
            return;
        };
        self.text.push_str(value);
        // UTF-16 code units: one per byte of ASCII.
        let units = if value.is_ascii() {
            value.len()
        } else {
            value.encode_utf16().count()
        };
        self.lengths.push(count(units));
    }
}

/// A count of the module's memory (32-bit in WebAssembly) as a `u32`.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NULL)
}
