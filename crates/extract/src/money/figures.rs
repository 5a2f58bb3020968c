//! Figures: a currency prefix, a number in digits or words, a scale word, a currency suffix
//! or note, and a qualifier before them ("about", "up to").

use super::tokens::{Kind, Tok, lower_at, words_at, year_of};
use crate::numbers::{Decimal, parse_numeral, parse_spelled};
use accord_core::Qualifier;

/// Currency as written, before [`MoneyOptions`] are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cur {
    /// An unqualified "$" or "dollars" (or a bare table cell): takes the default currency.
    Unqualified,
    /// An ISO 4217 code.
    Code(&'static str),
}

/// The multiplier of a written number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Scale {
    /// No scale word.
    None,
    /// A power of ten (3 for "thousand", 9 for "billion" and "mil millones").
    Pow10(i32),
    /// A table scale that is not a power of ten.
    Factor(f64),
    /// A scale word that is not understood ("zillion", an English "mil").
    Unknown,
}

impl Scale {
    #[expect(
        clippy::float_cmp,
        reason = "powers of ten up to 1e15 are exact in f64; only an exact match is one"
    )]
    pub(super) fn from_factor(factor: f64) -> Self {
        (-6..=15)
            .find(|&exp| Decimal::new(1, exp).to_f64() == factor)
            .map_or(Scale::Factor(factor), Scale::Pow10)
    }

    pub(super) fn factor(self) -> Option<f64> {
        match self {
            Scale::Pow10(exp) => Some(Decimal::new(1, exp).to_f64()),
            Scale::Factor(factor) => Some(factor),
            Scale::None | Scale::Unknown => None,
        }
    }
}

/// ISO 4217 codes that are also words or names written in capitals next to a number, and so
/// are no currency there: "COP 15" (a climate conference), "ALL 2025", "TOP 10", "CUP 2026",
/// "SOS 112", "MOP 3".
const WORD_LIKE_CODES: &[&str] = &["ALL", "COP", "CUP", "MOP", "SOS", "TOP"];

/// Letters written right before "$" and the currency they make ("C$", "Mex$", "US $").
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"),
    ("C", "CAD"),
    ("Can", "CAD"),
    ("CAN", "CAD"),
    ("CA", "CAD"),
    ("CDN", "CAD"),
    ("Cdn", "CAD"),
    ("Mex", "MXN"),
    ("MEX", "MXN"),
    ("MX", "MXN"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("NZ", "NZD"),
    ("S", "SGD"),
    ("EC", "XCD"),
    ("HK", "HKD"),
    ("NT", "TWD"),
    ("R", "BRL"),
];

/// Currency signs and abbreviations written before the number that name one currency each
/// (the Unicode currency symbols block, U+20A0–U+20CF, and the taka's "৳" and "Tk"): "₹76,000
/// crore", "₩120 billion", "Tk 3,200 crore", "Rp 5 billion", "RM 40 million". Signs that
/// several currencies share (the dollar's "$", "R" alone, "Rs") are not here.
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₱", "PHP"),
    ("₦", "NGN"),
    ("৳", "BDT"),
    ("Tk", "BDT"),
    ("₺", "TRY"),
    ("₽", "RUB"),
    ("₪", "ILS"),
    ("₫", "VND"),
    ("₴", "UAH"),
    ("₵", "GHS"),
    ("Rp", "IDR"),
    ("RM", "MYR"),
];

/// The ISO 4217 code `text` is, exactly ([`accord_core::iso_4217`]), unless it is one of the
/// [`WORD_LIKE_CODES`].
pub(crate) fn iso_code(text: &str) -> Option<&'static str> {
    if text.len() != 3 || WORD_LIKE_CODES.contains(&text) {
        return None;
    }
    accord_core::iso_4217(text)
}

