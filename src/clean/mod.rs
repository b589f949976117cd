//! Cleaning: the article without the page furniture that comes with a paste.
//!
//! A paste is cut into blocks (its non-blank lines). Each block is classified on its own first, in the spirit of
//! jusText (Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora", 2011): interface phrases
//! ("Share", "Link copied", "ذات صلة", "المقال التالي", curated per language in `data/boilerplate/phrases.txt`),
//! share bars (runs of such phrases), template artefacts (`spot_img` repeated, lines without a letter or digit),
//! copyright footers, teasers (a block cut off with "..." or "…"), *good* blocks (sentences of three words or more,
//! or long blocks rich in stopwords) and *short* blocks (everything else: headlines, bylines, captions, labels). Context then decides: a headline followed by a teaser is a related-article link and goes with
//! it; a short block leading to good text (a title, a subheading) stays; short blocks before the first or after the
//! last run of article text, that do not lead to it, are navigation.
//!
//! Nothing is lost: every removed block is reported with its span and the reason, and a text with no good block
//! loses only blocks that are boilerplate by themselves (interface phrases, artefacts, footers) — and nothing if
//! that would leave no text at all. Plain article text comes back unchanged.

use crate::keywords::HashSet;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

mod html;

pub use html::{html_to_text, Extracted};

use crate::lang::Stopwords;
use crate::normalize::{NormalizeOptions, Normalizer};
use crate::segment::{ends_sentence, is_closing};
use crate::span::{MapBuilder, OffsetMap};

/// Options of cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CleanOptions {
    /// Whether the analysis cleans the text first. Default: true.
    pub enabled: bool,
    /// More interface phrases to remove when a block is nothing else (any language). Default: none.
    pub extra_phrases: Vec<String>,
    /// Language of the text (ISO 639-1), for its stopwords; `None` detects it. The analysis uses its own.
    pub language: Option<String>,
    /// Blocks to keep whatever they look like, by their text (as reported in a removed block's span): how a user
    /// restores a block that was removed. Default: none.
    pub keep: Vec<String>,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            enabled: true,
            extra_phrases: Vec::new(),
            language: None,
            keep: Vec::new(),
        }
    }
}

/// Why a block was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// An interface phrase alone ("Share", "Link copied", "ذات صلة", "Read more").
    UiPhrase,
    /// A row of sharing or social-network buttons ("Facebook Twitter WhatsApp").
    ShareBar,
    /// A headline and teaser of another article (a "related" or "latest" list).
    RelatedLink,
    /// A text cut off with an ellipsis, outside the article.
    Teaser,
    /// Template residue (`spot_img` repeated, a line of symbols).
    TemplateArtefact,
    /// Copyright or footer line.
    Footer,
    /// A short line before or after the article that does not lead to its text (menus, labels, dates, counters).
    Navigation,
    /// A prompt of the site: newsletter sign-up, cookie notice, app download.
    Prompt,
    /// The author line ("By …", "بقلم …").
    Byline,
}

/// A removed block: its byte range in the input and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedBlock {
    /// Byte range in the input (the line, without surrounding white space).
    pub range: Range<usize>,
    /// Why it was removed.
    pub reason: Reason,
}

/// A cleaned text.
#[derive(Debug, Clone)]
pub struct Cleaned<'a> {
    /// The input without the removed blocks (and the line breaks after them).
    pub text: Cow<'a, str>,
    /// Maps byte offsets of `text` back to the input.
    pub map: OffsetMap,
    /// Removed blocks, in input order.
    pub removed: Vec<RemovedBlock>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Boilerplate by itself.
    Bad(Reason),
    /// The header of a list of other articles ("Related articles", "اقرأ أيضا"): boilerplate, and so are the short
    /// blocks after it.
    RelatedHeader,
    Teaser,
    Good,
    Short,
}

struct Block {
    /// The whole line (decorations included, line break excluded): what is deleted.
    line: Range<usize>,
    /// The block's text without decorations: what is reported.
    range: Range<usize>,
    class: Class,
    /// Number of words (up to [`WORDS_SEEN`] for a block that ends a sentence).
    words: usize,
}

const PHRASES: &str = include_str!("../../data/boilerplate/phrases.txt");

/// The phrase lists of `data/boilerplate/phrases.txt`, in their matching form.
struct Lists {
    /// Interface phrases (every language).
    ui: HashSet<String>,
    /// Headers of lists of other articles.
    related: HashSet<String>,
    /// Words of site prompts (newsletter, cookies).
    prompt: PhraseSet,
    /// Words that open a byline.
    byline: HashSet<String>,
    /// Labels of link lists ("Tags").
    label: HashSet<String>,
    /// The most words in one of the phrases above that a block's whole matching form is compared with.
    longest: usize,
    /// The most bytes in an interface phrase (related headers included): a longer form is none of them.
    longest_bytes: usize,
}

/// Build the phrase lists and the matching normalizer now (they are otherwise built on first use).
pub(crate) fn prepare() {
    lists();
    default_normalizer();
    is_footer("", "", 0);
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            ui: HashSet::default(),
            related: HashSet::default(),
            prompt: PhraseSet::default(),
            byline: HashSet::default(),
            label: HashSet::default(),
            longest: 0,
            longest_bytes: 0,
        };
        let mut section = "";
        for line in PHRASES.lines() {
            if let Some(name) = line.strip_prefix('@') {
                section = name;
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let form = matching_form(line);
            lists.longest = lists.longest.max(form.split(' ').count());
            if !matches!(section, "prompt" | "byline" | "label") {
                lists.longest_bytes = lists.longest_bytes.max(form.len());
            }
            match section {
                "related" => {
                    lists.related.insert(form.clone());
                    lists.ui.insert(form);
                }
                "prompt" => lists.prompt.insert(form),
                "byline" => {
                    lists.byline.insert(form);
                }
                "label" => {
                    lists.label.insert(form);
                }
                _ => {
                    lists.ui.insert(form);
                }
            }
        }
        lists
    })
}

