// Reading one large CSV or TSV file on several workers at once (the core's
// `Reading`; src/import/parts.rs says why the result is, byte for byte,
// the one reading it in one go gives).
//
// 1. The client's own worker (home) reads the head: the columns, the first
//    thousand rows, and where the rest starts.
// 2. The rest is cut into regions of about the same size. Each worker takes
//    the next region, reads its bytes once and scans them (quotes, line
//    breaks, the first line break after an even and an odd count of
//    quotes). As the scans come in, in order, each region's first record
//    boundary is placed: the first line break with an even number of
//    quotes before it in the whole file.
// 3. A part runs from one region's boundary to the next region's; once both
//    are placed, the worker holding the region reads the part (the bytes it
//    kept, and the few after the region up to the next boundary): home reads
//    the first into its own reading, the others read theirs apart into rows
//    sent back as bytes, which home absorbs in file order. Home then keeps
//    the budget, as if it had read the file alone.
//
// A part that cannot be read apart (a cut inside a quoted cell, bytes not
// UTF-8) makes the whole a read in one go; so does a file that is not a
// large UTF-8 CSV or TSV. The first error in file order is the answer, as
// reading in one go would give it.

/** A region is the rest of the file over four per worker (so that a slow
 * worker holds no one back), and between MIN_REGION and MAX_REGION. */
const MAX_REGION = 16 * 1024 * 1024;
const MIN_REGION = 1024 * 1024;
/** Of the progress shown, the share that scanning takes. */
const SCAN_SHARE = 0.2;

let nextJob = 1;

/**
 * Reads `file` (a File or Blob, or bytes) on the workers `workers`
 * (indices, `home` among them) with `call(index, message, transfer?) →
 * Promise`. `oneReport`: only one report will be asked for (the text
 * columns not in `options.by` are not kept). Resolves with home's report,
 * or with null when the file is to be read in one go instead.
 */
export async function readInParts({ file, options, oneReport = false, client, home, workers, call, onProgress }) {
  const job = nextJob++;
  const all = [home, ...workers.filter((w) => w !== home)];
  // Every worker reads the head at once: each needs the columns before it
  // reads a part, and home's answer says whether to read in parts at all.
  const begins = all.map((index) => call(index, { type: "begin", job, input: file, options, oneReport }));
  for (const other of begins.slice(1)) other.catch(() => {});
  try {
    const begun = await begins[0];
    if (!begun) return null;
    const reading = new Parts({ file, job, options, oneReport, begun, workers: all, call, onProgress });
    if (!(await reading.run())) return null;
    return await call(home, { type: "finish", job, client, options });
  } finally {
    for (const index of all) call(index, { type: "end", job }).catch(() => {});
  }
}

/** The regions of the rest of a file, and how far each has come. */
class Parts {
  constructor({ file, job, options, oneReport, begun, workers, call, onProgress }) {
    Object.assign(this, { file, job, options, oneReport, workers, call, onProgress });
    // A File or Blob (the page), or bytes (Node's threads).
    this.size = file.size ?? file.byteLength;
    const region = Math.min(MAX_REGION, Math.max(MIN_REGION, Math.ceil((this.size - begun.restByte) / (workers.length * 4))));
    this.starts = [];
    for (let at = begun.restByte; at < this.size; at += region) this.starts.push(at);
    const n = this.starts.length;
    this.scans = new Array(n);
    /** Each region's first record boundary ({ at, line }), or null when it
     * has none; undefined until placed. The first region's is the rest's. */
    this.cuts = new Array(n);
    this.cuts[0] = { at: begun.restByte, line: begun.restLine };
    this.placed = 0;
    this.even = true;
    this.breaks = begun.restLine;
    this.next = 0;
    /** Each part's outcome: { rows } waiting to be absorbed, or { done }. */
    this.outcomes = new Array(n);
    this.absorbed = 0;
    this.failed = false;
    // The head is read: the bytes scanned and read reach the file's size.
    this.scanned = begun.restByte;
    this.read = begun.restByte;
    this.changed = null;
  }

  /** Resolves true when every part is read and absorbed; null when one
   * could not be read apart; throws the first error in file order. */
  async run() {
    const work = (index) =>
      this.work(index).catch((error) => {
        this.fail();
        throw error;
      });
    await Promise.all(this.workers.map(work));
    for (const outcome of this.outcomes) {
      if (!outcome?.done || (await outcome.done) === false) return null;
    }
    return true;
  }

