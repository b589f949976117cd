//! Paragraphs, sentences and typed tokens.
//!
//! Segmentation reports byte ranges of the text it is given (the analysis runs it on the normalized text and maps
//! the ranges back to the original). The base is Unicode's UAX #29 via `unicode-segmentation`
//! ([`SegmentMode::Plain`] is exactly that); the default [`SegmentMode::News`] adds what articles need:
//!
//! - **Tokens.** URLs (`https://…`, `www.…`), e-mail addresses, `@mentions`, `#hashtags` (any script), dates
//!   (`22/11/2026`, `2026-11-22`) and times (`10:30`) are single tokens; UAX #29 already keeps decimals
//!   (`3.5`, `٣٫٥`), grouped numbers (`1,000`), numbers in any script's digits and emoji sequences (ZWJ, flags,
//!   skin tones) together. A full stop or colon between two Arabic words with no space separates them
//!   (`الماضيين.فقد`, `م.القحطاني`), where UAX #29 would keep one word. Each token has a [`TokenKind`].
//! - **Sentences.** UAX #29 sentences (so `؟` and `۔` end one and `،` does not; quotes and closing brackets after a
//!   full stop belong to the sentence they close; a line break ends one, so headlines and list items are
//!   sentences), then joined again where a full stop belongs to an abbreviation: a title (`Dr.`, `Prof.`, `د.`)
//!   never ends a sentence, a number abbreviation (`No.`, `pp.`) does not before a number, and a single capital
//!   initial does not before a capitalized word (`Lester B. Pearson`). Lists: `data/abbreviations/`. A line
//!   break that only wraps a sentence (hard-wrapped text: the line ends with no sentence punctuation and the next
//!   one starts with a lowercase letter) does not end it.
//! - **Paragraphs** are maximal runs of non-blank lines.
//!
//! [`tokens`] iterates without allocating per token; [`segment`] collects everything.

use crate::keywords::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use unicode_properties::{GeneralCategoryGroup, UnicodeEmoji, UnicodeGeneralCategory};
use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

use crate::normalize::digit_value;
use crate::span::utf16_units;

mod fast;

/// What a token holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum TokenKind {
    /// Contains at least one letter.
    Word = 0,
    /// Digits, possibly with separators (`3.5`, `1,000`, `22/11/2026`, `10:30`), and no letter.
    Number = 1,
    /// Punctuation only.
    Punctuation = 2,
    /// Symbols and marks that are not emoji (`$`, `%`, `+`).
    Symbol = 3,
    /// A web address.
    Url = 4,
    /// An e-mail address.
    Email = 5,
    /// `@name`.
    Mention = 6,
    /// `#tag`.
    Hashtag = 7,
    /// An emoji or emoji sequence.
    Emoji = 8,
}

impl TokenKind {
    /// True for tokens that carry words: words, numbers, URLs, addresses, mentions and hashtags.
    pub fn is_word_like(self) -> bool {
        !matches!(
            self,
            TokenKind::Punctuation | TokenKind::Symbol | TokenKind::Emoji
        )
    }
}

/// How much beyond UAX #29 segmentation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum SegmentMode {
    /// UAX #29 word and sentence boundaries only.
    Plain,
    /// UAX #29 plus the rules for news text (see the module docs).
    #[default]
    News,
}

/// Options of segmentation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct SegmentOptions {
    /// Plain UAX #29 or news rules. Default: news.
    pub mode: SegmentMode,
    /// Language of the text (ISO 639-1), for its abbreviations (English ones always apply); without one, the
    /// abbreviations of every language with a list apply. Default: none.
    pub language: Option<String>,
}

/// A token: a byte range and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it holds.
    pub kind: TokenKind,
}

/// A token of a [`Segmentation`]: byte range, kind and sentence.
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
    // White space, possibly with marks that UAX #29 attaches to it (a space followed by a haraka).
    if segment.chars().next().is_none_or(char::is_whitespace) {
        return None;
    }
    let mut digits = false;
    let mut punct = false;
    let mut emoji = false;
    let mut other = false;
    for c in segment.chars() {
        if c.is_alphabetic() {
            return Some(TokenKind::Word);
        }
        if c.is_numeric() {
            digits = true;
        } else if c.is_whitespace() {
        } else if !c.is_ascii()
            && (has_emoji_presentation(c)
                // An emoji with text presentation by default (❤, ©) is one when U+FE0F asks for emoji presentation.
                || (c == '\u{FE0F}' && segment.chars().any(|b| !b.is_ascii() && b.is_emoji_char())))
        {
            emoji = true;
        } else if category_group(c) == GeneralCategoryGroup::Punctuation {
            punct = true;
        } else if category_group(c) != GeneralCategoryGroup::Mark
            && !matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE0F}')
        {
            other = true;
        }
    }
    Some(if digits {
        TokenKind::Number
    } else if emoji {
        TokenKind::Emoji
    } else if other {
        TokenKind::Symbol
    } else if punct {
        TokenKind::Punctuation
    } else {
        return None;
    })
}

