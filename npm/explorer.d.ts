import type { Report, ReportNode } from "./yesan.js";
import type { WorkerError } from "./worker.js";

export interface YesanLoadDetail {
  report: Report;
}
export interface YesanSelectDetail {
  item: ReportNode;
  /** Names from the top of the tree down to the item. */
  path: string[];
}
export interface YesanErrorDetail {
  error: WorkerError | { cancelled: true } | { messageKo: string; messageEn: string };
}

/**
 * `<yesan-explorer>`: the budget explorer as a custom element. Importing
 * "yesan/explorer" defines it. Attributes: src, lang, by, growth, execution,
 * unit, source-unit, currency, sheet, panels, height, population,
 * households, name, sample, history, skip-links, workers (see the README).
 */
export declare class YesanExplorer extends HTMLElement {
  /** Data handed over by script: text, bytes, a Blob or File, or files. */
  data: string | Uint8Array | ArrayBuffer | Blob | File[] | null;
  /** The report shown, or null. */
  readonly report: Report | null;
  /** Reads files as if dropped on the explorer. */
  open(files: Iterable<File> | ArrayLike<File>): Promise<void>;
  /** Shows the item at `path` in the treemap and the table. */
  select(path: string[]): void;
  /** Moves the focus to the headline, the charts or the table. */
  skipTo(where: "headline" | "charts" | "table"): void;
  /** Shows a message in the explorer's error box. */
  showError(error: { messageKo: string; messageEn: string }): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "yesan-explorer": YesanExplorer;
  }
  interface HTMLElementEventMap {
    "yesan-load": CustomEvent<YesanLoadDetail>;
    "yesan-select": CustomEvent<YesanSelectDetail>;
    "yesan-error": CustomEvent<YesanErrorDetail>;
  }
}
