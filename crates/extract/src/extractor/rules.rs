//! Rules that find names: appositions, bare institutions, numbered plans, lists of
//! working groups and instruments, short names, headed lists, glosses, head-noun phrases,
//! agreements named by their parties, acronym definitions and uses.

use accord_core::Rule;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::span_index::{SpanIndex, overlaps_sorted};

use super::{
    AgreementKind, BTreeMap, BlockKind, Cand, Document, EntityType, Extractor, Mention, NamePhrase,
    Span, Token, is_foreign, names, names_stop, normalize_key, tokens,
};

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

/// A lower-case instrument noun right after an acronym's closing parenthesis: "(BSA)
/// program", "(CRF) fund", "(IIP) initiative". Budget documents name programs and accounts so.
static LOWER_INSTRUMENT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:program|programme|initiative|fund|account|partnership|plan)(?-u:\b)")
        .expect("static regex")
});

/// The agreement kind (`AgreementKind` spelling) a lower-case instrument noun implies:
/// a fund or an account is a program, as `eval/CODING.md` codes appropriations accounts.
fn lower_instrument_kind(noun: &str) -> &'static str {
    match noun {
        "initiative" => "initiative",
        "partnership" => "partnership",
        "plan" => "plan",
        _ => "program",
    }
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

/// Between a name and its translation in brackets after its acronym: "Ministerio Público
/// (MP, Public Prosecutor's Office)", "(SSPC, Security and Citizen Protection Secretariat)".
static ACRONYM_GLOSS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\(\s*\p{Lu}[\p{Lu}\p{Ll}&./-]{1,11},\s*(?:the\s+)?$").expect("static regex")
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

static PILLAR_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^([a-z]+)\s+(?:agenda|pillar|track)\b").expect("static regex")
});

