//! Inline clean-up of one block's text: footnote markers out (recorded with their offsets),
//! Markdown-style emphasis asterisks out, whitespace collapsed.

use regex::Regex;

/// A footnote marker taken out of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Byte offset in the cleaned block text where the marker stood.
    pub(crate) at: usize,
    /// The marker as written, e.g. `^{iv}`, `¹`, `[^2]`.
    pub(crate) written: String,
    /// Normalised label, e.g. `iv`, `1`.
    pub(crate) label: String,
}

/// A block's text after inline clean-up, with the markers taken out of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Inline {
    pub(crate) text: String,
    pub(crate) markers: Vec<Marker>,
}

impl Inline {
    /// Text without markers.
    pub(crate) fn plain(text: String) -> Self {
        Self {
            text,
            markers: Vec::new(),
        }
    }
}

/// Counts from one call of [`clean_inline`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct InlineStats {
    pub(crate) emphasis_spans: usize,
    pub(crate) unpaired_asterisks: usize,
}

/// The footnote-marker syntax of plain text, compiled once.
#[derive(Debug, Clone)]
pub(crate) struct MarkerPatterns {
    /// A marker anywhere.
    marker: Regex,
    /// A marker (or `[^x]:` definition label) that opens a line, followed by white space.
    leading: Regex,
}

/// Superscript digits: ⁰ ¹ ² ³ ⁴–⁹.
const SUP_DIGITS: &str = r"\x{2070}\x{00B9}\x{00B2}\x{00B3}\x{2074}-\x{2079}";
/// Superscript letters used for roman numerals: ⁱ (U+2071), ᵛ (U+1D5B), ˣ (U+02E3).
const SUP_ROMAN: &str = r"\x{2071}\x{1D5B}\x{02E3}";

impl MarkerPatterns {
    pub(crate) fn new() -> Result<Self, regex::Error> {
        let alternatives = format!(
            r"\^\{{(?P<braced>[0-9A-Za-z]{{1,8}})\}}|\^(?P<bare>[0-9]{{1,3}}|[ivxlcIVXLC]{{1,7}})\b|(?P<supdig>[{SUP_DIGITS}]+)|(?P<suprom>[{SUP_ROMAN}]+)|\[\^(?P<mdref>[^\]\s]{{1,20}})\]|\[(?P<num>[0-9]{{1,3}})\]"
        );
        Ok(Self {
            marker: Regex::new(&alternatives)?,
            leading: Regex::new(&format!(r"^(?:{alternatives}):?(?:\s+|$)"))?,
        })
    }

    /// When `line` opens with a footnote marker followed by white space (the start of a note),
    /// the byte length of marker plus white space, the marker as written, and its label.
    pub(crate) fn leading(&self, line: &str) -> Option<(usize, String, String)> {
        let caps = self.leading.captures(line)?;
        let whole = caps.get(0)?;
        let (marker, label) = marker_label(&caps)?;
        Some((whole.end(), marker, label))
    }

    /// Finds the markers of `text` that pass the guards, as `(start, end, marker, label)`.
    fn find(&self, text: &str) -> Vec<(usize, usize, String, String)> {
        let mut out = Vec::new();
        if !text.contains(might_start_marker) {
            return out;
        }
        for caps in self.marker.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let before = &text[..m.start()];
            let prev = before.chars().next_back();
            let next = text[m.end()..].chars().next();
            let is_digits = caps
                .name("braced")
                .or(caps.name("bare"))
                .is_some_and(|g| g.as_str().bytes().all(|b| b.is_ascii_digit()));
            // `10^6` and `x^{2}` are exponents, not notes.
            if is_digits && prev.is_some_and(|p| p.is_ascii_digit() || p == ')') {
                continue;
            }
            // `km²`, `m³`: units, not notes.
            if caps.name("supdig").is_some() && ends_with_unit(before) {
                continue;
            }
            // `[1](http://…)` is a link, `[1]:` a link definition.
            if caps.name("num").is_some() && matches!(next, Some('(' | ':')) {
                continue;
            }
            let Some((marker, label)) = marker_label(&caps) else {
                continue;
            };
            out.push((m.start(), m.end(), marker, label));
        }
        out
    }
}

