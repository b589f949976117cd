//! The fast path of word segmentation, on UTF-8 bytes or on UTF-16 code units: a chunk of text between ASCII white
//! space that is only opening punctuation, one word of common-alphabet letters and digits (a number such as `3.5` or
//! `1,000`, or a word such as `2014م` or `mp3`, as UAX #29 joins them) and closing punctuation is split in a single
//! pass, with UTF-16 offsets counted along. Anything else is left to UAX #29. The character classes are the ones of
//! `is_simple_letter`, `is_simple_mark`, `is_simple_opener` and `is_simple_closer`, looked up in a table for
//! U+0000–U+07FF.

use super::{is_simple_closer, is_simple_letter, is_simple_mark, is_simple_opener, Utf16Tokens};

/// Not handled by the fast path.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const MARK: u8 = 2;
const DIGIT: u8 = 3;
const OPENER: u8 = 4;
const CLOSER: u8 = 5;
/// Both an opener and a closer (`"`).
const QUOTE: u8 = 6;
/// ASCII white space: ends the chunk.
const SPACE: u8 = 7;
/// Punctuation that UAX #29 separates from whatever is on either side (WB999) and that starts no special token;
/// taken among openers and after a word, not after digits (dates and times go the general way).
const SOLO: u8 = 8;

const fn class_of(c: char) -> u8 {
    if matches!(c, ' ' | '\n' | '\r' | '\t') {
        SPACE
    } else if is_simple_letter(c) {
        LETTER
    } else if is_simple_mark(c) {
        MARK
    } else if matches!(c, '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}') {
        DIGIT
    } else if matches!(
        c,
        '-' | '*' | '/' | '\u{2013}' | '\u{2014}' | '\u{2022}' | '\u{2026}'
    ) {
        SOLO
    } else if is_simple_opener(c) && is_simple_closer(c) {
        QUOTE
    } else if is_simple_opener(c) {
        OPENER
    } else if is_simple_closer(c) {
        CLOSER
    } else {
        OTHER
    }
}

const TABLE_LEN: usize = 0x800;

static CLASSES: [u8; TABLE_LEN] = {
    let mut t = [OTHER; TABLE_LEN];
    let mut i = 0;
    while i < TABLE_LEN {
        // Every value below 0x800 is a scalar value.
        if let Some(c) = char::from_u32(i as u32) {
            t[i] = class_of(c);
        }
        i += 1;
    }
    t
};

/// Class and UTF-8 length of the character at `bytes[i]` (a character boundary of a `str`).
#[inline(always)]
fn class_at(bytes: &[u8], i: usize) -> (u8, usize) {
    let b = bytes[i];
    if b < 0x80 {
        return (CLASSES[usize::from(b)], 1);
    }
    if b < 0xE0 {
        // Two bytes: U+0080–U+07FF. `bytes` is UTF-8, so the continuation byte exists.
        let cp =
            (usize::from(b & 0x1F) << 6) | usize::from(bytes.get(i + 1).map_or(0, |c| c & 0x3F));
        return (CLASSES[cp], 2);
    }
    if b < 0xF0 {
        // Three bytes: only a few punctuation marks and the joiners are simple here.
        let cp = (u32::from(b & 0x0F) << 12)
            | (u32::from(bytes.get(i + 1).map_or(0, |c| c & 0x3F)) << 6)
            | u32::from(bytes.get(i + 2).map_or(0, |c| c & 0x3F));
        return (class_above_table(cp), 3);
    }
    (OTHER, 4)
}

/// Class of a BMP code point from U+0800 on.
#[inline]
fn class_above_table(cp: u32) -> u8 {
    match cp {
        0x200C | 0x200D => MARK,
        0x201C => OPENER,
        0x201D => CLOSER,
        0x2013 | 0x2014 | 0x2022 | 0x2026 => SOLO,
        _ => OTHER,
    }
}

