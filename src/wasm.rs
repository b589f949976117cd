//! The WebAssembly door: the only module that knows about `wasm_bindgen`.
//!
//! It converts JavaScript values to the core's types and back, and nothing else: plain objects in (options,
//! deserialized with unknown fields rejected), plain objects out (serialized JSON-compatibly), token offsets as
//! typed arrays so that a long article does not become thousands of JS objects. Errors are thrown as real JS
//! errors: `TypeError` for a value of the wrong type, `RangeError` for a value out of range.

use std::cell::OnceCell;

use js_sys::{Object, RangeError, Reflect, TypeError, Uint32Array, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::normalize::{NormalizeOptions, Normalizer};
use crate::segment::{self, SegmentOptions};
use crate::span::{OffsetMap, Utf16Index};
use crate::{Analysis, Analyzer, Options};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Tokens as typed arrays, one entry per token, in UTF-16 code units of the text that was passed in. */
export interface Tokens {
  /** Start of each token (UTF-16). `start` and `end` are views of one buffer. */
  start: Uint32Array;
  /** End of each token (UTF-16, exclusive). */
  end: Uint32Array;
  /** Kind of each token: 0 word, 1 number, 2 punctuation, 3 symbol, 4 url, 5 email, 6 mention, 7 hashtag, 8 emoji. */
  kind: Uint8Array;
}

/** Token offsets of an analysis, with the sentence of each token. */
export interface TokenArrays extends Tokens {
  /** Sentence index of each token. */
  sentence: Uint32Array;
}

/** What `segment` returns: spans of paragraphs and sentences, and the tokens. */
export interface Segments {
  paragraphs: Span[];
  sentences: SentenceInfo[];
  tokens: TokenArrays;
}

/** What `clean` returns. */
export interface CleanResult {
  /** The article: the input without the removed blocks (and the line breaks after them). */
  text: string;
  /** Whether anything was removed. */
  changed: boolean;
  /** Removed blocks, in order, as spans of the input with the reason for each. */
  removed: RemovedInfo[];
}

/** What `analyze` returns: every span points into the text that was passed in. */
export type AnalysisResult = Analysis & { tokens: TokenArrays };
"#;

fn type_error(message: &str) -> JsValue {
    TypeError::new(message).into()
}

/// A new `Uint32Array` with a copy of `values` (one `TypedArray.prototype.set`, a block copy; `Uint32Array::from`
/// goes through the generic typed-array constructor, several times slower in Chromium).
fn u32_array(values: &[u32]) -> Uint32Array {
    let array = Uint32Array::new_with_length(u32::try_from(values.len()).unwrap_or(u32::MAX));
    array.copy_from(values);
    array
}

/// Two `Uint32Array`s with copies of `a` and `b` (of equal length), as views of one buffer: one allocation instead
/// of two (the start and end offsets of tokens).
fn u32_pair(a: &[u32], b: &[u32]) -> (Uint32Array, Uint32Array) {
    let n = u32::try_from(a.len().min(b.len())).unwrap_or(u32::MAX / 2);
    let both = Uint32Array::new_with_length(2 * n);
    let (first, second) = (both.subarray(0, n), both.subarray(n, 2 * n));
    first.copy_from(&a[..n as usize]);
    second.copy_from(&b[..n as usize]);
    (first, second)
}

/// A new `Uint8Array` with a copy of `values`.
fn u8_array(values: &[u8]) -> Uint8Array {
    let array = Uint8Array::new_with_length(u32::try_from(values.len()).unwrap_or(u32::MAX));
    array.copy_from(values);
    array
}

/// A JavaScript string argument as UTF-8.
fn text_arg(function: &str, text: &JsValue) -> Result<String, JsValue> {
    text.as_string().ok_or_else(|| not_a_string(function, text))
}

fn not_a_string(function: &str, text: &JsValue) -> JsValue {
    let got = text.js_typeof().as_string().unwrap_or_default();
    type_error(&format!("{function}: text must be a string, got {got}"))
}

fn options_arg<T: serde::de::DeserializeOwned + Default>(
    function: &str,
    options: JsValue,
) -> Result<T, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(T::default());
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        let got = options.js_typeof().as_string().unwrap_or_default();
        return Err(type_error(&format!(
            "{function}: options must be a plain object, got {got}"
        )));
    }
    // Through JSON text, so that unknown (misspelt) option names are reported rather than ignored.
    let json: String = js_sys::JSON::stringify(&options)
        .map_err(|_| type_error(&format!("{function}: options must be JSON-serializable")))?
        .into();
    serde_json::from_str(&json).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        type_error(&format!("{function}: invalid options: {message}"))
    })
}

