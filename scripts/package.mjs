// Makes pkg/ the npm package "yesan" after `wasm-pack build --target web`:
//
// - the glue again, from the same wasm-bindgen and the same module, with
//   `--experimental-reset-state-function` (which wasm-pack cannot pass), so
//   that a trapped instance can be made afresh; once as an ES module for
//   browsers, bundlers and Node (yesan.js), once as CommonJS (yesan.cjs);
// - the package's own JavaScript and types from npm/ (a guarded API, the
//   entry points, YesanError), CommonJS made from them by esbuild;
// - <yesan-explorer> (yesan/explorer), the analysis worker and its client
//   (yesan/worker), bundled by esbuild from the page's modules in www/, with
//   the core's glue left beside them: the page's `./pkg/…` is the package's
//   `./…`, so that one copy of the module serves every entry point;
// - package.json with an `exports` map, the npm README, CHANGELOG, LICENSE.
//
//   node scripts/package.mjs
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const pkg = join(root, "pkg");
const npm = join(root, "npm");
const release = join(root, "target/wasm32-unknown-unknown/release");
/** The two modules: the core, and the spreadsheet reader (sheets/),
 * which is loaded only when a spreadsheet is opened. */
const MODULES = [
  { name: "yesan", dir: pkg },
  { name: "yesan_sheets", dir: join(pkg, "sheets") },
];

/** The version of wasm-bindgen the crate is built with (Cargo.lock). */
function bindgenVersion() {
  const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
  const found = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!found) throw new Error("wasm-bindgen is not in Cargo.lock");
  return found[1];
}

/** The wasm-bindgen binary of that version: on PATH, or the one wasm-pack
 * installed in its cache. */
function bindgen(version) {
  const cache = process.env.WASM_PACK_CACHE ?? join(homedir(), ".cache", ".wasm-pack");
  const candidates = ["wasm-bindgen"];
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache)) {
      if (dir.startsWith("wasm-bindgen")) candidates.push(join(cache, dir, "wasm-bindgen"));
    }
  }
  for (const binary of candidates) {
    try {
      if (execFileSync(binary, ["--version"], { encoding: "utf8" }).trim() === `wasm-bindgen ${version}`) return binary;
    } catch {
      // Not there, or not runnable: try the next.
    }
  }
  throw new Error(`wasm-bindgen ${version} not found (run wasm-pack build first)`);
}

function generate(binary, module, target, flags) {
  const out = mkdtempSync(join(tmpdir(), `yesan-glue-${target}-`));
  execFileSync(binary, ["--target", target, ...flags, "--out-dir", out, join(release, `${module.name}.wasm`)]);
  return out;
}

const RESET = ["--experimental-reset-state-function"];

/** The glue wasm-pack wrote must be what this wasm-bindgen makes of this
 * module: then the glue made with the reset function fits pkg's (optimized)
 * module too, since the flag changes only JavaScript. */
function checkSameInput(binary, module) {
  const built = readFileSync(join(module.dir, `${module.name}.js`), "utf8");
  const same = [[], RESET].some((flags) => {
    const out = generate(binary, module, "web", flags);
    const glue = readFileSync(join(out, `${module.name}.js`), "utf8");
    rmSync(out, { recursive: true });
    return glue === built;
  });
  if (!same) throw new Error(`${module.name}.js is not the glue of target/…/${module.name}.wasm: run wasm-pack build again`);
}

/** The glue with the reset function: an ES module and a CommonJS one (for
 * require("yesan"), which loads the second module synchronously), and for
 * the core the types for both. */
function writeGlue(binary, module) {
  const web = generate(binary, module, "web", RESET);
  copyFileSync(join(web, `${module.name}.js`), join(module.dir, `${module.name}.js`));
  copyFileSync(join(web, `${module.name}.d.ts`), join(module.dir, `${module.name}.d.ts`));
  rmSync(web, { recursive: true });
  rmSync(join(module.dir, `${module.name}_bg.wasm.d.ts`), { force: true });
  const node = generate(binary, module, "nodejs", RESET);
  copyFileSync(join(node, `${module.name}.js`), join(module.dir, `${module.name}.cjs`));
  rmSync(node, { recursive: true });
  if (module.dir !== pkg) return;
  copyFileSync(join(module.dir, `${module.name}.d.ts`), join(module.dir, `${module.name}.d.cts`));
}

/** Replaces `from` by `to` exactly `count` times, or fails. */
function replaceExactly(text, from, to, count) {
  const parts = text.split(from);
  if (parts.length !== count + 1) throw new Error(`expected ${count} × ${from}, found ${parts.length - 1}`);
  return parts.join(to);
}

