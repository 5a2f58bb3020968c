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

use crate::numbers::{Decimal, Ratio, is_group_space, parse_numeral, parse_spelled, unit};
use accord_core::{Money, ParseStatus, Period, Qualifier, Span};

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

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// ASCII digits with internal separators ("1,295.5", "1.2.3").
    Num,
    /// Letters, with internal hyphens and apostrophes ("twenty-five", "three-year").
    Word,
    /// Any other single character ("$", "%", "–", "²").
    Punct,
}

#[derive(Debug)]
struct Tok<'a> {
    kind: Kind,
    text: &'a str,
    lower: String,
    /// Byte offset of the first byte.
    start: usize,
    /// Byte offset one past the last byte.
    end: usize,
    /// Whitespace separates this token from the previous one.
    spaced: bool,
}

impl Tok<'_> {
    fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut pos = 0;
    let mut spaced = false;
    while let Some(c) = text[pos..].chars().next() {
        if c.is_whitespace() {
            spaced = true;
            pos += c.len_utf8();
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            (Kind::Num, number_end(text, pos))
        } else if c.is_alphabetic() {
            (Kind::Word, word_end(text, pos))
        } else {
            (Kind::Punct, pos + c.len_utf8())
        };
        let slice = &text[pos..end];
        toks.push(Tok {
            kind,
            text: slice,
            lower: slice.to_lowercase(),
            start: pos,
            end,
            spaced,
        });
        spaced = false;
        pos = end;
    }
    toks
}

/// End of a digit run that may contain ".", "," and group spaces, each followed by a digit.
/// "billion.3" is therefore never one number, and "1.2.3" is (and is later rejected whole).
fn number_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            end += 1;
            continue;
        }
        let separator = matches!(c, '.' | ',') || is_group_space(c);
        if separator && chars.peek().is_some_and(char::is_ascii_digit) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        let joiner = matches!(c, '-' | '\'' | '’');
        if c.is_alphabetic() || (joiner && chars.peek().is_some_and(|n| n.is_alphabetic())) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Where tokens sit: their sentence (facts and change pairs never cross one) and a weighted
/// position in which a comma, bracket or colon counts as three words, because a clause break
/// loosens the link between a figure and the words around it.
struct Layout {
    sentence: Vec<usize>,
    /// `position[i]` is the weighted length of `toks[..i]`; one entry more than tokens.
    position: Vec<usize>,
}

impl Layout {
    fn new(toks: &[Tok<'_>]) -> Self {
        let mut sentence = Vec::with_capacity(toks.len());
        let mut position = Vec::with_capacity(toks.len() + 1);
        let (mut id, mut at) = (0, 0);
        for (i, tok) in toks.iter().enumerate() {
            sentence.push(id);
            position.push(at);
            at += if matches!(tok.text, "," | "(" | ")" | ":") {
                3
            } else {
                1
            };
            if ends_sentence(toks, i) {
                id += 1;
            }
        }
        position.push(at);
        Self { sentence, position }
    }

    /// Weighted number of tokens in `from..to`.
    fn gap(&self, from: usize, to: usize) -> usize {
        self.position[to] - self.position[from]
    }
}

fn ends_sentence(toks: &[Tok<'_>], i: usize) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "no", "nos", "mr", "mrs", "ms", "dr", "sec", "art", "vol", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "ca", "inc", "co",
        "corp", "st", "gov", "dept", "est", "fig", "pp",
    ];
    match toks[i].text {
        ";" | "!" | "?" => true,
        "." => {
            let next_starts = toks
                .get(i + 1)
                .is_none_or(|n| n.spaced && !n.text.chars().next().is_some_and(char::is_lowercase));
            // "U.S. Congress", "H.R. 2642", "No. 7" are not sentence ends.
            let abbreviation = i > 0
                && toks[i - 1].kind == Kind::Word
                && (toks[i - 1].text.chars().count() == 1
                    || ABBREVIATIONS.contains(&toks[i - 1].lower.as_str()));
            next_starts && !abbreviation
        }
        _ => false,
    }
}

/// True when `toks[i..]` starts with the lowercase words (or punctuation) `words`.
fn words_at(toks: &[Tok<'_>], i: usize, words: &[&str]) -> bool {
    toks.get(i..i + words.len())
        .is_some_and(|slice| slice.iter().zip(words).all(|(t, w)| t.is(w)))
}

fn lower_at<'t>(toks: &'t [Tok<'_>], i: usize) -> Option<&'t str> {
    toks.get(i).map(|t| t.lower.as_str())
}

/// A four-digit year between 1900 and 2099, written without separators.
fn year_of(tok: &Tok<'_>) -> Option<i32> {
    if tok.kind != Kind::Num || tok.text.len() != 4 {
        return None;
    }
    let year: i32 = tok.text.parse().ok()?;
    (1900..=2099).contains(&year).then_some(year)
}

fn is_dash(tok: &Tok<'_>) -> bool {
    matches!(tok.text, "-" | "–" | "—" | "‒" | "‑")
}

// ---------------------------------------------------------------------------------------------
// Figures

/// Currency as written, before [`MoneyOptions`] are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cur {
    /// An unqualified "$" or "dollars" (or a bare table cell): takes the default currency.
    Unqualified,
    /// An ISO 4217 code.
    Code(&'static str),
}

/// The multiplier of a written number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scale {
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
    fn from_factor(factor: f64) -> Self {
        (-6..=15)
            .find(|&exp| Decimal::new(1, exp).to_f64() == factor)
            .map_or(Scale::Factor(factor), Scale::Pow10)
    }

    fn factor(self) -> Option<f64> {
        match self {
            Scale::Pow10(exp) => Some(Decimal::new(1, exp).to_f64()),
            Scale::Factor(factor) => Some(factor),
            Scale::None | Scale::Unknown => None,
        }
    }
}

/// ISO 4217 codes recognised when written next to a number (not COP: "COP 15" is a climate
/// conference).
const ISO_CODES: &[&str] = &[
    "USD", "CAD", "MXN", "EUR", "GBP", "JPY", "CHF", "AUD", "NZD", "CNY", "BRL", "GTQ", "HNL",
];

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
];

/// The ISO 4217 code `text` is, of those in [`ISO_CODES`].
pub(crate) fn iso_code(text: &str) -> Option<&'static str> {
    ISO_CODES.iter().copied().find(|&code| code == text)
}

