// <yesan-explorer> on a city's own page, in headless Chromium: the city
// site (tests/fixtures/city/) embeds the element from a folder /yesan/
// (www/, linked) under the strict CSP, with its data in /data/. Two
// explorers and a third whose file is missing share one compiled module and
// one pool of workers; attributes, the `data` property, events, theming
// from outside, 320 px, and the iframe mode with its postMessage sizing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, open, root, shots } from "./harness.mjs";

let server;
let browser;
let site;

before(async () => {
  site = mkdtempSync(join(tmpdir(), "yesan-city-"));
  cpSync(join(root, "tests/fixtures/city"), site, { recursive: true });
  symlinkSync(join(root, "www"), join(site, "yesan"));
  mkdirSync(join(site, "data"));
  cpSync(join(root, "tests/fixtures/browser/small_cp949.csv"), join(site, "data/budget.csv"));
  server = await serve(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** Opens a city page and waits until its explorers have said something. */
async function city(path, viewport) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on("request", (request) => log.requests.push(new URL(request.url()).pathname));
  page.on("pageerror", (error) => log.errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && log.errors.push(message.text()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}${path}`);
  return { page, context, log };
}

const events = async (page) => JSON.parse((await page.locator("#events").textContent()) || "[]");

async function waitForEvents(page, count) {
  await page.waitForFunction((n) => JSON.parse(document.getElementById("events").textContent || "[]").length >= n, count);
  return events(page);
}

test("two explorers and a broken one on a city page: attributes, data by script, events, one module and one worker pool", async () => {
  const { page, context, log } = await city("two.html");
  const seen = await waitForEvents(page, 3);
  const ours = page.locator("#ours");
  const sample = page.locator("#sample");
  // The city's CP949 file, in thousands of won as asked, and the sample in English.
  assert.match(await ours.locator("#headline").innerText(), /234,400천원/);
  assert.match(await sample.locator("#headline").innerText(), /₩41 billion/);
  assert.match(await sample.locator("#answers").innerText(), /Where the most goes/);
  // Data handed over by script goes by the name the page gives it, and the
  // unit is said in English.
  assert.match(await sample.locator("#source").innerText(), /^Seoul 2016, by script · 36 rows · unit million won/);
  const loads = seen.filter((e) => e.type === "yesan-load");
  assert.deepEqual(loads.map((e) => e.id).sort(), ["ours", "sample"]);
  assert.equal(loads.find((e) => e.id === "ours").totals["2017예산"], "234400");
  assert.equal(loads.find((e) => e.id === "sample").totals["예산액(A)"], "41019");
  const failed = seen.find((e) => e.type === "yesan-error");
  assert.equal(failed.id, "missing");
  assert.match(failed.message, /none\.csv/);
  assert.match(await page.locator("#missing").locator("#error-text").innerText(), /none\.csv/);
  // Only the panels asked for.
  assert.equal(await ours.locator("[data-panel=audit]").isVisible(), false);
  assert.equal(await ours.locator("[data-panel=table]").isVisible(), true);
  assert.equal(await ours.locator("[data-panel=input]").isVisible(), false);
  // The height asked for.
  assert.equal(await ours.locator("#treemap svg").getAttribute("height"), "260");
  // A box chosen is told to the page with its path.
  const name = await ours.locator("#treemap .cell").first().getAttribute("data-name");
  await ours.locator("#treemap .cell").first().click();
  const selected = (await waitForEvents(page, 4)).find((e) => e.type === "yesan-select");
  assert.deepEqual([selected.id, selected.path], ["ours", [name]]);
  // One compiled module and one worker script for the three explorers.
  const count = (file) => log.requests.filter((p) => p.endsWith(file)).length;
  assert.equal(count("/yesan/pkg/yesan_bg.wasm"), 1);
  const workers = count("/yesan/worker.js");
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.ok(workers >= 1 && workers <= Math.max(1, Math.min(4, cores - 1)), `${workers} workers`);
  // The city's theme reaches inside: custom properties and ::part().
  const panel = ours.locator("[data-panel=headline]");
  assert.equal(await panel.evaluate((el) => getComputedStyle(el).borderTopLeftRadius), "0px");
  assert.equal(await panel.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(240, 248, 244)");
  assert.equal(await ours.locator("#headline div").first().evaluate((el) => getComputedStyle(el).borderLeftColor), "rgb(0, 112, 74)");
  // Attributes changed later: the language and the display unit.
  await page.evaluate(() => document.getElementById("ours").setAttribute("lang", "en"));
  assert.match(await ours.locator("#headline-title").innerText(), /At a glance/);
  await page.evaluate(() => document.getElementById("ours").setAttribute("unit", "won"));
  assert.match(await ours.locator("#headline").innerText(), /234,400,000 won/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await page.screenshot({ path: join(shots, "city-two-explorers.png"), fullPage: true });
  await context.close();
});

test("an explorer at 320 px wide fits its column, and the treemap is one Tab stop", async () => {
  const { page, context, log } = await city("two.html", { width: 320, height: 700 });
  await waitForEvents(page, 3);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  const ours = page.locator("#ours");
  assert.equal(await ours.locator('#treemap .cell[tabindex="0"]').count(), 1);
  await ours.locator('#treemap .cell[tabindex="0"]').focus();
  await page.keyboard.press("ArrowRight");
  const focused = await page.evaluate(() => document.getElementById("ours").shadowRoot.activeElement?.getAttribute("data-name"));
  assert.ok(focused, "arrow keys move inside the map");
  assert.deepEqual(log.errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await page.screenshot({ path: join(shots, "city-320.png"), fullPage: true });
  await context.close();
});

test("the iframe mode: embed.html with the options in its query sizes itself in its parent by postMessage", async () => {
  const { page, context, log } = await city("host.html");
  await page.waitForFunction(() => window.messages.some((m) => m.type === "load"));
  const frame = page.frameLocator("#frame");
  assert.match(await frame.locator("#headline").innerText(), /₩234\.4 million|₩234,400,000|234\.4/);
  await page.waitForFunction(() => {
    const frame = document.getElementById("frame");
    return Math.abs(frame.getBoundingClientRect().height - frame.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
  });
  const load = await page.evaluate(() => window.messages.find((m) => m.type === "load"));
  assert.deepEqual(load.totals.find((t) => t.column === "2017예산"), { column: "2017예산", value: "234400" });
  const height = await page.evaluate(() => document.getElementById("frame").getBoundingClientRect().height);
  assert.ok(height > 400, `the frame grew to its content: ${height}px`);
  assert.equal(await frame.locator("[data-panel=audit]").isVisible(), false);
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(shots, "city-iframe.png"), fullPage: true });
  await context.close();
});
