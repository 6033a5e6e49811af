// One explorer: its state, its markup under a root (the element's shadow
// root), and everything it shows — the source line, the headline, the three
// answers and the search, the column editor and controls, the charts
// (view-charts.js), the lists (view-lists.js) and the audit (audit.js) — in
// its own language. Input comes in through inputs.js, requests go to the
// shared worker pool through session.js. The custom element (explorer.js)
// makes one view per element; a view never touches the page around it,
// except the browser's history when it is asked to keep its view there.
import { translator, translatePage, sided } from "./i18n.js";
import { rateText } from "./format.js";
import { explorerMarkup } from "./template.js";
import { createState, chooseMeasure, splitFocus, DISPLAY_UNITS } from "./state.js";
import { amount, exact, unitLabel, residentShare } from "./figures.js";
import { renderCharts } from "./view-charts.js";
import { renderTableView, renderChanges, renderWarnings, allPaths } from "./view-lists.js";
import { wireExports } from "./view-exports.js";
import { analyse, reanalyse, rereadWithOverrides, showError, showProgress, hideProgress } from "./session.js";
import { openFiles, openText } from "./inputs.js";
import { analyst } from "./analyst.js";
import { headlineItems } from "./headline.js";
import { columnEditor } from "./columns.js";
import { option } from "./dom.js";
import { renderAudit } from "./audit.js";
import { renderAnswers, renderFind } from "./answers.js";
import { pathKey } from "./table.js";
import { count } from "./residents.js";
import { viewOf } from "./link.js";
import { SAMPLE, SAMPLE_NAME } from "./sample.js";

/** Every panel an explorer can show (its `panels` attribute picks some). */
export const PANELS = ["input", "headline", "answers", "audit", "columns", "treemap", "shares", "growth", "execution", "changes", "table", "warnings"];

/**
 * An explorer under `root` (a ShadowRoot), for the element `host`.
 * `hooks`: `onLoad(report)`, `onSelect(item)`, `onError(error)`,
 * `onLanguage(lang)` (a link asked for another language).
 */
export function createView(root, host, hooks) {
  const view = {
    root,
    host,
    $: (id) => root.getElementById(id),
    t: translator("ko"),
    state: createState(),
    /** Keep the view in the browser's history and offer a link to it (the page). */
    history: false,
    /** The view a link asked for, applied to the reports shown until a file of the user's own. */
    linkView: null,
    /** The treemap's height in pixels, or null to suit the width. */
    height: null,
    onSelect: (item) => hooks.onSelect(item),
    onError: (error) => hooks.onError(error),
    onLanguage: (lang) => hooks.onLanguage(lang),
    show: (report, fresh) => {
      show(view, report, fresh);
      if (fresh) hooks.onLoad(report);
    },
    saveView: (push) => saveView(view, push),
  };
  view.analyst = analyst((fraction) => {
    // Every byte read: the sums are being made, for as long as they take.
    if (fraction >= 1) return showProgress(view, view.t("summing"), null);
    const percent = Math.floor(fraction * 100);
    showProgress(view, view.t("reading", { percent }), percent);
  });
  root.append(explorerMarkup());
  translatePage(root, view.t);
  wire(view);
  wireExports(view);
  return view;
}

/** Shows the explorer in another language. */
export function setLanguage(view, lang) {
  view.t = translator(lang);
  translatePage(view.root, view.t);
  render(view);
  if (!view.$("error").hidden && view.state.lastError) showError(view, view.state.lastError);
}

/** Shows only the panels named (all of them for null), and the link to
 * the view only where the view is kept in the history (the page). */
export function showPanels(view, names) {
  view.root.querySelector(".share").toggleAttribute("data-off", !view.history);
  // `data-off`, not `hidden`: a panel with nothing to show hides itself too.
  for (const panel of view.root.querySelectorAll("[data-panel]")) panel.toggleAttribute("data-off", names != null && !names.includes(panel.dataset.panel));
  const bars = names == null || ["shares", "growth", "execution"].some((n) => names.includes(n));
  view.$("results").querySelector(".grid").toggleAttribute("data-off", !bars);
}

