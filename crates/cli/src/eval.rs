//! `accord eval`: precision, recall and F1 of published tables against gold annotations.
//!
//! A port of the project's scorer (`tests/eval/score.py`, format in `tests/eval/GOLD.md`)
//! that prints the same numbers. Gold files are checked against the format first
//! ([`crate::gold`]); a problem is an error, never a silent zero. Scoring: rows match gold items on the normalised form of any name, acronym or
//! alias (entity tables), or on currency and an amount within 0.5% (funding); one row
//! matches at most one item; required items are matched first; attribute accuracy is
//! computed over matched required items, on the attributes the gold states; the macro F1 is
//! the mean over the tables that have something to score (a gold item or a row).

use accord_core::normalize_key;
use accord_publish::{Cell, Row, read_rows};
use anyhow::{Context, Result, bail, ensure};
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
    #[serde(rename = "fn")]
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
    /// Scores per gold document (in gold file order), then per table.
    pub documents: Vec<(String, Vec<(String, TableScore)>)>,
    /// Mean F1 over the tables with a gold item or a row (see `scored_tables`).
    pub macro_f1: f64,
    /// The tables the macro F1 averages: those with a gold item or a row. A table with
    /// neither scores F1 1.0 by convention, which would only inflate the mean.
    pub scored_tables: Vec<String>,
    /// Tables with no Parquet file.
    pub missing_tables: Vec<String>,
    /// `MISSED` / `WRONG` / `SPURIOUS` lines, per document.
    pub errors: Vec<String>,
}

impl TableScore {
    fn from_counts(tp: usize, fp: usize, fn_: usize, attributes: Vec<(String, f64)>) -> Self {
        let (precision, recall, f1) = prf(tp, fp, fn_);
        Self {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1,
            attributes,
        }
    }

    fn to_json(&self) -> Value {
        let attributes: serde_json::Map<String, Value> = self
            .attributes
            .iter()
            .map(|(k, v)| (k.clone(), Value::from(*v)))
            .collect();
        serde_json::json!({
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn_,
            "attributes": attributes,
        })
    }
}

impl Evaluation {
    /// The result as `--json` writes it: `{tables: {name: {precision, recall, f1, tp, fp,
    /// fn, attributes: {name: accuracy}}}, documents: {doc_id: {table: {…}}}, macro_f1,
    /// scored_tables, missing_tables}`.
    pub fn to_json(&self) -> Value {
        let tables = |scores: &[(String, TableScore)]| -> serde_json::Map<String, Value> {
            scores
                .iter()
                .map(|(t, score)| (t.clone(), score.to_json()))
                .collect()
        };
        let documents: serde_json::Map<String, Value> = self
            .documents
            .iter()
            .map(|(doc, scores)| (doc.clone(), Value::Object(tables(scores))))
            .collect();
        serde_json::json!({
            "tables": tables(&self.tables),
            "documents": documents,
            "macro_f1": self.macro_f1,
            "scored_tables": self.scored_tables,
            "missing_tables": self.missing_tables,
        })
    }
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

/// A value as `--show-errors` prints it: lists in brackets, `(none)` for a missing value.
fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "(none)".to_owned(), str::to_owned)
}

fn shown_list(items: &[&str]) -> String {
    format!("[{}]", items.join(", "))
}