fn analyzer(function: &str, options: Options) -> Result<Analyzer, JsValue> {
    Analyzer::new(options).map_err(|e| {
        let message = format!("{function}: {e}");
        if e.is_range() {
            RangeError::new(&message).into()
        } else {
            type_error(&message)
        }
    })
}

/// Token offsets as typed arrays: `{ start, end, kind, sentence }` (UTF-16 offsets).
fn token_arrays(
    tokens: impl ExactSizeIterator<Item = (usize, usize, u8, usize)>,
) -> Result<Object, JsValue> {
    let n = tokens.len();
    let to_u32 = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    let mut t = segment::Utf16Tokens {
        start: Vec::with_capacity(n),
        end: Vec::with_capacity(n),
        kind: Vec::with_capacity(n),
    };
    let mut sentence = Vec::with_capacity(n);
    for (s, e, k, sn) in tokens {
        t.start.push(to_u32(s));
        t.end.push(to_u32(e));
        t.kind.push(k);
        sentence.push(to_u32(sn));
    }
    let out = tokens_object(&t)?;
    Reflect::set(&out, &"sentence".into(), &u32_array(&sentence))?;
    Ok(out)
}

fn to_js(analysis: &Analysis) -> Result<JsValue, JsValue> {
    let value = serialize("analyze", analysis)?;
    let tokens = token_arrays(analysis.tokens.iter().map(|t| {
        (
            t.span.utf16_start,
            t.span.utf16_end,
            t.kind as u8,
            t.sentence,
        )
    }))?;
    Reflect::set(&value, &"tokens".into(), &tokens)?;
    Ok(value)
}

/// Analyze `text`: language, direction, stats, paragraphs, sentences, keyphrases and tokens. Offsets are UTF-16
/// code units of `text`, so `text.slice(span.start, span.end)` is the spanned text.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "AnalysisResult")]
pub fn analyze_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg("analyze", &text)?;
    let analyzer = analyzer("analyze", options_arg::<Options>("analyze", options)?)?;
    to_js(&analyzer.analyze(&text))
}

/// The texts of a JavaScript array of strings.
fn texts_arg(function: &str, texts: &JsValue) -> Result<Vec<String>, JsValue> {
    if !js_sys::Array::is_array(texts) {
        let got = texts.js_typeof().as_string().unwrap_or_default();
        return Err(type_error(&format!(
            "{function}: texts must be an array of strings, got {got}"
        )));
    }
    js_sys::Array::from(texts)
        .iter()
        .enumerate()
        .map(|(i, t)| {
            t.as_string()
                .ok_or_else(|| type_error(&format!("{function}: texts[{i}] must be a string")))
        })
        .collect()
}

fn corpus_to_js(analyses: &[Analysis]) -> Result<JsValue, JsValue> {
    let out = js_sys::Array::new();
    for a in analyses {
        out.push(&to_js(a)?);
    }
    Ok(out.into())
}

/// Analyze several texts together (corpus mode): TF-IDF also weighs each text's words by how many of the texts
/// contain them. Returns one analysis per text, in order.
#[wasm_bindgen(js_name = analyzeCorpus, unchecked_return_type = "AnalysisResult[]")]
pub fn analyze_corpus_js(
    #[wasm_bindgen(unchecked_param_type = "string[]")] texts: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let texts = texts_arg("analyzeCorpus", &texts)?;
    let analyzer = analyzer(
        "analyzeCorpus",
        options_arg::<Options>("analyzeCorpus", options)?,
    )?;
    corpus_to_js(&analyzer.analyze_corpus(&texts))
}

