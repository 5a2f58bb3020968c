//! The ingest stage of accord: one file in, one [`accord_core::Document`] out.
//!
//! Ingest detects the format (from the content and the extension) and the encoding, extracts
//! the text and
//! produces *blocks* over one normalised text: headings, paragraphs, list items, table cells,
//! footnotes and furniture (front matter, page headers and footers, navigation). It repairs
//! what layout did to the text and says so in [`accord_core::Document::warnings`]:
//!
//! - paragraphs split by page breaks are rejoined, hard-wrapped lines reflowed, and line-end
//!   hyphenation undone (lexicon-aware: `inter-⏎agency` → `interagency`, but
//!   `capacity-⏎building` keeps its hyphen when the document writes `capacity-building`
//!   elsewhere, and `Asia-⏎Pacific` / `U.S.-⏎Mexican` always keep it);
//! - footnote markers (`¹`, `ⁱⁱ`, `^{iv}`, `^v`, `[12]`, `[^2]`) are taken out of the running
//!   text and recorded as [`accord_core::NoteLink`]s pointing at their footnote blocks;
//! - Markdown-style emphasis asterisks in plain text are removed (the words stay); an
//!   unpaired asterisk, such as an author-note mark (`Hristoulas*`), is left in place and
//!   counted in the warnings.
//!
//! # Formats
//!
//! - **Plain text** (`.txt`): UTF-8 (BOM stripped), UTF-16 with a BOM, otherwise
//!   Windows-1252 (with a warning). Paragraphs are runs of non-blank lines. The first short
//!   paragraph is the title; short lines after it (author, e-mail, affiliation) are front
//!   matter; short lines without final punctuation standing alone are headings (capitals or
//!   title case when they follow an unfinished paragraph); lines opening with `-`, `*`, `•`,
//!   `1.`, `(a)`, `II.` are list items; paragraphs opening with a note marker are footnotes;
//!   `---` and `* * *` are separators; lines that are only a page number or that repeat three
//!   times or more are page furniture; a paragraph with a dashed ruler (`----  ----`) is a
//!   fixed-width table, split into cells.
//! - **Markdown** (`.md`): pulldown-cmark with footnotes, tables, strikethrough and YAML
//!   front matter (furniture).
//! - **HTML** (`.html`, `.htm`): scraper; navigation, headers, footers, asides and banners are
//!   furniture; `<title>` is the title.
//! - **PDF** (text layer, read with lopdf; any extension when the bytes open with `%PDF-`):
//!   the content streams are interpreted into positioned runs of text, grouped into lines and
//!   put in reading order (a recursive XY cut, so two columns are read one after the other);
//!   running headers, footers and page numbers (lines near the top or bottom edge that repeat
//!   across pages, digits ignored) are furniture; small-print lines at the foot of a page that
//!   open with a note label are footnotes, and superscript markers in the text are linked to
//!   them; larger or bold short lines are headings; paragraphs are split by vertical gaps and
//!   indentation, reflowed with the same lexicon-aware dehyphenation as plain text, and a
//!   paragraph left unfinished at the foot of a page is rejoined with the first paragraph of
//!   the next page, stepping over footer, notes and header. Every block carries its 1-based
//!   `page` (where it starts). A PDF with no text (a scan) fails with
//!   [`Error::NoTextLayer`] ("no text layer; run OCR first"), never as an empty document; an
//!   encrypted one with [`Error::Encrypted`]; a truncated or damaged one with [`Error::Pdf`],
//!   or, when lopdf still reads it, with a warning.
//! - **DOCX** (zip + quick-xml): paragraphs; `Title` / `heading N` styles and outline levels
//!   are headings; numbered or bulleted paragraphs are list items; each cell of a table is a
//!   table cell with its row and column; page headers and footers are furniture; footnotes
//!   (`1, 2, …`) and endnotes (`i, ii, …`) follow the body as footnote blocks, linked from
//!   their references. A file that is not a zip package fails with [`Error::Docx`].
//!
//! Nothing is dropped: furniture and footnotes are blocks of their own kind.
//!
//! # Limits
//!
//! [`Config::max_file_bytes`] (default 200 MB) refuses larger files before they are read
//! ([`Error::TooLarge`]); [`Config::max_seconds_per_document`] (default 60 s) is a time budget
//! per document ([`Error::TimedOut`]), checked by the readers as they go (between pages and
//! every few thousand content-stream operations or XML events, and between the text passes):
//! a document over budget stops with an error instead of hanging. The PDF and DOCX readers
//! also bound every decompressed stream (64 MiB per page content, 256 MiB per XML part), and
//! a panic inside them (or inside the libraries they call) becomes an error about the file.
//!
//! # Invariants of the output
//!
//! - `text` is NFC; blocks are separated by exactly `"\n\n"`; no block starts or ends with
//!   white space; blocks are sorted and do not overlap; `page` is `Some` on every block of a
//!   PDF (never decreasing along the text) and `None` for the other formats.
//! - Offsets (`Span`, `NoteLink::at`) are byte offsets into `text`.
//! - Ingest is a pure function of the bytes and the path: same input, same document.
//!
//! # Example
//!
//! ```
//! use accord_core::BlockKind;
//! use accord_ingest::{Config, Ingester};
//!
//! let ingester = Ingester::new(&Config::default())?;
//! let doc = ingester.ingest_bytes(
//!     "briefs/smart-border.txt",
//!     "Smart Borders\n\nThe declaration was signed in\n\nDecember 2001.¹\n\n¹ Ibid.".as_bytes(),
//! )?;
//! assert_eq!(doc.doc_id, "briefs/smart-border");
//! assert_eq!(doc.title.as_deref(), Some("Smart Borders"));
//! assert_eq!(doc.text, "Smart Borders\n\nThe declaration was signed in December 2001.\n\nIbid.");
//! assert_eq!(doc.blocks[2].kind, BlockKind::Footnote);
//! assert_eq!(doc.notes[0].note_block, Some(2));
//! # Ok::<(), accord_ingest::Error>(())
//! ```

mod builder;
mod config;
mod deadline;
mod decode;
mod docx;
mod error;
mod front_matter;
mod html;
mod html_attrs;
mod ingester;
mod inline;
mod markdown;
mod pdf;
mod read;
mod repairs;
mod text;

pub use config::Config;
pub use error::{Error, Result};
pub use ingester::{Ingester, doc_id_for, unique_doc_ids};
pub use read::{irregular_kind, read_input};
