// One cold call and four warm ones, in one Node process, of `analyze` on
// the main thread and of `yesan/worker` on two threads (the 1M-line file,
// by 실국명 × 부서명): for comparing two builds, run alternately, e.g. this
// checkout's pkg/ and an older commit's built in a worktree.
//   node bench/warm.mjs [pkg dir=pkg] [lines=1000000]
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = pathToFileURL(resolve(process.argv[2] ?? join(root, "pkg"))).href;
const lines = Number(process.argv[3] ?? 1_000_000);
const file = join(root, "bench", "data", `budget-${lines}.csv`);
if (!existsSync(file)) await generate(lines, file);

const { analyzeInWorker } = await import(`${dir}/worker-node.js`);
const { analyze } = await import(`${dir}/node.js`);
const bytes = readFileSync(file);
const options = { by: ["실국명", "부서명"] };
const times = { analyze: [], "2 threads": [] };
for (let round = 0; round < 5; round++) {
  let start = performance.now();
  analyze(bytes, options);
  times.analyze.push(Math.round(performance.now() - start));
  start = performance.now();
  await analyzeInWorker(bytes, options, { workers: 2 });
  times["2 threads"].push(Math.round(performance.now() - start));
}
for (const [name, ms] of Object.entries(times)) console.log(`${name}: cold ${ms[0]} ms, warm ${ms.slice(1).join(", ")} ms`);
process.exit(0);
