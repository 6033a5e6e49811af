// The spreadsheet reader for Node: read from beside this file, on first use.
import { readFileSync } from "node:fs";
import { __wbg_reset_state, initSync, readArchive, readWorkbook } from "./sheets/yesan_sheets.js";

export function load() {
  initSync({ module: readFileSync(new URL("./sheets/yesan_sheets_bg.wasm", import.meta.url)) });
  return { readWorkbook, readArchive, reset: __wbg_reset_state };
}
