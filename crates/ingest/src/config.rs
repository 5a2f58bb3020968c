//! Configuration of the ingest stage.

use serde::Deserialize;

/// Options of the ingest stage, read from the `[ingest]` table of a pipeline file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Files larger than this many bytes are refused with [`crate::Error::TooLarge`]
    /// (default 200 MB = 200,000,000 bytes).
    pub max_file_bytes: u64,
    /// Time budget of one document in seconds (default 60): a document whose ingest takes
    /// longer fails with [`crate::Error::TimedOut`]. The readers check the clock as they go
    /// (per page, per content-stream operation batch, per XML event batch, between text
    /// passes), so an over-budget document stops soon after the budget runs out instead of
    /// hanging.
    pub max_seconds_per_document: u64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            max_file_bytes: 200_000_000,
            max_seconds_per_document: 60,
        }
    }
}
