//! The TypeScript declarations of the JavaScript API: the report, the
//! options, the columns and the errors, as the core writes them. A test of
//! the npm package (tests/node/package.test.mjs) holds real reports to them,
//! so that a field added in Rust and not here fails.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What a column holds. */
export type ColumnKind =
  | "dimension" | "code" | "year" | "side" | "phase" | "row_type"
  | "amount" | "pivoted" | "rate" | "count" | "ignored";
/** What an amount column means (예산액, 예산현액, 집행액, Adopted, Actual, …). */
export type Role =
  | "adopted" | "current" | "executed" | "unspent" | "carried_in" | "carried_out"
  | "change" | "difference" | "previous" | "proposed" | "final" | "supplementary"
  | "projected" | "committed" | "assessed" | "collected" | "uncollected" | "written_off"
  | "population" | "households";
/** The side of a budget: 세입 (revenue) or 세출 (expense). */
export type Side = "revenue" | "expense";

/** Why a column was understood as it was. */
export interface Evidence {
  /** A stable name of the reason: "header_word", "year_values", "leading_zeros", … */
  code: string;
  messageKo: string;
  messageEn: string;
}
/** 원, 천원, 만원, 백만원, 억원, 십억원, 조원. */
export type UnitCode = "won" | "thousand" | "ten_thousand" | "hundred_thousand" | "million" | "ten_million" | "hundred_million" | "billion" | "trillion";
export type GrowthStatus = "new" | "discontinued" | "increased" | "decreased" | "unchanged" | "not_given";
/** What the execution rate is measured against. */
export type Basis = "current" | "adopted" | "chosen";
export type ErrorCode =
  | "empty" | "header_only" | "not_text" | "encoding" | "ragged_row" | "unterminated_quote"
  | "not_a_number" | "out_of_range" | "too_precise" | "too_large" | "too_many_rows" | "too_many_columns"
  | "field_too_long" | "no_amount_column" | "unknown_column" | "invalid_option" | "too_complex"
  | "spreadsheet" | "bad_spreadsheet" | "cp949_not_loaded" | "html_not_loaded" | "encoding_not_loaded";

/** A Fiscal Data Package descriptor (datapackage.json), as much as yesan reads. */
export interface FiscalDataPackage {
  name?: string;
  title?: string;
  resources?: { name?: string; path?: string | string[]; [key: string]: unknown }[];
  model?: FiscalModel;
  mapping?: FiscalModel;
  [key: string]: unknown;
}
export interface FiscalModel {
  measures?: Record<string, { source?: string; currency?: string; factor?: number; phase?: "proposed" | "approved" | "adjusted" | "executed"; direction?: "expenditure" | "revenue"; [key: string]: unknown }>;
  dimensions?: Record<string, { attributes?: Record<string, { source?: string; labelfor?: string; [key: string]: unknown }>; primaryKey?: string | string[]; dimensionType?: string; [key: string]: unknown }>;
}

/** A spreadsheet's sheets as text cells, from `readSpreadsheet` (the
 * second module). Each sheet's cells come packed in one string: each cell
 * ends with U+001F, each row with U+001E; `lines` are the rows' numbers. */
export interface Workbook {
  format: "xlsx" | "xlsb" | "xls" | "ods";
  sheets: { name: string; lines: number[]; cells: string }[];
  /** How many number cells were stored as binary fractions. */
  floats: number;
}

/** A text the second module prepared (`readHtml`): the HTML table it
 * holds, or the text decoded when it holds none; for `analyze`. */
export type PreparedText =
  | { prepared: "html"; encoding: TextEncoding | null; table: { name: string; lines: number[]; cells: string }; bold: number[] }
  | { prepared: "text"; encoding: TextEncoding | null; text: string };

/** The encodings yesan reads. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "cp949" | "windows-1252" | "shift_jis" | "euc-jp" | "gbk" | "big5"
  | "windows-1250" | "windows-1251" | "windows-1253" | "windows-1254" | "windows-1255" | "windows-1256" | "windows-1257" | "windows-1258" | "windows-874"
  | "koi8-u" | "ibm866" | "iso-8859-2" | "iso-8859-4" | "iso-8859-5" | "iso-8859-6" | "iso-8859-7" | "iso-8859-8" | "iso-8859-13";

/** One file of a series: its name (a year in it tells the year, if the file does not) and its data. */
export interface SeriesFileInput {
  name: string;
  data: Uint8Array | ArrayBuffer | string | Workbook | PreparedText;
}