fn has_emoji_presentation(c: char) -> bool {
    use unicode_properties::EmojiStatus as E;
    matches!(
        c.emoji_status(),
        E::EmojiPresentation
            | E::EmojiPresentationAndModifierBase
            | E::EmojiPresentationAndEmojiComponent
            | E::EmojiPresentationAndModifierAndEmojiComponent
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || category_group(c) == GeneralCategoryGroup::Mark
}

/// Length of a URL starting at the start of `s`.
fn url_len(s: &str) -> Option<usize> {
    let lower_prefix = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    let scheme = ["https://", "http://", "ftp://", "www."]
        .into_iter()
        .find(|p| lower_prefix(p))?;
    if !s[scheme.len()..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let mut end = 0;
    let mut open_parens = 0i32;
    for (i, c) in s.char_indices() {
        if c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”' | '،' | '؛')
        {
            break;
        }
        match c {
            '(' => open_parens += 1,
            ')' if open_parens == 0 => break,
            ')' => open_parens -= 1,
            _ => {}
        }
        end = i + c.len_utf8();
    }
    // Trailing punctuation ends the sentence, not the address.
    let trimmed = s[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '…', '؟']);
    (trimmed.len() > scheme.len()).then_some(trimmed.len())
}

/// Length of an e-mail address starting at the start of `s`.
fn email_len(s: &str) -> Option<usize> {
    // The local part, then '@' (looked for only as far as the local part goes).
    let at = s
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b"._%+-".contains(&b)))?;
    if at == 0 || s.as_bytes()[at] != b'@' {
        return None;
    }
    let mut end = at + 1;
    let mut dots = 0;
    let mut last_label = 0;
    for c in s[at + 1..].chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            last_label += 1;
        } else if c == '.' && last_label > 0 {
            dots += 1;
            last_label = 0;
        } else {
            break;
        }
        end += 1;
    }
    let domain = s[at + 1..end].trim_end_matches('.');
    let tld = domain.rsplit('.').next().unwrap_or("");
    (dots >= 1
        && domain.contains('.')
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic()))
    .then_some(at + 1 + domain.len())
}

/// Length of `@name` or `#tag` starting at the start of `s` (`sigil` is `@` or `#`).
fn tag_len(s: &str, sigil: char) -> Option<usize> {
    let rest = s.strip_prefix(sigil)?;
    let mut end = 0;
    let mut letter = false;
    for (i, c) in rest.char_indices() {
        if !is_word_char(c) {
            break;
        }
        letter |= c.is_alphabetic() || (sigil == '@' && c.is_numeric());
        end = i + c.len_utf8();
    }
    (end > 0 && letter).then_some(1 + end)
}

/// Lengths of the digit runs separated by `sep` at the start of `s`: (total length, runs).
fn digit_groups(s: &str, seps: &[char]) -> (usize, Vec<usize>, Option<char>) {
    let mut runs = Vec::new();
    let mut len = 0;
    let mut run = 0;
    let mut sep_used: Option<char> = None;
    let mut end_at_run = 0;
    for c in s.chars() {
        if digit_value(c).is_some() {
            run += 1;
            len += c.len_utf8();
            end_at_run = len;
        } else if seps.contains(&c) && run > 0 && sep_used.is_none_or(|u| u == c) {
            runs.push(run);
            run = 0;
            sep_used = Some(c);
            len += c.len_utf8();
        } else {
            break;
        }
    }
    if run > 0 {
        runs.push(run);
    }
    (end_at_run, runs, sep_used)
}

/// Length of a date (`22/11/2026`, `2026-11-22`) or time (`10:30`, `10:30:15`) at the start of `s`.
fn date_time_len(s: &str) -> Option<usize> {
    let (len, runs, sep) = digit_groups(s, &['/', '-', '.', ':']);
    let ok = match (sep, runs.as_slice()) {
        (Some(':'), [h, m]) | (Some(':'), [h, m, _]) => *h <= 2 && *m == 2,
        (Some('/' | '-' | '.'), [a, b, c]) => {
            (*a <= 2 && *b <= 2 && (*c == 2 || *c == 4)) || (*a == 4 && *b <= 2 && *c <= 2)
        }
        _ => false,
    };
    ok.then_some(len)
}

/// Iterator over the tokens of a text (white space skipped), without allocating per token.
///
/// UAX #29 word segmentation is the reference. For speed, the text is cut into chunks at ASCII white space (UAX #29
/// always breaks there; a combining mark right after a space, the one exception, only changes which white-space
/// segment the mark joins, and marks are not tokens), and a chunk that is only letters of common alphabets (Latin,
/// Greek, Cyrillic, Hebrew, Arabic) with their marks, between opening and closing punctuation, is split directly;
/// any other chunk goes through `unicode-segmentation`. Tests check that both paths give the same tokens.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    news: bool,
    /// Next byte to cut a chunk from (the fast path); the text length in reference mode.
    pos: usize,
    /// UAX #29 segmentation of the current chunk: iterator over `text[base..limit]`, base, limit.
    inner: Option<(UWordBoundIndices<'a>, usize, usize)>,
    /// Tokens of a simple chunk waiting to be returned.
    buf: [RawToken; BUF],
    buf_at: usize,
    buf_len: usize,
}

const BUF: usize = 8;
const NO_TOKEN: RawToken = RawToken {
    start: 0,
    end: 0,
    kind: TokenKind::Punctuation,
};

/// The tokens of `text`.
///
/// ```
/// use maqal::segment::{tokens, SegmentOptions, TokenKind};
/// let text = "See https://example.com/a?b=1, at 10:30 on 22/11/2026 #المغرب";
/// let kinds: Vec<(&str, TokenKind)> =
///     tokens(text, &SegmentOptions::default()).map(|t| (&text[t.start..t.end], t.kind)).collect();
/// assert!(kinds.contains(&("https://example.com/a?b=1", TokenKind::Url)));
/// assert!(kinds.contains(&("10:30", TokenKind::Number)));
/// assert!(kinds.contains(&("22/11/2026", TokenKind::Number)));
/// assert!(kinds.contains(&("#المغرب", TokenKind::Hashtag)));
/// ```
pub fn tokens<'a>(text: &'a str, options: &SegmentOptions) -> Tokens<'a> {
    Tokens {
        text,
        news: options.mode == SegmentMode::News,
        pos: 0,
        inner: None,
        buf: [NO_TOKEN; BUF],
        buf_at: 0,
        buf_len: 0,
    }
}

