//! Ingest is linear in the size of the input: a 50 MB text on a single line (no paragraph
//! breaks at all) goes through every text pass without quadratic blow-up.

use std::time::{Duration, Instant};

use accord_ingest::{Config, Ingester};

fn single_line(bytes: usize) -> String {
    // Markers, emphasis, hyphens and abbreviations on every stretch, so that every pass has
    // work to do.
    let unit = "The *Smart Border* accord of the U.S. and Canada^{iv} cost C$7.7 billion, said inter-agency staff.¹ ";
    unit.repeat(bytes / unit.len() + 1)
}

fn time_ingest(ingester: &Ingester, text: &str) -> Duration {
    let start = Instant::now();
    let doc = ingester
        .ingest_bytes("big.txt", text.as_bytes())
        .expect("ingests");
    let elapsed = start.elapsed();
    assert_eq!(doc.blocks.len(), 1);
    elapsed
}

/// Four times the input must take about four times as long, far from the sixteen times of a
/// quadratic pass.
#[test]
fn single_line_text_scales_linearly() {
    let ingester = Ingester::new(&Config::default()).expect("config");
    let small = single_line(500_000);
    let large = single_line(2_000_000);
    // Warm up allocator and caches once.
    time_ingest(&ingester, &small);
    let t_small = time_ingest(&ingester, &small);
    let t_large = time_ingest(&ingester, &large);
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-3);
    assert!(
        ratio < 8.0,
        "4x input took {ratio:.1}x time ({t_small:?} → {t_large:?})"
    );
}

/// The full 50 MB case. Slow in a debug build; run with
/// `cargo test -p accord-ingest --release --test performance -- --ignored`.
#[test]
#[ignore = "50 MB: run in release"]
fn fifty_megabytes_on_one_line() {
    let ingester = Ingester::new(&Config::default()).expect("config");
    let text = single_line(50_000_000);
    let elapsed = time_ingest(&ingester, &text);
    assert!(elapsed < Duration::from_mins(1), "50 MB took {elapsed:?}");
}
