//! Building [`Money`](accord_core::Money) from a figure and its time facts: exact decimal
//! amounts in currency units, rounded to `f64` once.

use super::figures::{Cur, Figure, Scale};
use super::periods::Time;
use super::tokens::Tok;
use super::{MoneyMatch, MoneyOptions};
use crate::numbers::{Decimal, Ratio};
use accord_core::{Money, ParseStatus, Period, Span};

/// An amount kept exact as long as possible.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Quantity {
    Exact(Decimal),
    Float(f64),
}

impl Quantity {
    pub(super) fn to_f64(self) -> f64 {
        match self {
            Quantity::Exact(d) => d.to_f64(),
            Quantity::Float(f) => f,
        }
    }

    pub(super) fn times(self, ratio: Ratio) -> Self {
        match self {
            Quantity::Exact(d) => d.mul_ratio(ratio).map_or_else(
                || Quantity::Float(d.to_f64() * ratio.to_f64()),
                Quantity::Exact,
            ),
            Quantity::Float(f) => Quantity::Float(f * ratio.to_f64()),
        }
    }
}

pub(super) fn scaled(value: Option<Decimal>, scale: Scale) -> Option<Quantity> {
    let value = value?;
    match scale {
        Scale::None => Some(Quantity::Exact(value)),
        Scale::Pow10(exp) => Some(Quantity::Exact(value.shift(exp))),
        Scale::Factor(factor) => Some(Quantity::Float(value.to_f64() * factor)),
        Scale::Unknown => None,
    }
}

/// A finished figure with its exact bounds (for shares) and token range (for ordering).
#[derive(Debug, Clone)]
pub(super) struct Built {
    pub(super) found: MoneyMatch,
    /// Amount, minimum, maximum.
    pub(super) exact: [Option<Quantity>; 3],
    pub(super) first: usize,
}

pub(super) fn build(
    toks: &[Tok<'_>],
    figure: &Figure,
    time: &Time,
    options: &MoneyOptions,
) -> Built {
    let (currency, inferred, unknown_currency) = match figure.currency {
        Some(Cur::Code(code)) => (Some(code.to_owned()), figure.currency_inherited, false),
        Some(Cur::Unqualified) => match &options.default_currency {
            Some(code) => (Some(code.clone()), true, false),
            None => (None, false, true),
        },
        None => (None, false, true),
    };
    let high = scaled(figure.value, figure.scale);
    let (amount, low) = match figure.low {
        Some((value, scale)) => (None, Some(scaled(value, scale))),
        None => (high, None),
    };
    let (min, max) = match low {
        Some(low) => (low, high),
        None => (None, None),
    };
    let unreadable = high.is_none() || low.is_some_and(|l| l.is_none());
    let ambiguous = unknown_currency || unreadable || figure.year_like_cell;
    let money = Money {
        amount: amount.map(Quantity::to_f64),
        amount_min: min.map(Quantity::to_f64),
        amount_max: max.map(Quantity::to_f64),
        qualifier: figure.qualifier,
        currency,
        currency_inferred: inferred,
        scale: figure.scale.factor(),
        period: time.period.unwrap_or(Period::Unknown),
        years: time.years,
        start_year: time.start_year,
        end_year: time.end_year,
        fiscal_year: time.fiscal_year.clone(),
        share: None,
        parse_status: if ambiguous {
            ParseStatus::Ambiguous
        } else {
            ParseStatus::Ok
        },
    };
    Built {
        found: MoneyMatch {
            span: Span::new(toks[figure.first].start, toks[figure.last - 1].end),
            money,
        },
        exact: [amount, min, max],
        first: figure.first,
    }
}

/// The two figures of a change pair share a period (and count of years) that only one of them
/// states: "from 2.1 billion dollars annually to 2.5 billion dollars", "cut from $10 million to
/// $7.5 million per year".
pub(super) fn inherit_along_pairs(figures: &[Figure], built: &mut [Built]) {
    for (b, figure) in figures.iter().enumerate() {
        let Some(a) = figure.pair_from else { continue };
        let (from, to) = if built[b].found.money.period == Period::Unknown {
            (a, b)
        } else if built[a].found.money.period == Period::Unknown {
            (b, a)
        } else {
            continue;
        };
        let (period, years) = (
            built[from].found.money.period,
            built[from].found.money.years,
        );
        built[to].found.money.period = period;
        built[to].found.money.years = built[to].found.money.years.or(years);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[expect(
        clippy::float_cmp,
        reason = "exact decimals must round to exactly this f64"
    )]
    fn a_power_of_ten_scale_stays_exact() {
        // 4.7 × 10⁹ computed in binary floating point is 4700000000.000001; as a decimal it is
        // exactly 47 × 10⁸.
        let q = scaled(Some(Decimal::new(47, -1)), Scale::Pow10(9)).unwrap();
        assert_eq!(q, Quantity::Exact(Decimal::new(47, 8)));
        assert_eq!(q.to_f64(), 4_700_000_000.0);
    }

    #[test]
    fn other_scales_fall_back_to_floats_and_unknown_scales_to_nothing() {
        let value = Some(Decimal::new(3, 0));
        assert_eq!(
            scaled(value, Scale::Factor(1.5)),
            Some(Quantity::Float(4.5))
        );
        assert_eq!(scaled(value, Scale::Unknown), None);
        assert_eq!(scaled(None, Scale::None), None);
    }

    #[test]
    #[expect(
        clippy::float_cmp,
        reason = "exact decimals must round to exactly this f64"
    )]
    fn shares_of_exact_amounts_stay_exact() {
        let forty_percent = Ratio::new(2, 5).unwrap();
        let total = Quantity::Exact(Decimal::new(33, 8)); // 3.3 billion
        assert_eq!(total.times(forty_percent).to_f64(), 1_320_000_000.0);
        assert_eq!(
            Quantity::Float(10.0).times(forty_percent),
            Quantity::Float(4.0)
        );
    }
}
