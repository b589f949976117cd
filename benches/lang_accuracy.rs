//! Language-detection accuracy on news paragraphs that are independent of the detector's training data (whatlang's
//! trigram profiles come from franc, built from UDHR translations, which is also what the test set of
//! tests/lang_detect.rs uses). Paragraphs of 200+ characters from the corpora in ../shared (not part of the
//! repository): Arabic news (SaudiNewsNet sample), English news (500N-KPCrowd), English abstracts (Inspec), Arabic
//! articles (AKEC). Prints accuracy per corpus. Run: `cargo bench --bench lang_accuracy`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;

fn paragraphs(path: &str) -> Option<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    let data = std::fs::read_to_string(path).ok()?;
    let mut out = Vec::new();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let text = v["text"].as_str()?;
        // Paragraphs: blocks between blank lines, lines joined (some corpora wrap lines).
        for block in text.replace("\r\n", "\n").split("\n\n") {
            let p = block.split_whitespace().collect::<Vec<_>>().join(" ");
            if p.chars().count() >= 200 {
                out.push(p);
            }
        }
    }
    Some(out)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    for (name, path, expected) in [
        (
            "Arabic news (ar_news_dev)",
            "../shared/arabic/ar_news_dev.jsonl",
            "ar",
        ),
        (
            "Arabic articles (AKEC)",
            "../shared/kp/AKEC-train.jsonl",
            "ar",
        ),
        (
            "English news (500N-KPCrowd)",
            "../shared/kp/500N-KPCrowd.jsonl",
            "en",
        ),
        (
            "English abstracts (Inspec)",
            "../shared/kp/Inspec.jsonl",
            "en",
        ),
    ] {
        let Some(ps) = paragraphs(path) else {
            println!("{name}: {path} not found, skipped");
            continue;
        };
        let mut got: BTreeMap<String, usize> = BTreeMap::new();
        for p in &ps {
            *got.entry(maqal::lang::detect(p).code).or_default() += 1;
        }
        let right = got.get(expected).copied().unwrap_or(0);
        println!(
            "{name}: {right}/{} paragraphs of 200+ characters detected as {expected} ({:.1} %); all answers: {got:?}",
            ps.len(),
            100.0 * right as f64 / ps.len().max(1) as f64
        );
    }
}
