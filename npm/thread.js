// A Node worker thread of yesan/worker (worker-node.js): reads a file, or a
// part of one (steps.js), with its own instance of the module. The bytes
// come as a Uint8Array over a SharedArrayBuffer, shared by every thread.
//
// Messages in: `{ id, type: "read", input, options }` or a step of a job;
// out: `{ id, ok, result | error }`.
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { initSync, analyze, Reading, scanText } from "./yesan.js";
import { load } from "./sheets-node.js";
import { packageReaders, loadSynchronously } from "./loading.js";
import { steps, plainError } from "../www/steps.js";

// The module compiled once for every thread (worker-node.js), so that the
// optimised code one thread gets is every thread's.
initSync({ module: workerData?.module ?? readFileSync(new URL("./yesan_bg.wasm", import.meta.url)) });

const step = steps({ Reading, scanText }, (input, from, to) => input.subarray(from, to));

// CP949's index and the second module load at once, as node.js loads them.
loadSynchronously({ load });

function answer(message) {
  const { id, type, input, options } = message;
  if (type === "read") return [packageReaders.readingNow((data) => analyze(data, options), input, options)];
  const [result, transfer, kind] = step(message) ?? [null];
  if (kind !== "budget") return [result, transfer];
  try {
    return [result.report(options)];
  } finally {
    result.free();
  }
}

parentPort.on("message", (message) => {
  try {
    const [result, transfer = []] = answer(message);
    parentPort.postMessage({ id: message.id, ok: true, result }, transfer);
  } catch (error) {
    // A trap leaves the instance in an unknown state: this thread ends, its
    // calls fail with `module_trapped`, and the pool starts a fresh one.
    if (error instanceof WebAssembly.RuntimeError) process.exit(1);
    parentPort.postMessage({ id: message.id, ok: false, error: plainError(error) });
  }
});
