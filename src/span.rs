//! Spans, UTF-16 offsets and the offset map that every transforming stage produces.
//!
//! Maqal never modifies the text it is given. A stage that transforms text (normalization today, cleaning
//! later) returns its output together with an [`OffsetMap`] from output offsets back to input offsets, and the
//! final [`Analysis`](crate::Analysis) reports every span in the coordinates of the *original* text, as byte
//! offsets (for Rust) and UTF-16 code-unit offsets (for JavaScript, where `text.slice(start, end)` is the
//! occurrence).
//!
//! UTF-16 offsets are computed from a prefix index ([`Utf16Index`]) built once per text, so converting a span
//! costs a table lookup plus a scan of at most [`Utf16Index::BLOCK`] bytes, never a re-scan from the start.

use serde::{Deserialize, Serialize};

/// Which text a [`Span`] points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum TextRef {
    /// The text exactly as the caller passed it in.
    Original,
    /// The normalized text ([`Normalized::text`](crate::normalize::Normalized::text)).
    Normalized,
}

/// A half-open range of a text, in UTF-8 bytes and in UTF-16 code units.
///
/// In JavaScript the span is `{ start, end, byteStart, byteEnd, text }` where `start`/`end` are UTF-16 offsets,
/// so `input.slice(span.start, span.end)` is the covered text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Span {
    /// First UTF-16 code unit.
    #[serde(rename = "start")]
    pub utf16_start: usize,
    /// One past the last UTF-16 code unit.
    #[serde(rename = "end")]
    pub utf16_end: usize,
    /// First byte (UTF-8).
    #[serde(rename = "byteStart")]
    pub byte_start: usize,
    /// One past the last byte (UTF-8).
    #[serde(rename = "byteEnd")]
    pub byte_end: usize,
    /// The text the offsets point into.
    pub text: TextRef,
}

impl Span {
    /// The byte range, for slicing the Rust string the span points into.
    ///
    /// ```
    /// let text = "مرحبا world";
    /// let analysis = maqal::analyze(text, &maqal::Options::default()).unwrap();
    /// let first = &analysis.sentences[0];
    /// assert_eq!(&text[first.span.bytes()], "مرحبا world");
    /// ```
    pub fn bytes(&self) -> std::ops::Range<usize> {
        self.byte_start..self.byte_end
    }

    /// The UTF-16 range, for slicing the same text as a JavaScript string.
    pub fn utf16(&self) -> std::ops::Range<usize> {
        self.utf16_start..self.utf16_end
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.byte_start == self.byte_end
    }
}

/// Byte offset ↔ UTF-16 offset conversion for one text, in O(1) table lookups.
///
/// The UTF-16 length of any byte range of valid UTF-8 equals the number of bytes that are not continuation bytes
/// (`0b10xx_xxxx`) plus the number of 4-byte sequence leaders (`0b1111_0xxx`, which become surrogate pairs).
/// That count is additive over arbitrary byte cuts, so the table stores it at every [`Self::BLOCK`]-byte
/// boundary, whether or not the boundary falls inside a character. The index does not keep the text: pass the
/// same text it was built from to its methods.
#[derive(Debug, Clone, Default)]
pub struct Utf16Index {
    /// `blocks[k]` is the UTF-16 length of `bytes[..k * BLOCK]`.
    blocks: Vec<u32>,
    len: usize,
    /// The text is ASCII: every UTF-16 offset is the byte offset (no counting).
    ascii: bool,
}