/// The caller's extra interface phrases (matching forms), with the limits within which a block's whole matching
/// form can equal an interface phrase, listed or extra.
struct Extra {
    phrases: HashSet<String>,
    /// The most words in a phrase.
    longest_words: usize,
    /// The most bytes in a phrase.
    longest_bytes: usize,
}

impl Extra {
    fn new(phrases: &[String]) -> Extra {
        let phrases: HashSet<String> = phrases.iter().map(|p| matching_form(p)).collect();
        let l = lists();
        Extra {
            longest_words: phrases
                .iter()
                .map(|p| p.split(' ').count())
                .fold(l.longest, usize::max),
            longest_bytes: phrases
                .iter()
                .map(String::len)
                .fold(l.longest_bytes, usize::max),
            phrases,
        }
    }
}

/// The interface phrases of every language, in their matching form.
fn phrases() -> &'static HashSet<String> {
    &lists().ui
}

/// Phrases in matching form, found in a block's matching form (words separated by single spaces) as runs of whole
/// words.
struct PhraseSet {
    phrases: HashSet<String>,
    /// The first word of each phrase: runs are looked up only from a word that opens one.
    firsts: HashSet<String>,
    /// By the first byte of a first word, the lengths it has (bit `n` for `n` bytes, bit 31 for 31 and more): a
    /// word that no first word could be is passed over without hashing it.
    first_shapes: Vec<u32>,
    /// The most words in one phrase.
    longest: usize,
}

impl Default for PhraseSet {
    fn default() -> Self {
        PhraseSet {
            phrases: HashSet::default(),
            firsts: HashSet::default(),
            first_shapes: vec![0; 256],
            longest: 0,
        }
    }
}

impl PhraseSet {
    fn insert(&mut self, form: String) {
        if form.is_empty() {
            return;
        }
        self.longest = self.longest.max(form.split(' ').count());
        let first = form.split(' ').next().unwrap_or_default();
        self.first_shapes[Self::shape_slot(first)] |= Self::shape_bit(first);
        self.firsts.insert(first.to_string());
        self.phrases.insert(form);
    }

    fn shape_slot(word: &str) -> usize {
        usize::from(word.as_bytes().first().copied().unwrap_or(0))
    }

    fn shape_bit(word: &str) -> u32 {
        1 << word.len().min(31)
    }

    /// Whether `word` may be the first word of a phrase (a cheap test before the set is asked).
    fn may_open(&self, word: &str) -> bool {
        self.first_shapes[Self::shape_slot(word)] & Self::shape_bit(word) != 0
            && self.firsts.contains(word)
    }

    /// Whether one of the phrases occurs in `form`.
    fn occurs_in(&self, form: &str) -> bool {
        let bytes = form.as_bytes();
        let word_end = |from: usize| {
            bytes[from..]
                .iter()
                .position(|&b| b == b' ')
                .map_or(bytes.len(), |i| from + i)
        };
        let mut start = 0;
        while start < bytes.len() {
            let first_end = word_end(start);
            if self.may_open(&form[start..first_end]) {
                let mut end = first_end;
                for k in 1..=self.longest {
                    if self.phrases.contains(&form[start..end]) {
                        return true;
                    }
                    if k == self.longest || end >= bytes.len() {
                        break;
                    }
                    end = word_end(end + 1);
                }
            }
            start = first_end + 1;
        }
        false
    }
}

/// The form blocks and phrases are compared in: normalized (case folded, Arabic letters folded, diacritics
/// removed), punctuation and symbols dropped, white space collapsed.
fn matching_form(s: &str) -> String {
    ascii_form(s).unwrap_or_else(|| form_of_normalized(&default_normalizer().normalize(s).text))
}

/// [`matching_form`] of printable ASCII text (with tabs and line breaks), read straight from the text: the default
/// normalizer only lowercases it and collapses its white space, which the form drops. `None` for other text.
fn ascii_form(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'\'' | b'-');
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !is_word_byte(b) {
            if !matches!(b, b' '..=b'~' | b'\t' | b'\n' | b'\r') {
                return None;
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        let word = s[start..i].trim_matches(['\'', '-']);
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        }
    }
    Some(out)
}

/// The normalizer with default options, built once.
fn default_normalizer() -> &'static Normalizer {
    static NORMALIZER: OnceLock<Normalizer> = OnceLock::new();
    NORMALIZER.get_or_init(|| Normalizer::new(&NormalizeOptions::default()))
}

