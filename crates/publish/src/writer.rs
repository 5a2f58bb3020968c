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

/// Writes `df` as Parquet (zstd, full statistics) at `path`.
///
/// Strings are written as Arrow `large_string` and lists as `large_list<large_string>`
/// (polars' oldest compatibility level), never `string_view`, which older Arrow readers
/// cannot open. Output is deterministic: the same frame gives the same bytes.
///
/// # Errors
/// [`Error::Io`] when the file cannot be created or written, [`Error::Parquet`] when
/// encoding fails.
pub fn write_parquet(df: &DataFrame, path: &Path) -> Result<()> {
    let parquet_err = |source| Error::Parquet {
        path: path.to_path_buf(),
        source,
    };
    let compat = CompatLevel::oldest();
    let schema = df.schema().to_arrow(compat);
    let options = WriteOptions {
        statistics: StatisticsOptions::full(),
        version: Version::V2,
        compression: CompressionOptions::Zstd(None),
        data_page_size: None,
    };
    let encodings = get_encodings(&schema);
    let mut df = df.clone();
    df.rechunk_mut();
    let batches = df.iter_chunks(compat, false).map(Ok);
    let row_groups =
        RowGroupIterator::try_new(batches, &schema, options, encodings).map_err(parquet_err)?;
    let file = fs::File::create(path)?;
    let mut writer =
        FileWriter::try_new(BufWriter::new(file), schema, options).map_err(parquet_err)?;
    for group in row_groups {
        writer
            .write(u64::MAX, group.map_err(parquet_err)?)
            .map_err(parquet_err)?;
    }
    writer.end(None).map_err(parquet_err)?;
    writer.into_inner().flush()?;
    Ok(())
}

/// A staging directory beside the final output, renamed into place by [`Staging::commit`].
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
