//! The parties of an agreement the gazetteer does not know (CODING.md, "Agreements":
//! "the countries the text or the name makes parties"; `[]` when they are not stated).
//!
//! In order:
//!
//! 1. a list of countries after "signed by", "concluded by", "ratified by", "between" or
//!    "among" ("signed by Chile, Peru and Bolivia");
//! 2. every country of a sentence that says "between", "bilateral" (two) or "trilateral"
//!    (three);
//! 3. "the two countries", "both governments", "the three nations": the two (three)
//!    countries the document names most, when they lead the others clearly;
//! 4. a program, which one country runs, named with its country or an organisation of it
//!    ("Chile's Coastal Grants Program", "the Agency for Chilean Ports' Program");
//! 5. the two countries a document is about (each named at least twice as often as any
//!    third), for an instrument whose name marks no many-state body (no convention, region,
//!    "International", "Regional", international organisation).

use super::{Cand, Extractor};
use crate::countries::CountryScan;
use accord_core::{Document, Span};
use regex::Regex;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Words after which a list of countries is the parties.
static PARTY_LIST_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:signed|concluded|ratified|adopted|agreed|launched|founded|established|created)\s+(?:in\s+\d{4}\s+)?by\s+(?:the\s+)?|\b(?:between|among)\s+(?:the\s+)?")
        .expect("static regex")
});

/// Right after a list of countries that is the subject: a verb of concluding. "Chile, Peru
/// and Bolivia agreed in 2016 on the …", "Ghana and Togo have signed the …".
static SUBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:have\s+|had\s+|jointly\s+)?(?:agreed|signed|concluded|launched|adopted|established|founded|set\s+up)\b")
        .expect("static regex")
});

/// "the two countries", "both governments", "our three nations" (a bare "the countries"
/// counts no parties).
static COLLECTIVE_PARTIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:the|our|both|all)\s+(?:(two|three)\s+)?(?:countries|governments|nations|states)\b",
    )
    .expect("static regex")
});

/// How far the two (three) leading countries of a document must lead the next one: at least
/// this many times as many mentions.
const LEAD: usize = 2;

impl Extractor {
    /// The parties the text states for the agreement candidate `c` in `sentence` (see the
    /// module documentation), sorted ISO 3166-1 alpha-3 codes; empty when it states none.
    pub(super) fn stated_parties(
        &self,
        document: &Document,
        country_hits: &[OnceCell<Vec<(Span, String)>>],
        scan: &CountryScan<'_>,
        c: &Cand,
        sentence: Option<Span>,
    ) -> Vec<String> {
        let text = &document.text;
        if let Some(s) = sentence {
            let sent = &text[s.start..s.end];
            let listing = PARTY_LIST_CUE.is_match(sent) || SUBJECT_CUE.is_match(sent);
            let naming = names_parties(sent);
            // One country scan of the sentence, and only where a cue needs it.
            if listing || naming {
                let hits = self.countries.find(text, s);
                let listed = if listing {
                    listed_parties(text, s, &hits)
                } else {
                    Vec::new()
                };
                let listed = if listed.is_empty() {
                    subject_parties(text, &hits, c.span.start)
                } else {
                    listed
                };
                if !listed.is_empty() {
                    return listed;
                }
                let named = if naming {
                    parties_in(sent, &hits)
                } else {
                    Vec::new()
                };
                if !named.is_empty() {
                    return named;
                }
            }
            if let Some(caps) = COLLECTIVE_PARTIES.captures(&text[s.start..s.end]) {
                let both = caps[0].to_lowercase().starts_with("both");
                let n = match caps.get(1).map(|m| m.as_str().to_lowercase()).as_deref() {
                    Some("three") => 3,
                    Some("two") => 2,
                    // "both countries"; a bare "the countries" says no number.
                    None if both => 2,
                    _ => 0,
                };
                if n > 0 {
                    let leading = leading_countries(document, country_hits, scan, n);
                    if !leading.is_empty() {
                        return leading;
                    }
                }
            }
        }
        let program = c
            .name
            .split_whitespace()
            .last()
            .is_some_and(|w| matches!(w, "Program" | "Programme"));
        if program && let Some(code) = self.country_of_name(&c.name) {
            return vec![code];
        }
        // A document about two countries ("Australia–Japan security ties: …") makes them the
        // parties of the instruments it names without parties of their own, unless the name
        // marks an instrument of many states.
        if !self.names_many_states(&c.name) {
            return leading_countries(document, country_hits, scan, 2);
        }
        Vec::new()
    }

