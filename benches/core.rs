//! The core's hot paths: reading an amount, reading a CSV into a budget,
//! rolling it up. `cargo bench` (or `make bench`) runs them.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use yesan::{Budget, Options};

/// A deterministic CSV shaped like bench/generate.mjs's, built in memory.
fn csv(lines: usize) -> Vec<u8> {
    let mut state: u64 = 20161106;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let bureaus = [
        "기획조정실",
        "재무국",
        "복지정책실",
        "도시교통실",
        "문화본부",
        "시민소통기획관",
    ];
    let mut out = String::from("회계연도,자치단체명,실국명,부서명,정책사업명,단위사업명,세부사업명,편성목명,예산액,예산현액,집행액\n");
    for _ in 0..lines {
        let bureau = bureaus[next(6) as usize];
        let department = next(8);
        let adopted = next(5_000_000);
        let current = adopted + next(100_000);
        let executed = next(current + 1);
        let grouped = executed
            .to_string()
            .as_bytes()
            .rchunks(3)
            .rev()
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(",");
        out.push_str(&format!(
            "{},서울특별시,{bureau},{bureau}{department}과,정책사업 {},단위사업 {},세부사업 {},사무관리비,{adopted},{current},\"{grouped}\"\n",
            2020 + next(5),
            next(6),
            next(30),
            next(10_000),
        ));
    }
    out.into_bytes()
}

fn amounts(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_number");
    for text in [
        "47810398",
        "1,872,428,000",
        "(x-) Δ127,035",
        "△ 59,600",
        "53.07",
    ] {
        group.bench_function(text, |b| {
            b.iter(|| yesan::amount::parse_number(black_box(text)))
        });
    }
    group.finish();
}

fn reading(c: &mut Criterion) {
    let bytes = csv(20_000);
    let mut group = c.benchmark_group("read");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(20);
    group.bench_function("20k lines", |b| {
        b.iter(|| Budget::read(black_box(&bytes), &Options::default()))
    });
    group.finish();
}

fn rollup(c: &mut Criterion) {
    let Ok(budget) = Budget::read(&csv(20_000), &Options::default()) else {
        return;
    };
    let by: Options = serde_json::from_str(r#"{"by":["실국명","부서명"]}"#).unwrap_or_default();
    let mut group = c.benchmark_group("report");
    group.sample_size(20);
    group.bench_function("20k lines by 실국명 × 부서명", |b| {
        b.iter_batched(
            || by.clone(),
            |options| budget.report(black_box(&options)),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, amounts, reading, rollup);
criterion_main!(benches);
