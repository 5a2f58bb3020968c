//! The four stages one by one, for reuse in other projects: `ingest` (a file or bytes → a
//! [`PyDocument`]), `extract` (a document → a mentions record batch), `normalize` (documents
//! with their mention batches → a [`PyDataset`]) and `publish` (a dataset → the output
//! folder). Mention batches cross to Python as Arrow record batches through the Arrow C
//! data interface (`pyo3-arrow`; pyarrow reads them without copies through Python objects).
//!
//! A mentions batch has one row per mention and the columns of `accord_core::Mention`, as
//! `serde_arrow` traces them: `entity_type` (dictionary of large strings), `span` (struct
//! of uint64 byte offsets `start`, `end` into the document's text), `text`, `rule` (large
//! strings) and `value` (a struct: `name`, `gazetteer_id`, …, `money`, itself a struct of
//! float64 amounts in currency units, currency, period and years). `accord.mentions_schema()`
//! gives it to Python; the README's "From Python" section lists it.

use crate::{AccordError, settings, to_py};
use accord_cli::Settings;
use accord_core::{Dataset, Document, Failure, Mention};
use arrow_schema::FieldRef;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use pyo3_arrow::PyRecordBatch;
use serde_arrow::schema::{SchemaLike, TracingOptions};
use sha2::Digest as _;
use std::path::PathBuf;

/// A pipeline set up once for many stage calls: its settings, gazetteer and the compiled
/// ingest and extract stages.
#[pyclass(frozen, module = "accord._native", name = "Pipeline")]
pub(crate) struct PyPipeline {
    settings: Settings,
    gazetteer: accord_extract::Gazetteer,
    ingester: accord_ingest::Ingester,
    extractor: accord_extract::Extractor,
    _bundled: Option<tempfile::TempDir>,
}

#[pymethods]
impl PyPipeline {
    /// Reads the pipeline file (`None`: the bundled default pipeline), loads its
    /// gazetteer and sets up ingest and extract.
    #[new]
    #[pyo3(signature = (pipeline=None))]
    #[allow(clippy::needless_pass_by_value)]
    fn new(py: Python<'_>, pipeline: Option<PathBuf>) -> PyResult<Self> {
        py.detach(|| {
            // The corpus root is never read by the stages.
            let dot = PathBuf::from(".");
            let (settings, bundled) = settings(pipeline.as_deref(), Some(&dot), None, None)?;
            let gazetteer = accord_cli::load_gazetteer(&settings)?;
            let ingester = accord_ingest::Ingester::new(&settings.ingest)?;
            let extractor = accord_extract::Extractor::new(&settings.extract, &gazetteer)?;
            anyhow::Ok(Self {
                settings,
                gazetteer,
                ingester,
                extractor,
                _bundled: bundled,
            })
        })
        .map_err(|e| to_py(&e))
    }

    /// The pipeline's name.
    #[getter]
    fn name(&self) -> &str {
        &self.settings.name
    }

    /// Relative paths or file names of the corpus that `accord run` skips (`[corpus]
    /// exclude`).
    #[getter]
    fn exclude(&self) -> Vec<String> {
        self.settings.corpus.exclude.clone()
    }

    /// The largest input read, in bytes (`[ingest] max_file_bytes`).
    #[getter]
    fn max_file_bytes(&self) -> u64 {
        self.settings.ingest.max_file_bytes
    }

    fn __repr__(&self) -> String {
        match &self.settings.file {
            Some(file) => format!(
                "Pipeline({:?}, file='{}')",
                self.settings.name,
                file.display()
            ),
            None => format!("Pipeline({:?})", self.settings.name),
        }
    }
}

/// One ingested document: its normalised text, blocks and provenance.
#[pyclass(frozen, module = "accord._native", name = "Document")]
pub(crate) struct PyDocument {
    doc: Document,
    bytes: u64,
}