/// The tokens of `text` by UAX #29 alone (plus the special tokens in news mode), without the fast path: the
/// reference the fast path is tested against.
pub fn tokens_reference<'a>(text: &'a str, options: &SegmentOptions) -> Tokens<'a> {
    Tokens {
        text,
        news: options.mode == SegmentMode::News,
        pos: text.len(),
        inner: Some((text.split_word_bound_indices(), 0, text.len())),
        buf: [NO_TOKEN; BUF],
        buf_at: 0,
        buf_len: 0,
    }
}

/// The general category group of `c`, with ASCII answered without the table search.
#[inline]
fn category_group(c: char) -> GeneralCategoryGroup {
    match c {
        'a'..='z' | 'A'..='Z' => GeneralCategoryGroup::Letter,
        '0'..='9' => GeneralCategoryGroup::Number,
        ' ' => GeneralCategoryGroup::Separator,
        '!' | '"' | '#' | '%' | '&' | '\'' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':'
        | ';' | '?' | '@' | '[' | '\\' | ']' | '_' | '{' | '}' => GeneralCategoryGroup::Punctuation,
        '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => GeneralCategoryGroup::Symbol,
        '\0'..='\x7f' => GeneralCategoryGroup::Other,
        _ => c.general_category_group(),
    }
}

/// A letter the fast path may put in a word: UAX #29 ALetter or Hebrew_Letter of the common alphabets.
#[inline]
const fn is_simple_letter(c: char) -> bool {
    matches!(c,
        'a'..='z' | 'A'..='Z'
        | '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}'
        | '\u{0386}' | '\u{0388}'..='\u{038A}' | '\u{038C}' | '\u{038E}'..='\u{03A1}' | '\u{03A3}'..='\u{03CE}'
        | '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}'
        | '\u{05D0}'..='\u{05EA}'
        | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}')
}

/// A mark the fast path may keep inside a word (UAX #29 Extend or ZWJ after a letter).
#[inline]
const fn is_simple_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}' | '\u{05C7}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200C}' | '\u{200D}')
}

/// Punctuation that UAX #29 never joins to a neighbouring letter at the start of a chunk.
#[inline]
const fn is_simple_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '«' | '"' | '“')
}

/// Punctuation that UAX #29 never joins to the letter before it at the end of a chunk (mid-word punctuation such as
/// `.` or `:` joins only when a letter or digit follows).
#[inline]
const fn is_simple_closer(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ':' | ';' | '!' | '?' | ')' | ']' | '}' | '»' | '"' | '”' | '،' | '؛' | '؟'
    )
}

impl Tokens<'_> {
    /// Split `text[start..end]` directly when it is simple; false when it needs UAX #29.
    fn simple_chunk(&mut self, start: usize, end: usize) -> bool {
        match fast::simple_chunk_bytes(self.text, start, end, &mut self.buf) {
            Some(n) => {
                self.buf_at = 0;
                self.buf_len = n;
                true
            }
            None => false,
        }
    }

    /// A special token (URL, e-mail, mention, hashtag, date, time) starting at `start`, with its end.
    fn special(&self, start: usize, segment: &str) -> Option<(usize, TokenKind)> {
        let text = self.text;
        let rest = &text[start..];
        let first = segment.chars().next()?;
        // Most tokens are words of letters, which start no special token: decided on the first character.
        if !(first == '#'
            || first == '@'
            || first.is_ascii_alphanumeric()
            || (!first.is_ascii() && first.is_numeric()))
        {
            return None;
        }
        let after_word = text[..start].chars().next_back().is_some_and(is_word_char);
        match first {
            '#' if !after_word => tag_len(rest, '#').map(|l| (l, TokenKind::Hashtag)),
            '@' if !after_word => tag_len(rest, '@').map(|l| (l, TokenKind::Mention)),
            _ if after_word => None,
            c if c.is_ascii_alphanumeric() => {
                if let Some(l) = url_len(rest) {
                    return Some((l, TokenKind::Url));
                }
                if text[start + segment.len()..].starts_with(['@', '.', '+', '-', '_'])
                    || segment.contains('@')
                {
                    if let Some(l) = email_len(rest) {
                        return Some((l, TokenKind::Email));
                    }
                }
                if c.is_ascii_digit() {
                    return date_time_len(rest)
                        .filter(|&l| l > segment.len())
                        .map(|l| (l, TokenKind::Number));
                }
                None
            }
            c if digit_value(c).is_some() => date_time_len(rest)
                .filter(|&l| l > segment.len())
                .map(|l| (l, TokenKind::Number)),
            _ => None,
        }
    }
}

/// Where a UAX #29 word of Arabic letters runs on past a full stop or colon into the next word with no space
/// ("الماضيين.فقد": a sentence that ends with no space after it; "م.القحطاني": a title run into a name): the byte
/// offset of that full stop or colon, after which the word should have ended. UAX #29 keeps letters on both sides
/// of `.` and `:` together, as in "e.g" or "U.S", which Arabic script does not write.
fn arabic_run_on(segment: &str) -> Option<usize> {
    if segment.len() < 5 || !segment.contains(['.', ':']) {
        return None;
    }
    let letter = |c: char| {
        matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
    };
    let mark = |c: char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}');
    let mut before: Option<char> = None;
    let mut chars = segment.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | ':')
            && before.is_some_and(letter)
            && chars.peek().is_some_and(|&(_, next)| letter(next))
        {
            return Some(i);
        }
        // A letter's marks belong to it.
        if !mark(c) {
            before = Some(c);
        }
    }
    None
}

