//! The pipeline: normalize → segment → language → keywords, assembled into an [`Analysis`] whose spans all point
//! into the original text.

use crate::keywords::HashMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::clean::{self, CleanOptions, Cleaned, Reason};
use crate::error::Error;
use crate::keywords::{self, KeywordOptions};
use crate::lang::{self, Direction, LanguageInfo, Stopwords};
use crate::normalize::{normalize, NormalizeOptions};
use crate::segment::{self, SegmentOptions, TokenKind};
use crate::span::{OffsetMap, Span, TextRef, Utf16Index};

/// Options of the whole analysis. Every field has a default; from JavaScript pass a plain object with any subset
/// of the fields (unknown fields are an error).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct Options {
    /// Force the language (ISO 639-1 code such as `"ar"`), or `None` to detect it.
    pub language: Option<String>,
    /// Normalization rules used for matching.
    pub normalize: NormalizeOptions,
    /// Segmentation (its language defaults to the detected one).
    pub segment: SegmentOptions,
    /// Keyphrase extraction.
    pub keywords: KeywordOptions,
    /// Cleaning (on by default): page furniture is left out of keyphrases and counts, and listed in `removed`.
    pub clean: CleanOptions,
    /// How many key sentences to pick (an extractive summary); `None`: 3.
    pub key_sentences: Option<usize>,
    /// Words to treat as stopwords in addition to the language's list.
    pub extra_stopwords: Vec<String>,
    /// Words of the language's list not to treat as stopwords.
    pub keep_words: Vec<String>,
    /// Reading speed in words per minute; `None` uses a published rate for the language (Arabic 138, English
    /// 228, ...; Trauzettel-Klosinski et al. 2012) or 200.
    pub words_per_minute: Option<f64>,
}

/// Counts about the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// User-perceived characters (grapheme clusters) of the article (the cleaned text).
    pub characters: usize,
    /// Grapheme clusters that are not white space.
    pub characters_no_spaces: usize,
    /// Words and numbers.
    pub words: usize,
    /// Sentences (headlines and list items count as sentences).
    pub sentences: usize,
    /// Paragraphs (separated by blank lines).
    pub paragraphs: usize,
    /// Estimated reading time in seconds.
    pub reading_seconds: u64,
    /// Length of the original text in UTF-16 code units.
    pub utf16_length: usize,
    /// Length of the original text in bytes.
    pub byte_length: usize,
}

/// A sentence of the original text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SentenceInfo {
    /// Where the sentence is.
    #[serde(flatten)]
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// A paragraph of the original text, with its own language: a pasted page can mix an article with interface
/// strings in another language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ParagraphInfo {
    /// Where the paragraph is.
    #[serde(flatten)]
    pub span: Span,
    /// Its language, detected on the paragraph alone (`"und"` for short ones such as a "Share" button).
    pub language: LanguageInfo,
}

/// A block of the original text that cleaning left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RemovedInfo {
    /// Where the block is.
    #[serde(flatten)]
    pub span: Span,
    /// Why it was left out.
    pub reason: Reason,
}

/// A token of the original text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenInfo {
    /// Where the token is.
    pub span: Span,
    /// What it holds.
    pub kind: TokenKind,
    /// Index of its sentence.
    pub sentence: usize,
}

/// A keyphrase and every place it occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Keyword {
    /// The phrase as it is most often written in the original text.
    pub text: String,
    /// Its normalized form, the grouping key.
    pub key: String,
    /// Score in (0, 1], higher is better; the best keyphrase scores 1.
    pub score: f64,
    /// Number of occurrences.
    pub count: usize,
    /// Every occurrence, in order, in the original text.
    pub spans: Vec<Span>,
}

/// The result of [`analyze`](crate::analyze). Every span points into the original text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Language code (`"ar"`, `"en"`, ... or `"und"`): the language of more than half of the letters, paragraph
    /// by paragraph, so that interface strings around an article do not sway it (see
    /// [`lang::detect_document`]).
    pub language: String,
    /// Direction to display the text in.
    pub direction: Direction,
    /// Language, script, direction and confidence.
    pub language_info: LanguageInfo,
    /// Counts.
    pub stats: Stats,
    /// Paragraphs, in order, each with its language.
    pub paragraphs: Vec<ParagraphInfo>,
    /// Sentences, in order.
    pub sentences: Vec<SentenceInfo>,
    /// Keyphrases, best first.
    pub keywords: Vec<Keyword>,
    /// Blocks that cleaning left out (page furniture), with the reason for each; empty when cleaning is off.
    pub removed: Vec<RemovedInfo>,
    /// The sentences that best cover the keyphrases (indices into `sentences`, in article order): an extractive
    /// summary.
    pub key_sentences: Vec<usize>,
    /// Tokens, in order (not serialized: the wasm door passes them to JavaScript as typed arrays).
    #[serde(skip)]
    pub tokens: Vec<TokenInfo>,
}

