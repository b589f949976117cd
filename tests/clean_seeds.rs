//! Cleaning of the seed pastes: every boilerplate block named below is removed with the expected reason, and every
//! other block (title and article body) is kept.
#![allow(clippy::expect_used)]

use maqal::clean::{clean_with_stopwords as clean, CleanOptions, Reason};
use maqal::lang::Stopwords;
use maqal::normalize::NormalizeOptions;

fn arabic() -> Stopwords {
    let mut s = Stopwords::new();
    s.add_language("ar", &NormalizeOptions::default());
    s
}

/// (line number, 1-based) → expected reason; every other non-blank line must be kept.
fn check(text: &str, expected_removed: &[(usize, Reason)]) {
    let c = clean(text, &arabic(), &CleanOptions::default());
    let line_of = |byte: usize| text[..byte].matches('\n').count() + 1;
    let got: Vec<(usize, Reason)> = c
        .removed
        .iter()
        .map(|b| (line_of(b.range.start), b.reason))
        .collect();
    assert_eq!(got, expected_removed, "removed blocks");
    // Kept: every other non-blank line, in full, in the cleaned text.
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || expected_removed.iter().any(|(l, _)| *l == n) {
            continue;
        }
        assert!(c.text.contains(line.trim()), "line {n} kept: {line}");
    }
    // The map leads every kept byte back to the same text in the paste.
    let cleaned: &str = &c.text;
    for (start, line) in cleaned
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .zip(cleaned.lines().skip(1))
    {
        let (s, e) = c.map.source_range(start, start + line.len());
        assert_eq!(&text[s..e], line);
    }
}

#[test]
fn seed_000_related_list_and_template_residue() {
    check(
        include_str!("fixtures/000_4a5a4cae09b4e272.txt"),
        &[
            (1, Reason::UiPhrase),    // ذات صلة
            (3, Reason::UiPhrase),    // أحدث المقالات
            (5, Reason::RelatedLink), // headline 1
            (7, Reason::RelatedLink), // its teaser (...)
            (9, Reason::RelatedLink),
            (11, Reason::RelatedLink),
            (13, Reason::RelatedLink),
            (15, Reason::RelatedLink),
            (17, Reason::RelatedLink),
            (19, Reason::RelatedLink),
            (43, Reason::TemplateArtefact), // spot_imgspot_img...
        ],
    );
}

#[test]
fn seed_004_share_bars_and_next_article() {
    check(
        include_str!("fixtures/004_8936998626512ca3.txt"),
        &[
            (1, Reason::UiPhrase),  // Share
            (2, Reason::UiPhrase),  // • Link copied
            (32, Reason::UiPhrase), // Share
            (33, Reason::UiPhrase), // • Link copied
            (34, Reason::UiPhrase), // المقال التالي
        ],
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn sentence() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "the",
            "council",
            "met",
            "on",
            "monday",
            "and",
            "agreed",
            "plan",
            "city",
            "buses",
            "said",
            "minister",
            "في",
            "المغرب",
            "الحكومة",
            "أعلنت",
            "عن",
            "خطة",
            "جديدة",
            "مع",
            "وزير",
            "الدفاع",
            "قال",
            "إن",
        ]);
        (
            prop::collection::vec(words, 3..14),
            prop::sample::select(vec![".", "!", "?", "؟", "."]),
        )
            .prop_map(|(w, end)| format!("{}{end}", w.join(" ")))
    }

    proptest! {
        /// Plain paragraphs (sentences, blank lines or single line breaks between them) come back unchanged.
        #[test]
        fn plain_paragraphs_come_back_unchanged(
            paragraphs in prop::collection::vec(prop::collection::vec(sentence(), 1..4), 0..8),
            separator in prop::sample::select(vec!["\n\n", "\n", "\r\n\r\n"]),
        ) {
            let text = paragraphs.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join(separator);
            let c = clean(&text, &arabic(), &CleanOptions::default());
            prop_assert!(c.removed.is_empty(), "{:?}", c.removed);
            prop_assert_eq!(c.text.as_ref(), text.as_str());
        }

        /// Any markup is read without panicking; text without markup comes out with its words in order.
        #[test]
        fn html_of_any_kind_is_read(html in "(\\PC|<[a-z/!]{0,8}[^>]{0,10}>|&[a-z#0-9]{0,6};?){0,60}") {
            let _ = maqal::clean::html_to_text(&html);
        }

        #[test]
        fn text_without_markup_keeps_its_words(text in "[a-zA-Z\u{0621}-\u{064A} .,\n]{0,80}") {
            let e = maqal::clean::html_to_text(&text);
            let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
            prop_assert_eq!(words(&e.text), words(&text));
        }

        /// Whatever is pasted, the cleaned text maps back into it and the removed blocks are pieces of it.
        #[test]
        fn any_text_cleans_consistently(text in "(\\PC{0,40}\n{1,2}){0,8}") {
            let c = clean(&text, &arabic(), &CleanOptions::default());
            prop_assert!(!c.text.trim().is_empty() || text.trim().is_empty() || c.removed.is_empty());
            for b in &c.removed {
                prop_assert!(text.is_char_boundary(b.range.start) && text.is_char_boundary(b.range.end));
            }
            let (s, e) = c.map.source_range(0, c.text.len());
            prop_assert!(s <= e && e <= text.len());
        }
    }
}

#[test]
fn a_removed_block_can_be_restored() {
    let text = include_str!("fixtures/004_8936998626512ca3.txt");
    let options = CleanOptions {
        keep: vec!["المقال التالي".to_string()],
        ..CleanOptions::default()
    };
    let c = clean(text, &arabic(), &options);
    assert_eq!(c.removed.len(), 4);
    assert!(c.text.contains("المقال التالي"));
}
