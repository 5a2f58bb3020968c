//! `datapackage.json`: a Frictionless Tabular Data Package describing every table (its CSV
//! mirror, or its Parquet file), generated from [`crate::SCHEMA`].
//!
//! Follows the Data Package and Table Schema specifications
//! (<https://specs.frictionlessdata.io/data-package/>,
//! <https://specs.frictionlessdata.io/table-schema/>). List columns are `array` fields with
//! an `arrayItem` of type `string` (Table Schema v2). No `created` timestamp: the file is a
//! function of the schema and the manifest only, so reruns are byte-identical.

use crate::schema::{Field, FieldType, SCHEMA, TableSchema};
use crate::{Manifest, parquet_path};
use serde::Serialize;

/// IANA media type of Apache Parquet files.
const PARQUET_MEDIATYPE: &str = "application/vnd.apache.parquet";

#[derive(Serialize)]
struct Package<'a> {
    profile: &'static str,
    name: String,
    title: String,
    description: String,
    licenses: [License; 1],
    sources: Vec<Source<'a>>,
    resources: Vec<Resource>,
}

#[derive(Serialize)]
struct License {
    name: &'static str,
    path: &'static str,
    title: &'static str,
}

#[derive(Serialize)]
struct Source<'a> {
    title: &'a str,
    bytes: u64,
    sha256: &'a str,
}

#[derive(Serialize)]
struct Resource {
    profile: &'static str,
    name: &'static str,
    path: String,
    title: &'static str,
    description: &'static str,
    format: &'static str,
    mediatype: &'static str,
    schema: Schema,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Schema {
    fields: Vec<FieldDescriptor>,
    primary_key: &'static [&'static str],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    foreign_keys: Vec<ForeignKeyDescriptor>,
    /// Parquet: only real nulls are missing. CSV: an empty field is a null (the mirror
    /// writes nulls as empty fields).
    missing_values: &'static [&'static str],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FieldDescriptor {
    name: &'static str,
    #[serde(rename = "type")]
    ty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    array_item: Option<ArrayItem>,
    description: &'static str,
    /// `[]` on the CSV mirror's required string columns: there an empty field is an empty
    /// string (a mention at offset 0 has `prefix = ""`), never a null (Table Schema
    /// field-level `missingValues`).
    #[serde(skip_serializing_if = "Option::is_none")]
    missing_values: Option<&'static [&'static str]>,
    #[serde(skip_serializing_if = "Constraints::is_empty")]
    constraints: Constraints,
}

#[derive(Serialize)]
struct ArrayItem {
    #[serde(rename = "type")]
    ty: &'static str,
}

#[derive(Serialize)]
struct Constraints {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    values: Option<Vec<&'static str>>,
}

impl Constraints {
    fn is_empty(&self) -> bool {
        !self.required && self.values.is_none()
    }
}

#[derive(Serialize)]
struct ForeignKeyDescriptor {
    fields: [&'static str; 1],
    reference: Reference,
}

#[derive(Serialize)]
struct Reference {
    /// Empty for a reference to the same resource (Data Package v1).
    resource: &'static str,
    fields: [&'static str; 1],
}

/// Renders `datapackage.json` (pretty-printed, trailing newline) for the tables of
/// [`crate::SCHEMA`] and the inputs of `manifest`.
///
/// One `tabular-data-resource` per table: its CSV mirror when `csv` (`csv/<table>.csv`,
/// `format: "csv"`, lists as JSON arrays, empty fields null), else its Parquet file
/// (`format: "parquet"`, `mediatype: "application/vnd.apache.parquet"`); each with a Table Schema: fields with type,
/// description and constraints (`required`, `enum` from `accord_core`'s vocabularies),
/// `primaryKey` and `foreignKeys`. Package-level `licenses` is CC-BY-4.0 (the data) and
/// `sources` lists the manifest's inputs (path as `title`, with `bytes` and `sha256`). No
/// timestamp, so the output is a function of its arguments.
pub fn datapackage_json(manifest: &Manifest, csv: bool) -> String {
    let pipeline = if manifest.pipeline.is_empty() {
        "accord".to_owned()
    } else {
        accord_core::slug(&manifest.pipeline)
    };
    let name = if pipeline.starts_with("accord") {
        pipeline.clone()
    } else {
        format!("accord-{pipeline}")
    };
    let version = if manifest.accord_version.is_empty() {
        String::new()
    } else {
        format!(" {}", manifest.accord_version)
    };
    let package = Package {
        profile: "tabular-data-package",
        name,
        title: format!("Policy agreements, working groups, agencies and funding ({pipeline})"),
        description: format!(
            "Agreements, working groups, agencies and funding figures extracted by \
             accord{version} from {} input documents. Every entity and figure leads back to \
             the document, the span (Unicode code points, end-exclusive, into \
             `documents.text`) and the quote it came from (table `mentions`). Amounts are in \
             currency units (ISO 4217), countries ISO 3166-1 alpha-3, dates EDTF. See \
             CODEBOOK.md for the coding rules.",
            manifest.inputs.len()
        ),
        licenses: [License {
            name: "CC-BY-4.0",
            path: "https://creativecommons.org/licenses/by/4.0/",
            title: "Creative Commons Attribution 4.0 International",
        }],
        sources: manifest
            .inputs
            .iter()
            .map(|input| Source {
                title: &input.path,
                bytes: input.bytes,
                sha256: &input.sha256,
            })
            .collect(),
        resources: SCHEMA.iter().map(|t| resource(t, csv)).collect(),
    };
    let mut json = serde_json::to_string_pretty(&package)
        .expect("a data package of strings, integers and lists always serialises");
    json.push('\n');
    json
}

fn resource(table: &TableSchema, csv: bool) -> Resource {
    Resource {
        profile: "tabular-data-resource",
        name: table.name,
        path: if csv {
            format!("csv/{}.csv", table.name)
        } else {
            parquet_path(table.name)
        },
        title: table.title,
        description: table.description,
        format: if csv { "csv" } else { "parquet" },
        mediatype: if csv { "text/csv" } else { PARQUET_MEDIATYPE },
        schema: Schema {
            fields: table.fields.iter().map(|f| field(f, csv)).collect(),
            primary_key: table.primary_key,
            foreign_keys: table
                .foreign_keys
                .iter()
                .map(|fk| ForeignKeyDescriptor {
                    fields: [fk.field],
                    reference: Reference {
                        resource: if fk.table == table.name { "" } else { fk.table },
                        fields: [fk.column],
                    },
                })
                .collect(),
            missing_values: if csv { &[""] } else { &[] },
        },
    }
}

fn field(field: &Field, csv: bool) -> FieldDescriptor {
    FieldDescriptor {
        name: field.name,
        ty: field.ty.frictionless(),
        array_item: (field.ty == FieldType::StringList).then_some(ArrayItem { ty: "string" }),
        description: field.description,
        missing_values: (csv && field.required && field.ty == FieldType::String).then_some(&[]),
        constraints: Constraints {
            required: field.required,
            values: field.vocabulary.map(crate::Vocabulary::values),
        },
    }
}
