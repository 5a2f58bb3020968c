//! Money expressions: finding and parsing monetary figures in running text.
// STUB: to be implemented (see the helper's brief).

use accord_core::{Money, Span};

/// Options for [`find_money`].
#[derive(Debug, Clone, Default)]
pub struct MoneyOptions {
    /// ISO 4217 code assumed for an unqualified "dollars" / "$" (e.g. `USD`); the figure then
    /// gets `currency_inferred = true`. `None` leaves such figures without a currency and
    /// `parse_status = ambiguous`.
    pub default_currency: Option<String>,
    /// Scale factor stated once for a whole table ("(in thousands)" → 1e3), applied to bare
    /// numbers in table cells.
    pub table_scale: Option<f64>,
}

/// A monetary figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyMatch {
    /// Byte span of the figure in the input text (e.g. `$1.4 billion`).
    pub span: Span,
    /// The parsed value.
    pub money: Money,
}

/// Finds every monetary figure in `text`.
pub fn find_money(text: &str, options: &MoneyOptions) -> Vec<MoneyMatch> {
    let _ = (text, options);
    Vec::new()
}
