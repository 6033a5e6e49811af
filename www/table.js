// The table: every node of the tree with every figure the charts show,
// collapsible subtotals and sortable columns. It is also the accessible
// equivalent of the charts. All data is set as text.
import { compareDecimal } from "./decimal.js";
import { sided } from "./i18n.js";

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) node.setAttribute(name, value);
  }
  if (text != null) node.textContent = text;
  return node;
}

export const pathKey = (path) => JSON.stringify(path);

/** A column's name without the unit it states, `예산액(천원)` → `예산액`:
 * the cells below are written in the display unit, which says its own. */
export function withoutUnit(name) {
  const bare = name.replace(/\s*[(\[（]\s*(?:단위\s*[:：]?\s*)?(?:천원|만원|백만원|십억원|억원|조원|원)\s*[)\]）]\s*/g, " ").trim();
  return bare || name;
}

/** The sortable columns, each with how to read its value from a node. */
export function tableColumns(report, measure, t, perHead = null) {
  const amounts = report.columns.filter((c) => c.kind === "amount").map((c) => c.name);
  const columns = [{ key: "name", label: t("name"), value: (n) => n.name, text: true }];
  for (const name of amounts) {
    columns.push({ key: `amount:${name}`, label: withoutUnit(name), value: (n) => n.amounts[name], amount: name });
  }
  columns.push({ key: "share", label: `${t("share")} · ${withoutUnit(measure)}`, value: (n) => n.shareOfParent[measure], rate: true });
  if (report.growth) {
    columns.push({ key: "difference", label: `${t("difference")} (${withoutUnit(report.growth.to)})`, value: (n) => n.growth?.difference, amount: true });
    columns.push({ key: "growthRate", label: t("growthRate"), value: (n) => n.growth?.rate, rate: true, growth: true });
  }
  if (report.execution) {
    columns.push({ key: "executionRate", label: t(sided(report, "executionRate")), value: (n) => n.execution?.rate, rate: true });
    columns.push({ key: "unspent", label: t(sided(report, "unspent")), value: (n) => n.execution?.unspent, amount: true });
  }
  if (perHead) {
    columns.push({ key: "perResident", label: t("perResident"), value: (n) => perHead(n.amounts[measure] ?? null, n), won: true });
  }
  if (report.series) {
    // Sorted by the last year's growth; drawn as a line of the years.
    const years = report.series.columns;
    columns.push({ key: "trend", label: t("trend"), value: (n) => n.growth?.rate, trend: years });
  }
  return columns;
}

const SVG = "http://www.w3.org/2000/svg";

/** A small line of an item's amounts year by year: the figures are in its
 * label, the floats only place the points. */
function sparkline(values, label) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 64 18");
  svg.setAttribute("class", "spark");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const title = document.createElementNS(SVG, "title");
  title.textContent = label;
  svg.append(title);
  const numbers = values.map((v) => (v == null ? null : Number(v)));
  const known = numbers.filter((v) => v != null);
  if (known.length < 2) return svg;
  const low = Math.min(0, ...known);
  const span = Math.max(...known) - low || 1;
  const step = 60 / (values.length - 1);
  const points = numbers.flatMap((v, i) => (v == null ? [] : [`${(2 + i * step).toFixed(1)},${(16 - ((v - low) / span) * 14).toFixed(1)}`]));
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("points", points.join(" "));
  svg.append(line);
  return svg;
}

/**
 * Renders the table into `table`. `view` gives: report, measure, columns,
 * sort {key, dir}, expanded (Set of path keys), format helpers, t, and the
 * callbacks onSort(key) and onToggle(path).
 */
export function renderTable(table, view) {
  const { report, columns, sort, expanded, t } = view;
  table.replaceChildren();
  table.append(element("caption", {}, t("tableCaption")));
  const head = element("thead");
  const headRow = element("tr");
  for (const column of columns) {
    const th = element("th", {
      scope: "col",
      class: column.text ? null : "number",
      "aria-sort": sort.key === column.key ? (sort.dir === "asc" ? "ascending" : "descending") : null,
    });
    const button = element("button", { type: "button", title: t("sortBy", { column: column.label }) }, column.label);
    button.addEventListener("click", () => view.onSort(column.key));
    th.append(button);
    headRow.append(th);
  }
  head.append(headRow);
  const body = element("tbody");
  const order = columns.find((c) => c.key === sort.key) ?? columns[1];
  const compare = (a, b) => {
    const va = order.value(a);
    const vb = order.value(b);
    const c = order.text ? String(va).localeCompare(String(vb), "ko") : compareDecimal(va ?? null, vb ?? null);
    return sort.dir === "asc" ? c : -c;
  };
  const addRow = (node) => {
    const key = pathKey(node.path);
    const open = expanded.has(key);
    const level = node.depth === 0 ? "root" : `level-${node.depth}`;
    const tr = element("tr", { class: key === view.selected ? `${level} selected` : level });
    columns.forEach((column, index) => {
      const value = column.value(node);
      if (index === 0) {
        const th = element("th", { scope: "row", class: "name-cell" });
        const indent = element("span", { class: "indent" });
        indent.style.paddingLeft = `${Math.max(0, node.depth - 1) * 1.1}rem`;
        th.append(indent);
        if (node.children.length > 0 && node.depth > 0) {
          const toggle = element(
            "button",
            { type: "button", class: "toggle", "aria-expanded": String(open), "aria-label": `${t(open ? "collapse" : "expand")}: ${node.name}` },
            open ? "−" : "+",
          );
          toggle.addEventListener("click", () => view.onToggle(node.path));
          th.append(toggle);
        } else if (node.depth > 0) {
          th.append(element("span", { class: "spacer" }));
        }
        if (node.code) th.append(element("span", { class: "code" }, node.code), " ");
        th.append(document.createTextNode(node.depth === 0 ? t("whole") : node.name || "—"));
        if (node.growth?.status === "new") th.append(element("span", { class: "tag new" }, t("new")));
        if (node.growth?.status === "discontinued") th.append(element("span", { class: "tag discontinued" }, t("discontinued")));
        tr.append(th);
        return;
      }
      const td = element("td", { class: "number" });
      if (column.trend) {
        const values = column.trend.map((name) => node.amounts[name] ?? null);
        const label = column.trend.map((name, i) => `${view.years[i]}: ${values[i] == null ? "—" : view.amount(values[i])}`).join(", ");
        td.append(sparkline(values, label));
      } else if (column.won && value != null) {
        td.textContent = view.won(value);
      } else if (column.amount && value != null) {
        const span = element("span", { class: "amount", tabindex: "0", "data-exact": view.exact(value) }, view.amount(value));
        span.setAttribute("aria-label", `${view.amount(value)} (${view.exact(value)})`);
        td.append(span);
      } else if (column.growth && node.growth && value == null) {
        td.textContent = node.growth.status === "new" ? t("new") : node.growth.status === "discontinued" ? t("discontinued") : "—";
      } else {
        td.textContent = value == null ? "—" : value;
      }
      tr.append(td);
    });
    body.append(tr);
    if (node.depth === 0 || open) {
      [...node.children].sort(compare).forEach(addRow);
    }
  };
  addRow(report.tree);
  table.append(head, body);
}
