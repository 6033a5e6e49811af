// The iframe mode: embed.html?src=/data/budget.csv&lang=ko&by=실국명,부서명
// shows one <yesan-explorer> with the options of the query (the element's
// attributes, same names), for a CMS that allows an iframe but no script.
// The file must be on the same site as embed.html (`src` elsewhere is never
// fetched). The frame tells its parent its height and what happens in it by
// postMessage, so that a parent page that allows a script can size the frame
// and react:
//   { source: "yesan", type: "size", height }
//   { source: "yesan", type: "load", rows, totals: [{ column, value }] }
//   { source: "yesan", type: "select", path }
//   { source: "yesan", type: "error", code, messageKo, messageEn }
import "./explorer.js";
import { tIn } from "./i18n.js";
import { sourceAddress } from "./link.js";

const ATTRIBUTES = [
  "lang", "by", "growth", "execution", "unit", "source-unit", "currency", "sheet",
  "panels", "height", "population", "households",
];

const explorer = document.getElementById("explorer");
const query = new URLSearchParams(location.search);

/** Tells the parent page (any origin: only a height, names and public figures are sent). */
function tell(message) {
  if (window.parent !== window) window.parent.postMessage({ source: "yesan", ...message }, "*");
}

function applyQuery() {
  for (const name of ATTRIBUTES) {
    const value = query.get(name);
    if (value != null) explorer.setAttribute(name, value);
  }
  document.documentElement.lang = query.get("lang") === "en" ? "en" : "ko";
  const address = sourceAddress(location.search, location.origin);
  if (address?.url) explorer.setAttribute("src", address.url.href);
  else if (address?.refused) {
    const src = address.refused;
    explorer.showError({ messageKo: tIn("ko", "srcRefusedEmbed", { src }), messageEn: tIn("en", "srcRefusedEmbed", { src }) });
  } else explorer.setAttribute("sample", "");
}

function wireParent() {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) tell({ type: "size", height: (last = height) });
  }).observe(document.body);
  explorer.addEventListener("yesan-load", ({ detail }) => {
    const totals = detail.report.totals.map(({ column, value }) => ({ column, value }));
    tell({ type: "load", rows: detail.report.rows, totals });
  });
  explorer.addEventListener("yesan-select", ({ detail }) => tell({ type: "select", path: detail.path }));
  explorer.addEventListener("yesan-error", ({ detail }) => {
    const { code = null, messageKo = null, messageEn = null } = detail.error ?? {};
    tell({ type: "error", code, messageKo, messageEn });
  });
}

wireParent();
applyQuery();
