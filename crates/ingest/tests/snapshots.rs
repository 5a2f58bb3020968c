//! Fixture suite: every file in `tests/fixtures/` (except its `README.md`, which says where
//! the generated fixtures come from) is ingested and rendered as readable text (one snapshot
//! per fixture), and every document is checked against the output invariants.

use std::fmt::Write as _;
use std::path::Path;

use accord_core::Document;
use accord_ingest::{Config, Ingester};

mod common;
use common::check_invariants;

#[test]
fn fixtures() {
    let ingester = Ingester::new(&Config::default()).expect("default config");
    insta::glob!("fixtures/*.*", |path| {
        if path.file_name().is_some_and(|n| n == "README.md") {
            return;
        }
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