#[pymethods]
impl PyDocument {
    /// The document's id (its path without the extension).
    #[getter]
    fn doc_id(&self) -> &str {
        &self.doc.doc_id
    }
    /// The path it was read under, `/`-separated.
    #[getter]
    fn path(&self) -> &str {
        &self.doc.path
    }
    /// `text`, `markdown`, `html`, `pdf` or `docx`.
    #[getter]
    fn format(&self) -> PyResult<String> {
        serde_json::to_value(self.doc.format)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .ok_or_else(|| AccordError::new_err("format has no name"))
    }
    /// The title, when the document has one.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.doc.title.as_deref()
    }
    /// The normalised text that spans and quotes refer to.
    #[getter]
    fn text(&self) -> &str {
        &self.doc.text
    }
    /// Lowercase hex SHA-256 of the input bytes.
    #[getter]
    fn sha256(&self) -> &str {
        &self.doc.sha256
    }
    /// Size of the input in bytes.
    #[getter]
    fn size(&self) -> u64 {
        self.bytes
    }
    /// The repairs ingest made.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.doc.warnings.clone()
    }
    /// The document as JSON (the form of accord's cache entries).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.doc).map_err(|e| AccordError::new_err(e.to_string()))
    }
    fn __repr__(&self) -> String {
        format!(
            "Document({:?}, {} chars, {} blocks)",
            self.doc.doc_id,
            self.doc.n_chars(),
            self.doc.blocks.len()
        )
    }
}

/// The corpus-wide result of normalize, ready to publish.
#[pyclass(frozen, module = "accord._native", name = "Dataset")]
pub(crate) struct PyDataset {
    dataset: Dataset,
    inputs: Vec<accord_publish::Input>,
    with_extension: Vec<String>,
}

#[pymethods]
impl PyDataset {
    /// Rows per table (`documents`, `mentions`, `agreements`, `working_groups`,
    /// `agencies`, `funding`, `failures`).
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = &self.dataset;
        let dict = PyDict::new(py);
        for (name, n) in [
            ("documents", d.documents.len()),
            ("mentions", d.mentions.len()),
            ("agreements", d.agreements.len()),
            ("working_groups", d.working_groups.len()),
            ("agencies", d.agencies.len()),
            ("funding", d.funding.len()),
            ("failures", d.failures.len()),
        ] {
            dict.set_item(name, n)?;
        }
        Ok(dict)
    }
    fn __repr__(&self) -> String {
        format!(
            "Dataset({} documents, {} agreements, {} funding figures)",
            self.dataset.documents.len(),
            self.dataset.agreements.len(),
            self.dataset.funding.len()
        )
    }
}

fn mention_fields() -> anyhow::Result<Vec<FieldRef>> {
    let options = TracingOptions::default()
        .enums_without_data_as_strings(true)
        .allow_null_fields(true);
    Ok(Vec::<FieldRef>::from_type::<Mention>(options)?)
}

/// The schema of the mentions batches of [`extract`], as a `pyarrow.Schema`.
///
/// # Errors
/// None in practice (the schema is traced from `accord_core::Mention`).
#[pyfunction]
pub(crate) fn mentions_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let fields = mention_fields().map_err(|e| to_py(&e))?;
    let schema = arrow_schema::Schema::new(fields);
    pyo3_arrow::PySchema::new(std::sync::Arc::new(schema)).into_pyarrow(py)
}

/// The message of an error with its sources, `: `-separated: the `error` of the failures
/// row `accord run` writes for it.
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

/// Lowercase hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// An `AccordError` for an input that failed, carrying what its failures row and the
/// manifest need: `path` (as given), `stage` (`ingest` or `extract`), `size` (bytes read,
/// or the file's size when it could not be read; 0 when unknown) and `sha256` (of the
/// bytes read, empty when none were).
fn input_error(
    py: Python<'_>,
    error: &str,
    path: &str,
    stage: &str,
    size: u64,
    sha256: &str,
) -> PyErr {
    let err = AccordError::new_err(error.to_owned());
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("path", path)?;
        value.setattr("stage", stage)?;
        value.setattr("size", size)?;
        value.setattr("sha256", sha256)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(other) => other,
    }
}

