//! The JavaScript API: a thin wasm-bindgen layer over the core. Reports
//! cross as plain objects (JSON-compatible: decimals are strings), errors as
//! `Error` objects with `code`, `row`, `column`, `columnName`, `messageKo`
//! and `messageEn`.

use crate::import::prepared::Prepared;
use crate::import::sheet::Workbook;
use crate::options::Keys;
use crate::{format, Budget, Error, ErrorKind, Options, Unit};
use js_sys::{ArrayBuffer, Reflect, Uint8Array};
use rust_decimal::Decimal;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod parts;
mod tree;
mod types;

#[wasm_bindgen]
extern "C" {
    /// The options object, typed for TypeScript.
    #[wasm_bindgen(typescript_type = "Options")]
    pub type OptionsArg;
    /// The analysis options object, typed for TypeScript.
    #[wasm_bindgen(typescript_type = "AnalysisOptions")]
    pub type AnalysisOptionsArg;
}

fn set(target: &JsValue, key: &str, value: JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), &value);
}

pub(crate) use crate::js_error::js_error;

fn invalid(detail: &str) -> JsValue {
    js_error(&Error::new(ErrorKind::InvalidOption).with_detail(detail, detail))
}

/// A report as a JavaScript object, its tree packed (`tree` says how;
/// `expandReport` in JavaScript unpacks it). The values of a report
/// table's rows are objects keyed by column name, written through
/// JavaScript's property setter, which for a column named `__proto__` would
/// change the object's prototype instead of adding the column: such a
/// column is then defined as an own property, and the prototype put back.
fn report_to_js(mut report: crate::Report) -> Result<JsValue, JsValue> {
    let root = std::mem::take(&mut report.tree);
    let js = to_js(&report)?;
    set(&js, "tree", tree::packed(&root));
    if report.columns.iter().any(|c| c.name == PROTO) {
        let rows = Reflect::get(&js, &JsValue::from_str("structure")).unwrap_or(JsValue::NULL);
        for (i, row) in report.structure.iter().flatten().enumerate() {
            let row_js = Reflect::get_u32(&rows, u32::try_from(i).unwrap_or(u32::MAX));
            own_proto(&row_js.unwrap_or(JsValue::NULL), "values", &row.values);
        }
    }
    Ok(js)
}

const PROTO: &str = "__proto__";

/// Defines `object[field].__proto__` as an own property holding the column's value.
fn own_proto(object: &JsValue, field: &str, named: &crate::report::Named) {
    let Ok(map) = Reflect::get(object, &JsValue::from_str(field)) else {
        return;
    };
    let Some(map) = map.dyn_ref::<js_sys::Object>() else {
        return;
    };
    let plain = js_sys::Object::get_prototype_of(&js_sys::Object::new());
    js_sys::Object::set_prototype_of(map, &plain);
    let value = named.get(PROTO).map_or(JsValue::NULL, JsValue::from_str);
    let descriptor = js_sys::Object::new();
    set(&descriptor, "value", value);
    for flag in ["writable", "enumerable", "configurable"] {
        set(&descriptor, flag, JsValue::TRUE);
    }
    js_sys::Object::define_property(map, &JsValue::from_str(PROTO), &descriptor);
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| invalid(&e.to_string()))
}

fn options_from(value: Option<JsValue>) -> Result<Options, JsValue> {
    match value {
        None => Ok(Options::default()),
        Some(value) if value.is_undefined() || value.is_null() => Ok(Options::default()),
        Some(value) => {
            // serde-wasm-bindgen reads only the keys it knows: a misspelt
            // option must be an error, not ignored, so the keys are checked.
            if !value.is_object() || js_sys::Array::is_array(&value) {
                return Err(invalid("options must be a plain object"));
            }
            check_keys(&value, crate::options::OPTION_KEYS, "")?;
            serde_wasm_bindgen::from_value(value).map_err(|e| {
                let message = e.to_string();
                invalid(message.strip_prefix("Error: ").unwrap_or(&message))
            })
        }
    }
}

