//! Parquet writing and the atomic swap of the output directory.

use crate::{Error, Result};
use fs_err as fs;
use polars::io::parquet::write::get_encodings;
use polars::prelude::*;
use polars_parquet::write::{
    CompressionOptions, FileWriter, RowGroupIterator, StatisticsOptions, Version, WriteOptions,
};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes `df` as Parquet (zstd, full statistics) at `path`, as one row group.
///
/// Strings are written as Arrow `large_string` and lists as `large_list<large_string>`
/// (polars' oldest compatibility level), never `string_view`, which older Arrow readers
/// cannot open. Output is deterministic: the same frame gives the same bytes.
///
/// # Errors
/// [`Error::Io`] when the file cannot be created or written, [`Error::Parquet`] when
/// encoding fails.
pub fn write_parquet(df: &DataFrame, path: &Path) -> Result<()> {
    let mut file = ParquetFile::create(path, df)?;
    file.write(df)?;
    file.finish()
}

/// A Parquet file written one row group at a time (see [`write_parquet`] for the
/// encoding), so that a table is never held whole: each frame passed to
/// [`ParquetFile::write`] is encoded, written and can then be dropped.
pub(crate) struct ParquetFile {
    path: PathBuf,
    schema: ArrowSchema,
    options: WriteOptions,
    writer: FileWriter<BufWriter<fs::File>>,
}

impl ParquetFile {
    /// Creates the file at `path` for frames with the columns of `like`.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be created, [`Error::Parquet`] when the schema
    /// cannot be written.
    pub(crate) fn create(path: &Path, like: &DataFrame) -> Result<Self> {
        let schema = like.schema().to_arrow(CompatLevel::oldest());
        let options = WriteOptions {
            statistics: StatisticsOptions::full(),
            version: Version::V2,
            compression: CompressionOptions::Zstd(None),
            data_page_size: None,
        };
        let file = fs::File::create(path)?;
        let writer = FileWriter::try_new(BufWriter::new(file), schema.clone(), options).map_err(
            |source| Error::Parquet {
                path: path.to_path_buf(),
                source,
            },
        )?;
        Ok(Self {
            path: path.to_path_buf(),
            schema,
            options,
            writer,
        })
    }

    /// Encodes and writes the rows of `df` (same columns as the frame the file was
    /// created for) as the next row group.
    ///
    /// # Errors
    /// [`Error::Io`] / [`Error::Parquet`] when writing or encoding fails.
    pub(crate) fn write(&mut self, df: &DataFrame) -> Result<()> {
        let parquet_err = |source| Error::Parquet {
            path: self.path.clone(),
            source,
        };
        let encodings = get_encodings(&self.schema);
        let mut df = df.clone();
        df.rechunk_mut();
        let batches = df.iter_chunks(CompatLevel::oldest(), false).map(Ok);
        let row_groups = RowGroupIterator::try_new(batches, &self.schema, self.options, encodings)
            .map_err(parquet_err)?;
        for group in row_groups {
            self.writer
                .write(u64::MAX, group.map_err(parquet_err)?)
                .map_err(parquet_err)?;
        }
        Ok(())
    }

    /// Writes the footer and flushes the file.
    ///
    /// # Errors
    /// [`Error::Io`] / [`Error::Parquet`] when writing fails.
    pub(crate) fn finish(mut self) -> Result<()> {
        let path = self.path;
        self.writer.end(None).map_err(|source| Error::Parquet {
            path: path.clone(),
            source,
        })?;
        self.writer.into_inner().flush()?;
        Ok(())
    }
}

pub(crate) struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
}

impl Staging {
    pub(crate) fn new(target: &Path) -> Result<Self> {
        // Replacing a folder deletes what is in it: only ever replace an earlier output.
        crate::output::check_output_dir(target)?;
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let dir = tempfile::Builder::new()
            .prefix(".accord-staging-")
            .tempdir_in(&parent)
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("creating a staging directory in {}: {e}", parent.display()),
                )
            })?;
        Ok(Self {
            dir,
            target: target.to_path_buf(),
        })
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Replaces the target directory with the staged one. The old output is moved aside
    /// first, into a fresh hidden folder beside it (never a name a user's file may have),
    /// and removed only after the new one is in place.
    pub(crate) fn commit(self) -> Result<()> {
        let parent = self.dir.path().parent().map(Path::to_path_buf);
        let staged = self.dir.keep();
        // Checked again: the folder may have changed since the run started.
        crate::output::check_output_dir(&self.target)?;
        let had_old = self.target.exists();
        if !had_old {
            fs::rename(&staged, &self.target)?;
            return Ok(());
        }
        let parent = parent.unwrap_or_else(|| PathBuf::from("."));
        let aside = tempfile::Builder::new()
            .prefix(".accord-old-")
            .tempdir_in(&parent)?;
        let backup = aside.path().join("old");
        fs::rename(&self.target, &backup)?;
        if let Err(err) = fs::rename(&staged, &self.target) {
            // Put the previous output back: a failed run leaves it as it was.
            let _ = fs::rename(&backup, &self.target);
            return Err(err.into());
        }
        drop(aside);
        Ok(())
    }
}
