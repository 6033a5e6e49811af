// The npm package as a user gets it: `npm pack` of pkg/, unpacked into a
// fresh project's node_modules, then imported, required and type-checked
// there the way the package's README says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./load.mjs";

const work = mkdtempSync(join(tmpdir(), "yesan-package-"));
const packed = JSON.parse(
  execFileSync("npm", ["pack", join(root, "pkg"), "--json", "--pack-destination", work], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
)[0];
const project = join(work, "app");
mkdirSync(join(project, "node_modules", "yesan"), { recursive: true });
execFileSync("tar", ["-xzf", join(work, packed.filename), "-C", join(project, "node_modules", "yesan"), "--strip-components=1"]);
writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
const fixture = join(root, "tests/fixtures/world/es_municipal.csv");

/** Runs a script in the project, as a file of its own; returns its output. */
function run(name, source) {
  writeFileSync(join(project, name), source);
  return execFileSync(process.execPath, [join(project, name)], { cwd: project, encoding: "utf8", maxBuffer: 1 << 28 }).trim();
}

test("npm pack holds the module, the entries and their types, and nothing else", () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "CHANGELOG.md", "LICENSE", "README.md", "api.js", "cp949.js", "expand.js", "explorer.css", "explorer.d.ts", "explorer.js",
    "index.cjs", "index.d.cts", "index.d.ts", "index.js", "inline.d.ts", "inline.js", "loading.js", "money.js", "node.js", "package.json",
    "readers.js", "sheets-browser.js", "sheets-node.js",
    "sheets/yesan_sheets.cjs", "sheets/yesan_sheets.d.ts", "sheets/yesan_sheets.js", "sheets/yesan_sheets_bg.wasm",
    "thread.js", "worker-client.js", "worker-node.js", "worker.d.ts", "worker.js",
    "yesan.cjs", "yesan.d.cts", "yesan.d.ts", "yesan.js", "yesan_bg.wasm",
  ]);
  // The browser entries load the core's glue from beside themselves: one copy.
  for (const entry of ["explorer.js", "worker.js", "worker-client.js"]) {
    const text = readFileSync(join(project, "node_modules/yesan", entry), "utf8");
    if (entry !== "worker-client.js") assert.match(text, /from"\.\/yesan\.js"/, entry);
    assert.doesNotMatch(text, /\.\/pkg\//, entry);
  }
  const manifest = JSON.parse(readFileSync(join(project, "node_modules/yesan/package.json"), "utf8"));
  assert.equal(manifest.name, "yesan");
  assert.equal(manifest.repository, undefined, "no made-up repository address");
  assert.ok(manifest.engines.node);
  assert.ok(manifest.exports["."].node.import && manifest.exports["."].require && manifest.exports["."].import);
});

test("yesan/inline holds the module: the same report, with no .wasm file read", () => {
  const out = run("inline.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze } from "yesan/inline";
    const report = analyze(readFileSync(${JSON.stringify(fixture)}));
    console.log(JSON.stringify(report.totals.map((t) => [t.column, t.value])));
  `);
  assert.deepEqual(JSON.parse(out), [["Aprobado", "4115700"], ["Modificado", "4176700"], ["Ejercido", "2789525"]]);
  const inline = readFileSync(join(project, "node_modules/yesan/inline.js"), "utf8");
  assert.ok(inline.length > 1_000_000, "the module is inside the file");
});

test("yesan/worker in Node reads on worker threads from the installed package, kept for the next call, and lets the process end", () => {
  // The threads are kept between calls but hold the process open only while
  // a call is pending: the script ends by itself (execFileSync would time
  // out otherwise), the second call on the threads the first started.
  const started = Date.now();
  writeFileSync(join(project, "threads.mjs"), `
    import { readFileSync } from "node:fs";
    import { analyzeInWorker } from "yesan/worker";
    const bytes = readFileSync(${JSON.stringify(fixture)});
    const first = await analyzeInWorker(bytes, {}, { workers: 2 });
    const second = await analyzeInWorker(bytes, {}, { workers: 2 });
    console.log(JSON.stringify([first.totals.map((t) => [t.column, t.value]), JSON.stringify(first) === JSON.stringify(second)]));
  `);
  const out = execFileSync(process.execPath, [join(project, "threads.mjs")], { cwd: project, encoding: "utf8", timeout: 30_000 }).trim();
  assert.deepEqual(JSON.parse(out), [[["Aprobado", "4115700"], ["Modificado", "4176700"], ["Ejercido", "2789525"]], true]);
  assert.ok(Date.now() - started < 30_000);
});

test("import { analyze } from 'yesan' works in Node with no bytes passed by hand", () => {
  const out = run("esm.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, formatAmount, Budget } from "yesan";
    const report = analyze(readFileSync(${JSON.stringify(fixture)}));
    const budget = new Budget(readFileSync(${JSON.stringify(fixture)}));
    console.log(JSON.stringify([report.totals.map((t) => [t.column, t.value]), budget.rows, formatAmount("41018", "million", "korean")]));
  `);
  const [totals, rows, korean] = JSON.parse(out);
  assert.deepEqual(totals, [["Aprobado", "4115700"], ["Modificado", "4176700"], ["Ejercido", "2789525"]]);
  assert.equal(rows, 9);
  assert.equal(korean, "410억 1,800만원");
});

