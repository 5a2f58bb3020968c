//! Telling whether an output folder already holds what a run would write.
//!
//! Publishing is deterministic: the same dataset and manifest give the same bytes. After a
//! publish, the run keeps a *fingerprint* of the folder ([`fingerprint`]) beside its cache,
//! never in the output folder: a *reuse key* (a digest of everything the output depends
//! on — the manifest's inputs, configuration and version, and what the manifest does not
//! name, the gazetteer and the build) and the SHA-256 of every file written. A later run
//! with the same key finds the folder current ([`current_rows`]) when the folder still
//! holds exactly those files with those digests, and can skip normalize and publish. A
//! changed, added or missing file, or another key, means the folder is written again.

use crate::output::is_output;
use crate::{OUTPUT_MARKER, TABLES};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The fingerprint of the output folder `out_dir` that a publish with reuse key `key` just
/// wrote: the line `key <key>`, then `file <sha256 hex> <path>` for each of `files` (paths
/// relative to `out_dir`, `/`-separated, as [`crate::Report::files`] lists them) but the
/// marker.
///
/// # Errors
/// An I/O error reading one of the files.
pub fn fingerprint(out_dir: &Path, files: &[String], key: &str) -> std::io::Result<String> {
    let mut out = format!("key {key}\n");
    for file in files.iter().filter(|f| f.as_str() != OUTPUT_MARKER) {
        let digest = Sha256::digest(std::fs::read(out_dir.join(file))?);
        let _ = writeln!(out, "file {} {file}", hex(&digest));
    }
    Ok(out)
}

/// Rows per table of the output in `out_dir` when `fingerprint` (as [`fingerprint`] wrote
/// it) records `key` and the folder is an accord output holding exactly the files it lists,
/// unchanged; `None` otherwise (another key, a changed, added or missing file, no marker,
/// an unreadable `manifest.json`).
pub fn current_rows(
    out_dir: &Path,
    fingerprint: &str,
    key: &str,
) -> Option<BTreeMap<&'static str, usize>> {
    if !is_output(out_dir) {
        return None;
    }
    let mut recorded_key = None;
    let mut files: Vec<(&str, &str)> = Vec::new();
    for line in fingerprint.lines() {
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
    use crate::{Manifest, publish};
    use accord_core::Dataset;

    /// Publishes an empty dataset to `out` and returns its rows and fingerprint for `key`.
    fn publish_keyed(out: &Path, key: &str) -> (BTreeMap<&'static str, usize>, String) {
        let report = publish(&Dataset::default(), &Manifest::default(), out).expect("publish");
        let print = fingerprint(out, &report.files, key).expect("fingerprint");
        (report.rows, print)
    }

    #[test]
    fn a_folder_is_current_only_for_its_key_and_its_unchanged_files() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("out");
        let (rows, print) = publish_keyed(&out, "k1");
        assert_eq!(current_rows(&out, &print, "k1"), Some(rows));
        assert_eq!(current_rows(&out, &print, "k2"), None, "another key");
        // A changed table.
        std::fs::write(out.join("csv/agencies.csv"), "edited\n").expect("write");
        assert_eq!(current_rows(&out, &print, "k1"), None, "a changed file");
        let (_, print) = publish_keyed(&out, "k1");
        // A file added by hand.
        std::fs::write(out.join("notes.txt"), "mine").expect("write");
        assert_eq!(
            current_rows(&out, &print, "k1"),
            None,
            "a file it did not write"
        );
        std::fs::remove_file(out.join("notes.txt")).expect("remove");
        assert!(current_rows(&out, &print, "k1").is_some());
        // A missing one.
        std::fs::remove_file(out.join("report.html")).expect("remove");
        assert_eq!(current_rows(&out, &print, "k1"), None, "a missing file");
        // No folder at all.
        assert_eq!(current_rows(&tmp.path().join("none"), &print, "k1"), None);
    }
}
