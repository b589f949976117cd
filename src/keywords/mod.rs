//! Keyphrase extraction: candidates, scoring, near-duplicate removal.
//!
//! Candidates are 1–`max_words`-word phrases inside one chunk (a run of words between punctuation, numbers or
//! sentence ends), that neither start nor end with a stopword, and whose words are all words (not numbers, not
//! template junk such as `spot_img`). Words are compared in their normalized form, so diacritic, tatweel and case
//! variants are one candidate. Scoring is YAKE ([`yake`]); the best candidates are kept unless they are near
//! duplicates (Levenshtein similarity above a threshold) of a better one.

mod yake;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::lang::{self, arabic, Stopwords};
use crate::normalize::fold_case;
use crate::segment::{Segmentation, TokenKind};

/// Options of keyphrase extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct KeywordOptions {
    /// How many keyphrases to return. Default: 10.
    pub top: usize,
    /// Longest keyphrase, in words (1 to 5). Default: 3.
    pub max_words: usize,
    /// Candidates at least this similar (Levenshtein ratio, 0 to 1) to a better one are dropped. Default: 0.9.
    pub dedup_threshold: f64,
}

impl Default for KeywordOptions {
    fn default() -> Self {
        KeywordOptions {
            top: 10,
            max_words: 3,
            dedup_threshold: 0.9,
        }
    }
}

/// How a word is written, for YAKE's casing feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casing {
    /// No capital letter where it matters (or a script without case).
    Plain,
    /// Starts with a capital letter, away from the start of a sentence.
    Capitalized,
    /// Two or more letters, all capitals.
    Acronym,
}

/// A scored keyphrase in the coordinates of the text it was extracted from.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Normalized words joined by single spaces.
    pub key: String,
    /// Score in (0, 1], higher is better; the best keyphrase scores 1.
    pub score: f64,
    /// YAKE score (lower is better).
    pub raw_score: f64,
    /// Byte ranges of every occurrence in the segmented text.
    pub occurrences: Vec<Range<usize>>,
}

/// Whether a token can be part of a candidate as a content word: template junk (`spot_img`) and mixtures of
/// letters and digits (`2300abc`) are not.
fn is_plain_word(word: &str) -> bool {
    let mut letter = false;
    let mut digit = false;
    for c in word.chars() {
        if c == '_' {
            return false;
        }
        letter |= crate::lang::is_alphabetic(c);
        digit |= c.is_numeric();
    }
    letter
        && !digit
        && word
            .chars()
            .filter(|&c| crate::lang::is_alphabetic(c))
            .nth(1)
            .is_some()
}

/// How a word is written, for YAKE's casing feature.
fn casing(word: &str) -> Casing {
    let mut letters = word.chars().filter(|&c| crate::lang::is_alphabetic(c));
    match letters.next() {
        Some(first) if first.is_uppercase() => {
            let mut n = 1;
            let all = letters.all(|c| {
                n += 1;
                c.is_uppercase()
            });
            if all && n > 1 {
                Casing::Acronym
            } else {
                Casing::Capitalized
            }
        }
        _ => Casing::Plain,
    }
}

/// A word token's matching form, stopword status and grouping key.
struct WordForm {
    stopword: bool,
    key: String,
}

/// Matching forms of every word token (`None` for other tokens). Grouping keys come from [`lang::group_key`] (the
/// Arabic light key for Arabic-script words, the Snowball stem for a language with a stemmer); a one-letter Arabic
/// proclitic is removed only when the rest is a word of the same document.
fn word_forms(
    text: &str,
    seg: &Segmentation,
    stopwords: &Stopwords,
    case_fold: bool,
    language: Option<&str>,
) -> Vec<Option<WordForm>> {
    let mut forms: Vec<Option<WordForm>> = Vec::with_capacity(seg.tokens.len());
    let mut keys: HashSet<String> = HashSet::new();
    for token in &seg.tokens {
        if token.kind != TokenKind::Word {
            forms.push(None);
            continue;
        }
        let surface = &text[token.range.clone()];
        let lower: Cow<'_, str> = if case_fold {
            fold_case(surface, language)
        } else {
            Cow::Borrowed(surface)
        };
        let arabic = arabic::is_arabic_word(&lower);
        let stopword = stopwords.contains(&lower)
            || !is_plain_word(&lower)
            || (arabic
                && arabic::single_proclitic(&lower).is_some_and(|rest| stopwords.contains(rest)));
        let key = lang::group_key(&lower, language.unwrap_or("und")).into_owned();
        keys.insert(key.clone());
        forms.push(Some(WordForm { stopword, key }));
    }
    for (token, form) in seg.tokens.iter().zip(forms.iter_mut()) {
        let Some(form) = form else { continue };
        if form.stopword {
            continue;
        }
        let surface = &text[token.range.clone()];
        if let Some(alternative) = arabic::lam_alternative(surface) {
            if alternative != form.key && keys.contains(&alternative) {
                form.key = alternative;
                continue;
            }
        }
        if let Some(rest) = arabic::single_proclitic(surface) {
            let rest_key = arabic::key(rest);
            if rest_key != form.key && keys.contains(rest_key) {
                form.key = rest_key.to_string();
            }
        }
    }
    forms
}

