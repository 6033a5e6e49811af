// The explorers' side of the analysis workers (worker.js). One pool per
// page, shared by every <yesan-explorer> on it: the core is compiled once
// (core.js) and handed to each worker, and each explorer is a client of
// one worker, which keeps its last budget. A worker that traps, dies or is
// cancelled is replaced; whatever was waiting on it then fails with a
// message, and its clients read their data again on their next request.
//
// A large CSV or TSV file is read by every worker of the pool at once
// (parallel.js), one per core, at most eight; the explorers' clients use
// the first few of them.
import { compiled } from "./core.js";
import { readInParts } from "./parallel.js";
import { WHOLE_BYTES, LARGEST_FILE } from "./limits.js";
import { expandReport } from "./pkg/expand.js";

const CORES = globalThis.navigator?.hardwareConcurrency ?? 2;
/** The most workers the pool starts. */
export const MAX_WORKERS = 8;
/** The workers a large file is read by, unless a client says how many. */
const READ_WORKERS = Math.max(1, Math.min(MAX_WORKERS, CORES));
/** The workers explorers are clients of, however many a page has. */
const POOL_SIZE = Math.max(1, Math.min(4, CORES - 1));

/** What a request fails with when its worker died. */
const WORKER_FAILED = {
  code: "worker_failed",
  row: null,
  column: null,
  columnName: null,
  messageKo: "분석 모듈이 멈춰 새로 시작했습니다. 다시 시도해 주세요.",
  messageEn: "The analysis module stopped and was started afresh; please try again.",
};

const slots = [];
let nextId = 1;
let nextClient = 1;

function startSlot(index) {
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  const slot = { worker, pending: new Map() };
  compiled.then(
    (module) => worker.postMessage({ type: "module", module }),
    () => worker.postMessage({ type: "module", module: null }),
  );
  worker.onmessage = ({ data }) => {
    const call = slot.pending.get(data.id);
    if (!call) return;
    if (data.progress != null) {
      call.onProgress(data.progress);
      return;
    }
    slot.pending.delete(data.id);
    if (data.ok) call.resolve(expandReport(data.result));
    else call.reject(data.error);
    // A module that trapped is thrown away; the next call gets a fresh one.
    if (data.trapped) restartSlot(index, data.error);
  };
  // The worker itself failed (its module did not load, or it died).
  worker.onerror = (event) => {
    event.preventDefault();
    restartSlot(index, WORKER_FAILED);
  };
  slots[index] = slot;
  return slot;
}

/** Stops a helping worker once no read in parts uses it (what it was
 * still to answer, the end of a job, goes with it). */
function retire(index) {
  const slot = slots[index];
  if (!slot || slot.reads > 0) return;
  slot.worker.terminate();
  slots[index] = undefined;
}

/** Replaces a worker, failing whatever was waiting on the old one. */
function restartSlot(index, error) {
  const old = slots[index];
  if (!old) return;
  old.worker.terminate();
  for (const call of old.pending.values()) call.reject(error);
  startSlot(index);
}

/** Sends `message` to worker `index`; resolves with its answer. */
function callOn(index, message, transfer = [], onProgress = () => {}) {
  const id = nextId++;
  const { worker, pending } = slots[index] ?? startSlot(index);
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, ...message }, transfer);
  });
}

/** Whether a request reads a file large enough to read in parts. */
function worthParts(message, workers) {
  const { type, input } = message;
  return type === "read" && workers > 1 && input instanceof Blob && input.size > WHOLE_BYTES && input.size <= LARGEST_FILE;
}

/** A client of the pool: `ask(message)` sends a request to its worker and
 * resolves with the answer (a `read` with `oneReport: true` keeps only what
 * its one report needs, as `analyze` does); `onProgress(fraction)` hears how far a read
 * has come; `cancel()` stops whatever is running (the last result stays);
 * `close()` frees what the worker keeps for it; `workers`, when set, is how
 * many workers read a large file (1 to MAX_WORKERS; else one per core). */
export function analyst(onProgress = () => {}) {
  const client = nextClient++;
  const index = (client - 1) % POOL_SIZE;
  /** The workers of a read in parts under way, to stop on cancel. */
  let helpers = [];
  const inParts = async (message, workers) => {
    // The client's own worker first, then the others, as many as asked for.
    const others = Array.from({ length: MAX_WORKERS }, (_, k) => k).filter((k) => k !== index);
    helpers = [index, ...others].slice(0, workers);
    const used = helpers.map((at) => slots[at] ?? startSlot(at));
    for (const slot of used) slot.reads = (slot.reads ?? 0) + 1;
    try {
      const call = (at, step, transfer) => callOn(at, { client, ...step }, transfer);
      const { input: file, options, oneReport } = message;
      return await readInParts({ file, options, oneReport, client, home: index, workers: helpers, call, onProgress });
    } finally {
      helpers = [];
      for (const slot of used) slot.reads -= 1;
      // A worker beyond the explorers' ones only helped: its memory, grown
      // to hold parts of the file, goes with it.
      for (let at = POOL_SIZE; at < slots.length; at++) retire(at);
    }
  };
  return {
    workers: null,
    async ask(message) {
      const workers = this.workers ?? READ_WORKERS;
      const read = worthParts(message, workers) ? await inParts(message, workers) : null;
      return read ?? callOn(index, { client, ...message }, [], onProgress);
    },
    cancel() {
      for (const at of new Set([index, ...helpers])) restartSlot(at, { cancelled: true });
    },
    close() {
      slots[index]?.worker.postMessage({ id: nextId++, client, type: "close" });
    },
  };
}