/// Ingest: `source` is a file path, or the bytes of one file with `path` its name (the
/// extension picks the format). `path` is recorded as the document's path (default: the
/// file's name). A file is read as `accord run` reads it (regular files only, at most the
/// pipeline's `max_file_bytes`).
///
/// # Errors
/// `AccordError` with the message of the `failures` row `accord run` would write, and the
/// attributes `path`, `stage` (`"ingest"`), `size` and `sha256` (see [`input_error`]);
/// bytes without `path=`.
#[pyfunction]
#[pyo3(signature = (pipeline, source, path=None))]
pub(crate) fn ingest(
    py: Python<'_>,
    pipeline: &PyPipeline,
    source: &Bound<'_, PyAny>,
    path: Option<String>,
) -> PyResult<PyDocument> {
    let (bytes, name) = if let Ok(b) = source.cast::<PyBytes>() {
        let name = path.ok_or_else(|| {
            AccordError::new_err(
                "ingest of bytes needs path=..., the file name (its extension picks the format)",
            )
        })?;
        (b.as_bytes().to_vec(), name)
    } else {
        let file: PathBuf = source.extract()?;
        let name = path.unwrap_or_else(|| {
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        let max = pipeline.settings.ingest.max_file_bytes;
        match py.detach(|| accord_ingest::read_input(&file, &name, max)) {
            Ok(bytes) => (bytes, name),
            Err(err) => {
                // As `accord run`: the file's size when it cannot be read, no digest.
                let size = std::fs::metadata(&file).map_or(0, |m| m.len());
                return Err(input_error(
                    py,
                    &error_chain(&err),
                    &name,
                    "ingest",
                    size,
                    "",
                ));
            }
        }
    };
    match py.detach(|| pipeline.ingester.ingest_bytes(&name, &bytes)) {
        Ok(doc) => Ok(PyDocument {
            doc,
            bytes: bytes.len() as u64,
        }),
        Err(err) => {
            let sha256 = hex(&sha2::Sha256::digest(&bytes));
            Err(input_error(
                py,
                &error_chain(&err),
                &name,
                "ingest",
                bytes.len() as u64,
                &sha256,
            ))
        }
    }
}

/// Extract: the mentions of one document, as a pyarrow `RecordBatch` (one row per
/// mention; the columns are listed in the module docs), within the pipeline's time budget
/// per document. A document that reaches the cap on mentions
/// (`extract.max_mentions_per_document`) gives the mentions found before the cap and a
/// Python `UserWarning` saying where the search stopped.
///
/// # Errors
/// `AccordError` with the message of the `failures` row `accord run` would write (the time
/// budget exceeded, or an internal error of a rule), and the attributes `path`, `stage`
/// (`"extract"`), `size` and `sha256`.
#[pyfunction]
pub(crate) fn extract<'py>(
    py: Python<'py>,
    pipeline: &PyPipeline,
    document: &PyDocument,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = &document.doc;
    let fail = |py: Python<'_>, error: &str| {
        input_error(py, error, &doc.path, "extract", document.bytes, &doc.sha256)
    };
    // A bug in a rule costs one document, as in `accord run`.
    let extracted = py.detach(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pipeline.extractor.extract_budgeted(doc)
        }))
    });
    let mentions = match extracted {
        Ok(Ok(extraction)) => {
            // A cap that was reached: a Python `UserWarning` naming the document (the
            // document object itself is immutable).
            for warning in &extraction.warnings {
                let message =
                    std::ffi::CString::new(format!("{}: {warning}", doc.path)).unwrap_or_default();
                let category = py.get_type::<pyo3::exceptions::PyUserWarning>();
                PyErr::warn(py, category.as_any(), &message, 1)?;
            }
            extraction.mentions
        }
        Ok(Err(err)) => return Err(fail(py, &error_chain(&err))),
        Err(panic) => {
            let detail = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let error = format!(
                "{}: internal error in extraction (please report it): {detail}",
                doc.path
            );
            return Err(fail(py, &error));
        }
    };
    let batch = py
        .detach(|| {
            let fields = mention_fields()?;
            anyhow::Ok(serde_arrow::to_record_batch(&fields, &mentions)?)
        })
        .map_err(|e| to_py(&e))?;
    PyRecordBatch::new(batch).into_pyarrow(py)
}

