//! Data-driven segmentation tests: tests/fixtures/segment_cases.json (expected sentences and typed tokens in
//! English, French, Spanish, German, Portuguese, Italian, Arabic, Persian, Urdu, Hebrew, Chinese and Japanese).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used)] // helpers of tests

mod common;

use maqal::segment::{segment, tokens, SegmentOptions, TokenKind};
use serde_json::Value;

fn kind_name(k: TokenKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn every_case_of_the_table() {
    let cases = common::cases("segment_cases.json");
    assert!(cases.len() >= 150, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let input = case["input"].as_str().expect("input");
        let mut options = SegmentOptions::default();
        options.language = case["lang"].as_str().map(str::to_string);
        if let Some(expected) = case["sentences"].as_array() {
            let s = segment(input, &options);
            let got: Vec<&str> = s
                .sentences
                .iter()
                .map(|x| &input[x.range.clone()])
                .collect();
            let want: Vec<&str> = expected.iter().filter_map(Value::as_str).collect();
            if got != want {
                failures.push(format!(
                    "case {i} ({}) sentences of {input:?}:\n   got  {got:?}\n   want {want:?}",
                    case["lang"]
                ));
            }
        }
        // The tokens of the segmentation (sentence by sentence) are those of the text as a whole.
        let whole: Vec<_> = tokens(input, &options)
            .map(|t| (t.start..t.end, t.kind))
            .collect();
        let by_sentence: Vec<_> = segment(input, &options)
            .tokens
            .iter()
            .map(|t| (t.range.clone(), t.kind))
            .collect();
        if whole != by_sentence {
            failures.push(format!(
                "case {i}: segment() tokens differ from tokens() for {input:?}"
            ));
        }
        if let Some(expected) = case["tokens"].as_array() {
            let got: Vec<String> = tokens(input, &options)
                .map(|t| format!("{}|{}", &input[t.start..t.end], kind_name(t.kind)))
                .collect();
            let want: Vec<String> = expected
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            if got != want {
                failures.push(format!(
                    "case {i} ({}) tokens of {input:?}:\n   got  {got:?}\n   want {want:?}",
                    case["lang"]
                ));
            }
        }
    }
    common::assert_no_failures(&failures, cases.len());
}

#[test]
fn seed_sentence_counts_checked_by_hand() {
    // Counted by hand: 000 has 2 UI lines, 4 related headlines with their teasers (8), the headline, and 17
    // sentences in 11 body paragraphs (the last one is the template line); 004 has 2 + 2 (a headline cut by
    // "..") + 17 + 3 (the share bar and "المقال التالي").
    for (text, expected) in [
        (include_str!("fixtures/000_4a5a4cae09b4e272.txt"), 28),
        (include_str!("fixtures/004_8936998626512ca3.txt"), 24),
    ] {
        let mut options = SegmentOptions::default();
        options.language = Some("ar".into());
        assert_eq!(segment(text, &options).sentences.len(), expected);
    }
}
