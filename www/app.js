// The page: gets a table in (file, drop, paste, or the built-in sample),
// asks the WASM core in a Web Worker to analyse it, and shows the result as
// headline figures, a treemap, bars and a table, in Korean or English.
// Every text that comes from the data is set with textContent.
import { t, tIn, setLanguage, language, translatePage } from "./i18n.js";
import { ready as formatReady, amountText, exactText, rateText } from "./format.js";
import { compareDecimal } from "./decimal.js";
import { treemap, bars, executionColor, executionDomain, growthColor, LOW_EXECUTION } from "./charts.js";
import { renderTable, tableColumns, pathKey, withoutUnit } from "./table.js";
import { download, reportCsv, svgBlob, pngBlob, withCaption } from "./export.js";
import { SAMPLE, SAMPLE_NAME } from "./sample.js";
import { headlineItems } from "./headline.js";
import { columnEditor } from "./columns.js";
import { option } from "./dom.js";
import { renderAudit } from "./audit.js";
import { renderAnswers, renderFind } from "./answers.js";
import { startWorker, ask, cancel } from "./analyst.js";
import { count, perHead } from "./residents.js";
import { viewOf, readView, sourceAddress } from "./link.js";

const $ = (id) => document.getElementById(id);
const DISPLAY_UNITS = ["korean", "won", "thousand", "million", "hundred_million"];
const MEASURE_PREFERENCE = ["final", "adopted", "current", "proposed", "supplementary", "previous", "executed"];
/** Files larger than this show a progress bar while they are read. */
const PROGRESS_FROM_BYTES = 512 * 1024;
/** The largest file the worker streams (worker.js): larger files are
 * refused before they are read, so that the tab never runs out of memory. */
const STREAM_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** The files of a series are read whole, all of them together at most this. */
const WHOLE_SERIES_BYTES = 256 * 1024 * 1024;

const state = {
  report: null,
  source: null,
  overrides: {},
  by: null,
  /** The sheet of a spreadsheet chosen (its place from 1), or null: the first with a budget. */
  sheet: null,
  /** A Fiscal Data Package's descriptor dropped with its CSV, or null. */
  package: null,
  measure: null,
  colorMode: "execution",
  display: "korean",
  focus: [],
  sort: { key: "amount", dir: "desc" },
  expanded: new Set(),
  /** Residents and households typed in (digits), for amounts per head. */
  population: null,
  households: null,
  /** The item last found or answered (its path key), marked in the table. */
  selected: null,
  lastError: null,
};

// ---- getting data in --------------------------------------------------------

function showProgress(text, percent) {
  $("progress").hidden = false;
  $("progress-text").textContent = text;
  const bar = $("progress-bar");
  if (percent == null) bar.removeAttribute("value");
  else bar.value = percent;
}

function hideProgress() {
  $("progress").hidden = true;
}

function showError(error) {
  state.lastError = error;
  if (error?.cancelled) {
    $("error-text").textContent = t("cancelled");
  } else if (error?.messageKo) {
    $("error-text").textContent = language() === "en" ? error.messageEn : error.messageKo;
  } else {
    // A fault of the page itself, not of the data: say so, and log it.
    console.error(error);
    $("error-text").textContent = String(error?.message ?? error);
  }
  $("error").hidden = false;
  document.body.dataset.state = "error";
}

function readOptions() {
  const options = { columns: state.overrides };
  if (state.by) options.by = state.by;
  if (state.sheet != null) options.sheet = state.sheet;
  if (state.package) options.package = state.package;
  return options;
}

/** Reads and analyses new input (`type` "read", or "series" for several
 * files); on failure the previous result stays. */
async function analyse(input, source, type = "read") {
  $("error").hidden = true;
  document.body.dataset.state = "busy";
  const slow = setTimeout(() => $("progress").hidden && showProgress(t("analyzing")), 200);
  try {
    // Copied, not transferred: the input is kept to read again when the
    // user corrects a column.
    const report = await ask({ type, input, options: readOptions() });
    state.source = source;
    show(report, true);
  } catch (error) {
    // Name the file the error is about (a paste has no name).
    const named =
      source?.name && error?.messageKo
        ? { ...error, messageKo: `${source.name}: ${error.messageKo}`, messageEn: `${source.name}: ${error.messageEn}` }
        : error;
    showError(named);
  } finally {
    clearTimeout(slow);
    hideProgress();
  }
}

