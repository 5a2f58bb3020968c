//! Incremental reruns: the ingest and extract results of each input, cached under a key
//! made of the input's path and bytes, the accord version, the ingest and extract
//! configuration, the gazetteers' bytes and the build of the executable. A changed input, setting, gazetteer or version
//! misses the cache; an unchanged one skips ingest and extract entirely.
//!
//! An entry cannot lie: its first line names its key and the SHA-256 of the payload that
//! follows. An entry whose key is not the one asked for (a file copied or swapped) or whose
//! payload does not match its checksum (a changed byte) is logged, deleted and recomputed.

use accord_core::{Document, Mention};
use fs_err as fs;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tracing::{debug, warn};

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

    /// The cached result for `key`, if any. A missing entry is a miss; an entry that fails
    /// its checks (see the module docs) is logged, deleted and a miss.
    pub(crate) fn load(&self, key: &str) -> Option<(Document, Vec<Mention>)> {
        if !self.read {
            return None;
        }
        let path = self.path(key);
        let bytes = std::fs::read(&path).ok()?;
        match check_entry(&bytes, key) {
            Ok(value) => Some(value),
            Err(problem) => {
                warn!(entry = %path.display(), problem, "Dropped a bad cache entry; recomputing.");
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    /// Stores a result; failures to write only cost a future cache miss.
    pub(crate) fn store(&self, key: &str, value: &(Document, Vec<Mention>)) {
        let write = || -> std::io::Result<()> {
            fs::create_dir_all(&self.dir)?;
            let tmp = self.dir.join(format!(".{key}.tmp"));
            let payload = serde_json::to_vec(value).map_err(std::io::Error::other)?;
            let mut entry = header(key, &payload).into_bytes();
            entry.extend_from_slice(&payload);
            fs::write(&tmp, entry)?;
            fs::rename(&tmp, self.path(key))
        };
        if let Err(err) = write() {
            debug!(error = %err, "Could not write a cache entry.");
        }
    }
}

const MAGIC: &str = "accord-cache-v1";

/// The first line of an entry: format, key, SHA-256 of the payload.
fn header(key: &str, payload: &[u8]) -> String {
    format!("{MAGIC} {key} {}\n", hex(&Sha256::digest(payload)))
}

/// The entry's value, or what is wrong with it.
fn check_entry(bytes: &[u8], key: &str) -> Result<(Document, Vec<Mention>), &'static str> {
    let newline = bytes
        .iter()
        .position(|b| *b == b'\n')
        .ok_or("no header line")?;
    let (head, payload) = (&bytes[..newline], &bytes[newline + 1..]);
    let head = std::str::from_utf8(head).map_err(|_| "header is not text")?;
    let mut parts = head.split(' ');
    if parts.next() != Some(MAGIC) {
        return Err("unknown format");
    }
    if parts.next() != Some(key) {
        return Err("entry of another input (key mismatch)");
    }
    if parts.next() != Some(hex(&Sha256::digest(payload)).as_str()) {
        return Err("content does not match its checksum");
    }
    serde_json::from_slice(payload).map_err(|_| "content does not parse")
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_core::{Block, BlockKind, Format, Span};

    fn value() -> (Document, Vec<Mention>) {
        let text = "NAFTA entered into force.".to_owned();
        let doc = Document {
            doc_id: "a".into(),
            path: "a.txt".into(),
            format: Format::Text,
            title: None,
            sha256: String::new(),
            blocks: vec![Block::new(BlockKind::Paragraph, Span::new(0, text.len()))],
            text,
            notes: Vec::new(),
            warnings: Vec::new(),
        };
        (doc, Vec::new())
    }

    #[test]
    fn a_changed_byte_or_a_swapped_entry_is_dropped() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(tmp.path().to_path_buf(), "salt".into(), true);
        let (a, b) = (cache.key("a.txt", b"1"), cache.key("b.txt", b"2"));
        cache.store(&a, &value());
        assert_eq!(cache.load(&a), Some(value()));
        // One letter of the text changed: the checksum fails, the entry is deleted.
        let path = cache.path(&a);
        let bytes = std::fs::read(&path).expect("entry");
        let changed = String::from_utf8(bytes)
            .expect("utf-8")
            .replace("NAFTA", "NAFTO");
        std::fs::write(&path, changed).expect("write");
        assert_eq!(cache.load(&a), None);
        assert!(!path.exists());
        // An intact entry under another input's name is not that input's.
        cache.store(&a, &value());
        std::fs::copy(cache.path(&a), cache.path(&b)).expect("copy");
        assert_eq!(cache.load(&b), None);
        assert_eq!(cache.load(&a), Some(value()));
    }
}
