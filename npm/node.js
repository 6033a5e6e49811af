// yesan for Node (ES modules): the module is read from beside this file, so
// `import { analyze } from "yesan"` needs no bytes passed by hand. The
// readers only some files need load synchronously here, on the first such
// file, so `analyze` reads CP949 text, HTML tables and spreadsheets too.
import { readFileSync } from "node:fs";
import { initSync } from "./yesan.js";
import { load } from "./sheets-node.js";
import { loadSynchronously } from "./loading.js";

initSync({ module: readFileSync(new URL("./yesan_bg.wasm", import.meta.url)) });
loadSynchronously({ load });

export * from "./api.js";
export * from "./money.js";