  /** One worker's loop: read a part it holds once its bounds are placed,
   * else scan the next region, else wait for another worker's scan. */
  async work(index) {
    const held = [];
    while (!this.failed) {
      const ready = held.findIndex((k) => this.bounds(k));
      if (ready >= 0) {
        await this.readPart(index, held.splice(ready, 1)[0]);
      } else if (this.next < this.starts.length) {
        const k = this.next++;
        await this.scan(index, k);
        held.push(k);
      } else if (held.length > 0) {
        await (this.changed ??= new Promise((resolve) => (this.wake = resolve)));
      } else {
        return;
      }
    }
  }

  async scan(index, k) {
    const from = this.starts[k];
    const to = this.starts[k + 1] ?? this.size;
    this.scans[k] = await this.call(index, { type: "scan", job: this.job, k, input: this.file, from, to });
    this.scanned += to - from;
    this.progress();
    this.place();
  }

  /** Places the boundaries of the regions scanned so far, in order. */
  place() {
    while (this.placed < this.starts.length && this.scans[this.placed]) {
      const k = this.placed++;
      const scan = this.scans[k];
      if (k > 0) {
        const cut = this.even ? scan.cutIfEven : scan.cutIfOdd;
        this.cuts[k] = cut && { at: this.starts[k] + cut[0], line: this.breaks + cut[1] };
      }
      this.even = this.even !== scan.oddQuotes;
      this.breaks += scan.breaks;
    }
    this.notify();
  }

  /** Wakes the workers waiting for a region to be placed. */
  notify() {
    if (this.changed) {
      this.changed = null;
      this.wake();
    }
  }

  /** Stops handing out work: the file is read in one go, or fails. */
  fail() {
    this.failed = true;
    this.notify();
  }

  /** Part k's bounds, once placed: from its region's boundary to the next
   * region's that has one (or the end of the file); null for now. */
  bounds(k) {
    if (this.cuts[k] === undefined) return null;
    let next = k + 1;
    while (next < this.starts.length && this.cuts[next] === null) next++;
    if (next < this.starts.length && this.cuts[next] === undefined) return null;
    const start = this.cuts[k];
    const end = next < this.starts.length ? this.cuts[next].at : this.size;
    return { start, end, last: next === this.starts.length };
  }

  async readPart(index, k) {
    const { start, end, last } = this.bounds(k);
    const region = { regionStart: this.starts[k], regionEnd: this.starts[k + 1] ?? this.size };
    const message = { job: this.job, k, input: this.file, options: this.options, oneReport: this.oneReport, from: start?.at, to: end, line: start?.line, last, ...region };
    if (!start) {
      // No boundary in this region: it belongs to the part before.
      this.outcomes[k] = settled(this.call(index, { ...message, type: "drop" }).then(() => true));
    } else if (k === 0) {
      this.outcomes[k] = settled(this.call(index, { ...message, type: "first", size: this.size }));
    } else {
      try {
        const rows = await this.call(index, { ...message, type: "part" });
        this.outcomes[k] = rows ? { rows } : settled(Promise.resolve(false));
        if (!rows) this.fail();
      } catch (error) {
        this.outcomes[k] = settled(Promise.reject(error));
        this.fail();
      }
    }
    this.read += region.regionEnd - region.regionStart;
    this.progress();
    this.absorbReady();
  }

  /** Sends home the parts read, in file order. */
  absorbReady() {
    const home = this.workers[0];
    while (this.absorbed < this.starts.length && this.outcomes[this.absorbed]) {
      const { rows } = this.outcomes[this.absorbed];
      if (rows) this.outcomes[this.absorbed] = settled(this.call(home, { type: "absorb", job: this.job, rows }, [rows.buffer]));
      this.absorbed++;
    }
  }

  progress() {
    this.onProgress(SCAN_SHARE * (this.scanned / this.size) + (1 - SCAN_SHARE) * (this.read / this.size));
  }
}

/** An outcome whose failure is seen when it is awaited, never unhandled. */
function settled(done) {
  done.catch(() => {});
  return { done };
}
