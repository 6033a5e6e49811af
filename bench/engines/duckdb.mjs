// DuckDB-WASM (the blocking Node bindings): read_csv and GROUP BY, BIGINT sums.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { budgetQuery, totalsOf } from "./duckdb-query.mjs";

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
  const result = conn.query(budgetQuery(outer, inner));
  const rows = result.toArray();
  const totals = totalsOf(rows);
  const t2 = performance.now();
  conn.close();
  return { ready, work: t2 - t1, groups: rows.length, totals };
}
