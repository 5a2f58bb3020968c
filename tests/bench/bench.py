#!/usr/bin/env python3
"""End-to-end throughput of `accord run`: cold runs on a corpus of a given size.

Usage (from the justfile: `just bench [SIZE_MB] [THREADS] [REPEAT]`):

    python3 tests/bench/bench.py --accord PATH/TO/accord [--size-mb 10] [--threads 2|1|both] [--repeat 1]

The corpus is made in a temporary folder, never by changing the source files:

- real documents from `../shared/corpus/bench-wh` (next to the repository) when that
  folder exists: files in sorted path order until SIZE_MB is reached, copied under their
  own relative paths (files named LICENSE* or README* are not documents and are skipped);
- otherwise the bundled corpus (`data/raw`, or `tests/eval/corpus`) replicated under
  distinct file names (`<stem>-00001<ext>`, ...) up to SIZE_MB.

Copies, not symbolic links: accord refuses links that lead outside the corpus folder.

Each run is cold: a fresh `--cache-dir` and a fresh `--out` in the temporary folder. Stage
times come from accord's own `--timings` line; peak RSS and CPU time (user + system) from
`/usr/bin/time -v` (or, when it is absent, from `getrusage(RUSAGE_CHILDREN)` in a small
Python wrapper). CPU time moves less than wall time when other work shares the machine
(the load average is printed beside each run). MB are 10^6 bytes of input files. Python
standard library only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REAL = REPO.parent / "shared" / "corpus" / "bench-wh"
BUNDLED = [REPO / "data" / "raw", REPO / "tests" / "eval" / "corpus"]
PIPELINE = REPO / "pipelines" / "north-american-security.toml"
NOT_DOCUMENTS = ("LICENSE", "README")

# Runs the command and reports its peak RSS the way `/usr/bin/time -v` does.
RUSAGE_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(f'User time (seconds): {usage.ru_utime:.2f}', file=sys.stderr)\n"
    "print(f'System time (seconds): {usage.ru_stime:.2f}', file=sys.stderr)\n"
    "print(f'Maximum resident set size (kbytes): {usage.ru_maxrss}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def files_under(root: Path) -> list[Path]:
    """Document files under `root`, as sorted relative paths (hidden files skipped)."""
    out = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.name.upper().startswith(NOT_DOCUMENTS):
            continue
        out.append(rel)
    return sorted(out, key=lambda p: p.as_posix())


def real_corpus(dest: Path, size: int) -> tuple[str, int, int]:
    """Copies real documents, in sorted order, until `size` bytes; returns (source, files, bytes)."""
    total = count = 0
    for rel in files_under(REAL):
        if total >= size:
            break
        src = REAL / rel
        link = dest / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, link)
        total += src.stat().st_size
        count += 1
    return str(REAL), count, total


def bundled_corpus(dest: Path, size: int) -> tuple[str, int, int]:
    """Copies the bundled corpus under distinct names until `size` bytes."""
    root = next((d for d in BUNDLED if d.is_dir() and files_under(d)), None)
    if root is None:
        sys.exit("bench: no corpus (neither ../shared/corpus/bench-wh nor a bundled corpus)")
    files = files_under(root)
    total = count = 0
    copy = 0
    while total < size:
        copy += 1
        for rel in files:
            if total >= size:
                break
            src = root / rel
            link = dest / rel.parent / f"{rel.stem}-{copy:05d}{rel.suffix}"
            link.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, link)
            total += src.stat().st_size
            count += 1
    return f"{root} (replicated)", count, total


def run_once(accord: Path, corpus: Path, work: Path, threads: int) -> dict:
    """One cold run; returns wall time, documents, failures, stage times and peak RSS."""
    out, cache = work / f"out-{threads}", work / f"cache-{threads}"
    cmd = [
        str(accord), "run", str(PIPELINE),
        "--input", str(corpus), "--out", str(out), "--cache-dir", str(cache),
        "--threads", str(threads), "--no-progress", "--timings",
    ]
    if shutil.which("/usr/bin/time"):
        cmd = ["/usr/bin/time", "-v", *cmd]
    else:
        cmd = [sys.executable, "-c", RUSAGE_WRAPPER, *cmd]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "RUST_LOG": "warn"})
    wall = time.perf_counter() - started
    err = proc.stderr
    if proc.returncode not in (0, 1):
        sys.stderr.write(err[-4000:])
        sys.exit(f"bench: accord exited with status {proc.returncode}")
    done = re.search(r"Done: (\d+) documents", err)
    failed = re.search(r"(\d+) of \d+ inputs failed", err)
    stages_line = re.search(r"^Stages: (.*)$", err, re.M)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    cpu = sum(float(t) for t in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err))
    if not (done and stages_line and rss):
        sys.stderr.write(err[-4000:])
        sys.exit("bench: could not read accord's closing lines (is the binary older than --timings?)")
    line, _, peaks_part = stages_line.group(1).partition("; peak RSS after: ")
    wall_part, _, work_part = line.partition("; work over all threads: ")
    peaks = {name: int(mb) for name, mb in re.findall(r"([\w+]+) (\d+) MB", peaks_part)}
    stages = {name: float(secs) for name, secs in re.findall(r"([\w+]+) ([\d.]+) s", wall_part)}
    work = {name: float(secs) for name, secs in re.findall(r"([\w+]+) ([\d.]+) s", work_part)}
    return {
        "threads": threads,
        "wall": wall,
        "documents": int(done.group(1)),
        "failed": int(failed.group(1)) if failed else 0,
        "stages": stages,
        "work": work,
        "peaks": peaks,
        "rss_mb": int(rss.group(1)) / 1024,
        "cpu": cpu,
        "load": load,
    }


def report(runs: list[dict], source: str, files: int, size: int) -> str:
    mb = size / 1e6
    lines = [
        f"corpus: {source}",
        f"input: {mb:.1f} MB in {files} files; cores: {os.cpu_count()}; release build, cold cache; "
        f"fastest of {runs[0].get('repeat', 1)} run(s) per thread count",
        "",
        "| threads | documents | wall s | MB/s | docs/s | cpu s | setup s | ingest+extract s (MB/s) "
        "| ingest (MB/s) | extract (MB/s) | normalize s (MB/s) | publish s (MB/s) "
        "| peak RSS MB | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]

    def stage(r: dict, name: str) -> str:
        secs = r["stages"].get(name)
        if secs is None:
            return "-"
        rate = f"{mb / secs:.2f}" if secs > 0 else "inf"
        return f"{secs:.2f} ({rate})"

    def work(r: dict, name: str) -> str:
        # Summed over the threads: the stage's share of the parallel wall time.
        secs = r["work"].get(name)
        if secs is None or "ingest+extract" not in r["stages"]:
            return "-"
        total = sum(r["work"].values()) or 1.0
        share = r["stages"]["ingest+extract"] * secs / total
        return f"{mb / share:.2f}" if share > 0 else "inf"

    for r in runs:
        docs = f"{r['documents']}" + (f" ({r['failed']} failed)" if r["failed"] else "")
        lines.append(
            f"| {r['threads']} | {docs} | {r['wall']:.1f} | {mb / r['wall']:.2f} "
            f"| {r['documents'] / r['wall']:.0f} | {r['cpu']:.1f} | {r['stages'].get('setup', 0):.2f} "
            f"| {stage(r, 'ingest+extract')} | {work(r, 'ingest')} | {work(r, 'extract')} "
            f"| {stage(r, 'normalize')} | {stage(r, 'publish')} "
            f"| {r['rss_mb']:.0f} | {r['load']:.1f} |"
        )
    lines.append("")
    for r in runs:
        if r["peaks"]:
            steps = ", ".join(f"{name} {mb} MB" for name, mb in r["peaks"].items())
            lines.append(f"peak RSS after each stage, {r['threads']} thread(s): {steps}")
    lines.append(
        "ingest and extract run together, per document, on every thread: their MB/s are the "
        "input over each one's share of the ingest+extract wall time (its work summed over "
        "the threads)."
    )
    if len(runs) == 2:
        lines.append("")
        lines.append(f"speed-up, 2 threads over 1: {runs[0]['wall'] / runs[1]['wall']:.2f}x")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accord", type=Path, required=True, help="the accord binary (release build)")
    parser.add_argument("--size-mb", type=float, default=10.0, help="corpus size in MB (10^6 bytes)")
    parser.add_argument("--threads", default="both", help="worker threads: a number, or `both` (1 then 2)")
    parser.add_argument(
        "--bundled", action="store_true",
        help="use the bundled corpus, replicated, even when ../shared/corpus/bench-wh is there",
    )
    parser.add_argument(
        "--repeat", type=int, default=1,
        help="cold runs per thread count; the fastest is reported (other work on the machine only slows a run)",
    )
    args = parser.parse_args()
    if args.threads == "both":
        threads = [1, 2]
    elif args.threads.isdigit() and int(args.threads) > 0:
        threads = [int(args.threads)]
    else:
        sys.exit(f"bench: THREADS must be a positive number or `both`, not {args.threads!r}")
    if not args.accord.is_file():
        sys.exit(f"bench: no accord binary at {args.accord}")
    size = int(args.size_mb * 1e6)
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        make = real_corpus if REAL.is_dir() and not args.bundled else bundled_corpus
        source, files, total = make(corpus, size)
        if total < size:
            print(f"note: the corpus holds only {total / 1e6:.1f} MB; using all of it", file=sys.stderr)
        runs = []
        for n in threads:
            tries = []
            for i in range(max(1, args.repeat)):
                print(
                    f"running: {files} files, {total / 1e6:.1f} MB, {n} thread(s), run {i + 1} ...",
                    file=sys.stderr, flush=True,
                )
                shutil.rmtree(work / f"out-{n}", ignore_errors=True)
                shutil.rmtree(work / f"cache-{n}", ignore_errors=True)
                tries.append(run_once(args.accord, corpus, work, n))
            best = min(tries, key=lambda r: r["wall"])
            best["repeat"] = len(tries)
            runs.append(best)
    print(report(runs, source, files, total))


if __name__ == "__main__":
    main()
