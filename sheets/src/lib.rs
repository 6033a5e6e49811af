//! The second WebAssembly module of yesan: opens a spreadsheet (.xlsx,
//! .xlsb, .xls, .ods) with calamine and gives its sheets as text cells (a
//! `Workbook`) for the core module to read. It is loaded only when a
//! spreadsheet is opened, so that the core module stays small (the sizes
//! are in BENCHMARKS.md).

use wasm_bindgen::prelude::*;
use yesan::import::{archive, spreadsheet};
use yesan::{Error, Options};

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

/// An error as the core module throws them: `code`, the messages, and no
/// row or column (a workbook fails as a whole).
fn js_error(error: &Error) -> JsValue {
    let js: JsValue = js_sys::Error::new(&error.message_en()).into();
    for (key, value) in [
        ("name", JsValue::from_str("YesanError")),
        ("code", JsValue::from_str(error.code())),
        ("row", JsValue::NULL),
        ("column", JsValue::NULL),
        ("columnName", JsValue::NULL),
        ("messageKo", JsValue::from_str(&error.message_ko())),
        ("messageEn", JsValue::from_str(&error.message_en())),
    ] {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), &value);
    }
    js
}
