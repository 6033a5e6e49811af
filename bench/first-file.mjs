// The first data file a visitor chooses, in the page: headless Chromium, a
// fresh page each run, left idle for `wait` ms after it is ready (the user
// finding the file), then the file chosen; the time is from choosing it to
// its figures. For comparing two builds, run alternately, e.g. this
// checkout's www/ and an older commit's built in a worktree.
//   node bench/first-file.mjs [www dir=www] [file=first 20,000 lines of the benchmark file] [runs=5] [wait=2000] [workers=1]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch } from "../tests/browser/harness.mjs";
import { generate } from "./generate.mjs";
import { chooseFile } from "./choose.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const [dirArg, fileArg, runsArg, waitArg, workersArg] = process.argv.slice(2);
const dir = resolve(dirArg ?? join(root, "www"));
const runs = Number(runsArg ?? 5);
const wait = Number(waitArg ?? 2000);
const workers = Number(workersArg ?? 1);

async function defaultFile() {
  const whole = join(root, "bench/data/budget-1000000.csv");
  const file = join(root, "bench/data/first-20000.csv");
  if (existsSync(file)) return file;
  mkdirSync(join(root, "bench/data"), { recursive: true });
  if (!existsSync(whole)) await generate(1_000_000, whole);
  const bytes = readFileSync(whole);
  let at = -1;
  for (let i = 0; i < 20_001; i++) at = bytes.indexOf(10, at + 1);
  writeFileSync(file, bytes.subarray(0, at + 1));
  return file;
}

const file = fileArg ? resolve(fileArg) : await defaultFile();
const server = await serve(dir);
const browser = await launch();
const times = [];
try {
  for (let run = 0; run < runs; run++) {
    const { page, ms } = await chooseFile(browser, server.url, file, { workers, wait });
    times.push(Math.round(ms));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${dir}: ${file.split("/").pop()}, idle ${wait} ms, ${workers} worker(s): ${times.join(", ")} ms`);
