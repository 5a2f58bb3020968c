//! Input discovery: which files under the corpus root are read, and which are refused.
//!
//! Rules (documented in the README and the codebook):
//!
//! - Only regular files are inputs. FIFOs, devices and sockets become `failures` rows at
//!   once and are never opened, so they cannot block the run or stream forever.
//! - Symbolic links are followed only to regular files inside the corpus root (a link to a
//!   directory, a device, a missing target, or a file outside the root is a `failures` row).
//! - Hidden files and folders (name starting with `.`) and `[corpus] exclude` entries are
//!   skipped; so are the output folder and the cache folder when they sit inside the corpus
//!   root (`--out` inside `--input`), so a rerun never reads its own tables.
//! - A folder that cannot be listed (no permission, a path longer than the system allows)
//!   is one `failures` row; the rest of the corpus is read.
//! - A file name that is not UTF-8 is read through its `OsStr`; its relative path (and so
//!   its `doc_id`) writes each byte that is not UTF-8 as `%XX` (upper-case hex) and `%` as
//!   `%25`, so two such names never collide, with a warning.

use accord_core::Failure;
use anyhow::{Context, Result};
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use tracing::warn;

/// One input file: its `/`-separated relative path (the name used in every table) and
/// where it is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Input {
    /// Relative path, `/`-separated, non-UTF-8 bytes written `%XX`.
    pub(crate) rel: String,
    /// Full path on disk.
    pub(crate) path: PathBuf,
}

/// What discovery found: the inputs to read (sorted by `rel`) and the entries refused
/// (each a `failures` row with stage `ingest`).
#[derive(Debug, Default)]
pub(crate) struct Listing {
    pub(crate) inputs: Vec<Input>,
    pub(crate) refused: Vec<Failure>,
}

/// Lists the inputs under `root` (or `root` itself when it is a file).
///
/// `exclude`: relative paths or file names to skip. `skip_dirs`: folders never to descend
/// into (the output and cache folders), compared after resolving symlinks.
///
/// # Errors
/// When `root` itself cannot be read (exit code 2); problems below it are `refused` rows.
pub(crate) fn discover(
    root: &Path,
    exclude: &[String],
    skip_dirs: &[PathBuf],
) -> Result<(PathBuf, Listing)> {
    let meta = fs_err::metadata(root).context("cannot read the corpus folder")?;
    let mut listing = Listing::default();
    if !meta.is_dir() {
        let parent = root.parent().unwrap_or(Path::new(".")).to_path_buf();
        let rel = escape_name(root.file_name().unwrap_or(root.as_os_str()));
        listing.inputs.push(Input {
            rel,
            path: root.to_path_buf(),
        });
        return Ok((parent, listing));
    }
    let real_root = fs_err::canonicalize(root).context("cannot read the corpus folder")?;
    let skip: Vec<PathBuf> = skip_dirs
        .iter()
        .filter_map(|d| std::fs::canonicalize(d).ok())
        .collect();
    // The root itself must be listable: that is an environment error.
    let first = fs_err::read_dir(root)
        .with_context(|| format!("cannot list the corpus folder {}", root.display()))?;
    let mut stack: Vec<(PathBuf, String, Option<fs_err::ReadDir>)> =
        vec![(root.to_path_buf(), String::new(), Some(first))];
    while let Some((dir, prefix, opened)) = stack.pop() {
        let entries = match opened.map_or_else(|| fs_err::read_dir(&dir), Ok) {
            Ok(entries) => entries,
            Err(err) => {
                refuse(
                    &mut listing,
                    prefix.trim_end_matches('/'),
                    &format!("cannot list the folder: {err}"),
                );
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    refuse(
                        &mut listing,
                        prefix.trim_end_matches('/'),
                        &format!("cannot list the folder: {err}"),
                    );
                    break;
                }
            };
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let escaped = escape_name(&name);
            if escaped.as_bytes() != name.as_encoded_bytes() {
                warn!(path = %format!("{prefix}{escaped}"), "File name is not UTF-8; its path and doc_id write the other bytes as %XX.");
            }
            let rel = format!("{prefix}{escaped}");
            if exclude.iter().any(|e| *e == rel || *e == escaped) {
                continue;
            }
            let path = entry.path();
            let file_type = match entry.file_type() {
                Ok(t) => t,
                Err(err) => {
                    refuse(
                        &mut listing,
                        &rel,
                        &format!("cannot read the file type: {err}"),
                    );
                    continue;
                }
            };
            if file_type.is_dir() {
                if std::fs::canonicalize(&path).is_ok_and(|p| skip.contains(&p)) {
                    warn!(path = %rel, "The output or cache folder is inside the corpus folder; it is not read as input.");
                    continue;
                }
                stack.push((path, format!("{rel}/"), None));
                continue;
            }
            if file_type.is_symlink() {
                match symlink_target(&path, &real_root) {
                    Ok(()) => {}
                    Err(reason) => {
                        refuse(&mut listing, &rel, &reason);
                        continue;
                    }
                }
            } else if let Some(kind) = accord_ingest::irregular_kind(&file_type) {
                refuse(
                    &mut listing,
                    &rel,
                    &format!("not a regular file ({kind}); only regular files are read"),
                );
                continue;
            }
            listing.inputs.push(Input { rel, path });
        }
    }
    listing.inputs.sort_by(|a, b| a.rel.cmp(&b.rel));
    listing.refused.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((root.to_path_buf(), listing))
}