    /// The name marks an instrument of many states: a convention, a word such as
    /// "International", "Regional", "Multilateral", "Global", a region of `regions.csv`, or an
    /// acronym or name of an international organisation of the gazetteer ("CARICOM",
    /// "ASEAN", "EU").
    fn names_many_states(&self, name: &str) -> bool {
        let words: Vec<&str> = name
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/'))
            .filter(|w| !w.is_empty())
            .collect();
        let marker = words.iter().any(|w| {
            matches!(
                *w,
                "Convention"
                    | "Conventions"
                    | "International"
                    | "Inter-American"
                    | "Regional"
                    | "Multilateral"
                    | "Global"
                    | "Hemispheric"
                    | "World"
                    | "United"
                    | "Nations"
            )
        });
        let region = self.gazetteer.regions.iter().any(|r| {
            words.contains(&r.adjective.as_str())
                || (!r.name.contains(' ') && words.contains(&r.name.as_str()))
                || (r.name.contains(' ') && name.contains(r.name.as_str()))
        });
        let organisation = words.iter().any(|w| {
            w.len() >= 2
                && self
                    .resolve(super::EntityType::Agency, w)
                    .and_then(|id| self.gazetteer.agency(id))
                    .is_some_and(|a| a.country.as_deref() == Some("INTERNATIONAL"))
        });
        marker || region || organisation || self.multinational_by_name(name)
    }
}

/// "signed by Chile, Peru and Bolivia": the countries listed right after the cue, two or
/// more, with only commas, "and" and "the" between them. `hits` are the sentence's country
/// names.
fn listed_parties(text: &str, sentence: Span, hits: &[(Span, String)]) -> Vec<String> {
    let sent = &text[sentence.start..sentence.end];
    for cue in PARTY_LIST_CUE.find_iter(sent) {
        let start = sentence.start + cue.end();
        let mut at = start;
        let mut codes: Vec<String> = Vec::new();
        for (span, code) in hits.iter().filter(|(span, _)| span.start >= start) {
            let Some(gap) = text.get(at..span.start) else {
                break;
            };
            if !joins_a_list(gap) {
                break;
            }
            codes.push(code.clone());
            at = span.end;
        }
        codes.sort();
        codes.dedup();
        if codes.len() >= 2 {
            return codes;
        }
    }
    Vec::new()
}

/// The text between two countries of one list: only commas, "and" and "the".
fn joins_a_list(gap: &str) -> bool {
    gap.split(|c: char| c == ',' || c.is_whitespace())
        .all(|w| matches!(w, "" | "and" | "the"))
}

/// Any of [`SUBJECT_VERB`]'s verbs in a sentence: the cheap test before the country scan.
static SUBJECT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:agreed|signed|concluded|launched|adopted|established|founded|set\s+up)\b")
        .expect("static regex")
});

/// "Indonesia, Malaysia and the Philippines agreed in 2016 on the X": two or more countries
/// listed (commas, "and", "the" between them) right before a verb of concluding, with the
/// agreement (starting at byte `agreement`) after them. `hits` are the sentence's country
/// names.
fn subject_parties(text: &str, hits: &[(Span, String)], agreement: usize) -> Vec<String> {
    let mut i = 0;
    while i < hits.len() {
        let mut j = i;
        while j + 1 < hits.len() {
            // Hits may overlap ("the United States of America" and "America"): no gap.
            let Some(gap) = text.get(hits[j].0.end..hits[j + 1].0.start) else {
                break;
            };
            if !joins_a_list(gap) {
                break;
            }
            j += 1;
        }
        let end = hits[j].0.end;
        if j > i
            && text
                .get(end..agreement)
                .is_some_and(|between| SUBJECT_VERB.is_match(between))
        {
            let mut codes: Vec<String> = hits[i..=j].iter().map(|(_, c)| c.clone()).collect();
            codes.sort();
            codes.dedup();
            if codes.len() >= 2 {
                return codes;
            }
        }
        i = j + 1;
    }
    Vec::new()
}

/// Whether a sentence says its countries are parties: "between", "bilateral",
/// "trilateral".
fn names_parties(sent: &str) -> bool {
    sent.contains("between") || sent.contains("bilateral") || sent.contains("trilateral")
}

/// Parties named in a sentence that [`names_parties`]: every country of `hits`, two of a
/// "bilateral" one, three of a "trilateral" one.
fn parties_in(sent: &str, hits: &[(Span, String)]) -> Vec<String> {
    let mut codes: Vec<String> = hits.iter().map(|(_, c)| c.clone()).collect();
    codes.sort();
    codes.dedup();
    if (sent.contains("bilateral") && codes.len() != 2)
        || (sent.contains("trilateral") && codes.len() != 3)
        || codes.len() < 2
    {
        return Vec::new();
    }
    codes
}

