//! Reading a large CSV or TSV file in parts, one Web Worker per part (see
//! `import::parts` for how the file is cut and why the result is the one
//! reading it in one go gives). The page's `parallel.js` drives it:
//! `Reading.begin` on the file's first bytes in every worker, `scanText`
//! on each region (the cuts are placed from the scans), then `read` (the
//! first part) or `part` (each later part, as bytes), `absorb` in file
//! order and `finish`.

use super::{js_error, options_from, JsBudget, OptionsArg};
use crate::import::parts::{self, Reading};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A file being read in parts.
#[wasm_bindgen(js_name = Reading)]
pub struct JsReading {
    inner: Reading,
}

#[wasm_bindgen(js_class = Reading)]
impl JsReading {
    /// Begins on the file's first bytes (a few MiB): `undefined` when the
    /// file is not one to read in parts (then read it in one go).
    /// `oneReport`: the budget will give one report only, by `options.by`
    /// (as `analyze`), so the other text columns need not be kept.
    pub fn begin(
        head: &[u8],
        options: Option<OptionsArg>,
        #[wasm_bindgen(js_name = oneReport)] one_report: Option<bool>,
    ) -> Result<Option<JsReading>, JsValue> {
        let options = super::one_report_if(options_from(options.map(JsValue::from))?, one_report);
        Ok(Reading::begin(head, &options).map(|inner| JsReading { inner }))
    }

    /// Makes room at once for the rows of `bytes` more bytes of the file.
    pub fn reserve(&mut self, bytes: usize) {
        self.inner.reserve(bytes);
    }

    /// The byte of the file where the rows after the head start.
    #[wasm_bindgen(getter, js_name = restByte)]
    pub fn rest_byte(&self) -> usize {
        self.inner.rest().0
    }

    /// The line those rows start on.
    #[wasm_bindgen(getter, js_name = restLine)]
    pub fn rest_line(&self) -> usize {
        self.inner.rest().1
    }

    /// Reads the first part of the rest (`bytes`, its first record on
    /// `line`) into this reading; `false` when the file must be read in
    /// one go instead.
    pub fn read(&mut self, bytes: &[u8], line: usize, last: bool) -> Result<bool, JsValue> {
        self.inner.read(bytes, line, last).map_err(|e| js_error(&e))
    }

    /// Reads a later part apart: its rows as bytes, for the reading that
    /// read the first part to absorb; `undefined` when the file must be
    /// read in one go instead.
    pub fn part(&self, bytes: &[u8], line: usize, last: bool) -> Result<Option<Vec<u8>>, JsValue> {
        self.inner.part(bytes, line, last).map_err(|e| js_error(&e))
    }

    /// Adds a part's rows (from `part`), in file order; `false` when they
    /// are not such rows.
    pub fn absorb(&mut self, rows: &[u8]) -> Result<bool, JsValue> {
        self.inner.absorb(rows).map_err(|e| js_error(&e))
    }

    /// The budget, once every part is read or absorbed.
    pub fn finish(self) -> Result<JsBudget, JsValue> {
        self.inner
            .finish()
            .map(|inner| JsBudget { inner })
            .map_err(|e| js_error(&e))
    }
}

/// Counts a region of the file, for placing the cuts.
#[wasm_bindgen(js_name = scanText, unchecked_return_type = "Scan")]
pub fn scan_text(region: &[u8]) -> Result<JsValue, JsValue> {
    to_js(&parts::scan(region))
}

fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| super::invalid(&e.to_string()))
}