/** The compared amount year by year. */
export interface SeriesReport {
  /** The amount column of each year, in year order. */
  columns: string[];
  years: number[];
  totals: (string | null)[];
  /** Growth from each year to the next. */
  steps: GrowthReport[];
  /** Average annual growth over the series, in percent. */
  cagr: string | null;
}

export interface Column {
  /** 0-based position in the file. */
  index: number;
  name: string;
  kind: ColumnKind;
  role: Role | null;
  unit: UnitCode | null;
  year: number | null;
  /** Part of the default hierarchy. */
  hierarchy: boolean;
  /** Its place in the default hierarchy (0: outermost); it follows nesting. */
  level: number | null;
  /** A code column: the index of the label column whose codes it holds. */
  codeOf: number | null;
  /** A column made by pivoting a long file: the amount column it came from… */
  from: number | null;
  /** …and the year or phase its values are of ("2022", "2022 Actual"). */
  key: string | null;
  /** Why the column was understood this way. */
  evidence: Evidence[];
}

export interface ColumnOverride {
  kind?: ColumnKind;
  /** null: no role (a plain amount). */
  role?: Role | null;
  unit?: UnitCode;
  year?: number;
}

export interface Limits {
  /** Default 268435456 (256 MiB). */
  maxBytes?: number;
  /** Default 10000000. */
  maxRows?: number;
  /** Default 1000. */
  maxColumns?: number;
  /** Default 10000. */
  maxFieldChars?: number;
}

/** Options for reading (encoding … limits) and analysing (by … precision). */
export interface Options {
  /** "utf-8", "utf-16le", "utf-16be", "cp949" ("euc-kr"), "windows-1252" ("latin1"), "shift_jis" ("cp932"), "euc-jp", "gbk" ("gb2312", "gb18030"), "big5", "windows-1250" … "windows-1258" ("cp1251", …), "windows-874", "koi8-u", "ibm866", "iso-8859-2" … "iso-8859-13"; detected when absent. */
  encoding?: string;
  delimiter?: "," | "\t" | ";" | "|";
  /** More marks of a figure not given in amount cells (["x", "*"]), besides empty cells, dashes, nfp, n.a., N/A, N/R, na, .., n.p. */
  notGiven?: string[];
  /** The decimal mark: "." (1,234.5) or "," (1.234,5); detected when absent. */
  decimal?: "." | ",";
  /** 1-based line of the header row, when it is not the one found. */
  headerRow?: number;
  /** A Fiscal Data Package's datapackage.json (parsed): its model's measures (phase, currency, factor), dimensions (codes and labels) and dates are taken over the guesses. */
  package?: FiscalDataPackage;
  /** The sheet of a spreadsheet to read: its name, or its place from 1 (default: the first with a budget table). */
  sheet?: string | number;
  /** ISO 4217 code of the amounts' currency ("USD") when the file states none. */
  currency?: string;
  /** Unit of amount columns whose header states none. */
  unit?: UnitCode;
  /** Corrections of the column inference, by column name. */
  columns?: Record<string, ColumnOverride>;
  /** Dimension columns of the rollup, outermost first. */
  by?: string[];
  growth?: { from: string; to: string };
  execution?: { executed: string; budget: string };
  /** Decimals of rates (default 1) and shares (default 2), rounded half up. */
  precision?: { rate?: number; share?: number };
  limits?: Limits;
}

export type AnalysisOptions = Pick<Options, "by" | "growth" | "execution" | "precision">;

export interface Source {
  format: "csv" | "tsv" | "text" | "markdown" | "html" | "basis" | "xlsx" | "xls" | "xlsb" | "ods" | "series";
  encoding: TextEncoding | null;
  delimiter: string | null;
  /** 1-based line of the header row. */
  headerRow: number;
  /** Title and caption lines above the header. */
  caption: string[];
  /** The sheet read, when the file is a spreadsheet. */
  sheet: string | null;
  /** Every sheet of the spreadsheet, in order (empty for other formats). */
  sheets: string[];
  /** The files of a series and the year each was read as (empty for one file). */
  files: { name: string; year: number }[];
}

/** What a region of a file holds, for cutting it into parts at record
 * boundaries (`scanText`): its quote count's parity, its line breaks, and
 * its first record boundary (offset, line breaks to it) when the quotes
 * before the region are even, and when they are odd. */
export interface Scan {
  oddQuotes: boolean;
  breaks: number;
  cutIfEven: [number, number] | null;
  cutIfOdd: [number, number] | null;
}

