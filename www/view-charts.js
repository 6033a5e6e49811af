// An explorer's charts: the treemap with its breadcrumb and legend, and the
// bars of shares, growth and execution, for the level in focus.
import { compareDecimal } from "./decimal.js";
import { treemap, bars, executionColor, executionDomain, growthColor, LOW_EXECUTION } from "./charts.js";
import { focusNode, throughEmpty } from "./state.js";
import { amount } from "./figures.js";
import { sided } from "./i18n.js";

/** A box or bar in words, for screen readers: name, amount, share, rates. */
function describe(view, node) {
  const share = node.shareOfParent[view.state.measure];
  const parts = [`${node.name || "—"}: ${amount(view, node.amounts[view.state.measure])}`];
  if (share != null) parts.push(`${view.t("shares")} ${share}%`);
  if (node.execution?.rate != null) parts.push(`${view.t("execution")} ${node.execution.rate}%`);
  if (node.growth) {
    const g = node.growth;
    parts.push(g.status === "new" ? view.t("new") : g.status === "discontinued" ? view.t("discontinued") : `${view.t("growthRate")} ${g.rate ?? "—"}%`);
  }
  return parts.join(", ");
}

/** The way up from the level in focus: a button per level above it. */
function renderBreadcrumb(view) {
  const nav = view.$("breadcrumb");
  const items = [view.t("whole"), ...view.state.focus];
  const lastNamed = items.findLastIndex((name) => name !== "");
  nav.replaceChildren(
    ...items.flatMap((name, index) => {
      // A level left empty is passed through, not shown as a step.
      if (name === "" && index > 0) return [];
      const last = index === lastNamed;
      // The level shown is said, not a button to itself (no Tab stop).
      const step = document.createElement(last ? "span" : "button");
      step.textContent = name;
      if (last) step.setAttribute("aria-current", "page");
      else {
        step.type = "button";
        step.addEventListener("click", () => zoomTo(view, view.state.focus.slice(0, index)));
      }
      const parts = [step];
      if (!last) {
        const sep = document.createElement("span");
        sep.textContent = "›";
        sep.setAttribute("aria-hidden", "true");
        parts.push(sep);
      }
      return parts;
    }),
  );
}

/** Export buttons only where there is a chart to export. */
function markExports(view) {
  for (const button of view.root.querySelectorAll("[data-export]")) {
    button.disabled = !view.$(button.dataset.chart);
  }
}

/** Shows the items under `path`, passing through empty levels. */
export function zoomTo(view, path) {
  view.state.focus = throughEmpty(view.state, path);
  renderCharts(view);
  view.saveView(true);
  view.$("treemap").querySelector(".cell")?.focus();
}

/** The legend as shown, for an exported chart: each entry's colour and words. */
export function legendEntries(view) {
  return [...view.$("legend").children].map((item) => ({
    color: item.querySelector(".swatch")?.style.background || null,
    text: item.textContent,
  }));
}

function renderLegend(view) {
  const legend = view.$("legend");
  const entries = [];
  const swatch = (color, text) => {
    const item = document.createElement("span");
    const box = document.createElement("span");
    box.className = "swatch";
    box.style.background = color;
    item.append(box, document.createTextNode(text));
    return item;
  };
  const title = document.createElement("strong");
  if (view.state.colorMode === "none") {
    legend.replaceChildren();
    return;
  }
  if (view.state.colorMode === "growth") {
    title.textContent = view.t("legendGrowth");
    entries.push(title);
    for (const rate of [-50, -25, 0, 25, 50]) entries.push(swatch(growthColor({ status: "increased", rate: String(rate) }), `${rate > 0 ? "+" : ""}${rate}${Math.abs(rate) === 50 ? "+" : ""}`));
    entries.push(swatch(growthColor({ status: "new" }), view.t("new")), swatch(growthColor({ status: "discontinued" }), view.t("discontinued")));
  } else {
    title.textContent = view.t(sided(view.state.report, "legendExecution"));
    entries.push(title);
    // The same range as the treemap's colours: the items' own rates.
    const [low, high] = executionDomain(focusNode(view.state).children.map((c) => c.execution?.rate));
    for (let i = 0; i <= 4; i += 1) {
      const rate = low + ((high - low) * i) / 4;
      entries.push(swatch(executionColor(String(rate), [low, high]), String(Math.round(rate * 10) / 10)));
    }
  }
  entries.push(swatch(growthColor(null), view.t("notGiven")));
  legend.replaceChildren(...entries);
}

/** The treemap's title: where money comes from on the revenue side of a
 * budget split by side or in a revenue settlement, where it goes
 * everywhere else. */
function treemapTitle(view) {
  const report = view.state.report;
  const part = report.groups.find((g) => g.path[0] === view.state.focus[0]);
  return view.t((part ?? report).side === "revenue" ? "treemapRevenue" : "treemap");
}

/** The treemap and the three bar charts of the level in focus. */
export function renderCharts(view) {
  const node = focusNode(view.state);
  renderTreemap(view, node);
  renderShares(view, node);
  renderGrowth(view, node);
  renderExecution(view, node);
  markExports(view);
}

