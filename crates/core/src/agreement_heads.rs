//! Head nouns of agreement names and the [`AgreementKind`] each implies: the vocabulary that
//! the extract stage uses to find agreement names and the normalize stage uses to type them.

use crate::AgreementKind;

/// Capitalised head nouns of agreement names, in English and Spanish, with the kind each
/// implies (the kinds of `eval/CODING.md`: a protocol, convention or memorandum of
/// understanding is an agreement; a roadmap is a plan; a strategy or framework is a policy
/// statement, though a framework between two or more states is an agreement: see
/// [`AgreementKind::with_parties`]).
pub const AGREEMENT_HEAD_NOUNS: &[(&str, AgreementKind)] = &[
    ("Agreement", AgreementKind::Agreement),
    ("Agreements", AgreementKind::Agreement),
    ("Accord", AgreementKind::Agreement),
    ("Accords", AgreementKind::Agreement),
    ("Treaty", AgreementKind::Treaty),
    ("Declaration", AgreementKind::Declaration),
    ("Initiative", AgreementKind::Initiative),
    ("Partnership", AgreementKind::Partnership),
    ("Plan", AgreementKind::Plan),
    ("Roadmap", AgreementKind::Plan),
    ("Program", AgreementKind::Program),
    ("Programme", AgreementKind::Program),
    ("Protocol", AgreementKind::Agreement),
    ("Convention", AgreementKind::Agreement),
    ("Strategy", AgreementKind::PolicyStatement),
    ("Framework", AgreementKind::PolicyStatement),
    ("Statement", AgreementKind::PolicyStatement),
    ("Pact", AgreementKind::Agreement),
    ("Arrangement", AgreementKind::Agreement),
    ("Understanding", AgreementKind::Agreement),
    ("Compact", AgreementKind::Agreement),
    ("Acuerdo", AgreementKind::Agreement),
    ("Tratado", AgreementKind::Treaty),
    ("Iniciativa", AgreementKind::Initiative),
    ("Alianza", AgreementKind::Partnership),
];

impl AgreementKind {
    /// The kind a capitalised head noun implies ("Accord" → agreement), case-sensitive.
    pub fn of_head_noun(word: &str) -> Option<Self> {
        AGREEMENT_HEAD_NOUNS
            .iter()
            .find(|(head, _)| *head == word)
            .map(|(_, kind)| *kind)
    }

    /// The kind an agreement's name implies by its head noun, or a final lower-case "treaty"
    /// ("the NORAD treaty" → treaty). The head is the last capitalised head word before the
    /// name's first preposition, as English puts complements after the head ("Strategic
    /// Partnership of the Pacific" → partnership, "Roadmap for a Renewed Partnership" →
    /// plan); when no head word stands before it, the first one after it ("Memorandum of
    /// Understanding on Energy" → agreement). With `last_word_only`, only the final word
    /// counts (the evidence of one mention in running text). Words are split at white space
    /// and stripped of surrounding punctuation.
    pub fn of_name(name: &str, last_word_only: bool) -> Option<Self> {
        let words: Vec<&str> = name
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        let last = *words.last()?;
        if matches!(last, "treaty" | "treaties") {
            return Some(AgreementKind::Treaty);
        }
        if last_word_only {
            return Self::of_head_noun(last);
        }
        let complement = words
            .iter()
            .position(|w| PREPOSITIONS.contains(w))
            .unwrap_or(words.len());
        words[..complement]
            .iter()
            .rev()
            .find_map(|w| Self::of_head_noun(w))
            .or_else(|| {
                words[complement..]
                    .iter()
                    .find_map(|w| Self::of_head_noun(w))
            })
    }
}

/// Prepositions that open the complement of a name ("… for a Renewed Partnership").
const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "on",
    "to",
    "concerning",
    "between",
    "against",
    "among",
    "with",
    "regarding",
    "in",
    "de",
    "del",
    "para",
    "sobre",
    "contra",
];

impl AgreementKind {
    /// The kind once the parties are known: a framework (a policy statement by its head
    /// noun) that binds two or more states is an agreement between them ("U.S.-Peru
    /// Counternarcotics Cooperation Framework"); every other kind stays.
    #[must_use]
    pub fn with_parties(self, name: &str, parties: usize) -> Self {
        let framework = name
            .split_whitespace()
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "Framework");
        if self == AgreementKind::PolicyStatement && framework && parties >= 2 {
            AgreementKind::Agreement
        } else {
            self
        }
    }
}

