//! Normalization for matching: one byte form per word, with an [`OffsetMap`] back to the original.
//!
//! The text a user pastes is never changed; normalization produces a *matching* text that segmentation and
//! keyword extraction work on, and a map that takes every span of it back to the exact span of the original, so
//! that the page highlights what was pasted.
//!
//! Rules, each switchable in [`NormalizeOptions`]:
//! - Unicode composition ([`UnicodeForm::Nfc`] by default). Text that is already NFC (almost all text) is detected
//!   with the quick check and never copied for this rule.
//! - Lowercasing (Unicode `Lowercase_Mapping`).
//! - Arabic harakat, tanwin, shadda, sukun and superscript alef (U+064B–U+0652, U+0670), and tatweel (U+0640),
//!   removed. A removed mark is mapped together with the letter it sits on, so a highlight never separates them.
//! - Arabic alef variants أ إ آ ٱ → ا, and alef maqsura ى → ي.
//! - Invisible characters (zero-width space, BOM, soft hyphen, word joiner, bidi controls, C0/C1 controls)
//!   removed; ZWJ and ZWNJ are kept (emoji sequences, Persian words).
//! - White space: every run of Unicode white space becomes one ASCII space, a run holding one line break becomes
//!   `\n`, and a run holding two or more (a blank line, or U+2029) becomes `\n\n`; white space at the start and end
//!   of the text is removed.
//!
//! Work is done in one pass over the text; copied runs are not re-written character by character, and when
//! nothing changes the result borrows the input and the map is empty (no allocation).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::span::{MapBuilder, OffsetMap};

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
    /// Compatibility composition (NFKC): also folds ligatures, fullwidth forms and presentation forms.
    Nfkc,
}

/// Which normalization rules run. Defaults are chosen for keyword matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// Unicode normalization form. Default: NFC.
    pub unicode: UnicodeForm,
    /// Lowercase every letter. Default: true.
    pub lowercase: bool,
    /// Remove Arabic harakat, tanwin, shadda, sukun and superscript alef. Default: true.
    pub arabic_diacritics: bool,
    /// Remove Arabic tatweel (kashida, U+0640). Default: true.
    pub tatweel: bool,
    /// Fold Arabic alef variants (أ إ آ ٱ) to bare alef ا. Default: true.
    pub alef: bool,
    /// Fold alef maqsura ى to yeh ي (never to alef). Default: true.
    pub alef_maqsura: bool,
    /// Remove invisible format and control characters (ZWSP, BOM, soft hyphen, bidi controls...). Default: true.
    pub invisible: bool,
    /// Collapse white space and line breaks as described in the module docs. Default: true.
    pub whitespace: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            unicode: UnicodeForm::Nfc,
            lowercase: true,
            arabic_diacritics: true,
            tatweel: true,
            alef: true,
            alef_maqsura: true,
            invisible: true,
            whitespace: true,
        }
    }
}

impl NormalizeOptions {
    /// Options that change nothing: the output is the input.
    pub fn none() -> Self {
        NormalizeOptions {
            unicode: UnicodeForm::None,
            lowercase: false,
            arabic_diacritics: false,
            tatweel: false,
            alef: false,
            alef_maqsura: false,
            invisible: false,
            whitespace: false,
        }
    }
}

/// A normalized text and the way back to the text it came from.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalized text. Borrows the input when no rule changed anything.
    pub text: Cow<'a, str>,
    /// Maps byte offsets of [`Self::text`] back to byte offsets of the input.
    pub map: OffsetMap,
}

/// Normalize `text` for matching.
///
/// ```
/// use maqal::normalize::{normalize, NormalizeOptions};
/// let original = "كِتَابٌ   جـديد";
/// let n = normalize(original, &NormalizeOptions::default());
/// assert_eq!(n.text, "كتاب جديد");
/// // "جديد" in the normalized text is "جـديد" in the original.
/// let at = n.text.find("جديد").unwrap();
/// let (s, e) = n.map.source_range(at, at + "جديد".len());
/// assert_eq!(&original[s..e], "جـديد");
/// ```
pub fn normalize<'a>(text: &'a str, options: &NormalizeOptions) -> Normalized<'a> {
    let first = normalize_once(text, options);
    // Removing a character can bring a base letter and a combining mark together that composition then joins
    // ("e", ZWSP, U+0301): when the output is not in the requested form, it is normalized again (rare, and in
    // practice once).
    let settled = |t: &str| match options.unicode {
        UnicodeForm::None => true,
        UnicodeForm::Nfc => is_nfc_quick(t.chars()) == IsNormalized::Yes,
        UnicodeForm::Nfkc => is_nfkc_quick(t.chars()) == IsNormalized::Yes,
    };
    if !matches!(first.text, Cow::Owned(_)) || settled(&first.text) {
        return first;
    }
    let mut current = first;
    for _ in 0..4 {
        if settled(&current.text) {
            break;
        }
        let next = normalize_once(&current.text, options);
        if next.map.is_identity() {
            break;
        }
        let map = current.map.then(&next.map);
        let text = next.text.into_owned();
        current = Normalized {
            text: Cow::Owned(text),
            map,
        };
    }
    current
}

