//! Distributive lists (CODING.md, "Names": coordination gives several entities): "the
//! Departments of Commerce, Energy and Labor" names three departments, "the U.S. Departments
//! of State and the Treasury" two, "Secretariats of Health and of Energy" two, "the
//! Committees on Trade and on Energy" two. One mention per item, spanning the item's words,
//! named by the singular head, the connector and the item, with the left modifiers of the
//! plural head ("U.S. Department of State").

use super::{Cand, Extractor};
use crate::text::Token;
use accord_core::{EntityType, Rule, Span};

/// Plural heads that distribute over a list, with their singular and entity type.
const PLURAL_HEADS: &[(&str, &str, EntityType)] = &[
    ("Departments", "Department", EntityType::Agency),
    ("Ministries", "Ministry", EntityType::Agency),
    ("Secretariats", "Secretariat", EntityType::Agency),
    ("Secretarías", "Secretaría", EntityType::Agency),
    ("Ministerios", "Ministerio", EntityType::Agency),
    ("Ministères", "Ministère", EntityType::Agency),
    ("Departamentos", "Departamento", EntityType::Agency),
    ("Offices", "Office", EntityType::Agency),
    ("Bureaus", "Bureau", EntityType::Agency),
    ("Committees", "Committee", EntityType::Agency),
    ("Subcommittees", "Subcommittee", EntityType::WorkingGroup),
    ("Groups", "Working Group", EntityType::WorkingGroup),
];

/// Words that may open a left modifier of the plural head ("U.S.", "Mexican", "Federal").
fn is_modifier(t: &Token<'_>) -> bool {
    (t.is_capitalized() || t.is_acronym())
        && !matches!(
            t.text,
            "The" | "A" | "An" | "And" | "Both" | "Their" | "Its" | "Our" | "These" | "Those"
        )
}

impl Extractor {
    /// Mentions of the items of distributive lists in one sentence's tokens.
    pub(super) fn distributive_lists(&self, text: &str, toks: &[Token<'_>]) -> Vec<Cand> {
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let Some(&(_, singular, entity_type)) =
                PLURAL_HEADS.iter().find(|(p, _, _)| *p == t.text)
            else {
                continue;
            };
            // "Working Groups on …" only with its "Working".
            if t.text == "Groups" && (i == 0 || toks[i - 1].text != "Working") {
                continue;
            }
            let Some(connector) = toks
                .get(i + 1)
                .map(|c| c.text)
                .filter(|c| matches!(*c, "of" | "on" | "for" | "de"))
            else {
                continue;
            };
            // Left modifiers: "U.S. Departments", "Mexican Secretariats".
            let head_first = if t.text == "Groups" { i - 1 } else { i };
            let mut first = head_first;
            while first > 0
                && is_modifier(&toks[first - 1])
                && text[toks[first - 1].span.end..toks[first].span.start]
                    .chars()
                    .all(char::is_whitespace)
                && head_first - first < 3
            {
                first -= 1;
            }
            let prefix = toks[first..head_first]
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .join(" ");
            let items = list_items(text, toks, i + 2, connector);
            if items.len() < 2 {
                continue;
            }
            for Item {
                start,
                end,
                connector: written,
            } in items
            {
                let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
                let item = &text[span.start..span.end];
                // "y del Trabajo": the item's own connector, when it repeats one.
                let connector = written.map_or(connector, |w| toks[w].text);
                let name = if prefix.is_empty() {
                    format!("{singular} {connector} {item}")
                } else {
                    format!("{prefix} {singular} {connector} {item}")
                };
                let mut c = Cand::new(entity_type, span, name, Rule::DistributiveList);
                c.gaz = self
                    .resolve(entity_type, &c.name)
                    .or_else(|| {
                        // "U.S. Department of State" is the gazetteer's "Department of State".
                        (!prefix.is_empty())
                            .then(|| {
                                self.resolve(entity_type, &format!("{singular} {connector} {item}"))
                            })
                            .flatten()
                    })
                    .map(str::to_owned);
                out.push(c);
            }
        }
        out
    }

