//! `accord eval`: precision, recall and F1 of published tables against gold annotations.
//!
//! A port of the project's scorer (`eval/score.py`, format in `eval/GOLD.md`) that prints
//! the same numbers: rows match gold items on the normalised form of any name, acronym or
//! alias (entity tables), or on currency and an amount within 0.5% (funding); one row
//! matches at most one item; required items are matched first; attribute accuracy is
//! computed over matched required items, on the attributes the gold states.

use accord_core::normalize_key;
use accord_publish::{Cell, Row, read_rows};
use anyhow::{Context, Result};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const TABLES: [&str; 4] = ["agreements", "working_groups", "agencies", "funding"];

/// Counts and rates of one table.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct TableScore {
    /// True positives (matched required items).
    pub tp: usize,
    /// False positives (rows matching no item).
    pub fp: usize,
    /// False negatives (required items no row matches).
    pub fn_: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Attribute accuracy over matched required items, in order of first appearance.
    pub attributes: Vec<(String, f64)>,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Evaluation {
    /// Scores per table, in the order agreements, working groups, agencies, funding.
    pub tables: Vec<(String, TableScore)>,
    /// Mean F1 over the four tables.
    pub macro_f1: f64,
    /// Tables with no Parquet file.
    pub missing_tables: Vec<String>,
    /// `MISSED` / `SPURIOUS` lines, per document.
    pub errors: Vec<String>,
}

fn norm(text: &str) -> String {
    normalize_key(text)
}

fn s(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| !s.is_empty())
}

fn gold_keys(item: &Value) -> BTreeSet<String> {
    let mut names: Vec<&str> = s(&item["name"]).into_iter().collect();
    if let Some(a) = item["aliases"].as_array() {
        names.extend(a.iter().filter_map(s));
    }
    names
        .into_iter()
        .map(norm)
        .filter(|n| !n.is_empty())
        .collect()
}

fn row_str<'a>(row: &'a Row, key: &str) -> Option<&'a str> {
    row.get(key)
        .and_then(Cell::as_str)
        .filter(|s| !s.is_empty())
}

fn row_keys(row: &Row) -> BTreeSet<String> {
    let mut names: Vec<&str> = [row_str(row, "name"), row_str(row, "acronym")]
        .into_iter()
        .flatten()
        .collect();
    names.extend(
        row.get("aliases")
            .map_or(&[][..], Cell::as_list)
            .iter()
            .map(String::as_str),
    );
    names
        .into_iter()
        .map(norm)
        .filter(|n| !n.is_empty())
        .collect()
}

fn matches(table: &str, row: &Row, item: &Value) -> bool {
    if table == "funding" {
        let (Some(amount), Some(gold)) = (
            row.get("amount").and_then(Cell::as_f64),
            item["amount"].as_f64(),
        ) else {
            return false;
        };
        let cur = row_str(row, "currency").unwrap_or("").to_uppercase();
        if cur != s(&item["currency"]).unwrap_or("").to_uppercase() {
            return false;
        }
        return (amount - gold).abs() <= 0.005 * gold.abs();
    }
    !row_keys(row).is_disjoint(&gold_keys(item))
}

fn year(value: Option<&str>) -> Option<String> {
    let v = value?;
    let y = v.get(..4)?;
    y.chars().all(|c| c.is_ascii_digit()).then(|| y.to_owned())
}

fn alias_index(gold: &Value) -> HashMap<String, BTreeSet<String>> {
    let mut index: HashMap<String, BTreeSet<String>> = HashMap::new();
    for table in ["agreements", "agencies"] {
        for item in gold[table].as_array().into_iter().flatten() {
            let keys = gold_keys(item);
            for k in &keys {
                index
                    .entry(k.clone())
                    .or_default()
                    .extend(keys.iter().cloned());
            }
        }
    }
    index
}

fn same_entity(
    value: Option<&str>,
    gold_name: &str,
    aliases: &HashMap<String, BTreeSet<String>>,
) -> bool {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return false;
    };
    let key = norm(gold_name);
    aliases
        .get(&key)
        .map_or_else(|| norm(value) == key, |names| names.contains(&norm(value)))
}

