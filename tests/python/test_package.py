"""The Frictionless Data Package beside the tables: valid by the `frictionless` library
(types, vocabularies, primary and foreign keys over the CSV mirror), and its Table Schemas
agree with the Parquet files' columns and types."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

TABLES = Path(os.environ.get("ACCORD_TABLES", "data/processed/north-american-security"))

ARROW = {
    "string": (pa.types.is_string, pa.types.is_large_string),
    "integer": (pa.types.is_integer,),
    "number": (pa.types.is_floating,),
    "boolean": (pa.types.is_boolean,),
    "array": (pa.types.is_list, pa.types.is_large_list),
}


def package() -> dict:
    return json.loads((TABLES / "datapackage.json").read_text())


def test_frictionless_validates_the_package() -> None:
    report = frictionless.validate(str(TABLES / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]


def test_schemas_match_the_parquet_columns_and_types() -> None:
    for resource in package()["resources"]:
        schema = pq.read_schema(TABLES / f"{resource['name']}.parquet")
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == schema.names, resource["name"]
        for field in fields:
            arrow_type = schema.field(field["name"]).type
            assert any(check(arrow_type) for check in ARROW[field["type"]]), (resource["name"], field["name"], arrow_type)


def test_foreign_keys_hold_in_the_parquet_tables() -> None:
    for resource in package()["resources"]:
        for fk in resource["schema"].get("foreignKeys", []):
            (field,) = fk["fields"]
            target = fk["reference"]["resource"] or resource["name"]
            (column,) = fk["reference"]["fields"]
            values = {v for v in pq.read_table(TABLES / f"{resource['name']}.parquet", columns=[field]).column(0).to_pylist() if v is not None}
            keys = set(pq.read_table(TABLES / f"{target}.parquet", columns=[column]).column(0).to_pylist())
            assert values <= keys, (resource["name"], field, sorted(values - keys)[:5])


@pytest.mark.skipif("ACCORD_BIN" not in os.environ, reason="needs the accord binary (just client-test)")
def test_frictionless_validates_a_corpus_that_opens_with_an_agreement(tmp_path: Path) -> None:
    # A mention at offset 0 has an empty prefix: an empty string, not a null.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "opening.txt").write_text("Security and Prosperity Partnership of North America: a review.\n")
    out = tmp_path / "out"
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [os.environ["ACCORD_BIN"], "run", str(root / "pipelines" / "north-american-security.toml"),
         "--input", str(corpus), "--out", str(out), "-q", "--no-progress", "--cache-dir", str(tmp_path / "cache")],
        check=True,
    )
    mentions = pq.read_table(out / "mentions.parquet").to_pylist()
    assert any(m["char_start"] == 0 and m["prefix"] == "" for m in mentions), mentions
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]
