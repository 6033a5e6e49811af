// Numbers for people, as the package writes them (pkg/money.js): this
// module loads the WASM module once and adds the rate's percent sign.
import init from "./pkg/yesan.js";
export { formatMoney as amountText, exactMoney as exactText } from "./pkg/money.js";

export const ready = init();

/** A rounded rate from the report, with a percent sign. */
export function rateText(rate) {
  return rate == null ? "—" : `${rate}%`;
}
