//! Coordination of two names (CODING.md, "Names"): "FBI and DEA agents", "the Canadian Bar
//! Association and Human Rights Watch", "the Department of State and Global Affairs
//! Canada" are two organisations, never one "X and Y". A head-noun phrase that runs over
//! "and" is split there when both sides stand as names on their own: each is an acronym,
//! a gazetteer name, or two or more words ending in an organisation head noun ("Coast
//! Guard"); a name the gazetteer knows whole ("Department of Health and Human Services")
//! is never split.

use super::{Cand, Extractor};
use accord_core::{EntityType, Rule, Span};

impl Extractor {
    /// The two names of a coordinated candidate, or `None` when it is one name.
    pub(super) fn split_coordination(&self, text: &str, c: &Cand) -> Option<[Cand; 2]> {
        if c.gaz.is_some()
            || !matches!(c.entity_type, EntityType::Agency | EntityType::WorkingGroup)
        {
            return None;
        }
        let quote = &text[c.span.start..c.span.end];
        for (at, sep) in quote
            .match_indices(" and ")
            .chain(quote.match_indices(" & "))
        {
            let left = quote[..at].trim();
            let right = quote[at + sep.len()..].trim();
            let right = right.strip_prefix("the ").unwrap_or(right);
            if left.is_empty() || right.is_empty() {
                continue;
            }
            let left_known = self.stands_alone(c.entity_type, left);
            let right_known = self.stands_alone(c.entity_type, right);
            if !(left_known && right_known) {
                continue;
            }
            let left_span = Span::new(c.span.start, c.span.start + quote[..at].trim_end().len());
            let right_start = c.span.end - right.len();
            let right_span = Span::new(right_start, c.span.end);
            let mut l = Cand::new(
                c.entity_type,
                left_span,
                left.to_owned(),
                Rule::Coordination,
            );
            let mut r = Cand::new(
                c.entity_type,
                right_span,
                right.to_owned(),
                Rule::Coordination,
            );
            l.gaz = self.resolve(c.entity_type, left).map(str::to_owned);
            r.gaz = self.resolve(c.entity_type, right).map(str::to_owned);
            return Some([l, r]);
        }
        None
    }

    /// An organisation name whose portfolio list runs into a list of countries ("the
    /// Department of Defense, Canada and Mexico") ends at the list's first comma; `None`
    /// when the candidate has no such list ("Ministry of Economy, Trade and Industry").
    pub(super) fn cut_country_list(&self, text: &str, c: &Cand) -> Option<Cand> {
        if c.entity_type != EntityType::Agency || c.gaz.is_some() {
            return None;
        }
        let quote = &text[c.span.start..c.span.end];
        let comma = quote.find(", ")?;
        let items = quote[comma + 2..]
            .split(", ")
            .flat_map(|item| item.split(" and "))
            .map(|item| {
                item.trim()
                    .trim_start_matches("and ")
                    .trim_start_matches("the ")
            });
        let mut items = items.filter(|item| !item.is_empty());
        // A country, or a name that opens with one ("Office of Field Operations, U.S. Customs
        // and Border Protection": a remit never starts with a country).
        if !items.any(|item| {
            self.countries.lookup(item).is_some()
                || item
                    .split_whitespace()
                    .next()
                    .is_some_and(|first| first != item && self.countries.lookup(first).is_some())
        }) {
            return None;
        }
        let name = quote[..comma].to_owned();
        let mut cut = Cand::new(
            c.entity_type,
            Span::new(c.span.start, c.span.start + comma),
            name,
            c.rule,
        );
        cut.gaz = self.resolve(c.entity_type, &cut.name).map(str::to_owned);
        Some(cut)
    }

    fn stands_alone(&self, entity_type: EntityType, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        let is_acronym = words.len() == 1 && crate::matcher::is_acronym_form(words[0]);
        if is_acronym || self.resolve(entity_type, name).is_some() {
            return true;
        }
        // A complete head-noun name ("Canadian Bar Association", "Coast Guard").
        words.len() >= 2
            && words
                .last()
                .is_some_and(|w| crate::names::is_agency_head(w))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract_paragraph;
    use crate::Gazetteer;
    use accord_core::EntityType;
    use accord_gazetteer::CountryEntry;

    fn agencies(text: &str) -> Vec<String> {
        let mut gazetteer = Gazetteer::default();
        for (iso3, name) in [("CAN", "Canada"), ("MEX", "Mexico")] {
            gazetteer.countries.push(CountryEntry {
                iso3: iso3.into(),
                name: name.into(),
                aliases: Vec::new(),
                demonyms: Vec::new(),
            });
        }
        let mut names: Vec<String> = extract_paragraph(&gazetteer, text)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::Agency)
            .map(|m| m.text)
            .collect();
        names.dedup();
        names
    }

    #[test]
    fn two_complete_names_are_two_organisations() {
        let got = agencies("The Canadian Bar Association and Amnesty International Network met.");
        assert!(
            got.contains(&"Canadian Bar Association".to_owned()),
            "{got:?}"
        );
        assert!(!got.iter().any(|n| n.contains(" and ")), "{got:?}");
        let got = agencies("Agents of the ICE and Coast Guard boarded the vessel.");
        assert!(got.contains(&"Coast Guard".to_owned()), "{got:?}");
    }

    #[test]
    fn one_name_with_and_inside_stays_whole() {
        let got = agencies("The Food and Drug Administration approved it.");
        assert_eq!(got, ["Food and Drug Administration"]);
    }

    #[test]
    fn a_singular_head_takes_a_list_of_portfolios() {
        let got = agencies("The Ministry of Economy, Trade and Industry signed it.");
        assert_eq!(got, ["Ministry of Economy, Trade and Industry"]);
        let got = agencies("It is run by the Office of Grants, Audits, and Emergency Response.");
        assert_eq!(got, ["Office of Grants, Audits, and Emergency Response"]);
        // Not every head takes one: "Agency for Health" ends at its comma.
        let got = agencies("The Agency for Health, Safety and Care met.");
        assert_eq!(got, ["Agency for Health"]);
    }

    #[test]
    fn a_list_of_countries_is_no_portfolio() {
        let got = agencies("Officials of the Department of Defense, Canada and Mexico met.");
        assert_eq!(got, ["Department of Defense"]);
        // Nor a name that opens with a country: the parent body after an address comma.
        let got =
            agencies("Write to the Office of Field Operations, Mexico Customs and Border Service.");
        assert_eq!(got[0], "Office of Field Operations", "{got:?}");
    }

    #[test]
    fn a_committee_the_text_calls_bilateral_is_a_working_group() {
        let text = "The pilot is overseen by the Preclearance Coordination Committee, the \
                    bilateral body set up under the agreement. The Audit Committee, the board's \
                    own body, reviews it.";
        let gazetteer = Gazetteer::default();
        let got: Vec<(EntityType, String)> = extract_paragraph(&gazetteer, text)
            .into_iter()
            .map(|m| (m.entity_type, m.text))
            .collect();
        assert!(
            got.contains(&(
                EntityType::WorkingGroup,
                "Preclearance Coordination Committee".to_owned()
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(EntityType::Agency, "Audit Committee".to_owned())),
            "{got:?}"
        );
    }

    #[test]
    fn a_committee_takes_a_list_of_remits_across_a_line_break() {
        let got = agencies("A report to the Committee on Health, Education, Labor,\nand Pensions.");
        assert_eq!(
            got,
            ["Committee on Health, Education, Labor,\nand Pensions"]
        );
    }
}
