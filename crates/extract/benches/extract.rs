//! The extract stage's hot functions on generated prose: tokenizer, sentence splitter,
//! gazetteer scan and money parser, in MB/s of text.
//!
//! `cargo bench -p accord-extract --bench extract`. The text is made here,
//! deterministically: paragraphs of about 1 KB (the size of a block) of common policy words,
//! names and acronyms of the project's own gazetteer (`data/gazetteers/`), and monetary
//! figures in the forms `find_money` reads. Every function runs per paragraph, as the
//! extractor runs it per block.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) criterion runs each function
//! once, as a test: the text is then 50 paragraphs instead of 1,000, to keep CI quick.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use accord_extract::bench::{GazetteerScan, sentences, token_count};
use accord_extract::{Gazetteer, MoneyOptions, find_money};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const WORDS: &[&str] = &[
    "the",
    "border",
    "agreement",
    "security",
    "and",
    "of",
    "cooperation",
    "working",
    "group",
    "funding",
    "programme",
    "ministers",
    "report",
    "customs",
    "agency",
    "to",
    "in",
    "a",
    "for",
    "with",
    "that",
    "partnership",
    "information",
    "sharing",
    "infrastructure",
    "was",
    "signed",
    "by",
    "officials",
    "perimeter",
    "implementation",
    "law",
    "enforcement",
    "trade",
    "measures",
    "U.S.",
    "Dr.",
    "Mr.",
    "e.g.",
    "Canada-US",
    "Attorney's",
    "2005",
    "17",
    "leaders'",
];

const FIGURES: &[&str] = &[
    "$1.4 billion over three years",
    "about US$250,000",
    "between $50 and $75 million",
    "CAD 3.5 million a year",
    "€12 million in fiscal year 2010",
    "from 2.1 billion dollars annually to 2.5 billion dollars",
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

fn gazetteer() -> Gazetteer {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers");
    Gazetteer::load(&dir).expect("the project's gazetteers load")
}

/// `n` paragraphs of about 1 KB: sentences of 8 to 30 words, now and then a gazetteer name
/// or acronym and a monetary figure.
fn paragraphs(gazetteer: &Gazetteer, n: usize) -> Vec<String> {
    let names: Vec<&str> = gazetteer
        .agencies
        .iter()
        .flat_map(|a| std::iter::once(a.name.as_str()).chain(a.acronym.as_deref()))
        .chain(gazetteer.agreements.iter().map(|a| a.name.as_str()))
        .collect();
    let mut rng = Lcg(7);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let mut para = String::with_capacity(1200);
        while para.len() < 1000 {
            let words = 8 + rng.next(23);
            for i in 0..words {
                if i > 0 {
                    para.push(' ');
                }
                match rng.next(40) {
                    0..=2 => para.push_str(names[rng.next(names.len())]),
                    3 => para.push_str(FIGURES[rng.next(FIGURES.len())]),
                    _ => para.push_str(WORDS[rng.next(WORDS.len())]),
                }
            }
            para.push_str(". ");
            if let Some(first) = para.get(..1) {
                let upper = first.to_uppercase();
                para.replace_range(..1, &upper);
            }
        }
        out.push(para);
    }
    out
}

/// Whether criterion measures (`cargo bench`) rather than runs each function once as a test.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn extract(c: &mut Criterion) {
    let gazetteer = gazetteer();
    let text = paragraphs(&gazetteer, if measuring() { 1000 } else { 50 });
    let bytes: usize = text.iter().map(String::len).sum();
    let scan = GazetteerScan::new(&gazetteer).expect("automata build");
    let options = MoneyOptions {
        default_currency: Some("USD".into()),
        ..MoneyOptions::default()
    };
    // The inputs exercise every function (a bench over nothing measures nothing).
    let floor = text.len() / 10;
    assert!(text.iter().map(|p| scan.hit_count(p)).sum::<usize>() > floor);
    assert!(
        text.iter()
            .map(|p| find_money(p, &options).len())
            .sum::<usize>()
            > floor
    );

    let mut group = c.benchmark_group("extract");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::BytesDecimal(bytes as u64));
    group.bench_function("tokens", |b| {
        b.iter(|| {
            text.iter()
                .map(|p| token_count(black_box(p)))
                .sum::<usize>()
        });
    });
    group.bench_function("sentences", |b| {
        b.iter(|| {
            text.iter()
                .map(|p| sentences(black_box(p)).len())
                .sum::<usize>()
        });
    });
    group.bench_function("gazetteer-scan", |b| {
        b.iter(|| {
            text.iter()
                .map(|p| scan.hit_count(black_box(p)))
                .sum::<usize>()
        });
    });
    group.bench_function("find_money", |b| {
        b.iter(|| {
            text.iter()
                .map(|p| find_money(black_box(p), &options).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
