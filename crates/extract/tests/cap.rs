//! The cap on candidate mentions per document (`extract.max_mentions_per_document`): past
//! it the search stops, what came before is kept, and the document is warned.

use accord_extract::{Config, Extractor, Gazetteer};
use accord_ingest::Ingester;
use std::fmt::Write as _;

fn extractor(cap: usize) -> Extractor {
    let gazetteer = Gazetteer::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers"),
    )
    .expect("gazetteers");
    let config = Config {
        max_mentions_per_document: cap,
        ..Config::default()
    };
    Extractor::new(&config, &gazetteer).expect("extractor")
}

/// Forty paragraphs, each naming an agency, a working group and a figure.
fn document() -> accord_core::Document {
    let mut text = String::new();
    for i in 0..40 {
        let year = 1990 + i;
        write!(
            text,
            "In {year}, the Federal Bureau of Investigation briefed the Cross-Border Crime \
             Forum on a grant of ${i} million.\n\n"
        )
        .expect("writing to a String");
    }
    Ingester::new(&accord_ingest::Config::default())
        .expect("ingester")
        .ingest_bytes("many.txt", text.as_bytes())
        .expect("ingest")
}

#[test]
fn under_the_cap_nothing_is_dropped_and_nothing_is_warned() {
    let doc = document();
    let got = extractor(250_000).extract_budgeted(&doc).expect("extracts");
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    let funding = got
        .mentions
        .iter()
        .filter(|m| m.entity_type == accord_core::EntityType::Funding)
        .count();
    assert_eq!(funding, 40, "one figure per paragraph");
}

#[test]
fn past_the_cap_the_search_stops_keeps_what_came_before_and_warns() {
    let doc = document();
    let all = extractor(250_000)
        .extract_budgeted(&doc)
        .expect("extracts")
        .mentions;
    let capped = extractor(20).extract_budgeted(&doc).expect("extracts");
    assert_eq!(capped.warnings.len(), 1, "{:?}", capped.warnings);
    let warning = &capped.warnings[0];
    assert!(
        warning.contains("max_mentions_per_document") && warning.contains("more than 20"),
        "{warning}"
    );
    // "extraction stopped at byte H of N: …"
    let horizon: usize = warning
        .strip_prefix("extraction stopped at byte ")
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("the warning names the byte offset");
    assert!(horizon > 0 && horizon < doc.text.len(), "{horizon}");
    // Everything kept lies before the horizon, and it is what the uncapped run found there.
    assert!(capped.mentions.iter().all(|m| m.span.end <= horizon));
    let before: Vec<_> = all
        .iter()
        .filter(|m| m.span.end <= horizon)
        .map(|m| (m.span, m.entity_type))
        .collect();
    let kept: Vec<_> = capped
        .mentions
        .iter()
        .map(|m| (m.span, m.entity_type))
        .collect();
    assert_eq!(kept, before);
    assert!(kept.len() < all.len());
}

#[test]
fn a_cap_of_zero_is_refused_when_the_extractor_is_built() {
    let gazetteer = Gazetteer::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers"),
    )
    .expect("gazetteers");
    let config = Config {
        max_mentions_per_document: 0,
        ..Config::default()
    };
    let err = Extractor::new(&config, &gazetteer).expect_err("0 is refused");
    assert_eq!(
        err.to_string(),
        "invalid [extract] option: max_mentions_per_document must be above 0"
    );
}
