// An explorer's downloads: the table as CSV (a level column and a leaf mark,
// so that its leaf rows add up to the whole), the report as JSON, and each
// chart as SVG or PNG with its title, measure, unit, source and date.
import { download, reportCsv, svgBlob, pngBlob, withCaption } from "./export.js";
import { withoutUnit } from "./table.js";
import { unitLabel } from "./figures.js";
import { legendEntries } from "./view-charts.js";

/** Wires the explorer's download buttons. */
export function wireExports(view) {
  view.$("export-csv").addEventListener("click", () => {
    const headers = {
      level: view.t("csvLevel"),
      leaf: view.t("csvLeaf"),
      share: view.t("share"),
      difference: view.t("difference"),
      growthRate: view.t("growthRate"),
      executionRate: view.t("executionRate"),
      unspent: view.t("unspent"),
    };
    download("yesan-table.csv", new Blob([reportCsv(view.state.report, view.state.measure, headers)], { type: "text/csv;charset=utf-8" }));
  });
  view.$("export-json").addEventListener("click", () => {
    download("yesan-report.json", new Blob([JSON.stringify(view.state.report, null, 2)], { type: "application/json" }));
  });
  for (const button of view.root.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      const shown = view.$(button.dataset.chart);
      if (!shown) return;
      const heading = button.closest("section")?.querySelector("h2")?.textContent ?? "";
      const date = new Date().toLocaleDateString(view.t.lang === "en" ? "en" : "ko");
      const lines = [heading, `${withoutUnit(view.state.measure ?? "")} · ${unitLabel(view, view.state.report)}`, `${view.$("source").textContent} · yesan · ${date}`];
      // The treemap's colours come with their legend.
      const legend = button.dataset.chart === "treemap-svg" ? legendEntries(view) : [];
      const svg = withCaption(shown, lines, legend);
      const name = `yesan-${button.dataset.chart.replace("-svg", "")}`;
      if (button.dataset.export === "svg") download(`${name}.svg`, svgBlob(svg));
      else download(`${name}.png`, await pngBlob(svg));
    });
  }
}
