// <yesan-explorer>: the budget explorer as a custom element, for a city's
// own page. One tag and one script:
//
//   <script type="module" src="/yesan/explorer.js"></script>
//   <yesan-explorer src="/data/budget-2025.csv" lang="ko" by="실국명,부서명" unit="korean"></yesan-explorer>
//
// Everything is in its shadow root (view.js); its style, WASM and worker
// are found beside this script (import.meta.url), so that the folder works
// from any path or a CDN. Several explorers on a page share one compiled
// module and one pool of workers (analyst.js). It works under the strict
// Content-Security-Policy of the yesan page: no inline style or script.
//
// Attributes: src, lang (ko | en), by (hierarchy, comma-separated), growth
// ("from,to" columns), execution ("executed,budget" columns), unit (display:
// korean | won | thousand | million | hundred_million), source-unit (the
// file's own unit when it states none), currency, sheet, panels (names,
// comma- or space-separated, or "all"), height (treemap, px), population,
// households, name (what `data` is called on screen), sample (show the
// built-in sample when there is no data),
// history (keep the view in the browser's history; the page's own),
// skip-links ("off" when the page has its own, calling skipTo()).
// Property: data (text, bytes, a Blob or File, or an array of files).
// Events (bubbling, composed): yesan-load { report }, yesan-select { item,
// path }, yesan-error { error }.
import { createView, setLanguage, showPanels, showSample, applyView, render, jumpTo, skipTo, PANELS } from "./view.js";
import { openAddress, openData } from "./inputs.js";
import { analyse, showError } from "./session.js";
import { ready } from "./format.js";
import { count } from "./residents.js";
import { DISPLAY_UNITS } from "./state.js";
import { MAX_WORKERS } from "./analyst.js";

const STYLESHEET = new URL("./explorer.css", import.meta.url).href;
/** Panels shown when the attribute is absent: all but reading one's own file and the column editor. */
const DEFAULT_PANELS = PANELS.filter((name) => name !== "input" && name !== "columns");

const list = (text) => (text ?? "").split(/\s*,\s*/).filter(Boolean);

/** A pair of column names ("2024 예산,2025 예산"), or null. */
function pair(text, [first, second]) {
  const [a, b] = list(text);
  return a && b ? { [first]: a, [second]: b } : null;
}

export class YesanExplorer extends HTMLElement {
  static observedAttributes = [
    "src", "lang", "by", "growth", "execution", "unit", "source-unit", "currency", "sheet",
    "panels", "height", "population", "households", "history", "skip-links", "workers",
  ];