/// The start of the UAX #29 segmentation of the chunk `text[start..end]` when its first character attaches to the
/// space or tab before it (WB4: Extend, Format and ZWJ characters do). Letters of the simple alphabets never
/// attach; for any other first character, UAX #29 itself is asked.
fn attached_start(text: &str, start: usize, end: usize) -> Option<usize> {
    let after_space = start > 0 && matches!(text.as_bytes()[start - 1], b' ' | b'\t');
    let attaches = after_space
        && text[start..end]
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && !is_simple_letter(c))
        && text[start - 1..end]
            .split_word_bounds()
            .next()
            .is_some_and(|seg| seg.len() > 1);
    attaches.then(|| start - 1)
}

impl<'a> Tokens<'a> {
    /// The tokens of the chunk `text[start..end]` (between ASCII white space) by UAX #29 and the special tokens.
    fn chunk(text: &'a str, news: bool, start: usize, end: usize) -> Self {
        let from = attached_start(text, start, end).unwrap_or(start);
        Tokens {
            text,
            news,
            pos: text.len(),
            inner: Some((text[from..end].split_word_bound_indices(), from, end)),
            buf: [NO_TOKEN; BUF],
            buf_at: 0,
            buf_len: 0,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = RawToken;

    fn next(&mut self) -> Option<RawToken> {
        loop {
            if self.buf_at < self.buf_len {
                self.buf_at += 1;
                return Some(self.buf[self.buf_at - 1]);
            }
            if let Some((it, base, limit)) = &mut self.inner {
                let (base, limit) = (*base, *limit);
                let Some((offset, segment)) = it.next() else {
                    self.inner = None;
                    continue;
                };
                let start = base + offset;
                if self.news {
                    if let Some((len, kind)) = self.special(start, segment) {
                        let end = start + len;
                        if len != segment.len() {
                            // Continue UAX #29 segmentation after the special token.
                            let limit = limit.max(end);
                            self.inner = Some((
                                self.text[end..limit].split_word_bound_indices(),
                                end,
                                limit,
                            ));
                        }
                        return Some(RawToken { start, end, kind });
                    }
                }
                if self.news {
                    if let Some(cut) = arabic_run_on(segment) {
                        // The word ends at the full stop; the rest of the chunk is segmented on from there.
                        let end = start + cut;
                        self.inner =
                            Some((self.text[end..limit].split_word_bound_indices(), end, limit));
                        return Some(RawToken {
                            start,
                            end,
                            kind: TokenKind::Word,
                        });
                    }
                }
                if let Some(kind) = classify(segment) {
                    return Some(RawToken {
                        start,
                        end: start + segment.len(),
                        kind,
                    });
                }
                continue;
            }
            // The next chunk between ASCII white space.
            let bytes = self.text.as_bytes();
            let len = bytes.len();
            let mut start = self.pos;
            while start < len && matches!(bytes[start], b' ' | b'\n' | b'\r' | b'\t') {
                start += 1;
            }
            if start >= len {
                self.pos = len;
                return None;
            }
            let mut end = start;
            while end < len && !matches!(bytes[end], b' ' | b'\n' | b'\r' | b'\t') {
                end += 1;
            }
            self.pos = end;
            // A URL, address, mention, hashtag, date or time never passes as simple (it holds characters other than
            // letters and marks), so the special tokens are all found on the reference path.
            // A chunk whose first character attaches to the space before it is segmented from that space on.
            if let Some(start) = attached_start(self.text, start, end) {
                self.inner = Some((self.text[start..end].split_word_bound_indices(), start, end));
            } else if !self.simple_chunk(start, end) {
                self.inner = Some((self.text[start..end].split_word_bound_indices(), start, end));
            }
        }
    }
}

/// Token offsets in UTF-16 code units, with kinds: the compact form for JavaScript (no object per token).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Utf16Tokens {
    /// Start of each token (UTF-16 code units).
    pub start: Vec<u32>,
    /// End of each token (UTF-16 code units, exclusive).
    pub end: Vec<u32>,
    /// Kind of each token ([`TokenKind`] as `u8`).
    pub kind: Vec<u8>,
}

/// The tokens of `text` as UTF-16 offsets and kinds, counted in one pass along the text.
///
/// ```
/// use maqal::segment::{tokens_utf16, SegmentOptions};
/// let t = tokens_utf16("😀 نص", &SegmentOptions::default());
/// assert_eq!((t.start, t.end, t.kind), (vec![0, 3], vec![2, 5], vec![8, 0]));
/// ```
pub fn tokens_utf16(text: &str, options: &SegmentOptions) -> Utf16Tokens {
    let mut out = Utf16Tokens::default();
    tokens_utf16_into(text.as_bytes(), options, &mut out);
    out
}

/// [`tokens_utf16`] on UTF-8 bytes, into `out` (cleared first, its capacity kept): for a caller that reuses its
/// buffers across calls and has bytes that are UTF-8 by construction (what `TextEncoder.encodeInto` writes), so
/// that the whole text need not be validated first. Only the stretches that need the general path are validated;
/// one that is not UTF-8 comes out as a single [`TokenKind::Symbol`] token, as long in UTF-16 as the stretch with
/// each invalid sequence replaced by U+FFFD. Any bytes give a result, never a panic.
///
/// ```
/// use maqal::segment::{tokens_utf16, tokens_utf16_into, SegmentOptions, Utf16Tokens};
/// let o = SegmentOptions::default();
/// let mut out = Utf16Tokens::default();
/// tokens_utf16_into("Dr. Smith, 3.5 km".as_bytes(), &o, &mut out);
/// assert_eq!(out, tokens_utf16("Dr. Smith, 3.5 km", &o));
/// ```
pub fn tokens_utf16_into(bytes: &[u8], options: &SegmentOptions, out: &mut Utf16Tokens) {
    tokens_into(bytes, options, out);
}

/// [`tokens_utf16`] on UTF-16 code units (a JavaScript string as it is), into `out` (cleared first, its capacity
/// kept). Lone surrogates are read as U+FFFD, one unit as they were, so offsets stay those of `units`.
///
/// ```
/// use maqal::segment::{tokens_utf16, tokens_utf16_units_into, SegmentOptions, Utf16Tokens};
/// let o = SegmentOptions::default();
/// let text = "«المغرب» يقرأ 3.5 😀";
/// let units: Vec<u16> = text.encode_utf16().collect();
/// let mut out = Utf16Tokens::default();
/// tokens_utf16_units_into(&units, &o, &mut out);
/// assert_eq!(out, tokens_utf16(text, &o));
/// ```
pub fn tokens_utf16_units_into(units: &[u16], options: &SegmentOptions, out: &mut Utf16Tokens) {
    tokens_into(units, options, out);
}

/// The fast path chunk by chunk, the general path (UAX #29 and the special tokens) for the chunks it leaves.
fn tokens_into<T: fast::Units + ?Sized>(text: &T, options: &SegmentOptions, out: &mut Utf16Tokens) {
    let len = text.len();
    out.start.clear();
    out.end.clear();
    out.kind.clear();
    let reserve = len / 8;
    out.start.reserve(reserve);
    out.end.reserve(reserve);
    out.kind.reserve(reserve);
    let to_u32 = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    let news = options.mode == SegmentMode::News;
    let mut i = 0usize;
    let mut u = 0u32;
    while i < len {
        if text.is_space(i) {
            i += 1;
            u += 1;
            continue;
        }
        if let fast::Scan::Done(end, u_end) = fast::scan_chunk(text, i, u, out) {
            i = end;
            u = u_end;
            continue;
        }
        // The general path for this chunk, offsets counted from its start. It reads the chunk and the white space
        // character before it (a mark may attach to it), nothing else.
        let mut end = i;
        while end < len && !text.is_space(end) {
            end += 1;
        }
        // (In bytes that are not UTF-8 the fast path may stop after something else: then the chunk alone.)
        let base = if i > 0 && text.is_space(i - 1) {
            i - 1
        } else {
            i
        };
        let window = match text.window(base..end) {
            Ok(window) => window,
            Err(_) => {
                // The chunk alone (without the white space before it).
                let units = match text.window(i..end) {
                    Ok(chunk) => utf16_units(chunk.as_bytes()),
                    Err(units) => units,
                };
                out.push(u, to_u32(u as usize + units), TokenKind::Symbol as u8);
                u = to_u32(u as usize + units);
                i = end;
                continue;
            }
        };
        // The white space before the chunk is one unit and one byte.
        let w = window.as_bytes();
        let mut at = i - base;
        let mut at_u = u as usize;
        for t in Tokens::chunk(&window, news, i - base, w.len()) {
            at_u += utf16_units(&w[at..t.start]);
            let s = at_u;
            at_u += utf16_units(&w[t.start..t.end]);
            at = t.end;
            out.push(to_u32(s), to_u32(at_u), t.kind as u8);
        }
        at_u += utf16_units(&w[at..]);
        u = to_u32(at_u);
        i = end;
    }
}

/// Byte ranges of the UAX #29 word segments of `text`, white space included (the plain boundaries).
pub fn word_bounds(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_word_bound_indices().map(|(i, s)| i..i + s.len())
}

/// Byte ranges of the UAX #29 sentences of `text` (the plain boundaries, trailing white space included).
pub fn sentence_bounds(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_sentence_bound_indices()
        .map(|(i, s)| i..i + s.len())
}

/// Whether `c` may end a sentence or a paragraph (UAX #29 STerm, ATerm, Sep, CR, LF): a superset, checked cheaply.
#[inline]
fn may_end_sentence(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '.' | '!' | '?' | '\n' | '\r');
    }
    if is_simple_letter(c) || is_simple_mark(c) {
        return false;
    }
    matches!(c, '\u{0085}' | '\u{2028}' | '\u{2029}')
        || category_group(c) == GeneralCategoryGroup::Punctuation
}

