// Runs the WASM core off the main thread, so that the page never freezes.
// One worker serves several explorers (analyst.js's pool): each request
// names its client, and the worker keeps each client's last budget read, so
// that a new hierarchy or comparison is analysed again without reading the
// file again. What only some files need is loaded on the first such file
// (readers.js): CP949's index, and the second module, which opens a
// spreadsheet (its workbook kept, to read another of its sheets) and lays
// out an HTML table. A
// large file is streamed: read in slices with FileReaderSync and fed to the
// core chunk by chunk, so that it never has to be held whole; progress is
// posted as it goes.
//
// A file larger still may be read by several workers at once (parallel.js):
// then each is sent the steps of a job, `begin`, `scan`, `first`, `part`,
// `drop`, `absorb`, `finish` and `end`, and keeps the job's reading.
//
// Messages in: `{ type: "module", module }` first (the compiled core, shared
// by the pool), then `{ id, client, type: "read" | "series" | "report" |
// "unzip" | "close" | a step of a job, input, options, … }`; out: `{ id, ok,
// result | error, trapped? }` and `{ id, progress }`.
import init, { Budget, Reading, scanText, installCp949 } from "./pkg/yesan.js";
import initSheets, { readWorkbook, readArchive, readHtml, cp949Index } from "./pkg/sheets/yesan_sheets.js";
import { readers, fromBase64, looksLikeSpreadsheet } from "./readers.js";
import { steps, plainError, TRAPPED } from "./steps.js";
import { WHOLE_BYTES, LARGEST_FILE } from "./limits.js";
import { warmUp } from "./warm.js";

/** Resolved by the first message, the compiled module; a worker started
 * without one fetches the module itself. */
let giveModule;
const ready = new Promise((resolve) => (giveModule = resolve)).then((module) => init(module ? { module_or_path: module } : undefined));
/** Each client's last budget read. */
const budgets = new Map();

const CHUNK = 8 * 1024 * 1024;


/** The readers: CP949's index (`import()`ed on the first CP949 file), and
 * the second module, instantiated on the first spreadsheet or HTML table
 * (its glue is small and imported above, so that bundlers need no code
 * splitting for it in a worker). */
const loaded = readers({
  core: { installCp949 },
  index: () => import("./pkg/cp949.js").then((m) => fromBase64(m.default)),
  second: () => initSheets().then(() => ({ readWorkbook, readArchive, readHtml, cp949Index })),
});
/** Each client's last spreadsheet read, and its workbook, to read another
 * sheet of. A File posted to the worker arrives as a new object each time:
 * it is known again by its name, size and time. */
const books = new Map();

