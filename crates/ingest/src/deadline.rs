//! The per-document time budget, checked by the readers as they go.

use std::time::{Duration, Instant};

use crate::{Error, Result};

/// When the ingest of one document must have finished.
///
/// The budget is cooperative: readers call [`Deadline::check`] between pages, between
/// batches of content-stream operations and XML events, and between text passes. A library
/// call that cannot be interrupted (parsing the PDF cross-reference table, inflating one zip
/// entry) runs to its end, but those are bounded by the file-size limit.
#[derive(Debug, Clone)]
pub(crate) struct Deadline<'a> {
    path: &'a str,
    start: Instant,
    budget: Duration,
}

impl<'a> Deadline<'a> {
    pub(crate) fn new(path: &'a str, budget: Duration) -> Self {
        Self {
            path,
            start: Instant::now(),
            budget,
        }
    }

    /// [`Error::TimedOut`] once the budget is spent.
    pub(crate) fn check(&self) -> Result<()> {
        if self.start.elapsed() > self.budget {
            return Err(Error::TimedOut {
                path: self.path.to_owned(),
                limit_seconds: self.budget.as_secs(),
            });
        }
        Ok(())
    }
}
