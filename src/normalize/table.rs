//! Character properties that the normalization rules look at, as bit sets.
//!
//! Every character gets the set of rule families that could change it (or that need to see it, such as white
//! space). The normalizer combines the sets of the enabled rules into one mask, so that the common case — a
//! character no enabled rule touches — costs one table lookup and one AND. Properties of U+0000–U+07FF (Latin,
//! Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana) are computed once per process into a table; other
//! characters are classified on the fly, with shortcuts for the large blocks no rule touches (CJK ideographs,
//! Hangul syllables).

use std::sync::OnceLock;

use caseless::Caseless;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized};

/// Changes under full case folding.
pub const CASE: u32 = 1 << 0;
/// Horizontal white space other than U+0020.
pub const SPACE: u32 = 1 << 1;
/// U+0020.
pub const ASCII_SPACE: u32 = 1 << 2;
/// U+000A.
pub const NEWLINE: u32 = 1 << 3;
/// Other line and paragraph breaks (CR, VT, FF, NEL, LS, PS).
pub const BREAK: u32 = 1 << 4;
/// Invisible format characters and controls (ZWSP, BOM, soft hyphen, bidi controls, C0/C1 controls).
pub const INVISIBLE: u32 = 1 << 5;
/// ZWJ and ZWNJ.
pub const JOINER: u32 = 1 << 6;
/// Arabic harakat, tanwin, shadda, sukun, superscript alef and the rarer vowel marks U+0656–U+065F.
pub const ARABIC_MARK: u32 = 1 << 7;
/// Quranic annotation marks (U+06D6–U+06ED, marks only).
pub const QURANIC_MARK: u32 = 1 << 8;
/// Tatweel.
pub const TATWEEL: u32 = 1 << 9;
/// أ إ آ ٱ ٲ ٳ.
pub const ALEF_VARIANT: u32 = 1 << 10;
/// ى.
pub const ALEF_MAQSURA: u32 = 1 << 11;
/// ة.
pub const TEH_MARBUTA: u32 = 1 << 12;
/// ؤ ئ.
pub const HAMZA_CARRIER: u32 = 1 << 13;
/// Persian and Urdu letter variants of Arabic letters (ک ی ۀ ہ ھ ۃ ے ...).
pub const PERSIAN_LETTER: u32 = 1 << 14;
/// Arabic ك and ي (folded to Persian ک and ی in Persian and Urdu text).
pub const ARABIC_KAF_YEH: u32 = 1 << 15;
/// Decimal digits other than ASCII.
pub const DIGIT: u32 = 1 << 16;
/// Hebrew points and cantillation marks.
pub const HEBREW_POINT: u32 = 1 << 17;
/// Latin letters with diacritics, and ß æ œ ø ł đ ð þ ı ĳ.
pub const LATIN_FOLDABLE: u32 = 1 << 18;
/// Curly quotes, apostrophes, dashes, ellipsis.
pub const PUNCT: u32 = 1 << 19;
/// Canonical combining class other than 0 (ordering matters for NFC).
pub const COMBINING: u32 = 1 << 20;
/// NFC quick check is No or Maybe.
pub const NOT_NFC: u32 = 1 << 21;
/// NFKC quick check is No or Maybe.
pub const NOT_NFKC: u32 = 1 << 22;
/// Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF).
pub const PRESENTATION: u32 = 1 << 23;
/// NFC quick check is Maybe: the character may compose with the one before it (most combining marks, Hangul
/// vowel and final jamo, some Indic vowel signs).
pub const MAYBE: u32 = 1 << 25;
/// Arabic maddah and hamza above/below (U+0653–U+0655), which compose with a letter into a letter variant.
pub const HAMZA_MARK: u32 = 1 << 24;

