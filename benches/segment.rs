//! Segmentation throughput on Arabic news at 10 KB, 100 KB and 1 MB: tokens with UTF-16 offsets (what JavaScript
//! receives) and full segmentation (paragraphs, sentences, tokens). Run: `cargo bench --bench segment`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use maqal::segment::{segment, tokens_utf16, SegmentOptions};

/// The first `n` bytes of `text` repeated as needed, cut at a character boundary.
pub fn sized(text: &str, n: usize) -> String {
    let mut out = String::with_capacity(n + 4);
    while out.len() < n {
        out.push_str(text);
        out.push_str("\n\n");
    }
    let mut cut = n;
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

fn bench(c: &mut Criterion) {
    let corpora = corpus::corpora();
    let arabic = &corpora[0].1;
    let options = SegmentOptions::default();
    let mut g = c.benchmark_group("segment");
    g.sample_size(20);
    for (label, n) in [("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000)] {
        let text = sized(arabic, n);
        let count = tokens_utf16(&text, &options).start.len();
        eprintln!("{label}: {count} tokens");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("tokens_utf16/{label}"), |b| {
            b.iter(|| tokens_utf16(std::hint::black_box(&text), &options))
        });
        g.bench_function(format!("segment/{label}"), |b| {
            b.iter(|| segment(std::hint::black_box(&text), &options))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
