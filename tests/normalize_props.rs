//! Property tests of normalization over arbitrary Unicode and over text built from the characters that matter
//! most (Arabic letters and marks, combining Latin marks, spaces, invisible controls, emoji).
#![cfg(not(target_arch = "wasm32"))]

use maqal::normalize::{normalize, LetterVariants, NormalizeOptions, UnicodeForm};
use proptest::prelude::*;

fn interesting() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ا",
        "أ",
        "إ",
        "آ",
        "ٱ",
        "ى",
        "ي",
        "ة",
        "ه",
        "ب",
        "ك",
        "ل",
        "م",
        "ﻻ",
        "\u{064E}",
        "\u{0650}",
        "\u{0651}",
        "\u{064B}",
        "\u{0670}",
        "\u{0640}",
        "\u{0653}",
        "\u{0654}",
        "a",
        "A",
        "e",
        "E",
        "İ",
        "ß",
        "\u{0301}",
        "\u{0308}",
        " ",
        "  ",
        "\u{00A0}",
        "\t",
        "\n",
        "\r\n",
        "\n\n",
        "\u{2029}",
        "\u{200B}",
        "\u{200C}",
        "\u{200D}",
        "\u{200F}",
        "\u{202B}",
        "\u{FEFF}",
        "\u{00AD}",
        "😀",
        "👩\u{200D}💻",
        "١",
        "٢",
        ".",
        "،",
        "؟",
        "\u{0000}",
        "\u{0085}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = NormalizeOptions> {
    (any::<[bool; 16]>(), 0..3u8, 0..4u8, 0..3u8).prop_map(|(b, form, lang, variants)| {
        let mut o = NormalizeOptions::default();
        o.form = [UnicodeForm::None, UnicodeForm::Nfc, UnicodeForm::Nfkc][usize::from(form)];
        o.language =
            [None, Some("ar"), Some("fa"), Some("tr")][usize::from(lang)].map(str::to_string);
        o.case_fold = b[0];
        o.arabic.diacritics = b[1];
        o.arabic.tatweel = b[2];
        o.arabic.alef = b[3];
        o.arabic.alef_maqsura = b[4];
        o.invisible = b[5];
        o.whitespace = b[6];
        o.arabic.quranic_marks = b[7];
        o.arabic.teh_marbuta = b[8];
        o.arabic.hamza = b[9];
        o.arabic.presentation_forms = b[10];
        o.arabic.letter_variants = [
            LetterVariants::Never,
            LetterVariants::ByLanguage,
            LetterVariants::ToArabic,
        ][usize::from(variants)];
        o.digits = b[11];
        o.hebrew_points = b[12];
        o.latin_accents = b[13];
        o.joiners = b[14];
        o.punctuation = b[15];
        o
    })
}

fn check(original: &str, o: &NormalizeOptions) -> Result<(), TestCaseError> {
    let n = normalize(original, o);
    // Idempotent.
    let twice = normalize(&n.text, o);
    prop_assert_eq!(&twice.text, &n.text, "not idempotent for {:?}", original);
    // The map covers both texts, is monotonic and lands on character boundaries.
    prop_assert_eq!(n.map.output_len(), n.text.len());
    prop_assert_eq!(n.map.source_len(), original.len());
    let mut previous: Option<(usize, usize)> = None;
    for (i, c) in n.text.char_indices() {
        let (s, e) = n.map.source_range(i, i + c.len_utf8());
        prop_assert!(
            s < e || original.is_empty(),
            "empty source for {:?} at {}",
            c,
            i
        );
        prop_assert!(original.is_char_boundary(s) && original.is_char_boundary(e));
        if let Some((ps, pe)) = previous {
            // Either the same edit (one source range for several output chars) or strictly after.
            prop_assert!(
                (s, e) == (ps, pe) || s >= pe,
                "overlap {:?} then {:?}",
                (ps, pe),
                (s, e)
            );
            prop_assert!(s >= ps);
        }
        previous = Some((s, e));
    }
    let (s, e) = n.map.source_range(0, n.text.len());
    prop_assert!(s <= e && e <= original.len());
    // Original → normalized lands on boundaries of the normalized text, monotonically.
    let mut last = 0;
    for (i, c) in original.char_indices() {
        let (s, e) = n.map.output_range(i, i + c.len_utf8());
        prop_assert!(n.text.is_char_boundary(s) && n.text.is_char_boundary(e) && s <= e);
        prop_assert!(s >= last.min(s));
        last = s;
    }
    // UTF-16 conversions agree with the byte ones.
    let u = n.utf16();
    for (i, c) in n.text.char_indices() {
        let span = u.original_span(i, i + c.len_utf8());
        prop_assert_eq!(
            span.utf16_start,
            original[..span.byte_start].encode_utf16().count()
        );
        prop_assert_eq!(
            span.utf16_end,
            original[..span.byte_end].encode_utf16().count()
        );
        let ns = n.text[..i].encode_utf16().count();
        let via16 = u.original_span_utf16(ns, ns + c.len_utf16());
        prop_assert_eq!(via16, span);
    }
    Ok(())
}

proptest! {
    // PROPTEST_CASES=100000 for a longer search.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn interesting_text(text in interesting(), o in options()) {
        check(&text, &o)?;
    }

    #[test]
    fn arbitrary_unicode(text in any::<String>(), o in options()) {
        check(&text, &o)?;
    }

    #[test]
    fn default_options_on_interesting_text(text in interesting()) {
        check(&text, &NormalizeOptions::default())?;
    }
}
