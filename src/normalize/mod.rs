//! Normalization for matching: one byte form per word, with an [`OffsetMap`] back to the original.
//!
//! The text a user pastes is never changed; normalization produces a *matching* text that segmentation and
//! keyword extraction work on, and a map that takes every span of it back to the exact span of the original (and
//! the other way), so that the page highlights what was pasted.
//!
//! Rules, each switchable in [`NormalizeOptions`] (defaults are chosen for keyword matching):
//! - Unicode composition: NFC (default) or NFKC. Text already in the form is recognized by a quick check and
//!   never rewritten for it.
//! - Full case folding (Unicode `CaseFolding.txt`, statuses C and F, via the `caseless` crate), e.g. `ß` → `ss`,
//!   `ς` → `σ`. Turkish dotted and dotless i are handled deliberately: for Turkish and Azerbaijani text (the
//!   `language` option) `I` → `ı` and `İ` → `i` (the T mappings); for other languages `İ` → `i`, not the
//!   `i` + combining dot of the F mapping, because a word written `İstanbul` must match `istanbul`.
//! - Arabic ([`ArabicOptions`]): diacritics, Quranic marks, tatweel, alef variants, alef maqsura, teh marbuta,
//!   hamza carriers, Persian/Urdu letter variants keyed by language, presentation forms.
//! - Decimal digits of every script → ASCII (`٣` → `3`, `۳` → `3`).
//! - Hebrew points and cantillation (U+0591–U+05C7, the marks only) removed.
//! - Latin accent folding (`é` → `e`, `ß` → `ss`): off by default.
//! - Invisible characters (zero-width space, BOM, soft hyphen, word joiner, bidi controls, C0/C1 controls)
//!   removed. ZWNJ and ZWJ are kept where they mean something — ZWNJ between letters of the Arabic and Indic
//!   scripts (Persian `می‌خواهم`), ZWJ next to such letters or inside emoji sequences — and removed elsewhere.
//! - White space: a run of Unicode white space becomes one ASCII space, a run holding one line break `\n`, a run
//!   holding two or more (a blank line, U+2029) `\n\n`; white space at the start and end is removed.
//! - Typographic quotes, apostrophes and dashes → ASCII, `…` → `...`.
//!
//! A removed mark is mapped together with the letter it sits on, so a highlight never separates them.
//!
//! ## Speed
//! One pass over the bytes. Each character is looked up in a table of the rule families that could touch it
//! ([`table`]) and skipped at once when no enabled rule does; copied runs are written in one piece, and when
//! nothing changes the result borrows the input and the map is empty (no allocation).

pub mod arabic;
pub mod latin;
pub mod punct;
pub mod table;

use std::borrow::Cow;
use std::ops::Range;

use caseless::Caseless;
use serde::{Deserialize, Serialize};
use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
use unicode_normalization::UnicodeNormalization;

pub use arabic::{ArabicOptions, LetterVariants};

use crate::span::{MapBuilder, OffsetMap, Span, TextRef, Utf16Index};
use arabic::Script;
use table::*;

/// Unicode normalization form applied before the other rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum UnicodeForm {
    /// Leave code points as they are.
    None,
    /// Canonical composition (NFC).
    #[default]
    Nfc,
    /// Compatibility composition (NFKC): also folds ligatures, fullwidth forms, superscripts.
    Nfkc,
}

/// Which normalization rules run. Defaults are chosen for keyword matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// Unicode normalization form. Default: NFC.
    pub form: UnicodeForm,
    /// Full Unicode case folding. Default: true.
    pub case_fold: bool,
    /// Language of the text (ISO 639-1), for the rules that depend on it: Turkish/Azerbaijani case folding,
    /// Persian/Urdu letter variants. The analysis sets it to the detected language. Default: none.
    pub language: Option<String>,
    /// Arabic-script rules.
    pub arabic: ArabicOptions,
    /// Decimal digits of every script to ASCII digits. Default: true.
    pub digits: bool,
    /// Remove Hebrew points and cantillation marks. Default: true.
    pub hebrew_points: bool,
    /// Fold Latin letters with accents to their base letters (é → e, ß → ss). Default: false.
    pub latin_accents: bool,
    /// Remove invisible format and control characters (ZWSP, BOM, soft hyphen, bidi controls...). Default: true.
    pub invisible: bool,
    /// Remove ZWJ and ZWNJ where they have no effect (see the module docs). Default: true.
    pub joiners: bool,
    /// Collapse white space and line breaks. Default: true.
    pub whitespace: bool,
    /// Unify typographic quotes, apostrophes, dashes and the ellipsis to ASCII. Default: true.
    pub punctuation: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            form: UnicodeForm::Nfc,
            case_fold: true,
            language: None,
            arabic: ArabicOptions::default(),
            digits: true,
            hebrew_points: true,
            latin_accents: false,
            invisible: true,
            joiners: true,
            whitespace: true,
            punctuation: true,
        }
    }
}

impl NormalizeOptions {
    /// Options that change nothing: the output is the input.
    pub fn none() -> Self {
        NormalizeOptions {
            form: UnicodeForm::None,
            case_fold: false,
            language: None,
            arabic: ArabicOptions::none(),
            digits: false,
            hebrew_points: false,
            latin_accents: false,
            invisible: false,
            joiners: false,
            whitespace: false,
            punctuation: false,
        }
    }
}

