// A link keeps the view: what was chosen on the page (language, units, the
// amount shown, colours, the level and item, the sort, column corrections,
// the hierarchy, the sheet, a population) is written as an address's
// fragment, which never leaves the browser. A link opened with the same file
// — or with `?src=` naming a file on the same site — shows the same view;
// the same parameters, kept in the browser's history, let Back and Forward
// step through the levels visited.

const KEYS = ["lang", "display", "measure", "color", "focus", "selected", "sort", "fix", "by", "sheet", "pop", "hh"];

const json = (value) => (value == null ? null : JSON.stringify(value));

function parse(text) {
  try {
    return text == null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

/** The view as the fragment's parameters. */
export function viewOf(state, lang) {
  const params = new URLSearchParams();
  const put = (key, value) => {
    if (value != null && value !== "" && value !== "[]" && value !== "{}") params.set(key, value);
  };
  put("lang", lang === "en" ? "en" : null);
  put("display", state.display === "korean" ? null : state.display);
  put("measure", state.measure);
  put("color", state.colorMode);
  put("focus", json(state.focus));
  put("selected", state.selected);
  put("sort", `${state.sort.key}|${state.sort.dir}`);
  put("fix", json(state.overrides));
  put("by", json(state.by));
  put("sheet", state.sheet == null ? null : String(state.sheet));
  put("pop", state.population);
  put("hh", state.households);
  return params;
}

/** What a fragment asks for; anything malformed is left out. */
export function readView(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const text = (key) => params.get(key);
  const [sortKey, sortDir] = (text("sort") ?? "").split("|");
  const focus = parse(text("focus"));
  const overrides = parse(text("fix"));
  const by = parse(text("by"));
  const digits = (key) => (/^[1-9]\d{0,14}$/.test(text(key) ?? "") ? text(key) : null);
  return {
    any: KEYS.some((k) => params.has(k)),
    lang: text("lang") === "en" ? "en" : null,
    display: text("display"),
    measure: text("measure"),
    color: text("color"),
    focus: Array.isArray(focus) && focus.every((s) => typeof s === "string") ? focus : null,
    selected: text("selected"),
    sort: sortKey && (sortDir === "asc" || sortDir === "desc") ? { key: sortKey, dir: sortDir } : null,
    overrides: overrides && typeof overrides === "object" && !Array.isArray(overrides) ? overrides : null,
    by: Array.isArray(by) && by.every((s) => typeof s === "string") ? by : null,
    sheet: /^\d{1,4}$/.test(text("sheet") ?? "") ? Number(text("sheet")) : null,
    population: digits("pop"),
    households: digits("hh"),
  };
}

/** The file `?src=` names: `{ url }` on the same site, `{ refused }` for
 * another site (never fetched), or null when there is none. */
export function sourceAddress(search, origin) {
  const src = new URLSearchParams(search).get("src");
  if (!src) return null;
  try {
    const url = new URL(src, origin);
    return url.origin === origin ? { url } : { refused: src };
  } catch {
    return { refused: src };
  }
}
