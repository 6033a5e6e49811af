//! Times the stages of reading a large CSV natively: checking the UTF-8,
//! splitting records, building the budget, rolling it up. For profiling
//! only: `stages FILE [STAGE]` runs one stage alone when STAGE is given
//! (`utf8`, `control`, `split`, `read`, `stream`, `report` or
//! `analyze`), for `perf record`.
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().cloned().unwrap_or_default();
    let only = args.get(1).cloned();
    let run = |stage: &str| only.as_deref().is_none_or(|o| o == stage);
    let bytes = std::fs::read(&path).unwrap_or_default();
    let time = |name: &str, t: Instant, what: String| {
        println!(
            "{name:<20} {:>6.0} ms {what}",
            t.elapsed().as_secs_f64() * 1e3
        );
    };
    if run("utf8") {
        let t = Instant::now();
        let valid = simdutf8::basic::from_utf8(&bytes).is_ok();
        time("utf-8 check", t, format!("(valid: {valid})"));
    }
    if run("control") {
        let t = Instant::now();
        let at = yesan::import::encoding::control_at(&bytes);
        time("control characters", t, format!("({at:?})"));
    }
    if run("split") {
        let t = Instant::now();
        let mut record = yesan::import::table::Record::default();
        let mut splitter = yesan::import::split::Splitter::new(b',');
        let (mut at, mut fields) = (0, 0);
        while let Ok(found) = splitter.split(&bytes, at, true, &mut record) {
            fields += record.len();
            at = found.end;
        }
        time("split records", t, format!("({fields} fields)"));
    }
    let options = yesan::Options::default();
    let mut budget = None;
    if run("read") || run("report") {
        let t = Instant::now();
        budget = yesan::Budget::read(&bytes, &options).ok();
        time("Budget::read", t, String::new());
    }
    if run("stream") {
        let t = Instant::now();
        let streamed =
            std::fs::File::open(&path).map(|file| yesan::Budget::read_stream(file, &options));
        let rows = streamed.ok().and_then(Result::ok).map_or(0, |b| b.rows());
        time("Budget::read_stream", t, format!("({rows} rows)"));
    }
    let by: yesan::Options =
        serde_json::from_str(r#"{"by":["실국명","부서명"]}"#).unwrap_or_default();
    if let Some(budget) = budget.filter(|_| run("report")) {
        let t = Instant::now();
        let _ = budget.report(&by);
        time("report", t, String::new());
    }
    if run("analyze") {
        let t = Instant::now();
        let groups = yesan::analyze(&bytes, &by).map_or(0, |r| r.tree.children.len());
        time("analyze (by 2)", t, format!("({groups} groups at the top)"));
    }
}