impl Extractor {
    /// "Mexico's trusted-traveller programme, Viajero Confiable": a generic instrument noun
    /// followed by a capitalised name in apposition names an agreement of that kind.
    pub(super) fn named_by_apposition(&self, text: &str, sentence: Span) -> Vec<Cand> {
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
                Rule::Apposition,
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
    pub(super) fn bare_institutions(
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
        // Overlaps with the candidates through an index; the names added here come in text
        // order past every phrase looked at before, so one overlaps a later phrase exactly
        // when the furthest end among them passes that phrase's start.
        let taken = SpanIndex::new(cands.iter().map(|c| c.span));
        let mut added_end = 0;
        let mut unresolved: HashMap<Span, Vec<usize>> = HashMap::new();
        for (k, c) in cands.iter().enumerate() {
            if c.gaz.is_none() && c.entity_type == EntityType::Agency {
                unresolved.entry(c.span).or_default().push(k);
            }
        }
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
                    let same = unresolved
                        .get(&span)
                        .and_then(|ks| ks.iter().copied().find(|&k| cands[k].gaz.is_none()));
                    if same.is_none() && (taken.overlaps_any(span) || added_end > span.start) {
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
                            let mut c = Cand::new(
                                EntityType::Agency,
                                span,
                                phrase.to_owned(),
                                Rule::BareName,
                            );
                            c.gaz = Some(winners[0].0.clone());
                            debug_assert!(added.last().is_none_or(|a| a.span.end <= span.start));
                            added_end = added_end.max(span.end);
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
    pub(super) fn numbered_plans(&self, text: &str, sentence: Span) -> Vec<Cand> {
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
                    Rule::NumberedPlan,
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
    pub(super) fn shared_head_groups(&self, text: &str, sentence: Span) -> Vec<Cand> {
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
                    Rule::ListExpansion,
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
    pub(super) fn instrument_lists(&self, text: &str, sentence: Span) -> Vec<Cand> {
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
                    let mut c = Cand::new(
                        EntityType::Agreement,
                        span,
                        item.to_owned(),
                        Rule::ListMember,
                    );
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
    pub(super) fn short_names(&self, text: &str, toks: &[Token<'_>]) -> Vec<Cand> {
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
            if let Some([id]) = self.short_heads.get(&folded).map(Vec::as_slice) {
                let mut c = Cand::new(
                    EntityType::Agreement,
                    word.span,
                    word.text.to_owned(),
                    Rule::ShortName,
                );
                c.gaz = Some(id.clone());
                out.push(c);
            }
        }
        out
    }

    /// Items of a bulleted list introduced by a heading or paragraph about working groups
    /// ("Working groups" › "Prosperity agenda" › "- Energy") are working groups; the pillar
    /// is the nearest sub-heading's first word ("Prosperity agenda" → prosperity).
    pub(super) fn headed_list_items(&self, document: &Document) -> Vec<Cand> {
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
            let mut c = Cand::new(EntityType::WorkingGroup, span, name, Rule::ListExpansion);
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
    pub(super) fn link_glosses(
        &self,
        text: &str,
        sentences: &[(usize, Span)],
        mentions: &mut [Mention],
    ) {
        let n = mentions.len();
        for i in 0..n {
            let ty = mentions[i].entity_type;
            if !matches!(ty, EntityType::Agency | EntityType::Agreement)
                || mentions[i].value.same_as.is_some()
            {
                continue;
            }
            // Sentences are sorted and disjoint, and mentions sorted by start: a binary
            // search finds the sentence, and the search for the next name stops at its end
            // (linear in the mentions of a sentence, not of the document).
            let at = sentences.partition_point(|(_, s)| s.end <= mentions[i].span.start);
            let Some(&(_, sentence)) = sentences
                .get(at)
                .filter(|(_, s)| s.contains(mentions[i].span))
            else {
                continue;
            };
            let next_of = |from: usize, end: usize| {
                (from..n)
                    .take_while(|&j| mentions[j].span.start < sentence.end)
                    .find(|&j| {
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
            // "Ministerio de Gobernación (MINGOB, Ministry of the Interior)": the bracket's
            // translation names the body before it, whatever other country's ministry of that
            // English name the gazetteer holds.
            if ACRONYM_GLOSS.is_match(between) && foreign_pair {
                let head_name = self.canonical_name(&mentions[i]);
                let head_gaz = mentions[i].value.gazetteer_id.clone();
                mentions[j].value.gazetteer_id = head_gaz;
                mentions[j].value.same_as = Some(head_name);
                continue;
            }
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
            }
        }
    }

    pub(super) fn canonical_name(&self, m: &Mention) -> String {
        self.entity_name(m).0
    }

    /// The long form a text gives an acronym fits the gazetteer entry `id` that the acronym
    /// resolves to: at least half of the long form's content words (lower case, three
    /// letters or more, no connectors) occur in the entry's name or aliases, or at least half
    /// of the words of one of those forms occur in the long form. A Spanish official name in
    /// the aliases lets an English long form fit, and the reverse.
    pub(super) fn long_form_fits(&self, entity_type: EntityType, id: &str, long: &str) -> bool {
        let forms: Vec<&str> = match entity_type {
            EntityType::Agency => self.gazetteer.agency(id).map_or_else(Vec::new, |e| {
                std::iter::once(e.name.as_str())
                    .chain(e.aliases.iter().map(String::as_str))
                    .collect()
            }),
            EntityType::Agreement => self.gazetteer.agreement(id).map_or_else(Vec::new, |e| {
                std::iter::once(e.name.as_str())
                    .chain(e.aliases.iter().map(String::as_str))
                    .collect()
            }),
            EntityType::WorkingGroup => {
                self.gazetteer.working_group(id).map_or_else(Vec::new, |e| {
                    std::iter::once(e.name.as_str())
                        .chain(e.aliases.iter().map(String::as_str))
                        .collect()
                })
            }
            EntityType::Funding => return true,
        };
        let content = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .map(str::to_lowercase)
                .filter(|w| {
                    !matches!(
                        w.as_str(),
                        "the" | "and" | "for" | "del" | "des" | "los" | "las"
                    )
                })
                .collect()
        };
        let words: std::collections::HashSet<String> = content(long).into_iter().collect();
        if words.is_empty() || forms.is_empty() {
            return true;
        }
        let known: std::collections::HashSet<String> =
            forms.iter().flat_map(|f| content(f)).collect();
        let shared = words.iter().filter(|w| known.contains(*w)).count();
        // Half of the long form's words are the entry's, or half of one of the entry's
        // forms is in the long form (a long form that took a few words too many on its left:
        // "… announced that through the U.S. Agency for International Development").
        2 * shared >= words.len()
            || forms.iter().any(|f| {
                let own = content(f);
                !own.is_empty()
                    && 2 * own.iter().filter(|w| words.contains(*w)).count() >= own.len()
            })
    }

    pub(super) fn phrase_cand(&self, p: &NamePhrase) -> Cand {
        let mut c = Cand::new(p.entity_type, p.full_span, p.name.clone(), p.rule);
        c.acronym.clone_from(&p.acronym);
        c.kind = p.kind;
        // The acronym a text defines is more specific than a long form that several bodies
        // have shared ("Attorney General's Office (FGR)" is the FGR, not the former PGR).
        // An acronym two bodies share is the one whose names fit the long form the text
        // gives: "Australian Federal Police (AFP)" is no news agency.
        c.gaz = p
            .acronym
            .as_deref()
            .and_then(|a| self.resolve(p.entity_type, a))
            .filter(|id| self.long_form_fits(p.entity_type, id, &p.name))
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
            c.rule = Rule::AcronymHead;
        }
        let compound = self.name_compound(&p.name);
        if let (EntityType::Agreement, Some(parties)) = (
            p.entity_type,
            compound.clone().or_else(|| self.inner_compound(&p.name)),
        ) {
            c.parties = parties;
        }
        // "U.S.-Mexico Joint Committee": a meeting head opened by a country compound is a
        // body the countries share (a working group), unless the gazetteer says otherwise.
        if p.entity_type == EntityType::Agency
            && c.gaz.is_none()
            && compound.is_some()
            && words
                .iter()
                .take_while(|w| !matches!(**w, "on" | "of" | "for"))
                .last()
                .is_some_and(|h| crate::names::is_meeting_head(h))
        {
            c.entity_type = EntityType::WorkingGroup;
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
                r.parties_from_name
                    && (p.name.starts_with(&format!("{} ", r.adjective))
                        || p.name.ends_with(&format!(" of {}", r.name)))
            });
            if let Some(r) = region {
                c.parties.clone_from(&r.members);
            }
        }
        c
    }

    /// The countries of a compound that opens `name` ("U.S.-Canada Action Plan",
    /// "United States-Mexico-Canada Agreement", "Canada–U.S. Dialogue"); `None` unless it
    /// names at least two countries.
    pub(super) fn name_compound(&self, name: &str) -> Option<Vec<String>> {
        let mut words = name.split_whitespace();
        let first = words.next()?;
        if let Some(codes) = self.countries.compound(first) {
            return Some(codes);
        }
        let second = words.next()?;
        self.countries.compound(&format!("{first} {second}"))
    }

    /// A country compound of two or more countries anywhere in an agreement's name, of one to
    /// three words ("Roadmap for U.S.-India Defense Industrial Cooperation", "Papua New
    /// Guinea–Australia Bilateral Security Agreement"): its parties, sorted codes.
    pub(super) fn inner_compound(&self, name: &str) -> Option<Vec<String>> {
        if !name.contains(['-', '–', '—', '/']) {
            return None;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        (0..words.len()).find_map(|i| {
            (1..=3).rev().find_map(|n| {
                let phrase = words.get(i..i + n)?.join(" ");
                self.countries
                    .compound(&phrase)
                    .filter(|codes| codes.len() >= 2)
            })
        })
    }

    /// "the Canada-U.S. border accord", "the U.S.-Mexican version of the treaty": an
    /// agreement named by its parties. Resolved to the gazetteer agreement with the same
    /// parties whose name shares the topic word ("border").
    pub(super) fn party_compounds(&self, text: &str, toks: &[Token<'_>]) -> Vec<Cand> {
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
                Rule::PartyCompound,
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

    pub(super) fn by_parties(
        &self,
        parties: &[String],
        topic: Option<&str>,
        head: &str,
    ) -> Option<&str> {
        let topic = topic?.to_lowercase();
        let hits: Vec<&accord_gazetteer::AgreementEntry> = self
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
        let in_name: Vec<&&accord_gazetteer::AgreementEntry> = hits
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
    pub(super) fn acronym_definitions(
        &self,
        text: &str,
        toks: &[Token<'_>],
        urls: &[Span],
    ) -> Vec<Cand> {
        let mut out = self.reverse_acronym_definitions(text, toks, urls);
        for (i, t) in toks.iter().enumerate() {
            if i == 0 || !t.is_acronym() || overlaps_sorted(urls, t.span) {
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
                let typed = self.type_long_form(
                    text,
                    Span::new(first.span.start, toks[i - 1].span.end),
                    t.text,
                    true,
                );
                let span = Span::new(first.span.start, t.span.end + 1);
                if let Some((ty, gaz)) = typed {
                    let mut c = Cand::new(ty, span, long.to_owned(), Rule::AcronymDefinition);
                    c.acronym = Some(t.text.to_owned());
                    c.gaz = gaz;
                    out.push(c);
                } else if let Some(head) = LOWER_INSTRUMENT_HEAD.find(&after[1..]) {
                    // "the Border Safety Assistance (BSA) program": a lower-case instrument
                    // noun after the definition heads the long form, and the acronym is
                    // defined, so that its uses elsewhere (a table row "NADR - BSA", even
                    // before the definition) name the program. The mention runs through
                    // the noun: the same span as the "(BSA) program" phrase it merges with.
                    let noun = head.as_str().trim();
                    let through = t.span.end + 1 + head.end();
                    let mut c = Cand::new(
                        EntityType::Agreement,
                        Span::new(span.start, through),
                        long.to_owned(),
                        Rule::AcronymDefinition,
                    );
                    c.acronym = Some(t.text.to_owned());
                    c.kind = Some(lower_instrument_kind(noun));
                    out.push(c);
                }
                break;
            }
        }
        out
    }

    /// The entity type of an acronym's long form at `long` (byte span): a gazetteer entry
    /// named by the long form or the acronym (with its id), else the type of the last
    /// head-noun name in it (with `ends_at_head`, only when that name ends the long form).
    fn type_long_form(
        &self,
        text: &str,
        long: Span,
        acronym: &str,
        ends_at_head: bool,
    ) -> Option<(EntityType, Option<String>)> {
        let long_text = &text[long.start..long.end];
        [
            EntityType::Agency,
            EntityType::Agreement,
            EntityType::WorkingGroup,
        ]
        .into_iter()
        .find_map(|ty| {
            self.resolve(ty, long_text)
                .or_else(|| {
                    self.resolve(ty, acronym)
                        .filter(|id| self.long_form_fits(ty, id, long_text))
                })
                .map(|id| (ty, Some(id.to_owned())))
        })
        .or_else(|| {
            names::head_noun_phrases(text, &tokens(text, long))
                .last()
                .filter(|p| !ends_at_head || p.span.end == long.end)
                .map(|p| (p.entity_type, None))
        })
    }

    /// "ACR (Long Form)": an acronym followed by its expansion in parentheses (the reverse
    /// order of Schwartz & Hearst 2003), typed like the forward order.
    pub(super) fn reverse_acronym_definitions(
        &self,
        text: &str,
        toks: &[Token<'_>],
        urls: &[Span],
    ) -> Vec<Cand> {
        let mut out = Vec::new();
        for t in toks
            .iter()
            .filter(|t| t.is_acronym() && !overlaps_sorted(urls, t.span))
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
            let offset = t.span.end + (rest.len() - inner.len());
            let long_span = Span::new(offset, offset + close);
            let typed = self.type_long_form(text, long_span, t.text, false);
            if let Some((ty, gaz)) = typed {
                let end = t.span.end + (rest.len() - inner.len()) + close + 1;
                let mut c = Cand::new(
                    ty,
                    Span::new(t.span.start, end),
                    long.to_owned(),
                    Rule::AcronymDefinition,
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
    pub(super) fn list_members(
        document: &Document,
        sentences: &[(usize, Span)],
        cands: &mut Vec<Cand>,
    ) {
        let text = &document.text;
        let mut added = Vec::new();
        let all = SpanIndex::new(cands.iter().map(|c| c.span));
        let agencies = SpanIndex::new(
            cands
                .iter()
                .filter(|c| c.entity_type == EntityType::Agency)
                .map(|c| c.span),
        );
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
            // An agency that starts in the item (or just before it) and overlaps it.
            let is_agency = |s: &Span| {
                agencies
                    .starting_in(s.start.saturating_sub(1), s.end.max(s.start + 1))
                    .iter()
                    .any(|c| s.overlaps(*c))
            };
            let known = items.iter().filter(|s| is_agency(s)).count();
            if known < 2 || known * 2 < items.len() {
                continue;
            }
            for s in items
                .iter()
                .filter(|s| !is_agency(s) && !all.overlaps_any(**s))
            {
                let words: Vec<&str> = text[s.start..s.end].split_whitespace().collect();
                let quoted =
                    text[..s.start].ends_with(['"', '“']) || text[s.end..].starts_with(['"', '”']);
                let ok = !quoted
                    && (2..=5).contains(&words.len())
                    // "for Canada, the …": an item that opens with a connector is a clause.
                    && words[0].chars().next().is_some_and(char::is_uppercase)
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
                        Rule::ListMember,
                    ));
                }
            }
        }
        cands.extend(added);
    }

    /// Uses of acronyms defined in the document (anywhere in it, before or after the
    /// definition), including all-caps plurals ("IBETS" for "IBETs").
    pub(super) fn acronym_uses(document: &Document, urls: &[Span], cands: &mut Vec<Cand>) {
        let text = &document.text;
        // "Marine Security Enforcement Teams (MSETs)": a gazetteer name of another type
        // (the program) under the same definition shares its span and its acronym.
        let mut defs_at: HashMap<usize, Vec<(Span, String, EntityType)>> = HashMap::new();
        for c in cands.iter() {
            if let Some(a) = &c.acronym {
                defs_at
                    .entry(c.span.start)
                    .or_default()
                    .push((c.span, a.clone(), c.entity_type));
            }
        }
        for o in cands
            .iter_mut()
            .filter(|o| o.gaz.is_some() && o.acronym.is_none())
        {
            let Some(defs) = defs_at.get(&o.span.start) else {
                continue;
            };
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
        // "the Australian Federal Police (AFP) … The AFP will deploy": an acronym the
        // document defines names the defined body wherever the text writes it alone, even
        // where the gazetteer knows another body by it (the news agency AFP).
        for o in cands.iter_mut().filter(|o| o.acronym.is_none()) {
            let written = &text[o.span.start..o.span.end];
            let Some(d) = defined
                .get(written)
                .and_then(|defs| defs.iter().find(|d| d.entity_type == o.entity_type))
            else {
                continue;
            };
            if d.gaz != o.gaz && d.span != o.span {
                o.gaz.clone_from(&d.gaz);
                o.name.clone_from(&d.name);
                o.acronym.clone_from(&d.acronym);
                o.kind = d.kind;
                o.parties.clone_from(&d.parties);
                o.rule = Rule::Acronym;
            }
        }
        let cand_spans = SpanIndex::new(cands.iter().map(|c| c.span));
        let inside_cand = |t: Span| cand_spans.covers(t);
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
                if overlaps_sorted(urls, t.span) || inside_cand(t.span) {
                    continue;
                }
                for d in defs {
                    let mut c = Cand::new(d.entity_type, t.span, t.text.to_owned(), Rule::Acronym);
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
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract_paragraph;
    use accord_core::EntityType;

    fn agencies(text: &str) -> Vec<(String, Option<String>)> {
        let gazetteer = super::super::test_support::bundled_gazetteer();
        extract_paragraph(&gazetteer, text)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::Agency)
            .map(|m| (m.value.name, m.value.gazetteer_id))
            .collect()
    }

    #[test]
    fn a_country_pair_inside_an_agreements_name_gives_its_parties() {
        let gazetteer = super::super::test_support::bundled_gazetteer();
        for (text, name, parties) in [
            (
                "They adopted the Roadmap for U.S.-India Defense Industrial Cooperation last year.",
                "Roadmap for U.S.-India Defense Industrial Cooperation",
                ["IND", "USA"],
            ),
            (
                "The Papua New Guinea–Australia Bilateral Security Agreement entered into force.",
                "Papua New Guinea–Australia Bilateral Security Agreement",
                ["AUS", "PNG"],
            ),
        ] {
            let found = extract_paragraph(&gazetteer, text);
            let agreement = found
                .iter()
                .find(|m| m.entity_type == EntityType::Agreement)
                .unwrap_or_else(|| panic!("no agreement in {text:?}: {found:#?}"));
            assert_eq!(agreement.value.name, name);
            assert_eq!(agreement.value.parties, parties, "{text:?}");
        }
    }

    #[test]
    fn an_acronym_the_text_defines_beats_the_gazetteers_body_of_that_acronym() {
        // AFP is a news agency in the bundled gazetteer.
        let found = agencies(
            "Officers of the Australian Federal Police (AFP) met their counterparts. The AFP will deploy 40 officers.",
        );
        let afp: Vec<&(String, Option<String>)> = found
            .iter()
            .filter(|(_, id)| id.as_deref() == Some("afp"))
            .collect();
        assert!(afp.is_empty(), "{found:?}");
        assert_eq!(
            found
                .iter()
                .filter(|(name, _)| name == "Australian Federal Police")
                .count(),
            2,
            "{found:?}"
        );
    }

    #[test]
    fn a_lower_case_instrument_noun_after_a_definition_makes_it_a_program() {
        use accord_core::AgreementKind;
        let g = accord_gazetteer::Gazetteer::default();
        let programs = |text: &str| -> Vec<(String, Option<String>, Option<AgreementKind>)> {
            extract_paragraph(&g, text)
                .into_iter()
                .filter(|m| m.entity_type == EntityType::Agreement)
                .map(|m| (m.value.name, m.value.acronym, m.value.agreement_kind))
                .collect()
        };
        let got = programs(
            "The table lists RBSA first. The line funds the River Border Safety Assistance \
             (RBSA) program of the ministry, and the Coastal Recovery (CORE) fund pays for boats.",
        );
        // The acronym is defined: its use before the definition names the program too.
        let rbsa = got
            .iter()
            .filter(|(_, a, k)| a.as_deref() == Some("RBSA") && *k == Some(AgreementKind::Program))
            .count();
        assert_eq!(rbsa, 2, "{got:?}");
        assert!(
            got.contains(&(
                "Coastal Recovery".to_owned(),
                Some("CORE".to_owned()),
                Some(AgreementKind::Program)
            )),
            "{got:?}"
        );
        // No instrument noun after the definition: no agreement.
        assert!(programs("The River Border Safety Assistance (RBSA) staff met in May.").is_empty());
    }

    #[test]
    fn a_translation_after_the_acronym_names_the_body_before_it() {
        let gazetteer = super::super::test_support::bundled_gazetteer();
        let found = extract_paragraph(
            &gazetteer,
            "Honduras' lead body is the Ministerio de Seguridad Ciudadana y Convivencia (MSCC, Ministry of the Interior), which commands the police.",
        );
        let gloss = found
            .iter()
            .find(|m| m.value.name == "Ministry of the Interior")
            .expect("the translation is a mention");
        assert_eq!(
            gloss.value.same_as.as_deref(),
            Some("Ministerio de Seguridad Ciudadana y Convivencia"),
            "{found:#?}"
        );
        // Another country's "Ministry of the Interior" in the gazetteer is not this body.
        assert_eq!(gloss.value.gazetteer_id, None);
    }

    #[test]
    fn a_shared_acronym_resolves_to_the_body_its_long_form_names() {
        // AFP is a news agency in the bundled gazetteer; this long form is another body.
        let found =
            agencies("Officers of the Australian Federal Police (AFP) met their counterparts.");
        assert!(
            found
                .iter()
                .any(|(name, id)| name == "Australian Federal Police"
                    && id.as_deref() != Some("afp")),
            "{found:?}"
        );
        // The long form that fits keeps the gazetteer's entry.
        let found = agencies("A report by Agence France-Presse (AFP) said so.");
        assert!(
            found.iter().any(|(_, id)| id.as_deref() == Some("afp")),
            "{found:?}"
        );
    }
}
