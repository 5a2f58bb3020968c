//! The four stages one by one, for reuse in other projects: `ingest` (a file or bytes → a
//! [`PyDocument`]), `extract` (a document → a mentions record batch), `normalize` (documents
//! with their mention batches → a [`PyDataset`]) and `publish` (a dataset → the output
//! folder). Mention batches cross to Python as Arrow record batches through the Arrow C
//! data interface (`pyo3-arrow`; pyarrow reads them without copies through Python objects).
//!
//! A mentions batch has one row per mention and the columns of `accord_core::Mention`:
//! `entity_type` (string), `span` (struct of byte offsets `start`, `end` into the
//! document's text), `text`, `rule`, and `value` (a struct: `name`, `gazetteer_id`, …,
//! `money`, itself a struct of amount, currency, period and years).

use crate::{AccordError, settings, to_py};
use accord_cli::Settings;
use accord_core::{Dataset, Document, Failure, Mention};
use arrow_schema::FieldRef;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use pyo3_arrow::PyRecordBatch;
use serde_arrow::schema::{SchemaLike, TracingOptions};
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

    fn __repr__(&self) -> String {
        match &self.settings.file {
            Some(file) => format!("Pipeline({:?}, file='{}')", self.settings.name, file.display()),
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

/// Ingest: `source` is a file path, or the bytes of one file with `path` its name (the
/// extension picks the format). `path` is recorded as the document's path (default: the
/// file's name). Raises `AccordError` with the message a `failures` row would carry.
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
        let bytes = std::fs::read(&file)
            .map_err(|e| AccordError::new_err(format!("cannot read {}: {e}", file.display())))?;
        let name = path.unwrap_or_else(|| {
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        (bytes, name)
    };
    let doc = py
        .detach(|| pipeline.ingester.ingest_bytes(&name, &bytes))
        .map_err(|e| to_py(&anyhow::Error::from(e)))?;
    Ok(PyDocument {
        doc,
        bytes: bytes.len() as u64,
    })
}

/// Extract: the mentions of one document, as a pyarrow `RecordBatch`.
#[pyfunction]
pub(crate) fn extract<'py>(
    py: Python<'py>,
    pipeline: &PyPipeline,
    document: &PyDocument,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = py
        .detach(|| {
            let mentions = pipeline.extractor.extract_budgeted(&document.doc)?;
            let fields = mention_fields()?;
            anyhow::Ok(serde_arrow::to_record_batch(&fields, &mentions)?)
        })
        .map_err(|e| to_py(&e))?;
    PyRecordBatch::new(batch).into_pyarrow(py)
}

/// Normalize: documents with their mention batches (as `extract` gives them) → a
/// dataset; `failures` are `(path, stage, error)` rows of inputs that could not be read.
#[pyfunction]
#[pyo3(signature = (pipeline, documents, failures=Vec::new()))]
pub(crate) fn normalize(
    py: Python<'_>,
    pipeline: &PyPipeline,
    documents: Vec<(PyRef<'_, PyDocument>, PyRecordBatch)>,
    failures: Vec<(String, String, String)>,
) -> PyResult<PyDataset> {
    let mut pairs = Vec::with_capacity(documents.len());
    let mut inputs = Vec::new();
    for (doc, batch) in documents {
        let mentions: Vec<Mention> =
            serde_arrow::from_record_batch(batch.as_ref()).map_err(|e| {
                AccordError::new_err(format!("not a mentions batch of accord.extract: {e}"))
            })?;
        inputs.push(accord_publish::Input {
            path: doc.doc.path.clone(),
            bytes: doc.bytes,
            sha256: doc.doc.sha256.clone(),
        });
        pairs.push((doc.doc.clone(), mentions));
    }
    let failures: Vec<Failure> = failures
        .into_iter()
        .map(|(path, stage, error)| {
            inputs.push(accord_publish::Input {
                path: path.clone(),
                bytes: 0,
                sha256: String::new(),
            });
            Failure { path, stage, error }
        })
        .collect();
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    // Doc ids as `accord run` gives them: a stem shared by two inputs keeps its extension.
    let mut with_extension = Vec::new();
    let ids = {
        let rels: Vec<&str> = pairs.iter().map(|(d, _)| d.path.as_str()).collect();
        accord_ingest::unique_doc_ids(&rels)
    };
    for ((doc, _), (id, shared)) in pairs.iter_mut().zip(ids) {
        if shared {
            with_extension.push(id.clone());
        }
        doc.doc_id = id;
    }
    with_extension.sort();
    let dataset = py.detach(|| accord_normalize::normalize(pairs, failures, &pipeline.gazetteer));
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