/// UTF-16 code units of UTF-8 bytes (whole characters).
#[inline]
pub(crate) fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from((b & 0xC0) != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl Utf16Index {
    /// Bytes between two table entries.
    pub const BLOCK: usize = 64;

    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut total = 0usize;
        blocks.push(0);
        let mut chunks = bytes.chunks_exact(Self::BLOCK);
        for chunk in &mut chunks {
            total += utf16_units(chunk);
            blocks.push(u32::try_from(total).unwrap_or(u32::MAX));
        }
        // As many code units as bytes only when every byte is a character of its own.
        let ascii = total + utf16_units(chunks.remainder()) == bytes.len();
        Utf16Index {
            blocks,
            len: bytes.len(),
            ascii,
        }
    }

    /// UTF-16 offset of byte offset `byte` of `text` (clamped to the text length).
    pub fn utf16(&self, text: &str, byte: usize) -> usize {
        let bytes = text.as_bytes();
        let byte = byte.min(bytes.len());
        if self.ascii {
            return byte;
        }
        let block = byte / Self::BLOCK;
        let base = self.blocks.get(block).copied().unwrap_or(0) as usize;
        base + bytes.get(block * Self::BLOCK..byte).map_or(0, utf16_units)
    }

    /// Byte offset of UTF-16 offset `utf16` of `text`: the start of the character that contains that code unit
    /// (an offset inside a surrogate pair goes to the pair's start); clamped to the text length.
    pub fn byte(&self, text: &str, utf16: usize) -> usize {
        let bytes = text.as_bytes();
        if self.ascii {
            return utf16.min(bytes.len());
        }
        // Last block starting at or before `utf16`.
        let k = self
            .blocks
            .partition_point(|&b| (b as usize) <= utf16)
            .saturating_sub(1);
        let mut pos = k * Self::BLOCK;
        let mut units = self.blocks.get(k).copied().unwrap_or(0) as usize;
        // The block boundary may fall inside a character: move to the next character start.
        while pos < bytes.len() && !text.is_char_boundary(pos) {
            pos += 1;
        }
        for c in text[pos.min(bytes.len())..].chars() {
            let n = c.len_utf16();
            if units + n > utf16 {
                break;
            }
            units += n;
            pos += c.len_utf8();
        }
        pos.min(bytes.len())
    }

    /// UTF-16 length of the indexed text.
    pub fn len_utf16(&self, text: &str) -> usize {
        self.utf16(text, self.len)
    }

    /// A [`Span`] for the byte range `start..end` of `text`.
    pub fn span(&self, text: &str, start: usize, end: usize, of: TextRef) -> Span {
        Span {
            utf16_start: self.utf16(text, start),
            utf16_end: self.utf16(text, end),
            byte_start: start,
            byte_end: end,
            text: of,
        }
    }
}

/// Converts byte offsets that come in increasing order (tokens of a text, in order) to UTF-16 offsets, counting
/// only the bytes between one offset and the next.
#[derive(Debug, Clone, Copy, Default)]
pub struct Utf16Cursor {
    byte: usize,
    utf16: usize,
}

impl Utf16Cursor {
    /// A cursor at the start of a text.
    pub fn new() -> Self {
        Utf16Cursor::default()
    }

    /// UTF-16 offset of byte offset `byte` of `text` (clamped to its length). Offsets before the previous one are
    /// counted again from the start of the text.
    pub fn utf16(&mut self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        if byte < self.byte {
            *self = Utf16Cursor::default();
        }
        self.utf16 += text.as_bytes().get(self.byte..byte).map_or(0, utf16_units);
        self.byte = byte;
        self.utf16
    }
}

/// One place where a stage's output differs from its input: `input[src_start..src_end]` became
/// `output[dst_start..dst_end]`. Either side may be empty (an insertion or a deletion).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    src_start: u32,
    src_end: u32,
    dst_start: u32,
    dst_end: u32,
}

/// Maps byte offsets of a stage's output back to byte offsets of its input.
///
/// Only the places where output and input differ are stored ("edits"); between them the two texts are
/// byte-identical, so an unchanged text has an empty map and costs no allocation. An edit is atomic: a span that
/// starts inside an edit's output starts at the edit's input start, and one that ends inside it ends at the edit's
/// input end. Stages make each edit cover a whole user-perceived unit (a letter and the diacritics removed from
/// it, for instance) so that highlighting never splits a character from its marks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
    src_len: usize,
    dst_len: usize,
}

