//! Bounded work on one document: long blocks are searched in windows, and the search stops
//! once the document has given more candidate mentions than the configured cap.
//!
//! A hostile or runaway input (one 100 MB paragraph, a generated list of a million names)
//! would otherwise hold every gazetteer hit of a block and every candidate of the document in
//! memory at once, and feed all of them to the corpus-wide passes. With the cap, the rules
//! see the document up to the end of the window in which the cap was reached (the
//! *horizon*); the rest is not searched, and the document carries a warning saying where
//! the search stopped.

use accord_core::{Document, Span};
use std::ops::Range;

/// Largest stretch of a block, in bytes, whose gazetteer hits are found and held at once.
/// A block this long or shorter is one window (every real paragraph is); a longer one is cut
/// between sentences, so that a gazetteer name is never cut by a window edge unless the
/// sentence splitter cut it too.
pub(super) const WINDOW_BYTES: usize = 65_536;

/// The windows of the block `block`: `(span, range)` pairs, where `range` indexes
/// `sentences` (the block's sentences, sorted and disjoint, byte offsets into the document
/// text) and `span` covers those sentences. A block of at most [`WINDOW_BYTES`] is one
/// window whose span is the whole block span. Windows are in text order and cover every
/// sentence once.
pub(super) fn windows(block: Span, sentences: &[Span]) -> Vec<(Span, Range<usize>)> {
    if block.end - block.start <= WINDOW_BYTES || sentences.is_empty() {
        return vec![(block, 0..sentences.len())];
    }
    let mut out = Vec::new();
    let mut first = 0;
    while first < sentences.len() {
        let start = if first == 0 {
            block.start
        } else {
            sentences[first].start
        };
        let mut last = first;
        while last + 1 < sentences.len() && sentences[last + 1].end - start <= WINDOW_BYTES {
            last += 1;
        }
        let end = if last + 1 == sentences.len() {
            block.end
        } else {
            sentences[last].end
        };
        out.push((Span::new(start, end), first..last + 1));
        first = last + 1;
    }
    out
}

/// `document` cut at byte offset `end` (a character boundary of `document.text`): the text
/// before it, the blocks that start before it (the last one shortened to end there), and
/// the footnote markers before it (a marker whose note block was cut keeps no note block).
/// Spans keep their offsets, so mentions found in the cut document hold for the whole one.
pub(super) fn clipped(document: &Document, end: usize) -> Document {
    let end = end.min(document.text.len());
    let blocks: Vec<_> = document
        .blocks
        .iter()
        .filter(|b| b.span.start < end)
        .map(|b| {
            let mut b = b.clone();
            b.span.end = b.span.end.min(end);
            b
        })
        .collect();
    let kept = blocks.len();
    let notes = document
        .notes
        .iter()
        .filter(|n| n.at < end)
        .map(|n| {
            let mut n = n.clone();
            n.note_block = n.note_block.filter(|&i| i < kept);
            n
        })
        .collect();
    Document {
        doc_id: document.doc_id.clone(),
        path: document.path.clone(),
        format: document.format,
        title: document.title.clone(),
        sha256: document.sha256.clone(),
        text: document.text[..end].to_owned(),
        blocks,
        notes,
        warnings: document.warnings.clone(),
    }
}

/// The warning a document carries when its search stopped at `horizon` (a byte offset) of
/// `len` bytes, after more than `cap` candidate mentions.
pub(super) fn cap_warning(horizon: usize, len: usize, cap: usize) -> String {
    format!(
        "extraction stopped at byte {horizon} of {len}: the document gave more than {cap} \
         candidate mentions (extract.max_mentions_per_document); the rest of its text was not \
         searched"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_core::{Block, BlockKind, Format, NoteLink};

    #[test]
    fn a_short_block_is_one_window_over_its_whole_span() {
        let block = Span::new(10, 200);
        let sentences = [Span::new(12, 80), Span::new(82, 199)];
        assert_eq!(windows(block, &sentences), vec![(block, 0..2)]);
    }

    #[test]
    fn a_long_block_is_cut_between_sentences_into_windows_of_bounded_length() {
        // 100 sentences of 1,000 bytes, one byte apart, after a 5-byte indent.
        let sentences: Vec<Span> = (0..100)
            .map(|i| Span::new(5 + i * 1_001, 5 + i * 1_001 + 1_000))
            .collect();
        let block = Span::new(0, sentences[99].end + 3);
        let got = windows(block, &sentences);
        assert!(got.len() > 1);
        // Every sentence lies in exactly one window, in order.
        let covered: Vec<usize> = got.iter().flat_map(|(_, r)| r.clone()).collect();
        assert_eq!(covered, (0..100).collect::<Vec<_>>());
        for (span, range) in &got {
            assert!(span.end - span.start <= WINDOW_BYTES, "{span:?}");
            assert!(span.start <= sentences[range.start].start);
            assert!(span.end >= sentences[range.end - 1].end);
        }
        // The windows start with the block and end with it.
        assert_eq!(got[0].0.start, block.start);
        assert_eq!(got.last().map(|w| w.0.end), Some(block.end));
    }

    #[test]
    fn a_clipped_document_keeps_what_lies_before_the_cut() {
        let text = "First paragraph here.\n\nSecond one, longer.\n\nNote text.".to_owned();
        let doc = Document {
            doc_id: "d".to_owned(),
            path: "d.txt".to_owned(),
            format: Format::Text,
            title: None,
            sha256: String::new(),
            blocks: vec![
                Block::new(BlockKind::Paragraph, Span::new(0, 21)),
                Block::new(BlockKind::Paragraph, Span::new(23, 42)),
                Block::new(BlockKind::Footnote, Span::new(44, 54)),
            ],
            notes: vec![
                NoteLink {
                    at: 15,
                    marker: "1".to_owned(),
                    label: "1".to_owned(),
                    note_block: Some(2),
                },
                NoteLink {
                    at: 40,
                    marker: "2".to_owned(),
                    label: "2".to_owned(),
                    note_block: None,
                },
            ],
            warnings: vec!["an earlier warning".to_owned()],
            text,
        };
        let cut = clipped(&doc, 29);
        assert_eq!(cut.text, "First paragraph here.\n\nSecond");
        assert_eq!(
            cut.blocks.iter().map(|b| b.span).collect::<Vec<_>>(),
            vec![Span::new(0, 21), Span::new(23, 29)]
        );
        assert_eq!(cut.notes.len(), 1);
        assert_eq!(cut.notes[0].at, 15);
        assert_eq!(cut.notes[0].note_block, None, "its note block was cut");
        assert_eq!(cut.warnings, doc.warnings);
    }
}
