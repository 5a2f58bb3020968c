"""The `accord` Python module (python/, PyO3): runs give the CLI's bytes, errors carry the
CLI's messages, `load` gives the datapackage's types."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import accord
from conftest import BAD_CORPUS, EVAL_CORPUS, PIPELINE, cli_run, files

CORPORA = {"eval": EVAL_CORPUS, "bad": BAD_CORPUS}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_run_writes_the_bytes_of_the_cli(name, cli_outputs, tmp_path):
    summary = accord.run(CORPORA[name], tmp_path / "out", PIPELINE, cache=False, cache_dir=tmp_path / "cache")
    assert files(summary.out) == files(cli_outputs[name])
    manifest = json.loads((summary.out / "manifest.json").read_text())
    assert summary.inputs == len(manifest["inputs"])
    assert summary.rows == manifest["rows"]
    assert summary.documents + summary.failed == summary.inputs


def test_failures_are_listed_and_the_run_goes_on(tmp_path):
    summary = accord.run(BAD_CORPUS, tmp_path / "out", PIPELINE, cache_dir=tmp_path / "cache")
    assert not summary.ok and summary.failed == len(summary.failures) > 0
    assert summary.documents > 0
    for failure in summary.failures:
        assert failure.stage in ("ingest", "extract") and failure.error, failure
        assert (BAD_CORPUS / failure.path).is_file()


def test_a_second_run_comes_from_the_cache_with_the_same_bytes(tmp_path):
    first = accord.run(EVAL_CORPUS, tmp_path / "a", PIPELINE, cache_dir=tmp_path / "cache")
    second = accord.run(EVAL_CORPUS, tmp_path / "a", PIPELINE, cache_dir=tmp_path / "cache")
    assert (first.cached, second.cached) == (0, second.documents)
    assert second.documents == first.documents > 0


def test_the_bundled_pipeline_gives_the_tables_of_the_repositorys(cli_outputs, tmp_path):
    summary = accord.run(EVAL_CORPUS, tmp_path / "out", cache=False, cache_dir=tmp_path / "cache")
    ours, cli = files(summary.out), files(cli_outputs["eval"])
    assert ours.keys() == cli.keys()
    # The manifest records the git commit of the pipeline file's repository; the bundled
    # pipeline is in none (and the marker holds the manifest's digest). Every table is the same.
    for name in ours:
        if name not in ("manifest.json", ".accord-output"):
            assert ours[name] == cli[name], name
    manifest = json.loads(ours["manifest.json"])
    assert "git_commit" not in manifest and manifest["pipeline"] == "north-american-security"


@pytest.mark.skipif("ACCORD_BIN" not in os.environ, reason="needs the accord binary")
def test_errors_carry_the_messages_of_the_cli(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("mine")
    done = cli_run(EVAL_CORPUS, target)
    assert done.returncode == 2
    cli_message = done.stderr.strip().removeprefix("error: ")
    with pytest.raises(accord.AccordError) as caught:
        accord.run(EVAL_CORPUS, target, PIPELINE, cache_dir=tmp_path / "cache")
    assert str(caught.value) == cli_message
    assert target.read_text() == "mine"

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(accord.AccordError, match="no input documents in"):
        accord.run(empty, tmp_path / "out", PIPELINE)
    with pytest.raises(accord.AccordError, match="invalid pipeline file"):
        bad = tmp_path / "bad.toml"
        bad.write_text("name = 3\n")
        accord.run(EVAL_CORPUS, tmp_path / "out", bad)


POLARS_TYPES = {"string": "String", "integer": "Int64", "number": "Float64", "boolean": "Boolean",
                "array": "List(String)"}


def test_load_gives_polars_frames_with_the_datapackages_types(cli_outputs):
    import polars as pl

    out = cli_outputs["eval"]
    tables = accord.load(out)
    package = json.loads((out / "datapackage.json").read_text())
    assert sorted(tables) == sorted(r["name"] for r in package["resources"])
    for resource in package["resources"]:
        frame = tables[resource["name"]]
        assert isinstance(frame, pl.DataFrame)
        fields = resource["schema"]["fields"]
        assert frame.columns == [f["name"] for f in fields]
        for f in fields:
            assert str(frame.schema[f["name"]]) == POLARS_TYPES[f["type"]], (resource["name"], f["name"])
    # A nullable integer stays an integer with nulls (never a float with NaN).
    funding = tables["funding"]
    years = [c for c, t in funding.schema.items() if t == pl.Int64 and funding[c].null_count() > 0]
    assert years, "expected a nullable integer column in funding"
    failures = accord.load(cli_outputs["bad"], tables=["failures"])["failures"]
    assert failures.height > 0 and failures.schema["error"] == pl.String


def test_load_with_pandas_uses_the_pyarrow_dtype_backend(cli_outputs):
    import pandas as pd

    tables = accord.load(cli_outputs["eval"], backend="pandas")
    agreements = tables["agreements"]
    assert isinstance(agreements, pd.DataFrame) and len(agreements) > 0
    for column, dtype in agreements.dtypes.items():
        assert isinstance(dtype, pd.ArrowDtype), (column, dtype)
    assert "list" in str(agreements.dtypes["parties"])


def test_load_refuses_a_folder_that_is_not_an_output(tmp_path):
    with pytest.raises(accord.AccordError, match="not an accord output folder"):
        accord.load(tmp_path)
    with pytest.raises(ValueError, match="backend"):
        accord.load(tmp_path, backend="spark")
