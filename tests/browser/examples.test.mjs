// examples/embed/: a city page that embeds <yesan-explorer> from a folder
// holding the npm package as packed, under the strict CSP, in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, root, shots, exampleSite } from "./harness.mjs";

const example = join(root, "examples/embed");
let site;
let server;
let browser;

before(async () => {
  site = exampleSite();
  server = await serve(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(site, { recursive: true, force: true });
});

test("the city writes two lines, and the page shows the explorer from its own folder under the strict CSP", async () => {
  const html = readFileSync(join(example, "index.html"), "utf8");
  const lines = html.split("\n").filter((line) => /yesan/.test(line));
  assert.equal(lines.length, 2, lines.join("\n"));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  const errors = [];
  const missing = [];
  page.on("request", (request) => requests.push(request.url()));
  // A page without an icon: the browser's own request for /favicon.ico is not the explorer's.
  page.on("response", (response) => response.status() >= 400 && !response.url().endsWith("/favicon.ico") && missing.push(response.url()));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}index.html`);
  await page.waitForSelector("yesan-explorer[data-state=ready]");
  const headline = await page.locator("#headline").innerText();
  assert.match(headline, /410억 1,900만원/);
  assert.match(headline, /53\.1%/);
  // 41,019 백만원 over 9,386,034 residents: 4,370원 each (rounded to the won).
  assert.match(headline, /1인당[\s\S]*4,370원/);
  // Two levels asked for: departments, then their policy programmes.
  const rows = await page.locator("#table tbody tr").count();
  assert.equal(rows, 6);
  await page.locator("#table .toggle").first().click();
  assert.ok((await page.locator("#table tbody tr").count()) > 6);
  assert.ok(requests.every((url) => url.startsWith(server.url)), requests.join("\n"));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(missing, []);
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
  await page.screenshot({ path: join(shots, "example-embed.png"), fullPage: true });
  await page.close();
});
