"""``python -m accord.ray INPUT OUT``: ``accord run`` on a Ray cluster (see ``accord.ray``).

Exit status as ``accord run``: 0 every input processed, 1 some failed (tables written),
2 usage or environment error.
"""

from __future__ import annotations

import argparse
import sys
import time

import accord
import accord.ray


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m accord.ray",
        description="Run an accord pipeline on a Ray cluster: map tasks ingest and extract, "
        "the driver normalizes and publishes. The tables are the bytes `accord run` writes.",
    )
    parser.add_argument(
        "input", help="folder (or file) of documents, or an fsspec URL (s3://..., file://...)"
    )
    parser.add_argument("out", help="output folder for the tables")
    parser.add_argument("--pipeline", help="pipeline file (default: the bundled pipeline)")
    parser.add_argument("--num-cpus", type=int, help="CPUs of a local Ray cluster started here")
    parser.add_argument("--shards", type=int, help="map tasks (default: the cluster's CPUs)")
    parser.add_argument("--no-cache", action="store_true", help="a cold run (as accord run --no-cache)")
    parser.add_argument("--cache-dir", help="cache folder (as accord run --cache-dir)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        summary = accord.ray.run(
            args.input,
            args.out,
            args.pipeline,
            num_cpus=args.num_cpus,
            shards=args.shards,
            cache=not args.no_cache,
            cache_dir=args.cache_dir,
        )
    except accord.AccordError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    rows = summary.rows
    failed = (
        f", {summary.failed} of {summary.inputs} inputs failed (see failures.parquet in {summary.out})"
        if summary.failed
        else ""
    )
    print(
        f"Done: {summary.documents} documents ({summary.cached} from the cache){failed}; "
        f"{rows.get('agreements', 0)} agreements, {rows.get('working_groups', 0)} working groups, "
        f"{rows.get('agencies', 0)} agencies, {rows.get('funding', 0)} funding figures, "
        f"{rows.get('mentions', 0)} mentions in {time.monotonic() - started:.1f} s; "
        f"report: {summary.out / 'report.html'}",
        file=sys.stderr,
    )
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
