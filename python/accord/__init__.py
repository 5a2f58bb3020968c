"""accord from Python: run the pipeline and read its tables as DataFrames.

    import accord
    summary = accord.run("path/to/documents", "path/to/tables")
    tables = accord.load(summary.out)          # {"agreements": polars.DataFrame, ...}
    tables["funding"].filter(tables["funding"]["share"].is_null())

``accord.run`` does the work of ``accord run`` and writes the same bytes; errors are
:class:`AccordError` with the command line's message. ``accord.ray.run`` runs the same
map and reduce on a Ray cluster.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
import functools
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from . import _native
from ._native import AccordError, Dataset, Document, Pipeline

__all__ = [
    "AccordError",
    "RunSummary",
    "Failure",
    "run",
    "load",
    "TABLES",
    "Pipeline",
    "Document",
    "Dataset",
    "pipeline",
    "ingest",
    "extract",
    "normalize",
    "publish",
    "mentions_schema",
    "__version__",
]
__version__: str = _native.__version__

PathLike = Union[str, "os.PathLike[str]"]

#: The Parquet tables of an output folder, in the order the codebook lists them.
TABLES = (
    "agreements",
    "working_groups",
    "agencies",
    "funding",
    "mentions",
    "documents",
    "blocks",
    "failures",
)


@dataclass(frozen=True)
class Failure:
    """An input that could not be read: its path under the corpus root, the stage that
    failed (``ingest`` or ``extract``) and the reason (a ``failures.parquet`` row)."""

    path: str
    stage: str
    error: str


@dataclass(frozen=True)
class RunSummary:
    """What a run did: counts of inputs, documents, failed inputs, mentions and documents
    taken from the cache, rows written per table, the failures, and the output folder."""

    out: Path
    inputs: int
    documents: int
    failed: int
    mentions: int
    cached: int
    rows: Dict[str, int]
    failures: List[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input was processed (``accord run``'s exit status 0)."""
        return self.failed == 0


def _build_id() -> str:
    """Size and modification time of the loaded native library: a rebuilt module never
    reuses cached results of an older build (the CLI uses its executable the same way)."""
    st = os.stat(_native.__file__)
    return f"{st.st_size}-{st.st_mtime_ns}"


def _path(p: Optional[PathLike]) -> Optional[str]:
    return None if p is None else os.fspath(p)


def _failures(out: Path) -> List[Failure]:
    import pyarrow.parquet as pq

    table = pq.read_table(out / "failures.parquet", columns=["path", "stage", "error"])
    return [Failure(**row) for row in table.to_pylist()]


def _summary(raw: Dict[str, Any]) -> RunSummary:
    out = Path(raw["out"])
    failures = _failures(out) if raw["failed"] else []
    return RunSummary(
        out=out,
        inputs=raw["inputs"],
        documents=raw["documents"],
        failed=raw["failed"],
        mentions=raw["mentions"],
        cached=raw["cached"],
        rows=dict(raw["rows"]),
        failures=failures,
    )


def run(
    input: Optional[PathLike],
    out: PathLike,
    pipeline: Optional[PathLike] = None,
    *,
    threads: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[PathLike] = None,
) -> RunSummary:
    """Run ingest → extract → normalize → publish over ``input`` (a folder or one file)
    and write the tables to ``out``: the same work and the same bytes as
    ``accord run PIPELINE --input INPUT --out OUT``.

    ``pipeline`` is a pipeline file (TOML); ``None`` uses the bundled default pipeline
    and gazetteers (then ``manifest.json`` records no git commit). With ``input=None``
    the pipeline's corpus root is read. ``threads`` workers (default: all cores);
    ``cache=False`` is a cold run (``--no-cache``); ``cache_dir`` as ``--cache-dir``.

    Inputs that fail are counted in ``failed`` and listed in ``failures``; they never
    stop the run. Raises :class:`AccordError` for what the command line exits 2 on.
    """
    raw = _native.run(
        _path(pipeline),
        _path(input),
        os.fspath(out),
        threads=threads,
        cache=cache,
        cache_dir=_path(cache_dir),
        build=_build_id(),
    )
    return _summary(raw)


