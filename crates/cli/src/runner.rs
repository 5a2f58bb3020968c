//! The one runner: calls the four stages in order.

use crate::Settings;
use crate::timings::{Step, Stopwatch, Work};
use accord_core::{Document, Failure, Mention};
use anyhow::{Context, Result};
use fs_err as fs;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;
use tracing::{info, info_span, warn};

/// The ingest and extract stages, set up for a run.
type Stages = (accord_ingest::Ingester, accord_extract::Extractor);

/// How the map step gets an input's bytes: the bytes, or why they could not be read with
/// the size to record for the input then.
pub(crate) type Reader<'a> =
    dyn Fn(&crate::inputs::Input) -> (Result<Vec<u8>, accord_ingest::Error>, u64) + Sync + 'a;

/// What happened to one input: a document with its mentions, or a failure.
type Outcome = Result<(Document, Vec<Mention>), Failure>;

/// Counts of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunReport {
    /// Input files found.
    pub inputs: usize,
    /// Documents ingested.
    pub documents: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Mentions extracted.
    pub mentions: usize,
    /// Documents whose ingest and extract results came from the cache.
    pub cached: usize,
    /// Rows written per table.
    pub rows: std::collections::BTreeMap<&'static str, usize>,
    /// Wall time of each stage, in run order: `setup` (preflight, input listing,
    /// gazetteers, cache), `ingest+extract` (reading, cache look-ups, both stages, in
    /// parallel), `normalize` and `publish` (a reduce of shards has the last two only).
    pub stages: Vec<(&'static str, std::time::Duration)>,
    /// Time spent in each per-document stage, summed over the worker threads: `ingest`
    /// and `extract` (documents from the cache count in neither; empty for a reduce).
    pub work: Vec<(&'static str, std::time::Duration)>,
    /// Peak resident memory of the process at the end of each stage, in bytes (Linux
    /// `VmHWM`; empty where the system does not report it).
    pub peak_rss: Vec<(&'static str, u64)>,
    /// The output folder already held what this run would write (same inputs, settings,
    /// gazetteer and build, every file unchanged): normalize and publish were skipped.
    pub reused: bool,
}

/// Runs ingest → extract → normalize → publish for `settings`.
///
/// Per-document work runs in parallel (rayon, `threads` workers); a document that fails
/// becomes a `failures` row and never stops the others. Results are assembled in path
/// order, so the output does not depend on the thread count.
///
/// # Errors
/// Environment errors only: unreadable corpus folder or gazetteer, unwritable output.
pub fn run_pipeline(
    settings: &Settings,
    threads: Option<usize>,
    progress: bool,
) -> Result<RunReport> {
    run_pipeline_with(
        settings,
        &RunOptions {
            threads,
            progress,
            use_cache: true,
            build: None,
        },
    )
}

/// How to run a pipeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// Worker threads for ingest and extract (`None`: all cores).
    pub threads: Option<usize>,
    /// Show a progress bar.
    pub progress: bool,
    /// Reuse cached ingest and extract results of unchanged inputs (`false`: a cold run,
    /// which still refreshes the cache).
    pub use_cache: bool,
    /// What identifies the build whose results the cache holds (default: the running
    /// executable's size and modification time). A host that loads accord as a library
    /// (the Python module) names its own library file here, so that a rebuild misses.
    pub build: Option<String>,
}

/// Runs ingest → extract → normalize → publish for `settings` (see [`run_pipeline`]).
///
/// # Errors
/// Environment errors only: unreadable corpus folder or gazetteer, unwritable output.
pub fn run_pipeline_with(settings: &Settings, options: &RunOptions) -> Result<RunReport> {
    let mut watch = Stopwatch::start();
    crate::preflight::check(settings)?;
    let prepared = Prepared::new(settings, options)?;
    watch.lap("setup");
    let all: Vec<usize> = (0..prepared.inputs.len()).collect();
    let mut entries = prepared.map(settings, options, &all)?;
    entries.extend(prepared.refused_entries());
    watch.lap("ingest+extract");
    // With the cache on, an output folder that is already current is kept as it is.
    let reuse = Reuse {
        depends_on: format!("{} | build {}", prepared.salt, prepared.build),
        skip_if_current: options.use_cache,
        fingerprint: settings.cache_dir().join("output.fingerprint"),
    };
    let mut report = reduce_entries(
        settings,
        &prepared.gazetteer,
        entries,
        prepared.with_extension.clone(),
        Some(&reuse),
        &mut watch,
    )?;
    report.work = prepared.work.totals();
    Ok(report)
}

/// The result of the map step for one input: its size and SHA-256 (for the manifest),
/// whether it came from the cache, and its document with mentions or its failure.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// Path relative to the corpus root, `/`-separated.
    pub path: String,
    /// Size in bytes (0 when it could not be read).
    pub bytes: u64,
    /// Lowercase hex SHA-256 of the bytes (empty when they could not be read).
    pub sha256: String,
    /// Whether ingest and extract were skipped because the cache held the result.
    pub from_cache: bool,
    /// The document and its mentions, or why the input failed.
    pub outcome: std::result::Result<(Document, Vec<Mention>), Failure>,
}

