//! The native command: batch keyphrase extraction.
//!
//! ```text
//! maqal keywords --jsonl [--top N] [--algorithm NAME] [--lang CODE] [--corpus] [--no-clean] < docs.jsonl
//! maqal keywords [--top N] [--algorithm NAME] [--lang CODE] < article.txt
//! ```
//!
//! With `--jsonl`, every input line is `{"id": ..., "lang": "xx"?, "text": "..."}` and every output line
//! `{"id": ..., "keywords": ["...", ...]}` (best first, display forms), in input order. A line that cannot be read
//! is reported on standard error with its number, and the command ends with status 1 after the other lines.
//! With `--corpus`, all lines are read first and the documents of each language are analyzed as one corpus (TF-IDF
//! counts document frequencies in the collection). Without `--jsonl`, the whole input is one text and the
//! keyphrases are printed one per line. Algorithms: combined (default), yake, tfidf, positionrank.

use std::collections::HashMap;
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use maqal::keywords::Algorithm;

// Batches allocate many small short-lived strings and vectors; mimalloc serves them faster than the system
// allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use maqal::{Analyzer, Options};

const USAGE: &str =
    "usage: maqal keywords [--jsonl] [--top N] [--algorithm combined|yake|tfidf|positionrank] \
                     [--lang CODE] [--corpus] [--no-clean]";

struct Args {
    jsonl: bool,
    corpus: bool,
    top: usize,
    algorithm: Algorithm,
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
        corpus: false,
        top: 10,
        algorithm: Algorithm::default(),
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
            "--corpus" => args.corpus = true,
            "--no-clean" => args.clean = false,
            "--top" => {
                let v = value("--top")?;
                args.top = v
                    .parse()
                    .ok()
                    .filter(|&n| (1..=1000).contains(&n))
                    .ok_or_else(|| format!("--top must be a number from 1 to 1000, got {v:?}"))?;
            }
            "--lang" => args.lang = Some(value("--lang")?),
            "--algorithm" => {
                let v = value("--algorithm")?;
                args.algorithm = Algorithm::from_name(&v).ok_or_else(|| {
                    format!(
                        "unknown algorithm {v:?} (available: combined, yake, tfidf, positionrank)"
                    )
                })?;
            }
            "--help" | "-h" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    if args.corpus && !args.jsonl {
        return Err(format!("--corpus needs --jsonl\n{USAGE}"));
    }
    Ok(args)
}

/// An analyzer, built once by the first thread that needs it while the others that need it wait, or why there is
/// none (an unknown language code).
type AnalyzerCell = Arc<OnceLock<Result<Analyzer, String>>>;

/// Analyzers by forced language (`None`: detected per text).
struct Analyzers<'a> {
    args: &'a Args,
    cache: Mutex<HashMap<Option<String>, AnalyzerCell>>,
}

impl Analyzers<'_> {
    fn new(args: &Args) -> Analyzers<'_> {
        Analyzers {
            args,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The analyzer for `lang`, built now if it was not yet.
    fn get(&self, lang: Option<&str>) -> AnalyzerCell {
        let cell = {
            let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            match cache.get(&lang.map(str::to_string)) {
                Some(cell) => Arc::clone(cell),
                None => {
                    let cell = Arc::new(OnceLock::new());
                    cache.insert(lang.map(str::to_string), Arc::clone(&cell));
                    cell
                }
            }
        };
        cell.get_or_init(|| {
            let mut options = Options::default();
            options.language = lang.map(str::to_string);
            options.keywords.top = self.args.top;
            options.keywords.algorithm = self.args.algorithm;
            options.clean.enabled = self.args.clean;
            Analyzer::new(options).map_err(|e| e.to_string())
        });
        cell
    }

    fn keywords(&self, text: &str, lang: Option<&str>) -> Result<Vec<String>, String> {
        match self.get(lang).get() {
            Some(Ok(analyzer)) => Ok(texts(analyzer.keywords(text))),
            Some(Err(e)) => Err(e.clone()),
            None => Err("analyzer missing".into()),
        }
    }
}

/// The display forms of keyphrases, best first.
fn texts(keywords: Vec<maqal::Keyword>) -> Vec<String> {
    keywords.into_iter().map(|k| k.text).collect()
}

