//! Which named instrument a working group sits under (CODING.md, "Working groups": the
//! `agreement` is "the named instrument the text places it under; null otherwise").
//!
//! The evidence, strongest first:
//!
//! 1. a placing cue in the body's own sentence that ties an agreement mention to it:
//!    "under", "pursuant to", "as part of", "in support of", "within", "established by",
//!    "to implement" before the agreement; "X of the A"; a possessive ("the A's X"); the
//!    agreement as the subject of a creation verb ("the A established the X", "the A,
//!    signed in 2019, created …", "the A is overseen by the X"); or a pronoun or definite
//!    description after such a cue ("set up to implement it", "under the framework", "the
//!    Declaration's X"), which points back to the last agreement named before;
//! 2. the gazetteer row of the body (set before this pass), or of a sibling in the same list;
//! 3. an earlier sentence of the same block, or the introduction of the list the body is an
//!    item of, that ties an agreement to bodies in general ("The A established a number of
//!    working groups …", "Under the A, the two governments set up:");
//! 4. the section: the last heading before the body that names an agreement, up to the
//!    next heading;
//! 5. the document: the one gazetteer agreement its title names.
//!
//! Steps 3 to 5 do not apply where the sentence, or the list item and its introduction, keep
//! the body out ("It is not part of the Action Plan", "bodies separate from the Agreement"),
//! and a heading that does ("Cooperation outside the Plan") opens no scope.
//! Section and document scopes hold only for bodies the sentence sets up, convenes or
//! renews ("agreed to launch a … Ministerial"), not for bodies named in passing, and never
//! for summits (meetings, not bodies an instrument creates). Mere closeness is no evidence:
//! a ministerial "aligned to" a convention, named in the same sentence, does not sit under
//! it. A body is never placed under itself (a dialogue is often in both tables).

use super::Extractor;
use accord_core::{BlockKind, Document, EntityType, Mention, Span, normalize_key};
use regex::Regex;
use std::sync::LazyLock;

/// The head nouns by which a definite description names an instrument ("the framework"),
/// lower case, as a regex alternation for the case-insensitive patterns below.
macro_rules! instrument_nouns {
    () => {
        "agreement|accord|accords|declaration|framework|plan|partnership|initiative|strategy|roadmap|memorandum|treaty|convention|protocol"
    };
}

/// Cue words that place a body under the agreement named right after them, matched at the
/// end of the text before the agreement mention.
static PLACING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:under|pursuant\s+to|as\s+part\s+of|in\s+support\s+of|within|in\s+the\s+framework\s+of|(?:established|created|set\s+up|formed|launched|convened|mandated|instituted)\s+(?:by|through)|to\s+implement|implementing|implementation\s+of)(?:\s+the\s+(?:goals|objectives|terms|auspices|framework)\s+of)?\s+(?:the\s+|this\s+|its\s+|their\s+)?(?:\d{4}\s+)?$",
    )
    .expect("static regex")
});

/// A creation verb right after an agreement mention: the agreement is the subject
/// ("The A established …", "The A (2005) set up …").
static CREATED_BY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\s*\([^)]{0,40}\))?(?:,\s[^,;:()]{1,80},)?,?\s+(?:(?:which|that|also|then|has|have|had|will|would|soon)\s+){0,3}(?:established|establishes|created|creates|set\s+up|sets\s+up|launched|launches|formed|forms|convened|instituted|mandated|(?:is|are|was|were|will\s+be)\s+(?:implemented|overseen|managed|administered|run|coordinated|supervised)\s+(?:through|by))\b",
    )
    .expect("static regex")
});

/// A pronoun or a definite description of an instrument after a placing cue ("to implement
/// it", "under the framework"): the instrument named last before the sentence.
static PLACING_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        concat!(
            r"(?i)\b(?:under|pursuant\s+to|as\s+part\s+of|in\s+support\s+of|to\s+implement|implementing)\s+(?:it|them|(?:the|this)\s+(",
            instrument_nouns!(),
            r"))\b",
        ),
    )
    .expect("static regex")
});

/// Words that keep a body out of an instrument ("not part of the plan", "separate from
/// the agreement", "outside the framework").
static DENYING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:not\s+(?:a\s+)?part\s+of|not\s+under|unrelated\s+to|separate(?:ly)?\s+from|outside(?:\s+of)?|independent(?:ly)?\s+of|apart\s+from|other\s+than)\s+(?:the|this|that|its|their)\b",
    )
    .expect("static regex")
});

/// Any instrument noun, or "it": the cheap test before the description patterns run.
static DESCRIBES_INSTRUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(r"(?i)\b(?:it|them|", instrument_nouns!(), r")\b")).expect("static regex")
});

/// A definite description of an instrument, or "It", opening a sentence ("The Agreement
/// …", "It created …"); the description's head noun is group 1.
static DESCRIPTION_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\W*(?:(?:The|This)\s+(Agreement|Accord|Accords|Declaration|Framework|Plan|Partnership|Initiative|Strategy|Roadmap|Memorandum|Treaty|Convention|Protocol)|It)\b",
    )
    .expect("static regex")
});

