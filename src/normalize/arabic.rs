//! Arabic-script rules: diacritics, Quranic marks, tatweel, letter variants, Persian and Urdu letters.
//!
//! Letter folding (what each letter becomes) is keyed by the text's language, because the same code points are
//! variants in one language and distinct letters in another: in Arabic text Persian ک and ی are typing variants
//! of ك and ي, while in Persian and Urdu text it is the other way round.

use serde::{Deserialize, Serialize};

/// When to fold Persian/Urdu letter variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LetterVariants {
    /// Never.
    Never,
    /// By language: in Arabic text Persian/Urdu forms become Arabic (ک→ك, ی→ي, ہ→ه, ۃ→ة...); in Persian and
    /// Urdu text Arabic ك and ي/ى become ک and ی; text of unknown language is left alone.
    #[default]
    ByLanguage,
    /// Always fold to the Arabic letters, whatever the language.
    ToArabic,
}

/// Arabic-script rules. Defaults are chosen for matching words in news text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct ArabicOptions {
    /// Remove harakat, tanwin, shadda, sukun, superscript alef (U+064B–U+0652, U+0670) and the rarer vowel marks
    /// U+0656–U+065F. Default: true.
    pub diacritics: bool,
    /// Remove Quranic annotation marks (U+06D6–U+06ED, the marks only). Default: true.
    pub quranic_marks: bool,
    /// Remove tatweel (U+0640). Default: true.
    pub tatweel: bool,
    /// Fold alef variants أ إ آ ٱ ٲ ٳ to ا. Default: true.
    pub alef: bool,
    /// Fold alef maqsura ى to ي (to ی in Persian and Urdu text); never to ا. Default: true.
    pub alef_maqsura: bool,
    /// Fold teh marbuta ة to ه. Default: false (it separates words such as مدرسة and مدرسه is rare, but ة carries
    /// gender and grouping handles it).
    pub teh_marbuta: bool,
    /// Fold hamza carriers ؤ → و and ئ → ي. Default: false.
    pub hamza: bool,
    /// Persian and Urdu letter variants. Default: by language.
    pub letter_variants: LetterVariants,
    /// Decompose presentation forms and ligatures (U+FB50–U+FDFF, U+FE70–U+FEFF, e.g. ﻻ → لا) even under NFC.
    /// Default: true.
    pub presentation_forms: bool,
}

impl Default for ArabicOptions {
    fn default() -> Self {
        ArabicOptions {
            diacritics: true,
            quranic_marks: true,
            tatweel: true,
            alef: true,
            alef_maqsura: true,
            teh_marbuta: false,
            hamza: false,
            letter_variants: LetterVariants::ByLanguage,
            presentation_forms: true,
        }
    }
}

impl ArabicOptions {
    /// Every Arabic rule off.
    pub fn none() -> Self {
        ArabicOptions {
            diacritics: false,
            quranic_marks: false,
            tatweel: false,
            alef: false,
            alef_maqsura: false,
            teh_marbuta: false,
            hamza: false,
            letter_variants: LetterVariants::Never,
            presentation_forms: false,
        }
    }
}

/// Harakat, tanwin, shadda, sukun, superscript alef and the rarer vowel marks.
#[inline]
pub fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0656}'..='\u{065F}' | '\u{0670}')
}

/// Quranic annotation marks (the non-spacing marks of U+06D6–U+06ED; the end-of-ayah sign, rub el hizb, place of
/// sajdah and the small waw and yeh letters are not marks and are kept).
#[inline]
pub fn is_quranic_mark(c: char) -> bool {
    matches!(c, '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// The Arabic letter a Persian, Urdu or Kurdish variant stands for in Arabic text.
#[inline]
pub fn persian_to_arabic(c: char) -> Option<char> {
    Some(match c {
        'ک' | 'ڪ' => 'ك',
        'ی' | 'ۍ' | 'ې' | 'ے' | 'ۓ' => 'ي',
        'ہ' | 'ۂ' | 'ھ' | 'ۀ' => 'ه',
        'ۃ' => 'ة',
        _ => return None,
    })
}

/// How letters are folded for the language of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// Arabic-language text: Persian variants become Arabic letters.
    Arabic,
    /// Persian or Urdu text: Arabic ك ي ى become ک ی.
    Persian,
    /// Anything else.
    Other,
}

impl Script {
    pub(crate) fn for_language(code: Option<&str>) -> Script {
        match code {
            Some("ar" | "ara" | "arb" | "arz" | "ary" | "apc" | "acm" | "afb") => Script::Arabic,
            Some("fa" | "fas" | "pes" | "prs" | "ur" | "urd") => Script::Persian,
            _ => Script::Other,
        }
    }
}

/// Fold one Arabic-script letter; returns `c` when no enabled rule applies. Folds chain (ئ → ي → ی in Persian
/// text), so the result is folded again until it no longer changes.
#[inline]
pub(crate) fn fold_letter(c: char, o: &ArabicOptions, script: Script) -> char {
    let mut current = c;
    for _ in 0..3 {
        let next = fold_letter_once(current, o, script);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn fold_letter_once(c: char, o: &ArabicOptions, script: Script) -> char {
    let variants = o.letter_variants;
    let to_arabic = variants == LetterVariants::ToArabic
        || (variants == LetterVariants::ByLanguage && script == Script::Arabic);
    let to_persian = variants == LetterVariants::ByLanguage && script == Script::Persian;
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' if o.alef => 'ا',
        'ى' if to_persian && (o.alef_maqsura || variants != LetterVariants::Never) => 'ی',
        'ى' if o.alef_maqsura => 'ي',
        'ة' if o.teh_marbuta => 'ه',
        'ؤ' if o.hamza => 'و',
        'ئ' if o.hamza => 'ي',
        'ك' if to_persian => 'ک',
        'ي' if to_persian => 'ی',
        _ if to_arabic => persian_to_arabic(c).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_by_language() {
        let o = ArabicOptions::default();
        assert_eq!(fold_letter('ک', &o, Script::Arabic), 'ك');
        assert_eq!(fold_letter('ک', &o, Script::Persian), 'ک');
        assert_eq!(fold_letter('ك', &o, Script::Persian), 'ک');
        assert_eq!(fold_letter('ي', &o, Script::Persian), 'ی');
        assert_eq!(fold_letter('ى', &o, Script::Persian), 'ی');
        assert_eq!(fold_letter('ى', &o, Script::Arabic), 'ي');
        assert_eq!(fold_letter('ک', &o, Script::Other), 'ک');
        assert_eq!(fold_letter('إ', &o, Script::Other), 'ا');
        assert_eq!(fold_letter('ة', &o, Script::Arabic), 'ة');
    }
}
