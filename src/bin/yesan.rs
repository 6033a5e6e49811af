//! `yesan`: a budget file's report on the command line.
//!
//! ```sh
//! yesan report budget.csv                      # totals, growth, execution, warnings
//! yesan report budget.csv --by 실국명,부서명     # the rollup by these columns
//! yesan report budget.csv --json               # the whole report as JSON
//! yesan report budget.csv --options '{"unit":"thousand"}'
//! yesan report datapackage.json                # a Fiscal Data Package: its CSV, as described
//! yesan report budget_2010.csv budget_2011.csv # a series: a column per year
//! yesan report budget.xlsx --options '{"sheet":"세출"}'
//! yesan report big.csv --jobs 4                # a large CSV read on 4 threads
//! ```
//!
//! A large CSV or TSV (4 MiB and more) is read on every core the machine
//! has, at most 8, unless `--jobs` says how many; the report is the same.
//!
//! The exit status is 0 for a report, 1 when the file cannot be read (the
//! error, with its row and column, goes to standard error) and 2 for a
//! command that is not understood.

use std::process::ExitCode;
use yesan::{Options, Report};

const USAGE: &str =
    "usage: yesan report FILE [FILE…] [--by COLUMN,COLUMN…] [--json] [--options JSON] [--lang ko|en] [--jobs N]";

struct Args {
    file: String,
    /// More files: a series of years.
    more: Vec<String>,
    by: Option<Vec<String>>,
    json: bool,
    options: Option<String>,
    english: bool,
    /// Threads to read a large CSV on.
    jobs: usize,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut rest = args.iter();
    if rest.next().map(String::as_str) != Some("report") {
        return Err(USAGE.to_string());
    }
    let mut parsed = Args {
        file: String::new(),
        more: Vec::new(),
        by: None,
        json: false,
        options: None,
        english: false,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
    };
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--by" => {
                let list = rest.next().ok_or("--by needs a list of columns")?;
                parsed.by = Some(list.split(',').map(|c| c.trim().to_string()).collect());
            }
            "--options" => {
                parsed.options = Some(rest.next().ok_or("--options needs JSON")?.clone())
            }
            "--lang" => parsed.english = rest.next().map(String::as_str) == Some("en"),
            "--jobs" => {
                let n = rest.next().and_then(|n| n.parse::<usize>().ok());
                parsed.jobs = n
                    .filter(|&n| (1..=64).contains(&n))
                    .ok_or("--jobs needs a number from 1 to 64")?;
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            file if parsed.file.is_empty() => parsed.file = file.to_string(),
            more => parsed.more.push(more.to_string()),
        }
    }
    if parsed.file.is_empty() {
        return Err(USAGE.to_string());
    }
    Ok(parsed)
}

fn options(args: &Args) -> Result<Options, String> {
    let mut options: Options = match &args.options {
        Some(json) => serde_json::from_str(json).map_err(|e| format!("--options: {e}"))?,
        None => Options::default(),
    };
    if args.by.is_some() {
        options.by = args.by.clone();
    }
    Ok(options)
}

