//! The agreement a document's title names, found with one index built with the extractor
//! (an Aho–Corasick automaton over the gazetteer's agreement names), not by a scan of the
//! whole gazetteer per document.

use accord_gazetteer::Gazetteer;
use aho_corasick::AhoCorasick;
use std::collections::{BTreeSet, HashMap};

use crate::matcher::fold_diacritics;

/// Gazetteer agreements by the forms a title can name them with.
#[derive(Debug, Clone)]
pub(super) struct TitleIndex {
    /// Names and aliases of two words or more, folded and lower-cased.
    forms: Option<AhoCorasick>,
    /// For each form, the agreements (indices into the gazetteer's list) it names.
    form_agreements: Vec<Vec<usize>>,
    /// The distinctive first word of a two-word name with an instrument head ("merida" for
    /// "Mérida Initiative"), at least five letters, folded and lower-cased.
    distinctive: HashMap<String, Vec<usize>>,
}

impl TitleIndex {
    pub(super) fn new(gazetteer: &Gazetteer) -> Self {
        let mut by_form: HashMap<String, Vec<usize>> = HashMap::new();
        let mut distinctive: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in gazetteer.agreements.iter().enumerate() {
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                let n = fold_diacritics(n).to_lowercase();
                if n.split_whitespace().count() >= 2 {
                    let ids = by_form.entry(n).or_default();
                    if ids.last() != Some(&i) {
                        ids.push(i);
                    }
                }
            }
            let parts: Vec<&str> = a.name.split_whitespace().collect();
            if parts.len() == 2
                && parts[0].chars().count() >= 5
                && accord_core::AgreementKind::of_name(&a.name, true).is_some()
            {
                distinctive
                    .entry(fold_diacritics(parts[0]).to_lowercase())
                    .or_default()
                    .push(i);
            }
        }
        let mut forms: Vec<(String, Vec<usize>)> = by_form.into_iter().collect();
        forms.sort();
        let automaton = AhoCorasick::new(forms.iter().map(|(f, _)| f.as_str())).ok();
        Self {
            forms: automaton,
            form_agreements: forms.into_iter().map(|(_, ids)| ids).collect(),
            distinctive,
        }
    }

    /// The one gazetteer agreement `title` names, by a full name or alias anywhere in it, or
    /// by the distinctive word of a two-word name ("MERIDA" for "Mérida Initiative"): its
    /// index into the gazetteer's agreements; `None` when it names none or several.
    pub(super) fn topic(&self, title: &str) -> Option<usize> {
        let title = fold_diacritics(title).to_lowercase();
        let mut named: BTreeSet<usize> = BTreeSet::new();
        if let Some(forms) = &self.forms {
            for m in forms.find_overlapping_iter(&title) {
                named.extend(&self.form_agreements[m.pattern().as_usize()]);
            }
        }
        for word in title.split(|c: char| !c.is_alphanumeric()) {
            if let Some(ids) = self.distinctive.get(word) {
                named.extend(ids);
            }
        }
        (named.len() == 1)
            .then(|| named.into_iter().next())
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::TitleIndex;
    use accord_core::AgreementKind;
    use accord_gazetteer::{AgreementEntry, Gazetteer};

    fn entry(id: &str, name: &str, aliases: &[&str]) -> AgreementEntry {
        AgreementEntry {
            id: id.into(),
            name: name.into(),
            acronym: None,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            kind: Some(AgreementKind::Agreement),
            parties: Vec::new(),
            signed: None,
            ended: None,
        }
    }

    #[test]
    fn the_title_names_one_agreement_by_name_alias_or_distinctive_word() {
        let mut g = Gazetteer::default();
        g.agreements.push(entry(
            "a",
            "Great Rivers Accord",
            &["Rivers Accord of 2019"],
        ));
        g.agreements.push(entry("b", "Andes Initiative", &[]));
        g.agreements.push(entry("c", "Coastal Waters Plan", &[]));
        let index = TitleIndex::new(&g);
        assert_eq!(index.topic("Ten Years of the GREAT RIVERS ACCORD"), Some(0));
        assert_eq!(index.topic("The Rivers Accord of 2019: A Review"), Some(0));
        assert_eq!(index.topic("Paying for ANDES: the budget"), Some(1));
        assert_eq!(index.topic("Andés initiative funding"), Some(1));
        // Two agreements named: no single topic.
        assert_eq!(
            index.topic("Great Rivers Accord and Coastal Waters Plan"),
            None
        );
        assert_eq!(index.topic("A report on rivers"), None);
    }
}
