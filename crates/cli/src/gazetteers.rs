//! The pipeline's gazetteer: the main folder, plus the rows of each `extra_gazetteers`
//! folder on top (added, or replacing the main folder's row with the same key), so a user
//! extends the bundled knowledge without copying it.

use crate::preflight::GAZETTEER_FILES;
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The key column of each gazetteer file: rows with the same key are one entry.
fn key_column(file: &str) -> &'static str {
    match file {
        "countries.csv" => "iso3",
        "regions.csv" => "name",
        "subdivisions.csv" => "code",
        _ => "id",
    }
}

/// The gazetteer of `settings`: the main folder checked for its six files, the extra
/// folders merged on top, loaded (for a host that runs the stages itself).
///
/// # Errors
/// A missing folder or file, a bad extra folder, a gazetteer that does not load (each
/// naming the folder or file).
pub fn load_gazetteer(settings: &crate::Settings) -> Result<accord_extract::Gazetteer> {
    crate::preflight::check_gazetteers(&settings.gazetteers)?;
    let (dir, _merged) = assemble(&settings.gazetteers, &settings.extra_gazetteers)?;
    accord_extract::Gazetteer::load(&dir).with_context(|| {
        format!(
            "cannot load gazetteers from {}",
            settings.gazetteers.display()
        )
    })
}

/// The folder to load: `main` itself when there are no extras, else a temporary folder of
/// merged files (kept alive by the returned guard). Extra folders may hold any of the six
/// files; their header must be the main file's (in any order). Rows are upserted by key, in
/// the order the folders are listed; the merged file keeps the main file's order, then new
/// keys in the order they appear.
///
/// # Errors
/// An extra folder that does not exist, a file that is not CSV, a header that differs from
/// the main file's, or a row without a key (each naming the file).
pub(crate) fn assemble(
    main: &Path,
    extras: &[PathBuf],
) -> Result<(PathBuf, Option<tempfile::TempDir>)> {
    if extras.is_empty() {
        return Ok((main.to_path_buf(), None));
    }
    for dir in extras {
        if !dir.is_dir() {
            bail!(
                "extra gazetteer folder {} does not exist or is not a folder",
                dir.display()
            );
        }
    }
    let merged = tempfile::Builder::new()
        .prefix("accord-gazetteer-")
        .tempdir()
        .context("cannot create a folder for the merged gazetteer")?;
    for file in GAZETTEER_FILES {
        let (header, mut rows) = read(&main.join(file), file)?;
        let key = header
            .iter()
            .position(|h| h == key_column(file))
            .with_context(|| {
                format!(
                    "{} has no `{}` column",
                    main.join(file).display(),
                    key_column(file)
                )
            })?;
        let mut index: BTreeMap<String, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r[key].trim().to_owned(), i))
            .collect();
        for dir in extras {
            let path = dir.join(file);
            if !path.is_file() {
                continue;
            }
            let (extra_header, extra_rows) = read(&path, file)?;
            let mut sorted_main = header.clone();
            sorted_main.sort();
            let mut sorted_extra = extra_header.clone();
            sorted_extra.sort();
            if sorted_main != sorted_extra {
                bail!(
                    "{}: the header must have the columns of {} ({}), not {}",
                    path.display(),
                    main.join(file).display(),
                    header.join(","),
                    extra_header.join(",")
                );
            }
            // Reorder the extra file's columns to the main file's.
            let order: Vec<usize> = header
                .iter()
                .map(|h| extra_header.iter().position(|e| e == h).unwrap_or(0))
                .collect();
            for (line, row) in extra_rows.into_iter().enumerate() {
                let row: Vec<String> = order.iter().map(|i| row[*i].clone()).collect();
                let id = row[key].trim().to_owned();
                if id.is_empty() {
                    bail!(
                        "{} line {}: no `{}`",
                        path.display(),
                        line + 2,
                        key_column(file)
                    );
                }
                if let Some(&i) = index.get(&id) {
                    rows[i] = row;
                } else {
                    index.insert(id, rows.len());
                    rows.push(row);
                }
            }
        }
        let target = merged.path().join(file);
        let mut writer = csv::Writer::from_path(&target)
            .with_context(|| format!("cannot write {}", target.display()))?;
        writer.write_record(&header)?;
        for row in &rows {
            writer.write_record(row)?;
        }
        writer.flush()?;
    }
    Ok((merged.path().to_path_buf(), Some(merged)))
}

/// Header and rows of one gazetteer file.
fn read(path: &Path, file: &str) -> Result<(Vec<String>, Vec<Vec<String>>)> {
    let mut reader = csv::Reader::from_path(path)
        .with_context(|| format!("cannot read gazetteer file {} ({file})", path.display()))?;
    let header: Vec<String> = reader
        .headers()
        .with_context(|| format!("{}: no header row", path.display()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.with_context(|| format!("{} line {}: not valid CSV", path.display(), i + 2))?;
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok((header, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(dir: &Path, files: &[(&str, &str)]) {
        std::fs::create_dir_all(dir).expect("dir");
        for (name, text) in files {
            std::fs::write(dir.join(name), text).expect("write");
        }
    }

    #[test]
    fn extra_rows_are_added_or_replace_by_key() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let main = tmp.path().join("main");
        let headers = [
            (
                "agencies.csv",
                "id,name,acronym,aliases,country,kind,parent,history,source\nrcmp,Royal Canadian Mounted Police,RCMP,,CAN,law_enforcement,,,s\n",
            ),
            ("agreements.csv", "id,name\n"),
            ("working_groups.csv", "id,name\n"),
            ("countries.csv", "iso3,name\n"),
            ("regions.csv", "name,members\n"),
            ("subdivisions.csv", "code,name\n"),
        ];
        folder(&main, &headers);
        let extra = tmp.path().join("mine");
        // Columns in another order; one row replaces, one is new.
        folder(
            &extra,
            &[(
                "agencies.csv",
                "name,id,acronym,aliases,country,kind,parent,history,source\nRoyal Canadian Mounted Police (RCMP),rcmp,RCMP,Mounties,CAN,law_enforcement,,,mine\nOntario Provincial Police,opp,OPP,,CAN,law_enforcement,,,mine\n",
            )],
        );
        let (dir, _guard) = assemble(&main, &[extra]).expect("merged");
        let merged = std::fs::read_to_string(dir.join("agencies.csv")).expect("merged file");
        assert_eq!(
            merged,
            "id,name,acronym,aliases,country,kind,parent,history,source\n\
             rcmp,Royal Canadian Mounted Police (RCMP),RCMP,Mounties,CAN,law_enforcement,,,mine\n\
             opp,Ontario Provincial Police,OPP,,CAN,law_enforcement,,,mine\n"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("countries.csv")).expect("copied"),
            "iso3,name\n"
        );
    }

    #[test]
    fn a_header_that_differs_is_named() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let main = tmp.path().join("main");
        folder(&main, &GAZETTEER_FILES.map(|f| (f, "id,name,iso3\n")));
        let extra = tmp.path().join("mine");
        folder(&extra, &[("agreements.csv", "id,title\nx,y\n")]);
        let err = assemble(&main, &[extra])
            .expect_err("bad header")
            .to_string();
        assert!(
            err.contains("mine/agreements.csv: the header must have the columns"),
            "{err}"
        );
    }
}
