//! Word tokens and sentence boundaries over one block of a document.

use accord_core::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A word of the text: letters and digits with inner `.`, `'`, `’`, `-` and `&` kept
/// (`U.S.`, `Attorney's`, `Canada-US`, `E-Commerce`); a trailing period is kept only for
/// dotted abbreviations (`U.S.`, `D.F.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// Absolute byte span in the document text.
    pub(crate) span: Span,
    /// The word.
    pub(crate) text: &'a str,
}

impl Token<'_> {
    /// First character is uppercase.
    pub(crate) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Looks like an acronym: at least two uppercase letters and no more lowercase letters
    /// than a plural `s` (`NORAD`, `IBETs`, `U.S.`).
    pub(crate) fn is_acronym(&self) -> bool {
        let upper = self.text.chars().filter(|c| c.is_uppercase()).count();
        let lower = self.text.chars().filter(|c| c.is_lowercase()).count();
        upper >= 2 && (lower == 0 || (lower == 1 && self.text.ends_with('s')))
    }
}

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}]+(?:[.'’\-&][\p{L}\p{N}]+)*\.?['’]?").expect("static regex")
});
/// A word that ends in a dotted abbreviation keeps its last dot: "U.S.", and after a hyphen
/// or slash "Canada-U.S." (the dot is the abbreviation's, not the sentence's).
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[-–/])(?:\p{Lu}\.){2,}$").expect("static regex"));

/// Word tokens of `text[span]`, with absolute spans.
pub(crate) fn tokens(text: &str, span: Span) -> Vec<Token<'_>> {
    token_iter(text, span).collect()
}

/// The words of `text[span]` one by one, as [`tokens`] gives them, without holding them
/// all (a 100 MB paragraph has 20 million).
pub(crate) fn token_iter(text: &str, span: Span) -> impl Iterator<Item = Token<'_>> {
    let slice = &text[span.start..span.end];
    WORD.find_iter(slice).map(move |m| {
        let mut word = m.as_str();
        if word.ends_with('.') && !DOTTED.is_match(word) {
            word = &word[..word.len() - 1];
        }
        // "Affairs.13": a note number glued after a sentence's period is not the word's.
        if let Some(at) = footnote_ref_at(word) {
            word = &word[..at];
        }
        if word.ends_with(['\'', '’']) && !word.ends_with("s'") && !word.ends_with("s’") {
            word = &word[..word.len() - word.chars().last().map_or(0, char::len_utf8)];
        }
        let start = span.start + m.start();
        Token {
            span: Span::new(start, start + word.len()),
            text: &text[start..start + word.len()],
        }
    })
}

