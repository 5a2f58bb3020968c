//! Fixture suite: every file in `tests/fixtures/` is ingested and rendered as readable text
//! (one snapshot per fixture), and every document is checked against the output invariants.

use std::fmt::Write as _;
use std::path::Path;

use accord_core::{BlockKind, Document};
use accord_ingest::{Config, Ingester};
use unicode_normalization::is_nfc;

#[test]
fn fixtures() {
    let ingester = Ingester::new(&Config::default()).expect("default config");
    insta::glob!("fixtures/*.*", |path| {
        let rendered = render(&ingester, path);
        insta::assert_snapshot!(rendered);
    });
}

fn render(ingester: &Ingester, path: &Path) -> String {
    let root = path.parent().expect("fixture directory");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("UTF-8 file name");
    match ingester.ingest_file(root, name) {
        Ok(doc) => {
            check_invariants(&doc);
            render_document(&doc)
        }
        Err(err) => format!("## Error\n{err}\n"),
    }
}

fn render_document(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "doc_id: {}", doc.doc_id);
    let _ = writeln!(out, "format: {}", doc.format);
    let _ = writeln!(out, "title: {}", doc.title.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "sha256: {}", doc.sha256);
    let _ = writeln!(out, "chars: {}", doc.n_chars());
    out.push_str("warnings:\n");
    for w in &doc.warnings {
        let _ = writeln!(out, "- {w}");
    }
    out.push_str("\n## Blocks\n");
    for (i, b) in doc.blocks.iter().enumerate() {
        let page = b.page.map_or("-".to_owned(), |p| p.to_string());
        let label = match (&b.label, b.cell) {
            (Some(l), _) => l.clone(),
            (None, Some((r, c))) => format!("({r},{c})"),
            (None, None) => "-".to_owned(),
        };
        let _ = writeln!(
            out,
            "[{i}] {} {page} {label}: {}",
            b.kind,
            doc.slice(b.span).replace('\n', "⏎")
        );
    }
    out.push_str("\n## Notes\n");
    for n in &doc.notes {
        let target = n.note_block.map_or("none".to_owned(), |i| format!("[{i}]"));
        let before = &doc.text[..n.at];
        let context: String = before
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let _ = writeln!(
            out,
            "{} → {} → {target}   (after \"…{}\")",
            n.marker,
            n.label,
            context.replace('\n', "⏎")
        );
    }
    out
}

/// The contract of `Document`, checked on every fixture.
fn check_invariants(doc: &Document) {
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
        assert!(
            b.page.is_none(),
            "{}: page numbers come only with paged formats",
            doc.doc_id
        );
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
