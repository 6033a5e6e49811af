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

/** Reads and analyses `input` in a Web Worker: a File or Blob is read by the
 * worker itself (streamed above 32 MB); text and bytes are copied to it.
 * Rejects with a {@link WorkerError}, or `{ cancelled: true }`. */
export declare function analyzeInWorker(
  input: string | Uint8Array | ArrayBuffer | Blob,
  options?: Options,
  hooks?: { onProgress?: (fraction: number) => void },
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
}

export declare function analyst(onProgress?: (fraction: number) => void): Analyst;
