"""accord on a local Ray cluster (two CPUs): the tables are the bytes of `accord run`."""
from __future__ import annotations

import subprocess
import sys

import pytest

ray = pytest.importorskip("ray", reason="pip install ray (.ci/run installs it)")

import accord  # noqa: E402
import accord.ray  # noqa: E402
from accord import _native  # noqa: E402
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


fsspec = pytest.importorskip("fsspec", reason="pip install fsspec (tests/python/requirements.txt)")


def to_memory(corpus, prefix):
    """Every file of `corpus` copied into fsspec's memory file system under `prefix`."""
    mem = fsspec.filesystem("memory")
    for p in sorted(corpus.rglob("*")):
        if p.is_file():
            mem.pipe(f"{prefix}/{p.relative_to(corpus).as_posix()}", p.read_bytes())
    return f"memory://{prefix}"


@pytest.mark.parametrize("name,corpus", [("eval", EVAL_CORPUS), ("bad", BAD_CORPUS)])
def test_map_and_reduce_over_fsspec_memory_write_the_bytes_of_a_local_run(cli_outputs, tmp_path, name, corpus):
    """The steps the Ray tasks run, here in one process (a memory file system lives in
    the process that wrote it): list on the driver, map 3 shards reading bytes through
    fsspec, reduce."""
    url = to_memory(corpus, f"/accord-test/{name}")
    listing = accord.ray.list_inputs(url, PIPELINE)
    assert listing.rels == sorted(listing.rels) and "README.md" not in listing.rels
    out = tmp_path / "out"
    blobs = [accord.ray.map_shard(listing, k, 3, out, PIPELINE, cache=False, cache_dir=tmp_path / "c")
             for k in (1, 2, 3)]
    summary = accord.ray.reduce_shards(blobs, out, PIPELINE)
    assert files(out) == files(cli_outputs[name])
    assert (summary.failed > 0) == (name == "bad")


def test_fsspec_reads_that_fail_are_failures_rows(tmp_path):
    url = to_memory(EVAL_CORPUS, "/accord-test/gone")
    listing = accord.ray.list_inputs(url, PIPELINE)
    gone = listing.rels[0]
    fsspec.filesystem("memory").rm(f"/accord-test/gone/{gone}")
    blob = accord.ray.map_shard(listing, 1, 1, tmp_path / "out", PIPELINE, cache=False, cache_dir=tmp_path / "c")
    summary = accord.ray.reduce_shards([blob], tmp_path / "out", PIPELINE)
    assert [f.path for f in summary.failures] == [gone]
    assert summary.failures[0].stage == "ingest" and summary.failures[0].error.startswith(f"cannot read {gone}: ")
    with pytest.raises(accord.AccordError, match="no input documents in memory://"):
        accord.ray.list_inputs("memory://accord-test/nothing-here", PIPELINE)


def test_ray_run_over_a_file_url_writes_the_bytes_of_the_cli(cluster, cli_outputs, tmp_path):
    summary = accord.ray.run(EVAL_CORPUS.as_uri(), tmp_path / "out", PIPELINE, shards=2, cache=False,
                             cache_dir=tmp_path / "cache")
    assert files(summary.out) == files(cli_outputs["eval"])
    # The output inside a local corpus is refused before any work, as by `accord run`.
    with pytest.raises(accord.AccordError, match="inside the input folder"):
        accord.ray.run(EVAL_CORPUS.as_uri(), EVAL_CORPUS / "out", PIPELINE, shards=1)
    assert not (EVAL_CORPUS / "out").exists()


def test_a_tree_of_merged_shards_writes_the_bytes_of_the_cli(cluster, cli_outputs, tmp_path):
    summary = accord.ray.run(BAD_CORPUS, tmp_path / "out", PIPELINE, shards=5, tree=True, cache=False,
                             cache_dir=tmp_path / "cache")
    assert files(summary.out) == files(cli_outputs["bad"])


def test_merged_shards_are_checked(tmp_path):
    blobs = [_native.map_shard(str(PIPELINE), str(EVAL_CORPUS), str(tmp_path / "out"), k, 3, threads=1,
                               cache=False, cache_dir=str(tmp_path / "c")) for k in (1, 2, 3)]
    both = accord.ray.merge_shards(blobs[0], blobs[2])
    with pytest.raises(accord.AccordError, match="shard 1 of 3 is in both files"):
        accord.ray.merge_shards(both, blobs[0])
    other = _native.map_shard(str(PIPELINE), str(BAD_CORPUS), str(tmp_path / "out"), 1, 3, threads=1,
                              cache=False, cache_dir=str(tmp_path / "c"))
    with pytest.raises(accord.AccordError, match="different runs"):
        accord.ray.merge_shards(both, other)
    # A merged file and a plain one reduce like three plain ones.
    accord.ray.reduce_shards([both, blobs[1]], tmp_path / "merged", PIPELINE)
    accord.ray.reduce_shards(blobs, tmp_path / "plain", PIPELINE)
    assert files(tmp_path / "merged") == files(tmp_path / "plain")
    with pytest.raises(accord.AccordError, match="lacks shard"):
        accord.ray.reduce_shards([both], tmp_path / "missing", PIPELINE)
