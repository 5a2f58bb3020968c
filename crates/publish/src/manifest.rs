//! `manifest.json`: what a run read and wrote, for reproducibility.

use crate::{Error, Report, Result};
use fs_err as fs;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// One input file of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Input {
    /// Path relative to the corpus root, `/`-separated.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Lowercase hex SHA-256 of the bytes.
    pub sha256: String,
}

/// Run metadata written as `manifest.json`. Holds no timestamps, so reruns are byte-identical.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Manifest {
    /// accord version.
    pub accord_version: String,
    /// Git commit of the repository holding the pipeline file, when it is in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git_commit: Option<String>,
    /// Name of the pipeline.
    pub pipeline: String,
    /// The pipeline configuration as JSON.
    pub config: serde_json::Value,
    /// Inputs, sorted by path.
    pub inputs: Vec<Input>,
    /// Documents whose `doc_id` keeps the file's extension because another input shares
    /// its path without the extension (`report.pdf` and `report.docx`), sorted; omitted
    /// when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub doc_ids_with_extension: Vec<String>,
}

#[derive(Serialize)]
struct Written<'a> {
    #[serde(flatten)]
    manifest: &'a Manifest,
    rows: &'a BTreeMap<&'static str, usize>,
}

impl Manifest {
    /// Writes the manifest and returns the run id: the first 16 hex digits of the SHA-256
    /// of its bytes (the same inputs, configuration and version give the same id).
    pub(crate) fn write(&self, path: &Path, report: &Report) -> Result<String> {
        let written = Written {
            manifest: self,
            rows: &report.rows,
        };
        let mut json = serde_json::to_string_pretty(&written).map_err(|source| Error::Json {
            path: path.to_path_buf(),
            source,
        })?;
        json.push('\n');
        let digest = Sha256::digest(json.as_bytes());
        fs::write(path, json)?;
        Ok(digest[..8].iter().fold(String::new(), |mut id, b| {
            let _ = write!(id, "{b:02x}");
            id
        }))
    }
}