fn attribute_checks(
    table: &str,
    row: &Row,
    item: &Value,
    aliases: &HashMap<String, BTreeSet<String>>,
) -> Vec<(&'static str, bool)> {
    let mut out = Vec::new();
    match table {
        "agreements" => {
            if let Some(parties) = item["parties"].as_array().filter(|p| !p.is_empty()) {
                let mut gold: Vec<&str> = parties.iter().filter_map(Value::as_str).collect();
                gold.sort_unstable();
                let mut ours: Vec<&str> = row
                    .get("parties")
                    .map_or(&[][..], Cell::as_list)
                    .iter()
                    .map(String::as_str)
                    .collect();
                ours.sort_unstable();
                out.push(("parties", ours == gold));
            }
            if let Some(signed) = s(&item["signed"]) {
                out.push((
                    "signed_year",
                    year(row_str(row, "signed")) == year(Some(signed)),
                ));
            }
            if let Some(kind) = s(&item["kind"]) {
                out.push(("kind", row_str(row, "kind") == Some(kind)));
            }
        }
        "agencies" => {
            if let Some(country) = s(&item["country"]) {
                out.push(("country", row_str(row, "country").unwrap_or("") == country));
            }
            if let Some(kind) = s(&item["kind"]) {
                out.push(("kind", row_str(row, "kind") == Some(kind)));
            }
        }
        "working_groups" => {
            if let Some(pillar) = s(&item["pillar"]) {
                out.push(("pillar", row_str(row, "pillar") == Some(pillar)));
            }
            if let Some(agreement) = s(&item["agreement"]) {
                out.push((
                    "agreement",
                    same_entity(row_str(row, "agreement"), agreement, aliases),
                ));
            }
        }
        _ => {
            if let Some(period) = s(&item["period"]).filter(|p| *p != "unknown") {
                out.push(("period", row_str(row, "period") == Some(period)));
            }
            if let Some(program) = s(&item["program"]) {
                out.push((
                    "program",
                    same_entity(row_str(row, "program"), program, aliases),
                ));
            }
            if let Some(start) = item["start_year"].as_i64().filter(|y| *y != 0) {
                out.push((
                    "start_year",
                    row.get("start_year").and_then(Cell::as_i64) == Some(start),
                ));
            }
        }
    }
    out
}

fn describe(table: &str, thing: Describe<'_>) -> String {
    match thing {
        Describe::Gold(item) if table == "funding" => format!(
            "{} {} ({})",
            python_number(&item["amount"]),
            s(&item["currency"]).unwrap_or("None"),
            s(&item["quote"])
                .or_else(|| s(&item["program"]))
                .unwrap_or("")
        ),
        Describe::Row(row) if table == "funding" => format!(
            "{} {} ({})",
            row.get("amount")
                .and_then(Cell::as_f64)
                .map_or("None".to_owned(), |a| format!("{a:?}")),
            row_str(row, "currency").unwrap_or("None"),
            row_str(row, "quote")
                .or_else(|| row_str(row, "program"))
                .unwrap_or("")
        ),
        Describe::Gold(item) => s(&item["name"]).unwrap_or("?").to_owned(),
        Describe::Row(row) => {
            let name = row_str(row, "name").unwrap_or("?");
            row_str(row, "acronym").map_or(name.to_owned(), |a| format!("{name} [{a}]"))
        }
    }
}

