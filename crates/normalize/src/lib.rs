//! accord normalize stage: the mentions of a whole corpus → a [`Dataset`](accord_core::Dataset).
//!
//! - **Entities.** Mentions of agreements, working groups and agencies are clustered: by
//!   gazetteer id when extraction resolved one, otherwise by normalised name (the scorer's
//!   normalisation, plural folded), and within a document by shared acronym. Each cluster
//!   becomes one row with a stable id (the gazetteer id, or a slug of the canonical name), a
//!   canonical name (gazetteer name, or the most frequent full form), an acronym, the other
//!   forms seen in the corpus as `aliases`, and attributes decided by majority over its
//!   mentions (text first, gazetteer as fallback for dates).
//! - **Funding.** One row per monetary mention; `program` is the canonical name of the
//!   entity the figure pays for, `agreement_id` its id when it is an agreement.
//! - **Mentions.** One row per mention, offsets in Unicode code points (end-exclusive),
//!   with 40 code points of context each side.
//!
//! Every vector of the dataset is sorted by id, so the output does not depend on the
//! order in which documents finished.

mod entities;

pub use entities::normalize;
