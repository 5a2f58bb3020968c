# %% [markdown]
# # A first look at an accord dataset
#
# A [jupytext](https://jupytext.readthedocs.io/) notebook in the percent format: open it in
# Jupyter or VS Code as a notebook, or run it as a script
# (`python3 notebooks/explore.py [TABLES_DIR] [CHARTS_DIR]`). CI runs it on every change, so
# it never rots. It needs polars and matplotlib (`pip install polars matplotlib`).
#
# Charts are saved as PNG files in CHARTS_DIR (or `$ACCORD_CHARTS`; by default a folder
# `<tables>-charts` beside the tables). Never inside the tables folder: accord replaces that
# folder as a whole on the next run.

# %%
import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import polars as pl  # noqa: E402

ARGS = [a for a in sys.argv[1:] if not a.startswith("-")]
TABLES = Path(ARGS[0] if ARGS else os.environ.get("ACCORD_TABLES", "data/processed/north-american-security"))
CHARTS = Path(ARGS[1] if len(ARGS) > 1 else os.environ.get("ACCORD_CHARTS", TABLES.parent / f"{TABLES.name}-charts"))
if CHARTS.resolve().is_relative_to(TABLES.resolve()):
    sys.exit(f"charts folder {CHARTS} is inside the tables folder {TABLES}, which the next run replaces; choose another")
CHARTS.mkdir(parents=True, exist_ok=True)
agreements = pl.read_parquet(TABLES / "agreements.parquet")
agencies = pl.read_parquet(TABLES / "agencies.parquet")
funding = pl.read_parquet(TABLES / "funding.parquet")
mentions = pl.read_parquet(TABLES / "mentions.parquet")
documents = pl.read_parquet(TABLES / "documents.parquet")
print(f"{documents.height} documents, {mentions.height} mentions")

# %% [markdown]
# ## Agreements on a timeline

# %%
dated = agreements.filter(pl.col("signed_year").is_not_null()).sort("signed_year")
print(dated.select("name", "kind", "parties", "signed"))
fig, ax = plt.subplots(figsize=(9, max(2.0, 0.3 * dated.height)))
ax.scatter(dated["signed_year"], range(dated.height))
ax.set_yticks(range(dated.height), [n[:50] for n in dated["name"]])
ax.set_xlabel("year signed")
fig.tight_layout()
fig.savefig(CHARTS / "agreements_timeline.png")

# %% [markdown]
# ## Funding by year and by recipient
#
# Amounts are in currency units, one chart per currency. The sums take only funding: rows of
# kind assistance, appropriation, budget, request or authorization. They leave out shares
# (`share` set: "40% of the money" restates part of a total that is itself a row) and
# figures that are not funding (`revenue_estimate`, `other`, or no kind). A row is one
# occurrence of a figure: the same money stated twice, in one document or in two, is two
# rows, and totals and per-year figures are summed alike, so read these sums as a map of the
# figures, not as a budget. The year is `start_year`, else the fiscal year, as in
# `report.html`.

# %%
FUNDING_KINDS = ["assistance", "appropriation", "budget", "request", "authorization"]
summed = funding.filter(
    pl.col("amount").is_not_null() & pl.col("share").is_null() & pl.col("kind").is_in(FUNDING_KINDS)
)
print(f"{summed.height} of {funding.height} funding rows summed (no shares, no estimates, no other money)")
by_year = (
    summed.with_columns(
        year=pl.coalesce(pl.col("start_year"), pl.col("fiscal_year").str.extract(r"(\d{4})").cast(pl.Int64))
    )
    .filter(pl.col("year").is_not_null())
    .group_by("currency", "year")
    .agg(pl.col("amount").sum())
    .sort("currency", "year")
)
print(by_year)
by_recipient = (
    summed.group_by("currency", pl.col("recipient").fill_null("(none stated)"))
    .agg(pl.col("amount").sum())
    .sort("currency", "amount", descending=[False, True])
)
print(by_recipient)
currencies = by_year["currency"].unique().sort().to_list()
if currencies:
    fig, axes = plt.subplots(len(currencies), 1, figsize=(8, 2.5 * len(currencies)), squeeze=False)
    for ax, currency in zip(axes[:, 0], currencies):
        rows = by_year.filter(pl.col("currency") == currency)
        ax.bar(rows["year"], rows["amount"] / 1e6)
        ax.set_title(f"{currency}, millions")
    fig.tight_layout()
    fig.savefig(CHARTS / "funding_by_year.png")

# %% [markdown]
# ## Organisations by country

# %%
by_country = agencies.group_by(pl.col("country").fill_null("(unknown)")).len().sort("len", descending=True)
print(by_country)
fig, ax = plt.subplots(figsize=(6, 3))
ax.barh(by_country["country"], by_country["len"])
fig.tight_layout()
fig.savefig(CHARTS / "agencies_by_country.png")

# %% [markdown]
# ## Citing a row
#
# Every funding row names its document and the code-point span of its quote.

# %%
text = dict(zip(documents["doc_id"], documents["text"]))
for row in funding.head(3).iter_rows(named=True):
    quote = text[row["doc_id"]][row["char_start"] : row["char_end"]]
    assert quote == row["quote"]
    print(f'{row["doc_id"]} [{row["char_start"]}:{row["char_end"]}] "{quote}" → {row["amount"]} {row["currency"]}')
