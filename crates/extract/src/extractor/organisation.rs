//! An organisation's kind and country from its name, when the gazetteer does not know it:
//! kind words ("Police", "Customs", "Ministry"), and multinational names (a region of
//! `data/gazetteers/regions.csv`, "of the … States") that make it an international
//! organisation.

use super::{AgencyKind, Extractor};

/// Legal forms that close a company's name ("Deccan Avionics Limited", "Pinewood Freight,
/// LLC").
const LEGAL_FORM_ENDINGS: &[&str] = &[
    "Inc", "LLC", "L.L.C", "Ltd", "Limited", "Corp", "plc", "PLC", "GmbH", "S.A", "N.V", "B.V",
    "S.p.A", "ASA", "Pty", "C.V",
];

/// The kind an organisation's name implies by its words, else `Other`. In order: a legal form
/// at the end (company); a portfolio head, "Ministry of …", "Department of …", "Secretariat
/// of …", "Ministerio …" (ministry: CODING.md's "departments, ministries and secretariats",
/// whatever their portfolio: defence, public security, justice); then lower-cased substrings,
/// the first group that matches winning: intelligence, border, law enforcement (police,
/// prosecutors, sheriffs), military, legislature, ministry, think tank, business association,
/// executive office.
pub(super) fn agency_kind_from_name(name: &str) -> AgencyKind {
    let n = name.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| n.contains(x));
    let last = name
        .split_whitespace()
        .last()
        .map(|w| w.trim_end_matches('.'));
    if last.is_some_and(|w| LEGAL_FORM_ENDINGS.contains(&w)) {
        return AgencyKind::Company;
    }
    // "Ministerio Público" is the public prosecutor, no ministry.
    let prosecutor = has(&[
        "ministerio público",
        "ministerio publico",
        "fiscalía",
        "prosecut",
    ]);
    if !prosecutor
        && has(&[
            "ministry of",
            "ministry for",
            "department of",
            "secretariat of",
            "secretariat for",
            "ministerio de",
            "ministère",
            "secretaría de",
        ])
        && !has(&["police department", "sheriff"])
    {
        return AgencyKind::Ministry;
    }
    if has(&["intelligence", "security intelligence", "investigaci"]) {
        AgencyKind::Intelligence
    } else if has(&["border", "customs", "immigration", "aduana", "migraci"]) {
        AgencyKind::Border
    } else if has(&[
        "police",
        "policía",
        "attorney",
        "investigation",
        "investigative",
        "enforcement",
        "marshal",
        "procuradur",
        "constabulary",
        "gendarmer",
        "carabinier",
        "narcotic",
        "drug control",
        "drug enforcement",
        "anti-drug",
        "crime unit",
        "transnational crime",
        "public security",
        "sheriff",
        "prosecut",
        "fiscalía",
        "ministerio público",
        "ministerio publico",
    ]) {
        AgencyKind::LawEnforcement
    } else if has(&[
        "army",
        "navy",
        "naval",
        "air force",
        "command",
        "coast guard",
        "forces",
        "military",
        "defense",
        "defence",
        "marine",
        "ejército",
        "armada",
    ]) {
        AgencyKind::Military
    } else if has(&[
        "congress",
        "senate",
        "parliament",
        "house of",
        "committee",
        "chamber of deputies",
        "legislat",
    ]) {
        AgencyKind::Legislature
    } else if has(&[
        "department",
        "ministry",
        "secretariat",
        "secretaría",
        "ministère",
    ]) {
        AgencyKind::Ministry
    } else if has(&[
        "council on",
        "institute",
        "institution",
        "center for",
        "centre for",
        "foundation",
        "conference board",
    ]) {
        AgencyKind::ThinkTank
    } else if has(&[
        "association",
        "chamber of commerce",
        "exporters",
        "manufacturers",
        "council of chief",
    ]) {
        AgencyKind::BusinessAssociation
    } else if has(&[
        "white house",
        "presidential",
        "prime minister",
        "privy council",
    ]) {
        AgencyKind::ExecutiveOffice
    } else {
        AgencyKind::Other
    }
}

/// Legal forms and media words that keep a regional name a company's ("Caribbean Media
/// Corporation").
const COMPANY_WORDS: &[&str] = &[
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "LLC",
    "Company",
    "Holdings",
    "Media",
    "News",
    "Press",
    "Airways",
    "Airlines",
    "Bank",
];

impl Extractor {
    /// The name marks a body of several states: it holds a region's name or adjective of
    /// `regions.csv` as whole words ("Pacific Islands Chiefs of Police", "Nordic Council of
    /// Ministers", "Oceania Customs Organisation"), or "of the … States" other than the
    /// United States ("Council of the Baltic Sea States"); and it names no single country.
    /// Companies with a regional name are not meant.
    pub(super) fn multinational_by_name(&self, name: &str) -> bool {
        let words: Vec<&str> = name
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        if words.iter().any(|w| COMPANY_WORDS.contains(w)) {
            return false;
        }
        let has_phrase = |phrase: &str| {
            let p: Vec<&str> = phrase.split_whitespace().collect();
            !p.is_empty() && words.windows(p.len()).any(|w| w == p.as_slice())
        };
        let regional = self
            .gazetteer
            .regions
            .iter()
            .any(|r| has_phrase(&r.name) || has_phrase(&r.adjective));
        let of_states = words.last() == Some(&"States")
            && words.contains(&"of")
            && !name.contains("United States");
        regional || of_states
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Extractor};

    fn extractor() -> Extractor {
        let gazetteer = super::super::test_support::bundled_gazetteer();
        Extractor::new(&Config::default(), &gazetteer).expect("extractor")
    }

    #[test]
    fn kinds_by_name() {
        use super::agency_kind_from_name as kind;
        use accord_core::AgencyKind as K;
        for (name, expected) in [
            ("Deccan Avionics Limited", K::Company),
            ("Pinewood Freight, LLC", K::Company),
            ("Indian Ministry of Defence", K::Ministry),
            ("Ministry of Justice and Public Security", K::Ministry),
            ("Department of Defence Production", K::Ministry),
            ("Ministerio de la Defensa Nacional", K::Ministry),
            ("Ministerio Público", K::LawEnforcement),
            ("Luna County Sheriff's Office", K::LawEnforcement),
            ("Harbour Police Department", K::LawEnforcement),
            ("Joint Arctic Command", K::Military),
            ("National Border Service", K::Border),
        ] {
            assert_eq!(kind(name), expected, "{name}");
        }
    }

    #[test]
    fn regional_names_and_states_mark_multinational_bodies() {
        let e = extractor();
        for name in [
            "Pacific Islands Heads of Customs",
            "Nordic Council of Ministers for Fisheries",
            "Council of the Danube Riparian States",
            "West African Police Chiefs Committee",
        ] {
            assert!(e.multinational_by_name(name), "{name}");
        }
        for name in [
            "Caribbean Media Corporation",
            "Department of State of the United States",
            "Harbour Police Service",
            // A region's word inside another word is no region: "Asia-Pacific".
            "Asia-Pacific Research Institute",
        ] {
            assert!(!e.multinational_by_name(name), "{name}");
        }
    }
}
