import type { Options, AnalysisOptions, Report } from "./yesan.js";

/** What a worker's request fails with (plain data, from the worker). */
export interface WorkerError {
  code: string;
  row: number | null;
  column: number | null;
  columnName: string | null;
  messageKo: string;
  messageEn: string;
}

/** Reads and analyses `input` off the main thread: in browsers in a Web
 * Worker (a File or Blob is read by the worker itself), in Node on worker
 * threads. A CSV or TSV over 32 MB is read in parts by `workers` workers at
 * once (default: one per core, at most 8), giving the report one worker
 * gives. Where there are no workers, it is read on the calling thread.
 * Rejects with a {@link WorkerError}, or `{ cancelled: true }`. */
export declare function analyzeInWorker(
  input: string | Uint8Array | ArrayBuffer | Blob,
  options?: Options,
  hooks?: { onProgress?: (fraction: number) => void; workers?: number },
): Promise<Report>;

/** A client of the page's worker pool: one budget kept per client. */
export interface Analyst {
  ask(message: { type: "read"; input: string | Uint8Array | ArrayBuffer | Blob; options?: Options }): Promise<Report>;
  ask(message: { type: "series"; input: Blob[]; options?: Options }): Promise<Report>;
  ask(message: { type: "report"; options?: AnalysisOptions }): Promise<Report>;
  /** Stops whatever the client's worker is doing (the worker is replaced). */
  cancel(): void;
  /** Frees what the worker keeps for this client. */
  close(): void;
  /** How many workers read a large file (1 to 8); null: one per core. */
  workers: number | null;
}

export declare function analyst(onProgress?: (fraction: number) => void): Analyst;