/// Whether `c` extends the character before it (a combining mark, or a letter-like extender such as U+FF9E):
/// what UAX #29 rules SB5/WB4 skip over.
fn extends_previous(c: char) -> bool {
    if category_group(c) == GeneralCategoryGroup::Mark {
        return true;
    }
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    std::str::from_utf8(&buf[..len]).is_ok_and(|s| s.graphemes(true).nth(1).is_none())
}

/// Whether the line break `gap` between a sentence `before` and what comes `after` is a hard wrap inside one
/// sentence: one line break, `before` not ending a sentence ([`ends_sentence`]), `after` starting with a lowercase
/// letter.
fn wrapped(before: &str, gap: &str, after: &str) -> bool {
    gap.bytes().filter(|&b| b == b'\n').count() == 1
        && gap.trim().is_empty()
        && !ends_sentence(before)
        && after.chars().next().is_some_and(char::is_lowercase)
}

/// Whether `c` ends a sentence (closing quotes and brackets are looked through by the caller).
fn is_final(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '۔' | '。' | '！' | '？' | '…' | ':' | ';' | '؛'
    )
}

/// A closing quote or bracket, which may follow the mark that ends a sentence.
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

/// Whether a line or block ends with a sentence-final mark (closing quotes and brackets looked through): a line that
/// does not may be wrapped into the next one.
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(is_closing)
        .chars()
        .next_back()
        .is_some_and(is_final)
}

