use std::path::PathBuf;

/// Errors of the extract stage: only gazetteer loading can fail; extraction over a document
/// always succeeds (a document with nothing recognisable gives no mentions).
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
    /// A pattern automaton could not be built.
    #[error("could not build the gazetteer automaton")]
    Automaton(#[source] aho_corasick::BuildError),
}

/// Result of the extract stage.
pub type Result<T, E = Error> = std::result::Result<T, E>;
