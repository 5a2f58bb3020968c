//! Normalize-stage snapshot: a small corpus (the seed paper plus three fixtures) becomes one
//! dataset; every entity record and funding row is listed, then the invariants that
//! published offsets rely on are checked directly.

use accord_core::Dataset;
use accord_extract::{Config, Extractor, Gazetteer};
use std::fmt::Write as _;
use std::path::Path;

fn dataset() -> Dataset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let gazetteer =
        Gazetteer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers"))
            .expect("gazetteers");
    let extractor = Extractor::new(&Config::default(), &gazetteer).expect("extractor");
    let ingester =
        accord_ingest::Ingester::new(&accord_ingest::Config::default()).expect("ingester");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let docs = names
        .iter()
        .map(|n| {
            let doc = ingester.ingest_file(&root, n).expect("fixture ingests");
            let mentions = accord_extract::run(&doc, &extractor);
            (doc, mentions)
        })
        .collect();
    accord_normalize::normalize(docs, Vec::new(), &gazetteer)
}

fn opt(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

fn render(ds: &Dataset) -> String {
    let mut out = String::from("## Agreements\n");
    for a in &ds.agreements {
        let _ = writeln!(
            out,
            "{} | {} | acr={} | kind={} | parties={} | scope={} | signed={} | ended={} | docs={} | n={} | aliases={}",
            a.agreement_id,
            a.name,
            opt(a.acronym.as_deref()),
            a.kind.map_or("-", |k| k.as_str()),
            a.parties.join("+"),
            opt(a.scope.as_deref()),
            opt(a.signed.as_deref()),
            opt(a.ended.as_deref()),
            a.doc_ids.len(),
            a.mention_count,
            a.aliases.join(" ; ")
        );
    }
    out.push_str("\n## Working groups\n");
    for w in &ds.working_groups {
        let _ = writeln!(
            out,
            "{} | {} | agreement={} | pillar={} | n={}",
            w.working_group_id,
            w.name,
            opt(w.agreement.as_deref()),
            opt(w.pillar.as_deref()),
            w.mention_count
        );
    }
    out.push_str("\n## Agencies\n");
    for a in &ds.agencies {
        let _ = writeln!(
            out,
            "{} | {} | acr={} | {} | {} | parent={} | docs={} | n={} | aliases={}",
            a.agency_id,
            a.name,
            opt(a.acronym.as_deref()),
            opt(a.country.as_deref()),
            a.kind.map_or("-", |k| k.as_str()),
            opt(a.parent_id.as_deref()),
            a.doc_ids.len(),
            a.mention_count,
            a.aliases.join(" ; ")
        );
    }
    out.push_str("\n## Funding\n");
    for f in &ds.funding {
        let m = &f.money;
        let _ = writeln!(
            out,
            "{} | {:?} | {:?} {} | {} | years={:?} start={:?} | share={:?} | kind={} | program={} | {}→{}",
            f.funding_id,
            f.quote,
            m.amount,
            opt(m.currency.as_deref()),
            m.period,
            m.years,
            m.start_year,
            m.share,
            opt(f.kind.map(accord_core::FundingKind::as_str)),
            opt(f.program.as_deref()),
            opt(f.donor.as_deref()),
            opt(f.recipient.as_deref())
        );
    }
    out
}

#[test]
fn corpus_records() {
    insta::assert_snapshot!(render(&dataset()));
}

#[test]
fn published_offsets_are_code_points_of_the_quote() {
    let ds = dataset();
    for m in &ds.mentions {
        let doc = ds
            .documents
            .iter()
            .find(|d| d.doc_id == m.doc_id)
            .expect("document of mention");
        let quote: String = doc
            .text
            .chars()
            .skip(m.char_start)
            .take(m.char_end - m.char_start)
            .collect();
        assert_eq!(quote, m.quote, "{}", m.mention_id);
    }
    for f in &ds.funding {
        let doc = ds
            .documents
            .iter()
            .find(|d| d.doc_id == f.doc_id)
            .expect("document of funding row");
        let quote: String = doc
            .text
            .chars()
            .skip(f.char_start)
            .take(f.char_end - f.char_start)
            .collect();
        assert_eq!(quote, f.quote, "{}", f.funding_id);
    }
}

#[test]
fn entities_merge_across_documents_and_ids_are_unique() {
    let ds = dataset();
    let rcmp = ds
        .agencies
        .iter()
        .find(|a| a.agency_id == "rcmp")
        .expect("RCMP row");
    assert!(rcmp.doc_ids.len() >= 3, "{:?}", rcmp.doc_ids);
    let spp = ds
        .agreements
        .iter()
        .find(|a| a.agreement_id == "spp")
        .expect("SPP row");
    assert_eq!(spp.signed.as_deref(), Some("2005-03"));
    assert_eq!(spp.kind, Some(accord_core::AgreementKind::Partnership));
    let mut ids: Vec<&str> = ds.agencies.iter().map(|a| a.agency_id.as_str()).collect();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "agency ids are unique and sorted");
    assert!(
        ds.mentions
            .windows(2)
            .all(|w| w[0].mention_id < w[1].mention_id),
        "mentions sorted by id"
    );
}

#[test]
fn every_attribute_says_where_it_came_from() {
    use accord_core::Source;
    let ds = dataset();
    for a in &ds.agreements {
        let id = &a.agreement_id;
        assert_eq!(a.kind.is_some(), a.kind_source.is_some(), "{id}");
        assert_eq!(!a.parties.is_empty(), a.parties_source.is_some(), "{id}");
        assert_eq!(a.signed.is_some(), a.signed_source.is_some(), "{id}");
        assert_eq!(a.ended.is_some(), a.ended_source.is_some(), "{id}");
        assert_eq!(
            a.ended_year,
            a.ended.as_deref().and_then(|e| e[..4].parse().ok()),
            "{id}"
        );
    }
    for a in &ds.agencies {
        assert_eq!(
            a.country.is_some(),
            a.country_source.is_some(),
            "{}",
            a.agency_id
        );
        assert_eq!(a.kind.is_some(), a.kind_source.is_some(), "{}", a.agency_id);
    }
    // follow-up-brief.md states when the SPP was launched and ended.
    let spp = ds
        .agreements
        .iter()
        .find(|a| a.agreement_id == "spp")
        .expect("SPP row");
    assert_eq!(spp.ended.as_deref(), Some("2009-08"));
    assert_eq!(spp.ended_source, Some(Source::Text));
    assert_eq!(spp.ended_year, Some(2009));
    assert_eq!(spp.signed_source, Some(Source::Text));
    // NAFTA's dates are in the gazetteer, not in these fixtures.
    let nafta = ds
        .agreements
        .iter()
        .find(|a| a.agreement_id == "nafta")
        .expect("NAFTA row");
    assert_eq!(nafta.ended_source, Some(Source::Gazetteer));
    assert_eq!(nafta.signed_source, Some(Source::Gazetteer));
    assert_eq!(nafta.parties_source, Some(Source::Gazetteer));
    // The seed paper writes "North American free trade agreement": the kind its head noun
    // gives is stated.
    assert_eq!(nafta.kind_source, Some(Source::Text));
    let sources: std::collections::BTreeSet<Source> = ds
        .agencies
        .iter()
        .filter_map(|a| a.country_source)
        .collect();
    assert!(
        sources.contains(&Source::Text) && sources.contains(&Source::Gazetteer),
        "{sources:?}"
    );
}
