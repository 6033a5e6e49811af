// What a visitor's browser fetches and waits for before the first figure:
// the yesan page (www/), and a city page embedding <yesan-explorer> from the
// npm package in a folder (examples/embed/). Each run is a fresh browser
// context (nothing cached); the time is from navigation to the explorer's
// yesan-load event, the bytes are the files fetched until then, gzipped
// (-9), as a server that compresses would send them.
//   node bench/embed.mjs [runs=7]
import { readFileSync, existsSync, statSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve, launch, root, exampleSite } from "../tests/browser/harness.mjs";

const runs = Number(process.argv[2] ?? 7);

async function measure(browser, server, dir, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (request) => request.url().startsWith(server.url) && fetched.push(new URL(request.url()).pathname));
  await page.addInitScript(() => {
    document.addEventListener("yesan-load", () => (window.__firstFigure ??= performance.now()));
  });
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => window.__firstFigure);
  const ms = await page.evaluate(() => window.__firstFigure);
  const files = {};
  for (const file of new Set(fetched)) {
    const local = join(dir, decodeURIComponent(file === "/" ? "/index.html" : file));
    if (existsSync(local) && statSync(local).isFile()) files[file] = gzipSync(readFileSync(local), { level: 9 }).length;
  }
  await context.close();
  return { ms, files };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function bench(name, dir, path) {
  const server = await serve(dir);
  const browser = await launch();
  try {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await measure(browser, server, dir, path));
    const { files } = results[results.length - 1];
    const kind = (file) => (file.endsWith(".wasm") ? "wasm" : file.endsWith(".css") ? "css" : file.endsWith(".js") ? "js" : "html");
    // "html" counts the page and the data file it names.
    const by = { html: 0, js: 0, css: 0, wasm: 0 };
    for (const [file, bytes] of Object.entries(files)) by[kind(file)] += bytes;
    const total = Object.values(by).reduce((a, b) => a + b, 0);
    console.log(`| ${name} | ${Object.keys(files).length} | ${by.html.toLocaleString("en")} | ${by.js.toLocaleString("en")} | ${by.css.toLocaleString("en")} | ${by.wasm.toLocaleString("en")} | ${total.toLocaleString("en")} | ${Math.round(median(results.map((r) => r.ms)))} |`);
  } finally {
    await browser.close();
    server.close();
  }
}

console.log(`| page | files | HTML and data | JS | CSS | WASM | total (bytes, gzip -9) | first figure (ms, median of ${runs}) |`);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
await bench("yesan page (www/, unbundled modules)", join(root, "www"), "");
const site = exampleSite();
try {
  await bench("city page, examples/embed (package folder)", site, "index.html");
} finally {
  rmSync(site, { recursive: true, force: true });
}