/** Analyses the budget already read again (a new hierarchy). */
async function reanalyse() {
  $("error").hidden = true;
  try {
    show(await ask({ type: "report", options: readOptions() }), false);
  } catch (error) {
    showError(error);
  }
}

/** New input: the corrections, hierarchy, sheet and package of the last
 * one do not carry over. */
function freshInput() {
  state.overrides = linkView?.overrides ?? {};
  state.by = linkView?.by ?? null;
  state.sheet = linkView?.sheet ?? null;
  state.package = null;
}

/** Several files at once: a Fiscal Data Package (its datapackage.json with
 * its CSV) is read as its descriptor says; otherwise only the first file is
 * read (comparing years across files is still to come), and the page says so. */
async function openFiles(files) {
  freshInput();
  if (files.length === 1 && /\.zip$/i.test(files[0].name)) return openArchive(files[0]);
  const descriptor = files.find((f) => /\.json$/i.test(f.name));
  if (!descriptor) {
    state.others = 0;
    return files.length > 1 ? openSeries(files) : openFile(files[0]);
  }
  let data;
  try {
    state.package = JSON.parse(await descriptor.text());
    data = packageData(state.package, files.filter((f) => f !== descriptor));
  } catch {
    state.package = null;
    return showError({ messageKo: tIn("ko", "packageUnreadable"), messageEn: tIn("en", "packageUnreadable") });
  }
  if (!data) {
    const path = firstPath(state.package) ?? "CSV";
    state.package = null;
    return showError({ messageKo: tIn("ko", "packageData", { path }), messageEn: tIn("en", "packageData", { path }) });
  }
  state.others = Math.max(0, files.length - 2);
  return openFile(data);
}

/** A ZIP archive: its files are opened as if dropped together (a Fiscal
 * Data Package, or the files of a series); a workbook is read as one. */
async function openArchive(file) {
  let entries;
  try {
    entries = await ask({ type: "unzip", input: file });
  } catch (error) {
    return showError(error);
  }
  if (entries == null) return openFile(file);
  const files = entries.map((e) => new File([e.data], e.name));
  return files.length === 0 ? showError({ messageKo: tIn("ko", "emptyArchive"), messageEn: tIn("en", "emptyArchive") }) : openFiles(files);
}

/** The first resource's path in a datapackage.json. */
function firstPath(descriptor) {
  const path = descriptor?.resources?.find((r) => r?.path)?.path;
  return Array.isArray(path) ? path[0] : typeof path === "string" ? path : null;
}

/** The file a package describes, among those dropped with it. */
function packageData(descriptor, others) {
  const name = firstPath(descriptor)?.split("/").pop();
  return others.find((f) => f.name === name) ?? (others.length === 1 ? others[0] : null);
}

/** Several files of one budget, one per year (or a budget and its
 * actuals): read as one, a column per year. */
async function openSeries(files) {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > WHOLE_SERIES_BYTES) {
    const sizes = { size: (total / 1048576).toFixed(0), max: WHOLE_SERIES_BYTES / 1048576 };
    return showError({ messageKo: tIn("ko", "tooLarge", sizes), messageEn: tIn("en", "tooLarge", sizes) });
  }
  await analyse(files, { name: files.map((f) => f.name).join(", "), input: files, type: "series" }, "series");
}

async function openFile(file) {
  if (!file) return;
  if (file.size > STREAM_MAX_BYTES) {
    const sizes = { size: (file.size / 1048576).toFixed(0), max: STREAM_MAX_BYTES / 1048576 };
    showError({ messageKo: tIn("ko", "tooLarge", sizes), messageEn: tIn("en", "tooLarge", sizes) });
    return;
  }
  // The worker reads the file itself (a File is passed without copying its
  // data), whole when it is small, in a stream of slices when it is large.
  if (file.size >= PROGRESS_FROM_BYTES) showProgress(t("reading", { percent: 0 }), 0);
  await analyse(file, { name: file.name, input: file });
}