/// Properties of `c`.
pub fn classify(c: char) -> u32 {
    let u = c as u32;
    // Large blocks that no rule touches.
    if (0x4E00..=0x9FFF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0x3400..=0x4DBF).contains(&u)
    {
        return 0;
    }
    let mut bits = 0;
    if is_case_changing(c) {
        bits |= CASE;
    }
    bits |= match c {
        ' ' => ASCII_SPACE,
        '\n' => NEWLINE,
        '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' => BREAK,
        '\u{200C}' | '\u{200D}' => JOINER,
        '\u{0640}' => TATWEEL,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => ALEF_VARIANT,
        'ى' => ALEF_MAQSURA,
        'ة' => TEH_MARBUTA,
        'ؤ' | 'ئ' => HAMZA_CARRIER,
        'ك' | 'ي' => ARABIC_KAF_YEH,
        '\u{0653}'..='\u{0655}' => HAMZA_MARK,
        _ if super::arabic::persian_to_arabic(c).is_some() => PERSIAN_LETTER,
        _ if c.is_whitespace() => SPACE,
        _ if super::is_invisible(c) => INVISIBLE,
        _ if super::arabic::is_diacritic(c) => ARABIC_MARK,
        _ if super::arabic::is_quranic_mark(c) => QURANIC_MARK,
        _ if super::is_hebrew_point(c) => HEBREW_POINT,
        _ => 0,
    };
    if super::digit_value(c).is_some() && !c.is_ascii_digit() {
        bits |= DIGIT;
    }
    if super::latin::is_foldable(c) {
        bits |= LATIN_FOLDABLE;
    }
    if super::punct::fold(c).is_some() {
        bits |= PUNCT;
    }
    if canonical_combining_class(c) != 0 {
        bits |= COMBINING;
    }
    match is_nfc_quick(std::iter::once(c)) {
        IsNormalized::Yes => {}
        IsNormalized::Maybe => bits |= NOT_NFC | MAYBE,
        IsNormalized::No => bits |= NOT_NFC,
    }
    if is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes {
        bits |= NOT_NFKC;
    }
    if (0xFB50..=0xFDFF).contains(&u) || (0xFE70..=0xFEFF).contains(&u) {
        bits |= PRESENTATION;
        // Isolated and medial forms of harakat (ﹰ ﹲ ﱞ...) are diacritics: removed with them.
        let mut only_marks = true;
        let mut any = false;
        unicode_normalization::char::decompose_compatible(c, |d| {
            any = true;
            only_marks &= d == ' ' || super::arabic::is_diacritic(d);
        });
        if any && only_marks {
            bits |= ARABIC_MARK;
        }
    }
    bits
}

fn is_case_changing(c: char) -> bool {
    let mut folded = std::iter::once(c).default_case_fold();
    !(folded.next() == Some(c) && folded.next().is_none())
}

/// Number of code points with a precomputed entry.
const TABLE_LEN: usize = 0x800;

/// Build the table now (it is otherwise built on first use).
pub(crate) fn prepare() {
    table();
}

fn table() -> &'static [u32; TABLE_LEN] {
    static TABLE: OnceLock<Box<[u32; TABLE_LEN]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Box::new([0u32; TABLE_LEN]);
        for (u, slot) in t.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(u as u32) {
                *slot = classify(c);
            }
        }
        t
    })
}

/// Properties of the rest of the Basic Multilingual Plane, 256 code points a page, each page computed on first
/// use (General Punctuation, for instance, holds curly quotes, dashes, bidi controls and line separators).
fn page(index: usize) -> Option<&'static [u32; 256]> {
    static PAGES: [OnceLock<Box<[u32; 256]>>; 256] = [const { OnceLock::new() }; 256];
    let cell = PAGES.get(index)?;
    Some(cell.get_or_init(|| {
        let mut t = Box::new([0u32; 256]);
        for (i, slot) in t.iter_mut().enumerate() {
            if let Some(c) = char::from_u32((index * 256 + i) as u32) {
                *slot = classify(c);
            }
        }
        t
    }))
}

/// Properties of `c`, from the tables where it has an entry.
#[inline]
pub fn bits(c: char) -> u32 {
    let u = c as usize;
    if u < TABLE_LEN {
        table()[u]
    } else if let Some(p) = page(u >> 8) {
        p[u & 0xFF]
    } else {
        classify(c)
    }
}

/// The table, for hot loops that look up many characters (avoids the `OnceLock` check per character).
#[inline]
pub fn ascii_and_two_byte_table() -> &'static [u32; TABLE_LEN] {
    table()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_classify() {
        for u in 0..TABLE_LEN as u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(bits(c), classify(c), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn common_letters_are_plain() {
        for c in [
            'a', 'z', '0', '.', 'ا', 'ب', 'ل', 'م', 'ن', 'ש', 'я', '中', '한',
        ] {
            let b = bits(c);
            assert_eq!(
                b & !(PUNCT | COMBINING | NOT_NFC | NOT_NFKC | MAYBE),
                0,
                "{c} {b:b}"
            );
        }
        assert_eq!(bits('A'), CASE);
        assert_ne!(bits('é') & LATIN_FOLDABLE, 0);
        assert_ne!(bits('\u{064E}') & ARABIC_MARK, 0);
        assert_ne!(bits('\u{064E}') & COMBINING, 0);
        assert_ne!(bits('٣') & DIGIT, 0);
        assert_ne!(bits('ﻻ') & PRESENTATION, 0);
    }
}
