//! "Today" in a signing sentence is the document's issue date (its dateline).

use accord_core::EntityType;
mod common;

fn signed(text: &str) -> Vec<(String, Option<String>)> {
    common::ingest_and_extract("release.txt", text)
        .into_iter()
        .filter(|m| m.entity_type == EntityType::Agreement)
        .map(|m| (m.value.name, m.value.signed))
        .collect()
}

#[test]
fn today_in_a_signing_sentence_is_the_dateline_date() {
    let got = signed(
        "MEDIA RELEASE\n\nFOR IMMEDIATE RELEASE: November 14, 2025\n\nThe two governors today \
         signed the Harbour Safety Memorandum of Understanding in Hermosillo. The Coastal \
         Patrol Accord, signed on 3 May 2019, stays in force.\n",
    );
    assert!(
        got.contains(&(
            "Harbour Safety Memorandum of Understanding".into(),
            Some("2025-11-14".into())
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&("Coastal Patrol Accord".into(), Some("2019-05-03".into()))),
        "a sentence's own date wins: {got:?}"
    );
}

#[test]
fn without_a_dateline_today_dates_nothing() {
    let got = signed(
        "The two governors today signed the Harbour Safety Memorandum of Understanding in \
         Hermosillo, a step toward joint patrols along the whole of the shared coastline and \
         its ports.\n",
    );
    assert!(
        got.iter().all(|(_, d)| d.is_none()),
        "no date in the first lines: {got:?}"
    );
}
