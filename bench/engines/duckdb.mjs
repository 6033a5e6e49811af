// DuckDB-WASM (the blocking Node bindings): read_csv and GROUP BY, BIGINT sums.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");

export async function run(path, [outer, inner]) {
  const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
  const t0 = performance.now();
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: join(dist, "duckdb-node-mvp.worker.cjs") },
      eh: { mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: join(dist, "duckdb-node-eh.worker.cjs") },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  const conn = db.connect();
  const ready = performance.now() - t0;
  const bytes = readFileSync(path);
  const t1 = performance.now();
  db.registerFileBuffer("budget.csv", new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const result = conn.query(`
    WITH g AS (
      SELECT "${outer}" AS o, "${inner}" AS i,
             SUM("예산액")::BIGINT AS adopted, SUM("예산현액")::BIGINT AS current,
             SUM(CAST(REPLACE("집행액", ',', '') AS BIGINT))::BIGINT AS executed
      FROM read_csv('budget.csv', header = true, types = {'집행액': 'VARCHAR'})
      GROUP BY ALL)
    SELECT *, adopted * 100.0 / SUM(adopted) OVER () AS share, executed * 100.0 / current AS rate FROM g`);
  const rows = result.toArray();
  const totals = ["adopted", "current", "executed"].map((c) => String(rows.reduce((s, r) => s + BigInt(r[c]), 0n)));
  const t2 = performance.now();
  conn.close();
  return { ready, work: t2 - t1, groups: rows.length, totals };
}
