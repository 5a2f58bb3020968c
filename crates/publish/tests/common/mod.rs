//! Hand-made datasets shared by the publish tests: a one-document `dataset()` and a
//! `rich_dataset()` with dated agreements, ranges, shares, inferred currencies and text that
//! needs HTML escaping.

use accord_core::{
    Agency, AgencyKind, Agreement, AgreementKind, Block, BlockKind, Dataset, Document, Failure,
    Format, Funding, MentionRecord, Money, ParseStatus, Period, Qualifier, Source, Span,
    WorkingGroup,
};
use accord_publish::{Input, Manifest};

pub(crate) fn dataset() -> Dataset {
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
            kind_source: Some(Source::Text),
            parties: vec!["MEX".into(), "USA".into()],
            parties_source: Some(Source::Gazetteer),
            scope: Some("bilateral".into()),
            signed: Some("2007-10".into()),
            signed_source: Some(Source::Gazetteer),
            signed_year: Some(2007),
            ended: None,
            ended_year: None,
            ended_source: None,
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
            country_source: Some(Source::Gazetteer),
            kind: Some(AgencyKind::LawEnforcement),
            kind_source: Some(Source::Gazetteer),
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
            kind: Some(accord_core::FundingKind::Assistance),
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

pub(crate) fn manifest() -> Manifest {
    Manifest {
        accord_version: "0.1.0".into(),
        git_commit: None,
        pipeline: "north-american-security".into(),
        config: serde_json::json!({ "extract": { "default_currency": "USD" } }),
        inputs: vec![
            Input {
                path: "broken.pdf".into(),
                bytes: 12,
                sha256: "11".repeat(32),
            },
            Input {
                path: "hearings/house-2008.html".into(),
                bytes: 2048,
                sha256: "22".repeat(32),
            },
            Input {
                path: "memo.txt".into(),
                bytes: 41,
                sha256: "00".repeat(32),
            },
        ],
        doc_ids_with_extension: Vec::new(),
    }
}

fn document(doc_id: &str, path: &str, format: Format, title: Option<&str>, text: &str) -> Document {
    // One paragraph per line.
    let mut blocks = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        blocks.push(Block::new(
            BlockKind::Paragraph,
            Span::new(at, at + line.len()),
        ));
        at += line.len() + 1;
    }
    Document {
        doc_id: doc_id.into(),
        path: path.into(),
        format,
        title: title.map(str::to_owned),
        sha256: "22".repeat(32),
        text: text.to_owned(),
        blocks,
        notes: Vec::new(),
        warnings: Vec::new(),
    }
}

/// A mention of `quote` (its first occurrence) in `doc`, with code-point offsets and context.
fn mention(doc: &Document, quote: &str, entity_type: &str, entity_id: &str) -> MentionRecord {
    let byte = doc.text.find(quote).expect("quote occurs in the text");
    let start = doc.char_offset(byte);
    let end = start + quote.chars().count();
    let before: Vec<char> = doc.text[..byte].chars().collect();
    let prefix: String = before[before.len().saturating_sub(40)..].iter().collect();
    let suffix: String = doc.text[byte + quote.len()..].chars().take(40).collect();
    MentionRecord {
        mention_id: format!("{}:{start:07}-{end:07}:{entity_type}", doc.doc_id),
        doc_id: doc.doc_id.clone(),
        entity_type: entity_type.into(),
        entity_id: entity_id.into(),
        char_start: start,
        char_end: end,
        quote: quote.into(),
        prefix,
        suffix,
        block_kind: "paragraph".into(),
        rule: if entity_type == "funding" {
            "money".into()
        } else {
            "gazetteer".into()
        },
    }
}

struct Figure<'a> {
    quote: &'a str,
    money: Money,
    kind: Option<&'a str>,
    program: Option<(&'a str, Option<&'a str>)>,
    donor: Option<&'a str>,
    recipient: Option<&'a str>,
}