/// A possessive description right before a body ("the Declaration's Joint Steering
/// Committee", "the framework's new"), matched at the end of the text before the body.
static DESCRIPTION_POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:the|this)\s+(",
        instrument_nouns!(),
        r")(?:’s|'s)\s+(?:[a-z]+\s+){0,2}$",
    ))
    .expect("static regex")
});

/// Plural and generic nouns for bodies: a sentence that creates "working groups" in general
/// places the named ones that follow.
const GENERIC_BODIES: &[&str] = &[
    "working groups",
    "workgroups",
    "committees",
    "subcommittees",
    "sub-committees",
    "subgroups",
    "task forces",
    "councils",
    "networks",
    "dialogues",
    "forums",
    "bodies",
    "groups",
    "teams",
];

/// Verbs (and their nouns) by which a sentence sets a body up, convenes or renews it.
const SETTING_UP: &[&str] = &[
    "launch",
    "launched",
    "launches",
    "launching",
    "relaunch",
    "relaunched",
    "establish",
    "established",
    "establishes",
    "establishing",
    "establishment",
    "reestablish",
    "reestablished",
    "reestablishing",
    "re-establish",
    "re-established",
    "re-establishing",
    "create",
    "created",
    "creates",
    "creating",
    "creation",
    "convene",
    "convened",
    "convenes",
    "convening",
    "reconvene",
    "reconvened",
    "reconvening",
    "revive",
    "revived",
    "reviving",
    "form",
    "formed",
    "forming",
    "formation",
    "set",
    "meet",
    "meets",
    "met",
    "expand",
    "expanded",
    "expanding",
    "renew",
    "renewed",
    "renewing",
    "resume",
    "resumed",
    "hold",
    "held",
    "host",
    "hosted",
    "institute",
    "instituted",
];

/// An instrument as this pass sees it: its name and gazetteer id.
type Instrument = (String, Option<String>);

/// The instrument an agreement mention names.
fn instrument_of(m: &Mention) -> Instrument {
    (m.value.name.clone(), m.value.gazetteer_id.clone())
}

/// An earlier sentence that ties an agreement to bodies in general, and how far it holds.
struct Opener {
    block: usize,
    end: usize,
    instrument: Instrument,
}

impl Extractor {
    /// Sets `parent`/`parent_id` of the working-group mentions the gazetteer left without
    /// one (see the module documentation for the evidence, in order), and the pillar a
    /// list's introduction names ("Under the security track of …:"). `sentences` are the
    /// document's (block index, byte span) pairs in text order; `mentions` are sorted by
    /// start.
    pub(super) fn place_working_groups(
        &self,
        document: &Document,
        sentences: &[(usize, Span)],
        mentions: &mut [Mention],
    ) {
        if !mentions
            .iter()
            .any(|m| m.entity_type == EntityType::WorkingGroup)
        {
            return;
        }
        let text = &document.text;
        let agreements: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                mentions[i].entity_type == EntityType::Agreement
                    && document.block_at(mentions[i].span.start).is_some()
            })
            .collect();
        let instrument = |i: usize| instrument_of(&mentions[i]);
        let sections = section_instruments(document, mentions, &agreements);
        let title = self
            .title_topic(document)
            .or_else(|| titled_agreement(document, mentions, &agreements).map(instrument));
        let scope = Scope {
            document,
            mentions,
            agreements: &agreements,
            sections: &sections,
        };
        let openers = openers(&scope, sentences);
        let mut placed: Vec<(usize, Option<Instrument>, Option<String>)> = Vec::new();
        let mut stated_for: Vec<usize> = Vec::new();
        for i in 0..mentions.len() {
            let m = &mentions[i];
            if m.entity_type != EntityType::WorkingGroup {
                continue;
            }
            let Some(block) = document.block_at(m.span.start) else {
                continue;
            };
            let at = sentences.partition_point(|(_, s)| s.end <= m.span.start);
            let sentence = sentences
                .get(at)
                .filter(|(_, s)| s.start <= m.span.start)
                .map_or(document.blocks[block].span, |(_, s)| *s);
            // A sentence that is only the body's name (a list item's label: "**Joint Team.**
            // Set up under …") is described by the next one in its block.
            let described = if is_label(text, sentence, m.span) {
                sentences
                    .get(at + 1)
                    .filter(|(b, _)| *b == block)
                    .map_or(sentence, |(_, next)| Span::new(sentence.start, next.end))
            } else {
                sentence
            };
            let context_start = list_intro(document, block);
            let not_self = |a: &usize| !same_body(&mentions[*a], m);
            // What the text says outright beats the gazetteer: a name like "Energy Working
            // Group" recurs under many instruments.
            let stated = self
                .possessor(&m.value.name)
                .or_else(|| named_in_name(document, mentions, &agreements, m).map(instrument))
                .or_else(|| {
                    in_sentence(text, described, mentions, &agreements, m.span)
                        .filter(not_self)
                        .map(instrument)
                })
                .or_else(|| {
                    anaphor(&scope, described, block, m.span)
                        .filter(not_self)
                        .map(instrument)
                });
            if stated.is_some() {
                stated_for.push(i);
            }
            if m.value.parent.is_some() {
                if stated.is_some() {
                    placed.push((i, stated, None));
                }
                continue;
            }
            // "It is not part of the plan", "bodies separate from the agreement": no scope
            // places the body.
            let list_item = document.blocks[block].kind == BlockKind::ListItem;
            let denied = std::iter::once(sentence)
                .chain(list_item.then(|| document.blocks[block].span))
                .chain(list_item.then(|| document.blocks[context_start].span))
                .any(|s| DENYING.is_match(&text[s.start..s.end]));
            let found = stated
                .or_else(|| sibling(document, mentions, i, block))
                .or_else(|| {
                    // "The X reports to the Joint Working Group", or a list under "Three
                    // groups report to the JWG:": the body sits where the one it reports to
                    // sits.
                    let intro = document.blocks[context_start].span;
                    [described, intro].into_iter().find_map(|scope| {
                        reports_to(text, mentions, scope, m).and_then(|j| {
                            placed
                                .iter()
                                .find(|(k, _, _)| *k == j)
                                .and_then(|(_, found, _)| found.clone())
                        })
                    })
                })
                .or_else(|| {
                    if denied {
                        return None;
                    }
                    openers
                        .iter()
                        .rev()
                        .find(|o| {
                            (o.block == block && o.end <= m.span.start)
                                || (o.block >= context_start && o.block < block)
                        })
                        .map(|o| o.instrument.clone())
                        .filter(|(name, _)| !same_name(name, &m.value.name))
                })
                .or_else(|| {
                    if denied
                        || sections[block] == Section::Outside
                        || is_summit(&m.value.name)
                        || !sets_up(&text[sentence.start..sentence.end])
                    {
                        return None;
                    }
                    sections[block]
                        .instrument()
                        .filter(not_self)
                        .map(instrument)
                        .or_else(|| {
                            title
                                .clone()
                                .filter(|(name, _)| !same_name(name, &m.value.name))
                        })
                });
            // "Under the security track of …, the Leaders agreed to …:" then a list.
            let pillar = (m.value.pillar.is_none() && context_start < block)
                .then(|| {
                    let intro = document.slice(document.blocks[context_start].span);
                    super::TRACK
                        .captures_iter(intro)
                        .last()
                        .map(|p| p[1].to_lowercase())
                })
                .flatten()
                .filter(|w| {
                    !matches!(
                        w.as_str(),
                        "the" | "a" | "this" | "that" | "fast" | "same" | "other"
                    )
                });
            placed.push((i, found, pillar));
        }
        // "The working group will operate under the A": a later sentence places the body
        // it points back to, unless that body's own sentence placed it.
        for (j, instrument) in body_anaphora(document, sentences, mentions, &agreements) {
            if !stated_for.contains(&j) {
                placed.push((j, Some(instrument), None));
            }
        }
        for (i, found, pillar) in placed {
            if let Some((name, id)) = found {
                mentions[i].value.parent = Some(name);
                mentions[i].value.parent_id = id;
            }
            if pillar.is_some() {
                mentions[i].value.pillar = pillar;
            }
        }
    }
}

