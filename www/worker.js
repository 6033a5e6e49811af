// Runs the WASM core off the main thread, so that the page never freezes.
// It keeps the last budget read, so that a new hierarchy or comparison is
// analysed again without reading the file again.
import init, { Budget } from "./pkg/yesan.js";

const ready = init();
let budget = null;

function plainError(error) {
  return {
    code: error.code ?? "internal",
    row: error.row ?? null,
    column: error.column ?? null,
    columnName: error.columnName ?? null,
    messageKo: error.messageKo ?? String(error.message ?? error),
    messageEn: error.messageEn ?? String(error.message ?? error),
  };
}

self.onmessage = async ({ data }) => {
  const { id, type, input, options } = data;
  try {
    await ready;
    if (type === "read") {
      const next = new Budget(input, options);
      budget?.free();
      budget = next;
    }
    if (!budget) throw new Error("no budget has been read yet");
    const report = budget.report(options);
    self.postMessage({ id, ok: true, report });
  } catch (error) {
    self.postMessage({ id, ok: false, error: plainError(error) });
  }
};
