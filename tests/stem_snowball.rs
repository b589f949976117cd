//! The Snowball stemmers against the reference implementation: tests/fixtures/stems/<lang>.tsv hold words and the
//! stems PyPI `snowballstemmer` 3.0.1 gives them (generated once by scripts/gen-stem-fixtures.py, which says where
//! the words come from): 25,000 words for Arabic and English, the UDHR vocabulary for the 28 other languages.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used)]

use maqal::lang::{stem_languages, Stemmer};

fn fixture(lang: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/stems/{lang}.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).expect("a stem fixture (tests/fixtures/stems/<lang>.tsv)")
}

#[test]
fn every_stemmer_agrees_with_snowball_on_its_fixture() {
    let mut total = 0;
    for lang in stem_languages() {
        let stemmer = Stemmer::new(lang).expect("listed");
        let data = fixture(lang);
        let mut words = 0;
        let mut wrong = Vec::new();
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let (word, expected) = line.split_once('\t').expect("word<TAB>stem");
            words += 1;
            let got = stemmer.stem(word);
            if got != expected {
                wrong.push(format!("{word}: {got} (expected {expected})"));
            }
        }
        let min = if matches!(lang, "ar" | "en") {
            20_000
        } else {
            500
        };
        assert!(words >= min, "{lang}: only {words} words");
        assert!(
            wrong.is_empty(),
            "{lang}: {} of {words} differ: {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(20)]
        );
        total += words;
    }
    assert!(total > 60_000);
}

#[test]
fn stemming_arbitrary_text_does_not_panic() {
    let odd = [
        "",
        "a",
        "'",
        "’s",
        "ـــ",
        "ال",
        "و",
        "١٢٣",
        "x\u{0301}\u{0301}",
        "\u{FFFD}",
        "😀",
        "ﷲ",
        "ﻻ",
    ];
    for lang in stem_languages() {
        let stemmer = Stemmer::new(lang).expect("listed");
        for w in odd {
            let _ = stemmer.stem(w);
        }
    }
}

proptest::proptest! {
    #[test]
    fn stemmers_and_group_keys_take_any_string(word in "\\PC{0,12}", i in 0usize..30) {
        let lang = stem_languages().nth(i % stem_languages().count()).expect("some language");
        let _ = Stemmer::new(lang).expect("listed").stem(&word);
        let _ = maqal::lang::group_key(&word, lang);
    }
}
