// Runs the WASM core off the main thread, so that the page never freezes.
// It keeps the last budget read, so that a new hierarchy or comparison is
// analysed again without reading the file again. A large file is streamed:
// read in slices with FileReaderSync and fed to the core chunk by chunk, so
// that it never has to be held whole; progress is posted as it goes.
import init, { Budget } from "./pkg/yesan.js";

const ready = init();
let budget = null;

/** Files up to this size are read whole (every format, HTML and pasted
 * report tables too); larger ones are streamed as CSV or TSV. */
const WHOLE_BYTES = 32 * 1024 * 1024;
/** The largest file streamed. */
const STREAM_MAX_BYTES = 2 * 1024 * 1024 * 1024;
const CHUNK = 8 * 1024 * 1024;

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

function read(id, input, options) {
  if (!(input instanceof Blob)) return new Budget(input, options);
  const reader = new FileReaderSync();
  if (input.size <= WHOLE_BYTES) return new Budget(new Uint8Array(reader.readAsArrayBuffer(input)), options);
  let offset = 0;
  const chunks = () => {
    if (offset >= input.size) return new Uint8Array(0);
    const end = Math.min(offset + CHUNK, input.size);
    const chunk = new Uint8Array(reader.readAsArrayBuffer(input.slice(offset, end)));
    offset = end;
    self.postMessage({ id, progress: offset / input.size });
    return chunk;
  };
  const limits = { ...options?.limits, maxBytes: STREAM_MAX_BYTES };
  return Budget.fromChunks(chunks, { ...options, limits });
}

self.onmessage = async ({ data }) => {
  const { id, type, input, options } = data;
  try {
    await ready;
    if (type === "read") {
      const next = read(id, input, options);
      budget?.free();
      budget = next;
    }
    if (!budget) throw new Error("no budget has been read yet");
    const report = budget.report(options);
    self.postMessage({ id, ok: true, report });
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      // A trap leaves the module's memory in an unknown state: this worker
      // is done, and the page starts a fresh one.
      self.postMessage({ id, ok: false, trapped: true, error: TRAPPED });
      self.close();
      return;
    }
    self.postMessage({ id, ok: false, error: plainError(error) });
  }
};

const TRAPPED = {
  code: "module_trapped",
  row: null,
  column: null,
  columnName: null,
  messageKo: "분석 모듈이 예기치 않게 멈춰 새로 시작했습니다. 다시 시도해 주세요.",
  messageEn: "The analysis module stopped unexpectedly and was started afresh; please try again.",
};
