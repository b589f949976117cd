//! Helpers shared by the data-driven tests.
#![allow(dead_code, clippy::expect_used, clippy::panic)]

use serde_json::Value;

/// The `cases` array of a JSON fixture in tests/fixtures/.
pub fn cases(file: &str) -> Vec<Value> {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    let mut table: Value = serde_json::from_str(&text).expect("JSON");
    match table["cases"].take() {
        Value::Array(cases) => cases,
        _ => panic!("{path}: no cases array"),
    }
}

/// Fails with every collected failure message at once.
pub fn assert_no_failures(failures: &[String], total: usize) {
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        total,
        failures.join("\n")
    );
}