/// A figure candidate, in token indices (end-exclusive).
#[derive(Debug, Clone)]
pub(super) struct Figure {
    /// First token of the span reported (currency prefix, number, or "between").
    pub(super) first: usize,
    /// One past the last token of the span reported.
    pub(super) last: usize,
    /// First token of a qualifier phrase before `first` (equal to `first` when none).
    pub(super) lead: usize,
    pub(super) qualifier: Option<Qualifier>,
    /// The written number; `None` when it has no single reading.
    pub(super) value: Option<Decimal>,
    /// Thousands separators were written.
    pub(super) grouped: bool,
    pub(super) scale: Scale,
    pub(super) currency: Option<Cur>,
    /// The currency comes from the other half of a change pair.
    pub(super) currency_inherited: bool,
    /// Lower bound of a range (value, scale); the figure's own number is the upper bound.
    pub(super) low: Option<(Option<Decimal>, Scale)>,
    /// Index of the "from" figure when this is the "to" figure of a change pair.
    pub(super) pair_from: Option<usize>,
    /// A bare table cell that looks like a year heading.
    pub(super) year_like_cell: bool,
}

impl Figure {
    pub(super) fn has_scale(&self) -> bool {
        self.scale != Scale::None
    }

    /// Value below 1000 written without separators: a bound that can share a later scale word.
    pub(super) fn can_take_scale(&self) -> bool {
        !self.has_scale() && !self.grouped && self.value.is_some_and(|v| v.to_f64() < 1000.0)
    }
}

pub(super) fn scan_figures(text: &str, toks: &[Tok<'_>]) -> Vec<Figure> {
    let mut figures = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match figure_at(text, toks, i) {
            Some(figure) => {
                i = figure.last;
                figures.push(figure);
            }
            None => i += 1,
        }
    }
    figures
}

/// Reads a figure starting at token `i`: `[prefix] number [scale] [suffix] [(note)]`.
fn figure_at(text: &str, toks: &[Tok<'_>], i: usize) -> Option<Figure> {
    let (prefix, j) = match currency_prefix(toks, i) {
        Some((cur, j)) => (Some(cur), j),
        None => (None, i),
    };
    let (value, grouped, needs_scale, spelled, k) = match toks.get(j)? {
        t if t.kind == Kind::Num => {
            let numeral = parse_numeral(t.text);
            match space_grouped_end(toks, j) {
                // "1 200 dollars": ordinary spaces may group digits or separate two numbers.
                Some(end) => (None, true, false, false, end),
                None => (numeral.value, numeral.grouped, false, false, j + 1),
            }
        }
        t if t.kind == Kind::Word && prefix.is_none() => match spelled_at(toks, j) {
            Some(s) => (Some(s.value), false, s.needs_scale, true, j + s.words),
            // "mil millones de pesos": one Spanish billion with no number before it.
            None if words_at(toks, j, &["mil", "millones"]) => {
                (Some(Decimal::new(1, 0)), false, true, true, j)
            }
            None => return None,
        },
        _ => return None,
    };
    let (scale, k) = scale_at(toks, k);
    let (suffix, k) = match currency_suffix(toks, k) {
        // "won" is a verb more often than the Korean currency: bare, it names money only after
        // a scale word ("120 billion won"), never after a plain number ("in 2019 won").
        Some(_) if scale == Scale::None && lower_at(toks, k) == Some("won") => (None, k),
        Some((c, k)) => (Some(c), k),
        None => (None, k),
    };
    let (note, k) = currency_note(text, toks, k).map_or((None, k), |(c, k)| (Some(c), k));
    if (needs_scale && scale == Scale::None)
        || (spelled && scale == Scale::None && suffix.is_none())
    {
        return None;
    }
    let mut currency = [prefix, suffix, note]
        .into_iter()
        .flatten()
        .find(|c| matches!(c, Cur::Code(_)))
        .or(prefix.or(suffix).or(note));
    // "in 2008 dollars", "(2005 pesos)": a year before a currency word is a price base, not an
    // amount. An amount of 1900–2099 units written this way is lost; texts write those "$2,008".
    if prefix.is_none() && scale == Scale::None && toks.get(j).and_then(year_of).is_some() {
        currency = None;
    }
    let (qualifier, lead) = qualifier_before(toks, i);
    Some(Figure {
        first: i,
        last: k,
        lead,
        qualifier,
        value,
        grouped,
        scale,
        currency,
        currency_inherited: false,
        low: None,
        pair_from: None,
        year_like_cell: false,
    })
}

/// End of "1 200" or "12 400 000" written with ordinary spaces from a number at `j`: a run of
/// one to three digits followed by spaced groups of exactly three digits.
fn space_grouped_end(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    let pure = |t: &Tok<'_>, lens: std::ops::RangeInclusive<usize>| {
        t.kind == Kind::Num
            && lens.contains(&t.text.len())
            && t.text.bytes().all(|b| b.is_ascii_digit())
    };
    if !pure(&toks[j], 1..=3) {
        return None;
    }
    let groups = toks[j + 1..]
        .iter()
        .take_while(|t| t.spaced && pure(t, 3..=3))
        .count();
    (groups > 0).then_some(j + 1 + groups)
}

