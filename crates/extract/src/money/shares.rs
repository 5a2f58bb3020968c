//! Shares of a stated total: "40% of the money", "a quarter of the total", "the rest" take
//! the previous figure as their base.

use super::MoneyMatch;
use super::build::{Built, Quantity};
use super::figures::{Figure, spelled_at};
use super::tokens::{Kind, Tok, lower_at, words_at};
use crate::numbers::{Ratio, parse_numeral, unit};
use accord_core::{Money, ParseStatus, Span};

/// Nouns that refer back to an amount of money ("of the funds").
const MONEY_NOUNS: &[&str] = &[
    "money",
    "funds",
    "funding",
    "aid",
    "assistance",
    "budget",
    "total",
    "package",
    "appropriation",
    "appropriations",
    "amount",
    "sum",
    "allocation",
    "grant",
    "grants",
    "investment",
    "contribution",
    "financing",
    "spending",
];

/// Definite determiners: only these make "of the money" point back at a figure already named.
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "its", "their", "such", "all", "said",
];

/// A share phrase: its token range and ratio (`None` for "the rest"). With `of_next`, the
/// phrase names its base itself ("40 percent of the $300 million"): the figure that starts
/// at `last`, not the previous one.
struct SharePhrase {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) ratio: Option<Ratio>,
    pub(super) of_next: bool,
}

