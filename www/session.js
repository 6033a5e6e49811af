// An explorer's requests to its analysis worker: reading new input or
// analysing again, with progress shown while it runs and an error, in the
// explorer's language and naming the file, when it fails.
import { readOptions } from "./state.js";

/** Shows the progress bar with `text`, at `percent` or running. */
export function showProgress(view, text, percent) {
  view.$("progress").hidden = false;
  view.$("progress-text").textContent = text;
  const bar = view.$("progress-bar");
  if (percent == null) bar.removeAttribute("value");
  else bar.value = percent;
}

export function hideProgress(view) {
  view.$("progress").hidden = true;
}

/** Shows an error in the explorer's language, and tells the page (`yesan-error`). */
export function showError(view, error) {
  view.state.lastError = error;
  if (error?.cancelled) {
    view.$("error-text").textContent = view.t("cancelled");
  } else if (error?.messageKo) {
    view.$("error-text").textContent = view.t.lang === "en" ? error.messageEn : error.messageKo;
  } else {
    // A fault of the page itself, not of the data: say so, and log it.
    console.error(error);
    view.$("error-text").textContent = String(error?.message ?? error);
  }
  view.$("error").hidden = false;
  view.host.dataset.state = "error";
  view.onError(error);
}

/** Reads and analyses new input (`type` "read", or "series" for several
 * files); on failure the previous result stays. */
export async function analyse(view, input, source, type = "read") {
  view.$("error").hidden = true;
  view.host.dataset.state = "busy";
  const slow = setTimeout(() => view.$("progress").hidden && showProgress(view, view.t("analyzing")), 200);
  try {
    // Copied, not transferred: the input is kept to read again when the
    // user corrects a column.
    const report = await view.analyst.ask({ type, input, options: readOptions(view.state) });
    view.state.source = source;
    view.show(report, true);
  } catch (error) {
    // Name the file the error is about (a paste has no name).
    const named =
      source?.name && error?.messageKo
        ? { ...error, messageKo: `${source.name}: ${error.messageKo}`, messageEn: `${source.name}: ${error.messageEn}` }
        : error;
    showError(view, named);
  } finally {
    clearTimeout(slow);
    hideProgress(view);
  }
}

/** Analyses the budget already read again (a new hierarchy). */
export async function reanalyse(view) {
  view.$("error").hidden = true;
  try {
    view.show(await view.analyst.ask({ type: "report", options: readOptions(view.state) }), false);
  } catch (error) {
    // The worker was replaced (another explorer cancelled, or it trapped)
    // and has forgotten the budget: the input is read again.
    if (error?.code === "no_budget") rereadWithOverrides(view);
    else showError(view, error);
  }
}

/** Reads the same input again, with the corrections now chosen. */
export function rereadWithOverrides(view) {
  if (view.state.source?.input != null) analyse(view, view.state.source.input, view.state.source, view.state.source.type);
}
