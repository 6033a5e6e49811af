// The source of index.cjs (CommonJS, for require("yesan")): esbuild bundles
// the package's own code into it, leaving the glue (yesan.cjs) and the
// spreadsheet module (#sheets) outside. Not shipped.
export * from "./api.js";
export * from "./money.js";