/// Whether a run goes on over class `k`: letters, marks and digits in a word (`WORD`), digits alone otherwise.
#[inline(always)]
fn more<const WORD: bool>(k: u8) -> bool {
    if WORD {
        // LETTER, MARK and DIGIT are 1, 2 and 3.
        k.wrapping_sub(LETTER) < 3
    } else {
        k == DIGIT
    }
}

/// Text the fast path reads: UTF-8 bytes (`[u8]`) or UTF-16 code units (`[u16]`). Positions are indices of units;
/// every character the fast path accepts is in the BMP, one UTF-16 unit.
pub(super) trait Units {
    fn len(&self) -> usize;
    /// Whether the unit at `i` (< len) is ASCII white space that ends a chunk.
    fn is_space(&self, i: usize) -> bool;
    /// The unit at `i` when it is ASCII.
    fn ascii(&self, i: usize) -> Option<u8>;
    /// Class and width in units of the character at `i` (< len).
    fn class_at(&self, i: usize) -> (u8, usize);
    /// Class of the character that ends just before `i` (> 0, a character boundary).
    fn class_before(&self, i: usize) -> u8;
    /// Advances `i` (units) and `u` (UTF-16 units) over a run (see [`more`]) and returns the class and width of the
    /// character that stopped it (`SPACE` at the end). The loop of the fast path: one table lookup per character.
    fn run<const WORD: bool>(&self, i: &mut usize, u: &mut u32) -> (u8, usize);
    /// The text of `range` for the general path, or the UTF-16 length of what is there when it is not text.
    fn window(&self, range: std::ops::Range<usize>) -> Result<std::borrow::Cow<'_, str>, usize>;
}

#[inline(always)]
fn is_space_unit(unit: u32) -> bool {
    matches!(unit, 0x20 | 0x0A | 0x0D | 0x09)
}

impl Units for [u8] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn is_space(&self, i: usize) -> bool {
        is_space_unit(u32::from(self[i]))
    }
    #[inline(always)]
    fn ascii(&self, i: usize) -> Option<u8> {
        self.get(i).copied().filter(u8::is_ascii)
    }
    #[inline(always)]
    fn class_at(&self, i: usize) -> (u8, usize) {
        class_at(self, i)
    }
    fn class_before(&self, i: usize) -> u8 {
        let mut start = i - 1;
        while start > 0 && i - start < 4 && self[start] & 0xC0 == 0x80 {
            start -= 1;
        }
        class_at(self, start).0
    }
    #[inline(always)]
    fn run<const WORD: bool>(&self, i: &mut usize, u: &mut u32) -> (u8, usize) {
        loop {
            if *i >= self.len() {
                return (SPACE, 0);
            }
            let (k, kw) = class_at(self, *i);
            if !more::<WORD>(k) {
                return (k, kw);
            }
            *i += kw;
            *u += 1;
        }
    }
    fn window(&self, range: std::ops::Range<usize>) -> Result<std::borrow::Cow<'_, str>, usize> {
        let bytes = &self[range];
        std::str::from_utf8(bytes)
            .map(std::borrow::Cow::Borrowed)
            .map_err(|_| String::from_utf8_lossy(bytes).encode_utf16().count())
    }
}

/// Class of a UTF-16 code unit (surrogates are `OTHER`: the fast path takes no character outside the BMP).
#[inline(always)]
fn unit_class(c: u16) -> u8 {
    if c < 0x800 {
        CLASSES[usize::from(c)]
    } else {
        class_above_table(u32::from(c))
    }
}