/// `Ok` when the symlink at `path` leads to a regular file inside `real_root`.
fn symlink_target(path: &Path, real_root: &Path) -> Result<(), String> {
    let target = std::fs::canonicalize(path)
        .map_err(|e| format!("symbolic link that cannot be followed: {e}"))?;
    let meta = std::fs::metadata(&target)
        .map_err(|e| format!("symbolic link that cannot be followed: {e}"))?;
    if let Some(kind) = accord_ingest::irregular_kind(&meta.file_type()) {
        return Err(format!(
            "symbolic link to a {kind}; only links to regular files are followed"
        ));
    }
    if !target.starts_with(real_root) {
        return Err(format!(
            "symbolic link to {}, outside the corpus folder; copy the file in, or point --input at its folder",
            target.display()
        ));
    }
    Ok(())
}

fn refuse(listing: &mut Listing, rel: &str, reason: &str) {
    let path = if rel.is_empty() {
        ".".to_owned()
    } else {
        rel.to_owned()
    };
    let error = format!("{path}: {reason}");
    warn!(path = %path, error = %error, "Input failed.");
    listing.refused.push(Failure {
        path,
        stage: "ingest".to_owned(),
        error,
    });
}

/// A file name as text: UTF-8 as it is, `\` as `/`; each byte of a sequence that is not UTF-8
/// as `%XX`, and `%` itself as `%25` in such names (so the escape is lossless: two non-UTF-8
/// names never give the same text; a UTF-8 name that happens to spell an escape is caught by
/// the runner's duplicate `doc_id` check).
pub(crate) fn escape_name(name: &OsStr) -> String {
    let bytes = name.as_encoded_bytes();
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.replace('\\', "/");
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '%' => out.push_str("%25"),
                '\\' => out.push('/'),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rels(listing: &Listing) -> Vec<&str> {
        listing.inputs.iter().map(|i| i.rel.as_str()).collect()
    }

    #[test]
    fn lists_regular_files_sorted_and_skips_hidden_and_excluded() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs_err::create_dir_all(root.join("b/c")).unwrap();
        for f in ["a.txt", "b/c/d.md", ".hidden.txt", "README.md"] {
            fs_err::write(root.join(f), "x").unwrap();
        }
        let (r, listing) = discover(root, &["README.md".to_owned()], &[]).unwrap();
        assert_eq!(r, root);
        assert_eq!(rels(&listing), ["a.txt", "b/c/d.md"]);
        assert!(listing.refused.is_empty());
    }

    #[test]
    fn the_output_folder_inside_the_corpus_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs_err::create_dir_all(root.join("out/csv")).unwrap();
        fs_err::write(root.join("out/csv/documents.csv"), "x").unwrap();
        fs_err::write(root.join("a.txt"), "x").unwrap();
        let (_, listing) = discover(root, &[], &[root.join("out")]).unwrap();
        assert_eq!(rels(&listing), ["a.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn special_files_and_bad_symlinks_are_refused() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs_err::write(root.join("ok.txt"), "x").unwrap();
        fs_err::write(outside.path().join("far.txt"), "x").unwrap();
        symlink(root.join("ok.txt"), root.join("link.txt")).unwrap();
        symlink("/dev/zero", root.join("zero.txt")).unwrap();
        symlink(root.join("missing"), root.join("broken.txt")).unwrap();
        symlink(outside.path().join("far.txt"), root.join("far.txt")).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.txt"))
            .status()
            .unwrap();
        assert!(status.success());
        let (_, listing) = discover(root, &[], &[]).unwrap();
        assert_eq!(rels(&listing), ["link.txt", "ok.txt"]);
        let refused: Vec<(&str, &str)> = listing
            .refused
            .iter()
            .map(|f| (f.path.as_str(), f.error.as_str()))
            .collect();
        assert_eq!(refused.len(), 4, "{refused:?}");
        assert_eq!(refused[0].0, "broken.txt");
        assert!(refused[0].1.contains("cannot be followed"));
        assert!(
            refused[1].1.contains("outside the corpus folder"),
            "{}",
            refused[1].1
        );
        assert_eq!(
            refused[2],
            (
                "pipe.txt",
                "pipe.txt: not a regular file (FIFO (named pipe)); only regular files are read"
            )
        );
        assert_eq!(
            refused[3],
            (
                "zero.txt",
                "zero.txt: symbolic link to a character device; only links to regular files are followed"
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_are_escaped_losslessly() {
        use std::os::unix::ffi::OsStrExt as _;
        assert_eq!(
            escape_name(OsStr::from_bytes(b"caf\xe9 50%.txt")),
            "caf%E9 50%25.txt"
        );
        assert_eq!(
            escape_name(OsStr::from_bytes(b"caf\xc3\xa9 50%.txt")),
            "café 50%.txt"
        );
        assert_ne!(
            escape_name(OsStr::from_bytes(b"\xe9.txt")),
            escape_name(OsStr::from_bytes(b"\xe8.txt"))
        );
    }
}
