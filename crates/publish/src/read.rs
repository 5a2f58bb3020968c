//! Reading published tables back, for `accord eval` and for tools that want rows without
//! depending on polars themselves.

use crate::{Error, Result};
use polars::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// One cell of a published table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Null.
    Null,
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float (amounts are currency units).
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A list of strings (`aliases`, `parties`, `doc_ids`, `warnings`).
    List(Vec<String>),
}

impl Cell {
    /// The string, if the cell is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Cell::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The list of strings, or an empty slice.
    pub fn as_list(&self) -> &[String] {
        match self {
            Cell::List(v) => v,
            _ => &[],
        }
    }

    /// A number as `f64` (integers included).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Cell::Float(f) => Some(*f),
            Cell::Int(i) => Some(*i as f64),
            _ => None,
        }
    }

    /// An integer.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            _ => None,
        }
    }
}

/// One row: column name → cell.
pub type Row = BTreeMap<String, Cell>;

fn cell(value: &AnyValue<'_>) -> Cell {
    match value {
        AnyValue::Null => Cell::Null,
        AnyValue::String(s) => Cell::Str((*s).to_owned()),
        AnyValue::StringOwned(s) => Cell::Str(s.to_string()),
        AnyValue::Boolean(b) => Cell::Bool(*b),
        AnyValue::Float64(f) => Cell::Float(*f),
        AnyValue::Float32(f) => Cell::Float(f64::from(*f)),
        AnyValue::Int64(i) => Cell::Int(*i),
        AnyValue::Int32(i) => Cell::Int(i64::from(*i)),
        AnyValue::UInt32(i) => Cell::Int(i64::from(*i)),
        AnyValue::List(series) => Cell::List(
            (0..series.len())
                .filter_map(|i| series.get(i).ok())
                .filter_map(|v| match cell(&v) {
                    Cell::Str(s) => Some(s),
                    _ => None,
                })
                .collect(),
        ),
        other => Cell::Str(other.to_string()),
    }
}

/// Reads every row of the Parquet file at `path`; a missing file is an empty table.
///
/// # Errors
/// [`Error::Io`] when the file cannot be opened, [`Error::Parquet`] when it is not Parquet.
pub fn read_rows(path: &Path) -> Result<Vec<Row>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let file = fs_err::File::open(path)?;
    let df = ParquetReader::new(file.into_parts().0)
        .finish()
        .map_err(|source| Error::Parquet {
            path: path.to_path_buf(),
            source,
        })?;
    let names: Vec<String> = df
        .get_column_names()
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut rows = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let mut row = Row::new();
        for (name, column) in names.iter().zip(df.columns()) {
            let value = column.get(i).map_err(|source| Error::Parquet {
                path: path.to_path_buf(),
                source,
            })?;
            row.insert(name.clone(), cell(&value));
        }
        rows.push(row);
    }
    Ok(rows)
}
