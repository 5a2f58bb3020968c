//! Types that cross accord's stage boundaries.
//!
//! accord runs four stages, each a plain function over these types:
//!
//! ```text
//! file ──ingest──▶ Document ──extract──▶ Vec<Mention> ──normalize──▶ Dataset ──publish──▶ tables
//! ```
//!
//! Invariants every stage relies on:
//!
//! - [`Span`] offsets are **byte** offsets into [`Document::text`], end-exclusive, and always
//!   fall on `char` boundaries. Published tables convert them to Unicode code points
//!   ([`Document::char_offset`]).
//! - [`Document::blocks`] are sorted by start offset and do not overlap.
//! - Country codes are ISO 3166-1 alpha-3 (or `BINATIONAL` / `INTERNATIONAL`); currency codes
//!   are ISO 4217; dates are EDTF (ISO 8601-2) strings at the precision the text gives.
//!
//! This crate does no I/O.
//!
//! ```
//! use accord_core::{Block, BlockKind, Document, Format, Span};
//!
//! let text = "NAFTA entered into force.".to_owned();
//! let doc = Document {
//!     doc_id: "example".into(),
//!     path: "example.txt".into(),
//!     format: Format::Text,
//!     title: None,
//!     sha256: String::new(),
//!     blocks: vec![Block::new(BlockKind::Paragraph, Span::new(0, text.len()))],
//!     text,
//!     notes: Vec::new(),
//!     warnings: Vec::new(),
//! };
//! assert_eq!(doc.slice(Span::new(0, 5)), "NAFTA");
//! ```

mod agreement_heads;
mod currency;
mod dataset;
mod document;
mod ids;
mod mention;

pub use agreement_heads::{AGREEMENT_HEAD_NOUNS, is_generic_agreement_name};
pub use currency::{CURRENCY_NAMES, currency_of_name, is_iso_4217, iso_4217};
pub use dataset::{Agency, Agreement, Dataset, Failure, Funding, MentionRecord, WorkingGroup};
pub use document::{Block, BlockKind, CharIndex, Document, Format, NoteLink, Span};
pub use ids::{normalize_key, slug};
pub use mention::{
    AgencyKind, AgreementKind, EntityType, FundingKind, Mention, MentionValue, Money, ParseStatus,
    Period, Qualifier, Rule, Source,
};
