// Numbers for people: the WASM core formats exact decimal strings (Korean
// units, display units, exact won); this module only caches and wraps it.
import init, { formatAmount, exactWon } from "./pkg/yesan.js";

export const ready = init();
const cache = new Map();

/** An amount (exact decimal string in `unit`) in the chosen display. */
export function amountText(value, unit, display) {
  if (value == null) return "—";
  const key = `${value}|${unit}|${display}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = formatAmount(value, unit ?? null, display, display === "korean" ? 0 : display === "won" ? 0 : 1);
    if (cache.size > 50000) cache.clear();
    cache.set(key, text);
  }
  return text;
}

/** The exact amount in won, for hover and focus. */
export function exactText(value, unit) {
  return value == null ? "" : exactWon(value, unit ?? null);
}

/** A rounded rate from the report, with a percent sign. */
export function rateText(rate) {
  return rate == null ? "—" : `${rate}%`;
}
