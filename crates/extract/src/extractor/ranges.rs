//! Ranges as two endpoints (CODING.md, "Funding": each endpoint of a range is its own
//! item): "between $40 million and $60 million" gives one figure of 40,000,000 over
//! "between $40 million" and one of 60,000,000 over "$60 million". Both keep
//! `qualifier = range` and the range's `amount_min` / `amount_max`, so a row says which
//! range it bounds; no midpoint is invented and no row has a null amount.

use crate::MoneyMatch;
use accord_core::{Qualifier, Span};

/// Separators between the two bounds, longest first.
const SEPARATORS: &[&str] = &[" and ", " to ", " through ", " – ", " - ", "–", "—", "-"];

/// `m` itself, or its two endpoints when it is a range with both bounds. Spans are byte
/// offsets into `text`, as `m.span` is.
pub(super) fn endpoints(text: &str, m: MoneyMatch) -> Vec<MoneyMatch> {
    let (Some(Qualifier::Range), Some(lo), Some(hi)) =
        (m.money.qualifier, m.money.amount_min, m.money.amount_max)
    else {
        return vec![m];
    };
    let quote = &text[m.span.start..m.span.end];
    // The separator after the first digit, so that "between" and a leading "$" stay left.
    let first_digit = quote.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let Some((at, sep)) = SEPARATORS.iter().find_map(|sep| {
        quote[first_digit..]
            .find(sep)
            .map(|at| (first_digit + at, *sep))
    }) else {
        return vec![m];
    };
    let left = Span::new(m.span.start, m.span.start + at);
    let right = Span::new(m.span.start + at + sep.len(), m.span.end);
    if left.start >= left.end || right.start >= right.end {
        return vec![m];
    }
    let mut low = m.clone();
    low.span = left;
    low.money.amount = Some(lo);
    let mut high = m;
    high.span = right;
    high.money.amount = Some(hi);
    vec![low, high]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MoneyOptions, find_money};

    fn split(text: &str) -> Vec<(String, Option<f64>)> {
        let options = MoneyOptions {
            default_currency: Some("USD".into()),
            table_scale: None,
        };
        find_money(text, &options)
            .into_iter()
            .flat_map(|m| endpoints(text, m))
            .map(|m| (text[m.span.start..m.span.end].to_owned(), m.money.amount))
            .collect()
    }

    #[test]
    fn a_range_gives_both_endpoints_with_their_own_spans() {
        assert_eq!(
            split("a grant of between $40 million and $60 million."),
            [
                ("between $40 million".to_owned(), Some(40e6)),
                ("$60 million".to_owned(), Some(60e6)),
            ]
        );
        let got = split("it will cost $250 million to $300 million over five years");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, Some(250e6));
        assert_eq!(got[1].1, Some(300e6));
    }

    #[test]
    fn a_point_figure_is_unchanged() {
        assert_eq!(
            split("a grant of $5 million."),
            [("$5 million".to_owned(), Some(5e6))]
        );
    }
}