/// An analyzer with fixed options, to analyze many texts without preparing stopwords again.
#[wasm_bindgen(js_name = Analyzer)]
pub struct JsAnalyzer {
    inner: Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
    /// Validate `options` (throws `TypeError` or `RangeError`) and prepare the analyzer.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
    ) -> Result<JsAnalyzer, JsValue> {
        let inner = analyzer("Analyzer", options_arg::<Options>("Analyzer", options)?)?;
        Ok(JsAnalyzer { inner })
    }

    /// Analyze `text`; see the `analyze` function.
    #[wasm_bindgen(unchecked_return_type = "AnalysisResult")]
    pub fn analyze(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = text_arg("Analyzer.analyze", &text)?;
        to_js(&self.inner.analyze(&text))
    }

    /// Analyze several texts together; see the `analyzeCorpus` function.
    #[wasm_bindgen(js_name = analyzeCorpus, unchecked_return_type = "AnalysisResult[]")]
    pub fn analyze_corpus(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] texts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let texts = texts_arg("Analyzer.analyzeCorpus", &texts)?;
        corpus_to_js(&self.inner.analyze_corpus(&texts))
    }
}

/// `value` as a plain JavaScript value (objects, arrays, strings, numbers, booleans and `null`), through JSON text
/// and one `JSON.parse`: for a result with many small objects (spans) this is several times faster than building
/// it property by property across the Wasm boundary (as `serde-wasm-bindgen` does). `None` becomes `null`, maps
/// become objects.
fn serialize<T: Serialize>(function: &str, value: &T) -> Result<JsValue, JsValue> {
    let error =
        |e: &dyn std::fmt::Display| JsValue::from(js_sys::Error::new(&format!("{function}: {e}")));
    let json = serde_json::to_string(value).map_err(|e| error(&e))?;
    js_sys::JSON::parse(&json)
}

fn language_arg(function: &str, language: &JsValue) -> Result<String, JsValue> {
    language.as_string().ok_or_else(|| {
        let got = language.js_typeof().as_string().unwrap_or_default();
        type_error(&format!(
            "{function}: language must be a string such as \"en\", got {got}"
        ))
    })
}

/// Language, script, direction and confidence of `text` (`code` is `"und"` when short or unclear).
#[wasm_bindgen(js_name = detectLanguage, unchecked_return_type = "LanguageInfo")]
pub fn detect_language_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg("detectLanguage", &text)?;
    serialize("detectLanguage", &crate::lang::detect(&text))
}

/// The language of each paragraph of `text` (paragraphs are separated by blank lines), with UTF-16 spans.
#[wasm_bindgen(js_name = detectParagraphLanguages, unchecked_return_type = "ParagraphInfo[]")]
pub fn detect_paragraph_languages_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg("detectParagraphLanguages", &text)?;
    let index = Utf16Index::new(&text);
    let out: Vec<crate::ParagraphInfo> = crate::lang::detect_paragraphs(&text)
        .into_iter()
        .map(|(r, language)| crate::ParagraphInfo {
            span: index.span(&text, r.start, r.end, crate::TextRef::Original),
            language,
        })
        .collect();
    serialize("detectParagraphLanguages", &out)
}

/// Snowball stems of `words` (each case-folded first) in `language`; throws a `RangeError` when the language has
/// no stemmer (see `stemLanguages()`).
#[wasm_bindgen(js_name = stemWords, unchecked_return_type = "string[]")]
pub fn stem_words_js(
    #[wasm_bindgen(unchecked_param_type = "string[]")] words: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] language: JsValue,
) -> Result<JsValue, JsValue> {
    let language = language_arg("stemWords", &language)?;
    let stemmer = crate::lang::Stemmer::new(&language).ok_or_else(|| {
        JsValue::from(RangeError::new(&format!(
            "stemWords: no stemmer for language {language:?}"
        )))
    })?;
    let Some(words) = words.dyn_ref::<js_sys::Array>() else {
        return Err(type_error("stemWords: words must be an array of strings"));
    };
    let out = js_sys::Array::new_with_length(words.length());
    for (i, w) in words.iter().enumerate() {
        let w = w
            .as_string()
            .ok_or_else(|| type_error(&format!("stemWords: words[{i}] is not a string")))?;
        let folded = crate::normalize::fold_case(&w, Some(&language));
        out.set(
            u32::try_from(i).unwrap_or(u32::MAX),
            JsValue::from_str(&stemmer.stem(&folded)),
        );
    }
    Ok(out.into())
}