pub(super) fn spelled_at(toks: &[Tok<'_>], j: usize) -> Option<crate::numbers::Spelled> {
    let words: Vec<&str> = toks[j..]
        .iter()
        .take(8)
        .take_while(|t| t.kind == Kind::Word)
        .map(|t| t.lower.as_str())
        .collect();
    parse_spelled(&words)
}

/// "$", "€", "£", "¥", an ISO code, "US$", "C$", "Can$", "Mex$", "U.S.$" at token `i`.
fn currency_prefix(toks: &[Tok<'_>], i: usize) -> Option<(Cur, usize)> {
    let t = toks.get(i)?;
    match t.text {
        "$" => return Some((Cur::Unqualified, i + 1)),
        "€" => return Some((Cur::Code("EUR"), i + 1)),
        "£" => return Some((Cur::Code("GBP"), i + 1)),
        // The yen sign; the renminbi shares it but is written "CN¥", "RMB" or "CNY".
        "¥" => return Some((Cur::Code("JPY"), i + 1)),
        _ => {}
    }
    if let Some(&(_, code)) = CURRENCY_SIGNS.iter().find(|(sign, _)| *sign == t.text) {
        return Some((Cur::Code(code), i + 1));
    }
    if t.kind != Kind::Word {
        return None;
    }
    // "CFA francs 2 billion", "Norwegian kroner 150 million": a currency named in words
    // before the number, with its adjective (a bare noun there is prose: "won 40 seats").
    if let Some((cur, j)) = named_currency(toks, i)
        .filter(|&(_, j)| j >= i + 2 && toks.get(j).is_some_and(|n| n.kind == Kind::Num))
    {
        return Some((cur, j));
    }
    // A code that is also a word ("COP", "TOP", "ALL") names money before a number only with
    // a scale word after it: "COP 48.2 trillion", not "COP 28".
    if WORD_LIKE_CODES.contains(&t.text)
        && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Num)
        && scale_at(toks, i + 2).0 != Scale::None
    {
        return accord_core::iso_4217(t.text).map(|code| (Cur::Code(code), i + 1));
    }
    if let Some(code) = iso_code(t.text) {
        // "USD$5 million" writes the currency twice.
        let dollar = toks.get(i + 1).is_some_and(|d| d.text == "$" && !d.spaced);
        return Some((Cur::Code(code), i + 1 + usize::from(dollar)));
    }
    if let Some(after) = us_dots(toks, i) {
        return toks
            .get(after)
            .filter(|d| d.text == "$")
            .map(|_| (Cur::Code("USD"), after + 1));
    }
    let dollar = toks.get(i + 1).filter(|d| d.text == "$")?;
    let &(word, code) = DOLLAR_PREFIXES.iter().find(|(w, _)| *w == t.text)?;
    // "US $4.7 billion" is common; "C $" is not, and "A $" would catch the article.
    (!dollar.spaced || word == "US").then_some((Cur::Code(code), i + 2))
}

/// Index after "U.S." written as four tokens (U . S .) starting at `i`.
fn us_dots(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let parts = toks.get(i..i + 4)?;
    let texts = [parts[0].text, parts[1].text, parts[2].text, parts[3].text];
    let tight = parts[1..].iter().all(|t| !t.spaced);
    (texts == ["U", ".", "S", "."] && tight).then_some(i + 4)
}

/// A scale word at token `k` (optionally after a hyphen: "$1.4-billion").
fn scale_at(toks: &[Tok<'_>], k: usize) -> (Scale, usize) {
    let hyphenated = toks.get(k).is_some_and(|t| t.text == "-" && !t.spaced)
        && toks
            .get(k + 1)
            .is_some_and(|t| t.kind == Kind::Word && !t.spaced);
    let at = k + usize::from(hyphenated);
    let Some(t) = toks.get(at).filter(|t| t.kind == Kind::Word) else {
        return (Scale::None, k);
    };
    // Spanish long scale: "mil millones" is 10⁹ and "billones" 10¹².
    if words_at(toks, at, &["mil", "millones"]) {
        return (Scale::Pow10(9), at + 2);
    }
    if words_at(toks, at, &["miles", "de", "millones"]) {
        return (Scale::Pow10(9), at + 3);
    }
    let exp = match t.lower.as_str() {
        "thousand" | "thousands" | "k" => 3,
        "lakh" | "lakhs" => 5,
        "million" | "millions" | "mn" | "mln" | "m" | "mm" | "millones" | "millón" | "millon" => 6,
        "crore" | "crores" => 7,
        "billion" | "billions" | "bn" | "bln" | "b" | "milliard" | "milliards" => 9,
        "trillion" | "trillions" | "tn" | "trn" | "billones" | "billón" | "billon" => 12,
        // Spanish "mil" is a thousand ("5 mil pesos"); in English it is slang for a million.
        "mil" => {
            let spanish = toks.get(at + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "pesos" | "de" | "dólares" | "dolares" | "euros"
                )
            });
            let scale = if spanish {
                Scale::Pow10(3)
            } else {
                Scale::Unknown
            };
            return (scale, at + 1);
        }
        w if w.ends_with("illion") || w.ends_with("illions") || w.ends_with("illones") => {
            return (Scale::Unknown, at + 1);
        }
        _ => return (Scale::None, k),
    };
    (Scale::Pow10(exp), at + 1)
}

