//! Rejoining paragraphs split by page breaks.
//!
//! A page break in a text export shows up as a blank line inside a sentence. A paragraph is
//! glued to the one before it when the one before does not end a sentence and the new one
//! continues it:
//!
//! - the earlier one ends in a word hyphen (`U.S.-` ⏎⏎ `Mexican`, joined without a space);
//! - or it ends without sentence punctuation (`.?!:"”’)`) and the next starts in lower case,
//!   or the earlier one ends in a comma, semicolon, dash or connective word (`of the`,
//!   `testifying as`), or a capitalised name runs on (`Communications Security` ⏎⏎
//!   `Establishment`), or the earlier one is running prose of eight words or more;
//! - or it ends in an initialism used as an adjective (`… and U.S.` ⏎⏎ `Commerce
//!   Undersecretary …`): no article before it, and the next paragraph opens with two
//!   capitalised words that are not a usual sentence opening.
//!
//! Only body paragraphs, list items and footnotes take a continuation, and only a plain
//! paragraph can be one: headings, captions, list starts, note starts, tables and front matter
//! never join. Page headers, footers and page numbers between the two halves are stepped over
//! and end up after the joined paragraph.

use super::hyphen::{Seam, ends_with_word_hyphen, join_into, seam};
use super::{Ctx, Kind, Unit};
use crate::inline::{CleanOptions, clean_inline};

/// Words after which a sentence cannot end.
const CONNECTIVES: &[&str] = &[
    "a", "about", "across", "after", "against", "along", "among", "an", "and", "are", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "during", "either", "for", "from", "had", "has", "have", "her", "his", "if", "in", "into",
    "is", "its", "may", "might", "more", "most", "must", "neither", "nor", "not", "of", "on",
    "onto", "or", "our", "over", "per", "shall", "should", "since", "so", "such", "than", "that",
    "the", "their", "these", "this", "those", "though", "through", "to", "toward", "towards",
    "under", "unless", "until", "upon", "very", "via", "was", "were", "when", "where", "whether",
    "which", "while", "who", "whom", "whose", "will", "with", "within", "without", "would",
];

/// Words before an initialism that make it a noun (`with the U.S.`), so the sentence may end.
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those",
    "your",
];

/// Usual first words of a sentence; a paragraph starting with one of them after `U.S.` is a
/// new sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "By",
    "Each",
    "Finally",
    "First",
    "For",
    "From",
    "Furthermore",
    "He",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Moreover",
    "Most",
    "On",
    "One",
    "Other",
    "Second",
    "She",
    "Since",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "Third",
    "This",
    "Those",
    "Thus",
    "To",
    "Under",
    "We",
    "When",
    "While",
    "With",
    "Yet",
];

/// Glues paragraphs split by page breaks onto the unit they continue.
///
/// Paged units (PDF) know where the page breaks are: only the first paragraph of a page can
/// continue the last paragraph, list item or footnote of an earlier page, and footnotes at
/// the foot of the page are stepped over like page furniture (they end up after the joined
/// paragraph).
pub(crate) fn rejoin(units: Vec<Unit>, ctx: &mut Ctx<'_>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    // Everything after `out[last_content]` is page furniture (or, on paged input, notes).
    let mut last_content: Option<usize> = None;
    // On paged input: the page of the last body unit seen.
    let mut body_page: Option<u32> = None;
    for unit in units {
        let paged = unit.page.is_some();
        let page_break = paged && unit.page != body_page;
        let continued = match last_content {
            Some(j) if unit.kind == Kind::Paragraph && (!paged || page_break) => {
                decide(&out[j], &unit, ctx).map(|how| (j, how))
            }
            _ => None,
        };
        let steps_over = unit.kind == Kind::PageFurniture || (paged && unit.kind == Kind::Footnote);
        if paged && !steps_over {
            body_page = unit.page;
        }
        if let Some((j, how)) = continued {
            match how {
                Seam::Dehyphenate => ctx.repairs.dehyphenated += 1,
                Seam::Glue => ctx.repairs.kept_hyphens += 1,
                Seam::Space => {}
            }
            ctx.repairs.rejoined += 1;
            join_into(&mut out[j].text, &unit.text, how);
            continue;
        }
        if !steps_over {
            last_content = Some(out.len());
        }
        out.push(unit);
    }
    out
}

/// How `next` joins `prev`, or `None` when it starts a paragraph of its own.
fn decide(prev: &Unit, next: &Unit, ctx: &Ctx<'_>) -> Option<Seam> {
    if !matches!(prev.kind, Kind::Paragraph | Kind::ListItem | Kind::Footnote) {
        return None;
    }
    // A memorandum's header field ("FROM: …") neither continues nor is continued.
    if [prev, next]
        .iter()
        .any(|u| ctx.pats.memo_field.is_match(u.text.trim_start()))
    {
        return None;
    }
    let tail = tail(&prev.text, ctx);
    let head = head(&next.text, ctx);
    if ends_with_word_hyphen(&tail) {
        return Some(seam(&tail, &head, &ctx.lexicon));
    }
    if !is_unterminated(&tail) {
        return abbreviation_runs_on(&tail, &head).then_some(Seam::Space);
    }
    let first = head
        .trim_start_matches(['"', '“', '‘', '\'', '('])
        .chars()
        .next()?;
    let last = tail.chars().next_back()?;
    let last_word = tail
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let continues = first.is_lowercase()
        || matches!(
            last,
            ',' | ';' | '&' | '-' | '–' | '—' | '(' | '/' | '“' | '‘'
        )
        || CONNECTIVES.contains(&last_word.to_lowercase().as_str())
        || (starts_upper(last_word) && first.is_uppercase())
        || tail.split_whitespace().count() >= 8;
    continues.then_some(Seam::Space)
}

