//! Which paths accord may replace: only its own earlier outputs, recognised by the marker
//! file [`OUTPUT_MARKER`] that every publish writes.

use crate::{Error, Result};
use fs_err as fs;
use std::path::Path;

/// Name of the marker file in every output folder. It holds [`MARKER_HEADER`] on its first
/// line and the run id on its second. A `manifest.json` alone does not make a folder
/// accord's: plenty of projects have one.
pub const OUTPUT_MARKER: &str = ".accord-output";

/// First line of [`OUTPUT_MARKER`].
pub const MARKER_HEADER: &str = "accord output folder: replaced as a whole by each run";

/// Checks that `path` may be used as an output folder: it does not exist, or it is an empty
/// folder, or it is a folder with accord's marker (an earlier output). Reads only; call it
/// before any work so a refusal costs nothing.
///
/// # Errors
/// [`Error::NotAFolder`] when `path` is a file, a symbolic link or another non-folder;
/// [`Error::NotAnOutput`] when it is a non-empty folder without a valid marker;
/// [`Error::Io`] when it cannot be inspected.
pub fn check_output_dir(path: &Path) -> Result<()> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => {
            return Err(Error::Io(std::io::Error::new(
                err.kind(),
                format!("cannot inspect the output path {}: {err}", path.display()),
            )));
        }
    };
    let kind = meta.file_type();
    if !kind.is_dir() {
        let what = if kind.is_symlink() {
            "a symbolic link"
        } else if kind.is_file() {
            "a file"
        } else {
            "not a folder"
        };
        return Err(Error::NotAFolder {
            path: path.to_path_buf(),
            what,
        });
    }
    if fs::read_dir(path)?.next().is_none() || is_output(path) {
        return Ok(());
    }
    Err(Error::NotAnOutput {
        path: path.to_path_buf(),
    })
}

/// Whether `dir` holds a marker file written by accord.
pub(crate) fn is_output(dir: &Path) -> bool {
    let marker = dir.join(OUTPUT_MARKER);
    std::fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file())
        && std::fs::read_to_string(&marker)
            .is_ok_and(|text| text.lines().next() == Some(MARKER_HEADER))
}

/// The marker's text for a run whose id is `run_id`.
pub(crate) fn marker_text(run_id: &str) -> String {
    format!("{MARKER_HEADER}\nrun {run_id}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_empty_folders_are_accepted() {
        let tmp = tempfile::tempdir().expect("tempdir");
        check_output_dir(&tmp.path().join("new")).expect("missing is fine");
        check_output_dir(tmp.path()).expect("empty is fine");
    }

    #[test]
    fn a_file_is_refused_and_named() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("tables.csv");
        std::fs::write(&file, "a,b\n").expect("write");
        let err = check_output_dir(&file).expect_err("a file");
        assert!(
            matches!(err, Error::NotAFolder { what: "a file", .. }),
            "{err}"
        );
        assert!(err.to_string().contains("tables.csv"), "{err}");
    }

    #[test]
    fn a_manifest_does_not_make_a_folder_accords() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join("manifest.json"), "{}").expect("write");
        let err = check_output_dir(tmp.path()).expect_err("not ours");
        assert!(matches!(err, Error::NotAnOutput { .. }), "{err}");
        // A marker with other content is not accord's either.
        std::fs::write(tmp.path().join(OUTPUT_MARKER), "hello\n").expect("write");
        assert!(check_output_dir(tmp.path()).is_err());
        std::fs::write(tmp.path().join(OUTPUT_MARKER), marker_text("abc")).expect("write");
        check_output_dir(tmp.path()).expect("marked");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let target = tmp.path().join("real");
        std::fs::create_dir(&target).expect("dir");
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let err = check_output_dir(&link).expect_err("a link");
        assert!(matches!(err, Error::NotAFolder { .. }), "{err}");
    }
}
