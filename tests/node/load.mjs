// Loads the npm package built by wasm-pack (pkg/, target "web") in Node 20,
// the way the README tells Node users to.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const yesan = await import(new URL("../../pkg/yesan.js", import.meta.url));
yesan.initSync({ module: readFileSync(new URL("../../pkg/yesan_bg.wasm", import.meta.url)) });
export default yesan;

export function fixture(name) {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}
