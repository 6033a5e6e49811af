// Makes pkg/ the npm package "yesan" after `wasm-pack build --target web`:
//
// - the glue again, from the same wasm-bindgen and the same module, with
//   `--experimental-reset-state-function` (which wasm-pack cannot pass), so
//   that a trapped instance can be made afresh; once as an ES module for
//   browsers, bundlers and Node (yesan.js), once as CommonJS (yesan.cjs);
// - the package's own JavaScript and types from npm/ (a guarded API, the
//   entry points, YesanError), CommonJS made from them by esbuild;
// - package.json with an `exports` map, the npm README, CHANGELOG, LICENSE.
//
//   node scripts/package.mjs
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const pkg = join(root, "pkg");
const npm = join(root, "npm");
const input = join(root, "target/wasm32-unknown-unknown/release/yesan.wasm");

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

function generate(binary, target, flags) {
  const out = mkdtempSync(join(tmpdir(), `yesan-glue-${target}-`));
  execFileSync(binary, ["--target", target, ...flags, "--out-dir", out, input]);
  return out;
}

/** The glue wasm-pack wrote must be what this wasm-bindgen makes of this
 * module: then the glue made with the reset function fits pkg's (optimized)
 * module too, since the flag changes only JavaScript. */
function checkSameInput(binary) {
  const built = readFileSync(join(pkg, "yesan.js"), "utf8");
  const same = [[], ["--experimental-reset-state-function"]].some((flags) => {
    const out = generate(binary, "web", flags);
    const glue = readFileSync(join(out, "yesan.js"), "utf8");
    rmSync(out, { recursive: true });
    return glue === built;
  });
  if (!same) throw new Error("pkg/yesan.js is not the glue of target/…/yesan.wasm: run wasm-pack build again");
}

function writeGlue(binary) {
  const web = generate(binary, "web", ["--experimental-reset-state-function"]);
  const node = generate(binary, "nodejs", ["--experimental-reset-state-function"]);
  copyFileSync(join(web, "yesan.js"), join(pkg, "yesan.js"));
  copyFileSync(join(web, "yesan.d.ts"), join(pkg, "yesan.d.ts"));
  copyFileSync(join(web, "yesan.d.ts"), join(pkg, "yesan.d.cts"));
  copyFileSync(join(node, "yesan.js"), join(pkg, "yesan.cjs"));
  rmSync(web, { recursive: true });
  rmSync(node, { recursive: true });
  rmSync(join(pkg, "yesan_bg.wasm.d.ts"), { force: true });
}

/** Replaces `from` by `to` exactly `count` times, or fails. */
function replaceExactly(text, from, to, count) {
  const parts = text.split(from);
  if (parts.length !== count + 1) throw new Error(`expected ${count} × ${from}, found ${parts.length - 1}`);
  return parts.join(to);
}

function writeOwnCode() {
  for (const file of ["api.js", "index.js", "node.js", "index.d.ts", "README.md", "CHANGELOG.md"]) {
    copyFileSync(join(npm, file), join(pkg, file));
  }
  copyFileSync(join(root, "LICENSE"), join(pkg, "LICENSE"));
  const cjs = buildSync({ entryPoints: [join(npm, "api.js")], format: "cjs", platform: "node", target: "node18", write: false });
  const api = replaceExactly(cjs.outputFiles[0].text, 'require("./yesan.js")', 'require("./yesan.cjs")', 1);
  writeFileSync(join(pkg, "index.cjs"), api);
  const types = readFileSync(join(npm, "index.d.ts"), "utf8");
  writeFileSync(join(pkg, "index.d.cts"), replaceExactly(types, '"./yesan.js"', '"./yesan.cjs"', 3));
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
      "./yesan_bg.wasm": "./yesan_bg.wasm",
      "./package.json": "./package.json",
    },
    main: "./index.cjs",
    module: "./index.js",
    types: "./index.d.ts",
    // The entry points load the module when imported; the rest is pure.
    sideEffects: ["./index.js", "./node.js", "./index.cjs", "./yesan.cjs"],
    files: [
      "yesan_bg.wasm", "yesan.js", "yesan.cjs", "yesan.d.ts", "yesan.d.cts",
      "api.js", "index.js", "node.js", "index.cjs", "index.d.ts", "index.d.cts",
      "README.md", "CHANGELOG.md", "LICENSE",
    ],
  };
  writeFileSync(join(pkg, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

const binary = bindgen(bindgenVersion());
checkSameInput(binary);
writeGlue(binary);
writeOwnCode();
writePackageJson();
console.log(`pkg/: the npm package yesan (wasm-bindgen ${bindgenVersion()}, glue with reset)`);