/// The `n` countries the document names most, sorted, when each is named at least [`LEAD`]
/// times as often as the next one; empty otherwise. Reads the per-block country hits (each
/// block scanned once per document).
fn leading_countries(
    document: &Document,
    country_hits: &[OnceCell<Vec<(Span, String)>>],
    scan: &CountryScan<'_>,
    n: usize,
) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (block, hits) in document.blocks.iter().zip(country_hits) {
        for (_, code) in hits.get_or_init(|| scan.find(block.span)) {
            *counts.entry(code.as_str()).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let next = ranked.get(n).map_or(0, |r| r.1);
    if ranked.len() < n || ranked[n - 1].1 < LEAD * next.max(1) {
        return Vec::new();
    }
    let mut codes: Vec<String> = ranked[..n].iter().map(|(c, _)| (*c).to_owned()).collect();
    codes.sort();
    codes
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract_paragraph;
    use accord_core::EntityType;
    use accord_gazetteer::{CountryEntry, Gazetteer};

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::default();
        for (iso3, name, demonym) in [
            ("CHL", "Chile", "Chilean"),
            ("PER", "Peru", "Peruvian"),
            ("BOL", "Bolivia", "Bolivian"),
            ("ARG", "Argentina", "Argentine"),
        ] {
            g.countries.push(CountryEntry {
                iso3: iso3.into(),
                name: name.into(),
                aliases: Vec::new(),
                demonyms: vec![demonym.into()],
            });
        }
        g
    }

    /// (name, parties) of the agreement mentions in `text`.
    fn parties(text: &str) -> Vec<(String, Vec<String>)> {
        extract_paragraph(&gazetteer(), text)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::Agreement)
            .map(|m| (m.value.name, m.value.parties))
            .collect()
    }

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn a_list_of_countries_that_concludes_it_is_the_parties() {
        let found = parties(
            "Further east, Chile, Peru and Bolivia agreed in 2016 on the Coastal Patrol Arrangement for the Pacific.",
        );
        assert_eq!(
            found,
            [(
                "Coastal Patrol Arrangement for the Pacific".to_owned(),
                codes(&["BOL", "CHL", "PER"])
            )]
        );
        let found = parties("It joined the Lima Initiative, launched in 2017 by Chile and Peru.");
        assert_eq!(
            found,
            [("Lima Initiative".to_owned(), codes(&["CHL", "PER"]))]
        );
    }

    #[test]
    fn a_document_about_two_countries_makes_them_the_parties() {
        let text = "Chile and Peru deepened their ties. Chile hosted talks; Peru sent ministers, and Bolivia observed. Later the Humboldt Current Fisheries Accord came into force, beside the Regional Fisheries Convention.";
        let found = parties(text);
        assert!(
            found.contains(&(
                "Humboldt Current Fisheries Accord".to_owned(),
                codes(&["CHL", "PER"])
            )),
            "{found:?}"
        );
        // An instrument of many states by its name takes no pair.
        assert!(
            found.contains(&("Regional Fisheries Convention".to_owned(), Vec::new())),
            "{found:?}"
        );
        // No two countries lead: no parties.
        let found = parties(
            "Chile, Peru and Bolivia met. Chile, Peru and Bolivia talked. They adopted the Humboldt Current Fisheries Accord.",
        );
        assert_eq!(found[0].1, Vec::<String>::new(), "{found:?}");
    }

    #[test]
    fn overlapping_country_names_before_an_agreement_do_not_fail() {
        // A country compound and the country inside it are overlapping hits: no gap between
        // them, no list, and no panic.
        let gazetteer = super::super::test_support::bundled_gazetteer();
        for text in [
            "It strengthened US-Bahraini ties, and Bahrain and Qatar agreed the Gulf Data Accord.",
            "The US-Bahraini and Qatari teams signed the Gulf Data Accord between the United States and Bahrain.",
        ] {
            let found = extract_paragraph(&gazetteer, text);
            assert!(
                found.iter().any(|m| m.entity_type == EntityType::Agreement),
                "{text:?}: {found:#?}"
            );
        }
    }

    #[test]
    fn a_list_after_signed_by_is_the_parties() {
        assert_eq!(
            parties(
                "The Andes Water Accord, signed by Chile, Peru and Bolivia in 2010, runs to 2030."
            ),
            [(
                "Andes Water Accord".to_owned(),
                codes(&["BOL", "CHL", "PER"])
            )]
        );
        // A country after other words is no party.
        assert_eq!(
            parties("The Andes Water Accord was signed by officials in Chile."),
            [("Andes Water Accord".to_owned(), Vec::new())]
        );
    }

    #[test]
    fn the_two_countries_are_the_two_the_document_names_most() {
        let text = "Chile and Peru met in Lima. Chile hosted; Peru chaired. Argentina observed. \
                    The two countries will implement a Coastal Data Framework.";
        assert_eq!(
            parties(text),
            [("Coastal Data Framework".to_owned(), codes(&["CHL", "PER"]))]
        );
        // No clear pair: no parties.
        let text = "Chile, Peru and Bolivia met. The two countries will implement a Coastal Data Framework.";
        assert_eq!(
            parties(text),
            [("Coastal Data Framework".to_owned(), Vec::new())]
        );
    }

    #[test]
    fn a_program_named_with_its_country_has_that_party() {
        assert_eq!(
            parties("Funds flow through the Chilean Coastal Grants Program every year."),
            [("Chilean Coastal Grants Program".to_owned(), codes(&["CHL"]))]
        );
        assert_eq!(
            parties("Funds flow through Ports Authority Chile's Coastal Grants Program."),
            [(
                "Ports Authority Chile's Coastal Grants Program".to_owned(),
                codes(&["CHL"])
            )]
        );
        // Not a program: a name's country does not make it a party.
        assert_eq!(
            parties("They studied the Chilean Coastal Grants Strategy."),
            [("Chilean Coastal Grants Strategy".to_owned(), Vec::new())]
        );
    }
}
