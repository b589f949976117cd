//! The fast tokenizer path against the reference (UAX #29 through unicode-segmentation, plus the special tokens):
//! same tokens on arbitrary text and on text built from the characters that matter.
#![cfg(not(target_arch = "wasm32"))]

use maqal::segment::{
    tokens, tokens_reference, tokens_utf16, tokens_utf16_into, tokens_utf16_units_into,
    SegmentMode, SegmentOptions, Utf16Tokens,
};
use proptest::prelude::*;

fn pieces() -> impl Strategy<Value = String> {
    let p = prop::sample::select(vec![
        "word",
        "Word",
        "كلمة",
        "المغرب",
        "\u{064E}",
        "\u{0651}",
        "\u{0640}",
        "שלום",
        "\u{05B8}",
        "слово",
        "λόγος",
        "é",
        "e\u{0301}",
        "123",
        "٢٠٢٦",
        "3.5",
        "1,000",
        "2014م",
        "و917",
        "4K",
        "mp3",
        "٣٫٥",
        "٬",
        "3،5",
        "7'",
        ".5",
        ",0",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u{00A0}",
        ".",
        ",",
        ":",
        ";",
        "!",
        "?",
        "(",
        ")",
        "[",
        "«",
        "»",
        "\"",
        "“",
        "”",
        "'",
        "’",
        "،",
        "؛",
        "؟",
        "-",
        "–",
        "—",
        "*",
        "•",
        "…",
        "/",
        "@",
        "#",
        "_",
        "https://",
        "www.",
        ".com",
        "@x.org",
        "10:30",
        "22/11/2026",
        "😀",
        "👩\u{200D}💻",
        "🇲🇦",
        "\u{200C}",
        "\u{200D}",
        "\u{200B}",
        "中文",
        "カタカナ",
        "U.S.",
        "e.g.",
    ]);
    prop::collection::vec(p, 0..30).prop_map(|v| v.concat())
}

fn same(text: &str, mode: SegmentMode) -> Result<(), TestCaseError> {
    let mut o = SegmentOptions::default();
    o.mode = mode;
    let fast: Vec<_> = tokens(text, &o).collect();
    let reference: Vec<_> = tokens_reference(text, &o).collect();
    prop_assert_eq!(&fast, &reference, "{:?}", text);
    let expected = utf16_of(text, &reference);
    prop_assert_eq!(&tokens_utf16(text, &o), &expected, "{:?}", text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut from_units = Utf16Tokens::default();
    tokens_utf16_units_into(&units, &o, &mut from_units);
    prop_assert_eq!(&from_units, &expected, "UTF-16 input: {:?}", text);
    Ok(())
}

/// Reference tokens with UTF-16 offsets, counted naively.
fn utf16_of(text: &str, tokens: &[maqal::segment::RawToken]) -> Utf16Tokens {
    let u = |b: usize| text[..b].encode_utf16().count() as u32;
    Utf16Tokens {
        start: tokens.iter().map(|t| u(t.start)).collect(),
        end: tokens.iter().map(|t| u(t.end)).collect(),
        kind: tokens.iter().map(|t| t.kind as u8).collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000)
    ))]

    #[test]
    fn fast_path_equals_reference(text in pieces()) {
        same(&text, SegmentMode::News)?;
        same(&text, SegmentMode::Plain)?;
    }

    #[test]
    fn fast_path_equals_reference_on_arbitrary_text(text in any::<String>()) {
        same(&text, SegmentMode::News)?;
    }

    #[test]
    fn fast_sentences_equal_reference(text in sentence_pieces()) {
        sentences_same(&text)?;
    }

    #[test]
    fn tokens_from_arbitrary_bytes_are_ordered(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut out = Utf16Tokens::default();
        tokens_utf16_into(&bytes, &SegmentOptions::default(), &mut out);
        let mut last = 0;
        for (&s, &e) in out.start.iter().zip(&out.end) {
            prop_assert!(last <= s && s < e && e as usize <= 2 * bytes.len(), "{:?}", bytes);
            last = e;
        }
    }

    #[test]
    fn tokens_from_arbitrary_utf16_are_those_of_the_lossy_text(
        units in prop::collection::vec(prop_oneof![any::<u16>(), 0xD800u16..0xE000, 0x0600u16..0x0700, Just(0x20u16)], 0..64)
    ) {
        // Lone surrogates read as U+FFFD: one unit each, so the offsets are the same.
        let lossy = String::from_utf16_lossy(&units);
        let mut out = Utf16Tokens { start: vec![7], end: vec![9], kind: vec![1] };
        tokens_utf16_units_into(&units, &SegmentOptions::default(), &mut out);
        prop_assert_eq!(out, tokens_utf16(&lossy, &SegmentOptions::default()), "{:?}", units);
    }

    #[test]
    fn segmentation_keeps_the_tokens_of_the_text_inside_its_sentences(text in prop_oneof![pieces(), sentence_pieces(), any::<String>()]) {
        let o = SegmentOptions::default();
        let seg = maqal::segment::segment(&text, &o);
        let whole: Vec<_> = tokens(&text, &o).map(|t| (t.start..t.end, t.kind)).collect();
        let by_sentence: Vec<_> = seg.tokens.iter().map(|t| (t.range.clone(), t.kind)).collect();
        prop_assert_eq!(whole, by_sentence, "{:?}", text);
        let mut last = 0;
        for (i, s) in seg.sentences.iter().enumerate() {
            prop_assert!(last <= s.range.start && s.range.start < s.range.end, "{:?}", text);
            last = s.range.end;
            for t in &seg.tokens[s.tokens.clone()] {
                prop_assert!(s.range.start <= t.range.start && t.range.end <= s.range.end, "{:?}", text);
                prop_assert_eq!(t.sentence, i);
            }
        }
    }

    #[test]
    fn grapheme_counts_equal_reference(text in prop_oneof![pieces(), any::<String>()]) {
        let mut all = 0;
        let mut visible = 0;
        for (_, g) in maqal::segment::graphemes(&text) {
            all += 1;
            visible += usize::from(!g.chars().all(char::is_whitespace));
        }
        prop_assert_eq!(maqal::segment::grapheme_counts(&text), (all, visible), "{:?}", text);
    }

    #[test]
    fn fast_sentences_equal_reference_on_arbitrary_text(text in any::<String>()) {
        sentences_same(&text)?;
    }
}