function fileKey(file) {
  return `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
}

/** The files of a ZIP archive, or null when it is a workbook. */
async function unzip(file) {
  const bytes = new Uint8Array(new FileReaderSync().readAsArrayBuffer(file));
  return (await loaded.secondModule()).readArchive(bytes) ?? null;
}

async function workbookOf(client, file, reader) {
  const key = fileKey(file);
  const last = books.get(client);
  if (last?.key === key) return last.workbook;
  const module = await loaded.secondModule();
  const workbook = module.readWorkbook(new Uint8Array(reader.readAsArrayBuffer(file)));
  books.set(client, { key, workbook });
  return workbook;
}

/** The options a large file is streamed with. */
function streamOptions(options) {
  return { ...options, limits: { ...options?.limits, maxBytes: LARGEST_FILE } };
}

/** A budget read from `data`, with the readers it asks for; `oneReport`:
 * only what one report by these options needs is kept. */
function budgetOf(data, options, oneReport) {
  return loaded.reading((d) => new Budget(d, options, oneReport), data, options);
}

async function read(id, client, input, options, oneReport) {
  if (!(input instanceof Blob)) return budgetOf(input, options, oneReport);
  const reader = new FileReaderSync();
  const head = new Uint8Array(reader.readAsArrayBuffer(input.slice(0, 8)));
  if (looksLikeSpreadsheet(head)) return new Budget(await workbookOf(client, input, reader), options, oneReport);
  if (input.size <= WHOLE_BYTES) return budgetOf(new Uint8Array(reader.readAsArrayBuffer(input)), options, oneReport);
  // Read from the start again once CP949's index is in.
  const stream = () => Budget.fromChunks(chunksOf(id, input, reader), streamOptions(options), oneReport);
  try {
    return await loaded.reading(stream, null, options);
  } catch (error) {
    // Japanese and Chinese text is decoded whole, by the second module.
    if (error?.code !== "encoding_not_loaded") throw error;
    return budgetOf(new Uint8Array(reader.readAsArrayBuffer(input)), options, oneReport);
  }
}

/** The file's chunks, from its start, with progress posted. */
function chunksOf(id, file, reader) {
  let offset = 0;
  return () => {
    if (offset >= file.size) return new Uint8Array(0);
    const end = Math.min(offset + CHUNK, file.size);
    const chunk = new Uint8Array(reader.readAsArrayBuffer(file.slice(offset, end)));
    offset = end;
    self.postMessage({ id, progress: offset / file.size });
    return chunk;
  };
}

/** Several files, each read whole (a spreadsheet as its workbook), as
 * one budget with a column per year. */
async function series(client, files, options) {
  const reader = new FileReaderSync();
  const parts = [];
  for (const file of files) {
    const head = new Uint8Array(reader.readAsArrayBuffer(file.slice(0, 8)));
    const data = looksLikeSpreadsheet(head) ? await workbookOf(client, file, reader) : new Uint8Array(reader.readAsArrayBuffer(file));
    parts.push({ name: file.name, data });
  }
  return loaded.reading((list) => Budget.series(list, options), parts, options);
}

/** Forgets a client's budget and workbook. */
function close(client) {
  budgets.get(client)?.free();
  budgets.delete(client);
  books.delete(client);
}

/** The steps of reading a file in parts (steps.js), on Files. */
const step = steps(
  { Reading, scanText },
  (file, from, to) => new Uint8Array(new FileReaderSync().readAsArrayBuffer(file.slice(from, to))),
  streamOptions,
);

async function answer(message) {
  const { id, client, type, input, options } = message;
  await ready;
  const stepped = message.job ? step(message) : null;
  if (stepped?.[2] === "budget") {
    budgets.get(client)?.free();
    budgets.set(client, stepped[0]);
    self.postMessage({ id, ok: true, result: stepped[0].report(options) });
    return;
  }
  if (stepped) {
    self.postMessage({ id, ok: true, result: stepped[0] }, stepped[1] ?? []);
    return;
  }
  if (type === "unzip") {
    const files = await unzip(input);
    self.postMessage({ id, ok: true, result: files }, files?.map((f) => f.data.buffer) ?? []);
    return;
  }
  if (type === "close") {
    close(client);
    self.postMessage({ id, ok: true, result: null });
    return;
  }
  if (type === "read" || type === "series") {
    const next = type === "series" ? await series(client, input, options) : await read(id, client, input, options, message.oneReport === true);
    budgets.get(client)?.free();
    budgets.set(client, next);
    warmSoon();
  }
  const budget = budgets.get(client);
  if (!budget) throw { code: "no_budget", messageKo: "읽은 자료가 없습니다.", messageEn: "No data has been read yet." };
  self.postMessage({ id, ok: true, result: budget.report(options) });
}

/** Once, a second after this worker's first file is answered: warm.js. A
 * trap there is said on the next request, which the pool answers with a
 * fresh worker. */
let warming = "not yet";
/** Long enough for the page to draw its first figures undisturbed. */
const WARM_AFTER_MS = 1000;
function warmSoon() {
  if (warming !== "not yet") return;
  warming = "soon";
  setTimeout(() => {
    try {
      warmUp(Budget);
      warming = "done";
    } catch (error) {
      warming = error instanceof WebAssembly.RuntimeError ? "trapped" : "done";
    }
  }, WARM_AFTER_MS);
}

/** A trap leaves the module's memory in an unknown state: this worker is
 * done, and the pool starts a fresh one. */
function endTrapped(id) {
  self.postMessage({ id, ok: false, trapped: true, error: TRAPPED });
  self.close();
}

self.onmessage = async ({ data }) => {
  if (data.type === "module") {
    giveModule(data.module);
    return;
  }
  if (warming === "trapped") {
    endTrapped(data.id);
    return;
  }
  try {
    await answer(data);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      endTrapped(data.id);
      return;
    }
    self.postMessage({ id: data.id, ok: false, error: plainError(error) });
  }
};

