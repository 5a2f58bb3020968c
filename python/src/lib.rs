//! `accord._native`: the Rust side of the `accord` Python package. The Python modules
//! (`accord/__init__.py`, `accord/ray/`) wrap these functions; see `accord/_native.pyi`
//! for their signatures.
//!
//! Every function runs the same code as the `accord` command line (`accord_cli`), with the
//! GIL released, and raises `accord.AccordError` with the message the command line prints
//! after `error:`.

mod stages;

use accord_cli::{Given, GivenInput, RunOptions, RunReport, Settings, ShardSpec};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use std::path::{Path, PathBuf};

pyo3::create_exception!(
    _native,
    AccordError,
    PyException,
    "A usage or environment error of accord (bad pipeline file, unreadable gazetteer, refused output, empty corpus, bad shards), with the command line's message."
);

/// The bundled default pipeline (`pipelines/north-american-security.toml` and the five
/// gazetteer files), used when no pipeline file is given.
const DEFAULT_PIPELINE: &str = include_str!("../../pipelines/north-american-security.toml");
const GAZETTEERS: [(&str, &str); 6] = [
    (
        "agencies.csv",
        include_str!("../../data/gazetteers/agencies.csv"),
    ),
    (
        "agreements.csv",
        include_str!("../../data/gazetteers/agreements.csv"),
    ),
    (
        "working_groups.csv",
        include_str!("../../data/gazetteers/working_groups.csv"),
    ),
    (
        "countries.csv",
        include_str!("../../data/gazetteers/countries.csv"),
    ),
    (
        "regions.csv",
        include_str!("../../data/gazetteers/regions.csv"),
    ),
    (
        "subdivisions.csv",
        include_str!("../../data/gazetteers/subdivisions.csv"),
    ),
];

fn to_py(err: &anyhow::Error) -> PyErr {
    AccordError::new_err(format!("{err:#}"))
}

/// The settings of a run: the pipeline file with the overrides, or the bundled default
/// pipeline (written to a temporary folder that the returned guard keeps).
fn settings(
    pipeline: Option<&Path>,
    input: Option<&Path>,
    out: Option<&Path>,
    cache_dir: Option<&Path>,
) -> anyhow::Result<(Settings, Option<tempfile::TempDir>)> {
    if let Some(pipeline) = pipeline {
        return Ok((Settings::load_with(pipeline, input, out, cache_dir)?, None));
    }
    let Some(input) = input else {
        anyhow::bail!("without a pipeline file, give the input folder (or file) to read");
    };
    let tmp = tempfile::tempdir()?;
    let gazetteers = tmp.path().join("data/gazetteers");
    std::fs::create_dir_all(&gazetteers)?;
    std::fs::create_dir_all(tmp.path().join("pipelines"))?;
    for (name, text) in GAZETTEERS {
        std::fs::write(gazetteers.join(name), text)?;
    }
    let file = tmp.path().join("pipelines/default.toml");
    std::fs::write(&file, DEFAULT_PIPELINE)?;
    let settings = Settings::load_with(&file, Some(input), out, cache_dir)?;
    Ok((settings, Some(tmp)))
}

fn report_dict<'py>(
    py: Python<'py>,
    report: &RunReport,
    out: &Path,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("inputs", report.inputs)?;
    dict.set_item("documents", report.documents)?;
    dict.set_item("failed", report.failed)?;
    dict.set_item("mentions", report.mentions)?;
    dict.set_item("cached", report.cached)?;
    dict.set_item("rows", report.rows.clone())?;
    dict.set_item("out", out)?;
    Ok(dict)
}

/// Runs ingest → extract → normalize → publish, as `accord run`; returns the counts as a
/// dict (`inputs`, `documents`, `failed`, `mentions`, `cached`, `rows`, `out`).
#[pyfunction]
#[pyo3(signature = (pipeline, input, out, *, threads=None, cache=true, cache_dir=None, build=None))]
#[allow(clippy::too_many_arguments, clippy::needless_pass_by_value)]
fn run(
    py: Python<'_>,
    pipeline: Option<PathBuf>,
    input: Option<PathBuf>,
    out: PathBuf,
    threads: Option<usize>,
    cache: bool,
    cache_dir: Option<PathBuf>,
    build: Option<String>,
) -> PyResult<Bound<'_, PyDict>> {
    let (report, out) = py
        .detach(|| {
            let (settings, _guard) = settings(
                pipeline.as_deref(),
                input.as_deref(),
                Some(&out),
                cache_dir.as_deref(),
            )?;
            let options = RunOptions {
                threads,
                progress: false,
                use_cache: cache,
                build,
            };
            let report = accord_cli::run_pipeline_with(&settings, &options)?;
            anyhow::Ok((report, settings.output.dir))
        })
        .map_err(|e| to_py(&e))?;
    report_dict(py, &report, &out)
}

/// The map half of a run, as `accord map --shard INDEX/COUNT`: ingest and extract over
/// every COUNT-th input; returns the shard file's bytes.
#[pyfunction]
#[pyo3(signature = (pipeline, input, out, index, count, *, threads=None, cache=true, cache_dir=None, build=None))]
#[allow(clippy::too_many_arguments, clippy::needless_pass_by_value)]
fn map_shard(
    py: Python<'_>,
    pipeline: Option<PathBuf>,
    input: Option<PathBuf>,
    out: PathBuf,
    index: usize,
    count: usize,
    threads: Option<usize>,
    cache: bool,
    cache_dir: Option<PathBuf>,
    build: Option<String>,
) -> PyResult<Bound<'_, PyBytes>> {
    let bytes = py
        .detach(|| {
            let spec: ShardSpec = format!("{index}/{count}")
                .parse()
                .map_err(anyhow::Error::msg)?;
            let (settings, _guard) = settings(
                pipeline.as_deref(),
                input.as_deref(),
                Some(&out),
                cache_dir.as_deref(),
            )?;
            let options = RunOptions {
                threads,
                progress: false,
                use_cache: cache,
                build,
            };
            accord_cli::map_shard_bytes(&settings, &options, spec)
        })
        .map_err(|e| to_py(&e))?;
    Ok(PyBytes::new(py, &bytes))
}

