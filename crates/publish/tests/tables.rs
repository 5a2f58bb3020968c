//! Publish-stage tests: a small hand-made dataset rendered as tables (snapshot), written as
//! Parquet twice (same bytes), and an atomic replacement of the output folder. The Arrow
//! types other readers see (`large_string`, never `string_view`) are checked with pyarrow in
//! `tests/python` (polars' own reader maps every string column back to a view type).

use accord_core::{
    Agency, AgencyKind, Agreement, AgreementKind, Block, BlockKind, Dataset, Document, Failure,
    Format, Funding, MentionRecord, Money, Period, Span, WorkingGroup,
};
use accord_publish::{Manifest, build_tables, publish, render_table};
use std::fmt::Write as _;

fn dataset() -> Dataset {
    let text = "The Mérida Initiative gave $1.4 billion.".to_owned();
    let mut money = Money::exact(1.4e9, Some("USD".to_owned()));
    money.scale = Some(1e9);
    money.period = Period::Total;
    Dataset {
        documents: vec![Document {
            doc_id: "memo".into(),
            path: "memo.txt".into(),
            format: Format::Text,
            title: None,
            sha256: "00".repeat(32),
            blocks: vec![Block::new(BlockKind::Paragraph, Span::new(0, text.len()))],
            text,
            notes: Vec::new(),
            warnings: vec!["Rejoined 1 paragraph split by a page break.".into()],
        }],
        mentions: vec![MentionRecord {
            mention_id: "memo:0000004-0000021:agreement".into(),
            doc_id: "memo".into(),
            entity_type: "agreement".into(),
            entity_id: "merida-initiative".into(),
            char_start: 4,
            char_end: 21,
            quote: "Mérida Initiative".into(),
            prefix: "The ".into(),
            suffix: " gave $1.4 billion.".into(),
            block_kind: "paragraph".into(),
            rule: "gazetteer".into(),
        }],
        agreements: vec![Agreement {
            agreement_id: "merida-initiative".into(),
            name: "Mérida Initiative".into(),
            acronym: None,
            aliases: vec!["Merida Initiative".into(), "Plan Mérida".into()],
            kind: Some(AgreementKind::Initiative),
            parties: vec!["MEX".into(), "USA".into()],
            scope: Some("bilateral".into()),
            signed: Some("2007-10".into()),
            signed_year: Some(2007),
            ended: None,
            doc_ids: vec!["memo".into()],
            mention_count: 1,
        }],
        working_groups: vec![WorkingGroup {
            working_group_id: "energy-working-group".into(),
            name: "Energy Working Group".into(),
            acronym: None,
            aliases: Vec::new(),
            agreement_id: None,
            agreement: None,
            pillar: Some("prosperity".into()),
            doc_ids: vec!["memo".into()],
            mention_count: 1,
        }],
        agencies: vec![Agency {
            agency_id: "rcmp".into(),
            name: "Royal Canadian Mounted Police".into(),
            acronym: Some("RCMP".into()),
            aliases: vec!["Mounties".into()],
            country: Some("CAN".into()),
            kind: Some(AgencyKind::LawEnforcement),
            parent_id: None,
            doc_ids: vec!["memo".into()],
            mention_count: 1,
        }],
        funding: vec![Funding {
            funding_id: "memo:0000027".into(),
            doc_id: "memo".into(),
            mention_id: "memo:0000027-0000039:funding".into(),
            quote: "$1.4 billion".into(),
            money,
            kind: Some("assistance".into()),
            program: Some("Mérida Initiative".into()),
            agreement_id: Some("merida-initiative".into()),
            donor: Some("USA".into()),
            recipient: Some("MEX".into()),
            char_start: 27,
            char_end: 39,
        }],
        failures: vec![Failure {
            path: "broken.pdf".into(),
            stage: "ingest".into(),
            error: "broken.pdf: PDF input is not supported yet".into(),
        }],
    }
}

#[test]
fn tables_render() {
    let mut out = String::new();
    for (name, df) in build_tables(&dataset()).expect("tables build") {
        let _ = writeln!(out, "## {name}\n{}", render_table(&df));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn reruns_write_identical_bytes_and_replace_the_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let ds = dataset();
    let report = publish(&ds, &Manifest::default(), &out).expect("first publish");
    assert_eq!(report.rows["funding"], 1);
    let first: Vec<(String, Vec<u8>)> = read_all(&out);
    std::fs::write(out.join("stale.txt"), "left from an older run").expect("write stale file");
    publish(&ds, &Manifest::default(), &out).expect("second publish");
    let second = read_all(&out);
    assert_eq!(first, second, "same dataset, same bytes; stale files gone");
    let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "agencies.parquet",
            "agreements.parquet",
            "blocks.parquet",
            "documents.parquet",
            "failures.parquet",
            "funding.parquet",
            "manifest.json",
            "mentions.parquet",
            "working_groups.parquet"
        ]
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers,
        ["out"],
        "no staging or backup folder left behind"
    );
}

fn read_all(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("list output")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}
