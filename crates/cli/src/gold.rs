//! Gold files (`tests/eval/GOLD.md`): checked against their format before scoring, and
//! started from the tables by `accord gold init`.

use accord_core::{AgencyKind, AgreementKind, FundingKind, Period};
use accord_publish::{Cell, Row, read_rows};
use anyhow::{Context, Result, bail};
use serde_json::{Map, Value, json};
use std::io::Write as _;
use std::path::Path;

/// What a gold key holds.
#[derive(Clone, Copy)]
enum Kind {
    /// A non-empty string.
    Str,
    /// A string or null.
    OptStr,
    /// A list of strings.
    List,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A whole number or null.
    OptInt,
    /// A number or null.
    OptNumber,
}

impl Kind {
    fn expected(self) -> &'static str {
        match self {
            Kind::Str => "a string",
            Kind::OptStr => "a string or null",
            Kind::List => "a list of strings",
            Kind::Bool => "true or false",
            Kind::Number => "a number",
            Kind::OptInt => "a whole number or null",
            Kind::OptNumber => "a number or null",
        }
    }

    fn accepts(self, v: &Value) -> bool {
        match self {
            Kind::Str => v.is_string(),
            Kind::OptStr => v.is_string() || v.is_null(),
            Kind::List => v
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_string)),
            Kind::Bool => v.is_boolean(),
            Kind::Number => v.is_number(),
            Kind::OptInt => v.is_i64() || v.is_u64() || v.is_null(),
            Kind::OptNumber => v.is_number() || v.is_null(),
        }
    }
}

/// A closed set of values a key may take.
#[derive(Clone, Copy)]
enum Vocab {
    None,
    AgreementKind,
    AgencyKind,
    FundingKind,
    Period,
    /// ISO 3166-1 alpha-3 (three capital letters).
    Country,
    /// ISO 3166-1 alpha-3, `BINATIONAL` or `INTERNATIONAL`.
    CountryOrGroup,
    /// ISO 4217.
    Currency,
    /// EDTF at year, month or day precision.
    Date,
}

impl Vocab {
    /// `Err(what was expected)` when `value` is outside the set.
    fn check(self, value: &str) -> Result<(), String> {
        let one_of = |all: Vec<&str>| {
            if all.contains(&value) {
                Ok(())
            } else {
                Err(format!("one of {}", all.join(", ")))
            }
        };
        let alpha3 = value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase());
        match self {
            Vocab::None => Ok(()),
            Vocab::AgreementKind => one_of(AgreementKind::ALL.iter().map(|k| k.as_str()).collect()),
            Vocab::AgencyKind => one_of(AgencyKind::ALL.iter().map(|k| k.as_str()).collect()),
            Vocab::FundingKind => one_of(FundingKind::ALL.iter().map(|k| k.as_str()).collect()),
            Vocab::Period => one_of(Period::ALL.iter().map(|k| k.as_str()).collect()),
            Vocab::Country if alpha3 => Ok(()),
            Vocab::Country => Err("an ISO 3166-1 alpha-3 code (CAN, MEX, USA)".to_owned()),
            Vocab::CountryOrGroup
                if alpha3 || value == "BINATIONAL" || value == "INTERNATIONAL" =>
            {
                Ok(())
            }
            Vocab::CountryOrGroup => {
                Err("an ISO 3166-1 alpha-3 code, BINATIONAL or INTERNATIONAL".to_owned())
            }
            Vocab::Currency if iso_currency::Currency::from_code(value).is_some() => Ok(()),
            Vocab::Currency => Err("an ISO 4217 currency code (USD, CAD, MXN)".to_owned()),
            Vocab::Date if is_edtf_date(value) => Ok(()),
            Vocab::Date => Err("an EDTF date: YYYY, YYYY-MM or YYYY-MM-DD".to_owned()),
        }
    }
}

fn is_edtf_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

type Spec = &'static [(&'static str, Kind, Vocab)];

const AGREEMENT: Spec = &[
    ("name", Kind::Str, Vocab::None),
    ("aliases", Kind::List, Vocab::None),
    ("kind", Kind::OptStr, Vocab::AgreementKind),
    ("parties", Kind::List, Vocab::Country),
    ("signed", Kind::OptStr, Vocab::Date),
    ("ended", Kind::OptStr, Vocab::Date),
    ("required", Kind::Bool, Vocab::None),
];
const WORKING_GROUP: Spec = &[
    ("name", Kind::Str, Vocab::None),
    ("aliases", Kind::List, Vocab::None),
    ("agreement", Kind::OptStr, Vocab::None),
    ("pillar", Kind::OptStr, Vocab::None),
    ("required", Kind::Bool, Vocab::None),
];
const AGENCY: Spec = &[
    ("name", Kind::Str, Vocab::None),
    ("aliases", Kind::List, Vocab::None),
    ("country", Kind::OptStr, Vocab::CountryOrGroup),
    ("kind", Kind::OptStr, Vocab::AgencyKind),
    ("required", Kind::Bool, Vocab::None),
];
const FUNDING: Spec = &[
    ("amount", Kind::Number, Vocab::None),
    ("currency", Kind::Str, Vocab::Currency),
    ("period", Kind::OptStr, Vocab::Period),
    ("years", Kind::OptInt, Vocab::None),
    ("start_year", Kind::OptInt, Vocab::None),
    ("program", Kind::OptStr, Vocab::None),
    ("donor", Kind::OptStr, Vocab::Country),
    ("recipient", Kind::OptStr, Vocab::Country),
    ("kind", Kind::OptStr, Vocab::FundingKind),
    ("quote", Kind::OptStr, Vocab::None),
    ("share", Kind::OptNumber, Vocab::None),
    ("required", Kind::Bool, Vocab::None),
];

