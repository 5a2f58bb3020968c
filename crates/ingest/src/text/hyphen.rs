//! Joining two hard-wrapped lines: space, kept hyphen, or undone hyphenation.

use std::collections::HashSet;

/// The words and hyphenated compounds a document writes *mid-line*, used to decide whether a
/// line-end hyphen belongs to the word (`capacity-building`) or to the line break
/// (`inter-⏎agency`).
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Lowercase `left-right` pairs of every hyphenated token (`a-b-c` gives `a-b` and `b-c`).
    hyphenated: HashSet<String>,
    /// Lowercase words without hyphens.
    words: HashSet<String>,
}

impl Lexicon {
    /// Collects the tokens of `lines`, leaving out each line's final token when it ends in a
    /// hyphen (that hyphen is the one being decided).
    pub(crate) fn build<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut lex = Lexicon::default();
        for line in lines {
            let mut tokens = line.split_whitespace().peekable();
            while let Some(token) = tokens.next() {
                if tokens.peek().is_none() && token.ends_with('-') {
                    break;
                }
                let token = token.trim_matches(|c: char| !c.is_alphanumeric());
                if token.contains('-') {
                    let parts: Vec<&str> = token.split('-').collect();
                    for pair in parts.windows(2) {
                        if is_word(pair[0]) && is_word(pair[1]) {
                            lex.hyphenated
                                .insert(format!("{}-{}", pair[0], pair[1]).to_lowercase());
                        }
                    }
                } else if is_word(token) {
                    lex.words.insert(token.to_lowercase());
                }
            }
        }
        lex
    }
}

fn is_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

/// English first elements that make hyphenated compounds, not closed-up words, before a
/// lowercase word (`well-established`, `cross-border`, `so-called`, `three-year`); used when
/// the document itself does not settle the question.
const COMPOUND_FIRST: &[&str] = &[
    "all", "best", "cross", "eight", "ex", "far", "five", "four", "full", "half", "high", "ill",
    "large", "long", "low", "near", "nine", "one", "self", "seven", "short", "six", "small", "so",
    "ten", "three", "two", "well",
];

/// How two pieces of text meet when joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seam {
    /// One space between them.
    Space,
    /// Nothing between them; a line-end hyphen is kept (`Asia-Pacific`, `U.S.-Mexican`).
    Glue,
    /// The line-end hyphen is removed and the word closed up (`inter-agency` → `interagency`).
    Dehyphenate,
}

/// True when the seam [`seam`] chose for a hyphen-ending `before` kept the hyphen.
pub(crate) fn ends_with_word_hyphen(before: &str) -> bool {
    let b = before.trim_end();
    b.strip_suffix('-')
        .and_then(|stem| stem.chars().next_back())
        .is_some_and(|c| !c.is_whitespace() && c != '-')
}

/// Decides how `before` (ending a line) meets `after` (starting the next one).
///
/// A line-end hyphen after a letter, followed by a lowercase letter, is removed unless the
/// document writes the compound with a hyphen mid-line, the fragment before it is itself
/// part of a compound (`multi-agency-⏎led`), it is a usual first element of compounds
/// ([`COMPOUND_FIRST`]: `well-⏎established`), or it is a capitalised word the document uses
/// on its own (`Canada-⏎wide`). A closed-up word the document writes elsewhere always wins
/// (`Agen-⏎cy`). The hyphen stays, with no space, before a capital or a digit and after a
/// non-letter (`Asia-⏎Pacific`, `G-⏎20`, `U.S.-⏎Mexican`). A spaced dash (`word -`, `--`)
/// gets a space; an attached em dash or slash gets none.
pub(crate) fn seam(before: &str, after: &str, lex: &Lexicon) -> Seam {
    let b = before.trim_end();
    let Some(stem) = b.strip_suffix('-') else {
        return match b.chars().next_back() {
            Some(c @ ('—' | '/'))
                if !b[..b.len() - c.len_utf8()].ends_with(char::is_whitespace) =>
            {
                Seam::Glue
            }
            _ => Seam::Space,
        };
    };
    let Some(last) = stem.chars().next_back() else {
        return Seam::Space;
    };
    if last.is_whitespace() || last == '-' {
        return Seam::Space;
    }
    let Some(first) = after.chars().next() else {
        return Seam::Space;
    };
    // A hyphen inside a web or e-mail address belongs to it.
    let token = stem.rsplit(char::is_whitespace).next().unwrap_or(stem);
    if token.contains("://") || token.starts_with("www.") || token.contains('@') {
        return Seam::Glue;
    }
    if !last.is_alphabetic() || !first.is_lowercase() {
        return Seam::Glue;
    }
    let frag_start = stem
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let frag = &stem[frag_start..];
    let next_end = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let next = &after[..next_end];
    let compound = format!("{frag}-{next}").to_lowercase();
    if lex.hyphenated.contains(&compound) {
        return Seam::Glue;
    }
    if lex.words.contains(&format!("{frag}{next}").to_lowercase()) {
        return Seam::Dehyphenate;
    }
    if stem[..frag_start].ends_with('-') || COMPOUND_FIRST.contains(&frag.to_lowercase().as_str()) {
        return Seam::Glue;
    }
    let capitalised = frag.chars().next().is_some_and(char::is_uppercase);
    if capitalised
        && (frag.chars().all(char::is_uppercase) || lex.words.contains(&frag.to_lowercase()))
    {
        return Seam::Glue;
    }
    Seam::Dehyphenate
}

