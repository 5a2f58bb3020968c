//! The extract stage: rules over one document's blocks, producing mentions.

use crate::countries::Countries;
use crate::gazetteer::Gazetteer;
use crate::matcher::{Matcher, Target, variants};
use crate::names::{self, NamePhrase};
use crate::text::{Token, sentences, tokens, url_spans};
use crate::{MoneyOptions, Result, find_dates, find_money};
use accord_core::{
    AgencyKind, AgreementKind, BlockKind, Document, EntityType, Mention, MentionValue, Period,
    Span, normalize_key,
};
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

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
}

impl Default for Config {
    fn default() -> Self {
        Self {
            default_currency: Some("USD".to_owned()),
            patterns_in_footnotes: false,
        }
    }
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
}

/// A mention before overlap resolution.
#[derive(Debug, Clone)]
struct Cand {
    entity_type: EntityType,
    span: Span,
    name: String,
    rule: &'static str,
    gaz: Option<String>,
    acronym: Option<String>,
    kind: Option<&'static str>,
    parties: Vec<String>,
    /// Pillar stated by the list's heading (working groups).
    pillar: Option<String>,
}

impl Cand {
    fn new(entity_type: EntityType, span: Span, name: String, rule: &'static str) -> Self {
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

static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(sign(?:ed|ing)?|establish(?:ed)?|conclud(?:ed|e)|launch(?:ed)?|agreed|issued|adopted|announced|unveiled|enter(?:ed)? into force|ratified|created)\b").expect("static regex")
});
static ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(terminated|ended|expired|abandoned|replaced|superseded|dissolved|lapsed)\b")
        .expect("static regex")
});
static PILLAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]+) (?:working groups?|pillar|agenda|track)\b[^.]{0,40}?\b(?:were|are|was|is|include[ds]?|included|comprised?|consist(?:ed|s)? of)\b").expect("static regex")
});
static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:agreement|initiative|plan|program|programme|package|aid package|accord|partnership|treaty)\b").expect("static regex")
});
static RECIPIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:to|for|provide|provides|providing|give|gives|assist|assistance to|aid to)\s+(?:the\s+)?$").expect("static regex")
});
static MONEY_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\$|\b(?:USD|CAD|MXN|EUR)\b|\bdollars\b|\bpesos\b)").expect("static regex")
});
static START_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:running|starting|beginning|effective|from|since)\s+(?:in\s+|on\s+)?")
        .expect("static regex")
});
static FOR_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[\w,\s]{0,25}?\s)?(?:for|to|into|toward|towards)\s+(?:[a-z]+\s+){0,2}$")
        .expect("static regex")
});
static NUMBERED_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,3})[- ]point(?: action)? plan\b").expect("static regex")
});
static SHARED_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let item = r"\p{Lu}[\p{L}\-&]*(?:\s+(?:and\s+|&\s+)?\p{Lu}[\p{L}\-&]*)*";
    Regex::new(&format!(r"((?:{item},\s+)*(?:and\s+)?{item}\s+and\s+{item})\s+(?:Working Groups|working groups|Subgroups|subgroups)\b"))
        .expect("static regex")
});
static INSTRUMENT_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(programmes|programs|initiatives|agreements|treaties|accords)\s*(?:--|—|–|:|,)?\s*(?:such as|including|namely|like)?\s+((?:the\s+)?\p{Lu}[^.;:()]*?(?:,\s*(?:and\s+)?(?:the\s+)?\p{Lu}[^.;:(),]*?)*\s+and\s+(?:the\s+)?\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)*)").expect("static regex")
});

/// Words after which a bare distinctive word is not a modifier ("Mérida in March",
/// "Mérida city"): function words and place nouns.
const NOT_MODIFIED: &[&str] = &[
    "in",
    "on",
    "at",
    "and",
    "or",
    "the",
    "of",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "had",
    "have",
    "city",
    "state",
    "province",
    "county",
    "region",
    "area",
    "airport",
    "port",
    "university",
    "that",
    "which",
    "who",
    "where",
    "when",
    "while",
    "after",
    "before",
    "during",
    "since",
    "until",
    "but",
    "nor",
    "yet",
    "so",
];

static RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|per|each|every) (?:day|week|month|hour)\b|\b(?:daily|weekly|monthly)\b")
        .expect("static regex")
});
static TABLE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in|dollars in|amounts in|figures in)\s+(thousands|millions|billions)\b(?:\s+of\s+([A-Za-z.$ ]+?))?\s*(?:\)|$|\.|,)").expect("static regex")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:FY\s?)?((?:19|20)\d\d)\b").expect("static regex"));

/// The caption or unit note of the table that block `cell` belongs to: the nearest
/// paragraph or heading before the table's first cell.
fn table_caption(document: &Document, cell: usize) -> Option<Span> {
    let first = (0..=cell)
        .rev()
        .take_while(|&i| document.blocks[i].kind == BlockKind::TableCell)
        .last()?;
    document.blocks[..first]
        .iter()
        .rev()
        .find(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading))
        .map(|b| b.span)
}

/// Table-level scale and currency: "(in millions of U.S. dollars)" → (1e6, USD).
fn table_unit(caption: &str) -> (Option<f64>, Option<String>) {
    let Some(c) = TABLE_UNIT.captures(caption) else {
        return (None, None);
    };
    let scale = match c[1].to_lowercase().as_str() {
        "thousands" => 1e3,
        "millions" => 1e6,
        _ => 1e9,
    };
    let unit = c
        .get(2)
        .map_or(String::new(), |u| u.as_str().to_lowercase());
    let currency = if unit.contains("canadian") {
        Some("CAD")
    } else if unit.contains("peso") {
        Some("MXN")
    } else if unit.contains("u.s.") || unit.contains("us ") || unit.contains("american") {
        Some("USD")
    } else {
        None
    };
    (Some(scale), currency.map(str::to_owned))
}

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

/// The one year the header cell of a table cell's column names ("FY2008 Supp.").
fn column_year(document: &Document, cell: usize) -> Option<i32> {
    let (_, col) = document.blocks[cell].cell?;
    let first = (0..=cell)
        .rev()
        .take_while(|&i| document.blocks[i].kind == BlockKind::TableCell)
        .last()?;
    let header = document.blocks[first..=cell]
        .iter()
        .find(|b| b.cell == Some((0, col)))?;
    let years: std::collections::BTreeSet<i32> = YEAR
        .captures_iter(document.slice(header.span))
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

static GLOSS_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:which is\s+|is\s+)?(?:usually|often|commonly|variously|also|sometimes|generally)?\s*(?:rendered|translated|called|known|glossed|referred to|styled)\s+(?:in English\s+)?(?:as\s+)?(?:the\s+)?$").expect("static regex")
});
static GLOSS_OR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(?:or\s+)?(?:simply\s+)?(?:the\s+)?$").expect("static regex")
});
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*(?:or\s+)?(?:the\s+)?|\(\s*)$").expect("static regex")
});
static NAMED_INSTRUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(programme|program|initiative|plan|agreement|treaty|accord|partnership|operation)s?,?\s+(?:called\s+|known as\s+|named\s+|dubbed\s+)?((?:\p{Lu}[\p{L}'’\-]*)(?:\s+\p{Lu}[\p{L}'’\-]*){0,4})(?:[.,;:)]|$)").expect("static regex")
});
static WG_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:working groups?|sub-?groups?)\b").expect("static regex")
});
/// Heads that name a group in their own right inside a list of working groups.
const GROUP_HEADS: &[&str] = &[
    "Committee",
    "Council",
    "Task Force",
    "Group",
    "Dialogue",
    "Forum",
    "Subgroup",
    "Subcommittee",
    "Commission",
];

static TRACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Uu]nder|[Ii]n|[Ww]ithin|[Ff]or) the ([a-z]+) (?:track|pillar|agenda|basket)\b",
    )
    .expect("static regex")
});
static PILLAR_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^([a-z]+)\s+(?:agenda|pillar|track)\b").expect("static regex")
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
    Regex::new(r"(?i)\b(?:all )?(?:amounts|figures|dollars?)\b[^.]{0,40}\b(?:are )?in (canadian|u\.?s\.?|american|mexican) (?:dollars|pesos)").expect("static regex")
});

fn agency_kind_from_name(name: &str) -> AgencyKind {
    let n = name.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| n.contains(x));
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

impl Extractor {
    /// Compiles the gazetteer automata.
    ///
    /// # Errors
    /// [`crate::Error::Automaton`] when the automaton cannot be built (too many patterns).
    pub fn new(config: &Config, gazetteer: &Gazetteer) -> Result<Self> {
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
        Ok(Self {
            config: config.clone(),
            gazetteer: gazetteer.clone(),
            matcher,
            countries,
            keys,
            stems,
            bare,
        })
    }

    /// The gazetteer the extractor was built from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Gazetteer id of type `entity_type` for a name, matched on its normalised key (and
    /// its singular).
    pub fn resolve(&self, entity_type: EntityType, name: &str) -> Option<&str> {
        let key = normalize_key(name);
        let singular = key.strip_suffix('s').map(str::to_owned);
        for k in std::iter::once(key).chain(singular) {
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

    /// Extracts every mention of `document`, sorted by span.
    pub fn extract(&self, document: &Document) -> Vec<Mention> {
        let text = &document.text;
        let urls = url_spans(text);
        let mut cands: Vec<Cand> = Vec::new();
        let mut sentence_spans: Vec<(usize, Span)> = Vec::new();
        for (bi, block) in document.blocks.iter().enumerate() {
            if block.kind == BlockKind::Furniture {
                continue;
            }
            // In notes, only organisation names are sought by pattern: agreement-like phrases
            // there are mostly titles of cited works.
            let in_note = block.kind == BlockKind::Footnote && !self.config.patterns_in_footnotes;
            for hit in self.matcher.find(text, block.span, &urls) {
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
                        "gazetteer",
                    );
                    c.gaz = Some(target.id.clone());
                    cands.push(c);
                }
            }
            for sentence in sentences(text, block.span) {
                sentence_spans.push((bi, sentence));
                let toks = tokens(text, sentence);
                for p in names::head_noun_phrases(text, &toks) {
                    let c = self.phrase_cand(&p);
                    if (c.rule != "plural-head" || c.gaz.is_some())
                        && (!in_note || c.entity_type == EntityType::Agency)
                    {
                        cands.push(c);
                    }
                }
                if !in_note {
                    cands.extend(self.party_compounds(text, &toks));
                    cands.extend(self.named_by_apposition(text, sentence));
                    cands.extend(self.numbered_plans(text, sentence));
                    cands.extend(self.shared_head_groups(text, sentence));
                    cands.extend(self.instrument_lists(text, sentence));
                    cands.extend(self.short_names(text, &toks));
                    for bare in names::bare_list_items(text, sentence, "Working Group") {
                        let name = format!("{} Working Group", &text[bare.start..bare.end]);
                        let mut c =
                            Cand::new(EntityType::WorkingGroup, bare, name, "list-expansion");
                        c.gaz = self
                            .resolve(EntityType::WorkingGroup, &c.name)
                            .map(str::to_owned);
                        cands.push(c);
                    }
                }
                cands.extend(self.acronym_definitions(text, &toks, &urls));
            }
        }
        cands.extend(self.headed_list_items(document));
        drop_footnote_only_agreements(document, &mut cands);
        Self::list_members(document, &sentence_spans, &mut cands);
        Self::acronym_uses(document, &urls, &mut cands);
        self.bare_institutions(document, &sentence_spans, &mut cands);
        let cands = resolve_overlaps(cands, &self.countries, &self.gazetteer);
        let mut mentions: Vec<Mention> = cands
            .into_iter()
            .map(|c| self.attributes(document, &sentence_spans, &c))
            .collect();
        mentions.sort_by_key(|m| (m.span.start, m.span.end, m.entity_type));
        Self::link_context(document, &mut mentions);
        assign_dates(text, &sentence_spans, &mut mentions);
        self.link_glosses(text, &sentence_spans, &mut mentions);
        let funding = self.funding(document, &sentence_spans, &mentions);
        mentions.extend(funding);
        mentions.sort_by_key(|m| (m.span.start, m.span.end, m.entity_type));
        mentions
    }

