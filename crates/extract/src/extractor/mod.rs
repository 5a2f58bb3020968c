//! The extract stage: rules over one document's blocks, producing mentions.

use crate::countries::{Countries, CountryScan};
use crate::matcher::{Matcher, Target, variants};
use crate::names::{self, NamePhrase};
use crate::text::{Token, sentences, tokens, url_spans};
use crate::{MoneyOptions, Result, find_dates, find_money};
use accord_core::{
    AgencyKind, AgreementKind, BlockKind, Document, EntityType, Mention, MentionValue, Period,
    Span, normalize_key,
};
use accord_core::{FundingKind, Rule};
use accord_gazetteer::Gazetteer;
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

mod budget;
mod cap;
mod coordination;
mod described;
mod distributive;
mod funding;
mod meets;
mod organisation;
mod parties;
mod placement;
mod ranges;
mod rules;
mod span_index;
mod tables;
mod title;
mod titled;
mod topic;

#[cfg(test)]
mod test_support;

use budget::Budget;
use organisation::agency_kind_from_name;
use tables::{
    column_header, column_year, header_currency, row_currency, row_label, row_year, table_caption,
    table_note_after, table_unit,
};

/// Options of the extract stage (`[extract]` in a pipeline file).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// ISO 4217 code assumed for an unqualified "dollars" or "$" when the document does not
    /// say otherwise; `None` leaves such figures without a currency (`parse_status =
    /// ambiguous`).
    pub default_currency: Option<String>,
    /// Apply name patterns (head nouns, lists) inside footnotes too. Off by default:
    /// endnotes are mostly bibliographic, and titles of papers look like names.
    pub patterns_in_footnotes: bool,
    /// Time budget of one document's extraction in seconds (default 60): a document whose
    /// extraction takes longer fails with [`crate::Error::TimedOut`]. The clock is checked
    /// between blocks, every few sentences and between the corpus-wide passes.
    pub max_seconds_per_document: u64,
    /// Most candidate mentions one document may give (default 250,000; real documents give
    /// a few thousand). Once a document passes it, the search stops at the end of the
    /// current window of text (at most 64 KiB on), the mentions found before that point are
    /// kept, and the document carries a warning naming the byte offset where the search
    /// stopped. This bounds the memory and time of a runaway input.
    pub max_mentions_per_document: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            default_currency: Some("USD".to_owned()),
            patterns_in_footnotes: false,
            max_seconds_per_document: 60,
            max_mentions_per_document: 250_000,
        }
    }
}

/// The code of the European Union among the parties: ISO 3166-1's exceptionally reserved
/// alpha-3 code for it, as `countries.csv` has it.
const EUROPEAN_UNION: &str = "EUU";

/// What extracting one document gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Every mention found, sorted by span (byte offsets into the document text).
    pub mentions: Vec<Mention>,
    /// Sentences for the document's `warnings` (a cap that was reached), in the order met.
    pub warnings: Vec<String>,
}

/// A compiled extractor: gazetteer automata plus the rules. Build once, apply to many
/// documents (it is `Sync`).
#[derive(Debug, Clone)]
pub struct Extractor {
    config: Config,
    gazetteer: Gazetteer,
    matcher: Matcher,
    countries: Countries,
    keys: HashMap<String, Vec<Target>>,
    /// Keys without a leading country word ("us border patrol" → "border patrol"), for
    /// descriptive lower-case phrases; only unambiguous stems are kept.
    stems: HashMap<String, Target>,
    /// Bare institution names ("Congress", "House of Commons", "National Guard") → the
    /// agencies whose names add only a country to them, with that country.
    bare: HashMap<String, Vec<(String, String)>>,
    /// Two-word gazetteer agreements whose second word is an instrument head ("Merida
    /// Initiative"), by their first word folded and lower-cased → ids in gazetteer order.
    short_heads: HashMap<String, Vec<String>>,
    /// The gazetteer agreements a document title can name.
    titles: title::TitleIndex,
}

/// A mention before overlap resolution.
#[derive(Debug, Clone)]
struct Cand {
    entity_type: EntityType,
    span: Span,
    name: String,
    rule: Rule,
    gaz: Option<String>,
    acronym: Option<String>,
    kind: Option<&'static str>,
    parties: Vec<String>,
    /// Pillar stated by the list's heading (working groups).
    pillar: Option<String>,
}

impl Cand {
    fn new(entity_type: EntityType, span: Span, name: String, rule: Rule) -> Self {
        Self {
            entity_type,
            span,
            name,
            rule,
            gaz: None,
            acronym: None,
            kind: None,
            parties: Vec::new(),
            pillar: None,
        }
    }
}

// The sentence cues below bound their (ASCII) words with ASCII word boundaries,
// `(?-u:\b)`: a Unicode `\b` sends the regex crate from its lazy DFA to the much slower
// PikeVM on any text with a non-ASCII character (curly quotes, dashes, accents), which is
// most real text.
static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(sign(?:ed|ing)?|establish(?:ed)?|conclud(?:ed|e)|launch(?:ed)?|agreed|issued|adopted|announced|unveiled|enter(?:ed)? into force|ratified|created)(?-u:\b)").expect("static regex")
});
static TODAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)today(?-u:\b)").expect("static regex"));
static ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(terminated|ended|expired|abandoned|replaced|superseded|dissolved|lapsed)(?-u:\b)")
        .expect("static regex")
});
static PILLAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]+) (?:working groups?|pillar|agenda|track)\b[^.]{0,40}?\b(?:were|are|was|is|include[ds]?|included|comprised?|consist(?:ed|s)? of)\b").expect("static regex")
});
static MONEY_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\$|(?-u:\b)(?:USD|CAD|MXN|EUR)(?-u:\b)|(?-u:\b)dollars(?-u:\b)|(?-u:\b)pesos(?-u:\b))").expect("static regex")
});
static START_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:running|starting|beginning|effective|from|since)\s+(?:in\s+|on\s+)?")
        .expect("static regex")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:FY\s?)?((?:19|20)\d\d)\b").expect("static regex"));

