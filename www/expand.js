// The report's tree leaves the core module in a compact form
// (src/wasm/tree.rs): no node carries its path, and a node's amounts,
// counts and shares are arrays in the order of the tree's `amountNames`
// and `countNames`. That spares the module a JavaScript string for every
// column name and every name above a node, and a worker's message the
// copying of them. `expandReport` gives the report its documented shape:
// every node `{ name, code, path, depth, rows, amounts, counts,
// shareOfParent, shareOfTotal, growth, execution, children }`, its maps
// keyed by column name, its path the names from the top down to it. Each
// door calls it where the report arrives: the package's calls, and the
// page's and the package's workers' clients.

/** The report with its tree expanded, in place; anything else (a report
 * expanded already, another answer of a worker) as it is. */
export function expandReport(report) {
  const tree = report?.tree;
  if (!tree || !Array.isArray(tree.amountNames)) return report;
  const amounts = keyed(tree.amountNames);
  const counts = keyed(tree.countNames);
  report.tree = expand(tree.root, [], amounts, counts);
  return report;
}

function expand(node, path, amounts, counts) {
  const children = new Array(node.children.length);
  node.children.forEach((child, i) => {
    children[i] = expand(child, [...path, child.name], amounts, counts);
  });
  return {
    name: node.name,
    code: node.code,
    path,
    depth: node.depth,
    rows: node.rows,
    amounts: amounts(node.amounts),
    counts: counts(node.counts),
    shareOfParent: amounts(node.shareOfParent),
    shareOfTotal: amounts(node.shareOfTotal),
    growth: node.growth,
    execution: node.execution,
    children,
  };
}

/** Makes an array of values an object keyed by `names`, in their order
 * (a map that crossed as an object stays one). A column named `__proto__`
 * is defined as an own property: assigning it would set the prototype. */
function keyed(names) {
  return (values) => {
    if (!Array.isArray(values)) return values;
    const out = {};
    for (let i = 0; i < names.length; i++) {
      if (names[i] === "__proto__") Object.defineProperty(out, names[i], { value: values[i], writable: true, enumerable: true, configurable: true });
      else out[names[i]] = values[i];
    }
    return out;
  };
}
