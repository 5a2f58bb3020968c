//! accord publish stage: `Dataset` → files.
//!
//! Writes one Parquet file per table of the contract in `DESIGN.md` (`documents`, `blocks`,
//! `mentions`, `agreements`, `working_groups`, `agencies`, `funding`, `failures`) plus a
//! `manifest.json`, into a staging directory beside the output that is then renamed into
//! place: a reader never sees a half-written output, and a failed run leaves the previous
//! output intact.
//!
//! Guarantees:
//! - zstd-compressed Parquet with statistics; strings as Arrow `large_string`, lists as
//!   `large_list<large_string>` (never `string_view`), amounts as `double`;
//! - deterministic bytes: the same dataset gives byte-identical files (rows are written in
//!   the dataset's order, which the normalize stage sorts by id).
//!
//! This is the only crate of the workspace that depends on polars.
//!
//! ```no_run
//! # fn main() -> Result<(), accord_publish::Error> {
//! let dataset = accord_core::Dataset::default();
//! let report = accord_publish::publish(&dataset, &accord_publish::Manifest::default(), "out".as_ref())?;
//! assert_eq!(report.rows["agreements"], 0);
//! # Ok(()) }
//! ```

mod error;
mod manifest;
mod render;
mod tables;
mod writer;

pub use error::{Error, Result};
pub use manifest::{Input, Manifest};
pub use render::render_table;
pub use tables::{TABLES, build_tables};
pub use writer::write_parquet;

use accord_core::Dataset;
use std::collections::BTreeMap;
use std::path::Path;

/// What [`publish`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Row count per table name.
    pub rows: BTreeMap<&'static str, usize>,
}

/// Writes every table of `dataset` and `manifest.json` to `out_dir`, replacing it atomically.
///
/// # Errors
/// [`Error::Io`] when the staging directory cannot be created, written or renamed;
/// [`Error::Parquet`] / [`Error::Table`] / [`Error::Json`] when encoding fails.
pub fn publish(dataset: &Dataset, manifest: &Manifest, out_dir: &Path) -> Result<Report> {
    let staging = writer::Staging::new(out_dir)?;
    let mut report = Report::default();
    for (name, df) in build_tables(dataset)? {
        let path = staging.path().join(format!("{name}.parquet"));
        write_parquet(&df, &path)?;
        report.rows.insert(name, df.height());
        tracing::debug!(table = name, rows = df.height(), "Wrote table.");
    }
    manifest.write(&staging.path().join("manifest.json"), &report)?;
    staging.commit()?;
    Ok(report)
}