/// "running from 1 April 2002", "beginning in 2008", "starting on 1 January 2010": the
/// year a stated period starts.
fn start_from(sentence: &str) -> Option<i32> {
    START_FROM.find_iter(sentence).find_map(|m| {
        find_dates(&sentence[m.end()..])
            .first()
            .filter(|d| d.span.start <= 2)
            .map(|d| d.year)
    })
}

/// The year of a text that names exactly one (dates and fiscal years alike).
fn single_year(text: &str) -> Option<i32> {
    let years: std::collections::BTreeSet<i32> = YEAR
        .captures_iter(text)
        .filter_map(|c| c[1].parse().ok())
        .collect();
    (years.len() == 1).then(|| *years.iter().next().unwrap_or(&0))
}

/// The one year a section heading names ("2. FY2008: THE SUPPLEMENTAL", "THE BUDGET OF
/// DECEMBER 2001"), for figures under it that state no year themselves.
fn section_year(document: &Document, block: usize) -> Option<i32> {
    let heading = document.blocks[..block]
        .iter()
        .rev()
        .find(|b| b.kind == BlockKind::Heading)?;
    let years: std::collections::BTreeSet<i32> = YEAR
        .captures_iter(document.slice(heading.span))
        .filter_map(|c| c[1].parse().ok())
        .collect();
    (years.len() == 1).then(|| *years.iter().next().unwrap_or(&0))
}

static TRACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Uu]nder|[Ii]n|[Ww]ithin|[Ff]or) the ([a-z]+) (?:track|pillar|agenda|basket)\b",
    )
    .expect("static regex")
});

/// Spanish and French function words that mark a name as not English, for translation
/// glosses (with the Spanish and French head nouns of [`names::ROMANCE_HEADS`]).
const FOREIGN_WORDS: &[&str] = &[
    "de",
    "del",
    "la",
    "las",
    "los",
    "y",
    "des",
    "du",
    "et",
    "le",
    "les",
    "en",
    "Secretaria",
    "Procuraduria",
    "Policia",
    "Camara",
    "Comision",
    "Dirección",
    "Iniciativa",
    "Operativo",
    "Ley",
    "Acuerdo",
];

fn is_foreign(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| FOREIGN_WORDS.contains(&w) || names::ROMANCE_HEADS.contains(&w))
}

static CURRENCY_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:all )?(?:amounts|figures|dollars?)\b[^.]{0,40}\b(?:are )?in (u\.?s\.?|[a-z]+(?: [a-z]+)?) (dollars|pesos)").expect("static regex")
});

/// The end of every [`CURRENCY_NOTE`] match, alone: no Unicode word boundary, so the fast
/// lazy DFA runs it over any text, where the note's `\b` sends non-ASCII text to the slow
/// engine. A text without it holds no note.
static CURRENCY_NOTE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)in (?:u\.?s\.?|[a-z]+(?: [a-z]+)?) (?:dollars|pesos)").expect("static regex")
});

/// The first currency note of `text` ("all amounts are in Canadian dollars"): its
/// currency word, as [`CURRENCY_NOTE`] captures it.
fn currency_note(text: &str) -> Option<regex::Captures<'_>> {
    if !CURRENCY_NOTE_TAIL.is_match(text) {
        return None;
    }
    CURRENCY_NOTE.captures(text)
}

impl Extractor {
    /// Compiles the gazetteer automata.
    ///
    /// # Errors
    /// [`crate::Error::InvalidConfig`] when `max_seconds_per_document` or
    /// `max_mentions_per_document` is 0; [`crate::Error::Automaton`] when the automaton
    /// cannot be built (too many patterns).
    pub fn new(config: &Config, gazetteer: &Gazetteer) -> Result<Self> {
        for (name, value) in [
            ("max_seconds_per_document", config.max_seconds_per_document),
            (
                "max_mentions_per_document",
                u64::try_from(config.max_mentions_per_document).unwrap_or(u64::MAX),
            ),
        ] {
            if value == 0 {
                return Err(crate::Error::InvalidConfig {
                    message: format!("{name} must be above 0"),
                });
            }
        }
        let matcher = Matcher::new(gazetteer)?;
        let countries = Countries::new(gazetteer);
        let mut keys: HashMap<String, Vec<Target>> = HashMap::new();
        let mut add = |entity_type: EntityType, id: &str, form: &str| {
            for v in variants(form) {
                let target = Target {
                    entity_type,
                    id: id.to_owned(),
                    is_acronym: crate::matcher::is_acronym_form(&v),
                };
                let list = keys.entry(normalize_key(&v)).or_default();
                if !list.contains(&target) {
                    list.push(target);
                }
            }
        };
        for a in &gazetteer.agencies {
            for f in std::iter::once(&a.name)
                .chain(a.acronym.iter())
                .chain(&a.aliases)
            {
                add(EntityType::Agency, &a.id, f);
            }
        }
        for a in &gazetteer.agreements {
            for f in std::iter::once(&a.name)
                .chain(a.acronym.iter())
                .chain(&a.aliases)
            {
                add(EntityType::Agreement, &a.id, f);
            }
        }
        for w in &gazetteer.working_groups {
            for f in std::iter::once(&w.name).chain(&w.aliases) {
                add(EntityType::WorkingGroup, &w.id, f);
            }
        }
        let mut stems: HashMap<String, Option<Target>> = HashMap::new();
        for (key, targets) in &keys {
            let Some((first, rest)) = key.split_once(' ') else {
                continue;
            };
            if countries.lookup(&first.to_uppercase()).is_none()
                && countries.lookup(&capitalize(first)).is_none()
            {
                continue;
            }
            for t in targets {
                let slot = stems
                    .entry(rest.to_owned())
                    .or_insert_with(|| Some(t.clone()));
                if slot.as_ref().is_some_and(|s| s.id != t.id) {
                    *slot = None;
                }
            }
        }
        let stems = stems
            .into_iter()
            .filter_map(|(k, t)| t.map(|t| (k, t)))
            .collect();
        let bare = bare_names(gazetteer, &countries);
        let mut short_heads: HashMap<String, Vec<String>> = HashMap::new();
        for a in &gazetteer.agreements {
            let words: Vec<&str> = a.name.split_whitespace().collect();
            // A country or a pair of countries ("Canada-U.S. Partnership") is no
            // distinctive first word: alone it names the countries, not the instrument.
            let country_word = words
                .first()
                .is_some_and(|w| countries.lookup(w).is_some() || countries.compound(w).is_some());
            if words.len() == 2
                && !country_word
                && accord_core::AgreementKind::of_name(&a.name, true).is_some()
            {
                short_heads
                    .entry(crate::matcher::fold_diacritics(words[0]).to_lowercase())
                    .or_default()
                    .push(a.id.clone());
            }
        }
        Ok(Self {
            config: config.clone(),
            gazetteer: gazetteer.clone(),
            matcher,
            countries,
            keys,
            stems,
            bare,
            short_heads,
            titles: title::TitleIndex::new(gazetteer),
        })
    }