/// A figure candidate, in token indices (end-exclusive).
#[derive(Debug, Clone)]
struct Figure {
    /// First token of the span reported (currency prefix, number, or "between").
    first: usize,
    /// One past the last token of the span reported.
    last: usize,
    /// First token of a qualifier phrase before `first` (equal to `first` when none).
    lead: usize,
    qualifier: Option<Qualifier>,
    /// The written number; `None` when it has no single reading.
    value: Option<Decimal>,
    /// Thousands separators were written.
    grouped: bool,
    scale: Scale,
    currency: Option<Cur>,
    /// The currency comes from the other half of a change pair.
    currency_inherited: bool,
    /// Lower bound of a range (value, scale); the figure's own number is the upper bound.
    low: Option<(Option<Decimal>, Scale)>,
    /// Index of the "from" figure when this is the "to" figure of a change pair.
    pair_from: Option<usize>,
    /// A bare table cell that looks like a year heading.
    year_like_cell: bool,
}

impl Figure {
    fn has_scale(&self) -> bool {
        self.scale != Scale::None
    }

    /// Value below 1000 written without separators: a bound that can share a later scale word.
    fn can_take_scale(&self) -> bool {
        !self.has_scale() && !self.grouped && self.value.is_some_and(|v| v.to_f64() < 1000.0)
    }
}