fn might_start_marker(c: char) -> bool {
    matches!(
        c,
        '^' | '[' | '\u{2070}' | '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2074}'
            ..='\u{2079}' | '\u{2071}' | '\u{1D5B}' | '\u{02E3}'
    )
}

fn ends_with_unit(before: &str) -> bool {
    let letters = before.len()
        - before
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    let unit = &before[before.len() - letters..];
    matches!(unit, "m" | "km" | "cm" | "mm" | "ft" | "in" | "mi" | "yd")
}

/// The marker as written and its normalised label; `None` when a roman-looking marker is
/// not a valid roman numeral.
fn marker_label(caps: &regex::Captures<'_>) -> Option<(String, String)> {
    let whole = caps.get(0)?.as_str();
    let marker = whole
        .trim_end_matches(|c: char| c == ':' || c.is_whitespace())
        .to_owned();
    let label = if let Some(g) = caps.name("braced").or(caps.name("num")) {
        normalise_label(g.as_str())
    } else if let Some(g) = caps.name("bare") {
        let label = normalise_label(g.as_str());
        if !label.bytes().all(|b| b.is_ascii_digit()) {
            roman_to_int(&label)?;
        }
        label
    } else if let Some(g) = caps.name("supdig") {
        normalise_label(
            &g.as_str()
                .chars()
                .map(superscript_digit)
                .collect::<String>(),
        )
    } else if let Some(g) = caps.name("suprom") {
        let label: String = g.as_str().chars().map(superscript_roman).collect();
        roman_to_int(&label)?;
        label
    } else {
        normalise_label(caps.name("mdref")?.as_str())
    };
    Some((marker, label))
}

/// Lowercase; digits without leading zeros.
pub(crate) fn normalise_label(label: &str) -> String {
    if !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = label.trim_start_matches('0');
        return if trimmed.is_empty() {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        };
    }
    label.to_lowercase()
}

fn superscript_digit(c: char) -> char {
    match c {
        '\u{00B9}' => '1',
        '\u{00B2}' => '2',
        '\u{00B3}' => '3',
        // ⁰ is U+2070; ⁴–⁹ are U+2074–U+2079.
        c => char::from_digit(u32::from(c) - 0x2070, 10).unwrap_or('0'),
    }
}

fn superscript_roman(c: char) -> char {
    match c {
        '\u{1D5B}' => 'v',
        '\u{02E3}' => 'x',
        _ => 'i',
    }
}

/// Value of a lowercase roman numeral in canonical form (`iv`, not `iiii`), 1–3999.
pub(crate) fn roman_to_int(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let value = |c: u8| match c {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        b'd' => Some(500),
        b'm' => Some(1000),
        _ => None,
    };
    let values: Vec<i64> = s.bytes().map(value).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok()?;
    (int_to_roman(total).as_deref() == Some(s)).then_some(total)
}

/// Lowercase roman numeral of `n` (1–3999).
pub(crate) fn int_to_roman(mut n: u32) -> Option<String> {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    if n == 0 || n >= 4000 {
        return None;
    }
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    Some(out)
}

/// Collapses runs of ASCII white space into one space and trims both ends, moving the
/// markers with the text. No-break spaces are kept.
pub(crate) fn collapse_whitespace(inline: Inline) -> Inline {
    let Inline { text, mut markers } = inline;
    let mut out = String::with_capacity(text.len());
    let mut next_marker = 0;
    let mut last_space = true;
    for (i, c) in text.char_indices() {
        while next_marker < markers.len() && markers[next_marker].at <= i {
            markers[next_marker].at = out.len();
            next_marker += 1;
        }
        if c.is_ascii_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    for (i, m) in markers.iter_mut().enumerate() {
        if i >= next_marker {
            m.at = trimmed;
        }
        m.at = m.at.min(trimmed);
    }
    Inline { text: out, markers }
}

/// What [`clean_inline`] removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CleanOptions {
    /// Take footnote markers out.
    pub(crate) markers: bool,
    /// Take `*…*` / `**…**` emphasis delimiters out.
    pub(crate) emphasis: bool,
}

