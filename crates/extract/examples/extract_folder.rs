//! Ingest and extract every file under a folder on one thread and print the time of each
//! stage and its throughput, e.g. to profile the extract stage on a real corpus:
//!
//! `cargo run --release -p accord-extract --example extract_folder -- FOLDER [ROUNDS]`

use std::hash::{Hash as _, Hasher as _};
use std::path::Path;
use std::time::{Duration, Instant};

fn files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(root, &path, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args.next().expect("usage: extract_folder FOLDER [ROUNDS]");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let root = Path::new(&root);
    let mut rels = Vec::new();
    files(root, root, &mut rels);
    rels.sort();
    let gazetteer = accord_extract::Gazetteer::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers"),
    )
    .expect("the project's gazetteers load");
    let ingester =
        accord_ingest::Ingester::new(&accord_ingest::Config::default()).expect("ingest sets up");
    let extractor = accord_extract::Extractor::new(&accord_extract::Config::default(), &gazetteer)
        .expect("extract sets up");
    let docs: Vec<_> = rels
        .iter()
        .filter_map(|rel| ingester.ingest_file(root, rel).ok())
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let (mut took, mut mentions, mut digest) = (Duration::ZERO, 0, 0);
    for _ in 0..rounds {
        let started = Instant::now();
        let all: Vec<_> = docs
            .iter()
            .map(|d| accord_extract::run(d, &extractor))
            .collect();
        took += started.elapsed();
        mentions = all.iter().map(Vec::len).sum();
        // Whether two builds find the same mentions.
        let mut hasher = std::hash::DefaultHasher::new();
        format!("{all:?}").hash(&mut hasher);
        digest = hasher.finish();
    }
    let secs = took.as_secs_f64() / rounds as f64;
    println!(
        "{} documents, {:.1} MB of text, {mentions} mentions (digest {digest:016x}): extract {secs:.3} s, {:.2} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
