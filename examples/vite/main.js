// The tiny app every bundler builds with no configuration: the package's
// analyze() on the main thread, and <yesan-explorer> (with its worker).
import { analyze, analyzeFile, formatMoney } from "yesan";
import "yesan/explorer";

const csv = "부서,2024 예산,2025 예산\n복지국,1200,1500\n교통국,800,700\n";
const report = analyze(csv, { unit: "million" });
const total = report.totals.find((t) => t.column === "2025 예산");
document.getElementById("total").textContent = formatMoney(total.value, "million");

const explorer = document.getElementById("explorer");
explorer.addEventListener("yesan-load", (event) => {
  document.body.dataset.explorer = event.detail.report.totals.find((t) => t.column === "2025 예산").value;
});
explorer.addEventListener("yesan-error", (event) => {
  document.body.dataset.explorer = `error: ${event.detail.error.messageEn}`;
});
explorer.data = csv;

// A CP949 file ("부서,예산 / 복지국,1500 / 교통국,700"): analyzeFile loads
// CP949's index (cp949.js) first, wherever the bundler put it.
const cp949 = new Uint8Array([186, 206, 188, 173, 44, 191, 185, 187, 234, 10, 186, 185, 193, 246, 177, 185, 44, 49, 53, 48, 48, 10, 177, 179, 197, 235, 177, 185, 44, 55, 48, 48, 10]);
analyzeFile(cp949).then(
  (r) => (document.body.dataset.cp949 = r.totals[0].value),
  (e) => (document.body.dataset.cp949 = `error: ${e.message}`),
);

// The explorer given the CP949 file: its worker loads CP949's index.
const second = document.getElementById("explorer-cp949");
second.addEventListener("yesan-load", (event) => (document.body.dataset.explorerCp949 = event.detail.report.totals[0].value));
second.addEventListener("yesan-error", (event) => (document.body.dataset.explorerCp949 = `error: ${event.detail.error.messageEn}`));
second.data = cp949;
