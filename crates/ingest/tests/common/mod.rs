//! Helpers shared by the integration tests.

use accord_core::{BlockKind, Document, Format};
use unicode_normalization::is_nfc;

/// The contract of `Document`, checked on every fixture.
pub(crate) fn check_invariants(doc: &Document) {
    assert!(is_nfc(&doc.text), "{}: text is not NFC", doc.doc_id);
    assert!(!doc.blocks.is_empty(), "{}: no blocks", doc.doc_id);
    let mut expected_start = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        assert_eq!(
            b.span.start, expected_start,
            "{}: block {i} does not follow a blank line",
            doc.doc_id
        );
        assert!(
            b.span.end > b.span.start,
            "{}: block {i} is empty",
            doc.doc_id
        );
        let text = doc.slice(b.span);
        assert_eq!(
            text,
            text.trim(),
            "{}: block {i} is not trimmed",
            doc.doc_id
        );
        assert!(
            !text.contains("\n\n"),
            "{}: block {i} holds a blank line",
            doc.doc_id
        );
        assert_eq!(
            b.page.is_some(),
            doc.format == Format::Pdf,
            "{}: block {i} has a page exactly when the format is paged",
            doc.doc_id
        );
        if let (Some(page), Some(prev)) =
            (b.page, i.checked_sub(1).and_then(|j| doc.blocks[j].page))
        {
            assert!(
                page >= prev,
                "{}: block {i} on page {page} after a block on page {prev}",
                doc.doc_id
            );
        }
        assert_eq!(
            b.label.is_some(),
            b.kind == BlockKind::Footnote,
            "{}: block {i} label",
            doc.doc_id
        );
        assert_eq!(
            b.cell.is_some(),
            b.kind == BlockKind::TableCell,
            "{}: block {i} cell",
            doc.doc_id
        );
        expected_start = b.span.end + 2;
        if i + 1 < doc.blocks.len() {
            assert_eq!(
                &doc.text[b.span.end..b.span.end + 2],
                "\n\n",
                "{}: separator after block {i}",
                doc.doc_id
            );
        }
    }
    assert_eq!(
        doc.blocks.last().map(|b| b.span.end),
        Some(doc.text.len()),
        "{}: text after the last block",
        doc.doc_id
    );
    for n in &doc.notes {
        assert!(
            n.at <= doc.text.len() && doc.text.is_char_boundary(n.at),
            "{}: note offset",
            doc.doc_id
        );
        if let Some(i) = n.note_block {
            assert_eq!(
                doc.blocks[i].kind,
                BlockKind::Footnote,
                "{}: note target",
                doc.doc_id
            );
        }
    }
}
