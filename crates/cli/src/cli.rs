//! Command-line arguments (clap derive) and logging.

use crate::Settings;
use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// accord turns a folder of policy documents into research tables: agreements, working
/// groups, agencies and funding figures, each row traceable to a quote in a document.
#[derive(Debug, Parser)]
#[command(name = "accord", version, about, long_about = None)]
pub struct Cli {
    /// More log output (-v: debug, -vv: trace). `RUST_LOG` overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Only errors, and one line counting the inputs that failed.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a pipeline: ingest → extract → normalize → publish.
    ///
    /// The output folder is checked before any work: a file, a symbolic link, a folder with
    /// files that accord did not write (it has no `.accord-output` marker) or a folder inside
    /// the input folder is refused and left as it was.
    ///
    /// An empty corpus and an incomplete gazetteer folder are errors. A closing line on
    /// stderr sums up the run. Ctrl-C stops it after the documents in progress: nothing is
    /// published, and a rerun resumes from the cache.
    ///
    /// Exit status: 0 all inputs processed; 1 some inputs failed (see failures.parquet; the
    /// tables are still written); 2 usage or environment error; 130 interrupted.
    Run {
        /// Pipeline file (e.g. pipelines/north-american-security.toml).
        pipeline: PathBuf,
        /// Read documents from this folder (or file) instead of the pipeline's corpus root.
        #[arg(long)]
        input: Option<PathBuf>,
        /// Write tables to this folder instead of the pipeline's output directory.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Worker threads for ingest and extract (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// No progress bar, even on a terminal.
        #[arg(long)]
        no_progress: bool,
        /// Ignore cached ingest and extract results (a cold run; the cache is refreshed).
        #[arg(long)]
        no_cache: bool,
        /// Cache folder (default: a folder of the output's own under the user's cache
        /// directory, `$XDG_CACHE_HOME/accord/` or `~/.cache/accord/`).
        #[arg(long)]
        cache_dir: Option<PathBuf>,
        /// Also print, on stderr and even under `-q`, the wall time of each stage (setup,
        /// ingest+extract, normalize, publish), the ingest and extract work summed over the
        /// threads, and the peak resident memory after each stage.
        #[arg(long)]
        timings: bool,
    },
    /// The map half of a run, for other engines and batch schedulers: ingest and extract
    /// over shard K of N of the inputs (every N-th in path order), written to
    /// `<shards>/shard-K-of-N.json`. Run it once per K (on any machines that see the
    /// corpus), then `accord reduce`. The tables are the bytes `accord run` writes.
    ///
    /// Exit status: 0 shard written (inputs that failed are in it, and become failures
    /// rows in the reduce); 2 usage or environment error; 130 interrupted.
    Map {
        /// Pipeline file (e.g. pipelines/north-american-security.toml).
        pipeline: PathBuf,
        /// Which shard, as K/N (1 <= K <= N), e.g. 2/3.
        #[arg(long)]
        shard: crate::ShardSpec,
        /// Folder to write the shard file into (created if missing).
        #[arg(long)]
        shards: PathBuf,
        /// Read documents from this folder (or file) instead of the pipeline's corpus root.
        #[arg(long)]
        input: Option<PathBuf>,
        /// The output folder the reduce will write (it names the default cache folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Worker threads for ingest and extract (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Ignore cached ingest and extract results (a cold run; the cache is refreshed).
        #[arg(long)]
        no_cache: bool,
        /// Cache folder (default: as for `accord run`).
        #[arg(long)]
        cache_dir: Option<PathBuf>,
    },
    /// The reduce half of a run: reads the N shard files that `accord map` wrote, checks
    /// that they are one complete run of this pipeline (each shard once, the same inputs,
    /// version and configuration), then normalizes and publishes as `accord run` does.
    ///
    /// Exit status: as `accord run` (0, 1 when some inputs failed, 2, 130).
    Reduce {
        /// Pipeline file: the one the shards were mapped with.
        pipeline: PathBuf,
        /// Folder holding the shard files.
        #[arg(long)]
        shards: PathBuf,
        /// Write tables to this folder instead of the pipeline's output directory.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Score published tables against gold annotations (format: tests/eval/GOLD.md).
    ///
    /// Prints precision, recall and F1 per table and attribute accuracy, the same numbers
    /// as the project's Python scorer (`tests/eval/score.py`); the macro F1 leaves out
    /// tables with nothing to score (no gold item, no row). Every gold file is checked
    /// first (types, unknown keys, vocabularies, `doc_id` against the file name): a problem
    /// is an error.
    ///
    /// Exit status: 0 scored; 2 bad gold files, a missing or empty tables folder, or another
    /// usage error.
    Eval {
        /// Gold folder (searched recursively for `<doc_id>.json`) or one gold file.
        #[arg(long)]
        gold: PathBuf,
        /// Folder with `agreements.parquet`, `working_groups.parquet`, `agencies.parquet` and
        /// `funding.parquet`.
        #[arg(long)]
        tables: PathBuf,
        /// List every missed gold item, every unmatched row and every wrong attribute of
        /// a matched item (with both values).
        #[arg(long)]
        show_errors: bool,
        /// Also write the full result as JSON here: scores per table and per document.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// Gold files: `accord gold init DOC_ID` writes one pre-filled from the tables.
    Gold {
        /// What to do.
        #[command(subcommand)]
        command: GoldCommand,
    },
}

/// `accord gold` subcommands.
#[derive(Debug, Subcommand)]
pub enum GoldCommand {
    /// Write `<gold>/<doc_id>.json` pre-filled from the tables (every entity of the
    /// document and every figure), for a person to correct. Never overwrites a file.
    Init {
        /// The document's id (`documents.doc_id`: its path under the corpus root, without
        /// the extension).
        doc_id: String,
        /// An output folder of `accord run`.
        #[arg(long)]
        tables: PathBuf,
        /// Gold folder to write into.
        #[arg(long)]
        gold: PathBuf,
    },
}

/// Installs the tracing subscriber (stderr; `RUST_LOG` overrides `-v`/`-q`).
pub fn init_logging(cli: &Cli) {
    let level = if cli.quiet {
        "error"
    } else {
        match cli.verbose {
            0 => "info",
            1 => "debug",
            _ => "trace",
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}

/// Runs the parsed command.
///
/// # Errors
/// Usage and environment errors (exit status 2 in `main`).
pub fn dispatch(cli: &Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Run {
            pipeline,
            input,
            out,
            threads,
            no_progress,
            no_cache,
            cache_dir,
            timings,
        } => {
            let settings = Settings::load_with(
                pipeline,
                input.as_deref(),
                out.as_deref(),
                cache_dir.as_deref(),
            )?;
            let progress =
                !no_progress && !cli.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
            let options = crate::RunOptions {
                threads: *threads,
                progress,
                use_cache: !no_cache,
                build: None,
            };
            crate::interrupt::install();
            let started = std::time::Instant::now();
            let report = crate::run_pipeline_with(&settings, &options)?;
            let line = crate::summary::closing_line(
                &report,
                &settings.output.dir,
                started.elapsed(),
                cli.quiet,
            );
            if !line.is_empty() {
                eprintln!("{line}");
            }
            if *timings {
                eprintln!("{}", crate::summary::stage_line(&report));
            }
            Ok(if report.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Map {
            pipeline,
            shard,
            shards,
            input,
            out,
            threads,
            no_cache,
            cache_dir,
        } => {
            let settings = Settings::load_with(
                pipeline,
                input.as_deref(),
                out.as_deref(),
                cache_dir.as_deref(),
            )?;
            let options = crate::RunOptions {
                threads: *threads,
                progress: false,
                use_cache: !no_cache,
                build: None,
            };
            crate::interrupt::install();
            let path = crate::map_shard(&settings, &options, *shard, shards)?;
            if !cli.quiet {
                eprintln!(
                    "Wrote shard {}/{}: {}",
                    shard.index,
                    shard.count,
                    path.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Reduce {
            pipeline,
            shards,
            out,
        } => {
            let settings = Settings::load_with(pipeline, None, out.as_deref(), None)?;
            let started = std::time::Instant::now();
            let report = crate::reduce_shards(&settings, shards)?;
            let line = crate::summary::closing_line(
                &report,
                &settings.output.dir,
                started.elapsed(),
                cli.quiet,
            );
            if !line.is_empty() {
                eprintln!("{line}");
            }
            Ok(if report.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Eval {
            gold,
            tables,
            show_errors,
            json,
        } => {
            let evaluation = crate::eval::evaluate(gold, tables)?;
            print!("{}", crate::eval::render(&evaluation, *show_errors));
            if let Some(path) = json {
                let text = serde_json::to_string_pretty(&evaluation.to_json())?;
                fs_err::write(path, text + "\n")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Gold {
            command:
                GoldCommand::Init {
                    doc_id,
                    tables,
                    gold,
                },
        } => {
            let path = crate::gold::init(doc_id, tables, gold)?;
            eprintln!(
                "Wrote {}: correct it by hand (add what is missing, delete what is wrong, mark borderline items \"required\": false).",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
