// Numbers for people, as the package writes them (pkg/money.js), from the
// core compiled once (core.js); and the rate's percent sign.
import init from "./pkg/yesan.js";
import { compiled } from "./core.js";
export { formatMoney as amountText, exactMoney as exactText } from "./pkg/money.js";

export const ready = compiled.then((module) => init({ module_or_path: module }));

/** A rounded rate from the report, with a percent sign. */
export function rateText(rate) {
  return rate == null ? "—" : `${rate}%`;
}