impl OffsetMap {
    /// The identity map of a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            edits: Vec::new(),
            src_len: len,
            dst_len: len,
        }
    }

    /// True when output and input are identical.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty() && self.src_len == self.dst_len
    }

    /// Length in bytes of the input text.
    pub fn source_len(&self) -> usize {
        self.src_len
    }

    /// Length in bytes of the output text.
    pub fn output_len(&self) -> usize {
        self.dst_len
    }

    /// Number of stored edits.
    pub fn edit_count(&self) -> usize {
        self.edits.len()
    }

    /// The input range for the output range `start..end` (byte offsets). An empty output range maps to an empty
    /// input range. Offsets beyond the output are clamped.
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let end = end.min(self.dst_len);
        let start = start.min(end);
        if start == end {
            let s = self.source_start(start);
            return (s, s);
        }
        (self.source_start(start), self.source_end(end))
    }

    /// The output range for the input range `start..end` (byte offsets): where that part of the input went. An
    /// input range inside an edit maps to the edit's whole output; a deleted range maps to an empty range.
    pub fn output_range(&self, start: usize, end: usize) -> (usize, usize) {
        let end = end.min(self.src_len);
        let start = start.min(end);
        let out_start = self.output_start(start);
        if start == end {
            return (out_start, out_start);
        }
        (out_start, self.output_end(end).max(out_start))
    }

    /// Where input byte `pos` went: the edit whose (non-empty) input contains it, or the output offset of that
    /// byte when it lies in a copied run. The mirror of [`Self::locate`].
    fn locate_source(&self, pos: usize) -> Result<Edit, usize> {
        let i = self.edits.partition_point(|e| (e.src_end as usize) <= pos);
        match self.edits.get(i) {
            Some(e) if (e.src_start as usize) <= pos => Ok(*e),
            _ => match i.checked_sub(1).and_then(|j| self.edits.get(j)) {
                Some(e) => Err(e.dst_end as usize + (pos - e.src_end as usize)),
                None => Err(pos),
            },
        }
    }

    fn output_start(&self, pos: usize) -> usize {
        match self.locate_source(pos) {
            Ok(e) => e.dst_start as usize,
            Err(out) => out.min(self.dst_len),
        }
    }

    fn output_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return 0;
        }
        match self.locate_source(pos - 1) {
            Ok(e) => e.dst_end as usize,
            Err(out) => (out + 1).min(self.dst_len),
        }
    }

    /// Where output byte `pos` comes from: the edit whose (non-empty) output contains it, or the input offset of
    /// that byte when it lies in a copied run.
    fn locate(&self, pos: usize) -> Result<Edit, usize> {
        let i = self.edits.partition_point(|e| (e.dst_end as usize) <= pos);
        match self.edits.get(i) {
            Some(e) if (e.dst_start as usize) <= pos => Ok(*e),
            _ => match i.checked_sub(1).and_then(|j| self.edits.get(j)) {
                Some(e) => Err(e.src_end as usize + (pos - e.dst_end as usize)),
                None => Err(pos),
            },
        }
    }

    /// The input offset where a span starting at output offset `pos` starts.
    pub fn source_start(&self, pos: usize) -> usize {
        if pos >= self.dst_len {
            return self.src_len;
        }
        match self.locate(pos) {
            Ok(e) => e.src_start as usize,
            Err(src) => src.min(self.src_len),
        }
    }

    /// The input offset where a span ending (exclusively) at output offset `pos` ends.
    pub fn source_end(&self, pos: usize) -> usize {
        let pos = pos.min(self.dst_len);
        if pos == 0 {
            return 0;
        }
        match self.locate(pos - 1) {
            Ok(e) => e.src_end as usize,
            Err(src) => (src + 1).min(self.src_len),
        }
    }

    /// Every output range with the input range it comes from, in order, covering both texts entirely.
    fn pieces(&self) -> Vec<Piece> {
        let mut out = Vec::with_capacity(self.edits.len() * 2 + 1);
        let (mut s, mut d) = (0usize, 0usize);
        for e in &self.edits {
            let (ss, se, ds, de) = (
                e.src_start as usize,
                e.src_end as usize,
                e.dst_start as usize,
                e.dst_end as usize,
            );
            if ds > d {
                out.push(Piece {
                    src: s..s + (ds - d),
                    dst: d..ds,
                    copy: true,
                });
            }
            out.push(Piece {
                src: ss..se,
                dst: ds..de,
                copy: false,
            });
            s = se;
            d = de;
        }
        if self.dst_len > d || self.src_len > s {
            out.push(Piece {
                src: s..self.src_len,
                dst: d..self.dst_len,
                copy: self.dst_len - d == self.src_len - s,
            });
        }
        out
    }

    /// The map of `self` followed by `next`: `self` maps stage output B back to input A, `next` maps C back to B;
    /// the result maps C back to A.
    pub fn then(&self, next: &OffsetMap) -> OffsetMap {
        if self.is_identity() {
            return next.clone();
        }
        if next.is_identity() {
            return self.clone();
        }
        let mut b = MapBuilder::new();
        for piece in next.pieces() {
            if !piece.copy {
                let (a0, a1) = if piece.src.is_empty() {
                    let a = self.source_start(piece.src.start);
                    (a, a)
                } else {
                    (
                        self.source_start(piece.src.start),
                        self.source_end(piece.src.end),
                    )
                };
                b.push_piece(a0, a1, piece.dst.start, piece.dst.end, false);
                continue;
            }
            // A copied run of B: split it along self's pieces.
            let mut bpos = piece.src.start;
            let mut cpos = piece.dst.start;
            while bpos < piece.src.end {
                match self.locate(bpos) {
                    Ok(e) => {
                        let stop = (e.dst_end as usize).min(piece.src.end);
                        let n = stop - bpos;
                        b.push_piece(
                            e.src_start as usize,
                            e.src_end as usize,
                            cpos,
                            cpos + n,
                            false,
                        );
                        bpos = stop;
                        cpos += n;
                    }
                    Err(a) => {
                        let i = self
                            .edits
                            .partition_point(|e| (e.dst_start as usize) <= bpos);
                        let stop = self
                            .edits
                            .get(i)
                            .map_or(piece.src.end, |e| (e.dst_start as usize).min(piece.src.end))
                            .max(bpos + 1)
                            .min(piece.src.end);
                        let n = stop - bpos;
                        b.push_piece(a, a + n, cpos, cpos + n, true);
                        bpos = stop;
                        cpos += n;
                    }
                }
            }
        }
        b.finish(self.src_len, next.dst_len)
    }
}