/// A normalized text and the way back to the text it came from.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The text that was normalized.
    pub original: &'a str,
    /// The normalized text. Borrows the input when no rule changed anything.
    pub text: Cow<'a, str>,
    /// Maps byte offsets of [`Self::text`] back to byte offsets of [`Self::original`], and the other way.
    pub map: OffsetMap,
}

impl<'a> Normalized<'a> {
    /// The byte range of the original text that the normalized byte range `range` comes from.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let (s, e) = self.map.source_range(range.start, range.end);
        s..e
    }

    /// The byte range of the normalized text that the original byte range `range` became.
    pub fn to_normalized(&self, range: Range<usize>) -> Range<usize> {
        let (s, e) = self.map.output_range(range.start, range.end);
        s..e
    }

    /// UTF-16 indexes of both texts, for converting spans in UTF-16 code units (what JavaScript uses).
    pub fn utf16(&self) -> Utf16Pair<'_> {
        Utf16Pair {
            normalized: &self.text,
            original: self.original,
            map: &self.map,
            normalized_index: Utf16Index::new(&self.text),
            original_index: Utf16Index::new(self.original),
        }
    }
}

/// Span conversions between a normalized text and its original, in bytes and UTF-16 code units.
#[derive(Debug)]
pub struct Utf16Pair<'n> {
    normalized: &'n str,
    original: &'n str,
    map: &'n OffsetMap,
    normalized_index: Utf16Index,
    original_index: Utf16Index,
}

impl Utf16Pair<'_> {
    /// The original span of the normalized byte range `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        let (s, e) = self.map.source_range(start, end);
        self.original_index
            .span(self.original, s, e, TextRef::Original)
    }

    /// The normalized span of the original byte range `start..end`.
    pub fn normalized_span(&self, start: usize, end: usize) -> Span {
        let (s, e) = self.map.output_range(start, end);
        self.normalized_index
            .span(self.normalized, s, e, TextRef::Normalized)
    }

    /// The original span of a normalized range given in UTF-16 code units.
    pub fn original_span_utf16(&self, start: usize, end: usize) -> Span {
        let s = self.normalized_index.byte(self.normalized, start);
        let e = self.normalized_index.byte(self.normalized, end.max(start));
        self.original_span(s, e)
    }

    /// The normalized span of an original range given in UTF-16 code units.
    pub fn normalized_span_utf16(&self, start: usize, end: usize) -> Span {
        let s = self.original_index.byte(self.original, start);
        let e = self.original_index.byte(self.original, end.max(start));
        self.normalized_span(s, e)
    }
}

/// Normalize `text` for matching with `options`.
///
/// ```
/// use maqal::normalize::{normalize, NormalizeOptions};
/// let original = "كِتَابٌ   جـديد";
/// let n = normalize(original, &NormalizeOptions::default());
/// assert_eq!(n.text, "كتاب جديد");
/// // "جديد" in the normalized text is "جـديد" in the original.
/// let at = n.text.find("جديد").unwrap();
/// assert_eq!(&original[n.to_original(at..at + "جديد".len())], "جـديد");
/// ```
pub fn normalize<'a>(text: &'a str, options: &NormalizeOptions) -> Normalized<'a> {
    Normalizer::new(options).normalize(text)
}

/// Normalize with only the Arabic rules of `options` (and nothing else).
pub fn normalize_arabic<'a>(
    text: &'a str,
    options: &ArabicOptions,
    language: Option<&str>,
) -> Normalized<'a> {
    let o = NormalizeOptions {
        arabic: options.clone(),
        language: language.map(str::to_string),
        ..NormalizeOptions::none()
    };
    normalize(text, &o)
}

/// Fold the case of one word (full case folding, Turkish-aware for `tr` and `az`).
///
/// ```
/// use maqal::normalize::fold_case;
/// assert_eq!(fold_case("Straße", None), "strasse");
/// assert_eq!(fold_case("İstanbul", None), "istanbul");
/// assert_eq!(fold_case("DİYARBAKIR", Some("tr")), "diyarbakır");
/// ```
pub fn fold_case<'a>(word: &'a str, language: Option<&str>) -> Cow<'a, str> {
    let turkic = is_turkic(language);
    if !word.chars().any(|c| bits(c) & CASE != 0) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        push_case_folded(c, turkic, &mut out);
    }
    Cow::Owned(out)
}

fn is_turkic(language: Option<&str>) -> bool {
    matches!(language, Some("tr" | "tur" | "az" | "aze"))
}

#[inline]
fn push_case_folded(c: char, turkic: bool, out: &mut String) {
    match c {
        'I' if turkic => out.push('ı'),
        'İ' => out.push('i'),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => out.extend(std::iter::once(c).default_case_fold()),
    }
}

/// Property bits of the Arabic letter folds.
const LETTER_FOLDS: u32 =
    ALEF_VARIANT | ALEF_MAQSURA | TEH_MARBUTA | HAMZA_CARRIER | PERSIAN_LETTER | ARABIC_KAF_YEH;

/// Invisible format and control characters removed by the `invisible` rule. White space, ZWJ and ZWNJ are not
/// included.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0000}'..='\u{0008}' | '\u{000E}'..='\u{001F}' | '\u{007F}'..='\u{0084}' | '\u{0086}'..='\u{009F}'
        | '\u{00AD}'            // soft hyphen
        | '\u{061C}'            // Arabic letter mark
        | '\u{180E}'            // Mongolian vowel separator
        | '\u{200B}'            // zero-width space
        | '\u{200E}' | '\u{200F}' // LRM, RLM
        | '\u{202A}'..='\u{202E}' // LRE, RLE, PDF, LRO, RLO
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // LRI, RLI, FSI, PDI
        | '\u{FEFF}'            // BOM / ZWNBSP
    )
}