const SKIP_TARGETS = { headline: "headline-title", charts: "treemap-title", table: "table" };

/** Moves the focus to the headline, the charts or the table. */
export function skipTo(view, where) {
  const target = view.$(SKIP_TARGETS[where] ?? where);
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus();
}

/** Reads the built-in sample. */
export function showSample(view) {
  return openText(view, SAMPLE, SAMPLE_NAME);
}

/** Shows an item wherever it is in the tree: the treemap at its parent's
 * level with the item's box focused, and the table open down to its row,
 * marked and scrolled into view. */
export function jumpTo(view, path) {
  view.state.focus = path.slice(0, -1);
  for (let depth = 1; depth < path.length; depth++) view.state.expanded.add(pathKey(path.slice(0, depth)));
  view.state.selected = pathKey(path);
  renderCharts(view);
  renderTableView(view);
  saveView(view, true);
  const item = path.reduce((node, name) => node?.children.find((c) => c.name === name), view.state.report.tree);
  if (item) view.onSelect(item);
  const name = path[path.length - 1];
  const cell = [...view.$("treemap").querySelectorAll(".cell")].find((c) => c.getAttribute("data-name") === name);
  cell?.classList.add("selected");
  cell?.focus();
  view.$("table").querySelector("tr.selected")?.scrollIntoView({ block: "nearest" });
}

function renderHeadline(view) {
  view.$("headline").replaceChildren(...headlineItems(view.state.report, view.state.measure, { amount: (value) => amount(view, value), exact: (value) => exact(view, value), perHead: (value) => residentShare(view, value), t: view.t }));
}

function renderColumns(view) {
  const handlers = {
    correct(name, correction, { newKind } = {}) {
      view.state.overrides = { ...view.state.overrides, [name]: { ...view.state.overrides[name], ...correction } };
      if (newKind) view.state.by = null;
      rereadWithOverrides(view);
    },
    order(next) {
      view.state.by = next;
      reanalyse(view);
    },
  };
  view.$("columns").replaceChildren(...columnEditor(view.state.report, handlers, view.t));
}

function renderControls(view) {
  const amounts = view.state.report.columns.filter((c) => c.kind === "amount");
  view.$("measure").replaceChildren(...amounts.map((c) => option(c.name, c.name, c.name === view.state.measure)));
  view.$("display-unit").replaceChildren(...DISPLAY_UNITS.map((u) => option(u, view.t(`units.${u}`), u === view.state.display)));
  // The display units are won units: amounts in another currency, or in
  // none stated, are shown as written, so the choice is hidden for them.
  view.$("display-unit").closest("label").hidden = view.state.report.currency !== "KRW";
  const modes = [
    ["execution", view.t(sided(view.state.report, "colorExecution")), view.state.report.execution],
    ["growth", view.t("colorGrowth"), view.state.report.growth],
    ["none", view.t("colorNone"), true],
  ].filter(([, , available]) => available);
  view.$("color-mode").replaceChildren(...modes.map(([value, text]) => option(value, text, view.state.colorMode === value)));
}

/** Wires the explorer's own controls. */
function wire(view) {
  wireInputs(view);
  wireDrop(view);
  wireChoices(view);
  wireLink(view);
  wireResize(view);
}

/** A file chosen, a table pasted, the sample, cancelling, and skip links. */
function wireInputs(view) {
  view.$("file").addEventListener("change", async (event) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    await openFiles(view, files);
  });
  view.$("analyze-paste").addEventListener("click", () => openText(view, view.$("paste").value));
  view.$("show-sample").addEventListener("click", () => showSample(view));
  view.$("cancel").addEventListener("click", () => {
    view.analyst.cancel();
    hideProgress(view);
    showError(view, { cancelled: true });
  });
  // In a shadow root an address's fragment finds nothing: skip "links" are
  // buttons that move the focus.
  for (const button of view.root.querySelectorAll("[data-skip]")) {
    button.addEventListener("click", () => skipTo(view, button.dataset.skip));
  }
}