/// [`matching_form`] of text already normalized with default options.
fn form_of_normalized(normalized: &str) -> String {
    // Words: runs of letters, digits, `_`, `'` and `-`, without `'` and `-` at either end.
    let is_word_char =
        |c: char| crate::lang::is_alphanumeric(c) || c == '_' || c == '\'' || c == '-';
    let mut out = String::with_capacity(normalized.len());
    let mut push = |word: &str| {
        let word = word.trim_matches(|c| c == '\'' || c == '-');
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    };
    let mut start: Option<usize> = None;
    for (i, c) in normalized.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(&normalized[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(&normalized[s..]);
    }
    out
}

/// Template residue: identifiers with underscores run together (`spot_imgspot_img`), `{{...}}` placeholders, or a
/// line with no letter or digit.
fn is_artefact(core: &str) -> bool {
    if !core.chars().any(char::is_alphanumeric) {
        return true;
    }
    if core.starts_with("{{") && core.ends_with("}}") {
        return true;
    }
    core.split_whitespace().all(|w| {
        w.contains('_')
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }) || matches!(core, "undefined" | "null" | "NaN")
}

fn is_footer(core: &str, form: &str, words: usize) -> bool {
    static FORMS: OnceLock<PhraseSet> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut forms = PhraseSet::default();
        for p in [
            "all rights reserved",
            "جميع الحقوق محفوظة",
            "كل الحقوق محفوظة",
            "حقوق النشر محفوظة",
            "tous droits reserves",
            "todos los derechos reservados",
            "alle rechte vorbehalten",
            "tutti i diritti riservati",
            "todos os direitos reservados",
            "tum haklari saklidir",
            "все права защищены",
            "کلیه حقوق محفوظ است",
            "כל הזכויות שמורות",
        ] {
            forms.insert(matching_form(p));
        }
        forms
    });
    words <= 30 && (core.contains('©') || forms.occurs_in(form))
}

/// Between the pieces of a share bar.
const PIECE_SEPARATORS: [char; 10] = ['|', '•', '·', '/', '\\', '▪', '►', '>', '»', '«'];
/// Between the items of a menu or breadcrumb trail.
const MENU_SEPARATORS: [char; 7] = ['|', '>', '»', '›', '/', '•', '·'];

/// Which characters that some rule splits a block on it contains, found in one pass.
#[derive(Debug, Clone, Copy, Default)]
struct Separators {
    /// One of [`PIECE_SEPARATORS`].
    piece: bool,
    /// One of [`MENU_SEPARATORS`].
    menu: bool,
    /// After a label ("Read also:"): `:` or `：`.
    colon: bool,
}

impl Separators {
    fn of(core: &str) -> Separators {
        let mut s = Separators::default();
        // Bytes, not characters, and a match, not lookups in the two lists: this runs over every block. Every
        // separator is ASCII or starts with one of three lead bytes; only those are decoded, and a stretch of 32
        // bytes without any of them is passed over in one test.
        let starts = |b: u8| matches!(b, b'|' | b'/' | b'>' | b'\\' | b':' | 0xC2 | 0xE2 | 0xEF);
        let bytes = core.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let end = (at + 32).min(bytes.len());
            let stretch = &bytes[at..end];
            if stretch.iter().fold(false, |any, &b| any | starts(b)) {
                for (i, &b) in stretch.iter().enumerate() {
                    let c = match b {
                        b'|' | b'/' | b'>' | b'\\' | b':' => char::from(b),
                        0xC2 | 0xE2 | 0xEF => core
                            .get(at + i..)
                            .and_then(|r| r.chars().next())
                            .unwrap_or(' '),
                        _ => continue,
                    };
                    match c {
                        '|' | '•' | '·' | '/' | '>' | '»' => {
                            s.piece = true;
                            s.menu = true;
                        }
                        '\\' | '▪' | '►' | '«' => s.piece = true,
                        '›' => s.menu = true,
                        ':' | '：' => s.colon = true,
                        _ => {}
                    }
                }
            }
            at = end;
        }
        s
    }
}

/// A block made of interface phrases: the whole block, or every piece between separators, or (two or more) every
/// word.
fn ui_reason(form: &str, core: &str, separators: Separators, extra: &Extra) -> Option<Reason> {
    let set = phrases();
    // A form longer than every phrase is none of them: not even hashed.
    let known =
        |s: &str| s.len() <= extra.longest_bytes && (set.contains(s) || extra.phrases.contains(s));
    if form.is_empty() {
        return None;
    }
    if known(form) {
        return Some(Reason::UiPhrase);
    }
    if separators.piece {
        // Two or more pieces, every one an interface phrase: the first piece that is not one ends the search.
        let mut pieces = 0;
        let all_known = core
            .split(PIECE_SEPARATORS)
            .map(matching_form)
            .filter(|p| !p.is_empty())
            .all(|p| {
                pieces += 1;
                known(&p)
            });
        if all_known && pieces >= 2 {
            return Some(Reason::ShareBar);
        }
    }
    // Words up to 13 (a form is words one space apart), counted by bytes.
    let words = 1 + form.bytes().filter(|&b| b == b' ').take(12).count();
    if (2..=12).contains(&words) && form.split(' ').all(known) {
        return Some(Reason::ShareBar);
    }
    None
}

/// The block's text without surrounding white space and list decorations (bullets, arrows, dashes).
fn core_range(text: &str, line: Range<usize>) -> Range<usize> {
    let s = &text[line.clone()];
    let is_decoration = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '•' | '·' | '▪' | '►' | '▶' | '→' | '←' | '|' | '*' | '-' | '–' | '—'
            )
    };
    let start = s.len() - s.trim_start_matches(is_decoration).len();
    let end = s
        .trim_end_matches(|c: char| c.is_whitespace())
        .len()
        .max(start);
    line.start + start..line.start + end
}

/// The class of a block and its words (up to [`WORDS_SEEN`] for one that ends a sentence).
fn classify(core: &str, stopwords: &Stopwords, extra: &Extra) -> (Class, usize) {
    // Stopwords only count for a block that does not end a sentence (see `class_of`); the words of one that does
    // are counted up to `WORDS_SEEN`.
    let sentence = ends_sentence(core);
    if sentence {
        if let Some(class) = classify_long_sentence(core, extra) {
            return (class, WORDS_SEEN);
        }
    }
    classify_whole(core, sentence, stopwords, extra)
}

