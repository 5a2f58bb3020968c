"""accord on a local Ray cluster (two CPUs): the tables are the bytes of `accord run`."""
from __future__ import annotations

import subprocess
import sys

import pytest

ray = pytest.importorskip("ray", reason="pip install ray (.ci/run installs it)")

import accord  # noqa: E402
import accord.ray  # noqa: E402
from conftest import BAD_CORPUS, EVAL_CORPUS, PIPELINE, files  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.mark.parametrize("name,corpus,shards", [("eval", EVAL_CORPUS, 3), ("bad", BAD_CORPUS, 2)])
def test_ray_run_writes_the_bytes_of_the_cli(cluster, cli_outputs, tmp_path, name, corpus, shards):
    summary = accord.ray.run(corpus, tmp_path / "out", PIPELINE, shards=shards, cache=False,
                             cache_dir=tmp_path / "cache")
    assert files(summary.out) == files(cli_outputs[name])
    assert summary.failed == len(summary.failures)
    assert (summary.failed > 0) == (name == "bad")


def test_python_m_accord_ray(cli_outputs, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "accord.ray", str(BAD_CORPUS), str(tmp_path / "out"), "--pipeline", str(PIPELINE),
         "--num-cpus", "2", "--no-cache", "--cache-dir", str(tmp_path / "cache")],
        capture_output=True, text=True, check=False, timeout=600,
    )
    # Some inputs of this corpus are broken: exit 1, tables written, as `accord run`.
    assert done.returncode == 1, done.stderr
    assert "inputs failed (see failures.parquet" in done.stderr
    assert files(tmp_path / "out") == files(cli_outputs["bad"])
    refused = subprocess.run(
        [sys.executable, "-m", "accord.ray", str(BAD_CORPUS), str(BAD_CORPUS / "nested"), "--pipeline",
         str(PIPELINE), "--num-cpus", "1"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert refused.returncode == 2 and "error: refusing to" in refused.stderr, refused.stderr