    /// The gazetteer the extractor was built from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Gazetteer id of type `entity_type` for a name, matched on its normalised key (and
    /// its singular, and "U.S.-X …" for a spelled-out "United States-X …").
    pub fn resolve(&self, entity_type: EntityType, name: &str) -> Option<&str> {
        let key = normalize_key(name);
        let singular = key.strip_suffix('s').map(str::to_owned);
        // A country compound spelled out: "United States-Mexico …" is "U.S.-Mexico …".
        let abbreviated = key
            .strip_prefix("united states")
            .filter(|rest| !rest.starts_with(' '))
            .map(|rest| format!("us{rest}"));
        for k in std::iter::once(key).chain(singular).chain(abbreviated) {
            if let Some(t) = self
                .keys
                .get(&k)
                .and_then(|ts| ts.iter().find(|t| t.entity_type == entity_type))
            {
                return Some(&t.id);
            }
        }
        None
    }

    /// Extracts every mention of `document`, sorted by span, with no time budget (the cap on
    /// mentions per document still holds; its warning is dropped: see
    /// [`Extractor::extract_budgeted`]).
    pub fn extract(&self, document: &Document) -> Vec<Mention> {
        self.extract_inner(document, &Budget::unlimited(&document.doc_id))
            .map(|e| e.mentions)
            .unwrap_or_default()
    }

    /// [`Extractor::extract`] within the configured time budget
    /// (`max_seconds_per_document`), with the warnings meant for the document's `warnings`.
    ///
    /// # Errors
    /// [`crate::Error::TimedOut`] when the budget runs out; the clock is checked between
    /// blocks and sentences and between passes, so the call returns soon after.
    pub fn extract_budgeted(&self, document: &Document) -> Result<Extraction> {
        self.extract_within(
            document,
            std::time::Duration::from_secs(self.config.max_seconds_per_document),
        )
    }

    /// [`Extractor::extract_budgeted`] within `budget`.
    ///
    /// # Errors
    /// [`crate::Error::TimedOut`] when `budget` runs out.
    pub fn extract_within(
        &self,
        document: &Document,
        budget: std::time::Duration,
    ) -> Result<Extraction> {
        self.extract_inner(document, &Budget::new(&document.doc_id, budget))
    }

