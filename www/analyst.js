// The explorers' side of the analysis workers (worker.js). One pool per
// page, shared by every <yesan-explorer> on it: the core is compiled once
// (core.js) and handed to each worker, and each explorer is a client of
// one worker, which keeps its last budget. A worker that traps, dies or is
// cancelled is replaced; whatever was waiting on it then fails with a
// message, and its clients read their data again on their next request.
import { compiled } from "./core.js";

/** At most this many workers, however many explorers a page has. */
const POOL_SIZE = Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));

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
    if (data.ok) call.resolve(data.result);
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

/** Replaces a worker, failing whatever was waiting on the old one. */
function restartSlot(index, error) {
  const old = slots[index];
  old.worker.terminate();
  for (const call of old.pending.values()) call.reject(error);
  startSlot(index);
}

/** A client of the pool: `ask(message)` sends a request to its worker and
 * resolves with the answer; `onProgress(fraction)` hears how far a read
 * has come; `cancel()` stops whatever is running (the last result stays);
 * `close()` frees what the worker keeps for it. */
export function analyst(onProgress = () => {}) {
  const client = nextClient++;
  const index = (client - 1) % POOL_SIZE;
  const slot = () => slots[index] ?? startSlot(index);
  return {
    ask(message) {
      const id = nextId++;
      const { worker, pending } = slot();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        worker.postMessage({ id, client, ...message });
      });
    },
    cancel() {
      restartSlot(index, { cancelled: true });
    },
    close() {
      slots[index]?.worker.postMessage({ id: nextId++, client, type: "close" });
    },
  };
}
