//! Time facts — per-year and total periods, spans of years, fiscal years — found once per
//! text and each given to the nearest figure in its sentence.

use super::figures::Figure;
use super::tokens::{Kind, Layout, Tok, is_dash, lower_at, words_at, year_of};
use accord_core::Period;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum FactKind {
    PerYear,
    /// "an average of": per year unless another period is stated.
    Average,
    /// The whole amount over a span, with the count of years when written.
    Total(Option<u32>),
    /// "for three years": a count of years that says nothing about the period.
    Years(u32),
    Fiscal {
        label: String,
        year: i32,
    },
    YearSpan {
        start: Option<i32>,
        end: Option<i32>,
    },
}

/// Where a fact may stand relative to its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    After,
    Before,
    Either,
}

#[derive(Debug, Clone)]
pub(super) struct Fact {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) kind: FactKind,
    pub(super) side: Side,
    /// Most tokens allowed between the fact and its figure, weighted as in [`Layout`].
    pub(super) reach: usize,
}

impl Fact {
    pub(super) fn new(first: usize, last: usize, kind: FactKind, side: Side, reach: usize) -> Self {
        Self {
            first,
            last,
            kind,
            side,
            reach,
        }
    }

    fn is_year_fact(&self) -> bool {
        matches!(
            self.kind,
            FactKind::Fiscal { .. } | FactKind::YearSpan { .. }
        )
    }
}

/// Words that mark an amount per year when they follow it.
const PER_YEAR: &[&[&str]] = &[
    &["a", "year"],
    &["per", "year"],
    &["per", "annum"],
    &["each", "year"],
    &["every", "year"],
    &["a", "fiscal", "year"],
    &["per", "fiscal", "year"],
    &["each", "fiscal", "year"],
    &["annually"],
    &["yearly"],
    &["a-year"],
    &["/", "year"],
    &["/", "yr"],
    &["per", "yr"],
    &["al", "año"],
    &["por", "año"],
    &["anuales"],
    &["anualmente"],
    &["par", "an"],
    &["annuellement"],
];

/// Words that mark a total when they come just before the amount.
const TOTAL_BEFORE: &[&[&str]] = &[
    &["total", "of"],
    &["totaling"],
    &["totalling"],
    &["totaled"],
    &["totalled"],
    &["cumulative"],
    &["cumulatively"],
];

pub(super) fn scan_facts(toks: &[Tok<'_>], figures: &[Figure]) -> Vec<Fact> {
    let mut inside = vec![false; toks.len()];
    for figure in figures {
        inside[figure.lead..figure.last].fill(true);
    }
    let mut facts: Vec<Fact> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = if inside[i] {
            None
        } else {
            period_fact(toks, i).or_else(|| year_fact(toks, i))
        };
        match found {
            Some(fact) if !inside[fact.first..fact.last].contains(&true) => {
                i = fact.last;
                facts.push(fact);
            }
            _ => i += 1,
        }
    }
    facts
}

