//! Numbers written with digits ("1,295.5", "1 400 000") or in words ("twenty-five", "one
//! point four", "half a"), parsed into exact decimals.
//!
//! Amounts stay exact until the last step: "4.7" × 10⁹ is the decimal `47e8`, converted to the
//! nearest `f64` once, so "US$4.7bn" gives exactly `4.7e9` and never `4700000000.000001`.

use std::fmt;

/// Most significant digits kept; longer digit strings are not amounts.
const MAX_DIGITS: usize = 30;

/// An exact decimal number `digits × 10^exp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimal {
    /// The significand.
    pub(crate) digits: u128,
    /// The power of ten the significand is multiplied by.
    pub(crate) exp: i32,
}

impl Decimal {
    /// `digits × 10^exp`.
    pub(crate) const fn new(digits: u128, exp: i32) -> Self {
        Self { digits, exp }
    }

    /// This number multiplied by `10^by`.
    pub(crate) const fn shift(self, by: i32) -> Self {
        Self::new(self.digits, self.exp + by)
    }

    /// The nearest `f64` (correctly rounded, through the standard library's decimal parser).
    pub(crate) fn to_f64(self) -> f64 {
        format!("{}e{}", self.digits, self.exp)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// The value when it is a whole number that fits in a `u128`.
    pub(crate) fn to_integer(self) -> Option<u128> {
        if self.exp >= 0 {
            10u128
                .checked_pow(self.exp.unsigned_abs())?
                .checked_mul(self.digits)
        } else {
            let unit = 10u128.checked_pow(self.exp.unsigned_abs())?;
            self.digits
                .is_multiple_of(unit)
                .then_some(self.digits / unit)
        }
    }

    /// `self × ratio` when the product is a finite decimal (it is not for thirds).
    pub(crate) fn mul_ratio(self, ratio: Ratio) -> Option<Self> {
        if ratio.den == 0 {
            return None;
        }
        let mut numerator = self.digits.checked_mul(ratio.num)?;
        let mut exp = self.exp;
        // A denominator of the form 2^a·5^b divides numerator·10^k for some small k.
        for _ in 0..=12 {
            if numerator.is_multiple_of(ratio.den) {
                return Some(Self::new(numerator / ratio.den, exp));
            }
            numerator = numerator.checked_mul(10)?;
            exp -= 1;
        }
        None
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}e{}", self.digits, self.exp)
    }
}

/// A fraction `num / den`, for shares ("40%", "a quarter").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ratio {
    /// Numerator.
    pub(crate) num: u128,
    /// Denominator, never zero.
    pub(crate) den: u128,
}

impl Ratio {
    /// `num / den`; `None` when `den` is zero.
    pub(crate) fn new(num: u128, den: u128) -> Option<Self> {
        (den != 0).then_some(Self { num, den })
    }

    /// A percentage written as a decimal ("12.5" → 125/1000).
    pub(crate) fn percent(value: Decimal) -> Option<Self> {
        let den = if value.exp >= 0 {
            100
        } else {
            10u128
                .checked_pow(value.exp.unsigned_abs())?
                .checked_mul(100)?
        };
        let num = if value.exp >= 0 {
            value.to_integer()?
        } else {
            value.digits
        };
        Self::new(num, den)
    }

    /// The value as a float.
    pub(crate) fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// `self + other`.
    pub(crate) fn add(self, other: Self) -> Option<Self> {
        let num = self
            .num
            .checked_mul(other.den)?
            .checked_add(other.num.checked_mul(self.den)?)?;
        Self::new(num, self.den.checked_mul(other.den)?)
    }

    /// `1 − self`, when `self` is below 1.
    pub(crate) fn complement(self) -> Option<Self> {
        (self.num < self.den).then(|| Self {
            num: self.den - self.num,
            den: self.den,
        })
    }
}

/// A number written with digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral {
    /// The value; `None` when the digits and separators do not form a number with one reading
    /// ("1.2.3", "1,2345").
    pub(crate) value: Option<Decimal>,
    /// True when thousands separators were written ("1,295", "1 400 000").
    pub(crate) grouped: bool,
}

/// True for the spaces typography puts between digit groups: no-break space, figure space,
/// thin space and narrow no-break space.
pub(crate) fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}')
}

