// The source of index.cjs (CommonJS, for require("yesan")): esbuild bundles
// the package's own code into it, leaving the glue (yesan.cjs) and the
// second module (#sheets, and its CommonJS glue) outside. Not shipped.
// CP949's index is bundled in, and the second module is required on the
// first file that needs it, so that require("yesan")'s `analyze` reads
// every file at once, as in Node's ES module entry.
import table from "./cp949.js";
import { loadSynchronously } from "./loading.js";

function load() {
  const second = require("./sheets/yesan_sheets.cjs");
  const { readWorkbook, readArchive, readHtml, cp949Index, __wbg_reset_state: reset } = second;
  return { readWorkbook, readArchive, readHtml, cp949Index, reset };
}

loadSynchronously({ load, table });

export * from "./api.js";
export * from "./money.js";