/** What the reader chooses to see: residents, search, sheet, amount, unit,
 * colours, and the table opened or closed. */
function wireChoices(view) {
  for (const id of ["population", "households"]) {
    view.$(id).addEventListener("input", (event) => {
      view.state[id] = count(event.target.value);
      event.target.setAttribute("aria-invalid", String(event.target.value.trim() !== "" && view.state[id] === null));
      if (view.state.report) render(view);
    });
  }
  view.$("find").addEventListener("input", () => {
    if (view.state.report) renderQuestions(view);
  });
  view.$("sheet").addEventListener("change", (event) => {
    // Another sheet is another table: its columns start afresh.
    view.state.sheet = Number(event.target.value);
    view.state.overrides = {};
    view.state.by = null;
    if (view.state.source?.input != null) analyse(view, view.state.source.input, view.state.source, view.state.source.type);
  });
  const choose = (id, key, draw) =>
    view.$(id).addEventListener("change", (event) => {
      view.state[key] = event.target.value;
      draw(view);
    });
  choose("measure", "measure", render);
  choose("display-unit", "display", render);
  choose("color-mode", "colorMode", renderCharts);
  view.$("expand-all").addEventListener("click", () => {
    view.state.expanded = new Set(allPaths(view.state.report.tree));
    renderTableView(view);
  });
  view.$("collapse-all").addEventListener("click", () => {
    view.state.expanded = new Set();
    renderTableView(view);
  });
}

/** "이 화면 링크": the view's address, copied or selected to copy. */
function wireLink(view) {
  view.$("copy-link").addEventListener("click", async () => {
    const link = viewLink(view);
    const field = view.$("link-text");
    field.hidden = false;
    field.value = link;
    field.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard here (a page not served over https): the link is selected to copy.
    }
    view.$("link-status").textContent = view.t(copied ? "linkCopied" : "linkSelected");
  });
}

/** The charts follow the explorer's width (a page's column, not the window's). */
function wireResize(view) {
  let resize = null;
  let width = 0;
  new ResizeObserver(([entry]) => {
    const next = Math.round(entry.contentRect.width);
    if (next === width) return;
    width = next;
    clearTimeout(resize);
    resize = setTimeout(() => view.state.report && renderCharts(view), 150);
  }).observe(view.host);
}

/** Files dropped on the explorer are read as if chosen. */
function wireDrop(view) {
  const drop = view.$("drop");
  for (const type of ["dragenter", "dragover"]) {
    view.host.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add("over");
    });
  }
  view.host.addEventListener("dragleave", (event) => {
    if (!event.relatedTarget) drop.classList.remove("over");
  });
  view.host.addEventListener("drop", async (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    await openFiles(view, [...(event.dataTransfer?.files ?? [])]);
  });
}
/** Shows a report; a `fresh` one (new input) starts from its own defaults. */
function show(view, report, fresh) {
  view.state.report = report;
  if (fresh) {
    view.state.measure = null;
    view.state.colorMode = report.execution ? "execution" : report.growth ? "growth" : "none";
  }
  view.state.measure = chooseMeasure(view.state, report);
  if (fresh) {
    view.state.focus = splitFocus(report);
    view.state.expanded = new Set();
    view.state.selected = null;
    view.state.sort = { key: `amount:${view.state.measure}`, dir: "desc" };
  }
  if (view.linkView) {
    applyView(view, view.linkView);
    if (view.state.source?.name !== SAMPLE_NAME) view.linkView = null;
  }
  render(view);
  view.host.dataset.state = "ready";
}

