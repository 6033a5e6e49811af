// yesan/inline: the same API as "yesan", with the WebAssembly module inside
// this file (base64, written in by scripts/package.mjs), for bundlers that
// do not copy the .wasm file that `new URL("yesan_bg.wasm", import.meta.url)`
// names (esbuild, and Rollup without a plugin):
//
//   import { analyze } from "yesan/inline";
//
// Nothing to copy beside the bundle, and no fetch; the price is a third
// more bytes to download, gzipped, than the .wasm file. It works under the
// same Content-Security-Policy ('wasm-unsafe-eval').
import { initSync } from "./yesan.js";

const base64 = "WASM_BASE64";
const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
initSync({ module: bytes });

export * from "./api.js";
export * from "./money.js";
