// The core WASM module, compiled once per page: the main thread
// instantiates it for formatting (format.js), and every analysis worker is
// handed the same compiled module (analyst.js), so that it is fetched and
// compiled once however many explorers and workers a page has.

/** Streamed from beside the glue when the server says it is WebAssembly,
 * else compiled from its bytes. */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  if (response.headers.get("Content-Type")?.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

export const compiled = compile(new URL("./pkg/yesan_bg.wasm", import.meta.url));
