// Amounts as an explorer writes them: in the unit the user chose, exactly,
// in won, and per resident. Exact decimal strings throughout (format.js).
import { amountText, exactText } from "./format.js";
import { perHead } from "./residents.js";

export function unitCode(view) {
  return view.state.report.unit?.code ?? null;
}

export function amount(view, value) {
  return amountText(value, unitCode(view), view.state.display, view.state.report.currency, view.t.lang);
}

export function exact(view, value) {
  return exactText(value, unitCode(view), view.state.report.currency, view.t.lang);
}

/** What the amounts are in: 천원, or a currency and its scale, or unknown. */
export function unitLabel(view, r) {
  if (r.currency && r.currency !== "KRW") {
    const factor = r.unit?.factor.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return factor && factor !== "1" ? `${r.currency} × ${factor}` : r.currency;
  }
  if (r.unit) return r.unit.label;
  return r.currency === "KRW" ? view.t("unitUnknown") : view.t("unitUnstated");
}

/** An amount in won (base units) as the display writes it. */
export function won(view, value) {
  return amountText(value, "won", view.state.display, view.state.report.currency, view.t.lang);
}

/** The amount of each resident (and household), in won, when a population is given. */
export function residentShare(view, value) {
  if (value == null || !view.state.population) return null;
  const resident = won(view, perHead(value, unitCode(view), view.state.population));
  const household = view.state.households ? won(view, perHead(value, unitCode(view), view.state.households)) : null;
  return { resident, household, count: Number(view.state.population).toLocaleString() };
}
