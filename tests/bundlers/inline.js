// The app for yesan/inline: analyze() with the module inside the package's
// file, bundled by esbuild and Rollup with nothing copied beside the bundle.
import { analyze, analyzeFile, formatMoney } from "yesan/inline";

const csv = "부서,2024 예산,2025 예산\n복지국,1200,1500\n교통국,800,700\n";
const total = analyze(csv, { unit: "million" }).totals.find((t) => t.column === "2025 예산");
document.getElementById("total").textContent = formatMoney(total.value, "million");
document.body.dataset.explorer = total.value;

// A CP949 file ("부서,예산 / 복지국,1500 / 교통국,700"): analyzeFile loads
// CP949's index (cp949.js) first, wherever the bundler put it.
const cp949 = new Uint8Array([186, 206, 188, 173, 44, 191, 185, 187, 234, 10, 186, 185, 193, 246, 177, 185, 44, 49, 53, 48, 48, 10, 177, 179, 197, 235, 177, 185, 44, 55, 48, 48, 10]);
analyzeFile(cp949).then(
  (r) => (document.body.dataset.cp949 = r.totals[0].value),
  (e) => (document.body.dataset.cp949 = `error: ${e.message}`),
);