/// Every key of `value` (an options object, or a part of one) must be one
/// that `keys` names.
fn check_keys(value: &JsValue, keys: Keys, path: &str) -> Result<(), JsValue> {
    let object = match keys {
        Keys::Value => return Ok(()),
        _ if !value.is_object() || js_sys::Array::is_array(value) => return Ok(()),
        _ => value.unchecked_ref::<js_sys::Object>(),
    };
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        let inner = Reflect::get(object, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match keys {
            Keys::Object(known) => match known.iter().find(|(name, _)| *name == key) {
                Some((_, inner_keys)) => check_keys(&inner, *inner_keys, &at)?,
                None => {
                    let names: Vec<&str> = known.iter().map(|(name, _)| *name).collect();
                    return Err(invalid(&format!(
                        "unknown option `{at}`, expected one of {}",
                        names.join(", ")
                    )));
                }
            },
            Keys::Map(each) => check_keys(&inner, *each, &at)?,
            Keys::Value => {}
        }
    }
    Ok(())
}

fn read(input: &JsValue, options: &Options) -> Result<Budget, JsValue> {
    let bytes = if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
        Some(bytes.clone())
    } else {
        input
            .dyn_ref::<ArrayBuffer>()
            .map(|buffer| Uint8Array::new(buffer))
    };
    let result = if let Some(text) = input.as_string() {
        Budget::read_text(&text, options)
    } else if let Some(bytes) = bytes {
        let size = bytes.length() as usize;
        let head = bytes.subarray(0, 8).to_vec();
        if crate::import::sheet::looks_like(&head) {
            // A spreadsheet is read by the second module (readSpreadsheet);
            // the core names it as one without copying it in.
            Budget::read(&head, options)
        } else if size > crate::import::WHOLE_BYTES {
            // A large file is read from JavaScript's memory a chunk at a
            // time, never copied whole into the module's memory.
            crate::import::check_size(size, options).and_then(|()| {
                let mut source = JsBytes { bytes, at: 0 };
                crate::import::described(options, |o| {
                    crate::import::stream::read_sized(&mut source, Some(size), o)
                })
            })
        } else {
            Budget::read(&bytes.to_vec(), options)
        }
    } else if input.is_object()
        && Reflect::has(input, &JsValue::from_str("prepared")).unwrap_or(false)
    {
        let prepared: Prepared = serde_wasm_bindgen::from_value(input.clone())
            .map_err(|e| invalid(&format!("not a text prepared by readHtml: {e}")))?;
        crate::import::prepared::read(prepared, options)
    } else if input.is_object()
        && Reflect::has(input, &JsValue::from_str("sheets")).unwrap_or(false)
    {
        let workbook: Workbook = serde_wasm_bindgen::from_value(input.clone())
            .map_err(|e| invalid(&format!("not a workbook from readSpreadsheet: {e}")))?;
        Budget::read_workbook(workbook, options)
    } else {
        return Err(invalid(
            "input must be a Uint8Array, an ArrayBuffer, a string or a workbook from readSpreadsheet",
        ));
    };
    result.map_err(|e| js_error(&e))
}

/// Reads a budget file (bytes in any supported encoding, or text) and
/// analyses it: totals, the rollup tree with shares, growth and execution.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(
    #[wasm_bindgen(
        unchecked_param_type = "Uint8Array | ArrayBuffer | string | Workbook | PreparedText"
    )]
    input: JsValue,
    options: Option<OptionsArg>,
) -> Result<JsValue, JsValue> {
    let options = options_from(options.map(JsValue::from))?;
    let budget = read(&input, &options.for_one_report())?;
    let report = budget.report(&options).map_err(|e| js_error(&e))?;
    report_to_js(report)
}

/// A budget read once and analysed as often as needed, by any dimensions,
/// without reading the file again.
#[wasm_bindgen(js_name = Budget)]
pub struct JsBudget {
    inner: Budget,
}

