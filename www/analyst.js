// The page's side of the analysis worker (worker.js): requests and their
// answers, progress, and a fresh worker whenever the old one traps, dies or
// is cancelled — whatever was waiting on it then fails with a message.
import { tIn } from "./i18n.js";

let worker = null;
let nextId = 1;
const pending = new Map();
let onProgress = () => {};

/** Starts the worker; `progress(fraction)` is told how far a read has come. */
export function startWorker(progress = onProgress) {
  onProgress = progress;
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    if (data.progress != null) {
      onProgress(data.progress);
      return;
    }
    pending.delete(data.id);
    if (data.ok) call.resolve(data.result);
    else call.reject(data.error);
    // A module that trapped is thrown away; the next call gets a fresh one.
    if (data.trapped) restartWorker(data.error);
  };
  // The worker itself failed (its module did not load, or it died).
  worker.onerror = (event) => {
    event.preventDefault();
    restartWorker({ messageKo: tIn("ko", "workerFailed"), messageEn: tIn("en", "workerFailed") });
  };
}

/** Replaces the worker, failing whatever was waiting on the old one. */
function restartWorker(error) {
  worker.terminate();
  for (const call of pending.values()) call.reject(error);
  pending.clear();
  startWorker();
}

/** Sends a request to the worker; the promise gives its answer. */
export function ask(message) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

/** Stops whatever is running: the worker is replaced, the last result stays. */
export function cancel() {
  restartWorker({ cancelled: true });
}
