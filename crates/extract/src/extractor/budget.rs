//! The per-document time budget of extraction, checked as the rules go.

use std::cell::Cell;
use std::time::{Duration, Instant};

use crate::{Error, Result};

/// Calls to [`Budget::tick`] between two looks at the clock.
const TICKS_PER_CHECK: u32 = 64;

/// When one document's extraction must have finished. Cooperative: the extractor calls
/// [`Budget::check`] between passes and [`Budget::tick`] per sentence or candidate.
#[derive(Debug)]
pub(super) struct Budget<'a> {
    doc_id: &'a str,
    start: Instant,
    limit: Option<Duration>,
    ticks: Cell<u32>,
}

impl<'a> Budget<'a> {
    pub(super) fn new(doc_id: &'a str, limit: Duration) -> Self {
        Self {
            doc_id,
            start: Instant::now(),
            limit: Some(limit),
            ticks: Cell::new(0),
        }
    }

    pub(super) fn unlimited(doc_id: &'a str) -> Self {
        Self {
            limit: None,
            ..Self::new(doc_id, Duration::ZERO)
        }
    }

    /// [`Error::TimedOut`] once the budget is spent.
    pub(super) fn check(&self) -> Result<()> {
        match self.limit {
            Some(limit) if self.start.elapsed() > limit => Err(Error::TimedOut {
                doc_id: self.doc_id.to_owned(),
                limit_seconds: limit.as_secs(),
            }),
            _ => Ok(()),
        }
    }

    /// [`Budget::check`] every [`TICKS_PER_CHECK`] calls.
    pub(super) fn tick(&self) -> Result<()> {
        let n = self.ticks.get().wrapping_add(1);
        self.ticks.set(n);
        if n.is_multiple_of(TICKS_PER_CHECK) {
            self.check()
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spent_budget_is_an_error_and_unlimited_never_is() {
        let spent = Budget::new("d", Duration::ZERO);
        std::thread::sleep(Duration::from_millis(2));
        assert_eq!(
            spent.check().unwrap_err().to_string(),
            "d: extraction took longer than the time budget of 0 s per document"
        );
        assert!(Budget::unlimited("d").check().is_ok());
    }
}
