//! Times the stages of reading a large CSV natively: decoding, splitting
//! records, building the budget, rolling it up. For profiling only.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let t = Instant::now();
    let text = std::str::from_utf8(&bytes).unwrap_or_default();
    println!(
        "utf-8 validation   {:>6.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        n += record.len();
    }
    println!(
        "csv byte records   {:>6.0} ms ({n} fields)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).unwrap_or(false) {}
    println!(
        "csv string records {:>6.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let budget = yesan::Budget::read(&bytes, &yesan::Options::default());
    println!(
        "Budget::read       {:>6.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let streamed = std::fs::File::open(&path)
        .map(|file| yesan::Budget::read_stream(file, &yesan::Options::default()));
    println!(
        "Budget::read_stream {:>5.0} ms ({} rows)",
        t.elapsed().as_secs_f64() * 1e3,
        streamed.ok().and_then(Result::ok).map_or(0, |b| b.rows())
    );
    let Ok(budget) = budget else { return };
    let options: yesan::Options =
        serde_json::from_str(r#"{"by":["실국명","부서명"]}"#).unwrap_or_default();
    let t = Instant::now();
    let _ = budget.report(&options);
    println!(
        "report             {:>6.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
}
