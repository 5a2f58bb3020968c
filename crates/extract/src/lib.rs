//! accord extract stage: `Document` → `Vec<Mention>`.
//!
//! Rules, each named in `Mention::rule`:
//!
//! - `gazetteer`: names, acronyms and aliases of `data/gazetteers/` (aho-corasick, word
//!   boundaries, spelling variants), outside URLs and e-mail addresses;
//! - `head-noun`: capitalised phrases ending in a head noun (Agency, Command, Agreement,
//!   Initiative, Working Group, …) with "of/for/on" complements;
//! - `acronym-definition`: "Long Form (ACR)" (Schwartz & Hearst 2003), typed by the
//!   gazetteer or the long form's head noun; `acronym`: later and earlier uses of it;
//! - `list-expansion`: bare items of a list of working groups; `list-member`: unnamed items
//!   of a list of organisations;
//! - `party-compound`: agreements named by their parties ("Canada-US border agreement");
//! - `money`: monetary figures ([`find_money`]) with program, donor and recipient context.
//!
//! Spans are byte offsets into `Document::text`. Extraction never fails on a document.
//!
//! ```
//! use accord_extract::{Config, Extractor, Gazetteer};
//! let extractor = Extractor::new(&Config::default(), &Gazetteer::default()).unwrap();
//! # let _ = extractor;
//! ```

#[doc(hidden)]
pub mod bench;
mod countries;
mod dates;
mod error;
mod extractor;
mod matcher;
mod money;
mod names;
mod numbers;
mod text;

pub use accord_gazetteer::{
    AgencyEntry, AgreementEntry, CountryEntry, Gazetteer, RegionEntry, SubdivisionEntry,
    WorkingGroupEntry,
};
pub use dates::{DateMatch, find_dates};
pub use error::{Error, Result};
pub use extractor::{Config, Extraction, Extractor};
pub use money::{MoneyMatch, MoneyOptions, find_money};

/// Extracts the mentions of `document` with `extractor` (see [`Extractor::extract`]).
pub fn run(document: &accord_core::Document, extractor: &Extractor) -> Vec<accord_core::Mention> {
    extractor.extract(document)
}
