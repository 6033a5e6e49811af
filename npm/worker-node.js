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
import { TRAPPED, HEAD } from "../www/steps.js";
import { expandReport } from "../www/expand.js";

const MAX_WORKERS = 8;

/** The module, compiled once and shared by every thread. */
let compiled = null;
const module = () => (compiled ??= WebAssembly.compile(readFileSync(new URL("./yesan_bg.wasm", import.meta.url))));

/** The input as bytes. */
async function bytesOf(input) {
  const bytes =
    typeof input === "string"
      ? new TextEncoder().encode(input)
      : input instanceof ArrayBuffer
        ? new Uint8Array(input)
        : input instanceof Blob
          ? new Uint8Array(await input.arrayBuffer())
          : input;
  if (!(bytes instanceof Uint8Array)) throw new TypeError("yesan/worker reads a Uint8Array, an ArrayBuffer, a Blob or a string");
  return bytes;
}

/** Bytes copied into memory each turn of the event loop (a few ms). */
const COPY_STEP = 4 * 1024 * 1024;

/**
 * `bytes` in memory every thread can see: as they are when they already
 * are, else copied a step at a time between the turns of the event loop,
 * so that the threads read the head and scan the first regions while the
 * rest is copied (copying 163 MB at once took 70 ms before any thread could
 * start). `until(end)` resolves once the bytes before `end` are there.
 */
function sharing(bytes) {
  if (bytes.buffer instanceof SharedArrayBuffer) return { view: bytes, until: async () => {} };
  const view = new Uint8Array(new SharedArrayBuffer(bytes.length));
  let copied = 0;
  const waiting = [];
  const step = () => {
    const to = Math.min(bytes.length, copied + COPY_STEP);
    view.set(bytes.subarray(copied, to), copied);
    copied = to;
    for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i].end <= copied) waiting.splice(i, 1)[0].resolve();
    if (copied < bytes.length) setImmediate(step);
  };
  step();
  const until = (end) => (end <= copied ? Promise.resolve() : new Promise((resolve) => waiting.push({ end, resolve })));
  return { view, until };
}

/** How far into the input a message to a thread reads. */
function extent(message, size) {
  switch (message.type) {
    case "begin":
      return Math.min(HEAD, size);
    case "scan":
    case "first":
    case "part":
      return message.to;
    case "read":
      return size;
    default:
      return 0;
  }
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
    if (ok) call?.resolve(expandReport(result));
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

/** `call(index, message, transfer)` to the threads, started with
 * `module`, each message posted once the bytes it reads are there
 * (`until`), in the order of the calls to its thread. */
function pool(module, until, size) {
  const queues = [];
  return (index, message, transfer = []) => {
    const posted = (queues[index] ?? Promise.resolve()).then(() => until(extent(message, size)));
    queues[index] = posted;
    return posted.then(
      () =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          const { thread, calls } = (threads[index] ??= start(index, module));
          pending.set(id, { resolve, reject });
          calls.add(id);
          thread.ref();
          thread.postMessage({ id, ...message }, transfer);
        }),
    );
  };
}

/** Reads and analyses `input` (bytes or text) on worker threads: resolves
 * with the report, or rejects with `{ code, row, column, columnName,
 * messageKo, messageEn }`. `workers`: how many threads read a large file
 * (default: one per core, at most eight). */
export async function analyzeInWorker(input, options = {}, { onProgress = () => {}, workers } = {}) {
  const { view: bytes, until } = sharing(await bytesOf(input));
  const count = Math.max(1, Math.min(MAX_WORKERS, workers ?? availableParallelism()));
  const call = pool(await module(), until, bytes.length);
  if (count > 1 && bytes.length > WHOLE_BYTES) {
    const all = Array.from({ length: count }, (_, k) => k);
    const report = await readInParts({ file: bytes, options, oneReport: true, client: 1, home: 0, workers: all, call, onProgress });
    if (report) return report;
  }
  return call(0, { type: "read", input: bytes, options });
}