/// "of" + an optional definite determiner at `j`, then the first token of a figure: returns
/// that token's index ("of the $300 million", "of $235 million").
fn figure_reference_at(toks: &[Tok<'_>], j: usize, figure_starts: &[bool]) -> Option<usize> {
    if !toks.get(j)?.is("of") {
        return None;
    }
    let k = j + 1 + usize::from(lower_at(toks, j + 1).is_some_and(|w| DETERMINERS.contains(&w)));
    figure_starts.get(k).copied()?.then_some(k)
}

/// "of" + determiner + up to two words + money noun(s), starting at `j`; returns the end.
fn money_reference_at(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    if !toks.get(j)?.is("of") || !DETERMINERS.contains(&lower_at(toks, j + 1)?) {
        return None;
    }
    let mut k = j + 2;
    for _ in 0..3 {
        let t = toks.get(k)?;
        if MONEY_NOUNS.contains(&t.lower.as_str()) {
            while lower_at(toks, k + 1).is_some_and(|w| MONEY_NOUNS.contains(&w)) {
                k += 1;
            }
            return Some(k + 1);
        }
        if t.kind != Kind::Word {
            return None;
        }
        k += 1;
    }
    None
}

/// "40%", "40 percent", "forty percent", "12.5 per cent", or a fraction at `i`.
fn share_ratio_at(toks: &[Tok<'_>], i: usize) -> Option<(Ratio, usize)> {
    let t = toks.get(i)?;
    let number = if t.kind == Kind::Num {
        parse_numeral(t.text).value.map(|value| (value, i + 1))
    } else {
        spelled_at(toks, i)
            .filter(|s| !s.needs_scale)
            .map(|s| (s.value, i + s.words))
    };
    if let Some((value, after)) = number {
        let end = match lower_at(toks, after)? {
            "%" | "percent" => after + 1,
            "per" | "por" if matches!(lower_at(toks, after + 1), Some("cent" | "ciento")) => {
                after + 2
            }
            _ if t.kind == Kind::Num => return None,
            _ => return fraction_at(toks, i),
        };
        let ratio = Ratio::percent(value)?;
        return (ratio.num <= ratio.den).then_some((ratio, end));
    }
    fraction_at(toks, i)
}

/// "half", "a quarter", "one third", "two-thirds" at `i`.
fn fraction_at(toks: &[Tok<'_>], i: usize) -> Option<(Ratio, usize)> {
    let t = toks.get(i)?;
    if t.is("half") {
        return Some((Ratio::new(1, 2)?, i + 1));
    }
    let (num_word, den_word, end) = match t.lower.split_once('-') {
        Some((n, d)) => (n, d, i + 1),
        None => (t.lower.as_str(), lower_at(toks, i + 1)?, i + 2),
    };
    let num = match num_word {
        "a" | "an" => 1,
        w => unit(w).filter(|n| (1..10).contains(n))?,
    };
    let den = match den_word.trim_end_matches('s') {
        "half" | "halve" => 2,
        "third" => 3,
        "quarter" | "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        _ => return None,
    };
    if num >= den {
        return None;
    }
    Ratio::new(u128::from(num), u128::from(den)).map(|r| (r, end))
}

fn share_at(toks: &[Tok<'_>], i: usize, figure_starts: &[bool]) -> Option<SharePhrase> {
    if words_at(toks, i, &["the", "rest"]) || words_at(toks, i, &["the", "remainder"]) {
        // "the rest of the world" is not money; "the rest of the funds" and "the rest" are.
        let last = match money_reference_at(toks, i + 2) {
            Some(end) => end,
            None if toks.get(i + 2).is_some_and(|t| t.is("of")) => return None,
            None => i + 2,
        };
        return Some(SharePhrase {
            first: i,
            last,
            ratio: None,
            of_next: false,
        });
    }
    let (ratio, end) = share_ratio_at(toks, i)?;
    if let Some(last) = figure_reference_at(toks, end, figure_starts) {
        return Some(SharePhrase {
            first: i,
            last,
            ratio: Some(ratio),
            of_next: true,
        });
    }
    let last = money_reference_at(toks, end)?;
    Some(SharePhrase {
        first: i,
        last,
        ratio: Some(ratio),
        of_next: false,
    })
}

fn scan_shares(toks: &[Tok<'_>], figures: &[Figure]) -> Vec<SharePhrase> {
    let mut inside = vec![false; toks.len()];
    let mut starts = vec![false; toks.len()];
    for figure in figures {
        inside[figure.lead..figure.last].fill(true);
        starts[figure.first] = true;
        starts[figure.lead] = true;
    }
    let mut phrases = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match share_at(toks, i, &starts).filter(|p| !inside[p.first..p.last].contains(&true)) {
            Some(phrase) => {
                i = phrase.last;
                phrases.push(phrase);
            }
            None => i += 1,
        }
    }
    phrases
}

/// Adds shares in text order: each takes the last figure before it as its base; "the rest" is
/// the complement of the shares that came right before it.
pub(super) fn add_shares(
    toks: &[Tok<'_>],
    figures: &[Figure],
    built: Vec<Built>,
) -> Vec<MoneyMatch> {
    let phrases = scan_shares(toks, figures);
    let mut out: Vec<MoneyMatch> = Vec::with_capacity(built.len() + phrases.len());
    let mut base: Option<Built> = None;
    let mut shared: Option<Ratio> = None;
    let mut phrases = phrases.into_iter().peekable();
    let mut figures_iter = built.into_iter().peekable();
    loop {
        let next_phrase_first = phrases.peek().map(|p| p.first);
        let next_figure_first = figures_iter.peek().map(|b| b.first);
        match (next_figure_first, next_phrase_first) {
            (Some(f), Some(p)) if f < p => {}
            (Some(_), None) => {}
            (_, Some(_)) => {
                let Some(phrase) = phrases.next() else { break };
                if phrase.of_next {
                    // The base is the figure the phrase runs into; it is output next.
                    if let (Some(next), Some(ratio)) = (figures_iter.peek(), phrase.ratio)
                        && next.first >= phrase.last
                    {
                        out.push(share_of(toks, next, &phrase, ratio, true));
                    }
                    continue;
                }
                let Some(base) = &base else { continue };
                let ratio = match phrase.ratio {
                    Some(ratio) => ratio,
                    None => match shared.and_then(Ratio::complement) {
                        Some(rest) => rest,
                        None => continue,
                    },
                };
                shared = match (shared, phrase.ratio) {
                    (Some(sum), Some(r)) => sum.add(r),
                    (None, Some(r)) => Some(r),
                    (_, None) => None,
                };
                out.push(share_of(toks, base, &phrase, ratio, false));
                continue;
            }
            (None, None) => break,
        }
        if let Some(figure) = figures_iter.next() {
            out.push(figure.found.clone());
            shared = None;
            base = Some(figure);
        }
    }
    out
}

/// The share `ratio` of `base`; its span is the phrase, and with `through_base` the base's
/// figure too ("40 percent of the $300 million").
fn share_of(
    toks: &[Tok<'_>],
    base: &Built,
    phrase: &SharePhrase,
    ratio: Ratio,
    through_base: bool,
) -> MoneyMatch {
    let times = |q: Option<Quantity>| q.map(|q| q.times(ratio).to_f64());
    let [amount, min, max] = base.exact;
    let money = &base.found.money;
    let amount = times(amount);
    let readable = amount.is_some() || min.is_some() || max.is_some();
    MoneyMatch {
        span: Span::new(
            toks[phrase.first].start,
            if through_base {
                base.found.span.end
            } else {
                toks[phrase.last - 1].end
            },
        ),
        money: Money {
            amount,
            amount_min: times(min),
            amount_max: times(max),
            scale: None,
            share: Some(ratio.to_f64()),
            parse_status: if readable {
                money.parse_status
            } else {
                ParseStatus::Ambiguous
            },
            ..money.clone()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use accord_core::{Period, Qualifier};

    #[test]
    fn shares_of_the_previous_figure() {
        let text = "The U.S. will provide $1.4 billion over three years. 40% of the money is earmarked for equipment. The rest goes to training.";
        let found = find(text);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(surface(text, &found[1]), "40% of the money");
        assert_eq!(found[1].money.share, Some(0.4));
        assert_eq!(found[1].money.amount, Some(5.6e8));
        assert_eq!(found[1].money.period, Period::Total);
        assert_eq!(found[1].money.years, Some(3));
        assert_eq!(found[1].money.currency.as_deref(), Some("USD"));
        assert_eq!(surface(text, &found[2]), "The rest");
        assert_eq!(found[2].money.share, Some(0.6));
        assert_eq!(found[2].money.amount, Some(8.4e8));
    }

    #[test]
    fn share_forms() {
        let cases: &[(&str, &str, f64, f64)] = &[
            (
                "C$200 million. 40 percent of the funds go to Mexico.",
                "40 percent of the funds",
                0.4,
                8e7,
            ),
            (
                "C$200 million. A quarter of the total is for training.",
                "A quarter of the total",
                0.25,
                5e7,
            ),
            (
                "C$200 million. Half of the funding is spent.",
                "Half of the funding",
                0.5,
                1e8,
            ),
            (
                "C$200 million. 12.5 per cent of this assistance is spent.",
                "12.5 per cent of this assistance",
                0.125,
                2.5e7,
            ),
            (
                "C$300 million; two-thirds of the package is for Mexico.",
                "two-thirds of the package",
                2.0 / 3.0,
                2e8,
            ),
        ];
        for &(text, span, share, amount) in cases {
            let found = find(text);
            assert_eq!(found.len(), 2, "{text:?}: {found:#?}");
            assert_eq!(surface(text, &found[1]), span, "{text:?}");
            assert_eq!(found[1].money.share, Some(share), "{text:?}");
            assert_eq!(
                found[1].money.amount.map(f64::round),
                Some(amount),
                "{text:?}"
            );
            assert_eq!(found[1].money.currency.as_deref(), Some("CAD"), "{text:?}");
        }
    }

    #[test]
    fn a_share_can_name_its_base_after_it() {
        let cases: &[(&str, &str, f64, f64, &str)] = &[
            (
                "Some 40 percent of the $300 million goes to patrol craft.",
                "40 percent of the $300 million",
                0.4,
                1.2e8,
                "USD",
            ),
            (
                "The ministry keeps 25 per cent of EUR 14.5 million for audits.",
                "25 per cent of EUR 14.5 million",
                0.25,
                3.625e6,
                "EUR",
            ),
        ];
        for &(text, span, share, amount, currency) in cases {
            let found = find(text);
            assert_eq!(found.len(), 2, "{text:?}: {found:#?}");
            assert_eq!(surface(text, &found[0]), span, "{text:?}");
            assert_eq!(found[0].money.share, Some(share), "{text:?}");
            assert_eq!(found[0].money.amount, Some(amount), "{text:?}");
            assert_eq!(found[0].money.currency.as_deref(), Some(currency));
            // The base stays a figure of its own.
            assert_eq!(found[1].money.share, None, "{text:?}");
        }
        // A percentage of something that is no figure is no share.
        let found = find("$5 million was spent; 40 percent of the 200 staff were trained.");
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn the_rest_of_the_world_is_not_a_share() {
        let found = find(
            "$1.4 billion. 40% of the money is for Mexico; the rest of the world gets nothing.",
        );
        assert_eq!(found.len(), 2);
        let found = find("$1.4 billion. The rest goes to training.");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn share_of_a_range_scales_both_bounds() {
        let found = find("between $50 and $75 million; half of the money is for Haiti");
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].money.amount_min, Some(2.5e7));
        assert_eq!(found[1].money.amount_max, Some(3.75e7));
        assert_eq!(found[1].money.qualifier, Some(Qualifier::Range));
    }
}