/// The key under which keyphrases group `word` in a text of `language`: `word` is normalized (default options)
/// and then given the Arabic light key, its Snowball stem, or kept, as in keyphrase extraction. Any language code
/// is accepted (`"und"` keeps words as they are, apart from Arabic ones).
#[wasm_bindgen(js_name = groupKey)]
pub fn group_key_js(
    #[wasm_bindgen(unchecked_param_type = "string")] word: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] language: JsValue,
) -> Result<String, JsValue> {
    let word = text_arg("groupKey", &word)?;
    let language = language_arg("groupKey", &language)?;
    let options = NormalizeOptions {
        language: Some(language.clone()),
        ..NormalizeOptions::default()
    };
    let normalized = crate::normalize::normalize(word.trim(), &options);
    Ok(crate::lang::group_key(&normalized.text, &language).into_owned())
}

/// Clean `text`: `{ text, changed, removed }`, where `text` is the article without the page furniture, and each
/// removed block is a span of the input (UTF-16) with its `reason` (`"uiPhrase"`, `"shareBar"`, `"relatedLink"`,
/// `"teaser"`, `"templateArtefact"`, `"footer"`, `"navigation"`, `"prompt"`, `"byline"`).
#[wasm_bindgen(js_name = clean, unchecked_return_type = "CleanResult")]
pub fn clean_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CleanOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg("clean", &text)?;
    let options: crate::clean::CleanOptions = options_arg("clean", options)?;
    if let Some(code) = &options.language {
        if !crate::lang::is_known_language(code) {
            return Err(RangeError::new(&format!("clean: unknown language {code:?}")).into());
        }
    }
    let cleaned = crate::clean::clean(&text, &options);
    let index = Utf16Index::new(&text);
    let removed: Vec<crate::RemovedInfo> = cleaned
        .removed
        .iter()
        .map(|b| crate::RemovedInfo {
            span: index.span(&text, b.range.start, b.range.end, crate::TextRef::Original),
            reason: b.reason,
        })
        .collect();
    let out = Object::new();
    Reflect::set(&out, &"text".into(), &JsValue::from_str(&cleaned.text))?;
    Reflect::set(
        &out,
        &"changed".into(),
        &JsValue::from_bool(!removed.is_empty()),
    )?;
    Reflect::set(&out, &"removed".into(), &serialize("clean", &removed)?)?;
    Ok(out.into())
}

/// The main text of an HTML page or fragment (`{ text, title }`): blocks separated by blank lines, scripts, styles,
/// menus, sidebars, footers and link lists left out. Nothing is executed or rendered.
#[wasm_bindgen(js_name = htmlToText, unchecked_return_type = "{ text: string; title: string | null }")]
pub fn html_to_text_js(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
) -> Result<JsValue, JsValue> {
    let html = text_arg("htmlToText", &html)?;
    let extracted = crate::clean::html_to_text(&html);
    let out = Object::new();
    Reflect::set(&out, &"text".into(), &JsValue::from_str(&extracted.text))?;
    Reflect::set(
        &out,
        &"title".into(),
        &extracted
            .title
            .map_or(JsValue::NULL, |t| JsValue::from_str(&t)),
    )?;
    Ok(out.into())
}

/// Languages with a Snowball stemmer (ISO 639-1 codes).
#[wasm_bindgen(js_name = stemLanguages)]
pub fn stem_languages_js() -> Vec<String> {
    crate::lang::stem_languages().map(String::from).collect()
}

/// Languages with a stopword list (ISO 639-1 codes).
#[wasm_bindgen(js_name = stopwordLanguages)]
pub fn stopword_languages_js() -> Vec<String> {
    crate::lang::stopword_languages()
        .map(String::from)
        .collect()
}

