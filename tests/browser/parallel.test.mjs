// A large CSV read by several workers at once (www/parallel.js) gives the
// report one worker gives, byte for byte in its JSON, and the figures the
// file adds up to; an error late in the file is the same error. The file is
// made here: 52 MB, sorted by department like real files, with quoted cells
// that hold line breaks and doubled quotes, CRLF, note rows, subtotal rows,
// placeholders and △ negatives, so that the cuts between parts fall among
// them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, open } from "./harness.mjs";

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

/** Writes the file; returns its path and the sum of 예산액 in 천원 (a BigInt). */
function makeFile(name, rows, { badAt = -1 } = {}) {
  const lines = ["예산 세부내역", "(단위: 천원)", "부서,사업,세부사업,사업목적,예산액,집행액,비고"];
  // A long text cell, as real files have, so that the file is large; every
  // other one quoted over two lines, so that many a region starts inside
  // a quoted cell.
  const text = (i) => `주민 생활 여건 개선과 지역 경제 활성화를 위한 ${i % 83}번 사업의 안정적 추진`.repeat(2);
  const purpose = (i) => (i % 2 === 0 ? `"${text(i)}\r\n(세부 ""목적"")"` : text(i));
  let total = 0n;
  for (let i = 0; i < rows; i++) {
    const department = `부서${String(Math.floor((i * 40) / rows)).padStart(2, "0")}`;
    const program = i % 7 === 0 ? `"사업 ${i % 97}\r\n(계속)"` : i % 11 === 0 ? `"""핵심"" 사업 ${i % 89}"` : `사업${i % 83}`;
    const amount = 1000 + ((i * 7919) % 900_000);
    let budget = String(amount);
    if (i % 13 === 0) budget = `"${amount.toLocaleString("en-US")}"`;
    if (i % 17 === 0) budget = `△${amount}`;
    if (i % 19 === 0) budget = "-";
    if (i === badAt) budget = "십만원";
    if (budget !== "-") total += BigInt(i % 17 === 0 ? -amount : amount);
    const note = i % 23 === 0 ? `"비고\r\n${i}행"` : "";
    lines.push(`${department},${program},세부${i},${purpose(i)},${budget},${Math.floor(amount / 2)},${note}`);
    if (i % 10_007 === 5) lines.push(`※ 주: ${i}행 아래는 추정치임`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join("\r\n") + "\r\n");
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
  await page.setInputFiles("#file", path);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]", { timeout: 120_000 });
  const outcome = await page.evaluate(() => {
    const explorer = document.querySelector("yesan-explorer");
    const error = explorer.shadowRoot.getElementById("error");
    return error.hidden ? JSON.stringify(explorer.report) : error.innerText;
  });
  const progress = await page.evaluate(() => window.progress);
  const started = page.workers().length;
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
