//! Publish-stage tests: a small hand-made dataset rendered as tables (snapshot), written
//! twice (same bytes), an atomic replacement of the output folder, the Parquet columns
//! against the schema, `datapackage.json` and `CODEBOOK.md` (snapshots and checks), and the
//! CSV mirror parsed back. The Arrow types other readers see (`large_string`, never
//! `string_view`) are checked with pyarrow in `tests/python` (polars' own reader maps every
//! string column back to a view type).

mod common;

use accord_core::{AgencyKind, AgreementKind, ParseStatus, Period, Qualifier};
use accord_publish::{
    FieldType, Manifest, Options, SCHEMA, TABLES, Vocabulary, build_tables, codebook_markdown,
    datapackage_json, publish, publish_with, render_table,
};
use common::{dataset, manifest, rich_dataset};
use polars::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

#[test]
fn tables_render() {
    let mut out = String::new();
    for (name, df) in build_tables(&dataset()).expect("tables build") {
        let _ = writeln!(out, "## {name}\n{}", render_table(&df));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn reruns_write_identical_bytes_and_replace_the_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let ds = dataset();
    let report = publish(&ds, &Manifest::default(), &out).expect("first publish");
    assert_eq!(report.rows["funding"], 1);
    let first: Vec<(String, Vec<u8>)> = read_all(&out);
    std::fs::write(out.join("stale.txt"), "left from an older run").expect("write stale file");
    publish(&ds, &Manifest::default(), &out).expect("second publish");
    let second = read_all(&out);
    assert_eq!(first, second, "same dataset, same bytes; stale files gone");
    let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            ".accord-output",
            "CODEBOOK.md",
            "agencies.parquet",
            "agreements.parquet",
            "blocks.parquet",
            "csv/agencies.csv",
            "csv/agreements.csv",
            "csv/blocks.csv",
            "csv/documents.csv",
            "csv/failures.csv",
            "csv/funding.csv",
            "csv/mentions.csv",
            "csv/working_groups.csv",
            "datapackage.json",
            "documents.parquet",
            "failures.parquet",
            "funding.parquet",
            "manifest.json",
            "mentions.parquet",
            "report.html",
            "working_groups.parquet"
        ]
    );
    let listed: Vec<&str> = report.files.iter().map(String::as_str).collect();
    assert_eq!(listed, names, "the report lists every file written");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers,
        ["out"],
        "no staging or backup folder left behind"
    );
}

/// Every file under `dir` (recursively) as `(relative path, bytes)`, sorted by path.
fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).expect("list output") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let rel = path.strip_prefix(root).expect("under root");
                let rel = rel.to_string_lossy().replace('\\', "/");
                files.push((rel, std::fs::read(&path).expect("read")));
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    files
}

#[test]
fn reruns_with_csv_write_identical_bytes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let ds = rich_dataset();
    let options = Options { csv: true };
    let report = publish_with(&ds, &manifest(), &a, &options).expect("first publish");
    publish_with(&ds, &manifest(), &b, &options).expect("second publish");
    let (first, second) = (read_all(&a), read_all(&b));
    assert_eq!(first, second, "same dataset, same bytes in every file");
    let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
    let listed: Vec<&str> = report.files.iter().map(String::as_str).collect();
    assert_eq!(listed, names);
    for table in TABLES {
        assert!(
            names.contains(&format!("csv/{table}.csv").as_str()),
            "{table}"
        );
    }
}

fn dtype(ty: FieldType) -> DataType {
    match ty {
        FieldType::String => DataType::String,
        FieldType::Integer => DataType::Int64,
        FieldType::Number => DataType::Float64,
        FieldType::Boolean => DataType::Boolean,
        FieldType::StringList => DataType::List(Box::new(DataType::String)),
    }
}

/// The schema that drives `datapackage.json` and `CODEBOOK.md` names exactly the Parquet
/// columns, in order, with matching types.
#[test]
fn parquet_columns_match_the_schema() {
    let schema_tables: Vec<&str> = SCHEMA.iter().map(|t| t.name).collect();
    assert_eq!(schema_tables, TABLES, "same tables, same order");
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    publish(&rich_dataset(), &manifest(), &out).expect("publish");
    for (table, (name, built)) in SCHEMA
        .iter()
        .zip(build_tables(&rich_dataset()).expect("build"))
    {
        assert_eq!(table.name, name);
        let file = std::fs::File::open(out.join(format!("{name}.parquet"))).expect("open");
        let read = ParquetReader::new(file).finish().expect("read parquet");
        let expected: Vec<(&str, DataType)> =
            table.fields.iter().map(|f| (f.name, dtype(f.ty))).collect();
        for df in [&built, &read] {
            let actual: Vec<(&str, DataType)> = df
                .columns()
                .iter()
                .map(|c| (c.name().as_str(), c.dtype().clone()))
                .collect();
            assert_eq!(actual, expected, "columns of `{name}`");
        }
        assert_eq!(read.height(), built.height());
        for field in table.fields.iter().filter(|f| f.required) {
            let column = read.column(field.name).expect("column");
            assert_eq!(column.null_count(), 0, "{name}.{} is required", field.name);
        }
        for field in table.fields {
            let Some(vocabulary) = field.vocabulary else {
                continue;
            };
            let allowed = vocabulary.values();
            let column = read.column(field.name).expect("column");
            for value in column.str().expect("string column").iter().flatten() {
                assert!(allowed.contains(&value), "{name}.{}: {value}", field.name);
            }
        }
    }
}

#[test]
fn datapackage_snapshot() {
    insta::assert_snapshot!(datapackage_json(&manifest(), true));
}