impl Units for [u16] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u16]>::len(self)
    }
    #[inline(always)]
    fn is_space(&self, i: usize) -> bool {
        is_space_unit(u32::from(self[i]))
    }
    #[inline(always)]
    fn ascii(&self, i: usize) -> Option<u8> {
        self.get(i)
            .and_then(|&c| u8::try_from(c).ok())
            .filter(u8::is_ascii)
    }
    #[inline(always)]
    fn class_at(&self, i: usize) -> (u8, usize) {
        (unit_class(self[i]), 1)
    }
    fn class_before(&self, i: usize) -> u8 {
        unit_class(self[i - 1])
    }
    #[inline(always)]
    fn run<const WORD: bool>(&self, i: &mut usize, u: &mut u32) -> (u8, usize) {
        loop {
            let Some(&c) = self.get(*i) else {
                return (SPACE, 0);
            };
            let k = unit_class(c);
            if !more::<WORD>(k) {
                return (k, 1);
            }
            *i += 1;
            *u += 1;
        }
    }
    /// Lone surrogates become U+FFFD, one UTF-16 unit as they were: offsets stay aligned.
    fn window(&self, range: std::ops::Range<usize>) -> Result<std::borrow::Cow<'_, str>, usize> {
        Ok(std::borrow::Cow::Owned(String::from_utf16_lossy(
            &self[range],
        )))
    }
}

/// Where a scanned chunk ended.
pub(super) enum Scan {
    /// The chunk was simple: its tokens were pushed; it ends at this byte and this UTF-16 offset.
    Done(usize, u32),
    /// The chunk needs UAX #29; nothing was pushed.
    Fallback,
}

impl Utf16Tokens {
    #[inline(always)]
    fn len(&self) -> usize {
        self.kind.len()
    }
    #[inline]
    fn truncate(&mut self, len: usize) {
        self.start.truncate(len);
        self.end.truncate(len);
        self.kind.truncate(len);
    }
    #[inline(always)]
    pub(super) fn push(&mut self, start: u32, end: u32, kind: u8) {
        self.start.push(start);
        self.end.push(end);
        self.kind.push(kind);
    }
}

/// Scan the chunk starting at unit `start` (not white space; UTF-16 offset `u`) and push its tokens (UTF-16
/// offsets) when it is simple: openers, then one word (a letter, then letters and marks) or one run of digits,
/// then closers; or punctuation alone.
#[inline]
pub(super) fn scan_chunk<T: Units + ?Sized>(
    text: &T,
    start: usize,
    u: u32,
    out: &mut Utf16Tokens,
) -> Scan {
    const WORD: u8 = super::TokenKind::Word as u8;
    const NUMBER: u8 = super::TokenKind::Number as u8;
    const PUNCT: u8 = super::TokenKind::Punctuation as u8;
    let len = text.len();
    let class = |i: usize| {
        if i < len {
            text.class_at(i)
        } else {
            (SPACE, 0)
        }
    };
    let mark = out.len();
    let mut i = start;
    let mut u = u;
    let (mut c, mut w) = class(i);
    while matches!(c, OPENER | QUOTE | SOLO) {
        out.push(u, u + 1, PUNCT);
        i += w;
        u += 1;
        (c, w) = class(i);
    }
    let mut kind_pushed = None;
    if c == LETTER || c == DIGIT {
        // A run of letters, marks and digits is one UAX #29 word (WB5, WB8–WB10, WB4 for the marks), a word when
        // it holds a letter and a number otherwise; '.' or ',' between two digits stays inside it (WB11, WB12).
        let core_start = u;
        let mut word = c == LETTER;
        i += w;
        u += 1;
        (c, w) = loop {
            // Letters, marks and digits in a word; digits alone before the first letter (a mark after digits alone
            // is left to the reference: kind and joining).
            let (k, kw) = if word {
                text.run::<true>(&mut i, &mut u)
            } else {
                text.run::<false>(&mut i, &mut u)
            };
            if k == LETTER {
                // The first letter after digits.
                word = true;
                i += kw;
                u += 1;
                continue;
            }
            if matches!(text.ascii(i), Some(b'.' | b','))
                && i + 1 < len
                && text.class_at(i + 1).0 == DIGIT
            {
                match text.class_before(i) {
                    // The separator, then the digit after it (one UTF-16 unit each).
                    DIGIT => {
                        i += 1 + text.class_at(i + 1).1;
                        u += 2;
                        continue;
                    }
                    // A digit and marks before the separator (WB4): the reference decides.
                    MARK => {
                        out.truncate(mark);
                        return Scan::Fallback;
                    }
                    _ => {}
                }
            }
            break (k, kw);
        };
        let kind = if word { WORD } else { NUMBER };
        out.push(core_start, u, kind);
        kind_pushed = Some(kind);
    }
    while matches!(c, CLOSER | QUOTE) || (c == SOLO && kind_pushed == Some(WORD)) {
        out.push(u, u + 1, PUNCT);
        i += w;
        u += 1;
        (c, w) = class(i);
    }
    if c == SPACE && out.len() > mark {
        return Scan::Done(i, u);
    }
    out.truncate(mark);
    Scan::Fallback
}

