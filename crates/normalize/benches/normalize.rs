//! Normalize (clustering mentions into entities, funding rows, mention records) on
//! generated corpora of two sizes, to show how its cost grows with the mentions.
//!
//! `cargo bench -p accord-normalize --bench normalize`. The corpus is made here,
//! deterministically, and run through the real ingest and extract stages: documents of
//! about 4 KB with names and acronyms of the project's own gazetteer (every 15th, so
//! that entities recur) (`data/gazetteers/`),
//! names it does not know (`<Topic> Working Group`, `<Topic> Agency`), acronym definitions
//! and monetary figures. Throughput is in mentions per second.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) criterion runs each function
//! once, as a test: the corpus is then 40 documents, to keep CI quick.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use accord_core::{Document, Mention};
use accord_extract::{Config, Extractor, Gazetteer};
use accord_ingest::Ingester;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

const WORDS: &[&str] = &[
    "the",
    "border",
    "security",
    "and",
    "of",
    "cooperation",
    "funding",
    "ministers",
    "report",
    "customs",
    "to",
    "in",
    "a",
    "for",
    "with",
    "that",
    "partnership",
    "information",
    "was",
    "signed",
    "by",
    "officials",
    "implementation",
    "law",
    "enforcement",
    "trade",
    "measures",
];

const TOPICS: &[&str] = &[
    "Energy",
    "Transportation",
    "Maritime",
    "Aviation",
    "Health",
    "Food Safety",
    "Cyber",
    "Emergency Management",
    "Critical Infrastructure",
    "Regulatory",
    "Environment",
    "Steel",
    "Telecommunications",
    "Migration",
    "Customs Modernization",
    "Nuclear",
];

const FIGURES: &[&str] = &[
    "$1.4 billion over three years",
    "about US$250,000",
    "CAD 3.5 million a year",
    "more than $900 million",
];

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n
    }
}

fn document_text(rng: &mut Lcg, names: &[&str]) -> String {
    let mut text = String::with_capacity(4500);
    while text.len() < 4000 {
        let words = 10 + rng.next(20);
        let mut sentence = String::from("The");
        for _ in 0..words {
            sentence.push(' ');
            match rng.next(30) {
                0..=1 => sentence.push_str(names[rng.next(names.len())]),
                2 => {
                    let _ = write!(sentence, "{} Working Group", TOPICS[rng.next(TOPICS.len())]);
                }
                3 => {
                    let topic = TOPICS[rng.next(TOPICS.len())];
                    let acronym: String = topic
                        .split(' ')
                        .filter_map(|w| w.chars().next())
                        .chain("SA".chars())
                        .collect();
                    let _ = write!(sentence, "{topic} Security Agency ({acronym})");
                }
                4 => sentence.push_str(FIGURES[rng.next(FIGURES.len())]),
                _ => sentence.push_str(WORDS[rng.next(WORDS.len())]),
            }
        }
        sentence.push_str(".\n\n");
        text.push_str(&sentence);
    }
    text
}

fn corpus(gazetteer: &Gazetteer, documents: usize) -> Vec<(Document, Vec<Mention>)> {
    let names: Vec<&str> = gazetteer
        .agencies
        .iter()
        .flat_map(|a| std::iter::once(a.name.as_str()).chain(a.acronym.as_deref()))
        .chain(gazetteer.agreements.iter().map(|a| a.name.as_str()))
        .chain(gazetteer.working_groups.iter().map(|w| w.name.as_str()))
        .step_by(15)
        .collect();
    let ingester = Ingester::new(&accord_ingest::Config::default()).expect("ingest config");
    let extractor = Extractor::new(&Config::default(), gazetteer).expect("extract config");
    let mut rng = Lcg(11);
    (0..documents)
        .map(|i| {
            let text = document_text(&mut rng, &names);
            let doc = ingester
                .ingest_bytes(&format!("corpus/doc-{i:05}.txt"), text.as_bytes())
                .expect("generated text ingests");
            let mentions = accord_extract::run(&doc, &extractor);
            (doc, mentions)
        })
        .collect()
}

/// Whether criterion measures (`cargo bench`) rather than runs each function once as a test.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn normalize(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers");
    let gazetteer = Gazetteer::load(&dir).expect("the project's gazetteers load");
    let mut group = c.benchmark_group("normalize");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let sizes: &[usize] = if measuring() { &[100, 400] } else { &[40] };
    for &documents in sizes {
        let docs = corpus(&gazetteer, documents);
        let mentions: usize = docs.iter().map(|(_, m)| m.len()).sum();
        // Clustering must have something to merge: more mentions than entities.
        let dataset = accord_normalize::normalize(docs.clone(), Vec::new(), &gazetteer);
        let entities =
            dataset.agreements.len() + dataset.working_groups.len() + dataset.agencies.len();
        assert!(
            entities > 10 && mentions > 3 * entities,
            "{mentions} mentions, {entities} entities"
        );
        group.throughput(Throughput::Elements(mentions as u64));
        group.bench_function(format!("{documents}-documents-{mentions}-mentions"), |b| {
            b.iter_batched(
                || docs.clone(),
                |docs| accord_normalize::normalize(black_box(docs), Vec::new(), &gazetteer),
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, normalize);
criterion_main!(benches);