    /// The organisations named by coordinated left modifiers of a plural head in one
    /// sentence's tokens (see [`Self::coordinated_modifiers`]), and the span of each whole
    /// coordination ("House and Senate Appropriations Committees"), inside which no other
    /// reading of the same type stands ("House and Senate" read by its head noun).
    pub(super) fn coordinated_modifier_lists(
        &self,
        text: &str,
        toks: &[Token<'_>],
    ) -> (Vec<Cand>, Vec<(EntityType, Span)>) {
        let mut items = Vec::new();
        let mut covered = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let Some(&(_, singular, entity_type)) = PLURAL_HEADS
                .iter()
                .find(|(p, _, _)| *p == t.text && *p != "Groups")
            else {
                continue;
            };
            let found = self.coordinated_modifiers(text, toks, i, singular, entity_type);
            if let Some(first) = found.first() {
                covered.push((entity_type, Span::new(first.span.start, t.span.end)));
                items.extend(found);
            }
        }
        (items, covered)
    }

    /// "the House and Senate Appropriations Committees": coordinated left modifiers of a
    /// plural head, each giving one organisation with the shared modifiers and the singular
    /// head ("House Appropriations Committee", "Senate Appropriations Committee"). `i` is
    /// the plural head. Names with an inner "and" of their own ("Immigration and Customs
    /// Enforcement") look the same, so the reading is taken only when the gazetteer knows
    /// every name it gives; each mention spans its own modifier word.
    fn coordinated_modifiers(
        &self,
        text: &str,
        toks: &[Token<'_>],
        i: usize,
        singular: &str,
        entity_type: EntityType,
    ) -> Vec<Cand> {
        // The last item and the shared modifiers: capitalised words right before the head.
        let mut first = i;
        while first > 0
            && i - first < 4
            && is_modifier(&toks[first - 1])
            && spaced(text, &toks[first - 1], &toks[first])
        {
            first -= 1;
        }
        if first == i || first < 2 || !matches!(toks[first - 1].text, "and" | "or") {
            return Vec::new();
        }
        let shared = toks[first + 1..i]
            .iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
            .join(" ");
        // Earlier items: one word each, separated by "," (and the last by "and").
        let mut items = vec![first];
        // `k` is the word after the next item: the "and" first, then each item before it.
        let mut k = first - 1;
        while let Some(item) = k.checked_sub(1).filter(|&item| is_modifier(&toks[item])) {
            items.push(item);
            let comma_before =
                item > 0 && text[toks[item - 1].span.end..toks[item].span.start].trim() == ",";
            if !(comma_before && is_modifier(&toks[item - 1])) {
                break;
            }
            k = item;
        }
        if items.len() < 2 {
            return Vec::new();
        }
        items.reverse();
        let mut out = Vec::new();
        for &item in &items {
            let name = [toks[item].text, shared.as_str(), singular]
                .iter()
                .filter(|w| !w.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let Some(gaz) = self.resolve(entity_type, &name) else {
                return Vec::new();
            };
            let mut c = Cand::new(entity_type, toks[item].span, name, Rule::DistributiveList);
            c.gaz = Some(gaz.to_owned());
            out.push(c);
        }
        out
    }
}

/// One list item: its token range, and the connector written again before it ("and of
/// Energy", "y del Trabajo"), as a token index.
struct Item {
    start: usize,
    end: usize,
    connector: Option<usize>,
}

/// The items of "A, B C, and [of] [the] D" from token `from`.
/// An item is a run of capitalised words, with "the" kept at its start ("the Treasury")
/// and "and" inside it only when no comma separates the list ("Health and Human
/// Services" stays whole after "Departments of State, …"; in "State and Justice" each word
/// is an item). The list ends at the first word that is neither.
fn list_items(text: &str, toks: &[Token<'_>], from: usize, connector: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut k = from;
    while let Some(end) = item_end(text, toks, k, false) {
        items.push(Item {
            start: k,
            end,
            connector: None,
        });
        k = end;
        // Separator: ",", "and", ", and", "and of", "or".
        let Some(next) = toks.get(k) else { break };
        let gap = text[toks[k - 1].span.end..next.span.start].trim();
        let comma = gap == ",";
        if !(gap.is_empty() || comma) {
            break;
        }
        if matches!(next.text, "and" | "or" | "y" | "et") {
            k += 1;
            let repeated = toks
                .get(k)
                .is_some_and(|t| t.text == connector || (connector == "de" && t.text == "del"));
            let written = repeated.then_some(k);
            if repeated {
                k += 1;
            }
            // The last item follows "and": read it, then stop. After a repeated connector
            // it may hold a conjunction of its own ("y del Trabajo y Previsión Social").
            if let Some(end) = item_end(text, toks, k, repeated) {
                items.push(Item {
                    start: k,
                    end,
                    connector: written,
                });
            }
            break;
        }
        if !comma {
            break;
        }
    }
    items
}

/// The end (exclusive) of one list item starting at token `k`: an optional "the", then a
/// run of capitalised words with only spaces between them (with `joined`, also "and" or
/// "y" between capitalised words); `None` when no such word follows.
fn item_end(text: &str, toks: &[Token<'_>], k: usize, joined: bool) -> Option<usize> {
    let cap = |t: &Token<'_>| {
        t.is_capitalized() && !matches!(t.text, "The" | "And") && !t.text.ends_with("'s")
    };
    let words_start = if toks.get(k).is_some_and(|t| t.text == "the") {
        k + 1
    } else {
        k
    };
    let mut end = words_start;
    while toks.get(end).is_some_and(cap)
        && (end == words_start || spaced(text, &toks[end - 1], &toks[end]))
    {
        end += 1;
        let conjunction = toks
            .get(end)
            .is_some_and(|t| matches!(t.text, "and" | "y" | "et"));
        if joined && conjunction && toks.get(end + 1).is_some_and(cap) {
            end += 1;
        }
    }
    (end > words_start).then_some(end)
}

/// Two words with only spaces between them (no comma, no parenthesis).
fn spaced(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    text[a.span.end..b.span.start]
        .chars()
        .all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn items(s: &str, from_word: usize) -> Vec<&str> {
        let toks = tokens(s, Span::new(0, s.len()));
        list_items(s, &toks, from_word, "of")
            .into_iter()
            .map(|item| (item.start, item.end))
            .map(|(a, b)| &s[toks[a].span.start..toks[b - 1].span.end])
            .collect()
    }

    fn committee(id: &str, name: &str, alias: &str) -> crate::AgencyEntry {
        crate::AgencyEntry {
            id: id.into(),
            name: name.into(),
            acronym: None,
            aliases: vec![alias.into()],
            country: Some("USA".into()),
            kind: None,
            parent: None,
            history: Vec::new(),
        }
    }

    /// The agency names `text` gives through coordinated left modifiers.
    fn coordinated(text: &str) -> Vec<String> {
        let mut gazetteer = crate::Gazetteer::default();
        gazetteer.agencies.extend([
            committee(
                "h-fin",
                "House Committee on Finance",
                "House Finance Committee",
            ),
            committee(
                "s-fin",
                "Senate Committee on Finance",
                "Senate Finance Committee",
            ),
            committee(
                "j-fin",
                "Joint Committee on Finance",
                "Joint Finance Committee",
            ),
        ]);
        super::super::test_support::extract_paragraph(&gazetteer, text)
            .into_iter()
            .filter(|m| m.rule == Rule::DistributiveList)
            .map(|m| m.value.name)
            .collect()
    }

    #[test]
    fn coordinated_left_modifiers_distribute_over_a_plural_head() {
        assert_eq!(
            coordinated("Since 2019 the House and Senate Finance Committees have asked for more."),
            ["House Finance Committee", "Senate Finance Committee"]
        );
        assert_eq!(
            coordinated("The House, Senate and Joint Finance Committees met."),
            [
                "House Finance Committee",
                "Senate Finance Committee",
                "Joint Finance Committee"
            ]
        );
        // A name with an inner "and" of its own is not split unless the gazetteer knows
        // every part.
        assert!(coordinated("the Trade and Customs Finance Committees met").is_empty());
    }

    #[test]
    fn comma_lists_with_a_final_and() {
        assert_eq!(
            items("Departments of Commerce, Energy and Labor met.", 2),
            ["Commerce", "Energy", "Labor"]
        );
        assert_eq!(
            items(
                "Departments of State, Homeland Security, Justice, and the Treasury agreed",
                2
            ),
            ["State", "Homeland Security", "Justice", "the Treasury"]
        );
    }

    #[test]
    fn repeated_connector_and_stop_words() {
        assert_eq!(
            items("Secretariats of Health and of Energy will meet", 2),
            ["Health", "Energy"]
        );
        assert_eq!(items("Departments of State announced", 2), ["State"]);
    }

    #[test]
    fn spanish_lists_repeat_their_connector() {
        let s = "Asistieron las Secretarías de Salud y del Trabajo y Previsión Social.";
        let toks = tokens(s, Span::new(0, s.len()));
        let got: Vec<(&str, &str)> = list_items(s, &toks, 4, "de")
            .into_iter()
            .map(|item| {
                let words = &s[toks[item.start].span.start..toks[item.end - 1].span.end];
                (item.connector.map_or("de", |c| toks[c].text), words)
            })
            .collect();
        assert_eq!(
            got,
            [("de", "Salud"), ("del", "Trabajo y Previsión Social")]
        );
    }
}