/// The version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A normalized text with the way back to the text it came from. Offsets are UTF-16 code units.
#[wasm_bindgen(js_name = NormalizedText)]
pub struct JsNormalized {
    original: String,
    text: String,
    map: OffsetMap,
    /// Built on the first span conversion: normalizing alone does not pay for them.
    original_index: OnceCell<Utf16Index>,
    text_index: OnceCell<Utf16Index>,
}

fn range_arg(function: &str, start: f64, end: f64, len: usize) -> Result<(usize, usize), JsValue> {
    let ok = |x: f64| x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= len as f64;
    if !(ok(start) && ok(end) && start <= end) {
        return Err(RangeError::new(&format!(
            "{function}: expected 0 <= start <= end <= {len} (UTF-16 offsets), got {start}..{end}"
        ))
        .into());
    }
    Ok((start as usize, end as usize))
}

fn span_to_js(span: &crate::Span) -> Result<JsValue, JsValue> {
    serialize("NormalizedText", span)
}

impl JsNormalized {
    fn original_index(&self) -> &Utf16Index {
        self.original_index
            .get_or_init(|| Utf16Index::new(&self.original))
    }

    fn text_index(&self) -> &Utf16Index {
        self.text_index.get_or_init(|| Utf16Index::new(&self.text))
    }
}

#[wasm_bindgen(js_class = NormalizedText)]
impl JsNormalized {
    /// The normalized text.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.text.clone()
    }

    /// Whether normalization changed anything.
    #[wasm_bindgen(getter)]
    pub fn changed(&self) -> bool {
        !self.map.is_identity()
    }

    /// The span of the original text that the normalized range `start..end` (UTF-16) comes from.
    #[wasm_bindgen(js_name = toOriginal, unchecked_return_type = "Span")]
    pub fn to_original(&self, start: f64, end: f64) -> Result<JsValue, JsValue> {
        let (ti, oi) = (self.text_index(), self.original_index());
        let len = ti.len_utf16(&self.text);
        let (s, e) = range_arg("NormalizedText.toOriginal", start, end, len)?;
        let (bs, be) = (ti.byte(&self.text, s), ti.byte(&self.text, e));
        let (os, oe) = self.map.source_range(bs, be);
        span_to_js(&oi.span(&self.original, os, oe, crate::TextRef::Original))
    }

    /// The span of the normalized text that the original range `start..end` (UTF-16) became.
    #[wasm_bindgen(js_name = toNormalized, unchecked_return_type = "Span")]
    pub fn to_normalized(&self, start: f64, end: f64) -> Result<JsValue, JsValue> {
        let (ti, oi) = (self.text_index(), self.original_index());
        let len = oi.len_utf16(&self.original);
        let (s, e) = range_arg("NormalizedText.toNormalized", start, end, len)?;
        let (bs, be) = (oi.byte(&self.original, s), oi.byte(&self.original, e));
        let (ns, ne) = self.map.output_range(bs, be);
        span_to_js(&ti.span(&self.text, ns, ne, crate::TextRef::Normalized))
    }
}

/// Normalize `text` for matching (see `NormalizeOptions`); the result maps spans back to `text`.
#[wasm_bindgen(js_name = normalize)]
pub fn normalize_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "NormalizeOptions")] options: JsValue,
) -> Result<JsNormalized, JsValue> {
    let original = text_arg("normalize", &text)?;
    let options: NormalizeOptions = options_arg("normalize", options)?;
    let n = Normalizer::new(&options).normalize(&original);
    let text = n.text.into_owned();
    let map = n.map;
    Ok(JsNormalized {
        original_index: OnceCell::new(),
        text_index: OnceCell::new(),
        original,
        text,
        map,
    })
}