/// Parses digits with thousands separators and one decimal separator.
///
/// Rules, in order:
/// - a no-break or thin space only separates groups of three digits;
/// - with two different separators, the last one is the decimal point ("1,295.5",
///   "1.400.000,50");
/// - a lone "." is a decimal point ("1.4"); repeated dots are groups of three ("1.400.000");
/// - commas separating groups of three are thousands ("54,207"); a single comma followed by one or
///   two digits is a decimal comma ("1,5 millones");
/// - anything else has no single reading and gives `value = None`.
pub(crate) fn parse_numeral(text: &str) -> Numeral {
    let invalid = Numeral {
        value: None,
        grouped: false,
    };
    let mut runs: Vec<&str> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut run_start = 0;
    for (i, c) in text.char_indices() {
        if !c.is_ascii_digit() {
            runs.push(&text[run_start..i]);
            seps.push(c);
            run_start = i + c.len_utf8();
        }
    }
    runs.push(&text[run_start..]);
    if runs.iter().any(|r| r.is_empty()) || seps.iter().any(|&c| !is_separator(c)) {
        return invalid;
    }
    let Some(&last) = seps.last() else {
        return decimal_from(&runs, None);
    };
    let groups_ok =
        |runs: &[&str]| (1..=3).contains(&runs[0].len()) && runs[1..].iter().all(|r| r.len() == 3);
    if seps.iter().all(|&c| c == last) {
        let single = seps.len() == 1;
        return match last {
            '.' if single => decimal_from(&runs, Some(1)),
            ',' if !groups_ok(&runs) && single && runs[1].len() <= 2 => {
                decimal_from(&runs, Some(1))
            }
            _ if groups_ok(&runs) => decimal_from(&runs, None),
            _ => invalid,
        };
    }
    // Mixed separators: the last one is the decimal point; the others are one grouping mark.
    let group = seps[0];
    let n = runs.len();
    if is_group_space(last)
        || group == last
        || seps[..seps.len() - 1].iter().any(|&c| c != group)
        || !groups_ok(&runs[..n - 1])
    {
        return invalid;
    }
    decimal_from(&runs, Some(1))
}

fn is_separator(c: char) -> bool {
    c == '.' || c == ',' || is_group_space(c)
}

/// Joins digit runs; the last `fraction_runs` runs (0 or 1) are the fractional part.
fn decimal_from(runs: &[&str], fraction_runs: Option<usize>) -> Numeral {
    let grouped = runs.len() > 1 + fraction_runs.unwrap_or(0);
    let digits: String = runs.concat();
    let fraction_len = match fraction_runs {
        Some(_) => runs.last().map_or(0, |r| r.len()),
        None => 0,
    };
    let significant = digits.trim_start_matches('0');
    if significant.len() > MAX_DIGITS {
        return Numeral {
            value: None,
            grouped,
        };
    }
    let value = significant
        .parse::<u128>()
        .ok()
        .or_else(|| significant.is_empty().then_some(0))
        .and_then(|d| Some(Decimal::new(d, -i32::try_from(fraction_len).ok()?)));
    Numeral { value, grouped }
}

/// A number written in words, as read by [`parse_spelled`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spelled {
    /// The value (below one thousand; larger numbers take a scale word such as "million").
    pub(crate) value: Decimal,
    /// Number of words read.
    pub(crate) words: usize,
    /// True for "a" and "half a", which are numbers only in front of a scale word.
    pub(crate) needs_scale: bool,
}

/// Reads an English number in words from the start of `words` (lowercase, one entry per word;
/// hyphenated words such as "twenty-five" are one entry).
///
/// Supports "a", "half a", "a half", units, teens, tens ("twenty-five", "twenty five"),
/// "hundred" ("one hundred and fifty"), "point" with digit words ("one point four") and
/// "and a half" ("one and a half"). Thousands and above are scale words, read by the caller.
pub(crate) fn parse_spelled(words: &[&str]) -> Option<Spelled> {
    let first = *words.first()?;
    let second = words.get(1).copied();
    match (first, second) {
        ("half", Some("a" | "an")) => return Some(spelled(Decimal::new(5, -1), 2, true)),
        ("half", _) | ("a", Some("half")) => {
            return Some(spelled(
                Decimal::new(5, -1),
                1 + usize::from(first == "a"),
                true,
            ));
        }
        ("a" | "an", Some("hundred")) => {}
        ("a" | "an", _) => return Some(spelled(Decimal::new(1, 0), 1, true)),
        _ => {}
    }
    let (mut value, mut i) = if matches!(first, "a" | "an") {
        (1, 1)
    } else {
        below_hundred(words, 0)?
    };
    if words.get(i) == Some(&"hundred") {
        value *= 100;
        i += 1;
        let skip_and = usize::from(words.get(i) == Some(&"and"));
        if let Some((rest, n)) = below_hundred(words, i + skip_and) {
            value += rest;
            i += skip_and + n;
        }
    }
    let mut number = Decimal::new(u128::from(value), 0);
    if words.get(i) == Some(&"point") {
        let digits: Vec<u32> = words[i + 1..]
            .iter()
            .map_while(|w| unit(w).filter(|&d| d < 10))
            .collect();
        if !digits.is_empty() {
            let fraction = digits
                .iter()
                .fold(u128::from(value), |acc, &d| acc * 10 + u128::from(d));
            number = Decimal::new(fraction, -i32::try_from(digits.len()).ok()?);
            i += 1 + digits.len();
        }
    } else if words.get(i..i + 3) == Some(&["and", "a", "half"]) {
        number = Decimal::new(u128::from(value) * 10 + 5, -1);
        i += 3;
    }
    Some(spelled(number, i, false))
}

