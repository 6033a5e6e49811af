// The headline: the figures a citizen asks first (how much in all, how many
// items, how much was spent, how it changed), or, for a budget split by side
// or year, the total of each part and never their sum. Data is set as text.
import { rateText } from "./format.js";
import { sided } from "./i18n.js";

function leaves(node) {
  return node.children.length === 0 ? 1 : node.children.reduce((sum, child) => sum + leaves(child), 0);
}

/** One figure of the headline; `value` may be a list (one line per part of
 * a split budget) or, with `prose`, a sentence in body text. */
function headlineItem(term, value, note, exactValue, { prose = false } = {}) {
  const wrap = document.createElement("div");
  if (prose) wrap.className = "prose";
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  for (const line of Array.isArray(value) ? value : [value]) {
    const span = document.createElement("span");
    span.textContent = line;
    if (Array.isArray(value)) span.className = "line";
    dd.append(span);
  }
  if (exactValue) {
    const strong = dd.firstChild;
    strong.className = "amount";
    strong.tabIndex = 0;
    strong.dataset.exact = exactValue;
    strong.setAttribute("aria-label", `${value} (${exactValue})`);
  }
  if (note) {
    const small = document.createElement("small");
    small.textContent = note;
    dd.append(small);
  }
  wrap.append(dt, dd);
  return wrap;
}

function growthText(g, amount, t) {
  if (!g) return t("none");
  const rate = g.rate != null ? ` (${g.rate.startsWith("-") ? "" : "+"}${g.rate}%)` : g.status === "new" ? ` (${t("new")})` : "";
  return `${g.difference != null && !g.difference.startsWith("-") ? "+" : ""}${amount(g.difference)}${rate}`;
}

/** A budget split by side or year: one total per part, never their sum. */
function groupHeadline(r, measure, { amount, exact, t }) {
  const items = r.groups.map((group) => {
    const total = group.totals.find((x) => x.column === measure)?.value ?? null;
    const path = group.path.join(" › ");
    const side = group.side ? t(`sides.${group.side}`) : null;
    const label = side && side !== path ? `${side} · ${path}` : path;
    return headlineItem(label, amount(total), measure, exact(total));
  });
  // One line per part: the parts' rates are never one figure.
  const per = (pick) => r.groups.filter(pick).map((g) => `${g.path.join(" › ")}: ${pick(g)}`);
  const execution = per((g) => g.execution && rateText(g.execution.rate));
  const growth = per((g) => g.growth && growthText(g.growth, amount, t));
  items.push(headlineItem(t("execution"), execution.length ? execution : t("none")));
  items.push(headlineItem(t("growth"), growth.length ? growth : t("none"), r.groups[0]?.growth ? t("growthBasis", r.groups[0].growth) : null));
  items.push(headlineItem(t("split"), t("splitNote"), null, null, { prose: true }));
  return items;
}

/** The headline's items: the total (one per part of a split budget), the
 * number of items, execution and growth. `format` writes amounts in the
 * chosen display unit (`amount`) and exactly (`exact`), in `t`'s language. */
export function headlineItems(r, measure, format) {
  const { amount, exact, t } = format;
  if (r.groups.length > 0) return groupHeadline(r, measure, format);
  const total = r.totals.find((x) => x.column === measure)?.value ?? null;
  const items = [headlineItem(t("total"), amount(total), measure, exact(total))];
  items.push(headlineItem(t("items"), t("itemsValue", { leaves: leaves(r.tree).toLocaleString(), rows: r.rows.toLocaleString() })));
  const e = r.execution;
  items.push(
    headlineItem(
      t(sided(r, "execution")),
      e ? rateText(e.rate) : t("none"),
      e ? t(`${sided(r, "executionBasis")}.${e.basis}`, { executed: e.executed, budget: e.budget }) : null,
    ),
  );
  const g = r.growth;
  items.push(headlineItem(t("growth"), growthText(g, amount, t), g ? t("growthBasis", { from: g.from, to: g.to }) : null, g ? exact(g.difference) : null));
  const people = format.perHead?.(total);
  if (people) {
    const household = people.household ? ` · ${t("perHousehold")} ${people.household}` : "";
    const note = people.column ? t("perResidentColumn", { people: people.count, column: people.column }) : t("perResidentNote", { people: people.count });
    items.push(headlineItem(t("perResident"), `${people.resident}${household}`, note));
  }
  const s = r.series;
  if (s?.cagr != null) {
    const span = { from: s.years[0], to: s.years[s.years.length - 1] };
    items.push(headlineItem(t("cagr"), rateText(s.cagr), t("cagrBasis", span)));
  }
  return items;
}
