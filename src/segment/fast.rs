//! The byte-level fast path of word segmentation: a chunk of text between ASCII white space that is only opening
//! punctuation, one word of common-alphabet letters and digits (a number such as `3.5` or `1,000`, or a word such as
//! `2014م` or `mp3`, as UAX #29 joins them) and closing punctuation is split in a single pass, with UTF-16 offsets counted along. Anything else is left to UAX #29. The character classes are the
//! ones of `is_simple_letter`, `is_simple_mark`, `is_simple_opener` and `is_simple_closer`, looked up in a table
//! for U+0000–U+07FF.

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
pub(super) fn scan_chunk(bytes: &[u8], start: usize, u: u32, out: &mut Utf16Tokens) -> Scan {
    const WORD: u8 = super::TokenKind::Word as u8;
    const NUMBER: u8 = super::TokenKind::Number as u8;
    const PUNCT: u8 = super::TokenKind::Punctuation as u8;
    let len = bytes.len();
    let class = |i: usize| {
        if i < len {
            class_at(bytes, i)
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
        let mut after_digit = c == DIGIT;
        i += w;
        u += 1;
        (c, w) = loop {
            let Some(&byte) = bytes.get(i) else {
                break (SPACE, 0);
            };
            let (k, kw) = if byte < 0x80 {
                (CLASSES[usize::from(byte)], 1)
            } else if byte < 0xE0 {
                let cp = (usize::from(byte & 0x1F) << 6)
                    | usize::from(bytes.get(i + 1).map_or(0, |c| c & 0x3F));
                (CLASSES[cp], 2)
            } else {
                class_at(bytes, i)
            };
            match k {
                LETTER => {
                    word = true;
                    after_digit = false;
                }
                DIGIT => after_digit = true,
                // A mark after a digit with no letter before it: the reference decides (kind and joining).
                MARK if word => {}
                _ if after_digit
                    && matches!(byte, b'.' | b',')
                    && i + 1 < len
                    && class_at(bytes, i + 1).0 == DIGIT =>
                {
                    // The separator, then the digit after it (one UTF-16 unit each).
                    let (_, dw) = class_at(bytes, i + 1);
                    i += 1 + dw;
                    u += 2;
                    continue;
                }
                _ => break (k, kw),
            }
            i += kw;
            u += 1;
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

#[cfg(test)]
mod tests {
    use super::*;

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