    fn extract_inner(&self, document: &Document, budget: &Budget<'_>) -> Result<Extraction> {
        let text = &document.text;
        let urls = url_spans(text);
        let cap = self.config.max_mentions_per_document;
        let mut horizon: Option<usize> = None;
        let mut cands: Vec<Cand> = Vec::new();
        let mut sentence_spans: Vec<(usize, Span)> = Vec::new();
        let first_paragraph = document
            .blocks
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem))
            .unwrap_or(document.blocks.len());
        'blocks: for (bi, block) in document.blocks.iter().enumerate() {
            // Front matter (byline, affiliation, dateline: furniture before the first
            // paragraph) names organisations; later furniture is page furniture.
            let front_matter = block.kind == BlockKind::Furniture && bi < first_paragraph;
            if block.kind == BlockKind::Furniture && !front_matter {
                continue;
            }
            // In notes and front matter, only organisation names are sought by pattern:
            // agreement-like phrases there are mostly titles of cited works.
            let in_note = (block.kind == BlockKind::Footnote && !self.config.patterns_in_footnotes)
                || front_matter;
            let block_sentences = sentences(text, block.span);
            for (window, in_window) in cap::windows(block.span, &block_sentences) {
                if cands.len() > cap {
                    horizon = Some(window.start);
                    break 'blocks;
                }
                for hit in self.matcher.find(text, window, &urls) {
                    let mut seen: Vec<EntityType> = Vec::new();
                    for target in &hit.targets {
                        if seen.contains(&target.entity_type) {
                            continue;
                        }
                        seen.push(target.entity_type);
                        let mut c = Cand::new(
                            target.entity_type,
                            hit.span,
                            text[hit.span.start..hit.span.end].to_owned(),
                            Rule::Gazetteer,
                        );
                        c.gaz = Some(target.id.clone());
                        cands.push(c);
                    }
                    // A body two or three governments share (a gazetteer organisation of
                    // country BINATIONAL: "Permanent Joint Board on Defence") is a working group
                    // too (CODING.md, "Working groups").
                    let shared = hit.targets.iter().find_map(|t| {
                        (t.entity_type == EntityType::Agency)
                            .then(|| self.gazetteer.agency(&t.id))
                            .flatten()
                            .filter(|a| {
                                a.country.as_deref() == Some("BINATIONAL")
                                    && a.name.split_whitespace().any(|w| {
                                        names::is_meeting_head(w)
                                            || matches!(w, "Forum" | "Dialogue" | "Ministerial")
                                    })
                            })
                    });
                    if let (Some(entry), false) = (shared, seen.contains(&EntityType::WorkingGroup))
                    {
                        cands.push(Cand::new(
                            EntityType::WorkingGroup,
                            hit.span,
                            entry.name.clone(),
                            Rule::SharedBody,
                        ));
                    }
                }
                budget.check()?;
                for &sentence in &block_sentences[in_window] {
                    budget.tick()?;
                    // A byline is no list of organisations ("A. Author, Institute, University").
                    if !front_matter {
                        sentence_spans.push((bi, sentence));
                    }
                    let toks = tokens(text, sentence);
                    let sentence_from = cands.len();
                    for p in names::head_noun_phrases(text, &toks) {
                        let c = self.phrase_cand(&p);
                        let mut c = self.cut_country_list(text, &c).unwrap_or(c);
                        if described_as_shared(text, &c) {
                            c.entity_type = EntityType::WorkingGroup;
                        }
                        if (c.rule != Rule::PluralHead || c.gaz.is_some())
                            && (!in_note || c.entity_type == EntityType::Agency)
                        {
                            if let Some(twin) = standing_body_twin(&c) {
                                cands.push(twin);
                            }
                            if let Some(parts) = self.split_coordination(text, &c) {
                                cands.extend(parts);
                            } else {
                                cands.push(c);
                            }
                        }
                    }
                    cands.extend(self.distributive_lists(text, &toks));
                    let (items, covered) = self.coordinated_modifier_lists(text, &toks);
                    if !covered.is_empty() {
                        cands.retain(|c| {
                            !covered
                                .iter()
                                .any(|&(ty, span)| ty == c.entity_type && span.contains(c.span))
                        });
                    }
                    cands.extend(items);
                    if !in_note {
                        cands.extend(self.party_compounds(text, &toks));
                        cands.extend(self.named_by_apposition(text, sentence));
                        cands.extend(self.numbered_plans(text, sentence));
                        cands.extend(self.shared_head_groups(text, sentence));
                        cands.extend(self.instrument_lists(text, sentence));
                        cands.extend(self.titled_instruments(text, sentence));
                        cands.extend(described::instruments(text, sentence));
                        cands.extend(self.short_names(text, &toks));
                        for bare in names::bare_list_items(text, sentence, "Working Group") {
                            let name = format!("{} Working Group", &text[bare.start..bare.end]);
                            let mut c = Cand::new(
                                EntityType::WorkingGroup,
                                bare,
                                name,
                                Rule::ListExpansion,
                            );
                            c.gaz = self
                                .resolve(EntityType::WorkingGroup, &c.name)
                                .map(str::to_owned);
                            cands.push(c);
                        }
                    }
                    cands.extend(self.acronym_definitions(text, &toks, &urls));
                    self.promote_meeting_bodies(text, &mut cands, sentence_from, sentence);
                }
            }
        }
        // Past the cap, the later passes see the document only up to the horizon.
        let clipped_document;
        let mut warnings = Vec::new();
        let document = match horizon {
            Some(h) => {
                warnings.push(cap::cap_warning(h, text.len(), cap));
                cands.retain(|c| c.span.end <= h);
                clipped_document = cap::clipped(document, h);
                &clipped_document
            }
            None => document,
        };
        let text = &document.text;
        budget.check()?;
        cands.extend(self.headed_list_items(document));
        drop_footnote_only_agreements(document, &mut cands);
        budget.check()?;
        Self::list_members(document, &sentence_spans, &mut cands);
        budget.check()?;
        Self::acronym_uses(document, &urls, &mut cands);
        budget.check()?;
        self.bare_institutions(document, &sentence_spans, &mut cands);
        budget.check()?;
        let cands = resolve_overlaps(cands, &self.countries, &self.gazetteer);
        budget.check()?;
        // Country names: one scan of the document answers for its blocks and sentences;
        // each block's share is taken once (not once per candidate).
        let scan = CountryScan::new(&self.countries, text);
        let country_hits: Vec<std::cell::OnceCell<Vec<(Span, String)>>> = document
            .blocks
            .iter()
            .map(|_| std::cell::OnceCell::new())
            .collect();
        let mut mentions: Vec<Mention> = Vec::with_capacity(cands.len());
        for c in &cands {
            budget.tick()?;
            mentions.push(self.attributes(document, &sentence_spans, &scan, &country_hits, c));
        }
        mentions.sort_by_key(|m| (m.span.start, m.span.end, m.entity_type));
        budget.check()?;
        self.place_working_groups(document, &sentence_spans, &mut mentions);
        budget.check()?;
        assign_dates(text, &sentence_spans, &mut mentions);
        budget.check()?;
        self.link_glosses(text, &sentence_spans, &mut mentions);
        budget.check()?;
        let funding = self.funding(document, &sentence_spans, &scan, &mentions, budget)?;
        mentions.extend(funding);
        mentions.sort_by_key(|m| (m.span.start, m.span.end, m.entity_type));
        // The mentions are kept until normalize, with every other document's.
        mentions.shrink_to_fit();
        budget.check()?;
        Ok(Extraction { mentions, warnings })
    }

    fn attributes(
        &self,
        document: &Document,
        sentences: &[(usize, Span)],
        scan: &CountryScan<'_>,
        country_hits: &[std::cell::OnceCell<Vec<(Span, String)>>],
        c: &Cand,
    ) -> Mention {
        let text = &document.text;
        // Sentences are sorted and disjoint: the first that ends after the span's start
        // is the one that holds or overlaps it (a binary search, not a scan per candidate).
        let at = sentences.partition_point(|(_, s)| s.end <= c.span.start);
        let sentence = sentences
            .get(at)
            .filter(|(_, s)| s.contains(c.span) || s.overlaps(c.span))
            .map(|(_, s)| *s);
        let mut v = MentionValue {
            name: c.name.clone(),
            gazetteer_id: c.gaz.clone(),
            acronym: c.acronym.clone(),
            parties: c.parties.clone(),
            ..MentionValue::default()
        };
        match c.entity_type {
            EntityType::Agency => {
                if let Some(e) = c.gaz.as_deref().and_then(|id| self.gazetteer.agency(id)) {
                    v.agency_kind = e.kind;
                    v.country.clone_from(&e.country);
                    v.parent.clone_from(&e.parent);
                    v.parent_id.clone_from(&e.parent);
                } else {
                    v.agency_kind = Some(agency_kind_from_name(&c.name));
                    let named = self.country_of_name(&c.name);
                    // A body of several states by its name ("Pacific Islands Chiefs of
                    // Police"): an international organisation, whatever the sentence's
                    // countries (CODING.md, "Agencies": country INTERNATIONAL).
                    let multinational = named.is_none() && self.multinational_by_name(&c.name);
                    if multinational {
                        v.agency_kind = Some(AgencyKind::InternationalOrganization);
                    }
                    v.country = named
                        .or_else(|| multinational.then(|| "INTERNATIONAL".to_owned()))
                        .or_else(|| {
                            sentence.and_then(|s| {
                                Self::dominant_country(document, scan, country_hits, s)
                            })
                        })
                        // The European Union (EUU) is a party; an agency's country is a
                        // country, BINATIONAL or INTERNATIONAL (CODING.md, "Agencies").
                        .map(|code| {
                            if code == EUROPEAN_UNION {
                                "INTERNATIONAL".to_owned()
                            } else {
                                code
                            }
                        });
                }
            }
            EntityType::Agreement => {
                if let Some(e) = c.gaz.as_deref().and_then(|id| self.gazetteer.agreement(id)) {
                    v.agreement_kind = e.kind;
                    v.parties.clone_from(&e.parties);
                } else {
                    v.agreement_kind = c.kind.and_then(|k| k.parse().ok());
                    if v.parties.is_empty() {
                        v.parties = self.stated_parties(document, country_hits, scan, c, sentence);
                    }
                }
            }
            EntityType::WorkingGroup => {
                if let Some(e) = c
                    .gaz
                    .as_deref()
                    .and_then(|id| self.gazetteer.working_group(id))
                {
                    v.pillar.clone_from(&e.pillar);
                    v.parent_id.clone_from(&e.agreement_id);
                    v.parent = e
                        .agreement_id
                        .as_deref()
                        .and_then(|id| self.gazetteer.agreement(id))
                        .map(|a| a.name.clone());
                }
                if c.pillar.is_some() {
                    v.pillar.clone_from(&c.pillar);
                } else if let Some(s) = sentence {
                    let before = &text[s.start..c.span.start];
                    let track = TRACK
                        .captures_iter(before)
                        .last()
                        .map(|p| p[1].to_lowercase());
                    if let Some(word) = track.filter(|w| {
                        !matches!(
                            w.as_str(),
                            "the" | "a" | "this" | "that" | "fast" | "same" | "other"
                        )
                    }) {
                        v.pillar = Some(word);
                    } else if let Some(p) = PILLAR.captures_iter(before).last() {
                        let word = p[1].to_lowercase();
                        if !matches!(
                            word.as_str(),
                            "the" | "these" | "those" | "other" | "of" | "and" | "several" | "many"
                        ) {
                            v.pillar = Some(word);
                        }
                    }
                }
            }
            EntityType::Funding => {}
        }
        Mention {
            entity_type: c.entity_type,
            span: c.span,
            text: text[c.span.start..c.span.end].to_owned(),
            rule: c.rule,
            value: v,
        }
    }

    fn country_of_name(&self, name: &str) -> Option<String> {
        let toks = tokens(name, Span::new(0, name.len()));
        let mut found: Vec<String> = Vec::new();
        for t in &toks {
            if let Some(code) = self
                .countries
                .lookup(t.text)
                .filter(|code| !found.iter().any(|f| f == code))
            {
                found.push(code.to_owned());
            }
        }
        let found_multi = self.countries.find(name, Span::new(0, name.len()));
        for (_, code) in found_multi {
            if !found.contains(&code) {
                found.push(code);
            }
        }
        (found.len() == 1).then(|| found.remove(0))
    }

    /// The country named most often in the block up to the end of `sentence` (at most
    /// four run-on pieces back), when one leads.
    fn dominant_country(
        document: &Document,
        scan: &CountryScan<'_>,
        country_hits: &[std::cell::OnceCell<Vec<(Span, String)>>],
        sentence: Span,
    ) -> Option<String> {
        let bi = document.block_at(sentence.start)?;
        let block = document.blocks[bi].span;
        let hits = country_hits.get(bi)?.get_or_init(|| scan.find(block));
        // Bounded context: a paragraph of 100,000 sentences must not be counted once per
        // candidate.
        let from = block.start.max(
            sentence
                .end
                .saturating_sub(4 * crate::text::MAX_SENTENCE_BYTES),
        );
        let first = hits.partition_point(|(s, _)| s.start < from);
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (_, code) in hits[first..]
            .iter()
            .take_while(|(s, _)| s.end <= sentence.end)
        {
            *counts.entry(code.clone()).or_default() += 1;
        }
        let max = counts.values().max().copied()?;
        let top: Vec<&String> = counts
            .iter()
            .filter(|(_, n)| **n == max)
            .map(|(c, _)| c)
            .collect();
        (top.len() == 1).then(|| top[0].clone())
    }
}

