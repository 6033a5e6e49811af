// The yesan page: a header, one <yesan-explorer> with every panel, and a
// footer. The page adds what belongs to a whole page rather than to an
// embedded explorer: the language button (and the document's language and
// title), a view kept in the address and the history (link.js), `?src=` for
// a file on the same site, and files dropped anywhere on the page.
import "./explorer.js";
import { translator, translatePage, tIn } from "./i18n.js";
import { readView, sourceAddress } from "./link.js";

const explorer = document.getElementById("explorer");

/** The page's own texts, in the explorer's language. */
function translate() {
  const t = translator(explorer.getAttribute("lang"));
  document.documentElement.lang = t.lang;
  translatePage(document, t);
  document.title = t("title");
}

function wireLanguage() {
  document.getElementById("language").addEventListener("click", () => {
    explorer.setAttribute("lang", explorer.getAttribute("lang") === "en" ? "ko" : "en");
  });
  // The explorer may change language itself (a link asks for English).
  new MutationObserver(translate).observe(explorer, { attributeFilter: ["lang"] });
}

/** The explorer's state (busy, ready, error) on the body too, for the tests. */
function mirrorState() {
  new MutationObserver(() => (document.body.dataset.state = explorer.dataset.state ?? "")).observe(explorer, { attributeFilter: ["data-state"] });
}

/** Files dropped anywhere on the page go to the explorer (those dropped on
 * it, it reads itself). */
function wireDrop() {
  const outside = (event) => !event.composedPath().includes(explorer);
  for (const type of ["dragenter", "dragover"]) {
    document.addEventListener(type, (event) => outside(event) && event.preventDefault());
  }
  document.addEventListener("drop", (event) => {
    if (!outside(event)) return;
    event.preventDefault();
    explorer.open(event.dataTransfer?.files ?? []);
  });
}

/** The view in the address's fragment, and Back and Forward through the views visited. */
function wireHistory() {
  const linked = readView(location.hash);
  if (linked.any) explorer.applyView(linked);
  const lang = linked.lang ?? new URLSearchParams(location.search).get("lang");
  explorer.setAttribute("lang", lang === "en" ? "en" : "ko");
  window.addEventListener("popstate", (event) => {
    // What the view leaves out is the default: the whole, nothing marked.
    const view = readView(event.state?.view ?? location.hash);
    explorer.applyView({ ...view, focus: view.focus ?? [], selected: view.selected ?? null });
  });
}

/** `?src=`: a file on the same site is read instead of the sample; one on
 * another site is never fetched, and the sample is shown with a notice. */
function wireSource() {
  const address = sourceAddress(location.search, location.origin);
  if (!address) return;
  if (address.url) {
    explorer.setAttribute("src", address.url.href);
    return;
  }
  const src = address.refused;
  explorer.addEventListener("yesan-load", () => explorer.showError({ messageKo: tIn("ko", "srcRefused", { src }), messageEn: tIn("en", "srcRefused", { src }) }), { once: true });
}

/** The page's skip links, first on the page, into the explorer. */
function wireSkips() {
  for (const button of document.querySelectorAll("[data-skip]")) {
    button.addEventListener("click", () => explorer.skipTo(button.dataset.skip));
  }
}

translate();
wireSkips();
wireLanguage();
mirrorState();
wireDrop();
wireHistory();
wireSource();