fn scan_figures(text: &str, toks: &[Tok<'_>]) -> Vec<Figure> {
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
    let (suffix, k) = currency_suffix(toks, k).map_or((None, k), |(c, k)| (Some(c), k));
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

fn spelled_at(toks: &[Tok<'_>], j: usize) -> Option<crate::numbers::Spelled> {
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
    if t.kind != Kind::Word {
        return None;
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

// ---------------------------------------------------------------------------------------------
// Ranges and change pairs

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
fn combine(toks: &[Tok<'_>], figures: Vec<Figure>) -> Vec<Figure> {
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
fn link_change_pairs(toks: &[Tok<'_>], layout: &Layout, figures: &mut [Figure]) {
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

// ---------------------------------------------------------------------------------------------
// Tables and filtering

/// Footnote marks that may follow a number in a table cell: a symbol ("*", "†", "¹"), or a
/// lower-case letter written against the number ("342,750a", "120.0b"), as statistical
/// tables key their notes.
fn is_footnote_mark(toks: &[Tok<'_>], i: usize) -> bool {
    let tok = &toks[i];
    match tok.kind {
        Kind::Punct => "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰".contains(tok.text),
        Kind::Word => {
            tok.text.len() == 1
                && tok.text.bytes().all(|b| b.is_ascii_lowercase())
                && !tok.spaced
                && i > 0
                && matches!(toks[i - 1].kind, Kind::Num | Kind::Punct)
                && (toks[..i].iter().rev().take_while(|t| t.kind == Kind::Punct))
                    .all(|t| "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰".contains(t.text))
        }
        Kind::Num => false,
    }
}

fn apply_table_scale(toks: &[Tok<'_>], figures: &mut [Figure], factor: f64) {
    let scale = Scale::from_factor(factor);
    let core = toks
        .iter()
        .enumerate()
        .rposition(|(i, _)| !is_footnote_mark(toks, i))
        .map_or(0, |p| p + 1);
    let bare_cell = core == 1 && toks[0].kind == Kind::Num;
    for figure in figures.iter_mut() {
        if bare_cell && figure.first == 0 && figure.currency.is_none() {
            figure.currency = Some(Cur::Unqualified);
            figure.year_like_cell = year_of(&toks[0]).is_some();
            // A letter against a bare cell's number keys a note ("120.0b"): no scale word.
            figure.scale = Scale::None;
            figure.last = 1;
        }
        if figure.currency.is_some() && !figure.has_scale() {
            figure.scale = scale;
            if let Some((_, low_scale @ Scale::None)) = &mut figure.low {
                *low_scale = scale;
            }
        }
    }
}

/// Drops figures without a currency and renumbers change-pair links.
fn keep_money(figures: Vec<Figure>) -> Vec<Figure> {
    let mut new_index = vec![None; figures.len()];
    let mut kept = 0;
    for (i, figure) in figures.iter().enumerate() {
        if figure.currency.is_some() {
            new_index[i] = Some(kept);
            kept += 1;
        }
    }
    figures
        .into_iter()
        .filter(|f| f.currency.is_some())
        .map(|mut f| {
            f.pair_from = f.pair_from.and_then(|p| new_index[p]);
            f
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Time facts: periods, spans of years, fiscal years

#[derive(Debug, Clone, PartialEq)]
enum FactKind {
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
enum Side {
    After,
    Before,
    Either,
}

#[derive(Debug, Clone)]
struct Fact {
    first: usize,
    last: usize,
    kind: FactKind,
    side: Side,
    /// Most tokens allowed between the fact and its figure, weighted as in [`Layout`].
    reach: usize,
}

impl Fact {
    fn new(first: usize, last: usize, kind: FactKind, side: Side, reach: usize) -> Self {
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

fn scan_facts(toks: &[Tok<'_>], figures: &[Figure]) -> Vec<Fact> {
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
struct Time {
    period: Option<Period>,
    years: Option<u32>,
    start_year: Option<i32>,
    end_year: Option<i32>,
    fiscal_year: Option<String>,
}

/// Gives each fact to the nearest figure in its sentence that its side and reach allow (a tie
/// goes to the figure before the fact: "$X in FY2008 and $Y"). A year fact standing before its
/// figure ("In FY2008, … $X and $Y") also covers the later figures of the sentence that have
/// none of their own.
fn assign_facts(facts: &[Fact], figures: &[Figure], layout: &Layout) -> Vec<Time> {
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

fn nearest<'f>(facts: &[Given<'f>], wanted: impl Fn(&FactKind) -> bool) -> Option<&'f Fact> {
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

// ---------------------------------------------------------------------------------------------
// Building `Money`

/// An amount kept exact as long as possible.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Quantity {
    Exact(Decimal),
    Float(f64),
}

impl Quantity {
    fn to_f64(self) -> f64 {
        match self {
            Quantity::Exact(d) => d.to_f64(),
            Quantity::Float(f) => f,
        }
    }

    fn times(self, ratio: Ratio) -> Self {
        match self {
            Quantity::Exact(d) => d.mul_ratio(ratio).map_or_else(
                || Quantity::Float(d.to_f64() * ratio.to_f64()),
                Quantity::Exact,
            ),
            Quantity::Float(f) => Quantity::Float(f * ratio.to_f64()),
        }
    }
}

fn scaled(value: Option<Decimal>, scale: Scale) -> Option<Quantity> {
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
struct Built {
    found: MoneyMatch,
    /// Amount, minimum, maximum.
    exact: [Option<Quantity>; 3],
    first: usize,
}

fn build(toks: &[Tok<'_>], figure: &Figure, time: &Time, options: &MoneyOptions) -> Built {
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
fn inherit_along_pairs(figures: &[Figure], built: &mut [Built]) {
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

// ---------------------------------------------------------------------------------------------
// Shares of a stated total

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

/// A share phrase: its token range and ratio (`None` for "the rest").
struct SharePhrase {
    first: usize,
    last: usize,
    ratio: Option<Ratio>,
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

fn share_at(toks: &[Tok<'_>], i: usize) -> Option<SharePhrase> {
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
        });
    }
    let (ratio, end) = share_ratio_at(toks, i)?;
    let last = money_reference_at(toks, end)?;
    Some(SharePhrase {
        first: i,
        last,
        ratio: Some(ratio),
    })
}

fn scan_shares(toks: &[Tok<'_>], figures: &[Figure]) -> Vec<SharePhrase> {
    let mut inside = vec![false; toks.len()];
    for figure in figures {
        inside[figure.lead..figure.last].fill(true);
    }
    let mut phrases = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match share_at(toks, i).filter(|p| !inside[p.first..p.last].contains(&true)) {
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
fn add_shares(toks: &[Tok<'_>], figures: &[Figure], built: Vec<Built>) -> Vec<MoneyMatch> {
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
                out.push(share_of(toks, base, &phrase, ratio));
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

fn share_of(toks: &[Tok<'_>], base: &Built, phrase: &SharePhrase, ratio: Ratio) -> MoneyMatch {
    let times = |q: Option<Quantity>| q.map(|q| q.times(ratio).to_f64());
    let [amount, min, max] = base.exact;
    let money = &base.found.money;
    let amount = times(amount);
    let readable = amount.is_some() || min.is_some() || max.is_some();
    MoneyMatch {
        span: Span::new(toks[phrase.first].start, toks[phrase.last - 1].end),
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
    use super::*;

    fn options(default: Option<&str>) -> MoneyOptions {
        MoneyOptions {
            default_currency: default.map(str::to_owned),
            table_scale: None,
        }
    }

    fn find(text: &str) -> Vec<MoneyMatch> {
        find_money(text, &options(Some("USD")))
    }

    /// The only figure of `text` (default currency USD).
    fn only(text: &str) -> Money {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        found[0].money.clone()
    }

    fn surface(text: &str, found: &MoneyMatch) -> String {
        text[found.span.start..found.span.end].to_owned()
    }

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
    fn change_pair_with_qualifiers() {
        let found = find("from about $1 billion to more than $2 billion");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].money.qualifier, Some(Qualifier::Approx));
        assert_eq!(found[1].money.qualifier, Some(Qualifier::AtLeast));
    }

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

    #[test]
    fn table_cells_take_the_table_scale() {
        let table = MoneyOptions {
            default_currency: Some("USD".into()),
            table_scale: Some(1e6),
        };
        let cases: &[(&str, Option<f64>, ParseStatus)] = &[
            ("465", Some(4.65e8), ParseStatus::Ok),
            ("1,295.5", Some(1.2955e9), ParseStatus::Ok),
            (" 465 ", Some(4.65e8), ParseStatus::Ok),
            ("465¹", Some(4.65e8), ParseStatus::Ok),
            ("465a", Some(4.65e8), ParseStatus::Ok),
            ("1,295.5b", Some(1.2955e9), ParseStatus::Ok),
            ("$465", Some(4.65e8), ParseStatus::Ok),
            ("2008", Some(2.008e9), ParseStatus::Ambiguous),
        ];
        for &(cell, amount, status) in cases {
            let found = find_money(cell, &table);
            assert_eq!(found.len(), 1, "{cell:?}");
            assert_eq!(found[0].money.amount, amount, "{cell:?}");
            assert_eq!(found[0].money.scale, Some(1e6), "{cell:?}");
            assert_eq!(found[0].money.parse_status, status, "{cell:?}");
            assert!(found[0].money.currency_inferred, "{cell:?}");
        }
        let found = find_money(" 465 ", &table);
        assert_eq!(found[0].span, Span::new(1, 4));
        // A letter after a space is a word, not a note key: no bare figure.
        for cell in ["--", "n/a", "FY2008", "Total", "P.L. 110-252", "465 a", "a"] {
            assert_eq!(find_money(cell, &table), Vec::new(), "{cell:?}");
        }
        let thousands = MoneyOptions {
            default_currency: Some("USD".into()),
            table_scale: Some(1e3),
        };
        assert_eq!(find_money("400,000", &thousands)[0].money.amount, Some(4e8));
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

    #[test]
    fn figures_among_legislation_and_counts() {
        let text = "P.L. 110-252 provided $400 million for Mexico and 2200 troops in FY2008.";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(surface(text, &found[0]), "$400 million");
        assert_eq!(found[0].money.fiscal_year.as_deref(), Some("FY2008"));
    }
}
