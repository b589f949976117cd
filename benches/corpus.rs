//! Benchmark corpora, read at run time from ../shared (not part of the repository): Arabic news as crawled
//! (`MAQAL_ARABIC_CORPUS`, default ../shared/arabic/ar_news_dev.jsonl) and English news
//! (`MAQAL_ENGLISH_CORPUS`, default ../shared/kp/500N-KPCrowd.jsonl). Each is the documents' texts joined by
//! blank lines, cut at about 300 KB. When a file is missing, the seed articles stand in.

use std::path::PathBuf;

const LIMIT: usize = 300_000;

fn load(var: &str, default: &str) -> Option<String> {
    let path = std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(default));
    let data = std::fs::read_to_string(&path).ok()?;
    let mut out = String::new();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        if let Some(t) = v["text"].as_str() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(t);
        }
        if out.len() >= LIMIT {
            break;
        }
    }
    Some(out)
}

/// (name, text) pairs: the Arabic and English corpora.
pub fn corpora() -> Vec<(&'static str, String)> {
    let seeds = concat!(
        include_str!("../tests/fixtures/000_4a5a4cae09b4e272.txt"),
        "\n\n",
        include_str!("../tests/fixtures/004_8936998626512ca3.txt")
    );
    let arabic =
        load("MAQAL_ARABIC_CORPUS", "../shared/arabic/ar_news_dev.jsonl").unwrap_or_else(|| {
            eprintln!("Arabic corpus not found: using the seed articles");
            seeds.to_string()
        });
    let english =
        load("MAQAL_ENGLISH_CORPUS", "../shared/kp/500N-KPCrowd.jsonl").unwrap_or_else(|| {
            eprintln!("English corpus not found: using an English paragraph");
            "The government announced a new plan to improve public transport in the capital. "
                .repeat(400)
        });
    vec![("arabic", arabic), ("english", english)]
}