#[test]
fn fast_paths_equal_reference_on_the_fixtures() {
    for text in [
        include_str!("fixtures/000_4a5a4cae09b4e272.txt"),
        include_str!("fixtures/004_8936998626512ca3.txt"),
        include_str!("fixtures/arabic_vocalized.txt"),
        include_str!("fixtures/segment_cases.json"),
        include_str!("fixtures/normalize_cases.json"),
    ] {
        let o = SegmentOptions::default();
        let reference: Vec<_> = tokens_reference(text, &o).collect();
        assert_eq!(tokens(text, &o).collect::<Vec<_>>(), reference);
        assert_eq!(tokens_utf16(text, &o), utf16_of(text, &reference));
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut from_units = Utf16Tokens::default();
        tokens_utf16_units_into(&units, &o, &mut from_units);
        assert_eq!(from_units, utf16_of(text, &reference));
        let clusters: Vec<&str> = maqal::segment::graphemes(text).map(|(_, g)| g).collect();
        let visible = clusters
            .iter()
            .filter(|g| !g.chars().all(char::is_whitespace))
            .count();
        assert_eq!(
            maqal::segment::grapheme_counts(text),
            (clusters.len(), visible)
        );
        let ends: Vec<usize> = maqal::segment::sentence_bounds(text)
            .map(|r| r.end)
            .collect();
        assert_eq!(maqal::segment::sentence_ends(text), ends);
    }
}

fn sentence_pieces() -> impl Strategy<Value = String> {
    let p = prop::sample::select(vec![
        "word",
        "Word",
        "WORD",
        "a",
        "B",
        "كلمة",
        "المغرب",
        "3",
        "3.5",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        ".",
        "..",
        "!",
        "?",
        "؟",
        "۔",
        "。",
        "،",
        ",",
        ":",
        ";",
        "\"",
        "”",
        "»",
        "«",
        ")",
        "(",
        "'",
        "-",
        "\u{00A0}",
        "\u{2029}",
        "\u{0085}",
        "e.g.",
        "U.S.",
        "Dr.",
        "😀",
        "\u{064E}",
        "…",
        "¡",
        "¿",
        "‼",
        "।",
        "\t",
    ]);
    prop::collection::vec(p, 0..40).prop_map(|v| v.concat())
}

fn sentences_same(text: &str) -> Result<(), TestCaseError> {
    let fast = maqal::segment::sentence_ends(text);
    let reference: Vec<usize> = maqal::segment::sentence_bounds(text)
        .map(|r| r.end)
        .collect();
    prop_assert_eq!(&fast, &reference, "{:?}", text);
    Ok(())
}
