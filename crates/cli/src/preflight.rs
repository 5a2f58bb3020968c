//! Checks made before any work, so that a refusal costs nothing and touches nothing.

use crate::Settings;
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

/// Refuses a run whose output path is not accord's to replace (see
/// [`accord_publish::check_output_dir`]) or lies inside the corpus folder (a rerun would read
/// the previous tables as inputs).
///
/// # Errors
/// The refusal, naming the path; the path is left as it was.
pub fn check(settings: &Settings) -> Result<()> {
    check_gazetteers(&settings.gazetteers)?;
    let out = &settings.output.dir;
    accord_publish::check_output_dir(out)?;
    let root = &settings.corpus.root;
    let inside = root.is_dir()
        && match (root.canonicalize(), resolve(out)) {
            (Ok(root), Some(out)) => out.starts_with(root),
            _ => false,
        };
    if inside {
        bail!(
            "refusing to write to {}: it is inside the input folder {}, so a rerun would read the tables as documents; choose an --out outside it",
            out.display(),
            root.display()
        );
    }
    Ok(())
}

/// The files a gazetteer folder must hold. A header-only file says "none of these".
pub(crate) const GAZETTEER_FILES: [&str; 6] = [
    "agencies.csv",
    "agreements.csv",
    "working_groups.csv",
    "countries.csv",
    "regions.csv",
    "subdivisions.csv",
];

/// Refuses a gazetteer folder that does not exist or lacks one of [`GAZETTEER_FILES`]:
/// a missing file would silently mean fewer entities.
///
/// # Errors
/// The folder and the missing files.
pub(crate) fn check_gazetteers(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        bail!(
            "gazetteer folder {} does not exist or is not a folder",
            dir.display()
        );
    }
    let missing: Vec<&str> = GAZETTEER_FILES
        .into_iter()
        .filter(|f| !dir.join(f).is_file())
        .collect();
    if !missing.is_empty() {
        bail!(
            "gazetteer folder {} lacks {}: copy them from data/gazetteers/ (a file with only its header row means none)",
            dir.display(),
            missing.join(", ")
        );
    }
    Ok(())
}

/// `path` made absolute with symbolic links resolved, for a path that may not exist yet:
/// its nearest existing ancestor is resolved and the rest appended.
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return Some(rest.iter().rev().fold(real, |acc: PathBuf, p| acc.join(p)));
        }
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gazetteer_folder_missing_files_is_named() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join("agencies.csv"), "id\n").expect("write");
        let err = check_gazetteers(tmp.path())
            .expect_err("incomplete")
            .to_string();
        assert!(
            err.contains("lacks agreements.csv, working_groups.csv, countries.csv, regions.csv"),
            "{err}"
        );
    }

    #[test]
    fn resolve_keeps_the_missing_tail() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let real = tmp.path().canonicalize().expect("real");
        assert_eq!(
            resolve(&tmp.path().join("a/b")),
            Some(real.join("a").join("b"))
        );
    }
}