// ---- what people see ------------------------------------------------------

function unitCode() {
  return state.report.unit?.code ?? null;
}

function amount(value) {
  return amountText(value, unitCode(), state.display, state.report.currency, language());
}

function exact(value) {
  return exactText(value, unitCode(), state.report.currency, language());
}

/** What the amounts are in: 천원, or a currency and its scale, or unknown. */
function unitLabel(r) {
  if (r.currency && r.currency !== "KRW") {
    const factor = r.unit?.factor.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return factor && factor !== "1" ? `${r.currency} × ${factor}` : r.currency;
  }
  if (r.unit) return r.unit.label;
  return r.currency === "KRW" ? t("unitUnknown") : t("unitUnstated");
}

function focusNode() {
  let node = state.report.tree;
  for (const name of state.focus) {
    const next = node.children.find((child) => child.name === name);
    if (!next) break;
    node = next;
  }
  return node;
}

/** A level left empty in the file (계정명 blank under 일반회계) is passed
 * through: a part whose only item has no name shows that item's items, so
 * no "—" box fills the whole map and no empty step the breadcrumb. */
function throughEmpty(path) {
  const out = [...path];
  state.focus = out;
  let node = focusNode();
  while (node.children.length === 1 && node.children[0].name === "" && node.children[0].children.length > 0) {
    out.push("");
    node = node.children[0];
  }
  return out;
}

function chooseMeasure(report) {
  const amounts = report.columns.filter((c) => c.kind === "amount");
  if (amounts.some((c) => c.name === state.measure)) return state.measure;
  // With two years to compare, the later one is the budget people ask about.
  const growth = report.growth ?? report.groups.find((g) => g.growth)?.growth;
  if (growth) return growth.to;
  for (const role of MEASURE_PREFERENCE) {
    const column = amounts.find((c) => c.role === role);
    if (column) return column.name;
  }
  return amounts[0]?.name ?? null;
}

/** A budget split by side opens on its spending (where the money goes),
 * one split by year on the latest year: the parts are never one whole. */
function splitFocus(report) {
  if (report.groups.length === 0) return [];
  const spending = report.groups.find((g) => g.side === "expense");
  return (spending ?? report.groups[report.groups.length - 1]).path.slice(0, 1);
}

function show(report, fresh) {
  state.report = report;
  if (fresh) {
    state.measure = null;
    state.colorMode = report.execution ? "execution" : report.growth ? "growth" : "none";
  }
  state.measure = chooseMeasure(report);
  if (fresh) {
    state.focus = splitFocus(report);
    state.expanded = new Set();
    state.selected = null;
    state.sort = { key: `amount:${state.measure}`, dir: "desc" };
  }
  if (linkView) {
    applyView(linkView);
    if (state.source?.name !== SAMPLE_NAME) linkView = null;
  }
  render();
  document.body.dataset.state = "ready";
}

/** The view a link opened the page with: applied to each report shown
 * until a file of the user's own is, and its column corrections, hierarchy
 * and sheet to the first file read. */
let linkView = null;

/** Keeps the view in the browser's history (Back steps through the
 * `push`ed ones) without changing the address: a changed address makes the
 * browser fetch the page's icon again, and the page makes no request after
 * it has loaded. The link button writes the view into an address. */
function saveView(push = false) {
  if (!state.report) return;
  const view = viewOf(state, language()).toString();
  if (push) history.pushState({ view }, "");
  else history.replaceState({ view }, "");
}

/** The address of this view: the page, its `?src=`, and the view. */
function viewLink() {
  return `${location.origin}${location.pathname}${location.search}#${viewOf(state, language())}`;
}

/** Takes a view from a link or from Back and Forward: what does not fit
 * this report (a column it lacks) is left as it is. */
