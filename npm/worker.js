// yesan/worker: large files read off the main thread, in a Web Worker
// (worker.js, shipped beside this file and found from import.meta.url).
//
//   import { analyzeInWorker } from "yesan/worker";
//   const report = await analyzeInWorker(file, { by: ["부서"] }, { onProgress: (f) => bar.value = f });
//
// A File or Blob is read by the worker itself, whole or, above 32 MB, in
// parts by one worker per core (www/parallel.js); text and bytes are copied
// to it. `analyst()` is the pool
// client underneath, for several requests on one budget (read once, then
// `{ type: "report", options }` again with other options).
import { analyst } from "../www/analyst.js";

export { analyst };

/** Reads and analyses `input` in a worker; resolves with the report or
 * rejects with `{ code, row, column, columnName, messageKo, messageEn }`.
 * A File over 32 MB is read in parts by `workers` workers (default: one
 * per core, at most eight). Where there are no workers, it is read here. */
export async function analyzeInWorker(input, options = {}, { onProgress, workers } = {}) {
  if (typeof Worker === "undefined") {
    const { analyzeFile } = await import("./index.js");
    return analyzeFile(input, options);
  }
  const client = analyst(onProgress);
  client.workers = workers ?? null;
  try {
    return await client.ask({ type: "read", input, options, oneReport: true });
  } finally {
    client.close();
  }
}
