// Getting data into an explorer: files chosen or dropped (one, several of
// a series, a Fiscal Data Package, a ZIP archive), text pasted, or a file at
// an address.
import { tIn } from "./i18n.js";
import { analyse, showError, showProgress } from "./session.js";
// Larger files are refused before they are read, so that the tab never runs out of memory.
import { LARGEST_FILE } from "./limits.js";

/** Files larger than this show a progress bar while they are read. */
const PROGRESS_FROM_BYTES = 512 * 1024;
/** The files of a series are read whole, all of them together at most this. */
const WHOLE_SERIES_BYTES = 256 * 1024 * 1024;

/** New input: the corrections, hierarchy, sheet and package of the last
 * one do not carry over. */
export function freshInput(view) {
  view.state.overrides = view.linkView?.overrides ?? {};
  view.state.by = view.linkView?.by ?? null;
  view.state.sheet = view.linkView?.sheet ?? null;
  view.state.package = null;
}

/** Several files at once: a Fiscal Data Package (its datapackage.json with
 * its CSV) is read as its descriptor says; otherwise only the first file is
 * read (comparing years across files is still to come), and the page says so. */
export async function openFiles(view, files) {
  freshInput(view);
  if (files.length === 1 && /\.zip$/i.test(files[0].name)) return openArchive(view, files[0]);
  const descriptor = files.find((f) => /\.json$/i.test(f.name));
  if (!descriptor) {
    view.state.others = 0;
    return files.length > 1 ? openSeries(view, files) : openFile(view, files[0]);
  }
  let data;
  try {
    view.state.package = JSON.parse(await descriptor.text());
    data = packageData(view.state.package, files.filter((f) => f !== descriptor));
  } catch {
    view.state.package = null;
    return showError(view, { messageKo: tIn("ko", "packageUnreadable"), messageEn: tIn("en", "packageUnreadable") });
  }
  if (!data) {
    const path = firstPath(view.state.package) ?? "CSV";
    view.state.package = null;
    return showError(view, { messageKo: tIn("ko", "packageData", { path }), messageEn: tIn("en", "packageData", { path }) });
  }
  view.state.others = Math.max(0, files.length - 2);
  return openFile(view, data);
}

/** A ZIP archive: its files are opened as if dropped together (a Fiscal
 * Data Package, or the files of a series); a workbook is read as one. */
async function openArchive(view, file) {
  let entries;
  try {
    entries = await view.analyst.ask({ type: "unzip", input: file });
  } catch (error) {
    return showError(view, error);
  }
  if (entries == null) return openFile(view, file);
  const files = entries.map((e) => new File([e.data], e.name));
  return files.length === 0 ? showError(view, { messageKo: tIn("ko", "emptyArchive"), messageEn: tIn("en", "emptyArchive") }) : openFiles(view, files);
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
async function openSeries(view, files) {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > WHOLE_SERIES_BYTES) {
    const sizes = { size: (total / 1048576).toFixed(0), max: WHOLE_SERIES_BYTES / 1048576 };
    return showError(view, { messageKo: tIn("ko", "tooLarge", sizes), messageEn: tIn("en", "tooLarge", sizes) });
  }
  await analyse(view, files, { name: files.map((f) => f.name).join(", "), input: files, type: "series" }, "series");
}

export async function openFile(view, file) {
  if (!file) return;
  if (file.size > LARGEST_FILE) {
    const sizes = { size: (file.size / 1048576).toFixed(0), max: LARGEST_FILE / 1048576 };
    showError(view, { messageKo: tIn("ko", "tooLarge", sizes), messageEn: tIn("en", "tooLarge", sizes) });
    return;
  }
  // The worker reads the file itself (a File is passed without copying its
  // data), whole when it is small, in a stream of slices when it is large.
  if (file.size >= PROGRESS_FROM_BYTES) showProgress(view, view.t("reading", { percent: 0 }), 0);
  await analyse(view, file, { name: file.name, input: file });
}

/** The file at `url` (an explorer's `src`), read as if chosen; null when
 * it is read, else the error to show. */
export async function openAddress(view, url) {
  const failed = { messageKo: tIn("ko", "srcFailed", { src: url.href }), messageEn: tIn("en", "srcFailed", { src: url.href }) };
  let file;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const name = decodeURIComponent(url.pathname.split("/").pop() || "data");
    file = new File([await response.blob()], name);
  } catch {
    return failed;
  }
  await openFiles(view, [file]);
  return null;
}

/** Text pasted, handed over, or the sample: `name` null for a paste. */
export function openText(view, text, name = null) {
  freshInput(view);
  view.state.others = 0;
  return analyse(view, text, { name, input: text });
}

/** Data handed over by script (an explorer's `data` property): text, bytes,
 * a Blob or File, or several files. */
export async function openData(view, data, name = "data") {
  if (typeof data === "string") return openText(view, data, name);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return openFiles(view, [new File([data], name)]);
  if (data instanceof Blob) return openFiles(view, [data instanceof File ? data : new File([data], name)]);
  if (Array.isArray(data)) return openFiles(view, data);
  return showError(view, { messageKo: tIn("ko", "dataType"), messageEn: tIn("en", "dataType") });
}
