// The readers only some files need, loaded when such a file arrives, so
// that the core module stays small for everyone else:
//
// - CP949's index (`cp949.js`, base64; most Korean open data is CP949),
//   installed into the core once: the core says `cp949_not_loaded` until
//   then;
// - the second module (sheets/: spreadsheets, HTML tables, Japanese and
//   Chinese text), which turns a spreadsheet into a workbook
//   (`spreadsheet`), and decodes a text and lays out the HTML table it
//   holds (`html_not_loaded`, `encoding_not_loaded`) for the core to read.
//
// `readers({ core, index, second })` takes the core's glue and two loaders,
// each giving a promise of what it loads (the index's bytes, the second
// module); a loader may also offer `now()`, which loads at once (Node) or
// gives null. The page's worker and the npm package each pass their own.
//
// `reading(read, data, options)` calls `read(data)` (the core reading),
// and where the core asks for a reader, loads it and reads again what the
// reader made of the data: the same bytes once the index is in, a
// workbook, a prepared text. `readingNow` does the same with what is loaded
// already, never waiting. An error of a reader goes through `failed`.

/** The most rounds a read takes: CP949's index loaded (a legacy text is
 * tried as CP949 first), then the text decoded or its HTML table laid out
 * by the second module, then read. */
const ROUNDS = 3;

const SPREADSHEET = "spreadsheet";
const CP949 = "cp949_not_loaded";
const HTML = "html_not_loaded";
const ENCODING = "encoding_not_loaded";

/** Whether `code` is an error a reader answers. */
export function wantsReader(code) {
  return code === SPREADSHEET || code === CP949 || code === HTML || code === ENCODING;
}

/** Whether a reader can answer `error` for `data`: a stream (no data)
 * can only be given CP949's index, and is read again from its start. */
function answerable(error, data, codes = null) {
  const wanted = codes ? codes.includes(error?.code) : wantsReader(error?.code);
  return wanted && (data != null || error.code === CP949);
}

function bytesOf(data) {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** Whether bytes begin as a spreadsheet does (a ZIP or an OLE file). */
export function looksLikeSpreadsheet(data) {
  const head = data instanceof Uint8Array || data instanceof ArrayBuffer ? new Uint8Array(bytesOf(data).subarray(0, 8)) : null;
  if (!head) return false;
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => head[i] === b);
  return zip || ole;
}

/** The bytes of the index as cp949.js holds them (base64). */
export function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function readers({ core, index, second }) {
  /** The index's bytes, once loaded: installed again into a core made
   * afresh after a trap, which asks for it again. */
  let indexBytes = null;
  let module = null;
  let loading = null;

  async function secondModule() {
    if (module) return module;
    loading ??= second().then((m) => (module = m));
    try {
      return await loading;
    } finally {
      loading = null;
    }
  }

  function secondModuleNow() {
    module ??= second.now?.() ?? null;
    return module;
  }

  function install(bytes) {
    indexBytes = bytes;
    core.installCp949(bytes);
  }

  /** What the second module makes of `data` for the error `code`; of the
   * files of a series (`[{ name, data }]`), of each file it fits. */
  function prepare(reader, code, data, options) {
    if (Array.isArray(data)) {
      return data.map((file) => {
        const raw = typeof file.data === "string" || file.data instanceof Uint8Array || file.data instanceof ArrayBuffer;
        const fits = raw && (code === SPREADSHEET) === looksLikeSpreadsheet(file.data);
        return fits ? { ...file, data: prepare(reader, code, file.data, options) } : file;
      });
    }
    if (code === SPREADSHEET) return reader.readWorkbook(bytesOf(data));
    return reader.readHtml(bytesOf(data), options ?? null);
  }

  async function ready(error, data, options) {
    if (error.code === CP949) {
      install(indexBytes ?? (await index()));
      return data;
    }
    return prepare(await secondModule(), error.code, data, options);
  }

  function readyNow(error, data, options) {
    if (error.code === CP949) {
      const now = indexBytes ?? index.now?.();
      if (now == null) return undefined;
      install(now);
      return data;
    }
    const reader = secondModuleNow();
    return reader ? prepare(reader, error.code, data, options) : undefined;
  }

  const identity = (error) => error;

  return {
    async reading(read, data, options, failed = identity) {
      for (let round = 1; ; round += 1) {
        try {
          return read(data);
        } catch (error) {
          if (round >= ROUNDS || !answerable(error, data)) throw error;
          data = await ready(error, data, options).catch((e) => Promise.reject(failed(e)));
        }
      }
    },
    readingNow(read, data, options, failed = identity, codes = null) {
      for (let round = 1; ; round += 1) {
        try {
          return read(data);
        } catch (error) {
          let next;
          try {
            next = round < ROUNDS && answerable(error, data, codes) ? readyNow(error, data, options) : undefined;
          } catch (e) {
            throw failed(e);
          }
          if (next === undefined) throw error;
          data = next;
        }
      }
    },
    /** The second module, loaded (for readSpreadsheet and readArchive). */
    secondModule,
    /** The second module if it is loaded, for a trap's reset. */
    loaded: () => module,
  };
}
