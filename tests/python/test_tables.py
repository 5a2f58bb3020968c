"""Client checks on published tables, as a researcher's notebook would read them.

Run after a pipeline run; ACCORD_TABLES names the output folder
(default: data/processed/north-american-security).
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

TABLES = Path(os.environ.get("ACCORD_TABLES", "data/processed/north-american-security"))
NAMES = ["documents", "blocks", "mentions", "agreements", "working_groups", "agencies", "funding", "failures"]
LIST_COLUMNS = {
    "documents": ["warnings"],
    "agreements": ["aliases", "parties", "doc_ids"],
    "working_groups": ["aliases", "doc_ids"],
    "agencies": ["aliases", "doc_ids"],
}


def read(name: str) -> pa.Table:
    return pq.read_table(TABLES / f"{name}.parquet")


@pytest.mark.parametrize("name", NAMES)
def test_table_reads_with_plain_strings(name: str) -> None:
    table = read(name)
    for field in table.schema:
        t = field.type
        assert not pa.types.is_string_view(t), f"{name}.{field.name} is string_view"
        if pa.types.is_list(t) or pa.types.is_large_list(t):
            assert pa.types.is_string(t.value_type) or pa.types.is_large_string(t.value_type), f"{name}.{field.name}: {t}"


@pytest.mark.parametrize("name,columns", sorted(LIST_COLUMNS.items()))
def test_list_columns_are_lists_of_strings(name: str, columns: list[str]) -> None:
    schema = read(name).schema
    for col in columns:
        t = schema.field(col).type
        assert pa.types.is_list(t) or pa.types.is_large_list(t), f"{name}.{col}: {t}"


def test_amount_is_double() -> None:
    assert read("funding").schema.field("amount").type == pa.float64()


def test_quotes_are_code_point_slices_of_the_text() -> None:
    texts = {r["doc_id"]: r["text"] for r in read("documents").to_pylist()}
    assert texts, "no documents"
    checked = 0
    for name in ("mentions", "funding"):
        for row in read(name).to_pylist():
            text = texts[row["doc_id"]]
            assert text[row["char_start"]:row["char_end"]] == row["quote"], row
            checked += 1
    assert checked > 0


def test_blocks_lie_inside_their_text() -> None:
    lengths = {r["doc_id"]: r["n_chars"] for r in read("documents").to_pylist()}
    for row in read("blocks").to_pylist():
        assert 0 <= row["char_start"] < row["char_end"] <= lengths[row["doc_id"]], row


def test_entity_rows_are_cited_by_mentions() -> None:
    cited = {r["entity_id"] for r in read("mentions").to_pylist()}
    for name, key in (("agreements", "agreement_id"), ("working_groups", "working_group_id"), ("agencies", "agency_id")):
        rows = read(name).to_pylist()
        assert rows, f"{name} is empty"
        for row in rows:
            assert row[key] in cited, f"{name} row {row[key]} has no mention"
            assert row["mention_count"] >= 1


SOURCES = {
    "agreements": {"kind": "kind_source", "parties": "parties_source", "signed": "signed_source", "ended": "ended_source"},
    "agencies": {"country": "country_source", "kind": "kind_source"},
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_attribute_says_where_it_came_from(name: str) -> None:
    rows = read(name).to_pylist()
    assert rows, name
    for row in rows:
        for attribute, source in SOURCES[name].items():
            value = row[attribute]
            present = bool(value) if isinstance(value, list) else value is not None
            assert (row[source] is not None) == present, (name, row.get("agreement_id") or row.get("agency_id"), attribute, value, row[source])
            assert row[source] in (None, "text", "gazetteer", "inferred")


def test_ended_year_is_the_year_of_ended() -> None:
    for row in read("agreements").to_pylist():
        expected = int(row["ended"][:4]) if row["ended"] else None
        assert row["ended_year"] == expected, row["agreement_id"]


def test_report_sums_only_funding_that_is_not_a_share() -> None:
    import re

    kinds = {"assistance", "appropriation", "budget", "request", "authorization"}
    expected: dict[str, float] = {}
    for row in read("funding").to_pylist():
        if row["amount"] is not None and row["share"] is None and row["kind"] in kinds:
            expected[row["currency"]] = expected.get(row["currency"], 0.0) + row["amount"]
    html = (TABLES / "report.html").read_text()
    section = html[html.index('id="funding-recipient"'):]
    section = section[: section.index("</section>")]
    charted: dict[str, float] = {}
    for currency, amount in re.findall(r"<title>[^<:]+: ([A-Z]{3}) ([\d,.]+)</title>", section):
        charted[currency] = charted.get(currency, 0.0) + float(amount.replace(",", ""))
    assert charted.keys() == expected.keys()
    for currency, total in expected.items():
        assert abs(charted[currency] - total) < 1.0, (currency, charted[currency], total)