#[wasm_bindgen(js_class = Budget)]
impl JsBudget {
    /// Reads a budget file (bytes in any supported encoding, or text).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(
            unchecked_param_type = "Uint8Array | ArrayBuffer | string | Workbook | PreparedText"
        )]
        input: JsValue,
        options: Option<OptionsArg>,
    ) -> Result<JsBudget, JsValue> {
        let options = options_from(options.map(JsValue::from))?;
        Ok(JsBudget {
            inner: read(&input, &options)?,
        })
    }

    /// Reads a large CSV or TSV file chunk by chunk, never holding it whole:
    /// `read()` is called again and again and returns the next chunk, an
    /// empty array at the end (in a worker, `FileReaderSync` over
    /// `file.slice()` does this).
    #[wasm_bindgen(js_name = fromChunks)]
    pub fn from_chunks(
        #[wasm_bindgen(unchecked_param_type = "() => Uint8Array")] read: js_sys::Function,
        options: Option<OptionsArg>,
        #[wasm_bindgen(js_name = oneReport)] one_report: Option<bool>,
    ) -> Result<JsBudget, JsValue> {
        let options = one_report_if(options_from(options.map(JsValue::from))?, one_report);
        let chunks = Chunks { read, chunk: None };
        Budget::read_stream(chunks, &options)
            .map(|inner| JsBudget { inner })
            .map_err(|e| js_error(&e))
    }

    /// Reads several files of one budget (one per year, or a budget and
    /// its actuals) as one budget with a column per year: `files` is an
    /// array of `{ name, data }`, `data` as for `new Budget`.
    pub fn series(
        #[wasm_bindgen(unchecked_param_type = "SeriesFileInput[]")] files: js_sys::Array,
        options: Option<OptionsArg>,
    ) -> Result<JsBudget, JsValue> {
        let options = options_from(options.map(JsValue::from))?;
        let each = options.for_each_file();
        let mut parts = Vec::new();
        for file in files.iter() {
            let name = Reflect::get(&file, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string())
                .ok_or_else(|| invalid("each file of a series needs a name"))?;
            let data =
                Reflect::get(&file, &JsValue::from_str("data")).unwrap_or(JsValue::UNDEFINED);
            parts.push(crate::import::series::Part {
                name,
                budget: read(&data, &each)?,
            });
        }
        crate::import::series::read(parts, &options)
            .map(|inner| JsBudget { inner })
            .map_err(|e| js_error(&e))
    }

    /// Number of data rows.
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> usize {
        self.inner.rows()
    }

    /// The columns as understood.
    #[wasm_bindgen(unchecked_return_type = "Column[]")]
    pub fn columns(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.columns())
    }

    /// What the reader noticed (total rows left out, notes, units).
    #[wasm_bindgen(unchecked_return_type = "Warning[]")]
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.warnings())
    }

    /// Analyses the budget again, by other dimensions or comparisons.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn report(&self, options: Option<AnalysisOptionsArg>) -> Result<JsValue, JsValue> {
        let options = options_from(options.map(JsValue::from))?;
        let report = self.inner.report(&options).map_err(|e| js_error(&e))?;
        report_to_js(report)
    }
}

/// The options, for one report only when `one_report` says so.
pub(crate) fn one_report_if(options: Options, one_report: Option<bool>) -> Options {
    if one_report == Some(true) {
        options.for_one_report()
    } else {
        options
    }
}

fn unit_from(value: &JsValue) -> Result<Option<Unit>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| invalid(&e.to_string()))
}

/// A string argument, or a `TypeError` naming what came instead.
fn string_arg(name: &str, value: &JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let got = value.js_typeof().as_string().unwrap_or_default();
        js_sys::TypeError::new(&format!(
            "{name} must be a string of a decimal number, not {got}"
        ))
        .into()
    })
}

fn decimal_from(value: &str) -> Result<Decimal, JsValue> {
    Decimal::from_str_exact(value.trim())
        .map_err(|_| invalid(&format!("'{value}' is not a decimal number")))
}

