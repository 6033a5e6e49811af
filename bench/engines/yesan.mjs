// yesan: the WASM package (pkg/) in Node, exact decimals throughout.
import { readFileSync } from "node:fs";

// The generated file mixes five years in 회계연도; yesan keeps years apart by
// default, so the same question as the other engines (all rows added up) is
// asked by reading that column as a plain dimension.
const YEARS_AS_TEXT = { "회계연도": { kind: "dimension" } };

export async function run(path, by) {
  const t0 = performance.now();
  const yesan = await import(new URL("../../pkg/yesan.js", import.meta.url));
  const { expandReport } = await import(new URL("../../pkg/expand.js", import.meta.url));
  yesan.initSync({ module: readFileSync(new URL("../../pkg/yesan_bg.wasm", import.meta.url)) });
  const ready = performance.now() - t0;
  const bytes = readFileSync(path);
  const t1 = performance.now();
  // Files above the default 256 MiB limit are read with the limit raised.
  const report = expandReport(yesan.analyze(bytes, { by, columns: YEARS_AS_TEXT, limits: { maxBytes: Math.max(bytes.length, 268435456) } }));
  const t2 = performance.now();
  const total = (name) => report.totals.find((t) => t.column === name)?.value;
  const groups = report.tree.children.reduce((n, c) => n + c.children.length, 0);
  return {
    ready,
    work: t2 - t1,
    groups,
    totals: [total("예산액"), total("예산현액"), total("집행액")],
  };
}
