//! The ingest stage of accord: one file in, one [`accord_core::Document`] out.
//!
//! Ingest detects the format (from the extension) and the encoding, extracts the text and
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
//! - **PDF and DOCX** are recognised and refused with [`Error::Unsupported`] for now.
//!
//! Nothing is dropped: furniture and footnotes are blocks of their own kind.
//!
//! # Invariants of the output
//!
//! - `text` is NFC; blocks are separated by exactly `"\n\n"`; no block starts or ends with
//!   white space; blocks are sorted and do not overlap; `page` is `None` for the formats
//!   read so far (text, Markdown, HTML).
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
mod decode;
mod error;
mod html;
mod ingester;
mod inline;
mod markdown;
mod repairs;
mod text;

pub use config::Config;
pub use error::{Error, Result};
pub use ingester::{Ingester, doc_id_for};