impl Extractor {
    /// "The A's X" or "the X of the A" read as one name: the gazetteer agreement A that
    /// owns the body.
    fn possessor(&self, name: &str) -> Option<Instrument> {
        let owner = name
            .split_once("’s ")
            .or_else(|| name.split_once("'s "))
            .map(|(owner, _)| owner)
            .or_else(|| {
                let (_, tail) = name.rsplit_once(" of ")?;
                Some(tail.strip_prefix("the ").unwrap_or(tail))
            })?;
        let id = self.resolve(EntityType::Agreement, owner)?;
        let entry = self.gazetteer.agreement(id)?;
        Some((entry.name.clone(), Some(entry.id.clone())))
    }
}

/// Right before a body's mention: it is the one others report to ("report to the", "is
/// accountable to").
static REPORTS_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:reports?|reporting|reported|accountable|answerable|subordinate)\s+to\s+(?:the\s+)?$")
        .expect("static regex")
});

/// "… report to it", "reporting to them": the pronoun stands for the body named last before.
static REPORTS_TO_IT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:reports?|reporting|reported|accountable|answerable)\s+to\s+(?:it|them)\b")
        .expect("static regex")
});

/// The working-group mention (index into `mentions`) inside `scope` that the text says
/// other bodies report to, other than `body` itself: named right after "report to", or the
/// last one named before "report to it".
fn reports_to(text: &str, mentions: &[Mention], scope: Span, body: &Mention) -> Option<usize> {
    let is_other_group = |o: &Mention| {
        o.entity_type == EntityType::WorkingGroup && scope.contains(o.span) && !same_body(o, body)
    };
    let named = (0..mentions.len()).find(|&j| {
        is_other_group(&mentions[j])
            && REPORTS_TO.is_match(tail(text, scope.start, mentions[j].span.start, 40))
    });
    named.or_else(|| {
        let at = scope.start + REPORTS_TO_IT.find(&text[scope.start..scope.end])?.start();
        (0..mentions.len())
            .rev()
            .find(|&j| is_other_group(&mentions[j]) && mentions[j].span.end <= at)
    })
}