/// True when the end of `tail` (already cleaned) is not the end of a sentence.
pub(crate) fn is_unterminated(tail: &str) -> bool {
    let Some(last) = tail.chars().next_back() else {
        return false;
    };
    match last {
        '.' | '?' | '!' | ':' | '”' | '’' | ')' => false,
        // A straight quote after a space opens a quotation.
        '"' => tail[..tail.len() - 1].ends_with(char::is_whitespace),
        _ => true,
    }
}

/// `… met the U.S.` ⏎⏎ `Border Czar …`.
fn abbreviation_runs_on(tail: &str, head: &str) -> bool {
    let mut words = tail.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let initialism = last.len() >= 4
        && last
            .as_bytes()
            .chunks(2)
            .all(|p| p.len() == 2 && p[0].is_ascii_uppercase() && p[1] == b'.');
    if !initialism {
        return false;
    }
    if words
        .next()
        .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    let mut next_words = head.split_whitespace();
    let (Some(w1), Some(w2)) = (next_words.next(), next_words.next()) else {
        return false;
    };
    starts_upper(w1) && starts_upper(w2) && !SENTENCE_OPENERS.contains(&w1)
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

const WINDOW: usize = 400;

/// The cleaned end of `text` (markers and emphasis asterisks off), looking at most
/// [`WINDOW`] bytes back so that repeated joins stay linear.
pub(super) fn tail(text: &str, ctx: &Ctx<'_>) -> String {
    let mut start = text.len().saturating_sub(WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let options = CleanOptions {
        markers: true,
        emphasis: false,
    };
    let (clean, _) = clean_inline(&text[start..], ctx.markers, options);
    clean
        .text
        .trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == '_')
        .to_owned()
}

/// The cleaned start of `text`, at most [`WINDOW`] bytes.
pub(super) fn head(text: &str, ctx: &Ctx<'_>) -> String {
    let mut end = text.len().min(WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let options = CleanOptions {
        markers: true,
        emphasis: false,
    };
    let (clean, _) = clean_inline(&text[..end], ctx.markers, options);
    clean
        .text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '_')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inline::MarkerPatterns;
    use crate::repairs::Repairs;
    use crate::text::TextPatterns;
    use crate::text::hyphen::Lexicon;

    fn check(prev: &str, next: &str) -> Option<Seam> {
        let markers = MarkerPatterns::new().unwrap();
        let pats = TextPatterns::new().unwrap();
        let mut repairs = Repairs::default();
        let ctx = Ctx {
            pats: &pats,
            markers: &markers,
            lexicon: Lexicon::default(),
            repairs: &mut repairs,
        };
        let unit = |kind, text: &str| Unit::new(kind, text.to_owned());
        decide(
            &unit(Kind::Paragraph, prev),
            &unit(Kind::Paragraph, next),
            &ctx,
        )
    }

    #[test]
    fn joins_page_break_cases() {
        assert_eq!(
            check("argued \"the keystone of that", "alliance is the"),
            Some(Seam::Space)
        );
        assert_eq!(
            check("Margaret Osei, testifying as", "Deputy Trade commissioner"),
            Some(Seam::Space)
        );
        assert_eq!(
            check("to align inspection,", "regulatory and perhaps"),
            Some(Seam::Space)
        );
        assert_eq!(
            check("Certain stretches of the", "Canada-US frontier"),
            Some(Seam::Space)
        );
        assert_eq!(
            check(
                "the CRA, *Employment & Social Development Canada (ESDC)*, el *Communications Security*",
                "Establishment (CSE) and"
            ),
            Some(Seam::Space)
        );
        assert_eq!(
            check("runs south of the U.S.-", "Mexican frontier"),
            Some(Seam::Glue)
        );
        assert_eq!(
            check(
                "a meeting of Canadian Trade Envoy Marchetti and U.S.",
                "Commerce Undersecretary Dana Kowal would cover"
            ),
            Some(Seam::Space)
        );
    }

    #[test]
    fn keeps_sentence_ends_apart() {
        assert_eq!(
            check(
                "the eventual alignment of tariff schedules.¹",
                "Ottawa, for its part"
            ),
            None
        );
        assert_eq!(
            check("obligations.”^{viii}", "Betraying a preference"),
            None
        );
        assert_eq!(
            check("to bargain with the U.S.", "Treasury Deputy Secretary"),
            None
        );
        assert_eq!(
            check(
                "cooperation with Mexico and U.S.",
                "The Canadian government"
            ),
            None
        );
        assert_eq!(check("three elements:", "relevant"), None);
        assert_eq!(check("Short label", "Another Line"), None);
    }

    #[test]
    fn long_prose_without_final_punctuation_continues() {
        assert_eq!(
            check(
                "Analysts reckon that roughly 250 thousand workers depend on the cross-border freight sector",
                "Earnings exceed"
            ),
            Some(Seam::Space)
        );
    }
}
