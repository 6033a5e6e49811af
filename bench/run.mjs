// The side-by-side benchmark: the same file, the same question (the three
// amounts rolled up by 실국명 and 부서명, with shares and execution rates),
// each engine in its own process, totals checked against each other.
//
//   node bench/run.mjs [lines=1000000] [engines=yesan,yesan-stream,duckdb,arquero,papaparse]
//   node bench/run.mjs --smoke        (make test: 2,000 lines, yesan only,
//                                      totals checked against an independent sum)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { generate } from "./generate.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const smoke = process.argv.includes("--smoke");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const lines = smoke ? 2000 : Number(args[0] ?? 1_000_000);
const engines = smoke ? ["yesan"] : (args[1] ?? "yesan,yesan-stream,duckdb,arquero,papaparse").split(",");

mkdirSync(join(here, "data"), { recursive: true });
const file = join(here, "data", `budget-${lines}.csv`);
if (!existsSync(file)) {
  process.stdout.write(`generating ${file} … `);
  await generate(lines, file);
  console.log("done");
}
const size = statSync(file).size;

function engine(name) {
  const out = execFileSync(process.execPath, ["--max-old-space-size=8192", join(here, "engine.mjs"), name, file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split("\n").pop());
}

/** The three totals summed with BigInt straight from the file. */
function independentTotals() {
  const totals = [0n, 0n, 0n];
  const text = readFileSync(file, "utf8");
  for (const line of text.split("\n").slice(1)) {
    if (!line) continue;
    const quoted = line.match(/^(.*),(\d+),(\d+),"([\d,]+)"$/);
    if (!quoted) throw new Error(`unexpected line: ${line}`);
    totals[0] += BigInt(quoted[2]);
    totals[1] += BigInt(quoted[3]);
    totals[2] += BigInt(quoted[4].replace(/,/g, ""));
  }
  return totals.map(String);
}

const results = engines.map(engine);
const reference = smoke ? independentTotals() : results[0].totals;
let agree = true;
for (const r of results) {
  if (JSON.stringify(r.totals) !== JSON.stringify(reference)) {
    agree = false;
    console.error(`${r.engine}: totals ${r.totals} differ from ${reference}`);
  }
}
const mb = (bytes) => (bytes / 1e6).toFixed(0);
const yesan = results.find((r) => r.engine === "yesan");
console.log(`\n${lines.toLocaleString()} lines, ${mb(size)} MB; rollup of 3 amounts by 실국명 × 부서명 (${results[0].groups} groups)\n`);
console.log("| engine | ready (ms) | parse + rollup (ms) | × yesan | peak memory (MB) | × file size |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of results) {
  const ratio = yesan ? (r.work / yesan.work).toFixed(2) : "";
  console.log(`| ${r.engine} | ${r.ready.toFixed(1)} | ${r.work.toFixed(0)} | ${ratio} | ${mb(r.peak)} | ${(r.peak / size).toFixed(2)} |`);
}
console.log(`\ntotals ${agree ? "agree" : "DIFFER"}: ${reference.join(", ")}`);

// The targets of issue 5, each with the figure it is held to.
const find = (name) => results.find((r) => r.engine === name);
const targets = [];
if (yesan && find("duckdb")) {
  const x = find("duckdb").work / yesan.work;
  targets.push([`parse + rollup ≥ 3× faster than DuckDB-WASM's query`, `${x.toFixed(2)}×`, x >= 3]);
}
if (yesan && find("arquero")) {
  const x = find("arquero").work / yesan.work;
  targets.push([`≥ 10× faster than Arquero`, `${x.toFixed(2)}×`, x >= 10]);
}
if (yesan) {
  const x = yesan.peak / size;
  targets.push([`peak memory ≤ 2× the file (analyze)`, `${x.toFixed(2)}×`, x <= 2]);
  targets.push([`module ready < 30 ms (Node: read + compile + instantiate)`, `${yesan.ready.toFixed(1)} ms`, yesan.ready < 30]);
}
const wasm = readFileSync(join(here, "..", "pkg", "yesan_bg.wasm"));
const gzipped = gzipSync(wasm, { level: 9 }).length;
targets.push([`core wasm ≤ 200 KB gzipped`, `${(gzipped / 1000).toFixed(0)} KB (${(wasm.length / 1000).toFixed(0)} KB raw)`, gzipped <= 200_000]);
if (!smoke) {
  console.log("\n| target (issue 5) | now | held |\n| --- | ---: | --- |");
  for (const [what, now, held] of targets) console.log(`| ${what} | ${now} | ${held ? "yes" : "no"} |`);
}
if (smoke) console.log(agree ? "1 passed, 0 failed" : "0 passed, 1 failed");
process.exit(agree ? 0 : 1);
