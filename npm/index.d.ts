// The types of the package "yesan": the report, options and columns as the
// core declares them (./yesan.js), and the package's own error class.
import type { ErrorCode, UnitCode, Workbook, PreparedText, Options, Report } from "./yesan.js";
import { Budget as CoreBudget } from "./yesan.js";

export type * from "./yesan.js";
export { analyze, formatAmount, exactWon, inBaseUnits, version } from "./yesan.js";

/** What `analyzeFile` and `Budget.open` read: any file yesan reads. */
export type FileInput = Uint8Array | ArrayBuffer | Blob | string | Workbook | PreparedText;

/** A budget read once and analysed as often as needed. */
export declare class Budget extends CoreBudget {
  /** Reads any file yesan reads, loading first what only some files need
   * (CP949's index, the spreadsheet and HTML reader), as `analyzeFile` does. */
  static open(input: FileInput, options?: Options): Promise<Budget>;
}

/** Reads any file yesan reads and analyses it. What only some files need
 * is loaded first, on the first such file: CP949's index (`cp949.js`), the
 * spreadsheet and HTML reader (the second module). `analyze` reads the same
 * files once these are loaded (in Node, always). */
export declare function analyzeFile(input: FileInput, options?: Options): Promise<Report>;

/** Every code a `YesanError` can carry: the core's, and the package's own
 * `module_trapped` (the WebAssembly instance stopped and was made afresh)
 * and `budget_lost` (a `Budget` read before such a restart). */
export type PackageErrorCode = ErrorCode | "module_trapped" | "budget_lost";

/** An error of yesan. `message` is in English. */
export declare class YesanError extends Error {
  readonly name: "YesanError";
  code: PackageErrorCode;
  /** The file's line, from 1. */
  row: number | null;
  /** The column, from 1. */
  column: number | null;
  columnName: string | null;
  messageKo: string;
  messageEn: string;
}

/** Reads a spreadsheet (.xlsx, .xlsb, .xls, .ods) into a workbook for
 * `analyze` or `new Budget`; the spreadsheet reader (a second module) is
 * loaded on first use. */
export declare function readSpreadsheet(input: Uint8Array | ArrayBuffer): Promise<Workbook>;

/** The files of a ZIP archive (a Fiscal Data Package with its CSV, the
 * files of a series), or `null` when the archive is a workbook. */
export declare function readArchive(input: Uint8Array | ArrayBuffer): Promise<{ name: string; data: Uint8Array }[] | null>;

/**
 * An amount (an exact decimal string in `unit`) written for people, short:
 * won in 조·억·만 (`225조 9,413억원`) or a display unit (`41,018백만원`), and
 * in English words (`₩41 billion`); another currency as Intl.NumberFormat
 * writes it in the language (`$27.2M`), from the exact decimal; no currency
 * where `currency` is null (nothing states one).
 */
export declare function formatMoney(value: string | null, unit: UnitCode | null, display?: "korean" | UnitCode, currency?: string | null, lang?: "ko" | "en"): string;

/** The exact amount in won (`41,018,000,000원`) or in its currency (`$27,158,570.00`). */
export declare function exactMoney(value: string | null, unit: UnitCode | null, currency?: string | null, lang?: "ko" | "en"): string;

/** How many times the WebAssembly instance trapped and was made afresh. */
export declare function moduleRestarts(): number;
