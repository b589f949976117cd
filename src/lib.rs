//! # Maqal
//!
//! Offline article analysis: normalization, segmentation, language detection and keyphrase extraction, built
//! for text pasted from news sites (Arabic first, many languages), compiled natively and to WebAssembly.
//!
//! The input text is never modified. Every stage that transforms it keeps an [`OffsetMap`](span::OffsetMap) back
//! to the original, and every [`Span`] of an [`Analysis`] points into the original text, as UTF-8 byte offsets and
//! as UTF-16 offsets for JavaScript.
//!
//! ```
//! use maqal::{Analyzer, Options};
//!
//! let text = "أعلن الجيش الإسرائيلي عن توقيع خطة عمل عسكرية مشتركة مع المغرب.\n\n\
//!             وتشمل خطة العمل العسكرية تبادل الخبرات مع المغرب في مجال الدفاع.";
//! let analyzer = Analyzer::new(Options::default())?;
//! let analysis = analyzer.analyze(text);
//! assert_eq!(analysis.language, "ar");
//! assert_eq!(analysis.stats.paragraphs, 2);
//! for k in &analysis.keywords {
//!     // Each occurrence can be sliced out of the original text.
//!     for span in &k.spans {
//!         assert!(!text[span.bytes()].is_empty());
//!     }
//! }
//! // Variants with and without the article, and masculine/feminine forms, are grouped:
//! // "خطة عمل عسكرية" and "خطة العمل العسكرية" are one keyphrase with two occurrences.
//! let plan = analysis.keywords.iter().find(|k| k.key == "خطة عمل عسكري").unwrap();
//! assert_eq!(plan.count, 2);
//! # Ok::<(), maqal::Error>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analyze;
pub mod clean;
mod error;
pub mod keywords;
pub mod lang;
pub mod normalize;
pub mod segment;
pub mod span;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use analyze::{
    analyze, Analysis, Analyzer, Keyword, Options, ParagraphInfo, RemovedInfo, SentenceInfo, Stats,
    TokenInfo,
};
pub use error::Error;
pub use lang::{Direction, LanguageInfo};
pub use span::{Span, TextRef};
