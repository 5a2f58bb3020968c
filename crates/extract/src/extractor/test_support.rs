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