/// The `n` sentences that best cover `keywords`: greedily, the sentence whose keyphrases not yet covered weigh most
/// (by score) is taken next; returned in article order. Sentences without keyphrases are never taken.
fn key_sentences(sentences: &[SentenceInfo], keywords: &[Keyword], n: usize) -> Vec<usize> {
    let contains: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| {
            keywords
                .iter()
                .enumerate()
                .filter(|(_, k)| {
                    k.spans
                        .iter()
                        .any(|p| p.byte_start >= s.span.byte_start && p.byte_end <= s.span.byte_end)
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    // How many chosen sentences hold each keyphrase: a sentence gains by the keyphrases it adds, the ones no chosen
    // sentence holds yet first (once all are covered, a second round begins).
    let mut covered = vec![0usize; keywords.len()];
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < n {
        let round = covered.iter().copied().min().unwrap_or(0);
        let gain = |i: usize| -> f64 {
            contains[i]
                .iter()
                .filter(|&&k| covered[k] <= round)
                .map(|&k| keywords[k].score)
                .sum()
        };
        let best = (0..sentences.len())
            .filter(|i| !chosen.contains(i))
            .map(|i| (i, gain(i)))
            .filter(|&(_, g)| g > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else { break };
        for &k in &contains[i] {
            covered[k] += 1;
        }
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen
}

/// Reading speed (words per minute) for a language, from Trauzettel-Klosinski, Dietz et al., "Standardized
/// Assessment of Reading Performance: The New International Reading Speed Texts IReST", IOVS 53 (2012).
fn reading_speed(code: &str) -> f64 {
    match code {
        "ar" => 138.0,
        "zh" => 158.0,
        "he" => 187.0,
        "ja" => 193.0,
        "tr" => 166.0,
        "pl" => 166.0,
        "nl" => 202.0,
        "de" => 179.0,
        "fi" => 161.0,
        "pt" => 181.0,
        "ru" => 184.0,
        "sv" => 199.0,
        "fr" => 195.0,
        "it" => 188.0,
        "sl" => 180.0,
        "es" => 218.0,
        "en" => 228.0,
        _ => 200.0,
    }
}

/// A prepared analyzer: options validated, stopword sets built once and reused across texts.
///
/// ```
/// let analyzer = maqal::Analyzer::new(maqal::Options::default()).unwrap();
/// let a = analyzer.analyze(
///     "Solar power is now the cheapest source of electricity in many countries. Solar power plants \
///      are built faster than wind farms, and solar power keeps getting cheaper every year.",
/// );
/// assert_eq!(a.language, "en");
/// let solar = a.keywords.iter().find(|k| k.key == "solar power").unwrap();
/// assert_eq!(solar.text, "Solar power"); // the most frequent spelling
/// assert_eq!(solar.count, 3);
/// ```
#[derive(Debug)]
pub struct Analyzer {
    options: Options,
    /// Stopword sets per language, built on first use.
    stopwords: Mutex<HashMap<String, Arc<Stopwords>>>,
}

impl Analyzer {
    /// Validate `options` and prepare what they need.
    pub fn new(options: Options) -> Result<Self, Error> {
        let k = &options.keywords;
        if !(1..=5).contains(&k.max_words) {
            return Err(Error::invalid_option(
                "keywords.maxWords",
                format!("must be between 1 and 5, got {}", k.max_words),
            ));
        }
        if k.top > 1000 {
            return Err(Error::invalid_option(
                "keywords.top",
                format!("must be at most 1000, got {}", k.top),
            ));
        }
        if !(0.0..=1.0).contains(&k.dedup_threshold) {
            return Err(Error::invalid_option(
                "keywords.dedupThreshold",
                format!("must be between 0 and 1, got {}", k.dedup_threshold),
            ));
        }
        if let Some(wpm) = options.words_per_minute {
            if !(wpm.is_finite() && wpm > 0.0) {
                return Err(Error::invalid_option(
                    "wordsPerMinute",
                    format!("must be a positive number, got {wpm}"),
                ));
            }
        }
        if let Some(code) = &options.language {
            if !lang::is_known_language(code) {
                return Err(Error::unknown_language(code));
            }
        }
        let analyzer = Analyzer {
            options,
            stopwords: Mutex::new(HashMap::default()),
        };
        // What every analysis needs, built now rather than during the first one: the normalizer's table, the
        // cleaner's phrase lists and, for a language given, its stopwords, abbreviations and background
        // frequencies.
        crate::normalize::table::prepare();
        clean::prepare();
        if let Some(code) = &analyzer.options.language {
            analyzer.stopwords_for(code);
            segment::prepare(code);
            keywords::tfidf::Frequencies::for_language(code);
        }
        Ok(analyzer)
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The stopwords used for a document in language `code`: the language's list and its verbs of reporting
    /// ([`Stopwords::add_reporting_verbs`]), plus English for documents not written in Latin script (pasted pages
    /// carry English UI strings), plus and minus the caller's words. Built once per language.
    pub fn stopwords_for(&self, code: &str) -> Arc<Stopwords> {
        let mut cache = self.stopwords.lock().unwrap_or_else(|e| e.into_inner());
        // Looked up before the code is copied for an entry (every document asks).
        if let Some(s) = cache.get(code) {
            return Arc::clone(s);
        }
        let o = &self.options;
        cache
            .entry(code.to_string())
            .or_insert_with(|| {
                let mut s = Stopwords::new();
                // Normalized as the document's words are (letter variants depend on the language).
                let n = &NormalizeOptions {
                    language: Some(code.to_string()),
                    ..o.normalize.clone()
                };
                s.add_language(code, n);
                s.add_reporting_verbs(code, n);
                if lang::forced(code).script != "Latin" {
                    s.add_language("en", n);
                }
                for w in &o.extra_stopwords {
                    s.insert(w, n);
                }
                for w in &o.keep_words {
                    s.remove(w, n);
                }
                Arc::new(s)
            })
            .clone()
    }

    /// Analyze `text`. Never fails: every input has a well-defined result (an empty text has no sentences and no
    /// keywords).
    pub fn analyze(&self, text: &str) -> Analysis {
        let prepared = self.prepare(text);
        let keywords = self.keywords_of(text, &prepared, None);
        self.finish(text, prepared, keywords)
    }

    /// The keyphrases of `text` alone, without the rest of the analysis (faster: no statistics, no token list, no
    /// per-paragraph language).
    ///
    /// ```
    /// let analyzer = maqal::Analyzer::new(maqal::Options::default()).unwrap();
    /// let k = analyzer.keywords("Solar power is cheap. Solar power plants are built fast.");
    /// assert_eq!(k[0].key, "solar power");
    /// ```
    pub fn keywords(&self, text: &str) -> Vec<Keyword> {
        let prepared = self.prepare(text);
        self.keywords_of(text, &prepared, None)
    }

    /// Analyze several documents together (corpus mode): TF-IDF weighs each document's words also by how many
    /// documents of the collection contain them, so that what every document shares (a site's name, a recurring
    /// topic) ranks below what sets each one apart. Results are in the order of `texts`.
    ///
    /// ```
    /// let analyzer = maqal::Analyzer::new(maqal::Options::default()).unwrap();
    /// let docs = [
    ///     "Daily Planet report. The harbour bridge reopened after repairs to the harbour bridge.",
    ///     "Daily Planet report. The city council approved the budget; the council budget rises.",
    ///     "Daily Planet report. Heavy rain flooded the old market; the market stalls closed.",
    /// ];
    /// let analyses = analyzer.analyze_corpus(&docs);
    /// assert_eq!(analyses.len(), 3);
    /// assert!(analyses.iter().all(|a| a.keywords[0].key != "daily planet report"));
    /// ```
    pub fn analyze_corpus<S: AsRef<str>>(&self, texts: &[S]) -> Vec<Analysis> {
        let prepared: Vec<Prepared<'_>> = texts.iter().map(|t| self.prepare(t.as_ref())).collect();
        let mut df = keywords::DocumentFrequencies::default();
        for p in &prepared {
            let terms = keywords::document_terms(
                &p.text,
                &p.seg,
                &p.stopwords,
                self.options.normalize.case_fold,
                Some(p.info.code.as_str()),
            );
            df.add_document(terms.iter().map(String::as_str));
        }
        texts
            .iter()
            .zip(prepared)
            .map(|(t, p)| {
                let keywords = self.keywords_of(t.as_ref(), &p, Some(&df));
                self.finish(t.as_ref(), p, keywords)
            })
            .collect()
    }

    /// Language, stopwords, cleaning, normalization and segmentation of `text`.
    fn prepare<'t>(&self, text: &'t str) -> Prepared<'t> {
        let (info, paragraph_languages) = match &self.options.language {
            Some(code) => (lang::forced(code), Vec::new()),
            None => lang::detect_document_lazily(text),
        };
        // An undetermined language still has a script: use the main stopword list of that script.
        let stop_code = match (info.code.as_str(), info.script.as_str()) {
            ("und", "Arabic") => "ar",
            ("und", "Hebrew") => "he",
            ("und", "Cyrillic") => "ru",
            ("und", _) => "en",
            (code, _) => code,
        };
        let stopwords = self.stopwords_for(stop_code);
        // Letter case is kept for segmentation (UAX #29 sentence rules look at it) and folded per word when
        // keywords are matched.
        let for_segmentation = NormalizeOptions {
            case_fold: false,
            language: Some(info.code.clone()).filter(|c| c != "und"),
            ..self.options.normalize.clone()
        };
        let cleaned = if self.options.clean.enabled {
            clean::clean_with_stopwords(text, &stopwords, &self.options.clean)
        } else {
            Cleaned {
                text: std::borrow::Cow::Borrowed(text),
                map: OffsetMap::identity(text.len()),
                removed: Vec::new(),
            }
        };
        let normalized = normalize(&cleaned.text, &for_segmentation);
        // Normalized article → article → what was pasted.
        let map = cleaned.map.then(&normalized.map);
        let ntext = normalized.text.into_owned();
        let seg = segment::segment(
            &ntext,
            &SegmentOptions {
                mode: self.options.segment.mode,
                language: self
                    .options
                    .segment
                    .language
                    .clone()
                    .or_else(|| Some(info.code.clone()).filter(|c| c != "und")),
            },
        );
        Prepared {
            info,
            stopwords,
            cleaned,
            text: ntext,
            map,
            seg,
            index: Utf16Index::new(text),
            paragraph_languages,
        }
    }

    /// The keyphrases of a prepared text, with spans into `text` (what was pasted).
    fn keywords_of(
        &self,
        text: &str,
        p: &Prepared<'_>,
        corpus: Option<&keywords::DocumentFrequencies>,
    ) -> Vec<Keyword> {
        let index = &p.index;
        keywords::extract(
            &p.text,
            &p.seg,
            &p.stopwords,
            self.options.normalize.case_fold,
            Some(p.info.code.as_str()),
            &self.options.keywords,
            corpus,
        )
        .into_iter()
        .map(|k| {
            let spans: Vec<Span> = k
                .occurrences
                .iter()
                .map(|r| {
                    let (s, e) = p.map.source_range(r.start, r.end);
                    index.span(text, s, e, TextRef::Original)
                })
                .collect();
            // Displayed by the most frequent spelling among those in the words' own form (byte ranges: only their
            // text is read).
            let plain = k.display.iter().flatten().map(|r| {
                let (s, e) = p.map.source_range(r.start, r.end);
                s..e
            });
            let text = if k.display.iter().any(Option::is_some) {
                display_form(text, plain)
            } else {
                display_form(text, spans.iter().map(Span::bytes))
            };
            Keyword {
                text,
                key: k.key,
                score: k.score,
                count: spans.len(),
                spans,
            }
        })
        .collect()
    }

    /// The whole analysis of a prepared text.
    fn finish(&self, text: &str, p: Prepared<'_>, keywords: Vec<Keyword>) -> Analysis {
        let Prepared {
            info,
            cleaned,
            map,
            seg,
            index,
            paragraph_languages,
            ..
        } = p;
        let article: &str = &cleaned.text;
        let to_original = |r: std::ops::Range<usize>| -> Span {
            let (s, e) = map.source_range(r.start, r.end);
            index.span(text, s, e, TextRef::Original)
        };
        let words = seg.tokens.iter().filter(|t| t.kind.is_word_like()).count();
        let wpm = self
            .options
            .words_per_minute
            .unwrap_or_else(|| reading_speed(&info.code));
        let (characters, characters_no_spaces) = segment::grapheme_counts(article);
        let stats = Stats {
            characters,
            characters_no_spaces,
            words,
            sentences: seg.sentences.len(),
            paragraphs: seg.paragraphs.len(),
            reading_seconds: (words as f64 * 60.0 / wpm).ceil() as u64,
            utf16_length: index.len_utf16(text),
            byte_length: text.len(),
        };
        let sentences: Vec<SentenceInfo> = seg
            .sentences
            .iter()
            .map(|s| SentenceInfo {
                span: to_original(s.range.clone()),
                paragraph: s.paragraph,
            })
            .collect();
        let key_sentences = key_sentences(
            &sentences,
            &keywords,
            self.options.key_sentences.unwrap_or(3),
        );
        Analysis {
            language: info.code.clone(),
            direction: info.direction,
            language_info: info,
            stats,
            paragraphs: seg
                .paragraphs
                .iter()
                .map(|p| {
                    let span = to_original(p.clone());
                    // Detected already when the paragraph is one of what was pasted (cleaning kept it whole) and the
                    // text's language needed it; detected now otherwise.
                    let range = span.byte_start..span.byte_end;
                    let language = paragraph_languages
                        .binary_search_by_key(&range.start, |(r, _)| r.start)
                        .ok()
                        .and_then(|i| paragraph_languages.get(i))
                        .filter(|(r, _)| *r == range)
                        .and_then(|(_, l)| l.clone())
                        .unwrap_or_else(|| lang::detect(&text[range.clone()]));
                    ParagraphInfo { span, language }
                })
                .collect(),
            sentences,
            key_sentences,
            tokens: seg
                .tokens
                .iter()
                .map(|t| TokenInfo {
                    span: to_original(t.range.clone()),
                    kind: t.kind,
                    sentence: t.sentence,
                })
                .collect(),
            keywords,
            removed: cleaned
                .removed
                .iter()
                .map(|b| RemovedInfo {
                    span: index.span(text, b.range.start, b.range.end, TextRef::Original),
                    reason: b.reason,
                })
                .collect(),
        }
    }
}

/// A text on its way through the pipeline: language, cleaned and normalized text, segmentation.
struct Prepared<'t> {
    info: LanguageInfo,
    stopwords: Arc<Stopwords>,
    cleaned: Cleaned<'t>,
    /// The normalized article.
    text: String,
    /// Normalized article → what was pasted.
    map: OffsetMap,
    seg: segment::Segmentation,
    /// UTF-16 offsets of what was pasted.
    index: Utf16Index,
    /// The paragraphs of what was pasted and the languages detected for them, when the language was detected (not
    /// every paragraph needs one: see [`lang::detect_document_lazily`]).
    paragraph_languages: lang::ParagraphLanguages,
}

/// The most frequent spelling among the byte `ranges` of `text` (the first one on ties), its white space collapsed
/// to single spaces.
fn display_form(text: &str, ranges: impl Iterator<Item = std::ops::Range<usize>>) -> String {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::default();
    for (i, r) in ranges.enumerate() {
        counts.entry(text.get(r).unwrap_or("")).or_insert((0, i)).0 += 1;
    }
    let best = counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(form, _)| form);
    let best = best.unwrap_or("");
    let mut out = String::with_capacity(best.len());
    for word in best.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Analyze `text` with `options`: normalize, segment, detect the language and extract keyphrases.
///
/// ```
/// use maqal::{analyze, Options};
/// let text = "أعلن الجيش الإسرائيلي عن خطة عمل عسكرية مع المغرب. وتشمل الخطة التعاون العسكري مع المغرب.";
/// let a = analyze(text, &Options::default()).unwrap();
/// assert_eq!(a.language, "ar");
/// assert_eq!(a.direction, maqal::Direction::Rtl);
/// let top = &a.keywords[0];
/// // Spans point into the original text, in bytes and in UTF-16 code units.
/// assert_eq!(&text[top.spans[0].bytes()], top.text);
/// ```
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, Error> {
    Ok(Analyzer::new(options.clone())?.analyze(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_display_form_is_the_commonest_spelling_and_the_first_on_ties() {
        let index_of = |text: &str, words: &[&str]| -> Vec<Span> {
            let index = Utf16Index::new(text);
            let mut from = 0;
            words
                .iter()
                .map(|w| {
                    let start = from + text[from..].find(w).unwrap_or(0);
                    from = start + w.len();
                    index.span(text, start, from, TextRef::Original)
                })
                .collect()
        };
        let text = "Solar  Power, solar power, SOLAR POWER, solar power.";
        let spans = index_of(
            text,
            &["Solar  Power", "solar power", "SOLAR POWER", "solar power"],
        );
        assert_eq!(
            display_form(text, spans.iter().map(Span::bytes)),
            "solar power"
        );
        // A tie: the first one, its white space collapsed.
        assert_eq!(
            display_form(text, spans[..3].iter().map(Span::bytes)),
            "Solar Power"
        );
        assert_eq!(display_form(text, std::iter::empty()), "");
    }
}