/// The simple split of the chunk `text[start..end]` (between ASCII white space) with byte offsets, as the native
/// tokenizer takes it: openers, then one word (a letter, then letters and marks) or one run of digits alone, then
/// closers; each opener and closer is a punctuation token. Writes the tokens to `out` and returns how many, or
/// `None` when the chunk is not of that shape or has more tokens than `out` holds (UAX #29 then decides).
#[inline]
pub(super) fn simple_chunk_bytes(
    text: &str,
    start: usize,
    end: usize,
    out: &mut [super::RawToken],
) -> Option<usize> {
    use super::{RawToken, TokenKind};
    let bytes = &text.as_bytes()[..end];
    // A run of punctuation of the classes `of`, one token a character, from `i` and token `n` on, while `out` has
    // room: where it stopped.
    let punctuation = |mut i: usize, mut n: usize, out: &mut [RawToken], of: &[u8]| {
        while i < end && n < out.len() {
            let (k, w) = class_at(bytes, i);
            if !of.contains(&k) {
                break;
            }
            out[n] = RawToken {
                start: i,
                end: i + w,
                kind: TokenKind::Punctuation,
            };
            n += 1;
            i += w;
        }
        (i, n)
    };
    let (mut i, mut n) = punctuation(start, 0, out, &[OPENER, QUOTE]);
    let core_start = i;
    if i >= end {
        return None;
    }
    let (first, w) = class_at(bytes, i);
    let kind = match first {
        LETTER => TokenKind::Word,
        DIGIT => TokenKind::Number,
        _ => return None,
    };
    i += w;
    while i < end {
        let (k, w) = class_at(bytes, i);
        let more = if first == LETTER {
            matches!(k, LETTER | MARK)
        } else {
            k == DIGIT
        };
        if !more {
            break;
        }
        i += w;
    }
    if n == out.len() {
        return None;
    }
    out[n] = RawToken {
        start: core_start,
        end: i,
        kind,
    };
    n += 1;
    // Closers to the end of the chunk, or it is not simple.
    let (i, n) = punctuation(i, n, out, &[CLOSER, QUOTE]);
    (i == end).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_after_digits_and_marks_as_the_reference() {
        let options = crate::segment::SegmentOptions::default();
        for text in [
            "5\u{064E}.6",
            "a5\u{064E}.6 x",
            "كلمة٣\u{0651},٤",
            "b\u{0301}.5",
            "12.5.7",
            "x3,5a",
            "3.",
            "٣٫٥",
            "a.5",
            "5\u{200D}.6",
        ] {
            let fast = crate::segment::tokens_utf16(text, &options);
            let reference: Vec<_> = crate::segment::tokens_reference(text, &options).collect();
            let units = |b: usize| text[..b].encode_utf16().count() as u32;
            let expected: Vec<_> = reference
                .iter()
                .map(|t| (units(t.start), units(t.end), t.kind as u8))
                .collect();
            let got: Vec<_> = (0..fast.kind.len())
                .map(|n| (fast.start[n], fast.end[n], fast.kind[n]))
                .collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn table_agrees_with_the_predicates() {
        for cp in 0..0x3000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let (class, w) = class_at(s.as_bytes(), 0);
            assert_eq!(w, s.len());
            assert_eq!(class, class_of(c), "U+{cp:04X}");
        }
    }
}