#[derive(Clone, Copy)]
enum Describe<'a> {
    Gold(&'a Value),
    Row(&'a Row),
}

fn python_number(v: &Value) -> String {
    v.as_i64().map_or_else(
        || v.as_f64().map_or("None".to_owned(), |f| format!("{f:?}")),
        |i| i.to_string(),
    )
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        1.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn gold_files(gold: &Path) -> Result<Vec<PathBuf>> {
    if gold.is_file() {
        return Ok(vec![gold.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![gold.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs_err::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    // The order of Python's sorted(Path.rglob(...)): by path components.
    out.sort_by(|a, b| a.components().cmp(b.components()));
    Ok(out)
}

/// Scores the tables in `tables` against the gold files in `gold` (a folder searched
/// recursively for `*.json`, or one file).
///
/// # Errors
/// When a gold file cannot be read or parsed, or a table cannot be read.
pub fn evaluate(gold: &Path, tables: &Path) -> Result<Evaluation> {
    let files = gold_files(gold)?;
    anyhow::ensure!(!files.is_empty(), "no gold files under {}", gold.display());
    let golds: Vec<Value> = files
        .iter()
        .map(|p| {
            let text = fs_err::read_to_string(p)?;
            serde_json::from_str(&text)
                .with_context(|| format!("{} is not valid JSON", p.display()))
        })
        .collect::<Result<_>>()?;
    let mut rows: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
    let mut missing = Vec::new();
    for t in TABLES {
        let path = tables.join(format!("{t}.parquet"));
        if !path.exists() {
            missing.push(t.to_owned());
        }
        rows.insert(
            t,
            read_rows(&path).with_context(|| format!("cannot read {}", path.display()))?,
        );
    }
    let mut eval = Evaluation {
        missing_tables: missing,
        ..Evaluation::default()
    };
    let mut errors: Vec<(String, Vec<String>)> = Vec::new();
    for table in TABLES {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        let mut attrs: Vec<(String, Vec<bool>)> = Vec::new();
        for gold in &golds {
            let doc = gold["doc_id"].as_str().unwrap_or_default();
            let doc_rows: Vec<&Row> = rows[table]
                .iter()
                .filter(|r| {
                    if table == "funding" {
                        row_str(r, "doc_id") == Some(doc)
                    } else {
                        r.get("doc_ids")
                            .map_or(&[][..], Cell::as_list)
                            .iter()
                            .any(|d| d == doc)
                    }
                })
                .collect();
            let aliases = alias_index(gold);
            let mut items: Vec<&Value> = gold[table].as_array().into_iter().flatten().collect();
            items.sort_by_key(|it| !it["required"].as_bool().unwrap_or(true));
            let mut used = BTreeSet::new();
            let mut lines = Vec::new();
            for item in items {
                let required = item["required"].as_bool().unwrap_or(true);
                let hit = (0..doc_rows.len())
                    .find(|i| !used.contains(i) && matches(table, doc_rows[*i], item));
                match hit {
                    None if required => {
                        fn_ += 1;
                        lines.push(format!(
                            "MISSED   {doc} {table}: {}",
                            describe(table, Describe::Gold(item))
                        ));
                    }
                    None => {}
                    Some(i) => {
                        used.insert(i);
                        if required {
                            tp += 1;
                            for (k, ok) in attribute_checks(table, doc_rows[i], item, &aliases) {
                                match attrs.iter_mut().find(|(name, _)| name == k) {
                                    Some((_, v)) => v.push(ok),
                                    None => attrs.push((k.to_owned(), vec![ok])),
                                }
                            }
                        }
                    }
                }
            }
            for (i, row) in doc_rows.iter().enumerate() {
                if !used.contains(&i) {
                    fp += 1;
                    lines.push(format!(
                        "SPURIOUS {doc} {table}: {}",
                        describe(table, Describe::Row(row))
                    ));
                }
            }
            match errors.iter_mut().find(|(d, _)| d == doc) {
                Some((_, v)) => v.extend(lines),
                None => errors.push((doc.to_owned(), lines)),
            }
        }
        let (precision, recall, f1) = prf(tp, fp, fn_);
        let attributes = attrs
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k, v.iter().filter(|b| **b).count() as f64 / v.len() as f64))
            .collect();
        eval.tables.push((
            table.to_owned(),
            TableScore {
                tp,
                fp,
                fn_,
                precision,
                recall,
                f1,
                attributes,
            },
        ));
    }
    // MISSED before SPURIOUS within each document and table, as the Python scorer prints.
    for (_, lines) in errors {
        eval.errors.extend(lines);
    }
    eval.macro_f1 = eval.tables.iter().map(|(_, t)| t.f1).sum::<f64>() / TABLES.len() as f64;
    Ok(eval)
}

/// The report as the Python scorer prints it.
pub fn render(eval: &Evaluation, show_errors: bool) -> String {
    let width = TABLES.iter().map(|t| t.len()).max().unwrap_or(5);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:>6} {:>6} {:>6}   tp  fp  fn  attributes",
        "table", "P", "R", "F1"
    );
    for (table, t) in &eval.tables {
        let attrs: Vec<String> = t
            .attributes
            .iter()
            .map(|(k, v)| format!("{k}={v:.2}"))
            .collect();
        let _ = writeln!(
            out,
            "{table:<width$}  {:6.3} {:6.3} {:6.3} {:4}{:4}{:4}  {}",
            t.precision,
            t.recall,
            t.f1,
            t.tp,
            t.fp,
            t.fn_,
            attrs.join(", ")
        );
    }
    let _ = writeln!(out, "macro F1 over tables: {:.3}", eval.macro_f1);
    if !eval.missing_tables.is_empty() {
        let _ = writeln!(out, "missing tables: {}", eval.missing_tables.join(", "));
    }
    if show_errors {
        for line in &eval.errors {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}
