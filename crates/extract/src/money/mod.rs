//! Money expressions: finding and parsing monetary figures in running text.
//!
//! [`find_money`] works on tokens (numbers, words, single punctuation characters, each with
//! its byte span) in passes:
//!
//! 1. **figures** — a currency prefix, a number (digits or words), a scale word, a currency
//!    suffix, a currency note in brackets; bare numbers are kept for now because they can be
//!    the first half of a range ("between 50 and 75 million dollars");
//! 2. **ranges and change pairs** — "between X and Y", "X–Y", "X to Y" merge into one range;
//!    "from X to Y" stays two figures that share currency, scale and period;
//! 3. **money** — figures with no currency are dropped (counts, years, bill numbers);
//! 4. **time facts** — "a year", "over three years", "FY2008", "beginning in 2008", … are found
//!    once and each is given to the nearest figure in its sentence;
//! 5. **shares** — "40% of the money" takes the previous figure as its base.

mod build;
mod figures;
mod periods;
mod ranges;
mod shares;
mod tables;
mod tokens;

use accord_core::{Money, Span};
use build::{Built, build, inherit_along_pairs};
pub(crate) use figures::iso_code;
use figures::scan_figures;
use periods::{assign_facts, scan_facts};
use ranges::{combine, link_change_pairs};
use shares::add_shares;
use tables::{apply_table_scale, keep_money};
use tokens::{Layout, tokenize};

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

/// Finds every monetary figure in `text`, in text order.
///
/// `text` is one paragraph or one table cell; spans are **byte** offsets into it. Amounts are
/// in **currency units** ("$1.4 billion" → `amount = 1.4e9`, `scale = 1e9`), computed as exact
/// decimals and rounded to `f64` once. Currencies are ISO 4217 codes.
///
/// Supported forms:
///
/// - digits with a scale word or suffix: `$1.4 billion`, `$1,295 million`, `$26 M`, `$1.1bn`,
///   `$300m`, `$5 thousand`, `$400,000`, `$ 2.5 million`, `1 400 000 dollars` (no-break or thin
///   spaces between groups), `$400` + line break + `million`, `$1.4-billion`;
/// - words: `three million dollars`, `twenty-five million dollars`, `one point four billion
///   dollars`, `a billion dollars`, `half a billion dollars`;
/// - Spanish: `54,207 millones de pesos`, `MXN 1,000 millones`, `mil millones de pesos`
///   (10⁹), `billones` (10¹²);
/// - currencies: `US$`, `U.S.$`, `US $`, `USD`, `U.S. dollars`, `US dollars`, `American dollars`
///   → USD; `C$`, `Can$`, `CDN$`, `CAD`, `Canadian dollars`, `$… (Canadian)` → CAD; `Mex$`,
///   `MXN`, `pesos` → MXN; `€`, `EUR`, `euros` → EUR; `£`, `GBP`, `pounds sterling` → GBP. A
///   bare `$` or `dollars` takes [`MoneyOptions::default_currency`] (`currency_inferred`); with
///   no default the figure has no currency and `parse_status = ambiguous`;
/// - qualifiers just before the figure ("about", "more than", "up to", …), kept apart from the
///   stated `amount`; "as much as" is an upper bound (`at_most`);
/// - ranges `between $50 and $75 million`, `$3.5–4.5 billion`, `$3.5 to $4.5 billion`: `amount`
///   is `None`, the bounds are in `amount_min`/`amount_max`, a trailing scale word applies to a
///   bare first bound, and the span covers the whole range (with "between");
/// - change pairs `from 2.1 billion dollars annually to 2.5 billion dollars`: two figures; the
///   second takes the first's period (and currency when it has none);
/// - periods: per year ("a year", "annually", "per annum", …; also "an average of X" when no
///   other period is stated, since policy texts average over years), total ("over three
///   years", "over FY2008-FY2010", "a total of", "cumulative"); `years` is set only when a
///   count of years is written; start and end years from "beginning in 2008", "from 2008",
///   "between 2000 and 2006", "2008-2010"; fiscal years `FY2008`, `fiscal year 2010`,
///   `FY2012-13` near the figure;
/// - shares of the previous figure in the same input: "40% of the money", "a quarter of the
///   total", then "the rest" for the complement. A share needs "of" + a definite determiner +
///   a money noun, and a previous figure; otherwise it is not reported;
/// - table cells: with [`MoneyOptions::table_scale`], a cell holding only a number is a figure
///   in the default currency (a bare 1900–2099 integer is kept as `ambiguous`: it may be a
///   year heading), and unscaled figures take the table's scale.
///
/// A number that cannot be read with confidence ("$1.2.3 million", "$5 zillion", "$5 mil", digit
/// groups separated by ordinary spaces as in "1 200 dollars") is reported with `amount = None`
/// and `parse_status = ambiguous`, never guessed. Numbers without a currency (counts, years,
/// bill and public-law numbers, phone numbers, fiscal years) are not money, and neither is a
/// year before a currency word ("in 2008 dollars" is a price base).
///
/// ```
/// use accord_extract::{MoneyOptions, find_money};
///
/// let options = MoneyOptions { default_currency: Some("USD".into()), ..MoneyOptions::default() };
/// let found = find_money("Congress provided about $1.4 billion over three years.", &options);
/// assert_eq!(found.len(), 1);
/// let money = &found[0].money;
/// assert_eq!(money.amount, Some(1.4e9));
/// assert_eq!(money.currency.as_deref(), Some("USD"));
/// assert_eq!(money.years, Some(3));
/// ```
pub fn find_money(text: &str, options: &MoneyOptions) -> Vec<MoneyMatch> {
    let toks = tokenize(text);
    if toks.is_empty() {
        return Vec::new();
    }
    let layout = Layout::new(&toks);
    let mut figures = combine(&toks, scan_figures(text, &toks));
    link_change_pairs(&toks, &layout, &mut figures);
    if let Some(factor) = options.table_scale {
        apply_table_scale(&toks, &mut figures, factor);
    }
    let figures = keep_money(figures);
    let facts = scan_facts(&toks, &figures);
    let times = assign_facts(&facts, &figures, &layout);
    let mut built: Vec<Built> = figures
        .iter()
        .zip(&times)
        .map(|(figure, time)| build(&toks, figure, time, options))
        .collect();
    inherit_along_pairs(&figures, &mut built);
    add_shares(&toks, &figures, built)
}