/// The head word of an organisation name: its last word before a complement ("Committee"
/// in "Joint Committee on Trade").
fn head_word(name: &str) -> Option<&str> {
    name.split_whitespace()
        .take_while(|w| !matches!(*w, "on" | "of" | "for"))
        .last()
}

/// "the Preclearance Coordination Committee, the bilateral body established under …": an
/// organisation name with a meeting head that the text itself describes, in apposition, as
/// a body two or more governments share.
static SHARED_APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s+(?:the|a|an)\s+(?:bilateral|binational|trilateral|multilateral|joint)\s+(?:body|forum|mechanism|committee|group|council|board|commission|panel)\b")
        .expect("static regex")
});

fn described_as_shared(text: &str, c: &Cand) -> bool {
    let head = head_word(&c.name).unwrap_or("");
    c.entity_type == EntityType::Agency
        && c.gaz.is_none()
        && names::is_meeting_head(head)
        && SHARED_APPOSITION.is_match(&text[c.span.end..])
}

/// A commission that governments share ("United States-Mexico Border Health Commission") is
/// a standing organisation as well as a body that meets: CODING.md lists commissions among
/// neither kind of working group, so the working-group reading gets an organisation twin.
fn standing_body_twin(c: &Cand) -> Option<Cand> {
    let head = head_word(&c.name)?;
    (c.entity_type == EntityType::WorkingGroup && head == "Commission").then(|| {
        let mut twin = c.clone();
        twin.entity_type = EntityType::Agency;
        twin.gaz = None;
        twin
    })
}

