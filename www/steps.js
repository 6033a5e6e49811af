// The steps of reading one file in parts (parallel.js), as a worker runs
// them, whatever the worker: a Web Worker (worker.js, which reads a File
// with FileReaderSync) or a Node worker thread (npm/thread.js, which reads
// shared bytes). `steps(core, bytesOf, streamOptions)` gives
// `run(message) → [result, transfer?, kind?]` for a message of a job; a
// `finish` gives the budget itself (kind "budget"), for the worker to keep
// for its client or to report on.
//
// Each worker keeps, per job, its reading (begun on the same first bytes of
// the file as every other worker's, so with the same columns) and the
// regions it scanned until it reads their parts.

/** An error as plain data, to post from a worker: the core's, or any. */
export function plainError(error) {
  return {
    code: error.code ?? "internal",
    row: error.row ?? null,
    column: error.column ?? null,
    columnName: error.columnName ?? null,
    messageKo: error.messageKo ?? String(error.message ?? error),
    messageEn: error.messageEn ?? String(error.message ?? error),
  };
}

/** What a worker posts when its module trapped: it is then replaced. */
export const TRAPPED = {
  code: "module_trapped",
  row: null,
  column: null,
  columnName: null,
  messageKo: "분석 모듈이 예기치 않게 멈춰 새로 시작했습니다. 다시 시도해 주세요.",
  messageEn: "The analysis module stopped unexpectedly and was started afresh; please try again.",
};

/** As many bytes as every worker reads as the head of a file. */
export const HEAD = 4 * 1024 * 1024;

/**
 * `core`: the module's `Reading` and `scanText`; `bytesOf(input, from, to)`:
 * a Uint8Array of those bytes of the input; `streamOptions(options)`: the
 * options a large file is read with in one go (the same limits).
 */
export function steps({ Reading, scanText }, bytesOf, streamOptions = (o) => o) {
  const jobs = new Map();
  const kept = new Map();

  /** A job's reading, begun on the head of its file when not yet. */
  const readingOf = ({ job, input, options, oneReport }) => {
    if (!jobs.has(job)) jobs.set(job, Reading.begin(bytesOf(input, 0, HEAD), streamOptions(options), oneReport === true) ?? null);
    return jobs.get(job);
  };

  /** A part's bytes: from the region kept, and after it up to the part's end. */
  const partBytes = ({ job, k, input, from, to, regionStart, regionEnd }) => {
    const region = kept.get(`${job}:${k}`);
    kept.delete(`${job}:${k}`);
    const own = region.subarray(from - regionStart);
    if (to <= regionEnd) return own.subarray(0, to - from);
    const bytes = new Uint8Array(to - from);
    bytes.set(own);
    bytes.set(bytesOf(input, regionEnd, to), own.length);
    return bytes;
  };

  const end = (job) => {
    jobs.get(job)?.free();
    jobs.delete(job);
    for (const key of kept.keys()) if (key.startsWith(`${job}:`)) kept.delete(key);
  };

  return (message) => {
    const { type, job, k, input, from, to, line, last } = message;
    switch (type) {
      case "begin": {
        const reading = readingOf(message);
        return [reading && { restByte: reading.restByte, restLine: reading.restLine }];
      }
      case "scan": {
        const bytes = bytesOf(input, from, to);
        kept.set(`${job}:${k}`, bytes);
        return [scanText(bytes)];
      }
      case "first": {
        // The reading of the whole: room for every row of the rest at once.
        const reading = readingOf(message);
        reading.reserve(message.size - from);
        return [reading.read(partBytes(message), line, last)];
      }
      case "part": {
        const rows = readingOf(message)?.part(partBytes(message), line, last) ?? null;
        return [rows, rows ? [rows.buffer] : []];
      }
      case "drop":
        kept.delete(`${job}:${k}`);
        return [true];
      case "absorb":
        return [jobs.get(job).absorb(message.rows)];
      case "finish": {
        // The budget itself: the worker keeps it for its client.
        const budget = jobs.get(job).finish();
        jobs.delete(job);
        return [budget, [], "budget"];
      }
      case "end":
        end(job);
        return [null];
    }
    return null;
  };
}