/// Hebrew points and cantillation marks (the non-spacing marks of U+0591–U+05C7; maqaf, paseq, sof pasuq and nun
/// hafukha are punctuation and stay).
#[inline]
pub fn is_hebrew_point(c: char) -> bool {
    matches!(c, '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}')
}

/// Zeros of the decimal digit runs in Unicode (each is followed by 1–9).
const DIGIT_ZEROS: [u32; 36] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
];

/// The value of a decimal digit of any script.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    let u = c as u32;
    if c.is_ascii_digit() {
        return Some(u - 0x30);
    }
    DIGIT_ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&u))
        .map(|&z| u - z)
}

/// Letters of scripts in which ZWNJ and ZWJ change shaping (Arabic, Syriac, N'Ko, Indic, Mongolian...).
fn is_joining_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c, '\u{0600}'..='\u{08FF}' | '\u{0900}'..='\u{0DFF}' | '\u{1800}'..='\u{18AF}'
            | '\u{A840}'..='\u{A87F}' | '\u{FB50}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}')
}

/// Emoji and pictographs, between which ZWJ forms sequences.
fn is_pictographic(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{21FF}' | '\u{2300}'..='\u{23FF}' | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}' | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}' | '\u{E0020}'..='\u{E007F}'
        | '\u{00A9}' | '\u{00AE}' | '\u{2122}')
}

/// A prepared set of rules: the enabled-rule mask is computed once.
#[derive(Debug, Clone)]
pub struct Normalizer {
    options: NormalizeOptions,
    /// Union of the property bits that some enabled rule acts on.
    mask: u32,
    /// Property bits of removable marks (attached to the preceding letter).
    marks: u32,
    script: Script,
    turkic: bool,
    /// What the enabled rules act on in each ASCII character (`mask` applied to the table): read for every ASCII
    /// byte of a text, built once here rather than for each text (many texts are single words).
    ascii: [u32; 128],
}

impl Normalizer {
    /// Prepare `options`.
    pub fn new(options: &NormalizeOptions) -> Self {
        let o = options;
        let a = &o.arabic;
        let script = Script::for_language(o.language.as_deref());
        let flag = |on: bool, bit: u32| if on { bit } else { 0 };
        let marks = flag(a.diacritics, ARABIC_MARK)
            | flag(a.quranic_marks, QURANIC_MARK)
            | flag(a.tatweel, TATWEEL)
            | flag(o.hebrew_points, HEBREW_POINT);
        let variants = a.letter_variants;
        let to_arabic = variants == LetterVariants::ToArabic
            || (variants == LetterVariants::ByLanguage && script == Script::Arabic);
        let to_persian = variants == LetterVariants::ByLanguage && script == Script::Persian;
        let mask = marks
            | flag(o.case_fold, CASE)
            | flag(o.whitespace, SPACE | ASCII_SPACE | NEWLINE | BREAK)
            | flag(o.invisible, INVISIBLE)
            | flag(o.joiners, JOINER)
            | flag(a.alef, ALEF_VARIANT)
            | flag(a.alef_maqsura || to_persian, ALEF_MAQSURA)
            | flag(a.teh_marbuta, TEH_MARBUTA)
            | flag(a.hamza, HAMZA_CARRIER)
            | flag(to_arabic, PERSIAN_LETTER)
            | flag(to_persian, ARABIC_KAF_YEH)
            | flag(a.alef || a.hamza || to_arabic, HAMZA_MARK)
            | flag(o.digits, DIGIT)
            | flag(o.latin_accents, LATIN_FOLDABLE)
            | flag(o.punctuation, PUNCT)
            | flag(
                a.presentation_forms || o.form == UnicodeForm::Nfkc,
                PRESENTATION,
            );
        let table = table::ascii_and_two_byte_table();
        Normalizer {
            options: o.clone(),
            mask,
            marks,
            script,
            turkic: is_turkic(o.language.as_deref()),
            ascii: std::array::from_fn(|i| table[i] & mask),
        }
    }

    /// The options in use.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    /// Normalize `text`.
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        let (first, unsettled) = self.apply_rules(text, true);
        // Removing a character can bring a letter and a combining mark together that composition then joins
        // ("e", ZWSP, U+0301). The pass notes when a removal was followed by a combining mark; only then is the
        // output checked and, if needed, normalized again (rare, and in practice once).
        if !unsettled || !needs_composition(&first.text, self.options.form) {
            return first;
        }
        let original = first.original;
        let mut text = first.text.into_owned();
        let mut map = first.map;
        for _ in 0..8 {
            let (next, _) = self.apply_rules(&text, true);
            if matches!(next.text, Cow::Borrowed(_)) {
                break;
            }
            map = map.then(&next.map);
            text = next.text.into_owned();
            if !needs_composition(&text, self.options.form) {
                break;
            }
        }
        Normalized {
            original,
            text: Cow::Owned(text),
            map,
        }
    }

    /// The quick-check bit of the normalization form (0 for none).
    fn qc_bit(&self) -> u32 {
        match self.options.form {
            UnicodeForm::None => 0,
            UnicodeForm::Nfc => NOT_NFC,
            UnicodeForm::Nfkc => NOT_NFKC,
        }
    }
}

