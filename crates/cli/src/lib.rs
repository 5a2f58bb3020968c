//! The accord command line: settings, logging and the one runner that calls the four stages
//! in order (ingest → extract → normalize → publish).
//!
//! Exit codes: `0` every input processed; `1` some inputs failed (their `failures` rows
//! are written and the tables published); `2` usage or environment error (bad pipeline
//! file, unreadable gazetteer, unwritable output, empty corpus); `130` interrupted (Ctrl-C;
//! nothing published, a rerun resumes from the cache).

mod cache;
mod cli;
mod eval;
mod gazetteers;
mod gold;
mod inputs;
mod interrupt;
mod preflight;
mod runner;
mod settings;
mod shard;
mod summary;
mod timings;

pub use cli::{Cli, Command, GoldCommand, dispatch, init_logging};
pub use eval::{Evaluation, TableScore, evaluate, render as render_evaluation};
pub use gazetteers::load_gazetteer;
pub use gold::init as gold_init;
pub use interrupt::Interrupted;
pub use preflight::check as check_run;
pub use runner::{Entry, RunOptions, RunReport, manifest, run_pipeline, run_pipeline_with};
pub use settings::{Corpus, Output, Settings};
pub use shard::{
    Given, GivenInput, ShardSpec, map_given_shard_bytes, map_shard, map_shard_bytes,
    merge_shard_bytes, reduce_shards,
};
pub use summary::closing_line;