/// The tokens of `text` as typed arrays of UTF-16 offsets and kinds (no object per token).
#[wasm_bindgen(js_name = tokenize, unchecked_return_type = "Tokens")]
pub fn tokenize_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SegmentOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let string = text
        .dyn_ref::<js_sys::JsString>()
        .ok_or_else(|| not_a_string("tokenize", &text))?;
    let options: SegmentOptions = options_arg("tokenize", options)?;
    let fill = |buffers: &mut TokenizeBuffers| {
        // The text as it is in JavaScript (UTF-16) where the engine has the JS String Builtins, else as UTF-8.
        if let Some(units) = copy_utf16(string, &mut buffers.units)? {
            segment::tokens_utf16_units_into(&buffers.units[..units], &options, &mut buffers.out);
        } else {
            let written = encode_utf8(string, &mut buffers.bytes)?;
            segment::tokens_utf16_into(&buffers.bytes[..written], &options, &mut buffers.out);
        }
        tokens_object(&buffers.out).map(JsValue::from)
    };
    // The buffers are reused from call to call (no allocation for the text or the offsets once they are large
    // enough); a call made while they are in use (it cannot happen on one thread) would get fresh ones.
    TOKENIZE_BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffers) => {
            let result = fill(&mut buffers);
            if buffers.bytes.len() > KEEP_BUFFER || 2 * buffers.units.len() > KEEP_BUFFER {
                *buffers = TokenizeBuffers::default();
            }
            result
        }
        Err(_) => fill(&mut TokenizeBuffers::default()),
    })
}

/// Input buffers larger than this (bytes) are released after the call rather than kept for the next one.
const KEEP_BUFFER: usize = 8 << 20;

/// What `tokenize()` keeps from call to call: the text (UTF-8 or UTF-16) and the token offsets.
#[derive(Default)]
struct TokenizeBuffers {
    bytes: Vec<u8>,
    units: Vec<u16>,
    out: segment::Utf16Tokens,
}

thread_local! {
    static TOKENIZE_BUFFERS: std::cell::RefCell<TokenizeBuffers> = std::cell::RefCell::new(TokenizeBuffers::default());
    static UTF8_ENCODER: Utf8Encoder = Utf8Encoder::new();
    /// The `copy` function of src/utf16_copy.wasm, or `None` where the engine cannot compile or link it.
    static UTF16_COPY: Option<js_sys::Function> = utf16_copy_function();
}

#[wasm_bindgen]
extern "C" {
    /// `TextEncoder`, bound here so that `encodeInto` takes the JavaScript string as it is (the `web-sys` binding
    /// takes a Rust `&str`, which would convert it twice).
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encodeInto)]
    fn encode_into(
        this: &Utf8Encoder,
        source: &JsValue,
        destination: &Uint8Array,
    ) -> EncodeIntoResult;
    type EncodeIntoResult;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;

    /// `WebAssembly.Module`, bound here for its second argument (compile options: the JS String Builtins), which
    /// `js-sys` does not take.
    #[wasm_bindgen(js_namespace = WebAssembly, js_name = Module)]
    type CompiledModule;
    #[wasm_bindgen(constructor, catch, js_namespace = WebAssembly, js_class = "Module")]
    fn compile(bytes: &Uint8Array, options: &JsValue) -> Result<CompiledModule, JsValue>;
    #[wasm_bindgen(js_namespace = WebAssembly, js_name = Instance)]
    type ModuleInstance;
    #[wasm_bindgen(constructor, catch, js_namespace = WebAssembly, js_class = "Instance")]
    fn instantiate(module: &CompiledModule, imports: &Object) -> Result<ModuleInstance, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn exports(this: &ModuleInstance) -> Object;
}

/// src/utf16_copy.wasm (see src/utf16_copy.wat).
static UTF16_COPY_WASM: &[u8] = include_bytes!("utf16_copy.wasm");