/// Sentence ends (byte offsets, the last one the text length) of `text`, equal to UAX #29's
/// ([`sentence_bounds`]) but faster on long text: UAX #29 can only break after a sentence terminator or a line
/// break, so it is run only on a small window around each one — from the character before it to the first letter
/// after it (as far as rule SB8 looks ahead).
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let len = text.len();
    let mut chars = text.char_indices().peekable();
    let mut floor = 0usize;
    while let Some((t, c)) = chars.next() {
        if !may_end_sentence(c) {
            continue;
        }
        // The window: the character before the terminator, the terminator cluster, and what follows up to and
        // including the first letter, line break or further terminator.
        // Back over combining marks and format characters to the character they belong to (rule SB5).
        let mut ws = t;
        for (i, d) in text[floor.min(t)..t].char_indices().rev() {
            ws = floor.min(t) + i;
            // No ASCII character is a mark or a format character.
            if d.is_ascii() {
                break;
            }
            let group = d.general_category_group();
            if !(group == GeneralCategoryGroup::Mark
                || d.general_category() == unicode_properties::GeneralCategory::Format)
            {
                break;
            }
        }
        let mut we = t + c.len_utf8();
        let mut found_stop = false;
        while let Some(&(j, d)) = chars.peek() {
            we = j + d.len_utf8();
            let letter = d.is_alphabetic() && (is_simple_letter(d) || !extends_previous(d));
            // Only certain terminators stop the look-ahead: other punctuation (…) is skipped by rule SB8 too.
            let terminator = matches!(
                d,
                '.' | '!' | '?' | '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}'
            );
            if letter || terminator {
                found_stop = true;
                break;
            }
            chars.next();
        }
        if !found_stop {
            we = len;
        }
        for (off, piece) in text[ws..we].split_sentence_bound_indices() {
            let end = ws + off + piece.len();
            if end > t && (end < we || we == len) && ends.last().is_none_or(|&l| l < end) {
                ends.push(end);
            }
        }
        floor = ends.last().copied().unwrap_or(0);
    }
    if ends.last().is_none_or(|&l| l < len) && len > 0 {
        ends.push(len);
    }
    ends
}

/// User-perceived characters (extended grapheme clusters) with their byte offsets.
pub fn graphemes(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.grapheme_indices(true)
}

/// The number of user-perceived characters (extended grapheme clusters) of `text`, and of those that are not
/// white space only: what [`graphemes`] would count, with lines made only of common letters, punctuation and
/// combining marks counted without the general algorithm (a line feed always ends a cluster, so each line is
/// counted on its own).
///
/// ```
/// assert_eq!(maqal::segment::grapheme_counts("مَرْحَبًا 👩‍💻\r\ne\u{301}"), (9, 7));
/// ```
pub fn grapheme_counts(text: &str) -> (usize, usize) {
    let (mut all, mut visible) = (0, 0);
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let body = body.strip_suffix('\r').unwrap_or(body);
        if let Some((a, v)) = simple_grapheme_counts(body) {
            // The line break, if any, is one cluster of white space.
            all += a + usize::from(body.len() < line.len());
            visible += v;
        } else {
            for g in line.graphemes(true) {
                all += 1;
                visible += usize::from(!g.chars().all(char::is_whitespace));
            }
        }
    }
    (all, visible)
}

/// Counts of [`grapheme_counts`] for a line without line breaks, when it holds only characters that start a
/// cluster of their own (letters and punctuation of the common alphabets, which are neither controls, nor
/// prepended, nor joined to what follows) and combining marks that extend the cluster before them; `None`
/// otherwise.
fn simple_grapheme_counts(line: &str) -> Option<(usize, usize)> {
    let (mut all, mut visible) = (0, 0);
    // Whether a cluster has started on this line, and whether it is white space so far.
    let (mut started, mut blank) = (false, false);
    for c in line.chars() {
        let base = matches!(c, ' '..='~' | '\u{00A0}'..='\u{02FF}' | '\u{0370}'..='\u{0482}'
                | '\u{048A}'..='\u{052F}' | '\u{05D0}'..='\u{05EA}' | '\u{060C}' | '\u{061B}' | '\u{061F}'
                | '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{066D}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}'
                | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
            // The soft hyphen is a control for UAX #29.
            && c != '\u{00AD}';
        if base {
            all += 1;
            blank = c.is_whitespace();
            visible += usize::from(!blank);
            started = true;
        } else if matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
            | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}'
            | '\u{05C7}')
        {
            if !started {
                all += 1;
                started = true;
            } else if !blank {
                continue;
            }
            visible += 1;
            blank = false;
        } else {
            return None;
        }
    }
    Some((all, visible))
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

/// How an abbreviation behaves before a full stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrClass {
    /// Precedes a name: never ends a sentence.
    Title,
    /// Precedes a number: does not end a sentence before one.
    Number,
    /// Ends a sentence only when a new sentence seems to start (which UAX #29 already decides).
    Any,
}

type AbbrTable = HashMap<String, AbbrClass>;

fn parse_abbreviations(data: &str, table: &mut AbbrTable, only_lang: Option<&str>) {
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (word, class) = match (only_lang, cols.as_slice()) {
            (None, [w, c]) => (*w, *c),
            (Some(l), [lang, w, c]) if *lang == l => (*w, *c),
            _ => continue,
        };
        let class = match class {
            "title" => AbbrClass::Title,
            "number" => AbbrClass::Number,
            _ => AbbrClass::Any,
        };
        table.insert(word.to_string(), class);
    }
}

/// The abbreviation lists, by language; manual additions are in `manual.txt`, by language too.
const ABBREVIATION_FILES: [(&str, &str); 7] = [
    ("en", include_str!("../../data/abbreviations/en.txt")),
    ("ar", include_str!("../../data/abbreviations/ar.txt")),
    ("de", include_str!("../../data/abbreviations/de.txt")),
    ("es", include_str!("../../data/abbreviations/es.txt")),
    ("fr", include_str!("../../data/abbreviations/fr.txt")),
    ("it", include_str!("../../data/abbreviations/it.txt")),
    ("pt", ""),
];

/// Build the abbreviations of `language` now (they are otherwise built the first time it is segmented).
pub(crate) fn prepare(language: &str) {
    abbreviations(Some(language));
}

