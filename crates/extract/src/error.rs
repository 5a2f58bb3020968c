/// Errors of the extract stage: gazetteer loading, and a document whose extraction runs past
/// its time budget ([`crate::Extractor::extract_within`]); otherwise extraction over a
/// document always succeeds (a document with nothing recognisable gives no mentions).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The gazetteer folder could not be loaded.
    #[error(transparent)]
    Gazetteer(#[from] accord_gazetteer::Error),
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
