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