def load(out: PathLike, *, backend: str = "polars", tables=TABLES) -> Dict[str, Any]:
    """Read the tables of an output folder: ``{name: DataFrame}`` for each of ``tables``.

    ``backend="polars"`` (default) gives ``polars.DataFrame`` with the datapackage's
    types: strings as ``String``, integers as ``Int64`` (nulls kept, never floats),
    numbers as ``Float64``, booleans as ``Boolean``, lists as ``List(String)``.
    ``backend="pandas"`` gives ``pandas.DataFrame`` with the pyarrow dtype backend
    (``int64[pyarrow]``, ``large_string[pyarrow]``, lists as ``large_list<…>[pyarrow]``).

    Raises :class:`AccordError` when ``out`` is not an accord output (no
    ``manifest.json``) or lacks a table; ``ValueError`` for another backend.
    """
    folder = Path(out)
    if backend not in ("polars", "pandas"):
        raise ValueError(f"backend must be 'polars' or 'pandas', not {backend!r}")
    if not (folder / "manifest.json").is_file():
        raise AccordError(
            f"{folder} is not an accord output folder (it has no manifest.json): "
            "give the --out folder of a run"
        )
    result: Dict[str, Any] = {}
    for name in tables:
        path = folder / f"{name}.parquet"
        if not path.is_file():
            raise AccordError(f"{folder} lacks {name}.parquet: is it a complete accord output?")
        if backend == "polars":
            import polars as pl

            result[name] = pl.read_parquet(path)
        else:
            import pandas as pd

            result[name] = pd.read_parquet(path, dtype_backend="pyarrow")
    return result


# The stages one by one -------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _pipeline_at(path: Optional[str]) -> Pipeline:
    return Pipeline(path)


def pipeline(path: Optional[PathLike] = None) -> Pipeline:
    """The pipeline file at ``path`` (``None``: the bundled default pipeline) with its
    gazetteer loaded and ingest and extract set up; kept for later calls with the same
    path. Raises :class:`AccordError` for a bad pipeline file or gazetteer."""
    return _pipeline_at(None if path is None else os.path.abspath(os.fspath(path)))


def _resolve(p: Union[Pipeline, PathLike, None]) -> Pipeline:
    return p if isinstance(p, Pipeline) else pipeline(p)


def ingest(
    source: Union[PathLike, bytes],
    *,
    path: Optional[str] = None,
    pipeline: Union[Pipeline, PathLike, None] = None,
) -> Document:
    """Ingest one input: a file path, or its ``bytes`` with ``path`` its name (the
    extension picks the format: ``.txt``, ``.md``, ``.html``, ``.pdf``, ``.docx``).
    ``path`` is recorded as the document's path, and gives its ``doc_id`` (default: the
    file's name; give the path under the corpus root, ``/``-separated, to match
    ``accord run``). A file is read as ``accord run`` reads it: regular files only, at most
    the pipeline's ``max_file_bytes``.

    Raises :class:`AccordError` with the ``error`` of the ``failures`` row ``accord run``
    writes for the input; the exception's ``path``, ``stage`` (``"ingest"``), ``size`` and
    ``sha256`` attributes describe it, and :func:`normalize` takes it as a failure."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _native.ingest(_resolve(pipeline), bytes(source), path)
    return _native.ingest(_resolve(pipeline), os.fspath(source), path)


def extract(document: Document, *, pipeline: Union[Pipeline, PathLike, None] = None):
    """The mentions of ``document`` as a ``pyarrow.RecordBatch`` (received through the
    Arrow C data interface), one row per mention, with the columns of :func:`mentions_schema`:
    ``entity_type``, ``span`` (byte offsets ``start``, ``end`` into ``document.text``
    encoded as UTF-8), ``text`` (the text at the span), ``rule`` and ``value`` (a struct
    with the name, gazetteer id, kinds, parties, dates and ``money``, itself a struct of
    amounts in currency units, ISO 4217 currency, period and years).

    Raises :class:`AccordError` (``stage`` ``"extract"``) when the document exceeds the
    pipeline's time budget or a rule fails, as a ``failures`` row of ``accord run``."""
    return _native.extract(_resolve(pipeline), document)