/// Extract keyphrases from `text` (normalized, letter case preserved, and segmented into `seg`).
///
/// With `case_fold`, words are compared case-folded for `language` (casing still informs the score).
pub fn extract(
    text: &str,
    seg: &Segmentation,
    stopwords: &Stopwords,
    case_fold: bool,
    language: Option<&str>,
    options: &KeywordOptions,
) -> Vec<Scored> {
    if options.top == 0 {
        return Vec::new();
    }
    let forms = word_forms(text, seg, stopwords, case_fold, language);
    // Term ids per token (None: a chunk break).
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut terms: Vec<yake::TermStats> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut token_term: Vec<Option<usize>> = Vec::with_capacity(seg.tokens.len());
    for (token, form) in seg.tokens.iter().zip(&forms) {
        let Some(form) = form else {
            token_term.push(None);
            continue;
        };
        let id = *ids.entry(form.key.as_str()).or_insert_with(|| {
            names.push(form.key.as_str());
            terms.push(yake::TermStats {
                stopword: form.stopword,
                ..Default::default()
            });
            terms.len() - 1
        });
        let t = &mut terms[id];
        t.tf += 1.0;
        t.sentences.push(token.sentence);
        // A capital at the start of a sentence says nothing.
        let first_in_sentence = seg
            .sentences
            .get(token.sentence)
            .is_some_and(|s| s.tokens.start == token_term.len());
        match casing(&text[token.range.clone()]) {
            Casing::Acronym => t.tf_acronym += 1.0,
            Casing::Capitalized if !first_in_sentence => t.tf_upper += 1.0,
            _ => {}
        }
        token_term.push(Some(id));
    }
    // Chunks: maximal runs of word tokens, adjacent in the same sentence.
    let mut chunks: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, (token, term)) in seg.tokens.iter().zip(&token_term).enumerate() {
        let continues =
            term.is_some() && start.is_some_and(|s| seg.tokens[s].sentence == token.sentence);
        if continues {
            continue;
        }
        if let Some(s) = start.take() {
            chunks.push(s..i);
        }
        if term.is_some() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunks.push(s..seg.tokens.len());
    }
    // Co-occurrence, window 1.
    for chunk in &chunks {
        for i in chunk.start + 1..chunk.end {
            if let (Some(a), Some(b)) = (token_term[i - 1], token_term[i]) {
                *terms[b].left.entry(a).or_insert(0) += 1;
                *terms[a].right.entry(b).or_insert(0) += 1;
            }
        }
    }
    yake::score_terms(&mut terms, seg.sentences.len());

    // Candidates.
    let max_words = options.max_words.clamp(1, 5);
    let mut candidates: HashMap<Vec<usize>, Vec<Range<usize>>> = HashMap::new();
    for chunk in &chunks {
        for i in chunk.clone() {
            let Some(first) = token_term[i] else { continue };
            if terms[first].stopword {
                continue;
            }
            for n in 1..=max_words {
                let j = i + n;
                if j > chunk.end {
                    break;
                }
                let Some(last) = token_term[j - 1] else { break };
                if terms[last].stopword {
                    continue;
                }
                let key: Vec<usize> = token_term[i..j].iter().flatten().copied().collect();
                let range = seg.tokens[i].range.start..seg.tokens[j - 1].range.end;
                candidates.entry(key).or_default().push(range);
            }
        }
    }
    let mut scored: Vec<Scored> = candidates
        .into_iter()
        .map(|(key, occurrences)| {
            let raw = yake::score_candidate(&key, &terms, occurrences.len());
            Scored {
                key: key
                    .iter()
                    .map(|&id| names[id])
                    .collect::<Vec<_>>()
                    .join(" "),
                score: 0.0,
                raw_score: raw,
                occurrences,
            }
        })
        .collect();
    scored.sort_by(|a, b| {
        a.raw_score
            .total_cmp(&b.raw_score)
            .then(a.occurrences[0].start.cmp(&b.occurrences[0].start))
    });

    // Near-duplicate removal and the top N.
    let mut kept: Vec<Scored> = Vec::with_capacity(options.top);
    for c in scored {
        if kept.len() >= options.top {
            break;
        }
        if kept.iter().any(|k| {
            similarity(&k.key, &c.key) >= options.dedup_threshold || overlapping(&k.key, &c.key)
        }) {
            continue;
        }
        kept.push(c);
    }
    let best = kept.first().map_or(1.0, |k| k.raw_score);
    for k in &mut kept {
        k.score = if k.raw_score > 0.0 {
            (best / k.raw_score).clamp(0.0, 1.0)
        } else {
            1.0
        };
    }
    kept
}

/// Whether two keyphrases (grouping keys, words separated by spaces) say the same thing twice: the words of one are
/// all in the other ("خطة عمل" and "خطة عمل عسكرية", "التعاون" and "التعاون العسكري"), or they share two words or
/// more ("توقيع خطة عمل" and "خطة عمل عسكرية"). The better-ranked one is kept.
fn overlapping(a: &str, b: &str) -> bool {
    let a: Vec<&str> = a.split(' ').collect();
    let b: Vec<&str> = b.split(' ').collect();
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared == a.len().min(b.len()) || shared >= 2
}

/// Levenshtein similarity `1 − distance / max(len)` over characters.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_bounds() {
        assert_eq!(similarity("abc", "abc"), 1.0);
        assert_eq!(similarity("", "abc"), 0.0);
        assert!((similarity("kitten", "sitting") - (1.0 - 3.0 / 7.0)).abs() < 1e-9);
    }

    #[test]
    fn plain_words() {
        assert!(is_plain_word("المغرب"));
        assert!(!is_plain_word("spot_img"));
        assert!(!is_plain_word("x"));
        assert!(!is_plain_word("a1"));
    }
}
