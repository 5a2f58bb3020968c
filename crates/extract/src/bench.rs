//! Entry points into the stage's private hot paths, for the criterion benches in
//! `benches/extract.rs`. Not part of the supported API: hidden from the docs and free to
//! change with the internals.

use crate::{Gazetteer, Result};
use accord_core::Span;

/// Number of word tokens of the whole of `text` (the tokenizer every rule uses).
pub fn token_count(text: &str) -> usize {
    crate::text::tokens(text, Span::new(0, text.len())).len()
}

/// Sentence spans of the whole of `text` (byte offsets into `text`).
pub fn sentences(text: &str) -> Vec<Span> {
    crate::text::sentences(text, Span::new(0, text.len()))
}

/// The gazetteer scan (aho-corasick over names, acronyms and aliases, word boundaries).
#[derive(Debug)]
pub struct GazetteerScan(crate::matcher::Matcher);

impl GazetteerScan {
    /// Compiles the automata of `gazetteer`.
    ///
    /// # Errors
    /// [`crate::Error::Automaton`] when an automaton cannot be built.
    pub fn new(gazetteer: &Gazetteer) -> Result<Self> {
        crate::matcher::Matcher::new(gazetteer).map(Self)
    }

    /// Number of gazetteer hits in the whole of `text` (no excluded spans).
    pub fn hit_count(&self, text: &str) -> usize {
        self.0.find(text, Span::new(0, text.len()), &[]).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hooks_reach_the_stage_functions() {
        let text = "The U.S. and Canada met. They signed an accord.";
        assert_eq!(token_count(text), 9);
        assert_eq!(sentences(text).len(), 2);
        let mut gazetteer = Gazetteer::default();
        gazetteer.agencies.push(crate::AgencyEntry {
            id: "border-office".to_owned(),
            name: "Border Office".to_owned(),
            acronym: Some("BOF".to_owned()),
            aliases: Vec::new(),
            country: None,
            kind: None,
            parent: None,
            history: Vec::new(),
        });
        let scan = GazetteerScan::new(&gazetteer).unwrap();
        assert_eq!(
            scan.hit_count("The Border Office (BOF) opened; BOF staff."),
            3
        );
    }
}
