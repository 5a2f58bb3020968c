//! Test helper shared by the extractor's rule modules: the mentions of one paragraph.

use crate::{Config, Extractor, Gazetteer};
use accord_core::{Block, BlockKind, Document, Format, Mention, Span};

/// The mentions `gazetteer`'s extractor finds in `text`, read as one paragraph.
pub(super) fn extract_paragraph(gazetteer: &Gazetteer, text: &str) -> Vec<Mention> {
    let extractor = Extractor::new(&Config::default(), gazetteer).expect("extractor");
    let doc = Document {
        doc_id: "t".into(),
        path: "t.txt".into(),
        format: Format::Text,
        title: None,
        sha256: String::new(),
        blocks: vec![Block::new(BlockKind::Paragraph, Span::new(0, text.len()))],
        text: text.to_owned(),
        notes: Vec::new(),
        warnings: Vec::new(),
    };
    extractor.extract(&doc)
}

/// The mentions `gazetteer`'s extractor finds in a document of `blocks` (kind and text,
/// joined by blank lines) under `title`.
pub(super) fn extract_blocks(
    gazetteer: &Gazetteer,
    title: Option<&str>,
    blocks: &[(BlockKind, &str)],
) -> Vec<Mention> {
    let extractor = Extractor::new(&Config::default(), gazetteer).expect("extractor");
    let mut text = String::new();
    let mut spans = Vec::new();
    for (kind, block) in blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        spans.push(Block::new(
            *kind,
            Span::new(text.len(), text.len() + block.len()),
        ));
        text.push_str(block);
    }
    let doc = Document {
        doc_id: "t".into(),
        path: "t.md".into(),
        format: Format::Markdown,
        title: title.map(str::to_owned),
        sha256: String::new(),
        blocks: spans,
        text,
        notes: Vec::new(),
        warnings: Vec::new(),
    };
    extractor.extract(&doc)
}

/// The gazetteer bundled in `data/gazetteers`, as the tests of rules that need real
/// countries, regions and organisations load it.
pub(super) fn bundled_gazetteer() -> Gazetteer {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers");
    Gazetteer::load(&dir).expect("bundled gazetteer")
}
