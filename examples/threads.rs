//! How reading a large CSV scales with threads: the time to read (and the
//! time of the report, apart) at 1, 2, 4 and 8 threads, median of `runs`,
//! with the report's JSON checked to be the same at every count.
//!
//!   cargo run --release --example threads -- bench/data/budget-1000000.csv [runs=5]
use std::time::Instant;
use yesan::{Budget, Options};

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a CSV file");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let bytes = std::fs::read(&path).expect("readable");
    let options = Options::default();
    let mut first_json = None;
    println!("| threads | read (ms) | report (ms) | total (ms) | same JSON |");
    println!("|---:|---:|---:|---:|---|");
    for threads in [1, 2, 4, 8] {
        let (mut reads, mut reports) = (Vec::new(), Vec::new());
        let mut json = String::new();
        for _ in 0..runs {
            let start = Instant::now();
            let budget = Budget::read_on_threads(&bytes, &options, threads).expect("read");
            let read = start.elapsed().as_secs_f64() * 1000.0;
            let start = Instant::now();
            let report = budget.report(&options).expect("report");
            reports.push(start.elapsed().as_secs_f64() * 1000.0);
            reads.push(read);
            json = serde_json::to_string(&report).expect("json");
        }
        let same = first_json.get_or_insert_with(|| json.clone()) == &json;
        let (read, report) = (median(reads), median(reports));
        println!(
            "| {threads} | {read:.0} | {report:.0} | {:.0} | {} |",
            read + report,
            if same { "yes" } else { "NO" }
        );
    }
}
