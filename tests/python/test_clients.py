"""The tables as other tools read them: polars, pandas, DuckDB; and `accord eval` against
the project's copy of the Python scorer (they must print the same numbers)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest

TABLES = Path(os.environ.get("ACCORD_TABLES", "data/processed/north-american-security"))
ROOT = Path(__file__).resolve().parents[2]
NAMES = ["documents", "blocks", "mentions", "agreements", "working_groups", "agencies", "funding", "failures"]


@pytest.mark.parametrize("name", NAMES)
def test_polars_pandas_and_duckdb_agree_on_rows(name: str) -> None:
    path = TABLES / f"{name}.parquet"
    with_polars = pl.read_parquet(path)
    with_pandas = pd.read_parquet(path)
    with_duckdb = duckdb.connect().execute(f"select count(*) from read_parquet('{path}')").fetchall()[0][0]
    assert with_polars.height == len(with_pandas) == with_duckdb
    assert list(with_polars.columns) == list(with_pandas.columns)


def test_duckdb_joins_mentions_to_documents() -> None:
    orphans = duckdb.connect().execute(
        f"""
        select count(*) from read_parquet('{TABLES / "mentions.parquet"}') m
        anti join read_parquet('{TABLES / "documents.parquet"}') d using (doc_id)
        """
    ).fetchall()[0][0]
    assert orphans == 0


def test_funding_mentions_exist() -> None:
    funding = pl.read_parquet(TABLES / "funding.parquet")
    mentions = pl.read_parquet(TABLES / "mentions.parquet")
    missing = funding.join(mentions, on="mention_id", how="anti")
    assert missing.height == 0, missing


@pytest.mark.skipif("ACCORD_BIN" not in os.environ, reason="needs the accord binary (just client-test)")
def test_accord_eval_prints_the_python_scorer_numbers() -> None:
    gold = ROOT / "tests" / "eval" / "gold"
    rust = subprocess.run(
        [os.environ["ACCORD_BIN"], "eval", "--gold", str(gold), "--tables", str(TABLES), "--show-errors"],
        check=True, capture_output=True, text=True,
    ).stdout
    python = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "eval" / "score.py"), "--gold", str(gold), "--tables", str(TABLES), "--show-errors"],
        check=True, capture_output=True, text=True,
    ).stdout
    assert rust == python
    assert "macro F1 over tables" in rust
