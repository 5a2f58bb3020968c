use std::path::PathBuf;

/// Errors of the extract stage: gazetteer loading, and a document whose extraction runs past
/// its time budget ([`crate::Extractor::extract_within`]); otherwise extraction over a
/// document always succeeds (a document with nothing recognisable gives no mentions).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A gazetteer file could not be read.
    #[error("could not read gazetteer {}", path.display())]
    Read {
        /// File.
        path: PathBuf,
        /// Cause.
        #[source]
        source: std::io::Error,
    },
    /// A gazetteer row is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Row {
        /// File.
        path: PathBuf,
        /// 1-based line of the row.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The CSV parser failed.
    #[error("could not parse gazetteer {}", path.display())]
    Csv {
        /// File.
        path: PathBuf,
        /// Cause.
        #[source]
        source: csv::Error,
    },
    /// Extracting one document took longer than its time budget
    /// (`[extract] max_seconds_per_document`).
    #[error(
        "{doc_id}: extraction took longer than the time budget of {limit_seconds} s per document"
    )]
    TimedOut {
        /// The document.
        doc_id: String,
        /// The budget in seconds.
        limit_seconds: u64,
    },
    /// An option of `[extract]` is out of range.
    #[error("invalid [extract] option: {message}")]
    InvalidConfig {
        /// Which option, and why.
        message: String,
    },
    /// A pattern automaton could not be built.
    #[error("could not build the gazetteer automaton")]
    Automaton(#[source] aho_corasick::BuildError),
}

/// Result of the extract stage.
pub type Result<T, E = Error> = std::result::Result<T, E>;
