//! Bodies that meet: a council, committee, network, group, team or cell named without a
//! "Joint" or country-pair marker is still a working group (CODING.md, "Working groups":
//! named bodies of two or more governments that meet) when the text shows it as one:
//!
//! - it meets: "the X, which meets ahead of …", "the X met in May", "reconvene the X";
//! - an instrument sets it up: "the X, established under the Action Plan";
//! - it belongs to an international organisation: "the X (ACR) of the Caribbean
//!   Community", "the ECOWAS X" (an organisation of country `INTERNATIONAL` in the
//!   gazetteer);
//! - it is listed with a working group: "the X Network and the Y Working Group".
//!
//! A body whose name marks it as one country's ("Senate Armed Services Committee",
//! "National Security Council", "Estonian Border Council") stays an organisation.

use super::{Cand, EntityType, Extractor, LazyLock, Regex, Span};
use accord_core::Rule;

/// Head nouns of bodies that are organisations at home and working groups when they meet
/// across governments.
const MEETING_HEADS: &[&str] = &[
    "Committee",
    "Subcommittee",
    "Council",
    "Network",
    "Group",
    "Team",
    "Cell",
    "Panel",
];

/// Office-holders in the plural after "of" in a body's name: its members are the states'
/// counterparts ("Committee of Heads of Customs", "Conference of Chiefs of Police").
const OFFICE_HOLDERS: &[&str] = &[
    "Heads",
    "Chiefs",
    "Commissioners",
    "Ministers",
    "Directors",
    "Directors-General",
    "Governors",
    "Commanders",
    "Prosecutors",
    "Attorneys-General",
];

/// Words before the head that make a body one country's own: legislatures, cabinets and
/// national or sub-national levels of government.
const DOMESTIC_MARKERS: &[&str] = &[
    "Senate",
    "House",
    "Parliamentary",
    "Congressional",
    "Standing",
    "Select",
    "Cabinet",
    "Privy",
    "National",
    "Federal",
    "Provincial",
    "State",
    "Municipal",
    "Presidential",
    "Security",
    "Advisory",
];

/// Right after the name (and its acronym): a verb of meeting. "which meets", "met in May",
/// "will meet twice a year", "convened in Lomé".
static MEETS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*\([^)]{1,20}\))?,?\s+(?:which\s+|that\s+)?(?:meets|met|will\s+meet|has\s+met|meet|(?:convenes|convened|reconvened|will\s+convene)\s+(?:in|on|at|for|twice|annually|every|each)|holds\s+its|held\s+its)(?-u:\b)")
        .expect("static regex")
});

/// Right before the name: a verb that convenes it. "reconvene the X", "co-chaired the X".
static CONVENED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:reconvene|reconvened|reconvenes|reconvening|co-chair|co-chaired|co-chairs|co-chairing|revive|revived|reactivate|reactivated)\s+(?:the|a|its|their)\s+$")
        .expect("static regex")
});

/// Right after the name: an instrument sets it up. "established under the Plan", ", set up
/// by the Agreement".
static SET_UP_UNDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*\([^)]{1,20}\))?,?\s+(?:established|set\s+up|created|formed|launched|constituted)\s+(?:under|by|through|pursuant\s+to)\s+(?:the|this|that|an?)\s+\p{Lu}")
        .expect("static regex")
});

/// Right after the name: the organisation it belongs to. "of the Caribbean Community
/// (CARICOM)". Captures the organisation's name (capitalised words, lower-case connectors).
static OF_ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*\([^)]{1,20}\))?\s+of\s+the\s+(\p{Lu}[\p{L}\-]*(?:\s+(?:of\s+|for\s+|and\s+|on\s+)?\p{Lu}[\p{L}\-]*){0,7})")
        .expect("static regex")
});

/// Between two bodies of one list: " and the ", ", the ", " and ".
static LISTED_WITH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*\([^)]{1,20}\))?(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+)?$")
        .expect("static regex")
});

