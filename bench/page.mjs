// A file of about 1 GB dropped on the page in headless Chromium: the worker
// streams it, the progress bar moves, and the tab does not run out of
// memory. Prints the time, the progress seen and the browser's peak memory.
//   node bench/page.mjs [lines=6200000] [workers]
import { existsSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch } from "../tests/browser/harness.mjs";
import { generate } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const lines = Number(process.argv[2] ?? 6_200_000);
/** How many workers read the file (the explorer's `workers`); default: one per core. */
const workers = process.argv[3];
const file = join(root, "bench", "data", `budget-${lines}.csv`);
if (!existsSync(file)) await generate(lines, file);
const size = statSync(file).size;

/** Resident memory of every Chromium process, summed, in bytes. */
function chromiumMemory() {
  try {
    const out = execFileSync("ps", ["-C", "chromium", "-o", "rss="], { encoding: "utf8" });
    return out.split("\n").filter(Boolean).reduce((sum, kb) => sum + Number(kb) * 1024, 0);
  } catch {
    return 0;
  }
}

const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(900_000);
  await page.goto(server.url);
  await page.waitForSelector("body[data-state=ready]");
  // What Chromium's processes hold with the page at rest (their resident
  // sizes summed count shared libraries once per process).
  const rest = chromiumMemory();
  let peak = 0;
  const progress = new Set();
  const sampler = setInterval(async () => {
    peak = Math.max(peak, chromiumMemory());
    const value = await page
      .evaluate(() => {
        const shadow = document.querySelector("yesan-explorer").shadowRoot;
        return shadow.getElementById("progress").hidden ? null : shadow.getElementById("progress-bar").value;
      })
      .catch(() => null);
    if (value != null) progress.add(value);
  }, 250);
  const t0 = performance.now();
  if (workers) await page.evaluate((n) => document.querySelector("yesan-explorer").setAttribute("workers", n), workers);
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.setInputFiles("#file", file);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const state = await page.getAttribute("body", "data-state");
  const source = await page.textContent("#source");
  const headline = await page.textContent("#headline");
  console.log(`\n${(size / 1e9).toFixed(2)} GB (${lines.toLocaleString()} lines) in the page: ${state} after ${seconds.toFixed(1)} s`);
  console.log(`progress seen: ${[...progress].sort((a, b) => a - b).join(", ")}`);
  console.log(`Chromium's peak memory (all processes): ${(peak / 1e9).toFixed(2)} GB; at rest ${(rest / 1e9).toFixed(2)} GB; the file took ${((peak - rest) / 1e9).toFixed(2)} GB more (${((peak - rest) / size).toFixed(2)}× the file)`);
  console.log(`source: ${source}\nheadline: ${headline.replace(/\s+/g, " ").slice(0, 200)}`);
  if (state !== "ready") process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