/// Cleans one block's text in a single left-to-right pass (linear time): removes markers and
/// paired emphasis asterisks, and collapses runs of spaces, tabs and line breaks into one
/// space. No-break spaces are kept.
///
/// Emphasis follows a simplified `CommonMark` flanking rule: a run of one or two `*` opens when
/// followed by a non-space and not preceded by a letter or digit; it closes when preceded by
/// a non-space and not followed by a letter or digit; it pairs with the nearest open run of the
/// same length. Unpaired asterisks (e.g. an author-note `Name*`) stay in the text and are
/// counted.
pub(crate) fn clean_inline(
    text: &str,
    patterns: &MarkerPatterns,
    options: CleanOptions,
) -> (Inline, InlineStats) {
    let mut stats = InlineStats::default();
    // Deletions as (start, end, Some(marker index)) for markers, None for asterisks.
    let mut deletions: Vec<(usize, usize, Option<usize>)> = Vec::new();
    let found = if options.markers {
        patterns.find(text)
    } else {
        Vec::new()
    };
    for (i, (start, end, _, _)) in found.iter().enumerate() {
        deletions.push((*start, *end, Some(i)));
    }
    if options.emphasis && text.contains('*') {
        for (start, end) in emphasis_runs(text, &mut stats) {
            deletions.push((start, end, None));
        }
        deletions.sort_unstable_by_key(|d| d.0);
    }

    let mut out = String::with_capacity(text.len());
    let mut markers = Vec::with_capacity(found.len());
    let mut pos = 0;
    let mut last_space = true;
    let copy = |segment: &str, out: &mut String, last_space: &mut bool| {
        for c in segment.chars() {
            if matches!(c, ' ' | '\t' | '\n') {
                if !*last_space {
                    out.push(' ');
                }
                *last_space = true;
            } else {
                out.push(c);
                *last_space = false;
            }
        }
    };
    for (start, end, marker) in deletions {
        copy(&text[pos..start], &mut out, &mut last_space);
        if let Some(i) = marker {
            // "and ^{iv}." reads "and." once the marker is gone.
            let closing = text[end..].chars().next().is_none_or(|c| {
                matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '”' | '’'
                )
            });
            if closing && out.ends_with(' ') {
                out.pop();
                last_space = out.is_empty();
            }
            let (_, _, written, label) = &found[i];
            markers.push(Marker {
                at: out.len(),
                written: written.clone(),
                label: label.clone(),
            });
        }
        pos = end;
    }
    copy(&text[pos..], &mut out, &mut last_space);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    for m in &mut markers {
        m.at = m.at.min(trimmed);
    }
    (Inline { text: out, markers }, stats)
}