/// Joins `after` onto `out` according to `seam`.
pub(crate) fn join_into(out: &mut String, after: &str, seam: Seam) {
    match seam {
        Seam::Space => {
            if !out.is_empty() && !after.is_empty() {
                out.push(' ');
            }
        }
        Seam::Glue => {}
        Seam::Dehyphenate => {
            out.truncate(out.trim_end().len());
            out.pop();
        }
    }
    out.push_str(after);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(text: &str) -> Lexicon {
        Lexicon::build(text.lines())
    }

    #[test]
    fn undoes_line_end_hyphenation() {
        let l = lex("a federal pro-\ngramme and inter-\nagency work");
        assert_eq!(seam("federal pro-", "gramme", &l), Seam::Dehyphenate);
        assert_eq!(seam("and inter-", "agency work", &l), Seam::Dehyphenate);
        assert_eq!(seam("continental de-", "fence is", &l), Seam::Dehyphenate);
        assert_eq!(seam("was well-", "established", &l), Seam::Glue);
        assert_eq!(seam("the so-", "called plan", &l), Seam::Glue);
    }

    #[test]
    fn keeps_compounds_the_document_writes_elsewhere() {
        let l = lex("modest capacity-building programmes\nmore capacity-\nbuilding");
        assert_eq!(seam("more capacity-", "building", &l), Seam::Glue);
        let l = lex("more capacity-\nbuilding");
        assert_eq!(seam("more capacity-", "building", &l), Seam::Dehyphenate);
    }

    #[test]
    fn closed_up_word_elsewhere_wins_for_capitalised_fragments() {
        let l =
            lex("the Canada Border Services Agency Act\nServices Agen-\ncy (CBSA)\nCanada-\nwide");
        assert_eq!(seam("Services Agen-", "cy (CBSA)", &l), Seam::Dehyphenate);
        assert_eq!(seam("Security Intel-", "ligence", &l), Seam::Dehyphenate);
        assert_eq!(seam("a Canada-", "wide scheme", &l), Seam::Glue);
    }

    #[test]
    fn keeps_hyphen_before_capitals_digits_and_after_abbreviations() {
        let l = Lexicon::default();
        assert_eq!(seam("the Asia-", "Pacific", &l), Seam::Glue);
        assert_eq!(seam("the G-", "20 summit", &l), Seam::Glue);
        assert_eq!(seam("across the U.S.-", "Mexican frontier", &l), Seam::Glue);
        assert_eq!(seam("a multi-agency-", "led team", &l), Seam::Glue);
        assert_eq!(seam("NAFTA-", "related", &l), Seam::Glue);
        assert_eq!(seam("<http://www.dfait-", "maeci.gc.ca/>", &l), Seam::Glue);
    }

    #[test]
    fn dashes_and_plain_breaks() {
        let l = Lexicon::default();
        assert_eq!(seam("security -", "one that", &l), Seam::Space);
        assert_eq!(seam("achievements--", "the world", &l), Seam::Space);
        assert_eq!(seam("the end", "of it", &l), Seam::Space);
        assert_eq!(seam("http://example.org/", "page", &l), Seam::Glue);
        assert_eq!(seam("security—", "and more", &l), Seam::Glue);
        assert_eq!(seam("security —", "and more", &l), Seam::Space);
        let mut out = "inter-".to_owned();
        join_into(&mut out, "agency", Seam::Dehyphenate);
        assert_eq!(out, "interagency");
    }
}
