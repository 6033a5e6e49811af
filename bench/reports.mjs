// Reports of large trees in Node: `analyze` of the first 1,839 lines of the
// benchmark file by every level (9,899 nodes) and by two, and
// `budget.report()` by every level of its first 20,000 lines and of all of
// it. For comparing two builds, run alternately, e.g. this checkout's pkg/
// and an older commit's built in a worktree; each line is the first (cold)
// call and the median of the rest.
//   node bench/reports.mjs [pkg dir=pkg] [lines=1000000]
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = pathToFileURL(resolve(process.argv[2] ?? join(root, "pkg"))).href;
const lines = Number(process.argv[3] ?? 1_000_000);
const file = join(root, "bench", "data", `budget-${lines}.csv`);
if (!existsSync(file)) await generate(lines, file);

const { analyze, Budget } = await import(`${dir}/node.js`);
const bytes = readFileSync(file);
/** The file's first `count` lines. */
const head = (count) => {
  let at = -1;
  for (let i = 0; i < count; i++) at = bytes.indexOf(10, at + 1);
  return bytes.subarray(0, at + 1);
};

function time(name, runs, call) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    call();
    ms.push(performance.now() - start);
  }
  const warm = ms.slice(1).sort((a, b) => a - b);
  console.log(`${name}: cold ${ms[0].toFixed(0)} ms, warm median ${warm[warm.length >> 1].toFixed(1)} ms (${runs - 1} calls)`);
}

const small = head(1840);
time("analyze, 1,839 lines, every level", 15, () => analyze(small));
time("analyze, 1,839 lines, by 실국명 × 부서명", 21, () => analyze(small, { by: ["실국명", "부서명"] }));
for (const [name, data, runs] of [["20,000 lines", head(20001), 31], [`${lines.toLocaleString()} lines`, bytes, 8]]) {
  const budget = new Budget(data);
  time(`budget.report(), ${name}, every level`, runs, () => budget.report());
  budget.free();
}
