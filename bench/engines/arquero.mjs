// Arquero: fromCSV, groupby, rollup, derive.
import { readFileSync } from "node:fs";
import * as aq from "arquero";

export async function run(path, [outer, inner]) {
  const bytes = readFileSync(path);
  const t1 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const table = aq.fromCSV(text, { parse: { 집행액: (v) => Number(v.replace(/,/g, "")) } });
  const rolled = table
    .groupby(outer, inner)
    .rollup({ adopted: aq.op.sum("예산액"), current: aq.op.sum("예산현액"), executed: aq.op.sum("집행액") })
    .derive({ share: (d) => (d.adopted / aq.op.sum(d.adopted)) * 100, rate: (d) => (d.executed / d.current) * 100 });
  const totals = ["adopted", "current", "executed"].map((c) => String(rolled.rollup({ t: aq.op.sum(c) }).get("t", 0)));
  const t2 = performance.now();
  return { ready: 0, work: t2 - t1, groups: rolled.numRows(), totals };
}
