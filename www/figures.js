// Amounts as an explorer writes them: in the unit the user chose, exactly,
// in won, and per resident. Exact decimal strings throughout (format.js).
import { amountText, exactText } from "./format.js";
import { perHead, count } from "./residents.js";

export function unitCode(view) {
  return view.state.report.unit?.code ?? null;
}

export function amount(view, value) {
  return amountText(value, unitCode(view), view.state.display, view.state.report.currency, view.t.lang);
}

export function exact(view, value) {
  return exactText(value, unitCode(view), view.state.report.currency, view.t.lang);
}

/** What the amounts are in: 천원, or a currency and its scale (the scale
 * alone where no currency is stated), or unknown. */
export function unitLabel(view, r) {
  if (r.currency !== "KRW" && (r.currency || r.unit)) {
    const factor = r.unit?.factor.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const scaled = factor && factor !== "1" ? `× ${factor}` : "";
    return [r.currency, scaled].filter(Boolean).join(" ") || view.t("unitUnstated");
  }
  // The file's own word in Korean (천원); the same unit in English.
  if (r.unit) return view.t.lang === "en" ? view.t(`unitNames.${r.unit.code}`) : r.unit.label;
  return r.currency === "KRW" ? view.t("unitUnknown") : view.t("unitUnstated");
}

/** An amount in won (base units), to the won: a share per head is small
 * enough to be read whole (116,679원, not 12만원). */
export function won(view, value) {
  return exactText(value, "won", view.state.report.currency, view.t.lang);
}

/** The count column of `role` ("population" or "households"), or null. */
function countColumn(report, role) {
  return report.columns.find((c) => c.kind === "count" && c.role === role)?.name ?? null;
}

/** The residents and households of `node`: a number typed in (or given by
 * the page) counts for every item; else the node's own count columns
 * (인구, 세대수), whole numbers only. `column` names the one used. */
export function headsOf(view, node) {
  const { state } = view;
  const from = (role, typed) => {
    if (typed) return { value: typed, column: null };
    const column = countColumn(state.report, role);
    return { value: column ? count(node?.counts?.[column] ?? "") : null, column };
  };
  const people = from("population", state.population);
  return { population: people.value, households: from("households", state.households).value, column: people.column };
}

/** `value` of `node` per resident, in won, or null with no population. */
export function perResident(view, value, node) {
  return perHead(value, unitCode(view), headsOf(view, node).population);
}

/** The amount of each resident (and household) of `node` (the whole by
 * default), in won, when a population is given or is a column. */
export function residentShare(view, value, node = view.state.report.tree) {
  const heads = headsOf(view, node);
  if (value == null || !heads.population) return null;
  const resident = won(view, perHead(value, unitCode(view), heads.population));
  const household = heads.households ? won(view, perHead(value, unitCode(view), heads.households)) : null;
  return { resident, household, count: Number(heads.population).toLocaleString(), column: heads.column };
}
