//! Ctrl-C: the run stops taking new documents, finishes the ones in progress (their results
//! are cached), publishes nothing, and says that a rerun resumes from the cache.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Installs the Ctrl-C handler (once per process; a second call is a no-op). A second
/// Ctrl-C while the run winds down ends the process at once.
pub(crate) fn install() {
    let _ = ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
}

/// Whether Ctrl-C was pressed.
pub(crate) fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The run was interrupted before publishing: exit status 130.
#[derive(Debug)]
pub struct Interrupted {
    /// Documents whose results were computed or found in the cache before the stop.
    pub done: usize,
    /// Inputs of the run.
    pub inputs: usize,
}

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "interrupted after {} of {} documents; nothing was published (the previous output, if any, is as it was); rerun to resume: finished documents come from the cache",
            self.done, self.inputs
        )
    }
}

impl std::error::Error for Interrupted {}
