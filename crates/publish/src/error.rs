use std::path::PathBuf;

/// Errors of the publish stage. All of them are environment errors (disk, permissions), not
/// bad input: publish only sees data the earlier stages produced.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A table could not be assembled as a `DataFrame`.
    #[error("could not build table `{table}`")]
    Table {
        /// Table name.
        table: &'static str,
        /// Cause.
        #[source]
        source: polars::error::PolarsError,
    },
    /// A Parquet file could not be written.
    #[error("could not write {}", path.display())]
    Parquet {
        /// File being written.
        path: PathBuf,
        /// Cause.
        #[source]
        source: polars::error::PolarsError,
    },
    /// A CSV file of the mirror could not be written.
    #[error("could not write {}", path.display())]
    Csv {
        /// File being written.
        path: PathBuf,
        /// Cause.
        #[source]
        source: csv::Error,
    },
    /// A JSON file could not be serialised.
    #[error("could not serialise {}", path.display())]
    Json {
        /// File being written.
        path: PathBuf,
        /// Cause.
        #[source]
        source: serde_json::Error,
    },
    /// The output folder exists, is not empty and holds no accord marker (`.accord-output`):
    /// it is not an earlier accord output, and replacing it would delete someone's files.
    #[error(
        "refusing to replace {}: the folder is not empty and is not an accord output (no .accord-output marker); choose another --out, or an empty or new folder",
        path.display()
    )]
    NotAnOutput {
        /// The folder.
        path: PathBuf,
    },
    /// The output path exists and is not a folder (a file, a symbolic link, a device):
    /// accord never replaces it.
    #[error(
        "refusing to write to {}: it is {what}, not a folder; choose another --out",
        path.display()
    )]
    NotAFolder {
        /// The path.
        path: PathBuf,
        /// What it is instead ("a file", "a symbolic link", "not a folder").
        what: &'static str,
    },
    /// Creating, writing or renaming a file or directory failed (the message names the path).
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Result of the publish stage.
pub type Result<T, E = Error> = std::result::Result<T, E>;