fn spelled(value: Decimal, words: usize, needs_scale: bool) -> Spelled {
    Spelled {
        value,
        words,
        needs_scale,
    }
}

/// Reads 0–99 at `words[i]`: "seven", "seventeen", "seventy", "seventy-seven", "seventy seven".
fn below_hundred(words: &[&str], i: usize) -> Option<(u32, usize)> {
    let word = *words.get(i)?;
    if let Some((tens_word, unit_word)) = word.split_once('-') {
        let value = tens(tens_word)? + unit(unit_word).filter(|u| (1..10).contains(u))?;
        return Some((value, 1));
    }
    if let Some(value) = unit(word) {
        return Some((value, 1));
    }
    let value = tens(word)?;
    match words.get(i + 1).and_then(|w| unit(w)) {
        Some(u) if (1..10).contains(&u) => Some((value + u, 2)),
        _ => Some((value, 1)),
    }
}

/// 0–99 written as one word: "seven", "seventeen", "twenty", "twenty-five".
pub(crate) fn word_below_hundred(word: &str) -> Option<u32> {
    below_hundred(&[word], 0).map(|(value, _)| value)
}

/// 0–19 in words.
pub(crate) fn unit(word: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    UNITS
        .iter()
        .position(|&u| u == word)
        .and_then(|p| u32::try_from(p).ok())
}

/// Twenty, thirty, … ninety.
fn tens(word: &str) -> Option<u32> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|&t| t == word)
        .and_then(|p| u32::try_from(p).ok())
        .map(|p| (p + 2) * 10)
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "amounts are exact decimals rounded once, so equality is what is tested"
)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        parse_numeral(text).value.map(Decimal::to_f64)
    }

    #[test]
    fn numerals() {
        let cases: &[(&str, Option<f64>, bool)] = &[
            ("465", Some(465.0), false),
            ("1,295", Some(1295.0), true),
            ("1,295.5", Some(1295.5), true),
            ("4.7", Some(4.7), false),
            ("400,000", Some(400_000.0), true),
            ("54,207", Some(54_207.0), true),
            ("1\u{a0}400\u{a0}000", Some(1_400_000.0), true),
            ("1\u{2009}400\u{2009}000", Some(1_400_000.0), true),
            ("1\u{202f}400", Some(1400.0), true),
            ("1.400.000", Some(1_400_000.0), true),
            ("1.400.000,50", Some(1_400_000.5), true),
            ("1,5", Some(1.5), false),
            ("1.2.3", None, false),
            ("1,2345", None, false),
            ("12,34,567", None, false),
            ("1\u{a0}40", None, false),
        ];
        for &(text, expected, grouped) in cases {
            let numeral = parse_numeral(text);
            assert_eq!(numeral.value.map(Decimal::to_f64), expected, "{text:?}");
            if expected.is_some() {
                assert_eq!(numeral.grouped, grouped, "{text:?}");
            }
        }
    }

    #[test]
    fn exact_scaling() {
        let v = parse_numeral("4.7").value.unwrap().shift(9);
        assert_eq!(v.to_f64(), 4.7e9);
        assert_eq!(value("1,295").map(|v| v * 1e6), Some(1.295e9));
    }

    #[test]
    fn ratios() {
        let base = Decimal::new(14, 8);
        let forty = Ratio::percent(Decimal::new(40, 0)).unwrap();
        assert_eq!(base.mul_ratio(forty).unwrap().to_f64(), 5.6e8);
        assert_eq!(
            base.mul_ratio(forty.complement().unwrap())
                .unwrap()
                .to_f64(),
            8.4e8
        );
        assert_eq!(base.mul_ratio(Ratio::new(1, 3).unwrap()), None);
        let half = Ratio::percent(Decimal::new(125, -1)).unwrap();
        assert_eq!(half.to_f64(), 0.125);
    }

    #[test]
    fn spelled_numbers() {
        let cases: &[(&str, f64, usize)] = &[
            ("one point four billion", 1.4, 3),
            ("three million", 3.0, 1),
            ("twenty-five million", 25.0, 1),
            ("twenty five million", 25.0, 2),
            ("a billion", 1.0, 1),
            ("half a billion", 0.5, 2),
            ("a half billion", 0.5, 2),
            ("one hundred and fifty million", 150.0, 4),
            ("a hundred million", 100.0, 2),
            ("one and a half billion", 1.5, 4),
            ("two point five zero", 2.5, 4),
        ];
        for &(text, expected, words) in cases {
            let words_in: Vec<&str> = text.split(' ').collect();
            let parsed = parse_spelled(&words_in).unwrap();
            assert_eq!(parsed.value.to_f64(), expected, "{text:?}");
            assert_eq!(parsed.words, words, "{text:?}");
        }
        assert_eq!(parse_spelled(&["troops"]), None);
    }
}