/// A failed input handed to [`normalize`]: `(path, stage, error, size, sha256)`.
type FailedInput = (String, String, String, u64, String);

/// Normalize: documents with their mention batches (as `extract` gives them) and the
/// inputs that failed → a dataset, as `accord run` builds it from the same inputs: sorted
/// by path, doc ids unique over every input (a stem shared by two inputs keeps its
/// extension), entities merged across documents.
///
/// # Errors
/// `AccordError` naming the document whose batch does not have the mentions columns.
#[pyfunction]
#[pyo3(signature = (pipeline, documents, failures=Vec::new()))]
pub(crate) fn normalize(
    py: Python<'_>,
    pipeline: &PyPipeline,
    documents: Vec<(PyRef<'_, PyDocument>, PyRecordBatch)>,
    failures: Vec<FailedInput>,
) -> PyResult<PyDataset> {
    let mut pairs = Vec::with_capacity(documents.len());
    let mut inputs = Vec::with_capacity(documents.len() + failures.len());
    for (doc, batch) in documents {
        let mentions: Vec<Mention> =
            serde_arrow::from_record_batch(batch.as_ref()).map_err(|e| {
                AccordError::new_err(format!(
                    "{}: not a mentions batch of accord.extract: {e}",
                    doc.doc.path
                ))
            })?;
        inputs.push(accord_publish::Input {
            path: doc.doc.path.clone(),
            bytes: doc.bytes,
            sha256: doc.doc.sha256.clone(),
        });
        pairs.push((doc.doc.clone(), mentions));
    }
    let mut failed: Vec<Failure> = failures
        .into_iter()
        .map(|(path, stage, error, size, sha256)| {
            inputs.push(accord_publish::Input {
                path: path.clone(),
                bytes: size,
                sha256,
            });
            Failure { path, stage, error }
        })
        .collect();
    // `accord run` sorts every input by path before normalize and publish.
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    pairs.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    failed.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(twice) = inputs
        .windows(2)
        .find_map(|w| (w[0].path == w[1].path).then(|| w[0].path.clone()))
    {
        return Err(AccordError::new_err(format!(
            "{twice}: given twice to normalize (each input once, as a document or a failure)"
        )));
    }
    // Doc ids as `accord run` gives them, over every input (failed ones too): a stem
    // shared by two inputs keeps its extension.
    let paths: Vec<&str> = inputs.iter().map(|i| i.path.as_str()).collect();
    let ids: std::collections::HashMap<&str, (String, bool)> = paths
        .iter()
        .copied()
        .zip(accord_ingest::unique_doc_ids(&paths))
        .collect();
    let mut with_extension: Vec<String> = ids
        .values()
        .filter(|(_, shared)| *shared)
        .map(|(id, _)| id.clone())
        .collect();
    with_extension.sort();
    for (doc, _) in &mut pairs {
        if let Some((id, _)) = ids.get(doc.path.as_str()) {
            doc.doc_id.clone_from(id);
        }
    }
    let dataset = py.detach(|| accord_normalize::normalize(pairs, failed, &pipeline.gazetteer));
    Ok(PyDataset {
        dataset,
        inputs,
        with_extension,
    })
}

/// Publish: writes the dataset's tables to `out` (refused, untouched, as by `accord run`
/// when it is not accord's to replace); returns the rows per table.
#[pyfunction]
#[allow(clippy::needless_pass_by_value)]
pub(crate) fn publish(
    py: Python<'_>,
    pipeline: &PyPipeline,
    dataset: &PyDataset,
    out: PathBuf,
) -> PyResult<std::collections::BTreeMap<&'static str, usize>> {
    py.detach(|| {
        accord_publish::check_output_dir(&out)?;
        let manifest = accord_cli::manifest(
            &pipeline.settings,
            dataset.inputs.clone(),
            dataset.with_extension.clone(),
        );
        let report = accord_publish::publish(&dataset.dataset, &manifest, &out)?;
        anyhow::Ok(report.rows)
    })
    .map_err(|e| to_py(&e))
}
