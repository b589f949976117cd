//! The error type of the public API.

use std::fmt;

/// What went wrong. Private: match on [`Error`]'s methods instead, so that kinds can be added.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    InvalidOption { option: String, message: String },
    UnknownLanguage(String),
}

/// An error from Maqal's API: an option out of range or a language it does not know. Analysis itself never fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: Kind,
}

impl Error {
    pub(crate) fn invalid_option(option: &str, message: impl Into<String>) -> Self {
        Error {
            kind: Kind::InvalidOption {
                option: option.to_string(),
                message: message.into(),
            },
        }
    }

    pub(crate) fn unknown_language(code: &str) -> Self {
        Error {
            kind: Kind::UnknownLanguage(code.to_string()),
        }
    }

    /// The option at fault (`"keywords.maxWords"`, `"language"`), in the spelling JavaScript uses.
    pub fn option(&self) -> &str {
        match &self.kind {
            Kind::InvalidOption { option, .. } => option,
            Kind::UnknownLanguage(_) => "language",
        }
    }

    /// True when a value is out of its range (JavaScript: `RangeError`).
    pub fn is_range(&self) -> bool {
        matches!(
            self.kind,
            Kind::InvalidOption { .. } | Kind::UnknownLanguage(_)
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::InvalidOption { option, message } => write!(f, "invalid option {option}: {message}"),
            Kind::UnknownLanguage(code) => write!(
                f,
                "invalid option language: unknown language code {code:?} (use an ISO 639-1 code such as \"ar\" or \"en\")"
            ),
        }
    }
}

impl std::error::Error for Error {}