    /// "Mexico's trusted-traveller programme, Viajero Confiable": a generic instrument noun
    /// followed by a capitalised name in apposition names an agreement of that kind.
    fn named_by_apposition(&self, text: &str, sentence: Span) -> Vec<Cand> {
        let sent = &text[sentence.start..sentence.end];
        let mut out = Vec::new();
        for caps in NAMED_INSTRUMENT.captures_iter(sent) {
            let (Some(noun), Some(name)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            let first = name.as_str().split_whitespace().next().unwrap_or_default();
            if names_stop(first) || self.countries.lookup(first).is_some() {
                continue;
            }
            let kind = match noun.as_str() {
                "programme" | "program" => "program",
                "initiative" => "initiative",
                "plan" => "plan",
                "partnership" => "partnership",
                "treaty" => "treaty",
                "operation" => "other",
                _ => "agreement",
            };
            let span = Span::new(name.start(), name.end()).shift(sentence.start);
            let mut c = Cand::new(
                EntityType::Agreement,
                span,
                name.as_str().to_owned(),
                "apposition",
            );
            c.kind = Some(kind);
            c.gaz = self
                .resolve(EntityType::Agreement, name.as_str())
                .map(str::to_owned);
            out.push(c);
        }
        out
    }

    /// Bare institution names ("Congress", "the House of Commons", "6,000 National Guard
    /// troops"): the gazetteer body of that name whose country is the most frequent among
    /// the organisations the document names (an unambiguous name still needs its country
    /// among them).
    fn bare_institutions(
        &self,
        document: &Document,
        sentences: &[(usize, Span)],
        cands: &mut Vec<Cand>,
    ) {
        let text = &document.text;
        let mut weight: BTreeMap<String, usize> = BTreeMap::new();
        for c in cands.iter().filter(|c| c.entity_type == EntityType::Agency) {
            if let Some(country) = c
                .gaz
                .as_deref()
                .and_then(|id| self.gazetteer.agency(id))
                .and_then(|a| a.country.clone())
            {
                *weight.entry(country).or_default() += 1;
            }
        }
        let mut added: Vec<Cand> = Vec::new();
        for &(bi, sentence) in sentences {
            if document.blocks[bi].kind == BlockKind::Footnote {
                continue;
            }
            let toks = tokens(text, sentence);
            let mut i = 0;
            while i < toks.len() {
                let mut matched = 0;
                for n in (1..=4.min(toks.len() - i)).rev() {
                    let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
                    if !toks[i].is_capitalized() || !toks[i + n - 1].is_capitalized() {
                        continue;
                    }
                    let phrase = &text[span.start..span.end];
                    let Some(options) = self.bare.get(&normalize_key(phrase)) else {
                        continue;
                    };
                    // "the Navy Secretary", "Senate Majority Leader": a title, not the body.
                    let next = toks.get(i + n).map_or("", |t| t.text);
                    if matches!(
                        next,
                        "Secretary"
                            | "Minister"
                            | "Director"
                            | "Commander"
                            | "Chief"
                            | "Chairman"
                            | "Chair"
                            | "Speaker"
                            | "Member"
                            | "Members"
                            | "Leader"
                            | "Majority"
                            | "Minority"
                    ) {
                        matched = n;
                        break;
                    }
                    // An unresolved head-noun name that is exactly a bare name ("National
                    // Guard") is resolved like it; any other overlap means another name.
                    let same = cands.iter().position(|c| {
                        c.span == span && c.gaz.is_none() && c.entity_type == EntityType::Agency
                    });
                    if same.is_none() && cands.iter().chain(&added).any(|c| c.span.overlaps(span)) {
                        matched = n;
                        break;
                    }
                    let score = |country: &String| weight.get(country).copied().unwrap_or(0);
                    let best = options.iter().map(|(_, c)| score(c)).max().unwrap_or(0);
                    let winners: Vec<&(String, String)> =
                        options.iter().filter(|(_, c)| score(c) == best).collect();
                    if best > 0 && winners.len() == 1 {
                        if let Some(k) = same {
                            cands[k].gaz = Some(winners[0].0.clone());
                        } else {
                            let mut c =
                                Cand::new(EntityType::Agency, span, phrase.to_owned(), "bare-name");
                            c.gaz = Some(winners[0].0.clone());
                            added.push(c);
                        }
                        matched = n;
                        break;
                    }
                }
                i += matched.max(1);
            }
        }
        cands.extend(added);
    }

    /// "a 30-point action plan", "its 22-point plan": numbered plans, resolved to the one
    /// gazetteer plan with that number of points.
    fn numbered_plans(&self, text: &str, sentence: Span) -> Vec<Cand> {
        let sent = &text[sentence.start..sentence.end];
        NUMBERED_PLAN
            .captures_iter(sent)
            .filter_map(|c| {
                let m = c.get(0)?;
                let needle = format!("{}-point", &c[1]);
                let plans: Vec<&str> = self
                    .gazetteer
                    .agreements
                    .iter()
                    .filter(|a| a.kind == Some(AgreementKind::Plan))
                    .filter(|a| {
                        std::iter::once(&a.name)
                            .chain(&a.aliases)
                            .any(|n| n.to_lowercase().contains(&needle))
                    })
                    .map(|a| a.id.as_str())
                    .collect();
                let span = Span::new(m.start(), m.end()).shift(sentence.start);
                let mut cand = Cand::new(
                    EntityType::Agreement,
                    span,
                    m.as_str().to_owned(),
                    "numbered-plan",
                );
                cand.kind = Some("plan");
                // An unknown numbered plan ("a 12-point plan") is a description, not a name.
                cand.gaz = Some((*plans.first()?).to_owned()).filter(|_| plans.len() == 1);
                cand.gaz.is_some().then_some(cand)
            })
            .collect()
    }

    /// "the Firearms Trafficking, Cybersecurity and Migration Management Working Groups",
    /// "the Aviation Security and Maritime Security working groups": a list of names sharing
    /// one plural head gives one working group per item.
    fn shared_head_groups(&self, text: &str, sentence: Span) -> Vec<Cand> {
        let sent = &text[sentence.start..sentence.end];
        let mut out = Vec::new();
        for caps in SHARED_HEAD.captures_iter(sent) {
            let Some(list) = caps.get(1) else { continue };
            let body = list.as_str();
            let mut pieces: Vec<(usize, &str)> = Vec::new();
            let mut offset = 0;
            for part in body.split(", ") {
                pieces.push((offset, part));
                offset += part.len() + 2;
            }
            // The last piece holds "B and C" (or "and C" after a serial comma).
            if let Some((off, last)) = pieces.pop() {
                if let Some(stripped) = last.strip_prefix("and ") {
                    pieces.push((off + 4, stripped));
                } else if let Some(pos) = last.rfind(" and ") {
                    pieces.push((off, &last[..pos]));
                    pieces.push((off + pos + 5, &last[pos + 5..]));
                } else {
                    pieces.push((off, last));
                }
            }
            if pieces.len() < 2 {
                continue;
            }
            for (off, item) in pieces {
                let item = item.trim();
                if item.is_empty() || !item.starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                let start = sentence.start + list.start() + off;
                let span = Span::new(start, start + item.len());
                let mut c = Cand::new(
                    EntityType::WorkingGroup,
                    span,
                    format!("{item} Working Group"),
                    "list-expansion",
                );
                c.gaz = self
                    .resolve(EntityType::WorkingGroup, &c.name)
                    .map(str::to_owned);
                out.push(c);
            }
        }
        out
    }

    /// "its trusted-traveller programmes -- NEXUS, SENTRI, FAST and Global Entry": the
    /// capitalised items of a list that a plural instrument noun introduces are agreements.
    fn instrument_lists(&self, text: &str, sentence: Span) -> Vec<Cand> {
        let sent = &text[sentence.start..sentence.end];
        let mut out = Vec::new();
        for caps in INSTRUMENT_LIST.captures_iter(sent) {
            let (Some(noun), Some(list)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            let kind = if noun.as_str().starts_with("program") {
                "program"
            } else if noun.as_str().starts_with("initiative") {
                "initiative"
            } else {
                "agreement"
            };
            let mut offset = list.start();
            for part in list.as_str().split(", ") {
                let item_start = offset;
                offset += part.len() + 2;
                for piece in part.split(" and ") {
                    let start = item_start + part.find(piece).unwrap_or(0);
                    let item = piece
                        .trim()
                        .trim_start_matches("and ")
                        .trim_start_matches("the ");
                    let lead =
                        piece.len() - piece.trim_start().len() + (piece.trim().len() - item.len());
                    let words: Vec<&str> = item.split_whitespace().collect();
                    if words.is_empty()
                        || words.len() > 5
                        || !words
                            .iter()
                            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
                    {
                        continue;
                    }
                    let span =
                        Span::new(start + lead, start + lead + item.len()).shift(sentence.start);
                    let mut c =
                        Cand::new(EntityType::Agreement, span, item.to_owned(), "list-member");
                    c.kind = Some(kind);
                    c.gaz = self.resolve(EntityType::Agreement, item).map(str::to_owned);
                    out.push(c);
                }
            }
        }
        out
    }

    /// "Merida appropriations", "Mérida funds": the distinctive word of a one-word-plus-head
    /// gazetteer name ("Mérida Initiative") used as a modifier of a money or program noun.
    fn short_names(&self, text: &str, toks: &[Token<'_>]) -> Vec<Cand> {
        let mut out = Vec::new();
        for pair in toks.windows(2) {
            let (word, next) = (&pair[0], &pair[1]);
            let modifies = next.text.starts_with(|c: char| c.is_lowercase())
                && !NOT_MODIFIED.contains(&next.text)
                && text[word.span.end..next.span.start] == *" ";
            // A word that is itself a known name ("NORAD" the command) is that name.
            if !word.is_capitalized()
                || !modifies
                || self.keys.contains_key(&normalize_key(word.text))
            {
                continue;
            }
            let folded = crate::matcher::fold_diacritics(word.text).to_lowercase();
            let hits: Vec<&str> = self
                .gazetteer
                .agreements
                .iter()
                .filter(|a| {
                    let words: Vec<&str> = a.name.split_whitespace().collect();
                    words.len() == 2
                        && crate::matcher::fold_diacritics(words[0]).to_lowercase() == folded
                        && names::agreement_kind_of_name(&a.name, true).is_some()
                })
                .map(|a| a.id.as_str())
                .collect();
            if hits.len() == 1 {
                let mut c = Cand::new(
                    EntityType::Agreement,
                    word.span,
                    word.text.to_owned(),
                    "short-name",
                );
                c.gaz = Some(hits[0].to_owned());
                out.push(c);
            }
            let _ = text;
        }
        out
    }

    /// Items of a bulleted list introduced by a heading or paragraph about working groups
    /// ("Working groups" › "Prosperity agenda" › "- Energy") are working groups; the pillar
    /// is the nearest sub-heading's first word ("Prosperity agenda" → prosperity).
    fn headed_list_items(&self, document: &Document) -> Vec<Cand> {
        let mut out = Vec::new();
        for (bi, block) in document.blocks.iter().enumerate() {
            if block.kind != BlockKind::ListItem {
                continue;
            }
            let context: Vec<&accord_core::Block> = document.blocks[..bi]
                .iter()
                .rev()
                .filter(|b| b.kind != BlockKind::ListItem && b.kind != BlockKind::Furniture)
                .take(4)
                .collect();
            // Walk back over headings ("Security agenda") to a heading or introduction
            // that is about working groups; any other paragraph on the way breaks the link.
            let mut about_groups = false;
            for b in &context {
                let t = document.slice(b.span);
                if WG_CONTEXT.is_match(t) && (b.kind == BlockKind::Heading || t.len() < 400) {
                    about_groups = true;
                    break;
                }
                if b.kind != BlockKind::Heading {
                    break;
                }
            }
            if !about_groups {
                continue;
            }
            let mut item = document.slice(block.span).trim_end_matches(['.', ';', ',']);
            // A trailing note in parentheses ("Trilateral Fentanyl Committee (new)").
            if let Some(open) = item.rfind(" (").filter(|_| item.ends_with(')')) {
                item = &item[..open];
            }
            let words = item.split_whitespace().count();
            if item.contains("Working Group")
                || !(1..=8).contains(&words)
                || !item.starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
            let span = Span::new(block.span.start, block.span.start + item.len());
            // An item with a group head of its own keeps its name ("… Committee").
            let own_head = GROUP_HEADS.iter().any(|h| item.ends_with(h));
            let name = if own_head {
                item.to_owned()
            } else {
                format!("{item} Working Group")
            };
            let mut c = Cand::new(EntityType::WorkingGroup, span, name, "list-expansion");
            c.gaz = self
                .resolve(EntityType::WorkingGroup, &c.name)
                .map(str::to_owned);
            let heading = context.first().filter(|b| b.kind == BlockKind::Heading);
            c.pillar = heading
                .and_then(|h| PILLAR_HEADING.captures(document.slice(h.span)))
                .map(|p| p[1].to_lowercase());
            out.push(c);
        }
        out
    }

    /// Glosses and translations: "Secretaría de Marina (SEMAR), also called the Navy
    /// Secretariat or simply the Mexican Navy"; "the Federal Police (Policía Federal, PF)";
    /// "Centro de Investigación y Seguridad Nacional (CISEN), the Centre for Research and
    /// National Security". A gloss verb links any following names of the same type; a bare
    /// apposition or parenthesis links two names only when one is Spanish or French and the
    /// other is not (a list of English names stays a list).
    fn link_glosses(&self, text: &str, sentences: &[(usize, Span)], mentions: &mut [Mention]) {
        let n = mentions.len();
        for i in 0..n {
            let ty = mentions[i].entity_type;
            if !matches!(ty, EntityType::Agency | EntityType::Agreement)
                || mentions[i].value.same_as.is_some()
            {
                continue;
            }
            let Some(&(_, sentence)) = sentences.iter().find(|(_, s)| s.contains(mentions[i].span))
            else {
                continue;
            };
            let next_of = |from: usize, end: usize| {
                (from..n).find(|&j| {
                    mentions[j].entity_type == ty
                        && mentions[j].span.start >= end
                        && sentence.contains(mentions[j].span)
                })
            };
            let Some(j) = next_of(i + 1, mentions[i].span.end) else {
                continue;
            };
            let between = &text[mentions[i].span.end..mentions[j].span.start];
            let verb = GLOSS_VERB.is_match(between);
            let foreign_pair =
                is_foreign(&mentions[i].value.name) != is_foreign(&mentions[j].value.name);
            if !(verb || (APPOSITION.is_match(between) && foreign_pair)) {
                continue;
            }
            let mut chain = vec![j];
            if verb {
                let mut last = j;
                while let Some(k) = next_of(last + 1, mentions[last].span.end) {
                    if !GLOSS_OR.is_match(&text[mentions[last].span.end..mentions[k].span.start]) {
                        break;
                    }
                    chain.push(k);
                    last = k;
                }
            }
            let (head_gaz, head_name) = (
                mentions[i].value.gazetteer_id.clone(),
                self.canonical_name(&mentions[i]),
            );
            for k in chain {
                let other = mentions[k].value.gazetteer_id.clone();
                if !verb && other.is_some() && head_gaz.is_some() && other != head_gaz {
                    continue; // the gazetteer knows they are different bodies
                }
                if other.is_some() && head_gaz.is_none() {
                    mentions[i].value.gazetteer_id.clone_from(&other);
                    continue;
                }
                // An explicit gloss ("also called the Mexican Navy") is the document's own
                // statement that the names are one body, even where the gazetteer lists
                // them apart.
                mentions[k].value.gazetteer_id.clone_from(&head_gaz);
                mentions[k].value.same_as = Some(head_name.clone());
                mentions[k].rule.push_str("+gloss");
            }
        }
    }

    fn canonical_name(&self, m: &Mention) -> String {
        self.entity_name(m).0
    }

    fn phrase_cand(&self, p: &NamePhrase) -> Cand {
        let mut c = Cand::new(p.entity_type, p.full_span, p.name.clone(), p.rule);
        c.acronym.clone_from(&p.acronym);
        c.kind = p.kind;
        // The acronym a text defines is more specific than a long form that several bodies
        // have shared ("Attorney General's Office (FGR)" is the FGR, not the former PGR).
        c.gaz = p
            .acronym
            .as_deref()
            .and_then(|a| self.resolve(p.entity_type, a))
            .or_else(|| self.resolve(p.entity_type, &p.name))
            .map(str::to_owned);
        // "the NORAD Center": a known acronym plus a generic head names the same body.
        let words: Vec<&str> = p.name.split_whitespace().collect();
        let acronym_head = c.gaz.is_none()
            && p.entity_type == EntityType::Agency
            && words.len() == 2
            && crate::matcher::is_acronym_form(words[0]);
        if let Some(id) = acronym_head
            .then(|| self.resolve(EntityType::Agency, words[0]))
            .flatten()
        {
            c.gaz = Some(id.to_owned());
            c.rule = "acronym-head";
        }
        let compound = words
            .first()
            .and_then(|first| self.countries.compound(first));
        if let (EntityType::Agreement, Some(parties)) = (p.entity_type, compound) {
            c.parties = parties;
        }
        // "Canada's Anti-Crime Capacity Building Program": the owner is the party.
        let owner = p.owner.as_deref().and_then(|o| self.countries.lookup(o));
        if let (EntityType::Agreement, true, Some(code)) =
            (p.entity_type, c.parties.is_empty(), owner)
        {
            c.parties = vec![code.to_owned()];
        }
        // "North American Trusted Traveler Program", "Declaration of North America": a
        // region's name or adjective names its members.
        if p.entity_type == EntityType::Agreement && c.parties.is_empty() && c.gaz.is_none() {
            let region = self.gazetteer.regions.iter().find(|r| {
                p.name.starts_with(&format!("{} ", r.adjective))
                    || p.name.ends_with(&format!(" of {}", r.name))
            });
            if let Some(r) = region {
                c.parties.clone_from(&r.members);
            }
        }
        c
    }

    /// "the Canada-U.S. border accord", "the U.S.-Mexican version of the treaty": an
    /// agreement named by its parties. Resolved to the gazetteer agreement with the same
    /// parties whose name shares the topic word ("border").
    fn party_compounds(&self, text: &str, toks: &[Token<'_>]) -> Vec<Cand> {
        // (token index, parties, head offset, topic word) of each compound in the sentence;
        // "the X-Y version of the agreement" takes its topic from the nearest other compound.
        let mut found: Vec<(usize, Vec<String>, usize, Option<String>)> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let Some(parties) = self.countries.compound(t.text) else {
                continue;
            };
            let rest: Vec<&str> = toks[i + 1..toks.len().min(i + 6)]
                .iter()
                .map(|t| t.text)
                .collect();
            let Some(h) = rest
                .iter()
                .position(|w| matches!(*w, "agreement" | "accord" | "treaty" | "declaration"))
            else {
                continue;
            };
            let between = &rest[..h];
            if between
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                continue; // a capitalised name; the head-noun rule handles it
            }
            let version = between.first() == Some(&"version");
            if !version && h > 2 {
                continue;
            }
            let topic = if version {
                None
            } else {
                between
                    .iter()
                    .find(|w| !matches!(**w, "the" | "of" | "a"))
                    .map(|w| (*w).to_owned())
            };
            found.push((i, parties, h, topic));
        }
        let mut out = Vec::new();
        for (k, (i, parties, h, topic)) in found.iter().enumerate() {
            let topic = topic.clone().or_else(|| {
                let before = found[..k].iter().rev().find_map(|f| f.3.clone());
                before.or_else(|| found[k + 1..].iter().find_map(|f| f.3.clone()))
            });
            let head = toks[i + 1 + h];
            let span = Span::new(toks[*i].span.start, head.span.end);
            let mut c = Cand::new(
                EntityType::Agreement,
                span,
                text[span.start..span.end].to_owned(),
                "party-compound",
            );
            c.kind = Some("agreement");
            c.gaz = self
                .by_parties(parties, topic.as_deref(), head.text)
                .map(str::to_owned);
            c.parties.clone_from(parties);
            out.push(c);
        }
        out
    }

    fn by_parties(&self, parties: &[String], topic: Option<&str>, head: &str) -> Option<&str> {
        let topic = topic?.to_lowercase();
        let hits: Vec<&crate::gazetteer::AgreementEntry> = self
            .gazetteer
            .agreements
            .iter()
            .filter(|a| a.parties == parties)
            .filter(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| n.to_lowercase().split_whitespace().any(|w| w == topic))
            })
            .filter(|a| match head {
                "declaration" => a.kind == Some(AgreementKind::Declaration),
                "plan" => a.kind == Some(AgreementKind::Plan),
                _ => matches!(
                    a.kind,
                    Some(AgreementKind::Agreement | AgreementKind::Treaty)
                ),
            })
            .collect();
        // Prefer an instrument whose own name carries the topic word over one that only has
        // it in an alias.
        let in_name: Vec<&&crate::gazetteer::AgreementEntry> = hits
            .iter()
            .filter(|a| a.name.to_lowercase().split_whitespace().any(|w| w == topic))
            .collect();
        match (hits.len(), in_name.len()) {
            (1, _) => Some(hits[0].id.as_str()),
            (_, 1) => Some(in_name[0].id.as_str()),
            _ => None,
        }
    }

