//! Direct assertions on the PDF and DOCX fixtures and on the bad inputs: the facts the
//! snapshots show, asserted one by one so that a regression names itself.

use std::path::Path;

use accord_core::{BlockKind, Document, Format};
use accord_ingest::{Config, Error, Ingester};

mod common;
use common::check_invariants;

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn ingester() -> Ingester {
    Ingester::new(&Config::default()).expect("config")
}

fn ingest(name: &str) -> Document {
    let doc = ingester().ingest_file(&root(), name).expect("ingests");
    check_invariants(&doc);
    doc
}

fn ingest_err(name: &str) -> Error {
    ingester()
        .ingest_file(&root(), name)
        .expect_err("must be refused")
}

fn blocks(doc: &Document, kind: BlockKind) -> Vec<(Option<u32>, &str)> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| (b.page, doc.slice(b.span)))
        .collect()
}

#[test]
fn pdf_headings_pages_and_furniture() {
    let doc = ingest("border-review.pdf");
    assert_eq!(doc.format, Format::Pdf);
    assert_eq!(
        doc.title.as_deref(),
        Some("Border Cooperation in North America")
    );
    assert_eq!(
        blocks(&doc, BlockKind::Heading),
        [
            (Some(1), "Border Cooperation in North America"),
            (Some(2), "Funding and Results"),
            (Some(2), "After 2009"),
            (Some(3), "Conclusion"),
        ]
    );
    // Running header, footer and page number on each of the three pages.
    let furniture = blocks(&doc, BlockKind::Furniture);
    for page in 1..=3 {
        let on_page: Vec<&str> = furniture
            .iter()
            .filter(|(p, _)| *p == Some(page))
            .map(|(_, t)| *t)
            .collect();
        let number = page.to_string();
        assert_eq!(
            on_page,
            [
                "Border Cooperation Review",
                "Institute for Border Studies",
                number.as_str()
            ],
            "page {page}"
        );
    }
    assert!(doc.blocks.iter().all(|b| b.page.is_some()));
}

#[test]
fn pdf_paragraphs_rejoined_across_pages_and_dehyphenated() {
    let doc = ingest("border-review.pdf");
    let paragraphs = blocks(&doc, BlockKind::Paragraph);
    let find = |needle: &str| {
        paragraphs
            .iter()
            .find(|(_, t)| t.contains(needle))
            .copied()
            .unwrap_or_else(|| panic!("no paragraph with {needle:?}"))
    };
    // Split between pages 1 and 2, with the footnote, footer, page number and next header
    // between the halves.
    let (page, text) = find("for the next year of joint work on the common perimeter.");
    assert_eq!(page, Some(1));
    assert!(text.starts_with("The partnership depended on close cooperation between"));
    let (page, _) = find("Beyond the Border declaration in 2011");
    assert_eq!(page, Some(2));
    assert!(find("the Asia-Pacific forum").1.contains("Asia-Pacific"));
    assert!(
        find("along the U.S.-Mexican border")
            .1
            .contains("U.S.-Mexican")
    );
    assert!(find("as the G-20 finance ministers").1.contains("G-20"));
    assert!(!doc.text.contains("cooper-"));
    assert!(
        doc.warnings
            .iter()
            .any(|w| w == "Rejoined 2 paragraphs split by page breaks.")
    );
    assert_eq!(paragraphs.len(), 8);
}

#[test]
fn pdf_footnote_marker_is_linked_to_its_note() {
    let doc = ingest("border-review.pdf");
    let notes = blocks(&doc, BlockKind::Footnote);
    assert_eq!(
        notes,
        [(
            Some(1),
            "Joint statement of the three leaders, Waco, Texas, 23 March 2005."
        )]
    );
    assert_eq!(doc.notes.len(), 1);
    let link = &doc.notes[0];
    assert_eq!(link.label, "1");
    assert!(doc.text[..link.at].ends_with("in March 2005."));
    let target = link.note_block.expect("linked");
    assert_eq!(doc.blocks[target].kind, BlockKind::Footnote);
    assert_eq!(doc.blocks[target].label.as_deref(), Some("1"));
    assert!(!doc.text.contains("2005.1"));
}

