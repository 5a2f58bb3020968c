//! Assembles blocks into one document text and links footnote markers to their notes.

use std::collections::HashMap;

use accord_core::{Block, BlockKind, Document, Format, NoteLink, Span};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::inline::{Inline, int_to_roman, roman_to_int};
use crate::repairs::Repairs;

/// Collects blocks in reading order; [`DocBuilder::finish`] makes the [`Document`].
#[derive(Debug, Default)]
pub(crate) struct DocBuilder {
    text: String,
    blocks: Vec<Block>,
    notes: Vec<NoteLink>,
    /// Title from outside the blocks (HTML `<title>`).
    pub(crate) title: Option<String>,
    pub(crate) repairs: Repairs,
}

impl DocBuilder {
    pub(crate) fn new(repairs: Repairs) -> Self {
        Self {
            repairs,
            ..Self::default()
        }
    }

    /// Appends a block (trimmed, NFC, separated from the previous one by a blank line).
    /// An empty block adds nothing but its markers.
    pub(crate) fn push(
        &mut self,
        kind: BlockKind,
        inline: Inline,
        label: Option<String>,
        cell: Option<(u32, u32)>,
    ) {
        self.push_on_page(kind, inline, label, cell, None);
    }

    /// [`DocBuilder::push`] for paged formats: the block starts on `page` (1-based).
    pub(crate) fn push_on_page(
        &mut self,
        kind: BlockKind,
        inline: Inline,
        label: Option<String>,
        cell: Option<(u32, u32)>,
        page: Option<u32>,
    ) {
        let Inline {
            mut text,
            mut markers,
        } = inline;
        if is_nfc_quick(text.chars()) != IsNormalized::Yes {
            // Offsets move with the text; composition across a marker position is not
            // possible because the marker stood between two base characters.
            for m in &mut markers {
                m.at = text[..m.at].nfc().map(char::len_utf8).sum();
            }
            text = text.nfc().collect();
        }
        let lead = text.len() - text.trim_start().len();
        let body = text.trim();
        debug_assert!(!body.contains("\n\n"), "block text with a blank line");
        if body.is_empty() {
            let at = self.text.len();
            self.notes.extend(markers.into_iter().map(|m| NoteLink {
                at,
                marker: m.written,
                label: m.label,
                note_block: None,
            }));
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(body);
        let end = self.text.len();
        for m in markers {
            let at = start + m.at.saturating_sub(lead).min(body.len());
            self.notes.push(NoteLink {
                at,
                marker: m.written,
                label: m.label,
                note_block: None,
            });
        }
        let mut block = Block::new(kind, Span::new(start, end));
        block.label = label;
        block.cell = cell;
        block.page = page;
        self.blocks.push(block);
    }

    /// Number of blocks pushed so far.
    pub(crate) fn len(&self) -> usize {
        self.blocks.len()
    }

    /// Links every marker to the footnote block with its label and builds the document.
    ///
    /// A digit marker whose label has no note is linked to the roman-numbered note of the
    /// same value when the document's notes are numbered in roman numerals (and the reverse),
    /// as in a text whose `¹` points at endnote `i`.
    pub(crate) fn finish(
        mut self,
        doc_id: String,
        path: String,
        format: Format,
        sha256: String,
    ) -> Document {
        let mut by_label: HashMap<&str, usize> = HashMap::new();
        for (i, b) in self.blocks.iter().enumerate() {
            if let (BlockKind::Footnote, Some(label)) = (b.kind, &b.label) {
                by_label.entry(label.as_str()).or_insert(i);
            }
        }
        let all_roman = !by_label.is_empty() && by_label.keys().all(|l| roman_to_int(l).is_some());
        let all_digits = !by_label.is_empty()
            && by_label
                .keys()
                .all(|l| l.bytes().all(|b| b.is_ascii_digit()));
        for note in &mut self.notes {
            note.note_block = by_label.get(note.label.as_str()).copied();
            if note.note_block.is_none() {
                let other = if all_roman {
                    note.label.parse::<u32>().ok().and_then(int_to_roman)
                } else if all_digits {
                    roman_to_int(&note.label).map(|n| n.to_string())
                } else {
                    None
                };
                note.note_block = other.and_then(|l| by_label.get(l.as_str()).copied());
                if note.note_block.is_some() {
                    self.repairs.other_numbering += 1;
                }
            }
        }
        self.repairs.markers = self.notes.len();
        self.repairs.unmatched_markers =
            self.notes.iter().filter(|n| n.note_block.is_none()).count();
        let title = self.title.take().or_else(|| {
            self.blocks
                .iter()
                .find(|b| b.kind == BlockKind::Heading)
                .map(|b| self.text[b.span.start..b.span.end].to_owned())
        });
        // The document is kept until publish, with every other one: no spare capacity.
        self.text.shrink_to_fit();
        self.blocks.shrink_to_fit();
        self.notes.shrink_to_fit();
        Document {
            doc_id,
            path,
            format,
            title,
            sha256,
            warnings: self.repairs.warnings(),
            text: self.text,
            blocks: self.blocks,
            notes: self.notes,
        }
    }
}