test("require('yesan') gives the same report, and the same error class", () => {
  const out = run("cjs.cjs", `
    const { readFileSync } = require("node:fs");
    const { analyze, YesanError } = require("yesan");
    const report = analyze(readFileSync(${JSON.stringify(fixture)}));
    let caught;
    try { analyze("부서,예산액\\n가,1\\n나,\\"2\\n"); } catch (e) { caught = e; }
    console.log(JSON.stringify([report.totals.map((t) => t.value), caught instanceof YesanError, caught.code, caught.row]));
  `);
  assert.deepEqual(JSON.parse(out), [["4115700", "4176700", "2789525"], true, "unterminated_quote", 3]);
});

const workbook = join(root, "tests/fixtures/sheets/programmes.xlsx");
const cp949 = join(root, "tests/fixtures/encodings/programs.cp949.csv");
const utf8 = join(root, "tests/fixtures/encodings/programs.utf8-bom.csv");
const html = join(root, "tests/fixtures/reports/004_history.html");

test("CP949 text and HTML tables load their readers on the first such file: at once in Node, by analyzeFile elsewhere", () => {
  // yesan/inline has no synchronous loaders, as in a browser (and shares
  // its modules with "yesan": it is run on its own).
  const out = run("readers.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, analyzeFile, Budget, YesanError } from "yesan/inline";
    const [cp949, utf8, html] = [${JSON.stringify(cp949)}, ${JSON.stringify(utf8)}, ${JSON.stringify(html)}].map((f) => readFileSync(f));
    const codes = [];
    for (const bytes of [cp949, html]) {
      try { analyze(bytes); } catch (e) { codes.push([e.code, e instanceof YesanError, /analyzeFile/.test(e.message)]); }
    }
    const first = await analyzeFile(cp949);
    const again = analyze(cp949);
    const table = await analyzeFile(new Blob([html]));
    const budget = await Budget.open(html);
    console.log(JSON.stringify({
      codes,
      cp949: [first.source.encoding, first.totals[0].value, JSON.stringify(again) === JSON.stringify(first)],
      sameAsUtf8: JSON.stringify(first.tree) === JSON.stringify(analyze(utf8).tree),
      html: [table.source.format, budget.rows === table.rows],
      reports: [first, table],
    }));
  `);
  const inNode = run("readers-node.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze } from "yesan";
    const files = [${JSON.stringify(cp949)}, ${JSON.stringify(html)}];
    console.log(JSON.stringify(files.map((f) => analyze(readFileSync(f)))));
  `);
  const result = JSON.parse(out);
  assert.deepEqual(result.codes, [["cp949_not_loaded", true, true], ["html_not_loaded", true, true]]);
  assert.equal(result.cp949[0], "cp949");
  assert.equal(result.cp949[2], true);
  assert.equal(result.sameAsUtf8, true);
  assert.deepEqual(result.html, ["html", true]);
  assert.deepEqual(result.reports, JSON.parse(inNode), "the same reports as Node's synchronous analyze");
  // The first call of a fresh process a stream: its first chunks are read
  // again once the index is in, in small chunks and in one.
  const streamed = run("readers-stream.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, Budget } from "yesan";
    const bytes = readFileSync(${JSON.stringify(cp949)});
    const reports = [100, bytes.length].map((size) => {
      let at = 0;
      const budget = Budget.fromChunks(() => bytes.subarray(at, (at += size)));
      return JSON.stringify(budget.report());
    });
    console.log(JSON.stringify([reports[0] === reports[1], reports[0] === JSON.stringify(analyze(bytes)), JSON.parse(reports[0]).source.encoding]));
  `);
  assert.deepEqual(JSON.parse(streamed), [true, true, "cp949"]);
  const cjs = run("readers.cjs", `
    const { readFileSync } = require("node:fs");
    const { analyze } = require("yesan");
    const reports = [${JSON.stringify(cp949)}, ${JSON.stringify(html)}].map((f) => analyze(readFileSync(f)));
    console.log(JSON.stringify(reports));
  `);
  assert.deepEqual(JSON.parse(cjs), JSON.parse(inNode), "require('yesan') reads both at once too");
});

const shiftJis = join(root, "tests/fixtures/encodings/jp_settlement.shift_jis.csv");
const gbk = join(root, "tests/fixtures/encodings/zh_final_accounts.gbk.csv");
const japanese = join(root, "tests/fixtures/world/jp_city_settlement_by_kan.csv");
const chinese = join(root, "tests/fixtures/world/zh_county_final_accounts.csv");

test("Shift_JIS and GBK text is decoded by the second module: the reports of the UTF-8 originals, at once in Node, by analyzeFile elsewhere", () => {
  const files = JSON.stringify([shiftJis, gbk, japanese, chinese]);
  const inline = run("cjk.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, analyzeFile, Budget } from "yesan/inline";
    const [sjis, gbk, ja, zh] = ${files}.map((f) => readFileSync(f));
    let code;
    try { analyze(sjis); } catch (e) { code = e.code; }
    const reports = [await analyzeFile(sjis), await analyzeFile(gbk)];
    let chunks;
    try { let done = false; Budget.fromChunks(() => (done ? new Uint8Array(0) : ((done = true), sjis))); } catch (e) { chunks = e.code; }
    const without = (r) => JSON.stringify({ ...r, source: { ...r.source, encoding: null } });
    console.log(JSON.stringify({
      code, chunks,
      encodings: reports.map((r) => r.source.encoding),
      totals: reports[0].totals.map((t) => t.value),
      same: [without(reports[0]) === without(analyze(ja)), without(reports[1]) === without(analyze(zh))],
    }));
  `);
  const node = run("cjk-node.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze } from "yesan";
    console.log(JSON.stringify(${files}.slice(0, 2).map((f) => analyze(readFileSync(f)).source.encoding)));
  `);
  const result = JSON.parse(inline);
  // Legacy text is tried as CP949 first: the index is what a browser
  // loads first; then the second module.
  assert.equal(result.code, "cp949_not_loaded");
  assert.equal(result.chunks, "encoding_not_loaded", "a stream is not decoded by the second module");
  assert.deepEqual(result.encodings, ["shift_jis", "gbk"]);
  assert.deepEqual(result.totals, ["87960000000", "106430416000", "92736569118"]);
  assert.deepEqual(result.same, [true, true]);
  assert.deepEqual(JSON.parse(node), ["shift_jis", "gbk"]);
});

const polish = join(root, "tests/fixtures/world/pl_gmina_wykonanie.csv");
const ukrainian = join(root, "tests/fixtures/encodings/ua_state_revenue_2014.windows-1251.csv");

test("Windows-1250 and Windows-1251 text is told apart by the second module: at once in Node, by analyzeFile elsewhere", () => {
  const files = JSON.stringify([polish, ukrainian]);
  const inline = run("single-byte.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, analyzeFile } from "yesan/inline";
    const [pl, ua] = ${files}.map((f) => readFileSync(f));
    let code;
    try { analyze(pl); } catch (e) { code = e.code; }
    const reports = [await analyzeFile(pl), await analyzeFile(ua)];
    console.log(JSON.stringify({
      code,
      encodings: reports.map((r) => r.source.encoding),
      totals: reports.map((r) => r.totals.map((t) => t.value)),
      names: [reports[0].tree.children[0].name, reports[1].columns[1].name],
    }));
  `);
  const node = run("single-byte-node.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze } from "yesan";
    console.log(JSON.stringify(${files}.map((f) => analyze(readFileSync(f)).source.encoding)));
  `);
  const result = JSON.parse(inline);
  // The core asks for a reader it lacks: CP949's index first where the
  // bytes come in pairs (`łą`, `ść`), then the detector.
  assert.match(result.code, /^(cp949|encoding)_not_loaded$/);
  assert.deepEqual(result.encodings, ["windows-1250", "windows-1251"]);
  assert.deepEqual(result.totals, [["5250000.00", "5700000.00", "5343000.00"], ["299196044.80"]]);
  assert.deepEqual(result.names, ["Transport i łączność", "Код"]);
  assert.deepEqual(JSON.parse(node), ["windows-1250", "windows-1251"]);
});

test("a spreadsheet is read by the second module, loaded on first use, from ESM and CommonJS", () => {
  const esm = run("sheet.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, readSpreadsheet, YesanError } from "yesan";
    // In Node the second module loads at once: analyze reads the bytes too.
    const direct = analyze(readFileSync(${JSON.stringify(workbook)}));
    const book = await readSpreadsheet(readFileSync(${JSON.stringify(workbook)}));
    const report = analyze(book);
    const other = analyze(book, { sheet: "결산" });
    let bad;
    try { await readSpreadsheet(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])); } catch (e) { bad = e; }
    console.log(JSON.stringify([JSON.stringify(direct) === JSON.stringify(analyze(book)), book.sheets.map((s) => s.name), report.source.sheet,
      report.totals.map((t) => t.value), report.execution.rate, other.source.sheet, bad instanceof YesanError, bad.code]));
  `);
  assert.deepEqual(JSON.parse(esm), [true, ["안내", "세출", "결산"], "세출", ["15159", "16500", "8744"], "53.0", "결산", true, "bad_spreadsheet"]);
  const cjs = run("sheet.cjs", `
    const { readFileSync } = require("node:fs");
    const { analyze, readSpreadsheet } = require("yesan");
    readSpreadsheet(readFileSync(${JSON.stringify(workbook)})).then((book) => console.log(analyze(book).totals[0].value));
  `);
  assert.equal(cjs, "15159");
  const zip = join(root, "tests/fixtures/fdp/municipio.zip");
  const archive = run("archive.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, readArchive } from "yesan";
    const files = await readArchive(readFileSync(${JSON.stringify(zip)}));
    const descriptor = JSON.parse(new TextDecoder().decode(files.find((f) => f.name === "datapackage.json").data));
    const csv = files.find((f) => f.name === "presupuesto.csv").data;
    const book = await readArchive(readFileSync(${JSON.stringify(workbook)}));
    console.log(JSON.stringify([files.map((f) => f.name), analyze(csv, { package: descriptor }).execution.rate, book]));
  `);
  assert.deepEqual(JSON.parse(archive), [["datapackage.json", "presupuesto.csv"], "67.8", null]);
});

test("Budget.series reads a budget and its actuals as one, with execution item by item", () => {
  const out = run("series.mjs", `
    import { Budget } from "yesan";
    const budget = "Department,Adopted 2023\\nHealth,13890000\\nParks,1500000\\n";
    const actuals = "Department,Actual 2023\\nHealth,12501000\\nParks,1050000\\n";
    const series = Budget.series([{ name: "budget-2023.csv", data: budget }, { name: "actuals-2023.csv", data: actuals }]);
    const report = series.report();
    console.log(JSON.stringify([report.source.files, report.execution.rate, report.tree.children.map((c) => [c.name, c.execution.rate])]));
  `);
  assert.deepEqual(JSON.parse(out), [
    [{ name: "budget-2023.csv", year: 2023 }, { name: "actuals-2023.csv", year: 2023 }],
    "88.1",
    [["Health", "90.0"], ["Parks", "70.0"]],
  ]);
});

test("formatMoney writes won in 조·억 and other currencies as Intl does, exactly, from ESM and CommonJS", () => {
  const script = (load) => `
    ${load}
    console.log(JSON.stringify([
      formatMoney("225941254764", "thousand"),
      formatMoney("41018", "million", "million"),
      formatMoney("41018", "million", "korean", "KRW", "en"),
      formatMoney("27158.57", "thousand", "korean", "USD", "en"),
      exactMoney("27158.57", "thousand", "USD", "en"),
      exactMoney("12345678901234567890.12", null, "EUR", "en"),
      exactMoney("41018", "million"),
      formatMoney("1500", null, "korean", null, "en"),
      formatMoney("-109600", "thousand", "korean", "KRW", "en"),
      exactMoney("-109600", "thousand", "KRW", "en"),
    ]));
  `;
  const expected = ["225조 9,413억원", "41,018백만원", "₩41 billion", "$27.2M", "$27,158,570.00", "€12,345,678,901,234,567,890.12", "41,018,000,000원", "1.5K", "-₩109.6 million", "-₩109,600,000"];
  assert.deepEqual(JSON.parse(run("money.mjs", script('import { formatMoney, exactMoney } from "yesan";'))), expected);
  assert.deepEqual(JSON.parse(run("money.cjs", script('const { formatMoney, exactMoney } = require("yesan");'))), expected);
});

test("examples/node/report.mjs prints a report of a CSV and of a workbook, and exits 1 on a bad file", () => {
  const example = readFileSync(join(root, "examples/node/report.mjs"), "utf8");
  writeFileSync(join(project, "report.mjs"), example);
  const script = join(project, "report.mjs");
  const csv = execFileSync(process.execPath, [script, join(root, "tests/fixtures/kr_national_out_net_bud_2010.csv"), "소관명"], { cwd: project, encoding: "utf8" });
  assert.match(csv, /^kr_national_out_net_bud_2010\.csv: \d+ rows, by 소관명\n/);
  assert.match(csv, /growth: 3\.9%/);
  const book = execFileSync(process.execPath, [script, join(root, "tests/fixtures/sheets/programmes.xlsx")], { cwd: project, encoding: "utf8" });
  assert.match(book, /2016 예산 예산액\(A\): 151억 5,900만원 \(15,159,000,000원\)/);
  assert.match(book, /execution: 53\.0%/);
  const bad = join(project, "bad.csv");
  writeFileSync(bad, "부서,예산액\n가,1\n나,\"2\n");
  assert.throws(() => execFileSync(process.execPath, [script, bad], { cwd: project, stdio: "pipe" }), (e) => e.status === 1 && /quote/.test(String(e.stderr)));
});

test("every error is a YesanError with its code, row and column", () => {
  const out = run("error.mjs", `
    import { analyze, YesanError } from "yesan";
    try { analyze("부서,예산액\\n가,1\\n나,2\\n다,3,4,5\\n"); } catch (e) {
      console.log(JSON.stringify([e instanceof YesanError, e instanceof Error, e.name, e.code, e.row, e.messageKo.length > 0]));
    }
  `);
  assert.deepEqual(JSON.parse(out), [true, true, "YesanError", "ragged_row", 4, true]);
});

test("a trapped module is made afresh: the call fails with module_trapped, the next one works", () => {
  // The instance's memory is grown to its 4 GiB maximum behind the
  // allocator's back, so that the next large allocation fails and the
  // module traps (`unreachable`), as it would on a bug.
  const out = run("trap.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, Budget, moduleRestarts, YesanError } from "yesan";
    import { initSync } from "./node_modules/yesan/yesan.js";
    const cp949 = readFileSync(${JSON.stringify(cp949)});
    analyze(cp949);
    const before = new Budget("부서,예산액\\n가,1\\n");
    const memory = initSync().memory;
    memory.grow(65536 - memory.buffer.byteLength / 65536);
    let trapped;
    try { analyze("a,b\\n" + "x,1\\n".repeat(2_000_000)); } catch (e) { trapped = e; }
    let lost;
    try { before.report(); } catch (e) { lost = e; }
    console.log(JSON.stringify([
      trapped instanceof YesanError, trapped.code, trapped.cause?.constructor.name, moduleRestarts(),
      analyze("a,b\\nx,1\\ny,2\\n").totals[0].value, lost?.code, new Budget("부서,예산액\\n가,7\\n").report().totals[0].value,
      // The fresh instance is given CP949's index again when it asks.
      analyze(cp949).source.encoding,
    ]));
  `);
  assert.deepEqual(JSON.parse(out), [true, "module_trapped", "RuntimeError", 1, "3", "budget_lost", "7", "cp949"]);
});

