"""The stage functions one by one (accord.ingest/extract/normalize/publish): the same
bytes as `accord run --no-cache`, mentions as pyarrow record batches."""
from __future__ import annotations

import json
import random

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

import accord
from conftest import BAD_CORPUS, EVAL_CORPUS, PIPELINE, files


def inputs(root, exclude):
    """The files `accord run` reads: sorted `/`-separated relative paths, hidden files and
    folders and the pipeline's `exclude` entries skipped."""
    found = []
    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if not p.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        if rel.as_posix() in exclude or p.name in exclude:
            continue
        found.append(rel.as_posix())
    return sorted(found)


def run_stages(corpus, out, pipeline, order=None):
    """ingest → extract per input (failures kept as their exceptions), then normalize and
    publish; returns the rows per table and the dataset."""
    pairs, failures = [], []
    rels = inputs(corpus, pipeline.exclude)
    if order is not None:
        order(rels)
    for rel in rels:
        try:
            doc = accord.ingest(corpus / rel, path=rel, pipeline=pipeline)
            pairs.append((doc, accord.extract(doc, pipeline=pipeline)))
        except accord.AccordError as err:
            failures.append(err)
    dataset = accord.normalize(pairs, failures=failures, pipeline=pipeline)
    return accord.publish(dataset, out, pipeline=pipeline), dataset, failures


def test_the_stages_in_a_row_write_the_bytes_of_a_run(cli_outputs, tmp_path):
    pipeline = accord.pipeline(PIPELINE)
    rows, dataset, failures = run_stages(EVAL_CORPUS, tmp_path / "out", pipeline)
    assert failures == []
    assert rows["documents"] == 7 and rows["agreements"] > 0
    for name, n in dataset.counts().items():
        assert rows[name] == n, name
    assert files(tmp_path / "out") == files(cli_outputs["eval"])


def test_input_order_does_not_change_the_bytes(cli_outputs, tmp_path):
    pipeline = accord.pipeline(PIPELINE)
    run_stages(EVAL_CORPUS, tmp_path / "out", pipeline, order=random.Random(7).shuffle)
    assert files(tmp_path / "out") == files(cli_outputs["eval"])


def test_failed_inputs_become_the_failures_rows_and_manifest_of_a_run(cli_outputs, tmp_path):
    pipeline = accord.pipeline(PIPELINE)
    rows, _, failures = run_stages(BAD_CORPUS, tmp_path / "out", pipeline)
    assert rows["failures"] == len(failures) > 0
    by_path = {f.path: f for f in failures}
    broken = by_path["broken.txt"]
    assert broken.stage == "ingest" and "broken.txt" in str(broken)
    assert broken.size == (BAD_CORPUS / "broken.txt").stat().st_size and len(broken.sha256) == 64
    # Failures rows, manifest sizes and digests: everything as the binary writes it.
    assert files(tmp_path / "out") == files(cli_outputs["bad"])


def test_a_mentions_batch_has_the_documented_schema_and_quotes_the_text():
    seed = next(EVAL_CORPUS.glob("*.txt"))
    doc = accord.ingest(seed.read_bytes(), path=seed.name, pipeline=PIPELINE)
    assert doc.doc_id == seed.stem and doc.format == "text" and doc.size == seed.stat().st_size
    batch = accord.extract(doc, pipeline=PIPELINE)
    assert isinstance(batch, pa.RecordBatch) and batch.num_rows > 0
    assert batch.schema == accord.mentions_schema()
    assert batch.schema.names == ["entity_type", "span", "text", "rule", "value"]
    span = batch.schema.field("span").type
    assert [span.field(i).name for i in range(span.num_fields)] == ["start", "end"]
    assert span.field("start").type == pa.uint64()
    value = batch.schema.field("value").type
    assert pa.types.is_list(value.field("parties").type) or pa.types.is_large_list(value.field("parties").type)
    money = value.field("money").type
    assert money.field("amount").type == pa.float64() and money.field("years").type == pa.uint32()
    raw = doc.text.encode()
    for row in batch.to_pylist():
        assert raw[row["span"]["start"]:row["span"]["end"]].decode() == row["text"], row
    kinds = set(batch.column("entity_type").to_pylist())
    assert "agreement" in kinds and kinds <= {"agreement", "working_group", "agency", "funding"}


