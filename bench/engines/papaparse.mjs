// PapaParse and a JavaScript loop (floats, as such code usually is).
import { readFileSync } from "node:fs";
import Papa from "papaparse";

export async function run(path, [outer, inner]) {
  const bytes = readFileSync(path);
  const t1 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const { data } = Papa.parse(text, { header: true, skipEmptyLines: true });
  const groups = new Map();
  const totals = [0, 0, 0];
  for (const row of data) {
    const key = `${row[outer]}\u0000${row[inner]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = [0, 0, 0]));
    const values = [Number(row["예산액"]), Number(row["예산현액"]), Number(row["집행액"].replace(/,/g, ""))];
    for (let i = 0; i < 3; i++) {
      g[i] += values[i];
      totals[i] += values[i];
    }
  }
  for (const g of groups.values()) {
    g.push((g[0] / totals[0]) * 100, (g[2] / g[1]) * 100);
  }
  const t2 = performance.now();
  return { ready: 0, work: t2 - t1, groups: groups.size, totals: totals.map(String) };
}