export interface Warning {
  code: string;
  row: number | null;
  column: number | null;
  messageKo: string;
  messageEn: string;
}

/** Exact decimal strings (or null for "not given") by amount column name. */
export type Amounts = Record<string, string | null>;

export interface NodeGrowth {
  status: GrowthStatus;
  difference: string | null;
  rate: string | null;
}

export interface NodeExecution {
  rate: string | null;
  unspent: string | null;
}

export interface ReportNode {
  name: string;
  /** The name's code, where a code column codes this level ("001"). */
  code: string | null;
  path: string[];
  depth: number;
  rows: number;
  amounts: Amounts;
  /** People and households by count column (인구, 세대수, Population), exact. */
  counts: Amounts;
  shareOfParent: Amounts;
  shareOfTotal: Amounts;
  growth: NodeGrowth | null;
  execution: NodeExecution | null;
  children: ReportNode[];
}

export interface Total {
  column: string;
  role: Role | null;
  value: string | null;
  given: number;
  missing: number;
}

export interface GrowthReport extends NodeGrowth {
  from: string;
  to: string;
}

export interface ExecutionReport extends NodeExecution {
  executed: string;
  budget: string;
  basis: Basis;
  /** The carried-over columns subtracted from the unspent amount (차년이월, or 명시이월, 사고이월 and 계속비이월). */
  carriedOut: string[];
  /** The encumbrances column (Committed) subtracted from the unspent amount too, if any. */
  committed: string | null;
}

export type FindingKind =
  | "sum" | "second_view" | "row_sum" | "share" | "share_total" | "execution_rate"
  | "collection_rate" | "growth_amount" | "growth_rate" | "unspent" | "identity"
  | "uncollected" | "new_item" | "basis";

/** A published figure that no exact values consistent with the shown ones could give. */
export interface Finding {
  kind: FindingKind;
  severity: "error" | "info";
  /** 1-based line of the row in the input. */
  row: number;
  /** 1-based column, and its header. */
  column: number;
  columnName: string;
  /** The row's label. */
  name: string;
  published: string;
  /** What the figure could be for exact values that round to the shown ones. */
  possible: { low: string; high: string } | null;
  recomputed: string | null;
  messageKo: string;
  messageEn: string;
}

export interface Audit {
  /** Whether the table was small enough to be held whole and audited. */
  audited: boolean;
  /** How many published figures were checked. */
  checked: number;
  findings: Finding[];
  /** Each rate column's rounding convention, as worked out from its rows. */
  conventions: { column: string; rounding: "round" | "truncate"; fitting: number; checked: number }[];
}

/** A row of a report table in the tree rebuilt from its sums. */
export interface StructureRow {
  row: number;
  name: string;
  parent: number | null;
  depth: number;
  kind: "sum" | "item" | "view" | "unmatched";
  /** Amounts and rates as shown, by column name. */
  values: Amounts;
}

/** One part of a budget split by a side or year column. */
export interface GroupReport {
  /** The values of the split columns, outermost first. */
  path: string[];
  side: Side | null;
  rows: number;
  totals: Total[];
  growth: GrowthReport | null;
  execution: ExecutionReport | null;
}

export interface Report {
  source: Source;
  /** `label`: 천원 where the amounts are won; the scale alone (천, 백만) in another currency or none stated; "" for amounts as written. */
  unit: { code: UnitCode; label: string; factor: string } | null;
  /** ISO 4217 code of the amounts' currency ("KRW", "USD"); null when nothing states it. */
  currency: string | null;
  rows: number;
  columns: Column[];
  hierarchy: string[];
  /** Totals per amount column; `value` is null when the budget is split (see `groups`). */
  totals: Total[];
  /** The parts a side or year column splits the budget into; empty when none. */
  groups: GroupReport[];
  growth: GrowthReport | null;
  execution: ExecutionReport | null;
  /** "revenue" where the columns are a revenue settlement's (what is due, collected, uncollected, written off) and none is spending's; null otherwise (a split budget gives each part's side in `groups`). */
  side: Side | null;
  /** The compared amount year by year (three years or more, or several files). */
  series: SeriesReport | null;
  tree: ReportNode;
  warnings: Warning[];
  precision: { rate: number; share: number };
  audit: Audit;
  structure: StructureRow[] | null;
}

/** What `analyze` and `Budget` throw. */
export interface YesanError extends Error {
  code: ErrorCode;
  row: number | null;
  column: number | null;
  columnName: string | null;
  messageKo: string;
  messageEn: string;
}
"#;
