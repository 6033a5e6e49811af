// An explorer's lists: the table of every item, the new and discontinued
// items, and the warnings.
import { compareDecimal } from "./decimal.js";
import { renderTable, tableColumns, pathKey } from "./table.js";
import { amount, exact, won, headsOf, perResident } from "./figures.js";

export function renderTableView(view) {
  const perItem = headsOf(view, view.state.report.tree).population ? (value, node) => perResident(view, value, node) : null;
  const columns = tableColumns(view.state.report, view.state.measure, view.t, perItem);
  if (!columns.some((c) => c.key === view.state.sort.key)) view.state.sort = { key: `amount:${view.state.measure}`, dir: "desc" };
  renderTable(view.$("table"), {
    report: view.state.report,
    columns,
    sort: view.state.sort,
    expanded: view.state.expanded,
    selected: view.state.selected,
    years: view.state.report.series?.years ?? [],
    t: view.t,
    amount: (value) => amount(view, value),
    exact: (value) => exact(view, value),
    won: (value) => won(view, value),
    onSort: (key) => {
      // Names first sort ㄱ→ㅎ (A→Z), figures largest first; again, the other way.
      const first = key === "name" ? "asc" : "desc";
      const again = first === "asc" ? "desc" : "asc";
      view.state.sort = { key, dir: view.state.sort.key === key && view.state.sort.dir === first ? again : first };
      renderTableView(view);
      view.saveView();
      view.root.querySelector(`#table th[aria-sort] button`)?.focus();
    },
    onToggle: (path) => {
      const key = pathKey(path);
      if (view.state.expanded.has(key)) view.state.expanded.delete(key);
      else view.state.expanded.add(key);
      renderTableView(view);
      const buttons = [...view.root.querySelectorAll("#table .toggle")];
      buttons.find((b) => b.getAttribute("aria-label").endsWith(`: ${path[path.length - 1]}`))?.focus();
    },
  });
}

/** Every item, at any depth, that is new or discontinued, largest first. */
function changedItems(node, status, out = []) {
  for (const child of node.children) {
    if (child.children.length === 0 && child.growth?.status === status) out.push(child);
    changedItems(child, status, out);
  }
  return out;
}

export function renderChanges(view) {
  const g = view.state.report.growth;
  view.$("changes-panel").hidden = !g;
  if (!g) return;
  const lists = [
    ["new", g.to],
    ["discontinued", g.from],
  ].map(([status, column]) => {
    const items = changedItems(view.state.report.tree, status).sort((a, b) =>
      compareDecimal(b.amounts[column] ?? null, a.amounts[column] ?? null),
    );
    const box = document.createElement("div");
    const title = document.createElement("h3");
    title.textContent = view.t(status === "new" ? "newItems" : "discontinuedItems", { count: items.length.toLocaleString() });
    const list = document.createElement("ol");
    for (const item of items.slice(0, 20)) {
      const li = document.createElement("li");
      const value = item.amounts[column];
      li.append(document.createTextNode(`${item.name || "—"} · ${amount(view, value)} `));
      const path = document.createElement("span");
      path.className = "path";
      path.textContent = item.path.slice(0, -1).join(" › ");
      li.append(path);
      list.append(li);
    }
    box.append(title, list);
    if (items.length > 20) {
      const more = document.createElement("p");
      more.className = "hint";
      more.textContent = view.t("more", { count: (items.length - 20).toLocaleString() });
      box.append(more);
    }
    return box;
  });
  view.$("changes").replaceChildren(...lists);
}

export function renderWarnings(view) {
  const list = view.$("warnings");
  const items = view.state.report.warnings.map((w) => {
    const li = document.createElement("li");
    li.textContent = view.t.lang === "en" ? w.messageEn : w.messageKo;
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement("li");
    li.textContent = view.t("noWarnings");
    items.push(li);
  }
  list.replaceChildren(...items);
}

export function allPaths(node, out = []) {
  if (node.children.length > 0 && node.depth > 0) out.push(pathKey(node.path));
  node.children.forEach((child) => allPaths(child, out));
  return out;
}
