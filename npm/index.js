// yesan for browsers and bundlers: the module is fetched from beside this
// file (`new URL("yesan_bg.wasm", import.meta.url)`, which bundlers copy as
// an asset) before the first call, so `import { analyze } from "yesan"` is
// all a page needs.
import init from "./yesan.js";

const wasm = new URL("yesan_bg.wasm", import.meta.url);
try {
  await init({ module_or_path: wasm });
} catch (error) {
  // Most often a bundler that copied no .wasm (esbuild, Rollup): say what to do.
  throw new Error(
    `yesan could not load its WebAssembly module from ${wasm.href} (${error?.message ?? error}). ` +
      `If your bundler does not copy node_modules/yesan/yesan_bg.wasm beside the bundle, copy it there, ` +
      `or import from "yesan/inline", which holds the module.`,
    { cause: error },
  );
}

export * from "./api.js";
export * from "./money.js";