/// One checked attribute: name, right or not, the gold value and the row's, as printed.
type Check = (&'static str, bool, String, String);

fn attribute_checks(
    table: &str,
    row: &Row,
    item: &Value,
    aliases: &HashMap<String, BTreeSet<String>>,
) -> Vec<Check> {
    let mut out: Vec<Check> = Vec::new();
    let mut same = |name: &'static str, ok: bool, gold: String, got: String| {
        out.push((name, ok, gold, got));
    };
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
                same(
                    "parties",
                    ours == gold,
                    shown_list(&gold),
                    shown_list(&ours),
                );
            }
            if let Some(signed) = s(&item["signed"]) {
                let (gold, got) = (year(Some(signed)), year(row_str(row, "signed")));
                same(
                    "signed_year",
                    got == gold,
                    shown(gold.as_deref()),
                    shown(got.as_deref()),
                );
            }
            if let Some(kind) = s(&item["kind"]) {
                let got = row_str(row, "kind");
                same("kind", got == Some(kind), kind.to_owned(), shown(got));
            }
        }
        "agencies" => {
            if let Some(country) = s(&item["country"]) {
                let got = row_str(row, "country");
                same(
                    "country",
                    got.unwrap_or("") == country,
                    country.to_owned(),
                    shown(got),
                );
            }
            if let Some(kind) = s(&item["kind"]) {
                let got = row_str(row, "kind");
                same("kind", got == Some(kind), kind.to_owned(), shown(got));
            }
        }
        "working_groups" => {
            if let Some(pillar) = s(&item["pillar"]) {
                let got = row_str(row, "pillar");
                same("pillar", got == Some(pillar), pillar.to_owned(), shown(got));
            }
            if let Some(agreement) = s(&item["agreement"]) {
                let got = row_str(row, "agreement");
                same(
                    "agreement",
                    same_entity(got, agreement, aliases),
                    agreement.to_owned(),
                    shown(got),
                );
            }
        }
        _ => {
            if let Some(period) = s(&item["period"]).filter(|p| *p != "unknown") {
                let got = row_str(row, "period");
                same("period", got == Some(period), period.to_owned(), shown(got));
            }
            if let Some(program) = s(&item["program"]) {
                let got = row_str(row, "program");
                same(
                    "program",
                    same_entity(got, program, aliases),
                    program.to_owned(),
                    shown(got),
                );
            }
            if let Some(start) = item["start_year"].as_i64().filter(|y| *y != 0) {
                let got = row.get("start_year").and_then(Cell::as_i64);
                same(
                    "start_year",
                    got == Some(start),
                    start.to_string(),
                    got.map_or_else(|| "(none)".to_owned(), |y| y.to_string()),
                );
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
            s(&item["currency"]).unwrap_or("(none)"),
            s(&item["quote"])
                .or_else(|| s(&item["program"]))
                .unwrap_or("")
        ),
        Describe::Row(row) if table == "funding" => format!(
            "{} {} ({})",
            row.get("amount")
                .and_then(Cell::as_f64)
                .map_or("(none)".to_owned(), |a| format!("{a:?}")),
            row_str(row, "currency").unwrap_or("(none)"),
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
        || v.as_f64().map_or("(none)".to_owned(), |f| format!("{f:?}")),
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

/// Reads and checks every gold file: `(path, parsed)` in scoring order.
fn load_golds(gold: &Path) -> Result<Vec<(PathBuf, Value)>> {
    if !gold.exists() {
        bail!("gold path {} does not exist", gold.display());
    }
    let files = gold_files(gold)?;
    ensure!(
        !files.is_empty(),
        "no gold files (*.json) under {}",
        gold.display()
    );
    let mut golds = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for path in files {
        let text = fs_err::read_to_string(&path)?;
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(err) => {
                problems.push(format!("{}: not valid JSON: {err}", path.display()));
                continue;
            }
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for problem in crate::gold::problems(&value, &stem) {
            problems.push(format!("{}: {problem}", path.display()));
        }
        let repeated = value["doc_id"]
            .as_str()
            .and_then(|doc| Some((doc, seen.insert(doc.to_owned(), path.clone())?)));
        if let Some((doc, first)) = repeated {
            problems.push(format!(
                "{}: doc_id \"{doc}\" is also the doc_id of {}",
                path.display(),
                first.display()
            ));
        }
        golds.push((path, value));
    }
    if !problems.is_empty() {
        bail!(
            "{} problem{} in the gold files (format: tests/eval/GOLD.md):\n  {}",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            problems.join("\n  ")
        );
    }
    Ok(golds)
}

/// Scores the tables in `tables` against the gold files in `gold` (a folder searched
/// recursively for `*.json`, or one file).
///
/// # Errors
/// When a gold file cannot be read, is not valid JSON or does not follow `GOLD.md` (every
/// problem is listed, naming the file and the key); when `tables` does not exist or holds
/// none of the four tables; when a table cannot be read.
pub fn evaluate(gold: &Path, tables: &Path) -> Result<Evaluation> {
    if !tables.is_dir() {
        bail!(
            "tables folder {} does not exist or is not a folder: pass the --out folder of `accord run`",
            tables.display()
        );
    }
    let golds = load_golds(gold)?;
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
    ensure!(
        missing.len() < TABLES.len(),
        "no tables in {} (no {}.parquet): pass the --out folder of `accord run`",
        tables.display(),
        TABLES.join(".parquet, no ")
    );
    let mut eval = Evaluation {
        missing_tables: missing,
        ..Evaluation::default()
    };
    let mut errors: Vec<(String, Vec<String>)> = Vec::new();
    let mut documents: Vec<(String, Vec<(String, TableScore)>)> = Vec::new();
    for table in TABLES {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        let mut attrs: Vec<(String, Vec<bool>)> = Vec::new();
        for (_, gold) in &golds {
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
            let (mut missed, mut wrong) = (Vec::new(), Vec::new());
            let (mut d_tp, mut d_fp, mut d_fn) = (0, 0, 0);
            let mut d_attrs: Vec<(String, Vec<bool>)> = Vec::new();
            for item in items {
                let required = item["required"].as_bool().unwrap_or(true);
                let hit = (0..doc_rows.len())
                    .find(|i| !used.contains(i) && matches(table, doc_rows[*i], item));
                match hit {
                    None if required => {
                        d_fn += 1;
                        missed.push(format!(
                            "MISSED   {doc} {table}: {}",
                            describe(table, Describe::Gold(item))
                        ));
                    }
                    None => {}
                    Some(i) => {
                        used.insert(i);
                        if required {
                            d_tp += 1;
                            for (k, ok, gold_value, got) in
                                attribute_checks(table, doc_rows[i], item, &aliases)
                            {
                                if !ok {
                                    wrong.push(format!(
                                        "WRONG    {doc} {table}: {}: {k}: gold {gold_value}, got {got}",
                                        describe(table, Describe::Gold(item))
                                    ));
                                }
                                for list in [&mut attrs, &mut d_attrs] {
                                    match list.iter_mut().find(|(name, _)| name == k) {
                                        Some((_, v)) => v.push(ok),
                                        None => list.push((k.to_owned(), vec![ok])),
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let mut lines = missed;
            lines.extend(wrong);
            for (i, row) in doc_rows.iter().enumerate() {
                if !used.contains(&i) {
                    d_fp += 1;
                    lines.push(format!(
                        "SPURIOUS {doc} {table}: {}",
                        describe(table, Describe::Row(row))
                    ));
                }
            }
            tp += d_tp;
            fp += d_fp;
            fn_ += d_fn;
            let score = TableScore::from_counts(d_tp, d_fp, d_fn, accuracies(d_attrs));
            match documents.iter_mut().find(|(d, _)| d == doc) {
                Some((_, v)) => v.push((table.to_owned(), score)),
                None => documents.push((doc.to_owned(), vec![(table.to_owned(), score)])),
            }
            match errors.iter_mut().find(|(d, _)| d == doc) {
                Some((_, v)) => v.extend(lines),
                None => errors.push((doc.to_owned(), lines)),
            }
        }
        eval.tables.push((
            table.to_owned(),
            TableScore::from_counts(tp, fp, fn_, accuracies(attrs)),
        ));
    }
    // MISSED, then WRONG, then SPURIOUS within each document and table, as the Python
    // scorer prints.
    for (_, lines) in errors {
        eval.errors.extend(lines);
    }
    eval.documents = documents;
    let scored: Vec<&(String, TableScore)> = eval
        .tables
        .iter()
        .filter(|(_, t)| t.tp + t.fp + t.fn_ > 0)
        .collect();
    eval.scored_tables = scored.iter().map(|(name, _)| name.clone()).collect();
    eval.macro_f1 = if scored.is_empty() {
        0.0
    } else {
        scored.iter().map(|(_, t)| t.f1).sum::<f64>() / scored.len() as f64
    };
    Ok(eval)
}

/// Attribute accuracies, in order of first appearance.
fn accuracies(attrs: Vec<(String, Vec<bool>)>) -> Vec<(String, f64)> {
    attrs
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.iter().filter(|b| **b).count() as f64 / v.len() as f64))
        .collect()
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
    let left_out: Vec<&str> = eval
        .tables
        .iter()
        .map(|(t, _)| t.as_str())
        .filter(|t| !eval.scored_tables.iter().any(|s| s == t))
        .collect();
    if left_out.is_empty() {
        let _ = writeln!(out, "macro F1 over tables: {:.3}", eval.macro_f1);
    } else {
        let _ = writeln!(
            out,
            "macro F1 over tables: {:.3} (left out, nothing to score: {})",
            eval.macro_f1,
            left_out.join(", ")
        );
    }
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
