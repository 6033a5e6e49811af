#!/usr/bin/env node
// Prints a budget file's report, the way a developer would use the npm
// package in a Node script:
//
//   npm install yesan
//   node report.mjs budget.csv [column,column…]
//
// Any file yesan reads: CSV/TSV in UTF-8, UTF-16, CP949 or Windows-1252,
// an HTML table, a spreadsheet (.xlsx, .xls, .ods).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { analyze, exactMoney, formatMoney, readSpreadsheet, YesanError } from "yesan";

const [file, by] = process.argv.slice(2);
if (!file) {
  console.error("usage: node report.mjs FILE [column,column…]");
  process.exit(2);
}

try {
  let input = readFileSync(file);
  if (/\.(xlsx|xlsb|xls|ods)$/i.test(file)) input = await readSpreadsheet(input);
  const report = analyze(input, by ? { by: by.split(",") } : undefined);
  const unit = report.unit?.code ?? null;
  const money = (value) => (value == null ? "—" : formatMoney(value, unit, "korean", report.currency ?? null));
  console.log(`${basename(file)}: ${report.rows} rows, by ${report.hierarchy.join(" › ")}`);
  for (const total of report.totals) {
    console.log(`  ${total.column}: ${money(total.value)} (${exactMoney(total.value, unit, report.currency ?? null)})`);
  }
  const measure = report.growth?.to ?? report.totals[0]?.column;
  for (const item of report.tree.children.slice(0, 10)) {
    console.log(`  ${item.name}: ${money(item.amounts[measure])} · ${item.shareOfTotal[measure] ?? "—"}%`);
  }
  if (report.growth) console.log(`growth: ${report.growth.rate ?? "—"}% (${report.growth.from} → ${report.growth.to})`);
  if (report.execution) console.log(`execution: ${report.execution.rate ?? "—"}%`);
  for (const finding of report.audit.findings) {
    console.log(`finding: row ${finding.row}, ${finding.columnName}: ${finding.published} cannot be right`);
  }
} catch (error) {
  if (!(error instanceof YesanError)) throw error;
  console.error(`${file}: ${error.messageEn}`);
  process.exit(1);
}