async function writeOwnCode() {
  for (const file of ["api.js", "money.js", "index.js", "node.js", "loading.js", "sheets-browser.js", "sheets-node.js", "index.d.ts", "README.md", "CHANGELOG.md"]) {
    copyFileSync(join(npm, file), join(pkg, file));
  }
  for (const file of SHARED) copyFileSync(join(root, "www", file), join(pkg, file));
  writeCp949();
  copyFileSync(join(root, "LICENSE"), join(pkg, "LICENSE"));
  const cjs = await build({
    entryPoints: [join(npm, "index-cjs.js")],
    plugins: [besideInPackage],
    bundle: true,
    external: ["./yesan.js", "#sheets", "./sheets/yesan_sheets.cjs"],
    format: "cjs",
    platform: "node",
    target: "node18",
    write: false,
  });
  const api = replaceExactly(cjs.outputFiles[0].text, 'require("./yesan.js")', 'require("./yesan.cjs")', 2);
  writeFileSync(join(pkg, "index.cjs"), api);
  const types = readFileSync(join(npm, "index.d.ts"), "utf8");
  writeFileSync(join(pkg, "index.d.cts"), replaceExactly(types, '"./yesan.js"', '"./yesan.cjs"', 4));
  writeInline();
}

/** The page's modules that npm/'s own code imports as its siblings. */
const SHARED = ["readers.js", "expand.js"];
const SHARED_FILTER = /^\.\/(readers|expand)\.js$/;

/** npm/'s siblings as the package holds them: cp949.js (written to pkg/)
 * and the page's modules (www/). */
const besideInPackage = {
  name: "yesan-package-siblings",
  setup(build) {
    build.onResolve({ filter: /^\.\/cp949\.js$/ }, () => ({ path: join(pkg, "cp949.js") }));
    build.onResolve({ filter: SHARED_FILTER }, (args) => ({ path: join(root, "www", args.path) }));
  },
};

/** cp949.js: CP949's index (23,750 code points as little-endian u16, in
 * base64), which the core module installs on the first CP949 file. It is
 * taken from the second module, which has it built in. */
function writeCp949() {
  const glue = join(pkg, "sheets", "yesan_sheets.js");
  const source = `import { initSync, cp949Index } from ${JSON.stringify(glue)};
    import { readFileSync } from "node:fs";
    initSync({ module: readFileSync(${JSON.stringify(join(pkg, "sheets", "yesan_sheets_bg.wasm"))}) });
    process.stdout.write(Buffer.from(cp949Index()).toString("base64"));`;
  const base64 = execFileSync(process.execPath, ["--input-type=module", "-e", source], { encoding: "utf8", maxBuffer: 1 << 24 });
  writeFileSync(
    join(pkg, "cp949.js"),
    `// CP949's index for yesan's core module (the WHATWG EUC-KR index: 23,750\n// code points, each a little-endian u16, in base64), loaded on the first\n// CP949 file. Generated by scripts/package.mjs from the second module.\nexport default ${JSON.stringify(base64)};\n`,
  );
}

/** yesan/inline: the same API with the module inside the file, in base64,
 * for bundlers that copy no `new URL("….wasm", import.meta.url)` asset
 * (esbuild, Rollup without a plugin): nothing to copy, 1.33 times the
 * module's bytes to download. */
function writeInline() {
  const wasm = readFileSync(join(pkg, "yesan_bg.wasm")).toString("base64");
  const source = readFileSync(join(npm, "inline.js"), "utf8");
  writeFileSync(join(pkg, "inline.js"), replaceExactly(source, '"WASM_BASE64"', JSON.stringify(wasm), 1));
  writeFileSync(join(pkg, "inline.d.ts"), 'export * from "./index.js";\n');
}

/** The page's modules as the package holds them: `./pkg/x` (the page's copy
 * of the package) is `./x` beside the bundle, and left to load from there;
 * d3's parts are bundled from node_modules. */