/// Whether `text` may not be in `form`: a character whose quick check is not Yes, or combining marks out of
/// canonical order.
pub fn needs_composition(text: &str, form: UnicodeForm) -> bool {
    let qc = match form {
        UnicodeForm::None => return false,
        UnicodeForm::Nfc => NOT_NFC,
        UnicodeForm::Nfkc => NOT_NFKC,
    };
    let table = table::ascii_and_two_byte_table();
    let mut last_ccc = 0u8;
    for c in text.chars() {
        let u = c as usize;
        let b = match table.get(u) {
            Some(&b) => b,
            None => bits(c),
        };
        if b & (qc | COMBINING) == 0 {
            last_ccc = 0;
            continue;
        }
        if b & qc != 0 {
            return true;
        }
        let ccc = canonical_combining_class(c);
        if ccc < last_ccc {
            return true;
        }
        last_ccc = ccc;
    }
    false
}

/// The output being built by a rules pass.
struct Output<'t> {
    text: &'t str,
    out: String,
    builder: MapBuilder,
    /// Input before `copied` has been written (or dropped); input from `copied` on is pending copy.
    copied: usize,
    /// Whether clusters are checked and composed (the normalization form is not `None`).
    compose: bool,
    /// Combining sequences before this position have been checked for composition.
    checked_until: usize,
    /// A removal was followed by a combining mark: the output may need composing again.
    unsettled: bool,
    /// The text is a piece of a larger text (a combining sequence being composed): its ends are not the ends of
    /// the text, so white space there is not trimmed.
    fragment: bool,
    /// Something was replaced without an edit (a same-length replacement).
    changed: bool,
}

impl<'t> Output<'t> {
    /// Output position of input position `pos` (which must be at or after `copied`).
    #[inline]
    fn dst(&self, pos: usize) -> usize {
        self.out.len() + (pos - self.copied)
    }

    /// Replace input `from..to` by `piece` (nothing is recorded when they are equal).
    ///
    /// A replacement of one character by one of the same UTF-8 length (أ → ا, É → é), or of ASCII by ASCII of the
    /// same length (a word lowercased), leaves every offset where it was, so it is written without recording an
    /// edit: the map stays small where letters are folded one for one.
    fn emit(&mut self, from: usize, to: usize, piece: &str) {
        let src = &self.text[from..to];
        if src == piece {
            return;
        }
        let one_char = |x: &str| x.chars().nth(1).is_none();
        let aligned = (src.is_ascii() && piece.is_ascii()) || (one_char(src) && one_char(piece));
        if src.len() == piece.len() && aligned {
            self.flush(from);
            self.out.push_str(piece);
            self.copied = to;
            self.changed = true;
            return;
        }
        if piece.is_empty() {
            self.note_removal(to);
        } else if self.compose
            && piece
                .chars()
                .next()
                .is_some_and(|c| bits(c) & (COMBINING | MAYBE) != 0)
        {
            // A rewritten piece that starts with a mark (a decomposed presentation form) may need reordering or
            // composing with what precedes it.
            self.unsettled = true;
        }
        self.flush(from);
        let d = self.out.len();
        self.out.push_str(piece);
        self.builder.edit(from, to, d, self.out.len());
        self.copied = to;
    }

    /// After removing input that ends at `to`: a combining mark right after it may now compose with what precedes.
    fn note_removal(&mut self, to: usize) {
        if self.compose && !self.unsettled {
            let next = self.text[to..].chars().next();
            if next.is_some_and(|c| bits(c) & (COMBINING | NOT_NFC | NOT_NFKC) != 0) {
                self.unsettled = true;
            }
        }
    }

    /// Write the pending copied input up to `to`.
    fn flush(&mut self, to: usize) {
        if self.out.capacity() == 0 {
            self.out.reserve(self.text.len());
        }
        self.out.push_str(&self.text[self.copied..to]);
        self.copied = to;
    }
}

impl Normalizer {
    /// Properties of `c` restricted to what this normalizer acts on.
    #[inline]
    fn active(&self, c: char) -> u32 {
        bits(c) & self.mask
    }

    #[inline]
    fn is_run_char(&self, b: u32) -> bool {
        b & (SPACE | ASCII_SPACE | NEWLINE | BREAK | INVISIBLE | JOINER) != 0 || b & self.marks != 0
    }