/// [`classify`] from the whole block's matching form and words.
fn classify_whole(
    core: &str,
    sentence: bool,
    stopwords: &Stopwords,
    extra: &Extra,
) -> (Class, usize) {
    let form = matching_form(core);
    let words = count_words(&form, if sentence { WORDS_SEEN } else { usize::MAX });
    // Stopwords only count for a block that does not end a sentence, and only when the other rules leave it to them.
    let dense = || !sentence && dense_in_stopwords(&form, words, stopwords);
    (class_of(core, &form, sentence, words, dense, extra), words)
}

/// The class of a long block that ends a sentence, from its first words only, or `None` when they are not enough.
///
/// With [`WORDS_SEEN`] words, every rule that reads a block's words or matching form is out of reach but those
/// that compare the whole form with a phrase; a form that starts with more words than any phrase has equals none,
/// just as the whole form does. The rules left read the block's text itself, so [`class_of`] gives the same class
/// from the opening's form as from the whole block's, without normalizing a paragraph to look at 31 words.
fn classify_long_sentence(core: &str, extra: &Extra) -> Option<Class> {
    // Cut at a space well past the words needed; a block shorter than that takes the usual way.
    let bytes = core.as_bytes();
    let (cut, _) = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b' ' && i > 0 && !bytes[i - 1].is_ascii_whitespace())
        .nth(WORDS_SEEN + WORDS_SEEN / 2)?;
    let form = matching_form(&core[..cut]);
    let words = count_words(&form, WORDS_SEEN);
    let form_words = 1 + form.bytes().filter(|&b| b == b' ').count();
    // `ui_reason` also compares a form of 2 to 12 words with the phrases word by word.
    (words == WORDS_SEEN && form_words > extra.longest_words.max(12))
        .then(|| class_of(core, &form, true, WORDS_SEEN, || false, extra))
}

/// The number of words of a block as the rules count them, from its matching form, up to `limit` (see
/// [`each_word`]).
fn count_words(form: &str, limit: usize) -> usize {
    let mut words = 0;
    if limit > 0 {
        each_word(form, |_| {
            words += 1;
            words < limit
        });
    }
    words
}

/// Whether stopwords make a tenth or more of the `words` words of a block's matching form: counted until they do.
fn dense_in_stopwords(form: &str, words: usize, stopwords: &Stopwords) -> bool {
    let (mut stop, mut dense) = (0usize, false);
    each_word(form, |word| {
        if stopwords.contains(word) {
            stop += 1;
            dense = stop as f64 / words.max(1) as f64 >= 0.1;
        }
        !dense
    });
    dense
}

/// `f` of each word of a block as the rules count them, from its matching form, until it returns false: the form's
/// words that hold a letter, the parts of a hyphenated word apart, and each letter of a script written without
/// spaces between words (see [`is_unspaced`]) on its own, as UAX #29 segments words.
fn each_word(form: &str, mut f: impl FnMut(&str) -> bool) {
    if form.is_ascii() {
        // Parts between spaces and hyphens, read byte by byte: those with a letter are words.
        let bytes = form.as_bytes();
        let (mut start, mut letter) = (0, false);
        for (i, &b) in bytes.iter().enumerate() {
            if b == b' ' || b == b'-' {
                if letter && !f(&form[start..i]) {
                    return;
                }
                (start, letter) = (i + 1, false);
            } else {
                letter |= b.is_ascii_alphabetic();
            }
        }
        if letter {
            f(&form[start..]);
        }
        return;
    }
    for part in form.split([' ', '-']) {
        if !part.chars().any(is_unspaced) {
            if part.chars().any(crate::lang::is_alphabetic) && !f(part) {
                return;
            }
            continue;
        }
        // Runs of other characters that hold a letter count once.
        let mut run: Option<(usize, bool)> = None;
        for (i, c) in part.char_indices() {
            if is_unspaced(c) {
                if let Some((start, true)) = run.take() {
                    if !f(&part[start..i]) {
                        return;
                    }
                }
                if crate::lang::is_alphabetic(c) && !f(&part[i..i + c.len_utf8()]) {
                    return;
                }
            } else {
                let (_, letter) = run.get_or_insert((i, false));
                *letter |= crate::lang::is_alphabetic(c);
            }
        }
        if let Some((start, true)) = run {
            if !f(&part[start..]) {
                return;
            }
        }
    }
}