/// A currency written after the number: "dollars", "U.S. dollars", "de pesos", "USD", "€".
fn currency_suffix(toks: &[Tok<'_>], k: usize) -> Option<(Cur, usize)> {
    let t = toks.get(k)?;
    if t.text == "€" {
        return Some((Cur::Code("EUR"), k + 1));
    }
    if t.kind != Kind::Word {
        return None;
    }
    if let Some(code) = iso_code(t.text) {
        return Some((Cur::Code(code), k + 1));
    }
    // Spanish and French put "de" between the scale and the currency ("millones de pesos").
    let k = k + usize::from(t.is("de"));
    if let Some(after) = us_dots(toks, k) {
        return lower_at(toks, after)
            .filter(|w| matches!(*w, "dollars" | "dollar"))
            .map(|_| (Cur::Code("USD"), after + 1));
    }
    let first = toks.get(k)?;
    let second = lower_at(toks, k + 1);
    if let Some(found) = named_currency(toks, k) {
        return Some(found);
    }
    let dollars = matches!(second, Some("dollars" | "dollar"));
    let pair = |code| Some((Cur::Code(code), k + 2));
    match (first.lower.as_str(), second) {
        ("us", _) if dollars && first.text == "US" => pair("USD"),
        ("american", _) if dollars => pair("USD"),
        ("canadian", _) if dollars => pair("CAD"),
        ("australian", _) if dollars => pair("AUD"),
        ("mexican", Some("pesos" | "peso")) | ("pesos" | "peso", Some("mexicanos")) => pair("MXN"),
        ("dólares" | "dolares", Some("estadounidenses" | "americanos")) => pair("USD"),
        ("dólares" | "dolares", Some("canadienses")) => pair("CAD"),
        ("pounds", Some("sterling")) => pair("GBP"),
        ("pesos" | "peso", _) => Some((Cur::Code("MXN"), k + 1)),
        ("euros" | "euro", _) => Some((Cur::Code("EUR"), k + 1)),
        ("dollars" | "dollar" | "dólares" | "dolares", _) => Some((Cur::Unqualified, k + 1)),
        _ => None,
    }
}

/// A currency written in words from token `k`, of [`accord_core::CURRENCY_NAMES`]: "Norwegian
/// kroner", "yen", "South African rand", "New Zealand dollars". Returns the code and the
/// token after the name.
fn named_currency(toks: &[Tok<'_>], k: usize) -> Option<(Cur, usize)> {
    // The first word of a two-word country ("South African", "New Zealand", "Hong Kong",
    // "Sri Lankan") carries no currency of its own.
    let k = k + usize::from(toks.get(k).is_some_and(|t| {
        matches!(t.text, "South" | "New" | "Hong" | "Sri" | "Saudi")
            && toks.get(k + 1).is_some_and(capitalised)
    }));
    let first = lower_at(toks, k)?;
    if let Some(code) = lower_at(toks, k + 1).and_then(|n| accord_core::currency_of_name(first, n))
    {
        return Some((Cur::Code(code), k + 2));
    }
    if let Some(code) = accord_core::currency_of_name("", first) {
        return Some((Cur::Code(code), k + 1));
    }
    // A country adjective the table does not pair with this noun: "Zambian kwacha" is not
    // listed, but "Indonesian rupiah" is the rupiah.
    let noun = lower_at(toks, k + 1)?;
    accord_core::currency_of_name("", noun)
        .filter(|_| toks.get(k).is_some_and(capitalised))
        .map(|code| (Cur::Code(code), k + 2))
}

fn capitalised(t: &Tok<'_>) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

/// A currency note in brackets after a figure: "$1.2 billion (Canadian)".
fn currency_note(text: &str, toks: &[Tok<'_>], k: usize) -> Option<(Cur, usize)> {
    if toks.get(k)?.text != "(" {
        return None;
    }
    let close = (k + 1..toks.len().min(k + 7)).find(|&c| toks[c].text == ")")?;
    let inner = text[toks[k].end..toks[close].start].trim();
    let code = match inner {
        "Canadian" | "Cdn" | "CDN" | "CAD" | "Can" | "C$" | "Can$" | "CDN$" | "Cdn$"
        | "Canadian dollars" => "CAD",
        "US" | "U.S." | "USD" | "US$" | "U.S.$" | "American" | "US dollars" | "U.S. dollars" => {
            "USD"
        }
        "Mexican" | "MXN" | "Mex$" | "pesos" | "Mexican pesos" => "MXN",
        "EUR" | "euros" => "EUR",
        "GBP" => "GBP",
        _ => return None,
    };
    Some((Cur::Code(code), close + 1))
}

/// Qualifier phrases, longest first so that "not less than" wins over "less than".
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["not", "to", "exceed"], Qualifier::AtMost),
    (&["an", "estimated"], Qualifier::Approx),
    (&["close", "to"], Qualifier::Approx),
    (&["more", "than"], Qualifier::AtLeast),
    (&["less", "than"], Qualifier::AtMost),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["upward", "of"], Qualifier::AtLeast),
    (&["approx", "."], Qualifier::Approx),
    (&["about"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["nearly"], Qualifier::Approx),
    (&["almost"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["approx"], Qualifier::Approx),
    (&["some"], Qualifier::Approx),
    (&["estimated"], Qualifier::Approx),
    (&["approaching"], Qualifier::Approx),
    (&["circa"], Qualifier::Approx),
    (&["~"], Qualifier::Approx),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["exceeding"], Qualifier::AtLeast),
    (&["under"], Qualifier::AtMost),
    (&["below"], Qualifier::AtMost),
];

/// The qualifier phrase ending right before token `first`, and where it starts.
fn qualifier_before(toks: &[Tok<'_>], first: usize) -> (Option<Qualifier>, usize) {
    for &(phrase, qualifier) in QUALIFIERS {
        if let Some(start) = first.checked_sub(phrase.len())
            && words_at(toks, start, phrase)
        {
            return (Some(qualifier), start);
        }
    }
    (None, first)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use accord_core::{ParseStatus, Qualifier, Span};

    /// (text, amount, currency, currency inferred): one figure, default currency USD.
    const AMOUNTS: &[(&str, f64, &str, bool)] = &[
        ("$1.4 billion", 1.4e9, "USD", true),
        ("$465 million", 4.65e8, "USD", true),
        ("$1,295 million", 1.295e9, "USD", true),
        ("$26 M", 2.6e7, "USD", true),
        ("1.4 billion dollars", 1.4e9, "USD", true),
        ("5 billion dollars", 5e9, "USD", true),
        ("30 million dollars", 3e7, "USD", true),
        ("US$4.7bn", 4.7e9, "USD", false),
        ("US $4.7 billion", 4.7e9, "USD", false),
        ("U.S.$4.7 billion", 4.7e9, "USD", false),
        ("USD 34.6 million", 3.46e7, "USD", false),
        ("USD34.6 million", 3.46e7, "USD", false),
        // Every current ISO 4217 code, before or after the number.
        ("XOF 1.2 billion", 1.2e9, "XOF", false),
        ("PGK 12 million", 1.2e7, "PGK", false),
        ("96 million GHS", 9.6e7, "GHS", false),
        // Currencies in words, with or without their country adjective.
        ("NOK 300 million", 3e8, "NOK", false),
        ("300 million Norwegian kroner", 3e8, "NOK", false),
        ("4.5 billion yen", 4.5e9, "JPY", false),
        ("2 million South African rand", 2e6, "ZAR", false),
        ("10 million New Zealand dollars", 1e7, "NZD", false),
        ("80 million Philippine pesos", 8e7, "PHP", false),
        ("15 billion Indonesian rupiah", 1.5e10, "IDR", false),
        ("34.6 million USD", 3.46e7, "USD", false),
        ("C$300 million", 3e8, "CAD", false),
        ("CAD 50 million", 5e7, "CAD", false),
        ("$1.2 billion (Canadian)", 1.2e9, "CAD", false),
        ("Can$75 million", 7.5e7, "CAD", false),
        ("CDN$10 million", 1e7, "CAD", false),
        ("Mex$ 200 million", 2e8, "MXN", false),
        ("MXN 1,000 millones", 1e9, "MXN", false),
        ("54,207 millones de pesos", 5.4207e10, "MXN", false),
        ("1.5 mil millones de pesos", 1.5e9, "MXN", false),
        ("mil millones de pesos", 1e9, "MXN", false),
        ("5 mil pesos", 5e3, "MXN", false),
        ("200 pesos", 200.0, "MXN", false),
        ("300 millones de pesos mexicanos", 3e8, "MXN", false),
        ("€5 million", 5e6, "EUR", false),
        ("up to ¥45 billion", 4.5e10, "JPY", false),
        ("EUR 12 million", 1.2e7, "EUR", false),
        ("12 million euros", 1.2e7, "EUR", false),
        ("£3.5m", 3.5e6, "GBP", false),
        ("GBP 40 million", 4e7, "GBP", false),
        ("1.4 billion U.S. dollars", 1.4e9, "USD", false),
        ("1.4 billion US dollars", 1.4e9, "USD", false),
        ("2 billion Canadian dollars", 2e9, "CAD", false),
        ("900 million American dollars", 9e8, "USD", false),
        ("$1.1bn", 1.1e9, "USD", true),
        ("$300m", 3e8, "USD", true),
        ("$5 thousand", 5e3, "USD", true),
        ("$5k", 5e3, "USD", true),
        ("$400,000", 4e5, "USD", true),
        ("$ 2.5 million", 2.5e6, "USD", true),
        ("$2 trillion", 2e12, "USD", true),
        ("a $1.4-billion package", 1.4e9, "USD", true),
        ("one point four billion dollars", 1.4e9, "USD", true),
        ("three million dollars", 3e6, "USD", true),
        ("twenty-five million dollars", 2.5e7, "USD", true),
        ("a billion dollars", 1e9, "USD", true),
        ("half a billion dollars", 5e8, "USD", true),
        ("one hundred and fifty million dollars", 1.5e8, "USD", true),
        ("$400\nmillion", 4e8, "USD", true),
        ("$400\r\n  million", 4e8, "USD", true),
        ("1\u{a0}400\u{a0}000 dollars", 1.4e6, "USD", true),
        ("1\u{2009}400\u{2009}000 dollars", 1.4e6, "USD", true),
        ("1\u{202f}400\u{202f}000 dollars", 1.4e6, "USD", true),
        ("$1.2 billion²", 1.2e9, "USD", true),
        ("$1.2 billion.3 The next", 1.2e9, "USD", true),
        ("$0.5 million", 5e5, "USD", true),
        ("1,5 millones de dólares", 1.5e6, "USD", true),
        ("10 millones de dólares estadounidenses", 1e7, "USD", false),
        ("USD$5 million", 5e6, "USD", false),
        ("$1.4Billion", 1.4e9, "USD", true),
        ("1,400,000,000 dollars", 1.4e9, "USD", true),
    ];

    #[test]
    fn amounts_and_currencies() {
        for &(text, amount, currency, inferred) in AMOUNTS {
            let money = only(text);
            assert_eq!(money.amount, Some(amount), "{text:?}");
            assert_eq!(money.currency.as_deref(), Some(currency), "{text:?}");
            assert_eq!(money.currency_inferred, inferred, "{text:?}");
            assert_eq!(money.parse_status, ParseStatus::Ok, "{text:?}");
        }
    }

    #[test]
    fn exact_billions_not_float_noise() {
        let money = only("US$4.7bn");
        assert_eq!(money.amount, Some(4_700_000_000.0));
        assert_eq!(money.scale, Some(1e9));
        assert_eq!(only("$1,295 million").amount, Some(1_295_000_000.0));
        assert_eq!(only("$3.3 million").amount, Some(3_300_000.0));
    }

    /// (text, expected span text of the only figure).
    const SPANS: &[(&str, &str)] = &[
        ("Congress gave $1.4 billion to Mexico.", "$1.4 billion"),
        ("Congress gave about $1.4 billion.", "$1.4 billion"),
        (
            "It costs $1.2 billion (Canadian) a year.",
            "$1.2 billion (Canadian)",
        ),
        ("$1.2 billion² was spent", "$1.2 billion"),
        ("Budget: US$4.7bn.", "US$4.7bn"),
        ("worth 1.4 billion dollars annually", "1.4 billion dollars"),
        ("between $50 and $75 million", "between $50 and $75 million"),
        ("a $3.5–4.5 billion plan", "$3.5–4.5 billion"),
        (
            "54,207 millones de pesos en 2008",
            "54,207 millones de pesos",
        ),
        ("about $400\nmillion", "$400\nmillion"),
    ];

    #[test]
    fn spans_are_byte_offsets_of_the_figure() {
        for &(text, expected) in SPANS {
            let found = find(text);
            assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
            assert_eq!(surface(text, &found[0]), expected, "{text:?}");
        }
        let text = "Ayuda de €5 millones.";
        let found = find(text);
        assert_eq!(found[0].span, Span::new(9, 22));
    }

    const NOT_MONEY: &[&str] = &[
        // Codes that are words in capitals.
        "COP 15 met in Montreal.",
        "TOP 10 priorities",
        "P.L. 110-252",
        "Public Law 110-252 was signed.",
        "H.R. 2642",
        "H.R. 6028 passed the House.",
        "Bill C-36",
        "S. 1234",
        "in 2008",
        "from 2008 to 2010",
        "2008-2010",
        "FY2008",
        "FY 2012–13",
        "fiscal year 2010",
        "Call 1-800-555-0199.",
        "(613) 555-0199",
        "2200 troops",
        "250 thousand Mexicans",
        "12,000 fatalities",
        "5 security agencies",
        "23 points",
        "15% of certain aid",
        "40% of the money is earmarked for training.",
        "a 22-point plan",
        "a 32 point plan",
        "500 nautical miles",
        "over the three year period",
        "on December 12, 2001",
        "Section 1206 authority",
        "No. 7",
        "GAO-10-253R",
        "one of the agencies",
        "billions of dollars",
        "in 2008 dollars",
        "constant 2005 dollars",
        "the U.S. dollar fell",
        "1.4 billion people",
        "between 2000 and 2006",
    ];

    #[test]
    fn not_money() {
        for &text in NOT_MONEY {
            assert_eq!(find(text), Vec::new(), "{text:?}");
        }
    }

    const QUALIFIERS_CASES: &[(&str, Qualifier)] = &[
        ("about $1.4 billion", Qualifier::Approx),
        ("around $1.4 billion", Qualifier::Approx),
        ("roughly $1.4 billion", Qualifier::Approx),
        ("nearly $1.4 billion", Qualifier::Approx),
        ("almost $1.4 billion", Qualifier::Approx),
        ("approximately $1.4 billion", Qualifier::Approx),
        ("some $1.4 billion", Qualifier::Approx),
        ("an estimated $1.4 billion", Qualifier::Approx),
        ("approaching $1.4 billion", Qualifier::Approx),
        ("close to $1.4 billion", Qualifier::Approx),
        ("~$1.4 billion", Qualifier::Approx),
        ("more than $1.4 billion", Qualifier::AtLeast),
        ("over $1.4 billion", Qualifier::AtLeast),
        ("at least $1.4 billion", Qualifier::AtLeast),
        ("in excess of $1.4 billion", Qualifier::AtLeast),
        ("upwards of $1.4 billion", Qualifier::AtLeast),
        ("not less than $1.4 billion", Qualifier::AtLeast),
        ("up to $1.4 billion", Qualifier::AtMost),
        ("under $1.4 billion", Qualifier::AtMost),
        ("less than $1.4 billion", Qualifier::AtMost),
        ("no more than $1.4 billion", Qualifier::AtMost),
        ("not more than $1.4 billion", Qualifier::AtMost),
        ("as much as $1.4 billion", Qualifier::AtMost),
        ("about US$4.7bn", Qualifier::Approx),
    ];

    #[test]
    fn qualifiers_keep_the_stated_amount() {
        for &(text, qualifier) in QUALIFIERS_CASES {
            let money = only(text);
            assert_eq!(money.qualifier, Some(qualifier), "{text:?}");
            assert_eq!(
                money.amount.map(f64::round),
                Some(if text.contains("4.7") { 4.7e9 } else { 1.4e9 }),
                "{text:?}"
            );
        }
        assert_eq!(only("$1.4 billion").qualifier, None);
    }

    #[test]
    fn ordinary_spaces_between_digit_groups_are_ambiguous() {
        for text in ["1 200 dollars", "$1 200 million"] {
            let found = find(text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(surface(text, &found[0]), text);
            assert_eq!(found[0].money.amount, None);
            assert_eq!(found[0].money.parse_status, ParseStatus::Ambiguous);
        }
    }

    #[test]
    fn no_default_currency_is_ambiguous() {
        let found = find_money("$1.4 billion", &options(None));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].money.currency, None);
        assert_eq!(found[0].money.amount, Some(1.4e9));
        assert_eq!(found[0].money.parse_status, ParseStatus::Ambiguous);
        let found = find_money("C$1.4 billion", &options(None));
        assert_eq!(found[0].money.currency.as_deref(), Some("CAD"));
        assert_eq!(found[0].money.parse_status, ParseStatus::Ok);
        let found = find_money("$1.4 billion", &options(Some("MXN")));
        assert_eq!(found[0].money.currency.as_deref(), Some("MXN"));
        assert!(found[0].money.currency_inferred);
    }

    #[test]
    fn unreadable_numbers_are_ambiguous() {
        let cases: &[&str] = &["$1.2.3 million", "$5 zillion", "$5 mil", "$1,2345 million"];
        for &text in cases {
            let money = only(text);
            assert_eq!(money.amount, None, "{text:?}");
            assert_eq!(money.parse_status, ParseStatus::Ambiguous, "{text:?}");
        }
    }

    #[test]
    fn figures_among_legislation_and_counts() {
        let text = "P.L. 110-252 provided $400 million for Mexico and 2200 troops in FY2008.";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(surface(text, &found[0]), "$400 million");
        assert_eq!(found[0].money.fiscal_year.as_deref(), Some("FY2008"));
    }

    #[test]
    fn currency_signs_and_names_before_the_number() {
        let cases: &[(&str, f64, &str)] = &[
            ("backed by ₹76,000 crore in incentives", 7.6e11, "INR"),
            (
                "the budget allocates Tk 3,200 crore to the grid",
                3.2e10,
                "BDT",
            ),
            ("a pledge of ₩120 billion", 1.2e11, "KRW"),
            (
                "Seoul pledged 120 billion won for the centre",
                1.2e11,
                "KRW",
            ),
            (
                "The central bank provided CFA francs 2 billion in 2024.",
                2e9,
                "XOF",
            ),
            ("a grant of S$12 million", 1.2e7, "SGD"),
            ("Norway gives Norwegian kroner 150 million", 1.5e8, "NOK"),
            ("Rp 5 billion for patrol boats", 5e9, "IDR"),
        ];
        for &(text, amount, currency) in cases {
            let money = only(text);
            assert_eq!(money.amount, Some(amount), "{text:?}");
            assert_eq!(money.currency.as_deref(), Some(currency), "{text:?}");
        }
    }

    #[test]
    fn a_code_that_is_a_word_needs_a_scale() {
        let money = only("about COP 48.2 trillion in 2024");
        assert_eq!(money.amount, Some(4.82e13));
        assert_eq!(money.currency.as_deref(), Some("COP"));
        let money = only("an EC$5.4 million grant");
        assert_eq!(money.currency.as_deref(), Some("XCD"));
        // The climate conference is no money.
        assert!(find("Delegates met at COP 28 in Dubai.").is_empty());
    }

    #[test]
    fn won_after_a_plain_number_is_the_verb() {
        assert!(find("The coalition that in 2019 won 40 seats.").is_empty());
        assert!(find("Spain 3, Italy 2: Spain won the final.").is_empty());
    }
}
