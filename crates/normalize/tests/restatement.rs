//! Restated figures: a figure repeated in one document (same amount, lower bound, currency
//! and period, compatible program and start year) is one funding row, and every occurrence
//! is a mention of it; figures that differ in any of these stay apart, also when a
//! document holds thousands of them.

use accord_core::Dataset;
use std::fmt::Write as _;

mod common;
use common::normalize;

fn funding_mentions(ds: &Dataset) -> Vec<&accord_core::MentionRecord> {
    ds.mentions
        .iter()
        .filter(|m| m.entity_type == "funding")
        .collect()
}

#[test]
fn a_restated_figure_is_one_row_with_every_occurrence_its_mention() {
    let text = "Canada pledged $5 million in 2025 for port security. \
                Officials later confirmed the $5 million. \
                A further $7 million followed."
        .to_owned();
    let ds = normalize(&[("d", &text)]);
    let amounts: Vec<Option<f64>> = ds.funding.iter().map(|f| f.money.amount).collect();
    assert_eq!(amounts, [Some(5e6), Some(7e6)], "{:#?}", ds.funding);
    let ms = funding_mentions(&ds);
    assert_eq!(ms.len(), 3);
    let five = &ds.funding[0].funding_id;
    assert_eq!(ms.iter().filter(|m| &m.entity_id == five).count(), 2);
    // The year stated at the first occurrence stays on the row.
    assert_eq!(ds.funding[0].money.start_year, Some(2025));
}

#[test]
fn figures_that_differ_in_period_currency_or_document_stay_apart() {
    let a = "The fund gives $5 million a year. It also gave $5 million once. \
             Mexico added MXN 5 million."
        .to_owned();
    let b = "A second report repeats the $5 million.".to_owned();
    let ds = normalize(&[("a", &a), ("b", &b)]);
    let rows: Vec<(&str, Option<f64>, Option<&str>, &str)> = ds
        .funding
        .iter()
        .map(|f| {
            (
                f.doc_id.as_str(),
                f.money.amount,
                f.money.currency.as_deref(),
                f.money.period.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("a", Some(5e6), Some("USD"), "per_year"),
            ("a", Some(5e6), Some("USD"), "total"),
            ("a", Some(5e6), Some("MXN"), "total"),
            ("b", Some(5e6), Some("USD"), "total"),
        ],
        "{:#?}",
        ds.funding
    );
}

#[test]
fn thousands_of_figures_in_one_document_keep_one_row_per_distinct_amount() {
    // 3,000 distinct amounts, each stated twice, in one paragraph.
    let mut text = String::new();
    for round in 0..2 {
        for i in 1..=3_000 {
            write!(text, "Grant {i} of round {round} was ${i} million. ").expect("write to String");
        }
    }
    let ds = normalize(&[("many", &text)]);
    assert_eq!(ds.funding.len(), 3_000);
    assert_eq!(funding_mentions(&ds).len(), 6_000);
    let mut amounts: Vec<f64> = ds.funding.iter().filter_map(|f| f.money.amount).collect();
    amounts.sort_by(f64::total_cmp);
    assert_eq!(amounts.first(), Some(&1e6));
    assert_eq!(amounts.last(), Some(&3e9));
}
