//! Ranges ("between X and Y", "X–Y", "X to Y") merge into one figure; change pairs
//! ("from X to Y") stay two figures that share currency, scale and period.

use super::build::{Quantity, scaled};
use super::figures::{Cur, Figure, Scale};
use super::tokens::{Layout, Tok, is_dash, lower_at};
use accord_core::Qualifier;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    Dash,
    To,
    Between,
    Change,
}

/// How two neighbouring figures are joined, if by exactly one connector token.
fn link_between(toks: &[Tok<'_>], a: &Figure, b: &Figure) -> Option<Link> {
    if b.lead != a.last + 1 {
        return None;
    }
    let before_a = a.lead.checked_sub(1).and_then(|i| lower_at(toks, i));
    let connector = &toks[a.last];
    if is_dash(connector) {
        return Some(Link::Dash);
    }
    match (connector.lower.as_str(), before_a) {
        ("to", Some("from")) => Some(Link::Change),
        ("to", _) => Some(Link::To),
        ("and", Some("between")) => Some(Link::Between),
        _ => None,
    }
}

/// Merges ranges and shares currency and scale inside "from X to Y".
pub(super) fn combine(toks: &[Tok<'_>], figures: Vec<Figure>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::with_capacity(figures.len());
    let mut rest = figures.into_iter().peekable();
    while let Some(mut a) = rest.next() {
        let Some(b) = rest.peek_mut() else {
            out.push(a);
            break;
        };
        match link_between(toks, &a, b) {
            Some(Link::Change) => {
                share_between_pair(&mut a, b);
            }
            Some(link) => {
                if let Some(range) = make_range(&a, b, link) {
                    rest.next();
                    out.push(range);
                    continue;
                }
            }
            None => {}
        }
        out.push(a);
    }
    out
}

/// "from $50 to $75 million": the first figure takes the trailing scale; a missing currency
/// comes from the other figure. Both halves must read as amounts (a currency or a scale word),
/// so "from $5 million to 2010" does not turn the year into money. Returns whether they do.
fn share_between_pair(a: &mut Figure, b: &mut Figure) -> bool {
    let takes_scale = a.can_take_scale() && matches!(b.scale, Scale::Pow10(_));
    let a_amount = a.currency.is_some() || a.has_scale() || takes_scale;
    let b_amount = b.currency.is_some() || b.has_scale();
    if !a_amount || !b_amount || (a.currency.is_none() && b.currency.is_none()) {
        return false;
    }
    if takes_scale {
        a.scale = b.scale;
    }
    if a.currency.is_none() {
        a.currency = b.currency;
        a.currency_inherited = true;
    }
    if b.currency.is_none() {
        b.currency = a.currency;
        b.currency_inherited = true;
    }
    true
}

/// One range figure from two bounds, or `None` when the pair does not read as a range.
fn make_range(a: &Figure, b: &Figure, link: Link) -> Option<Figure> {
    let currency = match (a.currency, b.currency) {
        (None, None) => return None,
        (Some(Cur::Code(x)), Some(Cur::Code(y))) if x != y => return None,
        (Some(Cur::Code(x)), _) | (_, Some(Cur::Code(x))) => Cur::Code(x),
        _ => Cur::Unqualified,
    };
    // "X to Y" without a currency or scale on Y is a destination ("$5 million to 2,000 families").
    if link == Link::To && b.currency.is_none() && !b.has_scale() {
        return None;
    }
    let low_scale = if a.can_take_scale() && matches!(b.scale, Scale::Pow10(_)) {
        b.scale
    } else {
        a.scale
    };
    // A bare first number must take the scale ("between 50 and 75 million dollars"); "2008 to
    // $2 billion" is a year and an amount.
    if a.currency.is_none() && low_scale == Scale::None && b.has_scale() {
        return None;
    }
    let low = scaled(a.value, low_scale).map(Quantity::to_f64);
    let high = scaled(b.value, b.scale).map(Quantity::to_f64);
    if let (Some(low), Some(high)) = (low, high)
        && low > high
    {
        return None;
    }
    let first = if link == Link::Between {
        a.lead - 1
    } else {
        a.first
    };
    Some(Figure {
        first,
        lead: first,
        qualifier: Some(Qualifier::Range),
        currency: Some(currency),
        low: Some((a.value, low_scale)),
        ..b.clone()
    })
}

/// Links "from A … to B" (at most eight tokens between A and "to", same sentence).
pub(super) fn link_change_pairs(toks: &[Tok<'_>], layout: &Layout, figures: &mut [Figure]) {
    let sentences = &layout.sentence;
    for i in 0..figures.len() {
        let a = &figures[i];
        if a.low.is_some() || a.lead == 0 || !toks[a.lead - 1].is("from") {
            continue;
        }
        let sentence = sentences[a.first];
        let mut partner = None;
        for (j, b) in figures.iter().enumerate().skip(i + 1) {
            let to = b.lead.saturating_sub(1);
            if b.lead == 0 || sentences[b.first] != sentence || to < a.last || to - a.last > 8 {
                break;
            }
            if toks[to].is("to") {
                partner = Some(j);
                break;
            }
            // Only bare numbers (years, counts) may sit between the two halves.
            if b.currency.is_some() || b.has_scale() {
                break;
            }
        }
        if let Some(j) = partner {
            let (head, tail) = figures.split_at_mut(j);
            if share_between_pair(&mut head[i], &mut tail[0]) {
                tail[0].pair_from = Some(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use accord_core::{Period, Qualifier};

    /// (text, min, max): one range figure.
    const RANGES: &[(&str, f64, f64)] = &[
        ("between $50 and $75 million", 5e7, 7.5e7),
        ("between $50 million and $75 million", 5e7, 7.5e7),
        ("between 50 and 75 million dollars", 5e7, 7.5e7),
        ("$3.5–4.5 billion", 3.5e9, 4.5e9),
        ("$3.5-4.5 billion", 3.5e9, 4.5e9),
        ("$3.5-$4.5 billion", 3.5e9, 4.5e9),
        ("$3.5 to $4.5 billion", 3.5e9, 4.5e9),
        ("$3.5 to 4.5 billion", 3.5e9, 4.5e9),
        ("$500,000 to $1.2 million", 5e5, 1.2e6),
        ("3.5 – 4.5 billion dollars", 3.5e9, 4.5e9),
    ];

    #[test]
    fn ranges() {
        for &(text, min, max) in RANGES {
            let money = only(text);
            assert_eq!(money.amount, None, "{text:?}");
            assert_eq!(money.amount_min, Some(min), "{text:?}");
            assert_eq!(money.amount_max, Some(max), "{text:?}");
            assert_eq!(money.qualifier, Some(Qualifier::Range), "{text:?}");
            assert_eq!(money.currency.as_deref(), Some("USD"), "{text:?}");
        }
    }

    #[test]
    fn a_destination_after_to_is_not_a_range() {
        let found = find("It gave $5 million to 2,000 families.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].money.amount, Some(5e6));
        assert_eq!(found[0].money.qualifier, None);
    }

    #[test]
    fn change_pair_inherits_period() {
        let text = "Funding rose from 2.1 billion dollars annually to 2.5 billion dollars.";
        let found = find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(surface(text, &found[0]), "2.1 billion dollars");
        assert_eq!(surface(text, &found[1]), "2.5 billion dollars");
        assert_eq!(found[0].money.amount, Some(2.1e9));
        assert_eq!(found[1].money.amount, Some(2.5e9));
        assert_eq!(found[0].money.period, Period::PerYear);
        assert_eq!(found[1].money.period, Period::PerYear);
        assert!(found.iter().all(|f| f.money.qualifier.is_none()));
    }

    #[test]
    fn change_pairs_are_two_figures() {
        let cases: &[(&str, f64, f64, &str)] = &[
            (
                "increased from $50 million to $75 million",
                5e7,
                7.5e7,
                "USD",
            ),
            ("increased from $50 to $75 million", 5e7, 7.5e7, "USD"),
            ("rose from 1.4 to 1.6 billion dollars", 1.4e9, 1.6e9, "USD"),
            ("fell from C$75 to $50 million", 7.5e7, 5e7, "CAD"),
            (
                "grew from C$1 billion in 2008 to 1.5 billion in 2010",
                1e9,
                1.5e9,
                "CAD",
            ),
        ];
        for &(text, a, b, currency) in cases {
            let found = find(text);
            assert_eq!(found.len(), 2, "{text:?}: {found:#?}");
            assert_eq!(found[0].money.amount, Some(a), "{text:?}");
            assert_eq!(found[1].money.amount, Some(b), "{text:?}");
            assert_eq!(
                found[0].money.currency.as_deref(),
                Some(currency),
                "{text:?}"
            );
            assert!(
                found
                    .iter()
                    .all(|f| f.money.qualifier != Some(Qualifier::Range)),
                "{text:?}"
            );
        }
        let found = find("rose from 1.4 to 1.6 billion dollars");
        assert!(found[0].money.currency_inferred);
    }

    #[test]
    fn a_year_after_from_to_stays_a_year() {
        let found = find("The pledge grew from $5 million to 2010 levels.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].money.amount, Some(5e6));
        let found = find("from 2008 to $2 billion");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].money.amount, Some(2e9));
    }

    #[test]
    fn a_period_after_the_pair_covers_both() {
        let found = find("cut from US$10 million to US$7.5 million per year");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.money.period == Period::PerYear));
    }

    #[test]
    fn change_pair_with_qualifiers() {
        let found = find("from about $1 billion to more than $2 billion");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].money.qualifier, Some(Qualifier::Approx));
        assert_eq!(found[1].money.qualifier, Some(Qualifier::AtLeast));
    }
}
