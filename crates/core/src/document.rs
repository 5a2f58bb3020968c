use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open byte range `[start, end)` into [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end-exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Self { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span moved right by `offset` bytes.
    #[must_use]
    pub fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// The input formats accord reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`), possibly hard-wrapped, possibly with Markdown-style emphasis.
    Text,
    /// `CommonMark` with footnotes and tables (`.md`).
    Markdown,
    /// HTML (`.html`, `.htm`).
    Html,
    /// PDF with a text layer.
    Pdf,
    /// Office Open XML word-processing document.
    Docx,
}

impl Format {
    /// The lowercase name published in `documents.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a block of text is in the layout of its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The document title or a section heading.
    Heading,
    /// Running text.
    Paragraph,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// One cell of a table.
    TableCell,
    /// A footnote or endnote (its marker removed from the text).
    Footnote,
    /// Front matter, page headers and footers, page numbers, navigation, boilerplate.
    Furniture,
}

impl BlockKind {
    /// The snake-case name published in `blocks.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list_item",
            BlockKind::TableCell => "table_cell",
            BlockKind::Footnote => "footnote",
            BlockKind::Furniture => "furniture",
        }
    }
}

impl fmt::Display for BlockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A typed region of [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Layout role.
    pub kind: BlockKind,
    /// Byte span into the document text.
    pub span: Span,
    /// 1-based page number, when the format has pages.
    pub page: Option<u32>,
    /// Footnote label for [`BlockKind::Footnote`] blocks (e.g. `"iv"`, `"1"`).
    pub label: Option<String>,
    /// For table cells: 0-based row and column.
    pub cell: Option<(u32, u32)>,
}

impl Block {
    /// A block of `kind` over `span`, with no page, label or cell.
    pub fn new(kind: BlockKind, span: Span) -> Self {
        Self {
            kind,
            span,
            page: None,
            label: None,
            cell: None,
        }
    }
}

/// A footnote marker removed from running text, linked to its note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteLink {
    /// Byte offset in [`Document::text`] where the marker stood.
    pub at: usize,
    /// The marker as written (e.g. `^{iv}`, `¹`, `[^2]`).
    pub marker: String,
    /// Normalised label (e.g. `"iv"`, `"1"`).
    pub label: String,
    /// Index into [`Document::blocks`] of the note it refers to, when found.
    pub note_block: Option<usize>,
}

/// One input document after ingest: one normalised text plus typed blocks over it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the corpus root, without extension, `/`-separated.
    pub doc_id: String,
    /// Path relative to the corpus root, `/`-separated, with extension.
    pub path: String,
    /// Detected input format.
    pub format: Format,
    /// Title, when the document states one.
    pub title: Option<String>,
    /// Lowercase hex SHA-256 of the input bytes.
    pub sha256: String,
    /// The normalised text (NFC, blocks separated by blank lines).
    pub text: String,
    /// Typed blocks over `text`, sorted by start, non-overlapping.
    pub blocks: Vec<Block>,
    /// Footnote markers taken out of the running text.
    pub notes: Vec<NoteLink>,
    /// Repairs made and problems met, one sentence each, for a reviewer.
    pub warnings: Vec<String>,
}

impl Document {
    /// The text of `span`.
    ///
    /// # Panics
    /// When the span is outside the text or not on `char` boundaries (a bug in a stage).
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// Converts a byte offset into `text` to a Unicode code-point offset.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.text[..byte].chars().count()
    }

    /// Index of the block that contains byte offset `at`, if any.
    pub fn block_at(&self, at: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= at);
        self.blocks.get(i).filter(|b| b.span.start <= at).map(|_| i)
    }

    /// Number of Unicode code points in `text`.
    pub fn n_chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// Converts byte offsets of one text to Unicode code-point offsets in O(1) each.
///
/// Published offsets are code points, end-exclusive, so that in Python
/// `text[char_start:char_end] == quote`.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Code-point offset of every byte offset `0..=len` (only char boundaries are meaningful).
    at: Vec<u32>,
}

impl CharIndex {
    /// Builds the index of `text` (4 bytes of memory per byte of text).
    pub fn new(text: &str) -> Self {
        let mut at = vec![0u32; text.len() + 1];
        let mut chars = 0u32;
        for (byte, c) in text.char_indices() {
            for slot in &mut at[byte..byte + c.len_utf8()] {
                *slot = chars;
            }
            chars += 1;
        }
        at[text.len()] = chars;
        Self { at }
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        self.at[byte] as usize
    }
}
