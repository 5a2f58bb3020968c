//! Plain-text rendering of tables for snapshot tests and quick looks.

use polars::prelude::*;
use std::fmt::Write as _;

/// Renders `df` as a `column: dtype` header line followed by one CSV line per row.
///
/// Lists are written `[a|b]`, nulls as empty fields, strings quoted when they contain a comma,
/// quote or newline. Unlike a `DataFrame`'s `Display`, the output never truncates and does not
/// depend on environment variables, so it is stable in snapshots.
pub fn render_table(df: &DataFrame) -> String {
    let mut out = String::new();
    let header: Vec<String> = df
        .columns()
        .iter()
        .map(|c| format!("{}: {}", c.name(), c.dtype()))
        .collect();
    out.push_str(&header.join(", "));
    out.push('\n');
    for row in 0..df.height() {
        let cells: Vec<String> = df
            .columns()
            .iter()
            .map(|c| c.get(row).map(|v| cell(&v)).unwrap_or_default())
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn cell(value: &AnyValue<'_>) -> String {
    match value {
        AnyValue::Null => String::new(),
        AnyValue::String(s) => quote(s),
        AnyValue::StringOwned(s) => quote(s),
        AnyValue::List(series) => {
            let items: Vec<String> = (0..series.len())
                .map(|i| series.get(i).map(|v| cell(&v)).unwrap_or_default())
                .collect();
            format!("[{}]", items.join("|"))
        }
        AnyValue::Float64(f) => {
            let mut s = String::new();
            let _ = write!(s, "{f}");
            s
        }
        other => other.to_string(),
    }
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '|', '[', ']']) {
        format!("\"{}\"", s.replace('"', "\"\"").replace('\n', "\\n"))
    } else {
        s.to_owned()
    }
}
