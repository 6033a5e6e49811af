// Numbers for people, as the package writes them (pkg/money.js): this
// module compiles the core once for the page — the analysis workers are
// handed the same compiled module (analyst.js) — and adds the rate's
// percent sign.
import init from "./pkg/yesan.js";
export { formatMoney as amountText, exactMoney as exactText } from "./pkg/money.js";

/** The core compiled, streamed from beside the glue when the server says
 * it is WebAssembly, else from its bytes. */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  if (response.headers.get("Content-Type")?.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

export const compiled = compile(new URL("./pkg/yesan_bg.wasm", import.meta.url));

export const ready = compiled.then((module) => init({ module_or_path: module }));

/** A rounded rate from the report, with a percent sign. */
export function rateText(rate) {
  return rate == null ? "—" : `${rate}%`;
}
