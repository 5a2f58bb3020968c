//! Formal titles of instruments: "Memorandum of Understanding between the Department of
//! Justice of the United States of America and the Fiscalía General de la República of the
//! United Mexican States on Cooperation to Combat Illicit Firearms Trafficking". The title
//! names its parties ("between A and B") and often its subject ("on …", "concerning …"),
//! the form treaty series use (UN Treaty Series, Canada Treaty Information, Treaties in
//! Force). The whole title is one agreement name; its parties are the countries named in
//! the "between" clause.

use std::sync::LazyLock;

use regex::Regex;

use super::{Cand, EntityType, Extractor, Span};
use accord_core::Rule;

/// A capitalised word, or a run of them joined by the connectors of official names.
macro_rules! title_words {
    () => {
        r"\p{Lu}[\p{L}\p{N}.'’\-]*(?:\s+(?:(?:of|de|del|la|las|los|the|for|y|et|du|des)\s+)*\p{Lu}[\p{L}\p{N}.'’\-]*)*"
    };
}

/// Head, "between", two or more parties, an optional subject.
static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?:(?:\p{Lu}[\p{L}\-]*)\s+)*?",
        r"(Memorandum of Understanding|Memorandum of Agreement|Memorandum of Cooperation|Letter of Intent|Framework Agreement|Agreement|Treaty|Convention|Protocol|Arrangement|Accord|Declaration)",
        r"\s+between\s+(?:the\s+)?",
        title_words!(),
        r"(?:(?:,\s*|\s+)(?:and\s+)?(?:the\s+)?",
        title_words!(),
        r")*",
        r"(?:\s+(?:on|concerning|regarding|relating to|for|Concerning|Regarding|on the)\s+",
        r"\p{Lu}[\p{L}\p{N}'’\-]*(?:\s+(?:(?:of|and|the|to|on|in|for|against|de|del|la)\s+)*\p{Lu}[\p{L}\p{N}'’\-]*)*",
        r")?"
    ))
    .expect("static regex")
});

impl Extractor {
    /// Formal titles in one sentence (absolute spans), with the countries of their
    /// "between" clause as parties (sorted ISO 3166-1 alpha-3); a title whose clause names
    /// fewer than two parties is no title ("Agreement between Ministries").
    pub(super) fn titled_instruments(&self, text: &str, sentence: Span) -> Vec<Cand> {
        let sent = &text[sentence.start..sentence.end];
        let mut out = Vec::new();
        // Every title holds " between ": the regex runs only where it can match.
        if !sent.contains(" between ") {
            return out;
        }
        for caps in TITLED.captures_iter(sent) {
            let (Some(all), Some(head)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            // "The Memorandum …": the article is not part of the title.
            let lead = all.as_str().len() - all.as_str().trim_start_matches("The ").len();
            let span = Span::new(
                sentence.start + all.start() + lead,
                sentence.start + all.end(),
            );
            let clause = Span::new(sentence.start + head.end(), span.end);
            let mut parties: Vec<String> = self
                .countries
                .find(text, clause)
                .into_iter()
                .map(|(_, code)| code)
                .collect();
            parties.sort();
            parties.dedup();
            if parties.len() < 2 {
                continue;
            }
            let kind = match head.as_str() {
                "Treaty" => "treaty",
                "Declaration" => "declaration",
                _ => "agreement",
            };
            let mut c = Cand::new(
                EntityType::Agreement,
                span,
                text[span.start..span.end].to_owned(),
                Rule::TitledInstrument,
            );
            c.kind = Some(kind);
            c.parties = parties;
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract_paragraph;
    use crate::Gazetteer;
    use accord_core::EntityType;
    use accord_gazetteer::CountryEntry;

    fn agreements(text: &str) -> Vec<(String, Vec<String>)> {
        let mut gazetteer = Gazetteer::default();
        for (iso3, name, alias) in [
            ("CAN", "Canada", "Government of Canada"),
            ("MEX", "Mexico", "United Mexican States"),
            ("USA", "United States", "United States of America"),
        ] {
            gazetteer.countries.push(CountryEntry {
                iso3: iso3.into(),
                name: name.into(),
                aliases: vec![alias.into()],
                demonyms: Vec::new(),
            });
        }
        extract_paragraph(&gazetteer, text)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::Agreement)
            .map(|m| (m.text, m.value.parties))
            .collect()
    }

    #[test]
    fn a_formal_title_names_its_parties_and_subject() {
        let got = agreements(
            "The Memorandum of Understanding between the Ministry of Justice of Canada and the \
             Fiscalía General de la República of the United Mexican States on Cooperation to \
             Combat Arms Smuggling was signed in 2026.",
        );
        assert_eq!(
            got,
            [(
                "Memorandum of Understanding between the Ministry of Justice of Canada and the \
                 Fiscalía General de la República of the United Mexican States on Cooperation \
                 to Combat Arms Smuggling"
                    .to_owned(),
                vec!["CAN".to_owned(), "MEX".to_owned()]
            )]
        );
    }

    #[test]
    fn a_title_ends_at_its_subject_and_needs_two_parties() {
        let got = agreements(
            "They cited the Agreement between Canada and the United States of America \
             Concerning Transboundary Aquifers, which took effect later.",
        );
        assert_eq!(
            got[0].0,
            "Agreement between Canada and the United States of America Concerning \
             Transboundary Aquifers"
        );
        // A lower-case description, or one party, is no title.
        assert!(agreements("an agreement between Canada and Mexico on trade").is_empty());
        let got = agreements("The Agreement between Ministries on Data was renewed.");
        assert!(got.iter().all(|(n, _)| !n.contains("between")), "{got:?}");
    }
}