/// The char boundary at or before byte `at` of `text`.
fn floor_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// The char boundary at or after byte `at` of `text` (its length past the end).
fn ceil_boundary(text: &str, at: usize) -> usize {
    (at..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

/// The head noun of a body's name: its last word before a complement ("Committee of Chiefs
/// of Police" → Committee).
fn head_of(name: &str) -> Option<&str> {
    name.split_whitespace()
        .take_while(|w| !matches!(*w, "on" | "of" | "for" | "against" | "to"))
        .last()
}

impl Extractor {
    /// An organisation candidate `c` with a meeting head and no domestic marker, which the
    /// text around it shows to be a body that meets across governments (the module's
    /// rules); `others` are the candidates of the same sentence, for the list rule.
    pub(super) fn meets_as_shared(&self, text: &str, c: &Cand, others: &[&Cand]) -> bool {
        if c.entity_type != EntityType::Agency || c.gaz.is_some() {
            return false;
        }
        let Some(head) = head_of(&c.name) else {
            return false;
        };
        let before_head: Vec<&str> = c
            .name
            .split_whitespace()
            .take_while(|w| *w != head)
            .collect();
        let task_force = head == "Force" && before_head.last() == Some(&"Task");
        if !MEETING_HEADS.contains(&head) && !task_force {
            return false;
        }
        // "Standing Committee of Heads of Customs", "Conference of Chiefs of Defence": a body
        // of office-holders in the plural gathers each state's counterpart, whatever word
        // ("Standing") opens it; a country in the name keeps it one state's.
        let national = c
            .name
            .split_whitespace()
            .any(|w| self.countries.lookup(w).is_some());
        // The office-holders follow "of" at once or after one word ("of Military Chiefs"),
        // never after "the" (the "Committee of the … Governors Association" is another
        // body's).
        let words: Vec<&str> = c.name.split_whitespace().collect();
        let of_office_holders = matches!(head, "Committee" | "Conference" | "Group")
            && words.iter().position(|w| *w == "of").is_some_and(|at| {
                words[at + 1..]
                    .iter()
                    .take(2)
                    .take_while(|w| **w != "the")
                    .any(|w| OFFICE_HOLDERS.contains(w))
            });
        if of_office_holders && !national {
            return true;
        }
        let domestic = before_head
            .iter()
            .any(|w| DOMESTIC_MARKERS.contains(w) || self.countries.lookup(w).is_some());
        if domestic {
            return false;
        }
        // A name that spans a region ("African Border Management Academies Network",
        // "Pacific Transnational Crime Network") or says it is multinational gathers several
        // governments' bodies.
        if before_head.first() == Some(&"Multinational") || self.multinational_by_name(&c.name) {
            return true;
        }
        let after = &text[c.span.end..ceil_boundary(text, c.span.end + 200)];
        let before = &text[floor_boundary(text, c.span.start.saturating_sub(60))..c.span.start];
        if MEETS_AFTER.is_match(after)
            || CONVENED_BEFORE.is_match(before)
            || SET_UP_UNDER.is_match(after)
        {
            return true;
        }
        let international = |name: &str| {
            self.resolve(EntityType::Agency, name)
                .and_then(|id| self.gazetteer.agency(id))
                .is_some_and(|a| a.country.as_deref() == Some("INTERNATIONAL"))
        };
        if OF_ORGANISATION
            .captures(after)
            .is_some_and(|org| international(&org[1]))
        {
            return true;
        }
        if before_head.first().is_some_and(|w| international(w)) {
            return true;
        }
        // A list partner counts when it is a working group by its own name ("Working Group",
        // a shared marker), not a task force or council of a résumé's memberships.
        others.iter().any(|o| {
            o.entity_type == EntityType::WorkingGroup
                && (o.name.contains("Working Group")
                    || o.name
                        .split_whitespace()
                        .any(|w| matches!(w, "Joint" | "Bilateral" | "Trilateral" | "Binational")))
                && {
                    let (a, b) = if o.span.start >= c.span.end {
                        (c.span.end, o.span.start)
                    } else if o.span.end <= c.span.start {
                        (o.span.end, c.span.start)
                    } else {
                        return false;
                    };
                    b - a <= 30 && LISTED_WITH.is_match(&text[a..b])
                }
        })
    }

    /// Makes every organisation candidate of `cands[from..]` (one sentence's) that
    /// [`Self::meets_as_shared`] a working group, with rule [`Rule::MeetingBody`]; the list
    /// rule looks at every candidate inside `sentence`.
    pub(super) fn promote_meeting_bodies(
        &self,
        text: &str,
        cands: &mut [Cand],
        from: usize,
        sentence: Span,
    ) {
        let promote: Vec<usize> = {
            let others: Vec<&Cand> = cands.iter().filter(|o| sentence.contains(o.span)).collect();
            (from..cands.len())
                .filter(|&i| self.meets_as_shared(text, &cands[i], &others))
                .collect()
        };
        for i in promote {
            cands[i].entity_type = EntityType::WorkingGroup;
            cands[i].rule = Rule::MeetingBody;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract_paragraph;
    use accord_core::EntityType;

    fn groups(text: &str) -> Vec<String> {
        let gazetteer = super::super::test_support::bundled_gazetteer();
        extract_paragraph(&gazetteer, text)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::WorkingGroup)
            .map(|m| m.value.name)
            .collect()
    }

    #[test]
    fn a_regional_or_multinational_network_is_a_working_group() {
        assert_eq!(
            groups("Training runs through the Andean Customs Academies Network (ACAN)."),
            ["Andean Customs Academies Network"]
        );
        assert_eq!(
            groups("Patrols are led by the Multinational Joint Task Force."),
            ["Multinational Joint Task Force"]
        );
        // One country's network stays an organisation.
        assert!(groups("Training runs through the Kenyan Customs Academies Network.").is_empty());
    }

    #[test]
    fn a_committee_of_office_holders_is_a_working_group() {
        let found = groups(
            "Two bodies report to it: the Standing Committee of Heads of Customs and the Standing Committee of Military Chiefs.",
        );
        assert_eq!(
            found,
            [
                "Standing Committee of Heads of Customs",
                "Standing Committee of Military Chiefs"
            ]
        );
        // One country's committee of its own office-holders stays an organisation.
        assert!(groups("The Kenyan Committee of Heads of Customs met.").is_empty());
    }

    #[test]
    fn a_working_groups_topic_list_is_one_name() {
        assert_eq!(
            groups(
                "It set up a Technical Working Group on Return, Readmission and Reintegration, which meets in May."
            ),
            ["Technical Working Group on Return, Readmission and Reintegration"]
        );
    }

    #[test]
    fn a_body_the_text_shows_meeting_is_a_working_group() {
        assert_eq!(
            groups(
                "Coordination runs through the Lake Basin Fisheries Committee, which meets before each ministerial."
            ),
            ["Lake Basin Fisheries Committee"]
        );
        assert_eq!(
            groups(
                "Both sides agreed to reconvene the Seabed Mapping Technical Committee next year."
            ),
            ["Seabed Mapping Technical Committee"]
        );
        assert_eq!(
            groups(
                "A Delta Monitoring Council, established under the Water Accord, reports yearly."
            ),
            ["Delta Monitoring Council"]
        );
    }

    #[test]
    fn a_body_listed_with_a_working_group_is_one() {
        let found = groups(
            "Experts will advise the Visa Fraud Expert Network and the Cyber Crime Working Group.",
        );
        assert!(
            found.contains(&"Visa Fraud Expert Network".to_owned()),
            "{found:?}"
        );
    }

    #[test]
    fn the_context_windows_cut_at_char_boundaries() {
        // Three-byte quotes at every offset before and after the name.
        for pad in 0..4 {
            let text = format!(
                "{}“’’’’’’’’’’’’’’’’’’’’’’” both sides will reconvene the Reef Patrol Technical Committee{}",
                "x".repeat(pad),
                "’".repeat(80)
            );
            assert_eq!(groups(&text), ["Reef Patrol Technical Committee"], "{text}");
        }
    }

    #[test]
    fn a_body_that_convenes_others_is_not_shown_meeting() {
        assert!(
            groups("The Harbour Policy Council, convened state leaders to discuss ports.")
                .is_empty()
        );
    }

    #[test]
    fn one_countrys_bodies_stay_organisations() {
        assert!(groups("The Senate Armed Services Committee met on Tuesday.").is_empty());
        assert!(groups("The National Security Council met on Tuesday.").is_empty());
        assert!(groups("The Estonian Border Council met in Tallinn.").is_empty());
        // No evidence of meeting: a plain mention.
        assert!(groups("The report was written by the Harbour Safety Committee.").is_empty());
    }
}