function typecheck(name, compilerOptions, files) {
  const dir = join(project, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const options = { strict: true, noEmit: true, skipLibCheck: false, target: "es2022", lib: ["es2022", "esnext.disposable", "dom"], ...compilerOptions };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, include: ["*.ts", "*.cts", "*.mts"] }));
  try {
    execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", dir], { cwd: dir, encoding: "utf8" });
  } catch (error) {
    assert.fail(`tsc (${name}):\n${error.stdout}`);
  }
}

const consumer = `
import { analyze, YesanError, type PackageErrorCode, type Report } from "yesan";
export function total(text: string): string {
  try {
    const report: Report = analyze(text);
    return report.totals[0]?.value ?? "0";
  } catch (e) {
    if (e instanceof YesanError) {
      const code: PackageErrorCode = e.code;
      return \`\${code} \${e.row ?? "?"} \${e.messageKo}\`;
    }
    throw e;
  }
}
// @ts-expect-error: not an error code
export const wrong: PackageErrorCode = "no_such_code";
`;

const embedder = `
import "yesan/explorer";
import { analyzeInWorker } from "yesan/worker";
import { analyze as analyzeInline } from "yesan/inline";
export const inlineTotal: string | null = analyzeInline("a,1").totals[0]?.value ?? null;
import type { Report } from "yesan";
const explorer = document.createElement("yesan-explorer");
explorer.data = "부서,예산액\\n가,1\\n";
explorer.addEventListener("yesan-select", (event) => console.log(event.detail.path.join(" > "), event.detail.item.amounts));
explorer.addEventListener("yesan-load", (event) => console.log(event.detail.report.totals.length));
export const shown: Report | null = document.querySelector("yesan-explorer")?.report ?? null;
export const inWorker: Promise<Report> = analyzeInWorker(new Blob(["a,1"]), { by: ["a"] }, { onProgress: (f) => console.log(f), workers: 2 });
// @ts-expect-error: not a place to skip to
explorer.skipTo("footer");
`;