function applyView(view) {
  if (view.lang && view.lang !== language()) {
    setLanguage(view.lang);
    translatePage();
  }
  const r = state.report;
  if (view.display && DISPLAY_UNITS.includes(view.display)) state.display = view.display;
  if (view.measure && r.columns.some((c) => c.kind === "amount" && c.name === view.measure)) state.measure = view.measure;
  if (view.color && ["execution", "growth", "none"].includes(view.color)) state.colorMode = view.color;
  if (view.focus) state.focus = view.focus;
  if (view.selected) state.selected = view.selected;
  if (view.sort) state.sort = view.sort;
  for (const [key, id] of [["population", "population"], ["households", "households"]]) {
    if (view[key]) {
      state[key] = view[key];
      $(id).value = view[key];
    }
  }
}

function render() {
  if (!state.report) return;
  $("results").hidden = false;
  renderSource();
  renderHeadline();
  renderQuestions();
  renderColumns();
  renderControls();
  renderCharts();
  renderTableView();
  renderChanges();
  renderAudit(state.report);
  renderWarnings();
  saveView();
}

function renderSource() {
  const r = state.report;
  const name = state.source?.name === SAMPLE_NAME ? t("sampleName") : state.source?.name ?? t("pasteName");
  $("source").textContent = t("source", {
    name,
    rows: r.rows.toLocaleString(),
    unit: unitLabel(r),
  });
  if (r.source.encoding) $("source").textContent += ` · ${r.source.encoding.toUpperCase()}`;
  if (state.others > 0) $("source").textContent += ` · ${t("onlyFirst", { count: state.others })}`;
  renderSheets(r.source);
  // On paper: what the figures are from, in what unit, printed when.
  const date = new Date().toLocaleDateString(language() === "en" ? "en" : "ko");
  $("print-meta").textContent = t("printMeta", { source: $("source").textContent, date });
}

