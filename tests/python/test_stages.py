"""The stage functions one by one (accord.ingest/extract/normalize/publish): the same
tables as `accord run`, mentions as Arrow record batches."""
from __future__ import annotations

import pyarrow as pa
import pytest

import accord
from conftest import EVAL_CORPUS, PIPELINE, files


def inputs(root):
    """The files `accord run` reads: sorted relative paths, hidden files and README.md skipped."""
    return sorted(
        str(p.relative_to(root)) for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.name != "README.md"
    )


def test_the_stages_in_a_row_write_the_tables_of_a_run(cli_outputs, tmp_path):
    pipeline = accord.pipeline(PIPELINE)
    pairs = []
    for rel in inputs(EVAL_CORPUS):
        doc = accord.ingest(EVAL_CORPUS / rel, path=rel, pipeline=pipeline)
        mentions = accord.extract(doc, pipeline=pipeline)
        assert isinstance(mentions, pa.RecordBatch)
        pairs.append((doc, mentions))
    dataset = accord.normalize(pairs, pipeline=pipeline)
    rows = accord.publish(dataset, tmp_path / "out", pipeline=pipeline)
    for name, n in dataset.counts().items():
        assert rows[name] == n, name
    assert files(tmp_path / "out") == files(cli_outputs["eval"])


def test_a_mentions_batch_quotes_the_documents_text():
    seed = next(EVAL_CORPUS.glob("*.txt"))
    doc = accord.ingest(seed.read_bytes(), path=seed.name, pipeline=PIPELINE)
    assert doc.doc_id == seed.stem and doc.format == "text" and doc.size == seed.stat().st_size
    batch = accord.extract(doc, pipeline=PIPELINE)
    assert batch.num_rows > 0
    assert {"entity_type", "span", "text", "rule", "value"} <= set(batch.schema.names)
    raw = doc.text.encode()
    for row in batch.to_pylist():
        span = row["span"]
        assert raw[span["start"]:span["end"]].decode() == row["text"], row
    assert set(batch.column("entity_type").to_pylist()) >= {"agreement"}
    # A batch that went through pyarrow (a filter here) still normalizes.
    kept = batch.filter(pa.compute.equal(batch.column("entity_type"), "agreement"))
    dataset = accord.normalize([(doc, kept)], pipeline=PIPELINE)
    counts = dataset.counts()
    assert counts["agreements"] > 0 and counts["funding"] == 0


def test_stage_errors_are_accord_errors(tmp_path):
    with pytest.raises(accord.AccordError, match="needs path="):
        accord.ingest(b"text", pipeline=PIPELINE)
    with pytest.raises(accord.AccordError):
        accord.ingest(b"\x00\x01binary", path="x.bin", pipeline=PIPELINE)
    with pytest.raises(accord.AccordError, match="not a mentions batch"):
        doc = accord.ingest(b"NAFTA entered into force.", path="a.txt", pipeline=PIPELINE)
        accord.normalize([(doc, pa.record_batch({"x": [1]}))], pipeline=PIPELINE)
