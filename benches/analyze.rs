//! Native timings of the whole analysis and of its stages on the two seed articles.
//! Run: `cargo bench --bench analyze` (results are summarized in BENCHMARKS.md).
#![allow(clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use maqal::normalize::{normalize, NormalizeOptions};
use maqal::{Analyzer, Options};

const SEEDS: [(&str, &str); 2] = [
    (
        "000",
        include_str!("../tests/fixtures/000_4a5a4cae09b4e272.txt"),
    ),
    (
        "004",
        include_str!("../tests/fixtures/004_8936998626512ca3.txt"),
    ),
];

fn bench(c: &mut Criterion) {
    let analyzer = match Analyzer::new(Options::default()) {
        Ok(a) => a,
        Err(e) => panic!("default options are valid: {e}"),
    };
    let mut g = c.benchmark_group("analyze");
    for (name, text) in SEEDS {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| analyzer.analyze(std::hint::black_box(text)))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("normalize");
    let options = NormalizeOptions::default();
    for (name, text) in SEEDS {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| normalize(std::hint::black_box(text), &options))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
