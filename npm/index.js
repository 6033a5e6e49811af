// yesan for browsers and bundlers: the module is fetched from beside this
// file (`new URL("yesan_bg.wasm", import.meta.url)`, which bundlers copy as
// an asset) before the first call, so `import { analyze } from "yesan"` is
// all a page needs.
import init from "./yesan.js";

await init();

export * from "./api.js";
export * from "./money.js";