const fromPage = {
  name: "yesan-page-modules",
  setup(build) {
    build.onResolve({ filter: /^\.\/vendor\/d3\.js$/ }, () => ({ path: join(root, "scripts/d3-parts.js") }));
    build.onResolve({ filter: /^\.\/(yesan|money|api|cp949)\.js$|^\.\/sheets\// }, (args) => ({ path: args.path, external: true }));
    // npm/'s own siblings from the page (the readers, expandReport) and
    // the second module, which stays a file of its own.
    build.onResolve({ filter: SHARED_FILTER }, (args) =>
      dirname(args.importer) === npm ? { path: join(root, "www", args.path) } : undefined,
    );
    build.onResolve({ filter: /^#sheets$/ }, (args) => ({ path: args.path, external: true }));
    // The package's own entries, loaded by yesan/worker from beside itself
    // (d3 has modules named index.js too: only npm/'s are left alone).
    build.onResolve({ filter: /^\.\/(index|thread)\.js$/ }, (args) =>
      dirname(args.importer) === npm ? { path: args.path, external: true } : undefined,
    );
    build.onLoad({ filter: /[\\/]www[\\/][^\\/]+\.js$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll('"./pkg/', '"./'),
      loader: "js",
    }));
  },
};

/** yesan/explorer and yesan/worker: ES modules for browsers and bundlers. */
async function writeBrowserEntries() {
  const entries = {
    explorer: join(root, "www/explorer.js"),
    worker: join(root, "www/worker.js"),
    "worker-client": join(npm, "worker.js"),
    "worker-node": join(npm, "worker-node.js"),
    thread: join(npm, "thread.js"),
  };
  for (const [name, entry] of Object.entries(entries)) {
    await build({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: ["worker-node", "thread"].includes(name) ? "node" : "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      plugins: [fromPage],
      outfile: join(pkg, `${name}.js`),
      logLevel: "warning",
    });
  }
  copyFileSync(join(root, "www/explorer.css"), join(pkg, "explorer.css"));
  for (const file of ["explorer.d.ts", "worker.d.ts"]) copyFileSync(join(npm, file), join(pkg, file));
}

function writePackageJson() {
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
  const version = cargo.match(/^version = "([^"]+)"/m)[1];
  const description = cargo.match(/^description = "([^"]+)"/m)[1];
  const manifest = {
    name: "yesan",
    version,
    description,
    license: "MIT",
    type: "module",
    keywords: ["budget", "decimal", "wasm", "csv", "korea", "open-data", "fiscal"],
    engines: { node: ">=18" },
    exports: {
      ".": {
        node: {
          import: { types: "./index.d.ts", default: "./node.js" },
          require: { types: "./index.d.cts", default: "./index.cjs" },
        },
        import: { types: "./index.d.ts", default: "./index.js" },
        require: { types: "./index.d.cts", default: "./index.cjs" },
        default: { types: "./index.d.ts", default: "./index.js" },
      },
      "./inline": { types: "./inline.d.ts", default: "./inline.js" },
      "./explorer": { types: "./explorer.d.ts", default: "./explorer.js" },
      "./worker": {
        types: "./worker.d.ts",
        node: "./worker-node.js",
        default: "./worker-client.js",
      },
      "./explorer.css": "./explorer.css",
      "./yesan_bg.wasm": "./yesan_bg.wasm",
      "./sheets/yesan_sheets_bg.wasm": "./sheets/yesan_sheets_bg.wasm",
      "./package.json": "./package.json",
    },
    main: "./index.cjs",
    module: "./index.js",
    types: "./index.d.ts",
    // The entry points load the module when imported; the rest is pure.
    sideEffects: ["./index.js", "./inline.js", "./node.js", "./index.cjs", "./yesan.cjs", "./explorer.js", "./worker.js", "./thread.js"],
    // The second module (spreadsheets, HTML tables), loaded on first use.
    imports: {
      "#sheets": { node: "./sheets-node.js", default: "./sheets-browser.js" },
    },
    files: [
      "yesan_bg.wasm", "yesan.js", "yesan.cjs", "yesan.d.ts", "yesan.d.cts",
      "api.js", "money.js", "index.js", "node.js", "index.cjs", "index.d.ts", "index.d.cts",
      "loading.js", "readers.js", "expand.js", "cp949.js",
      "inline.js", "inline.d.ts",
      "sheets-browser.js", "sheets-node.js",
      "explorer.js", "explorer.css", "explorer.d.ts", "worker.js", "worker-client.js", "worker.d.ts",
      "worker-node.js", "thread.js",
      "sheets/yesan_sheets.js", "sheets/yesan_sheets.cjs", "sheets/yesan_sheets.d.ts", "sheets/yesan_sheets_bg.wasm",
      "README.md", "CHANGELOG.md", "LICENSE",
    ],
  };
  writeFileSync(join(pkg, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

const binary = bindgen(bindgenVersion());
for (const module of MODULES) {
  checkSameInput(binary, module);
  writeGlue(binary, module);
}
await writeOwnCode();
await writeBrowserEntries();
writePackageJson();
console.log(`pkg/: the npm package yesan (wasm-bindgen ${bindgenVersion()}, glue with reset)`);