/// A run set up: its inputs listed (with their doc ids, which depend on every input),
/// gazetteer loaded and cache opened; no input read yet.
pub(crate) struct Prepared {
    /// Every input, sorted by path.
    pub(crate) inputs: Vec<crate::inputs::Input>,
    /// The doc id of each input.
    doc_ids: Vec<String>,
    /// Doc ids that keep their extension (another input shares the stem).
    pub(crate) with_extension: Vec<String>,
    /// Paths refused before any read (failures rows of the run).
    refused: Vec<Failure>,
    /// The merged gazetteer.
    pub(crate) gazetteer: accord_extract::Gazetteer,
    /// What the results depend on besides the inputs and the build (see [`salt`]).
    pub(crate) salt: String,
    /// The build the cache entries are keyed on.
    pub(crate) build: String,
    cache: crate::cache::Cache,
    /// Ingest and extract time of [`Prepared::map`], summed over the threads.
    work: Work,
}

/// What ingest and extract results depend on besides an input's bytes and the build:
/// the version, the ingest and extract settings and the gazetteer's bytes.
pub(crate) fn salt(settings: &Settings, gazetteer_dir: &Path) -> String {
    format!(
        "accord {} | ingest {:?} | extract {:?} | gazetteers {}",
        env!("CARGO_PKG_VERSION"),
        settings.ingest,
        settings.extract,
        crate::cache::folder_digest(gazetteer_dir)
    )
}

impl Prepared {
    /// Lists the inputs, gives them doc ids, loads the gazetteer and opens the cache.
    ///
    /// # Errors
    /// An unreadable or empty corpus folder, an unreadable gazetteer.
    pub(crate) fn new(settings: &Settings, options: &RunOptions) -> Result<Self> {
        let (root, listing) = crate::inputs::discover(
            &settings.corpus.root,
            &settings.corpus.exclude,
            &[settings.output.dir.clone(), settings.cache_dir()],
        )
        .with_context(|| {
            format!(
                "cannot read the corpus at {}",
                settings.corpus.root.display()
            )
        })?;
        Self::from_listing(settings, options, &root, listing)
    }