    /// The rules, in one pass. With `compose`, combining sequences that are not in the normalization form are
    /// composed (and the rules applied to the result) as they are met. Also returns whether the output may need
    /// another pass (see [`Output::unsettled`]).
    fn apply_rules<'a>(&self, text: &'a str, compose: bool) -> (Normalized<'a>, bool) {
        let fragment = !compose;
        let compose = compose && self.options.form != UnicodeForm::None;
        let mut o = Output {
            text,
            out: String::new(),
            builder: MapBuilder::new(),
            copied: 0,
            compose,
            checked_until: 0,
            unsettled: false,
            fragment,
            changed: false,
        };
        let table = table::ascii_and_two_byte_table();
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mask = self.mask
            | if compose {
                self.qc_bit() | COMBINING
            } else {
                0
            };
        let mut scratch = String::new();
        // Start of the previous character that can carry marks (a letter, digit, symbol), if any.
        let mut base: Option<usize> = None;
        // What the rules do to each ASCII character (no ASCII character is a combining mark or outside any
        // normalization form, so `mask`'s composition bits do not change it), and whether a capital can be
        // lowercased on the spot.
        let ascii = &self.ascii;
        let quick_lower = !self.turkic && self.options.case_fold;
        let mut p = 0usize;
        while p < len {
            // ASCII: characters without a rule are skipped, capitals lowercased in place (unless a combining mark
            // follows, which the general path composes with them).
            let b0 = bytes[p];
            if b0 < 0x80 {
                let props = ascii[usize::from(b0)];
                if props == 0 {
                    base = Some(p);
                    p += 1;
                    continue;
                }
                if props == CASE && quick_lower && bytes.get(p + 1).is_none_or(|&n| n < 0x80) {
                    o.flush(p);
                    o.out.push(char::from(b0.to_ascii_lowercase()));
                    o.copied = p + 1;
                    o.changed = true;
                    base = Some(p);
                    p += 1;
                    continue;
                }
            }
            // Decode the character at p; one- and two-byte characters without a rule are skipped here.
            let (c, w) = if b0 < 0x80 {
                (b0 as char, 1)
            } else if b0 < 0xE0 {
                let b1 = bytes.get(p + 1).copied().unwrap_or(0x80);
                let u = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
                (char::from_u32(u).unwrap_or('\u{FFFD}'), 2)
            } else {
                let c = text[p..].chars().next().unwrap_or('\u{FFFD}');
                (c, c.len_utf8())
            };
            let raw = match table.get(c as usize) {
                Some(&b) => b,
                None => bits(c),
            };
            let props = raw & mask;
            if props == 0 {
                // A kept combining mark belongs to the letter before it, which stays the base for later marks.
                if raw & COMBINING == 0 {
                    base = Some(p);
                }
                p += w;
                continue;
            }
            // An Arabic letter variant folded to a letter of the same length, with no mark after it: in place.
            if props & !LETTER_FOLDS == 0 && w == 2 {
                let next = text[p + 2..].chars().next();
                let next_bits = next.map_or(0, |n| {
                    bits(n) & (COMBINING | MAYBE | HAMZA_MARK | self.marks)
                });
                let folded = arabic::fold_letter(c, &self.options.arabic, self.script);
                if next_bits == 0 && folded.len_utf8() == 2 {
                    if folded != c {
                        o.flush(p);
                        o.out.push(folded);
                        o.copied = p + 2;
                        o.changed = true;
                    }
                    base = Some(p);
                    p += 2;
                    continue;
                }
            }
            p = self.slow(&mut o, &mut scratch, &mut base, c, props, p, w);
        }
        if o.builder.is_empty() && !o.changed {
            let n = Normalized {
                original: text,
                text: Cow::Borrowed(text),
                map: OffsetMap::identity(len),
            };
            return (n, false);
        }
        o.flush(len);
        let out_len = o.out.len();
        let unsettled = o.unsettled;
        let n = Normalized {
            original: text,
            text: Cow::Owned(o.out),
            map: o.builder.finish(len, out_len),
        };
        (n, unsettled)
    }

    /// Handle the character `c` (width `w`) at `p`, which some enabled rule acts on; returns the next position.
    #[allow(clippy::too_many_arguments)]
    fn slow(
        &self,
        o: &mut Output<'_>,
        scratch: &mut String,
        base: &mut Option<usize>,
        c: char,
        props: u32,
        p: usize,
        w: usize,
    ) -> usize {
        let text = o.text;
        let len = text.len();
        let opts = &self.options;

        // Composition: a combining sequence (the letter before and the marks from here) that is not in the
        // normalization form is composed, and the rules run on the composed sequence.
        let qc = self.qc_bit();
        let spacing = SPACE | ASCII_SPACE | NEWLINE | BREAK | INVISIBLE;
        if o.compose && props & (qc | COMBINING) != 0 && props & self.mask & spacing == 0 {
            if p >= o.checked_until {
                // A starter begins its own sequence; a mark belongs to the letter before it, if still copied.
                // Under NFKC a compatibility character may decompose to something that combines (halfwidth jamo).
                let joins = COMBINING
                    | MAYBE
                    | if opts.form == UnicodeForm::Nfkc {
                        NOT_NFKC
                    } else {
                        0
                    };
                let starter = bits(c) & joins == 0;
                let start = match *base {
                    Some(b) if !starter && b >= o.copied => b,
                    _ => p,
                };
                let end = self.sequence_end(text, p + w);
                let mut suspect = false;
                let mut last_ccc = 0u8;
                for d in text[start..end].chars() {
                    let db = bits(d);
                    if db & qc != 0 {
                        suspect = true;
                    }
                    let ccc = if db & COMBINING != 0 {
                        canonical_combining_class(d)
                    } else {
                        0
                    };
                    if ccc != 0 && ccc < last_ccc {
                        suspect = true;
                    }
                    last_ccc = ccc;
                }
                o.checked_until = end;
                if suspect {
                    let piece = self.compose_piece(&text[start..end]);
                    let piece = self.fit_spaces(o, start, end, &piece);
                    o.emit(start, end, &piece);
                    *base = Some(start);
                    return end;
                }
            }
            if props & self.mask == 0 {
                // An already composed sequence, or a mark no rule removes: kept.
                if bits(c) & COMBINING == 0 {
                    *base = Some(p);
                }
                return p + w;
            }
        }
        let props = props & self.mask;

        // ZWJ/ZWNJ where they shape letters or build emoji: kept, as part of the word.
        if props & JOINER != 0 && self.joiner_is_meaningful(text, p, c, w) {
            return p + w;
        }

        // A run of white space, invisible characters, needless joiners and stray marks.
        if props & (SPACE | ASCII_SPACE | NEWLINE | BREAK | INVISIBLE | JOINER) != 0 {
            // A lone space or line break between two kept characters is already normalized.
            if matches!(c, ' ' | '\n') && (o.dst(p) > 0 || o.fragment) {
                let next = text[p + 1..].chars().next();
                if next.is_some_and(|d| !self.is_run_char(self.active(d))) {
                    *base = None;
                    return p + 1;
                }
            }
            let mut end = p;
            let mut breaks = 0usize;
            let mut any_space = false;
            let mut crlf_prev = false;
            for (j, d) in text[p..].char_indices() {
                let db = self.active(d);
                if !self.is_run_char(db) {
                    break;
                }
                if db & JOINER != 0 && self.joiner_is_meaningful(text, p + j, d, d.len_utf8()) {
                    break;
                }
                if db & (SPACE | ASCII_SPACE | NEWLINE | BREAK) != 0 {
                    any_space = true;
                    if !(crlf_prev && d == '\n') {
                        breaks += match d {
                            '\u{2029}' => 2,
                            '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' => 1,
                            _ => 0,
                        };
                    }
                }
                crlf_prev = d == '\r';
                end = p + j + d.len_utf8();
            }
            if end == p {
                // A joiner kept by the check above cannot start a run; treat the character as ordinary.
                end = p + w;
            }
            let at_edge = !o.fragment && (o.dst(p) == 0 || end == len);
            let piece = if !any_space || at_edge {
                ""
            } else if breaks >= 2 {
                "\n\n"
            } else if breaks == 1 {
                "\n"
            } else {
                " "
            };
            o.emit(p, end, piece);
            // A run that only removed invisible characters does not separate a letter from its marks.
            if !piece.is_empty() || at_edge {
                *base = None;
            }
            return end;
        }

        // Removable marks after a letter: the letter and its marks become one edit.
        if props & self.marks != 0 {
            let mut end = p;
            for (j, d) in text[p..].char_indices() {
                if self.active(d) & self.marks == 0 {
                    break;
                }
                end = p + j + d.len_utf8();
            }
            Self::drop_marks(o, *base, p, end);
            return end;
        }

        // Maddah or hamza on a letter whose composed variant folds back to the letter (ا + ٓ = آ → ا): dropped,
        // so that the result does not depend on whether the input was composed.
        if props & HAMZA_MARK != 0 {
            // The character before the mark in the output (a presentation form has already been decomposed).
            let letter = if p > o.copied {
                text[..p].chars().next_back()
            } else {
                o.out.chars().next_back()
            };
            let folds_back = letter.is_some_and(|l| {
                let folded = arabic::fold_letter(l, &opts.arabic, self.script);
                std::iter::once(folded)
                    .chain(std::iter::once(c))
                    .nfc()
                    .next()
                    .is_some_and(|composed| {
                        composed != folded
                            && arabic::fold_letter(composed, &opts.arabic, self.script) == folded
                    })
            });
            if !folds_back {
                *base = Some(p);
                return p + w;
            }
            let mut end = p;
            for (j, d) in text[p..].char_indices() {
                let db = self.active(d);
                if db & (HAMZA_MARK | self.marks) == 0 {
                    break;
                }
                end = p + j + d.len_utf8();
            }
            Self::drop_marks(o, *base, p, end);
            return end;
        }

        // Accents after a Latin letter (text not in NFC): dropped with accent folding; elsewhere kept.
        if props & LATIN_FOLDABLE != 0 && latin::is_latin_mark(c) {
            let after_latin = base
                .and_then(|b| text[b..].chars().next())
                .is_some_and(latin::is_latin_letter);
            if !after_latin {
                *base = Some(p);
                return p + w;
            }
            let mut end = p;
            for (j, d) in text[p..].char_indices() {
                if !latin::is_latin_mark(d) && self.active(d) & self.marks == 0 {
                    break;
                }
                end = p + j + d.len_utf8();
            }
            Self::drop_marks(o, *base, p, end);
            return end;
        }

        // Capital ASCII letters: the rest of the ASCII word is lowercased with it, as one edit.
        if c.is_ascii_uppercase() && props == CASE && !self.turkic {
            let bytes = text.as_bytes();
            let mut q = p + 1;
            while q < len && bytes[q].is_ascii_alphanumeric() {
                q += 1;
            }
            // A mark after the word belongs to its last letter: leave that letter to the general path.
            if q < len
                && !bytes[q].is_ascii()
                && bits(text[q..].chars().next().unwrap_or(' ')) & (COMBINING | MAYBE) != 0
            {
                q -= 1;
            }
            if q > p {
                scratch.clear();
                scratch.push_str(&text[p..q]);
                scratch.make_ascii_lowercase();
                o.emit(p, q, scratch);
                *base = Some(q - 1);
                return q;
            }
        }

        // A character some rule rewrites, with any removable marks that follow it.
        scratch.clear();
        if props & PRESENTATION != 0 {
            let mut decomposed = String::new();
            decompose_compatible(c, |d| decomposed.push(d));
            // Isolated forms of harakat decompose to a space and the mark: the space is not part of the text.
            for d in decomposed.nfc().filter(|&d| d != ' ') {
                self.fold_char(d, self.active(d), scratch);
            }
        } else {
            self.fold_char(c, props, scratch);
        }
        let mut end = p + w;
        // Composition of the rewritten character with the combining marks that follow it.
        if o.compose {
            let marks_end = self.sequence_end(text, end);
            if marks_end > end {
                let piece = self.compose_piece(&text[p..marks_end]);
                let piece = self.fit_spaces(o, p, marks_end, &piece);
                o.checked_until = marks_end;
                o.emit(p, marks_end, &piece);
                *base = Some(p);
                return marks_end;
            }
        }
        let latin_base = opts.latin_accents
            && scratch
                .chars()
                .next_back()
                .is_some_and(latin::is_latin_letter);
        for d in text[end..].chars() {
            let db = self.active(d);
            let drop_mark = db & self.marks != 0 || (latin_base && latin::is_latin_mark(d));
            if !drop_mark {
                break;
            }
            end += d.len_utf8();
        }
        o.emit(p, end, scratch);
        *base = Some(p);
        end
    }

    /// End of the marks that follow position `from`: characters that may combine with what precedes them, and
    /// the removable marks (tatweel) between them.
    fn sequence_end(&self, text: &str, from: usize) -> usize {
        // Under NFKC a compatibility character may decompose to something that combines (halfwidth jamo).
        let joins = COMBINING
            | MAYBE
            | if self.options.form == UnicodeForm::Nfkc {
                NOT_NFKC
            } else {
                0
            };
        let mut end = from;
        for d in text[from..].chars() {
            if bits(d) & joins == 0 && self.active(d) & self.marks == 0 {
                break;
            }
            end += d.len_utf8();
        }
        end
    }

    /// A composed piece placed at `start..end`: with white-space collapsing on, a space that compatibility
    /// decomposition put at its start (¨ → space + ̈) is dropped where the output already ends with white space
    /// (or is empty), and one at its end where white space (or the end of the text) follows.
    fn fit_spaces(&self, o: &Output<'_>, start: usize, end: usize, piece: &str) -> String {
        if !self.options.whitespace || !piece.contains(' ') {
            return piece.to_string();
        }
        let text = o.text;
        let before = if start > o.copied {
            text[..start].chars().next_back()
        } else {
            o.out.chars().next_back()
        };
        let mut s = piece;
        if before.map_or(!o.fragment, char::is_whitespace) {
            s = s.trim_start_matches(' ');
        }
        let after = text[end..].chars().next();
        if (after.is_none() && !o.fragment)
            || after.is_some_and(|a| self.is_run_char(self.active(a)))
        {
            s = s.trim_end_matches(' ');
        }
        s.to_string()
    }

    /// A combining sequence composed and normalized: composition and the rules alternate until neither changes
    /// anything (ى + hamza above → ي + hamza above → ئ).
    fn compose_piece(&self, src: &str) -> String {
        let mut piece = src.to_string();
        for _ in 0..4 {
            let composed: String = match self.options.form {
                UnicodeForm::Nfkc => piece.nfkc().collect(),
                _ => piece.nfc().collect(),
            };
            let (inner, _) = self.apply_rules(&composed, false);
            let done = inner.text == composed;
            piece = inner.text.into_owned();
            if done {
                break;
            }
        }
        piece
    }

    /// Drop the marks at `p..end`, attached to the character that starts at `base`: the character and its marks
    /// become one edit, so that a highlight of the character covers its marks.
    fn drop_marks(o: &mut Output<'_>, base: Option<usize>, p: usize, end: usize) {
        o.note_removal(end);
        match base {
            Some(b) if b >= o.copied => {
                // The character was copied so far: rewrite it without the marks.
                o.flush(b);
                let d = o.out.len();
                o.out.push_str(&o.text[b..p]);
                o.builder.edit(b, end, d, o.out.len());
                o.copied = end;
            }
            Some(b) if o.copied == p => {
                // The character was itself rewritten (أ → ا): its edit now covers the marks too; a rewrite that kept
                // its length has no edit, and gets one now.
                if !o.builder.extend_last(p, end) {
                    let d = o.out.len();
                    o.builder.edit(b, end, d - (p - b), d);
                }
                o.copied = end;
            }
            _ => o.emit(p, end, ""),
        }
    }

    /// Push the rewritten form of a single character: case folding first, then the other rules on each
    /// character it produced (É → é → e).
    fn fold_char(&self, c: char, props: u32, out: &mut String) {
        if props & CASE == 0 {
            self.fold_one(c, props, out);
            return;
        }
        match c {
            'I' if self.turkic => self.fold_one('ı', self.active('ı') & !CASE, out),
            'İ' => self.fold_one('i', 0, out),
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => {
                let start = out.len();
                for f in std::iter::once(c).default_case_fold() {
                    self.fold_one(f, self.active(f) & !CASE, out);
                }
                // Full folding can decompose (ǰ → j + ̌): compose again.
                if self.options.form != UnicodeForm::None
                    && out[start..].chars().any(|f| bits(f) & COMBINING != 0)
                {
                    let piece: String = out[start..].nfc().collect();
                    out.truncate(start);
                    out.push_str(&piece);
                }
            }
        }
    }

    /// Push the rewritten form of a character that needs no case folding.
    fn fold_one(&self, c: char, props: u32, out: &mut String) {
        if props
            & (ALEF_VARIANT
                | ALEF_MAQSURA
                | TEH_MARBUTA
                | HAMZA_CARRIER
                | PERSIAN_LETTER
                | ARABIC_KAF_YEH)
            != 0
        {
            out.push(arabic::fold_letter(c, &self.options.arabic, self.script));
        } else if props & DIGIT != 0 {
            match digit_value(c).and_then(|v| char::from_digit(v, 10)) {
                Some(d) => out.push(d),
                None => out.push(c),
            }
        } else if props & LATIN_FOLDABLE != 0 {
            latin::fold(c, out);
        } else if props & PUNCT != 0 {
            out.push_str(punct::fold(c).unwrap_or(""));
        } else if props & self.marks != 0 {
            // A removable mark produced by decomposing a presentation form: dropped.
        } else {
            out.push(c);
        }
    }

    /// Whether the ZWJ or ZWNJ `c` at `p` shapes the letters around it or joins an emoji sequence. The neighbours
    /// are the characters that will be next to it in the output: removed marks and invisible characters are
    /// skipped.
    fn joiner_is_meaningful(&self, text: &str, p: usize, c: char, w: usize) -> bool {
        let skip = self.marks | INVISIBLE;
        let before = text[..p]
            .chars()
            .rev()
            .find(|&d| self.active(d) & skip == 0);
        let after = text[p + w..].chars().find(|&d| self.active(d) & skip == 0);
        let letter = |d: char| is_joining_letter(d) && bits(d) & COMBINING == 0;
        match c {
            '\u{200C}' => before.is_some_and(letter) && after.is_some_and(letter),
            _ => {
                before.is_some_and(|b| is_pictographic(b) || letter(b))
                    || after.is_some_and(|a| is_pictographic(a) || letter(a))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_has_no_composition_bits() {
        // `Normalizer::ascii` leaves them out of its mask: it must not matter.
        let table = table::ascii_and_two_byte_table();
        for (i, &b) in table.iter().enumerate().take(128) {
            assert_eq!(b & (COMBINING | NOT_NFC | NOT_NFKC), 0, "U+{i:04X}");
        }
    }

    fn check_map(original: &str, n: &Normalized<'_>) {
        let mut last_end = 0;
        for (i, c) in n.text.char_indices() {
            let (s, e) = n.map.source_range(i, i + c.len_utf8());
            assert!(
                original.is_char_boundary(s) && original.is_char_boundary(e),
                "{s}..{e}"
            );
            assert!(e >= s && s >= last_end.min(s));
            last_end = e;
        }
    }

    #[test]
    fn unchanged_text_borrows() {
        let n = normalize("plain ascii text.", &NormalizeOptions::default());
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert!(n.map.is_identity());
    }

    #[test]
    fn arabic_diacritics_and_tatweel() {
        let original = "الْعَرَبِيَّةُ لُـغَـةٌ";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "العربية لغة");
        check_map(original, &n);
        let at = n.text.find("لغة").unwrap_or(0);
        assert_eq!(&original[n.to_original(at..at + "لغة".len())], "لُـغَـةٌ");
    }

    #[test]
    fn folded_letter_keeps_its_marks() {
        let original = "أَحمد";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "احمد");
        assert_eq!(&original[n.to_original(0.."ا".len())], "أَ");
    }

    #[test]
    fn whitespace_runs() {
        let original = "  one\u{00A0}\u{00A0}two\r\n three \n\n\n four \u{2029}five  ";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "one two\nthree\n\nfour\n\nfive");
        check_map(original, &n);
    }

    #[test]
    fn invisible_removed_meaningful_joiners_kept() {
        let original = "\u{FEFF}می\u{200C}خواهم \u{200F}word\u{200B}s a\u{200C}b 👩\u{200D}💻";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "می\u{200C}خواهم words ab 👩\u{200D}💻");
        check_map(original, &n);
    }

    #[test]
    fn nfc_composition_maps_back() {
        let original = "Cafe\u{0301} RE\u{0301}SUME\u{0301}";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "café résumé");
        check_map(original, &n);
        assert_eq!(&original[n.to_original(0.."café".len())], "Cafe\u{0301}");
        let at = "café ".len();
        assert_eq!(
            &original[n.to_original(at..n.text.len())],
            "RE\u{0301}SUME\u{0301}"
        );
    }

    #[test]
    fn both_directions() {
        let original = "ذَهَبَ   الولدُ";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "ذهب الولد");
        let word = original.find("الولدُ").unwrap_or(0);
        let r = n.to_normalized(word..original.len());
        assert_eq!(&n.text[r], "الولد");
        let u = n.utf16();
        let w16 = original[..word].encode_utf16().count();
        let s = u.normalized_span_utf16(w16, w16 + "الولدُ".encode_utf16().count());
        assert_eq!(s.text, TextRef::Normalized);
        assert_eq!(&n.text[s.bytes()], "الولد");
        let back = u.original_span_utf16(s.utf16_start, s.utf16_end);
        assert_eq!(&original[back.bytes()], "الولدُ");
    }

    #[test]
    fn options_off_change_nothing() {
        let original = "  A\u{064E}\u{0640}\u{200B}b\r\n";
        let n = normalize(original, &NormalizeOptions::none());
        assert_eq!(n.text, original);
        assert!(n.map.is_identity());
    }
}