#[cfg(test)]
mod test_support {
    //! Shared by the tests of every money module: the public entry point and a few helpers.

    pub(super) use super::{MoneyMatch, MoneyOptions, find_money};
    use accord_core::Money;

    pub(super) fn options(default: Option<&str>) -> MoneyOptions {
        MoneyOptions {
            default_currency: default.map(str::to_owned),
            table_scale: None,
        }
    }

    pub(super) fn find(text: &str) -> Vec<MoneyMatch> {
        find_money(text, &options(Some("USD")))
    }

    /// The only figure of `text` (default currency USD).
    pub(super) fn only(text: &str) -> Money {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        found[0].money.clone()
    }

    pub(super) fn surface(text: &str, found: &MoneyMatch) -> String {
        text[found.span.start..found.span.end].to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;

    #[test]
    fn several_figures_in_text_order() {
        let text =
            "Mexico received $400 million, Central America $65 million and Haiti C$10 million.";
        let found = find(text);
        let amounts: Vec<_> = found.iter().map(|f| f.money.amount).collect();
        assert_eq!(amounts, [Some(4e8), Some(6.5e7), Some(1e7)]);
        assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }

    /// Every slice of a dense sample, cut at any char boundary, is handled without panicking and
    /// with spans inside the slice.
    #[test]
    fn any_slice_is_safe() {
        let sample = "In FY 2012–13, US$4.7bn (Canadian)¹ — from 1.4 to 1.6 billion dollars annually; \
            40% of the money, the rest. between $50 and $75 million over a three-year period, \
            beginning in 2008-10. 54,207 millones de pesos; mil millones de pesos. H.R. 2005, \
            $1.2.3 million, 1\u{a0}400 dollars, 1 200 dollars, half a billion dollars, a quarter \
            of the total, FY2008-FY2010 $ € £ C$ Can$ Mex$ U.S.$ USD$ 5 mil";
        let table = MoneyOptions {
            default_currency: None,
            table_scale: Some(1e3),
        };
        let bounds: Vec<usize> = sample
            .char_indices()
            .map(|(i, _)| i)
            .chain([sample.len()])
            .collect();
        for (n, &start) in bounds.iter().enumerate().step_by(3) {
            for &end in bounds[n..].iter().step_by(7) {
                let slice = &sample[start..end];
                for options in [&options(Some("USD")), &table] {
                    for found in find_money(slice, options) {
                        assert!(slice.get(found.span.start..found.span.end).is_some());
                    }
                }
            }
        }
    }
}