fn funding(doc: &Document, figure: Figure<'_>, mentions: &mut Vec<MentionRecord>) -> Funding {
    let m = mention(doc, figure.quote, "funding", "");
    let funding_id = format!("{}:{:07}", doc.doc_id, m.char_start);
    let row = Funding {
        funding_id: funding_id.clone(),
        doc_id: doc.doc_id.clone(),
        mention_id: m.mention_id.clone(),
        quote: figure.quote.into(),
        money: figure.money,
        kind: figure
            .kind
            .map(|k| k.parse().expect("a funding kind of the vocabulary")),
        program: figure.program.map(|p| p.0.to_owned()),
        agreement_id: figure.program.and_then(|p| p.1).map(str::to_owned),
        donor: figure.donor.map(str::to_owned),
        recipient: figure.recipient.map(str::to_owned),
        char_start: m.char_start,
        char_end: m.char_end,
    };
    mentions.push(MentionRecord {
        entity_id: funding_id,
        ..m
    });
    row
}

fn money(amount: Option<f64>, currency: &str, period: Period) -> Money {
    let mut m = Money::exact(0.0, Some(currency.to_owned()));
    m.amount = amount;
    m.period = period;
    m
}

#[expect(
    clippy::too_many_arguments,
    reason = "a table row, written out in the fixture"
)]
fn agreement(
    id: &str,
    name: &str,
    acronym: Option<&str>,
    kind: Option<AgreementKind>,
    parties: &[&str],
    signed: Option<&str>,
    ended: Option<&str>,
    doc_ids: &[&str],
) -> Agreement {
    let scope = match parties.len() {
        0 => None,
        1 => Some("unilateral"),
        2 => Some("bilateral"),
        3 => Some("trilateral"),
        _ => Some("multilateral"),
    };
    Agreement {
        agreement_id: id.into(),
        name: name.into(),
        acronym: acronym.map(str::to_owned),
        aliases: acronym.map(|a| vec![a.to_owned()]).unwrap_or_default(),
        kind,
        kind_source: kind.map(|_| Source::Text),
        parties: parties.iter().map(|p| (*p).to_owned()).collect(),
        parties_source: (!parties.is_empty()).then_some(Source::Text),
        scope: scope.map(str::to_owned),
        signed: signed.map(str::to_owned),
        signed_source: signed.map(|_| Source::Text),
        signed_year: signed.and_then(|s| s[..4].parse().ok()),
        ended: ended.map(str::to_owned),
        ended_year: ended.and_then(|s| s[..4].parse().ok()),
        ended_source: ended.map(|_| Source::Gazetteer),
        doc_ids: doc_ids.iter().map(|d| (*d).to_owned()).collect(),
        mention_count: 1,
    }
}

fn agency(
    id: &str,
    name: &str,
    acronym: Option<&str>,
    country: Option<&str>,
    kind: Option<AgencyKind>,
    parent_id: Option<&str>,
) -> Agency {
    Agency {
        agency_id: id.into(),
        name: name.into(),
        acronym: acronym.map(str::to_owned),
        aliases: Vec::new(),
        country: country.map(str::to_owned),
        country_source: country.map(|_| Source::Text),
        kind,
        kind_source: kind.map(|_| Source::Gazetteer),
        parent_id: parent_id.map(str::to_owned),
        doc_ids: vec!["hearings/house-2008".into()],
        mention_count: 1,
    }
}