/// One pass: Unicode composition (its own pass, since it reorders and combines whole combining sequences), then
/// the per-character rules on its output, with the two maps composed.
fn normalize_once<'a>(text: &'a str, options: &NormalizeOptions) -> Normalized<'a> {
    match compose(text, options.unicode) {
        None => apply_rules(text, options),
        Some(first) => {
            let second = apply_rules(&first.text, options);
            let map = first.map.then(&second.map);
            Normalized {
                text: Cow::Owned(second.text.into_owned()),
                map,
            }
        }
    }
}

/// Unicode composition with an offset map, or `None` when the text is already in the requested form.
///
/// The text is cut at stable boundaries (a starter whose quick-check value is Yes), and only the pieces that are
/// not already normalized are rewritten, each as one edit.
fn compose(text: &str, form: UnicodeForm) -> Option<Normalized<'static>> {
    let quick = match form {
        UnicodeForm::None => return None,
        UnicodeForm::Nfc => is_nfc_quick(text.chars()),
        UnicodeForm::Nfkc => is_nfkc_quick(text.chars()),
    };
    if quick == IsNormalized::Yes {
        return None;
    }
    let is_boundary = |c: char| -> bool {
        let one = std::iter::once(c);
        unicode_normalization::char::canonical_combining_class(c) == 0
            && match form {
                UnicodeForm::Nfkc => is_nfkc_quick(one) == IsNormalized::Yes,
                _ => is_nfc_quick(one) == IsNormalized::Yes,
            }
    };
    let mut out = String::with_capacity(text.len());
    let mut builder = MapBuilder::new();
    let mut piece = String::new();
    let mut start = 0usize;
    let mut flush = |from: usize, to: usize, out: &mut String, builder: &mut MapBuilder| {
        let src = &text[from..to];
        piece.clear();
        match form {
            UnicodeForm::Nfkc => piece.extend(src.nfkc()),
            _ => piece.extend(src.nfc()),
        }
        if piece == src {
            out.push_str(src);
        } else {
            let d = out.len();
            out.push_str(&piece);
            builder.edit(from, to, d, out.len());
        }
    };
    for (i, c) in text.char_indices() {
        if i > start && is_boundary(c) {
            flush(start, i, &mut out, &mut builder);
            start = i;
        }
    }
    flush(start, text.len(), &mut out, &mut builder);
    if builder.is_empty() {
        return None;
    }
    let len = out.len();
    Some(Normalized {
        text: Cow::Owned(out),
        map: builder.finish(text.len(), len),
    })
}

/// Arabic marks removed by `arabic_diacritics`: fathatan..sukun and superscript alef.
#[inline]
pub fn is_arabic_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}')
}

/// Arabic tatweel (kashida).
pub const TATWEEL: char = '\u{0640}';

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

/// Number of line breaks a white-space character stands for (U+2029 stands for a paragraph break).
#[inline]
fn line_breaks(c: char) -> usize {
    match c {
        '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' => 1,
        '\u{2029}' => 2,
        _ => 0,
    }
}