#[derive(Debug, Clone)]
struct Piece {
    src: std::ops::Range<usize>,
    dst: std::ops::Range<usize>,
    copy: bool,
}

/// Incremental construction of an [`OffsetMap`], merging adjacent edits.
#[derive(Debug, Default)]
pub(crate) struct MapBuilder {
    edits: Vec<Edit>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl MapBuilder {
    pub(crate) fn new() -> Self {
        MapBuilder { edits: Vec::new() }
    }

    /// Where input would be at output offset `dst` if everything since the last edit were copied.
    fn expected_src(&self, dst: usize) -> usize {
        match self.edits.last() {
            Some(e) => e.src_end as usize + dst.saturating_sub(e.dst_end as usize),
            None => dst,
        }
    }

    /// Record that input `src_start..src_end` became output `dst_start..dst_end`; everything between the previous
    /// edit and this one is a copied run. Consecutive pure deletions (or pure insertions) are merged; other edits
    /// stay separate so that each stays as small as the stage made it.
    pub(crate) fn edit(
        &mut self,
        src_start: usize,
        src_end: usize,
        dst_start: usize,
        dst_end: usize,
    ) {
        if src_start == src_end && dst_start == dst_end {
            return;
        }
        if let Some(last) = self.edits.last_mut() {
            let adjacent = last.src_end as usize == src_start && last.dst_end as usize == dst_start;
            let both_deletions = last.dst_start == last.dst_end && dst_start == dst_end;
            let both_insertions = last.src_start == last.src_end && src_start == src_end;
            if adjacent && (both_deletions || both_insertions) {
                last.src_end = to_u32(src_end);
                last.dst_end = to_u32(dst_end);
                return;
            }
        }
        self.edits.push(Edit {
            src_start: to_u32(src_start),
            src_end: to_u32(src_end),
            dst_start: to_u32(dst_start),
            dst_end: to_u32(dst_end),
        });
    }

    /// Append a piece during composition: a copied run (`copy`, same length on both sides) or an atomic edit.
    /// A piece whose input overlaps input already mapped is merged into the last edit, keeping the map monotonic.
    fn push_piece(
        &mut self,
        src_start: usize,
        src_end: usize,
        dst_start: usize,
        dst_end: usize,
        copy: bool,
    ) {
        let expected = self.expected_src(dst_start);
        if src_start < expected {
            if let Some(last) = self.edits.last_mut() {
                last.src_end = last.src_end.max(to_u32(src_end));
                last.dst_end = to_u32(dst_end);
                return;
            }
        }
        if src_start > expected {
            // Input skipped between the pieces: it was deleted.
            self.edit(expected, src_start, dst_start, dst_start);
        }
        if !copy {
            self.edits.push(Edit {
                src_start: to_u32(src_start),
                src_end: to_u32(src_end),
                dst_start: to_u32(dst_start),
                dst_end: to_u32(dst_end),
            });
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// Extend the last edit, when its input ends at `at`, to end at `to` (its output unchanged). Returns whether
    /// it did.
    pub(crate) fn extend_last(&mut self, at: usize, to: usize) -> bool {
        match self.edits.last_mut() {
            Some(last) if last.src_end as usize == at => {
                last.src_end = to_u32(to);
                true
            }
            _ => false,
        }
    }

    pub(crate) fn finish(mut self, src_len: usize, dst_len: usize) -> OffsetMap {
        let expected = self.expected_src(dst_len);
        if expected < src_len {
            self.edit(expected, src_len, dst_len, dst_len);
        }
        OffsetMap {
            edits: self.edits,
            src_len,
            dst_len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_index_matches_encode_utf16() {
        let text = "abc مرحبا 😀 x\u{10348}y ".repeat(20);
        // ASCII (counted without the table), and ASCII with one other character after the last whole block or
        // in the first block.
        let ascii = "plain ascii text. ".repeat(9);
        let late = format!("{ascii}é");
        let early = format!("é{ascii}");
        for text in [text.as_str(), &ascii, &late, &early, ""] {
            let idx = Utf16Index::new(text);
            for (b, _) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                let u = text[..b].encode_utf16().count();
                assert_eq!(idx.utf16(text, b), u, "at byte {b}");
                assert_eq!(idx.byte(text, u), b, "at utf16 {u}");
            }
            assert_eq!(idx.len_utf16(text), text.encode_utf16().count());
        }
        // Inside a surrogate pair: the pair's start.
        let idx = Utf16Index::new(&text);
        let at = text.find('😀').unwrap_or(0);
        let u = idx.utf16(&text, at);
        assert_eq!(idx.byte(&text, u + 1), at);
    }

    #[test]
    fn cursor_matches_index() {
        let text = "abc مرحبا 😀 x\u{10348}y ".repeat(5);
        let idx = Utf16Index::new(&text);
        let mut cursor = Utf16Cursor::new();
        for (b, _) in text.char_indices() {
            assert_eq!(cursor.utf16(&text, b), idx.utf16(&text, b));
        }
        assert_eq!(cursor.utf16(&text, 0), 0);
    }

    #[test]
    fn identity_map_is_identity() {
        let m = OffsetMap::identity(10);
        assert!(m.is_identity());
        assert_eq!(m.source_range(2, 5), (2, 5));
    }

    #[test]
    fn deletion_and_replacement() {
        // input  "a--bXYc" (7 bytes): "--" deleted, "XY" → "z"
        // output "abzc"
        let mut b = MapBuilder::new();
        b.edit(1, 3, 1, 1);
        b.edit(4, 6, 2, 3);
        let m = b.finish(7, 4);
        assert_eq!(m.source_range(0, 1), (0, 1)); // a
        assert_eq!(m.source_range(1, 2), (3, 4)); // b, after the deletion
        assert_eq!(m.source_range(2, 3), (4, 6)); // z ← XY
        assert_eq!(m.source_range(3, 4), (6, 7)); // c
        assert_eq!(m.source_range(0, 4), (0, 7));
        assert_eq!(m.source_range(0, 2), (0, 4));
        // And back.
        assert_eq!(m.output_range(0, 1), (0, 1));
        assert_eq!(m.output_range(1, 3), (1, 1)); // deleted
        assert_eq!(m.output_range(3, 4), (1, 2));
        assert_eq!(m.output_range(4, 5), (2, 3)); // half of XY: the whole z
        assert_eq!(m.output_range(0, 7), (0, 4));
    }

    #[test]
    fn composition_of_maps() {
        // A = "aXb" → B = "ab" (X deleted); B = "ab" → C = "aYYb" (YY inserted)
        let mut b1 = MapBuilder::new();
        b1.edit(1, 2, 1, 1);
        let m1 = b1.finish(3, 2);
        let mut b2 = MapBuilder::new();
        b2.edit(1, 1, 1, 3);
        let m2 = b2.finish(2, 4);
        let m = m1.then(&m2);
        assert_eq!(m.source_range(0, 1), (0, 1));
        assert_eq!(m.source_range(3, 4), (2, 3));
        assert_eq!(m.source_range(0, 4), (0, 3));
    }
}
