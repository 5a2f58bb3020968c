//! Gazetteer matching with aho-corasick: every name, acronym and alias of every entry, plus
//! spelling variants generated from them (diacritics removed, `U.S.`/`US`, `&`/`and`,
//! curly/straight apostrophes).

use crate::{Error, Result};
use accord_core::{EntityType, Span};
use accord_gazetteer::Gazetteer;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The gazetteer entry a surface form names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Target {
    pub(crate) entity_type: EntityType,
    pub(crate) id: String,
    pub(crate) is_acronym: bool,
}

/// A gazetteer hit in a text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub(crate) span: Span,
    pub(crate) targets: Vec<Target>,
}

/// Two automata: acronym-like forms match case-sensitively, names case-insensitively (a
/// lowercase hit of a name of fewer than three words is dropped: "border patrol" in running
/// text is not a name).
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    exact: AhoCorasick,
    exact_targets: Vec<Vec<Target>>,
    folded: AhoCorasick,
    folded_forms: Vec<String>,
    folded_targets: Vec<Vec<Target>>,
}

pub(crate) fn fold_diacritics(s: &str) -> String {
    s.nfkd().filter(|c| !is_combining_mark(*c)).collect()
}

/// `U.S.`-style forms and other spellings of one surface form.
pub(crate) fn variants(form: &str) -> Vec<String> {
    let mut out = vec![form.to_owned()];
    let push = |s: String, out: &mut Vec<String>| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    for s in out.clone() {
        push(fold_diacritics(&s), &mut out);
    }
    for s in out.clone() {
        if s.contains("U.S.") {
            push(s.replace("U.S.", "US"), &mut out);
        }
        if s.contains("US ") || s.ends_with("US") || s.contains("US-") {
            push(s.replace("US", "U.S."), &mut out);
        }
    }
    for s in out.clone() {
        if s.contains(" & ") {
            push(s.replace(" & ", " and "), &mut out);
        } else if s.contains(" and ") {
            push(s.replace(" and ", " & "), &mut out);
        }
    }
    for s in out.clone() {
        if s.contains('\'') {
            push(s.replace('\'', "’"), &mut out);
        }
        if s.contains('’') {
            push(s.replace('’', "'"), &mut out);
        }
        if s.contains('-') {
            push(s.replace('-', "–"), &mut out);
        }
    }
    out
}

/// Acronym-like: one word with at least two uppercase letters and at most a plural `s` in
/// lowercase (`NORAD`, `IBETs`, `U.S.`).
pub(crate) fn is_acronym_form(form: &str) -> bool {
    if form.contains(' ') {
        return false;
    }
    let upper = form.chars().filter(|c| c.is_uppercase()).count();
    let lower = form.chars().filter(|c| c.is_lowercase()).count();
    upper >= 2 && lower <= upper / 2 + usize::from(form.ends_with('s'))
}

impl Matcher {
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<Self> {
        let mut exact: BTreeMap<String, Vec<Target>> = BTreeMap::new();
        let mut folded: BTreeMap<String, (String, Vec<Target>)> = BTreeMap::new();
        let mut add = |entity_type: EntityType, id: &str, form: &str| {
            let form = form.trim();
            if form.chars().count() < 2 {
                return;
            }
            for v in variants(form) {
                let is_acronym = is_acronym_form(&v);
                let target = Target {
                    entity_type,
                    id: id.to_owned(),
                    is_acronym,
                };
                let list = if is_acronym {
                    exact.entry(v.clone()).or_default()
                } else {
                    &mut folded
                        .entry(v.to_lowercase())
                        .or_insert_with(|| (v.clone(), Vec::new()))
                        .1
                };
                if !list.contains(&target) {
                    list.push(target);
                }
            }
        };
        for a in &gazetteer.agencies {
            for form in std::iter::once(&a.name)
                .chain(a.acronym.iter())
                .chain(a.aliases.iter())
            {
                add(EntityType::Agency, &a.id, form);
            }
        }
        for a in &gazetteer.agreements {
            for form in std::iter::once(&a.name)
                .chain(a.acronym.iter())
                .chain(a.aliases.iter())
            {
                add(EntityType::Agreement, &a.id, form);
            }
        }
        for w in &gazetteer.working_groups {
            for form in std::iter::once(&w.name).chain(w.aliases.iter()) {
                // Bare topic aliases ("Energy") are only meaningful inside a list of groups.
                if form.split_whitespace().count() >= 2 {
                    add(EntityType::WorkingGroup, &w.id, form);
                }
            }
        }
        let exact_forms: Vec<String> = exact.keys().cloned().collect();
        let exact_targets: Vec<Vec<Target>> = exact.into_values().collect();
        let folded_keys: Vec<String> = folded.keys().cloned().collect();
        let (folded_forms, folded_targets): (Vec<String>, Vec<Vec<Target>>) =
            folded.into_values().unzip();
        let build = |patterns: &[String], ci: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(ci)
                .build(patterns)
                .map_err(Error::Automaton)
        };
        Ok(Self {
            exact: build(&exact_forms, false)?,
            exact_targets,
            folded: build(&folded_keys, true)?,
            folded_forms,
            folded_targets,
        })
    }

    /// Gazetteer hits in `text[span]` with word boundaries on both sides (an acronym may carry
    /// a plural `s`), outside `excluded` spans (URLs).
    pub(crate) fn find(&self, text: &str, span: Span, excluded: &[Span]) -> Vec<Hit> {
        let slice = &text[span.start..span.end];
        let mut hits = Vec::new();
        for m in self.exact.find_iter(slice) {
            let (start, mut end) = (m.start(), m.end());
            if slice[end..].starts_with('s') && !is_word_char(slice[end + 1..].chars().next()) {
                end += 1;
            }
            if bounded(slice, start, end) {
                hits.push(Hit {
                    span: Span::new(start, end).shift(span.start),
                    targets: self.exact_targets[m.pattern().as_usize()].clone(),
                });
            }
        }
        for m in self.folded.find_iter(slice) {
            let (start, end) = (m.start(), m.end());
            let surface = &slice[start..end];
            let form = &self.folded_forms[m.pattern().as_usize()];
            if !bounded(slice, start, end)
                || !case_compatible(form, surface)
                || continues_as_longer_name(&slice[end..])
            {
                continue;
            }
            hits.push(Hit {
                span: Span::new(start, end).shift(span.start),
                targets: self.folded_targets[m.pattern().as_usize()].clone(),
            });
        }
        hits.retain(|h| !excluded.iter().any(|x| x.overlaps(h.span)));
        hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
        hits
    }
}

/// A name of fewer than four words matches only where every word capitalised in the
/// gazetteer form is capitalised in the text too ("Canadian Forces", not "Canadian forces");
/// longer names match whatever their case ("the central american free trade agreement").
fn case_compatible(form: &str, surface: &str) -> bool {
    let words: Vec<&str> = form.split_whitespace().collect();
    if words.len() >= 4 {
        return true;
    }
    words.iter().zip(surface.split_whitespace()).all(|(f, s)| {
        let f_upper = f.chars().next().is_some_and(char::is_uppercase);
        !f_upper || s.chars().next().is_some_and(char::is_uppercase)
    })
}

/// "European Union" in "the European Union of Students": the name goes on, so it is
/// another name, not the gazetteer entry.
fn continues_as_longer_name(after: &str) -> bool {
    after
        .strip_prefix(" of ")
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn bounded(slice: &str, start: usize, end: usize) -> bool {
    let before = slice[..start].chars().next_back();
    let after = slice[end..].chars().next();
    !is_word_char(before) && !is_word_char(after)
}