/// Two documents, seven agreements (one undated), nine organisations in six countries and
/// seven funding figures covering ranges, qualifiers, shares, per-year amounts, inferred
/// currencies and an ambiguous parse. Text includes `&`, `<` and quotes.
pub(crate) fn rich_dataset() -> Dataset {
    let mut ds = dataset();
    let hearing = document(
        "hearings/house-2008",
        "hearings/house-2008.html",
        Format::Html,
        Some("Hearing on <Mérida> & border \"security\""),
        "In FY2008 Congress appropriated about $400 million for Mexico under the Mérida Initiative.\n\
         Between $50 and $60 million went to Central America.\n\
         Canada spends C$1.2 billion a year on border security, the Department of Foreign Affairs & International Trade said.\n\
         The Secure Border Initiative received more than 2 billion dollars over five years from 2006.\n\
         40% of the money buys aircraft.\n\
         A line read \"500 million pesos <approx.>\" in the scan.",
    );
    let mut mentions = ds.mentions.clone();
    let mut funding_rows = ds.funding.clone();

    let mut m = money(Some(4e8), "USD", Period::Unknown);
    m.qualifier = Some(Qualifier::Approx);
    m.scale = Some(1e6);
    m.fiscal_year = Some("FY2008".into());
    funding_rows.push(funding(
        &hearing,
        Figure {
            quote: "about $400 million",
            money: m,
            kind: Some("appropriation"),
            program: Some(("Mérida Initiative", Some("merida-initiative"))),
            donor: Some("USA"),
            recipient: Some("MEX"),
        },
        &mut mentions,
    ));
    let mut m = money(None, "USD", Period::Unknown);
    m.amount_min = Some(5e7);
    m.amount_max = Some(6e7);
    m.qualifier = Some(Qualifier::Range);
    m.scale = Some(1e6);
    m.fiscal_year = Some("FY2008".into());
    funding_rows.push(funding(
        &hearing,
        Figure {
            quote: "Between $50 and $60 million",
            money: m,
            kind: Some("assistance"),
            program: None,
            donor: Some("USA"),
            recipient: None,
        },
        &mut mentions,
    ));
    let mut m = money(Some(1.2e9), "CAD", Period::PerYear);
    m.scale = Some(1e9);
    m.start_year = Some(2008);
    funding_rows.push(funding(
        &hearing,
        Figure {
            quote: "C$1.2 billion a year",
            money: m,
            kind: Some("budget"),
            program: None,
            donor: Some("CAN"),
            recipient: Some("CAN"),
        },
        &mut mentions,
    ));
    let mut m = money(Some(2e9), "USD", Period::Total);
    m.qualifier = Some(Qualifier::AtLeast);
    m.scale = Some(1e9);
    m.years = Some(5);
    m.start_year = Some(2006);
    m.end_year = Some(2010);
    funding_rows.push(funding(
        &hearing,
        Figure {
            quote: "more than 2 billion dollars",
            money: m,
            kind: Some("appropriation"),
            program: Some(("Secure Border Initiative", Some("secure-border-initiative"))),
            donor: Some("USA"),
            recipient: Some("USA"),
        },
        &mut mentions,
    ));
    let mut m = money(Some(5.6e8), "USD", Period::Total);
    m.share = Some(0.4);
    m.years = Some(3);
    m.start_year = Some(2008);
    m.currency_inferred = true;
    funding_rows.push(funding(
        &hearing,
        Figure {
            quote: "40% of the money",
            money: m,
            kind: Some("assistance"),
            program: Some(("Mérida Initiative", Some("merida-initiative"))),
            donor: Some("USA"),
            recipient: Some("MEX"),
        },
        &mut mentions,
    ));
    let mut m = money(Some(5e8), "MXN", Period::Unknown);
    m.scale = Some(1e6);
    m.currency_inferred = true;
    m.parse_status = ParseStatus::Ambiguous;
    funding_rows.push(funding(
        &hearing,
        Figure {
            quote: "\"500 million pesos <approx.>\"",
            money: m,
            kind: None,
            program: None,
            donor: None,
            recipient: None,
        },
        &mut mentions,
    ));
    for (quote, entity_type, id) in [
        ("Mérida Initiative", "agreement", "merida-initiative"),
        (
            "Secure Border Initiative",
            "agreement",
            "secure-border-initiative",
        ),
        (
            "Department of Foreign Affairs & International Trade",
            "agency",
            "dfait",
        ),
    ] {
        mentions.push(mention(&hearing, quote, entity_type, id));
    }
    mentions.push(mention(
        &ds.documents[0],
        "$1.4 billion",
        "funding",
        "memo:0000027",
    ));
    mentions.sort_by(|a, b| a.mention_id.cmp(&b.mention_id));
    funding_rows.sort_by(|a, b| a.funding_id.cmp(&b.funding_id));

    let both: &[&str] = &["hearings/house-2008", "memo"];
    let hearing_only: &[&str] = &["hearings/house-2008"];
    ds.agreements = vec![
        agreement(
            "canada-united-states-smart-border-declaration",
            "Canada-United States Smart Border Declaration",
            None,
            Some(AgreementKind::Declaration),
            &["CAN", "USA"],
            Some("2001-12-12"),
            None,
            hearing_only,
        ),
        agreement(
            "merida-initiative",
            "Mérida Initiative",
            None,
            Some(AgreementKind::Initiative),
            &["MEX", "USA"],
            Some("2007-10"),
            None,
            both,
        ),
        agreement(
            "nafta",
            "North American Free Trade Agreement",
            Some("NAFTA"),
            Some(AgreementKind::Agreement),
            &["CAN", "MEX", "USA"],
            Some("1992-12-17"),
            None,
            hearing_only,
        ),
        agreement(
            "norad-agreement",
            "NORAD Agreement",
            None,
            Some(AgreementKind::Agreement),
            &["CAN", "USA"],
            Some("1958-05-12"),
            None,
            hearing_only,
        ),
        agreement(
            "north-american-partnership",
            "North American Partnership",
            None,
            None,
            &[],
            None,
            None,
            hearing_only,
        ),
        agreement(
            "ogdensburg-agreement",
            "Ogdensburg Agreement",
            None,
            Some(AgreementKind::Agreement),
            &["CAN", "USA"],
            Some("1940-08"),
            None,
            hearing_only,
        ),
        agreement(
            "secure-border-initiative",
            "Secure Border Initiative",
            Some("SBI"),
            Some(AgreementKind::Program),
            &["USA"],
            Some("2005-11"),
            Some("2011-01"),
            hearing_only,
        ),
        agreement(
            "security-and-prosperity-partnership-of-north-america",
            "Security and Prosperity Partnership of North America",
            Some("SPP"),
            Some(AgreementKind::Partnership),
            &["CAN", "MEX", "USA"],
            Some("2005-03"),
            Some("2009-08"),
            hearing_only,
        ),
    ];
    ds.working_groups.push(WorkingGroup {
        working_group_id: "maritime-security-working-group".into(),
        name: "Maritime Security Working Group".into(),
        acronym: None,
        aliases: Vec::new(),
        agreement_id: Some("security-and-prosperity-partnership-of-north-america".into()),
        agreement: Some("Security and Prosperity Partnership of North America".into()),
        pillar: Some("security".into()),
        doc_ids: vec!["hearings/house-2008".into()],
        mention_count: 1,
    });
    ds.agencies = vec![
        agency(
            "brookings-institution",
            "Brookings Institution",
            None,
            Some("USA"),
            Some(AgencyKind::ThinkTank),
            None,
        ),
        agency(
            "canada-border-services-agency",
            "Canada Border Services Agency",
            Some("CBSA"),
            Some("CAN"),
            Some(AgencyKind::Border),
            None,
        ),
        agency(
            "cisen",
            "Center for Investigation and National Security",
            Some("CISEN"),
            Some("MEX"),
            Some(AgencyKind::Intelligence),
            None,
        ),
        agency(
            "dfait",
            "Department of Foreign Affairs & International Trade",
            Some("DFAIT"),
            Some("CAN"),
            Some(AgencyKind::Ministry),
            None,
        ),
        agency(
            "dhs",
            "United States Department of Homeland Security",
            Some("DHS"),
            Some("USA"),
            Some(AgencyKind::Ministry),
            None,
        ),
        agency(
            "nato",
            "North Atlantic Treaty Organization",
            Some("NATO"),
            Some("INTERNATIONAL"),
            Some(AgencyKind::InternationalOrganization),
            None,
        ),
        agency(
            "norad",
            "North American Aerospace Defense Command",
            Some("NORAD"),
            Some("BINATIONAL"),
            Some(AgencyKind::Military),
            None,
        ),
        ds.agencies[0].clone(),
        agency(
            "truckers-association",
            "Truckers' Association",
            None,
            None,
            None,
            None,
        ),
        agency(
            "us-customs-and-border-protection",
            "U.S. Customs and Border Protection",
            Some("CBP"),
            Some("USA"),
            Some(AgencyKind::Border),
            Some("dhs"),
        ),
    ];
    ds.documents.insert(0, hearing);
    ds.mentions = mentions;
    ds.funding = funding_rows;
    ds
}
