//! accord publish stage: `Dataset` → files.
//!
//! Writes, into a staging directory beside the output that is then renamed into place (a
//! reader never sees a half-written output, and a failed run leaves the previous output
//! intact):
//!
//! - `<table>.parquet`, one per table of the contract in `DESIGN.md` (`documents`, `blocks`,
//!   `mentions`, `agreements`, `working_groups`, `agencies`, `funding`, `failures`);
//! - `csv/<table>.csv`, a CSV mirror of every table (unless [`Options::csv`] is off);
//! - `datapackage.json`, a Frictionless Tabular Data Package describing the CSV mirror (the
//!   format every Frictionless tool reads and validates; the Parquet tables have the same
//!   columns), or the Parquet tables when there is no mirror;
//! - `CODEBOOK.md`, the columns of every table and the coding rules;
//! - `report.html`, a static overview page (inline CSS and SVG, no JavaScript);
//! - `manifest.json`, the inputs with their SHA-256, the accord version and the row counts.
//!
//! One description of the tables, [`SCHEMA`], drives `datapackage.json`, `CODEBOOK.md` and a
//! test that the Parquet columns match it.
//!
//! Guarantees:
//! - zstd-compressed Parquet with statistics; strings as Arrow `large_string`, lists as
//!   `large_list<large_string>` (never `string_view`), amounts as `double`;
//! - deterministic bytes: the same dataset gives byte-identical files (rows are written in
//!   the dataset's order, which the normalize stage sorts by id; no timestamps; JSON keys
//!   in a fixed order; floats in Rust's shortest round-trip form).
//!
//! This is the only crate of the workspace that depends on polars.
//!
//! ```no_run
//! # fn main() -> Result<(), accord_publish::Error> {
//! let dataset = accord_core::Dataset::default();
//! let manifest = accord_publish::Manifest::default();
//! let options = accord_publish::Options { csv: true };
//! let report = accord_publish::publish_with(&dataset, &manifest, "out".as_ref(), &options)?;
//! assert_eq!(report.rows["agreements"], 0);
//! assert!(report.files.contains(&"csv/agreements.csv".to_owned()));
//! # Ok(()) }
//! ```

mod codebook;
mod datapackage;
mod error;
mod manifest;
mod mirror;
mod output;
mod read;
mod render;
mod report;
mod reuse;
mod schema;
mod tables;
mod writer;

pub use codebook::{CODING_RULES, codebook_markdown};
pub use datapackage::datapackage_json;
pub use error::{Error, Result};
pub use manifest::{Input, Manifest};
pub use mirror::write_csv;
pub use output::{MARKER_HEADER, OUTPUT_MARKER, check_output_dir};
pub use read::{Cell, Row, read_rows};
pub use render::render_table;
pub use report::report_html;
pub use reuse::{current_rows, fingerprint};
pub use schema::{Field, FieldType, ForeignKey, SCHEMA, TableSchema, Vocabulary, table_schema};
pub use tables::{TABLES, build_tables};
pub use writer::write_parquet;

use accord_core::Dataset;
use fs_err as fs;
use std::collections::BTreeMap;
use std::path::Path;

/// What [`publish`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Row count per table name.
    pub rows: BTreeMap<&'static str, usize>,
    /// Files written, relative to the output directory, `/`-separated, sorted.
    pub files: Vec<String>,
}

/// What [`publish_with`] writes besides the Parquet tables, `datapackage.json`,
/// `CODEBOOK.md`, `report.html` and `manifest.json` (always written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Write `csv/<table>.csv` for every table (see [`write_csv`]: UTF-8, header row, RFC
    /// 4180 quoting, lists as JSON arrays, nulls as empty fields), described by
    /// `datapackage.json`. On by default.
    pub csv: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { csv: true }
    }
}

/// File name of a table's Parquet file, relative to the output directory.
pub(crate) fn parquet_path(table: &str) -> String {
    format!("{table}.parquet")
}

/// Writes every table of `dataset` with the default [`Options`] (with the CSV mirror): see
/// [`publish_with`].
///
/// # Errors
/// As [`publish_with`].
pub fn publish(dataset: &Dataset, manifest: &Manifest, out_dir: &Path) -> Result<Report> {
    publish_with(dataset, manifest, out_dir, &Options::default())
}

/// Writes every table of `dataset` as Parquet, `datapackage.json`, `CODEBOOK.md`,
/// `report.html`, `manifest.json` and, when `options.csv`, `csv/<table>.csv`, replacing
/// `out_dir` atomically. Byte-identical output for the same arguments.
///
/// # Errors
/// [`Error::NotAFolder`] / [`Error::NotAnOutput`] when `out_dir` is not accord's to replace;
/// [`Error::Io`] when the staging directory cannot be created, written or renamed;
/// [`Error::Parquet`] / [`Error::Csv`] / [`Error::Table`] / [`Error::Json`] when encoding
/// fails.
pub fn publish_with(
    dataset: &Dataset,
    manifest: &Manifest,
    out_dir: &Path,
    options: &Options,
) -> Result<Report> {
    let staging = writer::Staging::new(out_dir)?;
    let root = staging.path();
    let mut report = Report::default();
    if options.csv {
        fs::create_dir(root.join("csv"))?;
    }
    for (name, df) in build_tables(dataset)? {
        let file = parquet_path(name);
        write_parquet(&df, &root.join(&file))?;
        report.files.push(file);
        if options.csv {
            let file = format!("csv/{name}.csv");
            write_csv(&df, &root.join(&file))?;
            report.files.push(file);
        }
        report.rows.insert(name, df.height());
        tracing::debug!(table = name, rows = df.height(), "Wrote table.");
    }
    let texts = [
        ("datapackage.json", datapackage_json(manifest, options.csv)),
        ("CODEBOOK.md", codebook_markdown()),
        ("report.html", report_html(dataset, manifest)),
    ];
    for (file, text) in texts {
        fs::write(root.join(file), text)?;
        report.files.push(file.to_owned());
    }
    report.files.push("manifest.json".to_owned());
    report.files.push(OUTPUT_MARKER.to_owned());
    report.files.sort();
    let run_id = manifest.write(&root.join("manifest.json"), &report)?;
    fs::write(root.join(OUTPUT_MARKER), output::marker_text(&run_id))?;
    staging.commit()?;
    Ok(report)
}
