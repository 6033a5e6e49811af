// The source of index.cjs (CommonJS, for require("yesan")): esbuild bundles
// the package's own code into it, leaving the glue (yesan.cjs) and the
// spreadsheet module (#sheets) outside. Not shipped. CP949's index is
// bundled in, so that require("yesan")'s `analyze` reads CP949 at once.
import table from "./cp949.js";
import { loadSynchronously } from "./loading.js";

loadSynchronously({ table });

export * from "./api.js";
export * from "./money.js";