/** The treemap of `node`'s items, with the way up and the colours' legend. */
function renderTreemap(view, node) {
  const measure = view.state.measure;
  renderBreadcrumb(view);
  view.$("treemap-title").textContent = treemapTitle(view);
  for (const child of node.children) {
    const share = child.shareOfParent[measure];
    child.caption = `${amount(view, child.amounts[measure])}${share != null ? ` · ${share}%` : ""}`;
  }
  // A part with no items under it (a year of a table of years) says so.
  chartOrNote(view, view.$("treemap"), node.children, "nothingBelow", () =>
    treemap(view.$("treemap"), {
      node,
      measure,
      colorMode: view.state.colorMode,
      label: `${treemapTitle(view)}: ${node.children.map((c) => describe(view, c)).slice(0, 20).join("; ")}`,
      describe: (c) => describe(view, c),
      height: view.height,
      onZoom: (child) => {
        view.onSelect(child);
        if (child.children.length > 0) zoomTo(view, [...view.state.focus, child.name]);
      },
      onUp: () => {
        // Up past any level left empty, to the named level above.
        const named = [...view.state.focus];
        while (named.length > 0 && named[named.length - 1] === "") named.pop();
        if (named.length > 0) zoomTo(view, named.slice(0, -1));
      },
    }),
  );
  renderLegend(view);
}

/** The 15 largest items' shares of `node`. */
function renderShares(view, node) {
  const measure = view.state.measure;
  const byAmount = [...node.children].sort((a, b) => compareDecimal(b.amounts[measure] ?? null, a.amounts[measure] ?? null));
  const rows = byAmount
    .filter((c) => c.shareOfParent[measure] != null)
    .slice(0, 15)
    .map((c) => ({ label: c.name, value: Number(c.shareOfParent[measure]), text: `${c.shareOfParent[measure]}%`, color: "#0b5cad" }));
  chartOrNote(view, view.$("shares"), rows, "notGiven", () =>
    bars(view.$("shares"), { id: "shares-svg", rows, max: 100, label: summary(view, view.t("shares"), rows) }),
  );
}

/** The six largest increases and decreases under `node`. */
function renderGrowth(view, node) {
  const changed = node.children.filter((c) => c.growth && ["increased", "decreased", "new", "discontinued"].includes(c.growth.status));
  changed.sort((a, b) => compareDecimal(b.growth.difference, a.growth.difference));
  const ups = changed.filter((c) => !c.growth.difference.startsWith("-")).slice(0, 6);
  const downs = changed.filter((c) => c.growth.difference.startsWith("-")).slice(-6);
  const rows = [...ups, ...downs].map((c) => {
    const g = c.growth;
    const tag = g.status === "new" ? view.t("new") : g.status === "discontinued" ? view.t("discontinued") : null;
    const sign = g.difference.startsWith("-") ? "" : "+";
    return {
      label: c.name,
      value: Number(g.difference),
      text: `${sign}${amount(view, g.difference)}${g.rate != null ? ` (${sign}${g.rate}%)` : ""}`,
      tag,
      color: g.status === "new" ? growthColor(g) : g.status === "discontinued" ? growthColor(g) : sign ? "#5e3c99" : "#b35806",
    };
  });
  chartOrNote(view, view.$("growth"), rows, "noGrowth", () =>
    bars(view.$("growth"), { id: "growth-svg", rows, diverging: true, label: summary(view, view.t("growthChart"), rows) }),
  );
}

/** Who spent least first: the 15 lowest execution rates under `node`, not the largest items. */
function renderExecution(view, node) {
  view.$("execution-title").textContent = view.t(sided(view.state.report, "executionChart"));
  const rows = node.children
    .filter((c) => c.execution?.rate != null)
    .sort((a, b) => compareDecimal(a.execution.rate, b.execution.rate))
    .slice(0, 15)
    .map((c) => {
      const low = Number(c.execution.rate) < LOW_EXECUTION;
      return {
        label: c.name,
        value: Number(c.execution.rate),
        text: `${c.execution.rate}%`,
        tag: low ? `▼ ${view.t("low")}` : null,
        color: low ? "#b35806" : "#2b5c8a",
      };
    });
  chartOrNote(view, view.$("execution"), rows, "noExecution", () => {
    const side = (key) => sided(view.state.report, key);
    bars(view.$("execution"), { id: "execution-svg", rows, max: 100, label: summary(view, view.t(side("executionChart")), rows) });
    const note = document.createElement("p");
    note.className = "hint";
    note.textContent = `▼ ${view.t(side("lowExecution"), { threshold: LOW_EXECUTION })}`;
    view.$("execution").append(note);
  });
}

function summary(view, title, rows) {
  return view.t("chartSummary", { title, items: rows.map((r) => `${r.label} ${r.text}${r.tag ? ` ${r.tag}` : ""}`).join(", ") });
}

function chartOrNote(view, container, rows, empty, draw) {
  if (rows.length === 0) {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = view.t(empty);
    container.replaceChildren(p);
  } else {
    draw();
  }
}