/// The abbreviations of a language (English ones are always included), built the first time that language is
/// segmented: without a language, or for one without a list, every list applies.
fn abbreviations(language: Option<&str>) -> &'static AbbrTable {
    const MANUAL: &str = include_str!("../../data/abbreviations/manual.txt");
    static TABLES: [OnceLock<AbbrTable>; ABBREVIATION_FILES.len()] =
        [const { OnceLock::new() }; ABBREVIATION_FILES.len()];
    static ALL: OnceLock<AbbrTable> = OnceLock::new();
    let table_of = |i: usize| {
        TABLES[i].get_or_init(|| {
            let (code, data) = ABBREVIATION_FILES[i];
            let mut t = AbbrTable::default();
            parse_abbreviations(ABBREVIATION_FILES[0].1, &mut t, None);
            parse_abbreviations(MANUAL, &mut t, Some("en"));
            parse_abbreviations(data, &mut t, None);
            parse_abbreviations(MANUAL, &mut t, Some(code));
            t
        })
    };
    match language.and_then(|code| ABBREVIATION_FILES.iter().position(|(c, _)| *c == code)) {
        Some(i) => table_of(i),
        None => ALL.get_or_init(|| {
            let mut all = table_of(0).clone();
            for i in 1..ABBREVIATION_FILES.len() {
                for (k, v) in table_of(i) {
                    all.entry(k.clone()).or_insert(*v);
                }
            }
            all
        }),
    }
}

/// Closing punctuation (Pe, Pf) and the guillemet » used as a closing quote.
fn is_closer(c: char) -> bool {
    matches!(
        c.general_category(),
        unicode_properties::GeneralCategory::ClosePunctuation
            | unicode_properties::GeneralCategory::FinalPunctuation
    ) || c == '»'
}

/// German month names and their abbreviations (dates are written "3. Mai 2026").
fn is_month(word: &str) -> bool {
    matches!(
        word,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
            | "Jan"
            | "Feb"
            | "Mär"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Okt"
            | "Nov"
            | "Dez"
    )
}

/// Whether the sentence `prev` (ending with a full stop) continues into `next`, because the stop belongs to an
/// abbreviation or an initial.
fn continues(prev: &str, next: &str, table: &AbbrTable) -> bool {
    let Some(body) = prev.strip_suffix('.') else {
        return false;
    };
    // The word before the stop: after the last space or opening bracket/quote.
    let word = body
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '«' | '“'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // An ordinal day before a month name, as German writes dates: "am 3. Mai".
    if word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit()) {
        let next_word = next
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        return is_month(next_word);
    }
    if !word.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let next_first = next
        .chars()
        .find(|c| !matches!(c, '"' | '«' | '“' | '(' | '\''));
    let lower = word.to_lowercase();
    let folded: String = lower
        .chars()
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            _ => c,
        })
        .collect();
    // The word before the abbreviation: a title after a number is a unit or an era ("1986 م.").
    let before = body[..body.len() - word.len()]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let after_number = before.chars().next().is_some_and(char::is_numeric);
    match table.get(folded.as_str()) {
        Some(AbbrClass::Title) if !after_number => return next_first.is_some(),
        Some(AbbrClass::Number) => return next_first.is_some_and(|c| c.is_numeric()),
        Some(AbbrClass::Any | AbbrClass::Title) => {
            return next_first.is_some_and(|c| c.is_lowercase() || c.is_numeric())
        }
        None => {}
    }
    // A single capital letter (an initial) before a capitalized word: "Lester B. Pearson".
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase() && c != 'I')
        && next_first.is_some_and(char::is_uppercase)
}

