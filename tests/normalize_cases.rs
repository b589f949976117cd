//! Table-driven normalization tests: tests/fixtures/normalize_cases.json, one case per line of the table, with
//! real examples for every rule in Arabic, Persian, Urdu, Hebrew, Turkish, German, French and more.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use maqal::normalize::{normalize, NormalizeOptions};
use serde_json::Value;

fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, o) => *b = o.clone(),
    }
}

#[test]
fn every_case_of_the_table() {
    let cases = common::cases("normalize_cases.json");
    let mut failures = Vec::new();
    let mut rules = BTreeSet::new();
    let mut langs = BTreeSet::new();
    for (i, case) in cases.iter().enumerate() {
        let rule = case["rule"].as_str().expect("rule");
        rules.insert(rule.split('.').next().unwrap_or(rule).to_string());
        rules.insert(rule.to_string());
        langs.insert(case["lang"].as_str().expect("lang").to_string());
        let base = match case["base"].as_str() {
            Some("default") => NormalizeOptions::default(),
            _ => NormalizeOptions::none(),
        };
        let mut options = serde_json::to_value(&base).expect("serialize");
        merge(&mut options, &case["options"]);
        let options: NormalizeOptions = serde_json::from_value(options)
            .unwrap_or_else(|e| panic!("case {i} ({rule}): bad options: {e}"));
        let input = case["input"].as_str().expect("input");
        let expected = case["expected"].as_str().expect("expected");
        let n = normalize(input, &options);
        if n.text != expected {
            failures.push(format!(
                "case {i} ({rule}, {}): {input:?} → {:?}, expected {expected:?}",
                case["lang"], n.text
            ));
            continue;
        }
        // Every character of the output maps back into the input, in order.
        let mut last = 0;
        for (at, c) in n.text.char_indices() {
            let r = n.to_original(at..at + c.len_utf8());
            assert!(
                r.start >= last.min(r.start) && r.end <= input.len(),
                "case {i}: map"
            );
            last = r.start;
        }
        // Normalizing again changes nothing.
        assert_eq!(
            normalize(&n.text, &options).text,
            n.text,
            "case {i} ({rule}) is not idempotent"
        );
    }
    common::assert_no_failures(&failures, cases.len());
    for rule in [
        "form",
        "caseFold",
        "arabic.diacritics",
        "arabic.quranicMarks",
        "arabic.tatweel",
        "arabic.alef",
        "arabic.alefMaqsura",
        "arabic.tehMarbuta",
        "arabic.hamza",
        "arabic.letterVariants",
        "arabic.presentationForms",
        "digits",
        "hebrewPoints",
        "latinAccents",
        "invisible",
        "joiners",
        "whitespace",
        "punctuation",
    ] {
        assert!(rules.contains(rule), "no case for rule {rule}");
    }
    for lang in ["ar", "fa", "ur", "he", "tr", "de", "fr"] {
        assert!(langs.contains(lang), "no case in {lang}");
    }
}
