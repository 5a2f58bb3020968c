//! Tokens of a money expression: numbers, words and single punctuation characters, each
//! with its byte span, and the sentence layout over them.

use crate::numbers::is_group_space;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// ASCII digits with internal separators ("1,295.5", "1.2.3").
    Num,
    /// Letters, with internal hyphens and apostrophes ("twenty-five", "three-year").
    Word,
    /// Any other single character ("$", "%", "–", "²").
    Punct,
}

#[derive(Debug)]
pub(super) struct Tok<'a> {
    pub(super) kind: Kind,
    pub(super) text: &'a str,
    pub(super) lower: String,
    /// Byte offset of the first byte.
    pub(super) start: usize,
    /// Byte offset one past the last byte.
    pub(super) end: usize,
    /// Whitespace separates this token from the previous one.
    pub(super) spaced: bool,
}

impl Tok<'_> {
    pub(super) fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }
}

pub(super) fn tokenize(text: &str) -> Vec<Tok<'_>> {
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
pub(super) struct Layout {
    pub(super) sentence: Vec<usize>,
    /// `position[i]` is the weighted length of `toks[..i]`; one entry more than tokens.
    pub(super) position: Vec<usize>,
}

impl Layout {
    pub(super) fn new(toks: &[Tok<'_>]) -> Self {
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
    pub(super) fn gap(&self, from: usize, to: usize) -> usize {
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
pub(super) fn words_at(toks: &[Tok<'_>], i: usize, words: &[&str]) -> bool {
    toks.get(i..i + words.len())
        .is_some_and(|slice| slice.iter().zip(words).all(|(t, w)| t.is(w)))
}

pub(super) fn lower_at<'t>(toks: &'t [Tok<'_>], i: usize) -> Option<&'t str> {
    toks.get(i).map(|t| t.lower.as_str())
}

/// A four-digit year between 1900 and 2099, written without separators.
pub(super) fn year_of(tok: &Tok<'_>) -> Option<i32> {
    if tok.kind != Kind::Num || tok.text.len() != 4 {
        return None;
    }
    let year: i32 = tok.text.parse().ok()?;
    (1900..=2099).contains(&year).then_some(year)
}

pub(super) fn is_dash(tok: &Tok<'_>) -> bool {
    matches!(tok.text, "-" | "–" | "—" | "‒" | "‑")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_texts(text: &str) -> Vec<(Kind, &str)> {
        tokenize(text).iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn numbers_keep_their_separators_and_words_their_joiners() {
        assert_eq!(
            kinds_and_texts("US$1,295.5 twenty-five"),
            vec![
                (Kind::Word, "US"),
                (Kind::Punct, "$"),
                (Kind::Num, "1,295.5"),
                (Kind::Word, "twenty-five"),
            ]
        );
        // A separator not followed by a digit ends the number: "billion.3" is a footnote mark.
        assert_eq!(
            kinds_and_texts("5. 3,"),
            vec![
                (Kind::Num, "5"),
                (Kind::Punct, "."),
                (Kind::Num, "3"),
                (Kind::Punct, ",")
            ]
        );
        // No-break spaces group digits; an ordinary space does not.
        assert_eq!(kinds_and_texts("1\u{a0}400 000").len(), 2);
    }

    #[test]
    fn spans_are_byte_offsets_and_spacing_is_recorded() {
        let text = "€5 millones";
        let toks = tokenize(text);
        assert_eq!(
            (toks[0].start, toks[0].end),
            (0, 3),
            "the euro sign is three bytes"
        );
        assert_eq!(&text[toks[2].start..toks[2].end], "millones");
        assert!(!toks[1].spaced);
        assert!(toks[2].spaced);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let toks = tokenize("The U.S. Congress met. Then it voted.");
        let layout = Layout::new(&toks);
        let sentence_of = |word: &str| {
            let i = toks.iter().position(|t| t.text == word).unwrap();
            layout.sentence[i]
        };
        assert_eq!(sentence_of("The"), sentence_of("Congress"));
        assert_ne!(sentence_of("Congress"), sentence_of("Then"));
        // A comma weighs three words.
        let comma = tokenize("a , b");
        assert_eq!(Layout::new(&comma).gap(0, 3), 5);
    }

    #[test]
    fn years_are_four_plain_digits_in_range() {
        let year = |text: &str| year_of(&tokenize(text)[0]);
        assert_eq!(year("2008"), Some(2008));
        assert_eq!(year("1850"), None);
        assert_eq!(year("2,008"), None);
        assert_eq!(year("20081"), None);
    }
}
