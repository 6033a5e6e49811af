//! What the second module prepares for the core (an HTML table laid out,
//! or a text decoded) is read to the same report, or the same error, as
//! the bytes read by a build with every reader; the prepared text crosses
//! as JSON first, as it crosses between the two WebAssembly modules.
#![no_main]
use libfuzzer_sys::fuzz_target;
use yesan::import::prepared::{self, Prepared};
use yesan::Options;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    // Half the inputs become an HTML table, so that tables are laid out.
    let bytes = match data.split_first() {
        Some((0, rest)) => format!("<table>{}</table>", String::from_utf8_lossy(rest)).into_bytes(),
        _ => data.to_vec(),
    };
    // A spreadsheet goes to the spreadsheet reader, never to be prepared.
    if yesan::import::sheet::looks_like(&bytes) {
        return;
    }
    let options = Options::default();
    let whole = yesan::analyze(&bytes, &options);
    let through = prepared::prepare(&bytes, &options).and_then(|p| {
        let json = serde_json::to_string(&p).expect("a prepared text is written as JSON");
        let crossed: Prepared = serde_json::from_str(&json).expect("and read back");
        assert_eq!(crossed, p);
        prepared::read(crossed, &options)?.report(&options)
    });
    match (&whole, &through) {
        (Ok(a), Ok(b)) => assert_eq!(
            serde_json::to_string(a).unwrap(),
            serde_json::to_string(b).unwrap()
        ),
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code()),
        _ => panic!("{whole:?} against {through:?}"),
    }
    common::check(through);
});