    /// [`Prepared::new`] for inputs listed by the caller (`root` names the corpus in
    /// messages): doc ids over every input, the gazetteer loaded, the cache opened.
    ///
    /// # Errors
    /// An empty listing, an unreadable gazetteer.
    pub(crate) fn from_listing(
        settings: &Settings,
        options: &RunOptions,
        root: &Path,
        listing: crate::inputs::Listing,
    ) -> Result<Self> {
        let mut refused = listing.refused;
        let mut inputs = listing.inputs;
        // Two inputs must never share a doc_id: shared stems keep their extension, and a path
        // repeated (two names that escape to the same text) is refused.
        let ids = {
            let rels: Vec<&str> = inputs.iter().map(|i| i.rel.as_str()).collect();
            accord_ingest::unique_doc_ids(&rels)
        };
        let mut doc_ids: Vec<String> = Vec::with_capacity(inputs.len());
        let mut with_extension: Vec<String> = Vec::new();
        let mut kept = Vec::with_capacity(inputs.len());
        for (input, (id, shared)) in inputs.drain(..).zip(ids) {
            if doc_ids.last() == Some(&id) {
                let error = format!(
                    "{}: another input has the same name once its bytes that are not UTF-8 are written as %XX; rename one of them",
                    input.rel
                );
                warn!(path = %input.rel, error = %error, "Input failed.");
                refused.push(Failure {
                    path: format!("{} (2)", input.rel),
                    stage: "ingest".to_owned(),
                    error,
                });
                continue;
            }
            if shared {
                warn!(path = %input.rel, doc_id = %id, "Another input has the same path without its extension; this doc_id keeps the extension.");
                with_extension.push(id.clone());
            }
            doc_ids.push(id);
            kept.push(input);
        }
        let inputs = kept;
        info!(inputs = inputs.len(), refused = refused.len(), root = %root.display(), "Found inputs.");
        if inputs.is_empty() && refused.is_empty() {
            anyhow::bail!(
                "no input documents in {} (hidden files and the pipeline's `exclude` entries are skipped): nothing to do, nothing written",
                root.display()
            );
        }
        let (gazetteer_dir, _merged) =
            crate::gazetteers::assemble(&settings.gazetteers, &settings.extra_gazetteers)?;
        let gazetteer = accord_extract::Gazetteer::load(&gazetteer_dir).with_context(|| {
            format!(
                "cannot load gazetteers from {}",
                settings.gazetteers.display()
            )
        })?;
        let salt = salt(settings, &gazetteer_dir);
        let build = options.build.clone().unwrap_or_else(crate::cache::build_id);
        let cache = crate::cache::Cache::new(
            settings.cache_dir(),
            format!("{salt} | build {build}"),
            options.use_cache,
        );
        Ok(Self {
            inputs,
            doc_ids,
            with_extension,
            refused,
            gazetteer,
            salt,
            build,
            cache,
            work: Work::default(),
        })
    }

