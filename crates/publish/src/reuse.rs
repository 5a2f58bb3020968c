//! Reusing an output folder that already holds what a run would write.
//!
//! Publishing is deterministic: the same dataset and manifest give the same bytes. A run
//! that knows a *reuse key* — a digest of everything its output depends on: the manifest
//! (inputs by SHA-256, configuration, version) plus whatever the manifest does not name
//! (the gazetteer, the build) — records it in the folder's marker ([`crate::OUTPUT_MARKER`])
//! with the SHA-256 of every file it wrote. A later run with the same key finds the folder
//! current ([`current_rows`]) when every recorded file is still there with the same digest,
//! and can skip normalize and publish. A changed, added or missing file, or another key,
//! means the folder is rewritten.

use crate::output::MARKER_HEADER;
use crate::{OUTPUT_MARKER, TABLES};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The marker lines that record `key` and the SHA-256 of each of `files` (paths relative
/// to `root`, `/`-separated), as `key <key>` and `file <hex> <path>`.
///
/// # Errors
/// An I/O error reading one of the files.
pub(crate) fn record(root: &Path, files: &[String], key: &str) -> std::io::Result<String> {
    let mut out = format!("key {key}\n");
    for file in files.iter().filter(|f| f.as_str() != OUTPUT_MARKER) {
        let digest = Sha256::digest(std::fs::read(root.join(file))?);
        let _ = writeln!(out, "file {} {file}", hex(&digest));
    }
    Ok(out)
}

/// Rows per table of the output in `out_dir` when its marker records `key` and every file
/// it lists is unchanged (and the folder holds no other file); `None` otherwise (no marker,
/// another key, an older marker without a key, a changed or missing file, an unreadable
/// `manifest.json`).
pub fn current_rows(out_dir: &Path, key: &str) -> Option<BTreeMap<&'static str, usize>> {
    let marker = std::fs::read_to_string(out_dir.join(OUTPUT_MARKER)).ok()?;
    let mut lines = marker.lines();
    if lines.next() != Some(MARKER_HEADER) {
        return None;
    }
    let mut recorded_key = None;
    let mut files: Vec<(&str, &str)> = Vec::new();
    for line in lines {
        if let Some(k) = line.strip_prefix("key ") {
            recorded_key = Some(k);
        } else if let Some(rest) = line.strip_prefix("file ") {
            files.push(rest.split_once(' ')?);
        }
    }
    if recorded_key != Some(key) || files.is_empty() {
        return None;
    }
    for (digest, file) in &files {
        let bytes = std::fs::read(out_dir.join(file)).ok()?;
        if hex(&Sha256::digest(&bytes)) != *digest {
            return None;
        }
    }
    let mut present = Vec::new();
    list(out_dir, "", &mut present).ok()?;
    present.retain(|f| f != OUTPUT_MARKER);
    present.sort();
    let mut listed: Vec<&str> = files.iter().map(|(_, f)| *f).collect();
    listed.sort_unstable();
    if present != listed {
        return None;
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("manifest.json")).ok()?).ok()?;
    let rows = manifest.get("rows")?.as_object()?;
    TABLES
        .iter()
        .map(|&name| Some((name, usize::try_from(rows.get(name)?.as_u64()?).ok()?)))
        .collect()
}

/// Every file under `dir`, as paths relative to the output folder.
fn list(dir: &Path, prefix: &str, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if entry.file_type()?.is_dir() {
            list(&entry.path(), &rel, out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Manifest, Options, publish_with};
    use accord_core::Dataset;

    fn publish_keyed(out: &Path, key: Option<&str>) -> crate::Report {
        let options = Options {
            reuse_key: key.map(str::to_owned),
            ..Options::default()
        };
        publish_with(&Dataset::default(), &Manifest::default(), out, &options).expect("publish")
    }

    #[test]
    fn a_folder_is_current_only_for_its_key_and_its_unchanged_files() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("out");
        let report = publish_keyed(&out, Some("k1"));
        assert_eq!(current_rows(&out, "k1"), Some(report.rows.clone()));
        assert_eq!(current_rows(&out, "k2"), None, "another key");
        // A changed table.
        std::fs::write(out.join("csv/agencies.csv"), "edited\n").expect("write");
        assert_eq!(current_rows(&out, "k1"), None, "a changed file");
        publish_keyed(&out, Some("k1"));
        // A file added by hand.
        std::fs::write(out.join("notes.txt"), "mine").expect("write");
        assert_eq!(current_rows(&out, "k1"), None, "a file it did not write");
        std::fs::remove_file(out.join("notes.txt")).expect("remove");
        assert!(current_rows(&out, "k1").is_some());
        // A missing one.
        std::fs::remove_file(out.join("report.html")).expect("remove");
        assert_eq!(current_rows(&out, "k1"), None, "a missing file");
        // An output published without a key is never current.
        publish_keyed(&out, None);
        assert_eq!(current_rows(&out, "k1"), None);
    }
}
