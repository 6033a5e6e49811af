// yesan/worker in Node: a file read on worker threads, one per core (at
// most eight), each with its own instance of the module; a large CSV or TSV
// (over 32 MB) in parts, as the page reads it (www/parallel.js), the same
// report byte for byte as one thread gives.
//
//   import { analyzeInWorker } from "yesan/worker";
//   const report = await analyzeInWorker(readFileSync("budget.csv"), { by: ["부서"] });
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { readInParts } from "../www/parallel.js";
import { WHOLE_BYTES } from "../www/limits.js";

const MAX_WORKERS = 8;

/** The module, compiled once and shared by every thread. */
let compiled = null;
const module = () => (compiled ??= WebAssembly.compile(readFileSync(new URL("./yesan_bg.wasm", import.meta.url))));

/** The input as bytes every thread can see without a copy. */
async function shared(input) {
  const bytes =
    typeof input === "string"
      ? new TextEncoder().encode(input)
      : input instanceof ArrayBuffer
        ? new Uint8Array(input)
        : input instanceof Blob
          ? new Uint8Array(await input.arrayBuffer())
          : input;
  if (!(bytes instanceof Uint8Array)) throw new TypeError("yesan/worker reads a Uint8Array, an ArrayBuffer, a Blob or a string");
  const view = new Uint8Array(new SharedArrayBuffer(bytes.length));
  view.set(bytes);
  return view;
}

/** Worker threads (started on first use, each given `module`) and a
 * `call(index, message, transfer)` to them. */
function pool(module) {
  const threads = [];
  const pending = new Map();
  let nextId = 1;
  const start = () => {
    const thread = new Worker(new URL("./thread.js", import.meta.url), { workerData: { module } });
    thread.on("message", ({ id, ok, result, error }) => {
      const call = pending.get(id);
      pending.delete(id);
      if (ok) call?.resolve(result);
      else call?.reject(error);
    });
    thread.on("error", (error) => {
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    });
    return thread;
  };
  const call = (index, message, transfer = []) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      (threads[index] ??= start()).postMessage({ id, ...message }, transfer);
    });
  const close = () => Promise.all(threads.map((t) => t.terminate()));
  return { call, close };
}

/** Reads and analyses `input` (bytes or text) on worker threads: resolves
 * with the report, or rejects with `{ code, row, column, columnName,
 * messageKo, messageEn }`. `workers`: how many threads read a large file
 * (default: one per core, at most eight). */
export async function analyzeInWorker(input, options = {}, { onProgress = () => {}, workers } = {}) {
  const bytes = await shared(input);
  const count = Math.max(1, Math.min(MAX_WORKERS, workers ?? availableParallelism()));
  const { call, close } = pool(await module());
  try {
    if (count > 1 && bytes.length > WHOLE_BYTES) {
      const all = Array.from({ length: count }, (_, k) => k);
      const report = await readInParts({ file: bytes, options, oneReport: true, client: 1, home: 0, workers: all, call, onProgress });
      if (report) return report;
    }
    return await call(0, { type: "read", input: bytes, options });
  } finally {
    await close();
  }
}
