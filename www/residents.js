// Amounts per resident and per household ("where does my money go"): an
// amount in base units (won) divided by a population typed in, exactly, in
// integers. All figures stay decimal strings.
import { inBaseUnits } from "./pkg/api.js";
import { divideRounded } from "./decimal.js";

/** A count typed in (`9,386,034`, `938만`?): digits only, above zero, or null. */
export function count(text) {
  const digits = String(text ?? "").replace(/[\s,._]/g, "");
  return /^[1-9]\d{0,14}$/.test(digits) ? digits : null;
}

/** `value` (in `unit`) for each of `people`, in base units (won), whole. */
export function perHead(value, unit, people) {
  if (value == null || people == null) return null;
  return divideRounded(inBaseUnits(value, unit ?? null), people);
}