/// The report in a few lines: what was read, the totals (per part of a
/// split budget), growth, execution, the audit and the warnings.
fn summary(report: &Report, english: bool) -> String {
    let mut out = Vec::new();
    let currency = report.currency.as_deref().unwrap_or("");
    // 천원 where the amounts are won (or in Korean where no currency is
    // stated); `× 1000` for other currencies.
    let unit = match (&report.unit, currency) {
        (Some(u), "KRW") => u.label.to_string(),
        (Some(u), "") if !english => u.label.to_string(),
        (Some(u), _) if u.factor != "1" => format!("× {}", u.factor),
        _ => String::new(),
    };
    out.push(format!(
        "{} rows, {} {currency} {unit}; hierarchy: {}",
        report.rows,
        report.source.format,
        report.hierarchy.join(" › ")
    ));
    let totals = |totals: &[yesan::report::TotalReport]| {
        totals
            .iter()
            .map(|t| format!("  {}: {}", t.column, t.value.as_deref().unwrap_or("—")))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if report.groups.is_empty() {
        out.push(format!("totals:\n{}", totals(&report.totals)));
    }
    let growth = |g: &yesan::report::GrowthReport| {
        format!(
            "growth {} → {}: {} ({}%)",
            g.from,
            g.to,
            g.difference.as_deref().unwrap_or("—"),
            g.rate.as_deref().unwrap_or("—")
        )
    };
    let execution = |e: &yesan::report::ExecutionReport| {
        format!(
            "execution {} ÷ {}: {}%",
            e.executed,
            e.budget,
            e.rate.as_deref().unwrap_or("—")
        )
    };
    for group in &report.groups {
        out.push(format!(
            "{}:\n{}",
            group.path.join(" › "),
            totals(&group.totals)
        ));
        out.extend(group.growth.as_ref().map(|g| format!("  {}", growth(g))));
        out.extend(
            group
                .execution
                .as_ref()
                .map(|e| format!("  {}", execution(e))),
        );
    }
    out.extend(report.growth.as_ref().map(growth));
    out.extend(report.execution.as_ref().map(execution));
    out.push(format!(
        "audit: {} figures checked, {} findings",
        report.audit.checked,
        report.audit.findings.len()
    ));
    for finding in &report.audit.findings {
        out.push(format!(
            "  {}",
            if english {
                &finding.message_en
            } else {
                &finding.message_ko
            }
        ));
    }
    for warning in &report.warnings {
        out.push(format!(
            "warning: {}",
            if english {
                &warning.message_en
            } else {
                &warning.message_ko
            }
        ));
    }
    out.join("\n")
}

/// Writes to standard output; a reader that stops early (`| head`) is not
/// an error.
fn print(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}") {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// A Fiscal Data Package's `datapackage.json`: the budget is its first
/// resource's CSV, read as the descriptor says. Any other file is itself.
fn described(
    file: &str,
    bytes: Vec<u8>,
    mut options: Options,
) -> Result<(Vec<u8>, Options), String> {
    if !file.ends_with(".json") {
        return Ok((bytes, options));
    }
    let descriptor: yesan::import::package::Descriptor =
        serde_json::from_slice(&bytes).map_err(|e| format!("datapackage.json: {e}"))?;
    let path = descriptor
        .first_path()
        .ok_or("datapackage.json: no resource with a path")?;
    let at = std::path::Path::new(file).with_file_name(path);
    let data = std::fs::read(&at).map_err(|e| format!("{}: {e}", at.display()))?;
    options.package = Some(descriptor);
    Ok((data, options))
}

/// Several files: read as a series of years.
fn series(
    args: &Args,
    first: Vec<u8>,
    options: &Options,
) -> Result<Result<Report, yesan::Error>, String> {
    let mut files = vec![(args.file.clone(), first)];
    for name in &args.more {
        let bytes = std::fs::read(name).map_err(|e| format!("{name}: {e}"))?;
        files.push((name.clone(), bytes));
    }
    let named: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, bytes)| {
            let short = std::path::Path::new(name)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(name);
            (short, bytes.as_slice())
        })
        .collect();
    Ok(yesan::read_series(&named, options).and_then(|budget| budget.report(options)))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse(&args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let options = match options(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{}: {error}", args.file);
            return ExitCode::from(1);
        }
    };
    let (bytes, options) = match described(&args.file, bytes, options) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("{}: {message}", args.file);
            return ExitCode::from(1);
        }
    };
    let report = if args.more.is_empty() {
        yesan::analyze_on_threads(&bytes, &options, args.jobs)
    } else {
        match series(&args, bytes, &options) {
            Ok(report) => report,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(1);
            }
        }
    };
    match report {
        Ok(report) if args.json => match serde_json::to_string_pretty(&report) {
            Ok(json) => print(&json),
            Err(error) => {
                eprintln!("{error}");
                ExitCode::from(1)
            }
        },
        Ok(report) => print(&summary(&report, args.english)),
        Err(error) => {
            eprintln!(
                "{}: {}",
                args.file,
                if args.english {
                    error.message_en()
                } else {
                    error.message_ko()
                }
            );
            ExitCode::from(1)
        }
    }
}