/// Writes an exact amount (a decimal string in `unit`) for reading:
/// `display` "korean" gives `225조 9,413억원`; a unit code gives the amount
/// in that unit, rounded half up to `decimals`, e.g. `41,018백만원`.
#[wasm_bindgen(js_name = formatAmount)]
pub fn format_amount(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UnitCode | null")] unit: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"korean\" | UnitCode")] display: JsValue,
    decimals: Option<u32>,
) -> Result<String, JsValue> {
    let value = decimal_from(&string_arg("value", &value)?)?;
    let unit = unit_from(&unit)?;
    let text = if display.as_string().as_deref() == Some("korean") {
        format::korean(value, unit)
    } else {
        let display = unit_from(&display)?.unwrap_or(Unit::Won);
        format::in_unit(
            value,
            unit,
            display,
            decimals.unwrap_or(0).min(crate::options::MAX_PRECISION),
        )
    };
    text.ok_or_else(|| invalid("the amount is too large to convert"))
}

/// An amount (a decimal string in `unit`) in units of its currency, exactly,
/// as a decimal string: `"27158.57"` in thousands is `"27158570"`. For
/// `Intl.NumberFormat`, which formats such strings without rounding them.
#[wasm_bindgen(js_name = inBaseUnits)]
pub fn in_base_units(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UnitCode | null")] unit: JsValue,
) -> Result<String, JsValue> {
    let value = decimal_from(&string_arg("value", &value)?)?;
    format::to_won(value, unit_from(&unit)?)
        .map(|v| v.normalize().to_string())
        .ok_or_else(|| invalid("the amount is too large to convert"))
}

/// The exact amount in won, grouped: `41,018,000,000원`.
#[wasm_bindgen(js_name = exactWon)]
pub fn exact_won(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UnitCode | null")] unit: JsValue,
) -> Result<String, JsValue> {
    let value = decimal_from(&string_arg("value", &value)?)?;
    format::exact_won(value, unit_from(&unit)?)
        .ok_or_else(|| invalid("the amount is too large to convert"))
}

/// The bytes of a JavaScript array, as a reader: each read copies straight
/// from JavaScript's memory into the reader's buffer.
struct JsBytes {
    bytes: Uint8Array,
    at: u32,
}

impl std::io::Read for JsBytes {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.bytes.length() - self.at;
        let n = left.min(u32::try_from(buf.len()).unwrap_or(u32::MAX));
        self.bytes
            .subarray(self.at, self.at + n)
            .copy_to(&mut buf[..n as usize]);
        self.at += n;
        Ok(n as usize)
    }
}

/// Chunks handed out by a JavaScript function, as a reader.
struct Chunks {
    read: js_sys::Function,
    chunk: Option<JsBytes>,
}

impl std::io::Read for Chunks {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Some(chunk) = self.chunk.as_mut().filter(|c| c.at < c.bytes.length()) {
            return chunk.read(buf);
        }
        {
            let next = self.read.call0(&JsValue::NULL).map_err(|e| {
                std::io::Error::other(
                    e.as_string()
                        .unwrap_or_else(|| "the read callback failed".into()),
                )
            })?;
            let bytes = next
                .dyn_into::<Uint8Array>()
                .map_err(|_| std::io::Error::other("the read callback must return a Uint8Array"))?;
            if bytes.length() == 0 {
                return Ok(0);
            }
            let mut chunk = JsBytes { bytes, at: 0 };
            let n = chunk.read(buf);
            self.chunk = Some(chunk);
            n
        }
    }
}

/// Installs CP949's index (the bytes of the package's `cp949.js`), which
/// the core module loads only when a CP949 file arrives: until then such a
/// file fails with `cp949_not_loaded`.
#[wasm_bindgen(js_name = installCp949)]
pub fn install_cp949(index: &[u8]) -> Result<(), JsValue> {
    crate::import::cp949::install(index).map_err(|e| js_error(&e))
}

/// The version of the yesan package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
