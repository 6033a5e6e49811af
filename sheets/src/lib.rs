//! The second WebAssembly module of yesan, the readers that only some
//! files need: it opens a spreadsheet (.xlsx, .xlsb, .xls, .ods) with
//! calamine and gives its sheets as text cells (a `Workbook`), and lays out
//! the HTML table of a text (a `PreparedText`), for the core module to
//! read. It is loaded only when such a file is opened, so that the core
//! module stays small (the sizes are in BENCHMARKS.md). It also gives
//! CP949's index, from which the package writes `cp949.js`.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use yesan::import::{archive, cp949, prepared, spreadsheet};
use yesan::js_error::js_error;
use yesan::Options;

/// Reads every sheet of a spreadsheet file into a `Workbook` for
/// `analyze` or `new Budget`.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let workbook = spreadsheet::open(bytes, &Options::default()).map_err(|e| js_error(&e))?;
    serde_wasm_bindgen::to_value(&workbook).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The files of a ZIP archive that is not a workbook (a Fiscal Data
/// Package zipped with its CSV, or the files of a series) as
/// `[{ name, data }]`, or `null` for a workbook (read it with
/// `readWorkbook`).
#[wasm_bindgen(js_name = readArchive)]
pub fn read_archive(bytes: &[u8]) -> Result<JsValue, JsValue> {
    if archive::is_workbook(bytes) {
        return Ok(JsValue::NULL);
    }
    let entries = archive::entries(bytes, &Options::default()).map_err(|e| js_error(&e))?;
    let list = js_sys::Array::new();
    for entry in entries {
        let file = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &file,
            &JsValue::from_str("name"),
            &JsValue::from_str(&entry.name),
        );
        let data = js_sys::Uint8Array::from(entry.data.as_slice());
        let _ = js_sys::Reflect::set(&file, &JsValue::from_str("data"), &data);
        list.push(&file);
    }
    Ok(list.into())
}

/// Decodes a text file (bytes in any encoding yesan reads, or a string)
/// and lays out the HTML table it holds, as the core module would with
/// every reader: a `PreparedText` for `analyze` or `new Budget`.
#[wasm_bindgen(js_name = readHtml)]
pub fn read_html(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsValue::from_str(&e.to_string()))?
    };
    let text = match input.as_string() {
        Some(text) => {
            options.validate().map_err(|e| js_error(&e))?;
            prepared::prepare_text(&text, None)
        }
        None => prepared::prepare(&js_sys::Uint8Array::new(&input).to_vec(), &options),
    };
    let text = text.map_err(|e| js_error(&e))?;
    text.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// CP949's index as bytes, for the core module's `installCp949`.
#[wasm_bindgen(js_name = cp949Index)]
pub fn cp949_index() -> Vec<u8> {
    cp949::index_bytes()
}