/// One input line of `--jsonl`: its id, language and text.
struct Record {
    id: serde_json::Value,
    lang: Option<String>,
    text: String,
}

/// The record of an input line, `None` for a line of white space.
fn parse_line(line: &[u8], forced: Option<&str>) -> Result<Option<Record>, String> {
    // The JSON parser checks the UTF-8 of the strings it reads (nothing else in a JSON line may be other than
    // ASCII); the whole line is checked only when it is not JSON, to say why.
    let mut record: serde_json::Value = match serde_json::from_slice(line) {
        Ok(record) => record,
        Err(e) => {
            let line = std::str::from_utf8(line).map_err(|e| format!("not UTF-8 text: {e}"))?;
            if line.trim().is_empty() {
                return Ok(None);
            }
            return Err(format!("not JSON: {e}"));
        }
    };
    let Some(serde_json::Value::String(text)) = record.get_mut("text").map(serde_json::Value::take)
    else {
        return Err("no \"text\" string".into());
    };
    let lang = forced.map(str::to_string).or_else(|| {
        record
            .get("lang")
            .and_then(|l| l.as_str())
            .map(str::to_string)
    });
    let id = record
        .get_mut("id")
        .map_or(serde_json::Value::Null, serde_json::Value::take);
    Ok(Some(Record { id, lang, text }))
}

/// The records of `lines` (line number, bytes), checked as UTF-8 and parsed on all available cores; a line that is
/// not a record is reported and sets `failed`.
fn parse_lines(
    lines: Vec<(usize, Vec<u8>)>,
    forced: Option<&str>,
    failed: &mut bool,
) -> Vec<(usize, Record)> {
    let parsed = on_every_core(&lines, |(_, line)| parse_line(line, forced));
    lines
        .iter()
        .zip(parsed)
        .filter_map(
            |(&(n, _), r)| match r.unwrap_or_else(|| Err("cannot be read".into())) {
                Ok(record) => record.map(|r| (n, r)),
                Err(e) => {
                    eprintln!("maqal: line {}: {e}", n + 1);
                    *failed = true;
                    None
                }
            },
        )
        .collect()
}

/// The number of threads to work with: the cores available (read once; the standard library reads the cgroup
/// files each time it is asked).
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES
        .get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
}

/// `f` of each of `items`, in order, computed on every available core: each thread takes the next item not yet
/// taken, so that one long document does not hold up the items behind it. `None` for the items a failed thread
/// had taken. (The calling thread only waits: as one of the workers, it made batches 1-4 % slower.)
fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let threads = cores().min(items.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        for (i, r) in handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
        {
            results[i] = Some(r);
        }
    });
    results
}

/// Documents read before they are analyzed together, on every core.
const BATCH: usize = 4096;

/// Bytes of input read before the documents read so far are analyzed, whatever their number.
const BATCH_BYTES: usize = 16 << 20;

/// An output line: `{"id": ..., "keywords": [...]}`, written straight from the values (no JSON tree is built).
fn output_line(id: &serde_json::Value, keywords: &[String]) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Output<'a> {
        id: &'a serde_json::Value,
        keywords: &'a [String],
    }
    serde_json::to_string(&Output { id, keywords })
        .map_err(|e| format!("cannot write the result: {e}"))
}

/// The output line of an input line (`None` for a line of white space), or why there is none: the line is
/// parsed, its analyzer found or built, its keyphrases extracted and written as JSON, all on the calling thread.
fn keywords_line(
    analyzers: &Analyzers<'_>,
    line: &[u8],
    forced: Option<&str>,
) -> Result<Option<String>, String> {
    let Some(record) = parse_line(line, forced)? else {
        return Ok(None);
    };
    let keywords = analyzers.keywords(&record.text, record.lang.as_deref())?;
    output_line(&record.id, &keywords).map(Some)
}

