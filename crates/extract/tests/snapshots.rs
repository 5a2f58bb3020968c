//! Extract-stage snapshots: each fixture is ingested, then every mention is listed with its
//! byte span, type, rule, quote and the attributes extraction gave it.

use accord_core::{EntityType, Mention};
use accord_extract::{Config, Extractor, Gazetteer};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers");
    let gazetteer = Gazetteer::load(&dir).expect("project gazetteers load");
    Extractor::new(&Config::default(), &gazetteer).expect("extractor builds")
});

fn mentions_of(path: &Path) -> (accord_core::Document, Vec<Mention>) {
    let ingester =
        accord_ingest::Ingester::new(&accord_ingest::Config::default()).expect("ingester");
    let root = path.parent().expect("fixture folder");
    let name = path.file_name().expect("file name").to_string_lossy();
    let doc = ingester.ingest_file(root, &name).expect("fixture ingests");
    let mentions = accord_extract::run(&doc, &EXTRACTOR);
    (doc, mentions)
}

fn render(mentions: &[Mention]) -> String {
    let mut out = String::from("## Mentions (byte spans)\n");
    for m in mentions {
        let v = &m.value;
        let _ = write!(
            out,
            "[{}..{}] {} {} {:?}",
            m.span.start,
            m.span.end,
            m.entity_type,
            m.rule_label(),
            m.text
        );
        if m.entity_type == EntityType::Funding {
            if let Some(money) = &v.money {
                let _ = write!(
                    out,
                    " amount={:?} {} period={} years={:?} start={:?} share={:?} status={}",
                    money.amount,
                    money.currency.as_deref().unwrap_or("?"),
                    money.period,
                    money.years,
                    money.start_year,
                    money.share,
                    money.parse_status
                );
            }
            let _ = write!(
                out,
                " kind={:?} program={:?} donor={:?} recipient={:?}",
                v.funding_kind.map(accord_core::FundingKind::as_str),
                v.parent,
                v.donor,
                v.recipient
            );
        } else {
            let _ = write!(out, " → {:?}", v.name);
            if let Some(id) = &v.gazetteer_id {
                let _ = write!(out, " [{id}]");
            }
            for (k, val) in [
                ("acronym", v.acronym.clone()),
                (
                    "kind",
                    v.agreement_kind
                        .map(|k| k.to_string())
                        .or(v.agency_kind.map(|k| k.to_string())),
                ),
                ("country", v.country.clone()),
                ("signed", v.signed.clone()),
                ("pillar", v.pillar.clone()),
                ("parent", v.parent.clone()),
            ] {
                if let Some(val) = val {
                    let _ = write!(out, " {k}={val}");
                }
            }
            if !v.parties.is_empty() {
                let _ = write!(out, " parties={}", v.parties.join("|"));
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/*.txt", |path| {
        let (_, mentions) = mentions_of(path);
        insta::assert_snapshot!(render(&mentions));
    });
}

#[test]
fn quotes_are_the_text_at_their_spans() {
    insta::glob!("fixtures/*.txt", |path| {
        let (doc, mentions) = mentions_of(path);
        for m in &mentions {
            assert_eq!(doc.slice(m.span), m.text, "{}", path.display());
        }
    });
}

#[test]
fn party_named_agreements_resolve_by_parties_and_topic() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acronyms-lists-and-parties.txt");
    let (_, mentions) = mentions_of(&path);
    let ids = |quote: &str| -> Vec<Option<String>> {
        mentions
            .iter()
            .filter(|m| m.text == quote)
            .map(|m| m.value.gazetteer_id.clone())
            .collect()
    };
    assert_eq!(
        ids("Mexican-US version of the agreement"),
        [Some("us-mexico-border-partnership-agreement".to_owned())]
    );
    assert_eq!(
        ids("Canada-US border agreement"),
        [Some("smart-border-declaration".to_owned())]
    );
}

#[test]
fn bare_list_items_become_working_groups_with_the_pillar() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acronyms-lists-and-parties.txt");
    let (_, mentions) = mentions_of(&path);
    let health = mentions
        .iter()
        .find(|m| m.text == "Health")
        .expect("Health is a working group");
    assert_eq!(health.entity_type, EntityType::WorkingGroup);
    assert_eq!(health.value.name, "Health Working Group");
    assert_eq!(health.value.pillar.as_deref(), Some("security"));
}

#[test]
fn seed_funding_figures_are_exact() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hristoulas-2010-north-american-security-perimeter.txt");
    let (_, mentions) = mentions_of(&path);
    let amounts: Vec<(f64, String)> = mentions
        .iter()
        .filter_map(|m| {
            m.value
                .money
                .as_ref()
                .map(|x| (x.amount.unwrap_or(f64::NAN), x.period.to_string()))
        })
        .collect();
    let expected = [
        (5.0e9, "per_year"),
        (1.4e9, "per_year"),
        (1.6e9, "per_year"),
        (3.0e7, "per_year"),
        (1.4e9, "total"),
        (5.6e8, "total"),
        (8.4e8, "total"),
    ];
    assert_eq!(amounts.len(), expected.len(), "{amounts:?}");
    for ((a, p), (ea, ep)) in amounts.iter().zip(expected) {
        assert!((a - ea).abs() < 1.0, "{a} != {ea}");
        assert_eq!(p, ep);
    }
}

/// Extraction never panics, whatever slice of real text it is given: windows of every
/// fixture cut at many character boundaries, each as a one-paragraph document.
#[test]
fn no_panic_on_arbitrary_windows_of_text() {
    use accord_core::{Block, BlockKind, Document, Format, Span};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("utf-8 fixture"))
        .collect();
    texts.push(
        "$ $1 US$ (A) (AB) AB (A B) Working Group, , and Working Groups -- ¹ ^{i} 1,2 FY20 "
            .repeat(20),
    );
    for text in texts {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let step = (bounds.len() / 30).max(1);
        for (a, &start) in bounds.iter().enumerate().step_by(step) {
            for &end in bounds[a..].iter().step_by(step * 7).take(4) {
                let slice = text[start..end].trim().to_owned();
                if slice.is_empty() {
                    continue;
                }
                let doc = Document {
                    doc_id: "window".into(),
                    path: "window.txt".into(),
                    format: Format::Text,
                    title: None,
                    sha256: String::new(),
                    blocks: vec![Block::new(BlockKind::Paragraph, Span::new(0, slice.len()))],
                    text: slice,
                    notes: Vec::new(),
                    warnings: Vec::new(),
                };
                for m in accord_extract::run(&doc, &EXTRACTOR) {
                    assert_eq!(doc.slice(m.span), m.text);
                }
            }
        }
    }
}