/// Agreements named only in footnotes are, in practice, titles of cited works ("Partners
/// at the Border: Toward a new Canada-Mexico Partnership…"); they are
/// kept only when the body mentions the same agreement.
fn drop_footnote_only_agreements(document: &Document, cands: &mut Vec<Cand>) {
    let in_footnote = |c: &Cand| {
        document
            .block_at(c.span.start)
            .is_some_and(|b| document.blocks[b].kind == BlockKind::Footnote)
    };
    let body: std::collections::HashSet<String> = cands
        .iter()
        .filter(|c| c.entity_type == EntityType::Agreement && !in_footnote(c))
        .map(|c| c.gaz.clone().unwrap_or_else(|| normalize_key(&c.name)))
        .collect();
    cands.retain(|c| {
        c.entity_type != EntityType::Agreement
            || !in_footnote(c)
            || body.contains(&c.gaz.clone().unwrap_or_else(|| normalize_key(&c.name)))
    });
}

/// Signature and end dates from the sentence around each agreement mention: a sentence with
/// a signing verb ("signed", "established", "launched", …) or an ending verb
/// ("terminated", …) gives each of its dates to the agreement mention nearest to it; a
/// mention takes its nearest such date. Names that carry a year ("Budget 2001") are skipped.
/// How far into a document its issue date is sought, in bytes: the dateline of a press
/// release or fact sheet sits in its first lines.
const ISSUE_DATE_WITHIN: usize = 600;

/// The document's issue date: the first date to the day ("November 14, 2025", "19 June
/// 2026") in its first [`ISSUE_DATE_WITHIN`] bytes, as EDTF (`2025-11-14`).
fn issue_date(text: &str) -> Option<String> {
    let mut end = ISSUE_DATE_WITHIN.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    find_dates(&text[..end])
        .into_iter()
        .find(|d| d.edtf.len() == 10)
        .map(|d| d.edtf)
}

/// Signing and ending dates of the agreements of each signing or ending sentence: the
/// nearest date the sentence gives; with none, "today" in the sentence ("the governors
/// today signed …") is the document's issue date (`issue_date`, found once, when first
/// needed).
fn assign_dates(text: &str, sentences: &[(usize, Span)], mentions: &mut [Mention]) {
    let mut issue: Option<Option<String>> = None;
    let taken = span_index::SpanIndex::new(mentions.iter().map(|m| m.span));
    for &(_, sentence) in sentences {
        let sent = &text[sentence.start..sentence.end];
        let signing = SIGNING.is_match(sent);
        let ending = ENDING.is_match(sent);
        if !signing && !ending {
            continue;
        }
        // Mentions are sorted by start: those in the sentence start within it.
        let from = mentions.partition_point(|m| m.span.start < sentence.start);
        let to = mentions.partition_point(|m| m.span.start < sentence.end);
        let agreements: Vec<usize> = (from..to.max(from))
            .filter(|&i| {
                let m = &mentions[i];
                m.entity_type == EntityType::Agreement
                    && sentence.contains(m.span)
                    // A name with a number ("the 2015 Work Plan", "its 30-point plan") is
                    // dated elsewhere, save a numbered instrument ("Minute 328").
                    && (m.rule == Rule::NumberedInstrument
                        || !m.value.name.contains(|c: char| c.is_ascii_digit()))
            })
            .collect();
        if agreements.is_empty() {
            continue;
        }
        let distance = |a: Span, b: Span| {
            if a.end <= b.start {
                b.start - a.end
            } else {
                a.start.saturating_sub(b.end)
            }
        };
        let dates: Vec<(Span, String)> = find_dates(sent)
            .into_iter()
            .map(|d| (d.span.shift(sentence.start), d.edtf))
            .filter(|(span, _)| !taken.overlaps_any(*span))
            .collect();
        for &i in &agreements {
            let own: Vec<&(Span, String)> = dates
                .iter()
                .filter(|(span, _)| {
                    agreements
                        .iter()
                        .min_by_key(|&&j| distance(mentions[j].span, *span))
                        .is_some_and(|&j| {
                            j == i || mentions[j].value.name == mentions[i].value.name
                        })
                })
                .collect();
            // With both kinds of verb in the sentence, a date belongs to the nearer verb
            // ("launched in March 2005 and ended in August 2009").
            let is_end = |span: Span| {
                let nearest = |re: &Regex| {
                    re.find_iter(sent)
                        .map(|m| {
                            distance(Span::new(m.start(), m.end()).shift(sentence.start), span)
                        })
                        .min()
                        .unwrap_or(usize::MAX)
                };
                nearest(&ENDING) < nearest(&SIGNING)
            };
            let pick = |end: bool| {
                own.iter()
                    .filter(|(span, _)| is_end(*span) == end)
                    .min_by_key(|(span, edtf)| {
                        (
                            distance(mentions[i].span, *span),
                            std::cmp::Reverse(edtf.len()),
                        )
                    })
                    .map(|(_, edtf)| edtf.clone())
            };
            let (mut signed, ended) = (pick(false), pick(true));
            if signed.is_none() && own.is_empty() && signing && TODAY.is_match(sent) {
                signed.clone_from(issue.get_or_insert_with(|| issue_date(text)));
            }
            if signed.is_some() {
                mentions[i].value.signed = signed;
            }
            if ended.is_some() {
                mentions[i].value.ended = ended;
            }
        }
    }
}

