// The tiny app every bundler builds with no configuration: the package's
// analyze() on the main thread, and <yesan-explorer> (with its worker).
import { analyze, formatMoney } from "yesan";
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
