// The app for yesan/inline: analyze() with the module inside the package's
// file, bundled by esbuild and Rollup with nothing copied beside the bundle.
import { analyze, formatMoney } from "yesan/inline";

const csv = "부서,2024 예산,2025 예산\n복지국,1200,1500\n교통국,800,700\n";
const total = analyze(csv, { unit: "million" }).totals.find((t) => t.column === "2025 예산");
document.getElementById("total").textContent = formatMoney(total.value, "million");
document.body.dataset.explorer = total.value;
