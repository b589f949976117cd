//! The native command: batch keyphrase extraction.
//!
//! ```text
//! maqal keywords --jsonl [--top N] [--algorithm yake] [--lang CODE] [--no-clean] < docs.jsonl > keywords.jsonl
//! maqal keywords [--top N] [--lang CODE] < article.txt
//! ```
//!
//! With `--jsonl`, every input line is `{"id": ..., "lang": "xx"?, "text": "..."}` and every output line
//! `{"id": ..., "keywords": ["...", ...]}` (best first, display forms). A line that cannot be read is reported on
//! standard error with its number, and the command ends with status 1 after the other lines. Without `--jsonl`,
//! the whole input is one text and the keyphrases are printed one per line.

use std::collections::HashMap;
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

use maqal::{Analyzer, Options};

const USAGE: &str =
    "usage: maqal keywords [--jsonl] [--top N] [--algorithm yake] [--lang CODE] [--no-clean]";

struct Args {
    jsonl: bool,
    top: usize,
    lang: Option<String>,
    clean: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    match it.next().as_deref() {
        Some("keywords") => {}
        Some("--help" | "-h") | None => return Err(USAGE.to_string()),
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
    }
    let mut args = Args {
        jsonl: false,
        top: 10,
        lang: None,
        clean: true,
    };
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--jsonl" => args.jsonl = true,
            "--no-clean" => args.clean = false,
            "--top" => {
                let v = value("--top")?;
                args.top = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--top must be a positive number, got {v:?}"))?;
            }
            "--lang" => args.lang = Some(value("--lang")?),
            "--algorithm" => {
                let v = value("--algorithm")?;
                if v != "yake" {
                    return Err(format!("unknown algorithm {v:?} (available: yake)"));
                }
            }
            "--help" | "-h" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    Ok(args)
}

/// Analyzers by forced language (`None`: detected per text).
struct Analyzers {
    top: usize,
    clean: bool,
    cache: HashMap<Option<String>, Analyzer>,
}

impl Analyzers {
    fn keywords(&mut self, text: &str, lang: Option<&str>) -> Result<Vec<String>, String> {
        let key = lang.map(str::to_string);
        if !self.cache.contains_key(&key) {
            let mut options = Options::default();
            options.language = key.clone();
            options.keywords.top = self.top;
            options.clean.enabled = self.clean;
            let analyzer = Analyzer::new(options).map_err(|e| e.to_string())?;
            self.cache.insert(key.clone(), analyzer);
        }
        let analyzer = self.cache.get(&key).ok_or("analyzer missing")?;
        Ok(analyzer
            .analyze(text)
            .keywords
            .into_iter()
            .map(|k| k.text)
            .collect())
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut analyzers = Analyzers {
        top: args.top,
        clean: args.clean,
        cache: HashMap::new(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if !args.jsonl {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            eprintln!("maqal: cannot read standard input as UTF-8 text: {e}");
            return ExitCode::from(1);
        }
        return match analyzers.keywords(&text, args.lang.as_deref()) {
            Ok(keywords) => {
                for k in keywords {
                    let _ = writeln!(out, "{k}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("maqal: {e}");
                ExitCode::from(1)
            }
        };
    }
    let mut failed = false;
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("maqal: line {}: {e}", n + 1);
                failed = true;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("maqal: line {}: not JSON: {e}", n + 1);
                failed = true;
                continue;
            }
        };
        let Some(text) = record.get("text").and_then(|t| t.as_str()) else {
            eprintln!("maqal: line {}: no \"text\" string", n + 1);
            failed = true;
            continue;
        };
        let lang = args
            .lang
            .as_deref()
            .or_else(|| record.get("lang").and_then(|l| l.as_str()));
        match analyzers.keywords(text, lang) {
            Ok(keywords) => {
                let id = record.get("id").cloned().unwrap_or(serde_json::Value::Null);
                let result = serde_json::json!({ "id": id, "keywords": keywords });
                if writeln!(out, "{result}").is_err() {
                    return ExitCode::from(1);
                }
            }
            Err(e) => {
                eprintln!("maqal: line {}: {e}", n + 1);
                failed = true;
            }
        }
    }
    if out.flush().is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