/** A spreadsheet of several sheets: which one is read, and a choice of the others. */
function renderSheets(source) {
  const box = $("sheet-choice");
  box.hidden = source.sheets.length < 2;
  if (box.hidden) return;
  const select = $("sheet");
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

function renderQuestions() {
  const helpers = { amount, rate: rateText, onJump: jumpTo };
  renderAnswers($("answers"), state.report, state.measure, helpers);
  renderFind($("find-results"), $("find").value, state.report, state.measure, helpers);
}

/** Shows an item wherever it is in the tree: the treemap at its parent's
 * level with the item's box focused, and the table open down to its row,
 * marked and scrolled into view. */
function jumpTo(path) {
  state.focus = path.slice(0, -1);
  for (let depth = 1; depth < path.length; depth++) state.expanded.add(pathKey(path.slice(0, depth)));
  state.selected = pathKey(path);
  renderCharts();
  renderTableView();
  saveView(true);
  const name = path[path.length - 1];
  const cell = [...$("treemap").querySelectorAll(".cell")].find((c) => c.getAttribute("data-name") === name);
  cell?.classList.add("selected");
  cell?.focus();
  $("table").querySelector("tr.selected")?.scrollIntoView({ block: "nearest" });
}

/** An amount in won (base units) as the display writes it. */
function won(value) {
  return amountText(value, "won", state.display, state.report.currency, language());
}

/** The amount of each resident (and household), in won, when a population is given. */
function residentShare(value) {
  if (value == null || !state.population) return null;
  const resident = won(perHead(value, unitCode(), state.population));
  const household = state.households ? won(perHead(value, unitCode(), state.households)) : null;
  return { resident, household, count: Number(state.population).toLocaleString() };
}

function renderHeadline() {
  $("headline").replaceChildren(...headlineItems(state.report, state.measure, { amount, exact, perHead: residentShare }));
}

function renderColumns() {
  const handlers = {
    correct(name, correction, { newKind } = {}) {
      state.overrides = { ...state.overrides, [name]: { ...state.overrides[name], ...correction } };
      if (newKind) state.by = null;
      rereadWithOverrides();
    },
    order(next) {
      state.by = next;
      reanalyse();
    },
  };
  $("columns").replaceChildren(...columnEditor(state.report, handlers));
}

function rereadWithOverrides() {
  if (state.source?.input != null) analyse(state.source.input, state.source, state.source.type);
}

function renderControls() {
  const amounts = state.report.columns.filter((c) => c.kind === "amount");
  $("measure").replaceChildren(...amounts.map((c) => option(c.name, c.name, c.name === state.measure)));
  $("display-unit").replaceChildren(...DISPLAY_UNITS.map((u) => option(u, t(`units.${u}`), u === state.display)));
  const modes = [
    ["execution", t("colorExecution"), state.report.execution],
    ["growth", t("colorGrowth"), state.report.growth],
    ["none", t("colorNone"), true],
  ].filter(([, , available]) => available);
  $("color-mode").replaceChildren(...modes.map(([value, text]) => option(value, text, state.colorMode === value)));
}

function describe(node) {
  const share = node.shareOfParent[state.measure];
  const parts = [`${node.name || "—"}: ${amount(node.amounts[state.measure])}`];
  if (share != null) parts.push(`${t("shares")} ${share}%`);
  if (node.execution?.rate != null) parts.push(`${t("execution")} ${node.execution.rate}%`);
  if (node.growth) {
    const g = node.growth;
    parts.push(g.status === "new" ? t("new") : g.status === "discontinued" ? t("discontinued") : `${t("growthRate")} ${g.rate ?? "—"}%`);
  }
  return parts.join(", ");
}

function renderBreadcrumb() {
  const nav = $("breadcrumb");
  const items = [t("whole"), ...state.focus];
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
        step.addEventListener("click", () => zoomTo(state.focus.slice(0, index)));
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
function markExports() {
  for (const button of document.querySelectorAll("[data-export]")) {
    button.disabled = !$(button.dataset.chart);
  }
}

function zoomTo(path) {
  state.focus = throughEmpty(path);
  renderCharts();
  saveView(true);
  $("treemap").querySelector(".cell")?.focus();
}

/** The legend as shown, for an exported chart: each entry's colour and words. */
function legendEntries() {
  return [...$("legend").children].map((item) => ({
    color: item.querySelector(".swatch")?.style.background || null,
    text: item.textContent,
  }));
}

function renderLegend() {
  const legend = $("legend");
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
  if (state.colorMode === "none") {
    legend.replaceChildren();
    return;
  }
  if (state.colorMode === "growth") {
    title.textContent = t("legendGrowth");
    entries.push(title);
    for (const rate of [-50, -25, 0, 25, 50]) entries.push(swatch(growthColor({ status: "increased", rate: String(rate) }), `${rate > 0 ? "+" : ""}${rate}${Math.abs(rate) === 50 ? "+" : ""}`));
    entries.push(swatch(growthColor({ status: "new" }), t("new")), swatch(growthColor({ status: "discontinued" }), t("discontinued")));
  } else {
    title.textContent = t("legendExecution");
    entries.push(title);
    // The same range as the treemap's colours: the items' own rates.
    const [low, high] = executionDomain(focusNode().children.map((c) => c.execution?.rate));
    for (let i = 0; i <= 4; i += 1) {
      const rate = low + ((high - low) * i) / 4;
      entries.push(swatch(executionColor(String(rate), [low, high]), String(Math.round(rate * 10) / 10)));
    }
  }
  entries.push(swatch(growthColor(null), t("notGiven")));
  legend.replaceChildren(...entries);
}

/** The treemap's title: where money comes from on the revenue side of a
 * budget split by side, where it goes everywhere else. */
function treemapTitle() {
  const part = state.report.groups.find((g) => g.path[0] === state.focus[0]);
  return t(part?.side === "revenue" ? "treemapRevenue" : "treemap");
}

function renderCharts() {
  const node = focusNode();
  const measure = state.measure;
  renderBreadcrumb();
  $("treemap-title").textContent = treemapTitle();
  for (const child of node.children) {
    const share = child.shareOfParent[measure];
    child.caption = `${amount(child.amounts[measure])}${share != null ? ` · ${share}%` : ""}`;
  }
  // A part with no items under it (a year of a table of years) says so.
  chartOrNote($("treemap"), node.children, "nothingBelow", () =>
    treemap($("treemap"), {
      node,
      measure,
      colorMode: state.colorMode,
      label: `${treemapTitle()}: ${node.children.map(describe).slice(0, 20).join("; ")}`,
      describe,
      onZoom: (child) => {
        if (child.children.length > 0) zoomTo([...state.focus, child.name]);
      },
      onUp: () => {
        // Up past any level left empty, to the named level above.
        const named = [...state.focus];
        while (named.length > 0 && named[named.length - 1] === "") named.pop();
        if (named.length > 0) zoomTo(named.slice(0, -1));
      },
    }),
  );
  renderLegend();

  const byAmount = [...node.children].sort((a, b) => compareDecimal(b.amounts[measure] ?? null, a.amounts[measure] ?? null));
  const shareRows = byAmount
    .filter((c) => c.shareOfParent[measure] != null)
    .slice(0, 15)
    .map((c) => ({ label: c.name, value: Number(c.shareOfParent[measure]), text: `${c.shareOfParent[measure]}%`, color: "#0b5cad" }));
  chartOrNote($("shares"), shareRows, "notGiven", () =>
    bars($("shares"), { id: "shares-svg", rows: shareRows, max: 100, label: summary(t("shares"), shareRows) }),
  );

  const changed = node.children.filter((c) => c.growth && ["increased", "decreased", "new", "discontinued"].includes(c.growth.status));
  changed.sort((a, b) => compareDecimal(b.growth.difference, a.growth.difference));
  const ups = changed.filter((c) => !c.growth.difference.startsWith("-")).slice(0, 6);
  const downs = changed.filter((c) => c.growth.difference.startsWith("-")).slice(-6);
  const growthRows = [...ups, ...downs].map((c) => {
    const g = c.growth;
    const tag = g.status === "new" ? t("new") : g.status === "discontinued" ? t("discontinued") : null;
    const sign = g.difference.startsWith("-") ? "" : "+";
    return {
      label: c.name,
      value: Number(g.difference),
      text: `${sign}${amount(g.difference)}${g.rate != null ? ` (${sign}${g.rate}%)` : ""}`,
      tag,
      color: g.status === "new" ? growthColor(g) : g.status === "discontinued" ? growthColor(g) : sign ? "#5e3c99" : "#b35806",
    };
  });
  chartOrNote($("growth"), growthRows, "noGrowth", () =>
    bars($("growth"), { id: "growth-svg", rows: growthRows, diverging: true, label: summary(t("growthChart"), growthRows) }),
  );

  // Who spent least first: the lowest execution rates, not the largest items.
  const executionRows = node.children
    .filter((c) => c.execution?.rate != null)
    .sort((a, b) => compareDecimal(a.execution.rate, b.execution.rate))
    .slice(0, 15)
    .map((c) => {
      const low = Number(c.execution.rate) < LOW_EXECUTION;
      return {
        label: c.name,
        value: Number(c.execution.rate),
        text: `${c.execution.rate}%`,
        tag: low ? `▼ ${t("low")}` : null,
        color: low ? "#b35806" : "#2b5c8a",
      };
    });
  chartOrNote($("execution"), executionRows, "noExecution", () => {
    bars($("execution"), { id: "execution-svg", rows: executionRows, max: 100, label: summary(t("executionChart"), executionRows) });
    const note = document.createElement("p");
    note.className = "hint";
    note.textContent = `▼ ${t("lowExecution", { threshold: LOW_EXECUTION })}`;
    $("execution").append(note);
  });
  markExports();
}

function summary(title, rows) {
  return t("chartSummary", { title, items: rows.map((r) => `${r.label} ${r.text}${r.tag ? ` ${r.tag}` : ""}`).join(", ") });
}

function chartOrNote(container, rows, empty, draw) {
  if (rows.length === 0) {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = t(empty);
    container.replaceChildren(p);
  } else {
    draw();
  }
}

function renderTableView() {
  const perResident = state.population ? (value) => (value == null ? null : perHead(value, unitCode(), state.population)) : null;
  const columns = tableColumns(state.report, state.measure, t, perResident);
  if (!columns.some((c) => c.key === state.sort.key)) state.sort = { key: `amount:${state.measure}`, dir: "desc" };
  renderTable($("table"), {
    report: state.report,
    columns,
    sort: state.sort,
    expanded: state.expanded,
    selected: state.selected,
    years: state.report.series?.years ?? [],
    t,
    amount,
    exact,
    won,
    onSort: (key) => {
      // Names first sort ㄱ→ㅎ (A→Z), figures largest first; again, the other way.
      const first = key === "name" ? "asc" : "desc";
      const again = first === "asc" ? "desc" : "asc";
      state.sort = { key, dir: state.sort.key === key && state.sort.dir === first ? again : first };
      renderTableView();
      saveView();
      document.querySelector(`#table th[aria-sort] button`)?.focus();
    },
    onToggle: (path) => {
      const key = pathKey(path);
      if (state.expanded.has(key)) state.expanded.delete(key);
      else state.expanded.add(key);
      renderTableView();
      const buttons = [...document.querySelectorAll("#table .toggle")];
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

function renderChanges() {
  const g = state.report.growth;
  $("changes-panel").hidden = !g;
  if (!g) return;
  const lists = [
    ["new", g.to],
    ["discontinued", g.from],
  ].map(([status, column]) => {
    const items = changedItems(state.report.tree, status).sort((a, b) =>
      compareDecimal(b.amounts[column] ?? null, a.amounts[column] ?? null),
    );
    const box = document.createElement("div");
    const title = document.createElement("h3");
    title.textContent = t(status === "new" ? "newItems" : "discontinuedItems", { count: items.length.toLocaleString() });
    const list = document.createElement("ol");
    for (const item of items.slice(0, 20)) {
      const li = document.createElement("li");
      const value = item.amounts[column];
      li.append(document.createTextNode(`${item.name || "—"} · ${amount(value)} `));
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
      more.textContent = t("more", { count: (items.length - 20).toLocaleString() });
      box.append(more);
    }
    return box;
  });
  $("changes").replaceChildren(...lists);
}

function renderWarnings() {
  const list = $("warnings");
  const items = state.report.warnings.map((w) => {
    const li = document.createElement("li");
    li.textContent = language() === "en" ? w.messageEn : w.messageKo;
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement("li");
    li.textContent = t("noWarnings");
    items.push(li);
  }
  list.replaceChildren(...items);
}

function allPaths(node, out = []) {
  if (node.children.length > 0 && node.depth > 0) out.push(pathKey(node.path));
  node.children.forEach((child) => allPaths(child, out));
  return out;
}

// ---- wiring ---------------------------------------------------------------

function wire() {
  $("language").addEventListener("click", () => {
    setLanguage(language() === "ko" ? "en" : "ko");
    translatePage();
    render();
    if (!$("error").hidden && state.lastError) showError(state.lastError);
  });
  $("file").addEventListener("change", async (event) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    await openFiles(files);
  });
  const drop = $("drop");
  for (const type of ["dragenter", "dragover"]) {
    document.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add("over");
    });
  }
  document.addEventListener("dragleave", (event) => {
    if (!event.relatedTarget) drop.classList.remove("over");
  });
  document.addEventListener("drop", async (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    await openFiles([...(event.dataTransfer?.files ?? [])]);
  });
  $("analyze-paste").addEventListener("click", () => {
    const text = $("paste").value;
    state.others = 0;
    freshInput();
    analyse(text, { name: null, input: text });
  });
  $("show-sample").addEventListener("click", () => {
    freshInput();
    analyse(SAMPLE, { name: SAMPLE_NAME, input: SAMPLE });
  });
  $("cancel").addEventListener("click", () => {
    cancel();
    hideProgress();
    showError({ cancelled: true });
  });
  for (const id of ["population", "households"]) {
    $(id).addEventListener("input", (event) => {
      state[id] = count(event.target.value);
      event.target.setAttribute("aria-invalid", String(event.target.value.trim() !== "" && state[id] === null));
      if (state.report) render();
    });
  }
  $("copy-link").addEventListener("click", async () => {
    const link = viewLink();
    const field = $("link-text");
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
    $("link-status").textContent = t(copied ? "linkCopied" : "linkSelected");
  });
  $("find").addEventListener("input", () => {
    if (state.report) renderQuestions();
  });
  $("sheet").addEventListener("change", (event) => {
    // Another sheet is another table: its columns start afresh.
    state.sheet = Number(event.target.value);
    state.overrides = {};
    state.by = null;
    if (state.source?.input != null) analyse(state.source.input, state.source, state.source.type);
  });
  $("measure").addEventListener("change", (event) => {
    state.measure = event.target.value;
    render();
  });
  $("display-unit").addEventListener("change", (event) => {
    state.display = event.target.value;
    render();
  });
  $("color-mode").addEventListener("change", (event) => {
    state.colorMode = event.target.value;
    renderCharts();
  });
  $("expand-all").addEventListener("click", () => {
    state.expanded = new Set(allPaths(state.report.tree));
    renderTableView();
  });
  $("collapse-all").addEventListener("click", () => {
    state.expanded = new Set();
    renderTableView();
  });
  $("export-csv").addEventListener("click", () => {
    const headers = {
      level: t("csvLevel"),
      leaf: t("csvLeaf"),
      share: t("share"),
      difference: t("difference"),
      growthRate: t("growthRate"),
      executionRate: t("executionRate"),
      unspent: t("unspent"),
    };
    download("yesan-table.csv", new Blob([reportCsv(state.report, state.measure, headers)], { type: "text/csv;charset=utf-8" }));
  });
  $("export-json").addEventListener("click", () => {
    download("yesan-report.json", new Blob([JSON.stringify(state.report, null, 2)], { type: "application/json" }));
  });
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      const shown = $(button.dataset.chart);
      if (!shown) return;
      const heading = button.closest("section")?.querySelector("h2")?.textContent ?? "";
      const date = new Date().toLocaleDateString(language() === "en" ? "en" : "ko");
      const lines = [heading, `${withoutUnit(state.measure ?? "")} · ${unitLabel(state.report)}`, `${$("source").textContent} · yesan · ${date}`];
      // The treemap's colours come with their legend.
      const legend = button.dataset.chart === "treemap-svg" ? legendEntries() : [];
      const svg = withCaption(shown, lines, legend);
      const name = `yesan-${button.dataset.chart.replace("-svg", "")}`;
      if (button.dataset.export === "svg") download(`${name}.svg`, svgBlob(svg));
      else download(`${name}.png`, await pngBlob(svg));
    });
  }
  let resize = null;
  window.addEventListener("resize", () => {
    clearTimeout(resize);
    resize = setTimeout(() => state.report && renderCharts(), 150);
  });
}

/** A file on the same site named by `?src=`, read as if chosen; null when
 * it is read, else the error to show over the sample. */
async function openAddress(address) {
  const failed = (src) => ({ messageKo: tIn("ko", "srcFailed", { src }), messageEn: tIn("en", "srcFailed", { src }) });
  if (address.refused) return failed(address.refused);
  try {
    const response = await fetch(address.url);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const name = decodeURIComponent(address.url.pathname.split("/").pop() || "data");
    freshInput();
    const file = new File([await response.blob()], name);
    await analyse(file, { name, input: file });
    return null;
  } catch {
    return failed(address.url.pathname);
  }
}

async function boot() {
  linkView = readView(location.hash);
  if (!linkView.any) linkView = null;
  const query = new URLSearchParams(location.search).get("lang");
  setLanguage((linkView?.lang ?? query) === "en" ? "en" : "ko");
  translatePage();
  wire();
  window.addEventListener("popstate", (event) => {
    if (!state.report) return;
    // What the view leaves out is the default: the whole, nothing marked.
    const view = readView(event.state?.view ?? location.hash);
    applyView({ ...view, focus: view.focus ?? [], selected: view.selected });
    state.selected = view.selected;
    render();
  });
  startWorker((fraction) => {
    const percent = Math.floor(fraction * 100);
    showProgress(t("reading", { percent }), percent);
  });
  await formatReady;
  const address = sourceAddress(location.search, location.origin);
  const failure = address ? await openAddress(address) : undefined;
  if (failure === null) return;
  await analyse(SAMPLE, { name: SAMPLE_NAME, input: SAMPLE });
  if (failure) showError(failure);
}

boot();
