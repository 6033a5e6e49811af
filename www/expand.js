// The report's tree leaves the core module packed (src/wasm/tree.rs says
// how): every string of the tree in one text, their lengths and the tree's
// shape in two arrays of numbers. Made node by node, a tree of 20,000 nodes
// cost the module a call and a new string for every column name in every
// node's maps and every figure, and a worker's message the copying of all
// of them. `expandReport` gives the report its documented shape: every node
// `{ name, code, path, depth, rows, amounts, counts, shareOfParent,
// shareOfTotal, growth, execution, children }`, its maps keyed by column
// name, its path the names from the top down to it. Each door calls it
// where the report arrives: the package's calls, and the page's and the
// package's workers' clients.

/** The length of a string that is not there (src/wasm/tree.rs). */
const NULL = 0xffffffff;
const GROWTH = 1;
const EXECUTION = 2;

/** The report with its tree unpacked, in place; anything else (a report
 * unpacked already, another answer of a worker) as it is. */
export function expandReport(report) {
  const tree = report?.tree;
  if (!tree || typeof tree.text !== "string") return report;
  const reader = { text: tree.text, lengths: tree.lengths, shape: tree.shape, at: 0, string: 0, node: 0 };
  const amounts = keyed(tree.amountNames);
  const counts = keyed(tree.countNames);
  report.tree = unpack(reader, [], amounts, counts);
  return report;
}

/** The next node and those below it; `path`: the names above it. */
function unpack(r, above, amounts, counts) {
  const at = 4 * r.node++;
  const [depth, rows, children, flags] = [r.shape[at], r.shape[at + 1], r.shape[at + 2], r.shape[at + 3]];
  const name = next(r);
  const path = depth > 0 ? [...above, name] : above;
  const node = {
    name,
    code: next(r),
    path,
    depth,
    rows,
    amounts: amounts(r),
    counts: counts(r),
    shareOfParent: amounts(r),
    shareOfTotal: amounts(r),
    growth: flags & GROWTH ? { status: next(r), difference: next(r), rate: next(r) } : null,
    execution: flags & EXECUTION ? { rate: next(r), unspent: next(r) } : null,
    children: new Array(children),
  };
  for (let i = 0; i < children; i++) node.children[i] = unpack(r, path, amounts, counts);
  return node;
}

/** The next string of the text, or null. */
function next(r) {
  const length = r.lengths[r.string++];
  if (length === NULL) return null;
  const value = r.text.substring(r.at, r.at + length);
  r.at += length;
  return value;
}

/** Reads the next values into an object keyed by `names`, in their order.
 * A column named `__proto__` is defined as an own property: assigning it
 * would set the object's prototype. */
function keyed(names) {
  return (r) => {
    const out = {};
    for (const name of names) {
      if (name === "__proto__") Object.defineProperty(out, name, { value: next(r), writable: true, enumerable: true, configurable: true });
      else out[name] = next(r);
    }
    return out;
  };
}
