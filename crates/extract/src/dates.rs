//! Date expressions: finding dates in running text and writing them as EDTF.
// STUB: to be implemented (see the helper's brief).

use accord_core::Span;

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte span of the date expression in the input text.
    pub span: Span,
    /// EDTF (ISO 8601-2) at the precision the text gives: `2005`, `2005-03`, `2001-12-12`.
    pub edtf: String,
    /// Year of the date.
    pub year: i32,
    /// A vague part of the year as written: `early`, `mid`, `late`.
    pub qualifier: Option<String>,
}

/// Finds every date expression in `text`.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let _ = text;
    Vec::new()
}