/// The agreement the document's title names, among those the document mentions (index into
/// `mentions`): the one with the longest name or acronym that the title holds as words.
fn titled_agreement(
    document: &Document,
    mentions: &[Mention],
    agreements: &[usize],
) -> Option<usize> {
    let title = document.title.as_deref()?;
    let holds = |form: &str| {
        form.len() >= 3
            && title.match_indices(form).any(|(at, _)| {
                let before = title[..at].chars().next_back();
                let after = title[at + form.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
    };
    agreements
        .iter()
        .filter_map(|&a| {
            let v = &mentions[a].value;
            [Some(v.name.as_str()), v.acronym.as_deref()]
                .into_iter()
                .flatten()
                .filter(|f| holds(f))
                .map(str::len)
                .max()
                .map(|len| (len, a))
        })
        .max_by_key(|&(len, a)| (len, std::cmp::Reverse(a)))
        .map(|(_, a)| a)
}

/// The agreement (index into `mentions`, one of `agreements`) that `body`'s own name holds:
/// as its left modifier ("JETP Joint Working Group", "Patrol Plan Coordinating Committee"),
/// as its possessor ("the Plan's Steering Committee") or as its "of (the)" complement
/// ("Task Force of the Accra Initiative"), by the agreement's name, its acronym or the form
/// the text wrote. The longest such form wins; a body is never its own agreement.
fn named_in_name(
    document: &Document,
    mentions: &[Mention],
    agreements: &[usize],
    body: &Mention,
) -> Option<usize> {
    let name = body.value.name.as_str();
    let mut best: Option<(usize, usize)> = None;
    for &a in agreements {
        let agreement = &mentions[a];
        if same_body(agreement, body) {
            continue;
        }
        let forms = [
            Some(agreement.value.name.as_str()),
            agreement.value.acronym.as_deref(),
            Some(document.slice(agreement.span)),
        ];
        for form in forms.into_iter().flatten() {
            if form.len() < 3 || form == name {
                continue;
            }
            let modifier = name.strip_prefix(form).is_some_and(|rest| {
                rest.starts_with(' ') || rest.starts_with("'s ") || rest.starts_with("’s ")
            });
            let complement = name
                .strip_suffix(form)
                .is_some_and(|rest| rest.ends_with(" of the ") || rest.ends_with(" of "));
            if (modifier || complement) && best.is_none_or(|(len, _)| form.len() > len) {
                best = Some((form.len(), a));
            }
        }
    }
    best.map(|(_, a)| a)
}

/// A definite description of a body ("the working group", "this committee").
static BODY_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:the|this|that)\s+(?:new\s+)?(working\s+group|committee|subcommittee|task\s+force|council|forum|dialogue|network|subgroup|commission|team|ministerial|group)\b",
    )
    .expect("static regex")
});

/// Sentences that place a body named before them, through a description of it: "The
/// working group will operate under the A" gives the last working group named before
/// (in the block or the two before) whose name ends with that noun, and the agreement.
fn body_anaphora(
    document: &Document,
    sentences: &[(usize, Span)],
    mentions: &[Mention],
    agreements: &[usize],
) -> Vec<(usize, Instrument)> {
    let text = &document.text;
    let mut out = Vec::new();
    for &(block, s) in sentences {
        let sentence = &text[s.start..s.end];
        let Some(caps) = BODY_ANAPHOR.captures(sentence) else {
            continue;
        };
        let described = caps.get(0).map_or(s.start, |m| s.start + m.end());
        let Some(a) = agreements.iter().copied().find(|&a| {
            let span = mentions[a].span;
            s.contains(span)
                && span.start >= described
                && PLACING_BEFORE.is_match(tail(text, s.start, span.start, 120))
        }) else {
            continue;
        };
        let head: Vec<String> = caps[1].split_whitespace().map(str::to_lowercase).collect();
        let before = mentions.partition_point(|m| m.span.start < s.start);
        let body = mentions[..before]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| {
                document
                    .block_at(m.span.start)
                    .is_some_and(|b| b + 2 >= block)
            })
            .find(|(_, m)| {
                m.entity_type == EntityType::WorkingGroup && {
                    let words: Vec<String> = m
                        .value
                        .name
                        .split_whitespace()
                        .map(str::to_lowercase)
                        .collect();
                    words.ends_with(&head)
                }
            })
            .map(|(j, _)| j);
        if let Some(j) = body.filter(|&j| !same_body(&mentions[a], &mentions[j])) {
            out.push((j, instrument_of(&mentions[a])));
        }
    }
    out
}

/// Whether a sentence holds only the body's name and punctuation (a label).
fn is_label(text: &str, sentence: Span, body: Span) -> bool {
    sentence.contains(body)
        && !text[sentence.start..body.start]
            .chars()
            .chain(text[body.end..sentence.end].chars())
            .any(char::is_alphanumeric)
}

/// The block a list item's context starts at: its list's introduction (the block before the
/// first item); any other block is its own context.
fn list_intro(document: &Document, block: usize) -> usize {
    let mut start = block;
    while start > 0 && document.blocks[start].kind == BlockKind::ListItem {
        start -= 1;
    }
    start
}