/// A letter of a script written without spaces between words, which UAX #29 word segmentation (without a
/// dictionary) takes one letter at a time: Han, Hiragana, Thai, Lao, Myanmar, Khmer. Their combining marks are not
/// letters and count for nothing.
fn is_unspaced(c: char) -> bool {
    c >= '\u{0E00}'
        && matches!(c,
        '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}'
        | '\u{2E80}'..='\u{2FDF}' | '\u{3005}'..='\u{3007}' | '\u{3021}'..='\u{3029}' | '\u{3038}'..='\u{303B}'
        | '\u{3040}'..='\u{309F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
        && !matches!(
            unicode_properties::UnicodeGeneralCategory::general_category_group(c),
            unicode_properties::GeneralCategoryGroup::Mark
        )
}

/// A count of words that no rule looks beyond: every rule compares a block's words with 30 or less, except the
/// stopword density of a block that does not end a sentence.
const WORDS_SEEN: usize = 31;

/// The class of a block from its text, matching form, whether it ends a sentence ([`ends_sentence`]), its word
/// count, and `dense`: whether stopwords make a tenth of its words (asked only when no other rule decides).
fn class_of(
    core: &str,
    form: &str,
    sentence: bool,
    words: usize,
    dense: impl FnOnce() -> bool,
    extra: &Extra,
) -> Class {
    let l = lists();
    if form.len() <= l.longest_bytes && l.related.contains(form) {
        return Class::RelatedHeader;
    }
    let separators = Separators::of(core);
    if let Some(reason) = ui_reason(form, core, separators, extra) {
        return Class::Bad(reason);
    }
    // "Read also: <headline>", "Tags: a, b".
    let labelled = separators.colon && words <= 30;
    if let Some((head, _)) = labelled.then(|| core.split_once([':', '：'])).flatten() {
        let head = matching_form(head);
        if l.related.contains(&head) {
            return Class::Bad(Reason::RelatedLink);
        }
        if l.label.contains(&head) {
            return Class::Bad(Reason::Navigation);
        }
    }
    if words <= 30 && l.prompt.occurs_in(form) {
        return Class::Bad(Reason::Prompt);
    }
    let trimmed = core.trim_end_matches(is_closing);
    // Its first one, two or three words (words are one space apart in a matching form).
    let opens_with = |set: &HashSet<String>| {
        form.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b' ')
            .map(|(i, _)| i)
            .chain([form.len()])
            .take(3)
            .any(|end| set.contains(&form[..end]))
    };
    if words <= 10 && !sentence && opens_with(&l.byline) {
        return Class::Bad(Reason::Byline);
    }
    if is_artefact(core) {
        return Class::Bad(Reason::TemplateArtefact);
    }
    // A menu or breadcrumb trail: three or more short items between separators ("Home | World | Sport",
    // "Home > World > Africa"), or two when the first is an interface word ("Home > Politics").
    if !sentence && separators.menu {
        let items: Vec<&str> = core
            .split(MENU_SEPARATORS)
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        let starts_at_home = || phrases().contains(&matching_form(items[0]));
        if (items.len() >= 3 || (items.len() == 2 && starts_at_home()))
            && items.iter().all(|i| i.split_whitespace().count() <= 3)
        {
            return Class::Bad(Reason::Navigation);
        }
    }
    if is_footer(core, form, words) {
        return Class::Bad(Reason::Footer);
    }
    if trimmed.ends_with("...") || trimmed.ends_with('…') {
        return Class::Teaser;
    }
    // A sentence of three words or more is article text; so is a long block rich in function words.
    if (words >= 3 && sentence) || (words >= 25 && dense()) {
        Class::Good
    } else {
        Class::Short
    }
}

/// Clean `text`: the article, and the blocks left out with the reason for each. The stopwords of its language
/// (`options.language`, or detected) help to recognize running text.
///
/// ```
/// use maqal::clean::{clean, CleanOptions, Reason};
/// let text = "Share\n• Link copied\n\nThe council met on Monday and agreed on a new plan for the city's buses and trams.\n\nRead more";
/// let c = clean(text, &CleanOptions::default());
/// assert_eq!(c.text.trim(), "The council met on Monday and agreed on a new plan for the city's buses and trams.");
/// let reasons: Vec<Reason> = c.removed.iter().map(|b| b.reason).collect();
/// assert_eq!(reasons, [Reason::UiPhrase, Reason::UiPhrase, Reason::UiPhrase]);
/// assert_eq!(&text[c.removed[1].range.clone()], "Link copied");
/// ```
pub fn clean<'a>(text: &'a str, options: &CleanOptions) -> Cleaned<'a> {
    let language = match &options.language {
        Some(code) => code.clone(),
        None => {
            let info = crate::lang::detect(text);
            match (info.code.as_str(), info.script.as_str()) {
                ("und", "Arabic") => "ar".to_string(),
                ("und", _) => "en".to_string(),
                (code, _) => code.to_string(),
            }
        }
    };
    let mut stopwords = Stopwords::new();
    stopwords.add_language(&language, &NormalizeOptions::default());
    clean_with_stopwords(text, &stopwords, options)
}

