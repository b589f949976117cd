//! Unicode conformance: the plain UAX #29 mode against Unicode's WordBreakTest.txt and SentenceBreakTest.txt
//! (version 15.0.0, from Debian's unicode-data package, vendored in tests/fixtures/unicode/ under the Unicode
//! licence). Maqal's plain mode is `unicode-segmentation`, which implements a later Unicode version (17.0); the
//! few cases whose expected breaks changed between the versions are listed below, each with the reason.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used)] // helpers of tests

use maqal::segment::{sentence_bounds, word_bounds};

/// (text, expected break offsets) of every test line.
fn cases(data: &str) -> Vec<(String, Vec<usize>)> {
    let mut out = Vec::new();
    for line in data.lines() {
        let body = line.split('#').next().unwrap_or("").trim();
        if body.is_empty() {
            continue;
        }
        let mut text = String::new();
        let mut breaks = Vec::new();
        for tok in body.split_whitespace() {
            match tok {
                "÷" => breaks.push(text.len()),
                "×" => {}
                hex => {
                    let c = u32::from_str_radix(hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .expect("code point");
                    text.push(c);
                }
            }
        }
        breaks.retain(|&b| b != 0);
        out.push((text, breaks));
    }
    out
}

fn run(name: &str, data: &str, bounds: impl Fn(&str) -> Vec<usize>, allowed: &[&str]) {
    let all = cases(data);
    assert!(all.len() > 400, "{name}: {} cases", all.len());
    let mut failures = Vec::new();
    for (text, expected) in &all {
        let got = bounds(text);
        if &got != expected {
            let cps: Vec<String> = text.chars().map(|c| format!("{:04X}", c as u32)).collect();
            failures.push(cps.join(" "));
        }
    }
    let unexpected: Vec<&String> = failures
        .iter()
        .filter(|f| !allowed.contains(&f.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{name}: {} of {} cases differ from Unicode 15.0 beyond the listed version changes:\n{}",
        unexpected.len(),
        all.len(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn word_break_test() {
    run(
        "WordBreakTest",
        include_str!("fixtures/unicode/WordBreakTest.txt"),
        |t| word_bounds(t).map(|r| r.end).collect(),
        // Rule WB3c (ZWJ × Extended_Pictographic): the 15.0 test data treats U+2701 UPPER BLADE SCISSORS as
        // Extended_Pictographic; the Unicode 17.0 tables of unicode-segmentation do not.
        &["2701 200D 2701", "0061 200D 2701"],
    );
}

#[test]
fn sentence_break_test() {
    run(
        "SentenceBreakTest",
        include_str!("fixtures/unicode/SentenceBreakTest.txt"),
        |t| sentence_bounds(t).map(|r| r.end).collect(),
        &[],
    );
}
