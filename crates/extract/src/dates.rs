//! Date expressions: finding dates in running text and writing them as EDTF.
//!
//! Dates are written in EDTF (Extended Date/Time Format, ISO 8601-2) at the precision the text
//! gives and no finer: "March 2005" is `2005-03`, never `2005-03-01`; "the 1990s" is `199X`
//! (EDTF level 1 unspecified digit). Vague parts of a year ("late 2001", "mid-2008") keep the
//! year and report the vague word in [`DateMatch::qualifier`].
//!
//! English, Spanish and French month names are recognised. English names must be capitalised
//! ("May 2005", not the verb in "may 2005"); Spanish and French ones may be lowercase, as those
//! languages write them.

use accord_core::Span;
use regex::{Captures, Regex};
use std::sync::LazyLock;

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
///
/// Results are in text order and do not overlap: where two readings overlap, the longer one
/// wins ("12 December 2001" rather than "December 2001" or "2001"). Spans are **byte** offsets.
///
/// Supported forms:
///
/// - day, month and year: `12 December 2001`, `December 12, 2001`, `Dec. 12, 2001`,
///   `2001-12-12`, `22 de octubre de 2007`, `12 décembre 2001`, `1er mars 2005` → `2001-12-12`;
/// - month and year: `March 2005`, `March of 2005`, `March, 2005`, `marzo de 2005`, `mars 2005`
///   → `2005-03`;
/// - a year alone, 1900–2099: `in 2005` → `2005` (the span is the digits). Not a year: digits
///   inside a larger number or an amount (`$2005`, `2,005`, `2005 million`), a count
///   (`2000 troops`), a bill, section or fiscal-year number (`H.R. 2005`, `Section 2005`,
///   `FY2008`, `fiscal 2009`), part of a phone number;
/// - a vague part of a year: `late 2001`, `early 2002`, `mid-2008`, `a finales de 2001`,
///   `début 2002` → `2001` with `qualifier = late`;
/// - a decade: `the 1990s` → `199X` with `year = 1990`.
///
/// A date without a year ("December 12") is not reported: nothing is invented.
///
/// ```
/// use accord_extract::find_dates;
///
/// let found = find_dates("Signed on December 12, 2001 and renewed in March 2005.");
/// let edtf: Vec<&str> = found.iter().map(|d| d.edtf.as_str()).collect();
/// assert_eq!(edtf, ["2001-12-12", "2005-03"]);
/// ```
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let Some(patterns) = PATTERNS.as_ref() else {
        return Vec::new();
    };
    let mut found: Vec<DateMatch> = Vec::new();
    for caps in patterns.day_month_year.captures_iter(text) {
        found.extend(full_date(&caps, &caps["month"]));
    }
    for caps in patterns.month_day_year.captures_iter(text) {
        found.extend(full_date(&caps, &caps["month"]));
    }
    for caps in patterns.iso.captures_iter(text) {
        found.extend(iso_date(&caps));
    }
    for caps in patterns.month_year.captures_iter(text) {
        found.extend(month_year(&caps));
    }
    for caps in patterns.decade.captures_iter(text) {
        found.extend(decade(&caps));
    }
    for caps in patterns.year.captures_iter(text) {
        found.extend(bare_year(text, &caps, &patterns.reference));
    }
    longest_first(found)
}

/// Keeps the longest of overlapping matches (the earliest on a tie), in text order.
fn longest_first(mut found: Vec<DateMatch>) -> Vec<DateMatch> {
    found.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.len())));
    let mut kept: Vec<DateMatch> = Vec::with_capacity(found.len());
    let mut by_length = found.clone();
    by_length.sort_by_key(|d| (std::cmp::Reverse(d.span.len()), d.span.start));
    for candidate in by_length {
        if kept.iter().all(|k| !k.span.overlaps(candidate.span)) {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|d| d.span.start);
    kept
}

// ---------------------------------------------------------------------------------------------
// Patterns

/// Whose month name it is; English names must be capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    English,
    Other,
}

