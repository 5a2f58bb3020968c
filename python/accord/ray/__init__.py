"""accord on a Ray cluster: the map step (read, ingest and extract every N-th document)
as Ray tasks, the reduce step (normalize, then publish) on the driver. The tables are the
bytes ``accord run`` writes for the same corpus and pipeline.

    import accord.ray
    summary = accord.ray.run("/data/corpus", "/data/tables", num_cpus=8)

From a shell: ``python -m accord.ray INPUT OUT [--pipeline FILE] [--num-cpus N]``.

``input`` is a local path, which every worker must see at the same path (a shared or
network file system, or the same local folder on a one-machine cluster), or an fsspec URL
(``file://``, ``s3://``, ``gs://``, ``memory://``, ...; ``storage_options`` go to
``fsspec.core.url_to_fs``): the driver lists the files there, and each task reads its
inputs' bytes through fsspec and ingests them from bytes, with the doc ids ``accord run``
gives the same relative paths. Each task returns its shard (the ``accord map`` file, in
memory) through Ray's object store; the driver runs ``accord reduce`` on them.

The same steps without Ray, for other engines (Spark, Dask, a batch scheduler):
:func:`list_inputs` on the driver, :func:`map_shard` for shards 1 to N anywhere, and
:func:`reduce_shards` on the driver.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence

import accord
from accord import _native, RunSummary

__all__ = ["run", "Listing", "list_inputs", "map_shard", "merge_shards", "reduce_shards"]


def is_url(input: Any) -> bool:
    """Whether ``input`` is a URL (``scheme://...``) rather than a local path."""
    return isinstance(input, str) and "://" in input


@dataclass(frozen=True)
class Listing:
    """The inputs of a run on an fsspec file system: the URL of the corpus (a folder or one
    file), its ``storage_options``, and the paths relative to it that ``accord run`` would
    read (sorted, ``/``-separated; hidden files and folders and the pipeline's ``exclude``
    entries skipped)."""

    url: str
    rels: List[str]
    storage_options: Dict[str, Any]


def _fs(url: str, storage_options: Dict[str, Any]):
    import fsspec.core

    return fsspec.core.url_to_fs(url, **storage_options)


def list_inputs(
    url: str,
    pipeline: Optional[accord.PathLike] = None,
    *,
    storage_options: Optional[Dict[str, Any]] = None,
) -> Listing:
    """List the inputs under the fsspec URL ``url`` (a folder, or one file) as ``accord
    run`` lists a local folder: every file below it, hidden files and folders and the
    pipeline's ``[corpus] exclude`` entries (relative paths or file names) skipped, sorted
    by relative path. Raises :class:`accord.AccordError` when ``url`` cannot be read or
    holds no input."""
    options = dict(storage_options or {})
    exclude = set(accord.pipeline(pipeline).exclude)
    try:
        fs, root = _fs(url, options)
        if fs.isfile(root):
            rels = [root.rstrip("/").rsplit("/", 1)[-1]]
        else:
            base = root.rstrip("/") + "/"
            rels = []
            for path in fs.find(root):
                if not path.startswith(base):
                    continue
                rel = path[len(base):]
                if any(part.startswith(".") for part in rel.split("/")):
                    continue
                if rel in exclude or rel.rsplit("/", 1)[-1] in exclude:
                    continue
                rels.append(rel)
    except (OSError, ValueError, ImportError) as err:
        raise accord.AccordError(f"cannot read the corpus at {url}: {err}") from err
    if not rels:
        raise _empty(url)
    return Listing(url=url, rels=sorted(rels), storage_options=options)


def _empty(url: str) -> accord.AccordError:
    return accord.AccordError(
        f"no input documents in {url} (hidden files and the pipeline's `exclude` entries "
        "are skipped): nothing to do, nothing written"
    )


def _read(fs, path: str, limit: int):
    """``(bytes, size, error)`` of one input: the bytes, or ``None`` with the size when it
    is over ``limit`` (not read), or ``None`` with the reader's error."""
    try:
        size = int(fs.size(path) or 0)
    except Exception as err:  # noqa: BLE001 - any file system's error is a failures row
        return None, 0, f"{type(err).__name__}: {err}"
    if size > limit:
        return None, size, None
    try:
        with fs.open(path, "rb") as f:
            data = f.read(limit + 1)
    except Exception as err:  # noqa: BLE001
        return None, size, f"{type(err).__name__}: {err}"
    if len(data) > limit:
        return None, len(data), None
    return data, len(data), None


def map_shard(
    listing: Listing,
    index: int,
    count: int,
    out: accord.PathLike,
    pipeline: Optional[accord.PathLike] = None,
    *,
    threads: Optional[int] = 1,
    cache: bool = True,
    cache_dir: Optional[accord.PathLike] = None,
) -> bytes:
    """Shard ``index`` of ``count`` (1-based) of the run over ``listing``: reads the
    shard's inputs (every ``count``-th, in path order) through fsspec, ingests and extracts
    them, and returns the shard file's bytes (as ``accord map --shard INDEX/COUNT`` writes
    them for the same files). An input that cannot be read becomes a ``failures`` row.
    ``out`` is the run's output folder (it names the default cache folder)."""
    pipeline_s, out_s = _abs(pipeline), os.path.abspath(os.fspath(out))
    limit = accord.pipeline(pipeline).max_file_bytes
    fs, root = _fs(listing.url, listing.storage_options)
    single = fs.isfile(root)
    given = []
    for rel in listing.rels[index - 1 :: count]:
        path = root if single else root.rstrip("/") + "/" + rel
        data, size, error = _read(fs, path, limit)
        given.append((rel, data, size, error))
    return _native.map_given(
        pipeline_s,
        out_s,
        index,
        count,
        list(listing.rels),
        given,
        threads=threads,
        cache=cache,
        cache_dir=_abs(cache_dir),
        build=accord._build_id(),
    )


def merge_shards(first: bytes, second: bytes) -> bytes:
    """Two shard files' bytes of one run merged into one that holds both (a partial
    aggregate: a tree of pairwise merges hands :func:`reduce_shards` one file instead of
    N; the tables are the same bytes). Raises :class:`accord.AccordError` for shards of
    different runs or shards that overlap."""
    return _native.merge_shards(first, second)


def reduce_shards(
    shards: Sequence[bytes], out: accord.PathLike, pipeline: Optional[accord.PathLike] = None
) -> RunSummary:
    """Normalize and publish the shard files' bytes (of :func:`map_shard` or ``accord
    map``, all N of one run) to ``out``, as ``accord reduce`` does."""
    out_s = os.path.abspath(os.fspath(out))
    with tempfile.TemporaryDirectory(prefix="accord-shards-") as folder:
        count = len(shards)
        for index, blob in enumerate(shards, start=1):
            Path(folder, f"shard-{index}-of-{count}.json").write_bytes(blob)
        raw = _native.reduce(_abs(pipeline), folder, out_s)
    return accord._summary(raw)


def _abs(p: Optional[accord.PathLike]) -> Optional[str]:
    return None if p is None else os.path.abspath(os.fspath(p))


def _map_task(pipeline, input, out, index, count, cache, cache_dir, build) -> bytes:
    """One Ray task: shard ``index`` of ``count`` (ingest and extract, one thread)."""
    return _native.map_shard(
        pipeline,
        input,
        out,
        index,
        count,
        threads=1,
        cache=cache,
        cache_dir=cache_dir,
        build=build,
    )


#: Above this many shards, :func:`run` merges the shards in a tree of Ray tasks.
TREE_FROM = 8


def _map_url_task(listing, index, count, out, pipeline, cache, cache_dir) -> bytes:
    """One Ray task over an fsspec corpus: shard ``index`` of ``count``, one thread."""
    return map_shard(listing, index, count, out, pipeline, threads=1, cache=cache, cache_dir=cache_dir)


def run(
    input: Optional[accord.PathLike],
    out: accord.PathLike,
    pipeline: Optional[accord.PathLike] = None,
    *,
    num_cpus: Optional[int] = None,
    shards: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[accord.PathLike] = None,
    storage_options: Optional[Dict[str, Any]] = None,
    tree: Optional[bool] = None,
) -> RunSummary:
    """Run the pipeline over ``input`` on Ray and write the tables to ``out``, with the same
    arguments and the same bytes as :func:`accord.run`.

    ``input`` is a local folder or file, or an fsspec URL (``file://``, ``s3://``, ...;
    ``storage_options`` go to fsspec): then the driver lists the inputs
    (:func:`list_inputs`) and each task reads its inputs' bytes through fsspec
    (:func:`map_shard`). Uses the running Ray cluster, or starts a local one
    (``ray.init(num_cpus=num_cpus)``) when none is. The inputs are split into ``shards`` map
    tasks of one CPU each (default: the cluster's CPU count); each input is read and
    processed by exactly one task, and an input that fails becomes a ``failures`` row as in
    the command line. With ``tree`` (default: when there are more than :data:`TREE_FROM`
    shards) the shards are merged pairwise by Ray tasks (:func:`merge_shards`) and the
    driver receives one; normalize and publish then run on the driver over all of it.

    Raises :class:`accord.AccordError` (with the command line's message) for a bad
    pipeline, an empty or unreadable corpus or a refused output; a failing task's error is
    raised by ``ray.get`` as a ``RayTaskError`` that is also an ``AccordError``.
    """
    import ray

    if shards is not None and shards < 1:
        raise ValueError(f"shards must be at least 1, not {shards}")
    pipeline_s, out_s = _abs(pipeline), os.path.abspath(os.fspath(out))
    cache_s = _abs(cache_dir)
    listing = None
    if is_url(input):
        listing = list_inputs(input, pipeline_s, storage_options=storage_options)
        fs, root = _fs(listing.url, listing.storage_options)
        # A local corpus (file://) still refuses an output inside it, as `accord run` does.
        input_s = root if "file" in fs.protocol else input
    else:
        input_s = _abs(input)
    # Refuse a bad output or gazetteer before any cluster work, as `accord run` does.
    _native.check(pipeline_s, input_s, out_s)
    if not ray.is_initialized():
        ray.init(num_cpus=num_cpus)
    count = shards or max(1, int(ray.cluster_resources().get("CPU", 1)))
    if listing is not None:
        task = ray.remote(num_cpus=1)(_map_url_task)
        refs = [
            task.remote(listing, index, count, out_s, pipeline_s, cache, cache_s)
            for index in range(1, count + 1)
        ]
    else:
        build = accord._build_id()
        task = ray.remote(num_cpus=1)(_map_task)
        refs = [
            task.remote(pipeline_s, input_s, out_s, index, count, cache, cache_s, build)
            for index in range(1, count + 1)
        ]
    if tree is None:
        tree = count > TREE_FROM
    if tree:
        # Partial aggregates merged pairwise as tasks, level by level, as the map tasks
        # finish: the driver receives one shard.
        merge = ray.remote(num_cpus=1)(merge_shards)
        while len(refs) > 1:
            pairs = [merge.remote(refs[i], refs[i + 1]) for i in range(0, len(refs) - 1, 2)]
            refs = pairs + ([refs[-1]] if len(refs) % 2 else [])
    return reduce_shards(ray.get(refs), out_s, pipeline_s)