/// Bare names of gazetteer organisations: a name or alias that is a country word plus a
/// name ("U.S. Congress", "Canadian House of Commons", "Parliament of Canada") gives the
/// bare name ("congress", "house of commons", "parliament") with the organisation's id and
/// country.
fn bare_names(
    gazetteer: &Gazetteer,
    countries: &Countries,
) -> HashMap<String, Vec<(String, String)>> {
    let mut out: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for a in &gazetteer.agencies {
        let Some(country) = a.country.clone() else {
            continue;
        };
        for form in std::iter::once(&a.name).chain(&a.aliases) {
            let words: Vec<&str> = form.split_whitespace().collect();
            if words.len() < 2 {
                continue;
            }
            let mut stems = Vec::new();
            if countries.lookup(words[0]).is_some_and(|c| c == country) {
                stems.push(words[1..].join(" "));
            }
            let n = words.len();
            if n >= 3
                && words[n - 2] == "of"
                && countries.lookup(words[n - 1]).is_some_and(|c| c == country)
            {
                stems.push(words[..n - 2].join(" "));
            }
            for stem in stems {
                let key = normalize_key(&stem);
                // One-word bare names are only legislatures ("Congress", "Parliament"):
                // "National" or "Navy" alone name too many things.
                let one_word_ok = matches!(
                    stem.as_str(),
                    "Congress" | "Parliament" | "Senate" | "Legislature"
                );
                if key.is_empty()
                    || !stem.starts_with(|c: char| c.is_uppercase())
                    || (!stem.contains(' ') && !one_word_ok)
                {
                    continue;
                }
                let list = out.entry(key).or_default();
                if !list.iter().any(|(id, _)| *id == a.id) {
                    list.push((a.id.clone(), country.clone()));
                }
            }
        }
    }
    out
}

fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn names_stop(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "And"
            | "Or"
            | "Of"
            | "For"
            | "To"
            | "By"
            | "With"
            | "At"
            | "From"
            | "This"
            | "That"
            | "Its"
            | "Their"
    )
}

/// Funding kind from the keyword nearest to the figure in its sentence (`at`: byte offset
/// of the figure in the sentence).
fn funding_kind(sentence: &str, at: usize) -> FundingKind {
    const KEYWORDS: &[(&str, FundingKind)] = &[
        ("profit", FundingKind::RevenueEstimate),
        ("revenue", FundingKind::RevenueEstimate),
        ("proceeds", FundingKind::RevenueEstimate),
        ("illicit", FundingKind::RevenueEstimate),
        ("appropriat", FundingKind::Appropriation),
        ("enacted", FundingKind::Appropriation),
        ("omnibus", FundingKind::Appropriation),
        ("set aside", FundingKind::Appropriation),
        ("request", FundingKind::Request),
        ("sought", FundingKind::Request),
        ("seeking", FundingKind::Request),
        ("asked", FundingKind::Request),
        ("authoriz", FundingKind::Authorization),
        ("authoris", FundingKind::Authorization),
        ("budget", FundingKind::Budget),
        ("allocat", FundingKind::Budget),
        ("earmark", FundingKind::Budget),
        ("committed", FundingKind::Budget),
        ("assistance", FundingKind::Assistance),
        ("aid", FundingKind::Assistance),
        ("provide", FundingKind::Assistance),
        ("grant", FundingKind::Assistance),
        ("package", FundingKind::Assistance),
        ("funding for", FundingKind::Assistance),
    ];
    let lower = sentence.to_lowercase();
    KEYWORDS
        .iter()
        .flat_map(|(word, kind)| {
            lower
                .match_indices(word)
                .map(move |(pos, _)| (pos.abs_diff(at), *kind))
        })
        .min_by_key(|(d, _)| *d)
        .map_or(FundingKind::Other, |(_, kind)| kind)
}