    /// Generic "Long Form (ACR)" and "ACR (Long Form)" definitions (Schwartz & Hearst
    /// 2003) whose long form is a known entity or ends in a head noun.
    fn acronym_definitions(&self, text: &str, toks: &[Token<'_>], urls: &[Span]) -> Vec<Cand> {
        let mut out = self.reverse_acronym_definitions(text, toks, urls);
        for (i, t) in toks.iter().enumerate() {
            if i == 0 || !t.is_acronym() || urls.iter().any(|u| u.overlaps(t.span)) {
                continue;
            }
            let before = &text[toks[i - 1].span.end..t.span.start];
            let after = &text[t.span.end..];
            if !(before.trim_end().ends_with('(') || before.trim_end().ends_with("(the"))
                || !after.starts_with(')')
            {
                continue;
            }
            let n = t.text.chars().filter(|c| c.is_alphanumeric()).count();
            let max_words = (n + 5).min(2 * n).max(2);
            for words in 1..=max_words.min(i) {
                let start = i - words;
                let first = &toks[start];
                if !first.is_capitalized()
                    || names_stop(first.text)
                    || !names::schwartz_hearst(
                        t.text,
                        &text[first.span.start..toks[i - 1].span.end],
                    )
                {
                    continue;
                }
                if toks[start..i].iter().any(|w| {
                    w.text.chars().next().is_some_and(char::is_uppercase)
                        && crate::matcher::is_acronym_form(w.text)
                }) && words > 1
                    && toks[start].is_acronym()
                {
                    continue;
                }
                let long = &text[first.span.start..toks[i - 1].span.end];
                let typed = [
                    EntityType::Agency,
                    EntityType::Agreement,
                    EntityType::WorkingGroup,
                ]
                .into_iter()
                .find_map(|ty| {
                    self.resolve(ty, long)
                        .or_else(|| self.resolve(ty, t.text))
                        .map(|id| (ty, Some(id.to_owned())))
                })
                .or_else(|| {
                    let toks_long = tokens(text, Span::new(first.span.start, toks[i - 1].span.end));
                    names::head_noun_phrases(text, &toks_long)
                        .last()
                        .filter(|p| p.span.end == toks[i - 1].span.end)
                        .map(|p| (p.entity_type, None))
                });
                if let Some((ty, gaz)) = typed {
                    let span = Span::new(first.span.start, t.span.end + 1);
                    let mut c = Cand::new(ty, span, long.to_owned(), "acronym-definition");
                    c.acronym = Some(t.text.to_owned());
                    c.gaz = gaz;
                    out.push(c);
                }
                break;
            }
        }
        out
    }

    /// "ACR (Long Form)": an acronym followed by its expansion in parentheses (the reverse
    /// order of Schwartz & Hearst 2003), typed like the forward order.
    fn reverse_acronym_definitions(
        &self,
        text: &str,
        toks: &[Token<'_>],
        urls: &[Span],
    ) -> Vec<Cand> {
        let mut out = Vec::new();
        for t in toks
            .iter()
            .filter(|t| t.is_acronym() && !urls.iter().any(|u| u.overlaps(t.span)))
        {
            let rest = &text[t.span.end..];
            let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) else {
                continue;
            };
            let Some(close) = inner.find(')') else {
                continue;
            };
            let long = inner[..close].trim();
            let words = long.split_whitespace().count();
            if !(2..=12).contains(&words)
                || !long.starts_with(|c: char| c.is_uppercase())
                || !names::schwartz_hearst(t.text, long)
            {
                continue;
            }
            let typed = [
                EntityType::Agency,
                EntityType::Agreement,
                EntityType::WorkingGroup,
            ]
            .into_iter()
            .find_map(|ty| {
                self.resolve(ty, long)
                    .or_else(|| self.resolve(ty, t.text))
                    .map(|id| (ty, Some(id.to_owned())))
            })
            .or_else(|| {
                let offset = t.span.end + (rest.len() - inner.len());
                let long_toks = tokens(text, Span::new(offset, offset + close));
                names::head_noun_phrases(text, &long_toks)
                    .last()
                    .map(|p| (p.entity_type, None))
            });
            if let Some((ty, gaz)) = typed {
                let end = t.span.end + (rest.len() - inner.len()) + close + 1;
                let mut c = Cand::new(
                    ty,
                    Span::new(t.span.start, end),
                    long.to_owned(),
                    "acronym-definition",
                );
                c.acronym = Some(t.text.to_owned());
                c.gaz = gaz;
                out.push(c);
            }
        }
        out
    }

    /// Items of a list whose other items are organisations are organisations too
    /// ("…were the FBI, Harbour Intelligence, Port Security and the DEA").
    fn list_members(document: &Document, sentences: &[(usize, Span)], cands: &mut Vec<Cand>) {
        let text = &document.text;
        let mut added = Vec::new();
        for &(bi, sentence) in sentences {
            if document.blocks[bi].kind == BlockKind::Footnote {
                continue; // lists of cited titles, not of organisations
            }
            let slice = &text[sentence.start..sentence.end];
            let mut items: Vec<Span> = Vec::new();
            let mut offset = 0;
            for part in slice.split([',', ';']) {
                let mut item = part.trim_start();
                let mut lead = part.len() - item.len();
                for prefix in ["and finally ", "and then ", "and ", "or ", "the ", "The "] {
                    if let Some(rest) = item.strip_prefix(prefix) {
                        lead += prefix.len();
                        item = rest.trim_start();
                        lead += rest.len() - rest.trim_start().len();
                    }
                }
                let item = item.trim_end().trim_end_matches(['.', ')', ';']);
                items.push(Span::new(
                    sentence.start + offset + lead,
                    sentence.start + offset + lead + item.len(),
                ));
                offset += part.len() + 1;
            }
            if items.len() < 3 {
                continue;
            }
            let is_agency = |s: &Span| {
                cands.iter().any(|c| {
                    c.entity_type == EntityType::Agency
                        && s.overlaps(c.span)
                        && c.span.start >= s.start.saturating_sub(1)
                })
            };
            let known = items.iter().filter(|s| is_agency(s)).count();
            if known < 2 || known * 2 < items.len() {
                continue;
            }
            for s in items
                .iter()
                .filter(|s| !is_agency(s) && !cands.iter().any(|c| c.span.overlaps(**s)))
            {
                let words: Vec<&str> = text[s.start..s.end].split_whitespace().collect();
                let quoted =
                    text[..s.start].ends_with(['"', '“']) || text[s.end..].starts_with(['"', '”']);
                let ok = !quoted
                    && (2..=5).contains(&words.len())
                    && words.iter().all(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            || matches!(*w, "of" | "and" | "for" | "&")
                    })
                    && !names_stop(words[0]);
                if ok {
                    added.push(Cand::new(
                        EntityType::Agency,
                        *s,
                        text[s.start..s.end].to_owned(),
                        "list-member",
                    ));
                }
            }
        }
        cands.extend(added);
    }