/// Byte ranges of the paired emphasis delimiters of `text`.
fn emphasis_runs(text: &str, stats: &mut InlineStats) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'*' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == b'*' {
            i += 1;
        }
        let end = i;
        let prev = text[..start].chars().next_back();
        let next = text[end..].chars().next();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let can_open = !space(next) && !word(prev);
        let can_close = !space(prev) && !word(next);
        if end - start > 2 {
            continue;
        }
        match open {
            Some((o_start, o_end)) if can_close && o_end - o_start == end - start => {
                pairs.push((o_start, o_end));
                pairs.push((start, end));
                stats.emphasis_spans += 1;
                open = None;
            }
            _ if can_open => {
                if open.is_some() {
                    stats.unpaired_asterisks += 1;
                }
                open = Some((start, end));
            }
            _ if can_close => stats.unpaired_asterisks += 1,
            _ => {}
        }
    }
    if open.is_some() {
        stats.unpaired_asterisks += 1;
    }
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: CleanOptions = CleanOptions {
        markers: true,
        emphasis: true,
    };

    fn clean(text: &str) -> (Inline, InlineStats) {
        clean_inline(text, &MarkerPatterns::new().unwrap(), ALL)
    }

    fn labels(inline: &Inline) -> Vec<(usize, &str, &str)> {
        inline
            .markers
            .iter()
            .map(|m| (m.at, m.written.as_str(), m.label.as_str()))
            .collect()
    }

    #[test]
    fn removes_the_four_seed_encodings() {
        let (out, _) =
            clean("procedures.¹ world.”ⁱⁱ ties.ⁱⁱⁱ and^{iv} Canada^v has (IBETS)^{xiv} - simply");
        assert_eq!(
            out.text,
            "procedures. world.” ties. and Canada has (IBETS) - simply"
        );
        assert_eq!(
            labels(&out),
            vec![
                (11, "¹", "1"),
                (21, "ⁱⁱ", "ii"),
                (27, "ⁱⁱⁱ", "iii"),
                (31, "^{iv}", "iv"),
                (38, "^v", "v"),
                (50, "^{xiv}", "xiv"),
            ]
        );
    }

    #[test]
    fn bare_caret_needs_a_boundary_and_a_numeral() {
        let (out, _) = clean("Association.^x Next ^very ^q and ^{xx}.");
        assert_eq!(out.text, "Association. Next ^very ^q and.");
        assert_eq!(out.markers.len(), 2);
    }

    #[test]
    fn brackets_and_superscript_digits() {
        let (out, _) = clean(
            "border.² In 2007⁴. See [12] and [^note] but not [1](x) or 10^6 or 5 km² or [2008].",
        );
        assert_eq!(
            out.text,
            "border. In 2007. See and but not [1](x) or 10^6 or 5 km² or [2008]."
        );
        let l: Vec<_> = out.markers.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(l, ["2", "4", "12", "note"]);
    }

    #[test]
    fn roman_list_numbers_are_not_markers() {
        let (out, _) = clean("I. The first. II. The second, III.");
        assert_eq!(out.text, "I. The first. II. The second, III.");
        assert!(out.markers.is_empty());
    }

    #[test]
    fn emphasis_pairs_and_unpaired() {
        let (out, stats) = clean(
            "the *Ontario Provincial Police (OPP)*, el *Canadian Security* and *Ibid.*, p. 3 **bold**",
        );
        assert_eq!(
            out.text,
            "the Ontario Provincial Police (OPP), el Canadian Security and Ibid., p. 3 bold"
        );
        assert_eq!(
            stats,
            InlineStats {
                emphasis_spans: 4,
                unpaired_asterisks: 0
            }
        );
        let (out, stats) = clean("Athanasios Hristoulas* and 2 * 3");
        assert_eq!(out.text, "Athanasios Hristoulas* and 2 * 3");
        assert_eq!(stats.unpaired_asterisks, 1);
    }

    #[test]
    fn leading_markers() {
        let p = MarkerPatterns::new().unwrap();
        assert_eq!(p.leading("ⁱ *Ibid*"), Some((4, "ⁱ".into(), "i".into())));
        assert_eq!(
            p.leading("^{xiv} According"),
            Some((7, "^{xiv}".into(), "xiv".into()))
        );
        assert_eq!(p.leading("^v \"Border"), Some((3, "^v".into(), "v".into())));
        assert_eq!(
            p.leading("[1] Department"),
            Some((4, "[1]".into(), "1".into()))
        );
        assert_eq!(
            p.leading("[^2]: Final text"),
            Some((6, "[^2]".into(), "2".into()))
        );
        assert_eq!(p.leading("I. The enhancement"), None);
        assert_eq!(p.leading("[the U.S.]"), None);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_to_int("xiv"), Some(14));
        assert_eq!(roman_to_int("iv"), Some(4));
        assert_eq!(roman_to_int("ix"), Some(9));
        assert_eq!(roman_to_int("xix"), Some(19));
        assert_eq!(roman_to_int("mcmxcix"), Some(1999));
        assert_eq!(roman_to_int("xx"), Some(20));
        assert_eq!(roman_to_int("iiii"), None);
        assert_eq!(roman_to_int("q"), None);
        assert_eq!(int_to_roman(19).as_deref(), Some("xix"));
    }
}
