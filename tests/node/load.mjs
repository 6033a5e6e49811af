// Loads the npm package as Node users get it (pkg/node.js: the module read
// from beside it, every call guarded); tests/node/package.test.mjs checks
// the packed package itself.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const yesan = await import(new URL("../../pkg/node.js", import.meta.url));
export default yesan;

export function fixture(name) {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}
