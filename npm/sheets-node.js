// The second module for Node (spreadsheets, HTML tables): read from beside
// this file on first use, synchronously.
import { readFileSync } from "node:fs";
import { __wbg_reset_state, cp949Index, initSync, readArchive, readHtml, readWorkbook } from "./sheets/yesan_sheets.js";

let loaded = null;

export function load() {
  if (!loaded) {
    initSync({ module: readFileSync(new URL("./sheets/yesan_sheets_bg.wasm", import.meta.url)) });
    loaded = { readWorkbook, readArchive, readHtml, cp949Index, reset: __wbg_reset_state };
  }
  return loaded;
}