/// Keyphrases of a batch of input lines (line number, bytes), written in input order: each line is parsed and
/// analyzed on one of the available cores (reading, analyzing and writing it on the same thread keeps all the cores
/// busy from the first line to the last). A line that is not a record or cannot be analyzed is reported and sets
/// `failed`. False when standard output fails.
fn analyze_lines(
    analyzers: &Analyzers<'_>,
    lines: &[(usize, Vec<u8>)],
    out: &mut dyn Write,
    failed: &mut bool,
) -> bool {
    // Longest first, so that no long document is left to one core at the end.
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(lines[i].1.len()));
    let forced = analyzers.args.lang.as_deref();
    let done = on_every_core(&order, |&i| keywords_line(analyzers, &lines[i].1, forced));
    let mut results: Vec<Result<Option<String>, String>> =
        vec![Err("analysis failed".into()); lines.len()];
    for (&i, r) in order.iter().zip(done) {
        if let Some(r) = r {
            results[i] = r;
        }
    }
    for (&(n, _), result) in lines.iter().zip(results) {
        match result {
            Ok(Some(json)) => {
                if writeln!(out, "{json}").is_err() {
                    return false;
                }
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("maqal: line {}: {e}", n + 1);
                *failed = true;
            }
        }
    }
    true
}

/// Keyphrases of all the input lines analyzed as corpora, one per language, written in input order. False when
/// standard output fails.
fn analyze_corpus(
    analyzers: &Analyzers<'_>,
    lines: Vec<(usize, Vec<u8>)>,
    out: &mut dyn Write,
    failed: &mut bool,
) -> bool {
    let records = parse_lines(lines, analyzers.args.lang.as_deref(), failed);
    let mut groups: HashMap<&Option<String>, Vec<usize>> = HashMap::new();
    for (i, (_, r)) in records.iter().enumerate() {
        groups.entry(&r.lang).or_default().push(i);
    }
    let mut results: Vec<Result<Vec<String>, String>> =
        vec![Err("analysis failed".into()); records.len()];
    for (lang, members) in groups {
        let cell = analyzers.get(lang.as_deref());
        let analyzer = match cell.get() {
            Some(Ok(analyzer)) => analyzer,
            Some(Err(e)) => {
                for &i in &members {
                    results[i] = Err(e.clone());
                }
                continue;
            }
            None => continue,
        };
        let docs: Vec<&str> = members
            .iter()
            .map(|&i| records[i].1.text.as_str())
            .collect();
        for (&i, analysis) in members.iter().zip(analyzer.analyze_corpus(&docs)) {
            results[i] = Ok(texts(analysis.keywords));
        }
    }
    for ((n, record), keywords) in records.into_iter().zip(results) {
        match keywords {
            Ok(keywords) => match output_line(&record.id, &keywords) {
                Ok(line) => {
                    if writeln!(out, "{line}").is_err() {
                        return false;
                    }
                }
                Err(e) => {
                    eprintln!("maqal: line {}: {e}", n + 1);
                    *failed = true;
                }
            },
            Err(e) => {
                eprintln!("maqal: line {}: {e}", n + 1);
                *failed = true;
            }
        }
    }
    true
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    // The tables every language shares (the normalizer's, the cleaner's phrase lists) are built by an analyzer
    // without a language, on another thread while the input is read; the threads that need them wait for them.
    std::thread::spawn(|| Analyzer::new(Options::default()).is_ok());
    let analyzers = Analyzers::new(&args);
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
    // Lines are read here as bytes, and checked as UTF-8, parsed and analyzed on every core with the batch they
    // belong to.
    let mut lines: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut bytes = 0;
    let mut input = std::io::stdin().lock();
    for n in 0.. {
        let mut line = Vec::new();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("maqal: line {}: {e}", n + 1);
                failed = true;
                break;
            }
        }
        // Blank lines are skipped (and lines of other white space once they are read as text).
        if line.trim_ascii().is_empty() {
            continue;
        }
        bytes += line.len();
        lines.push((n, line));
        if !args.corpus && (lines.len() >= BATCH || bytes >= BATCH_BYTES) {
            bytes = 0;
            if !analyze_lines(&analyzers, &lines, &mut out, &mut failed) {
                return ExitCode::from(1);
            }
            lines.clear();
        }
    }
    // What is left; with --corpus, everything.
    let written = if args.corpus {
        analyze_corpus(&analyzers, lines, &mut out, &mut failed)
    } else {
        analyze_lines(&analyzers, &lines, &mut out, &mut failed)
    };
    if !written {
        return ExitCode::from(1);
    }
    if out.flush().is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