/// Compiles and links src/utf16_copy.wasm against this module's memory, once; `None` where the engine lacks the JS
/// String Builtins or GC arrays (it then fails to compile or link the module).
fn utf16_copy_function() -> Option<js_sys::Function> {
    let options = Object::new();
    let builtins = js_sys::Array::of1(&"js-string".into());
    Reflect::set(&options, &"builtins".into(), &builtins).ok()?;
    let module = CompiledModule::compile(&Uint8Array::from(UTF16_COPY_WASM), &options).ok()?;
    let env = Object::new();
    Reflect::set(&env, &"memory".into(), &wasm_bindgen::memory()).ok()?;
    let imports = Object::new();
    Reflect::set(&imports, &"maqal".into(), &env).ok()?;
    let instance = ModuleInstance::instantiate(&module, &imports).ok()?;
    Reflect::get(&instance.exports(), &"copy".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Writes the UTF-16 code units of `string` into `buffer` (grown to its length) with src/utf16_copy.wasm and
/// returns how many there are, or `None` where that module is not available.
fn copy_utf16(string: &js_sys::JsString, buffer: &mut Vec<u16>) -> Result<Option<usize>, JsValue> {
    UTF16_COPY.with(|copy| {
        let Some(copy) = copy else {
            return Ok(None);
        };
        let units = string.length() as usize;
        if buffer.len() < units {
            buffer.resize(units, 0);
        }
        let to = u32::try_from(buffer.as_mut_ptr() as usize).unwrap_or(u32::MAX);
        copy.call2(&JsValue::NULL, string, &JsValue::from(to))?;
        Ok(Some(units))
    })
}

/// Writes `string` as UTF-8 into `buffer` (grown to three bytes per UTF-16 unit, the most UTF-8 needs; lone
/// surrogates become U+FFFD) with one `TextEncoder.encodeInto` straight into Wasm memory, and returns the number
/// of bytes written. This skips what passing a `String` costs: an allocation and two reallocations per call and a
/// character loop in JavaScript over any ASCII prefix.
fn encode_utf8(string: &js_sys::JsString, buffer: &mut Vec<u8>) -> Result<usize, JsValue> {
    let need = (string.length() as usize)
        .checked_mul(3)
        .filter(|&n| u32::try_from(n).is_ok())
        .ok_or_else(|| JsValue::from(RangeError::new("tokenize: text too long")))?;
    if buffer.len() < need {
        buffer.resize(need, 0);
    }
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    // The offset of `buffer` in Wasm memory; the view is made after any growth of the memory above.
    let offset = u32::try_from(buffer.as_mut_ptr() as usize).unwrap_or(u32::MAX);
    let view = Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), offset, need as u32);
    let written = UTF8_ENCODER.with(|encoder| encoder.encode_into(string, &view).written());
    Ok((written as usize).min(need))
}

/// `{start, end, kind}` typed arrays with copies of `t`.
fn tokens_object(t: &segment::Utf16Tokens) -> Result<Object, JsValue> {
    let out = Object::new();
    let (start, end) = u32_pair(&t.start, &t.end);
    Reflect::set(&out, &"start".into(), &start)?;
    Reflect::set(&out, &"end".into(), &end)?;
    Reflect::set(&out, &"kind".into(), &u8_array(&t.kind))?;
    Ok(out)
}

/// Paragraphs, sentences and tokens of `text`, without normalization or keyphrases; spans are UTF-16 offsets of
/// `text`.
#[wasm_bindgen(js_name = segment, unchecked_return_type = "Segments")]
pub fn segment_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SegmentOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg("segment", &text)?;
    let options: SegmentOptions = options_arg("segment", options)?;
    let seg = segment::segment(&text, &options);
    let index = Utf16Index::new(&text);
    let span =
        |r: &std::ops::Range<usize>| index.span(&text, r.start, r.end, crate::TextRef::Original);
    let paragraphs: Vec<crate::Span> = seg.paragraphs.iter().map(span).collect();
    let sentences: Vec<crate::SentenceInfo> = seg
        .sentences
        .iter()
        .map(|s| crate::SentenceInfo {
            span: span(&s.range),
            paragraph: s.paragraph,
        })
        .collect();
    let out = Object::new();
    Reflect::set(
        &out,
        &"paragraphs".into(),
        &serialize("segment", &paragraphs)?,
    )?;
    Reflect::set(
        &out,
        &"sentences".into(),
        &serialize("segment", &sentences)?,
    )?;
    let mut cursor = crate::span::Utf16Cursor::new();
    let tokens = token_arrays(seg.tokens.iter().map(|t| {
        (
            cursor.utf16(&text, t.range.start),
            cursor.utf16(&text, t.range.end),
            t.kind as u8,
            t.sentence,
        )
    }))?;
    Reflect::set(&out, &"tokens".into(), &tokens)?;
    Ok(out.into())
}
