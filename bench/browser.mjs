// The same yesan run inside headless Chromium (Debian's, through
// playwright-core): module ready time, parse + rollup time, wasm memory.
//   node bench/browser.mjs [lines=1000000]
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { launch } from "../tests/browser/harness.mjs";
import { generate } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const lines = Number(process.argv[2] ?? 1_000_000);
const file = join(root, "bench", "data", `budget-${lines}.csv`);
if (!existsSync(file)) await generate(lines, file);

const port = 18000 + Math.floor(Math.random() * 1000);
const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/browser/index.html?file=/${relative(root, file)}`);
  const result = await page.waitForFunction(() => window.result, null, { timeout: 600_000 }).then((h) => h.jsonValue());
  console.log(
    `\nChromium, ${lines.toLocaleString()} lines: module ready ${result.ready.toFixed(1)} ms ` +
      `(compile + instantiate; loading the glue and the bytes from the local server took ${result.loaded.toFixed(1)} ms more), ` +
      `parse + rollup ${result.work.toFixed(0)} ms, wasm memory ${(result.wasmMemory / 1e6).toFixed(0)} MB`,
  );
  console.log(`totals: ${result.totals.join(", ")}`);
} finally {
  await browser.close();
  server.kill();
}
