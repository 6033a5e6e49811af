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
