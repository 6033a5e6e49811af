// yesan reading the file as a stream of 8 MB chunks (Budget.fromChunks), as
// the page's worker does with large files: the file is never held whole.
import { readFileSync, openSync, readSync, fstatSync, closeSync } from "node:fs";

export async function run(path, by) {
  const t0 = performance.now();
  const yesan = await import(new URL("../../pkg/yesan.js", import.meta.url));
  const { expandReport } = await import(new URL("../../pkg/expand.js", import.meta.url));
  yesan.initSync({ module: readFileSync(new URL("../../pkg/yesan_bg.wasm", import.meta.url)) });
  const ready = performance.now() - t0;
  const fd = openSync(path, "r");
  const size = fstatSync(fd).size;
  let offset = 0;
  const t1 = performance.now();
  const budget = yesan.Budget.fromChunks(
    () => {
      const chunk = new Uint8Array(Math.min(8 << 20, size - offset));
      readSync(fd, chunk, 0, chunk.length, offset);
      offset += chunk.length;
      return chunk;
    },
    { columns: { "회계연도": { kind: "dimension" } }, limits: { maxBytes: Math.max(size, 268435456) } },
  );
  const report = expandReport(budget.report({ by }));
  const t2 = performance.now();
  closeSync(fd);
  const total = (name) => report.totals.find((t) => t.column === name)?.value;
  return {
    ready,
    work: t2 - t1,
    groups: report.tree.children.reduce((n, c) => n + c.children.length, 0),
    totals: [total("예산액"), total("예산현액"), total("집행액")],
  };
}