/// One input read by the host, as [`map_given`] takes it: `(rel, bytes, size, error)`.
/// With `bytes` it is read; else with `error` it could not be read (`size`: its size, 0
/// when unknown); else it was not read because its `size` is over the size limit.
type GivenTuple = (String, Option<Vec<u8>>, u64, Option<String>);

/// The map half of a run over a corpus the host lists and reads (an fsspec or pyarrow
/// file system): `all` is every input's relative path, `given` this shard's inputs with
/// their bytes; returns the shard file's bytes, as `accord map` writes them for the same
/// files.
#[pyfunction]
#[pyo3(signature = (pipeline, out, index, count, all, given, *, threads=None, cache=true, cache_dir=None, build=None))]
#[allow(clippy::too_many_arguments, clippy::needless_pass_by_value)]
fn map_given(
    py: Python<'_>,
    pipeline: Option<PathBuf>,
    out: PathBuf,
    index: usize,
    count: usize,
    all: Vec<String>,
    given: Vec<GivenTuple>,
    threads: Option<usize>,
    cache: bool,
    cache_dir: Option<PathBuf>,
    build: Option<String>,
) -> PyResult<Bound<'_, PyBytes>> {
    let bytes = py
        .detach(|| {
            let spec: ShardSpec = format!("{index}/{count}")
                .parse()
                .map_err(anyhow::Error::msg)?;
            // The corpus root is never read: the host gives the bytes.
            let root = pipeline.is_none().then(|| PathBuf::from("."));
            let (settings, _guard) = settings(
                pipeline.as_deref(),
                root.as_deref(),
                Some(&out),
                cache_dir.as_deref(),
            )?;
            let options = RunOptions {
                threads,
                progress: false,
                use_cache: cache,
                build,
            };
            let given = given
                .into_iter()
                .map(|(rel, bytes, size, error)| GivenInput {
                    rel,
                    bytes: match (bytes, error) {
                        (Some(b), _) => Given::Bytes(b),
                        (None, Some(error)) => Given::Unreadable { error, size },
                        (None, None) => Given::TooLarge(size),
                    },
                })
                .collect();
            accord_cli::map_given_shard_bytes(&settings, &options, spec, &all, given)
        })
        .map_err(|e| to_py(&e))?;
    Ok(PyBytes::new(py, &bytes))
}

/// Two shard files' bytes of one run merged into one (a partial aggregate of a tree
/// reduce); `reduce` reads it like any shard.
#[pyfunction]
fn merge_shards<'py>(
    py: Python<'py>,
    first: &[u8],
    second: &[u8],
) -> PyResult<Bound<'py, PyBytes>> {
    let merged = py
        .detach(|| accord_cli::merge_shard_bytes(first, second))
        .map_err(|e| to_py(&e))?;
    Ok(PyBytes::new(py, &merged))
}

/// The reduce half of a run, as `accord reduce`: the shard files in `shards`, normalized
/// and published to `out`; returns the counts as [`run`] does.
#[pyfunction]
#[pyo3(signature = (pipeline, shards, out))]
#[allow(clippy::needless_pass_by_value)]
fn reduce(
    py: Python<'_>,
    pipeline: Option<PathBuf>,
    shards: PathBuf,
    out: PathBuf,
) -> PyResult<Bound<'_, PyDict>> {
    let report = py
        .detach(|| {
            // The default pipeline's corpus root is never read by a reduce.
            let root = pipeline.is_none().then(|| shards.clone());
            let (settings, _guard) =
                settings(pipeline.as_deref(), root.as_deref(), Some(&out), None)?;
            accord_cli::reduce_shards(&settings, &shards)
        })
        .map_err(|e| to_py(&e))?;
    report_dict(py, &report, &out)
}

/// The checks `accord run` makes before any work (gazetteer folder, output path), so a
/// host that spreads the work (the Ray driver) refuses a run before it starts any task.
#[pyfunction]
#[pyo3(signature = (pipeline, input, out))]
#[allow(clippy::needless_pass_by_value)]
fn check(
    py: Python<'_>,
    pipeline: Option<PathBuf>,
    input: Option<PathBuf>,
    out: PathBuf,
) -> PyResult<()> {
    py.detach(|| {
        let (settings, _guard) = settings(pipeline.as_deref(), input.as_deref(), Some(&out), None)?;
        accord_cli::check_run(&settings)
    })
    .map_err(|e| to_py(&e))
}

/// The Python module `accord._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("AccordError", m.py().get_type::<AccordError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(map_shard, m)?)?;
    m.add_function(wrap_pyfunction!(map_given, m)?)?;
    m.add_function(wrap_pyfunction!(merge_shards, m)?)?;
    m.add_function(wrap_pyfunction!(reduce, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_class::<stages::PyPipeline>()?;
    m.add_class::<stages::PyDocument>()?;
    m.add_class::<stages::PyDataset>()?;
    m.add_function(wrap_pyfunction!(stages::ingest, m)?)?;
    m.add_function(wrap_pyfunction!(stages::extract, m)?)?;
    m.add_function(wrap_pyfunction!(stages::normalize, m)?)?;
    m.add_function(wrap_pyfunction!(stages::publish, m)?)?;
    m.add_function(wrap_pyfunction!(stages::mentions_schema, m)?)?;
    Ok(())
}
