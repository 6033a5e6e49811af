// The inputs issue 11 found costly, at the sizes it gave, through the WASM
// package in Node: each must finish in well under a second or end with its
// limit's error, and none may trap. Prints one line per input.
//
//   node bench/hardening.mjs
import { readFileSync } from "node:fs";

const yesan = await import(new URL("../pkg/yesan.js", import.meta.url));
const { expandReport } = await import(new URL("../pkg/expand.js", import.meta.url));
yesan.initSync({ module: readFileSync(new URL("../pkg/yesan_bg.wasm", import.meta.url)) });

const spans = (bytes) => {
  const cell = "<td colspan=100 rowspan=100>1</td>";
  let html = "<table><tr><th>a</th><th>b</th></tr>";
  while (html.length < bytes) html += `<tr>${cell.repeat(10)}</tr>`;
  return `${html}</table>`;
};
const table = (rows, columns, value) => {
  let text = `구분${Array.from({ length: columns }, (_, c) => `,금액${c}`).join("")}\n`;
  for (let r = 0; r < rows; r++) text += `항목${r}${Array.from({ length: columns }, (_, c) => `,${value(r, c)}`).join("")}\n`;
  return text;
};
const shares = () => {
  let text = `구분,예산액${Array.from({ length: 40 }, (_, c) => `,비율${c}(%)`).join("")}\n`;
  for (let r = 0; r < 999; r++) text += `항목${r},${(r % 97) + 1}${Array.from({ length: 40 }, (_, c) => `,${(r + c) % 3}.${c % 10}`).join("")}\n`;
  return text;
};
const deep = () => {
  let text = `${Array.from({ length: 999 }, (_, l) => `L${l},`).join("")}금액\n`;
  for (let r = 0; r < 20; r++) text += `${Array.from({ length: 999 }, (_, l) => `v${r}_${l},`).join("")}${r + 1}\n`;
  return text;
};
const alternating = () => {
  let text = "구분,금액\n";
  for (let i = 0; text.length < 548_000; i++) text += `항목${i},${i + 1}\n계,${i + 1}\n`;
  return text;
};

const cases = [
  ["19-digit number", () => "a,b\nx,9999999999999999999\n"],
  ["HTML spans, 99 KB", () => spans(99_000)],
  ["HTML spans, 430 KB", () => spans(430_000)],
  ["HTML spans, 1.3 MB", () => spans(1_300_000)],
  ["one row of 30,000 spanning cells", () => `<table><tr>${"<td colspan=100 rowspan=100>1</td>".repeat(30_000)}</tr></table>`],
  ["tree search, 998 rows × 10 negative", () => table(998, 10, (r, c) => ((r * 31 + c * 17) % 101) - 50)],
  ["tree search, 998 rows × 15 negative", () => table(998, 15, (r, c) => ((r * 31 + c * 17) % 101) - 50)],
  ["999 rows × 40 share columns", shares],
  ["basis line 1.1.1.… of 100 KB", () => `산출근거\n${"1.".repeat(50_000)}\n`],
  ["20 rows × 999 levels", deep],
  ["rows alternating with 계, 548 KB", alternating],
];

console.log("| input | bytes | time (ms) | result |\n| --- | ---: | ---: | --- |");
for (const [name, make] of cases) {
  const text = make();
  const started = performance.now();
  let result;
  try {
    const report = expandReport(yesan.analyze(text));
    result = `report, ${report.rows} rows${report.warnings.some((w) => w.code === "hierarchy_search_cut") ? ", search cut (warning)" : ""}`;
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw error;
    result = `error \`${error.code}\``;
  }
  const ms = performance.now() - started;
  console.log(`| ${name} | ${text.length.toLocaleString()} | ${ms.toFixed(0)} | ${result} |`);
}