/// Month names and abbreviations with their number.
const MONTHS: &[(&str, u32, Lang)] = &[
    ("january", 1, Lang::English),
    ("february", 2, Lang::English),
    ("march", 3, Lang::English),
    ("april", 4, Lang::English),
    ("may", 5, Lang::English),
    ("june", 6, Lang::English),
    ("july", 7, Lang::English),
    ("august", 8, Lang::English),
    ("september", 9, Lang::English),
    ("october", 10, Lang::English),
    ("november", 11, Lang::English),
    ("december", 12, Lang::English),
    ("jan", 1, Lang::English),
    ("feb", 2, Lang::English),
    ("mar", 3, Lang::English),
    ("apr", 4, Lang::English),
    ("jun", 6, Lang::English),
    ("jul", 7, Lang::English),
    ("aug", 8, Lang::English),
    ("sep", 9, Lang::English),
    ("sept", 9, Lang::English),
    ("oct", 10, Lang::English),
    ("nov", 11, Lang::English),
    ("dec", 12, Lang::English),
    ("enero", 1, Lang::Other),
    ("febrero", 2, Lang::Other),
    ("marzo", 3, Lang::Other),
    ("abril", 4, Lang::Other),
    ("mayo", 5, Lang::Other),
    ("junio", 6, Lang::Other),
    ("julio", 7, Lang::Other),
    ("agosto", 8, Lang::Other),
    ("septiembre", 9, Lang::Other),
    ("setiembre", 9, Lang::Other),
    ("octubre", 10, Lang::Other),
    ("noviembre", 11, Lang::Other),
    ("diciembre", 12, Lang::Other),
    ("janvier", 1, Lang::Other),
    ("février", 2, Lang::Other),
    ("fevrier", 2, Lang::Other),
    ("mars", 3, Lang::Other),
    ("avril", 4, Lang::Other),
    ("mai", 5, Lang::Other),
    ("juin", 6, Lang::Other),
    ("juillet", 7, Lang::Other),
    ("août", 8, Lang::Other),
    ("aout", 8, Lang::Other),
    ("septembre", 9, Lang::Other),
    ("octobre", 10, Lang::Other),
    ("novembre", 11, Lang::Other),
    ("décembre", 12, Lang::Other),
    ("decembre", 12, Lang::Other),
];

/// Vague parts of a year, as a regex prefix with one of the groups `early`, `mid`, `late`.
/// Spanish "a finales de", French "fin", "mi-" included.
const QUALIFIER: &str = r"(?:(?P<early>(?:early|(?:a\s+)?(?:principios|inicios|comienzos)\s+del?|d[ée]but)(?:-|\s+))|(?P<mid>(?:mid|(?:a\s+)?mediados\s+del?)(?:-|\s+)|mi-)|(?P<late>(?:late|(?:a\s+)?(?:finales|fines)\s+del?|fin)(?:-|\s+)))?";

/// Words after a number that make it a count or an amount rather than a year.
const COUNT_WORDS: &[&str] = &[
    "million",
    "millions",
    "billion",
    "billions",
    "thousand",
    "trillion",
    "millones",
    "mil",
    "percent",
    "per",
    "people",
    "persons",
    "troops",
    "soldiers",
    "agents",
    "officers",
    "personnel",
    "members",
    "miles",
    "km",
    "kilometers",
    "kilometres",
    "tons",
    "tonnes",
    "units",
    "cases",
    "deaths",
    "fatalities",
    "victims",
    "hectares",
    "barrels",
    "points",
    "pages",
];

struct Patterns {
    day_month_year: Regex,
    month_day_year: Regex,
    iso: Regex,
    month_year: Regex,
    decade: Regex,
    year: Regex,
    /// Matches at the end of the text before a number that names a bill, section or fiscal year.
    reference: Regex,
}

/// Compiled once; `None` only if a constant pattern is invalid, which the tests rule out.
static PATTERNS: LazyLock<Option<Patterns>> = LazyLock::new(|| Patterns::new().ok());

