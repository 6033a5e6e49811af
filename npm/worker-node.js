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
import { TRAPPED } from "../www/steps.js";

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

/** The threads, started on first use (each given the compiled module)
 * and kept for the next call; a thread holds the process open only while a
 * call to it is pending, and one that ends (a trap ends it) is started
 * afresh on the next call. */
const threads = [];
const pending = new Map();
let nextId = 1;

function start(index, module) {
  const thread = new Worker(new URL("./thread.js", import.meta.url), { workerData: { module } });
  const calls = new Set();
  const settle = (id) => {
    pending.delete(id);
    calls.delete(id);
    if (calls.size === 0) thread.unref();
  };
  thread.on("message", ({ id, ok, result, error }) => {
    const call = pending.get(id);
    settle(id);
    if (ok) call?.resolve(result);
    else call?.reject(error);
  });
  const fail = (error) => {
    for (const id of [...calls]) {
      const call = pending.get(id);
      settle(id);
      call?.reject(error);
    }
    if (threads[index]?.thread === thread) threads[index] = undefined;
  };
  thread.on("error", fail);
  thread.on("exit", () => fail(TRAPPED));
  thread.unref();
  return { thread, calls };
}

/** `call(index, message, transfer)` to the threads, started with `module`. */
function pool(module) {
  return (index, message, transfer = []) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const { thread, calls } = (threads[index] ??= start(index, module));
      pending.set(id, { resolve, reject });
      calls.add(id);
      thread.ref();
      thread.postMessage({ id, ...message }, transfer);
    });
}

/** Reads and analyses `input` (bytes or text) on worker threads: resolves
 * with the report, or rejects with `{ code, row, column, columnName,
 * messageKo, messageEn }`. `workers`: how many threads read a large file
 * (default: one per core, at most eight). */
export async function analyzeInWorker(input, options = {}, { onProgress = () => {}, workers } = {}) {
  const bytes = await shared(input);
  const count = Math.max(1, Math.min(MAX_WORKERS, workers ?? availableParallelism()));
  const call = pool(await module());
  if (count > 1 && bytes.length > WHOLE_BYTES) {
    const all = Array.from({ length: count }, (_, k) => k);
    const report = await readInParts({ file: bytes, options, oneReport: true, client: 1, home: 0, workers: all, call, onProgress });
    if (report) return report;
  }
  return call(0, { type: "read", input: bytes, options });
}
