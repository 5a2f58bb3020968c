"""Shared fixtures: reference outputs of the `accord` binary (ACCORD_BIN) on small corpora."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIPELINE = ROOT / "pipelines" / "north-american-security.toml"
#: The seed paper and the six development documents.
EVAL_CORPUS = ROOT / "tests" / "eval" / "corpus"
#: Good and broken inputs of every format: failures rows go through too.
BAD_CORPUS = ROOT / "crates" / "cli" / "tests" / "corpus"


def files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cli_run(corpus: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [os.environ["ACCORD_BIN"], "run", str(PIPELINE), "--input", str(corpus), "--out", str(out),
         "--no-cache", "--cache-dir", str(out.parent / (out.name + ".cache")), "-q", *extra],
        capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def cli_outputs(tmp_path_factory) -> dict[str, Path]:
    """`accord run --no-cache` on each corpus, by the binary: the bytes to match."""
    if "ACCORD_BIN" not in os.environ:
        pytest.skip("needs the accord binary (ACCORD_BIN; just client-test sets it)")
    base = tmp_path_factory.mktemp("cli")
    outs = {}
    for name, corpus in [("eval", EVAL_CORPUS), ("bad", BAD_CORPUS)]:
        out = base / name
        done = cli_run(corpus, out)
        assert done.returncode in (0, 1), done.stderr
        outs[name] = out
    return outs
