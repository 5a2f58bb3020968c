//! The instrument a document is about: the one agreement its title zone names.
//!
//! A fact sheet headed "Coastal Resilience Partnership (CRP)" or an audit headed "THE STATE
//! DID NOT MANAGE RIVERGUARD PROGRAM FUNDS …" is about that instrument, and a figure of the
//! document that names no program of its own pays for it (the funding `program` fallback).
//! The title zone is the document's title and the blocks that open the document before its
//! running text: headings, and short lines that are not yet sentences of the body.

use accord_core::{BlockKind, Document, EntityType, Mention};

/// Leading blocks looked at, furniture not counted.
const MAX_ZONE_BLOCKS: usize = 6;

/// A paragraph or list item of at least this many words is running text: the zone ends.
const BODY_WORDS: usize = 20;

/// The byte spans (into `document.text`) of the blocks that open the document before its
/// running text: at most [`MAX_ZONE_BLOCKS`] blocks that are not furniture, up to the first
/// paragraph, list item or table cell of [`BODY_WORDS`] words or more.
fn zone(document: &Document) -> Vec<accord_core::Span> {
    let mut spans = Vec::new();
    for block in document
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Furniture)
        .take(MAX_ZONE_BLOCKS)
    {
        let body = matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::TableCell | BlockKind::Footnote
        ) && document.slice(block.span).split_whitespace().count() >= BODY_WORDS;
        if body || block.kind == BlockKind::TableCell || block.kind == BlockKind::Footnote {
            break;
        }
        spans.push(block.span);
    }
    spans
}

/// True when `title` holds `form` as whole words, letter case aside.
fn holds_words(title: &str, form: &str) -> bool {
    if form.chars().count() < 3 {
        return false;
    }
    let (title, form) = (title.to_lowercase(), form.to_lowercase());
    title.match_indices(&form).any(|(at, _)| {
        let before = title[..at].chars().next_back();
        let after = title[at + form.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The agreement mention (index into `mentions`, sorted by start) that names the instrument
/// `document` is about: the agreements mentioned in its title zone ([`zone`]) or named, by
/// name or acronym, in its metadata title. `None` when they name none, or more than one
/// entity (told apart by gazetteer id, else by lower-cased name): a title that names two
/// instruments is about neither alone.
pub(super) fn document_topic(document: &Document, mentions: &[Mention]) -> Option<usize> {
    let zone = zone(document);
    let title = document.title.as_deref().unwrap_or_default();
    let mut found: Option<(String, usize)> = None;
    for (i, m) in mentions.iter().enumerate() {
        if m.entity_type != EntityType::Agreement {
            continue;
        }
        let in_zone = zone.iter().any(|z| z.contains(m.span));
        let in_title = holds_words(title, &m.value.name)
            || m.value
                .acronym
                .as_deref()
                .is_some_and(|a| holds_words(title, a));
        if !(in_zone || in_title) {
            continue;
        }
        let key = m
            .value
            .gazetteer_id
            .clone()
            .unwrap_or_else(|| m.value.name.to_lowercase());
        match &found {
            None => found = Some((key, i)),
            Some((k, _)) if *k == key => {}
            Some(_) => return None,
        }
    }
    found.map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extractor::test_support::extract_blocks;
    use accord_gazetteer::Gazetteer;

    fn topic_of(title: Option<&str>, blocks: &[(BlockKind, &str)]) -> Option<String> {
        let mentions = extract_blocks(&Gazetteer::default(), title, blocks);
        // The same document as extract_blocks builds, to read the zone.
        let mut text = String::new();
        let mut spans = Vec::new();
        for (kind, block) in blocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            spans.push(accord_core::Block::new(
                *kind,
                accord_core::Span::new(text.len(), text.len() + block.len()),
            ));
            text.push_str(block);
        }
        let doc = Document {
            doc_id: "t".into(),
            path: "t.md".into(),
            format: accord_core::Format::Markdown,
            title: title.map(str::to_owned),
            sha256: String::new(),
            blocks: spans,
            text,
            notes: Vec::new(),
            warnings: Vec::new(),
        };
        document_topic(&doc, &mentions).map(|i| mentions[i].value.name.clone())
    }

    const BODY: &str = "The partners met in the capital in March and agreed on the next steps \
         for the coming year, with officials from every ministry taking part in the talks.";

    #[test]
    fn the_heading_that_opens_the_document_names_its_instrument() {
        let got = topic_of(
            None,
            &[
                (BlockKind::Heading, "Coastal Resilience Partnership (CRP)"),
                (BlockKind::Paragraph, BODY),
            ],
        );
        assert_eq!(got.as_deref(), Some("Coastal Resilience Partnership"));
    }

    #[test]
    fn an_agreement_named_only_in_the_running_text_is_no_topic() {
        let body = format!("{BODY} They signed the Coastal Resilience Partnership.");
        let got = topic_of(
            None,
            &[
                (BlockKind::Heading, "Notes from the capital"),
                (BlockKind::Paragraph, &body),
            ],
        );
        assert_eq!(got, None);
    }

    #[test]
    fn a_title_that_names_two_instruments_has_no_topic() {
        let got = topic_of(
            None,
            &[
                (
                    BlockKind::Heading,
                    "From the Harbour Safety Plan to the Coastal Resilience Partnership",
                ),
                (BlockKind::Paragraph, BODY),
            ],
        );
        assert_eq!(got, None);
    }

    #[test]
    fn the_metadata_title_names_the_instrument_in_any_case() {
        let body = format!("{BODY} The Coastal Resilience Partnership was signed in May.");
        let got = topic_of(
            Some("AN AUDIT OF COASTAL RESILIENCE PARTNERSHIP FUNDS"),
            &[(BlockKind::Paragraph, &body)],
        );
        assert_eq!(got.as_deref(), Some("Coastal Resilience Partnership"));
    }
}