/// [`clean`] with the stopwords given (those of the text's language, normalized with default options).
pub fn clean_with_stopwords<'a>(
    text: &'a str,
    stopwords: &Stopwords,
    options: &CleanOptions,
) -> Cleaned<'a> {
    let extra = Extra::new(&options.extra_phrases);
    let mut blocks: Vec<Block> = Vec::new();
    let mut pos = 0;
    // Blocks are lines, except that a hard-wrapped paragraph (a line that does not end a sentence, followed
    // directly by a line that starts with a lowercase letter) is one block.
    let mut lines: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut previous_blank = true;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let line_range = pos..pos + content.len();
        let range = core_range(text, line_range.clone());
        pos += line.len();
        if range.is_empty() || text[range.clone()].trim().is_empty() {
            previous_blank = true;
            continue;
        }
        let continues = !previous_blank
            && lines
                .last()
                .is_some_and(|(_, prev)| !ends_sentence(&text[prev.clone()]))
            && text[range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        previous_blank = false;
        match lines.last_mut() {
            Some((prev_line, prev)) if continues => {
                prev_line.end = line_range.end;
                prev.end = range.end;
            }
            _ => lines.push((line_range, range)),
        }
    }
    for (line, range) in lines {
        let (class, words) = classify(&text[range.clone()], stopwords, &extra);
        blocks.push(Block {
            line,
            range,
            class,
            words,
        });
    }
    let mut verdicts = decide(&blocks);
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
        if v.is_some()
            && options
                .keep
                .iter()
                .any(|k| k.trim() == &text[b.range.clone()])
        {
            *v = None;
        }
    }
    let removed_lines: Vec<Range<usize>> = blocks
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.is_some())
        .map(|(b, _)| b.line.clone())
        .collect();
    let removed: Vec<RemovedBlock> = blocks
        .iter()
        .zip(&verdicts)
        .filter_map(|(b, v)| {
            v.map(|reason| RemovedBlock {
                range: b.range.clone(),
                reason,
            })
        })
        .collect();
    if removed.is_empty() {
        return Cleaned {
            text: Cow::Borrowed(text),
            map: OffsetMap::identity(text.len()),
            removed,
        };
    }
    // Delete each removed line with the white space up to the next line that stays, so no empty lines pile up.
    let mut out = String::with_capacity(text.len());
    let mut builder = MapBuilder::new();
    let mut copied_to = 0;
    for line in &removed_lines {
        let start = line.start.max(copied_to);
        let rest = &text[line.end..];
        let end = line.end + (rest.len() - rest.trim_start().len());
        out.push_str(&text[copied_to..start]);
        builder.edit(start, end, out.len(), out.len());
        copied_to = end;
    }
    out.push_str(&text[copied_to..]);
    let map = builder.finish(text.len(), out.len());
    Cleaned {
        text: Cow::Owned(out),
        map,
        removed,
    }
}

