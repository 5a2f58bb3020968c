//! The torture suite of accord lives in `tests/torture.rs` (a libtest-mimic harness): it
//! generates hostile inputs (bombs, odd files, odd names, malformed documents) and faults
//! (kill -9 during a run, corrupted cache, concurrent runs, a full disk) and runs the
//! `accord` binary on each, asserting the exit code, that every input is exactly one
//! `documents` or `failures` row with the expected reason, a time limit, a memory limit,
//! and that the clean document beside it is unchanged. This library is empty.