/// Words that describe an instrument without naming which one: with the head nouns they
/// make generic names ("the Action Plan", "the Joint Declaration", "the Memorandum of
/// Understanding").
const GENERIC_MODIFIERS: &[&str] = &[
    "action",
    "joint",
    "work",
    "implementation",
    "cooperation",
    "strategic",
    "bilateral",
    "trilateral",
    "interim",
    "comprehensive",
    "master",
    "final",
    "new",
    "common",
    "memorandum",
    "of",
    "on",
    "the",
];

/// Whether an agreement name is generic: a head noun with only generic modifiers, such as
/// "Action Plan" or "Memorandum of Understanding", which refers to the instrument its
/// document names in full, not to one instrument across a corpus. Case-insensitive; words
/// are split at white space and stripped of surrounding punctuation.
pub fn is_generic_agreement_name(name: &str) -> bool {
    let mut heads = 0;
    for word in name.split_whitespace() {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if AGREEMENT_HEAD_NOUNS
            .iter()
            .any(|(head, _)| head.to_lowercase() == word)
        {
            heads += 1;
        } else if !GENERIC_MODIFIERS.contains(&word.as_str()) {
            return false;
        }
    }
    heads > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_head_noun_gives_the_kind() {
        assert_eq!(
            AgreementKind::of_name("Strategic Partnership of the Pacific", false),
            Some(AgreementKind::Partnership)
        );
        assert_eq!(
            AgreementKind::of_name("Joint Action Plan on Fisheries Strategy", false),
            Some(AgreementKind::Plan)
        );
        assert_eq!(
            AgreementKind::of_name("Roadmap for a Renewed Coastal Partnership", false),
            Some(AgreementKind::Plan)
        );
        assert_eq!(
            AgreementKind::of_name("Memorandum of Understanding on Energy Partnership", false),
            Some(AgreementKind::Agreement)
        );
        assert_eq!(
            AgreementKind::of_name("Coastal Security and Prosperity Partnership", false),
            Some(AgreementKind::Partnership)
        );
        assert_eq!(
            AgreementKind::of_name("Acuerdo de Cooperación Aduanera", false),
            Some(AgreementKind::Agreement)
        );
    }

    #[test]
    fn a_framework_between_states_is_an_agreement() {
        let ps = AgreementKind::PolicyStatement;
        assert_eq!(
            ps.with_parties("Chile-Peru Water Framework", 2),
            AgreementKind::Agreement
        );
        assert_eq!(ps.with_parties("Chile's Water Framework", 1), ps);
        assert_eq!(ps.with_parties("National Water Strategy", 2), ps);
        assert_eq!(
            AgreementKind::of_name("Andean Rivers Roadmap", false),
            Some(AgreementKind::Plan)
        );
    }

    #[test]
    fn generic_names_have_only_heads_and_generic_modifiers() {
        for name in [
            "Action Plan",
            "the Joint Declaration",
            "Memorandum of Understanding",
            "Framework Agreement",
        ] {
            assert!(is_generic_agreement_name(name), "{name}");
        }
        for name in [
            "Coastal Waters Action Plan",
            "Merida Initiative",
            "Joint",
            "NEXUS",
            "",
        ] {
            assert!(!is_generic_agreement_name(name), "{name}");
        }
    }

    #[test]
    fn last_word_only_ignores_earlier_heads() {
        assert_eq!(
            AgreementKind::of_name("Strategic Partnership of the Pacific", true),
            None
        );
        assert_eq!(
            AgreementKind::of_name("the Coastal Waters Accord,", true),
            Some(AgreementKind::Agreement)
        );
    }

    #[test]
    fn a_final_lower_case_treaty_is_a_treaty() {
        assert_eq!(
            AgreementKind::of_name("the river boundary treaty", true),
            Some(AgreementKind::Treaty)
        );
        assert_eq!(AgreementKind::of_name("the annual meeting", false), None);
        assert_eq!(AgreementKind::of_name("", false), None);
    }
}