/// For each block, `Some(reason)` when it is removed.
fn decide(blocks: &[Block]) -> Vec<Option<Reason>> {
    let n = blocks.len();
    let mut out: Vec<Option<Reason>> = blocks
        .iter()
        .map(|b| match b.class {
            Class::Bad(reason) => Some(reason),
            Class::RelatedHeader => Some(Reason::UiPhrase),
            _ => None,
        })
        .collect();
    // After a "related" header, the list: short blocks, teasers and headline-sized sentences, up to running text.
    for i in 0..n {
        if blocks[i].class != Class::RelatedHeader {
            continue;
        }
        for j in i + 1..n {
            let b = &blocks[j];
            // A short block right before running text is a title, not a list item: the list ended.
            let next = (j + 1..n).find(|&k| !matches!(blocks[k].class, Class::Bad(_)));
            let leads_to_text =
                next.is_some_and(|k| blocks[k].class == Class::Good && blocks[k].words > 20);
            match b.class {
                Class::Teaser => out[j] = Some(Reason::RelatedLink),
                Class::Short | Class::Good if b.words <= 20 && !leads_to_text => {
                    out[j] = Some(Reason::RelatedLink)
                }
                Class::Bad(_) | Class::RelatedHeader => {}
                Class::Short | Class::Good => break,
            }
        }
    }
    let good: Vec<usize> = (0..n).filter(|&i| blocks[i].class == Class::Good).collect();
    let (Some(&first_good), Some(&last_good)) = (good.first(), good.last()) else {
        // No running text: only what is boilerplate by itself goes, and never everything.
        if out.iter().all(Option::is_some) {
            return vec![None; n];
        }
        return out;
    };
    // Prompts and bylines are furniture around the article; inside it (between paragraphs of running text) they
    // are its text. A title is not running text: paragraphs are blocks of 15 words or more.
    let paragraph = |i: usize| blocks[i].class == Class::Good && blocks[i].words >= 15;
    let first_text = (0..n).find(|&i| paragraph(i)).unwrap_or(first_good);
    let last_text = (0..n).rev().find(|&i| paragraph(i)).unwrap_or(last_good);
    for verdict in out.iter_mut().take(last_text).skip(first_text + 1) {
        if matches!(verdict, Some(Reason::Prompt | Reason::Byline)) {
            *verdict = None;
        }
    }
    // The next block that is not boilerplate by itself.
    let next_kept = |i: usize, out: &[Option<Reason>]| (i + 1..n).find(|&j| out[j].is_none());
    // Headline + teaser pairs (and runs of teasers) are links to other articles. A lone teaser between two
    // paragraphs of the article is an ellipsis of the article.
    let teaser = |j: usize| blocks.get(j).is_some_and(|b| b.class == Class::Teaser);
    for i in 0..n {
        if blocks[i].class != Class::Teaser {
            continue;
        }
        let in_run = (i.saturating_sub(2)..=i + 2).any(|j| j != i && teaser(j));
        let prev = (0..i)
            .rev()
            .find(|&j| out[j].is_none() || out[j] == Some(Reason::RelatedLink));
        let next = next_kept(i, &out);
        let between_good = prev.is_some_and(|p| blocks[p].class == Class::Good)
            && next.is_some_and(|q| blocks[q].class == Class::Good);
        if between_good && !in_run {
            continue;
        }
        out[i] = Some(Reason::RelatedLink);
        // The headline right before it (in a run, even one that reads like a sentence).
        if let Some(p) = prev.filter(|&p| p + 1 == i) {
            if blocks[p].class == Class::Short || (in_run && blocks[p].class == Class::Good) {
                out[p] = Some(Reason::RelatedLink);
            }
        }
    }
    // Short blocks: kept when they lead to running text (titles, subheadings, bylines), and inside the article;
    // before the first or after the last good block otherwise, navigation.
    for i in 0..n {
        if blocks[i].class != Class::Short || out[i].is_some() {
            continue;
        }
        if i > first_good && i < last_good {
            continue;
        }
        let mut j = next_kept(i, &out);
        // A title may be followed by a subtitle or a byline before the text.
        let mut steps = 0;
        while let Some(k) = j {
            if blocks[k].class != Class::Short || steps >= 2 {
                break;
            }
            steps += 1;
            j = next_kept(k, &out);
        }
        let leads_to_text = j.is_some_and(|k| blocks[k].class == Class::Good);
        if !leads_to_text {
            out[i] = Some(Reason::Navigation);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Stopwords {
        let mut s = Stopwords::new();
        s.add_language("en", &NormalizeOptions::default());
        s
    }

    #[test]
    fn phrases_load() {
        assert!(phrases().len() > 300);
        assert!(phrases().contains(&matching_form("Link copied")));
        let mut set = PhraseSet::default();
        set.insert("more here".to_string());
        set.insert("sign up".to_string());
        assert!(set.occurs_in("read more here"));
        assert!(set.occurs_in("more here"));
        assert!(set.occurs_in("please sign up"));
        assert!(set.occurs_in("sign up now"));
        assert!(!set.occurs_in("read mores here"));
        assert!(!set.occurs_in("read more"));
        assert!(!set.occurs_in("sign"));
        assert!(!set.occurs_in(""));
        let mut one = PhraseSet::default();
        one.insert("more".to_string());
        assert!(one.occurs_in("read more here"));
        assert!(!one.occurs_in("read mores here"));
        assert!(lists().prompt.occurs_in("x newsletter y"));
        assert!(lists().prompt.occurs_in("download our app now"));
        assert!(phrases().contains(&matching_form("اقرأ أيضاً")));
    }

    #[test]
    fn footers() {
        for (line, footer) in [
            ("© 2025 Daily Planet", true),
            ("Daily Planet 2025. All rights reserved.", true),
            ("جميع الحقوق محفوظة لموقع المدار 2025", true),
            ("Todos los derechos reservados.", true),
            ("All rights are reserved for the owners of the hall.", false),
            ("The committee reserved all rights to appeal.", false),
        ] {
            let form = matching_form(line);
            let words = form.split(' ').count();
            assert_eq!(is_footer(line, &form, words), footer, "{line}");
        }
        let long = format!("{} all rights reserved", "word ".repeat(40));
        let form = matching_form(&long);
        assert!(!is_footer(&long, &form, form.split(' ').count()));
    }

    #[test]
    fn matching_forms_and_separators() {
        assert_eq!(
            matching_form("It's a Co-op -- 'quoted' _x_ 3.5%"),
            "it's a co-op quoted _x_ 3 5"
        );
        assert_eq!(matching_form("مرحباً، بالعالم!"), "مرحبا بالعالم");
        assert_eq!(matching_form(" -- ' "), "");
        let s = Separators::of("Home › News");
        assert!(s.menu && !s.piece && !s.colon);
        let s = Separators::of("a \\ b：c");
        assert!(s.piece && !s.menu && s.colon);
        let s = Separators::of("Share • Tweet");
        assert!(s.piece && s.menu && !s.colon);
        let s = Separators::of("plain words, no marks.");
        assert!(!s.piece && !s.menu && !s.colon);
        // Wherever the separator stands in a long block (across the stretches the scan passes over).
        for at in 0..70 {
            let block = format!(
                "{}›{}",
                "ب".repeat(at / 2) + &"a".repeat(at % 2),
                "z".repeat(40)
            );
            let s = Separators::of(&block);
            assert!(s.menu && !s.piece && !s.colon, "{at}");
            assert!(!Separators::of(&block.replace('›', "،")).menu, "{at}");
        }
        // The one-pass check agrees with the lists the rules split on.
        for c in [
            '|', '•', '·', '/', '\\', '▪', '►', '>', '»', '«', '›', ':', '：', '-', ',', 'a', '—',
            '…', '“', 'é', 'ب',
        ] {
            let s = Separators::of(&c.to_string());
            assert_eq!(s.piece, PIECE_SEPARATORS.contains(&c), "{c}");
            assert_eq!(s.menu, MENU_SEPARATORS.contains(&c), "{c}");
            assert_eq!(s.colon, matches!(c, ':' | '：'), "{c}");
        }
    }

    #[test]
    fn the_ascii_form_is_the_form_of_the_normalized_text() {
        let slow = |s: &str| form_of_normalized(&default_normalizer().normalize(s).text);
        let printable: Vec<char> = (' '..='~').chain(['\t', '\n', '\r']).collect();
        // Every pair of characters, between letters and alone.
        for &a in &printable {
            for &b in &printable {
                for s in [
                    format!("{a}{b}"),
                    format!("Ab{a}{b}Cd"),
                    format!("x{a}Y{b}z"),
                ] {
                    assert_eq!(ascii_form(&s).as_deref(), Some(slow(&s).as_str()), "{s:?}");
                }
            }
        }
        // Longer mixes (a fixed pseudo-random sequence).
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let s: String = (0..len)
                .map(|i| printable[((seed >> (i % 50)) as usize + i * 7) % printable.len()])
                .collect();
            assert_eq!(ascii_form(&s).as_deref(), Some(slow(&s).as_str()), "{s:?}");
        }
        // Other text takes the normalizer's way.
        for s in [
            "caf\u{e9}",
            "a\u{0}b",
            "a\u{7f}b",
            "a\u{b}b",
            "\u{c}",
            "مرحبا",
        ] {
            assert_eq!(ascii_form(s), None, "{s:?}");
        }
    }

    #[test]
    fn words_are_counted_as_word_segmentation_counts_them() {
        use crate::segment::{tokens, SegmentOptions, TokenKind};
        let sw = en();
        // The words and stopwords among the word tokens of the normalized text.
        let by_tokens = |s: &str| {
            let n = default_normalizer().normalize(s);
            let words: Vec<&str> = tokens(&n.text, &SegmentOptions::default())
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| &n.text[t.start..t.end])
                .collect();
            let stop = words.iter().filter(|w| sw.contains(w)).count();
            (words.len(), stop)
        };
        for s in [
            // Numbers alone are not words; the parts of a hyphenated word are.
            "The state-of-the-art plan costs 3.5 million",
            "2026 -- 11 _ '",
            "mp3 players, don't they?",
            // Han and Hiragana one letter at a time, Katakana and Hangul by runs, Thai letters apart.
            "東京タワーは高い",
            "서울 날씨",
            "ภาษาไทย",
            "قال الوزير إن الخطة جاهزة",
        ] {
            let form = matching_form(s);
            let mut stop = 0;
            each_word(&form, |w| {
                stop += usize::from(sw.contains(w));
                true
            });
            assert_eq!((count_words(&form, usize::MAX), stop), by_tokens(s), "{s}");
        }
        // the, state, of, the (stopwords-iso), art, plan.
        let form = matching_form("The state-of-the-art plan");
        assert_eq!(count_words(&form, usize::MAX), 6);
        // A tenth of the words and more: dense from 1 stopword in 10 words, not 1 in 11.
        assert!(dense_in_stopwords(&form, 6, &sw));
        let ten = "the a1 b1 c1 d1 e1 f1 g1 h1 i1";
        assert!(dense_in_stopwords(ten, 10, &sw));
        assert!(!dense_in_stopwords(&format!("{ten} j1"), 11, &sw));
        // A limit stops the count.
        assert_eq!(count_words("a b c d e", 3), 3);
        assert_eq!(count_words("a b c d e", 0), 0);
    }

    #[test]
    fn a_long_sentence_has_the_class_its_opening_words_give() {
        let en = en();
        let none = Extra::new(&[]);
        let long = "The council met on Monday and agreed on a new plan for the buses and the trams of the city, \
            which the mayor said would be paid for by the region and the state over the next ten years, while the \
            opposition asked why the lines to the northern suburbs had been left out of it once again";
        let mut blocks = vec![
            format!("{long}."),
            format!("{long}..."),
            format!("{long} …"),
            format!("© {long}."),
            format!("{long} — all rights reserved."),
            format!("Share | Tweet | {long}."),
            format!("Read also: {long}."),
            format!("spot_img {long}."),
        ];
        let synthetic = blocks.len();
        for seed in [
            include_str!("../../tests/fixtures/000_4a5a4cae09b4e272.txt"),
            include_str!("../../tests/fixtures/004_8936998626512ca3.txt"),
        ] {
            blocks.extend(seed.lines().map(|l| l.trim().to_string()));
        }
        let mut shortened = 0;
        for (i, b) in blocks.iter().enumerate() {
            let class = classify_long_sentence(b, &none);
            assert!(i >= synthetic || class.is_some(), "{b}");
            if let Some(class) = class {
                shortened += 1;
                assert_eq!(class, classify_whole(b, true, &en, &none).0, "{b}");
            }
        }
        assert!(shortened >= synthetic + 8, "{shortened}");
        // A phrase as long as the opening form: the whole block is compared with it.
        let extra = Extra::new(&[long.to_string()]);
        assert_eq!(classify_long_sentence(&blocks[0], &extra), None);
    }

    #[test]
    fn artefacts_and_bars() {
        assert!(is_artefact("spot_imgspot_imgspot_img"));
        assert!(is_artefact("• • •"));
        assert!(!is_artefact("Hello world"));
        let extra = Extra::new(&[]);
        assert_eq!(
            ui_reason(
                &matching_form("Facebook Twitter WhatsApp"),
                "Facebook Twitter WhatsApp",
                Separators::of("Facebook Twitter WhatsApp"),
                &extra
            ),
            Some(Reason::ShareBar)
        );
        assert_eq!(
            ui_reason(
                &matching_form("Share | Tweet"),
                "Share | Tweet",
                Separators::of("Share | Tweet"),
                &extra
            ),
            Some(Reason::ShareBar)
        );
    }

    #[test]
    fn plain_text_is_unchanged() {
        for t in [
            "",
            "Hello.",
            "Short line\nAnother",
            "Share",
            "One sentence here.\n\nAnother one there.",
        ] {
            let c = clean_with_stopwords(t, &en(), &CleanOptions::default());
            assert_eq!(c.text, t);
            assert!(c.removed.is_empty(), "{t:?}");
        }
    }

    #[test]
    fn hard_wrapped_paragraphs_are_one_block() {
        let t = "Waiting for the wave to crest\nWavelength services have been hyped for years. But despite their\n\tquick turn-up time, such services have yet to\n\tlive up to expectations, and observers are still\n\tconvinced that the services will flourish\n";
        let c = clean_with_stopwords(t, &en(), &CleanOptions::default());
        assert!(c.removed.is_empty(), "{:?}", c.removed);
    }

    #[test]
    fn an_ellipsis_inside_the_article_stays() {
        let t = "The minister spoke for an hour about the budget and the reforms that are coming next year.\n\nAnd then he said...\n\nThe opposition answered that the reforms were too late and the budget too small for the country.";
        let c = clean_with_stopwords(t, &en(), &CleanOptions::default());
        assert!(c.removed.is_empty(), "{:?}", c.removed);
    }
}