  #view;
  #connected = false;
  #data = null;
  /** A read is waiting for the module. */
  #queued = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = STYLESHEET;
    root.append(style);
    this.#view = createView(root, this, {
      onLoad: (report) => this.#emit("yesan-load", { report }),
      onSelect: (item) => this.#emit("yesan-select", { item, path: item.path }),
      onError: (error) => this.#emit("yesan-error", { error }),
      onLanguage: (lang) => this.setAttribute("lang", lang),
    });
    // Nothing unstyled shows while the stylesheet loads.
    const body = root.querySelector(".explorer");
    body.hidden = true;
    const shown = () => (body.hidden = false);
    style.addEventListener("load", shown);
    style.addEventListener("error", shown);
  }

  connectedCallback() {
    if (this.#connected) return;
    this.#connected = true;
    this.#readAttributes();
    this.#load();
  }

  disconnectedCallback() {
    // Kept when only moved within the page.
    queueMicrotask(() => {
      if (!this.isConnected) {
        this.#view.analyst.close();
        this.#connected = false;
      }
    });
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#connected || old === value) return;
    this.#readAttributes();
    const view = this.#view;
    if (name === "lang") setLanguage(view, value);
    else if (name === "src") this.#load();
    else if (["by", "growth", "execution", "source-unit", "currency", "sheet"].includes(name)) this.#reread();
    else render(view);
  }

  /** The data to show, handed over by script: text, bytes, a Blob or File, or files. */
  set data(value) {
    this.#data = value;
    if (this.#connected) this.#load();
  }

  get data() {
    return this.#data;
  }

  /** The report shown, or null (the same object as yesan-load's). */
  get report() {
    return this.#view.state.report;
  }

  /** Moves the focus to "headline", "charts" or "table" (a page's own skip links). */
  skipTo(where) {
    skipTo(this.#view, where);
  }

  /** Shows a message in the explorer's error box: `{ messageKo, messageEn }`. */
  showError(error) {
    showError(this.#view, error);
  }

  /** Reads files as if dropped on the explorer. */
  open(files) {
    return openData(this.#view, [...files]);
  }

  /** Shows the item at `path` (names from the top) in the treemap and the table. */
  select(path) {
    if (this.#view.state.report) jumpTo(this.#view, path);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The attributes into the view's state; a malformed one is left out. */
  #readAttributes() {
    const view = this.#view;
    const state = view.state;
    const lang = this.getAttribute("lang") === "en" ? "en" : "ko";
    if (lang !== view.t.lang) setLanguage(view, lang);
    view.history = this.hasAttribute("history");
    view.$("skips").hidden = this.getAttribute("skip-links") === "off";
    const unit = this.getAttribute("unit");
    if (DISPLAY_UNITS.includes(unit)) state.display = unit;
    const workers = Number(this.getAttribute("workers") || NaN);
    view.analyst.workers = Number.isInteger(workers) && workers >= 1 && workers <= MAX_WORKERS ? workers : null;
    const height = Number(this.getAttribute("height"));
    view.height = Number.isInteger(height) && height >= 120 && height <= 4000 ? height : null;
    for (const key of ["population", "households"]) {
      const given = count(this.getAttribute(key) ?? "");
      if (given == null) continue;
      state[key] = given;
      view.$(key).value = given;
    }
    const fixed = {};
    const growth = pair(this.getAttribute("growth"), ["from", "to"]);
    if (growth) fixed.growth = growth;
    const execution = pair(this.getAttribute("execution"), ["executed", "budget"]);
    if (execution) fixed.execution = execution;
    if (this.getAttribute("source-unit")) fixed.unit = this.getAttribute("source-unit");
    if (this.getAttribute("currency")) fixed.currency = this.getAttribute("currency");
    const by = list(this.getAttribute("by"));
    if (by.length > 0) fixed.by = by;
    const sheet = this.getAttribute("sheet");
    if (sheet) fixed.sheet = /^\d+$/.test(sheet) ? Number(sheet) : sheet;
    // The user's own choices (the column editor, the sheet) come on top.
    state.fixed = fixed;
    const panels = this.getAttribute("panels");
    showPanels(view, panels === "all" ? null : panels ? list(panels.replace(/\s+/g, ",")) : DEFAULT_PANELS);
  }

  /** Reads what the explorer is given, once the module is ready; changes
   * made together (attributes set one after another) make one read. */
  #load() {
    if (this.#queued) return;
    this.#queued = true;
    ready.then(() => {
      this.#queued = false;
      return this.#read();
    });
  }

  /** Reads `data`, else `src`, else the sample (when asked for it, and
   * also when `src` cannot be read, with the error shown over it). */
  async #read() {
    const view = this.#view;
    const src = this.getAttribute("src");
    if (this.#data != null) {
      await openData(view, this.#data, this.getAttribute("name") || undefined);
    } else if (src) {
      const failure = await openAddress(view, new URL(src, document.baseURI));
      if (failure && this.hasAttribute("sample")) await showSample(view);
      if (failure) showError(view, failure);
    } else if (this.hasAttribute("sample")) {
      await showSample(view);
    }
  }

  /** Reads the same input again with new reading options. */
  #reread() {
    const source = this.#view.state.source;
    if (source?.input != null) analyse(this.#view, source.input, source, source.type);
  }

  /** Applies a view (from a link, or the history): see link.js. */
  applyView(wanted) {
    if (!this.#view.state.report) {
      this.#view.linkView = wanted;
      return;
    }
    applyView(this.#view, wanted);
    render(this.#view);
  }
}

if (!customElements.get("yesan-explorer")) customElements.define("yesan-explorer", YesanExplorer);
