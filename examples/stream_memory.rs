//! Reads a file as a stream and prints the rows (for measuring memory with
//! `/usr/bin/time -v`).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let options: yesan::Options =
        serde_json::from_str(r#"{"limits":{"maxBytes":4294967295}}"#).unwrap_or_default();
    match std::fs::File::open(&path)
        .map(|file| yesan::Budget::read_stream(std::io::BufReader::new(file), &options))
    {
        Ok(Ok(budget)) => println!("{} rows", budget.rows()),
        Ok(Err(error)) => println!("{error}"),
        Err(error) => println!("{error}"),
    }
}
