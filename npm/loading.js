// The package's readers (readers.js, shared with the page's worker): CP949's
// index from ./cp949.js and the second module from #sheets, each loaded on
// the first file that needs it. node.js makes both load synchronously too,
// so that in Node the synchronous calls read every file.
import * as glue from "./yesan.js";
import { readers, fromBase64 } from "./readers.js";

const index = () => import("./cp949.js").then((m) => fromBase64(m.default));
const second = () => import("#sheets").then((m) => m.load());

export const packageReaders = readers({ core: glue, index, second });

/** Lets the readers load at once: `load()` gives the second module (Node's
 * ES module entry), `table` is the index's base64 (the CommonJS entry, which
 * holds it). */
export function loadSynchronously({ load = null, table = null }) {
  if (load) second.now = load;
  index.now = () => (table ? fromBase64(table) : load().cp949Index());
}
