//! Instruments named by their kind and subject, or by their kind and number, rather than by
//! a capitalised title (CODING.md, "Agreements": named instruments between governments):
//!
//! - **described**: a definite memorandum or letter with a lower-case subject, "the existing
//!   Memorandum of Understanding (MOU) on the reliability of the regional power grid
//!   between …". The name is the head and its "on …" subject, up to the parties clause, a
//!   verb or the end of the clause; an acronym in parentheses after the head is its
//!   acronym. An indefinite one ("an MOU on energy security") is an unnamed instrument
//!   (CODING.md, optional) and is left out;
//! - **numbered**: "Minute 328" (the binding decisions of a boundary commission), "Executive
//!   Order 13224", "Resolution 2482": a capitalised instrument noun and its number.

use std::sync::LazyLock;

use regex::Regex;

use super::{Cand, EntityType, Span};
use accord_core::Rule;

/// A definite determiner, the instrument head, an optional "(ACR)", the subject
/// preposition.
static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:(?:existing|new|updated|revised|renewed|current|bilateral|trilateral|joint|signed|\d{4})\s+)*(Memorandum\s+of\s+(?:Understanding|Agreement|Cooperation)|Letter\s+of\s+Intent)(?:\s*\(([A-Z][A-Za-z]{1,7})\))?\s+(?:on|concerning|regarding)\s+",
    )
    .expect("static regex")
});

/// Words that end a described subject: the parties clause, relative pronouns, infinitives,
/// the verbs that follow a subject, and a conjunction not followed by a lower-case word.
const SUBJECT_STOPS: &[&str] = &[
    "between", "with", "by", "to", "that", "which", "who", "signed", "was", "were", "is", "are",
    "will", "would", "has", "have", "had", "can", "could", "may", "shall", "should", "and", "or",
    "in", "at", "from", "as", "since", "until", "through", "under", "within",
];

/// Most words of a described subject.
const MAX_SUBJECT_WORDS: usize = 14;

/// A numbered instrument and the kind its noun implies.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(Minute|Executive\s+Order|Resolution)\s+(?:No\.\s*)?\d{1,5}(?:/\d{1,4})?\b")
        .expect("static regex")
});

/// Described and numbered instruments of one sentence (see the module documentation), as
/// agreement candidates with byte spans into `text`.
pub(super) fn instruments(text: &str, sentence: Span) -> Vec<Cand> {
    let sent = &text[sentence.start..sentence.end];
    let mut out = Vec::new();
    // The regexes run only where their instrument nouns occur.
    if sent.contains("Memorandum") || sent.contains("Letter of") {
        for caps in DESCRIBED.captures_iter(sent) {
            let (Some(all), Some(head)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let Some(end) = subject_end(sent, all.end()) else {
                continue;
            };
            let span = Span::new(sentence.start + head.start(), sentence.start + end);
            let subject = &sent[all.end()..end];
            let preposition = sent[..all.end()]
                .trim_end()
                .rsplit(' ')
                .next()
                .unwrap_or("on");
            let name = format!(
                "{} {preposition} {subject}",
                head.as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let mut c = Cand::new(EntityType::Agreement, span, name, Rule::DescribedInstrument);
            c.kind = Some("agreement");
            c.acronym = caps.get(2).map(|a| a.as_str().to_owned());
            out.push(c);
        }
    }
    let numbered = sent.contains("Minute") || sent.contains("Order") || sent.contains("Resolution");
    for m in NUMBERED.find_iter(sent).filter(|_| numbered) {
        let span = Span::new(sentence.start + m.start(), sentence.start + m.end());
        let name = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        let kind = if name.starts_with("Minute") {
            "agreement"
        } else if name.starts_with("Executive") {
            "policy_statement"
        } else {
            "other"
        };
        let mut c = Cand::new(EntityType::Agreement, span, name, Rule::NumberedInstrument);
        c.kind = Some(kind);
        out.push(c);
    }
    out
}

/// Where the lower-case subject that starts at byte `from` of `sent` ends: the end of its
/// last word before a stop word, a punctuation mark or [`MAX_SUBJECT_WORDS`]; `None` when
/// it has no word, or does not open with a lower-case word or "the".
fn subject_end(sent: &str, from: usize) -> Option<usize> {
    let words: Vec<&str> = sent[from..].split(' ').take(MAX_SUBJECT_WORDS).collect();
    let mut end = None;
    let mut at = from;
    for (n, word) in words.iter().enumerate() {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')', '”', '"']);
        let lower = bare.to_lowercase();
        if n == 0 && !bare.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        // "reliability and security": a conjunction joins two lower-case nouns.
        let joins = matches!(lower.as_str(), "and" | "or")
            && bare.len() == word.len()
            && words
                .get(n + 1)
                .is_some_and(|next| next.starts_with(|c: char| c.is_lowercase()));
        if !joins
            && (bare.is_empty()
                || SUBJECT_STOPS.contains(&lower.as_str())
                || !bare
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\'')))
        {
            break;
        }
        if !joins {
            end = Some(at + bare.len());
        }
        if bare.len() != word.len() {
            break;
        }
        at += word.len() + 1;
    }
    end.filter(|&e| e > from)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract_paragraph;
    use accord_core::{EntityType, Rule};

    fn instruments(text: &str) -> Vec<(String, Option<String>)> {
        extract_paragraph(&accord_gazetteer::Gazetteer::default(), text)
            .into_iter()
            .filter(|m| {
                m.entity_type == EntityType::Agreement
                    && matches!(m.rule, Rule::DescribedInstrument | Rule::NumberedInstrument)
            })
            .map(|m| (m.value.name, m.value.acronym))
            .collect()
    }

    #[test]
    fn a_definite_memorandum_is_named_by_its_subject() {
        assert_eq!(
            instruments(
                "They agreed to renew the existing Memorandum of Understanding (MOU) on the safety and security of the Andean power grid between the two ministries."
            ),
            [(
                "Memorandum of Understanding on the safety and security of the Andean power grid"
                    .to_owned(),
                Some("MOU".to_owned())
            )]
        );
        assert_eq!(
            instruments("The Letter of Intent on coastal research, signed in May, expired."),
            [("Letter of Intent on coastal research".to_owned(), None)]
        );
    }

    #[test]
    fn an_indefinite_or_capitalised_subject_is_not_described() {
        assert!(instruments("They signed a Memorandum of Understanding on wetlands.").is_empty());
        assert!(instruments("The Memorandum of Understanding on Wetlands was signed.").is_empty());
    }

    #[test]
    fn numbered_instruments() {
        assert_eq!(
            instruments(
                "Minute 328, signed in 2022, covers sanitation. Executive Order 13224 froze assets."
            ),
            [
                ("Minute 328".to_owned(), None),
                ("Executive Order 13224".to_owned(), None)
            ]
        );
        let signed: Vec<Option<String>> = extract_paragraph(
            &accord_gazetteer::Gazetteer::default(),
            "Minute 328, signed in July 2022, covers sanitation.",
        )
        .into_iter()
        .filter(|m| m.rule == Rule::NumberedInstrument)
        .map(|m| m.value.signed)
        .collect();
        assert_eq!(signed, [Some("2022-07".to_owned())]);
        // A lower-case "minute" is a unit of time.
        assert!(instruments("It took one minute 30 seconds.").is_empty());
    }
}
