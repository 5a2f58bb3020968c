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
//! - each table written one row group at a time (at most 65,536 rows, and at most 32 MB
//!   of text in a row group of `documents`), so that publishing holds one row group's
//!   frame besides the dataset, never a whole table;
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

/// Writes table `name` of `dataset` into `root` as Parquet and, with `csv`, as its CSV
/// mirror, one row group at a time ([`tables::row_groups`]): only one row group's frame is
/// held at once. Returns the files written (relative to `root`) and the row count.
fn write_table(
    dataset: &Dataset,
    name: &'static str,
    root: &Path,
    csv: bool,
    limits: tables::RowGroupLimits,
) -> Result<(Vec<String>, usize)> {
    let parquet = parquet_path(name);
    let mirror = format!("csv/{name}.csv");
    let mut files: Option<(writer::ParquetFile, Option<mirror::CsvFile>)> = None;
    let mut rows = 0;
    for range in tables::row_groups(dataset, name, limits) {
        let df = tables::build_chunk(dataset, name, range)?;
        if files.is_none() {
            let pq = writer::ParquetFile::create(&root.join(&parquet), &df)?;
            let mirrored = if csv {
                Some(mirror::CsvFile::create(&root.join(&mirror), &df)?)
            } else {
                None
            };
            files = Some((pq, mirrored));
        }
        let Some((pq, mirrored)) = &mut files else {
            unreachable!("the files are created for the first row group")
        };
        pq.write(&df)?;
        if let Some(m) = mirrored {
            m.write(&df)?;
        }
        rows += df.height();
    }
    let mut written = Vec::new();
    if let Some((pq, mirrored)) = files {
        pq.finish()?;
        written.push(parquet);
        if let Some(m) = mirrored {
            m.finish()?;
            written.push(mirror);
        }
    }
    Ok((written, rows))
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
    for name in TABLES {
        let (file, rows) = write_table(
            dataset,
            name,
            root,
            options.csv,
            tables::RowGroupLimits::default(),
        )?;
        report.files.extend(file);
        report.rows.insert(name, rows);
        tracing::debug!(table = name, rows, "Wrote table.");
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

#[cfg(test)]
mod tests {
    use super::{parquet_path, read_rows, tables, write_table};
    use accord_core::{Block, BlockKind, Dataset, Document, Format, MentionRecord, Span};

    /// `n` documents of 30 bytes with two blocks and one mention each.
    fn corpus(n: usize) -> Dataset {
        let mut ds = Dataset::default();
        for i in 0..n {
            let text = format!("Document {i:03} opens. Then it ends.");
            let doc_id = format!("d{i:03}");
            ds.mentions.push(MentionRecord {
                mention_id: format!("{doc_id}:0000000-0000008:agency"),
                doc_id: doc_id.clone(),
                entity_type: "agency".into(),
                entity_id: "document".into(),
                char_start: 0,
                char_end: 8,
                quote: "Document".into(),
                prefix: String::new(),
                suffix: format!(" {i:03}"),
                block_kind: "paragraph".into(),
                rule: "test".into(),
            });
            ds.documents.push(Document {
                doc_id,
                path: format!("d{i:03}.txt"),
                format: Format::Text,
                title: None,
                sha256: "00".repeat(32),
                blocks: vec![
                    Block::new(BlockKind::Paragraph, Span::new(0, 19)),
                    Block::new(BlockKind::Paragraph, Span::new(20, text.len())),
                ],
                text,
                notes: Vec::new(),
                warnings: Vec::new(),
            });
        }
        ds
    }

    #[test]
    fn row_groups_split_by_rows_and_text_and_cover_every_item_in_order() {
        let ds = corpus(7);
        let limits = tables::RowGroupLimits {
            rows: 3,
            text_bytes: 70,
        };
        // 35 bytes of text each: two documents per group by text, three rows by count.
        assert_eq!(
            tables::row_groups(&ds, "documents", limits),
            vec![0..2, 2..4, 4..6, 6..7]
        );
        // Two blocks per document: at most three rows, so one document per group...
        assert_eq!(
            tables::row_groups(&ds, "blocks", limits),
            (0..7).map(|i| i..i + 1).collect::<Vec<_>>()
        );
        assert_eq!(
            tables::row_groups(&ds, "mentions", limits),
            vec![0..3, 3..6, 6..7]
        );
        // ...and an empty table is one empty group, so its file is still written.
        assert_eq!(tables::row_groups(&ds, "agreements", limits), vec![0..0]);
        // One item heavier than the limit is a group of its own.
        let tiny = tables::RowGroupLimits {
            rows: 1,
            text_bytes: 1,
        };
        assert_eq!(tables::row_groups(&ds, "blocks", tiny).len(), 7);
        assert_eq!(tables::row_groups(&ds, "documents", tiny).len(), 7);
    }

    #[test]
    fn a_table_written_in_row_groups_reads_back_as_the_table_written_whole() {
        let ds = corpus(7);
        let split = tempfile::tempdir().expect("tempdir");
        let whole = tempfile::tempdir().expect("tempdir");
        for dir in [split.path(), whole.path()] {
            std::fs::create_dir(dir.join("csv")).expect("csv dir");
        }
        let small = tables::RowGroupLimits {
            rows: 3,
            text_bytes: 70,
        };
        for name in ["documents", "blocks", "mentions", "agreements"] {
            let (files, rows) = write_table(&ds, name, split.path(), true, small).expect("split");
            let (files_whole, rows_whole) = write_table(
                &ds,
                name,
                whole.path(),
                true,
                tables::RowGroupLimits::default(),
            )
            .expect("whole");
            assert_eq!((&files, rows), (&files_whole, rows_whole), "{name}");
            let file = parquet_path(name);
            let read = |dir: &std::path::Path| read_rows(&dir.join(&file)).expect("read");
            assert_eq!(read(split.path()), read(whole.path()), "{name}");
            assert_eq!(read(split.path()).len(), rows, "{name}");
            let csv = format!("csv/{name}.csv");
            let bytes = |dir: &std::path::Path| std::fs::read(dir.join(&csv)).expect("csv");
            assert_eq!(bytes(split.path()), bytes(whole.path()), "{name}");
            let groups = |dir: &std::path::Path| {
                let mut f = std::fs::File::open(dir.join(&file)).expect("open");
                polars_parquet::read::read_metadata(&mut f)
                    .expect("metadata")
                    .row_groups
                    .len()
            };
            let expected = tables::row_groups(&ds, name, small).len();
            if rows > 0 {
                assert_eq!(groups(split.path()), expected, "{name}");
                assert_eq!(groups(whole.path()), 1, "{name}");
            }
        }
    }
}
