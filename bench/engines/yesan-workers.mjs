// yesan on worker threads: yesan/worker in Node (pkg/worker-node.js), the
// file read in parts by one thread per core (this machine: 2), the same
// report as one thread's. `ready` is the module compiled; the threads start
// within `work`.
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

const YEARS_AS_TEXT = { "회계연도": { kind: "dimension" } };

export async function run(path, by) {
  const t0 = performance.now();
  const { analyzeInWorker } = await import(new URL("../../pkg/worker-node.js", import.meta.url));
  const ready = performance.now() - t0;
  const bytes = readFileSync(path);
  const t1 = performance.now();
  const options = { by, columns: YEARS_AS_TEXT, limits: { maxBytes: Math.max(bytes.length, 268435456) } };
  const report = await analyzeInWorker(bytes, options, { workers: availableParallelism() });
  const t2 = performance.now();
  const total = (name) => report.totals.find((t) => t.column === name)?.value;
  const groups = report.tree.children.reduce((n, c) => n + c.children.length, 0);
  return { ready, work: t2 - t1, groups, totals: [total("예산액"), total("예산현액"), total("집행액")] };
}
