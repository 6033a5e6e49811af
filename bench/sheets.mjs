// Spreadsheets: the sizes of the two modules, and the time to read an
// .xlsx of N rows (made here with fflate: shared strings, numbers stored as
// numbers, a third of them binary fractions) in Node, against the same
// table as CSV, and dropped on the page in headless Chromium. Run after
// `make build` (and `npm ci` in bench/):
//
//   node bench/sheets.mjs [rows=250000]     (250,000 rows: about 10 MB)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch } from "../tests/browser/harness.mjs";
import { gzipSync } from "node:zlib";
import { zipSync, strToU8 } from "fflate";

const rows = Number(process.argv[2] ?? 250_000);
const yesan = await import(new URL("../pkg/node.js", import.meta.url));

function gz(path) {
  const bytes = readFileSync(new URL(path, import.meta.url));
  return `${Math.round(gzipSync(bytes, { level: 9 }).length / 1024)} KB gzipped (${Math.round(bytes.length / 1024)} KB raw)`;
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** The table, as rows of cells: four levels of names and three amounts. */
function table() {
  const header = ["실국", "부서", "정책사업", "단위사업", "예산액", "예산현액", "집행액"];
  const body = [];
  for (let i = 0; i < rows; i++) {
    const budget = 1000 + ((i * 7919) % 100_000);
    body.push([`실국${i % 12}`, `부서${i % 97}`, `정책${i % 1009}`, `단위${i}`, budget, budget + (i % 50), i % 3 === 0 ? budget * 0.75 + 0.1 : budget - (i % 100)]);
  }
  return [header, ...body];
}

function column(c) {
  return String.fromCharCode(65 + c);
}

function xlsx(cells) {
  const strings = new Map();
  const index = (text) => {
    if (!strings.has(text)) strings.set(text, strings.size);
    return strings.get(text);
  };
  const sheetRows = cells.map((row, r) => {
    const xml = row.map((value, c) => {
      const ref = `${column(c)}${r + 1}`;
      return typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="s"><v>${index(value)}</v></c>`;
    });
    return `<row r="${r + 1}">${xml.join("")}</row>`;
  });
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="세출" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetRows.join("")}</sheetData></worksheet>`,
  };
  const shared = [...strings.keys()].map((s) => `<si><t>${escape(s)}</t></si>`).join("");
  files["xl/sharedStrings.xml"] = `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.size}" uniqueCount="${strings.size}">${shared}</sst>`;
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
}

function ms(start) {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

const cells = table();
const book = xlsx(cells);
const csv = strToU8(cells.map((row) => row.join(",")).join("\n"));

console.log(`core module:        ${gz("../pkg/yesan_bg.wasm")}`);
console.log(`spreadsheet module: ${gz("../pkg/sheets/yesan_sheets_bg.wasm")}`);
console.log(`${rows.toLocaleString()} rows: .xlsx ${Math.round(book.length / 1024)} KB, CSV ${Math.round(csv.length / 1024)} KB`);

let start = performance.now();
const workbook = await yesan.readSpreadsheet(book);
console.log(`readSpreadsheet (first: loads the module): ${ms(start)}`);
start = performance.now();
const report = yesan.analyze(workbook);
console.log(`analyze(workbook): ${ms(start)}`);
start = performance.now();
await yesan.readSpreadsheet(book);
console.log(`readSpreadsheet again: ${ms(start)}`);
start = performance.now();
const fromCsv = yesan.analyze(csv);
console.log(`analyze(CSV of the same table): ${ms(start)}`);
const same = JSON.stringify(report.totals.map((t) => t.value)) === JSON.stringify(fromCsv.totals.map((t) => t.value));
console.log(`same totals: ${same} (${report.totals.map((t) => t.value).join(", ")})`);
if (!same) process.exit(1);

// The page: the file chosen, until the figures are shown (the worker loads
// the spreadsheet module, reads the workbook and analyses it).
const dir = fileURLToPath(new URL("data/", import.meta.url));
mkdirSync(dir, { recursive: true });
const file = join(dir, `budget-${rows}.xlsx`);
writeFileSync(file, book);
const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(server.url);
  await page.waitForSelector("body[data-state=ready]");
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  start = performance.now();
  await page.setInputFiles("#file", file);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
  const state = await page.evaluate(() => document.body.dataset.state);
  console.log(`Chromium, the .xlsx chosen on the page until its figures show: ${ms(start)} (${state})`);
} finally {
  await browser.close();
  server.close();
}
