//! The two real pastes in tests/fixtures/ through the whole native pipeline.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used)] // helpers of tests

use std::collections::HashSet;

use maqal::normalize::{normalize, NormalizeOptions};
use maqal::{Analysis, Analyzer, Direction, Options};

const SEEDS: [(&str, &str); 2] = [
    (
        "000_4a5a4cae09b4e272.txt",
        include_str!("fixtures/000_4a5a4cae09b4e272.txt"),
    ),
    (
        "004_8936998626512ca3.txt",
        include_str!("fixtures/004_8936998626512ca3.txt"),
    ),
];

fn analyzer() -> Analyzer {
    Analyzer::new(Options::default()).expect("default options are valid")
}

fn check_spans(name: &str, text: &str, a: &Analysis) {
    let utf16 = |byte: usize| text[..byte].encode_utf16().count();
    let spans = a
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(a.paragraphs.iter().map(|p| p.span))
        .chain(a.keywords.iter().flat_map(|k| k.spans.iter().copied()))
        .chain(a.tokens.iter().map(|t| t.span));
    for s in spans {
        assert!(
            text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end),
            "{name}: {s:?}"
        );
        assert_eq!(s.utf16_start, utf16(s.byte_start), "{name}: {s:?}");
        assert_eq!(s.utf16_end, utf16(s.byte_end), "{name}: {s:?}");
        assert_eq!(s.text, maqal::TextRef::Original);
    }
}

#[test]
fn seeds_are_arabic_rtl_with_expected_structure() {
    // Paragraphs and sentences of the article once cleaned. The whole pastes have 22/28 and 16/24 (counted by hand,
    // see tests/segment_cases.rs); cleaning removes 11 paragraphs / 11 sentences of 000 (ذات صلة, أحدث المقالات,
    // four headline + teaser pairs, spot_img) and 2 paragraphs / 5 sentences of 004 (Share, Link copied twice,
    // المقال التالي).
    let expected = [(11, 17), (14, 19)];
    let analyzer = analyzer();
    for ((name, text), (paragraphs, sentences)) in SEEDS.iter().zip(expected) {
        let a = analyzer.analyze(text);
        assert_eq!(a.language, "ar", "{name}");
        assert_eq!(a.direction, Direction::Rtl, "{name}");
        assert_eq!(a.stats.paragraphs, paragraphs, "{name}");
        assert_eq!(a.stats.sentences, sentences, "{name}");
        assert_eq!(a.stats.utf16_length, text.encode_utf16().count());
        assert!(a.stats.words > 400, "{name}: {}", a.stats.words);
        check_spans(name, text, &a);
    }
}

#[test]
fn seed_keywords_are_clean_and_cover_the_topic() {
    let analyzer = analyzer();
    let stopwords = analyzer.stopwords_for("ar");
    let opts = NormalizeOptions::default();
    for (name, text) in SEEDS {
        let a = analyzer.analyze(text);
        let top: Vec<&str> = a.keywords.iter().map(|k| k.text.as_str()).collect();
        assert_eq!(top.len(), 10, "{name}: {top:?}");
        let mut seen = HashSet::new();
        for k in &a.keywords {
            // No punctuation-only keyword; no stopword at either end.
            assert!(
                k.text.chars().any(char::is_alphabetic),
                "{name}: {:?}",
                k.text
            );
            let n = normalize(&k.text, &opts);
            let words: Vec<&str> = n.text.split(' ').collect();
            for edge in [words[0], words[words.len() - 1]] {
                assert!(
                    !stopwords.contains(edge),
                    "{name}: {:?} starts or ends with stopword {edge:?}",
                    k.text
                );
            }
            assert!(
                !k.text.chars().any(|c| c.is_ascii_punctuation()),
                "{name}: {:?}",
                k.text
            );
            // No two keywords that differ only by diacritics, tatweel or letter variants.
            assert!(
                seen.insert(n.text.to_string()),
                "{name}: duplicate variant {:?}",
                k.text
            );
            // Every occurrence slices to a variant of the keyword.
            for s in &k.spans {
                assert!(!text[s.bytes()].trim().is_empty());
            }
        }
        assert!(top.contains(&"المغرب"), "{name}: {top:?}");
        // Nothing from the page around the article.
        for junk in [
            "Link",
            "copied",
            "Share",
            "ذات صلة",
            "أحدث",
            "المقال التالي",
            "spot",
            "يقود الريف",
        ] {
            assert!(
                !top.iter().any(|k| k.contains(junk)),
                "{name}: {junk} in {top:?}"
            );
        }
        let has = |s: &str| top.iter().any(|k| k.contains(s));
        if name.starts_with("000") {
            assert!(
                has("التعاون العسكري") || has("خطة عمل عسكرية"),
                "{name}: {top:?}"
            );
        } else {
            assert!(has("إيران"), "{name}: {top:?}");
            assert!(has("البوليساريو"), "{name}: {top:?}");
            assert!(has("حرب غزة"), "{name}: {top:?}");
        }
        assert!(
            top.iter()
                .any(|k| k.contains("إسرائيل") || k.contains("الإسرائيلي")),
            "{name}: no form of إسرائيل in {top:?}"
        );
    }
}

#[test]
fn key_sentences_cover_the_keyphrases_in_article_order() {
    let analyzer = analyzer();
    for (name, text) in SEEDS {
        let a = analyzer.analyze(text);
        assert_eq!(a.key_sentences.len(), 3, "{name}");
        assert!(
            a.key_sentences.windows(2).all(|w| w[0] < w[1]),
            "{name}: article order"
        );
        for &i in &a.key_sentences {
            let s = &a.sentences[i].span;
            let sentence = &text[s.byte_start..s.byte_end];
            // Each holds a keyphrase occurrence, and none is page furniture.
            assert!(
                a.keywords.iter().any(|k| k
                    .spans
                    .iter()
                    .any(|p| p.byte_start >= s.byte_start && p.byte_end <= s.byte_end)),
                "{name}: {sentence}"
            );
            assert!(!a
                .removed
                .iter()
                .any(|r| r.span.byte_start >= s.byte_start && r.span.byte_end <= s.byte_end));
            println!("{name}: {sentence}");
        }
    }
    let mut options = Options::default();
    options.key_sentences = Some(0);
    assert!(Analyzer::new(options)
        .expect("valid")
        .analyze(SEEDS[0].1)
        .key_sentences
        .is_empty());
    assert!(analyzer.analyze("").key_sentences.is_empty());
}
