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
/// Nulls are empty fields; list columns are JSON arrays of strings (`["CAN","USA"]`, the
/// lexical form of the Table Schema `array` type, so Frictionless tools read them); booleans are
/// `true`/`false`; floats use Rust's shortest round-trip form without exponent
/// (`1400000000`, `0.4`), so the same frame gives the same bytes.
///
/// # Errors
/// [`Error::Csv`] when the file cannot be created or written.
pub fn write_csv(df: &DataFrame, path: &Path) -> Result<()> {
    let csv_err = |source| Error::Csv {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::create(path)?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(BufWriter::new(file));
    writer
        .write_record(df.columns().iter().map(|c| c.name().as_str()))
        .map_err(csv_err)?;
    let mut record: Vec<String> = Vec::with_capacity(df.width());
    for row in 0..df.height() {
        record.clear();
        for column in df.columns() {
            let value = column.get(row).map_err(|source| Error::Table {
                table: "csv mirror",
                source,
            })?;
            record.push(cell(&value));
        }
        writer.write_record(&record).map_err(csv_err)?;
    }
    let mut inner = writer
        .into_inner()
        .map_err(|e| csv_err(csv::Error::from(e.into_error())))?;
    inner.flush()?;
    Ok(())
}

fn cell(value: &AnyValue<'_>) -> String {
    match value {
        AnyValue::Null => String::new(),
        AnyValue::String(s) => (*s).to_owned(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Boolean(b) => b.to_string(),
        AnyValue::Float64(f) => f.to_string(),
        AnyValue::List(series) => {
            let items: Vec<String> = (0..series.len())
                .filter_map(|i| series.get(i).ok())
                .map(|item| cell(&item))
                .collect();
            serde_json::to_string(&items).unwrap_or_default()
        }
        other => other.to_string(),
    }
}
