//! Shared by the end-to-end extract tests: a text ingested as a file named `name`, then
//! extracted with the default configuration and the bundled gazetteers.

use accord_core::Mention;
use accord_extract::{Config, Extractor, Gazetteer};
use accord_ingest::Ingester;

pub(crate) fn ingest_and_extract(name: &str, text: &str) -> Vec<Mention> {
    let doc = Ingester::new(&accord_ingest::Config::default())
        .expect("ingester")
        .ingest_bytes(name, text.as_bytes())
        .expect("ingest");
    let gazetteer = Gazetteer::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers"),
    )
    .expect("gazetteers");
    Extractor::new(&Config::default(), &gazetteer)
        .expect("extractor")
        .extract(&doc)
}
