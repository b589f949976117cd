//! Differential test against CAMeL Tools (MIT), the reference for Arabic orthographic normalization. The expected
//! outputs were generated once by `scripts/gen-camel-fixtures.py` into tests/fixtures/camel/.
//!
//! Maqal's rules are supersets of CAMeL's on purpose, but the fixtures do not contain the extra characters, so the
//! outputs must be equal. The deliberate differences, each checked below on its own text:
//! - diacritics: Maqal also removes the rarer vowel marks U+0656–U+065F (subscript alef, inverted damma...),
//!   which CAMeL's `AR_DIAC_CHARSET` (U+064B–U+0652, U+0670) keeps; they are vowel signs like the others.
//! - alef: Maqal also folds ٲ and ٳ (wavy hamza above/below, U+0672/U+0673), alef variants used in some
//!   typefaces and in Kashmiri; CAMeL folds إ أ ٱ آ only.
//! - Maqal never folds ى into ا and neither does CAMeL (ى → ي).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used)] // helpers of tests

use maqal::normalize::{normalize_arabic, ArabicOptions};

const FIXTURES: [(&str, &str); 3] = [
    (
        "000_4a5a4cae09b4e272",
        include_str!("fixtures/000_4a5a4cae09b4e272.txt"),
    ),
    (
        "004_8936998626512ca3",
        include_str!("fixtures/004_8936998626512ca3.txt"),
    ),
    (
        "arabic_vocalized",
        include_str!("fixtures/arabic_vocalized.txt"),
    ),
];

fn options(rule: &str) -> ArabicOptions {
    let mut o = ArabicOptions::none();
    match rule {
        "dediac" => o.diacritics = true,
        "alef" => o.alef = true,
        "alef_maksura" => o.alef_maqsura = true,
        "teh_marbuta" => o.teh_marbuta = true,
        _ => {
            o.diacritics = true;
            o.alef = true;
            o.alef_maqsura = true;
            o.teh_marbuta = true;
        }
    }
    o
}

fn expected(name: &str, rule: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/camel/{name}.{rule}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).expect("CAMeL fixture (see tests/fixtures/camel/README.md)")
}

#[test]
fn equal_to_camel_tools_on_the_arabic_fixtures() {
    for (name, text) in FIXTURES {
        for rule in ["dediac", "alef", "alef_maksura", "teh_marbuta", "all"] {
            let n = normalize_arabic(text, &options(rule), Some("ar"));
            let want = expected(name, rule);
            if n.text != want {
                let at = n
                    .text
                    .chars()
                    .zip(want.chars())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                let got: String = n
                    .text
                    .chars()
                    .skip(at.saturating_sub(10))
                    .take(30)
                    .collect();
                let exp: String = want.chars().skip(at.saturating_sub(10)).take(30).collect();
                panic!("{name} {rule}: differs at char {at}: got {got:?}, CAMeL {exp:?}");
            }
            // The vocalized fixture must actually exercise the rule.
            if name == "arabic_vocalized" {
                assert_ne!(n.text, text, "{rule} changed nothing");
            }
        }
    }
}

#[test]
fn deliberate_differences() {
    let dediac = options("dediac");
    // U+0656 subscript alef and U+065F wavy hamza below are vowel signs: removed (CAMeL keeps them).
    assert_eq!(
        normalize_arabic("بِٖسم\u{065F}", &dediac, Some("ar")).text,
        "بسم"
    );
    // Wavy-hamza alefs fold like the others (CAMeL keeps them).
    assert_eq!(
        normalize_arabic("ٲمل ٳسلام", &options("alef"), Some("ar")).text,
        "امل اسلام"
    );
}
