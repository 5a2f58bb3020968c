"""accord on a Ray cluster: the map step (read, ingest and extract every N-th document)
as Ray tasks, the reduce step (normalize, then publish) on the driver. The tables are the
bytes ``accord run`` writes for the same corpus and pipeline.

    import accord.ray
    summary = accord.ray.run("/data/corpus", "/data/tables", num_cpus=8)

From a shell: ``python -m accord.ray INPUT OUT [--pipeline FILE] [--num-cpus N]``.

Every worker must see ``input`` (and the pipeline file) at the same path: a shared or
network file system, or the same local folder on a one-machine cluster. Each task returns
its shard (the ``accord map`` file, in memory) through Ray's object store; the driver
writes the shards to a temporary folder and runs ``accord reduce`` on them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Optional

import accord
from accord import _native, RunSummary

__all__ = ["run"]


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


def run(
    input: Optional[accord.PathLike],
    out: accord.PathLike,
    pipeline: Optional[accord.PathLike] = None,
    *,
    num_cpus: Optional[int] = None,
    shards: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[accord.PathLike] = None,
) -> RunSummary:
    """Run the pipeline over ``input`` on Ray and write the tables to ``out``, with the same
    arguments and the same bytes as :func:`accord.run`.

    Uses the running Ray cluster, or starts a local one (``ray.init(num_cpus=num_cpus)``)
    when none is. The inputs are split into ``shards`` map tasks of one CPU each (default:
    the cluster's CPU count); each input is read and processed by exactly one task, and an
    input that fails becomes a ``failures`` row as in the command line.

    Raises :class:`accord.AccordError` (with the command line's message) for a bad
    pipeline, an empty or unreadable corpus or a refused output; a failing task's error is
    raised by ``ray.get`` as a ``RayTaskError`` that is also an ``AccordError``.
    """
    import ray

    if shards is not None and shards < 1:
        raise ValueError(f"shards must be at least 1, not {shards}")
    pipeline_s, input_s, out_s = _abs(pipeline), _abs(input), os.path.abspath(os.fspath(out))
    cache_s = _abs(cache_dir)
    # Refuse a bad output or gazetteer before any cluster work, as `accord run` does.
    _native.check(pipeline_s, input_s, out_s)
    if not ray.is_initialized():
        ray.init(num_cpus=num_cpus)
    count = shards or max(1, int(ray.cluster_resources().get("CPU", 1)))
    build = accord._build_id()
    task = ray.remote(num_cpus=1)(_map_task)
    refs = [
        task.remote(pipeline_s, input_s, out_s, index, count, cache, cache_s, build)
        for index in range(1, count + 1)
    ]
    blobs = ray.get(refs)
    with tempfile.TemporaryDirectory(prefix="accord-shards-") as folder:
        for index, blob in enumerate(blobs, start=1):
            Path(folder, f"shard-{index}-of-{count}.json").write_bytes(blob)
        raw = _native.reduce(pipeline_s, folder, out_s)
    return accord._summary(raw)