/// A sibling in the same block, within 400 bytes, whose parent the gazetteer knows.
fn sibling(
    document: &Document,
    mentions: &[Mention],
    i: usize,
    block: usize,
) -> Option<Instrument> {
    let at = mentions[i].span.start;
    // Mentions are sorted by start: the siblings within 400 bytes are a range.
    let near = mentions.partition_point(|m| m.span.start + 400 <= at)
        ..mentions.partition_point(|m| m.span.start < at + 400);
    mentions[near]
        .iter()
        .find(|m| {
            m.entity_type == EntityType::WorkingGroup
                && m.value.parent.is_some()
                && document.block_at(m.span.start) == Some(block)
        })
        .map(|m| {
            (
                m.value.parent.clone().unwrap_or_default(),
                m.value.parent_id.clone(),
            )
        })
}

/// The agreement the body's own sentence places it under, by a cue word before the
/// agreement, "X of the A", a possessive ("the A's new X") or the agreement as subject of a
/// creation verb.
fn in_sentence(
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    agreements: &[usize],
    body: Span,
) -> Option<usize> {
    let inside = agreements
        .iter()
        .copied()
        .filter(|&a| sentence.contains(mentions[a].span) && !mentions[a].span.overlaps(body));
    let mut best: Option<(usize, usize)> = None; // (distance, agreement)
    for a in inside {
        let span = mentions[a].span;
        let before = tail(text, sentence.start, span.start, 120);
        let after = &text[span.end..sentence.end];
        let placing = PLACING_BEFORE.is_match(before)
            || (span.start >= body.end && is_of_the(&text[body.end..span.start]))
            || (span.end <= body.start
                && (after.starts_with("’s ") || after.starts_with("'s "))
                && body.start - span.end < 80)
            || (span.end <= body.start && CREATED_BY_SUBJECT.is_match(after));
        if placing {
            let distance = span.start.abs_diff(body.start);
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, a));
            }
        }
    }
    best.map(|(_, a)| a)
}

/// "X of the A", "X of A" or "X, established under the A": only a connector between.
fn is_of_the(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    matches!(words.as_slice(), ["of"] | ["of", "the"])
}

/// The agreement a pronoun or definite description after a placing cue points back to
/// ("set up to implement it", "under the framework"), or a possessive description right
/// before the body ("the Declaration's Joint Steering Committee").
fn anaphor(scope: &Scope<'_>, sentence: Span, block: usize, body: Span) -> Option<usize> {
    let text = &scope.document.text;
    let sent = &text[sentence.start..sentence.end];
    let head = if let Some(caps) = PLACING_ANAPHOR.captures(sent) {
        caps.get(1).map(|h| h.as_str().to_lowercase())
    } else if let Some(caps) =
        DESCRIPTION_POSSESSIVE.captures(tail(text, sentence.start, body.start, 80))
    {
        Some(caps[1].to_lowercase())
    } else {
        // "It created the X", "The Memorandum established the X": the instrument named
        // before is the subject of a creation verb, before the body.
        let caps = DESCRIPTION_SUBJECT.captures(sent)?;
        let end = caps.get(0)?.end();
        (sentence.start + end <= body.start && CREATED_BY_SUBJECT.is_match(&sent[end..]))
            .then_some(())?;
        caps.get(1).map(|h| h.as_str().to_lowercase())
    };
    scope.resolve(head.as_deref(), sentence.start, block)
}

/// What a definite description or pronoun can point back to: the document's agreement
/// mentions and its sections.
struct Scope<'a> {
    document: &'a Document,
    mentions: &'a [Mention],
    agreements: &'a [usize],
    sections: &'a [Section],
}

impl Scope<'_> {
    /// The agreement a description with head noun `head` ("framework"; `None` for "it")
    /// names, from a sentence starting at `before` in `block`: the last agreement named
    /// before, in the block or the two before its context (a list's introduction), whose
    /// name has that head; else the instrument of the section, when its name has it.
    fn resolve(&self, head: Option<&str>, before: usize, block: usize) -> Option<usize> {
        let has_head = |a: usize| {
            head.is_none_or(|h| {
                self.mentions[a]
                    .value
                    .name
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == h || w.strip_suffix('s') == Some(h))
            })
        };
        let context_start = list_intro(self.document, block);
        let earlier = self
            .agreements
            .partition_point(|&a| self.mentions[a].span.start < before);
        self.agreements[..earlier]
            .iter()
            .rev()
            .copied()
            // Blocks follow the text: the search back ends at the first agreement named
            // more than two blocks before the context.
            .take_while(|&a| {
                self.document
                    .block_at(self.mentions[a].span.start)
                    .is_some_and(|b| b + 2 >= context_start)
            })
            .find(|&a| has_head(a))
            .or_else(|| {
                self.sections[block]
                    .instrument()
                    .filter(|&a| head.is_some() && has_head(a))
            })
    }
}