#[test]
fn datapackage_describes_every_table() {
    let package: serde_json::Value =
        serde_json::from_str(&datapackage_json(&manifest(), false)).expect("valid JSON");
    assert!(package.get("created").is_none(), "no timestamp");
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    assert_eq!(package["sources"].as_array().map(Vec::len), Some(3));
    let resources = package["resources"].as_array().expect("resources");
    let names: Vec<&str> = resources
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert_eq!(names, TABLES);
    for resource in resources {
        assert_eq!(resource["format"], "parquet");
        assert_eq!(resource["profile"], "tabular-data-resource");
        assert_eq!(
            resource["path"],
            format!("{}.parquet", resource["name"].as_str().expect("name"))
        );
        for field in resource["schema"]["fields"].as_array().expect("fields") {
            let description = field["description"].as_str().expect("description");
            assert!(description.len() > 10, "{field}");
        }
    }
    let field = |table: usize, name: &str| {
        resources[table]["schema"]["fields"]
            .as_array()
            .and_then(|fs| fs.iter().find(|f| f["name"] == name))
            .cloned()
            .expect("field")
    };
    // Vocabularies come from accord_core's enums.
    let values = |v: &serde_json::Value| -> Vec<String> {
        v["constraints"]["enum"]
            .as_array()
            .expect("enum")
            .iter()
            .map(|s| s.as_str().expect("string").to_owned())
            .collect()
    };
    let strings = |all: Vec<&str>| -> Vec<String> { all.into_iter().map(str::to_owned).collect() };
    assert_eq!(
        values(&field(3, "kind")),
        strings(AgreementKind::ALL.iter().map(|k| k.as_str()).collect())
    );
    assert_eq!(
        values(&field(5, "kind")),
        strings(AgencyKind::ALL.iter().map(|k| k.as_str()).collect())
    );
    assert_eq!(
        values(&field(6, "period")),
        strings(Period::ALL.iter().map(|k| k.as_str()).collect())
    );
    assert_eq!(
        values(&field(6, "qualifier")),
        strings(Qualifier::ALL.iter().map(|k| k.as_str()).collect())
    );
    assert_eq!(
        values(&field(6, "parse_status")),
        strings(ParseStatus::ALL.iter().map(|k| k.as_str()).collect())
    );
    assert_eq!(
        values(&field(1, "kind")),
        strings(Vocabulary::BlockKind.values())
    );
    assert_eq!(field(6, "funding_id")["constraints"]["required"], true);
    assert_eq!(field(3, "aliases")["type"], "array");
    let funding_keys = &resources[6]["schema"]["foreignKeys"];
    assert_eq!(funding_keys.as_array().map(Vec::len), Some(3));
    assert_eq!(
        resources[5]["schema"]["foreignKeys"][0]["reference"],
        serde_json::json!({ "resource": "", "fields": ["agency_id"] }),
        "agencies.parent_id refers to the same resource"
    );
}

#[test]
fn codebook_snapshot() {
    let codebook = codebook_markdown();
    for table in &SCHEMA {
        assert!(codebook.contains(&format!("### {}\n", table.name)));
        for field in table.fields {
            assert!(codebook.contains(&format!("| `{}` |", field.name)));
        }
    }
    insta::assert_snapshot!(codebook);
}

/// Parses a CSV file of the mirror into its header and records.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).expect("open csv");
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_mirror_parses_back() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let ds = rich_dataset();
    let report = publish_with(&ds, &manifest(), &out, &Options { csv: true }).expect("publish");
    for table in &SCHEMA {
        let (header, rows) = read_csv(&out.join(format!("csv/{}.csv", table.name)));
        let names: Vec<&str> = table.fields.iter().map(|f| f.name).collect();
        assert_eq!(header, names, "CSV header of `{}`", table.name);
        assert_eq!(
            rows.len(),
            report.rows[table.name],
            "rows of `{}`",
            table.name
        );
        assert!(rows.iter().all(|r| r.len() == names.len()));
    }
    let (header, rows) = read_csv(&out.join("csv/funding.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    let quotes: Vec<&str> = rows.iter().map(|r| r[col("quote")].as_str()).collect();
    let funding_quotes: Vec<&str> = ds.funding.iter().map(|f| f.quote.as_str()).collect();
    assert_eq!(
        quotes, funding_quotes,
        "quotes with commas and quotes round-trip"
    );
    let memo = rows
        .iter()
        .find(|r| r[col("funding_id")] == "memo:0000027")
        .expect("memo row");
    assert_eq!(
        memo[col("amount")],
        "1400000000",
        "currency units, no exponent"
    );
    assert_eq!(memo[col("scale")], "1000000000");
    assert_eq!(memo[col("currency_inferred")], "false");
    assert_eq!(memo[col("years")], "", "null is an empty field");
    let range = rows
        .iter()
        .find(|r| r[col("quote")] == "Between $50 and $60 million")
        .expect("range row");
    assert_eq!(
        (
            range[col("amount")].as_str(),
            range[col("amount_min")].as_str(),
            range[col("amount_max")].as_str()
        ),
        ("", "50000000", "60000000")
    );
    let share = rows
        .iter()
        .find(|r| r[col("share")] == "0.4")
        .expect("share row");
    assert_eq!(share[col("amount")], "560000000");

    let (header, rows) = read_csv(&out.join("csv/documents.csv"));
    let text = header
        .iter()
        .position(|h| h == "text")
        .expect("text column");
    assert_eq!(
        rows[0][text], ds.documents[0].text,
        "multi-line text round-trips"
    );
    let (header, rows) = read_csv(&out.join("csv/agreements.csv"));
    let parties = header.iter().position(|h| h == "parties").expect("parties");
    let nafta = rows.iter().find(|r| r[0] == "nafta").expect("nafta");
    assert_eq!(
        nafta[parties], r#"["CAN","MEX","USA"]"#,
        "lists as JSON arrays"
    );
}