fn period_fact(toks: &[Tok<'_>], i: usize) -> Option<Fact> {
    for phrase in PER_YEAR {
        let after = lower_at(toks, i + phrase.len());
        let past = matches!(
            after,
            Some("ago" | "earlier" | "later" | "before" | "after" | "prior" | "from")
        );
        if words_at(toks, i, phrase) && !(phrase == &["a", "year"] && past) {
            return Some(Fact::new(
                i,
                i + phrase.len(),
                FactKind::PerYear,
                Side::After,
                6,
            ));
        }
    }
    for phrase in TOTAL_BEFORE {
        if words_at(toks, i, phrase) {
            return Some(Fact::new(
                i,
                i + phrase.len(),
                FactKind::Total(None),
                Side::Before,
                4,
            ));
        }
    }
    let simple = |len, kind, side, reach| Some(Fact::new(i, i + len, kind, side, reach));
    match lower_at(toks, i)? {
        "in" if words_at(toks, i, &["in", "total"]) => {
            simple(2, FactKind::Total(None), Side::Either, 6)
        }
        "total" => simple(1, FactKind::Total(None), Side::After, 2),
        "annual" => simple(1, FactKind::PerYear, Side::Before, 4),
        "averaging" | "averaged" => simple(1, FactKind::Average, Side::Before, 1),
        "an" if words_at(toks, i, &["an", "average", "of"]) => {
            simple(3, FactKind::Average, Side::Before, 2)
        }
        "average" if words_at(toks, i, &["average", "of"]) => {
            simple(2, FactKind::Average, Side::Before, 2)
        }
        "on" if words_at(toks, i, &["on", "average"]) => {
            simple(2, FactKind::Average, Side::After, 4)
        }
        "over" | "during" => over_fact(toks, i),
        "for" => for_fact(toks, i),
        _ => {
            // "a three-year, $1.4 billion package": an adjectival span before the figure.
            let (years, end) = duration_at(toks, i)?;
            let adjectival = toks[end - 1].is("year") || toks[end - 1].lower.ends_with("-year");
            adjectival.then(|| Fact::new(i, end, FactKind::Total(Some(years)), Side::Before, 4))
        }
    }
}

/// Determiners and adjectives allowed between "over" and a span ("over the next five years").
fn skip_span_words(toks: &[Tok<'_>], mut j: usize) -> usize {
    while lower_at(toks, j).is_some_and(|w| {
        matches!(
            w,
            "the"
                | "a"
                | "an"
                | "next"
                | "past"
                | "last"
                | "first"
                | "coming"
                | "following"
                | "subsequent"
                | "period"
                | "of"
        )
    }) {
        j += 1;
    }
    j
}

/// "over three years", "over a three-year period", "over the next decade", "over FY2008-FY2010".
fn over_fact(toks: &[Tok<'_>], i: usize) -> Option<Fact> {
    let j = skip_span_words(toks, i + 1);
    if let Some((years, end)) = duration_at(toks, j) {
        return Some(Fact::new(
            i,
            end,
            FactKind::Total(Some(years)),
            Side::Either,
            8,
        ));
    }
    let word = lower_at(toks, j)?;
    if word == "decade" {
        return Some(Fact::new(
            i,
            j + 1,
            FactKind::Total(Some(10)),
            Side::Either,
            8,
        ));
    }
    if matches!(word, "several" | "multiple" | "few" | "many")
        && lower_at(toks, j + 1) == Some("years")
    {
        return Some(Fact::new(i, j + 2, FactKind::Total(None), Side::Either, 8));
    }
    // The span itself is a separate fact, read on the next token.
    let span_follows = fiscal_at(toks, j).is_some() || plain_year_span(toks, j).is_some();
    span_follows.then(|| Fact::new(i, i + 1, FactKind::Total(None), Side::Either, 8))
}

/// "for three years", "for a period of five years", "for the next two years".
fn for_fact(toks: &[Tok<'_>], i: usize) -> Option<Fact> {
    let j = skip_span_words(toks, i + 1);
    let (years, end) = duration_at(toks, j)?;
    Some(Fact::new(i, end, FactKind::Years(years), Side::After, 8))
}

/// A count of years at `j`: "three years", "3 years", "three-year", "3-year", "three year",
/// optionally followed by "period". Returns the count and the index after it.
fn duration_at(toks: &[Tok<'_>], j: usize) -> Option<(u32, usize)> {
    let t = toks.get(j)?;
    let count = |text: &str| -> Option<u32> {
        let n = text
            .parse::<u32>()
            .ok()
            .or_else(|| crate::numbers::word_below_hundred(text))?;
        (1..=50).contains(&n).then_some(n)
    };
    let (years, end) = if let Some((head, "year" | "years")) = t.lower.split_once('-') {
        (count(head)?, j + 1)
    } else {
        let years = count(&t.lower)?;
        let next = toks.get(j + 1)?;
        if is_dash(next) && lower_at(toks, j + 2) == Some("year") {
            (years, j + 3)
        } else if matches!(next.lower.as_str(), "year" | "years") {
            (years, j + 2)
        } else {
            return None;
        }
    };
    let period = lower_at(toks, end).is_some_and(|w| matches!(w, "period" | "span" | "timeframe"));
    Some((years, end + usize::from(period)))
}

/// A fiscal year or range of fiscal years at `i`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fiscal {
    Single { label: String, year: i32 },
    Range { start: i32, end: i32 },
}

/// "FY2008", "FY 2008", "FY2012-13", "FY2008-FY2010", "fiscal 2009", "fiscal year 2010",
/// "fiscal years 2008 through 2010". Returns the reading and the index after it.
fn fiscal_at(toks: &[Tok<'_>], at: usize) -> Option<(Fiscal, usize)> {
    let head = toks.get(at)?;
    let year_at = if matches!(head.text, "FY" | "Fy" | "fy" | "FYs") {
        at + 1
    } else if head.is("fiscal") {
        at + 1 + usize::from(matches!(lower_at(toks, at + 1), Some("year" | "years")))
    } else {
        return None;
    };
    let start = year_of(toks.get(year_at)?)?;
    let single = |label: String| Some((Fiscal::Single { label, year: start }, year_at + 1));
    let Some(link) = toks.get(year_at + 1) else {
        return single(format!("FY{start}"));
    };
    let joined = is_dash(link) || link.text == "/";
    let spelled = matches!(link.lower.as_str(), "through" | "to" | "thru" | "until");
    if !joined && !spelled {
        return single(format!("FY{start}"));
    }
    let fy_again = toks
        .get(year_at + 2)
        .is_some_and(|next| matches!(next.text, "FY" | "fiscal"));
    let end_at = year_at + 2 + usize::from(fy_again);
    if let Some(end) = toks
        .get(end_at)
        .and_then(year_of)
        .filter(|&end| end > start)
    {
        return Some((Fiscal::Range { start, end }, end_at + 1));
    }
    match toks.get(end_at) {
        Some(end_tok)
            if joined && !fy_again && end_tok.kind == Kind::Num && end_tok.text.len() == 2 =>
        {
            let yy: i32 = end_tok.text.parse().ok()?;
            if yy == (start + 1) % 100 {
                // "FY2012-13": one fiscal year over two calendar years (Canada, Mexico).
                let label = format!("FY{start}-{yy:02}");
                return Some((Fiscal::Single { label, year: start }, end_at + 1));
            }
            let end = start - start % 100 + yy;
            (end > start).then_some((Fiscal::Range { start, end }, end_at + 1))
        }
        _ => single(format!("FY{start}")),
    }
}

/// "2008-2010", "2008–10", "2008 to 2010", "2008 through 2010".
fn plain_year_span(toks: &[Tok<'_>], i: usize) -> Option<(i32, i32, usize)> {
    let start = year_of(toks.get(i)?)?;
    let link = toks.get(i + 1)?;
    if !(is_dash(link) || matches!(link.lower.as_str(), "to" | "through" | "thru" | "until")) {
        return None;
    }
    let n = toks.get(i + 2)?;
    let end = match year_of(n) {
        Some(end) => end,
        None if is_dash(link) && n.kind == Kind::Num && n.text.len() == 2 => {
            start - start % 100 + n.text.parse::<i32>().ok()?
        }
        None => return None,
    };
    (end > start).then_some((start, end, i + 3))
}

/// A year, or the first year of a fiscal-year expression, at `i`.
fn yearish_at(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
    if let Some(year) = toks.get(i).and_then(year_of) {
        return Some((year, i + 1));
    }
    match fiscal_at(toks, i)? {
        (Fiscal::Single { year, .. }, end) => Some((year, end)),
        (Fiscal::Range { start, .. }, end) => Some((start, end)),
    }
}

fn year_fact(toks: &[Tok<'_>], i: usize) -> Option<Fact> {
    let span = |first, last, start, end| {
        Some(Fact::new(
            first,
            last,
            FactKind::YearSpan { start, end },
            Side::Either,
            15,
        ))
    };
    if let Some((fiscal, end)) = fiscal_at(toks, i) {
        let kind = match fiscal {
            Fiscal::Single { label, year } => FactKind::Fiscal { label, year },
            Fiscal::Range { start, end } => FactKind::YearSpan {
                start: Some(start),
                end: Some(end),
            },
        };
        return Some(Fact::new(i, end, kind, Side::Either, 15));
    }
    if let Some((start, end, last)) = plain_year_span(toks, i) {
        return span(i, last, Some(start), Some(end));
    }
    match lower_at(toks, i)? {
        "beginning" | "starting" | "commencing" | "effective" => {
            let j = i + 1 + usize::from(matches!(lower_at(toks, i + 1), Some("in" | "from")));
            let (start, last) = yearish_at(toks, j)?;
            span(i, last, Some(start), None)
        }
        "from" => {
            if let Some((start, end, last)) = plain_year_span(toks, i + 1) {
                return span(i, last, Some(start), Some(end));
            }
            if let Some((Fiscal::Range { start, end }, last)) = fiscal_at(toks, i + 1) {
                return span(i, last, Some(start), Some(end));
            }
            let (start, last) = yearish_at(toks, i + 1)?;
            span(i, last, Some(start), None)
        }
        "since" => {
            let (start, last) = toks.get(i + 1).and_then(year_of).map(|y| (y, i + 2))?;
            span(i, last, Some(start), None)
        }
        "between" => {
            let (start, j) = yearish_at(toks, i + 1)?;
            let (end, last) = toks
                .get(j)
                .filter(|t| t.is("and"))
                .and_then(|_| yearish_at(toks, j + 1))?;
            (end > start).then_some(())?;
            span(i, last, Some(start), Some(end))
        }
        "through" | "thru" | "until" => {
            let (end, last) = yearish_at(toks, i + 1)?;
            span(i, last, None, Some(end))
        }
        _ => None,
    }
}

/// A fact given to a figure, with its weighted distance and side.
type Given<'f> = (&'f Fact, usize, Side);

/// What the time facts say about one figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Time {
    pub(super) period: Option<Period>,
    pub(super) years: Option<u32>,
    pub(super) start_year: Option<i32>,
    pub(super) end_year: Option<i32>,
    pub(super) fiscal_year: Option<String>,
}

/// Gives each fact to the nearest figure in its sentence that its side and reach allow (a tie
/// goes to the figure before the fact: "$X in FY2008 and $Y"). A year fact standing before its
/// figure ("In FY2008, … $X and $Y") also covers the later figures of the sentence that have
/// none of their own.
pub(super) fn assign_facts(facts: &[Fact], figures: &[Figure], layout: &Layout) -> Vec<Time> {
    let sentences = &layout.sentence;
    let mut given: Vec<Vec<Given<'_>>> = vec![Vec::new(); figures.len()];
    for fact in facts {
        let mut best: Option<(usize, bool, usize, Side)> = None;
        for (f, figure) in figures.iter().enumerate() {
            if sentences[fact.first] != sentences[figure.first] {
                continue;
            }
            let (distance, side) = if fact.first >= figure.last {
                (layout.gap(figure.last, fact.first), Side::After)
            } else if fact.last <= figure.lead {
                (layout.gap(fact.last, figure.lead), Side::Before)
            } else {
                continue;
            };
            if distance > fact.reach || (fact.side != Side::Either && fact.side != side) {
                continue;
            }
            let key = (distance, side == Side::Before);
            if best.is_none_or(|(d, before, _, _)| key < (d, before)) {
                best = Some((distance, key.1, f, side));
            }
        }
        if let Some((distance, _, f, side)) = best {
            given[f].push((fact, distance, side));
        }
    }
    let mut times: Vec<Time> = given.iter().map(|facts| resolve(facts)).collect();
    carry_leading_years(figures, sentences, &given, &mut times);
    times
}

pub(super) fn nearest<'f>(
    facts: &[Given<'f>],
    wanted: impl Fn(&FactKind) -> bool,
) -> Option<&'f Fact> {
    facts
        .iter()
        .filter(|(fact, _, _)| wanted(&fact.kind))
        .min_by_key(|(_, distance, side)| (*distance, *side == Side::Before))
        .map(|(fact, _, _)| *fact)
}

fn resolve(facts: &[Given<'_>]) -> Time {
    let period = match nearest(facts, |k| {
        matches!(k, FactKind::PerYear | FactKind::Total(_))
    }) {
        Some(Fact {
            kind: FactKind::PerYear,
            ..
        }) => Some(Period::PerYear),
        Some(_) => Some(Period::Total),
        None => nearest(facts, |k| *k == FactKind::Average).map(|_| Period::PerYear),
    };
    let years = match nearest(facts, |k| {
        matches!(k, FactKind::Total(Some(_)) | FactKind::Years(_))
    }) {
        Some(Fact {
            kind: FactKind::Total(Some(n)) | FactKind::Years(n),
            ..
        }) => Some(*n),
        _ => None,
    };
    let mut time = Time {
        period,
        years,
        ..Time::default()
    };
    apply_year_facts(&mut time, facts);
    time
}

fn apply_year_facts(time: &mut Time, facts: &[Given<'_>]) {
    if let Some(Fact {
        kind: FactKind::YearSpan { start, end },
        ..
    }) = nearest(facts, |k| matches!(k, FactKind::YearSpan { .. }))
    {
        time.start_year = *start;
        time.end_year = *end;
    }
    if let Some(Fact {
        kind: FactKind::Fiscal { label, year },
        ..
    }) = nearest(facts, |k| matches!(k, FactKind::Fiscal { .. }))
    {
        time.fiscal_year = Some(label.clone());
        time.start_year = time.start_year.or(Some(*year));
    }
}

fn carry_leading_years(
    figures: &[Figure],
    sentences: &[usize],
    given: &[Vec<Given<'_>>],
    times: &mut [Time],
) {
    let mut leading: Option<(usize, Vec<Given<'_>>)> = None;
    for (f, figure) in figures.iter().enumerate() {
        let sentence = sentences[figure.first];
        let own: Vec<Given<'_>> = given[f]
            .iter()
            .copied()
            .filter(|(fact, _, _)| fact.is_year_fact())
            .collect();
        if own.iter().any(|(_, _, side)| *side == Side::Before) {
            leading = Some((sentence, own.clone()));
        }
        if own.is_empty()
            && let Some((s, facts)) = &leading
            && *s == sentence
        {
            apply_year_facts(&mut times[f], facts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use accord_core::Period;

    /// (text, period, years, start year, end year).
    type PeriodCase = (&'static str, Period, Option<u32>, Option<i32>, Option<i32>);

    const PERIODS: &[PeriodCase] = &[
        ("$50 million a year", Period::PerYear, None, None, None),
        ("$50 million per year", Period::PerYear, None, None, None),
        ("$50 million annually", Period::PerYear, None, None, None),
        ("$50 million per annum", Period::PerYear, None, None, None),
        ("$50 million each year", Period::PerYear, None, None, None),
        ("$50 million every year", Period::PerYear, None, None, None),
        ("$50 million yearly", Period::PerYear, None, None, None),
        (
            "$50 million a year on average",
            Period::PerYear,
            None,
            None,
            None,
        ),
        (
            "an average of $50 million a year",
            Period::PerYear,
            None,
            None,
            None,
        ),
        (
            "an average of $50 million",
            Period::PerYear,
            None,
            None,
            None,
        ),
        (
            "an annual budget of $50 million",
            Period::PerYear,
            None,
            None,
            None,
        ),
        (
            "$50 million in aid to Mexico annually",
            Period::PerYear,
            None,
            None,
            None,
        ),
        (
            "$1.4 billion over three years",
            Period::Total,
            Some(3),
            None,
            None,
        ),
        (
            "$1.4 billion over the three year period",
            Period::Total,
            Some(3),
            None,
            None,
        ),
        (
            "$1.4 billion over a three-year period",
            Period::Total,
            Some(3),
            None,
            None,
        ),
        (
            "$1.4 billion over 3 years",
            Period::Total,
            Some(3),
            None,
            None,
        ),
        (
            "$2 billion over five years",
            Period::Total,
            Some(5),
            None,
            None,
        ),
        (
            "$2 billion over the next five years",
            Period::Total,
            Some(5),
            None,
            None,
        ),
        (
            "$2 billion over the next decade",
            Period::Total,
            Some(10),
            None,
            None,
        ),
        (
            "CAD 38.6 billion over twenty years",
            Period::Total,
            Some(20),
            None,
            None,
        ),
        (
            "$2 billion over the next twenty-five years",
            Period::Total,
            Some(25),
            None,
            None,
        ),
        (
            "$1.4 billion over FY2008-FY2010",
            Period::Total,
            None,
            Some(2008),
            Some(2010),
        ),
        ("$1.4 billion in total", Period::Total, None, None, None),
        ("a total of $1.4 billion", Period::Total, None, None, None),
        ("a cumulative $1.4 billion", Period::Total, None, None, None),
        (
            "Over three years, Mexico will spend $2 billion.",
            Period::Total,
            Some(3),
            None,
            None,
        ),
        (
            "a three-year, $1.4 billion package",
            Period::Total,
            Some(3),
            None,
            None,
        ),
        (
            "$1.4 billion over three years, beginning in 2008",
            Period::Total,
            Some(3),
            Some(2008),
            None,
        ),
        (
            "$1.4 billion starting in 2008",
            Period::Unknown,
            None,
            Some(2008),
            None,
        ),
        (
            "$1.4 billion from 2008",
            Period::Unknown,
            None,
            Some(2008),
            None,
        ),
        (
            "$1.4 billion between 2000 and 2006",
            Period::Unknown,
            None,
            Some(2000),
            Some(2006),
        ),
        (
            "In 2008-2010, the U.S. gave $1.4 billion.",
            Period::Unknown,
            None,
            Some(2008),
            Some(2010),
        ),
        (
            "$1.4 billion for 2008–10",
            Period::Unknown,
            None,
            Some(2008),
            Some(2010),
        ),
        (
            "$50 million a year for three years",
            Period::PerYear,
            Some(3),
            None,
            None,
        ),
        ("$50 million a year ago", Period::Unknown, None, None, None),
        ("$1.4 billion", Period::Unknown, None, None, None),
        ("$1.4 billion in 2008", Period::Unknown, None, None, None),
    ];

    #[test]
    fn periods_and_years() {
        for &(text, period, years, start, end) in PERIODS {
            let money = only(text);
            assert_eq!(money.period, period, "{text:?}");
            assert_eq!(money.years, years, "{text:?}");
            assert_eq!(money.start_year, start, "{text:?}");
            assert_eq!(money.end_year, end, "{text:?}");
        }
    }

    /// (text, fiscal year, start year).
    const FISCAL: &[(&str, &str, i32)] = &[
        ("$400 million in FY2008", "FY2008", 2008),
        ("$400 million in FY 2008", "FY2008", 2008),
        ("$400 million in fiscal 2009", "FY2009", 2009),
        ("$400 million in fiscal year 2010", "FY2010", 2010),
        ("$400 million in FY2012-13", "FY2012-13", 2012),
        ("$400 million in FY 2012–13", "FY2012-13", 2012),
        (
            "For FY2009, Congress appropriated $300 million.",
            "FY2009",
            2009,
        ),
        ("C$300 million for fiscal year 2012-13", "FY2012-13", 2012),
    ];

    #[test]
    fn fiscal_years_near_a_figure() {
        for &(text, fiscal, start) in FISCAL {
            let money = only(text);
            assert_eq!(money.fiscal_year.as_deref(), Some(fiscal), "{text:?}");
            assert_eq!(money.start_year, Some(start), "{text:?}");
        }
    }

    #[test]
    fn fiscal_years_go_to_their_own_figures() {
        let found = find("Congress provided $400 million in FY2008 and $300 million in FY2009.");
        let years: Vec<_> = found.iter().map(|f| f.money.fiscal_year.clone()).collect();
        assert_eq!(years, [Some("FY2008".into()), Some("FY2009".into())]);
        let found = find(
            "In FY2008, Congress gave $400 million to Mexico and $65 million to Central America.",
        );
        let years: Vec<_> = found.iter().map(|f| f.money.fiscal_year.clone()).collect();
        assert_eq!(years, [Some("FY2008".into()), Some("FY2008".into())]);
        let found = find("In FY2008, Congress gave $400 million and in FY2009 $300 million.");
        let years: Vec<_> = found.iter().map(|f| f.money.fiscal_year.clone()).collect();
        assert_eq!(years, [Some("FY2008".into()), Some("FY2009".into())]);
    }
}
