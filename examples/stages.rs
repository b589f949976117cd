//! Rough per-stage timings on a file (development aid; the benchmarks of record are in benches/).
//! `cargo run --release --example stages -- FILE`
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: stages FILE")?;
    let text = std::fs::read_to_string(path)?;
    let n = 200;
    let time = |name: &str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        println!(
            "{name:<12} {:>9.1} µs",
            t.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    };
    let o = maqal::normalize::NormalizeOptions::default();
    time("normalize", &mut || {
        drop(std::hint::black_box(maqal::normalize::normalize(&text, &o)))
    });
    let norm = maqal::normalize::normalize(&text, &o).text.into_owned();
    time("segment", &mut || {
        drop(std::hint::black_box(maqal::segment::segment(
            &norm,
            &maqal::segment::SegmentOptions::default(),
        )))
    });
    time("detect", &mut || {
        drop(std::hint::black_box(maqal::lang::detect(&text)))
    });
    let clean_options = maqal::clean::CleanOptions::default();
    time("clean", &mut || {
        drop(std::hint::black_box(maqal::clean::clean(
            &text,
            &clean_options,
        )))
    });
    let analyzer = maqal::Analyzer::new(maqal::Options::default())?;
    time("keywords", &mut || {
        drop(std::hint::black_box(analyzer.keywords(&text)))
    });
    time("analyze", &mut || {
        drop(std::hint::black_box(analyzer.analyze(&text)))
    });
    Ok(())
}
