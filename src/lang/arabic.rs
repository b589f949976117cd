//! Arabic grouping keys: a conservative light stemmer for grouping cliticized and inflected forms.
//!
//! Grouping must merge المغرب / بالمغرب / للمغرب / والمغرب and الإسرائيلي / الإسرائيلية, and must not merge
//! unrelated words. Following the light-stemming line of work (Larkey, Ballesteros & Connell, "Light Stemming for
//! Arabic Information Retrieval", 2007) but more conservatively:
//! - the definite article and the prepositions fused with it (ال، وال، فال، بال، كال، لل، ولل، فلل) are removed
//!   when at least three letters remain, and so is an ال right after it (a word that starts with أل or إل, such as
//!   ألعاب, reads ال once its hamza is folded: الألعاب, للألعاب and ألعاب share one key);
//! - a final teh marbuta ة after at least three letters is removed, so
//!   masculine and feminine forms of an adjective group;
//! - the feminine plural ات is removed when at least three letters remain (قرارات → قرار, مفاوضات → مفاوض, like
//!   مفاوضة);
//! - the masculine plural ون / ين is removed only after the nisba ي and when at least four letters remain
//!   (مصريون, مصريين → مصري; تعيين "appointment" stays whole);
//! - other suffixes (pronouns ه ها هم, the dual ان) are left alone: too many words end in those letters
//!   (لبنان, إيران, الله);
//! - a single proclitic letter (و ف ب ل ك) is *not* removed by the key itself, since many words begin with those
//!   letters (وزير, فيلم, بلد, لبنان, كتاب): the keyword stage removes it only when the rest of the word is itself a
//!   word of the same document ([`single_proclitic`]).
//!
//! Keys work on normalized text (alef variants folded, diacritics removed, lowercase).

/// Number of Arabic letters (chars) in `s`.
fn letters(s: &str) -> usize {
    s.chars().count()
}

const ARTICLES: [&str; 8] = ["ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"];

/// `word` without a leading definite article (and fused preposition), when at least three letters remain.
///
/// A word that itself starts with ال once its hamza is folded (ألعاب → العاب, إلغاء → الغاء, التزام) cannot be told
/// from one with the article, so after an article that start is removed too: الألعاب, للألعاب and ألعاب all
/// become عاب, and الالتزام groups with التزام.
pub fn strip_article(word: &str) -> &str {
    let article = ARTICLES
        .into_iter()
        .find_map(|a| word.strip_prefix(a).filter(|rest| letters(rest) >= 3));
    match article {
        Some(rest) => rest
            .strip_prefix("ال")
            .filter(|r| letters(r) >= 3)
            .unwrap_or(rest),
        None => word,
    }
}

/// `word` without a final teh marbuta ة, when at least three letters remain. (A final ه is left alone: it is
/// usually the pronoun suffix, or part of the root as in الله.)
pub fn strip_feminine(word: &str) -> &str {
    match word.strip_suffix('ة') {
        Some(rest) if letters(rest) >= 3 => rest,
        _ => word,
    }
}

/// `word` without a plural suffix (ات, or ون / ين after the nisba ي), as described in the module docs.
pub fn strip_plural(word: &str) -> &str {
    if let Some(rest) = word.strip_suffix("ات") {
        if letters(rest) >= 3 {
            return rest;
        }
    }
    if let Some(rest) = word.strip_suffix("ين").or_else(|| word.strip_suffix("ون")) {
        if rest.ends_with('ي') && letters(rest) >= 4 {
            return rest;
        }
    }
    word
}

/// The grouping key of a normalized Arabic word.
///
/// ```
/// use maqal::lang::arabic::key;
/// assert_eq!(key("المغرب"), "مغرب");
/// assert_eq!(key("بالمغرب"), "مغرب");
/// assert_eq!(key("للمغرب"), "مغرب");
/// assert_eq!(key("الاسرائيلية"), key("الاسرائيلي"));
/// assert_ne!(key("الي"), key("الا")); // إلى and إلا stay apart
/// assert_eq!(key("وزير"), "وزير"); // no guessing at a lone proclitic
/// ```
pub fn key(word: &str) -> &str {
    let stem = strip_article(word);
    let plural = strip_plural(stem);
    if plural.len() < stem.len() {
        plural
    } else {
        strip_feminine(stem)
    }
}

/// `word` without a one-letter proclitic (و ف ب ل ك), when at least three letters remain. The caller decides
/// whether the remainder is a word (see the module docs).
pub fn single_proclitic(word: &str) -> Option<&str> {
    let mut chars = word.chars();
    match chars.next() {
        Some('و' | 'ف' | 'ب' | 'ل' | 'ك') if letters(chars.as_str()) >= 3 => {
            Some(chars.as_str())
        }
        _ => None,
    }
}

/// For a word written with لل (ل + the article before a word that itself starts with ل: للجنة is ل + اللجنة),
/// the key it has under that reading (لجن), which [`key`] cannot tell from the commoner reading (ل + ال + word:
/// للمغرب). The keyword stage uses it when the document has that key from another form (اللجنة, لجنة).
///
/// ```
/// use maqal::lang::arabic::{key, lam_alternative};
/// assert_eq!(key("للجنة"), "جنة");
/// assert_eq!(lam_alternative("للجنة").as_deref(), Some("لجن"));
/// assert_eq!(lam_alternative("المغرب"), None);
/// ```
pub fn lam_alternative(word: &str) -> Option<String> {
    let rest = ["ولل", "فلل", "لل"]
        .into_iter()
        .find_map(|p| word.strip_prefix(p))?;
    let alternative = format!("ل{rest}");
    (letters(&alternative) >= 3).then(|| key(&alternative).to_string())
}

/// Whether `word` is written in Arabic script.
pub fn is_arabic_word(word: &str) -> bool {
    word.chars()
        .find(|&c| super::is_alphabetic(c))
        .is_some_and(|c| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_feminine() {
        let cases = [
            ("المغرب", "مغرب"),
            ("والمغرب", "مغرب"),
            ("فالمغرب", "مغرب"),
            ("كالمغرب", "مغرب"),
            ("للمغرب", "مغرب"),
            ("العسكرية", "عسكري"),
            ("العسكري", "عسكري"),
            ("الله", "الله"),
            ("اله", "اله"),
            ("الذي", "الذي"),
            ("غزة", "غزة"),
            ("تعاونه", "تعاونه"),
            ("مدينة", "مدين"),
        ];
        for (w, k) in cases {
            assert_eq!(key(w), k, "{w}");
        }
    }

    #[test]
    fn single_proclitics() {
        assert_eq!(single_proclitic("واسرائيل"), Some("اسرائيل"));
        assert_eq!(single_proclitic("وفي"), None);
        assert_eq!(single_proclitic("مغرب"), None);
    }
}