impl Patterns {
    fn new() -> Result<Self, regex::Error> {
        let mut names: Vec<&str> = MONTHS.iter().map(|(name, _, _)| *name).collect();
        // Longest first: the regex alternation takes the first branch that matches.
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let month = format!(r"(?P<month>{})\b\.?", names.join("|"));
        let year = r"(?P<year>\d{4})\b";
        Ok(Self {
            day_month_year: Regex::new(&format!(
                r"(?i)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\s+(?:de\s+|of\s+)?{month},?\s+(?:del?\s+)?{year}"
            ))?,
            month_day_year: Regex::new(&format!(
                r"(?i)\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b,?\s+{year}"
            ))?,
            iso: Regex::new(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")?,
            month_year: Regex::new(&format!(
                r"(?i)\b{QUALIFIER}{month},?\s+(?:of\s+|del?\s+)?{year}"
            ))?,
            decade: Regex::new(&format!(r"(?i)\b{QUALIFIER}(?P<decade>(?:19|20)\d)0'?s\b"))?,
            year: Regex::new(&format!(r"(?i)\b{QUALIFIER}(?P<year>(?:19|20)\d\d)\b"))?,
            reference: Regex::new(
                r"(?i)(?:(?:^|[^.\w])(?:H\.\s?R|S|P\.\s?L|H\.\s?Res|S\.\s?Res|No|Nos|Sec|Art|Vol|pp?|Ch)\.|\b(?:section|sections|bill|chapter|article|rule|docket|resolution|paragraph|page|pages|number|fy|fys|fiscal(?:\s+years?)?)|[#№])\s*$",
            )?,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Readings

fn span_of(caps: &Captures<'_>) -> Option<Span> {
    let whole = caps.get(0)?;
    Some(Span::new(whole.start(), whole.end()))
}

/// The month number of a matched name, applying the capitalisation rule for English.
fn month_number(name: &str) -> Option<u32> {
    let bare = name.trim_end_matches('.');
    let lower = bare.to_lowercase();
    let &(_, number, lang) = MONTHS.iter().find(|(n, _, _)| *n == lower)?;
    let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
    (lang == Lang::Other || capitalised).then_some(number)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number<T: std::str::FromStr>(caps: &Captures<'_>, group: &str) -> Option<T> {
    caps.name(group)?.as_str().parse().ok()
}

fn qualifier(caps: &Captures<'_>) -> Option<String> {
    ["early", "mid", "late"]
        .into_iter()
        .find(|group| caps.name(group).is_some())
        .map(str::to_owned)
}

fn day_date(span: Span, year: i32, month: u32, day: u32) -> Option<DateMatch> {
    let valid = (1000..=2999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day);
    valid.then(|| DateMatch {
        span,
        edtf: format!("{year:04}-{month:02}-{day:02}"),
        year,
        qualifier: None,
    })
}

fn full_date(caps: &Captures<'_>, month_name: &str) -> Option<DateMatch> {
    let month = month_number(month_name)?;
    day_date(
        span_of(caps)?,
        number(caps, "year")?,
        month,
        number(caps, "day")?,
    )
}

fn iso_date(caps: &Captures<'_>) -> Option<DateMatch> {
    day_date(
        span_of(caps)?,
        number(caps, "year")?,
        number(caps, "mon")?,
        number(caps, "day")?,
    )
}

fn month_year(caps: &Captures<'_>) -> Option<DateMatch> {
    let month = month_number(caps.name("month")?.as_str())?;
    let year: i32 = number(caps, "year")?;
    let span = span_of(caps)?;
    (1000..=2999).contains(&year).then(|| DateMatch {
        span,
        edtf: format!("{year:04}-{month:02}"),
        year,
        qualifier: qualifier(caps),
    })
}

fn decade(caps: &Captures<'_>) -> Option<DateMatch> {
    let stem = caps.name("decade")?.as_str();
    let year: i32 = stem.parse().ok()?;
    Some(DateMatch {
        span: span_of(caps)?,
        edtf: format!("{stem}X"),
        year: year * 10,
        qualifier: qualifier(caps),
    })
}

fn bare_year(text: &str, caps: &Captures<'_>, reference: &Regex) -> Option<DateMatch> {
    let digits = caps.name("year")?;
    let year: i32 = digits.as_str().parse().ok()?;
    if !stands_alone(text, digits.start(), digits.end(), reference) {
        return None;
    }
    Some(DateMatch {
        span: span_of(caps)?,
        edtf: format!("{year:04}"),
        year,
        qualifier: qualifier(caps),
    })
}

/// True when the four digits at `start..end` are a year and not part of a number, an amount, a
/// count, a phone number or a reference (bill, section, fiscal year).
fn stands_alone(text: &str, start: usize, end: usize, reference: &Regex) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let mut back = before.chars().rev();
    let prev = back.next();
    let prev2 = back.next();
    let mut ahead = after.chars();
    let next = ahead.next();
    let next2 = ahead.next();
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let dash = |c: Option<char>| matches!(c, Some('-' | '–' | '—'));
    if matches!(prev, Some('$' | '€' | '£' | '¥' | '/' | '#')) || matches!(next, Some('%' | '/'))
    {
        return false;
    }
    // "2,005", "1.2005", "2005.5": digits around a separator.
    let separator = |c: Option<char>| matches!(c, Some('.' | ','));
    if (separator(prev) && digit(prev2)) || (separator(next) && digit(next2)) {
        return false;
    }
    // "555-2005" is a phone number; "2008-2010" is a range of years.
    if dash(prev)
        && digit(prev2)
        && !ends_with_year(&before[..before.len() - prev.map_or(0, char::len_utf8)])
    {
        return false;
    }
    if dash(next) && digit(next2) && !starts_with_year_end(&after[next.map_or(0, char::len_utf8)..])
    {
        return false;
    }
    let next_word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let count = after.starts_with(char::is_whitespace) && COUNT_WORDS.contains(&next_word.as_str());
    let tail_start = before.char_indices().rev().nth(29).map_or(0, |(i, _)| i);
    !count && !reference.is_match(&before[tail_start..])
}

/// The text ends with a four-digit year not preceded by another digit.
fn ends_with_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    let n = bytes.len();
    n >= 4
        && bytes[n - 4..].iter().all(u8::is_ascii_digit)
        && (n == 4 || !bytes[n - 5].is_ascii_digit())
        && matches!(&text[n - 4..n - 2], "19" | "20")
}

/// The text starts with two digits or a four-digit year, followed by no other digit.
fn starts_with_year_end(text: &str) -> bool {
    let run = text.bytes().take_while(u8::is_ascii_digit).count();
    run == 2 || (run == 4 && matches!(&text[..2], "19" | "20"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, [(matched text, EDTF, year, qualifier)]).
    type Case = (
        &'static str,
        &'static [(&'static str, &'static str, i32, Option<&'static str>)],
    );

    const CASES: &[Case] = &[
        ("in March 2005", &[("March 2005", "2005-03", 2005, None)]),
        (
            "in March of 2005",
            &[("March of 2005", "2005-03", 2005, None)],
        ),
        ("in March, 2005", &[("March, 2005", "2005-03", 2005, None)]),
        (
            "12 December 2001",
            &[("12 December 2001", "2001-12-12", 2001, None)],
        ),
        (
            "December 12, 2001",
            &[("December 12, 2001", "2001-12-12", 2001, None)],
        ),
        (
            "Dec. 12, 2001",
            &[("Dec. 12, 2001", "2001-12-12", 2001, None)],
        ),
        (
            "Dec 12, 2001",
            &[("Dec 12, 2001", "2001-12-12", 2001, None)],
        ),
        ("2001-12-12", &[("2001-12-12", "2001-12-12", 2001, None)]),
        (
            "on the 1st of March, 2005",
            &[("1st of March, 2005", "2005-03-01", 2005, None)],
        ),
        (
            "Sept. 11, 2001",
            &[("Sept. 11, 2001", "2001-09-11", 2001, None)],
        ),
        (
            "February 29, 2008",
            &[("February 29, 2008", "2008-02-29", 2008, None)],
        ),
        ("in 2005", &[("2005", "2005", 2005, None)]),
        ("2005", &[("2005", "2005", 2005, None)]),
        ("In 1999, Mexico", &[("1999", "1999", 1999, None)]),
        ("late 2001", &[("late 2001", "2001", 2001, Some("late"))]),
        ("early 2002", &[("early 2002", "2002", 2002, Some("early"))]),
        ("mid-2008", &[("mid-2008", "2008", 2008, Some("mid"))]),
        ("Late 2001", &[("Late 2001", "2001", 2001, Some("late"))]),
        (
            "in early March 2005",
            &[("early March 2005", "2005-03", 2005, Some("early"))],
        ),
        ("the 1990s", &[("1990s", "199X", 1990, None)]),
        ("the 1990's", &[("1990's", "199X", 1990, None)]),
        (
            "the late 1990s",
            &[("late 1990s", "199X", 1990, Some("late"))],
        ),
        ("the 2000s", &[("2000s", "200X", 2000, None)]),
        (
            "22 de octubre de 2007",
            &[("22 de octubre de 2007", "2007-10-22", 2007, None)],
        ),
        (
            "el 22 de octubre del 2007",
            &[("22 de octubre del 2007", "2007-10-22", 2007, None)],
        ),
        ("marzo de 2005", &[("marzo de 2005", "2005-03", 2005, None)]),
        ("Marzo de 2005", &[("Marzo de 2005", "2005-03", 2005, None)]),
        (
            "a finales de 2001",
            &[("a finales de 2001", "2001", 2001, Some("late"))],
        ),
        (
            "mediados de 2008",
            &[("mediados de 2008", "2008", 2008, Some("mid"))],
        ),
        (
            "12 décembre 2001",
            &[("12 décembre 2001", "2001-12-12", 2001, None)],
        ),
        (
            "le 1er mars 2005",
            &[("1er mars 2005", "2005-03-01", 2005, None)],
        ),
        ("mars 2005", &[("mars 2005", "2005-03", 2005, None)]),
        ("août 2010", &[("août 2010", "2010-08", 2010, None)]),
        ("début 2002", &[("début 2002", "2002", 2002, Some("early"))]),
        (
            "between 2000 and 2006",
            &[("2000", "2000", 2000, None), ("2006", "2006", 2006, None)],
        ),
        (
            "2008-2010",
            &[("2008", "2008", 2008, None), ("2010", "2010", 2010, None)],
        ),
        ("2008–10", &[("2008", "2008", 2008, None)]),
        (
            "Signed December 12, 2001; renewed March 2005 and in 2008.",
            &[
                ("December 12, 2001", "2001-12-12", 2001, None),
                ("March 2005", "2005-03", 2005, None),
                ("2008", "2008", 2008, None),
            ],
        ),
        ("the 2006 elections", &[("2006", "2006", 2006, None)]),
        ("the U.S. 2005 budget", &[("2005", "2005", 2005, None)]),
        ("mi 2008", &[("2008", "2008", 2008, None)]),
        ("they may 2005", &[("2005", "2005", 2005, None)]),
        ("May 2005", &[("May 2005", "2005-05", 2005, None)]),
        ("in 2008 dollars", &[("2008", "2008", 2008, None)]),
    ];

    /// Texts with no date.
    const NONE: &[&str] = &[
        "FY2008",
        "FY 2008",
        "fiscal 2009",
        "fiscal year 2010",
        "H.R. 2005",
        "S. 2005",
        "Section 2005",
        "Call 1-800-555-2005.",
        "2005-555-0199",
        "$2005",
        "2,005 troops",
        "2000 troops",
        "2005 million",
        "15% in 2005%",
        "12.2005",
        "December 12",
        "3000",
        "1850",
        "20051",
    ];

    #[test]
    fn patterns_compile() {
        assert!(PATTERNS.is_some());
    }

    #[test]
    fn dates() {
        for &(text, expected) in CASES {
            let found = find_dates(text);
            let got: Vec<(&str, &str, i32, Option<&str>)> = found
                .iter()
                .map(|d| {
                    (
                        &text[d.span.start..d.span.end],
                        d.edtf.as_str(),
                        d.year,
                        d.qualifier.as_deref(),
                    )
                })
                .collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn not_dates() {
        for &text in NONE {
            assert_eq!(find_dates(text), Vec::new(), "{text:?}");
        }
    }

    #[test]
    fn an_impossible_day_leaves_the_year() {
        let found = find_dates("February 30, 2005");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].edtf, "2005");
    }

    /// Every slice of a dense sample, cut at any char boundary, is handled without panicking.
    #[test]
    fn any_slice_is_safe() {
        let sample = "Firmado el 22 de octubre del 2007; Dec. 12, 2001, mid-2008, the late 1990's, \
            décembre 2001, H.R. 2005, 1-800-555-2005, 2008–10, $2005, 12.2005, août 2010";
        let bounds: Vec<usize> = sample
            .char_indices()
            .map(|(i, _)| i)
            .chain([sample.len()])
            .collect();
        for (n, &start) in bounds.iter().enumerate() {
            for &end in &bounds[n..] {
                let slice = &sample[start..end];
                for found in find_dates(slice) {
                    assert!(slice.get(found.span.start..found.span.end).is_some());
                }
            }
        }
    }

    #[test]
    fn spans_are_bytes() {
        let text = "Firmado el 22 de octubre de 2007 en Mérida; décembre 2001.";
        let found = find_dates(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, Span::new(11, 32));
        assert_eq!(
            &text[found[1].span.start..found[1].span.end],
            "décembre 2001"
        );
    }
}