#[test]
fn pdf_named_txt_is_read_as_pdf() {
    let bytes = fs_err::read(root().join("border-review.pdf")).expect("fixture");
    let doc = ingester()
        .ingest_bytes("misnamed/report.txt", &bytes)
        .expect("ingests");
    assert_eq!(doc.format, Format::Pdf);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w == "Read as PDF because of its content, although its name ends in .txt."),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn docx_structure() {
    let doc = ingest("beyond-the-border.docx");
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(doc.title.as_deref(), Some("Beyond the Border Action Plan"));
    let texts = |kind| -> Vec<&str> { blocks(&doc, kind).into_iter().map(|(_, t)| t).collect() };
    assert_eq!(
        texts(BlockKind::Heading),
        ["Beyond the Border Action Plan", "Funding"]
    );
    assert_eq!(
        texts(BlockKind::ListItem),
        [
            "addressing threats early;",
            "trade facilitation, economic growth and jobs;",
            "integrated cross-border law enforcement.",
        ]
    );
    let cells: Vec<((u32, u32), &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| b.cell.map(|c| (c, doc.slice(b.span))))
        .collect();
    assert_eq!(
        cells,
        [
            ((0, 0), "Country"),
            ((0, 1), "Programme"),
            ((0, 2), "Amount"),
            ((1, 0), "Canada"),
            ((1, 1), "Perimeter security"),
            ((1, 2), "CAD 1.1 billion"),
        ]
    );
    assert_eq!(
        texts(BlockKind::Furniture),
        [
            "Border Cooperation Review",
            "Institute for Border Studies",
            "1"
        ]
    );
    assert!(doc.blocks.iter().all(|b| b.page.is_none()));
}

#[test]
fn docx_footnote_and_endnote() {
    let doc = ingest("beyond-the-border.docx");
    let notes: Vec<(&str, &str)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Footnote)
        .map(|b| (b.label.as_deref().unwrap_or(""), doc.slice(b.span)))
        .collect();
    assert_eq!(
        notes,
        [
            (
                "1",
                "Declaration by the Prime Minister and the President, 4 February 2011."
            ),
            (
                "i",
                "Figures from the 2012 implementation report, in national currency."
            ),
        ]
    );
    let links: Vec<(&str, &str)> = doc
        .notes
        .iter()
        .map(|n| {
            let target = n.note_block.map_or("", |i| doc.slice(doc.blocks[i].span));
            (n.label.as_str(), target)
        })
        .collect();
    assert_eq!(links[0], ("1", notes[0].1));
    assert_eq!(links[1], ("i", notes[1].1));
    assert!(doc.text[..doc.notes[0].at].ends_with("in December 2011."));
}

#[test]
fn bad_inputs_are_errors_that_name_the_file() {
    let cases: &[(&str, &str)] = &[
        ("empty.txt", "empty.txt: file is empty"),
        ("binary.txt", "binary.txt: not a text file"),
        ("utf16-no-bom.txt", "utf16-no-bom.txt: not a text file"),
        (
            "truncated-report.pdf",
            "truncated-report.pdf: cannot read PDF",
        ),
        (
            "encrypted-report.pdf",
            "encrypted-report.pdf: PDF is encrypted and needs a password",
        ),
        (
            "scanned-report.pdf",
            "scanned-report.pdf: no text layer; run OCR first",
        ),
        (
            "not-a-zip.docx",
            "not-a-zip.docx: cannot read DOCX (not a zip archive",
        ),
    ];
    for (name, start) in cases {
        let err = ingest_err(name);
        assert!(err.is_bad_input());
        assert_eq!(err.path(), Some(*name));
        assert!(err.to_string().starts_with(start), "{name}: {err}");
    }
    assert!(matches!(
        ingest_err("scanned-report.pdf"),
        Error::NoTextLayer {
            pages: 1,
            images: 1,
            chars: 0,
            ..
        }
    ));
}

#[test]
fn odd_text_inputs_become_documents_with_warnings() {
    let doc = ingest("invalid-utf8.txt");
    assert_eq!(
        doc.warnings,
        ["Decoded as Windows-1252 because the bytes are not valid UTF-8."]
    );
    assert!(doc.text.contains("Secretaría de Seguridad Pública"));
    let doc = ingest("deep-nesting.html");
    assert_eq!(doc.text, "Ten thousand levels down.");
}

/// A 50 MB text on one line (generated, not committed) is either ingested or refused for
/// running over the time budget; it never panics or hangs. In a release build it is
/// ingested in a few seconds (`tests/performance.rs`).
#[test]
fn fifty_megabytes_on_one_line_is_ingested_or_refused_in_time() {
    let unit = "The Smart Border accord of 2001 cost C$7.7 billion, said inter-agency staff. ";
    let text = unit.repeat(50_000_000 / unit.len() + 1);
    let config = Config {
        max_seconds_per_document: 5,
        ..Config::default()
    };
    let ingester = Ingester::new(&config).expect("config");
    let start = std::time::Instant::now();
    match ingester.ingest_bytes("big.txt", text.as_bytes()) {
        Ok(doc) => assert_eq!(doc.blocks.len(), 1),
        Err(err) => assert!(matches!(err, Error::TimedOut { .. }), "{err}"),
    }
    // The budget is checked between passes, so the overshoot is at most one pass.
    assert!(start.elapsed() < std::time::Duration::from_mins(1));
}