/// Where a note reference glued after a word and its period starts ("Affairs.13",
/// "Council.4"): the byte index of the period, when the word before it is two or more
/// letters and the reference one to three digits. `None` for decimals ("2.5") and dotted
/// abbreviations ("U.S.3" keeps its dots).
fn footnote_ref_at(word: &str) -> Option<usize> {
    let (head, digits) = word.rsplit_once('.')?;
    let ok = (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && head.chars().count() >= 2
        && head
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && head.chars().last().is_some_and(char::is_lowercase);
    ok.then_some(head.len())
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "U.S", "U.K", "U.N", "D.F", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nos", "Inc", "Ltd",
    "Co", "Corp", "Jr", "Sr", "vs", "etc", "e.g", "i.e", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gen", "Gov", "Sen", "Rep", "Hon", "P.L", "H.R",
    "Art", "Sec", "pp", "p", "Vol", "ed", "eds", "Ibid", "cf", "approx", "Fig",
];

/// Sentence spans of `text[span]`: a sentence ends at `.`, `?` or `!` (plus closing quotes
/// and brackets) followed by white space and an uppercase letter, a digit or an opening
/// quote, unless the period closes a known abbreviation or a single initial.
pub(crate) fn sentences(text: &str, span: Span) -> Vec<Span> {
    let slice = &text[span.start..span.end];
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'?' | b'!') {
            let mut end = i + 1;
            // "… Veterans Affairs.13 Whether …": a note number right after the period
            // belongs to the sentence it closes.
            if c == b'.' && slice[..i].chars().last().is_some_and(char::is_lowercase) {
                let digits = bytes[end..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if (1..=3).contains(&digits)
                    && slice[end + digits..].starts_with(char::is_whitespace)
                {
                    end += digits;
                }
            }
            while end < bytes.len() && slice[end..].starts_with(['"', '\'', ')', ']', '”', '’'])
            {
                end += slice[end..].chars().next().map_or(1, char::len_utf8);
            }
            let rest = &slice[end..];
            let trimmed = rest.trim_start();
            let gap = rest.len() - trimmed.len();
            let next_ok = trimmed
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“‘(".contains(n));
            if gap > 0 && next_ok && !(c == b'.' && is_abbreviation(&slice[start..i])) {
                out.push(Span::new(span.start + start, span.start + end));
                start = end + gap;
                i = start;
                continue;
            }
        }
        i += 1;
    }
    if start < slice.len() {
        out.push(Span::new(span.start + start, span.end));
    }
    if out.iter().any(|s| s.end - s.start > MAX_SENTENCE_BYTES) {
        out = out.into_iter().flat_map(|s| split_long(text, s)).collect();
    }
    out
}

/// Longest sentence the rules see, in bytes. Prose sentences are far shorter (a long one is
/// ~1,000 bytes); a run past this (a list of 200,000 figures, a paragraph with no sentence
/// break) is cut into pieces at white space, so that every per-sentence rule stays linear in
/// the document instead of quadratic in the run.
pub(crate) const MAX_SENTENCE_BYTES: usize = 4_096;

/// `sentence` cut into pieces of at most [`MAX_SENTENCE_BYTES`], each ending after a space
/// (or at a character boundary when a piece has none).
fn split_long(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = &text[start..cut];
        let end = match piece.rfind(char::is_whitespace) {
            Some(ws) if ws > 0 => start + ws,
            _ => cut,
        };
        out.push(Span::new(start, end));
        start = end;
        while start < sentence.end && text[start..].starts_with(char::is_whitespace) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < sentence.end {
        out.push(Span::new(start, sentence.end));
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    // "Canada-U.S. Joint …", "U.S./Mexico": the last part of a compound decides.
    if let Some((_, last)) = word
        .rsplit_once(['-', '–', '/'])
        .filter(|(_, last)| !last.is_empty() && *last != word)
    {
        return is_abbreviation(last);
    }
    ABBREVIATIONS.contains(&word) || DOTTED.is_match(&format!("{word}."))
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
        .expect("static regex")
});

/// Spans of URLs and e-mail addresses in `text` (absolute offsets); names inside them are
/// not mentions.
pub(crate) fn url_spans(text: &str) -> Vec<Span> {
    // A match holds no white space and has `@`, `http` or `www.` in it: the regex (slow on
    // non-ASCII text, for its Unicode `\b`) runs only from the white-space-separated words
    // that have one, with the text before them as context.
    let mut out: Vec<Span> = Vec::new();
    let mut at = 0;
    for word in text.split(char::is_whitespace) {
        let (start, end) = (at, at + word.len());
        at = end + text[end..].chars().next().map_or(0, char::len_utf8);
        let lower = word.as_bytes();
        let has = |pat: &[u8]| {
            lower
                .windows(pat.len())
                .any(|w| w.eq_ignore_ascii_case(pat))
        };
        if word.is_empty() || !(word.contains('@') || has(b"http") || has(b"www.")) {
            continue;
        }
        // Nothing after the word can change a match inside it (no look-ahead).
        let mut from = start;
        while let Some(m) = URL.find_at(&text[..end], from) {
            out.push(Span::new(m.start(), m.end()));
            from = m.end();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_spans_are_the_regex_matches() {
        let text = "See https://example.org/a?b=1, café www.Example.com and x.y@mail.gc.ca;\n\
                    not urls: http, www, a@b, émile@école.ca (HTTPS://X.ORG)";
        let all: Vec<Span> = URL
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect();
        assert_eq!(all.len(), 5);
        assert_eq!(url_spans(text), all);
    }

    fn words(s: &str) -> Vec<&str> {
        tokens(s, Span::new(0, s.len()))
            .iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_compounds() {
        assert_eq!(
            words("the U.S. and Canada-US border."),
            ["the", "U.S.", "and", "Canada-US", "border"]
        );
        assert_eq!(
            words("Attorney's General's office (PGR)"),
            ["Attorney's", "General's", "office", "PGR"]
        );
        assert_eq!(
            words("the Truckers' Association."),
            ["the", "Truckers'", "Association"]
        );
    }

    #[test]
    fn run_on_sentences_are_cut_at_white_space() {
        let s = "Figures \u{e9}t\u{e9} $1 million, ".repeat(1_000);
        let got = sentences(&s, Span::new(0, s.len()));
        assert!(got.len() > 1);
        assert!(got.iter().all(|x| x.end - x.start <= MAX_SENTENCE_BYTES));
        assert!(got.windows(2).all(|w| w[0].end < w[1].start));
        assert!(got.iter().all(|x| !s[x.start..x.end].starts_with(' ')));
        assert!(
            got[..got.len() - 1]
                .iter()
                .all(|x| !s[x.start..x.end].ends_with(' '))
        );
        assert_eq!((got[0].start, got.last().unwrap().end), (0, s.len()));
    }

    #[test]
    fn note_numbers_after_a_period_end_the_word_and_the_sentence() {
        let text = "a report by the Defence and Veterans Affairs.13\nWhether it opens is open. \
                    Growth was 2.5 percent in the U.S. Then it fell.";
        let words: Vec<&str> = tokens(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text)
            .collect();
        assert!(words.contains(&"Affairs"), "{words:?}");
        assert!(words.contains(&"2.5"), "{words:?}");
        let sents: Vec<&str> = sentences(text, Span::new(0, text.len()))
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            sents,
            [
                "a report by the Defence and Veterans Affairs.13",
                "Whether it opens is open.",
                "Growth was 2.5 percent in the U.S. Then it fell."
            ]
        );
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let s = "Talks with U.S. Homeland Security began. The SPP was signed in 2005. It ended.";
        let got: Vec<&str> = sentences(s, Span::new(0, s.len()))
            .iter()
            .map(|x| &s[x.start..x.end])
            .collect();
        assert_eq!(
            got,
            [
                "Talks with U.S. Homeland Security began.",
                "The SPP was signed in 2005.",
                "It ended."
            ]
        );
    }

    #[test]
    fn acronym_shapes() {
        let t = |s: &'static str| Token {
            span: Span::new(0, s.len()),
            text: s,
        };
        assert!(t("NORAD").is_acronym());
        assert!(t("IBETs").is_acronym());
        assert!(!t("Canada").is_acronym());
        assert!(!t("A").is_acronym());
    }
}
