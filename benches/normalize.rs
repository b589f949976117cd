//! Normalization throughput with default options on Arabic and English news, against the peer a Rust user would
//! reach for first: `unicode-normalization`'s NFC followed by `str::to_lowercase` (which does far less: no
//! Arabic rules, no white-space or invisible-character cleanup, no offset map).
//! Run: `cargo bench --bench normalize` (results in BENCHMARKS.md).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use maqal::normalize::{NormalizeOptions, Normalizer};
use unicode_normalization::UnicodeNormalization;

fn bench(c: &mut Criterion) {
    let normalizer = Normalizer::new(&NormalizeOptions::default());
    let mut g = c.benchmark_group("normalize");
    for (name, text) in corpus::corpora() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("maqal/{name}"), |b| {
            b.iter(|| normalizer.normalize(std::hint::black_box(&text)))
        });
        g.bench_function(format!("peer-nfc-lowercase/{name}"), |b| {
            b.iter(|| {
                std::hint::black_box(&text)
                    .nfc()
                    .collect::<String>()
                    .to_lowercase()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
