//! The normalize stage over paragraph documents: extract with the bundled gazetteer, then
//! normalize, as the pipeline does.

use accord_core::{Block, BlockKind, Dataset, Document, Format, Span};
use accord_extract::{Config, Extractor, Gazetteer};
use std::path::Path;

/// The dataset of `docs`, each a `(doc_id, text)` pair read as one paragraph of plain text.
pub(crate) fn normalize(docs: &[(&str, &str)]) -> Dataset {
    let gazetteer =
        Gazetteer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers"))
            .expect("gazetteers");
    let extractor = Extractor::new(&Config::default(), &gazetteer).expect("extractor");
    let docs = docs
        .iter()
        .map(|(id, text)| {
            let doc = Document {
                doc_id: (*id).to_owned(),
                path: format!("{id}.txt"),
                format: Format::Text,
                title: None,
                sha256: String::new(),
                blocks: vec![Block::new(BlockKind::Paragraph, Span::new(0, text.len()))],
                text: (*text).to_owned(),
                notes: Vec::new(),
                warnings: Vec::new(),
            };
            let mentions = accord_extract::run(&doc, &extractor);
            (doc, mentions)
        })
        .collect();
    accord_normalize::normalize(docs, Vec::new(), &gazetteer)
}
