// How reading a large CSV in parts scales with workers, in Node (yesan/worker
// on worker threads) and in the page (<yesan-explorer workers=N> in headless
// Chromium): the median time from the bytes (Node) or the chosen file (the
// page) to the report, at 1, 2, 4 and 8 workers, and whether the report is
// the same at every count (its JSON's SHA-256). One worker reads the file in
// one go; more read it in parts (www/parallel.js).
//   node bench/parallel.mjs [file=bench/data/budget-1000000.csv | lines] [runs=3]
import { readFileSync, existsSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch } from "../tests/browser/harness.mjs";
import { generate } from "./generate.mjs";
import { chooseFile } from "./choose.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// A number is a count of lines, generated into bench/data/ as bench/run.mjs does.
const given = process.argv[2] ?? "1000000";
const lines = /^\d+$/.test(given) ? Number(given) : null;
const file = lines ? join(root, "bench/data", `budget-${lines}.csv`) : given;
const runs = Number(process.argv[3] ?? 3);
if (!existsSync(file)) {
  if (!lines) throw new Error(`${file}: no such file (give a file, or a number of lines to generate)`);
  mkdirSync(join(root, "bench/data"), { recursive: true });
  await generate(lines, file);
}
const COUNTS = [1, 2, 4, 8];
const hash = (json) => createHash("sha256").update(json).digest("hex").slice(0, 12);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function inNode() {
  const { analyzeInWorker } = await import(new URL("../pkg/worker-node.js", import.meta.url));
  const bytes = readFileSync(file);
  const rows = [];
  for (const workers of COUNTS) {
    const times = [];
    let json;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      json = JSON.stringify(await analyzeInWorker(bytes, { by: ["실국명", "부서명"] }, { workers }));
      times.push(performance.now() - start);
    }
    rows.push({ workers, ms: median(times), hash: hash(json) });
  }
  return rows;
}

async function inPage() {
  const server = await serve();
  const browser = await launch();
  const rows = [];
  try {
    for (const workers of COUNTS) {
      const times = [];
      let json;
      for (let run = 0; run < runs; run++) {
        const { page, ms } = await chooseFile(browser, server.url, file, { workers });
        times.push(ms);
        json = await page.evaluate(() => JSON.stringify(document.querySelector("yesan-explorer").report));
        await page.close();
      }
      rows.push({ workers, ms: median(times), hash: hash(json) });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}

/** The steps of reading in parts, one after the other on one thread (no
 * step waits for another): the serial steps (the head, absorbing each part,
 * the report) and the ones workers share (scanning and reading the parts),
 * for the time to expect with more cores. */
async function phases() {
  const { Worker } = await import("node:worker_threads");
  const bytes = readFileSync(file);
  const input = new Uint8Array(new SharedArrayBuffer(bytes.length));
  input.set(bytes);
  const thread = new Worker(new URL("../pkg/thread.js", import.meta.url));
  let nextId = 1;
  const waiting = new Map();
  thread.on("message", ({ id, ok, result, error }) => (ok ? waiting.get(id).resolve(result) : waiting.get(id).reject(error)));
  const call = (message, transfer = []) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      thread.postMessage({ id, ...message }, transfer);
    });
  const time = async (step) => {
    const start = performance.now();
    const result = await step();
    return [performance.now() - start, result];
  };
  const options = { by: ["실국명", "부서명"] };
  const job = 1;
  await call({ type: "end", job: 0 });
  const [head, begun] = await time(() => call({ type: "begin", job, input, options, oneReport: true }));
  const REGION = 16 * 1024 * 1024;
  const starts = [];
  for (let at = begun.restByte; at < input.length; at += REGION) starts.push(at);
  const out = { head, scan: 0, read: 0, absorb: 0 };
  const scans = [];
  for (let k = 0; k < starts.length; k++) {
    const [ms, scan] = await time(() => call({ type: "scan", job, k, input, from: starts[k], to: starts[k + 1] ?? input.length }));
    out.scan += ms;
    scans.push(scan);
  }
  let even = true;
  let breaks = begun.restLine;
  const cuts = scans.map((scan, k) => {
    const cut = k === 0 ? { at: begun.restByte, line: begun.restLine } : (even ? scan.cutIfEven : scan.cutIfOdd) && { at: starts[k] + (even ? scan.cutIfEven : scan.cutIfOdd)[0], line: breaks + (even ? scan.cutIfEven : scan.cutIfOdd)[1] };
    even = even !== scan.oddQuotes;
    breaks += scan.breaks;
    return cut;
  });
  for (let k = 0; k < starts.length; k++) {
    const end = cuts[k + 1]?.at ?? input.length;
    const message = { job, k, input, options, oneReport: true, from: cuts[k].at, to: end, line: cuts[k].line, last: k === starts.length - 1, regionStart: starts[k], regionEnd: starts[k + 1] ?? input.length };
    if (k === 0) {
      out.read += (await time(() => call({ ...message, type: "first" })))[0];
      continue;
    }
    const [ms, rows] = await time(() => call({ ...message, type: "part" }));
    out.read += ms;
    out.absorb += (await time(() => call({ type: "absorb", job, rows }, [rows.buffer])))[0];
  }
  out.report = (await time(() => call({ type: "finish", job, client: 1, options })))[0];
  await thread.terminate();
  return out;
}

const steps = await phases();
const node = await inNode();
const page = await inPage();
const size = (readFileSync(file).length / 1e6).toFixed(0);
console.log(`\n${size} MB, median of ${runs}; the report's SHA-256 (first 12 hex digits) at each count\n`);
console.log("| workers | Node: bytes → report (ms) | page: file → figures (ms) | same report |");
console.log("|---:|---:|---:|---|");
for (let k = 0; k < COUNTS.length; k++) {
  const same = node[k].hash === node[0].hash && page[k].hash === page[0].hash ? "yes" : `no (${node[k].hash}, ${page[k].hash})`;
  console.log(`| ${COUNTS[k]} | ${Math.round(node[k].ms)} | ${Math.round(page[k].ms)} | ${same} |`);
}
const serial = steps.head + steps.absorb + steps.report;
const shared = steps.scan + steps.read;
console.log("\nThe steps of reading in parts, one after the other on one Node thread (ms):\n");
console.log("| head | scan | read the parts | absorb | finish and report | serial (head + absorb + report) | shared by the workers (scan + read) |");
console.log("|---:|---:|---:|---:|---:|---:|---:|");
const r = (x) => Math.round(x);
console.log(`| ${r(steps.head)} | ${r(steps.scan)} | ${r(steps.read)} | ${r(steps.absorb)} | ${r(steps.report)} | ${r(serial)} | ${r(shared)} |`);
console.log(`\nExpected with the shared steps on 8 cores: ${r(serial + shared / 8)} ms, against ${r(node[0].ms)} ms on one thread in one go.`);
process.exit(0);
