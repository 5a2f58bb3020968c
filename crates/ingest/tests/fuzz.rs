//! Property-based fuzzing of ingest: arbitrary bytes and text-like inputs under every
//! extension never panic, and every document ingest returns keeps its contract (NFC text,
//! sorted blocks on character boundaries, offsets inside the text). `just fuzz` runs more
//! cases in release (`PROPTEST_CASES`).

mod common;

use accord_ingest::{Config, Ingester};
use proptest::prelude::*;

const NAMES: &[&str] = &["a.txt", "a.md", "a.html", "a.pdf", "a.docx", "a"];

/// Text-like bytes: markup, note markers, bullets, line breaks, a few bad bytes.
fn texty() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<div><b>".to_vec()),
        Just(b"<!--".to_vec()),
        Just(b"<html><body>".to_vec()),
        Just(b"# ".to_vec()),
        Just(b"- ".to_vec()),
        Just(b"1. ".to_vec()),
        Just(b"[^1]".to_vec()),
        Just("\u{b9}".as_bytes().to_vec()),
        Just(b"*".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\n\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\x0c".to_vec()),
        Just(b"-\n".to_vec()),
        Just(b"%PDF-1.4\n".to_vec()),
        Just(b"\xff".to_vec()),
        Just(b"\xc3".to_vec()),
        Just("M\u{e9}rida ".as_bytes().to_vec()),
        Just("e\u{301} ".as_bytes().to_vec()),
        "[A-Za-z0-9 .,()$]{1,12}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check(name: &str, bytes: &[u8]) {
    let ingester = Ingester::new(&Config::default()).expect("ingester");
    if let Ok(doc) = ingester.ingest_bytes(name, bytes) {
        common::check_invariants(&doc);
        for b in &doc.blocks {
            assert!(b.span.end <= doc.text.len());
            assert!(
                doc.text.is_char_boundary(b.span.start) && doc.text.is_char_boundary(b.span.end)
            );
        }
        for n in &doc.notes {
            assert!(n.at <= doc.text.len() && doc.text.is_char_boundary(n.at));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), name in prop::sample::select(NAMES)) {
        check(name, &bytes);
    }

    #[test]
    fn text_like_inputs_keep_the_document_contract(bytes in texty(), name in prop::sample::select(NAMES)) {
        check(name, &bytes);
    }
}
