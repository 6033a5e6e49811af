// The spreadsheet reader for browsers and bundlers: fetched from beside its
// glue (`new URL("yesan_sheets_bg.wasm", import.meta.url)`) on first use.
import init, { __wbg_reset_state, readArchive, readWorkbook } from "./sheets/yesan_sheets.js";

export async function load() {
  await init();
  return { readWorkbook, readArchive, reset: __wbg_reset_state };
}