    /// Uses of acronyms defined in the document (anywhere in it, before or after the
    /// definition), including all-caps plurals ("IBETS" for "IBETs").
    fn acronym_uses(document: &Document, urls: &[Span], cands: &mut Vec<Cand>) {
        let text = &document.text;
        // "Marine Security Enforcement Teams (MSETs)": a gazetteer name of another type
        // (the program) under the same definition shares its span and its acronym.
        let defs: Vec<(Span, String, EntityType)> = cands
            .iter()
            .filter_map(|c| c.acronym.clone().map(|a| (c.span, a, c.entity_type)))
            .collect();
        for o in cands
            .iter_mut()
            .filter(|o| o.gaz.is_some() && o.acronym.is_none())
        {
            if let Some((span, acronym, _)) = defs.iter().find(|(span, _, ty)| {
                *ty != o.entity_type
                    && span.start == o.span.start
                    && o.span.end < span.end
                    && text[o.span.end..span.end].trim_start().starts_with('(')
            }) {
                o.span = *span;
                o.acronym = Some(acronym.clone());
            }
        }
        let mut defined: BTreeMap<String, Vec<Cand>> = BTreeMap::new();
        for c in cands.iter() {
            if let Some(a) = &c.acronym {
                let list = defined.entry(a.clone()).or_default();
                if !list.iter().any(|d| d.entity_type == c.entity_type) {
                    list.push(c.clone());
                }
            }
        }
        let mut added = Vec::new();
        for block in document
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Furniture)
        {
            for t in tokens(text, block.span) {
                let key = t.text.trim_end_matches('s');
                let defs = defined
                    .get(t.text)
                    .or_else(|| defined.get(key))
                    .or_else(|| defined.get(&format!("{key}s")));
                let Some(defs) = defs else { continue };
                if urls.iter().any(|u| u.overlaps(t.span))
                    || cands.iter().any(|c| c.span.contains(t.span))
                {
                    continue;
                }
                for d in defs {
                    let mut c = Cand::new(d.entity_type, t.span, t.text.to_owned(), "acronym");
                    c.gaz.clone_from(&d.gaz);
                    c.acronym.clone_from(&d.acronym);
                    c.kind = d.kind;
                    c.parties.clone_from(&d.parties);
                    c.name.clone_from(&d.name);
                    added.push(c);
                }
            }
        }
        cands.extend(added);
    }

    fn attributes(&self, document: &Document, sentences: &[(usize, Span)], c: &Cand) -> Mention {
        let text = &document.text;
        let sentence = sentences
            .iter()
            .find(|(_, s)| s.contains(c.span) || s.overlaps(c.span))
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
                    v.country = self.country_of_name(&c.name).or_else(|| {
                        sentence.and_then(|s| self.dominant_country(text, document, s))
                    });
                }
            }
            EntityType::Agreement => {
                if let Some(e) = c.gaz.as_deref().and_then(|id| self.gazetteer.agreement(id)) {
                    v.agreement_kind = e.kind;
                    v.parties.clone_from(&e.parties);
                } else {
                    v.agreement_kind = c.kind.and_then(|k| k.parse().ok());
                    if let (true, Some(s)) = (v.parties.is_empty(), sentence) {
                        v.parties = self.parties_in(text, s, c.span);
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
            rule: c.rule.to_owned(),
            value: v,
        }
    }

    /// Working groups get their parent agreement from the nearest agreement mention before
    /// them in the same or the two previous blocks.
    fn link_context(document: &Document, mentions: &mut [Mention]) {
        for i in 0..mentions.len() {
            if mentions[i].entity_type != EntityType::WorkingGroup
                || mentions[i].value.parent.is_some()
            {
                continue;
            }
            // Siblings in the same list know their parent (from the gazetteer).
            let block = document.block_at(mentions[i].span.start).unwrap_or(0);
            let sibling = mentions
                .iter()
                .filter(|m| {
                    m.entity_type == EntityType::WorkingGroup
                        && m.value.parent.is_some()
                        && document.block_at(m.span.start) == Some(block)
                        && m.span.start.abs_diff(mentions[i].span.start) < 400
                })
                .map(|m| (m.value.parent.clone(), m.value.parent_id.clone()))
                .next();
            if let Some((name, id)) = sibling {
                mentions[i].value.parent = name;
                mentions[i].value.parent_id = id;
                continue;
            }
            // A list item's context is its introduction: the blocks before the list count
            // as near as the list itself.
            let mut context_start = block;
            while context_start > 0 && document.blocks[context_start].kind == BlockKind::ListItem {
                context_start -= 1;
            }
            let parent = mentions[..i].iter().rev().find(|m| {
                m.entity_type == EntityType::Agreement
                    && document
                        .block_at(m.span.start)
                        .is_some_and(|b| b + 2 >= context_start)
            });
            if let Some(p) = parent {
                let (name, id) = (p.value.name.clone(), p.value.gazetteer_id.clone());
                mentions[i].value.parent = Some(name);
                mentions[i].value.parent_id = id;
            }
            // "Under the security track of …, the Leaders agreed to …:" then a list.
            if mentions[i].value.pillar.is_none() && context_start < block {
                let intro = document.slice(document.blocks[context_start].span);
                let track = TRACK
                    .captures_iter(intro)
                    .last()
                    .map(|p| p[1].to_lowercase());
                mentions[i].value.pillar = track.filter(|w| {
                    !matches!(
                        w.as_str(),
                        "the" | "a" | "this" | "that" | "fast" | "same" | "other"
                    )
                });
            }
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

    fn dominant_country(&self, text: &str, document: &Document, sentence: Span) -> Option<String> {
        let block = document
            .block_at(sentence.start)
            .map(|b| document.blocks[b].span)?;
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (_, code) in self
            .countries
            .find(text, Span::new(block.start, sentence.end))
        {
            *counts.entry(code).or_default() += 1;
        }
        let max = counts.values().max().copied()?;
        let top: Vec<&String> = counts
            .iter()
            .filter(|(_, n)| **n == max)
            .map(|(c, _)| c)
            .collect();
        (top.len() == 1).then(|| top[0].clone())
    }

    /// Parties named in the sentence: "between Mexico and Guatemala", compounds.
    fn parties_in(&self, text: &str, sentence: Span, _mention: Span) -> Vec<String> {
        let sent = &text[sentence.start..sentence.end];
        if !sent.contains("between") && !sent.contains("bilateral") && !sent.contains("trilateral")
        {
            return Vec::new();
        }
        let mut codes: Vec<String> = self
            .countries
            .find(text, sentence)
            .into_iter()
            .map(|(_, c)| c)
            .collect();
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

    /// Money expressions of every block, with context: kind, program, donor, recipient.
    fn funding(
        &self,
        document: &Document,
        sentences: &[(usize, Span)],
        mentions: &[Mention],
    ) -> Vec<Mention> {
        let text = &document.text;
        let default_currency = CURRENCY_NOTE
            .captures(text)
            .map(|c| match c[1].to_lowercase().as_str() {
                "canadian" => "CAD".to_owned(),
                "mexican" => "MXN".to_owned(),
                _ => "USD".to_owned(),
            })
            .or_else(|| {
                self.canadian_document(document, mentions)
                    .then(|| "CAD".to_owned())
            })
            .or_else(|| self.config.default_currency.clone());
        let topic = self.title_topic(document);
        let mut out = Vec::new();
        for (bi, block) in document.blocks.iter().enumerate() {
            if block.kind == BlockKind::Furniture
                || (block.kind == BlockKind::TableCell
                    && block.cell.is_some_and(|(row, _)| row == 0))
            {
                continue; // boilerplate; table header rows hold years and bill numbers
            }
            let caption = (block.kind == BlockKind::TableCell)
                .then(|| table_caption(document, bi))
                .flatten();
            let (table_scale, table_currency) =
                caption.map_or((None, None), |c| table_unit(document.slice(c)));
            let options = MoneyOptions {
                default_currency: table_currency.or_else(|| default_currency.clone()),
                table_scale,
            };
            let slice = &text[block.span.start..block.span.end];
            let mut last_program: Option<(String, Option<String>)> = None;
            for mut m in find_money(slice, &options) {
                let at = m.span.shift(block.span.start);
                let sentence_text = sentences
                    .iter()
                    .find(|(_, s)| s.contains(at) || s.overlaps(at))
                    .map_or(slice, |(_, s)| &text[s.start..s.end]);
                if m.money.period == Period::Unknown && !RATE.is_match(sentence_text) {
                    // A stated amount with no rate is the whole amount (documented in the codebook).
                    m.money.period = Period::Total;
                }
                if m.money.start_year.is_none() && m.money.fiscal_year.is_none() {
                    m.money.start_year = if block.kind == BlockKind::TableCell {
                        column_year(document, bi)
                    } else {
                        start_from(sentence_text)
                            .or_else(|| single_year(sentence_text))
                            .or_else(|| single_year(slice))
                            .or_else(|| section_year(document, bi))
                    };
                }
                let span = m.span.shift(block.span.start);
                let sentence = sentences
                    .iter()
                    .find(|(_, s)| s.contains(span) || s.overlaps(span))
                    .map_or(block.span, |(_, s)| *s);
                let sent = &text[sentence.start..sentence.end];
                let mut v = MentionValue {
                    name: text[span.start..span.end].to_owned(),
                    ..MentionValue::default()
                };
                // Names are not keywords: "Canada Customs and Revenue Agency" is no revenue.
                let mut masked = sent.to_owned();
                for m in mentions.iter().filter(|m| sentence.contains(m.span)) {
                    let (a, b) = (m.span.start - sentence.start, m.span.end - sentence.start);
                    masked.replace_range(a..b, &" ".repeat(b - a));
                }
                v.funding_kind =
                    Some(funding_kind(&masked, span.start - sentence.start).to_owned());
                let program = if m.money.share.is_some() {
                    last_program.clone()
                } else {
                    None
                }
                .or_else(|| self.program_of(document, mentions, sentence, span))
                .or_else(|| {
                    // The program named earlier in the paragraph (or in a table's caption).
                    let context = caption.unwrap_or(block.span);
                    mentions
                        .iter()
                        .rfind(|m| {
                            m.entity_type == EntityType::Agreement
                                && context.contains(m.span)
                                && m.span.end <= span.start
                        })
                        .map(|m| self.entity_name(m))
                });
                // A program figure with no program nearby belongs to the instrument the whole
                // document is about, when its title names one ("Paying for Merida: …").
                let program_money = matches!(
                    v.funding_kind.as_deref(),
                    Some("assistance" | "appropriation" | "request" | "authorization" | "budget")
                );
                let program = program.or_else(|| topic.clone().filter(|_| program_money));
                if let Some((name, id)) = &program {
                    v.parent = Some(name.clone());
                    v.parent_id.clone_from(id);
                }
                last_program.clone_from(&program);
                let (donor, recipient) = self.donor_recipient(
                    text,
                    sentence,
                    span,
                    program.as_ref().and_then(|p| p.1.as_deref()),
                );
                v.donor = donor;
                v.recipient = recipient;
                // A share ("40% of the money") is of the same kind and flow as its base.
                if let (Some(_), Some(base)) = (m.money.share, out.last()) {
                    let base: &Mention = base;
                    v.funding_kind.clone_from(&base.value.funding_kind);
                    v.donor.clone_from(&base.value.donor);
                    v.recipient.clone_from(&base.value.recipient);
                }
                v.money = Some(m.money);
                out.push(Mention {
                    entity_type: EntityType::Funding,
                    span,
                    text: text[span.start..span.end].to_owned(),
                    rule: "money".to_owned(),
                    value: v,
                });
            }
        }
        out
    }

    /// A document about Canada: Canada outnumbers the United States among the countries and
    /// the organisations it names, and makes up at least half of the North American ones.
    /// Its bare dollars are Canadian dollars (flagged `currency_inferred`).
    fn canadian_document(&self, document: &Document, mentions: &[Mention]) -> bool {
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        for (_, code) in self
            .countries
            .find(&document.text, Span::new(0, document.text.len()))
        {
            *count.entry(code).or_default() += 1;
        }
        for m in mentions
            .iter()
            .filter(|m| m.entity_type == EntityType::Agency)
        {
            if let Some(country) = &m.value.country {
                *count.entry(country.clone()).or_default() += 1;
            }
        }
        let get = |c: &str| count.get(c).copied().unwrap_or(0);
        let (can, usa, mex) = (get("CAN"), get("USA"), get("MEX"));
        can > usa && 2 * can >= can + usa + mex && can >= 5
    }

    /// The one gazetteer agreement a document's title names, by full name or alias, or by
    /// the distinctive first word of a two-word name ("MERIDA" for "Mérida Initiative").
    fn title_topic(&self, document: &Document) -> Option<(String, Option<String>)> {
        let title = crate::matcher::fold_diacritics(document.title.as_deref()?).to_lowercase();
        let words: Vec<&str> = title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let named: Vec<&crate::gazetteer::AgreementEntry> = self
            .gazetteer
            .agreements
            .iter()
            .filter(|a| {
                let full = std::iter::once(&a.name).chain(&a.aliases).any(|n| {
                    let n = crate::matcher::fold_diacritics(n).to_lowercase();
                    n.split_whitespace().count() >= 2 && title.contains(&n)
                });
                let parts: Vec<&str> = a.name.split_whitespace().collect();
                let distinctive = parts.len() == 2
                    && parts[0].chars().count() >= 5
                    && names::agreement_kind_of_name(&a.name, true).is_some()
                    && words.contains(
                        &crate::matcher::fold_diacritics(parts[0])
                            .to_lowercase()
                            .as_str(),
                    );
                full || distinctive
            })
            .collect();
        (named.len() == 1).then(|| (named[0].name.clone(), Some(named[0].id.clone())))
    }

    /// The program a figure pays for: "through the X", "X budget", an agreement named in the
    /// sentence, or the agreement "the agreement"/"the initiative" refers back to.
    fn program_of(
        &self,
        document: &Document,
        mentions: &[Mention],
        sentence: Span,
        money: Span,
    ) -> Option<(String, Option<String>)> {
        let text = &document.text;
        let in_sentence: Vec<&Mention> = mentions
            .iter()
            .filter(|m| sentence.contains(m.span) && m.entity_type != EntityType::Funding)
            .collect();
        let after = &text[money.end..sentence.end];
        // "<organisation> budget" (also lower-case: "border patrol budget").
        let before = &text[sentence.start..money.start];
        if let Some(pos) = before.rfind(" budget") {
            let words: Vec<&str> = before[..pos].split_whitespace().rev().take(4).collect();
            for n in (1..=words.len()).rev() {
                let phrase: Vec<&str> = words[..n].iter().rev().copied().collect();
                let phrase = phrase.join(" ");
                let stem = self
                    .stems
                    .get(&normalize_key(&phrase))
                    .filter(|t| t.entity_type == EntityType::Agency)
                    .map(|t| t.id.as_str());
                if let Some(id) = self.resolve(EntityType::Agency, &phrase).or(stem) {
                    let name = self
                        .gazetteer
                        .agency(id)
                        .map_or(phrase.clone(), |a| a.name.clone());
                    return Some((format!("{name} budget"), None));
                }
            }
        }
        // "$100 million for CARSI", "$10 million for the U.S. Marshals Service".
        // The named entity must end its noun phrase: in "for OAS security projects" the money
        // is for projects, not for the OAS.
        let right_after = |m: &&&Mention| {
            let gap_ok = m.span.start >= money.end && {
                let gap = &text[money.end..m.span.start];
                gap.len() <= 40 && FOR_GAP.is_match(gap)
            };
            let next_word = text[m.span.end..]
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let ends_phrase = !next_word.starts_with(|c: char| c.is_lowercase())
                || matches!(
                    next_word,
                    "to" | "in"
                        | "for"
                        | "and"
                        | "or"
                        | "which"
                        | "that"
                        | "under"
                        | "from"
                        | "with"
                        | "by"
                        | "on"
                        | "at"
                        | "as"
                        | "was"
                        | "were"
                        | "is"
                        | "run"
                        | "led"
                        | "managed"
                        | "administered"
                        | "operated"
                        | "delivered"
                        | "funded"
                        | "launched"
                        | "created"
                        | "established"
                        | "announced"
                        | "approved"
                        | "signed"
                );
            gap_ok && ends_phrase
        };
        for ty in [EntityType::Agreement, EntityType::Agency] {
            if let Some(m) = in_sentence
                .iter()
                .filter(|m| m.entity_type == ty)
                .find(right_after)
            {
                return Some(self.entity_name(m));
            }
        }
        // "through the X" close to the figure (not a later clause of the sentence).
        if let Some(pos) = after
            .find(" through the ")
            .or_else(|| after.find(" under the "))
            .filter(|&pos| pos <= 80)
        {
            let at = money.end + pos;
            if let Some(m) = in_sentence
                .iter()
                .find(|m| m.span.start > at && m.span.start <= at + 14)
            {
                return Some(self.entity_name(m));
            }
        }
        let distance = |m: &&&Mention| m.span.start.abs_diff(money.start);
        // Not an agreement another figure stands closer to ("$9.2 million for projects,
        // including $4.3 million for a … Program").
        let money_between = |m: &&&Mention| {
            let (a, b) = if m.span.start > money.end {
                (money.end, m.span.start)
            } else {
                (m.span.end, money.start)
            };
            a < b && MONEY_HINT.is_match(&text[a..b])
        };
        if let Some(m) = in_sentence
            .iter()
            .filter(|m| m.entity_type == EntityType::Agreement)
            .filter(|m| !money_between(m))
            .min_by_key(distance)
        {
            return Some(self.entity_name(m));
        }
        if ANAPHOR.is_match(&text[sentence.start..sentence.end]) {
            // "the agreement", "the initiative": the last one named in the same section.
            let section_start = document
                .blocks
                .iter()
                .rev()
                .find(|b| b.kind == BlockKind::Heading && b.span.end <= sentence.start)
                .map_or(0, |h| h.span.end);
            let earlier = mentions.iter().rev().find(|m| {
                m.entity_type == EntityType::Agreement
                    && m.span.end <= sentence.start
                    && m.span.start >= section_start
            });
            if let Some(m) = earlier {
                return Some(self.entity_name(m));
            }
        }
        None
    }

    fn entity_name(&self, m: &Mention) -> (String, Option<String>) {
        let gaz_name = m
            .value
            .gazetteer_id
            .as_deref()
            .and_then(|id| match m.entity_type {
                EntityType::Agency => self.gazetteer.agency(id).map(|a| a.name.clone()),
                EntityType::Agreement => self.gazetteer.agreement(id).map(|a| a.name.clone()),
                _ => None,
            });
        (
            gaz_name.unwrap_or_else(|| m.value.name.clone()),
            m.value.gazetteer_id.clone(),
        )
    }

    fn donor_recipient(
        &self,
        text: &str,
        sentence: Span,
        money: Span,
        program: Option<&str>,
    ) -> (Option<String>, Option<String>) {
        let mut donor = None;
        let mut recipient = None;
        for (s, code) in self.countries.find(text, sentence) {
            let before = &text[sentence.start..s.start];
            if before.ends_with("from the ")
                || before.ends_with("from ")
                || before.ends_with("by the ")
            {
                donor.get_or_insert(code);
            } else if RECIPIENT.is_match(before) && s.start > sentence.start {
                recipient.get_or_insert(code);
            }
        }
        let _ = money;
        if let (Some(r), None, Some(p)) = (
            &recipient,
            &donor,
            program.and_then(|id| self.gazetteer.agreement(id)),
        ) {
            let others: Vec<&String> = p.parties.iter().filter(|c| *c != r).collect();
            if others.len() == 1 {
                donor = Some(others[0].clone());
            }
        }
        (donor, recipient)
    }
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
    let body: Vec<String> = cands
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
fn assign_dates(text: &str, sentences: &[(usize, Span)], mentions: &mut [Mention]) {
    for &(_, sentence) in sentences {
        let sent = &text[sentence.start..sentence.end];
        let signing = SIGNING.is_match(sent);
        let ending = ENDING.is_match(sent);
        if !signing && !ending {
            continue;
        }
        let agreements: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                let m = &mentions[i];
                m.entity_type == EntityType::Agreement
                    && sentence.contains(m.span)
                    && !m.value.name.contains(|c: char| c.is_ascii_digit())
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
            .filter(|(span, _)| !mentions.iter().any(|m| m.span.overlaps(*span)))
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
            let (signed, ended) = (pick(false), pick(true));
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
fn funding_kind(sentence: &str, at: usize) -> &'static str {
    const KEYWORDS: &[(&str, &str)] = &[
        ("profit", "revenue_estimate"),
        ("revenue", "revenue_estimate"),
        ("proceeds", "revenue_estimate"),
        ("illicit", "revenue_estimate"),
        ("appropriat", "appropriation"),
        ("enacted", "appropriation"),
        ("omnibus", "appropriation"),
        ("set aside", "appropriation"),
        ("request", "request"),
        ("sought", "request"),
        ("seeking", "request"),
        ("asked", "request"),
        ("authoriz", "authorization"),
        ("authoris", "authorization"),
        ("budget", "budget"),
        ("allocat", "budget"),
        ("earmark", "budget"),
        ("committed", "budget"),
        ("assistance", "assistance"),
        ("aid", "assistance"),
        ("provide", "assistance"),
        ("grant", "assistance"),
        ("package", "assistance"),
        ("funding for", "assistance"),
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
        .map_or("other", |(_, kind)| kind)
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
    'next: for c in cands {
        for k in kept.iter_mut().rev() {
            if k.span.end <= c.span.start && k.span.start < c.span.start {
                // kept is sorted by start; earlier non-overlapping ones cannot conflict, but
                // a long earlier span might, so keep scanning a little.
            }
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
                if c.rule == "list-expansion" && k.gaz.is_none() {
                    *k = c.clone();
                    continue 'next;
                }
                if k.rule == "list-expansion" && c.gaz.is_none() {
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
                let extra = format!(
                    "{}{}",
                    &k.name[..c.span.start.saturating_sub(k.span.start).min(k.name.len())],
                    ""
                );
                let prefix_is_country = extra
                    .split_whitespace()
                    .all(|w| countries.lookup(w).is_some() || w == "the");
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
        kept.push(c);
    }
    kept
}
