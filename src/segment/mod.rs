//! Paragraphs, sentences and typed tokens.
//!
//! Segmentation runs on the normalized text and reports byte ranges of the text it was given; the analysis maps
//! them back to the original. The base is Unicode's UAX #29 (word and sentence boundaries, via
//! `unicode-segmentation`):
//! - paragraphs are maximal runs of non-blank lines;
//! - sentences are UAX #29 sentences inside a paragraph, so a line break (a headline, a list item) always ends
//!   one, and Arabic `؟` and `۔` end one while `،` does not (these are their Sentence_Break properties);
//! - tokens are UAX #29 words, white space dropped, each typed by what it holds.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_segmentation::UnicodeSegmentation;

/// What a token holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum TokenKind {
    /// Contains at least one letter.
    Word = 0,
    /// Digits, possibly with separators (`3.5`, `1,000`), and no letter.
    Number = 1,
    /// Punctuation only.
    Punctuation = 2,
    /// Anything else: symbols, emoji, marks.
    Symbol = 3,
}

impl TokenKind {
    /// True for tokens that carry words or numbers.
    pub fn is_word_like(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Number)
    }
}

/// A token: a byte range of the segmented text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the segmented text.
    pub range: Range<usize>,
    /// What the token holds.
    pub kind: TokenKind,
    /// Index of the sentence it belongs to.
    pub sentence: usize,
}

/// A sentence: a byte range of the segmented text and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the segmented text, without surrounding white space.
    pub range: Range<usize>,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
    /// Tokens of this sentence: indexes into [`Segmentation::tokens`].
    pub tokens: Range<usize>,
}

/// Paragraphs, sentences and tokens of one text, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Byte ranges of paragraphs.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order; white space is not a token.
    pub tokens: Vec<Token>,
}

/// The kind of a UAX #29 word segment, or `None` for white space.
pub fn classify(segment: &str) -> Option<TokenKind> {
    let mut digits = false;
    let mut punct = false;
    let mut other = false;
    for c in segment.chars() {
        if c.is_alphabetic() {
            return Some(TokenKind::Word);
        }
        if c.is_numeric() {
            digits = true;
        } else if c.is_whitespace() {
        } else if c.general_category_group() == GeneralCategoryGroup::Punctuation {
            punct = true;
        } else if c.general_category_group() != GeneralCategoryGroup::Mark
            && !matches!(c, '\u{200C}' | '\u{200D}')
        {
            other = true;
        }
    }
    Some(if digits {
        TokenKind::Number
    } else if other {
        TokenKind::Symbol
    } else if punct {
        TokenKind::Punctuation
    } else {
        return None;
    })
}

/// Byte ranges of paragraphs: maximal runs of lines that hold something other than white space.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0usize;
    let mut pos = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            end = pos + lead + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// Segment `text` into paragraphs, sentences and tokens.
///
/// ```
/// let s = maqal::segment::segment("قال الوزير: نعم. هل تأتي؟\n\nSecond paragraph.");
/// assert_eq!(s.paragraphs.len(), 2);
/// assert_eq!(s.sentences.len(), 3);
/// ```
pub fn segment(text: &str) -> Segmentation {
    let mut seg = Segmentation {
        paragraphs: paragraphs(text),
        ..Segmentation::default()
    };
    for (p, para) in seg.paragraphs.iter().enumerate() {
        let body = &text[para.clone()];
        for (off, sentence) in body.split_sentence_bound_indices() {
            let trimmed = sentence.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            let trimmed = trimmed.trim_start();
            if trimmed.is_empty() {
                continue;
            }
            let start = para.start + off + lead;
            let first_token = seg.tokens.len();
            let sentence_index = seg.sentences.len();
            for (w_off, word) in trimmed.split_word_bound_indices() {
                if let Some(kind) = classify(word) {
                    let s = start + w_off;
                    seg.tokens.push(Token {
                        range: s..s + word.len(),
                        kind,
                        sentence: sentence_index,
                    });
                }
            }
            seg.sentences.push(Sentence {
                range: start..start + trimmed.len(),
                paragraph: p,
                tokens: first_token..seg.tokens.len(),
            });
        }
    }
    seg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let t = "a b\nc\n\n  \n d e \n";
        let p = paragraphs(t);
        assert_eq!(p.len(), 2);
        assert_eq!(&t[p[0].clone()], "a b\nc");
        assert_eq!(&t[p[1].clone()], "d e");
    }

    #[test]
    fn arabic_sentences_and_tokens() {
        let t = "هل تأتي؟ نعم، سآتي غدا.";
        let s = segment(t);
        let sentences: Vec<&str> = s.sentences.iter().map(|x| &t[x.range.clone()]).collect();
        assert_eq!(sentences, vec!["هل تأتي؟", "نعم، سآتي غدا."]);
        let kinds: Vec<TokenKind> = s.tokens.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            vec![
                Word,
                Word,
                Punctuation,
                Word,
                Punctuation,
                Word,
                Word,
                Punctuation
            ]
        );
    }

    #[test]
    fn headline_lines_are_sentences() {
        let t = "A headline without a stop\nThe body starts here. It goes on.";
        let s = segment(t);
        assert_eq!(s.sentences.len(), 3);
        assert_eq!(s.paragraphs.len(), 1);
    }

    #[test]
    fn numbers_symbols() {
        assert_eq!(classify("3.5"), Some(TokenKind::Number));
        assert_eq!(classify("٢٠٢٦"), Some(TokenKind::Number));
        assert_eq!(classify("«"), Some(TokenKind::Punctuation));
        assert_eq!(classify("$"), Some(TokenKind::Symbol));
        assert_eq!(classify(" "), None);
        assert_eq!(classify("spot_img"), Some(TokenKind::Word));
    }
}