/// The item keys of each gold table.
const TABLES: [(&str, Spec); 4] = [
    ("agreements", AGREEMENT),
    ("working_groups", WORKING_GROUP),
    ("agencies", AGENCY),
    ("funding", FUNDING),
];

/// Keys an item must have: a name (entity tables), an amount and a currency (funding).
fn mandatory(table: &str) -> &'static [&'static str] {
    if table == "funding" {
        &["amount", "currency"]
    } else {
        &["name"]
    }
}

/// ` (did you mean "x"?)` when a known key is one or two edits from `key`.
fn suggestion<'a>(key: &str, known: impl Iterator<Item = &'a str>) -> String {
    known
        .map(|k| (strsim::levenshtein(key, k), k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map_or_else(String::new, |(_, k)| format!(" (did you mean \"{k}\"?)"))
}

fn show(v: &Value) -> String {
    let kind = match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    let text = v.to_string();
    if text.chars().count() > 40 {
        kind.to_owned()
    } else {
        format!("{kind} {text}")
    }
}

/// The problems of one gold file, each naming the key (`agreements[2].parties: …`); empty
/// when it follows `GOLD.md`. `stem` is the file name without `.json`, which must be the
/// last `/`-separated part of the `doc_id`.
pub(crate) fn problems(gold: &Value, stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(top) = gold.as_object() else {
        return vec![format!("expected a JSON object, got {}", show(gold))];
    };
    let top_keys = ["doc_id"].into_iter().chain(TABLES.iter().map(|(t, _)| *t));
    for key in top.keys() {
        if !top_keys.clone().any(|k| k == key) {
            out.push(format!(
                "{key}: unknown key{}",
                suggestion(key, top_keys.clone())
            ));
        }
    }
    match top.get("doc_id") {
        Some(Value::String(id)) if !id.is_empty() => {
            let last = id.rsplit('/').next().unwrap_or(id);
            if last != stem {
                out.push(format!(
                    "doc_id: \"{id}\" does not match the file name \"{stem}.json\" (name the file after the document: <doc_id>.json)"
                ));
            }
        }
        Some(other) => out.push(format!("doc_id: expected a string, got {}", show(other))),
        None => out.push("doc_id: missing".to_owned()),
    }
    for (table, spec) in TABLES {
        let Some(value) = top.get(table) else {
            continue;
        };
        let Some(items) = value.as_array() else {
            out.push(format!("{table}: expected a list, got {}", show(value)));
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let Some(item) = item.as_object() else {
                out.push(format!(
                    "{table}[{i}]: expected an object, got {}",
                    show(item)
                ));
                continue;
            };
            for key in mandatory(table) {
                if !item.contains_key(*key) {
                    out.push(format!("{table}[{i}].{key}: missing"));
                }
            }
            for (key, v) in item {
                let Some((_, kind, vocab)) = spec.iter().find(|(k, _, _)| k == key) else {
                    out.push(format!(
                        "{table}[{i}].{key}: unknown key{}",
                        suggestion(key, spec.iter().map(|(k, _, _)| *k))
                    ));
                    continue;
                };
                if !kind.accepts(v) {
                    out.push(format!(
                        "{table}[{i}].{key}: expected {}, got {}",
                        kind.expected(),
                        show(v)
                    ));
                    continue;
                }
                let values: Vec<&str> = match v {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                for value in values {
                    if let Err(expected) = vocab.check(value) {
                        out.push(format!("{table}[{i}].{key}: \"{value}\" is not {expected}"));
                    }
                }
            }
        }
    }
    out
}

/// Writes `<gold_dir>/<doc_id>.json`, a gold file for one document pre-filled from the
/// tables in `tables` (every entity whose `doc_ids` hold the document, every funding row
/// of it), for a person to correct: add what accord missed, delete what is wrong, mark
/// borderline items `"required": false`. Returns the path written.
///
/// # Errors
/// When the tables cannot be read, the document is not in them, or the file exists (it
/// is never overwritten).
pub fn init(doc_id: &str, tables: &Path, gold_dir: &Path) -> Result<std::path::PathBuf> {
    let read = |table: &str| {
        let path = tables.join(format!("{table}.parquet"));
        if !path.is_file() {
            bail!(
                "{} not found: --tables must name an accord output folder",
                path.display()
            );
        }
        read_rows(&path).with_context(|| format!("cannot read {}", path.display()))
    };
    let documents = read("documents")?;
    if !documents
        .iter()
        .any(|d| d.get("doc_id").and_then(Cell::as_str) == Some(doc_id))
    {
        let known: Vec<&str> = documents
            .iter()
            .filter_map(|d| d.get("doc_id").and_then(Cell::as_str))
            .take(10)
            .collect();
        bail!(
            "no document \"{doc_id}\" in {}; its documents include: {}",
            tables.display(),
            known.join(", ")
        );
    }
    let path = gold_dir.join(format!("{doc_id}.json"));
    if path.exists() {
        bail!("{} exists; it is never overwritten", path.display());
    }
    let in_doc = |row: &Row| {
        row.get("doc_ids")
            .is_some_and(|c| c.as_list().iter().any(|d| d == doc_id))
    };
    let get = |row: &Row, key: &str| -> Value {
        match row.get(key) {
            Some(Cell::Str(s)) => json!(s),
            Some(Cell::Int(i)) => json!(i),
            Some(Cell::Float(f)) => json!(f),
            Some(Cell::Bool(b)) => json!(b),
            Some(Cell::List(l)) => json!(l),
            Some(Cell::Null) | None => Value::Null,
        }
    };
    let pick = |row: &Row, keys: &[&str]| -> Value {
        let mut item = Map::new();
        for key in keys {
            item.insert((*key).to_owned(), get(row, key));
        }
        item.insert("required".to_owned(), json!(true));
        Value::Object(item)
    };
    let entities = |table: &str, keys: &[&str]| -> Result<Vec<Value>> {
        Ok(read(table)?
            .iter()
            .filter(|r| in_doc(r))
            .map(|r| {
                let mut item = pick(r, keys);
                // The acronym is one more alias in the gold format.
                if let (Some(Cell::Str(acronym)), Some(Value::Array(aliases))) =
                    (r.get("acronym"), item.get_mut("aliases"))
                {
                    aliases.retain(|a| a != acronym);
                    aliases.insert(0, json!(acronym));
                }
                item
            })
            .collect())
    };
    let mut funding: Vec<Value> = Vec::new();
    for row in read("funding")?
        .iter()
        .filter(|r| r.get("doc_id").and_then(Cell::as_str) == Some(doc_id))
    {
        let mut item = pick(
            row,
            &[
                "amount",
                "currency",
                "period",
                "years",
                "start_year",
                "program",
                "donor",
                "recipient",
                "kind",
                "quote",
            ],
        );
        if let Some(share) = row.get("share").and_then(Cell::as_f64) {
            item["share"] = json!(share);
        }
        funding.push(item);
    }
    let gold = json!({
        "doc_id": doc_id,
        "agreements": entities("agreements", &["name", "aliases", "kind", "parties", "signed", "ended"])?,
        "working_groups": entities("working_groups", &["name", "aliases", "agreement", "pillar"])?,
        "agencies": entities("agencies", &["name", "aliases", "country", "kind"])?,
        "funding": funding,
    });
    if let Some(parent) = path.parent() {
        fs_err::create_dir_all(parent)?;
    }
    let mut text = serde_json::to_string_pretty(&gold)?;
    text.push('\n');
    // `create_new`: never replace a file that appeared since the check above.
    let mut file = fs_err::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    file.write_all(text.as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(agreement: &Value) -> Value {
        json!({"doc_id": "dev/brief", "agreements": [agreement], "agencies": [], "working_groups": [], "funding": []})
    }

    #[test]
    fn a_valid_file_has_no_problem() {
        let g = gold(
            &json!({"name": "NAFTA", "aliases": [], "kind": "agreement", "parties": ["CAN", "MEX", "USA"], "signed": "1992-12-17", "ended": null, "required": true}),
        );
        assert_eq!(problems(&g, "brief"), Vec::<String>::new());
    }

    #[test]
    fn a_string_where_a_list_belongs_names_the_key() {
        let g = gold(&json!({"name": "NAFTA", "parties": "CAN"}));
        assert_eq!(
            problems(&g, "brief"),
            ["agreements[0].parties: expected a list of strings, got a string \"CAN\""]
        );
    }

    #[test]
    fn misspelled_keys_and_values_outside_the_vocabulary_are_named() {
        let g = gold(
            &json!({"name": "NAFTA", "partys": ["CAN"], "kind": "treety", "signed": "December 1992"}),
        );
        let p = problems(&g, "brief");
        assert!(
            p.contains(&"agreements[0].partys: unknown key (did you mean \"parties\"?)".to_owned()),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|l| l.starts_with("agreements[0].kind: \"treety\" is not one of treaty,")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|l| l
                    .starts_with("agreements[0].signed: \"December 1992\" is not an EDTF date")),
            "{p:?}"
        );
    }

    #[test]
    fn doc_id_must_match_the_file_name() {
        let g = gold(&json!({"name": "NAFTA"}));
        let p = problems(&g, "other");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("doc_id: \"dev/brief\" does not match the file name \"other.json\"")
        );
        let funding = json!({"doc_id": "brief", "funding": [{"amount": 5, "currency": "Dollars"}]});
        assert_eq!(
            problems(&funding, "brief"),
            ["funding[0].currency: \"Dollars\" is not an ISO 4217 currency code (USD, CAD, MXN)"]
        );
    }
}
