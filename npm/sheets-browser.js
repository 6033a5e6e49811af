// The second module for browsers and bundlers (spreadsheets, HTML tables):
// fetched from beside its glue (`new URL("yesan_sheets_bg.wasm",
// import.meta.url)`) on first use.
import init, { __wbg_reset_state, cp949Index, readArchive, readHtml, readWorkbook } from "./sheets/yesan_sheets.js";

export async function load() {
  await init();
  return { readWorkbook, readArchive, readHtml, cp949Index, reset: __wbg_reset_state };
}
