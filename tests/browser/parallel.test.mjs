// A large CSV read by several workers at once (www/parallel.js) gives the
// report one worker gives, byte for byte in its JSON, and the figures the
// file adds up to; an error late in the file is the same error. The file is
// generated (tests/large.mjs): 53 MB full of multi-line quoted cells, so
// that the cuts between parts fall among them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, open, root } from "./harness.mjs";
import { largeBudget } from "../large.mjs";

let server;
let browser;
let dir;

before(async () => {
  server = await serve();
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), "yesan-parallel-"));
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the generated file (tests/large.mjs); its path and total. */
function makeFile(name, rows, options) {
  const { text, total } = largeBudget(rows, options);
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, total };
}

/** Reads `path` in a fresh page with `workers` workers: the report's JSON
 * (or the error shown), and the progress values seen. */
async function readWith(path, workers) {
  const { page, log, context } = await open(browser, server.url);
  await page.evaluate((n) => document.querySelector("yesan-explorer").setAttribute("workers", String(n)), workers);
  await page.evaluate(() => {
    window.progress = [];
    const shadow = document.querySelector("yesan-explorer").shadowRoot;
    const text = shadow.getElementById("progress-text");
    new MutationObserver(() => window.progress.push(text.textContent)).observe(text, { childList: true, characterData: true, subtree: true });
    document.body.dataset.state = "busy";
  });
  // How many workers run at once while the file is read (the helpers stop
  // once it is read).
  let started = 0;
  let reading = true;
  const counting = (async () => {
    while (reading) {
      started = Math.max(started, page.workers().length);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await page.setInputFiles("#file", path);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]", { timeout: 120_000 });
  reading = false;
  await counting;
  const outcome = await page.evaluate(() => {
    const explorer = document.querySelector("yesan-explorer");
    const error = explorer.shadowRoot.getElementById("error");
    return error.hidden ? JSON.stringify(explorer.report) : error.innerText;
  });
  const progress = await page.evaluate(() => window.progress);
  // The explorers' workers stay (one per core less one, at most four); the
  // others, which only helped, stop once the file is read.
  const pool = await page.evaluate(() => Math.max(1, Math.min(4, navigator.hardwareConcurrency - 1)));
  assert.equal(page.workers().length, Math.min(workers, pool), "the helping workers stopped once the file was read");
  assert.deepEqual(log.errors, []);
  await context.close();
  return { outcome, progress, started };
}

test("a large file read by 2 and 3 workers gives the report one worker gives, and the file's total", async () => {
  const { path, total } = makeFile("large.csv", 230_000);
  const one = await readWith(path, 1);
  const report = JSON.parse(one.outcome);
  const budget = report.totals.find((t) => t.column === "예산액");
  assert.equal(budget.value, total.toString(), "the exact sum of the file");
  assert.equal(report.rows, 230_000);
  assert.equal(one.started, 1);
  for (const workers of [2, 3]) {
    const many = await readWith(path, workers);
    assert.equal(many.started, workers, "every worker took part");
    assert.ok(many.outcome === one.outcome, `${workers} workers: the same JSON (${many.outcome.length} and ${one.outcome.length} characters)`);
    const percents = new Set(many.progress.map((t) => t.match(/(\d+)%/)?.[1]).filter(Boolean));
    assert.ok(percents.size >= 4, `progress shown as the parts come in: ${[...percents]}`);
    assert.equal(many.progress.at(-1), "다 읽었습니다. 합계를 내는 중…", "once every part is read, the sums are said to be made");
  }
});

test("a bad cell late in a large file is the same error with one worker and with two", async () => {
  const { path } = makeFile("bad.csv", 230_000, { badAt: 200_000 });
  const one = await readWith(path, 1);
  assert.match(one.outcome, /십만원/);
  const two = await readWith(path, 2);
  assert.equal(two.started, 2);
  assert.equal(two.outcome, one.outcome);
});

test("cancelling a read in parts stops every worker, and the next file is read", async () => {
  const { path } = makeFile("cancel.csv", 230_000);
  const { page, log, context } = await open(browser, server.url);
  await page.evaluate(() => document.querySelector("yesan-explorer").setAttribute("workers", "2"));
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.setInputFiles("#file", path);
  // Once the parts are being read (a percentage shown), cancel.
  const shadow = (selector) => page.locator("yesan-explorer").locator(selector);
  await shadow("#progress-text").filter({ hasText: /[1-9]\d*%/ }).waitFor();
  const reading = page.workers();
  await shadow("#cancel").click();
  await shadow("#error-text").filter({ hasText: /취소/ }).waitFor();
  assert.equal(reading.length, 2, "two workers were reading");
  const left = () => page.workers().filter((worker) => reading.includes(worker)).length;
  for (let waited = 0; left() > 0 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(left(), 0, "every worker that was reading is stopped");
  // The pool is whole again: a small file reads as ever.
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.setInputFiles("#file", join(root, "tests/fixtures/browser/small_cp949.csv"));
  await page.waitForSelector("body[data-state=ready]");
  assert.match(await shadow("#headline").innerText(), /2억 3,440만원/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Runs `inPage` in a page of a site serving `directory` (the package's
 * files, as a developer's site has them); its result, and the page's
 * errors checked to be none. */
async function inPackagePage(directory, inPage) {
  const site = await serve(directory);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${site.url}README.md`);
  try {
    const result = await page.evaluate(inPage);
    assert.deepEqual(errors, []);
    return result;
  } finally {
    await context.close();
    site.close();
  }
}

test("yesan/worker in a browser without Web Workers reads on the main thread", async () => {
  const total = await inPackagePage(join(root, "pkg"), async () => {
    delete window.Worker;
    const { analyzeInWorker } = await import("/worker-client.js");
    const report = await analyzeInWorker(new Blob(["부서,예산액\n가,100\n나,250\n"]), {}, { workers: 4 });
    return report.totals[0].value;
  });
  assert.equal(total, "350");
});

test("yesan/worker in a browser reads a large file for its one report on 1 and 2 workers, as analyze() reads it", async () => {
  // The package's files and the file beside them.
  const site = mkdtempSync(join(tmpdir(), "yesan-site-"));
  cpSync(join(root, "pkg"), site, { recursive: true });
  const { text, total } = largeBudget(230_000);
  writeFileSync(join(site, "large.csv"), text);
  try {
    const [here, one, two] = await inPackagePage(site, async () => {
      const { analyze } = await import("/index.js");
      const { analyzeInWorker } = await import("/worker-client.js");
      const blob = await (await fetch("/large.csv")).blob();
      const here = JSON.stringify(analyze(new Uint8Array(await blob.arrayBuffer())));
      const one = JSON.stringify(await analyzeInWorker(blob, {}, { workers: 1 }));
      const two = JSON.stringify(await analyzeInWorker(blob, {}, { workers: 2 }));
      return [here, one, two];
    });
    assert.equal(JSON.parse(here).totals.find((t) => t.column === "예산액").value, total.toString());
    assert.ok(one === here, "one worker: the JSON analyze() gives");
    assert.ok(two === here, "two workers, in parts: the JSON analyze() gives");
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
