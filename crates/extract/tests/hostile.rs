//! Hostile text must not make extraction superlinear: each case is a document built to hit
//! one rule's worst case, timed in release (`cargo test --release -p accord-extract --test
//! hostile -- --ignored`; minutes in a debug build, so ignored by default).
//!
//! `ACCORD_HOSTILE_SCALE` (default 1.0) scales every input, to measure growth.

#![expect(
    clippy::format_collect,
    reason = "inputs are generated once per test; clarity over allocation"
)]

use accord_extract::{Config, Extractor, Gazetteer};
use accord_ingest::Ingester;
use std::time::{Duration, Instant};

fn scale(n: usize) -> usize {
    let f: f64 = std::env::var("ACCORD_HOSTILE_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    ((n as f64) * f) as usize
}

/// Ingests `text` as a `.txt` file and extracts it; returns the extraction time.
fn time_extract(name: &str, text: &str, limit: Duration) -> Duration {
    let ingester = Ingester::new(&accord_ingest::Config::default()).expect("ingester");
    let doc = ingester
        .ingest_bytes(name, text.as_bytes())
        .expect("ingest");
    let gazetteer = Gazetteer::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers"),
    )
    .expect("gazetteers");
    let extractor = Extractor::new(&Config::default(), &gazetteer).expect("extractor");
    let start = Instant::now();
    let result = extractor.extract_within(&doc, limit);
    let took = start.elapsed();
    eprintln!(
        "{name}: {} bytes, extract {:.2} s, {}",
        text.len(),
        took.as_secs_f64(),
        match &result {
            Ok(m) => format!("{} mentions", m.mentions.len()),
            Err(e) => e.to_string(),
        }
    );
    took
}

const LIMIT: Duration = Duration::from_secs(20);

#[test]
#[ignore = "release only: cargo test --release -p accord-extract --test hostile -- --ignored"]
fn many_acronym_definitions() {
    let text: String = (0..scale(100_000))
        .map(|i| format!("The Border Security Agency Number {i} (BSAN{i}) met. "))
        .collect();
    assert!(time_extract("acronyms.txt", &text, LIMIT) < Duration::from_secs(10));
}

#[test]
#[ignore = "release only"]
fn capitalised_words_in_a_row() {
    let text: String = (0..scale(500_000))
        .map(|i| format!("Word{} ", i % 97))
        .collect::<String>()
        + "Agency.";
    let text = text.replace(|c: char| c.is_ascii_digit(), "x");
    assert!(time_extract("capitals.txt", &text, LIMIT) < Duration::from_secs(10));
}

#[test]
#[ignore = "release only"]
fn many_money_expressions() {
    let text: String = (0..scale(200_000))
        .map(|i| format!("${i} million, "))
        .collect::<String>()
        + "in total.";
    assert!(time_extract("money.txt", &text, LIMIT) < Duration::from_secs(10));
}

#[test]
#[ignore = "release only"]
fn one_huge_paragraph() {
    let sentence = "The Security and Prosperity Partnership of North America funded the Border Agency with $5 million in 2005 and the Merida Initiative ";
    let text = sentence.repeat(scale(100_000_000) / sentence.len());
    assert!(time_extract("paragraph.txt", &text, LIMIT) < Duration::from_secs(30));
}