def test_a_batch_changed_in_pyarrow_still_normalizes():
    seed = next(EVAL_CORPUS.glob("*.txt"))
    doc = accord.ingest(seed, pipeline=PIPELINE)
    batch = accord.extract(doc, pipeline=PIPELINE)
    entity = pc.cast(batch.column("entity_type"), pa.large_string())
    kept = batch.filter(pc.equal(entity, "agreement"))
    assert 0 < kept.num_rows < batch.num_rows
    counts = accord.normalize([(doc, kept)], pipeline=PIPELINE).counts()
    assert counts["agreements"] > 0 and counts["funding"] == 0 and counts["mentions"] == kept.num_rows
    full = accord.normalize([(doc, batch)], pipeline=PIPELINE).counts()
    assert full["mentions"] == batch.num_rows and full["funding"] > 0


def test_bad_input_raises_accord_error_naming_the_file(tmp_path):
    with pytest.raises(accord.AccordError, match="needs path="):
        accord.ingest(b"text", pipeline=PIPELINE)
    binary = b"\x00\x01binary"
    with pytest.raises(accord.AccordError, match="x.bin") as bad:
        accord.ingest(binary, path="x.bin", pipeline=PIPELINE)
    assert (bad.value.path, bad.value.stage, bad.value.size) == ("x.bin", "ingest", len(binary))
    with pytest.raises(accord.AccordError, match="missing.txt") as missing:
        accord.ingest(tmp_path / "missing.txt", pipeline=PIPELINE)
    assert missing.value.size == 0 and missing.value.sha256 == ""
    doc = accord.ingest(b"NAFTA entered into force.", path="notes/a.txt", pipeline=PIPELINE)
    assert doc.doc_id == "notes/a"
    with pytest.raises(accord.AccordError, match="notes/a.txt: not a mentions batch"):
        accord.normalize([(doc, pa.record_batch({"x": [1]}))], pipeline=PIPELINE)
    batch = accord.extract(doc, pipeline=PIPELINE)
    with pytest.raises(accord.AccordError, match="notes/a.txt: given twice"):
        accord.normalize([(doc, batch), (doc, batch)], pipeline=PIPELINE)
    with pytest.raises(TypeError, match="a failure is"):
        accord.normalize([(doc, batch)], failures=[("only", "two")], pipeline=PIPELINE)


def test_publish_refuses_a_folder_that_is_not_accords(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    doc = accord.ingest(b"NAFTA entered into force.", path="a.txt", pipeline=PIPELINE)
    dataset = accord.normalize([(doc, accord.extract(doc, pipeline=PIPELINE))], pipeline=PIPELINE)
    with pytest.raises(accord.AccordError, match="mine"):
        accord.publish(dataset, mine, pipeline=PIPELINE)
    assert files(mine) == {"notes.txt": b"keep me"}


def test_a_shared_stem_keeps_its_extension_over_failed_inputs_too(tmp_path):
    """`accord run` gives doc ids over every input: `a.md` keeps its extension when `a.txt`
    failed, and `b` does not."""
    pipeline = accord.pipeline(PIPELINE)
    try:
        accord.ingest(b"", path="a.txt", pipeline=pipeline)
    except accord.AccordError as err:
        failed = err
    else:
        pytest.fail("an empty file must fail")
    a = accord.ingest(b"# NAFTA\n\nNAFTA entered into force.", path="a.md", pipeline=pipeline)
    b = accord.ingest(b"NAFTA entered into force.", path="b.txt", pipeline=pipeline)
    pairs = [(d, accord.extract(d, pipeline=pipeline)) for d in (a, b)]
    out = tmp_path / "out"
    accord.publish(accord.normalize(pairs, failures=[failed], pipeline=pipeline), out, pipeline=pipeline)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["doc_ids_with_extension"] == ["a.md", "a.txt"]
    ids = pq.read_table(out / "documents.parquet", columns=["doc_id"]).column("doc_id").to_pylist()
    assert sorted(ids) == ["a.md", "b"]
