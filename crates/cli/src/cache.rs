//! Incremental reruns: the ingest and extract results of each input, cached under a key
//! made of the input's path and bytes, the accord version, the ingest and extract
//! configuration, the gazetteers' bytes and the build of the executable. A changed input, setting, gazetteer or version
//! misses the cache; an unchanged one skips ingest and extract entirely.

use accord_core::{Document, Mention};
use fs_err as fs;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tracing::debug;

/// A folder of cached `(Document, mentions)` pairs, one JSON file per key.
pub(crate) struct Cache {
    dir: PathBuf,
    salt: String,
    read: bool,
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Identifies the running build: the executable's size and modification time, so that a
/// rebuilt binary (new rules, same version number) never reuses older results.
pub(crate) fn build_id() -> String {
    std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}-{modified}", m.len())
        })
        .unwrap_or_default()
}

/// SHA-256 of every file of a folder (sorted by name), for the cache key.
pub(crate) fn folder_digest(dir: &Path) -> String {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut hasher = Sha256::new();
    for path in names {
        hasher.update(
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
                .as_bytes(),
        );
        hasher.update(fs::read(&path).unwrap_or_default());
    }
    hex(&hasher.finalize())
}

impl Cache {
    /// A cache in `dir`; `salt` names everything besides the input that the results depend
    /// on. With `read` false, entries are written but never used (a cold run).
    pub(crate) fn new(dir: PathBuf, salt: String, read: bool) -> Self {
        Self { dir, salt, read }
    }

    /// The key of one input.
    pub(crate) fn key(&self, rel_path: &str, bytes: &[u8]) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.salt.as_bytes());
        hasher.update([0]);
        hasher.update(rel_path.as_bytes());
        hasher.update([0]);
        hasher.update(bytes);
        hex(&hasher.finalize())
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The cached result for `key`, if any (an unreadable entry is a miss).
    pub(crate) fn load(&self, key: &str) -> Option<(Document, Vec<Mention>)> {
        if !self.read {
            return None;
        }
        let text = fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Stores a result; failures to write only cost a future cache miss.
    pub(crate) fn store(&self, key: &str, value: &(Document, Vec<Mention>)) {
        let write = || -> std::io::Result<()> {
            fs::create_dir_all(&self.dir)?;
            let tmp = self.dir.join(format!(".{key}.tmp"));
            fs::write(
                &tmp,
                serde_json::to_vec(value).map_err(std::io::Error::other)?,
            )?;
            fs::rename(&tmp, self.path(key))
        };
        if let Err(err) = write() {
            debug!(error = %err, "Could not write a cache entry.");
        }
    }
}
