//! The WebAssembly build in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! `cargo test --target wasm32-unknown-unknown --test wasm` (scripts/test.sh sets up the runner).
#![cfg(target_arch = "wasm32")]
// wasm_bindgen_test functions are tests, but clippy does not know them as such.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use js_sys::{Array, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEEDS: [&str; 2] = [
    include_str!("fixtures/000_4a5a4cae09b4e272.txt"),
    include_str!("fixtures/004_8936998626512ca3.txt"),
];

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn obj(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn core_pipeline_runs_in_the_browser() {
    for text in SEEDS {
        let a = maqal::analyze(text, &maqal::Options::default()).expect("valid options");
        assert_eq!(a.language, "ar");
        assert_eq!(a.keywords.len(), 10);
        assert!(a.keywords.iter().any(|k| k.text == "المغرب"));
    }
}

#[wasm_bindgen_test]
fn js_result_has_the_documented_shape() {
    for text in SEEDS {
        let js_text = JsValue::from_str(text);
        let a = maqal::wasm::analyze_js(js_text.clone(), JsValue::UNDEFINED).expect("analysis");
        assert_eq!(get(&a, "language").as_string().as_deref(), Some("ar"));
        assert_eq!(get(&a, "direction").as_string().as_deref(), Some("rtl"));
        let stats = get(&a, "stats");
        for key in [
            "words",
            "sentences",
            "paragraphs",
            "characters",
            "readingSeconds",
        ] {
            assert!(get(&stats, key).as_f64().unwrap_or(0.0) > 0.0, "{key}");
        }
        let keywords: Array = get(&a, "keywords").dyn_into().expect("array");
        assert_eq!(keywords.length(), 10);
        let js_string: js_sys::JsString = js_text.dyn_into().expect("string");
        for k in keywords.iter() {
            let spans: Array = get(&k, "spans").dyn_into().expect("array");
            assert!(spans.length() > 0);
            let first = spans.get(0);
            let start = get(&first, "start").as_f64().unwrap_or(-1.0) as u32;
            let end = get(&first, "end").as_f64().unwrap_or(-1.0) as u32;
            // UTF-16 offsets: slicing the JS string gives the keyword's occurrence.
            let slice = String::from(js_string.slice(start, end));
            assert!(!slice.trim().is_empty());
            assert!(get(&k, "score").as_f64().unwrap_or(0.0) > 0.0);
        }
        let tokens = get(&a, "tokens");
        let starts: Uint32Array = get(&tokens, "start").dyn_into().expect("Uint32Array");
        assert!(starts.length() > 400);
    }
}

#[wasm_bindgen_test]
fn bad_arguments_throw_js_errors() {
    let text = JsValue::from_str("some text");
    let e = maqal::wasm::analyze_js(JsValue::from_f64(3.0), JsValue::UNDEFINED)
        .expect_err("number is not text");
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let e = maqal::wasm::analyze_js(text.clone(), obj(r#"{"keywordz": {}}"#))
        .expect_err("unknown option");
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let message = get(&e, "message").as_string().unwrap_or_default();
    assert!(message.contains("unknown field `keywordz`"), "{message}");
    let e = maqal::wasm::analyze_js(text.clone(), obj(r#"{"keywords": {"maxWords": 7}}"#))
        .expect_err("range");
    assert!(e.is_instance_of::<js_sys::RangeError>());
    let e = maqal::wasm::JsAnalyzer::new(obj(r#"{"language": "zz"}"#))
        .err()
        .expect("unknown language");
    assert!(e.is_instance_of::<js_sys::RangeError>());
    // The module is still usable afterwards.
    assert!(maqal::wasm::analyze_js(text, JsValue::UNDEFINED).is_ok());
}
