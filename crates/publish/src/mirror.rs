//! The CSV mirror: `csv/<table>.csv`, one file per Parquet table, same columns in the same
//! order.

use crate::{Error, Result};
use fs_err as fs;
use polars::prelude::*;
use std::io::{BufWriter, Write as _};
use std::path::Path;

/// Writes `df` as CSV at `path`: UTF-8 without BOM, a header row of the column names, RFC 4180
/// quoting (a field is quoted when it holds a comma, a quote or a line break; quotes are
/// doubled), `\n` line ends.
///
/// Nulls are empty fields and empty strings are quoted (`""`), so readers that tell the
/// two apart (`DuckDB`, readr, Frictionless with the field's `missingValues: []` that
/// `datapackage.json` gives every required column) keep them apart; list columns are JSON arrays of strings (`["CAN","USA"]`, the
/// lexical form of the Table Schema `array` type, so Frictionless tools read them); booleans are
/// `true`/`false`; floats use Rust's shortest round-trip form without exponent
/// (`1400000000`, `0.4`), so the same frame gives the same bytes.
///
/// # Errors
/// [`Error::Csv`] when the file cannot be created or written.
pub fn write_csv(df: &DataFrame, path: &Path) -> Result<()> {
    let mut file = CsvFile::create(path, df)?;
    file.write(df)?;
    file.finish()
}

/// A CSV mirror file written a frame at a time (see [`write_csv`] for the format): the
/// header row when created, then the rows of each frame passed to [`CsvFile::write`].
pub(crate) struct CsvFile {
    path: std::path::PathBuf,
    writer: csv::Writer<BufWriter<fs::File>>,
}

impl CsvFile {
    /// Creates the file at `path` with the header row of `like`'s columns.
    ///
    /// # Errors
    /// [`Error::Csv`] when the file cannot be created or written.
    pub(crate) fn create(path: &Path, like: &DataFrame) -> Result<Self> {
        let file = fs::File::create(path)?;
        // Fields are quoted here (see `quote`), so the writer must not quote them again.
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .quote_style(csv::QuoteStyle::Never)
            .from_writer(BufWriter::new(file));
        writer
            .write_record(
                like.columns()
                    .iter()
                    .map(|c| quote(Some(c.name().as_str()))),
            )
            .map_err(|source| Error::Csv {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Self {
            path: path.to_path_buf(),
            writer,
        })
    }

    /// Appends the rows of `df` (same columns as the header).
    ///
    /// # Errors
    /// [`Error::Csv`] when writing fails, [`Error::Table`] when a cell cannot be read.
    pub(crate) fn write(&mut self, df: &DataFrame) -> Result<()> {
        let mut record: Vec<String> = Vec::with_capacity(df.width());
        for row in 0..df.height() {
            record.clear();
            for column in df.columns() {
                let value = column.get(row).map_err(|source| Error::Table {
                    table: "csv mirror",
                    source,
                })?;
                record.push(quote(cell(&value).as_deref()));
            }
            self.writer
                .write_record(&record)
                .map_err(|source| Error::Csv {
                    path: self.path.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Flushes the file.
    ///
    /// # Errors
    /// [`Error::Csv`] / [`Error::Io`] when flushing fails.
    pub(crate) fn finish(self) -> Result<()> {
        let path = self.path;
        let mut inner = self.writer.into_inner().map_err(|e| Error::Csv {
            path: path.clone(),
            source: csv::Error::from(e.into_error()),
        })?;
        inner.flush()?;
        Ok(())
    }
}

/// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break
/// (quotes doubled), and when it is an empty string rather than a null.
fn quote(value: Option<&str>) -> String {
    match value {
        None => String::new(),
        Some("") => "\"\"".to_owned(),
        Some(s) if s.contains([',', '"', '\n', '\r']) => format!("\"{}\"", s.replace('"', "\"\"")),
        Some(s) => s.to_owned(),
    }
}

/// A cell's text; `None` for a null.
fn cell(value: &AnyValue<'_>) -> Option<String> {
    Some(match value {
        AnyValue::Null => return None,
        AnyValue::String(s) => (*s).to_owned(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Boolean(b) => b.to_string(),
        AnyValue::Float64(f) => f.to_string(),
        AnyValue::List(series) => {
            let items: Vec<String> = (0..series.len())
                .filter_map(|i| series.get(i).ok())
                .map(|item| cell(&item).unwrap_or_default())
                .collect();
            serde_json::to_string(&items).unwrap_or_default()
        }
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn nulls_are_empty_and_empty_strings_are_quoted() {
        assert_eq!(quote(None), "");
        assert_eq!(quote(Some("")), "\"\"");
        assert_eq!(quote(Some("plain")), "plain");
        assert_eq!(quote(Some("a, \"b\"\nc")), "\"a, \"\"b\"\"\nc\"");
    }
}
