//! Stemming throughput (stems per second) on the words of the stemmer fixtures: 25,000 Arabic and 25,000 English
//! words (tests/fixtures/stems), Snowball stems and grouping keys. Run: `cargo bench --bench stem`. The peer is
//! Python snowballstemmer on the same words (benches/stem_peer.py, run by scripts/bench.sh).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use maqal::lang::{group_key, Stemmer};

fn words(lang: &str) -> Vec<String> {
    let path = format!(
        "{}/tests/fixtures/stems/{lang}.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next().map(String::from))
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("stem");
    g.sample_size(20);
    for lang in ["ar", "en"] {
        let words = words(lang);
        let stemmer = Stemmer::new(lang).unwrap();
        g.throughput(Throughput::Elements(words.len() as u64));
        g.bench_function(format!("snowball/{lang}"), |b| {
            b.iter(|| {
                words
                    .iter()
                    .map(|w| stemmer.stem(std::hint::black_box(w)).len())
                    .sum::<usize>()
            })
        });
        g.bench_function(format!("group_key/{lang}"), |b| {
            b.iter(|| {
                words
                    .iter()
                    .map(|w| group_key(std::hint::black_box(w), lang).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
