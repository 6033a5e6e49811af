// An explorer's state: what is shown (the report, the level, the amount,
// the units, the sort) and what was chosen for reading (column corrections,
// hierarchy, sheet, package), with the choices made from a report.

export const DISPLAY_UNITS = ["korean", "won", "thousand", "million", "hundred_million"];
const MEASURE_PREFERENCE = ["final", "adopted", "current", "proposed", "supplementary", "previous", "executed"];

/** A fresh state, nothing read yet. */
export function createState() {
  return {
    report: null,
    source: null,
    overrides: {},
    by: null,
    /** The sheet of a spreadsheet chosen (its place from 1), or null: the first with a budget. */
    sheet: null,
    /** A Fiscal Data Package's descriptor dropped with its CSV, or null. */
    package: null,
    /** Files dropped beyond those read. */
    others: 0,
    measure: null,
    colorMode: "execution",
    display: "korean",
    focus: [],
    sort: { key: "amount", dir: "desc" },
    expanded: new Set(),
    /** Residents and households (digits), for amounts per head. */
    population: null,
    households: null,
    /** The item last found or answered (its path key), marked in the table. */
    selected: null,
    lastError: null,
    /** Options the embedding page set by attribute, kept for every read. */
    fixed: {},
  };
}

/** The options of a read: what the embedding page fixed (`growth`,
 * `execution`, the source's unit and currency), then the user's choices. */
export function readOptions(state) {
  const options = { ...state.fixed, columns: state.overrides };
  if (state.by) options.by = state.by;
  if (state.sheet != null) options.sheet = state.sheet;
  if (state.package) options.package = state.package;
  return options;
}

/** The node of the level in focus (as far down the path as it exists). */
export function focusNode(state) {
  let node = state.report.tree;
  for (const name of state.focus) {
    const next = node.children.find((child) => child.name === name);
    if (!next) break;
    node = next;
  }
  return node;
}

/** A level left empty in the file (계정명 blank under 일반회계) is passed
 * through: a part whose only item has no name shows that item's items, so
 * no "—" box fills the whole map and no empty step the breadcrumb. */
export function throughEmpty(state, path) {
  const out = [...path];
  state.focus = out;
  let node = focusNode(state);
  while (node.children.length === 1 && node.children[0].name === "" && node.children[0].children.length > 0) {
    out.push("");
    node = node.children[0];
  }
  return out;
}

export function chooseMeasure(state, report) {
  const amounts = report.columns.filter((c) => c.kind === "amount");
  if (amounts.some((c) => c.name === state.measure)) return state.measure;
  // With two years to compare, the later one is the budget people ask about.
  const growth = report.growth ?? report.groups.find((g) => g.growth)?.growth;
  if (growth) return growth.to;
  for (const role of MEASURE_PREFERENCE) {
    const column = amounts.find((c) => c.role === role);
    if (column) return column.name;
  }
  return amounts[0]?.name ?? null;
}

/** A budget split by side opens on its spending (where the money goes),
 * one split by year on the latest year: the parts are never one whole. */
export function splitFocus(report) {
  if (report.groups.length === 0) return [];
  const spending = report.groups.find((g) => g.side === "expense");
  return (spending ?? report.groups[report.groups.length - 1]).path.slice(0, 1);
}