test("the types resolve from TypeScript with moduleResolution bundler, node16 (ESM) and node16 (CommonJS)", () => {
  typecheck("ts-bundler", { module: "es2022", moduleResolution: "bundler" }, { "main.ts": consumer, "embed.ts": embedder });
  typecheck("ts-node16", { module: "node16", moduleResolution: "node16" }, { "main.mts": consumer });
  typecheck("ts-node16-cjs", { module: "node16", moduleResolution: "node16" }, { "main.cts": consumer });
});

test("the declared Report type fits real reports exactly: no field missing, none undeclared", () => {
  // tsc checks object literals for excess properties: a field the core
  // writes and the .d.ts does not declare (or a declared one it lacks) fails.
  const out = run("reports.mjs", `
    import { readFileSync } from "node:fs";
    import { analyze, readSpreadsheet } from "yesan";
    const files = [["world/us_city_adopted.csv"], ["world/kr_revenue_expense.csv"], ["world/long_four_years.csv"],
      ["world/row_type_subtotals.csv"], ["kr_national_out_net_bud_2010.csv", { by: ["소관명"] }],
      ["seoul_000_settlement.tsv"], ["reports/000_budget.txt"], ["reports/000_basis.txt"]];
    const dir = ${JSON.stringify(join(root, "tests/fixtures"))};
    const reports = files.map(([f, options]) => analyze(readFileSync(dir + "/" + f), options));
    reports.push(analyze(await readSpreadsheet(readFileSync(dir + "/sheets/programmes.xlsx"))));
    console.log(JSON.stringify(reports));
  `);
  const reports = JSON.parse(out);
  const literals = reports.map((r, i) => `export const r${i}: Report = ${JSON.stringify(r)};`).join("\n");
  typecheck("ts-report", { module: "es2022", moduleResolution: "bundler" }, { "reports.ts": `import type { Report } from "yesan";\n${literals}\n` });
});
