// yesan/worker in Node: a large CSV read in parts on worker threads gives
// the report one thread gives, and the one analyze() gives on the main
// thread, byte for byte in its JSON, with the file's exact total; a bad cell
// late in the file is the same error. The file is generated (tests/large.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import yesan from "./load.mjs";
import { largeBudget } from "../large.mjs";

const { analyzeInWorker } = await import(new URL("../../pkg/worker-node.js", import.meta.url));

const outcome = (promise) =>
  promise.then(
    (report) => JSON.stringify(report),
    (error) => `error ${error.code} ${error.row} ${error.column} ${error.messageKo}`,
  );

test("a large file read on 1, 2 and 3 threads gives the report analyze() gives, and the file's total", async () => {
  const { text, total } = largeBudget();
  const bytes = new TextEncoder().encode(text);
  assert.ok(bytes.length > 32 * 1024 * 1024, "large enough to be read in parts");
  const here = JSON.stringify(yesan.analyze(bytes));
  const report = JSON.parse(here);
  assert.equal(report.totals.find((t) => t.column === "예산액").value, total.toString());
  assert.equal(report.rows, 230_000);
  const seen = [];
  for (const workers of [1, 2, 3]) {
    const onProgress = (fraction) => seen.push(fraction);
    assert.ok((await outcome(analyzeInWorker(bytes, {}, { workers, onProgress }))) === here, `${workers} threads`);
  }
  assert.ok(seen.length >= 10 && seen.every((f) => f >= 0 && f <= 1), "progress as the parts come in");
  // Bytes the threads can already see are read where they are, not copied.
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  assert.ok((await outcome(analyzeInWorker(shared, {}, { workers: 2 }))) === here, "shared bytes");
});

test("a bad cell late in a large file is the same error on one thread and on two", async () => {
  const { text } = largeBudget(230_000, { badAt: 200_000 });
  const bytes = new TextEncoder().encode(text);
  const one = await outcome(analyzeInWorker(bytes, {}, { workers: 1 }));
  assert.match(one, /^error not_a_number \d+ 5 /);
  assert.equal(await outcome(analyzeInWorker(bytes, {}, { workers: 2 })), one);
});

test("on a thread, a CP949 file and an HTML table load their readers as the main thread does", async () => {
  const { readFileSync } = await import("node:fs");
  for (const name of ["encodings/programs.cp949.csv", "reports/004_history.html"]) {
    const bytes = readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
    const here = JSON.stringify(yesan.analyze(bytes));
    assert.equal(await outcome(analyzeInWorker(bytes, {}, { workers: 1 })), here, name);
  }
});