/// Sentences that tie an agreement to bodies in general and so place the named bodies
/// after them: a placing cue or a creation verb with the agreement (named, or pointed back
/// to: "The Agreement is implemented through four bodies:"), and a generic body noun or a
/// closing colon (a list's introduction).
fn openers(scope: &Scope<'_>, sentences: &[(usize, Span)]) -> Vec<Opener> {
    let (text, mentions, agreements) = (&scope.document.text, scope.mentions, scope.agreements);
    let mut out = Vec::new();
    let mut next = 0;
    for &(block, s) in sentences {
        while next < agreements.len() && mentions[agreements[next]].span.start < s.start {
            next += 1;
        }
        let sentence = &text[s.start..s.end];
        // Only a sentence that names an agreement or describes one can open a scope.
        let names_one = agreements
            .get(next)
            .is_some_and(|&a| mentions[a].span.start < s.end);
        if !names_one && !DESCRIBES_INSTRUMENT.is_match(sentence) {
            continue;
        }
        let lower = sentence.to_lowercase();
        let generic = GENERIC_BODIES.iter().any(|g| {
            lower.match_indices(g).any(|(at, _)| {
                let end = at + g.len();
                !lower[end..].starts_with(|c: char| c.is_alphanumeric())
                    && !lower[..at].ends_with(|c: char| c.is_alphanumeric())
            })
        });
        if !generic && !sentence.trim_end().ends_with(':') {
            continue;
        }
        let tied = agreements[next..]
            .iter()
            .copied()
            .take_while(|&a| mentions[a].span.start < s.end)
            .filter(|&a| s.contains(mentions[a].span))
            .find(|&a| {
                let span = mentions[a].span;
                PLACING_BEFORE.is_match(tail(text, s.start, span.start, 120))
                    || CREATED_BY_SUBJECT.is_match(&text[span.end..s.end])
            })
            .or_else(|| {
                let head = PLACING_ANAPHOR
                    .captures(sentence)
                    .map(|c| c.get(1).map(|h| h.as_str().to_lowercase()))
                    .or_else(|| {
                        let c = DESCRIPTION_SUBJECT.captures(sentence)?;
                        CREATED_BY_SUBJECT
                            .is_match(&sentence[c.get(0)?.end()..])
                            .then(|| c.get(1).map(|h| h.as_str().to_lowercase()))
                    })?;
                scope.resolve(head.as_deref(), s.start, block)
            });
        if let Some(a) = tied {
            out.push(Opener {
                block,
                end: s.end,
                instrument: instrument_of(&mentions[a]),
            });
        }
    }
    out
}

/// The scope the last heading before a block (or the block, if a heading) opens, up to the
/// next heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// The heading names no agreement.
    Open,
    /// The heading names an agreement: an index into the mentions.
    Of(usize),
    /// The heading keeps its section out of an agreement ("Cooperation outside the Plan"):
    /// the document's instrument does not hold there either.
    Outside,
}

impl Section {
    fn instrument(self) -> Option<usize> {
        match self {
            Section::Of(a) => Some(a),
            Section::Open | Section::Outside => None,
        }
    }
}

/// For each block, the [`Section`] it stands in.
fn section_instruments(
    document: &Document,
    mentions: &[Mention],
    agreements: &[usize],
) -> Vec<Section> {
    let mut current = Section::Open;
    document
        .blocks
        .iter()
        .map(|b| {
            if b.kind == BlockKind::Heading {
                let named = agreements
                    .iter()
                    .copied()
                    .find(|&a| b.span.contains(mentions[a].span));
                current = match named {
                    Some(_) if DENYING.is_match(document.slice(b.span)) => Section::Outside,
                    Some(a) => Section::Of(a),
                    None => Section::Open,
                };
            }
            current
        })
        .collect()
}

/// Whether the sentence sets a body up, convenes or renews it.
fn sets_up(sentence: &str) -> bool {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| {
            let w = w.to_lowercase();
            SETTING_UP.contains(&w.as_str())
        })
}

/// Summits are meetings, not bodies an instrument creates.
fn is_summit(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| matches!(w, "Summit" | "Summits" | "summit" | "summits"))
}

/// Whether an agreement mention and a working-group mention are the same body (a dialogue
/// is filed in both tables): the same text, or names that are equal or one the other's tail.
fn same_body(agreement: &Mention, body: &Mention) -> bool {
    agreement.span == body.span || same_name(&agreement.value.name, &body.value.name)
}

/// Names equal after key normalisation, or one ending with the other ("U.S.-Mexico
/// High-Level Security Dialogue" and "High-Level Security Dialogue").
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (normalize_key(a), normalize_key(b));
    a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
}

