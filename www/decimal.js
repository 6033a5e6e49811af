// Ordering exact decimal strings (amounts and rates from the report)
// without turning them into floats.

/** Compares two exact decimal strings; `null` sorts first. */
export function compareDecimal(a, b) {
  if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
  const negA = a.startsWith("-");
  const negB = b.startsWith("-");
  if (negA !== negB) return negA ? -1 : 1;
  const [ia, fa = ""] = (negA ? a.slice(1) : a).split(".");
  const [ib, fb = ""] = (negB ? b.slice(1) : b).split(".");
  const intA = ia.replace(/^0+(?=\d)/, "");
  const intB = ib.replace(/^0+(?=\d)/, "");
  let order = intA.length - intB.length;
  if (order === 0) order = intA < intB ? -1 : intA > intB ? 1 : 0;
  if (order === 0) {
    const width = Math.max(fa.length, fb.length);
    const pa = fa.padEnd(width, "0");
    const pb = fb.padEnd(width, "0");
    order = pa < pb ? -1 : pa > pb ? 1 : 0;
  }
  return negA ? -order : order;
}

/**
 * An exact decimal string divided by a whole number, rounded half up to
 * `places` decimals, in integers (BigInt), never through a float:
 * `divideRounded("225941254764000", "51000000")` → `"4430221"`.
 */
export function divideRounded(value, divisor, places = 0) {
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = (negative ? value.slice(1) : value).split(".");
  const scaled = BigInt(whole + fraction) * 10n ** BigInt(places);
  const by = BigInt(divisor) * 10n ** BigInt(fraction.length);
  let quotient = scaled / by;
  if ((scaled % by) * 2n >= by) quotient += 1n;
  let digits = quotient.toString().padStart(places + 1, "0");
  if (places > 0) digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && quotient !== 0n ? `-${digits}` : digits;
}
