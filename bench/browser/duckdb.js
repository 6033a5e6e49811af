// DuckDB-WASM in Chromium, for bench/duckdb-threads.mjs: the same query as
// bench/engines/duckdb.mjs, with the bundle asked for in `?bundle=`: `eh`
// (one thread) or `coi` (threads; the page must be cross-origin isolated).
// Bundled by esbuild from bench/node_modules; the time is left in
// window.result.
import * as duckdb from "@duckdb/duckdb-wasm";
import { budgetQuery, totalsOf } from "../engines/duckdb-query.mjs";

const params = new URLSearchParams(location.search);
const dist = "/bench/node_modules/@duckdb/duckdb-wasm/dist/";
const bundles = {
  eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` },
  coi: {
    mainModule: `${dist}duckdb-coi.wasm`,
    mainWorker: `${dist}duckdb-browser-coi.worker.js`,
    pthreadWorker: `${dist}duckdb-browser-coi.pthread.worker.js`,
  },
};
const wanted = params.get("bundle") ?? "eh";
const bundle = await duckdb.selectBundle(wanted === "coi" ? bundles : { eh: bundles.eh });
const t0 = performance.now();
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
const conn = await db.connect();
const threads = wanted === "coi" ? navigator.hardwareConcurrency : 1;
if (wanted === "coi") await conn.query(`SET threads TO ${threads}`);
const setting = (await conn.query("SELECT current_setting('threads') AS t")).toArray()[0].t;
const ready = performance.now() - t0;
const bytes = new Uint8Array(await (await fetch(params.get("file"))).arrayBuffer());
const [outer, inner] = ["실국명", "부서명"];
const t1 = performance.now();
await db.registerFileBuffer("budget.csv", bytes);
const result = await conn.query(budgetQuery(outer, inner));
const rows = result.toArray();
const totals = totalsOf(rows);
const work = performance.now() - t1;
window.result = {
  bundle: bundle.mainModule.split("/").pop(),
  isolated: globalThis.crossOriginIsolated === true,
  threads: Number(setting),
  ready,
  work,
  totals,
};
