//! Direct assertions on the seed and dev documents: the facts the snapshots show, asserted one
//! by one so that a regression names itself.

use std::path::Path;

use accord_core::{BlockKind, Document};
use accord_ingest::{Config, Ingester};

fn ingest(name: &str) -> Document {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    Ingester::new(&Config::default())
        .expect("config")
        .ingest_file(&root, name)
        .expect("ingests")
}

fn seed() -> Document {
    ingest("hristoulas-2010-north-american-security-perimeter.txt")
}

fn texts(doc: &Document, kind: BlockKind) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| doc.slice(b.span))
        .collect()
}

#[test]
fn seed_rejoins_exactly_21_page_breaks() {
    let doc = seed();
    assert!(
        doc.warnings
            .iter()
            .any(|w| w == "Rejoined 21 paragraphs split by page breaks."),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn seed_headings_stand_alone() {
    let doc = seed();
    assert_eq!(
        doc.title.as_deref(),
        Some("Whatever happened to the North American Security Perimeter?")
    );
    assert_eq!(
        texts(&doc, BlockKind::Heading),
        [
            "Whatever happened to the North American Security Perimeter?",
            "What is Deep Integration?",
            "The Security and Prosperity Agreement",
            "Canada and North America",
            "Mexico and North America",
            "The United States and North America",
            "The nature of North American Security cooperation",
            "Final Thoughts",
        ]
    );
}

#[test]
fn seed_front_matter_is_furniture() {
    let doc = seed();
    assert_eq!(
        texts(&doc, BlockKind::Furniture),
        [
            "Athanasios Hristoulas*",
            "ahristou@itam.mx",
            "Professor, Department of International Studies",
            "Instituto Tecnológico Autónomo de México",
            "Canadian Studies Program",
        ]
    );
}

#[test]
fn seed_markers_leave_the_running_text() {
    let doc = seed();
    for b in doc.blocks.iter().filter(|b| b.kind != BlockKind::Footnote) {
        let text = doc.slice(b.span);
        for marker in ["^{", "ⁱ", "¹", "^v", "^x"] {
            assert!(!text.contains(marker), "{marker:?} left in {text:?}");
        }
    }
    assert!(!doc.text.contains("^{"));
    assert_eq!(doc.notes.len(), 20);
    assert!(
        doc.text
            .contains("the Conference Board of Canada has argued")
    );
    assert!(
        doc.text
            .contains("representatives of the Truckers' Association.\n\n")
    );
}

#[test]
fn seed_endnotes_are_footnote_blocks_linked_to_their_markers() {
    let doc = seed();
    let labels: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Footnote)
        .map(|b| b.label.as_deref().unwrap_or(""))
        .collect();
    let expected = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    assert_eq!(labels, expected);
    // Marker n points at note n; the digit `¹` points at roman note i.
    for (note, label) in doc.notes.iter().zip(expected) {
        let block = note.note_block.expect("every seed marker has its note");
        assert_eq!(doc.blocks[block].label.as_deref(), Some(label), "{note:?}");
    }
    assert_eq!(doc.notes[0].marker, "¹");
    assert_eq!(doc.notes[0].label, "1");
    assert!(doc.text[..doc.notes[0].at].ends_with("\"harmonization\" of customs procedures."));
    let xix = doc
        .blocks
        .iter()
        .find(|b| b.label.as_deref() == Some("xix"))
        .expect("note xix");
    assert!(
        doc.slice(xix.span)
            .contains("comprised of both Canadian and American partners.")
    );
}

#[test]
fn seed_repairs_read_right() {
    let doc = seed();
    for expected in [
        "between Mexican National Security Adviser Aguilar and U.S. Homeland Security Czar Tom Ridge",
        "no \"security confidence\" exists along the U.S.-Mexican border",
        "el Canadian Security Intelligence Service (CSIS) and other local",
        "the Royal Canadian Mounted Police (RCMP), the Canadian Border Service Agency (CBSA)",
        "together with an exclusive economic zone.",
        "Canadian Council of Chief Executives, Security and Prosperity: The Dynamics",
        "I. The enhancement of border efficiency",
    ] {
        assert!(doc.text.contains(expected), "missing {expected:?}");
    }
    // The only asterisk left is the author-note mark after the author's name.
    assert_eq!(doc.text.matches('*').count(), 1);
    assert!(
        doc.warnings
            .contains(&"Removed emphasis markers from 31 spans.".to_owned())
    );
    assert_eq!(texts(&doc, BlockKind::ListItem).len(), 3);
}

#[test]
fn canada_brief_split_words_are_rejoined() {
    let doc = ingest("canada-perspective-brief.txt");
    for expected in [
        "the new Canada Border Services Agency (CBSA)",
        "the RCMP and the Canadian Security Intelligence Service (CSIS)",
        "practical, bilateral and interagency arrangements",
        "modest capacity-building programmes",
        "a separate multi-year federal programme",
        "continental defence is the one field",
        "and into cooperation at the centre",
    ] {
        assert!(doc.text.contains(expected), "missing {expected:?}");
    }
    assert_eq!(texts(&doc, BlockKind::Footnote).len(), 6);
    assert!(doc.notes.iter().all(|n| n.note_block.is_some()));
    assert_eq!(
        texts(&doc, BlockKind::Heading)[0],
        doc.title.as_deref().unwrap_or("")
    );
}

#[test]
fn crs_table_becomes_cells() {
    let doc = ingest("crs-style-merida-funding.txt");
    let cells: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| b.cell.map(|c| (c, doc.slice(b.span))))
        .collect();
    assert_eq!(cells.len(), 20);
    assert!(cells.contains(&((1, 4), "1,120.0")));
    assert!(cells.contains(&((0, 1), "FY2008 Supp. P.L. 110-252")));
    assert!(texts(&doc, BlockKind::Heading).contains(&"1. THE ADMINISTRATION'S REQUESTS"));
}

#[test]
fn html_navigation_is_furniture() {
    let doc = ingest("spp-fact-sheet.html");
    let furniture = texts(&doc, BlockKind::Furniture);
    assert!(furniture.contains(&"Skip to main content"));
    assert!(furniture.contains(&"Home › Topics › Trilateral cooperation › SPP fact sheet"));
    assert!(
        !texts(&doc, BlockKind::Paragraph)
            .iter()
            .any(|p| p.contains("Privacy"))
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Fact Sheet: The Security and Prosperity Partnership of North America (2005–2009)")
    );
}