/// Keeps the longest of overlapping candidates; equal spans of one type merge (gazetteer id
/// and acronym kept); a contained candidate of the same type lends its gazetteer id to its
/// container when the container only adds a matching country prefix ("US Coast Guard").
fn resolve_overlaps(
    mut cands: Vec<Cand>,
    countries: &Countries,
    gazetteer: &Gazetteer,
) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        (
            a.span.start,
            std::cmp::Reverse(a.span.end),
            a.entity_type,
            a.gaz.is_none(),
        )
            .cmp(&(
                b.span.start,
                std::cmp::Reverse(b.span.end),
                b.entity_type,
                b.gaz.is_none(),
            ))
    });
    let mut kept: Vec<Cand> = Vec::new();
    // The furthest end among `kept[..=i]` (kept spans never change: a replacement has the
    // same span). Candidates come sorted by start, so the backward search for overlaps
    // stops where no earlier kept span reaches this one (linear for disjoint names, where
    // a scan of every kept candidate is quadratic).
    let mut reach: Vec<usize> = Vec::new();
    'next: for c in cands {
        for i in (0..kept.len()).rev() {
            if reach[i] <= c.span.start {
                break;
            }
            let k = &mut kept[i];
            if !k.span.overlaps(c.span) {
                continue;
            }
            if k.span == c.span && k.entity_type == c.entity_type {
                if k.gaz.is_none() {
                    k.gaz.clone_from(&c.gaz);
                }
                if k.acronym.is_none() {
                    k.acronym.clone_from(&c.acronym);
                }
                if k.kind.is_none() {
                    k.kind = c.kind;
                }
                continue 'next;
            }
            if k.span == c.span && k.entity_type != c.entity_type {
                // A list item read as a working group is not also an organisation named
                // by its head noun ("Financial Services" in a list of working groups).
                if c.rule == Rule::ListExpansion && k.gaz.is_none() {
                    *k = c.clone();
                    continue 'next;
                }
                if k.rule == Rule::ListExpansion && c.gaz.is_none() {
                    continue 'next;
                }
                // The gazetteer knows what this name is ("Inter-American Dialogue" is a
                // think tank, not a dialogue between governments): a head-noun reading of
                // the same span as another type gives way.
                if k.gaz.is_some() && c.gaz.is_none() && c.rule != Rule::SharedBody {
                    continue 'next;
                }
                if k.gaz.is_none() && c.gaz.is_some() && k.rule != Rule::SharedBody {
                    *k = c.clone();
                    continue 'next;
                }
            }
            if k.entity_type != c.entity_type && (k.span == c.span || !k.span.contains(c.span)) {
                continue; // same span or crossing spans of another type: keep both
            }
            if k.entity_type == c.entity_type
                && k.gaz.is_none()
                && c.gaz.is_some()
                && k.span.contains(c.span)
            {
                let extra = &k.name[..c.span.start.saturating_sub(k.span.start).min(k.name.len())];
                let prefix_is_country = extra.split_whitespace().all(|w| {
                    countries.lookup(w).is_some() || countries.compound(w).is_some() || w == "the"
                });
                let entry_country = c
                    .gaz
                    .as_deref()
                    .and_then(|id| gazetteer.agency(id))
                    .and_then(|a| a.country.clone());
                let same_country = extra
                    .split_whitespace()
                    .filter_map(|w| countries.lookup(w))
                    .all(|code| entry_country.as_deref().is_none_or(|e| e == code));
                if prefix_is_country && same_country && c.span.end == k.span.end {
                    k.gaz.clone_from(&c.gaz);
                }
            }
            continue 'next;
        }
        reach.push(reach.last().map_or(c.span.end, |&r| r.max(c.span.end)));
        kept.push(c);
    }
    kept
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_bounded_cues_match_beside_non_ascii_punctuation_but_not_inside_words() {
        use super::{ENDING, MONEY_HINT, SIGNING, TODAY};
        assert!(SIGNING.is_match("the parties \u{201c}signed\u{201d} it\u{2014}today"));
        assert!(TODAY.is_match("\u{2014}today\u{2014}"));
        assert!(ENDING.is_match("it expired\u{2026}"));
        assert!(MONEY_HINT.is_match("5 million dollars\u{2019}"));
        assert!(!SIGNING.is_match("a designated official"));
        assert!(!TODAY.is_match("todays"));
    }

    use super::*;

    #[test]
    fn a_spelled_out_us_compound_resolves_to_the_abbreviated_entry() {
        let mut g = Gazetteer::default();
        g.agreements.push(accord_gazetteer::AgreementEntry {
            id: "water".into(),
            name: "U.S.-Chile Water Framework".into(),
            acronym: None,
            aliases: Vec::new(),
            kind: None,
            parties: Vec::new(),
            signed: None,
            ended: None,
        });
        let x = Extractor::new(&Config::default(), &g).expect("extractor");
        assert_eq!(
            x.resolve(EntityType::Agreement, "United States-Chile Water Framework"),
            Some("water")
        );
        assert_eq!(
            x.resolve(EntityType::Agreement, "United States Water Framework"),
            None
        );
    }

    #[test]
    fn currency_note_finds_what_the_note_regex_finds() {
        let texts = [
            "All amounts are in Canadian dollars. Figures in U.S. dollars follow.",
            "The budget — “figures” in this table — are in Mexican pesos.",
            "Dollars spent in 2020, all in US dollars; amounts in Canadian dollars.",
            "ALL FIGURES ARE IN AMERICAN DOLLARS",
            "Amounts ſhown are in Canadian dollarſ",
            "Amounts in Canadian dollars",
            "Canadian dollars and pesos, but no note: the amounts (in thousands).",
            "Émouvants amounts are in mexican pesos",
            "",
        ];
        let mut notes = 0;
        for text in texts {
            let ours = currency_note(text).map(|c| (c.get(0).map(|m| m.range()), c[1].to_owned()));
            let plain = CURRENCY_NOTE
                .captures(text)
                .map(|c| (c.get(0).map(|m| m.range()), c[1].to_owned()));
            assert_eq!(ours, plain, "{text}");
            notes += usize::from(ours.is_some());
        }
        // Most texts hold a note; one holds none, so both branches are tried.
        assert_eq!(notes, 7);
    }
}