    /// Every path of the run, refused ones included, sorted: what a shard's inputs digest
    /// is made of.
    pub(crate) fn all_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self
            .inputs
            .iter()
            .map(|i| i.rel.clone())
            .chain(self.refused.iter().map(|f| f.path.clone()))
            .collect();
        paths.sort();
        paths
    }

    /// The refused paths as entries (failures rows with no bytes read).
    pub(crate) fn refused_entries(&self) -> Vec<Entry> {
        self.refused
            .iter()
            .map(|failure| Entry {
                path: failure.path.clone(),
                bytes: 0,
                sha256: String::new(),
                from_cache: false,
                outcome: Err(failure.clone()),
            })
            .collect()
    }

    /// Ingest and extract for the inputs at `positions` of [`Prepared::inputs`], in
    /// parallel; the entries come back in the order of `positions`.
    ///
    /// # Errors
    /// Worker threads that cannot start, the stages that cannot be set up, or a Ctrl-C
    /// ([`crate::Interrupted`]).
    pub(crate) fn map(
        &self,
        settings: &Settings,
        options: &RunOptions,
        positions: &[usize],
    ) -> Result<Vec<Entry>> {
        let max = settings.ingest.max_file_bytes;
        self.map_with(
            settings,
            options,
            positions,
            &|input: &crate::inputs::Input| {
                match accord_ingest::read_input(&input.path, &input.rel, max) {
                    Ok(bytes) => (Ok(bytes), 0),
                    // The file's size when it cannot be read (0 when even that fails).
                    Err(err) => (Err(err), fs::metadata(&input.path).map_or(0, |m| m.len())),
                }
            },
        )
    }

    /// [`Prepared::map`] with the bytes of each input from `read`: the bytes, or why they
    /// could not be read with the size recorded for it then.
    ///
    /// # Errors
    /// As [`Prepared::map`].
    pub(crate) fn map_with(
        &self,
        settings: &Settings,
        options: &RunOptions,
        positions: &[usize],
        read: &Reader<'_>,
    ) -> Result<Vec<Entry>> {
        let cache = &self.cache;
        let inputs: Vec<&crate::inputs::Input> =
            positions.iter().map(|&i| &self.inputs[i]).collect();
        let doc_ids: Vec<&String> = positions.iter().map(|&i| &self.doc_ids[i]).collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads.unwrap_or(0))
            .build()
            .context("cannot start worker threads")?;
        let bar = options.progress.then(|| {
            let bar = indicatif::ProgressBar::new(inputs.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {bar:30} {pos}/{len} documents · {elapsed} elapsed · ETA {eta} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        // Ingest and extract are set up (automata compiled) once, by the first input that
        // misses the cache: a warm run never builds them.
        let stages: std::sync::OnceLock<std::result::Result<Stages, String>> =
            std::sync::OnceLock::new();
        let setup = || {
            stages.get_or_init(|| {
                let ingester = accord_ingest::Ingester::new(&settings.ingest)
                    .context("cannot set up ingest")
                    .map_err(|e| format!("{e:#}"))?;
                let extractor = accord_extract::Extractor::new(&settings.extract, &self.gazetteer)
                    .context("cannot set up extract")
                    .map_err(|e| format!("{e:#}"))?;
                Ok((ingester, extractor))
            })
        };
        let per_doc: Vec<(String, Outcome, bool, u64, String)> = pool.install(|| {
            inputs
                .par_iter()
                .zip(doc_ids.into_par_iter())
                .map(|(input, doc_id)| {
                    let rel = &input.rel;
                    if crate::interrupt::requested() {
                        let error = "interrupted".to_owned();
                        return (rel.clone(), Err(Failure { path: rel.clone(), stage: "interrupted".to_owned(), error }), false, 0, String::new());
                    }
                    // Each input is read here, as its turn comes, so that only the inputs
                    // in flight are held in memory. Reads stop at the size limit;
                    // unreadable, too large or special files become failures rows.
                    let (bytes, failed_size) = read(input);
                    let key = bytes.as_deref().ok().map(|b| cache.key(rel, b));
                    let cached = key.as_deref().and_then(|k| cache.load(k));
                    let from_cache = cached.is_some();
                    let (size, sha256) = match &bytes {
                        Ok(b) => (b.len() as u64, hex(&Sha256::digest(b))),
                        Err(_) => (failed_size, String::new()),
                    };
                    let out = if let Some(hit) = cached {
                        Ok(hit)
                    } else if let Ok((ingester, extractor)) = setup() {
                        let result = {
                            let _s = info_span!("stage", stage = "ingest", path = %rel).entered();
                            let started = Instant::now();
                            let result = match bytes {
                                Ok(b) => ingester.ingest_bytes(rel, &b),
                                Err(err) => Err(err),
                            };
                            self.work.add_since(Step::Ingest, started);
                            result
                        };
                        match result {
                            Ok(mut doc) => {
                                let _s =
                                    info_span!("stage", stage = "extract", doc = %doc.doc_id).entered();
                                // A bug in a rule must cost one document, not the run.
                                let started = Instant::now();
                                let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    extractor.extract_budgeted(&doc)
                                }));
                                self.work.add_since(Step::Extract, started);
                                match extracted {
                                    Ok(Err(err)) => {
                                        let error = error_chain(&err);
                                        warn!(path = %rel, error = %error, "Input failed.");
                                        Err(Failure { path: rel.clone(), stage: "extract".to_owned(), error })
                                    }
                                    Ok(Ok(extraction)) => {
                                        for warning in &extraction.warnings {
                                            warn!(path = %rel, warning = %warning, "Extraction was cut short.");
                                        }
                                        doc.warnings.extend(extraction.warnings);
                                        let value = (doc, extraction.mentions);
                                        if let Some(k) = &key {
                                            cache.store(k, &value);
                                        }
                                        Ok(value)
                                    }
                                    Err(panic) => {
                                        let detail = panic
                                            .downcast_ref::<&str>()
                                            .map(|s| (*s).to_owned())
                                            .or_else(|| panic.downcast_ref::<String>().cloned())
                                            .unwrap_or_default();
                                        let error = format!("{rel}: internal error in extraction (please report it): {detail}");
                                        warn!(path = %rel, error = %error, "Input failed.");
                                        Err(Failure { path: rel.clone(), stage: "extract".to_owned(), error })
                                    }
                                }
                            }
                            Err(err) => {
                                let error = error_chain(&err);
                                warn!(path = %rel, error = %error, "Input failed.");
                                Err(Failure {
                                    path: rel.clone(),
                                    stage: "ingest".to_owned(),
                                    error,
                                })
                            }
                        }
                    } else {
                        // The run fails below, with the reason the stages could not be set up.
                        Err(Failure {
                            path: rel.clone(),
                            stage: "ingest".to_owned(),
                            error: "ingest and extract could not be set up".to_owned(),
                        })
                    };
                    // The doc_id depends on the other inputs (a shared stem), so it is set here,
                    // after the cache, never taken from it.
                    let out = out.map(|(mut doc, mentions)| {
                        doc.doc_id.clone_from(doc_id);
                        (doc, mentions)
                    });
                    if let Some(bar) = &bar {
                        bar.inc(1);
                    }
                    (rel.clone(), out, from_cache, size, sha256)
                })
                .collect()
        });
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        if let Some(Err(reason)) = stages.get() {
            anyhow::bail!("{reason}");
        }
        if crate::interrupt::requested() {
            let done = per_doc
                .iter()
                .filter(|(_, out, _, _, _)| !matches!(out, Err(f) if f.stage == "interrupted"))
                .count();
            return Err(crate::Interrupted {
                done,
                inputs: inputs.len(),
            }
            .into());
        }
        Ok(per_doc
            .into_iter()
            .map(|(path, outcome, from_cache, bytes, sha256)| {
                // A document's SHA-256 is the one ingest computed, as in the manifest.
                let sha256 = match &outcome {
                    Ok((doc, _)) => doc.sha256.clone(),
                    Err(_) => sha256,
                };
                Entry {
                    path,
                    bytes,
                    sha256,
                    from_cache,
                    outcome,
                }
            })
            .collect())
    }
}

