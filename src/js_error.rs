//! An error as both WebAssembly modules throw it to JavaScript: an `Error`
//! named `YesanError` with `code`, `row`, `column`, `columnName`,
//! `messageKo` and `messageEn`. On wasm32 only, and exporting nothing, so
//! that the second module (sheets/) uses it without the core's JavaScript
//! layer.

use crate::Error;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

fn optional_number(value: Option<usize>) -> JsValue {
    value
        .and_then(|n| u32::try_from(n).ok())
        .map_or(JsValue::NULL, JsValue::from)
}

/// Turns a core error into a JavaScript `Error` with its details.
pub fn js_error(error: &Error) -> JsValue {
    let js: JsValue = js_sys::Error::new(&error.message_en()).into();
    for (key, value) in [
        ("name", JsValue::from_str("YesanError")),
        ("code", JsValue::from_str(error.code())),
        ("row", optional_number(error.row())),
        ("column", optional_number(error.column())),
        (
            "columnName",
            error.column_name().map_or(JsValue::NULL, JsValue::from_str),
        ),
        ("messageKo", JsValue::from_str(&error.message_ko())),
        ("messageEn", JsValue::from_str(&error.message_en())),
    ] {
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(&js, &JsValue::from_str(key), &value);
    }
    js
}
