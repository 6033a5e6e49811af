// yesan against DuckDB-WASM's browser bundles in Chromium, one after the
// other in the same browser: DuckDB's one-thread bundle (eh) and its
// multithreaded one (coi), which needs the page cross-origin isolated, so
// the files are served here with COOP and COEP headers; yesan's analyze()
// on one thread (bench/browser/index.html) and yesan/worker reading in
// parts on two Web Workers (bench/browser/workers.html). Same file, same
// question, totals checked equal.
//   node bench/duckdb-threads.mjs [lines=1000000] [runs=3]
// Needs `npm install` in bench/ (make bench does it).
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { launch } from "../tests/browser/harness.mjs";
import { generate } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const lines = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const file = join(root, "bench", "data", `budget-${lines}.csv`);
if (!existsSync(file)) await generate(lines, file);

await build({
  entryPoints: [join(root, "bench/browser/duckdb.js")],
  bundle: true,
  format: "esm",
  outfile: join(root, "bench/data/duckdb-page.js"),
  nodePaths: [join(root, "bench/node_modules")],
  logLevel: "warning",
});

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".csv": "text/csv" };
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  const local = join(root, path);
  if (!local.startsWith(root) || !existsSync(local) || !statSync(local).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    "Content-Type": TYPES[extname(local)] ?? "application/octet-stream",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
  });
  createReadStream(local).pipe(response);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const csv = `/${relative(root, file)}`;
const PAGE = `<!doctype html><meta charset="utf-8"><script type="module" src="/bench/data/duckdb-page.js"></script>`;
// The DuckDB page is written beside its bundle.
const { writeFileSync } = await import("node:fs");
writeFileSync(join(root, "bench/data/duckdb.html"), PAGE);

const browser = await launch();
const rows = [];
try {
  for (let run = 0; run < runs; run++) {
    for (const [name, url] of [
      ["yesan (one thread)", `${base}/bench/browser/index.html?file=${csv}`],
      ["yesan (1 worker, streamed)", `${base}/bench/browser/workers.html?workers=1&file=${csv}`],
      ["yesan (2 workers, in parts)", `${base}/bench/browser/workers.html?workers=2&file=${csv}`],
      ["DuckDB-WASM eh (one thread)", `${base}/bench/data/duckdb.html?bundle=eh&file=${csv}`],
      ["DuckDB-WASM coi (threads)", `${base}/bench/data/duckdb.html?bundle=coi&file=${csv}`],
    ]) {
      const page = await browser.newPage();
      page.on("pageerror", (e) => console.error(name, String(e)));
      await page.goto(url);
      const result = await page.waitForFunction(() => window.result, null, { timeout: 600_000 }).then((h) => h.jsonValue());
      await page.close();
      rows.push({ name, ...result });
    }
  }
} finally {
  await browser.close();
  server.close();
}

const totals = new Set(rows.map((r) => r.totals.join(",")));
if (totals.size !== 1) throw new Error(`the engines disagree: ${[...totals].join(" | ")}`);
console.log(`\nChromium, ${lines.toLocaleString("en")} lines (${(statSync(file).size / 1e6).toFixed(0)} MB), ${runs} runs each, totals equal\n`);
console.log("| engine | bundle | cross-origin isolated | threads | parse + rollup (ms), each run |");
console.log("|---|---|---|---:|---|");
for (const name of [...new Set(rows.map((r) => r.name))]) {
  const mine = rows.filter((r) => r.name === name);
  const { bundle = "yesan_bg.wasm", isolated, threads = 1 } = mine[0];
  console.log(`| ${name} | ${bundle} | ${isolated ?? "—"} | ${threads} | ${mine.map((r) => Math.round(r.work)).join(", ")} |`);
}
