// The npm package in the four bundlers people use, with no configuration
// file: the same tiny app (examples/vite/) is built by Vite, webpack 5, esbuild and
// Rollup from the packed package, served, and loaded in Chromium, where
// analyze() and <yesan-explorer> (with its worker) must give the same total.
//
// Vite and webpack find the .wasm, the worker and the stylesheet by
// themselves (they follow `new URL(…, import.meta.url)`); esbuild and Rollup
// do not copy such files, so the app copies them beside its bundle with one
// command, as the package's README says. With yesan/inline (the module
// inside the file) esbuild and Rollup need nothing copied for analyze().
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { serve, launch, root } from "../browser/harness.mjs";

const bin = (name) => join(root, "tests/bundlers/node_modules/.bin", name);
const work = mkdtempSync(join(tmpdir(), "yesan-bundlers-"));
const app = join(work, "app");
/** The app: the Vite example, built by every bundler. */
const example = join(root, "examples/vite");
let browser;

before(async () => {
  const packed = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", work], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n").pop();
  mkdirSync(join(app, "node_modules", "yesan"), { recursive: true });
  execFileSync("tar", ["-xzf", join(work, packed), "-C", join(app, "node_modules", "yesan"), "--strip-components=1"]);
  for (const file of ["index.html", "main.js"]) cpSync(join(example, file), join(app, file));
  cpSync(join(root, "tests/bundlers/inline.js"), join(app, "inline.js"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

function build(command, args) {
  execFileSync(command, args, { cwd: app, stdio: "pipe", encoding: "utf8" });
}

/** The files esbuild and Rollup leave to the app: the modules and the worker. */
function copyAssets(out) {
  const from = join(app, "node_modules/yesan");
  for (const file of ["yesan_bg.wasm", "yesan.js", "worker.js", "cp949.js", "explorer.css"]) cpSync(join(from, file), join(out, file));
  cpSync(join(from, "sheets"), join(out, "sheets"), { recursive: true });
}

/** The bytes (gzipped) of the files the page fetched, for BENCHMARKS.md. */
function gzipped(dir, paths) {
  let total = 0;
  for (const path of new Set(paths)) {
    const file = join(dir, decodeURIComponent(path === "/" ? "/index.html" : path));
    if (existsSync(file) && statSync(file).isFile()) total += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return total;
}

async function load(dir, { explorer = true } = {}) {
  const server = await serve(dir);
  const page = await browser.newPage();
  const errors = [];
  const fetched = [];
  page.on("request", (request) => request.url().startsWith(server.url) && fetched.push(new URL(request.url()).pathname));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  try {
    await page.goto(server.url);
    const settled = explorer
      ? () => document.body.dataset.explorer && document.body.dataset.cp949 && document.body.dataset.explorerCp949
      : () => document.body.dataset.explorer && document.body.dataset.cp949;
    await page.waitForFunction(settled, null, { timeout: 20000 });
    const result = {
      cp949: await page.evaluate(() => document.body.dataset.cp949),
      explorerCp949: await page.evaluate(() => document.body.dataset.explorerCp949),
      total: await page.locator("#total").textContent(),
      explorer: await page.evaluate(() => document.body.dataset.explorer),
      headline: explorer ? await page.locator("#explorer").locator("#headline").innerText() : null,
      errors,
      bytes: gzipped(dir, fetched),
    };
    return result;
  } finally {
    await page.close();
    server.close();
  }
}

function expectSameApp(result, bundler, { explorer = true } = {}) {
  assert.deepEqual(result.errors, [], bundler);
  assert.equal(result.total, "22억원", bundler);
  assert.equal(result.explorer, "2200", bundler);
  assert.equal(result.cp949, "2200", `${bundler}: a CP949 file, its index loaded by analyzeFile`);
  if (explorer) assert.equal(result.explorerCp949, "2200", `${bundler}: the explorer's worker loads the index too`);
  if (explorer) assert.match(result.headline, /₩2\.2 billion/, bundler);
  console.log(`${bundler}: ${result.bytes} bytes fetched, gzipped`);
}

test("Vite builds the app with no configuration", async () => {
  build(bin("vite"), ["build", "--outDir", "dist-vite", "--logLevel", "warn"]);
  expectSameApp(await load(join(app, "dist-vite")), "vite");
});

test("webpack 5 builds the app with no configuration", async () => {
  const out = join(app, "dist-webpack");
  build(bin("webpack"), ["--mode", "production", "--entry", "./main.js", "--output-path", out, "--output-public-path", "auto"]);
  cpSync(join(app, "index.html"), join(out, "index.html"));
  expectSameApp(await load(out), "webpack");
});

test("esbuild bundles the app with no configuration, the package's files copied beside it", async () => {
  const out = join(app, "dist-esbuild");
  build(join(root, "node_modules/.bin/esbuild"), ["main.js", "--bundle", "--format=esm", "--minify", `--outdir=${out}`, "--log-level=warning"]);
  copyAssets(out);
  cpSync(join(app, "index.html"), join(out, "index.html"));
  expectSameApp(await load(out), "esbuild");
});

test("Rollup bundles the app with node-resolve and no configuration, the package's files copied beside it", async () => {
  const out = join(app, "dist-rollup");
  build(bin("rollup"), ["main.js", "--format", "es", "--dir", out, "--plugin", "@rollup/plugin-node-resolve", "--silent"]);
  copyAssets(out);
  cpSync(join(app, "index.html"), join(out, "index.html"));
  expectSameApp(await load(out), "rollup");
});

test("esbuild and Rollup bundle yesan/inline with no configuration and nothing copied", async () => {
  const esbuild = join(app, "dist-inline-esbuild");
  build(join(root, "node_modules/.bin/esbuild"), ["inline.js", "--bundle", "--format=esm", "--minify", `--outdir=${esbuild}`, "--log-level=warning"]);
  const rollup = join(app, "dist-inline-rollup");
  build(bin("rollup"), ["inline.js", "--format", "es", "--dir", rollup, "--plugin", "@rollup/plugin-node-resolve", "--silent"]);
  for (const [out, bundler] of [[esbuild, "esbuild (inline)"], [rollup, "rollup (inline)"]]) {
    // The page loads main.js: the inline app under that name. Rollup
    // writes the lazily loaded parts (CP949's index, the second module's
    // glue) as chunks of its own; nothing is copied by hand.
    renameSync(join(out, "inline.js"), join(out, "main.js"));
    const written = readdirSync(out).sort();
    cpSync(join(app, "index.html"), join(out, "index.html"));
    assert.ok(written.every((f) => f.endsWith(".js")), `${bundler}: only what the bundler wrote (${written})`);
    expectSameApp(await load(out, { explorer: false }), bundler, { explorer: false });
  }
});

test("bundled without the .wasm beside it, yesan says what to copy, or to import yesan/inline", async () => {
  const out = join(app, "dist-nocopy");
  build(join(root, "node_modules/.bin/esbuild"), ["inline.js", "--bundle", "--format=esm", `--outdir=${out}`, "--log-level=error", "--alias:yesan/inline=yesan"]);
  renameSync(join(out, "inline.js"), join(out, "main.js"));
  cpSync(join(app, "index.html"), join(out, "index.html"));
  const server = await serve(out);
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.ok(errors.some((e) => /could not load its WebAssembly module/.test(e) && /yesan\/inline/.test(e)), errors.join("\n"));
  } finally {
    await page.close();
    server.close();
  }
});