def mentions_schema():
    """The ``pyarrow.Schema`` of the batches :func:`extract` returns and :func:`normalize`
    reads, one row per mention:

    - ``entity_type``: ``agreement``, ``working_group``, ``agency`` or ``funding``;
    - ``span``: struct of ``start``, ``end`` (uint64), byte offsets into the document's
      text encoded as UTF-8; ``text``: the text at the span; ``rule``: the rule's name;
    - ``value``: struct of ``name``, ``gazetteer_id``, ``acronym``, ``agreement_kind``,
      ``agency_kind``, ``country`` (ISO 3166-1 alpha-3), ``parties`` (list of alpha-3
      codes), ``signed``, ``ended`` (EDTF dates), ``pillar``, ``parent``, ``parent_id``,
      ``funding_kind``, ``donor``, ``recipient``, ``money`` and ``same_as``;
    - ``value.money`` (null but for funding): ``amount``, ``amount_min``, ``amount_max``
      and ``scale`` (float64, currency units), ``qualifier``, ``currency`` (ISO 4217),
      ``currency_inferred`` (bool), ``period``, ``years`` (uint32), ``start_year``,
      ``end_year`` (int32), ``fiscal_year``, ``share`` (float64 in [0, 1]) and
      ``parse_status``.

    Strings are ``large_string``, lists ``large_list``; the closed vocabularies
    (``entity_type``, the kinds, ``qualifier``, ``period``, ``parse_status``) are
    ``dictionary<uint32, large_string>``."""
    return _native.mentions_schema()


FailureLike = Union[AccordError, Failure, Tuple[Any, ...]]


def _failed_input(f: FailureLike) -> Tuple[str, str, str, int, str]:
    """``(path, stage, error, size, sha256)`` of a failed input."""
    if isinstance(f, AccordError):
        try:
            return (f.path, f.stage, str(f), f.size, f.sha256)
        except AttributeError:
            raise TypeError(
                f"this AccordError is not about one input (it has no path): {f}"
            ) from None
    if isinstance(f, Failure):
        return (f.path, f.stage, f.error, 0, "")
    t = tuple(f)
    if len(t) == 3:
        return (str(t[0]), str(t[1]), str(t[2]), 0, "")
    if len(t) == 5:
        return (str(t[0]), str(t[1]), str(t[2]), int(t[3]), str(t[4]))
    raise TypeError(
        "a failure is an AccordError raised by ingest or extract, an accord.Failure, or a "
        f"(path, stage, error[, size, sha256]) tuple, not {f!r}"
    )


def normalize(
    documents: Iterable[Tuple[Document, Any]],
    *,
    failures: Iterable[FailureLike] = (),
    pipeline: Union[Pipeline, PathLike, None] = None,
) -> Dataset:
    """The corpus-wide reduce: ``(document, mentions)`` pairs (batches as :func:`extract`
    gives them, or any Arrow record batch of those columns, e.g. filtered in pyarrow) and
    the inputs that failed → a :class:`Dataset`, with entities merged across documents and
    ids assigned as in ``accord run``. The order of the pairs does not matter (inputs are
    sorted by path); doc ids are made unique over every input, failed ones included.

    ``failures`` are the :class:`AccordError` exceptions :func:`ingest` and :func:`extract`
    raised (their ``size`` and ``sha256`` go to the manifest as ``accord run`` records
    them), :class:`Failure` rows or ``(path, stage, error[, size, sha256])`` tuples.

    Raises :class:`AccordError` naming the document whose batch lacks the mentions
    columns, or an input given twice; ``TypeError`` for a failure of another shape."""
    return _native.normalize(
        _resolve(pipeline), list(documents), [_failed_input(f) for f in failures]
    )


def publish(dataset: Dataset, out: PathLike, *, pipeline: Union[Pipeline, PathLike, None] = None) -> Dict[str, int]:
    """Write ``dataset`` to ``out`` as ``accord run`` does (Parquet, CSV, datapackage,
    codebook, report, manifest); returns the rows per table. ``out`` is refused, untouched,
    when it is not accord's to replace (:class:`AccordError`). ``pipeline`` must be the one
    the dataset was made with: its name and settings go to the manifest."""
    return dict(_native.publish(_resolve(pipeline), dataset, os.fspath(out)))
