// yesan for Node (ES modules): the module is read from beside this file, so
// `import { analyze } from "yesan"` needs no bytes passed by hand.
import { readFileSync } from "node:fs";
import { initSync } from "./yesan.js";

initSync({ module: readFileSync(new URL("./yesan_bg.wasm", import.meta.url)) });

export * from "./api.js";
export * from "./money.js";
