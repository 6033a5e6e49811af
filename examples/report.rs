//! Prints the JSON report of a budget file, as the WebAssembly `analyze`
//! returns it. The WASM tests compare the two.
//!
//! ```sh
//! cargo run --example report -- tests/fixtures/seoul_2016_programs.csv '{"by":["부서"]}'
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: report FILE [OPTIONS-JSON]");
        return ExitCode::from(2);
    };
    let options: yesan::Options = match args.get(1).map(|json| serde_json::from_str(json)) {
        None => yesan::Options::default(),
        Some(Ok(options)) => options,
        Some(Err(error)) => {
            eprintln!("options: {error}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(2);
        }
    };
    let output = match yesan::analyze(&bytes, &options) {
        Ok(report) => serde_json::to_string_pretty(&report),
        Err(error) => serde_json::to_string_pretty(&serde_json::json!({
            "error": {
                "code": error.code(),
                "row": error.row(),
                "column": error.column(),
                "columnName": error.column_name(),
                "message": error.message_en(),
                "messageKo": error.message_ko(),
            }
        })),
    };
    match output {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