/// Segment `text` into paragraphs, sentences and tokens.
///
/// ```
/// use maqal::segment::{segment, SegmentOptions};
/// let text = "قال د. أحمد: نعم. هل تأتي؟\n\nDr. Smith met Lester B. Pearson in the U.S. capital.";
/// let s = segment(text, &SegmentOptions::default());
/// assert_eq!(s.paragraphs.len(), 2);
/// let sentences: Vec<&str> = s.sentences.iter().map(|x| &text[x.range.clone()]).collect();
/// assert_eq!(sentences, ["قال د. أحمد: نعم.", "هل تأتي؟", "Dr. Smith met Lester B. Pearson in the U.S. capital."]);
/// ```
pub fn segment(text: &str, options: &SegmentOptions) -> Segmentation {
    let news = options.mode == SegmentMode::News;
    let table = abbreviations(options.language.as_deref());
    // Room for the tokens of a text of this length (about one in every five bytes of English, fewer in Arabic
    // script), so that a long text's list is not copied over and over as it grows.
    let mut seg = Segmentation {
        paragraphs: paragraphs(text),
        tokens: Vec::with_capacity(text.len() / 4),
        ..Segmentation::default()
    };
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (p, para) in seg.paragraphs.iter().enumerate() {
        let body = &text[para.clone()];
        ranges.clear();
        let mut off_next = 0usize;
        for end in sentence_ends(body) {
            let off = off_next;
            let sentence = &body[off..end];
            off_next = end;
            let trimmed = sentence.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            let trimmed = trimmed.trim_start();
            if trimmed.is_empty() {
                continue;
            }
            let mut start = para.start + off + lead;
            let mut trimmed = trimmed;
            // Closing quotes and brackets set off by a space (French « … ») close the previous sentence.
            if news && !ranges.is_empty() {
                let closers = trimmed
                    .char_indices()
                    .take_while(|&(_, c)| {
                        is_closer(c) || c == ' ' || c == '\u{00A0}' || c == '\u{202F}'
                    })
                    .last()
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let closers = trimmed[..closers].trim_end().len();
                if closers > 0 && trimmed[..closers].chars().any(is_closer) {
                    if let Some(last) = ranges.last_mut() {
                        if !text[last.end..start].contains('\n') {
                            last.end = start + closers;
                            let rest = &trimmed[closers..];
                            let skip = rest.len() - rest.trim_start().len();
                            start += closers + skip;
                            trimmed = rest.trim_start();
                            if trimmed.is_empty() {
                                continue;
                            }
                        }
                    }
                }
            }
            let range = start..start + trimmed.len();
            // A line that a hard wrap broke goes on in the next one: it ends with no sentence punctuation, and the
            // next line starts with a lowercase letter. The line break is then a space.
            if news {
                if let Some(last) = ranges.last_mut() {
                    if wrapped(&text[last.clone()], &text[last.end..range.start], trimmed) {
                        last.end = range.end;
                        continue;
                    }
                }
            }
            // Join to the previous sentence when its full stop belongs to an abbreviation on the same line.
            if news {
                if let Some(last) = ranges.last_mut() {
                    let gap = &text[last.end..range.start];
                    if !gap.contains('\n') && continues(&text[last.clone()], trimmed, table) {
                        last.end = range.end;
                        continue;
                    }
                }
            }
            ranges.push(range);
        }
        // The tokens of the paragraph, as `tokens` gives them for the whole text; a sentence that a token crosses
        // (a URL with a question mark in it) is joined to the next one, so that no token is cut.
        let opts = SegmentOptions {
            mode: options.mode,
            language: None,
        };
        // From the white space character before the paragraph, if any and not a line break: a mark right after it
        // attaches to it (UAX #29 WB4).
        let from = match text[..para.start].chars().next_back() {
            Some(c)
                if c.is_whitespace()
                    && !matches!(
                        c,
                        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
                    ) =>
            {
                para.start - c.len_utf8()
            }
            _ => para.start,
        };
        let mut para_tokens = tokens(&text[from..para.end], &opts)
            .map(|t| RawToken {
                start: from + t.start,
                end: from + t.end,
                kind: t.kind,
            })
            .peekable();
        let mut next = 0;
        while next < ranges.len() {
            let mut range = ranges[next].clone();
            next += 1;
            let first_token = seg.tokens.len();
            let sentence_index = seg.sentences.len();
            loop {
                while let Some(t) = para_tokens.next_if(|t| t.start < range.end) {
                    let token = t.start..t.end;
                    range.start = range.start.min(token.start);
                    range.end = range.end.max(token.end);
                    seg.tokens.push(Token {
                        range: token,
                        kind: t.kind,
                        sentence: sentence_index,
                    });
                }
                match ranges.get(next) {
                    Some(following) if following.start < range.end => {
                        range.end = range.end.max(following.end);
                        next += 1;
                    }
                    // Tokens past the last sentence (none are expected: sentences cover the non-space text).
                    None if para_tokens.peek().is_some() => {
                        range.end = para_tokens.peek().map_or(range.end, |t| t.start + 1);
                    }
                    _ => break,
                }
            }
            seg.sentences.push(Sentence {
                range,
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
    fn tokens_from_bytes_reuse_the_output_and_survive_invalid_utf8() {
        let o = SegmentOptions::default();
        let mut out = tokens_utf16("a long text, with tokens", &o);
        // A chunk that is not UTF-8 and needs the general path is one symbol token; the rest is unaffected.
        tokens_utf16_into(b"ab \xFF\xFE(x \xD8\xA8", &o, &mut out);
        // U+FFFD for each of 0xFF and 0xFE, then "(x".
        assert_eq!(out.start, [0, 3, 8]);
        assert_eq!(out.end, [2, 7, 9]);
        assert_eq!(
            out.kind,
            [
                TokenKind::Word as u8,
                TokenKind::Symbol as u8,
                TokenKind::Word as u8
            ]
        );
        tokens_utf16_into(b"", &o, &mut out);
        assert_eq!(out, Utf16Tokens::default());
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let t = "a b\nc\n\n  \n d e \n";
        let p = paragraphs(t);
        assert_eq!(p.len(), 2);
        assert_eq!(&t[p[0].clone()], "a b\nc");
        assert_eq!(&t[p[1].clone()], "d e");
    }

    #[test]
    fn numbers_symbols_emoji() {
        assert_eq!(classify("3.5"), Some(TokenKind::Number));
        assert_eq!(classify("٢٠٢٦"), Some(TokenKind::Number));
        assert_eq!(classify("«"), Some(TokenKind::Punctuation));
        assert_eq!(classify("$"), Some(TokenKind::Symbol));
        assert_eq!(classify("👩\u{200D}💻"), Some(TokenKind::Emoji));
        assert_eq!(classify("🇲🇦"), Some(TokenKind::Emoji));
        assert_eq!(classify(" "), None);
        assert_eq!(classify("spot_img"), Some(TokenKind::Word));
    }

    #[test]
    fn the_ascii_categories_are_the_tables() {
        for c in (0u8..=0x7f).map(char::from) {
            assert_eq!(category_group(c), c.general_category_group(), "{c:?}");
        }
    }

    #[test]
    fn special_tokens() {
        assert_eq!(
            url_len("https://example.com/a(b)c). more"),
            Some("https://example.com/a(b)c".len())
        );
        assert_eq!(url_len("www.hespress.com."), Some("www.hespress.com".len()));
        assert_eq!(url_len("www. x"), None);
        assert_eq!(email_len("info@maqal.org."), Some("info@maqal.org".len()));
        assert_eq!(email_len("a@b"), None);
        assert_eq!(tag_len("#حرب_غزة!", '#'), Some("#حرب_غزة".len()));
        assert_eq!(tag_len("#1", '#'), None);
        assert_eq!(date_time_len("22/11/2026."), Some(10));
        assert_eq!(date_time_len("10:30,"), Some(5));
        assert_eq!(date_time_len("2026-11-22"), Some(10));
        assert_eq!(date_time_len("1/2"), None);
    }
}