/** Keeps the view in the browser's history (Back steps through the
 * `push`ed ones) without changing the address: a changed address makes the
 * browser fetch the page's icon again, and the page makes no request after
 * it has loaded. The link button writes the view into an address. */
function saveView(view, push = false) {
  if (!view.history || !view.state.report) return;
  const saved = viewOf(view.state, view.t.lang).toString();
  if (push) history.pushState({ view: saved }, "");
  else history.replaceState({ view: saved }, "");
}

/** The address of this view: the page, its `?src=`, and the view. */
function viewLink(view) {
  return `${location.origin}${location.pathname}${location.search}#${viewOf(view.state, view.t.lang)}`;
}

/** Takes a view from a link or from Back and Forward: what does not fit
 * this report (a column it lacks) is left as it is. */
export function applyView(view, wanted) {
  if (wanted.lang && wanted.lang !== view.t.lang) view.onLanguage(wanted.lang);
  const r = view.state.report;
  if (wanted.display && DISPLAY_UNITS.includes(wanted.display)) view.state.display = wanted.display;
  if (wanted.measure && r.columns.some((c) => c.kind === "amount" && c.name === wanted.measure)) view.state.measure = wanted.measure;
  if (wanted.color && ["execution", "growth", "none"].includes(wanted.color)) view.state.colorMode = wanted.color;
  if (wanted.focus) view.state.focus = wanted.focus;
  if (wanted.selected) view.state.selected = wanted.selected;
  if (wanted.sort) view.state.sort = wanted.sort;
  for (const [key, id] of [["population", "population"], ["households", "households"]]) {
    if (wanted[key]) {
      view.state[key] = wanted[key];
      view.$(id).value = wanted[key];
    }
  }
}

/** Shows the report: every panel, in the chosen units and language. */
export function render(view) {
  if (!view.state.report) return;
  view.$("results").hidden = false;
  renderSource(view);
  renderHeadline(view);
  renderQuestions(view);
  renderColumns(view);
  renderControls(view);
  renderCharts(view);
  renderTableView(view);
  renderChanges(view);
  renderAudit(view.root, view.state.report, view.t);
  renderWarnings(view);
  saveView(view);
}

function renderSource(view) {
  const r = view.state.report;
  const name = view.state.source?.name === SAMPLE_NAME ? view.t("sampleName") : view.state.source?.name ?? view.t("pasteName");
  view.$("source").textContent = view.t("source", {
    name,
    rows: r.rows.toLocaleString(),
    unit: unitLabel(view, r),
  });
  if (r.source.encoding) view.$("source").textContent += ` · ${r.source.encoding.toUpperCase()}`;
  if (view.state.others > 0) view.$("source").textContent += ` · ${view.t("onlyFirst", { count: view.state.others })}`;
  renderSheets(view, r.source);
  // On paper: what the figures are from, in what unit, printed when.
  const date = new Date().toLocaleDateString(view.t.lang === "en" ? "en" : "ko");
  view.$("print-meta").textContent = view.t("printMeta", { source: view.$("source").textContent, date });
}

/** A spreadsheet of several sheets: which one is read, and a choice of the others. */
function renderSheets(view, source) {
  const box = view.$("sheet-choice");
  box.hidden = source.sheets.length < 2;
  if (box.hidden) return;
  const select = view.$("sheet");
  select.replaceChildren(
    ...source.sheets.map((name, i) => {
      const option = document.createElement("option");
      option.value = String(i + 1);
      option.textContent = name;
      option.selected = name === source.sheet;
      return option;
    }),
  );
}

function renderQuestions(view) {
  const helpers = { amount: (value) => amount(view, value), rate: rateText, onJump: (path) => jumpTo(view, path), t: view.t };
  renderAnswers(view.$("answers"), view.state.report, view.state.measure, helpers);
  renderFind(view.$("find-results"), view.$("find").value, view.state.report, view.state.measure, helpers);
}