/// How a run records and uses the fingerprint of its output (see [`reduce_entries`]).
pub(crate) struct Reuse {
    /// What the results depend on besides the manifest: the cache salt and the build.
    pub(crate) depends_on: String,
    /// Keep an output folder that is already current instead of rewriting it (runs with
    /// the cache on; `--no-cache` always rewrites).
    pub(crate) skip_if_current: bool,
    /// Where the fingerprint of the output is kept: a file in the run's cache folder.
    pub(crate) fingerprint: PathBuf,
}

/// Normalize and publish: the reduce step over the entries of every input (in any order:
/// they are sorted by path here), with the doc ids that keep their extension. `watch`
/// takes a lap after each of the two stages; the report holds all its laps.
///
/// With `reuse`, the fingerprint of the output (a reuse key and the digest of every file,
/// [`accord_publish::fingerprint`]) is kept in `reuse.fingerprint`, and with
/// `reuse.skip_if_current` an output folder that already holds this run's output
/// ([`accord_publish::current_rows`]) is kept as it is: normalize and publish are skipped
/// and the report says `reused`. The output folder itself is the same either way.
///
/// # Errors
/// An unwritable output.
pub(crate) fn reduce_entries(
    settings: &Settings,
    gazetteer: &accord_extract::Gazetteer,
    mut entries: Vec<Entry>,
    with_extension: Vec<String>,
    reuse: Option<&Reuse>,
    watch: &mut Stopwatch,
) -> Result<RunReport> {
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let mut report = RunReport {
        inputs: entries.len(),
        ..RunReport::default()
    };
    let mut docs = Vec::new();
    let mut failures = Vec::new();
    let mut manifest_inputs = Vec::new();
    for entry in entries {
        report.cached += usize::from(entry.from_cache);
        manifest_inputs.push(accord_publish::Input {
            path: entry.path,
            bytes: entry.bytes,
            sha256: entry.sha256,
        });
        match entry.outcome {
            Ok((doc, mentions)) => {
                report.mentions += mentions.len();
                docs.push((doc, mentions));
            }
            Err(failure) => failures.push(failure),
        }
    }
    report.documents = docs.len();
    report.failed = failures.len();
    info!(
        documents = report.documents,
        failed = report.failed,
        mentions = report.mentions,
        cached = report.cached,
        "Extracted mentions."
    );
    info!(cached = report.cached, "Reused cached documents.");

    let manifest = manifest(settings, manifest_inputs, with_extension);
    let key = reuse.map(|r| reuse_key(&r.depends_on, &manifest));
    let current = match (reuse, key.as_deref()) {
        (Some(r), Some(key)) if r.skip_if_current => std::fs::read_to_string(&r.fingerprint)
            .ok()
            .and_then(|print| accord_publish::current_rows(&settings.output.dir, &print, key)),
        _ => None,
    };
    if let Some(rows) = current {
        watch.lap("normalize");
        watch.lap("publish");
        report.rows = rows;
        report.reused = true;
        report.stages.clone_from(&watch.stages);
        report.peak_rss.clone_from(&watch.peak_rss);
        info!(out = %settings.output.dir.display(), "Output is current: nothing to normalize or publish.");
        return Ok(report);
    }
    let dataset = {
        let _s = info_span!("stage", stage = "normalize").entered();
        accord_normalize::normalize(docs, failures, gazetteer)
    };
    watch.lap("normalize");
    let written = {
        let _s = info_span!("stage", stage = "publish").entered();
        accord_publish::publish(&dataset, &manifest, &settings.output.dir)
            .with_context(|| format!("cannot publish to {}", settings.output.dir.display()))?
    };
    if let (Some(r), Some(key)) = (reuse, key.as_deref()) {
        // A fingerprint that cannot be kept only costs the next run its shortcut.
        let kept = accord_publish::fingerprint(&settings.output.dir, &written.files, key).and_then(
            |print| {
                if let Some(dir) = r.fingerprint.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                std::fs::write(&r.fingerprint, print)
            },
        );
        if let Err(err) = kept {
            warn!(path = %r.fingerprint.display(), error = %err, "Cannot keep the output's fingerprint.");
        }
    }
    report.rows = written.rows;
    watch.lap("publish");
    report.stages.clone_from(&watch.stages);
    report.peak_rss.clone_from(&watch.peak_rss);
    info!(
        out = %settings.output.dir.display(),
        agreements = report.rows.get("agreements").copied().unwrap_or(0),
        working_groups = report.rows.get("working_groups").copied().unwrap_or(0),
        agencies = report.rows.get("agencies").copied().unwrap_or(0),
        funding = report.rows.get("funding").copied().unwrap_or(0),
        "Published tables."
    );
    Ok(report)
}