/// Per-character rules in one pass.
fn apply_rules<'a>(text: &'a str, o: &NormalizeOptions) -> Normalized<'a> {
    let mut out = String::new();
    let mut builder = MapBuilder::new();
    // Input before `copied` has been handled; input from `copied` to the current position is copied verbatim
    // (lazily: it is only written to `out` when a change follows it).
    let mut copied = 0usize;
    let mut scratch = String::new();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    let removable_mark =
        |m: char| (o.arabic_diacritics && is_arabic_diacritic(m)) || (o.tatweel && m == TATWEEL);

    let mut emit = |from: usize, to: usize, piece: &str, out: &mut String, copied: &mut usize| {
        if text.get(from..to) == Some(piece) {
            return;
        }
        if out.capacity() == 0 {
            out.reserve(text.len());
        }
        out.push_str(&text[*copied..from]);
        let d = out.len();
        out.push_str(piece);
        builder.edit(from, to, d, out.len());
        *copied = to;
    };

    while let Some((i, c)) = chars.next() {
        // Fast path: ASCII letters, digits and punctuation other than white space and controls.
        if c.is_ascii_graphic() && !(o.lowercase && c.is_ascii_uppercase()) {
            continue;
        }
        let is_space = o.whitespace && c.is_whitespace();
        if is_space || (o.invisible && is_invisible(c)) {
            // A run of white space and invisible characters, replaced as a whole.
            let mut end = i + c.len_utf8();
            let mut breaks = if is_space { line_breaks(c) } else { 0 };
            let mut any_space = is_space;
            let mut crlf_prev = c == '\r';
            while let Some(&(j, d)) = chars.peek() {
                let d_space = o.whitespace && d.is_whitespace();
                // Removable marks inside a run belong to no letter: they go with the run.
                if !(d_space || (o.invisible && is_invisible(d)) || removable_mark(d)) {
                    break;
                }
                if d_space {
                    any_space = true;
                    // "\r\n" is one line break.
                    if !(crlf_prev && d == '\n') {
                        breaks += line_breaks(d);
                    }
                }
                crlf_prev = d == '\r';
                end = j + d.len_utf8();
                chars.next();
            }
            // At the start of the output (nothing kept before the run) or at the end of the text.
            let at_edge = out.len() + (i - copied) == 0 || end == bytes.len();
            let piece = if !any_space || (o.whitespace && at_edge) {
                ""
            } else if breaks >= 2 {
                "\n\n"
            } else if breaks == 1 {
                "\n"
            } else {
                " "
            };
            emit(i, end, piece, &mut out, &mut copied);
            continue;
        }
        // A letter (or other visible character) and the marks that follow it.
        let mut end = i + c.len_utf8();
        scratch.clear();
        let removable_mark = |m: char| {
            (o.arabic_diacritics && is_arabic_diacritic(m)) || (o.tatweel && m == TATWEEL)
        };
        if o.alef && matches!(c, 'أ' | 'إ' | 'آ' | 'ٱ') {
            scratch.push('ا');
        } else if o.alef_maqsura && c == 'ى' {
            scratch.push('ي');
        } else if !removable_mark(c) {
            if o.lowercase {
                if c.is_ascii() {
                    scratch.push(c.to_ascii_lowercase());
                } else {
                    scratch.extend(c.to_lowercase());
                }
            } else {
                scratch.push(c);
            }
        }
        while let Some(&(j, m)) = chars.peek() {
            if removable_mark(m) {
                end = j + m.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        emit(i, end, &scratch, &mut out, &mut copied);
    }

    if builder.is_empty() {
        return Normalized {
            text: Cow::Borrowed(text),
            map: OffsetMap::identity(text.len()),
        };
    }
    out.push_str(&text[copied..]);
    let len = out.len();
    Normalized {
        text: Cow::Owned(out),
        map: builder.finish(text.len(), len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(original: &str, n: &Normalized<'_>) {
        // Every char of the output maps to a char-boundary range of the original, in order.
        let mut last_end = 0;
        for (i, c) in n.text.char_indices() {
            let (s, e) = n.map.source_range(i, i + c.len_utf8());
            assert!(
                original.is_char_boundary(s) && original.is_char_boundary(e),
                "{s}..{e}"
            );
            assert!(s >= last_end.min(s), "monotonic");
            assert!(e >= s);
            last_end = e;
        }
        assert!(n.map.source_range(0, n.text.len()).1 <= original.len());
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
        let (s, e) = n.map.source_range(at, at + "لغة".len());
        assert_eq!(&original[s..e], "لُـغَـةٌ");
    }

    #[test]
    fn whitespace_runs() {
        let original = "  one\u{00A0}\u{00A0}two\r\n three \n\n\n four \u{2029}five  ";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "one two\nthree\n\nfour\n\nfive");
        check_map(original, &n);
    }

    #[test]
    fn invisible_removed_zwnj_kept() {
        let original = "\u{FEFF}می\u{200C}خواهم \u{200F}word\u{200B}s";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "می\u{200C}خواهم words");
        check_map(original, &n);
    }

    #[test]
    fn nfc_composition_maps_back() {
        let original = "Cafe\u{0301} RE\u{0301}SUME\u{0301}";
        let n = normalize(original, &NormalizeOptions::default());
        assert_eq!(n.text, "café résumé");
        check_map(original, &n);
        let (s, e) = n.map.source_range(0, "café".len());
        assert_eq!(&original[s..e], "Cafe\u{0301}");
        let at = "café ".len();
        let (s, e) = n.map.source_range(at, n.text.len());
        assert_eq!(&original[s..e], "RE\u{0301}SUME\u{0301}");
    }

    #[test]
    fn options_off_change_nothing() {
        let original = "  A\u{064E}\u{0640}\u{200B}b\r\n";
        let n = normalize(original, &NormalizeOptions::none());
        assert_eq!(n.text, original);
        assert!(n.map.is_identity());
    }
}