/// At most the last `max` bytes of `text[start..end]`, cut at a character boundary.
fn tail(text: &str, start: usize, end: usize, max: usize) -> &str {
    let mut from = end.saturating_sub(max).max(start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..end]
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract_blocks;
    use super::{is_summit, same_name, sets_up};
    use accord_core::{AgreementKind, BlockKind, EntityType};
    use accord_gazetteer::{AgreementEntry, Gazetteer, WorkingGroupEntry};

    const P: BlockKind = BlockKind::Paragraph;

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.agreements.push(AgreementEntry {
            id: "rivers".into(),
            name: "Great Rivers Accord".into(),
            acronym: None,
            aliases: Vec::new(),
            kind: Some(AgreementKind::Agreement),
            parties: Vec::new(),
            signed: None,
            ended: None,
        });
        g
    }

    /// (working group, parent) of every working-group mention.
    fn placed(title: Option<&str>, blocks: &[(BlockKind, &str)]) -> Vec<(String, Option<String>)> {
        extract_blocks(&gazetteer(), title, blocks)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::WorkingGroup)
            .map(|m| (m.value.name, m.value.parent))
            .collect()
    }

    fn under(wg: &str) -> (String, Option<String>) {
        (wg.to_owned(), Some("Great Rivers Accord".to_owned()))
    }

    fn alone(wg: &str) -> (String, Option<String>) {
        (wg.to_owned(), None)
    }

    #[test]
    fn a_placing_cue_in_the_sentence_places_the_body() {
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Water Quality Working Group, established under the Great Rivers Accord, met in May."
                )]
            ),
            [under("Water Quality Working Group")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "In 2019 the Great Rivers Accord created the Joint Monitoring Committee."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "Implementation of the Great Rivers Accord is overseen by a Joint Monitoring Committee."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Joint Monitoring Committee of the Great Rivers Accord met."
                )]
            ),
            [under(
                "Joint Monitoring Committee of the Great Rivers Accord"
            )]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Great Rivers Accord's Joint Monitoring Committee met twice."
                )]
            ),
            [under("Great Rivers Accord's Joint Monitoring Committee")]
        );
    }

    #[test]
    fn the_subject_may_carry_a_clause_before_its_verb() {
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Great Rivers Accord, signed at Basel in 2019, established a Joint Monitoring Committee."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "Both states signed the Great Rivers Accord, which created a Joint Monitoring Committee."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Great Rivers Accord is overseen by a Joint Monitoring Committee."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
    }

    #[test]
    fn a_description_points_back_to_the_instrument_named_before() {
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "Ministers signed the Great Rivers Accord in 2019. The Accord's Joint Monitoring Committee met in May."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
        assert_eq!(
            placed(
                None,
                &[
                    (BlockKind::Heading, "The Great Rivers Accord"),
                    (
                        P,
                        "It binds four states. The Accord is implemented through two bodies:"
                    ),
                    (
                        BlockKind::ListItem,
                        "Water Quality Working Group. Experts from each state."
                    ),
                    (
                        BlockKind::ListItem,
                        "Navigation Working Group. It keeps the channel open."
                    ),
                ]
            ),
            [
                under("Water Quality Working Group"),
                under("Navigation Working Group")
            ]
        );
    }

    #[test]
    fn words_that_keep_a_body_out_stop_every_scope() {
        assert_eq!(
            placed(
                Some("Great Rivers Accord"),
                &[
                    (
                        BlockKind::Heading,
                        "Cooperation outside the Great Rivers Accord"
                    ),
                    (
                        P,
                        "Both sides will create a Coastal Fisheries Working Group."
                    ),
                    (
                        BlockKind::ListItem,
                        "A Joint Monitoring Committee will meet. It is not part of the Accord."
                    ),
                ]
            ),
            [
                alone("Coastal Fisheries Working Group"),
                alone("Joint Monitoring Committee")
            ]
        );
    }

    #[test]
    fn what_the_text_states_beats_the_gazetteer() {
        let mut g = gazetteer();
        g.agreements.push(AgreementEntry {
            id: "old".into(),
            name: "Old Harbour Pact".into(),
            acronym: None,
            aliases: Vec::new(),
            kind: Some(AgreementKind::Agreement),
            parties: Vec::new(),
            signed: None,
            ended: None,
        });
        g.working_groups.push(WorkingGroupEntry {
            id: "energy".into(),
            name: "Energy Working Group".into(),
            aliases: Vec::new(),
            agreement_id: Some("old".into()),
            pillar: None,
        });
        let parent = |text: &str| {
            extract_blocks(&g, None, &[(P, text)])
                .into_iter()
                .find(|m| m.entity_type == EntityType::WorkingGroup)
                .and_then(|m| m.value.parent)
        };
        assert_eq!(
            parent("The Energy Working Group will continue under the Great Rivers Accord.")
                .as_deref(),
            Some("Great Rivers Accord")
        );
        assert_eq!(
            parent("The Energy Working Group met in May.").as_deref(),
            Some("Old Harbour Pact")
        );
    }

    #[test]
    fn a_later_sentence_about_the_body_places_it() {
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "Ministers set up a Coastal Fisheries Working Group. The working group will operate under the Great Rivers Accord."
                )]
            ),
            [under("Coastal Fisheries Working Group")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    BlockKind::ListItem,
                    "Joint Monitoring Committee. Established under the 2019 Great Rivers Accord, it meets yearly."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
    }

    #[test]
    fn a_pronoun_or_description_as_subject_of_a_creation_verb() {
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Great Rivers Accord was signed in 2019. It created a Joint Monitoring Committee."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Great Rivers Accord was signed in 2019. The Accord established a Joint Monitoring Committee."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Great Rivers Accord was signed in 2019. It is praised by the Joint Monitoring Committee."
                )]
            ),
            [alone("Joint Monitoring Committee")]
        );
    }

    #[test]
    fn a_body_whose_name_holds_an_agreement_sits_under_it() {
        let found = placed(
            None,
            &[
                (
                    BlockKind::Paragraph,
                    "The Lakeshore Energy Transition Partnership (LETP) was agreed in May.",
                ),
                (
                    BlockKind::Paragraph,
                    "The LETP Joint Working Group meets every quarter in Accra.",
                ),
            ],
        );
        assert!(
            found.contains(&(
                "LETP Joint Working Group".to_owned(),
                Some("Lakeshore Energy Transition Partnership".to_owned())
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_body_sits_where_the_one_it_reports_to_sits() {
        let found = placed(
            None,
            &[
                (
                    P,
                    "The Lakeshore Energy Transition Partnership (LETP) was agreed in May.",
                ),
                (P, "The LETP Joint Working Group (JWG) meets every quarter."),
                (P, "Two technical groups report to the JWG:"),
                (
                    BlockKind::ListItem,
                    "Grid Codes Working Group, on transmission;",
                ),
                (BlockKind::ListItem, "Skills Working Group, on retraining."),
            ],
        );
        for wg in ["Grid Codes Working Group", "Skills Working Group"] {
            assert!(
                found.contains(&(
                    wg.to_owned(),
                    Some("Lakeshore Energy Transition Partnership".to_owned())
                )),
                "{wg}: {found:?}"
            );
        }
    }

    #[test]
    fn bodies_reporting_to_it_sit_where_the_body_named_before_sits() {
        let found = placed(
            None,
            &[
                (
                    P,
                    "The Lakeshore Energy Transition Partnership (LETP) was agreed in May.",
                ),
                (
                    P,
                    "It is overseen by the LETP Steering Committee, which meets twice a year. Two working groups will report to it:",
                ),
                (BlockKind::ListItem, "the Grid Codes Working Group;"),
                (BlockKind::ListItem, "the Skills Working Group."),
            ],
        );
        assert!(
            found.contains(&(
                "Skills Working Group".to_owned(),
                Some("Lakeshore Energy Transition Partnership".to_owned())
            )),
            "{found:?}"
        );
    }

    #[test]
    fn the_title_may_name_an_agreement_the_document_defines() {
        let found = placed(
            Some("Lakeshore Energy Transition Partnership (LETP)"),
            &[
                (
                    P,
                    "The Lakeshore Energy Transition Partnership (LETP) was agreed in May.",
                ),
                (
                    P,
                    "The partners established a Grid Codes Working Group in June.",
                ),
            ],
        );
        assert!(
            found.contains(&(
                "Grid Codes Working Group".to_owned(),
                Some("Lakeshore Energy Transition Partnership".to_owned())
            )),
            "{found:?}"
        );
    }

    #[test]
    fn closeness_alone_places_nothing() {
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "Officials launched the Coastal Fisheries Working Group, in line with the Great Rivers Accord."
                )]
            ),
            [alone("Coastal Fisheries Working Group")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "The Great Rivers Accord was signed in 2019. The Coastal Fisheries Working Group met in 2020."
                )]
            ),
            [alone("Coastal Fisheries Working Group")]
        );
    }

    #[test]
    fn a_pronoun_after_a_cue_points_back_to_the_last_instrument() {
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "Ministers signed the Great Rivers Accord in 2019. A Joint Monitoring Committee was set up to implement it."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
        assert_eq!(
            placed(
                None,
                &[(
                    P,
                    "Ministers signed the Great Rivers Accord in 2019. Under the accord, a Joint Monitoring Committee meets yearly."
                )]
            ),
            [under("Joint Monitoring Committee")]
        );
    }

    #[test]
    fn a_sentence_creating_bodies_in_general_places_the_list_after_it() {
        assert_eq!(
            placed(
                None,
                &[
                    (P, "The Great Rivers Accord established two working groups:"),
                    (BlockKind::ListItem, "the Water Quality Working Group"),
                    (BlockKind::ListItem, "the Navigation Working Group"),
                ]
            ),
            [
                under("Water Quality Working Group"),
                under("Navigation Working Group")
            ]
        );
    }

    #[test]
    fn a_heading_places_the_bodies_its_section_sets_up() {
        assert_eq!(
            placed(
                None,
                &[
                    (BlockKind::Heading, "The Great Rivers Accord"),
                    (P, "Both sides will create a Joint Monitoring Committee."),
                    (BlockKind::Heading, "Other matters"),
                    (
                        P,
                        "Both sides will create a Coastal Fisheries Working Group."
                    ),
                ]
            ),
            [
                under("Joint Monitoring Committee"),
                alone("Coastal Fisheries Working Group")
            ]
        );
    }

    #[test]
    fn the_title_places_the_bodies_the_document_sets_up_not_those_named_in_passing() {
        assert_eq!(
            placed(
                Some("Great Rivers Accord"),
                &[
                    (
                        P,
                        "The two countries agreed to launch a Joint Monitoring Committee."
                    ),
                    (
                        P,
                        "Officials recalled the work of the Coastal Fisheries Working Group."
                    ),
                ]
            ),
            [
                under("Joint Monitoring Committee"),
                alone("Coastal Fisheries Working Group")
            ]
        );
    }

    #[test]
    fn summits_and_the_body_itself_are_never_placed() {
        assert!(is_summit("North Atlantic Leaders' Summit"));
        assert!(!is_summit("Summit Planning Committee"));
        assert!(same_name("U.S.-Chile Energy Dialogue", "Energy Dialogue"));
        assert!(!same_name("Energy Dialogue", "Energy Dialogue Secretariat"));
        assert!(sets_up("They agreed to re-establish the forum."));
        assert!(!sets_up("They recalled the work of the forum."));
    }
}