/// The reuse key of an output: the SHA-256 of `depends_on` (the cache salt and the build)
/// and the manifest (inputs, configuration, version), in hex.
fn reuse_key(depends_on: &str, manifest: &accord_publish::Manifest) -> String {
    let mut hasher = Sha256::new();
    hasher.update(depends_on.as_bytes());
    hasher.update([0]);
    hasher.update(serde_json::to_vec(manifest).unwrap_or_default());
    hex(&hasher.finalize())
}

/// The manifest of a run of `settings` over `inputs` (sorted by path), with the doc ids
/// that keep their extension: the accord version, the git commit of the pipeline file's
/// repository, the pipeline's name and the settings that change results.
pub fn manifest(
    settings: &Settings,
    inputs: Vec<accord_publish::Input>,
    with_extension: Vec<String>,
) -> accord_publish::Manifest {
    accord_publish::Manifest {
        accord_version: env!("CARGO_PKG_VERSION").to_owned(),
        git_commit: settings.file.as_deref().and_then(git_commit),
        pipeline: settings.name.clone(),
        config: serde_json::json!({
            "ingest": {
                "max_file_bytes": settings.ingest.max_file_bytes,
                "max_seconds_per_document": settings.ingest.max_seconds_per_document,
            },
            "extract": {
                "default_currency": settings.extract.default_currency,
                "patterns_in_footnotes": settings.extract.patterns_in_footnotes,
                "max_seconds_per_document": settings.extract.max_seconds_per_document,
                "max_mentions_per_document": settings.extract.max_mentions_per_document,
            },
        }),
        inputs,
        doc_ids_with_extension: with_extension,
    }
}

/// The commit checked out in the git repository that holds `file`, if any.
fn git_commit(file: &Path) -> Option<String> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "HEAD"])
        .output()
        .ok()?;
    let commit = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (out.status.success() && !commit.is_empty()).then_some(commit)
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
