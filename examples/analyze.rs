//! Print the language, stats and keyphrases of a text file (or standard input).
//! `cargo run --release --example analyze -- tests/fixtures/000_4a5a4cae09b4e272.txt`

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let analysis = maqal::analyze(&text, &maqal::Options::default())?;
    println!(
        "language {} ({:?}, {:.2}), {:?}",
        analysis.language,
        analysis.language_info.script,
        analysis.language_info.confidence,
        analysis.direction
    );
    println!("{:?}", analysis.stats);
    for k in &analysis.keywords {
        println!("{:.3}  {}  ×{}  [{}]", k.score, k.text, k.count, k.key);
    }
    Ok(())
}
